"""The shared pieces of every layout: a Box of words and what Fitted in it, text sizes at a
scale, buttons and the corner buttons, a flow of texts, pages, toasts and the paged frame.

Each function here is pure layout: it takes words and a text `scale` (1.0 = 100%) and returns
the fitted lines and the positions the screen draws them at. Nothing here draws.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.rules.tuning import HEIGHT, WIDTH
from game.settings import TEXT_SCALES
from game.ui import text, theme
from game.ui.fonts import font


MAX_SCALE = max(TEXT_SCALES)


def scaled(sizes: tuple[int, ...], scale: float) -> tuple[int, ...]:
    return sizes if scale == 1.0 else tuple(max(6, round(s * scale)) for s in sizes)


class Fitted:
    """A text wrapped into its box: the font size chosen, its lines, and whether it all fits
    (if not, the lines that do fit, the last ending in "…")."""

    __slots__ = ("size", "lines", "fits", "width", "bold")

    def __init__(self, size: int, lines: tuple[str, ...], fits: bool, width: int,
                 bold: bool = False) -> None:
        self.size, self.lines, self.fits, self.width, self.bold = size, lines, fits, width, bold

    def __repr__(self) -> str:
        return f"Fitted({self.size}, {self.lines!r}, fits={self.fits})"

    @property
    def height(self) -> int:
        return max(1, len(self.lines) * text.line_height(self.size, self.bold))

    def surface(self, colour, align: str = "left"):
        """The lines drawn, `width` wide (the one place a fitted text becomes pixels)."""
        return text.draw_lines(self.lines, self.size, self.width, colour, self.bold, align)


@dataclass(frozen=True)
class Box:
    """A box a text is drawn in: its width and height in pixels and the font sizes to try,
    largest first."""

    w: int
    h: int
    sizes: tuple[int, ...]
    bold: bool = False

    def fit(self, words: str, scale: float = 1.0, note: bool = True) -> Fitted:
        """`words` fitted into the box; a text that does not fit is noted in `text.truncated`
        (unless `note` is False: the caller decides what to do with it)."""
        size, lines, fits = text.fit_lines(words, self.w, self.h,
                                           self.sizes if scale == 1.0 else
                                           scaled(self.sizes, scale), self.bold)
        if not fits and note:
            text.truncated.add(words)
        return Fitted(size, tuple(lines), fits, self.w, self.bold)

    def fits(self, words: str, scale: float = 1.0) -> bool:
        """Whether `words` fit the box at one of its sizes (as fit() would find; quicker)."""
        return text.fits_somewhere(words, self.w, self.h, self.sizes if scale == 1.0 else
                                   scaled(self.sizes, scale), self.bold)


def line_fits(words: str, size: int, width: int, bold: bool = False, scale: float = 1.0) -> bool:
    """Whether one line of text drawn without wrapping stays inside `width`."""
    return font(scaled((size,), scale)[0], bold).size(words)[0] <= width


CLASSROOM_SCALE = 1.5  # the round on a projector: at least 150%, no text under 4% of the screen


@dataclass(frozen=True)
class PagedLayout:
    """A screen with a heading, things in pages, and buttons at its foot: when it has pages,
    an arrow back, "Page 1 of 3", an arrow on; then the screen's own buttons."""

    heading: Fitted
    heading_y: int
    top: int  # where the page's things start
    bottom: int  # and where they must end
    foot: tuple[Rect, ...]  # (back arrow, page counter, on arrow) when paged, then the own
    buttons: ButtonSizes
    paged: bool
    hints: bool  # whether the own buttons show their key hints (left out when room is short)


def tucked(y: int, fitted: Fitted, outline: int = 0, next_size: int = 0) -> int:
    """Where the next thing may start below a text drawn at `y`, `outline` pixels taller than
    its lines: a little inside its last line, whose height leaves room below the deepest
    descender (an eighth of its size), and, for a text of `next_size` px next, inside that
    text's first line, which leaves room above its accented capitals (a fifth of its size)."""
    return y + fitted.height + outline - int(0.12 * fitted.size) - int(0.2 * next_size)


def page_counter(words: str, scale: float) -> Fitted:
    """"Page 1 of 3" (filled in), between a paged screen's arrows."""
    return fit_words(Words(words, (theme.TEXT_SMALL,), True), WIDTH - 2 * EDGE, scale)


