"""The town-park world: parallax sky, ground strip, obstacles, pickups and sparkles.

Everything is built once and cached; the game only blits the results. The two scrolling
layers are twice their period wide with identical halves, so blitting the area
(offset % width, 0, screen_width, h) is always seamless.
"""
from __future__ import annotations

import math
import random
from collections.abc import Callable

import pygame

from game.art import palette as C
from game.art.obstacles import hedge
from game.art.built import built_once, kept_between_launches
from game.art.palette import Colour, blend
from game.art.pen import Pen, render_text
from game.art.shapes import (Point, bezier, capsule, circle, ellipse, rounded_rect, star,
                             transform)

GROUND_PERIOD = 128  # the ground pattern repeats every 128 px (divides 1280)
GATE_POST_W = 28
CALM_GREY = 150  # calm (high-contrast) park: how much of the colour is greyed out, of 255
CALM_WASH = (6, 8, 20, 170)  # then a dark wash over it, so text panels and the dog stand out


# ---------------------------------------------------------------- helpers

def _opaque(size: tuple[int, int]) -> pygame.Surface:
    """An opaque surface already in the display's pixel format (no convert pass needed)."""
    display = pygame.display.get_surface()
    if display is None:
        return pygame.Surface(size).convert()  # raises the usual "no video mode" error
    return pygame.Surface(size, 0, display)


def _doubled(width: int, height: int,
             draw: Callable[[pygame.Surface, int, int], None]) -> pygame.Surface:
    """A surface 2×width wide: `draw` paints the left half, which is then copied to the right."""
    out = _opaque((width * 2, height))
    draw(out, width, height)
    out.blit(out, (width, 0), pygame.Rect(0, 0, width, height))
    return out


def _calmed(surf: pygame.Surface) -> pygame.Surface:
    """`surf` (opaque) greyed and darkened, in place: the park for the high-contrast theme."""
    grey = pygame.transform.grayscale(surf)
    grey.set_alpha(CALM_GREY)
    surf.blit(grey, (0, 0))
    wash = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
    wash.fill(CALM_WASH)
    surf.blit(wash, (0, 0))
    return surf


def _wrapped_blit(dest: pygame.Surface, img: pygame.Surface, x: float, y: float, w: int) -> None:
    """Blit so that anything hanging off one side (of a period w wide) comes back on the other."""
    for dx in (-w, 0, w):
        dest.blit(img, (round(x + dx), round(y)))


def _aa_poly(surf: pygame.Surface, colour: Colour, pts: list[Point]) -> None:
    ipts = [(round(x), round(y)) for x, y in pts]
    pygame.draw.polygon(surf, colour, ipts)
    pygame.draw.aalines(surf, colour, True, ipts)


class _Ridge:
    """A hill line y(x) that repeats exactly every `width` px (whole numbers of waves)."""

    def __init__(self, width: int, base: float,
                 waves: tuple[tuple[int, float, float], ...]) -> None:
        self.width, self.base, self.waves = width, base, waves

    def __call__(self, x: float) -> float:
        return self.at([x])[0]

    def at(self, xs: list[float]) -> list[float]:
        width, sin, tau = self.width, math.sin, 2 * math.pi
        total = [0.0] * len(xs)
        for f, a, ph in self.waves:
            total = [t + a * sin(tau * f * x / width + ph) for t, x in zip(total, xs)]
        return [self.base + t for t in total]


def _hill(surf: pygame.Surface, w: int, h: int, line: _Ridge, fill: Colour,
          edge: Colour, edge_px: int = 3) -> None:
    xs = [float(x) for x in range(-16, w + 17, 8)]
    top = list(zip(xs, line.at(xs)))
    bottom = [(w + 16.0, h + 4.0), (-16.0, h + 4.0)]
    _aa_poly(surf, edge, top + bottom)
    _aa_poly(surf, fill, [(x, y + edge_px) for x, y in top] + bottom)


# ---------------------------------------------------------------- far scenery pieces

