"""The age screen: a button per age band and the tip below.

Each function here is pure layout: it takes words and a text `scale` (1.0 = 100%) and returns
the fitted lines and the positions the screen draws them at. Nothing here draws.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.rules.tuning import HEIGHT, WIDTH
from game.ui import theme
from game.ui.layout.base import (
    ButtonSizes, Corner, EDGE, Fitted, GAP, HINT_SIZE, Rect, Words, button_height, fit_words,
    heading_lines, heading_px, px,
)


# --- the age screen ----------------------------------------------------------------------------

AGE_BUTTON = (320, 190)  # each age band's button at 100%
AGE_GAP = 50
AGE_LABEL = theme.TEXT_HUGE - 12


@dataclass(frozen=True)
class AgeLayout:
    heading: Fitted
    heading_y: int
    buttons: tuple[Rect, ...]
    label: ButtonSizes
    notes: tuple[tuple[Fitted, int, int], ...]  # each band's note, and where its top centre is
    note_align: str
    tip: Fitted | None  # how to choose, under the buttons (left out when there is no room)
    tip_y: int


def age_layout(heading: str, bands: tuple[tuple[str, str], ...], tip: str, scale: float,
               nook: Corner) -> AgeLayout:
    """The age bands' buttons side by side with their notes below them; when they do not fit,
    one under another with each note beside its button; the tip below (left out if it must)."""
    label = ButtonSizes(heading_px(AGE_LABEL, scale), px(HINT_SIZE, scale), 0)
    head = heading_lines(Words(heading, (theme.TEXT_HUGE, theme.TEXT_HUGE - 12), True, 2),
                         WIDTH - 2 * EDGE, 1.0)
    assert head is not None
    widths = [label.width(name, str(i + 1)) for i, (name, _) in enumerate(bands)]
    for tip_shown in (True, False):
        for across in (True, False):
            placed = _age_bands(head, bands, tip if tip_shown else "", scale, nook, label,
                                max(widths), across)
            if placed is not None:
                return placed
    return _age_bands(head, bands, "", scale, nook, label, max(widths), False, force=True)


def _age_bands(head: Fitted, bands: tuple[tuple[str, str], ...], tip: str, scale: float,
               nook: Corner, label: ButtonSizes, widest: int, across: bool, force: bool = False
               ) -> AgeLayout | None:
    n = len(bands)
    note_item = [Words(note, (theme.TEXT_BODY,), True, 2) for _, note in bands]
    if across:
        w = max(AGE_BUTTON[0], widest)
        if n * w + (n - 1) * AGE_GAP > WIDTH - 2 * EDGE:
            return None
        h = max(AGE_BUTTON[1], button_height(label.label))
        notes = [fit_words(item, w + AGE_GAP - 10, scale) for item in note_item]
        band_h = h + 20 + max(f.height for f in notes)
    else:
        w = max(widest, 280)
        h = button_height(label.label)
        notes = [fit_words(item, WIDTH - 2 * EDGE - w - 2 * GAP, scale) for item in note_item]
        band_h = sum(max(h, f.height) for f in notes) + GAP * (n - 1)
    tip_fitted = heading_lines(Words(tip, (theme.TEXT_BODY,), True, 2), WIDTH - 2 * EDGE, scale) \
        if tip else None
    total = head.height + 6 + 30 + band_h + (24 + tip_fitted.height + 6 if tip_fitted else 0)
    room = nook.top - 12
    if tip_fitted and total > room:
        tip_fitted = heading_lines(Words(tip, (theme.TEXT_BODY,), True, 2),
                                   nook.left - GAP - EDGE, scale)
        if tip_fitted is None:
            return None
        total = head.height + 6 + 30 + band_h + 24 + tip_fitted.height + 6
        room = HEIGHT - EDGE
    if total > room and not force:
        return None
    y = max(8, (room - total) * 3 // 5)
    head_y = y
    y += head.height + 6 + 30
    buttons, placed_notes = [], []
    if across:
        x = (WIDTH - n * w - (n - 1) * AGE_GAP) // 2
        for i, note in enumerate(notes):
            bx = x + i * (w + AGE_GAP)
            buttons.append((bx, y, w, h))
            placed_notes.append((note, bx + w // 2, y + h + 20))
        y += band_h
    else:
        x = EDGE + GAP
        for note in notes:
            row = max(h, note.height)
            buttons.append((x, y + (row - h) // 2, w, h))
            placed_notes.append((note, x + w + GAP + note.width // 2, y + (row - note.height) // 2))
            y += row + GAP
        y -= GAP
    return AgeLayout(head, head_y, tuple(buttons), ButtonSizes(label.label, label.hint, h),
                     tuple(placed_notes), "center" if across else "left", tip_fitted, y + 24)
