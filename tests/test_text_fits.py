"""Every text in the shipped bank fits its box on screen, measured with the game's own layout."""
from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from helpers import new_app
from game.content.model import AGE_BANDS
from game.rules.round import GateResult
from game.scenes import round_view
from game.scenes.message import MessageScene
from game.settings import TEXT_SCALES
from game.i18n import t
from game.ui import text
from game.ui.layout.base import Box
from game.ui.layout.card import message_pages
from game.ui.layout.round import (
    NORMAL_ROUND, RoundLayout, classroom_round_layout, strictest_round_layout,
)
from game.ui.layout import round as layout_round
from game.ui.text import split_word

EVERY_ROUND_LAYOUT = [(scale, classroom) for classroom in (False, True) for scale in TEXT_SCALES]
LAYOUT_IDS = [f"{scale:.0%}{'-classroom' if classroom else ''}"
              for scale, classroom in EVERY_ROUND_LAYOUT]


def round_layout(scale: float, classroom: bool) -> RoundLayout:
    return classroom_round_layout(scale) if classroom else layout_round.round_layout(scale)


@pytest.fixture
def app(tmp_path):
    return new_app(tmp_path)


@pytest.mark.parametrize("scale,classroom", EVERY_ROUND_LAYOUT, ids=LAYOUT_IDS)
def test_questions_answers_and_feedback_fit(app, scale, classroom):
    geo = round_layout(scale, classroom)
    text.truncated.clear()
    for q in app.session.bank.questions:
        round_view.question_banner(q, 1, 4, geo)
        round_view.gate(q, geo)
        for i in range(len(q.answers)):
            round_view.feedback_banner(GateResult(q, i, i == q.safe_index), geo)
    assert text.truncated == set()


def capacity(box: Box) -> tuple[float, int]:
    """What a box holds at its smallest size: letters' widths to a line (in ems), and lines."""
    size = box.sizes[-1]
    return box.w / size, box.h // text.line_height(size, box.bold)


def holds_no_more(strict: Box, other: Box) -> bool:
    """Whatever fits `strict` fits `other`: its lines are no shorter and no fewer, or `other`
    is one line long enough for all of strict's lines end to end (with 5% to spare, as a
    word's width at two sizes differs by rounding, up to a pixel a letter)."""
    (per_line, lines), (other_per_line, other_lines) = capacity(strict), capacity(other)
    if per_line > other_per_line:
        return False
    return lines <= other_lines or (other_lines == 1 and lines * per_line * 1.05 <= other_per_line)


@pytest.mark.parametrize("scale,classroom", EVERY_ROUND_LAYOUT, ids=LAYOUT_IDS)
def test_the_validators_round_layout_is_the_strictest(app, scale, classroom):
    """The validator checks the banner's words at one layout (the largest text): each of its
    boxes must hold no more than the same box in any other layout."""
    geo = round_layout(scale, classroom)
    strict = strictest_round_layout()
    assert holds_no_more(strict.question, geo.question)
    if geo is not NORMAL_ROUND:  # the validator checks the cheer at 100% as well
        assert holds_no_more(strict.feedback_head, geo.feedback_head)
    assert holds_no_more(strict.feedback_body, geo.feedback_body)
    for n in (2, 3):  # (the signs, with words at 100% only, are checked at 100%)
        assert holds_no_more(strict.chip_label_box(n), geo.chip_label_box(n))


def test_classroom_rounds_draw_no_text_under_four_percent(app):
    for scale in TEXT_SCALES:
        geo = classroom_round_layout(scale)
        sizes = [geo.tag_size, geo.key_size, geo.badge_size, *geo.question.sizes,
                 *geo.chip_sizes, *geo.feedback_head.sizes, *geo.feedback_body.sizes]
        assert min(sizes) >= 0.04 * 720 and not geo.sign_text


