"""The safety message card: its boxes at 100%, the same card reflowed into pages at larger text
sizes, and the message screen around it. The validator checks every message against them.

Each function here is pure layout: it takes words and a text `scale` (1.0 = 100%) and returns
the fitted lines and the positions the screen draws them at. Nothing here draws.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.content.model import HelpLink, Message
from game.i18n import t
from game.rules.tuning import WIDTH
from game.ui import text
from game.ui.layout.base import (
    Box, ButtonSizes, Corner, EDGE, Fitted, GAP, MAX_SCALE, Rect, bottom_row, button_sizes,
    corner, label_width, line_fits, scaled,
)


# --- the safety message card -------------------------------------------------------------------

CARD_X, CARD_Y = 196, 16  # at 100%: a column at the left for the topic's picture and Scout
CARD_W, CARD_H = WIDTH - CARD_X - EDGE, 596
CARD_PAD = 28
CARD_INNER = CARD_W - 2 * CARD_PAD
TAG_SIZE = 26
SOURCE_SIZE = 22  # the credit, as readable as the rest (22 px: what a projector still shows)
DO_LABEL_SIZE = 24
LABEL_PAD = 12  # the "What to do" label's pill, round its words
# The hierarchy: the title biggest; "What to do" the strongest (bold, bigger than the text, in
# its outlined box); the help line and "Think about it" never under 22 px.
MESSAGE_TITLE = Box(CARD_INNER, 66, (40, 36, 32), bold=True)  # 66: a line at 40 px
MESSAGE_BODY = Box(CARD_INNER, 190, (30, 28, 26, 23))
DO_INDENT = 40  # the "What to do" lines, in from the card's edge (inside their box)
MESSAGE_DO = Box(CARD_W - 2 * DO_INDENT, 100, (32, 30, 27, 24), bold=True)
MESSAGE_HELP = Box(CARD_INNER, 70, (26, 24, 22), bold=True)
THINK_SIZES = (24, 22)


@dataclass(frozen=True)
class MessageCard:
    """Everything on a message card, fitted, and where each piece goes (card coordinates)."""

    tag: str  # "Safety message: <topic>" on the coloured top bar
    tag_fits: bool
    title: Fitted
    title_y: int
    body: Fitted
    body_y: int
    do: Fitted
    do_box: tuple[int, int, int, int]
    do_label: str  # "What to do", at the left of the box
    do_y: int  # where what to do starts (card coordinates), under the label's tab
    help: Fitted | None
    help_y: int
    think: Fitted | None  # the first discussion question, when it fits whole below the rest
    think_y: int
    think_hidden: bool  # the message has a discussion question that does not fit
    source: str  # "From: <publisher>" at the bottom
    source_fits: bool


def help_line(link: HelpLink) -> str:
    contact = link.phone or link.url.removeprefix("https://")
    if contact:
        return t("Get help: {title} ({contact})  ·  or press H", title=link.title, contact=contact)
    return t("Get help: {title}  ·  or press H", title=link.title)


def message_card(message: Message, topic_title: str, link: HelpLink | None, publisher: str,
                 scale: float = 1.0) -> MessageCard:
    """The card at 100%: the text at the largest size that fits and is no bigger than "What to
    do", or a smaller one where that leaves room for the first "Think about it" question."""
    do = MESSAGE_DO.fit(message.do, scale)
    sizes = MESSAGE_BODY.sizes
    start = next((n for n, size in enumerate(scaled(sizes, scale)) if size <= do.size),
                 len(sizes) - 1)
    for n in range(start, len(sizes)):
        body = Box(MESSAGE_BODY.w, MESSAGE_BODY.h, sizes[n:]).fit(message.text, scale)
        card = _card(message, topic_title, link, publisher, scale, body, do)
        if not card.think_hidden or not body.fits:
            break
        if n == start:
            first = card
    else:
        return first  # no size leaves room: the text as large as it fits
    return card


