"""Outline geometry in canvas pixels: a polygon grown by the outline width (round joins) as one
polygon, the band along a line, where a line needs round joins, and how many points make a
circle smooth. A grown polygon instead of a stamp per edge and corner keeps the art quick: the
title's art is drawn while the game starts."""
from __future__ import annotations

import math

from game.art.shapes import Point

_TOL = 0.3  # how far (canvas px) a grown outline may stray from the exact round-jointed one


def grow_polygon(pts: list[Point], r: float) -> tuple[list[Point], bool] | None:
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
        return grow_polygon([pts[i] for i in keep], r)
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


def ribbon(sp: list[Point], half: float) -> list[Point]:
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


def sharp_joins(sp: list[Point], half: float) -> list[Point]:
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
