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
from game.rules.tuning import CEILING, GROUND, WIDTH
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
RIGHT_HEAD = "Great choice! +100 points"
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
        return RIGHT_HEAD, f"“{safe.text}” is the safe answer. Well spotted!"
    return (f"Good try! The safe answer is: {safe.text}",
            question.answers[chosen].explain or "Think about what keeps you safe.")


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
    help: Fitted | None
    help_y: int
    think: Fitted | None  # the first discussion question, when it fits whole below the rest
    think_y: int
    think_hidden: bool  # the message has a discussion question that does not fit
    source: str  # "From: <publisher>" at the bottom
    source_fits: bool


def help_line(link: HelpLink) -> str:
    contact = link.phone or link.url.removeprefix("https://")
    return f"Get help: {link.title}" + (f" ({contact})" if contact else "") + "  ·  or press H"


def message_card(message: Message, topic_title: str, link: HelpLink | None, publisher: str,
                 scale: float = 1.0) -> MessageCard:
    tag = f"Safety message: {topic_title}"
    title = MESSAGE_TITLE.fit(message.title, scale)
    title_y = 70
    body_y = title_y + title.height + 8
    body = MESSAGE_BODY.fit(message.text, scale)
    y = body_y + body.height + 14
    do = MESSAGE_DO.fit(message.do, scale)
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
            f"Think about it: {message.discuss[0]}", scale, note=False) if room >= 40 else None
        if fitted is not None and fitted.fits:
            think = fitted
        else:
            hidden = True
    source = f"From: {publisher}"
    return MessageCard(tag, line_fits(tag, TAG_SIZE, CARD_W - 2 * CARD_PAD, True, scale),
                       title, title_y, body, body_y, do, do_box, help_fitted, help_y,
                       think, think_y, hidden, source,
                       line_fits(source, SOURCE_SIZE, CARD_INNER, False, scale))


# --- the safety message card at larger text sizes: the same card, in pages -----------------

@dataclass(frozen=True)
class Piece:
    """Lines of one part of a message ("title", "body", "do-label", "do" or "help") at a place
    on the card."""

    role: str
    text: Fitted
    x: int
    y: int


@dataclass(frozen=True)
class CardPage:
    tag: Fitted  # "Safety message: <topic>" on the coloured bar
    bar_h: int
    pieces: tuple[Piece, ...]
    boxes: tuple[tuple[int, int, int, int], ...]  # the yellow "What to do" box(es)
    source: Fitted  # "From: <publisher>" at the foot


PAGED_TITLE = 36  # a paged card's title at 100%: large text needs less of a jump to a heading


