"""Every text in the shipped bank fits its box on screen, measured with the game's own layout."""
from __future__ import annotations

import pytest

from helpers import new_app
from game.content.model import AGE_BANDS
from game.rules.round import GateResult
from game.scenes import round_view
from game.scenes.message import MessageScene
from game.settings import TEXT_SCALES
from game.ui import layout, text
from game.ui.layout import Box, RoundLayout

EVERY_ROUND_LAYOUT = [(scale, classroom) for classroom in (False, True) for scale in TEXT_SCALES]
LAYOUT_IDS = [f"{scale:.0%}{'-classroom' if classroom else ''}"
              for scale, classroom in EVERY_ROUND_LAYOUT]


def round_layout(scale: float, classroom: bool) -> RoundLayout:
    return layout.classroom_round_layout(scale) if classroom else layout.round_layout(scale)


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
    strict = layout.strictest_round_layout()
    assert holds_no_more(strict.question, geo.question)
    if geo is not layout.NORMAL_ROUND:  # the validator checks the cheer at 100% as well
        assert holds_no_more(strict.feedback_head, geo.feedback_head)
    assert holds_no_more(strict.feedback_body, geo.feedback_body)
    for n in (2, 3):  # (the signs, with words at 100% only, are checked at 100%)
        assert holds_no_more(strict.chip_label_box(n), geo.chip_label_box(n))


def test_classroom_rounds_draw_no_text_under_four_percent(app):
    for scale in TEXT_SCALES:
        geo = layout.classroom_round_layout(scale)
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


def test_help_and_ranks_fit(app):
    from game.scenes.help import HelpScene
    text.truncated.clear()
    HelpScene(app)
    assert text.truncated == set()


def test_the_truncation_check_can_fail():
    text.truncated.clear()
    text.fit("word " * 200, 200, 40, (20,))
    assert text.truncated
