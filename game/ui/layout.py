"""Where each text of the bank is drawn: one definition of every box, shared by the screens that
draw the texts and by the validator that checks they fit (drawing = layout + blitting).

Each function here is pure layout: it takes the bank's words (and a text `scale`, 1.0 = 100%)
and returns the fitted lines, their size and whether they fit, with the positions the screen
draws them at. The screens blit what it returns; `game.ui.fits` runs the same functions over the
whole bank. Nothing here draws.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.content.model import Answer, HelpLink, Message, Question
from game.rules.tuning import CEILING, GROUND, HEIGHT, WIDTH
from game.i18n import t
from game.ui import text, theme
from game.settings import TEXT_SCALES
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


# --- the round: the question banner, its answer chips, the gate's signs, the feedback ----------

BANNER_PAD = 20
SIGN_W = 250
CHIP_GAP = 12
QUESTION_SIZES, CHIP_SIZES, SIGN_SIZES = (32, 28, 24, 20), (22, 19, 16), (24, 21, 18, 16)
FEEDBACK_HEAD_SIZES, FEEDBACK_BODY_SIZES = (34, 30, 26), (28, 24, 20)


def floored(sizes: tuple[int, ...], scale: float, floor: int) -> tuple[int, ...]:
    """`sizes` at `scale`, none below `floor`, largest first, each once."""
    return tuple(sorted({max(floor, s) for s in scaled(sizes, scale)}, reverse=True))


@dataclass(frozen=True)
class RoundLayout:
    """Where the round draws its words at one text size: the banner grows with the text, and
    the flying space below it (from `banner_h` down to the grass) shrinks to make room.

    At 100% the gate's signs repeat each answer; at larger sizes a sign shows its number only,
    and the answer is read on the banner's chip of the same number and colour."""

    scale: float
    banner_h: int
    tag_size: int
    question: Box
    question_y: int
    chip_y: int
    chip_h: int
    chip_sizes: tuple[int, ...]
    chip_label_h: int
    bubble: int  # the diameter of an answer's number bubble on its chip
    key_size: int
    feedback_head: Box
    feedback_body: Box
    head_y: int
    body_y: int
    sign_text: bool
    badge_size: int  # the number on a gate's sign

    def chip_rect(self, i: int, n: int) -> tuple[int, int, int, int]:
        """The answer chip `i` of `n` on the question banner (x, y, w, h)."""
        chip_w = (WIDTH - 2 * BANNER_PAD - CHIP_GAP * (n - 1)) // n
        return BANNER_PAD + i * (chip_w + CHIP_GAP), self.chip_y, chip_w, self.chip_h

    def chip_label_box(self, n: int) -> Box:
        return Box(self.chip_rect(0, n)[2] - self.bubble - 24, self.chip_label_h,
                   self.chip_sizes, bold=True)

    def sign_height(self, n: int) -> int:
        """The height of each answer's sign on a gate with `n` openings."""
        lane_h = (GROUND - self.banner_h) / n
        return int(min(lane_h - 48, 120))

    def sign_label_box(self, n: int) -> Box:
        return Box(SIGN_W - 66, self.sign_height(n) - 12, SIGN_SIZES, bold=True)



def round_layout(scale: float = 1.0, floor: int = 0) -> RoundLayout:
    """The round's layout at text size `scale` (1.0 = 100%) with no text smaller than `floor`
    pixels (the classroom's 4% of the screen). 100% is the layout the game was drawn for."""
    found = _ROUND_LAYOUTS.get((scale, floor))
    if found is None:
        found = _ROUND_LAYOUTS[(scale, floor)] = _round_layout(scale, floor)
    return found