def paged_frame(heading: str, labels: tuple[tuple[str, str], ...], pages: int, counter: str,
                scale: float, nook: Corner, heading_size: int = theme.TEXT_HUGE - 8
                ) -> PagedLayout:
    """The frame around a paged screen's things. `labels`: the screen's own buttons at its foot
    (label, key hint); `counter`: the longest "Page 1 of 3" (filled in), shown when there is
    more than one of the `pages`."""
    head = heading_lines(Words(heading, (heading_size, heading_size - 16), True, 2),
                         WIDTH - 2 * EDGE, 1.0)
    assert head is not None
    y = 16 if scale > 1.0 else 22
    sizes = button_sizes(scale, least=60)
    for hints in (True, False):
        widths = [max(200, sizes.width(label, hint if hints else ""))
                  for label, hint in labels]
        if pages > 1:
            arrow = max(90, sizes.height)
            widths = [arrow, label_width(counter, page_counter(counter, scale).size) + 24,
                      arrow] + widths
        foot = bottom_row(widths, sizes.height, nook)
        if foot[0][1] + foot[0][3] == nook.top + nook.help[3]:
            break  # beside the corner buttons
    return PagedLayout(head, y, tucked(y, head, 6) + 4, foot_top(foot, nook) - 8, tuple(foot),
                       sizes, pages > 1, hints)


# --- a button's label -------------------------------------------------------------------------

BUTTON_TEXT = theme.TEXT_BODY  # the size of a button's label


def button_label_box(w: int, h: int, hint_w: int = 0, size: int = BUTTON_TEXT) -> Box:
    """Where a button's label goes: its width less the key-hint chip, in three sizes."""
    return Box(w - 24 - hint_w, h - 8, (size, size - 4, size - 8), bold=True)


def heading_size(words: str, width: int, size: int, scale: float = 1.0) -> tuple[int, bool]:
    """The size (down to two thirds of `size`) at which a one-line heading fits `width`, and
    whether it fits at all (a heading's outline adds 6 pixels)."""
    size = scaled((size,), scale)[0]
    smallest = size * 2 // 3
    while size > smallest and font(size, True).size(words)[0] + 6 > width:
        size -= 4
    return size, font(size, True).size(words)[0] + 6 <= width


# --- menus at every text size: sizes, buttons, the corner buttons, a flow of texts ------------
# Every screen outside the round is laid out here as a function of its words and the text
# `scale`: texts grow with the scale; when they no longer fit, the screen takes fewer things per
# row, shows smaller pictures, or pages; a text shrinks (down to SMALLEST of its size) only where
# a screen cannot page.

EDGE = 14  # the screen's margin
GAP = 18  # between buttons: room for the focus ring (game.ui.widgets.FOCUS_RING) on each
HINT_SIZE = theme.TEXT_SMALL - 4  # a button's key-hint chip, at 100%
SMALLEST = 0.75  # the smallest a text may shrink to on a screen that cannot page
Rect = tuple[int, int, int, int]


def px(base: int, scale: float) -> int:
    """A text size at text size `scale`."""
    return max(6, round(base * scale))


def heading_px(base: int, scale: float) -> int:
    """A heading's size: headings are bigger than the text already, so they grow only as far as
    to stay a step (20%) above the text at `scale`."""
    return max(base, round(theme.TEXT_BODY * 1.2 * scale))


def label_width(words: str, size: int, bold: bool = True) -> int:
    return font(size, bold).size(words)[0]


def hint_width(hint: str, size: int) -> int:
    """How much of a button's width its key-hint chip takes (the chip and the gap before it),
    as game.ui.widgets.Button draws it."""
    return label_width(hint, size) + 26 if hint else 0


def button_width(label: str, hint: str, size: int, hint_size: int) -> int:
    """The narrowest button showing `label` on one line at `size`, and its key hint."""
    return label_width(label, size) + 28 + hint_width(hint, hint_size)


def button_height(size: int, lines: int = 1, least: int = 0) -> int:
    """A button tall enough for `lines` lines of its label at `size` (and at least `least`)."""
    return max(least, lines * text.line_height(size, True) + 12)


@dataclass(frozen=True)
class ButtonSizes:
    """A button's label size, its key hint's size and its height, at one text size."""

    label: int
    hint: int
    height: int

    def width(self, label: str, hint: str = "") -> int:
        return button_width(label, hint, self.label, self.hint)


def button_sizes(scale: float, label: int = BUTTON_TEXT, least: int = 70) -> ButtonSizes:
    """Buttons with labels of `label` px at 100%, at least `least` px tall."""
    size = px(label, scale)
    return ButtonSizes(size, px(HINT_SIZE, scale), button_height(size, least=least))


