"""Chat Check's phone: the case round the chat, and the "typing..." dots.

The case is drawn in the art's own colours (a navy phone with a speaker slot and a button); the
screen inside it is left clear, for the scene to fill in the theme's colours. Built once per
size (game.art.built.built_once).
"""
from __future__ import annotations

import pygame

from game.art import palette as C
from game.art.built import built_once
from game.art.pen import Pen
from game.art.shapes import rounded_rect

CASE = (44, 58, 104)  # the phone's body, a little lighter than its navy outline
CASE_LIGHT = (72, 90, 146)
BEZEL = 16  # the case's width round the screen, in pixels
TOP = 34  # the case above the screen (the speaker)
BOTTOM = 34  # and below it (the button)


def screen_rect(w: int, h: int) -> pygame.Rect:
    """Where the screen is inside a phone `w`×`h` (the scene draws the chat there)."""
    return pygame.Rect(BEZEL, TOP, w - 2 * BEZEL, h - TOP - BOTTOM)


@built_once
def phone(w: int, h: int) -> pygame.Surface:
    """The phone's case `w`×`h` px, its screen transparent."""
    pen = Pen((w, h), 1.0, 3.0)
    body = rounded_rect(2, 2, w - 4, h - 4, 36)
    pen.shape(CASE, body)
    pen.fill(CASE_LIGHT, rounded_rect(8, 6, w - 16, 6, 3))  # a shine along the top
    pen.shape(C.INK_BLACK, rounded_rect(w / 2 - 34, 13, 68, 9, 4.5), w=1.5)  # the speaker
    pen.shape(CASE_LIGHT, rounded_rect(w / 2 - 28, h - 26, 56, 14, 7), w=1.5)  # the button
    out = pen.done()
    inner = screen_rect(w, h)
    pygame.draw.rect(out, (0, 0, 0, 0), inner, border_radius=12)
    pygame.draw.rect(out, C.NAVY, inner.inflate(4, 4), 3, border_radius=14)
    return out


DOTS = 3


def typing_dots(frame: int, colour: tuple[int, int, int], size: int = 14) -> pygame.Surface:
    """The three "typing" dots, dot `frame` % 3 raised and darker (the scene steps `frame` as
    time goes; with reduced motion it keeps frame -1: all three level)."""
    gap = size // 2
    w = DOTS * size + (DOTS - 1) * gap
    out = pygame.Surface((w, size * 2), pygame.SRCALPHA)
    for i in range(DOTS):
        lifted = i == frame % DOTS and frame >= 0
        y = size // 2 + (0 if lifted else size // 2)
        pygame.draw.circle(out, colour, (i * (size + gap) + size // 2, y + size // 2),
                           size // 2)
    return out
