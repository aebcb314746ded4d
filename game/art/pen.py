"""Drawing helpers for the art modules: shape outlines in design units on a 2× canvas.

A `Pen` owns a supersampled SRCALPHA canvas. Shapes are point lists in *design units*
(each module picks a design box, e.g. 80×64 for the side-view dog); the pen scales them,
draws a thick navy outline (the polygon grown by the outline width, with round joins) and
the fill, and `done()` smoothscales the canvas down once to the final size.

Speed matters: the title screen's art is built while the game starts. So an outline is one
grown polygon (not a stamp per edge and corner), ellipses and rounded rectangles remember
their recipe so they can be grown exactly and upright ellipses drawn by pygame's own
ellipse(), and clip layers are only as big as the clip shapes.
"""
from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar

import pygame

from game.art.palette import NAVY, Colour
from game.lru import MB, ByteLRU

SS = 2  # supersampling factor
F = TypeVar("F", bound=Callable[..., Any])
_MISSING = object()


# Every picture the art draws, kept while it fits in this many bytes (the least recently used
# goes first; it is drawn again if it is needed again). The park, the title's backdrop, the
# hedges and the dogs of a round come to about 20 MB.
ART = ByteLRU("art", 40 * MB)
_CALL_FORMS = 4096  # remembered ways of calling (keys only, no pictures)


def built_once(fn: F) -> F:
    """Like functools.cache, but f(), f(80) and f(size=80) share one build, and the pictures
    are kept in the shared ART cache, bounded in bytes.

    Repeat calls made the same way cost two dict look-ups, so it is fine per frame. (Arguments
    are bound by hand from the function's code object: `inspect.signature` is costly at import.)
    """
    return _built_once(fn, between_launches=False)


def kept_between_launches(fn: F) -> F:
    """Like built_once, and the picture is also kept on disk from one launch to the next
    (game.kept): for the pictures the title draws before its first frame."""
    return _built_once(fn, between_launches=True)


def _built_once(fn: F, between_launches: bool) -> F:
    code = fn.__code__
    names = code.co_varnames[:code.co_argcount]
    defaults = fn.__defaults__ or ()
    first_default = len(names) - len(defaults)
    seen: dict[Any, tuple[Any, ...]] = {}  # the call as made -> the key of its picture

    def bind(args: tuple[Any, ...], kwargs: dict[str, Any]) -> tuple[Any, ...] | None:
        if len(args) > len(names) or any(k not in names[len(args):] for k in kwargs):
            return None
        key = list(args)
        for i in range(len(args), len(names)):
            v = kwargs.get(names[i], _MISSING)
            if v is _MISSING:
                if i < first_default:
                    return None
                v = defaults[i - first_default]
            key.append(v)
        return tuple(key)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        raw = (args, tuple(sorted(kwargs.items())) if kwargs else ())
        key = seen.get(raw)
        if key is None:
            bound = bind(args, kwargs)
            if bound is None:  # a call that does not fit: let the function raise its TypeError
                return fn(*args, **kwargs)
            if len(seen) >= _CALL_FORMS:
                seen.clear()
            key = seen[raw] = (fn, *bound)
        made = ART.get(key)
        if made is None:
            made = ART.put(key, _from_disk(fn, key[1:]) if between_launches else
                           fn(*args, **kwargs))
        return made

    wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
    for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
        setattr(wrapper, attr, getattr(fn, attr))
    wrapper.cache_clear = lambda: (  # type: ignore[attr-defined]
        seen.clear(), ART.forget(lambda key: key[0] is fn))
    return wrapper  # type: ignore[return-value]


def _from_disk(fn: Callable[..., pygame.Surface], args: tuple[Any, ...]) -> pygame.Surface:
    from game.kept import kept, picture_dump, picture_load
    name = fn.__name__ + "".join(f"-{arg}" for arg in args)
    return kept(name, "", lambda: fn(*args), picture_dump, picture_load)


