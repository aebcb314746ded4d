"""A notice the title has no room for: its card and button.

Each function here is pure layout: it takes words and a text `scale` (1.0 = 100%) and returns
the fitted lines and the positions the screen draws them at. Nothing here draws.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.rules.tuning import WIDTH
from game.ui import theme
from game.ui.layout.base import (
    ButtonSizes, Corner, EDGE, Fitted, GAP, Rect, Words, flow, foot_column,
    foot_row, px,
)


# --- a notice the title has no room for -----------------------------------------------------

NOTICE_W = 1000  # the notice card's words at 100%; wider at larger text sizes


@dataclass(frozen=True)
class NoticeLayout:
    """The notices on a yellow card, centred above an OK button."""

    words: Fitted
    card: Rect  # the card (its words 20 px in, 14 px down)
    button: Rect
    button_sizes: ButtonSizes
    hint: bool  # whether the button shows its key hint


def notice_layout(notices: str, button: str, scale: float, nook: Corner) -> NoticeLayout:
    """Notices the title screen has no room for (a reset save, content left out...) on a card of
    their own, at the player's text size (shrinking as far as the words need, never cut), with
    one button to go on at the foot of the screen beside the corner buttons."""
    sizes = nook.buttons  # as tall as Help and Sound beside it
    row = foot_row(((button, "Enter"),), sizes, nook)
    (rect,), hint = row if row else foot_column(((button, "Enter"),), sizes, nook)
    width = min(WIDTH - 2 * EDGE - 40, px(NOTICE_W, min(scale, 1.25)))
    room = rect[1] - GAP - 2 * EDGE - 28
    (words,), _ = flow([Words(notices, (theme.TEXT_BODY, theme.TEXT_SMALL))], width, room,
                       scale, smallest=0.5)
    card_w, card_h = words.width + 40, words.height + 28
    top = EDGE + max(0, (rect[1] - GAP - EDGE - card_h) // 2)
    return NoticeLayout(words, ((WIDTH - card_w) // 2, top, card_w, card_h), rect, sizes, hint)
