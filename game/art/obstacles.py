"""What the dog flies round in the park: leafy hedges growing from the grass, and the prize
pop-ups (scam bait: a "you've won!" window with a mystery gift that costs points to touch),
plus the dust a landing kicks up. No words are drawn in: a picture reads in every language.

Each picture is exactly the size asked for (its collision box), built once and cached.
"""
from __future__ import annotations

import math
import random

import pygame

from game.art import palette as C
from game.art.built import built_once
from game.art.palette import Colour, blend
from game.art.pen import Pen
from game.art.shapes import arc, circle, leaf, rounded_rect, star

HEDGE_INK: Colour = (22, 74, 44)  # a hedge's outline: darker than its leaves, softer than navy
GIFT: Colour = (150, 70, 200)
GIFT_SHADE: Colour = (112, 48, 158)
RIBBON: Colour = (255, 214, 40)
DUST: Colour = (236, 222, 196)
DUST_FRAMES = 6
DUST_W, DUST_H = 120, 44


# ---------------------------------------------------------------- hedges

def _clumps(w: int, h: int, ow: float) -> list[tuple[float, float, float]]:
    """Round leafy clumps (x, y, r) filling a w × h hedge, inside it: a crown, then rows of
    two clumps and of one wider one down to the grass, so it reads as a bush (not a slab) and
    fills its collision box."""
    r = (w - 2 * ow) * 0.3
    big = min(r * 1.2, w / 2 - ow)
    spread = w / 2 - ow - r
    clumps = [(w / 2, big + ow, big)]  # the crown
    y = big + ow + r * 1.05
    row = 0
    while y < h + r * 0.5:
        if row % 2 == 0:
            clumps += [(w / 2 - spread, y, r), (w / 2 + spread, y - r * 0.15, r)]
        else:
            clumps.append((w / 2, y, big))
        y += r * 0.95
        row += 1
    return clumps


