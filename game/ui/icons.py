"""Right and wrong as shapes, so colour never carries the meaning alone: a tick in a circle for
right, a cross in a square for wrong (also told apart in greyscale and by colour-blind players).

Drawn with pygame.draw, so no font needs the glyphs; drawn at four times the size and smoothed
down, so the edges are soft; cached per size and colours (the theme's, read when asked for).
"""
from __future__ import annotations

import math

import pygame

from game.art.built import built_once
from game.ui import theme
from game.ui.theme import Colour

SUPERSAMPLE = 4
TICK = ((0.27, 0.52), (0.44, 0.69), (0.74, 0.33))  # as fractions of the icon's size
CROSS = (((0.31, 0.31), (0.69, 0.69)), ((0.69, 0.31), (0.31, 0.69)))


def verdict(correct: bool, size: int) -> pygame.Surface:
    """A right answer's tick in a circle, or a wrong answer's cross in a square: size × size,
    a white face with a dark outline, the mark in the theme's RIGHT or WRONG colour."""
    mark = theme.RIGHT if correct else theme.WRONG
    return _verdict(correct, max(8, int(size)), mark, theme.WHITE, theme.SHADE)


def blit_verdict(surface: pygame.Surface, correct: bool, size: int,
                 center: tuple[int, int]) -> pygame.Rect:
    """Draw `verdict(correct, size)` centred at `center`; returns where it went."""
    icon = verdict(correct, size)
    rect = icon.get_rect(center=center)
    surface.blit(icon, rect)
    return rect


@built_once
def _verdict(correct: bool, size: int, mark: Colour, face: Colour, edge: Colour) -> pygame.Surface:
    big = size * SUPERSAMPLE
    surf = pygame.Surface((big, big), pygame.SRCALPHA)
    border = max(SUPERSAMPLE, big // 12)
    stroke = max(SUPERSAMPLE, big // 7)
    if correct:
        centre, radius = (big // 2, big // 2), big // 2 - 1
        pygame.draw.circle(surf, edge, centre, radius)
        pygame.draw.circle(surf, face, centre, radius - border)
        _polyline(surf, mark, [_at(p, big) for p in TICK], stroke)
    else:
        outer = pygame.Rect(SUPERSAMPLE, SUPERSAMPLE, big - 2 * SUPERSAMPLE, big - 2 * SUPERSAMPLE)
        corner = big // 10
        pygame.draw.rect(surf, edge, outer, border_radius=corner)
        pygame.draw.rect(surf, face, outer.inflate(-2 * border, -2 * border),
                         border_radius=max(1, corner - border))
        for a, b in CROSS:
            _polyline(surf, mark, [_at(a, big), _at(b, big)], stroke)
    return pygame.transform.smoothscale(surf, (size, size))


def _at(point: tuple[float, float], big: int) -> tuple[int, int]:
    return round(point[0] * big), round(point[1] * big)


def _polyline(surf: pygame.Surface, colour: Colour, points: list[tuple[int, int]],
              width: int) -> None:
    """A thick line through `points` with round ends and joints (each piece a quadrilateral:
    pygame's own thick lines come out thinner on a slant)."""
    half = width / 2
    for (x0, y0), (x1, y1) in zip(points, points[1:]):
        length = math.hypot(x1 - x0, y1 - y0) or 1.0
        nx, ny = -(y1 - y0) / length * half, (x1 - x0) / length * half
        pygame.draw.polygon(surf, colour, [(x0 + nx, y0 + ny), (x1 + nx, y1 + ny),
                                           (x1 - nx, y1 - ny), (x0 - nx, y0 - ny)])
    for p in points:
        pygame.draw.circle(surf, colour, p, half)