@built_once
def _cloud(w: int, h: int) -> pygame.Surface:
    pen = Pen((w, h), 1.0, 1.6, ink=C.CLOUD_EDGE)
    puff_at = ((0.27, 0.58, 0.3), (0.47, 0.42, 0.38), (0.69, 0.52, 0.3), (0.84, 0.68, 0.22))
    base = rounded_rect(4, h * 0.52, w - 8, h * 0.44, h * 0.22)
    puffs = [circle(w * fx, h * fy, h * fr, pen.n(h * fr)) for fx, fy, fr in puff_at]
    shapes = [base, *puffs]
    pen.outline(*shapes)
    # shaded underneath, white (C.CLOUD) on top: every piece shrunk a little and lifted
    about, lift, k = (w / 2, h * 0.45), -h * 0.07, 0.97
    lifted = [transform(base, 0, lift, sx=k, sy=k, about=about)]
    lifted += [circle(about[0] + (w * fx - about[0]) * k, about[1] + (h * fy - about[1]) * k + lift,
                      h * fr * k, pen.n(h * fr)) for fx, fy, fr in puff_at]
    pen.fill_lit(C.CLOUD_SHADE, C.CLOUD, shapes, lifted)
    return pen.done()


@built_once
def _tree(size: int, variant: int) -> pygame.Surface:
    """A round lollipop park tree with a soft green outline (background, so no navy).

    The tree is drawn in design units of size/40, so every size is the same picture scaled:
    each size is a smooth shrink of one big drawing per variant.
    """
    big = _tree_drawing(variant % 2)
    return pygame.transform.smoothscale(big, (size, round(size * 1.3))).convert_alpha()


_TREE_DRAWN_AT = 100  # px wide: bigger than the largest tree at 2× supersampling


@built_once
def _tree_drawing(variant: int) -> pygame.Surface:
    size = _TREE_DRAWN_AT // 2
    w, h = size, round(size * 1.3)
    pen = Pen((w, h), size / 40, 1.4, ink=C.HILL_NEAR_EDGE)
    pen.shape(C.TRUNK, capsule((20, 50), (20, 30), 3.2, 2.4), w=1.2)
    if variant % 2:
        crown = [circle(20, 22, 15, pen.n(15)), circle(11, 28, 9, pen.n(9)),
                 circle(29, 28, 9, pen.n(9))]
    else:
        crown = [ellipse(20, 23, 14, 19, n=pen.n(19))]
    pen.outline(*crown)
    pen.fill(C.TREE, *crown)
    with pen.clip(*crown):
        pen.fill(C.TREE_LIGHT, ellipse(15, 14, 8, 7, -20, pen.n(8)))
        pen.fill(blend(C.TREE, C.HILL_NEAR_EDGE, 0.5), ellipse(24, 40, 14, 6, n=pen.n(14)))
    return pen.surf


_TOWN_TINTS = ((150, 178, 222), (170, 168, 222), (140, 192, 214), (182, 176, 214), (156, 196, 226))