Point = tuple[float, float]
Shape = list[Point]


# ---------------------------------------------------------------- shape generators (design units)

class _Known(list):  # type: ignore[type-arg]
    """A shape that remembers how it was made, so the pen can grow its outline directly."""
    __slots__ = ("_recipe", "_made")

    def __init__(self, pts: list[Point], recipe: tuple[Any, ...]) -> None:
        super().__init__(pts)
        self._recipe = recipe
        self._made = len(pts)


def _recipe(shape: Shape) -> tuple[Any, ...] | None:
    """How an ellipse() or rounded_rect() shape was made (None for other or altered shapes)."""
    if type(shape) is _Known and len(shape) == shape._made:
        return shape._recipe
    return None


def _grown(recipe: tuple[Any, ...], e: float) -> Shape:
    """The shape a recipe makes, grown outward by e design units."""
    if recipe[0] == "ellipse":
        _, cx, cy, rx, ry, rot, n = recipe
        e /= math.cos(math.pi / n)  # a regular polygon's corners sit 1/cos(pi/n) further out
        return ellipse(cx, cy, rx + e, ry + e, rot, n)
    _, x, y, w, h, r = recipe
    return rounded_rect(x - e, y - e, w + 2 * e, h + 2 * e, r + e)


_UNIT: dict[int, list[tuple[float, float]]] = {}


def _unit_circle(n: int) -> list[tuple[float, float]]:
    pts = _UNIT.get(n)
    if pts is None:
        step = 2 * math.pi / n
        pts = _UNIT[n] = [(math.cos(step * i), math.sin(step * i)) for i in range(n)]
    return pts


def ellipse(cx: float, cy: float, rx: float, ry: float, rot: float = 0.0, n: int = 0) -> Shape:
    """An ellipse as a polygon; `rot` in degrees, clockwise on screen."""
    n = n or max(20, min(96, int(2.2 * (rx + ry))))
    if rot:
        c, s = math.cos(math.radians(rot)), math.sin(math.radians(rot))
        xc, xs, yc, ys = rx * c, rx * s, ry * c, ry * s
        pts = [(cx + xc * u - ys * v, cy + xs * u + yc * v) for u, v in _unit_circle(n)]
    else:
        pts = [(cx + rx * u, cy + ry * v) for u, v in _unit_circle(n)]
    return _Known(pts, ("ellipse", cx, cy, rx, ry, rot, n))


def circle(cx: float, cy: float, r: float, n: int = 0) -> Shape:
    return ellipse(cx, cy, r, r, 0.0, n)


def arc(cx: float, cy: float, rx: float, ry: float, a0: float, a1: float, n: int = 16) -> Shape:
    """Points along an elliptical arc from angle a0 to a1 (degrees, 0 = right, 90 = down)."""
    cos, sin, rad = math.cos, math.sin, math.radians
    angles = [rad(a0 + (a1 - a0) * i / n) for i in range(n + 1)]
    return [(cx + rx * cos(a), cy + ry * sin(a)) for a in angles]


def bezier(p0: Point, p1: Point, p2: Point, n: int = 12) -> Shape:
    """A quadratic Bézier curve as points (both ends included)."""
    (x0, y0), (x1, y1), (x2, y2) = p0, p1, p2
    ts = [i / n for i in range(n + 1)]
    return [((1 - t) ** 2 * x0 + 2 * t * (1 - t) * x1 + t * t * x2,
             (1 - t) ** 2 * y0 + 2 * t * (1 - t) * y1 + t * t * y2) for t in ts]


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
    return _Known(pts, ("rounded_rect", x, y, w, h, r))


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
    ax, ay = about
    if not rot:
        bx, by = ax + dx - ax * sx, ay + dy - ay * sy
        return [(x * sx + bx, y * sy + by) for x, y in pts]
    c, s = math.cos(math.radians(rot)), math.sin(math.radians(rot))
    xc, xs, yc, ys = sx * c, sx * s, sy * c, sy * s
    return [(ax + (x - ax) * xc - (y - ay) * ys + dx, ay + (x - ax) * xs + (y - ay) * yc + dy)
            for x, y in pts]


