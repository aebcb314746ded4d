"""The round simulation: physics, bumps, treats, gates and scoring, without pygame."""
from __future__ import annotations

import random

from conftest import make_question
from game.rules.course import build_course, plan_gates, question_read_seconds
from game.rules.round import POINTS_RIGHT, Round
from game.rules.tuning import (
    BANDS, CEILING, DOG_RADIUS, GROUND, MAX_ROUND_SECONDS, MIN_ROUND_SECONDS, STEP, lane_at,
    lane_centre, reading_seconds, tuning_for,
)


def new_round(band="10-12", n_questions=4, seed=1):
    tuning = tuning_for(band)
    questions = [make_question(f"q{i}", safe=i % 3) for i in range(n_questions)]
    return Round(build_course(questions, tuning, random.Random(seed)), tuning)


def test_gravity_pulls_down_and_a_hop_lifts():
    r = new_round()
    y0 = r.y
    for _ in range(10):
        r.step()
    assert r.y > y0
    r.hop()
    r.step()
    assert r.vy < 0


def test_dog_stays_between_ceiling_and_ground():
    r = new_round()
    for _ in range(200):
        r.step()
    assert r.y == GROUND - DOG_RADIUS  # lands on the grass, no game over
    for _ in range(300):
        r.hop()
        r.step()
        assert r.y >= CEILING + DOG_RADIUS


def test_reading_time_grows_with_words_and_is_longer_for_younger_bands():
    short, long_ = "Tell an adult", "Tell an adult you trust about it straight away today please"
    for band in BANDS:
        assert reading_seconds(long_, band) > reading_seconds(short, band)
    assert reading_seconds(long_, "7-9") > reading_seconds(long_, "10-12") > \
        reading_seconds(long_, "13-15")


def test_each_question_is_announced_with_its_reading_time_before_its_gate():
    for band, tuning in BANDS.items():
        questions = [make_question(f"q{i}") for i in range(5)]
        gates, length = plan_gates(questions, tuning)
        assert 3 <= len(gates) <= 5
        for gate in gates:
            seconds = (gate.x - gate.announce_x) / tuning.speed
            assert seconds >= question_read_seconds(gate.question, band) - 1e-9
        assert MIN_ROUND_SECONDS <= length / tuning.speed <= MAX_ROUND_SECONDS


def test_rounds_last_30_to_90_seconds_for_every_band():
    for band, tuning in BANDS.items():
        r = new_round(band, tuning.gates)
        steps = 0
        while not r.finished:
            r.step()
            steps += 1
        assert MIN_ROUND_SECONDS <= steps * STEP <= MAX_ROUND_SECONDS + 1


def test_choosing_an_answer_steers_the_dog_through_that_opening():
    for lane in range(3):
        r = new_round(seed=lane)
        while r.question_gate is None:
            r.step()
        r.choose(lane)
        while not r.results:
            r.step()
        assert r.results[0].chosen == lane
        assert r.results[0].correct == (lane == r.results[0].question.safe_index)


def test_a_pick_answers_its_own_question_and_the_next_one_waits_for_a_new_pick():
    r = new_round()
    while r.question_gate is None:
        r.step()
    r.choose(2)
    while not r.results:
        r.step()
    assert r.target_lane is None  # the autopilot does not fly the next question's answer
    while r.question_gate is None:
        r.step()
    assert r.target_lane is None


def test_right_answer_scores_and_wrong_answer_does_not_end_the_round():
    r = new_round("7-9", 3)
    answers = []
    while not r.finished:
        gate = r.question_gate
        if gate is not None and r.target_lane is None:
            wrong = (gate.question.safe_index + 1) % 3
            pick = gate.question.safe_index if len(answers) % 2 == 0 else wrong
            answers.append(pick)
            r.choose(pick)
        for event in r.step():
            if event.kind == "right":
                assert event.points == POINTS_RIGHT
            if event.kind in ("right", "wrong"):
                r.target_lane = None
    assert [x.correct for x in r.results] == [True, False, True]
    assert r.finished and r.score >= 2 * POINTS_RIGHT


def test_bumping_costs_points_and_a_moment_but_never_ends_the_round():
    r = new_round("7-9", 3, seed=3)
    r.score = 100
    hit = None
    while not r.finished:
        events = r.step()  # never hops: sits on the grass and runs into hedges
        bumps = [e for e in events if e.kind == "bump"]
        if bumps and hit is None:
            hit = bumps[0]
            assert r.stunned
            assert hit.points == -BANDS["7-9"].bump_penalty
    assert hit is not None, "the course should put a hedge in the dog's way"
    assert r.finished and r.bumps >= 1


def test_lanes_split_the_flying_space_evenly():
    for lanes in (2, 3):
        for lane in range(lanes):
            assert lane_at(lane_centre(lane, lanes), lanes) == lane
    assert lane_at(CEILING - 50, 3) == 0 and lane_at(GROUND + 50, 3) == 2


def test_same_seed_same_course():
    a, b = new_round(seed=9), new_round(seed=9)
    assert a.course == b.course
    assert new_round(seed=10).course != a.course
