"""The classroom lesson's rules, without pygame: turns, picking within the lesson's topics,
standings with shared places, the class summary, and skipping a question."""
from __future__ import annotations

import random

from hypothesis import given, strategies as st

from game.content import load_bank
from game.rules.classroom import (
    MAX_ROUNDS, MAX_TEAMS, ClassLesson, LessonPlan, Team, clean_name, default_teams, even_turns,
    fair_rounds,
)
from game.rules.course import build_course
from game.rules.round import Round
from game.rules.tuning import STEP, tuning_for

BANK = load_bank()


def test_a_lesson_is_fair_when_every_team_plays_as_many_rounds() -> None:
    assert not even_turns(1, 2)  # one team would play, and win, alone
    assert even_turns(2, 2) and even_turns(4, 2) and not even_turns(3, 2)
    assert even_turns(3, 3) and not even_turns(4, 3) and not even_turns(2, 3)
    assert even_turns(1, 1) and even_turns(7, 1) and not even_turns(0, 1)


@given(st.integers(-3, 3 * MAX_ROUNDS), st.integers(1, MAX_TEAMS))
def test_the_rounds_offered_are_fair_within_the_limits_and_never_fewer_than_asked(
        rounds: int, teams: int) -> None:
    fair = fair_rounds(rounds, teams)
    assert even_turns(fair, teams) and fair <= MAX_ROUNDS
    most = MAX_ROUNDS - MAX_ROUNDS % teams
    assert fair >= min(rounds, most)  # more only to make whole turns (fewer only at the limit)
    assert fair - teams < max(rounds, teams)  # the next whole turn, no further
    assert fair_rounds(fair, teams) == fair  # a fair number stays as it is
    plays = [LessonPlan(rounds=fair, teams=default_teams(teams)).team_for_round(i)
             for i in range(fair)]
    assert [plays.count(i) for i in range(teams)] == [fair // teams] * teams


def test_teams_take_rounds_in_turn_and_scores_go_to_the_team_that_played() -> None:
    lesson = ClassLesson(LessonPlan(rounds=5, teams=default_teams(3)))
    order = []
    for score in (10, 20, 30, 40, 50):
        order.append(lesson.team_index)
        lesson.finish_round(score, "")
    assert order == [0, 1, 2, 0, 1] and lesson.finished
    assert [t.score for t in lesson.plan.teams] == [50, 70, 30]


def test_questions_and_messages_come_from_the_lessons_topics() -> None:
    plan = LessonPlan(band="13-15", topics=("pictures", "the-law"))
    lesson = ClassLesson(plan)
    rng = random.Random(1)
    for _ in range(3):
        questions = lesson.questions_for_round(BANK.questions, 4, rng)
        assert len(questions) == 4
        assert all(q.topic in plan.topics and "13-15" in q.ages for q in questions)
        for q in questions:
            lesson.record(q, "right")
        message = lesson.message_for_round(BANK.messages, [], rng)
        assert message.topic in plan.topics and "13-15" in message.ages
        lesson.finish_round(100, message.id)
    assert len(set(lesson.messages)) == 3  # never the same message twice while others remain


@given(st.lists(st.integers(0, 500), min_size=1, max_size=4))
def test_standings_share_places_for_equal_scores(scores: list[int]) -> None:
    teams = [Team(f"T{i}", "#1f5ec4", s) for i, s in enumerate(scores)]
    standings = ClassLesson(LessonPlan(teams=teams)).standings()
    assert [s.team.score for s in standings] == sorted(scores, reverse=True)
    for s in standings:
        assert s.place == 1 + sum(other > s.team.score for other in scores)
        assert s.tied == (scores.count(s.team.score) > 1)


def test_the_summary_counts_each_question_and_finds_the_hardest_topics() -> None:
    lesson = ClassLesson(LessonPlan(rounds=2))
    q1, q2, q3 = BANK.questions[:3]
    lesson.record(q1, "right")
    lesson.record(q2, "wrong")
    lesson.finish_round(100, "m1")
    lesson.record(q1, "wrong")
    lesson.record(q3, "skipped")
    lesson.finish_round(50, "m2")
    s = lesson.summary()
    by_id = {q.question_id: q for q in s.questions}
    assert [q.question_id for q in s.questions] == [q1.id, q2.id, q3.id]
    assert (by_id[q1.id].asked, by_id[q1.id].right, by_id[q1.id].wrong) == (2, 1, 1)
    assert by_id[q1.id].share_right == 0.5 and by_id[q3.id].share_right is None
    assert s.hardest[0].share_right <= s.hardest[-1].share_right
    assert s.messages == ("m1", "m2") and s.rounds_played == 2 and not s.ended_early


def test_team_names_are_tidied_and_cut() -> None:
    assert clean_name("  Red   Kites ", "Foxes") == "Red Kites"
    assert clean_name("   ", "Foxes") == "Foxes"
    assert len(clean_name("W" * 40, "Foxes")) == 16


def test_a_skipped_question_is_neither_right_nor_a_miss() -> None:
    questions = [q for q in BANK.questions if "10-12" in q.ages][:3]
    tuning = tuning_for("10-12")
    r = Round(build_course(questions, tuning, random.Random(0)), tuning)
    assert not r.skip()  # nothing on the banner yet
    while r.question_gate is None:
        r.step(STEP)
    assert r.skip()
    assert r.results[-1].skipped and r.missed_topics == [] and r.correct == 0
    assert r.feedback is None
