"""Chat Check's screens: the phone at the left (its header, the bubbles of the chat), the side
panel at the right (what to do now: the choices, Scout's word after an unsafe one, the way on
at the end), and the review of the warning signs.

The validator checks each chat against these same functions at the largest text size
(game.ui.fits): every bubble fits the phone's chat, every choice fits the side panel, every
why fits Scout's card and a row of the review.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.content.chat_words import action_label
from game.i18n import t
from game.rules.chat import Chat, Choice, Says
from game.rules.tuning import HEIGHT, WIDTH
from game.ui import text, theme
from game.ui.layout.card import half_grown
from game.ui.layout.base import (
    EDGE, GAP, SMALLEST, ButtonSizes, Corner, Fitted, Rect, Words, button_height, button_sizes,
    fit_words, flow, foot_row, hint_width, label_width, pages_of, paged_frame, PagedLayout,
)

CHAT_TEXT = 26  # a bubble's words at 100%
NAME_TEXT = 28  # the contact's name in the phone's header
STATUS_TEXT = 20  # "typing..." under it
CHOICE_TEXT = 26  # a choice's label
CHOICE_H = 76  # a choice's button is at least this tall (big, to tap)
SIDE_TEXT = 24  # the side panel's lines: what to do, Scout's word
BUBBLE_PAD = (16, 9)  # words inside a bubble: left and right, top and bottom
BUBBLE_GAP = 14  # between bubbles
MARK_W = 48  # the gutter right of a contact's bubble, where its mark (a flag) goes
REPLY_INDENT = 60  # the child's own bubbles start this far in from the left
PHONE_X, PHONE_Y = 16, 6
PHONE_H = HEIGHT - 2 * PHONE_Y
PHONE_W = 560
CASE = (16, 34, 34)  # the phone's case round its screen: sides, top, bottom (game.art.phone)
SCOUT = 120  # Scout's picture by the side panel's card at 100%


@dataclass(frozen=True)
class ChatLayout:
    """Where everything on the chat screen goes at one text size."""

    scale: float
    phone: Rect  # the phone's case
    screen: Rect  # its screen
    header_h: int  # the contact's avatar, name and status across the top of the screen
    status_beside: bool  # the status ("typing...") beside the name, else under it
    avatar: int  # the avatar's size
    name_size: int
    status_size: int
    area: Rect  # where the bubbles are, under the header
    text_size: int  # a bubble's words
    side: Rect  # the panel right of the phone, clear of the corner buttons
    buttons: ButtonSizes  # the choices' and the side panel's buttons

    @property
    def bubble_w(self) -> int:
        """The widest a bubble's words may be (a contact's leaves the mark's gutter free)."""
        return self.area[2] - MARK_W - 2 * BUBBLE_PAD[0] - 8

    @property
    def reply_w(self) -> int:
        return self.area[2] - REPLY_INDENT - 2 * BUBBLE_PAD[0] - 8

    def bubble(self, words: str, who: str) -> Fitted:
        """A bubble's words wrapped at the bubble text size (`who`: "contact", "me" or "note",
        the narrator's, across the chat), a little smaller (down to SMALLEST) if the bubble
        would be taller than the chat."""
        width = self.reply_w if who == "me" else self.bubble_w
        shrink = 1.0
        while True:
            fitted = fit_words(Words(words, (CHAT_TEXT,)), width, self.scale, shrink)
            if self.bubble_h(fitted) <= self.area[3] or shrink <= SMALLEST:
                return fitted
            shrink = max(SMALLEST, round(shrink - 0.05, 2))

    @staticmethod
    def bubble_h(fitted: Fitted) -> int:
        return fitted.height + 2 * BUBBLE_PAD[1]

    def fits(self, words: str, who: str) -> bool:
        """Whether a bubble of `words` fits the phone's chat whole (it must, to be read)."""
        return self.bubble_h(self.bubble(words, who)) <= self.area[3]


def status_words() -> tuple[str, str]:
    """The contact's status under or beside their name: typing, or not."""
    return t("typing..."), t("online")