@dataclass(frozen=True)
class Corner:
    """The Help and Sound buttons at the bottom right of every screen (but the round's own)."""

    buttons: ButtonSizes
    help: Rect
    sound: Rect

    @property
    def top(self) -> int:
        return self.help[1]

    @property
    def left(self) -> int:
        return self.sound[0]


def corner(scale: float, help_label: str, sound_labels: tuple[str, ...]) -> Corner:
    """The corner buttons sized for their words (the Sound button for the longest of its
    labels, so muting does not move it)."""
    sizes = button_sizes(scale, theme.TEXT_SMALL, least=50)
    help_w = max(156, sizes.width(help_label, "H"))
    sound_w = max(156, max(sizes.width(label, "M") for label in sound_labels))
    y = HEIGHT - 12 - sizes.height
    help_x = WIDTH - EDGE - help_w
    return Corner(sizes, (help_x, y, help_w, sizes.height),
                  (help_x - 10 - sound_w, y, sound_w, sizes.height))


def bottom_row(widths: list[int], height: int, nook: Corner) -> list[Rect]:
    """Buttons side by side at the foot of the screen, level with the corner buttons: centred on
    the screen when they clear the corner buttons, else in the room left of them; above the
    corner buttons, across the screen, when that room is too narrow."""
    total = sum(widths) + GAP * (len(widths) - 1)
    room = nook.left - GAP - EDGE
    bottom = nook.top + nook.help[3]
    if total <= room:
        x = (WIDTH - total) // 2
        if x + total > nook.left - GAP:
            x = EDGE + (room - total) // 2
        y = bottom - height
    else:
        x, y = (WIDTH - total) // 2, nook.top - GAP - height
    out = []
    for w in widths:
        out.append((x, y, w, height))
        x += w + GAP
    return out


def foot_top(rects: list[Rect], nook: Corner) -> int:
    """The top of the buttons at the foot of a screen (the corner buttons' if there are none)."""
    return min([r[1] for r in rects] + [nook.top])


@dataclass(frozen=True)
class Words:
    """A text to flow: its words, its sizes at 100% (largest first), bold, its lines' limit
    (0: as many as it needs), and whether it grows with the text size (a heading's size is
    worked out by heading_px and given as it is)."""

    words: str
    sizes: tuple[int, ...]
    bold: bool = False
    lines: int = 0
    grows: bool = True


def fit_words(item: Words, width: int, scale: float, shrink: float = 1.0) -> Fitted:
    """`item` wrapped into `width` at its sizes times `scale` and `shrink`: the largest size at
    which it takes no more than its lines' limit and no word is split, else its smallest size
    on as many lines as it needs (never cut short)."""
    grow = scale if item.grows else 1.0
    sizes = tuple(sorted({max(6, round(s * grow * shrink)) for s in item.sizes}, reverse=True))
    for size in sizes:
        lines = text.wrap(item.words, size, width, item.bold)
        whole = max(map(font(size, item.bold).size, item.words.split() or [""]))[0] <= width
        if (not item.lines or len(lines) <= item.lines) and whole or size == sizes[-1]:
            return Fitted(size, tuple(lines), True, width, item.bold)
    raise AssertionError("unreachable: the last size always returns")


def flow(items: list[Words], width: int, room: int, scale: float, gap: int = 8,
         smallest: float = SMALLEST) -> tuple[list[Fitted], bool]:
    """Texts one under another in `width` and `room` pixels of height: at their sizes if they
    fit, else a little smaller, step by step down to `smallest` of their sizes. Whether they
    fit."""
    shrink = 1.0
    while True:
        fitted = [fit_words(item, width, scale, shrink) for item in items]
        used = sum(f.height for f in fitted) + gap * max(0, len(items) - 1)
        if used <= room or shrink <= smallest:
            return fitted, used <= room
        shrink = max(smallest, shrink - 0.05)


def pages_of(heights: list[int], room: int, gap: int) -> list[list[int]]:
    """Things `heights` tall, one under another with `gap` between, into pages `room` tall: the
    indices on each page (a thing taller than a page has a page of its own)."""
    pages: list[list[int]] = [[]]
    used = 0
    for i, h in enumerate(heights):
        need = h if not pages[-1] else used + gap + h
        if pages[-1] and need > room:
            pages.append([])
            need = h
        pages[-1].append(i)
        used = need
    return pages


TOAST_W = 1100  # a toast's widest line


@dataclass(frozen=True)
class Toast:
    """A short message over the screen, above the corner buttons: its lines and its box."""

    words: Fitted
    box: Rect


