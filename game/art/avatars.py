"""The made-up contacts' pictures in Chat Check: six drawn avatars (fox, cat, owl, robot, star,
rocket), each a round badge in the flat, navy-outlined style of the rest of the art.

Each is designed in a 100×100 box and built once per size (game.art.built.built_once).
"""
from __future__ import annotations

import math
from collections.abc import Callable

import pygame

from game.art import palette as C
from game.art.built import built_once
from game.art.pen import Pen
from game.art.shapes import bezier, circle, ellipse, leaf, rounded_rect, star, transform

# each avatar's badge colour behind the figure
_BACKS: dict[str, C.Colour] = {
    "fox": (170, 220, 255), "cat": (255, 214, 226), "owl": (200, 236, 190),
    "robot": (255, 236, 170), "star": (96, 112, 200), "rocket": (130, 200, 240),
}
FOX = (240, 128, 48)
CAT = (150, 156, 176)
OWL = (164, 112, 72)
OWL_LIGHT = (222, 186, 140)
METAL = (196, 204, 220)
METAL_DARK = (140, 150, 176)
ROCKET_RED = (226, 68, 72)


def _eyes(pen: Pen, y: float, xs: tuple[float, float], r: float = 4.0) -> None:
    for x in xs:
        pen.dot(C.NAVY, x, y, r)
        pen.dot(C.WHITE, x + r * 0.35, y - r * 0.4, r * 0.35)


def _smile(pen: Pen, x: float, y: float, w: float, width: float = 2.2) -> None:
    pen.line(bezier((x - w, y), (x, y + w * 0.8), (x + w, y), 10), width)


def _fox(pen: Pen) -> None:
    ears = [leaf((24, 42), (42, 30), (20, 10), 0.15), leaf((58, 30), (76, 42), (80, 10), 0.15)]
    for ear in ears:
        pen.shape(FOX, ear)
    pen.fill(C.INK_BLACK, leaf((26, 36), (36, 29), (22, 16), 0.1),
             leaf((64, 29), (74, 36), (78, 16), 0.1))
    head = [(18, 44), (34, 28), (66, 28), (82, 44), (74, 66), (50, 84), (26, 66)]
    pen.shape(FOX, head)
    with pen.clip(head):
        pen.fill(C.CREAM, [(18, 58), (50, 60), (82, 58), (50, 90)])
    _eyes(pen, 50, (38, 62))
    pen.shape(C.NOSE, ellipse(50, 72, 5, 3.6), w=0.8)


def _cat(pen: Pen) -> None:
    ears = [[(22, 44), (26, 14), (46, 32)], [(54, 32), (74, 14), (78, 44)]]
    for ear in ears:
        pen.shape(CAT, ear)
    pen.fill(C.DOG_EAR_INNER, [(28, 36), (29, 22), (39, 31)], [(61, 31), (71, 22), (72, 36)])
    head = ellipse(50, 56, 32, 27)
    pen.shape(CAT, head)
    with pen.clip(head):
        pen.fill(C.CREAM, ellipse(50, 70, 16, 11))
    _eyes(pen, 52, (38, 62))
    pen.shape(C.FLOWER_PINK, [(45, 62), (55, 62), (50, 67)], w=0.8)
    for side in (-1, 1):
        for dy in (-2, 3):
            pen.line([(50 + side * 12, 66 + dy), (50 + side * 30, 63 + dy * 2)], 1.2)
    _smile(pen, 50, 69, 5, 1.6)


def _owl(pen: Pen) -> None:
    tufts = [[(26, 30), (24, 12), (40, 24)], [(60, 24), (76, 12), (74, 30)]]
    for tuft in tufts:
        pen.shape(OWL, tuft)
    body = ellipse(50, 56, 30, 34)
    pen.shape(OWL, body)
    with pen.clip(body):
        pen.fill(OWL_LIGHT, ellipse(50, 80, 18, 16))
        for x, y in ((44, 76), (56, 76), (50, 84)):
            pen.line(bezier((x - 4, y), (x, y + 3), (x + 4, y), 6), 1.2)
    for x in (38, 62):
        pen.shape(C.WHITE, circle(x, 46, 10), w=1.4)
    _eyes(pen, 47, (39, 61), 5.0)
    pen.shape(C.GOLD, [(45, 56), (55, 56), (50, 66)], w=1.0)