def chat_layout(scale: float, nook: Corner, contact: str = "M" * 8) -> ChatLayout:
    """The phone at the left, as tall as the screen, and the side panel at its right. The
    contact's name and status grow half as fast as the chat's words (they matter less)."""
    w = PHONE_W
    phone = (PHONE_X, PHONE_Y, w, PHONE_H)
    side_, top, bottom = CASE
    screen = (PHONE_X + side_, PHONE_Y + top, w - 2 * side_, PHONE_H - top - bottom)
    name_size = half_grown(NAME_TEXT, scale)
    status_size = half_grown(STATUS_TEXT, scale)
    avatar = half_grown(56, scale)
    room = screen[2] - avatar - 26 - 12  # right of the avatar: the name, then the status
    status_w = max(label_width(words, status_size, False) for words in status_words())
    one_line = label_width(contact, name_size) + 16 + status_w <= room
    header_h = max(avatar + 10, text.line_height(name_size, True) + 14 + (
        0 if one_line else text.line_height(status_size)))
    area = (screen[0] + 10, screen[1] + header_h + 8, screen[2] - 20,
            screen[3] - header_h - 16)
    side_x = phone[0] + w + 24
    side = (side_x, EDGE, WIDTH - EDGE - side_x, nook.top - GAP - EDGE)
    return ChatLayout(scale, phone, screen, header_h, one_line, avatar, name_size, status_size,
                      area,
                      round(CHAT_TEXT * scale), side,
                      button_sizes(scale, CHOICE_TEXT, least=64))


@dataclass(frozen=True)
class SidePanel:
    """The side panel's words and buttons, fitted: lines of words from the top, then buttons
    (each as tall as its label needs) one under another below them."""

    lines: tuple[tuple[Fitted, int], ...]  # each line and its top
    buttons: tuple[tuple[Fitted, Rect], ...]  # each button's label and where it is
    label_size: int
    hint_size: int
    scout: tuple[int, int, int] | None  # Scout's picture: x, y, size (None: no room)
    fits: bool


def side_panel(geo: ChatLayout, lines: tuple[str, ...], labels: tuple[tuple[str, str], ...],
               scout: bool = False, optional: bool = False) -> SidePanel:
    """`lines` (the first bold) over buttons `labels` (label, key hint) in the side panel,
    all a little smaller if they must be (down to SMALLEST), Scout's picture beside the lines
    when `scout`. `optional`: the lines are left out if the buttons need their room (a
    decision's question: the buttons and read aloud say it)."""
    placed = _side_panel(geo, lines, labels, scout)
    if not placed.fits and optional and lines:
        return _side_panel(geo, (), labels, scout)
    return placed


def _side_panel(geo: ChatLayout, lines: tuple[str, ...], labels: tuple[tuple[str, str], ...],
                scout: bool) -> SidePanel:
    x, y, w, h = geo.side
    scale = geo.scale
    hint = max((hint_width(k, geo.buttons.hint) for _, k in labels), default=0)
    shrink = 1.0
    while True:
        size = max(6, round(CHOICE_TEXT * scale * shrink))
        label_w = w - hint - 28
        fitted = [fit_words(Words(label, (CHOICE_TEXT,), True), label_w, scale, shrink)
                  for label, _ in labels]
        heights = [button_height(f.size, len(f.lines), least=CHOICE_H)
                   for f in fitted]
        buttons_h = sum(heights) + GAP * max(0, len(labels) - 1)
        picture = round(SCOUT * min(1.0, shrink * (1.2 if scale > 1 else 1.0))) if scout else 0
        words_w = w - (picture + 16 if picture else 0) - 32
        words = [Words(line, (SIDE_TEXT,), i == 0) for i, line in enumerate(lines)]
        shown, _ = flow(words, words_w, h, scale * shrink, gap=10, smallest=1.0)
        words_h = sum(f.height for f in shown) + 10 * max(0, len(shown) - 1) + \
            (24 if shown else 0)  # the card round them
        used = max(words_h, picture) + (GAP + 6 if labels and lines else 0) + buttons_h
        if used <= h or shrink <= SMALLEST:
            break
        shrink = max(SMALLEST, round(shrink - 0.05, 2))
    top = y
    placed_lines = []
    for f in shown:
        placed_lines.append((f, top))
        top += f.height + 10
    top = y + max(words_h, picture) + (GAP + 6 if labels and lines else 0)
    placed_buttons = []
    for f, bh in zip(fitted, heights):
        placed_buttons.append((f, (x, top, w, bh)))
        top += bh + GAP
    return SidePanel(tuple(placed_lines), tuple(placed_buttons), size,
                     max(6, round(geo.buttons.hint * shrink)),
                     (x + w - picture, y, picture) if picture else None, used <= h)