NARROW_TOAST = 340  # a toast wrapped this narrow may find a gap the one-line toast does not


def toast(message: str, scale: float, nook: Corner, keep_clear: tuple[Rect, ...] = ()
          ) -> Toast:
    """The toast's lines (bold, shrinking only when a long message needs the whole screen) in a
    box centred above the corner buttons, unless it would cover one of `keep_clear` (the
    screen's buttons, its cards) there: then as low and as near the middle as it covers none
    of them, wrapped narrower if that finds it a gap; where it covers something wherever it
    goes, on one line where it covers least."""
    best: tuple[int, Toast] | None = None
    for width in (TOAST_W, NARROW_TOAST):
        (words,), _ = flow([Words(message, (theme.TEXT_SMALL,), bold=True)], width,
                           nook.top - 2 * EDGE - 18, scale)
        w = max(label_width(line, words.size, True) for line in words.lines)
        words = Fitted(words.size, words.lines, True, w, True)
        covered, box = _toast_place(w + 36, words.height + 18, nook, keep_clear)
        if best is None or not covered:  # narrower only where that covers nothing
            best = covered, Toast(words, box)
        if not covered:
            break
    assert best is not None
    return best[1]


def _toast_place(box_w: int, h: int, nook: Corner, keep_clear: tuple[Rect, ...]
                 ) -> tuple[int, Rect]:
    """Where a toast `box_w` by `h` covers least of `keep_clear` (the first place found that
    covers none: low, then near the middle), and how many pixels of it it covers there."""
    lowest = nook.top - EDGE - h
    centre = (WIDTH - box_w) // 2  # where to try: the middle, the edges, beside each box
    xs = {centre, EDGE, WIDTH - EDGE - box_w} | {x for r in keep_clear
                                                  for x in (r[0] + r[2] + 4, r[0] - box_w - 4)}
    ys = set(range(lowest, EDGE - 1, -6)) | {y for r in keep_clear
                                            for y in (r[1] + r[3] + 4, r[1] - h - 4)}
    places = [(x, y) for y in sorted((y for y in ys if EDGE <= y <= lowest), reverse=True)
              for x in sorted((x for x in xs if EDGE <= x <= WIDTH - EDGE - box_w),
                              key=lambda x: abs(x - centre))]
    best, least = places[0], -1
    for at in places:
        covered = sum(_overlap((*at, box_w, h), r) for r in keep_clear)
        if least < 0 or covered < least:
            best, least = at, covered
        if not covered:
            break
    return least, (*best, box_w, h)


def _overlap(a: Rect, b: Rect) -> int:
    """How many pixels two boxes share."""
    return max(0, min(a[0] + a[2], b[0] + b[2]) - max(a[0], b[0])) * \
        max(0, min(a[1] + a[3], b[1] + b[3]) - max(a[1], b[1]))


def heading_lines(item: Words, width: int, scale: float, room: int = 10_000) -> Fitted | None:
    """A heading (drawn outlined, 6 px wider and taller) wrapped into `width` and `room`: at its
    sizes times `scale`, shrinking to SMALLEST if it must; None if it does not fit even then."""
    (fitted,), fits = flow([item], width - 6, room - 6, scale)
    return fitted if fits else None


def foot_row(labels: tuple[tuple[str, str], ...], sizes: ButtonSizes, nook: Corner,
             least: int = 200) -> tuple[list[Rect], bool] | None:
    """A screen's buttons in a row at its foot beside the corner buttons, with their key hints
    if there is room, else without; None if they do not fit beside the corner buttons."""
    for hints in (True, False):
        widths = [max(least, sizes.width(label, hint if hints else "")) for label, hint in labels]
        rects = bottom_row(widths, sizes.height, nook)
        if rects[0][1] + rects[0][3] == nook.top + nook.help[3]:
            return rects, hints
    return None


def foot_column(labels: tuple[tuple[str, str], ...], sizes: ButtonSizes, nook: Corner
                ) -> tuple[list[Rect], bool]:
    """A screen's buttons one above another at its right, ending above the corner buttons;
    with their key hints if that leaves them a third of the screen wide at most."""
    hints = max(sizes.width(label, hint) for label, hint in labels) <= WIDTH // 3
    w = min(WIDTH // 3, max(sizes.width(label, hint if hints else "") for label, hint in labels))
    total = len(labels) * sizes.height + (len(labels) - 1) * GAP
    y = nook.top - GAP - total
    return [(WIDTH - EDGE - w, y + i * (sizes.height + GAP), w, sizes.height)
            for i in range(len(labels))], hints