def _robot(pen: Pen) -> None:
    pen.line([(50, 26), (50, 12)], 2.4)
    pen.shape(C.WARNING_RED, circle(50, 11, 5), w=1.2)
    for x in (16, 84):
        pen.shape(METAL_DARK, rounded_rect(x - 5, 44, 10, 20, 3), w=1.2)
    head = rounded_rect(21, 26, 58, 52, 10)
    pen.shape(METAL, head)
    screen = rounded_rect(29, 35, 42, 26, 6)
    pen.shape(C.NAVY, screen, w=0.8)
    for x in (40, 60):
        pen.dot(C.LAMP_GLOW, x, 47, 5)
    pen.shape(C.WHITE, rounded_rect(36, 66, 28, 6, 2), w=1.0)
    for x in (43, 50, 57):
        pen.line([(x, 66), (x, 72)], 1.0)


def _star(pen: Pen) -> None:
    body = star(50, 54, 5, 42, 20)
    pen.shape(C.GOLD, body)
    with pen.clip(body):
        pen.fill(C.GOLD_LIGHT, ellipse(40, 40, 12, 8, -30))
    _eyes(pen, 52, (41, 59), 3.6)
    pen.fill(C.BLUSH, ellipse(34, 60, 4, 2.4), ellipse(66, 60, 4, 2.4))
    _smile(pen, 50, 60, 6, 2.0)


def _rocket(pen: Pen) -> None:
    def tilt(pts):
        return transform(pts, rot=35, about=(50, 50))
    flame = tilt([(42, 74), (50, 96), (58, 74)])
    pen.shape(C.HIVIS, flame)
    pen.fill(C.FLOWER_PINK, tilt([(46, 76), (50, 88), (54, 76)]))
    fins = [tilt([(36, 56), (24, 78), (38, 74)]), tilt([(64, 56), (76, 78), (62, 74)])]
    for fin in fins:
        pen.shape(ROCKET_RED, fin)
    hull = tilt(bezier((36, 76), (34, 20), (50, 6), 12) + bezier((50, 6), (66, 20), (64, 76), 12))
    pen.shape(C.WHITE, hull)
    with pen.clip(hull):
        pen.fill(ROCKET_RED, tilt([(30, 4), (70, 4), (70, 24), (30, 24)]))
    pen.shape(C.LAMP_BLUE, tilt(circle(50, 42, 8)), w=1.4)
    pen.fill(C.LAMP_GLOW, tilt(ellipse(47, 39, 3, 2)))


_DRAW: dict[str, Callable[[Pen], None]] = {
    "fox": _fox, "cat": _cat, "owl": _owl, "robot": _robot, "star": _star, "rocket": _rocket,
}
AVATARS: tuple[str, ...] = tuple(_DRAW)


@built_once
def avatar(kind: str, size: int = 64) -> pygame.Surface:
    """Contact `kind`'s round picture, `size` px across (an unknown kind: the star)."""
    pen = Pen((size, size), size / 104, 2.2, origin=(2.0, 2.0))
    badge = circle(50, 50, 49)
    pen.shape(_BACKS.get(kind, _BACKS["star"]), badge, w=1.6)
    with pen.clip(badge):
        _DRAW.get(kind, _star)(pen)
    pen.line([(50 + 49 * x, 50 + 49 * y) for x, y in _rim()], 2.4, closed=True)
    return pen.done()


def _rim() -> list[tuple[float, float]]:
    return [(math.cos(2 * math.pi * i / 48), math.sin(2 * math.pi * i / 48)) for i in range(48)]