def _building(surf: pygame.Surface, x: int, ground: int, w: int, h: int, roof: str,
              rng: random.Random) -> None:
    """A soft, far-away town building (a gabled house or a flat-roofed block)."""
    top = ground - h
    wall = blend(C.TOWN, _TOWN_TINTS[rng.randrange(len(_TOWN_TINTS))], 0.6)
    edge = blend(wall, C.TOWN_EDGE, 0.7)
    body = pygame.Rect(x, top, w, h + 40)
    if roof == "gable":
        peak = w * 0.45
        _aa_poly(surf, edge, [(x - 5, top + 2), (x + w / 2, top - peak), (x + w + 5, top + 2)])
        _aa_poly(surf, blend(C.TOWN_ROOF, edge, 0.2),
                 [(x - 1, top - 1), (x + w / 2, top - peak + 4), (x + w + 1, top - 1)])
    pygame.draw.rect(surf, edge, body, border_top_left_radius=5, border_top_right_radius=5)
    pygame.draw.rect(surf, wall, body.inflate(-5, -5), border_top_left_radius=4,
                     border_top_right_radius=4)
    if roof == "flat":
        pygame.draw.rect(surf, edge, (x - 3, top - 3, w + 6, 7), border_radius=3)
    window = blend(C.TOWN_WINDOW, wall, 0.15)
    if roof == "gable":  # a house: two windows and a door
        pygame.draw.rect(surf, window, (x + 8, top + 14, 12, 12), border_radius=3)
        pygame.draw.rect(surf, window, (x + w - 20, top + 14, 12, 12), border_radius=3)
        pygame.draw.rect(surf, edge, (x + w // 2 - 7, top + 34, 14, h), border_top_left_radius=7,
                         border_top_right_radius=7)
        return
    cols = max(1, (w - 10) // 18)
    rows = max(1, (h - 14) // 22)
    gap_x = (w - cols * 10) / (cols + 1)
    for r in range(rows):
        for c in range(cols):
            if rng.random() < 0.8:
                wx = x + gap_x + c * (10 + gap_x)
                pygame.draw.rect(surf, window, (round(wx), top + 12 + r * 22, 10, 12),
                                 border_radius=3)


def _police_station(surf: pygame.Surface, x: int, ground: int, word: str) -> None:
    """A friendly station: pediment, its sign (`word`: POLICE, or HEDDLU in Welsh), a door
    and the traditional blue lamp."""
    w, h = 150, 96
    top = ground - h
    edge = blend(C.TOWN_EDGE, C.NAVY, 0.35)
    wall = blend(C.TOWN, C.WHITE, 0.35)
    _aa_poly(surf, edge, [(x - 8, top + 2), (x + w / 2, top - 30), (x + w + 8, top + 2)])
    _aa_poly(surf, blend(C.TOWN_ROOF, C.WHITE, 0.2),
             [(x - 1, top - 1), (x + w / 2, top - 25), (x + w + 1, top - 1)])
    pygame.draw.rect(surf, edge, (x, top, w, h + 40), border_top_left_radius=4,
                     border_top_right_radius=4)
    pygame.draw.rect(surf, wall, (x + 3, top + 3, w - 6, h + 40))
    pygame.draw.rect(surf, edge, (x - 6, top - 2, w + 12, 8), border_radius=3)
    sign = pygame.Rect(x + 30, top + 12, w - 60, 20)
    pygame.draw.rect(surf, C.POLICE_BLUE, sign, border_radius=4)
    pygame.draw.rect(surf, edge, sign, 2, border_radius=4)
    label = render_text(word, 19, C.WHITE)
    if label is not None:
        if label.get_width() > sign.w - 8:  # a longer word: squeezed onto the sign
            label = pygame.transform.smoothscale(label, (sign.w - 8, label.get_height()))
        surf.blit(label, label.get_rect(center=sign.center))
    for wx in (x + 12, x + w - 36):
        pygame.draw.rect(surf, C.TOWN_WINDOW, (wx, top + 44, 24, 26), border_radius=3)
        pygame.draw.rect(surf, edge, (wx, top + 44, 24, 26), 2, border_radius=3)
    door = pygame.Rect(x + w // 2 - 16, top + 46, 32, h)
    pygame.draw.rect(surf, C.POLICE_BLUE, door, border_top_left_radius=14,
                     border_top_right_radius=14)
    pygame.draw.rect(surf, edge, door, 2, border_top_left_radius=14, border_top_right_radius=14)
    # the blue lamp over the door, glowing softly
    lx, ly = x + w // 2, top + 39
    glow = pygame.Surface((60, 60), pygame.SRCALPHA)
    for r, a in ((28, 40), (20, 60), (13, 90)):  # as SDL_gfx blends LAMP_GLOW at alpha a
        pygame.draw.circle(glow, _gfx_blend(glow.get_at((30, 30)), C.LAMP_GLOW, a), (30, 30), r)
    surf.blit(glow, (lx - 30, ly - 30))
    pygame.draw.rect(surf, edge, (lx - 9, ly - 9, 18, 19), border_radius=4)
    pygame.draw.rect(surf, C.LAMP_BLUE, (lx - 7, ly - 7, 14, 15), border_radius=3)
    pygame.draw.rect(surf, C.WHITE, (lx - 4, ly - 4, 4, 6), border_radius=2)
    pygame.draw.rect(surf, edge, (lx - 10, ly - 12, 20, 4), border_radius=2)


def _gfx_blend(under: pygame.Color, colour: Colour, a: int) -> tuple[int, int, int, int]:
    """What SDL_gfx's filled_circle leaves on an SRCALPHA pixel when it draws colour at alpha a."""
    r, g, b, _ = under
    return (r + ((colour[0] - r) * a >> 8), g + ((colour[1] - g) * a >> 8),
            b + ((colour[2] - b) * a >> 8), a * a >> 8)


# ---------------------------------------------------------------- the scrolling layers

def police_word() -> str:
    """The word on the police station's sign, in the player's language."""
    from game.i18n import t
    return t("POLICE")


def sky_layer(width: int = 1280, height: int = 650, calm: bool = False) -> pygame.Surface:
    """Opaque sky, clouds, far hills, the town and near hills; 2×width wide, period width.
    `calm`: greyed and dimmed (the high-contrast theme). The station's sign is in the
    language in use (made again when it changes)."""
    return _sky_layer(width, height, calm, police_word())


@built_once
def _sky_layer(width: int, height: int, calm: bool, word: str) -> pygame.Surface:
    layer = _doubled(width, height, lambda tile, w, h: _draw_sky(tile, w, h, word))
    return _calmed(layer) if calm else layer


def _draw_sky(tile: pygame.Surface, width: int, height: int, word: str) -> None:
    """Paint one period of the sky layer over the top-left width × height of `tile`.

    (Drawn through a clip rectangle, not a subsurface: pygame 2.6's aalines misplaces its
    blending on a subsurface narrower than its parent.)
    """
    old_clip = tile.get_clip()
    tile.set_clip(pygame.Rect(0, 0, width, height))
    try:
        _paint_sky(tile, width, height, word)
    finally:
        tile.set_clip(old_clip)


def _paint_sky(tile: pygame.Surface, width: int, height: int, word: str) -> None:
    horizon = int(height * 0.86)
    rows = [blend(C.SKY_TOP, C.SKY_BOTTOM, min(1.0, y / horizon) ** 1.3) for y in range(height)]
    start = 0
    for y in range(1, height + 1):  # the gradient: one fill per band of equal rows
        if y == height or rows[y] != rows[start]:
            tile.fill(rows[start], (0, start, width, y - start))
            start = y
    rng = random.Random(2024)

    # clouds: spread evenly across the period, at varied heights and sizes
    n_clouds = max(3, width // 200)
    for i in range(n_clouds):
        cw = rng.randrange(130, 230)
        ch = round(cw * rng.uniform(0.42, 0.5))
        x = (i + rng.uniform(0.1, 0.7)) * width / n_clouds
        y = rng.uniform(height * 0.1, height * 0.55)
        _wrapped_blit(tile, _cloud(cw, ch), x, y, width)

    far = _Ridge(width, height - 120, ((1, 16, 0.3), (3, 12, 1.9), (5, 6, 0.7)))
    _hill(tile, width, height, far, C.HILL_FAR, C.HILL_FAR_EDGE)

    # the town: a row of soft buildings with the police station in the middle
    ground = height - 40
    x = 10
    kinds = ("gable", "flat", "tower", "gable", "flat")
    station_at = width // 2 - 75
    while x < width - 60:
        if station_at - 40 <= x <= station_at + 150:
            x = station_at + 165
            continue
        kind = kinds[rng.randrange(len(kinds))]
        if kind == "tower":
            bw, bh = rng.randrange(42, 56), rng.randrange(104, 130)
        elif kind == "gable":
            bw, bh = rng.randrange(50, 66), rng.randrange(52, 70)
        else:
            bw, bh = rng.randrange(60, 90), rng.randrange(64, 96)
        if x + bw < width - 10:
            _building(tile, x, ground, bw, bh, "flat" if kind == "tower" else kind, rng)
        x += bw + rng.randrange(30, 90)
    _police_station(tile, station_at, ground, word)

    near = _Ridge(width, height - 40, ((1, 8, 2.2), (2, 9, 0.4), (4, 5, 1.1), (7, 3, 0.2)))
    for i in range(max(2, width // 160)):  # trees standing on the near hills
        tx = (i + rng.uniform(0.15, 0.85)) * width / max(2, width // 160)
        size = rng.randrange(34, 50)
        if station_at - size < tx < station_at + 150 + size:  # keep the station in view
            tx = station_at - size if tx < station_at + 75 else station_at + 150 + size
        img = _tree(size, i)
        _wrapped_blit(tile, img, tx - size / 2, near(tx) - img.get_height() + 8, width)
    _hill(tile, width, height, near, C.HILL_NEAR, C.HILL_NEAR_EDGE)


@built_once
def _ground_tile(period: int, height: int) -> pygame.Surface:
    pen = Pen((period, height), 1.0, 1.2, background=C.GRASS)
    p = float(period)
    kerb_top, path_top, path_bottom = height * 0.36, height * 0.48, height * 0.84
    # grass, with lighter stripes and tufts
    pen.rect(C.GRASS_LIGHT, 0, 3, p, 4)
    for dx in (-p, 0.0, p):
        for gx in (10, 37, 71, 98, 119):
            x = gx + dx
            tuft = [(x - 3, 17), (x - 1, 12), (x, 17), (x + 2, 11.5), (x + 3, 17)]
            pen.line(tuft, 1.3, C.GRASS_DARK)
        for fx, fy, colour in ((24, 12, C.FLOWER_PINK), (86, 15, C.FLOWER_YELLOW),
                               (55, 19, C.WHITE)):
            x = fx + dx
            for a in range(5):
                ang = 2 * math.pi * a / 5
                pen.dot(colour, x + 2.2 * math.cos(ang), fy + 2.2 * math.sin(ang), 1.7)
            pen.dot(C.HIVIS if colour != C.FLOWER_YELLOW else C.WHITE, x, fy, 1.2)
    pen.rect(C.NAVY, 0, 0, p, 2.6)  # the top of the ground: a clear, friendly line
    # kerb stones
    pen.rect(C.NAVY, 0, kerb_top - 1.2, p, path_top - kerb_top + 2.4)
    pen.rect(C.KERB, 0, kerb_top, p, path_top - kerb_top)
    pen.rect(C.WHITE, 0, kerb_top + 0.6, p, 1.4)
    for kx in range(0, period + 1, 32):  # the joint at x = 0 is drawn again at x = period
        pen.rect(C.NAVY, kx - 0.6, kerb_top, 1.2, path_top - kerb_top)
    # the path, with paving joints and a few pebbles
    pen.rect(C.PATH, 0, path_top + 1.2, p, path_bottom - path_top - 1.2)
    pen.rect(C.PATH_SHADE, 0, path_top + 1.2, p, 2.2)
    mid = (path_top + path_bottom) / 2
    pen.rect(C.PATH_SHADE, 0, mid - 0.6, p, 1.2)
    for jx in range(0, period, 64):
        pen.rect(C.PATH_SHADE, jx + 16, path_top + 1.2, 1.4, mid - path_top - 1.2)
        pen.rect(C.PATH_SHADE, jx + 48, mid, 1.4, path_bottom - mid)
    for px_, py_ in ((8, mid + 5), (41, mid - 4), (79, mid + 6), (110, mid - 3)):
        pen.dot(C.PATH_SHADE, px_, py_, 1.5)
    pen.rect(C.NAVY, 0, path_bottom - 0.6, p, 1.6)
    pen.rect(C.GRASS_DARK, 0, path_bottom + 1, p, height - path_bottom)
    return pen.done()


@built_once
def ground_layer(width: int = 1280, height: int = 70, calm: bool = False) -> pygame.Surface:
    """Opaque grass strip with a kerb and a path; 2×width wide, pattern period 128 px.
    `calm`: greyed and dimmed (the high-contrast theme)."""
    layer = _doubled(width, height, _draw_ground)
    return _calmed(layer) if calm else layer


def _draw_ground(strip: pygame.Surface, width: int, height: int, top: int = 0) -> None:
    """Paint one period of the ground layer, width × height, onto `strip` at y = top."""
    period = GROUND_PERIOD if width % GROUND_PERIOD == 0 else width
    tile = _ground_tile(period, height)
    for x in range(0, width, period):
        strip.blit(tile, (x, top), pygame.Rect(0, 0, width - x, height))


# ---------------------------------------------------------------- pickups and decorations

@built_once
def bone(size: int = 36) -> pygame.Surface:
    """A chunky cartoon dog bone, tilted, SRCALPHA size × size."""
    pen = Pen((size, size), size / 36, 1.6)
    about = (18.0, 18.0)
    parts = [rounded_rect(9, 14.6, 18, 6.8, 2),
             circle(8.6, 14.6, 4.5), circle(8.6, 21.4, 4.5),
             circle(27.4, 14.6, 4.5), circle(27.4, 21.4, 4.5)]
    parts = [transform(p, rot=-28, about=about) for p in parts]
    pen.outline(*parts)
    pen.fill(C.BONE, *parts)
    with pen.clip(*parts):
        shade = [transform(p, 0, 0, rot=0, about=about) for p in
                 [transform(q, rot=-28, about=about) for q in
                  [rounded_rect(4, 20.5, 28, 10, 3)]]]
        pen.fill(C.BONE_SHADE, *shade)
    pen.line(transform([(11, 15.5), (24, 15.5)], rot=-28, about=about), 1.6, C.WHITE)
    return pen.done()


@built_once
def badge(size: int = 44) -> pygame.Surface:
    """A gold police star badge (eight points, blue centre with a little crown)."""
    pen = Pen((size, size), size / 44, 1.6)
    outer = star(22, 22, 8, 19.6, 14.2, -90)
    pen.shape(C.GOLD, outer)
    with pen.clip(outer):
        pen.fill(C.GOLD_DARK, ellipse(28, 30, 20, 16))
        pen.fill(C.GOLD, ellipse(20, 19, 19, 17))
    pen.fill(C.GOLD_LIGHT, star(22, 22, 8, 15.5, 11.5, -90))
    pen.shape(C.GOLD, circle(22, 22, 10.8), w=1.0)
    pen.shape(C.POLICE_BLUE, circle(22, 22, 8.2), w=1.0)
    crown = [(16.5, 25.5), (15.6, 18.6), (19, 21.4), (22, 16.8), (25, 21.4), (28.4, 18.6),
             (27.5, 25.5)]
    pen.fill(C.GOLD_LIGHT, crown)
    pen.dot(C.GOLD_LIGHT, 15.6, 18.2, 1.1)
    pen.dot(C.GOLD_LIGHT, 22, 16.4, 1.1)
    pen.dot(C.GOLD_LIGHT, 28.4, 18.2, 1.1)
    pen.fill(C.WHITE, ellipse(14.5, 9.5, 2.2, 3.6, 35))
    return pen.done()


def gate_post(height: int, colour: tuple[int, int, int]) -> pygame.Surface:
    """A 28 px wide striped barrier post (`colour` and white), rounded at both ends, cached."""
    return _gate_post(int(height), (int(colour[0]), int(colour[1]), int(colour[2])))


@built_once
def _gate_post(height: int, colour: Colour) -> pygame.Surface:
    w = GATE_POST_W
    pen = Pen((w, height), 1.0, 2.4)
    ow = 2.4
    pill = rounded_rect(ow, ow, w - 2 * ow, height - 2 * ow, 9)
    pen.shape(C.WHITE, pill)
    with pen.clip(pill):
        for y0 in range(-28, height + 28, 28):
            pen.fill(colour, [(0, y0), (w, y0 - 14), (w, y0), (0, y0 + 14)])
        pen.tint((255, 255, 255, 80),
                 [(ow + 3, 0), (ow + 7, 0), (ow + 7, height), (ow + 3, height)])
        pen.tint((*C.NAVY, 60), [(w - ow - 6, 0), (w, 0), (w, height), (w - ow - 6, height)])
    return pen.done()


@built_once
def sparkle(size: int = 24) -> pygame.Surface:
    """A small four-point twinkle for celebrations (SRCALPHA size × size)."""
    pen = Pen((size, size), size / 24, 1.0, ink=C.GOLD_DARK)
    c = 12.0
    tips = [(c + 10.5 * math.cos(math.radians(a)), c + 10.5 * math.sin(math.radians(a)))
            for a in (-90, 0, 90, 180)]
    shape: list[Point] = []
    for i in range(4):
        shape += bezier(tips[i], (c, c), tips[(i + 1) % 4], 10)[:-1]
    pen.tint((*C.GOLD_LIGHT, 90), circle(c, c, 6.5))
    pen.shape(C.GOLD_LIGHT, shape)
    pen.fill(C.SPARKLE, [(c + (x - c) * 0.55, c + (y - c) * 0.55) for x, y in shape])
    pen.dot(C.WHITE, c, c, 2.4)
    return pen.done()


def title_background(width: int = 1280, height: int = 720, calm: bool = False) -> pygame.Surface:
    """Opaque menu backdrop: the sky layer over the ground strip, plus a hedge or two.
    `calm`: greyed and dimmed (the high-contrast theme); the station's sign in the language
    in use."""
    return _title_background(width, height, calm, police_word())


@kept_between_launches
def _title_background(width: int, height: int, calm: bool, word: str) -> pygame.Surface:
    ground_h = 70
    surf = _opaque((width, height))
    # the left halves of sky_layer() and ground_layer(), painted straight onto the backdrop
    _draw_sky(surf, width, height - ground_h, word)
    _draw_ground(surf, width, ground_h, height - ground_h)
    for x, w, h in ((-20, 120, 64), (width - 96, 140, 80)):
        surf.blit(hedge(w, h), (x, height - ground_h - h))
    return _calmed(surf) if calm else surf
