"""Everything one run of the game shares between screens: the bank, the profile and its store."""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field

from game.content.model import Bank
from game.rules.progress import RoundSummary
from game.save import Profile, SaveStore


@dataclass
class Session:
    bank: Bank
    store: SaveStore
    profile: Profile
    seed: int = 0
    notices: list[str] = field(default_factory=list)  # plain words still to show the player
    asked: Counter[str] = field(default_factory=Counter)  # question ids asked this session
    history: list[RoundSummary] = field(default_factory=list)  # rounds played this session

    @property
    def rounds(self) -> int:
        return len(self.history)

    @property
    def band(self) -> str:
        return self.profile.age_band or "10-12"

    def round_rng(self) -> random.Random:
        """A fresh random source for the next round, fixed by the session's seed."""
        return random.Random(f"{self.seed}:{self.rounds}")

    def save(self) -> None:
        notice = self.store.save(self.profile)
        if notice and notice not in self.notices:
            self.notices.append(notice)
