"""Drawing helpers for the art modules: shape outlines in design units on a 2× canvas.

A `Pen` owns a supersampled SRCALPHA canvas. Shapes are point lists in *design units*
(each module picks a design box, e.g. 80×64 for the side-view dog); the pen scales them,
draws a thick navy outline (by dilating the polygon with round joins) and the fill, and
`done()` smoothscales the canvas down once to the final size.
"""
from __future__ import annotations

import functools
import inspect
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import pygame

from game.art.palette import NAVY, Colour

SS = 2  # supersampling factor
F = TypeVar("F", bound=Callable[..., Any])


def built_once(fn: F) -> F:
    """Like functools.cache, but f(), f(80) and f(size=80) share one build.

    Repeat calls made the same way cost one dict look-up, so it is fine per frame.
    """
    sig = inspect.signature(fn)
    seen: dict[Any, Any] = {}
    made: dict[tuple[Any, ...], Any] = {}

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        raw = (args, tuple(sorted(kwargs.items())))
        try:
            return seen[raw]
        except KeyError:
            pass
        bound = sig.bind(*args, **kwargs)
        bound.apply_defaults()
        key = tuple(bound.arguments.values())
        if key not in made:
            made[key] = fn(*args, **kwargs)
        seen[raw] = made[key]
        return made[key]

    wrapper.cache_clear = lambda: (seen.clear(), made.clear())  # type: ignore[attr-defined]
    return wrapper  # type: ignore[return-value]
Point = tuple[float, float]
Shape = list[Point]


# ---------------------------------------------------------------- shape generators (design units)

def ellipse(cx: float, cy: float, rx: float, ry: float, rot: float = 0.0, n: int = 0) -> Shape:
    """An ellipse as a polygon; `rot` in degrees, clockwise on screen."""
    n = n or max(20, min(96, int(2.2 * (rx + ry))))
    c, s = math.cos(math.radians(rot)), math.sin(math.radians(rot))
    pts = []
    for i in range(n):
        t = 2 * math.pi * i / n
        x, y = rx * math.cos(t), ry * math.sin(t)
        pts.append((cx + x * c - y * s, cy + x * s + y * c))
    return pts


def circle(cx: float, cy: float, r: float, n: int = 0) -> Shape:
    return ellipse(cx, cy, r, r, 0.0, n)


def arc(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int = 16) -> Shape:
    """Points along an elliptical arc from angle a0 to a1 (degrees, 0 = right, 90 = down)."""
    return [(cx + rx * math.cos(math.radians(a0 + (a1 - a0) * i / n)),
             cy + ry * math.sin(math.radians(a0 + (a1 - a0) * i / n))) for i in range(n + 1)]


def bezier(p0: Point, p1: Point, p2: Point, n: int = 12) -> Shape:
    """A quadratic Bézier curve as points (both ends included)."""
    out = []
    for i in range(n + 1):
        t = i / n
        a, b, c = (1 - t) ** 2, 2 * t * (1 - t), t * t
        out.append((a * p0[0] + b * p1[0] + c * p2[0], a * p0[1] + b * p1[1] + c * p2[1]))
    return out


def capsule(p: Point, q: Point, r1: float, r2: float | None = None, n: int = 10) -> Shape:
    """A thick segment with round ends (tapering from r1 at p to r2 at q)."""
    r2 = r1 if r2 is None else r2
    ang = math.atan2(q[1] - p[1], q[0] - p[0])
    pts = []
    for i in range(n + 1):  # round cap around q, from +90° to -90° relative to the direction
        a = ang + math.pi / 2 - math.pi * i / n
        pts.append((q[0] + r2 * math.cos(a), q[1] + r2 * math.sin(a)))
    for i in range(n + 1):
        a = ang - math.pi / 2 - math.pi * i / n
        pts.append((p[0] + r1 * math.cos(a), p[1] + r1 * math.sin(a)))
    return pts


