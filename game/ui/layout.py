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
from game.ui.fonts import font

# The text sizes the game offers, as a share of the normal size: the checks run at the largest.
TEXT_SCALES = (1.0,)
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
QUESTION_TEXT = Box(WIDTH - 2 * BANNER_PAD, 64, (32, 28, 24, 20), bold=True)
CHIP_GAP, CHIP_Y, CHIP_H = 12, 98, 42
SIGN_W = 250
FEEDBACK_HEAD = Box(WIDTH - 2 * BANNER_PAD, 50, (34, 30, 26), bold=True)
FEEDBACK_BODY = Box(WIDTH - 2 * BANNER_PAD, 70, (28, 24, 20))
RIGHT_HEAD = "Great choice! +100 points"


def chip_rect(i: int, n: int) -> tuple[int, int, int, int]:
    """The answer chip `i` of `n` on the question banner (x, y, w, h)."""
    chip_w = (WIDTH - 2 * BANNER_PAD - CHIP_GAP * (n - 1)) // n
    return BANNER_PAD + i * (chip_w + CHIP_GAP), CHIP_Y, chip_w, CHIP_H


def chip_label_box(n: int) -> Box:
    return Box(chip_rect(0, n)[2] - 56, 40, (22, 19, 16), bold=True)


def sign_height(n: int) -> int:
    """The height of each answer's sign on a gate with `n` openings."""
    lane_h = (GROUND - CEILING) / n
    return int(min(lane_h - 48, 120))


def sign_label_box(n: int) -> Box:
    return Box(SIGN_W - 66, sign_height(n) - 12, (24, 21, 18, 16), bold=True)


@dataclass(frozen=True)
class Banner:
    question: Fitted
    chips: tuple[Fitted, ...]


def question_banner(question: Question, scale: float = 1.0) -> Banner:
    n = len(question.answers)
    box = chip_label_box(n)
    return Banner(QUESTION_TEXT.fit(question.text, scale),
                  tuple(box.fit(a.text, scale) for a in question.answers))


def gate_signs(question: Question, scale: float = 1.0) -> tuple[Fitted, ...]:
    box = sign_label_box(len(question.answers))
    return tuple(box.fit(a.text, scale) for a in question.answers)


def feedback_words(question: Question, chosen: int, correct: bool) -> tuple[str, str]:
    """The feedback after a gate: right, a cheer; wrong, the safe answer and the one-line why."""
    safe: Answer = question.answers[question.safe_index]
    if correct:
        return RIGHT_HEAD, f"“{safe.text}” is the safe answer. Well spotted!"
    return (f"Good try! The safe answer is: {safe.text}",
            question.answers[chosen].explain or "Think about what keeps you safe.")


def feedback(question: Question, chosen: int, correct: bool,
             scale: float = 1.0) -> tuple[Fitted, Fitted]:
    head, body = feedback_words(question, chosen, correct)
    return FEEDBACK_HEAD.fit(head, scale), FEEDBACK_BODY.fit(body, scale)


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