# --- the side panel's words in each state ----------------------------------------------------

Panel = tuple[tuple[str, ...], tuple[tuple[str, str], ...]]  # lines, buttons (label, key hint)


def marked_words(count: int) -> str:
    return t("Messages marked: {count}", count=count)


def choice_words(step: Choice, contact: str) -> Panel:
    """At a decision: the question, and a button for each option, keys 1 to 4."""
    return ((t("What will you do?"),),
            tuple((action_label(o, contact), str(i + 1)) for i, o in enumerate(step.options)))


def scout_words(mascot: str, why: str) -> Panel:
    """After an unsafe choice: Scout's kind why, and the way back to the choice."""
    return ((t("{name} says: stop and think!", name=mascot), why), ((t("Choose again"), "Enter"),))


# --- the review of the warning signs ----------------------------------------------------------

REVIEW_ICON = 56  # the tick or the flag at a row's left, at 100%
REVIEW_PAD = 14


@dataclass(frozen=True)
class ReviewRow:
    status: Fitted  # "You spotted this!" or "Missed"
    quote: Fitted  # the message
    why: Fitted  # why it is a warning sign
    icon: int  # the icon's size
    h: int


@dataclass(frozen=True)
class ReviewLayout:
    frame: PagedLayout
    summary: Fitted  # "You spotted 2 of 3 warning signs." on the first page
    pages: tuple[tuple[tuple[int, int], ...], ...]  # each page's rows: (which row, its top)
    rows: tuple[ReviewRow, ...]
    x: int
    w: int


def review_row(status: str, quote: str, why: str, w: int, scale: float, room: int
               ) -> ReviewRow:
    """One sign's card `w` wide: its words a little smaller (down to SMALLEST) if the card
    would be taller than a page's `room`."""
    icon = round(REVIEW_ICON * min(scale, 1.5))
    words_w = w - icon - 3 * REVIEW_PAD
    shrink = 1.0
    while True:
        status_f = fit_words(Words(status, (SIDE_TEXT,), True), words_w, scale, shrink)
        quote_f = fit_words(Words(quote, (SIDE_TEXT - 2,)), words_w - 24, scale, shrink)
        why_f = fit_words(Words(why, (SIDE_TEXT - 2,)), words_w, scale, shrink)
        h = max(status_f.height + quote_f.height + why_f.height + 16 + 2 * REVIEW_PAD,
                icon + 2 * REVIEW_PAD)
        if h <= room or shrink <= SMALLEST:
            return ReviewRow(status_f, quote_f, why_f, icon, h)
        shrink = max(SMALLEST, round(shrink - 0.05, 2))


