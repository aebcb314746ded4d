"""Stars for a round and UK police ranks for a career."""
from __future__ import annotations

from collections.abc import Sequence

from game.content.model import Rank


def stars(correct: int, questions: int, bumps: int) -> int:
    """1 to 3 stars. Everybody who finishes gets one; right answers earn the rest."""
    if questions == 0:
        return 1
    if correct == questions:
        return 3 if bumps <= 3 else 2
    return 2 if correct * 2 >= questions else 1


def rank_for(points: int, ranks: Sequence[Rank]) -> Rank | None:
    """The highest rank whose threshold `points` reaches (ranks sorted by points)."""
    reached = None
    for rank in ranks:
        if points >= rank.points:
            reached = rank
    return reached


def next_rank(points: int, ranks: Sequence[Rank]) -> Rank | None:
    return next((r for r in ranks if r.points > points), None)