def spiral(cx: float, cy: float, r: float, turns: float = 2.0, n: int = 40) -> Shape:
    return [(cx + r * (i / n) * math.cos(2 * math.pi * turns * i / n),
             cy + r * (i / n) * math.sin(2 * math.pi * turns * i / n)) for i in range(n + 1)]


# ---------------------------------------------------------------- outline geometry (canvas px)

_TOL = 0.3  # how far (canvas px) a grown outline may stray from the exact round-jointed one


def _grow(pts: list[Point], r: float) -> tuple[list[Point], bool] | None:
    """The polygon `pts` grown outward by `r`: its Minkowski sum with a disc, as one polygon.

    Gentle corners get a single mitred point (within _TOL of the exact rounded corner), sharp
    outer corners a little arc of points; inner corners get the mitre point, which is exact
    where the edges either side are longer than the outline is wide.
    Returns (points, convex), or None when the polygon is degenerate.
    """
    xs = [x for x, _ in pts]
    ys = [y for _, y in pts]
    dxs = [b - a for a, b in zip(xs[-1:] + xs[:-1], xs)]  # the edge ending at each vertex
    dys = [b - a for a, b in zip(ys[-1:] + ys[:-1], ys)]
    ds = list(map(math.hypot, dxs, dys))
    if min(ds) < 1e-7:  # repeated points: drop them and try again
        keep = [i for i, d in enumerate(ds) if d >= 1e-7]
        if len(keep) < 3 or len(keep) == len(pts):
            return None
        return _grow([pts[i] for i in keep], r)
    area2 = sum(x0 * y1 - x1 * y0 for x0, y0, x1, y1 in zip(xs[-1:] + xs[:-1], ys[-1:] + ys[:-1],
                                                             xs, ys))
    if not area2:
        return None
    sgn = 1.0 if area2 > 0 else -1.0
    nxs = [sgn * dy / d for dy, d in zip(dys, ds)]  # outward unit normals of those edges
    nys = [-sgn * dx / d for dx, d in zip(dxs, ds)]
    nx1s = nxs[1:] + nxs[:1]  # ... and of the edge leaving each vertex
    ny1s = nys[1:] + nys[:1]
    cs = [a * b + c * d for a, b, c, d in zip(nxs, nx1s, nys, ny1s)]  # cos of the turn
    turns = [sgn * (a * d - c * b) for a, b, c, d in zip(nxs, nx1s, nys, ny1s)]  # > 0: outer
    limit = r / (r + _TOL)
    cos_miter = 2 * limit * limit - 1  # corners gentler than this just get their mitre point
    if min(cs) >= cos_miter:  # a smooth shape (the usual case): one mitre point per vertex
        fs = [r / (1 + c) for c in cs]
        out = [(x + (a + b) * f, y + (c + d) * f)
               for x, y, a, b, c, d, f in zip(xs, ys, nxs, nx1s, nys, ny1s, fs)]
        return out, min(turns) > -1e-9
    step = 2 * math.acos(max(-1.0, 1 - _TOL / r))  # arc step for rounded corners
    out = []
    add = out.append
    convex = True
    for x, y, n0x, n1x, n0y, n1y, c, turn in zip(xs, ys, nxs, nx1s, nys, ny1s, cs, turns):
        if c >= cos_miter or (turn < 0 and c > -0.875):
            f = r / (1 + c)
            add((x + (n0x + n1x) * f, y + (n0y + n1y) * f))
            if turn < -1e-9:
                convex = False
        elif turn > 0:  # a sharp outer corner: round it
            a0 = math.atan2(n0y, n0x)
            sweep = math.atan2(sgn * turn, c)
            k = max(1, math.ceil(abs(sweep) / step))
            for j in range(k + 1):
                a = a0 + sweep * j / k
                add((x + r * math.cos(a), y + r * math.sin(a)))
        else:  # a needle-sharp inner corner: go round the vertex itself
            convex = False
            add((x + n0x * r, y + n0y * r))
            add((x, y))
            add((x + n1x * r, y + n1y * r))
    return out, convex


