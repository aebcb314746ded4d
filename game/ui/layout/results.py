"""The results screen and, before it, a promotion's own moment.

Each function here is pure layout: it takes words and a text `scale` (1.0 = 100%) and returns
the fitted lines and the positions the screen draws them at. Nothing here draws.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.rules.tuning import HEIGHT, WIDTH
from game.ui import text, theme
from game.ui.layout.base import (
    ButtonSizes, Corner, EDGE, Fitted, GAP, Rect, SMALLEST, Words, flow,
    foot_column, foot_row, foot_top, heading_lines, heading_px, label_width, tucked,
)


# --- the results screen ------------------------------------------------------------------------

STAR_R = 50  # a star's outer radius at 100%
SCORE_SIZE, RANK_SIZE = 56, 34
RESULTS_CARD_W = 900


@dataclass(frozen=True)
class ResultsWords:
    heading: str
    score: str
    lines: tuple[str, ...]  # safe answers, bumps, a new best
    rank: str
    note: str  # how far to the next rank
    buttons: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ResultsLayout:
    heading: Fitted
    heading_y: int
    card: Rect
    stars: tuple[int, int, int]  # in the card: the middle star's centre and the stars' radius
    texts: tuple[tuple[str, Fitted, int, int], ...]  # role, words, centre x and top, in the card
    bar: Rect  # the progress bar to the next rank, in the card
    buttons: tuple[Rect, ...]
    button_sizes: ButtonSizes
    hints: bool


def results_layout(words: ResultsWords, scale: float, nook: Corner) -> ResultsLayout:
    """The results card under its heading: the stars, the score, the round's lines, the rank,
    the bar to the next rank and how far it is; one column of them, or two (stars and score
    beside the rest) when one is too tall; the buttons in a row at the foot, or one above
    another at the right when the row does not fit beside the corner buttons."""
    head = heading_lines(Words(words.heading, (theme.TEXT_HUGE, theme.TEXT_HUGE - 12), True, 2),
                         WIDTH - 2 * EDGE, 1.0)
    assert head is not None
    top = tucked(8, head, 6) + 6
    sizes = nook.buttons  # as tall as Help and Sound beside them: one height for all five
    row = foot_row(words.buttons, sizes, nook)
    plans: list[tuple[list[Rect], bool, Rect]] = []
    if row:
        rects, hints = row
        w = min(WIDTH - 2 * EDGE, max(RESULTS_CARD_W, round(RESULTS_CARD_W * scale * 0.8)))
        plans.append((rects, hints, ((WIDTH - w) // 2, top, w, foot_top(rects, nook) - 14 - top)))
    column, hints = foot_column(words.buttons, sizes, nook)
    right = column[0][0] - GAP
    bottom = HEIGHT - EDGE if right <= nook.left - GAP else nook.top - GAP
    plans.append((column, hints, (EDGE, top, right - EDGE, bottom - top)))
    if right > nook.left - GAP:  # narrower, but as tall as the screen, left of the corner
        plans.append((column, hints, (EDGE, top, nook.left - GAP - EDGE, HEIGHT - EDGE - top)))
    tries = [(shrink, plan, split) for shrink in (False, True) for plan in plans
             for split in ("", "wide", "narrow")]
    for i, (shrink, (rects, hints, card), split) in enumerate(tries):
        placed = _results_card(words, scale, card, split, shrink, last=i == len(tries) - 1)
        if placed is not None:
            stars, texts, bar, used = placed
            x, y, w, h = card
            card = (x, y + max(0, h - used) // 3, w, min(h, used))  # as tall as its insides
            return ResultsLayout(head, 8, card, stars, texts, bar, tuple(rects), sizes, hints)
    raise AssertionError("unreachable: the last try always places the card")


def _results_card(words: ResultsWords, scale: float, card: Rect, split: str, shrink: bool,
                  last: bool):
    """The card's insides, or None if they do not fit at full size (with `shrink`: as small as
    SMALLEST allows; the `last` try places them even if they do not fit). One column: stars,
    score, lines, rank, bar, note; `split` "wide" or "narrow": the stars and the score in a
    column at the left (as wide as the score, or a quarter of the card), the rest at the
    right."""
    _, _, w, h = card
    pad, gap, bar_h = 16, 4, 12 + 30 + 12
    score_size = heading_px(SCORE_SIZE, scale)
    left_w = w - 2 * pad if not split else w // 4 if split == "narrow" else \
        min(w * 2 // 5, max(w // 4, label_width(words.score, score_size) + 2 * pad))
    right_w = w - left_w - 3 * pad if split else w - 2 * pad
    score = [Words(words.score, (score_size, score_size * 3 // 4), True, grows=False)]
    rest = [Words(line, (theme.TEXT_BODY,)) for line in words.lines] + \
        [Words(words.rank, (RANK_SIZE,), True), Words(words.note, (26,))]
    smallest = SMALLEST if shrink else 1.0
    radii = sorted({min(r, (left_w - 2 * pad) // 7) for r in (STAR_R, STAR_R * 4 // 5,
                                                                 STAR_R * 3 // 5)},
                   reverse=True)
    room = h - 2 * pad - bar_h
    for r in radii:
        stars_h = 2 * r + 16
        if split:
            left, fits_left = flow(score, left_w, h - 2 * pad - stars_h, scale, gap, smallest)
            right, fits = flow(rest, right_w, room, scale, gap, smallest)
            fits = fits and fits_left
        else:
            both, fits = flow(score + rest, w - 2 * pad, room - stars_h, scale, gap, smallest)
            left, right = both[:1], both[1:]
        if fits or (last and r == radii[-1]):
            break
    else:
        return None
    texts = []
    stars_x = pad + left_w // 2 if split else w // 2
    y = pad + stars_h
    for fitted in left:
        texts.append(("score", fitted, stars_x, y))
        y += fitted.height + gap
    mid = left_w + 2 * pad + right_w // 2 if split else w // 2
    if split:
        y = pad
    roles = ["line"] * len(words.lines) + ["rank"]
    for fitted, role in zip(right, roles):
        texts.append((role, fitted, mid, y))
        y += fitted.height + gap
    bar_w = (right_w if split else w) * 2 // 3
    bar = (mid - bar_w // 2, y + 12, bar_w, 30)
    texts.append(("note", right[-1], mid, y + bar_h))
    used = max(t[3] + t[1].height for t in texts) + pad
    return (stars_x, pad + r + 8, r), tuple(texts), bar, used


# --- a promotion: its own moment before the results --------------------------------------------

PROMOTED_SIZE = theme.TEXT_HUGE + 24
SPARKLE = 40  # a sparkle's size


@dataclass(frozen=True)
class PromotionLayout:
    heading: Fitted
    heading_y: int
    orbit: tuple[int, int, int, int]  # the sparkles' ellipse round the heading: centre, radii
    dog: Rect | None
    card: Rect
    lines: tuple[tuple[Fitted, int], ...]  # the new rank and its badge's words, top in the card
    button: Rect  # on to the results, at the foot beside the corner buttons
    button_sizes: ButtonSizes
    hint: bool  # whether the button shows its key hint


DOG_SIZES = (300, 240, 180, 140)  # the mascot beside the card, smaller before it is left out


def promotion_layout(heading: str, rank_line: str, badge: str, button: str, scale: float,
                     nook: Corner) -> PromotionLayout:
    """The heading with sparkles circling clear of it; the mascot beside a card with the new
    rank (smaller, then the card's words a little smaller, before the mascot is left out); the
    button on to the results at the foot, beside the corner buttons."""
    head = heading_lines(Words(heading, (PROMOTED_SIZE, theme.TEXT_HUGE), True, 1),
                         WIDTH - 2 * EDGE - 2 * SPARKLE, 1.0)
    assert head is not None
    ink_w = max(label_width(line, head.size) for line in head.lines) + 6
    ink_h = text.line_height(head.size, True) * 3 // 4  # the letters, less the room for accents
    cx, cy = WIDTH // 2, 12 + SPARKLE + head.height // 2
    rx = min(WIDTH // 2 - SPARKLE // 2, round((ink_w / 2 + SPARKLE // 2) * 1.42))
    ry = round((ink_h / 2 + SPARKLE // 2) * 1.1)
    heading_y = cy - head.height // 2 - 3
    top = cy + ry + SPARKLE // 2 + 8
    sizes = nook.buttons
    row = foot_row(((button, "Enter"),), sizes, nook)
    (rect,), hint = row if row else foot_column(((button, "Enter"),), sizes, nook)
    room_h = foot_top([rect], nook) - GAP - top
    rank_sizes = (heading_px(48, scale), heading_px(40, scale))  # a heading: it grows less
    items = [Words(rank_line, rank_sizes, True, grows=False),
             Words(badge, (theme.TEXT_BODY, 26))]
    tries = [(smallest, dog) for smallest in (1.0, SMALLEST)
             for dog in DOG_SIZES if dog <= room_h] + [(SMALLEST, 0)]
    for smallest, dog_size in tries:
        card_w = WIDTH - 2 * EDGE - (dog_size + GAP if dog_size else 0)
        card_w = min(card_w, max(600, round(600 * scale)))
        fitted, fits = flow(items, card_w - 60, room_h - 60, scale, gap=20, smallest=smallest)
        if fits:
            break
    card_h = sum(f.height for f in fitted) + 20 + 60
    x0 = (WIDTH - card_w - (dog_size + GAP if dog_size else 0)) // 2
    y0 = top + max(0, (room_h - max(card_h, dog_size)) // 2)
    dog = (x0, y0 + max(0, (card_h - dog_size) // 2), dog_size, dog_size) if dog_size else None
    card = (x0 + (dog_size + GAP if dog_size else 0), y0 + max(0, (dog_size - card_h) // 2),
            card_w, card_h)
    lines = ((fitted[0], 30), (fitted[1], 30 + fitted[0].height + 20))
    return PromotionLayout(head, heading_y, (cx, cy, rx, ry), dog, card, lines, rect, sizes,
                           hint)