def test_messages_fit_their_card(app):
    text.truncated.clear()
    for band in AGE_BANDS:
        app.session.profile.age_band = band
        for m in app.session.bank.messages_for(band):
            MessageScene(app, m, after=None)
    assert text.truncated == set()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_every_topic_shows_whole_on_a_message_cards_bar_at_every_text_size(app, lang):
    """The bar's "Safety message: <topic>" takes a second line at large text, never cut short
    ("Safety message: Live streams and video chats" at 200% was)."""
    from game.content import load_bank
    from game.session import use_words
    bank = load_bank(lang=lang)
    use_words(lang)
    try:
        for topic in bank.topics:
            message = next(m for m in bank.messages if m.topic == topic.id)
            for scale in TEXT_SCALES:
                page = message_pages(message, topic.title, None, "", scale)[0]
                assert " ".join(page.tag.lines).split() == \
                    t("Safety message: {topic}", topic=topic.title).split(), (scale, topic)
                assert page.bar_h == page.tag.height + 8
                assert all(piece.y >= page.bar_h for piece in page.pieces)
    finally:
        use_words("en")


def test_help_and_ranks_fit(app):
    from game.scenes.help import HelpScene
    text.truncated.clear()
    HelpScene(app)
    assert text.truncated == set()


def test_the_truncation_check_can_fail():
    text.truncated.clear()
    text.fit("word " * 200, 200, 40, (20,))
    assert text.truncated


# --- wrapping stays linear in the length of a word (issue 12) ----------------------------------

def _font_width(size: int, bold: bool = False):
    import pygame
    pygame.font.init()
    f = text.font(size, bold)
    return lambda words: f.size(words)[0]


def _unsplit(pieces: list[str], word: str) -> str:
    """The word again from split_word's pieces (each but the last ends in its added '-')."""
    return "".join(p[:-1] for p in pieces[:-1]) + pieces[-1]


@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Z", "Cc")),
               min_size=1, max_size=300),
       st.integers(1, 400), st.sampled_from([16, 28, 40]))
@settings(max_examples=150, deadline=None)
def test_a_split_word_fits_its_line_and_keeps_every_character(word, width, size):
    measure = _font_width(size)
    pieces = split_word(measure, word, width)
    assert _unsplit(pieces, word) == word
    for piece in pieces[:-1]:  # wider only if one character with its '-' is
        assert piece.endswith("-") and (measure(piece) <= width or len(piece) == 2)
    assert measure(pieces[-1]) <= width or len(pieces[-1]) == 1


@given(st.lists(st.text("abcdefghijklmnopqrstuvwxyzMW0123456789/:.?=&-", min_size=1,
                        max_size=400), min_size=1, max_size=8),
       st.integers(8, 600), st.sampled_from([16, 28]), st.booleans())
@settings(max_examples=150, deadline=None)
def test_wrapped_lines_fit_their_width_and_lose_no_word(words, width, size, bold):
    measure = _font_width(size, bold)
    lines = text.wrap(" ".join(words), size, width, bold)
    for line in lines:  # only a line of one character (with its '-') may be wider
        assert measure(line) <= width or len(line.rstrip("-")) <= 1
    joined = " ".join(lines)
    assert "".join(joined.split()).replace("-", "") == "".join(words).replace("-", "")


def test_splitting_a_long_word_measures_a_few_times_a_line():
    """A 2,000-character word (a pasted link) takes O(log n) measures per line it fills, each
    of about a line's length: no measuring one character at a time."""
    measure = _font_width(28)
    calls: list[int] = []

    def counted(words: str) -> int:
        calls.append(len(words))
        return measure(words)

    word = "https://example.org/" + "abcdefghij0123456789" * 99
    pieces = split_word(counted, word, 500)
    assert _unsplit(pieces, word) == word and len(pieces) > 20
    per_piece = 2 * math.ceil(math.log2(len(word))) + 2
    assert len(calls) <= per_piece * len(pieces)
    longest = max(len(p) for p in pieces)
    assert max(calls) <= 2 * longest + 1  # never the whole word at once


def test_a_team_name_of_thousands_of_letters_is_cut_short_inside_its_box():
    """Its lines, and the last one's '…', stay inside the box (a 5,000-letter name once hung
    a lesson)."""
    name = "Q" * 5000
    size, lines = text.fit(name, 400, 60, (40, 36, 32))
    measure = _font_width(size)
    assert lines[-1].endswith("…") and all(measure(line) <= 400 for line in lines)