def detail(radius_px: float) -> int:
    """Polygon points for a circle `radius_px` canvas pixels round, within _TOL of the curve."""
    if radius_px <= 2 * _TOL:
        return 12
    return max(12, min(96, math.ceil(math.pi / math.acos(1 - _TOL / radius_px))))


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
        canvas = (size[0] * SS, size[1] * SS)
        if self.opaque:
            self.surf = pygame.Surface(canvas)
            self.surf.fill(background)
        else:
            self.surf = pygame.Surface(canvas, pygame.SRCALPHA)
        self._stack: list[tuple[pygame.Surface, float, float, bool]] = []
        self._soft = False  # has anything half-transparent been put on the current layer?

    # coordinates
    def p(self, pts: Sequence[Point]) -> list[tuple[float, float]]:
        k, ox, oy = self.k, self.ox, self.oy
        return [((x + ox) * k, (y + oy) * k) for x, y in pts]

    def r(self, v: float) -> float:
        return v * self.k

    def n(self, radius: float) -> int:
        """Enough polygon points for a round shape of this radius (design units) on this pen."""
        return detail(radius * self.k)

    def _oval(self, shape: Shape, grow: float = 0.0, dx: int = 0,
              dy: int = 0) -> pygame.Rect | None:
        """For an upright ellipse() shape, the canvas rect pygame.draw.ellipse should fill to
        cover it (grown by `grow` design units, shifted by -dx, -dy px); otherwise None."""
        recipe = _recipe(shape)
        if recipe is None or recipe[0] != "ellipse":
            return None
        _, cx, cy, rx, ry, rot, _ = recipe
        if rot % 180 and rx != ry:
            if rot % 90:
                return None
            rx, ry = ry, rx
        k = self.k
        cx, cy, rx, ry = (cx + self.ox) * k - dx, (cy + self.oy) * k - dy, (rx + grow) * k, \
            (ry + grow) * k
        x0, y0 = math.floor(cx - rx), math.floor(cy - ry)
        return pygame.Rect(x0, y0, math.ceil(cx + rx) - x0, math.ceil(cy + ry) - y0)

    def _fill(self, surf: pygame.Surface, colour: Any, shape: Shape, dx: int = 0,
              dy: int = 0) -> None:
        """Fill one shape on `surf`, shifted by -dx, -dy canvas px."""
        oval = self._oval(shape, 0.0, dx, dy)
        if oval is not None:  # upright ellipses: pygame's own ellipse is far quicker
            pygame.draw.ellipse(surf, colour, oval)
        elif dx or dy:
            pygame.draw.polygon(surf, colour, [(x - dx, y - dy) for x, y in self.p(shape)])
        else:
            pygame.draw.polygon(surf, colour, self.p(shape))

    def _box(self, shapes: Sequence[list[Point]]) -> pygame.Rect:
        """The canvas pixels the (canvas-px) shapes can touch, clipped to the canvas."""
        xs = [x for sp in shapes for x, _ in sp]
        ys = [y for sp in shapes for _, y in sp]
        if not xs:
            return pygame.Rect(0, 0, 0, 0)
        x0, y0 = math.floor(min(xs)) - 2, math.floor(min(ys)) - 2
        box = pygame.Rect(x0, y0, math.ceil(max(xs)) + 3 - x0, math.ceil(max(ys)) + 3 - y0)
        return box.clip(self.surf.get_rect())

    # primitives
    def outline(self, *shapes: Shape, w: float | None = None, colour: Colour | None = None) -> None:
        """The silhouette of the shapes grown by the outline width, in the ink colour.

        Fill the shapes afterwards; shapes outlined together get one merged outline. The growth
        is the Minkowski sum with a disc (round joins), drawn as one polygon per shape.
        """
        colour = colour or self.ink
        rad = (self.ow if w is None else w) * self.k
        surf, draw_poly = self.surf, pygame.draw.polygon
        for shape in shapes:
            recipe = _recipe(shape)
            if recipe is not None and rad >= 0.5:  # an ellipse or rounded rectangle: grow it
                oval = self._oval(shape, rad / self.k)
                if oval is not None:
                    pygame.draw.ellipse(surf, colour, oval)
                else:
                    draw_poly(surf, colour, self.p(_grown(recipe, rad / self.k)))
                continue
            sp = self.p(shape)
            grown = _grow(sp, rad) if rad >= 0.5 else None
            if grown is None:
                draw_poly(surf, colour, sp)
                if rad >= 0.5:  # a degenerate shape: a dot or a line, grown
                    for x, y in sp:
                        pygame.draw.circle(surf, colour, (x, y), rad)
                    if len(sp) > 1:
                        pygame.draw.polygon(surf, colour, _ribbon(sp, rad))
                continue
            pts, convex = grown
            if not convex:  # the grown polygon may cross itself; the shape itself is solid
                draw_poly(surf, colour, sp)
            draw_poly(surf, colour, pts)

    def fill(self, colour: Colour, *shapes: Shape) -> None:
        for shape in shapes:
            self._fill(self.surf, colour, shape)

    def fill_lit(self, colour: Colour, light: Colour, shapes: Sequence[Shape],
                 lit: Sequence[Shape]) -> None:
        """Fill `shapes` in `colour`, then `light` wherever the `lit` shapes fall inside them.

        The same picture as fill(colour, *shapes) and then fill(light, *lit) inside
        clip(*shapes), made without the clip's layers when `light` is the lighter colour: the
        shapes are filled with `light`, then (light - colour) is taken off them except on the
        lit shapes.
        """
        darker = tuple(a - b for a, b in zip(light, colour))
        if min(darker) < 0:
            self.fill(colour, *shapes)
            with self.clip(*shapes):
                self.fill(light, *lit)
            return
        for shape in shapes:
            self._fill(self.surf, light, shape)
        box = self._box([self.p(shape) for shape in shapes])
        if not box.w or not box.h:
            return
        bx, by = box.topleft
        sheet = pygame.Surface(box.size)  # black: takes nothing off
        for shape in shapes:
            self._fill(sheet, darker, shape, bx, by)
        for shape in lit:
            self._fill(sheet, (0, 0, 0), shape, bx, by)
        self.surf.blit(sheet, box, special_flags=pygame.BLEND_RGB_SUB)

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
        sp = self.p(pts)
        surf, draw_circle = self.surf, pygame.draw.circle
        if len(sp) > 1:
            pygame.draw.polygon(surf, colour, _ribbon(sp, half))
        if len(sp) == 1 or not closed:
            draw_circle(surf, colour, sp[0], half)
            draw_circle(surf, colour, sp[-1], half)
        if len(sp) > 2:  # round joins only where the line bends sharply or doubles back
            for x, y in _sharp_joins(sp if not closed else sp[-2:-1] + sp, half):
                draw_circle(surf, colour, (x, y), half)

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
        self._soft = True

    def tint(self, rgba: tuple[int, int, int, int], *shapes: Shape) -> None:
        """See-through shapes, blended over what is already drawn (shading, glows)."""
        sps = [self.p(shape) for shape in shapes]
        box = self._box(sps)
        if not box.w or not box.h:
            return
        layer = pygame.Surface(box.size, pygame.SRCALPHA)
        bx, by = box.topleft
        for shape in shapes:
            self._fill(layer, rgba, shape, bx, by)
        self.surf.blit(layer, box)
        self._soft = True

    @contextmanager
    def clip(self, *shapes: Shape) -> Iterator[None]:
        """Everything drawn inside the block is clipped to the union of the shapes."""
        sps = [self.p(shape) for shape in shapes]
        box = self._box(sps)
        layer = pygame.Surface((max(1, box.w), max(1, box.h)), pygame.SRCALPHA)
        bx, by = box.topleft
        self._stack.append((self.surf, self.ox, self.oy, self._soft))
        self.surf = layer  # draw on a layer just big enough, shifted so the box is at (0, 0)
        self.ox -= bx / self.k
        self.oy -= by / self.k
        self._soft = False
        try:
            yield
        finally:
            soft = self._soft
            self.surf, self.ox, self.oy, self._soft = self._stack.pop()
            if box.w and box.h:
                mask = pygame.Surface(box.size, pygame.SRCALPHA)
                for shape in shapes:
                    self._fill(mask, (255, 255, 255, 255), shape, bx, by)
                layer.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
                if soft:  # half-transparent pixels: the usual alpha blend
                    self.surf.blit(layer, box)
                    self._soft = True
                else:  # every pixel is clear or solid, so this quicker blend gives the same
                    self.surf.blit(layer, box, special_flags=pygame.BLEND_PREMULTIPLIED)

    def done(self) -> pygame.Surface:
        out = pygame.transform.smoothscale(self.surf, self.size)
        if self.opaque:
            return out.convert()
        if out.get_bitsize() == 32 and out.get_masks() == _alpha_masks():
            return out  # already in the format convert_alpha() would make: skip the copy
        return out.convert_alpha()


