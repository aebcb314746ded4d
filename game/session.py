"""Everything one run of the game shares between screens: the bank, the profile and its store."""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from game.content.changes import ReloadReport, reload_report
from game.content.model import Bank
from game.rules.progress import RoundSummary
from game.save import Profile, SaveStore
from game.settings import Settings


@dataclass
class Session:
    bank: Bank
    store: SaveStore
    profile: Profile
    seed: int = 0
    notices: list[str] = field(default_factory=list)  # plain words still to show the player
    asked: Counter[str] = field(default_factory=Counter)  # question ids asked this session
    history: list[RoundSummary] = field(default_factory=list)  # rounds played this session
    content: str | None = None  # a content pack laid on the shipped bank (--content)
    report_dir: Path | None = None  # where classroom reports go (--report-dir; None: Documents)

    def reload(self) -> ReloadReport:
        """Read the bank from disk again; switch to it only if it has no errors.

        The profile is untouched, so progress is never lost by reloading."""
        from game.content import ContentError, load_bank
        try:
            new = load_bank(pack=self.content, lang=self.settings.lang)
        except ContentError as exc:
            return ReloadReport(False, f"Content not reloaded: {exc}.")
        report = reload_report(self.bank, new)
        if report.used:
            self.bank = new
        return report

    @property
    def settings(self) -> Settings:
        """The player's settings, read from the profile (bad saved values become defaults)."""
        return Settings.from_json(self.profile.settings)

    def change_settings(self, **changes: object) -> Settings:
        """Change some settings and save them with the profile at once."""
        new = self.settings.with_(**changes)
        self.profile.settings.update(new.to_json())
        self.save()
        return new

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