def review_layout(heading: str, summary: str, rows: list[tuple[str, str, str]], button: str,
                  counter: str, scale: float, nook: Corner) -> ReviewLayout:
    """The signs one under another, in as many pages as they need, under the heading and (on
    the first page) the summary line; Continue at the foot."""
    w = WIDTH - 2 * EDGE - 40
    x = (WIDTH - w) // 2
    frame = paged_frame(heading, ((button, "Enter"),), 1, "", scale, nook)
    summary_f = fit_words(Words(summary, (half_grown(theme.TEXT_BODY, scale),), True,
                                grows=False), w, scale)  # the cards below say it all again
    for pages in (1, 2):
        room = frame.bottom - frame.top
        fitted = tuple(review_row(s, q, why, w, scale, room) for s, q, why in rows)
        beside = room - summary_f.height - 12  # the first card under the summary, a little
        if fitted and fitted[0].h > beside:  # smaller if that lets it share the first page
            first = review_row(*rows[0], w, scale, beside)
            fitted = ((first,) if first.h <= beside else fitted[:1]) + fitted[1:]
        # the summary is the first thing on the first page (alone, if a card needs the room)
        split = pages_of([summary_f.height] + [r.h for r in fitted], room, 12)
        if len(split) == 1 or pages == 2:
            break
        frame = paged_frame(heading, ((button, "Enter"),), 2, counter, scale, nook)
    placed = []
    for page in split:
        top = frame.top
        rows_at = []
        for i in page:
            if i > 0:
                rows_at.append((i - 1, top))
                top += fitted[i - 1].h + 12
            else:
                top += summary_f.height + 12
        placed.append(tuple(rows_at))
    return ReviewLayout(frame, summary_f, tuple(placed), fitted, x, w)


def review_fits(status: str, quote: str, why: str, scale: float, nook: Corner) -> bool:
    """Whether a sign's row fits a page of the review (the validator), among other pages."""
    layout = review_layout("M", "M", [(status, quote, why)] * 2, "M", "Page 9 of 9", scale,
                           nook)
    return layout.rows[0].h <= layout.frame.bottom - layout.frame.top



# --- the age screen's "Game: ..." button, which opens the choice of game -----------------------

def game_button(label: str, scale: float, nook: Corner) -> tuple[Rect, ButtonSizes]:
    """The button at the foot of the age screen, at the left beside the corner buttons: where
    it goes, and its sizes."""
    sizes = nook.buttons  # as big as the Help and Sound buttons beside it
    placed = foot_row(((label, ""),), sizes, nook, least=240) or \
        ([(EDGE, nook.top - GAP - sizes.height, WIDTH - 2 * EDGE, sizes.height)], False)
    (rect,), _ = placed
    _, y, w, h = rect
    return (EDGE, y, w, h), sizes


# --- what the validator checks (game.ui.fits) -----------------------------------------------

Miss = tuple[str, str, int, str, str]  # step id, field, option (-1: the step's own), what, where


def chat_misses(chat: Chat, mascot: str, scale: float, nook: Corner) -> list[Miss]:
    """Each text of `chat` that does not fit where the chat screens show it at text size
    `scale`: a message or note in the phone (whole, to be read), a decision's options beside
    it, Scout's why after an unsafe option, a reply in the child's bubble, and a sign's card in
    the review."""
    geo = chat_layout(scale, nook, chat.contact)
    out: list[Miss] = []
    for step in chat.steps:
        if isinstance(step, Says):
            who, field = ("note", "note") if step.narrator else ("contact", "says")
            if not geo.fits(step.text, who):
                out.append((step.id, field, -1, "message", "the phone's chat"))
            elif step.sign and not step.narrator:
                status = t("Spotted! {sign}", sign="M" * 12)
                if not review_fits(status, "\u201c" + step.text + "\u201d", step.why, scale,
                                   nook):  # the why's fault, unless it fits beside a word
                    name, what = ("why", "sign's why") if not review_fits(
                        status, "\u201cM\u201d", step.why, scale, nook) else ("says", "message")
                    out.append((step.id, name, -1, what,
                                "its card in the review of the warning signs"))
        elif isinstance(step, Choice):
            lines, labels = choice_words(step, chat.contact)
            if not side_panel(geo, lines, labels, optional=True).fits:
                out.append((step.id, "choose", -1, "choice's options",
                            "the choices beside the phone"))
            for i, option in enumerate(step.options):
                if option.why and not side_panel(geo, *scout_words(mascot, option.why),
                                                 scout=True).fits:
                    out.append((step.id, "why", i, "why", "the card after an unsafe choice"))
                if option.action == "reply" and option.safe and not geo.fits(option.text, "me"):
                    out.append((step.id, "say", i, "reply", "the child's bubble in the phone"))
    return out
