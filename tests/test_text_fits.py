"""Every text in the shipped bank fits its box on screen, measured with the game's own layout."""
from __future__ import annotations

import pytest

from helpers import new_app
from game.content.model import AGE_BANDS
from game.rules.round import GateResult
from game.scenes import round_view
from game.scenes.message import MessageScene
from game.ui import text


@pytest.fixture
def app(tmp_path):
    return new_app(tmp_path)


def test_questions_answers_and_feedback_fit(app):
    text.truncated.clear()
    for q in app.session.bank.questions:
        round_view.question_banner(q, 1, 4)
        round_view.gate(q)
        for i in range(len(q.answers)):
            round_view.feedback_banner(GateResult(q, i, i == q.safe_index))
    assert text.truncated == set()


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
