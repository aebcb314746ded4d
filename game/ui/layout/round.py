"""The round's layout: the question banner, its answer chips, the gate's signs, the feedback,
and the pause card. The validator checks the bank's questions against these boxes.

Each function here is pure layout: it takes words and a text `scale` (1.0 = 100%) and returns
the fitted lines and the positions the screen draws them at. Nothing here draws.
"""
from __future__ import annotations

from dataclasses import dataclass

from game.content.model import Answer, Question
from game.i18n import t
from game.rules.tuning import CEILING, GROUND, HEIGHT, WIDTH
from game.ui import text, theme
from game.ui.layout.base import Box, CLASSROOM_SCALE, Fitted, MAX_SCALE, Rect, scaled


# --- the round: the question banner, its answer chips, the gate's signs, the feedback ----------

BANNER_PAD = 20
SIGN_W = 250  # at 100%
LARGE_SIGN_W = 330  # above 100%: the signs repeat the answers in fewer, larger lines
CHIP_GAP = 12
QUESTION_SIZES, CHIP_SIZES, SIGN_SIZES = (32, 28, 24, 20), (22, 19, 16), (24, 21, 18, 16)
FEEDBACK_HEAD_SIZES, FEEDBACK_BODY_SIZES = (34, 30, 26), (28, 24, 20)
LARGE_HEAD_SIZES = (34, 30, 26, 22)  # above 100%: a long "Good try!" line may go a size smaller
MOST_TAG_SCALE = 1.25  # "Question 1 of 3" grows no more than this: the question is what to read
MOST_SIGN_SCALE = 1.25  # nor do a sign's words: the banner's chip holds the answer large
HEADER_SHARE = 3  # the banner takes at most a third of the screen's height
TIGHT_LEADING = 1.25  # above 100% the banner's lines sit this many font sizes apart
TIGHT_TOP = 0.2  # and this much of a line's room above its accents is left off


def floored(sizes: tuple[int, ...], scale: float, floor: int) -> tuple[int, ...]:
    """`sizes` at `scale`, none below `floor`, largest first, each once."""
    return tuple(sorted({max(floor, s) for s in scaled(sizes, scale)}, reverse=True))


def tight_step(size: int) -> int:
    """How far apart the banner's lines of `size` sit above 100% (the font's own line height is
    1.6 sizes; its ink, accents and descenders included, fits in 1.2)."""
    return round(size * TIGHT_LEADING)


def tight_height(box: Box) -> int:
    """The most room the words of `box` take drawn tight: its lines at the size that takes most."""
    return max((box.h // text.line_height(s, box.bold)) * tight_step(s) for s in box.sizes)


@dataclass(frozen=True)
class RoundLayout:
    """Where the round draws its words at one text size: the banner grows with the text (no
    more than a third of the screen), and the flying space below it (from `banner_h` down to
    the grass) shrinks to make room.

    Above 100% the banner's lines are drawn `tight` (closer than the font's line height), and
    a gate's sign repeats its answer smaller than its chip; in a classroom a sign shows its
    number only (no text on the projector under 4% of the screen), and the answer is read on
    the banner's chip of the same number and colour."""

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
    tight: bool = False
    tag_y: int = 6
    sign_w: int = SIGN_W
    sign_sizes: tuple[int, ...] = SIGN_SIZES

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
        return Box(self.sign_w - 66, self.sign_height(n) - 12, self.sign_sizes, bold=True)


def round_layout(scale: float = 1.0, floor: int = 0) -> RoundLayout:
    """The round's layout at text size `scale` (1.0 = 100%) with no text smaller than `floor`
    pixels (the classroom's 4% of the screen). 100% is the layout the game was drawn for."""
    found = _ROUND_LAYOUTS.get((scale, floor))
    if found is None:
        found = _ROUND_LAYOUTS[(scale, floor)] = _round_layout(scale, floor)
    return found


def _round_layout(scale: float, floor: int) -> RoundLayout:
    if scale == 1.0 and floor == 0:
        return _normal_layout()
    q_sizes = floored(QUESTION_SIZES, scale, floor)
    chip_sizes = floored(CHIP_SIZES, scale, floor)
    head_sizes = floored(LARGE_HEAD_SIZES, scale, floor)
    body_sizes = floored(FEEDBACK_BODY_SIZES, scale, floor)
    # each box holds two lines of its smallest size (long texts wrap, not shrink), drawn tight
    question = Box(WIDTH - 2 * BANNER_PAD, 2 * text.line_height(q_sizes[-1], True), q_sizes,
                   bold=True)
    chip_label_h = 2 * text.line_height(chip_sizes[-1], True)
    chip_h = tight_height(Box(0, chip_label_h, chip_sizes, True)) + 8
    tag_size = max(floor, round(20 * min(scale, MOST_TAG_SCALE)))
    tag_y = 4
    question_y = tag_y + tight_step(tag_size)
    chip_y = question_y + tight_height(question) + 4
    head = Box(WIDTH - 2 * BANNER_PAD, 2 * text.line_height(head_sizes[-1], True), head_sizes,
               bold=True)
    body = Box(WIDTH - 2 * BANNER_PAD, 2 * text.line_height(body_sizes[-1]), body_sizes)
    head_y = 8
    body_y = head_y + tight_height(head) + 4
    banner_h = max(chip_y + chip_h + 8, body_y + tight_height(body) + 8)
    return RoundLayout(
        scale, banner_h, tag_size, question, question_y, chip_y, chip_h, chip_sizes,
        chip_label_h, round(32 * scale), max(floor, round(24 * scale)), head, body,
        head_y, body_y, floor == 0, max(floor, round(30 * min(scale, MOST_SIGN_SCALE))),
        tight=True, tag_y=tag_y, sign_w=LARGE_SIGN_W,
        sign_sizes=floored(SIGN_SIZES, min(scale, MOST_SIGN_SCALE), floor))


def _normal_layout() -> RoundLayout:
    """100%: the banner as the game was drawn (two lines of 20 px for the question, 66 px: 2 px
    of line spacing over the chips' top)."""
    return RoundLayout(
        1.0, CEILING, 20, Box(WIDTH - 2 * BANNER_PAD, 66, QUESTION_SIZES, bold=True), 30, 98, 42,
        CHIP_SIZES, 40, 32, 24, Box(WIDTH - 2 * BANNER_PAD, 50, FEEDBACK_HEAD_SIZES, bold=True),
        Box(WIDTH - 2 * BANNER_PAD, 70, FEEDBACK_BODY_SIZES), 14, 70, True, 30)


def header_limit() -> int:
    """The most of the screen's height the banner may take."""
    return HEIGHT // HEADER_SHARE


def classroom_round_layout(scale: float = 1.0) -> RoundLayout:
    return round_layout(max(CLASSROOM_SCALE, scale), theme.CLASS_MIN_TEXT)


def strictest_round_layout() -> RoundLayout:
    """The layout that decides whether a question fits anywhere: at the largest text size each
    box of the banner holds no more than at any other size or in a classroom, so the validator
    checks the banner's words at this size alone (and the gate's signs, which carry words
    at 100% and, smaller than the chips, above it, at 100% and here; and a right answer's cheer
    at 100% too, one line there).
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