def message_pages(message: Message, topic_title: str, link: HelpLink | None, publisher: str,
                  scale: float, floor: int = 0) -> list[CardPage]:
    """The message card at a larger text size (or with no text under `floor` pixels): the text
    keeps its size and flows onto as many pages as it needs, never cut short or shrunk."""
    def size(base: int) -> int:
        return max(floor, round(base * scale))

    def lines(words: str, px: int, width: int, bold: bool) -> Fitted:
        return Fitted(px, tuple(text.wrap(words, px, width, bold)), True, width, bold)

    tag_size = size(TAG_SIZE)
    bar_h = text.line_height(tag_size, True) + 8
    tag = lines(f"Safety message: {topic_title}", tag_size, CARD_INNER, True)
    tag = Fitted(tag.size, tag.lines[:1], len(tag.lines) == 1, CARD_INNER, True)
    source = lines(f"From: {publisher}", size(SOURCE_SIZE), CARD_INNER, False)
    top, bottom = bar_h + 12, CARD_H - source.height - 12
    inner = CARD_INNER - 32  # the "What to do" box's padding
    blocks: list[tuple[str, Fitted]] = [
        ("title", lines(message.title, size(PAGED_TITLE), CARD_INNER, True)),
        ("body", lines(message.text, size(MESSAGE_BODY.sizes[0]), CARD_INNER, False)),
        ("do-label", lines("What to do", size(24), inner, True)),
        ("do", lines(message.do, size(MESSAGE_DO.sizes[0]), inner, True)),
    ]
    if link:
        blocks.append(("help", lines(help_line(link), size(MESSAGE_HELP.sizes[0]), CARD_INNER,
                                     True)))
    pages: list[list[Piece]] = [[]]
    y = top
    do_height = blocks[3][1].height + 6  # the "What to do" label keeps with what to do
    for role, fitted in blocks:
        indent = 36 if role.startswith("do") else CARD_PAD
        step = text.line_height(fitted.size, fitted.bold)
        gap = {"do-label": 28, "do": 6}.get(role, 14)
        rest = list(fitted.lines)
        whole = len(rest) * step + (do_height if role == "do-label" else 0)
        if y + gap + whole > bottom and pages[-1] and top + 12 + whole <= bottom:
            pages.append([])  # keep a part whole on a new page when it fits on one
            y = top
        while rest:
            room = max(1, (bottom - y - gap) // step) if pages[-1] else max(1, (bottom - y) // step)
            if pages[-1] and room < min(2, len(rest)):  # no part starts with a lone line
                pages.append([])
                y = top
                continue
            if pages[-1]:
                y += gap
            elif role.startswith("do"):  # room above for the yellow box's edge
                y += 12
                room = max(1, (bottom - y) // step)
            if len(rest) > room:  # end the page at the end of a sentence where there is one
                room = next((i + 1 for i in range(room - 1, 0, -1)
                             if rest[i].endswith((".", "!", "?"))), room)
            chunk, rest = rest[:room], rest[room:]
            pages[-1].append(Piece(role, Fitted(fitted.size, tuple(chunk), True, fitted.width,
                                                fitted.bold), indent, y))
            y += len(chunk) * step
            if rest:
                pages.append([])
                y = top
    return [CardPage(tag, bar_h, tuple(page), _do_boxes(page), source) for page in pages]


def _do_boxes(page: list[Piece]) -> tuple[tuple[int, int, int, int], ...]:
    """The yellow box around the "What to do" lines on a page."""
    parts = [p for p in page if p.role.startswith("do")]
    if not parts:
        return ()
    y0 = parts[0].y - 10
    y1 = max(p.y + p.text.height for p in parts) + 10
    return ((20, y0, CARD_W - 40, y1 - y0),)


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


def contact_line(link: HelpLink) -> str:
    return "   ".join(v for v in (link.phone and f"Phone {link.phone}",
                                  link.url.removeprefix("https://")) if v)


def help_cards(links: tuple[HelpLink, ...], scale: float = 1.0) -> list[HelpCard]:
    """The help screen's cards: one column for up to 3 links, two for up to 6, else three."""
    links = links[:MAX_LINKS]
    cols = 1 if len(links) <= 3 else 2 if len(links) <= 6 else 3
    rows = max(1, -(-len(links) // cols))
    gap = 16
    card_w = (1180 - gap * (cols - 1)) // cols
    card_h = min(150, (460 - gap * (rows - 1)) // rows)
    out = []
    for i, link in enumerate(links):
        x = 50 + (i % cols) * (card_w + gap)
        y = 158 + (i // cols) * (card_h + gap)
        title = Box(card_w - 40, 40, (28, 24), bold=True).fit(link.title, scale)
        contact = contact_line(link)
        body_h = card_h - 50 - (34 if contact else 6)
        body = Box(card_w - 40, body_h, (24, 21, 18)).fit(link.text, scale)
        fitted_contact = Box(card_w - 40, 30, (22, 18), bold=True).fit(contact, scale) \
            if contact else None
        out.append(HelpCard(link, x, y, card_w, card_h, title, body, fitted_contact))
    return out


# --- buttons and the notebook ------------------------------------------------------------------

BUTTON_TEXT = theme.TEXT_BODY  # the size of a button's label
NOTEBOOK_TOPIC = (520, 88)  # a topic's button on the notebook page
NOTEBOOK_ENTRY = (900, 60)  # a message's button on a topic's page
NOTEBOOK_TOPICS = 8  # topic buttons on the notebook page (two columns of four)
TOPIC_HEADING_W = WIDTH - 100  # a topic's page heading, shrunk to fit
TOPIC_HEADING_SIZE = theme.TEXT_HUGE - 12


def button_label_box(w: int, h: int, hint_w: int = 0, size: int = BUTTON_TEXT) -> Box:
    """Where a button's label goes: its width less the key-hint chip, in three sizes."""
    return Box(w - 24 - hint_w, h - 8, (size, size - 4, size - 8), bold=True)


def notebook_topic_label(title: str, seen: int, total: int) -> str:
    return f"{title}   {seen} of {total}"


def heading_size(words: str, width: int, size: int, scale: float = 1.0) -> tuple[int, bool]:
    """The size (down to two thirds of `size`) at which a one-line heading fits `width`, and
    whether it fits at all (a heading's outline adds 6 pixels)."""
    size = scaled((size,), scale)[0]
    smallest = size * 2 // 3
    while size > smallest and font(size, True).size(words)[0] + 6 > width:
        size -= 4
    return size, font(size, True).size(words)[0] + 6 <= width
