"""The row under a list of rows on the Settings and Keys screens: an arrow back a page, the page
number, an arrow on a page (the arrows every paged screen uses), then the screen's own button."""
from __future__ import annotations

from typing import Callable

import pygame

from game.i18n import t
from game.ui import text, theme
from game.ui.layout.base import Box
from game.ui.widgets import ArrowButton, Button, panel

NAV_GAP = 14
NAV_PAGES = 0.6  # the arrows and the page number between them: their share of the row's width
PAGER_KEYS = ("previous", "next")  # the arrows, as focus keys


def nav_height(size: int) -> int:
    return text.line_height(size, True) + 12


def pager(size: int, left: int, top: int, right: int, turn: Callable[[int], None]
          ) -> tuple[list[Button], pygame.Rect]:
    """The two arrows from `left` (text `size`), and the page number's place between them; the
    screen's own button goes right of the second arrow, up to `right`."""
    h = nav_height(size)
    arrow_w = h * 3 // 2
    counter = pygame.Rect(left + arrow_w + NAV_GAP, top,
                          int((right - left) * NAV_PAGES) - 2 * (arrow_w + NAV_GAP), h)
    return [ArrowButton(t("Previous page"), pygame.Rect(left, top, arrow_w, h),
                        lambda: turn(-1), direction=-1),
            ArrowButton(t("Next page"), pygame.Rect(counter.right + NAV_GAP, top, arrow_w, h),
                        lambda: turn(1))], counter


def page_number(counter: pygame.Rect, size: int, page: int, pages: int) -> pygame.Surface:
    """"1 of 2" on a card the size of `counter`."""
    card = panel(counter.size, edge=theme.BUTTON_EDGE, border=3, shadow=0)
    words = Box(counter.w - 16, counter.h - 4, (size, size * 5 // 6), bold=True).fit(
        t("{page} of {pages}", page=page + 1, pages=pages))
    shown = words.surface(theme.INK, align="center")
    card.blit(shown, shown.get_rect(center=(counter.w // 2, counter.h // 2)))
    return card
