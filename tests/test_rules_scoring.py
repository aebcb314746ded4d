"""Stars, ranks, promotions and what a round writes into the profile."""
from __future__ import annotations

from game.rules.progress import apply_round, record_message
from game.rules.scoring import next_rank, rank_for, stars
from game.save import Profile


def test_stars_always_at_least_one_and_three_for_all_right():
    assert stars(0, 3, 10) == 1
    assert stars(2, 4, 0) == 2
    assert stars(3, 3, 0) == 3
    assert stars(3, 3, 9) == 2
    assert stars(0, 0, 0) == 1


def test_rank_thresholds(ranks):
    assert rank_for(0, ranks).id == "cadet"
    assert rank_for(399, ranks).id == "cadet"
    assert rank_for(400, ranks).id == "pc"
    assert rank_for(10**6, ranks).id == "sgt"
    assert next_rank(400, ranks).id == "sgt"
    assert next_rank(5000, ranks) is None


def test_apply_round_promotes_once_when_a_threshold_is_crossed(ranks):
    profile = Profile()
    first = apply_round(profile, 300, ranks)
    assert not first.promoted and first.rank.id == "cadet" and first.best
    second = apply_round(profile, 150, ranks)
    assert second.promoted and second.promoted_from.id == "cadet" and second.rank.id == "pc"
    assert not second.best and profile.best_score == 300 and profile.total_points == 450
    assert profile.rank_id == "pc" and profile.rounds_played == 2


def test_negative_score_never_takes_points_away(ranks):
    profile = Profile(total_points=500)
    apply_round(profile, -20, ranks)
    assert profile.total_points == 500


def test_notebook_records_each_message_once_in_first_seen_order():
    profile = Profile()
    for mid in ["a", "b", "a", "c"]:
        record_message(profile, mid)
    assert profile.notebook == ["a", "b", "c"]
    assert profile.seen_counts == {"a": 2, "b": 1, "c": 1}
    assert profile.last_message == "c"