def _round_layout(scale: float, floor: int) -> RoundLayout:
    normal = scale == 1.0 and floor == 0
    q_sizes = floored(QUESTION_SIZES, scale, floor)
    chip_sizes = floored(CHIP_SIZES, scale, floor)
    head_sizes = floored(FEEDBACK_HEAD_SIZES, scale, floor)
    body_sizes = floored(FEEDBACK_BODY_SIZES, scale, floor)
    # above 100%, each box holds two lines of its smallest size: long texts wrap, not shrink
    question_y = round(30 * scale)
    # at 100%, two lines of 20 px (66 px: 2 px of line spacing over the chips' top)
    question_h = 66 if normal else 2 * text.line_height(q_sizes[-1], True)
    chip_y = 98 if normal else question_y + question_h + round(4 * scale)
    chip_label_h = 40 if normal else 2 * text.line_height(chip_sizes[-1], True)
    chip_h = 42 if normal else chip_label_h + 8
    head_y = round(14 * scale)
    head_h = 50 if normal else 2 * text.line_height(head_sizes[-1], True)
    body_y = 70 if normal else head_y + head_h + 6
    body_h = 70 if normal else 2 * text.line_height(body_sizes[-1])
    banner_h = CEILING if normal else max(chip_y + chip_h + round(10 * scale),
                                          body_y + body_h + 12)
    return RoundLayout(
        scale, banner_h, max(floor, round(20 * scale)),
        Box(WIDTH - 2 * BANNER_PAD, question_h, q_sizes, bold=True), question_y,
        chip_y, chip_h, chip_sizes, chip_label_h, round(32 * scale),
        max(floor, round(24 * scale)),
        Box(WIDTH - 2 * BANNER_PAD, head_h, head_sizes, bold=True),
        Box(WIDTH - 2 * BANNER_PAD, body_h, body_sizes), head_y, body_y,
        normal, max(floor, round(30 * scale)))


CLASSROOM_SCALE = 1.5  # the round on a projector: at least 150%, no text under 4% of the screen


def classroom_round_layout(scale: float = 1.0) -> RoundLayout:
    return round_layout(max(CLASSROOM_SCALE, scale), theme.CLASS_MIN_TEXT)


def strictest_round_layout() -> RoundLayout:
    """The layout that decides whether a question fits anywhere: at the largest text size each
    box of the banner holds no more than at any other size or in a classroom, so the validator
    checks the banner's words at this size alone (and the gate's signs, which carry words at
    100% only, at 100%; and a right answer's cheer at 100% too, one line there).
    tests/test_text_fits.py holds the layouts to that, and the shipped bank to every layout."""
    return round_layout(MAX_SCALE)


_ROUND_LAYOUTS: dict[tuple[float, int], RoundLayout] = {}
NORMAL_ROUND = round_layout()
QUESTION_TEXT = NORMAL_ROUND.question
FEEDBACK_HEAD, FEEDBACK_BODY = NORMAL_ROUND.feedback_head, NORMAL_ROUND.feedback_body


@dataclass(frozen=True)
class Banner:
    question: Fitted
    chips: tuple[Fitted, ...]


def question_banner(question: Question, geo: RoundLayout = NORMAL_ROUND) -> Banner:
    """The question and its answer chips; the chips share one size, the largest at which every
    answer fits, so no answer looks more important than another."""
    box = geo.chip_label_box(len(question.answers))
    chips = tuple(box.fit(a.text) for a in question.answers)
    size = min(c.size for c in chips)
    if any(c.size != size for c in chips):
        same = Box(box.w, box.h, tuple(s for s in box.sizes if s <= size), box.bold)
        chips = tuple(same.fit(a.text) for a in question.answers)
    return Banner(geo.question.fit(question.text), chips)


def gate_signs(question: Question, geo: RoundLayout = NORMAL_ROUND) -> tuple[Fitted, ...]:
    """The answers as written on the gate's signs (none when the signs show numbers only)."""
    if not geo.sign_text:
        return ()
    box = geo.sign_label_box(len(question.answers))
    return tuple(box.fit(a.text) for a in question.answers)


