"""Shape generators for the art, in design units: each returns a polygon (a list of points) for
a Pen to outline and fill. Ellipses and rounded rectangles remember how they were made
(recipe_of), so the pen can grow their outlines exactly and draw upright ellipses with pygame's
own ellipse()."""
from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

Point = tuple[float, float]
Shape = list[Point]


class _Known(list):  # type: ignore[type-arg]
    """A shape that remembers how it was made, so the pen can grow its outline directly."""
    __slots__ = ("_recipe", "_made")

    def __init__(self, pts: list[Point], recipe: tuple[Any, ...]) -> None:
        super().__init__(pts)
        self._recipe = recipe
        self._made = len(pts)


def recipe_of(shape: Shape) -> tuple[Any, ...] | None:
    """How an ellipse() or rounded_rect() shape was made (None for other or altered shapes)."""
    if type(shape) is _Known and len(shape) == shape._made:
        return shape._recipe
    return None


def recipe_grown(recipe: tuple[Any, ...], e: float) -> Shape:
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
