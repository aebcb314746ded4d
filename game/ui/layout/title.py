"""The title screen: the branding's title and tagline, the buttons, Scout and the rank card.

Each function here is pure layout: it takes words and a text `scale` (1.0 = 100%) and returns
the fitted lines and the positions the screen draws them at. Nothing here draws.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.rules.tuning import HEIGHT, WIDTH
from game.ui import text, theme
from game.ui.layout.base import (
    ButtonSizes, Corner, EDGE, Fitted, GAP, Rect, Words, button_height, button_sizes,
    button_width, fit_words, flow, heading_lines, heading_px, heading_size, label_width, px,
)


# --- the title screen --------------------------------------------------------------------------

TITLE_BOX = (40, 112)  # where the branding's title is centred (y, height) at 100%
TITLE_BOX_COMPACT = (6, 96)
TITLE_W = 1180
TITLE_SIZE = theme.TEXT_HUGE + 16
TITLE_SIZE_COMPACT = theme.TEXT_HUGE - 8
TAGLINE_Y = 150  # below the title box, at 100%
MENU_RIGHT = 1180  # the right edge of the title's buttons, when there is room
MENU_W = 420  # the title's buttons are at least this wide
DOG_SIZE = 300
MIN_DOG = 120  # a smaller mascot is left out
MIN_BESIDE = 96  # nor a smaller one beside its bubble at the foot (at large text sizes)
MIN_SIDE = 300  # the narrowest room left of the buttons worth using
BUBBLE_W = 214
BUBBLE_OVERLAP = 38  # the mascot's picture starts this far left of its speech bubble's end


@dataclass(frozen=True)
class TitleWords:
    title: str
    tagline: str
    greeting: str  # what the mascot says in its bubble
    organisation: str  # "Brought to you by ..." or ""
    buttons: tuple[tuple[str, str], ...]  # each button's label and key hint; the first is Play
    rank: tuple[str, ...]  # the rank card's lines, or none
    notices: str  # plain-words notices for the player, or ""


@dataclass(frozen=True)
class TitleLayout:
    title_size: int
    title_y: int
    organisation: Fitted | None
    tagline: Fitted | None  # the notices (on a yellow card) when there are any, else the tagline
    tagline_y: int
    notices: bool
    buttons: tuple[Rect, ...]
    button_sizes: ButtonSizes
    play_size: int
    dog: Rect | None  # the mascot's portrait (square), or none when there is no room
    bubble: tuple[int, int, int, Fitted] | None  # x, y, width and words of its speech bubble
    rank: tuple[Rect, tuple[Fitted, ...]] | None


def _title_buttons(words: TitleWords, scale: float, cols: int, right: int
                   ) -> tuple[list[Rect], ButtonSizes, int, int]:
    """The title's buttons in `cols` columns ending at `right`: rects, sizes, Play's label
    size, and the block's height."""
    sizes = button_sizes(scale, least=60)
    play = heading_px(theme.TEXT_TITLE - 4, scale) if cols == 1 else sizes.label
    play_h = button_height(play, least=60)
    gap_y = px(10, scale)
    widths = [button_width(label, hint, play if i == 0 else sizes.label, sizes.hint)
              for i, (label, hint) in enumerate(words.buttons)]
    # the columns alike, as wide as the widest label needs; if that is too wide, each column
    # as wide as its own widest label needs, all narrowed alike when still too wide (a label
    # then takes one of its button's smaller sizes)
    room = right - EDGE - GAP * (cols - 1)
    col_w = [max([MENU_W] + widths)] * cols
    if sum(col_w) > room:
        col_w = [max(w for i, w in enumerate(widths) if i % cols == col) for col in range(cols)]
        if sum(col_w) > room:
            col_w = [w * room // sum(col_w) for w in col_w]
    x0 = right - sum(col_w) - GAP * (cols - 1)
    xs = [x0 + sum(col_w[:col]) + GAP * col for col in range(cols)]
    rects, y, rows = [], 0, -(-len(words.buttons) // cols)
    for row in range(rows):
        row_h = play_h if row == 0 else sizes.height
        for col in range(cols):
            if row * cols + col < len(words.buttons):
                rects.append((xs[col], y, col_w[col], row_h))
        y += row_h + gap_y
    return rects, sizes, play, y - gap_y


def title_layout(words: TitleWords, scale: float, nook: Corner) -> TitleLayout:
    """The title screen: the branding's title, the tagline (or notices), the buttons in as few
    columns as fit above the corner buttons, and in the room left of them the mascot and the
    rank card (the mascot goes first when room is short; the tagline before the buttons get
    smaller)."""
    organisation = None
    if words.organisation:
        organisation = heading_lines(Words(words.organisation, (theme.TEXT_SMALL - 4,), True, 1),
                                     WIDTH - 2 * 24, scale)
    text_top = TAGLINE_Y if not organisation else max(TAGLINE_Y, 10 + organisation.height + 100)
    plans = [(box, cols, right) for box in (TITLE_BOX, TITLE_BOX_COMPACT) for cols in (1, 2)
             for right in (MENU_RIGHT, WIDTH - EDGE)]
    chosen = None
    for box, cols, right in plans:
        rects, sizes, play, block_h = _title_buttons(words, scale, cols, right)
        if rects[0][0] < EDGE:
            continue
        top = text_top - (TITLE_BOX[0] - box[0]) - (TITLE_BOX[1] - box[1])
        room = nook.top - GAP - block_h - top - 12
        tagline = _tagline(words, scale, room)
        if tagline is not None:
            chosen = box, rects, sizes, play, block_h, top, tagline
            break
    if chosen is None:  # no room for the tagline: the buttons as they fit best, below the title
        box = TITLE_BOX_COMPACT
        rects, sizes, play, block_h = _title_buttons(words, scale, 2, WIDTH - EDGE)
        top = text_top - (TITLE_BOX[0] - box[0]) - (TITLE_BOX[1] - box[1])
        chosen = box, rects, sizes, play, block_h, top, None
    box, rects, sizes, play, block_h, top, tagline = chosen
    title_size = TITLE_SIZE if box == TITLE_BOX else TITLE_SIZE_COMPACT
    size, _ = heading_size(words.title, TITLE_W, title_size)
    title_y = box[0] + (box[1] - text.line_height(size, True) - 6) // 2
    buttons_top = top + (tagline.height + 6 + (36 if words.notices else 0) + 12 if tagline
                         else 12)
    if buttons_top + block_h > nook.top - GAP:  # the buttons as low as they can be
        buttons_top = nook.top - GAP - block_h
    left = min(x for x, _, _, _ in rects)
    shift = 0 if left - GAP - EDGE >= MIN_SIDE else \
        (WIDTH - max(x + w for x, _, w, _ in rects) - left) // 2  # nothing beside: centred
    rects = [(x + shift, y + buttons_top, w, h) for x, y, w, h in rects]
    dog, bubble, rank = _title_left(words, scale, nook, rects, buttons_top)
    return TitleLayout(size, title_y, organisation, tagline, top + (8 if words.notices else 0),
                       bool(words.notices),
                       tuple(rects), sizes, play, dog, bubble, rank)


def _tagline(words: TitleWords, scale: float, room: int) -> Fitted | None:
    if words.notices:  # on a yellow card: 28 px of padding, and 8 below the title
        (fitted,), fits = flow([Words(words.notices, (theme.TEXT_SMALL, 20))], 860, room - 36,
                               scale)
        return fitted if fits else None
    return heading_lines(Words(words.tagline, (theme.TEXT_BODY,), True, 2), TITLE_W, scale, room)


def _title_left(words: TitleWords, scale: float, nook: Corner, buttons: list[Rect], top: int
                ) -> tuple[Rect | None, tuple[int, int, int, Fitted] | None,
                           tuple[Rect, tuple[Fitted, ...]] | None]:
    """The mascot, its speech bubble and the rank card: left of the buttons when there is room
    there (the rank card at the foot), else below the buttons, left of the corner buttons (the
    rank card first, the mascot beside it). The mascot goes first when room is short."""
    block_left = min(x for x, _, _, _ in buttons)
    side = block_left - GAP - EDGE >= MIN_SIDE
    if side:
        x0, y0, x1, y1 = EDGE, top, block_left - GAP, HEIGHT - EDGE
    else:
        x0, y0 = EDGE, max(y + h for _, y, _, h in buttons) + GAP
        x1, y1 = nook.left - GAP, nook.top + nook.help[3]
    rank = _rank_card(words, scale, (x0, y0, x1 - x0, y1 - y0), centred=side)
    if rank and side:
        y1 = rank[0][1] - 12
    elif rank:
        x0 = rank[0][0] + rank[0][2] + GAP
    greeting = Words(words.greeting, (26, 22, 18), True, 2)
    bubble_words = fit_words(greeting, BUBBLE_W - 32, scale)
    bubble_w = BUBBLE_W
    if len(bubble_words.lines) > 1 or label_width(bubble_words.lines[0], bubble_words.size,
                                                   True) > BUBBLE_W - 32:
        bubble_w = min(x1 - x0, max(BUBBLE_W, label_width(words.greeting, bubble_words.size)
                                    + 40))
        bubble_words = fit_words(greeting, bubble_w - 32, scale)
    bubble_h = bubble_words.height + 42
    dog_dx, dog_dy = bubble_w - BUBBLE_OVERLAP, bubble_h - 45  # under the bubble's tail
    size = min(DOG_SIZE, x1 - x0 - dog_dx, y1 - y0 - dog_dy)
    if size < MIN_DOG:  # no room under the bubble: the mascot beside its bubble, smaller
        return _dog_beside(words.greeting, scale, (x0, y0, x1, y1)) + (rank,)
    spare_x = x1 - x0 - dog_dx - size
    bubble_x = x0 + min(spare_x, 0 if side else spare_x // 2)
    bubble_y = y0 + (y1 - y0 - dog_dy - size) // (4 if side else 2)
    bubble = (bubble_x, bubble_y, bubble_w, bubble_words)
    return (bubble_x + dog_dx, bubble_y + dog_dy, size, size), bubble, rank


def _dog_beside(greeting: str, scale: float, room: tuple[int, int, int, int]
                ) -> tuple[Rect | None, tuple[int, int, int, Fitted] | None]:
    """The mascot at the foot of `room` (x0, y0, x1, y1) with its speech bubble to its right,
    the greeting as big as lets the bubble fit the room's height; none if it does not fit."""
    x0, y0, x1, y1 = room
    for size in (26, 22, 18):
        one = Words(greeting, (size,), True, 2)
        bubble_w = min(x1 - x0 - MIN_BESIDE, label_width(greeting, px(size, scale)) + 48)
        bubble_words = fit_words(one, bubble_w - 32, scale)
        bubble_h = bubble_words.height + 42
        dog = min(DOG_SIZE, y1 - y0, x1 - x0 - bubble_w)
        if bubble_h <= y1 - y0 and dog >= MIN_BESIDE:
            return (x0, y1 - dog, dog, dog), (x0 + dog, y1 - dog + (dog - bubble_h) // 2,
                                              bubble_w, bubble_words)
    return None, None


def _rank_card(words: TitleWords, scale: float, room: Rect, centred: bool
               ) -> tuple[Rect, tuple[Fitted, ...]] | None:
    """The rank card at the foot of `room` (its lines shrinking, then the best round's line
    left out, when room is short)."""
    x, y, width, height = room
    items = [Words(words.rank[0], (theme.TEXT_BODY,), True)] + \
        [Words(line, (theme.TEXT_SMALL,)) for line in words.rank[1:]] if words.rank else []
    while items:
        fitted, fits = flow(items, width - 40, height - 24, scale, gap=4)
        if fits:
            h = sum(f.height for f in fitted) + 4 * (len(fitted) - 1) + 24
            w = max(label_width(line, f.size, f.bold) for f in fitted for line in f.lines) + 40
            return ((x + (width - w) // 2 if centred else x, y + height - h, w, h),
                    tuple(fitted))
        items = items[:-1]
    return None