def feedback_words(question: Question, chosen: int, correct: bool) -> tuple[str, str]:
    """The feedback after a gate: right, a cheer; wrong, the safe answer and the one-line why."""
    safe: Answer = question.answers[question.safe_index]
    if correct:
        return (t("Great choice! +100 points"),
                t("“{answer}” is the safe answer. Well spotted!", answer=safe.text))
    return (t("Good try! The safe answer is: {answer}", answer=safe.text),
            question.answers[chosen].explain or t("Think about what keeps you safe."))


def feedback(question: Question, chosen: int, correct: bool,
             geo: RoundLayout = NORMAL_ROUND) -> tuple[Fitted, Fitted]:
    head, body = feedback_words(question, chosen, correct)
    return geo.feedback_head.fit(head), geo.feedback_body.fit(body)


# --- the safety message card -------------------------------------------------------------------

CARD_W, CARD_H = 1100, 584
CARD_PAD = 28
CARD_INNER = CARD_W - 2 * CARD_PAD
TAG_SIZE = 26
SOURCE_SIZE = 18
DO_LABEL_W = 170
DO_LABEL_SIZE = 24
MESSAGE_TITLE = Box(CARD_INNER, 60, (44, 38, 32), bold=True)
MESSAGE_BODY = Box(CARD_INNER, 190, (32, 29, 26, 23))
MESSAGE_DO = Box(CARD_INNER - DO_LABEL_W, 100, (30, 27, 24, 21), bold=True)
MESSAGE_HELP = Box(CARD_INNER, 70, (26, 23, 20), bold=True)
THINK_SIZES = (24, 21, 18)


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
    do_x: int  # where what to do starts in the box, right of its label
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
    tag = t("Safety message: {topic}", topic=topic_title)
    title = MESSAGE_TITLE.fit(message.title, scale)
    title_y = 70
    body_y = title_y + title.height + 8
    body = MESSAGE_BODY.fit(message.text, scale)
    y = body_y + body.height + 14
    do_label = t("What to do")
    do_x = max(DO_LABEL_W, label_width(do_label, DO_LABEL_SIZE) + 32)  # a longer label: room
    do_fits = MESSAGE_DO if do_x == DO_LABEL_W else \
        Box(CARD_INNER - do_x, MESSAGE_DO.h, MESSAGE_DO.sizes, bold=True)
    do = do_fits.fit(message.do, scale)
    do_box = (20, y, CARD_W - 40, max(64, do.height + 20))
    y = do_box[1] + do_box[3] + 12
    help_fitted, help_y = None, y
    if link:
        help_fitted = MESSAGE_HELP.fit(help_line(link), scale)
        y += help_fitted.height + 14
    think, think_y, hidden = None, y, False
    if message.discuss:
        room = CARD_H - 44 - y
        fitted = Box(CARD_INNER, room, THINK_SIZES).fit(
            t("Think about it: {question}", question=message.discuss[0]), scale, note=False) \
            if room >= 40 else None
        if fitted is not None and fitted.fits:
            think = fitted
        else:
            hidden = True
    source = t("From: {publisher}", publisher=publisher)
    return MessageCard(tag, line_fits(tag, TAG_SIZE, CARD_W - 2 * CARD_PAD, True, scale),
                       title, title_y, body, body_y, do, do_box, do_label, do_x, help_fitted,
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
DO_INDENT = 40  # the "What to do" lines, in from the card's edge (inside the yellow box)
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


# --- the help screen ---------------------------------------------------------------------------

MAX_LINKS = 9  # three rows of three cards; the validator warns about any more


@dataclass(frozen=True)
class HelpCard:
    link: HelpLink
    x: int
    y: int
    w: int
    h: int
    title: Fitted
    body: Fitted
    contact: Fitted | None
    body_y: int  # where the body and the contact line start, in the card
    contact_y: int


def contact_line(link: HelpLink) -> str:
    return "   ".join(v for v in (link.phone and t("Phone {phone}", phone=link.phone),
                                  link.url.removeprefix("https://")) if v)


def help_cards(links: tuple[HelpLink, ...], scale: float = 1.0, top: int = 181,
               room: int = 458) -> list[HelpCard]:
    """The help screen's cards at 100%: one column for up to 3 links, two for up to 6, else
    three (the validator checks the bank's help links fit these)."""
    links = links[:MAX_LINKS]
    cols = 1 if len(links) <= 3 else 2 if len(links) <= 6 else 3
    rows = max(1, -(-len(links) // cols))
    gap = 16
    card_w = (1180 - gap * (cols - 1)) // cols
    card_h = min(150, (room - gap * (rows - 1)) // rows)
    out = []
    for i, link in enumerate(links):
        x = 50 + (i % cols) * (card_w + gap)
        y = top + (i // cols) * (card_h + gap)
        title = Box(card_w - 40, 40, (28, 24), bold=True).fit(link.title, scale)
        contact = contact_line(link)
        body_h = card_h - 50 - (34 if contact else 6)
        body = Box(card_w - 40, body_h, (24, 21, 18)).fit(link.text, scale)
        fitted_contact = Box(card_w - 40, 30, (22, 18), bold=True).fit(contact, scale) \
            if contact else None
        out.append(HelpCard(link, x, y, card_w, card_h, title, body, fitted_contact, 48,
                            card_h - 36))
    return out


def _flowing_help_card(link: HelpLink, w: int, scale: float, room: int) -> HelpCard:
    """A help card `w` wide, as tall as its words at their full size need (smaller, down to
    SMALLEST, if it would be taller than `room`)."""
    contact = contact_line(link)
    items = [Words(link.title, (28,), True), Words(link.text, (24,))] + \
        ([Words(contact, (22,), True)] if contact else [])
    fitted, _ = flow(items, w - 40, room - 26, scale, gap=3)
    title, body = fitted[:2]
    fitted_contact = fitted[2] if contact else None
    body_y = 8 + title.height + 3
    contact_y = body_y + body.height + 3
    h = contact_y + (fitted_contact.height if fitted_contact else 0) + 10
    return HelpCard(link, 0, 0, w, h, title, body, fitted_contact, body_y, contact_y)


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


@dataclass(frozen=True)
class HelpLayout:
    frame: PagedLayout
    reassure: Fitted  # under the heading, on the first page
    pages: tuple[tuple[HelpCard, ...], ...]
    reassure_y: int


HELP_W = 1180


def help_layout(links: tuple[HelpLink, ...], words: tuple[str, str, str], scale: float,
                nook: Corner, counter: str) -> HelpLayout:
    """The help screen: at 100%, its cards on one page (help_cards); larger, each card as tall
    as its words need, in two columns or one, on as few pages as they take, the reassurance
    first, then the most important cards (999 on the first page, the reassurance made smaller
    if it must). `words`: the heading, the reassurance and the Back button's label;
    `counter`: "Page {page} of {pages}" to fill in."""
    links = most_important_first(links[:MAX_LINKS])
    own = ((words[2], "Esc"),)
    reassure = heading_lines(Words(words[1], (theme.TEXT_BODY,), True, 3), HELP_W, scale)
    assert reassure is not None
    frame = paged_frame(words[0], own, 1, "", scale, nook)
    reassure_y = tucked(frame.heading_y, frame.heading, 6, reassure.size)
    if scale == 1.0:
        top = tucked(reassure_y, reassure, 6) + 4
        cards = help_cards(links, top=top, room=frame.bottom - top)
        if max((c.y + c.h for c in cards), default=0) <= frame.bottom:
            return HelpLayout(frame, reassure, (tuple(cards),), reassure_y)
    options = []
    for cols in (2, 1) if scale < 1.5 else (1,):  # big words read best in lines across
        pages = _help_pages(links, reassure, scale, cols, frame)
        if len(pages) == 1:
            return HelpLayout(frame, reassure, pages, reassure_y)
        paged = paged_frame(words[0], own, len(pages),
                            counter.format(page=len(pages), pages=len(pages)), scale, nook)
        options.append((len(_help_pages(links, reassure, scale, cols, paged)), cols, paged))
    _, cols, paged = min(options, key=lambda o: o[:2])  # fewest pages, then fewest columns
    pages = _help_pages(links, reassure, scale, cols, paged)
    for size in (theme.TEXT_SMALL, theme.TEXT_SMALL - 4):  # 999 shares the first page with the
        if pages[0]:  # reassurance, which is made smaller if the card needs the room
            break
        smaller = heading_lines(Words(words[1], (size,), True, 3), HELP_W, scale)
        if smaller is not None and _help_pages(links, smaller, scale, cols, paged)[0]:
            reassure = smaller
            pages = _help_pages(links, reassure, scale, cols, paged)
            reassure_y = tucked(paged.heading_y, paged.heading, 6, reassure.size)
    return HelpLayout(paged, reassure, pages, reassure_y)


def most_important_first(links: tuple[HelpLink, ...]) -> tuple[HelpLink, ...]:
    """The help links in the order a child in trouble needs them: an emergency number (999)
    first, then a person to tell (a link with no phone and no site), then the rest as written."""
    def rank(link: HelpLink) -> int:
        digits = "".join(ch for ch in link.phone or "" if ch.isdigit())
        return 0 if 0 < len(digits) <= 3 else 1 if not link.phone and not link.url else 2
    return tuple(sorted(links, key=rank))


def _help_pages(links: tuple[HelpLink, ...], reassure: Fitted, scale: float, cols: int,
                frame: PagedLayout) -> tuple[tuple[HelpCard, ...], ...]:
    """The cards `cols` to a row, in pages between the frame's top and bottom; the first page
    starts below the reassurance. A card taller than a page has its words made smaller."""
    gap = 16
    w = (HELP_W - gap * (cols - 1)) // cols
    room = frame.bottom - frame.top
    reassure_y = tucked(frame.heading_y, frame.heading, 6, reassure.size)
    first = tucked(reassure_y, reassure, 6) + 4 - frame.top  # the reassurance's share of page 1
    cards = [_flowing_help_card(link, w, scale, room) for link in links]
    rows = [cards[i:i + cols] for i in range(0, len(cards), cols)]
    # the two most important cards keep the reassurance company, their words smaller if they
    # must (never a first page with the reassurance alone)
    for lead in range(min(len(rows), 2 if cols == 1 else 1), 0, -1):
        share = (room - first - gap * lead) // lead
        if all(max(c.h for c in row) <= share for row in rows[:lead]):
            break
        smaller = [[_flowing_help_card(card.link, w, scale, share) for card in row]
                   for row in rows[:lead]]
        if all(max(c.h for c in row) <= share for row in smaller):
            rows[:lead] = smaller
            break
    heights = [first] + [max(c.h for c in row) for row in rows]
    out = []
    for page in pages_of(heights, room, gap):
        placed, y = [], frame.top
        for r in page:
            if r == 0:
                y += first + gap
                continue
            for col, card in enumerate(rows[r - 1]):
                placed.append(HelpCard(card.link, (WIDTH - HELP_W) // 2 + col * (w + gap), y,
                                       w, heights[r], card.title, card.body, card.contact,
                                       card.body_y, card.contact_y))
            y += heights[r] + gap
        out.append(tuple(placed))
    return tuple(out)


# --- buttons and the notebook ------------------------------------------------------------------

BUTTON_TEXT = theme.TEXT_BODY  # the size of a button's label
NOTEBOOK_TOPIC = (520, 88)  # a topic's button on the notebook page
NOTEBOOK_STICKER = (560, 92)  # a message's sticker (or its outline) on a topic's page
STICKER_ROOM = "MMM "  # measured before a sticker's title: the round spot at its left
NOTEBOOK_ENTRY = (NOTEBOOK_STICKER[0] - 88, NOTEBOOK_STICKER[1] - 2)  # a sticker's words' part,
# as button_label_box measures it (the validator checks each title fits)
NOTEBOOK_TOPICS = 8  # topic buttons on the notebook page (two columns of four)
TOPIC_HEADING_W = WIDTH - 100  # a topic's page heading, shrunk to fit
TOPIC_HEADING_SIZE = theme.TEXT_HUGE - 12


def button_label_box(w: int, h: int, hint_w: int = 0, size: int = BUTTON_TEXT) -> Box:
    """Where a button's label goes: its width less the key-hint chip, in three sizes."""
    return Box(w - 24 - hint_w, h - 8, (size, size - 4, size - 8), bold=True)


def notebook_topic_count(seen: int, total: int) -> str:
    """A topic's count on its badge in the notebook, apart from its name."""
    return t("{seen} of {total}", seen=seen, total=total)


def notebook_topic_label(title: str, seen: int, total: int) -> str:
    """What a topic's button is measured by: its name and, apart, its count's badge."""
    return t("{topic}   {seen} of {total}", topic=title, seen=seen, total=total) + "  "


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


def toast(message: str, scale: float, nook: Corner) -> Toast:
    """The toast's lines (bold, shrinking only when a long message needs the whole screen) in a
    box centred above the corner buttons."""
    (words,), _ = flow([Words(message, (theme.TEXT_SMALL,), bold=True)], TOAST_W,
                       nook.top - 2 * EDGE - 18, scale)
    w = max(label_width(line, words.size, True) for line in words.lines)
    words = Fitted(words.size, words.lines, True, w, True)
    h = words.height + 18
    return Toast(words, ((WIDTH - w - 36) // 2, nook.top - EDGE - h, w + 36, h))


def heading_lines(item: Words, width: int, scale: float, room: int = 10_000) -> Fitted | None:
    """A heading (drawn outlined, 6 px wider and taller) wrapped into `width` and `room`: at its
    sizes times `scale`, shrinking to SMALLEST if it must; None if it does not fit even then."""
    (fitted,), fits = flow([item], width - 6, room - 6, scale)
    return fitted if fits else None


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
    sizes = button_sizes(scale)
    row = foot_row(((button, "Enter"),), sizes, nook)
    (rect,), hint = row if row else foot_column(((button, "Enter"),), sizes, nook)
    width = min(WIDTH - 2 * EDGE - 40, px(NOTICE_W, min(scale, 1.25)))
    room = rect[1] - GAP - 2 * EDGE - 28
    (words,), _ = flow([Words(notices, (theme.TEXT_BODY, theme.TEXT_SMALL))], width, room,
                       scale, smallest=0.5)
    card_w, card_h = words.width + 40, words.height + 28
    top = EDGE + max(0, (rect[1] - GAP - EDGE - card_h) // 2)
    return NoticeLayout(words, ((WIDTH - card_w) // 2, top, card_w, card_h), rect, sizes, hint)


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
    if size < MIN_DOG:
        return None, None, rank
    spare_x = x1 - x0 - dog_dx - size
    bubble_x = x0 + min(spare_x, 0 if side else spare_x // 2)
    bubble_y = y0 + (y1 - y0 - dog_dy - size) // (4 if side else 2)
    bubble = (bubble_x, bubble_y, bubble_w, bubble_words)
    return (bubble_x + dog_dx, bubble_y + dog_dy, size, size), bubble, rank


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


# --- lists of buttons in pages: the Safety Notebook's topics, a topic's messages ---------------

@dataclass(frozen=True)
class ListLayout:
    frame: PagedLayout
    line: Fitted | None  # under the heading, on the first page
    line_y: int
    pages: tuple[tuple[tuple[int, Rect], ...], ...]  # each page's buttons: (which label, where)
    label: int  # the buttons' label size


def button_pages(heading: str, line: str, labels: list[str], scale: float, nook: Corner,
                 counter: str, own: tuple[tuple[str, str], ...], base: tuple[int, int],
                 columns: tuple[int, ...], heading_size: int = theme.TEXT_HUGE - 8
                 ) -> ListLayout:
    """Buttons for `labels`, `base` (width, height) at 100%, wider and taller as their words
    need, in the first of `columns` that takes fewest pages, under a heading and (on the
    first page) a line; `counter`: "Page {page} of {pages}" to fill in."""
    frame = paged_frame(heading, own, 1, "", scale, nook, heading_size)
    fitted_line = heading_lines(Words(line, (theme.TEXT_BODY,), True, 3), WIDTH - 2 * EDGE,
                                scale) if line else None
    options = []
    for cols in columns:
        pages = _button_pages(labels, fitted_line, scale, frame, base, cols)
        if len(pages) == 1:
            return ListLayout(frame, fitted_line, _line_y(frame, fitted_line), pages,
                              px(BUTTON_TEXT, scale))
        options.append((len(pages), cols))
    _, cols = min(options)  # fewest pages; then the first of `columns`
    frame = paged_frame(heading, own, 2, counter.format(page=99, pages=99), scale, nook,
                        heading_size)
    return ListLayout(frame, fitted_line, _line_y(frame, fitted_line),
                      _button_pages(labels, fitted_line, scale, frame, base, cols),
                      px(BUTTON_TEXT, scale))


def _line_y(frame: PagedLayout, line: Fitted | None) -> int:
    return tucked(frame.heading_y, frame.heading, 6, line.size if line else 0)


def _button_pages(labels: list[str], line: Fitted | None, scale: float, frame: PagedLayout,
                  base: tuple[int, int], cols: int) -> tuple[tuple[tuple[int, Rect], ...], ...]:
    size = px(BUTTON_TEXT, scale)
    gap = 16
    widest = (WIDTH - 2 * EDGE - GAP * (cols - 1)) // cols
    w = min(widest, max([base[0]] + [label_width(label, size) + 28 for label in labels]))
    tall = [button_height(size, len(text.wrap(label, size, w - 24, True)), least=base[1])
            for label in labels]
    room = frame.bottom - frame.top
    first = tucked(_line_y(frame, line), line, 6) + 4 - frame.top if line else 0
    rows = -(-len(labels) // cols)
    # one to a row: each as tall as its own words need; else a row as tall as the tallest
    row_h = tall if cols == 1 else [max(tall, default=base[1])] * rows
    heights = ([first] if line else []) + row_h
    x0 = (WIDTH - cols * w - GAP * (cols - 1)) // 2
    out = []
    for page in pages_of(heights, room, gap):
        placed, y = [], frame.top
        for r in page:
            if line and r == 0:
                y += first + gap
                continue
            row = r - 1 if line else r
            for col in range(cols):
                i = row * cols + col
                if i < len(labels):
                    placed.append((i, (x0 + col * (w + GAP), y, w, row_h[row])))
            y += row_h[row] + gap
        out.append(tuple(placed))
    return tuple(out)


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
    sizes = button_sizes(scale, least=68)
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
    tip: Fitted | None  # how to go on (left out if the card needs its room)
    tip_y: int


def _promotion_tip(tip: str, scale: float, nook: Corner) -> tuple[Fitted | None, int]:
    """How to go on, across the foot above the corner buttons, or beside them if it fits
    there on as few lines; and its top (the corner buttons' top when there is no tip)."""
    if not tip:
        return None, nook.top
    fitted = heading_lines(Words(tip, (theme.TEXT_BODY,), True, 2), WIDTH - 2 * EDGE, scale)
    assert fitted is not None
    y = nook.top - GAP - fitted.height - 6
    if fitted.width > nook.left - GAP - EDGE:
        narrow = heading_lines(Words(tip, (theme.TEXT_BODY,), True, 2), nook.left - GAP - EDGE,
                               scale)
        if narrow is not None and len(narrow.lines) <= len(fitted.lines):
            return narrow, HEIGHT - EDGE - narrow.height - 6
    return fitted, y


def promotion_layout(heading: str, rank_line: str, badge: str, tip: str, scale: float,
                     nook: Corner) -> PromotionLayout:
    """The heading with sparkles circling clear of it; the mascot (when there is room) beside
    a card with the new rank; how to go on, at the foot."""
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
    for with_tip in (True, False):  # how to go on, at the foot, if the card leaves room for it
        tip_fitted, tip_y = _promotion_tip(tip if with_tip else "", scale, nook)
        room_h = tip_y - 12 - top
        items = [Words(rank_line, (48, 40), True), Words(badge, (theme.TEXT_BODY, 26))]
        for with_dog in (True, False):
            dog_size = min(300, room_h) if with_dog else 0
            if with_dog and dog_size < 150:
                continue
            card_w = WIDTH - 2 * EDGE - (dog_size + GAP if dog_size else 0)
            card_w = min(card_w, max(600, round(600 * scale)))
            fitted, fits = flow(items, card_w - 60, room_h - 60, scale, gap=20)
            if fits:
                break
        if fits:
            break
    card_h = sum(f.height for f in fitted) + 20 + 60
    x0 = (WIDTH - card_w - (dog_size + GAP if dog_size else 0)) // 2
    y0 = top + max(0, (room_h - max(card_h, dog_size)) // 2)
    dog = (x0, y0 + max(0, (card_h - dog_size) // 2), dog_size, dog_size) if dog_size else None
    card = (x0 + (dog_size + GAP if dog_size else 0), y0 + max(0, (dog_size - card_h) // 2),
            card_w, card_h)
    lines = ((fitted[0], 30), (fitted[1], 30 + fitted[0].height + 20))
    return PromotionLayout(head, heading_y, (cx, cy, rx, ry), dog, card, lines, tip_fitted, tip_y)


# --- the safety message's screen: the card above its button -----------------------------------

CARD_X, CARD_Y = 90, 26
CARD_SCOUT = (WIDTH - 122, CARD_Y + CARD_H - 118, 124)  # Scout by the card at 100%: x, y, size
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


@dataclass(frozen=True)
class PauseCard:
    """The round's pause card at a text size: its panel, its title and its buttons."""

    card: Rect
    title_size: int
    title_y: int  # from the card's top
    buttons: tuple[Rect, ...]
    button_size: int
    hint_size: int


def pause_card(scale: float, count: int = 2) -> PauseCard:
    """A centred card holding "Paused" and `count` buttons, one under another, all at the
    player's text size (the buttons' labels shrink to fit, as every button's do)."""
    button_size = round(theme.TEXT_BODY * scale)
    title_size = round(theme.TEXT_TITLE * scale)
    button_h = max(74, text.line_height(button_size, True) + 24)
    button_w = min(WIDTH - 200, round(400 * scale))
    gap, pad = 16, 60
    title_h = text.line_height(title_size, True)
    card_w = button_w + 2 * pad
    card_h = 24 + title_h + 12 + count * button_h + (count - 1) * gap + 36
    x, y = (WIDTH - card_w) // 2, (HEIGHT - card_h) // 2
    first = y + 24 + title_h + 12
    buttons = tuple((x + pad, first + i * (button_h + gap), button_w, button_h)
                    for i in range(count))
    return PauseCard((x, y, card_w, card_h), title_size, 24, buttons, button_size,
                     round((theme.TEXT_SMALL - 4) * scale))