@built_once
def hedge(w: int, h: int) -> pygame.Surface:
    """A leafy hedge growing from the ground, exactly w × h (collision = the full rect): round
    clumps with a dark green outline, lit from the top left, a few leaves poking out and two
    or three little flowers."""
    ow = 2.6
    pen = Pen((w, h), 1.0, ow, ink=HEDGE_INK)
    rng = random.Random(w * 1000 + h)
    clumps = _clumps(w, h, ow)
    body = rounded_rect(ow + 2, h * 0.45, w - 2 * ow - 4, h * 0.55 + 10, 8)
    shapes = [body, *(circle(x, y, r, pen.n(r)) for x, y, r in clumps)]
    sprigs = []
    for x, y, r in clumps[:3]:  # leaves poking out of the outline at the top
        ang = rng.uniform(-2.4, -0.7)
        bx, by = x + math.cos(ang) * r * 0.8, y + math.sin(ang) * r * 0.8
        tip = (x + math.cos(ang) * (r + 7), y + math.sin(ang) * (r + 7))
        tip = (min(w - 2, max(2, tip[0])), max(2, tip[1]))
        sprigs.append(leaf((bx - 3, by), (bx + 3, by), tip, 0.35))
    pen.outline(*shapes, *sprigs)
    pen.fill(C.HEDGE, *shapes)
    pen.fill(C.HEDGE_LIGHT, *sprigs)
    with pen.clip(*shapes):
        for x, y, r in clumps:  # each clump shaded at its foot and lit on its top left
            pen.fill(C.HEDGE_DARK, circle(x + r * 0.25, y + r * 0.45, r * 0.85, pen.n(r)))
            pen.fill(C.HEDGE, circle(x - r * 0.08, y - r * 0.1, r * 0.82, pen.n(r)))
            pen.line(arc(x, y, r * 0.62, r * 0.62, 200, 260, 8), 2.4, C.HEDGE_LIGHT)
        for x, y, r in clumps:  # a clump's edge over the one behind it: the bush's shape
            pen.line(arc(x, y, r, r, 20, 160, 12), 1.4, blend(C.HEDGE_DARK, HEDGE_INK, 0.4))
        pen.fill(blend(C.HEDGE_DARK, HEDGE_INK, 0.3), rounded_rect(-5, h - 10, w + 10, 20, 6))
        for _ in range(max(4, (w * h) // 700)):  # little leaves
            lx, ly = rng.uniform(8, w - 8), rng.uniform(10, h - 14)
            a = rng.uniform(0, 2 * math.pi)
            tip = (lx + 5 * math.cos(a), ly + 5 * math.sin(a))
            pen.fill(C.HEDGE_LIGHT if rng.random() < 0.5 else C.HEDGE_DARK,
                     leaf((lx - 1.6, ly), (lx + 1.6, ly), tip, 0.4))
        for _ in range(max(2, min(4, (w * h) // 3500))):  # a few flowers
            fx, fy = rng.uniform(12, w - 12), rng.uniform(h * 0.15, h - 22)
            petal = C.FLOWER_PINK if rng.random() < 0.5 else C.WHITE
            for k in range(5):
                ang = 2 * math.pi * k / 5
                pen.dot(petal, fx + 2.6 * math.cos(ang), fy + 2.6 * math.sin(ang), 2.0)
            pen.dot(C.HIVIS, fx, fy, 1.5)
    return pen.done()


# ---------------------------------------------------------------- the prize pop-up

@built_once
def prize_popup(w: int, h: int, lit: bool = False) -> pygame.Surface:
    """A floating 'you've won!' pop-up: a pink window bar with its close button, a mystery gift
    with a big question mark bursting out of a star; `lit` is the
    other half of its flashing (the star and sparkles light up). Scam bait: touching it costs
    points, so it must look too good to be true, and it says so without a word."""
    ow = 2.6
    pen = Pen((w, h), 1.0, ow)
    win = rounded_rect(ow, ow, w - 2 * ow, h - 2 * ow, 9)
    bar_h = max(14.0, min(24.0, h * 0.2))
    pen.shape(C.POPUP_BODY, win)
    with pen.clip(win):
        pen.rect(C.POPUP_BAR, 0, 0, w, ow + bar_h)
        pen.rect(C.NAVY, 0, ow + bar_h - 1, w, 2.4)
        for i in range(3):
            pen.dot(C.WHITE, ow + 9 + i * 9, ow + bar_h / 2, 2.6)
        for i in range(0, int(w + h), 22):  # gaudy stripes behind the prize
            pen.line([(i, h), (i + 14, h - 14)], 4, blend(C.POPUP_BODY, C.POPUP_BAR, 0.18))
    bs = bar_h - 6  # the close button
    bx, by = w - ow - 4 - bs, ow + 3
    pen.shape(C.WHITE, rounded_rect(bx, by, bs, bs, 3), w=1.4)
    m = bs * 0.28
    pen.line([(bx + m, by + m), (bx + bs - m, by + bs - m)], 2.2, C.WARNING_RED)
    pen.line([(bx + bs - m, by + m), (bx + m, by + bs - m)], 2.2, C.WARNING_RED)
    top = ow + bar_h + 2
    body_h = h - ow - top
    cx, cy = w / 2, top + body_h / 2
    rad = min((w - 2 * ow) * 0.45, body_h * 0.55)
    burst = C.GOLD_LIGHT if lit else C.POPUP_BURST
    pen.shape(burst, star(cx, cy, 12, rad, rad * 0.74, -90 + (15 if lit else 0)), w=1.6)
    _gift(pen, cx, cy + rad * 0.16, rad * 0.66)
    if w - 2 * rad > 40:  # flashy little stars beside the burst
        for i, (sx, sy) in enumerate(((ow + 12, top + 12), (w - ow - 12, top + 14),
                                      (ow + 14, h - ow - 14), (w - ow - 14, h - ow - 14))):
            size = 7.5 if lit == bool(i % 2) else 5
            pen.shape(C.HIVIS, star(sx, sy, 4, size, size * 0.38, -90), w=1.0)
    return pen.done()


def _gift(pen: Pen, cx: float, cy: float, s: float) -> None:
    """A wrapped present with a bow and a big question mark: what's inside? (nothing good)."""
    box = rounded_rect(cx - s, cy - s * 0.5, 2 * s, s * 1.3, s * 0.12)
    lid = rounded_rect(cx - s * 1.12, cy - s * 0.82, 2.24 * s, s * 0.4, s * 0.1)
    bow = (cx, cy - s * 0.82)
    loops = [leaf(bow, (bow[0] - 1, bow[1]), (cx - s * 0.62, cy - s * 1.3), 0.6),
             leaf((bow[0] + 1, bow[1]), bow, (cx + s * 0.62, cy - s * 1.3), 0.6)]
    pen.outline(box, lid, *loops, w=1.8)
    pen.fill(RIBBON, *loops)
    pen.fill(GIFT, box)
    with pen.clip(box):
        pen.rect(GIFT_SHADE, cx + s * 0.55, cy - s, s, 3 * s)
    pen.fill(GIFT, lid)
    with pen.clip(lid):
        pen.rect(RIBBON, cx - s * 0.18, cy - s, s * 0.36, s)
    pen.text("?", (cx - s * 0.05, cy + s * 0.2), s * 1.05, C.HIVIS)


# ---------------------------------------------------------------- a landing's dust

@built_once
def dust_puff(frame: int) -> pygame.Surface:
    """Frame `frame` of DUST_FRAMES of the little cloud a landing kicks up: soft puffs that
    spread out and fade (SRCALPHA, DUST_W × DUST_H; blit by its bottom middle at the paws)."""
    surf = pygame.Surface((DUST_W, DUST_H), pygame.SRCALPHA)
    t = (frame + 1) / DUST_FRAMES
    alpha = round(240 * (1 - t) ** 0.7)
    for side in (-1, 1):
        for k, (dx, r) in enumerate(((14, 11), (30, 9), (44, 6))):
            x = DUST_W / 2 + side * (dx * (0.5 + t))
            y = DUST_H - 6 - r * (0.6 + t) - k * 2 * t
            rr = max(2, round(r * (0.7 + 0.6 * t)))
            pygame.draw.circle(surf, (*blend(DUST, C.PATH_SHADE, 0.3 * k), alpha),
                               (round(x), round(y)), rr)
            pygame.draw.circle(surf, (*C.WHITE, alpha // 2), (round(x - rr * 0.3),
                               round(y - rr * 0.3)), max(1, rr // 2))
    return surf.convert_alpha() if pygame.display.get_surface() else surf