def stroke(centre: Sequence[Point], widths: Sequence[float], round_end: bool = True) -> Shape:
    """A tapering ribbon along a polyline (half-widths per point), with a round far end."""
    left, right = [], []
    m = len(centre)
    for i, (x, y) in enumerate(centre):
        a = centre[max(0, i - 1)]
        b = centre[min(m - 1, i + 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        d = math.hypot(dx, dy) or 1.0
        nx, ny = -dy / d, dx / d
        w = widths[i]
        left.append((x + nx * w, y + ny * w))
        right.append((x - nx * w, y - ny * w))
    tip: Shape = []
    if round_end:
        (x0, y0), (x1, y1) = centre[-2], centre[-1]
        ang = math.atan2(y1 - y0, x1 - x0)
        w = widths[-1]
        tip = [(x1 + w * math.cos(ang + math.pi / 2 - math.pi * i / 8),
                y1 + w * math.sin(ang + math.pi / 2 - math.pi * i / 8)) for i in range(1, 8)]
    return left + tip + right[::-1]


def rounded_rect(x: float, y: float, w: float, h: float, r: float) -> Shape:
    r = max(0.0, min(r, w / 2, h / 2))
    if r == 0:
        return [(x, y), (x + w, y), (x + w, y + h), (x, y + h)]
    pts: Shape = []
    for cx, cy, a0 in ((x + w - r, y + r, -90), (x + w - r, y + h - r, 0),
                       (x + r, y + h - r, 90), (x + r, y + r, 180)):
        pts += arc(cx, cy, r, r, a0, a0 + 90, 6)
    return pts


def star(cx: float, cy: float, points: int, r_out: float, r_in: float, rot: float = -90.0) -> Shape:
    pts = []
    for i in range(points * 2):
        r = r_out if i % 2 == 0 else r_in
        a = math.radians(rot + 180 * i / points)
        pts.append((cx + r * math.cos(a), cy + r * math.sin(a)))
    return pts


def leaf(a: Point, b: Point, tip: Point, bulge: float = 0.25) -> Shape:
    """A pointy, bulging shape from base a to the tip and back to base b (ears)."""
    def ctrl(p: Point) -> Point:
        mx, my = (p[0] + tip[0]) / 2, (p[1] + tip[1]) / 2
        dx, dy = tip[0] - p[0], tip[1] - p[1]
        return (mx - dy * bulge * side(p), my + dx * bulge * side(p))

    def side(p: Point) -> float:
        # bulge away from the other base point
        other = b if p is a else a
        dx, dy = tip[0] - p[0], tip[1] - p[1]
        ox, oy = other[0] - p[0], other[1] - p[1]
        return -1.0 if (dx * oy - dy * ox) > 0 else 1.0

    return bezier(a, ctrl(a), tip, 10) + bezier(tip, ctrl(b), b, 10)[1:]


def transform(pts: Sequence[Point], dx: float = 0, dy: float = 0, rot: float = 0.0,
              about: Point = (0.0, 0.0), sx: float = 1.0, sy: float = 1.0) -> Shape:
    """Scale about `about`, rotate about it (degrees, clockwise on screen), then shift."""
    c, s = math.cos(math.radians(rot)), math.sin(math.radians(rot))
    out = []
    for x, y in pts:
        x, y = (x - about[0]) * sx, (y - about[1]) * sy
        out.append((about[0] + x * c - y * s + dx, about[1] + x * s + y * c + dy))
    return out


def spiral(cx: float, cy: float, r: float, turns: float = 2.0, n: int = 40) -> Shape:
    return [(cx + r * (i / n) * math.cos(2 * math.pi * turns * i / n),
             cy + r * (i / n) * math.sin(2 * math.pi * turns * i / n)) for i in range(n + 1)]


# ---------------------------------------------------------------- the pen

class Pen:
    """Draw outlined shapes in design units on a 2× canvas; `done()` returns the final surface."""

    def __init__(self, size: tuple[int, int], unit: float, outline: float, ink: Colour = NAVY,
                 background: Colour | None = None, origin: Point = (0.0, 0.0)) -> None:
        self.size = size
        self.ox, self.oy = origin  # design-unit shift applied to everything drawn
        self.k = unit * SS  # canvas pixels per design unit
        self.ow = outline  # outline width in design units
        self.ink = ink
        self.opaque = background is not None
        if self.opaque:
            self.surf = pygame.Surface((size[0] * SS, size[1] * SS))
            self.surf.fill(background)
        else:
            self.surf = pygame.Surface((size[0] * SS, size[1] * SS), pygame.SRCALPHA)
        self._stack: list[pygame.Surface] = []

    # coordinates
    def p(self, pts: Sequence[Point]) -> list[tuple[float, float]]:
        k, ox, oy = self.k, self.ox, self.oy
        return [((x + ox) * k, (y + oy) * k) for x, y in pts]

    def r(self, v: float) -> float:
        return v * self.k

    # primitives
    def outline(self, *shapes: Shape, w: float | None = None, colour: Colour | None = None) -> None:
        """The silhouette of the shapes grown by the outline width, in the ink colour.

        Fill the shapes afterwards; shapes outlined together get one merged outline. The growth
        is an exact Minkowski sum with a disc: every edge as a thick quad, every corner a circle.
        """
        colour = colour or self.ink
        rad = (self.ow if w is None else w) * self.k
        draw_poly, draw_circle = pygame.draw.polygon, pygame.draw.circle
        for shape in shapes:
            sp = self.p(shape)
            draw_poly(self.surf, colour, sp)
            if rad < 0.5:
                continue
            m = len(sp)
            for i in range(m):
                (x0, y0), (x1, y1) = sp[i], sp[(i + 1) % m]
                dx, dy = x1 - x0, y1 - y0
                d = math.hypot(dx, dy)
                if d > 1e-6:
                    nx, ny = -dy / d * rad, dx / d * rad
                    draw_poly(self.surf, colour, [(x0 + nx, y0 + ny), (x1 + nx, y1 + ny),
                                                  (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)])
                draw_circle(self.surf, colour, (x0, y0), rad)

    def fill(self, colour: Colour, *shapes: Shape) -> None:
        for shape in shapes:
            pygame.draw.polygon(self.surf, colour, self.p(shape))

    def shape(self, colour: Colour, *shapes: Shape, w: float | None = None) -> None:
        """Outline then fill: shapes given together share one merged outline."""
        self.outline(*shapes, w=w)
        self.fill(colour, *shapes)

    def line(self, pts: Sequence[Point], width: float, colour: Colour | None = None,
             closed: bool = False) -> None:
        """A polyline `width` design units thick with round joins and ends."""
        colour = colour or self.ink
        pts = list(pts) + ([pts[0]] if closed else [])
        half = width * self.k / 2
        if len(pts) > 1:
            ribbon = stroke(pts, [width / 2] * len(pts), round_end=False)
            pygame.draw.polygon(self.surf, colour, self.p(ribbon))
        for pt in self.p(pts):
            pygame.draw.circle(self.surf, colour, pt, half)

    def dot(self, colour: Colour, cx: float, cy: float, r: float) -> None:
        pygame.draw.circle(self.surf, colour, ((cx + self.ox) * self.k, (cy + self.oy) * self.k),
                           r * self.k)

    def rect(self, colour: Colour, x: float, y: float, w: float, h: float) -> None:
        k = self.k
        x, y = x + self.ox, y + self.oy
        pygame.draw.rect(self.surf, colour, pygame.Rect(round(x * k), round(y * k),
                                                         round(w * k), round(h * k)))

    def text(self, words: str, centre: Point, height: float, colour: Colour,
             max_width: float | None = None) -> None:
        """Bold text centred at `centre`, about `height` design units tall (pygame's own font)."""
        img = render_text(words, max(6, round(height * self.k * 1.35)), colour)
        if img is None:
            return
        if max_width is not None and img.get_width() > max_width * self.k:
            scale = max_width * self.k / img.get_width()
            img = pygame.transform.smoothscale(img, (max(1, int(img.get_width() * scale)),
                                                     max(1, int(img.get_height() * scale))))
        self.surf.blit(img, img.get_rect(center=((centre[0] + self.ox) * self.k,
                                                 (centre[1] + self.oy) * self.k)))

    def tint(self, rgba: tuple[int, int, int, int], *shapes: Shape) -> None:
        """See-through shapes, blended over what is already drawn (shading, glows)."""
        layer = pygame.Surface(self.surf.get_size(), pygame.SRCALPHA)
        for shape in shapes:
            pygame.draw.polygon(layer, rgba, self.p(shape))
        self.surf.blit(layer, (0, 0))

    @contextmanager
    def clip(self, *shapes: Shape) -> Iterator[None]:
        """Everything drawn inside the block is clipped to the union of the shapes."""
        layer = pygame.Surface(self.surf.get_size(), pygame.SRCALPHA)
        self._stack.append(self.surf)
        self.surf = layer
        try:
            yield
        finally:
            self.surf = self._stack.pop()
            mask = pygame.Surface(layer.get_size(), pygame.SRCALPHA)
            for shape in shapes:
                pygame.draw.polygon(mask, (255, 255, 255, 255), self.p(shape))
            layer.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
            self.surf.blit(layer, (0, 0))

    def done(self) -> pygame.Surface:
        out = pygame.transform.smoothscale(self.surf, self.size)
        return out.convert() if self.opaque else out.convert_alpha()


_FONTS: dict[int, pygame.font.Font] = {}


def render_text(words: str, px: int, colour: Colour) -> pygame.Surface | None:
    try:
        if not pygame.font.get_init():
            pygame.font.init()
        font = _FONTS.get(px)
        if font is None:
            font = _FONTS[px] = pygame.font.Font(None, px)  # freesansbold, shipped with pygame
        return font.render(words, True, colour)
    except (pygame.error, OSError):  # no font available: the art still works without words
        return None


def blend(a: Colour, b: Colour, t: float) -> Colour:
    """Mix two colours: t = 0 gives a, t = 1 gives b."""
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t),
            round(a[2] + (b[2] - a[2]) * t))