_ALPHA_MASKS: dict[tuple[int, tuple[int, ...]], tuple[int, ...]] = {}


def _alpha_masks() -> tuple[int, ...] | None:
    """The pixel masks convert_alpha() gives with the current display (None: no display)."""
    display = pygame.display.get_surface()
    if display is None:
        return None
    key = (display.get_bitsize(), display.get_masks())
    masks = _ALPHA_MASKS.get(key)
    if masks is None:
        masks = _ALPHA_MASKS[key] = pygame.Surface((1, 1), pygame.SRCALPHA).convert_alpha() \
            .get_masks()
    return masks


def _ribbon(sp: list[Point], half: float) -> list[Point]:
    """A band `half` px either side of a polyline (canvas px), with flat ends."""
    xs = [x for x, _ in sp]
    ys = [y for _, y in sp]
    # the direction at each point: from the point before to the point after
    dxs = [b - a for a, b in zip(xs[:1] + xs[:-1], xs[1:] + xs[-1:])]
    dys = [b - a for a, b in zip(ys[:1] + ys[:-1], ys[1:] + ys[-1:])]
    fs = [half / (math.hypot(dx, dy) or 1.0) for dx, dy in zip(dxs, dys)]
    left = [(x - dy * f, y + dx * f) for x, y, dx, dy, f in zip(xs, ys, dxs, dys, fs)]
    right = [(x + dy * f, y - dx * f) for x, y, dx, dy, f in zip(xs, ys, dxs, dys, fs)]
    right.reverse()
    return left + right


def _sharp_joins(sp: list[Point], half: float) -> list[Point]:
    """The inner points of a polyline where a ribbon alone would not make a round, full join:
    sharp bends (over about 45°) and points next to a segment shorter than the half-width."""
    xs = [x for x, _ in sp]
    ys = [y for _, y in sp]
    sxs = [b - a for a, b in zip(xs, xs[1:])]  # the segments
    sys_ = [b - a for a, b in zip(ys, ys[1:])]
    sls = list(map(math.hypot, sxs, sys_))
    return [(x, y) for x, y, ux, uy, du, vx, vy, dv
            in zip(xs[1:], ys[1:], sxs, sys_, sls, sxs[1:], sys_[1:], sls[1:])
            if du < half or dv < half or ux * vx + uy * vy < 0.7 * du * dv]


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
