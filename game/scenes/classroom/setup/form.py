"""The pieces a classroom setup page is made of: the places the focus rests and a click acts
on, a page as drawn, a row of a page, and the faces of its controls (tick boxes, values between
arrows, a name to type)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.scenes.classroom.base import blit_at, drawn_width, fit
from game.ui import theme
from game.ui.layout.base import Fitted
from game.ui.widgets import Button

MARGIN = 20  # the page's left and right margins; labels start here
GAP = 8  # between rows: the focus outline of one control never touches the next row's
RING = 5  # the focus outline sits this far outside a control


@dataclass
class Stop:
    """A place the keyboard focus can rest: `press` is Enter/Space; `change` (a value control
    alone on its row) is Left/Right."""

    key: str
    rect: pygame.Rect
    press: Callable[[], None]
    change: Callable[[int], None] | None = None


@dataclass
class Spot:
    """A place a click or tap acts on, and the focus stop it belongs to."""

    key: str
    rect: pygame.Rect
    act: Callable[[], None]
    stop: str


class Layout:
    """One page as drawn: pictures and buttons to blit, the places to click, the focus rows."""

    def __init__(self) -> None:
        self.pictures: list[tuple[pygame.Surface, tuple[int, int]]] = []
        self.buttons: list[tuple[Button, str]] = []  # each with its arrow ("", "left", "right")
        self.spots: list[Spot] = []
        self.rows: list[list[Stop]] = []
        self.caret: pygame.Rect | None = None

    def stop(self, key: str) -> tuple[int, int] | None:
        for r, row in enumerate(self.rows):
            for c, stop in enumerate(row):
                if stop.key == key:
                    return r, c
        return None


@dataclass
class Row:
    """A row of a page: its height, and how to put it on a page at a height y; `keep`: on the
    same page as the next row (a control and the line that explains it)."""

    height: int
    place: Callable[[Layout, int], None]
    keep: bool = False


TICK_BOX = 36  # the tick box's side; its label starts right of it
TOGGLE_PAD = 16 + TICK_BOX + 14 + 12  # a tick box's width beyond its label's


def toggle_words(label: str, width: int, sizes: tuple[int, ...], note: bool = True) -> Fitted:
    """A tick box's label fitted beside the box (two lines at most; `note`: see fit)."""
    return fit(label, width - TOGGLE_PAD, sizes, 2, True, note=note)


def value_box(size: tuple[int, int], value: Fitted) -> pygame.Surface:
    """A value shown between its arrows: white on the projector's panel colour."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    rect = surf.get_rect()
    pygame.draw.rect(surf, theme.CLASS_PANEL, rect, border_radius=theme.RADIUS)
    pygame.draw.rect(surf, theme.CLASS_MUTED, rect, 2, border_radius=theme.RADIUS)
    blit_at(surf, value, theme.CLASS_TEXT, center=rect.center)
    return surf


def toggle_face(size: tuple[int, int], label: Fitted | str, on: bool, colour,
                 sizes: tuple[int, ...] = (), box: bool = True) -> pygame.Surface:
    """A tick box with its label (fitted beside the box), filled with `colour` and ticked when
    on, dark when off; or, without the box, a label alone (`sizes`), centred."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    rect = surf.get_rect()
    pygame.draw.rect(surf, colour if on else theme.CLASS_PANEL, rect, border_radius=theme.RADIUS)
    pygame.draw.rect(surf, theme.CLASS_TEXT if on else theme.CLASS_MUTED, rect, 2,
                     border_radius=theme.RADIUS)
    if not box:
        words = label if isinstance(label, Fitted) else fit(label, rect.w - 24, sizes, 1, True)
        blit_at(surf, words, theme.WHITE if on else theme.CLASS_TEXT, center=rect.center)
        return surf
    tick = pygame.Rect(16, 0, TICK_BOX, TICK_BOX)
    tick.centery = rect.centery
    ink = theme.WHITE if on else theme.CLASS_TEXT
    pygame.draw.rect(surf, ink, tick, 3, border_radius=6)
    if on:
        pygame.draw.lines(surf, ink, False,
                          [(tick.x + 7, tick.centery), (tick.x + 15, tick.bottom - 8),
                           (tick.right - 6, tick.y + 7)], 5)
    assert isinstance(label, Fitted)
    blit_at(surf, label, ink, midleft=(tick.right + 14, rect.centery))
    return surf


def name_field(size: tuple[int, int], name: str, editing: bool,
                sizes: tuple[int, ...]) -> tuple[pygame.Surface, int]:
    """A team's name as a field to type in; returns it and where the caret goes."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    rect = surf.get_rect()
    pygame.draw.rect(surf, theme.CLASS_BG, rect, border_radius=10)
    pygame.draw.rect(surf, theme.CLASS_ACCENT if editing else theme.CLASS_MUTED, rect,
                     4 if editing else 2, border_radius=10)
    x = 16
    if name:
        # a name of wide letters may need a size under the body's, never under the floor
        words = fit(name, rect.w - 40, tuple(sorted({*sizes, theme.CLASS_MIN_TEXT},
                                                    reverse=True)), 1, True)
        blit_at(surf, words, theme.CLASS_TEXT, midleft=(x, rect.centery))
        x += drawn_width(words) + 3
    return surf, x


def draw_arrow(surface: pygame.Surface, rect: pygame.Rect, direction: str) -> None:
    """A white triangle on an arrow button (the font has no ◀ ▶)."""
    cx, cy, r = rect.centerx, rect.centery, 14
    points = ([(cx + r // 2, cy - r), (cx + r // 2, cy + r), (cx - r, cy)] if direction == "left"
              else [(cx - r // 2, cy - r), (cx - r // 2, cy + r), (cx + r, cy)])
    pygame.draw.polygon(surface, theme.BUTTON_TEXT, points)
