"""What a finished round changes in the player's profile: points, best score, rank, notebook."""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from game.content.model import Rank
from game.rules.scoring import rank_for
from game.save import Profile


@dataclass(frozen=True)
class RoundOutcome:
    score: int
    best: bool  # a new best single-round score
    rank: Rank | None
    promoted_from: Rank | None  # set only when this round earned a promotion

    @property
    def promoted(self) -> bool:
        return self.promoted_from is not None


@dataclass(frozen=True)
class RoundSummary:
    """What the results screen and the autoplay report need to know about a finished round."""

    score: int
    correct: int
    questions: int
    bumps: int
    stars: int
    outcome: RoundOutcome
    message_id: str  # the safety message shown after the round ("" if the bank had none)


def apply_round(profile: Profile, score: int, ranks: Sequence[Rank]) -> RoundOutcome:
    before = rank_for(profile.total_points, ranks)
    profile.total_points += max(0, score)
    profile.rounds_played += 1
    best = score > profile.best_score
    profile.best_score = max(profile.best_score, score)
    after = rank_for(profile.total_points, ranks)
    if after is not None:
        profile.rank_id = after.id
    promoted = after is not None and before is not None and after.points > before.points
    return RoundOutcome(score, best, after, before if promoted else None)


def record_message(profile: Profile, message_id: str) -> None:
    """Note that a message was shown: into the notebook (once), its count, and as the last one."""
    if message_id not in profile.notebook:
        profile.notebook.append(message_id)
    profile.seen_counts[message_id] = profile.seen_counts.get(message_id, 0) + 1
    profile.last_message = message_id