def _card(message: Message, topic_title: str, link: HelpLink | None, publisher: str,
          scale: float, body: Fitted, do: Fitted) -> MessageCard:
    tag = t("Safety message: {topic}", topic=topic_title)
    title = MESSAGE_TITLE.fit(message.title, scale)
    title_y = 66
    body_y = title_y + title.height + 2
    y = body_y + body.height + 12
    do_label = t("What to do")
    tab = text.line_height(DO_LABEL_SIZE, True) + 6  # the label's pill across the box's top
    do_box = (20, y + tab // 2, CARD_W - 40, tab // 2 + do.height + 10)
    do_y = y + tab + 2
    y = do_box[1] + do_box[3] + 10
    help_fitted, help_y = None, y
    if link:
        help_fitted = MESSAGE_HELP.fit(help_line(link), scale)
        y += help_fitted.height + 8
    think, think_y, hidden = None, y, False
    if message.discuss:
        room = CARD_H - 48 - y  # above the credit
        fitted = Box(CARD_INNER, room, THINK_SIZES).fit(
            t("Think about it: {question}", question=message.discuss[0]), scale, note=False) \
            if room >= 36 else None
        if fitted is not None and fitted.fits:
            think = fitted
        else:
            hidden = True
    source = t("From: {publisher}", publisher=publisher)
    return MessageCard(tag, line_fits(tag, TAG_SIZE, CARD_W - 2 * CARD_PAD, True, scale),
                       title, title_y, body, body_y, do, do_box, do_label, do_y, help_fitted,
                       help_y,
                       think, think_y, hidden, source,
                       line_fits(source, SOURCE_SIZE, CARD_INNER, False, scale))


# --- the safety message card at larger text sizes: the same card, reflowed into pages ------------

@dataclass(frozen=True)
class Piece:
    """Lines of one part of a message ("title", "body", "do-label", "do", "help", "think" or
    "source") at a place on the card."""

    role: str
    text: Fitted
    x: int
    y: int


@dataclass(frozen=True)
class CardPage:
    tag: Fitted | None  # "Safety message: <topic>" on the coloured bar of the first page
    bar_h: int  # the bar: the topic's words on the first page, a thin strip of its colour after
    pieces: tuple[Piece, ...]
    boxes: tuple[tuple[int, int, int, int], ...]  # the yellow "What to do" box(es)


PAGED_JUMP = 8  # a paged card's title is this much bigger than its text at 100%, none at 200%:
# large text needs less of a jump to a heading
MAX_PAGES = 3  # the most pages a message card may take at the largest text size (the validator)
BOX_PAD = 10  # the yellow box around them, above and below
SENTENCE_ENDS = (".", "!", "?", "…")
THIN_BAR = 16  # the coloured bar on a message card's pages after the first
LEADING = 1.3  # a line of the card's words is this many times its letter size below the last


def half_grown(base: int, scale: float, floor: int = 0, part: float = 0.5) -> int:
    """A lesser text's size (the bar, the credit, a label, the help line): it grows `part` as
    fast as the words that matter, which keep the room."""
    return max(floor, round(base * (1 + (scale - 1) * part)))


def sentences(words: str) -> list[str]:
    """`words` cut after each sentence (a word ending in . ! ? or …, a closing quote aside)."""
    parts = words.split()
    out: list[str] = []
    start = 0
    for i, word in enumerate(parts):
        if word.rstrip("\"'”’)»").endswith(SENTENCE_ENDS) or i == len(parts) - 1:
            out.append(" ".join(parts[start:i + 1]))
            start = i + 1
    return out or [""]


@dataclass(frozen=True)
class _Block:
    """A part of the card to flow: its sentences (a page breaks only between them), its size,
    where its lines start and how wide they are, the room above it (unless it starts a page),
    a label on top of it, and whether its end keeps on a page with the next block's start."""

    role: str
    units: list[str]
    px: int
    bold: bool
    x: int
    width: int
    gap: int
    label: Fitted | None = None
    keep: bool = False

    @property
    def step(self) -> int:  # a little closer than the font's own spacing, made for many scripts
        return min(text.line_height(self.px, self.bold), round(self.px * LEADING))

    @property
    def pad(self) -> int:  # inside the yellow box, above and below its lines
        return BOX_PAD if self.role == "do" else 0

    def above(self, first: bool) -> int:
        """The room above its lines: a label (a tab on the box's top edge) or the box's pad."""
        return self.label.height if self.label and first else self.pad

    def height(self, units: list[str], first: bool) -> int:
        return self.above(first) + len(_wrap(" ".join(units), self)) * self.step + self.pad


def _wrap(words: str, block: _Block) -> list[str]:
    return text.wrap(words, block.px, block.width, block.bold)


def _lines(words: str, px: int, width: int, bold: bool) -> Fitted:
    return Fitted(px, tuple(text.wrap(words, px, width, bold)), True, width, bold)


def message_pages(message: Message, topic_title: str, link: HelpLink | None, publisher: str,
                  scale: float, floor: int = 0, card_h: int = CARD_H,
                  card_w: int = CARD_W) -> list[CardPage]:
    """The message card at a larger text size (or with no text under `floor` pixels): the title,
    the text and what to do keep the size the player chose and flow on from one another, onto
    a new page only between sentences (unless one sentence is longer than a page); the bar, the
    credit, the label and the help line grow slower. The credit is at the foot of the last page,
    with a question to think about above it where there is room."""
    tag, flow = _card_flow(message, topic_title, link, publisher, scale, floor, card_h, card_w)
    pages = flow.pages()
    *lines, last = pages[-1]
    source_y = card_h - 8 - last.text.height  # the credit at the foot
    pages[-1][-1] = Piece("source", last.text, last.x, source_y)
    if message.discuss and lines:
        think = _lines(t("Think about it: {question}", question=message.discuss[0]),
                       half_grown(THINK_SIZES[0], scale, floor), card_w - 2 * CARD_PAD, False)
        end = max(p.y + p.text.height for p in lines) + BOX_PAD
        if end + 14 + think.height <= source_y - 6:
            pages[-1].append(Piece("think", think, CARD_PAD, end + 14))
    return [CardPage(tag if n == 0 else None, tag.height + 8 if n == 0 else THIN_BAR,
                     tuple(page), _do_boxes(page, card_w)) for n, page in enumerate(pages)]


def message_page_count(message: Message, topic_title: str, link: HelpLink | None,
                       publisher: str, scale: float, card_h: int, card_w: int) -> int:
    """len(message_pages(...)), worked out without laying the pages out (for the validator)."""
    return _card_flow(message, topic_title, link, publisher, scale, 0, card_h, card_w)[1].count()


def _card_flow(message: Message, topic_title: str, link: HelpLink | None, publisher: str,
               scale: float, floor: int, card_h: int, card_w: int) -> tuple[Fitted, _Flow]:
    """The bar's words, and the card's parts to flow onto its pages."""
    def size(base: int) -> int:
        return max(floor, round(base * scale))

    inner = card_w - 2 * CARD_PAD
    tag = _lines(t("Safety message: {topic}", topic=topic_title),
                 half_grown(TAG_SIZE, scale, floor, 0.25), inner, True)
    do_w = card_w - 2 * DO_INDENT
    label = _lines(t("What to do"), half_grown(DO_LABEL_SIZE, scale, floor), do_w, True)
    body = size(MESSAGE_BODY.sizes[0])
    title = body + max(0, round(PAGED_JUMP * (MAX_SCALE - scale)))
    blocks = [_Block("title", [message.title], title, True, CARD_PAD, inner, 0, keep=True),
              _Block("body", sentences(message.text), body, False, CARD_PAD, inner, 10),
              _Block("do", sentences(message.do), size(MESSAGE_DO.sizes[0]), True, DO_INDENT, do_w,
                     20, label, keep=True)]
    if link:
        blocks.append(_Block("help", [help_line(link)],
                             half_grown(MESSAGE_HELP.sizes[0], scale, floor, 0.25), True, CARD_PAD,
                             inner, 16, keep=True))
    blocks.append(_Block("source", [t("From: {publisher}", publisher=publisher)],
                         half_grown(SOURCE_SIZE, scale, floor), False, CARD_PAD, inner, 10))
    return tag, _Flow(blocks, tag.height + 8 + 6, THIN_BAR + 6, card_h - 8)


_Unit = tuple[int, int, str]  # (its block, its place in the block, its words: a sentence or more)


class _Flow:
    """Blocks one under another on pages (from `top` on the first page, `later` on the others,
    down to `bottom`), breaking only between sentences (or between the lines of a sentence
    longer than a page) and never where a block that keeps with the next ends."""

    def __init__(self, blocks: list[_Block], top: int, later: int, bottom: int) -> None:
        self.blocks, self.top, self.later, self.bottom = blocks, top, later, bottom
        self.units: list[_Unit] = []
        self.runs: dict[tuple[int, int], int] = {}  # units s..e-1 of a block: measured once
        for b, block in enumerate(blocks):
            parts: list[str] = []
            for sentence in block.units:
                height, at = block.height([sentence], not parts), len(self.units) + len(parts)
                if height <= bottom - top:
                    self.runs[(at, at + 1)] = height
                    parts.append(sentence)
                else:  # longer than a page: it breaks between lines
                    parts += _parts(block, sentence, not parts, bottom - top)
            self.units += [(b, k, part) for k, part in enumerate(parts)]

    def space(self, i: int) -> int:
        """The room on a page starting at unit `i`."""
        return self.bottom - (self.later if i else self.top)

    def height(self, i: int, j: int) -> int:
        """The height of units i..j-1 on a page of their own."""
        units, total, s = self.units, 0, i
        while s < j:
            e = s + 1
            while e < j and units[e][0] == units[s][0]:
                e += 1
            if (s, e) not in self.runs:
                self.runs[(s, e)] = self.blocks[units[s][0]].height(
                    [u[2] for u in units[s:e]], units[s][1] == 0)
            total += (self.blocks[units[s][0]].gap if s > i else 0) + self.runs[(s, e)]
            s = e
        return total

    def may_break(self, j: int, strict: bool) -> bool:
        """Whether a page may start at unit `j` (`strict`: not where a block keeps with the
        next ends)."""
        units = self.units
        return not strict or j in (0, len(units)) or units[j - 1][0] == units[j][0] \
            or not self.blocks[units[j - 1][0]].keep

    def fits(self, i: int, j: int) -> bool:
        """Whether units i..j-1 fit a page (one unit always does: _parts cut it to fit)."""
        return j == i + 1 or self.height(i, j) <= self.space(i)

    def count(self) -> int:
        """The fewest pages: filling each page as far as it may break is the fewest, as what
        fits a page still fits with units taken off either end."""
        for strict in (True, False):  # keeping blocks together, else (if it cannot be) not
            pages, i, n = 0, 0, len(self.units)
            while i < n:
                j, reach = i + 1, 0
                while j <= n and self.fits(i, j):
                    reach = j if self.may_break(j, strict) else reach
                    j += 1
                if not reach:
                    break
                pages, i = pages + 1, reach
            if i == n:
                return pages
        raise AssertionError("unreachable: with no keeping, every unit fits a page")

    def pages(self) -> list[list[Piece]]:
        """The fewest pages (as count()), of those the most even (no page left with a lone
        line), a page turning inside a part (between sentences) only where that is much more
        even; laid out."""
        n = len(self.units)
        for strict in (True, False):
            best: list[tuple[int, int, int] | None] = [(0, 0, 0)] + [None] * n
            for j in range(1, n + 1):
                if not self.may_break(j, strict):
                    continue
                for i in range(j - 1, -1, -1):
                    if not self.fits(i, j):
                        break
                    if best[i] is None or not self.may_break(i, strict):
                        continue
                    space = self.space(i)
                    inside = 0 < i and self.units[i - 1][0] == self.units[i][0]
                    found = (best[i][0] + 1, best[i][1] + (space - self.height(i, j)) ** 2
                             + (space // 3) ** 2 * inside, i)
                    if best[j] is None or found[:2] < best[j][:2]:
                        best[j] = found
            if best[-1] is not None:
                break
        cuts = [n]
        while cuts[-1]:
            cuts.append(best[cuts[-1]][2])
        cuts.reverse()
        return [_placed(self.blocks, self.units[i:j], self.later if i else self.top)
                for i, j in zip(cuts, cuts[1:])]


def _runs(units: list[_Unit]) -> list[list[_Unit]]:
    """The units of a page by block."""
    out: list[list[_Unit]] = []
    for unit in units:
        if out and out[-1][0][0] == unit[0]:
            out[-1].append(unit)
        else:
            out.append([unit])
    return out


def _placed(blocks: list[_Block], units: list[_Unit], top: int) -> list[Piece]:
    """A page's units as pieces, one a line, from `top` down."""
    pieces: list[Piece] = []
    y = top
    for n, run in enumerate(_runs(units)):
        block = blocks[run[0][0]]
        y += block.gap if n else 0
        if block.label is not None and run[0][1] == 0:
            pieces.append(Piece("do-label", block.label, block.x, y))
        y += block.above(run[0][1] == 0)
        for line in _wrap(" ".join(u[2] for u in run), block):
            pieces.append(Piece(block.role, Fitted(block.px, (line,), True, block.width,
                                                   block.bold), block.x, y))
            y += block.step
        y += block.pad
    return pieces


def _parts(block: _Block, sentence: str, first: bool, room: int) -> list[str]:
    """A sentence longer than a page: its lines in runs that fit one."""
    lines = _wrap(sentence, block)
    out = []
    while lines:
        fit = max(1, (room - block.above(first and not out) - block.pad) // block.step)
        out.append(" ".join(lines[:fit]))
        lines = lines[fit:]
    return out


def _do_boxes(page: list[Piece], card_w: int = CARD_W) -> tuple[tuple[int, int, int, int], ...]:
    """The yellow box around the "What to do" lines on a page."""
    parts = [p for p in page if p.role.startswith("do")]
    if not parts:
        return ()
    first = parts[0]  # the label, a tab across the box's top edge, or the first line
    y0 = first.y + first.text.height // 2 if first.role == "do-label" else first.y - BOX_PAD
    y1 = max(p.y + p.text.height for p in parts) + BOX_PAD
    return ((20, y0, card_w - 40, y1 - y0),)


# --- Scout and the topic's picture on a paged card: where the words leave room ------------------

SCOUT_SIZES = (200, 170, 140, 120)  # Scout on a paged card: the largest that fits
PICTURE_SIZES = (150, 120, 96)  # the topic's picture likewise
ART_MARGIN = 10  # between a picture and the words or the card's edge
ART_STEP = 20  # a picture is tried this much further left each time, as far as the middle


@dataclass(frozen=True)
class CardArt:
    """A picture's place on a paged card: its page, and its square (card coordinates)."""

    page: int
    x: int
    y: int
    size: int


def covered(page: CardPage) -> list[Rect]:
    """What a page's words and boxes cover (a label's tab a little wider than its words)."""
    out: list[Rect] = list(page.boxes)
    for p in page.pieces:
        w = max(label_width(line, p.text.size, p.text.bold) for line in p.text.lines)
        pad = LABEL_PAD if p.role == "do-label" else 0
        out.append((p.x - pad, p.y, w + 2 * pad, p.text.height))
    return out


def _clear(square: Rect, taken: list[Rect]) -> bool:
    x, y, w, h = square
    m = ART_MARGIN
    return all(x + w + m <= a or a + aw + m <= x or y + h + m <= b or b + bh + m <= y
               for a, b, aw, bh in taken)


def card_art(pages: list[CardPage], card_w: int, card_h: int
             ) -> tuple[CardArt | None, CardArt | None]:
    """Where Scout and the topic's picture go on a paged card, only where no words are: Scout
    at the bottom right of the last page with room, the picture at the top right (or else the
    bottom right) of the first page with room; either is left out when no page has room."""
    taken = [covered(page) for page in pages]
    scout = None
    for n in range(len(pages) - 1, -1, -1):
        scout = _first_clear(n, SCOUT_SIZES, taken[n], card_w, card_h, pages[n].bar_h, False)
        if scout:
            taken[n].append((scout.x, scout.y, scout.size, scout.size))
            break
    for n in range(len(pages)):
        picture = _first_clear(n, PICTURE_SIZES, taken[n], card_w, card_h, pages[n].bar_h, True)
        if picture:
            return scout, picture
    return scout, None


def _first_clear(n: int, sizes: tuple[int, ...], taken: list[Rect], card_w: int, card_h: int,
                 bar_h: int, top_first: bool) -> CardArt | None:
    """The largest square of `sizes` clear of `taken` along the page's top or foot, as far
    right as it can go."""
    for size in sizes:
        tops = (bar_h + ART_MARGIN, card_h - size - ART_MARGIN)
        for y in tops if top_first else tops[::-1]:
            for x in range(card_w - size - ART_MARGIN, card_w // 2 - 1, -ART_STEP):
                if _clear((x, y, size, size), taken):
                    return CardArt(n, x, y, size)
    return None


# --- the safety message's screen: the card above its button -----------------------------------

CARD_PICTURE = (24, CARD_Y + 24, 150)  # the topic's picture left of the card at 100%: x, y, size
CARD_SCOUT = (0, 514, 196)  # Scout below it, beside the card and the button: x, y, size
MESSAGE_BUTTON_W = 400


@dataclass(frozen=True)
class MessageScreen:
    card: Rect
    button: Rect
    buttons: ButtonSizes


def message_screen(labels: tuple[str, ...], scale: float, nook: Corner) -> MessageScreen:
    """The card (at 100%: CARD_W by CARD_H at most; at larger text sizes, the whole screen
    above the button, for the words to flow in) and, at the foot, the one
    button (Continue, filling up while the message is read, or Next page) as wide as the longest
    of its `labels`."""
    sizes = button_sizes(scale, least=70)
    w = max([MESSAGE_BUTTON_W] + [sizes.width(label, "Enter") for label in labels])
    (button,) = bottom_row([min(w, nook.left - GAP - EDGE)], sizes.height, nook)
    if scale == 1.0:
        return MessageScreen((CARD_X, CARD_Y, CARD_W, min(CARD_H, button[1] - 12 - CARD_Y)),
                             button, sizes)
    return MessageScreen((EDGE, EDGE // 2, WIDTH - 2 * EDGE, button[1] - 8 - EDGE // 2), button,
                         sizes)


def message_card_room(scale: float) -> tuple[int, int]:
    """The message card's width and height at text size `scale`, as the message screen lays it
    out (the validator counts its pages in it)."""
    nook = corner(scale, t("Help"), (t("Sound"), t("Muted")))
    card = message_screen((t("Continue"),), scale, nook).card
    return card[2], card[3]
