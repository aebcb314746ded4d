"""Everything one run of the game shares between screens: the bank, the profile and its store."""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from typing import TYPE_CHECKING

from game import i18n
from game.content.changes import ReloadReport, reload_report
from game.content.model import ENGLISH, Bank
from game.i18n import t
from game.rules.progress import RoundSummary
from game.save import Profile, SaveStore
from game.settings import Settings

if TYPE_CHECKING:
    from game.content.ui_catalogue import Catalogue


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
    content_notices: list[str] = field(default_factory=list)  # those of `notices` that are
    # about the content, replaced when it is read again
    # the settings as last read, and the saved mapping they were read from (see `settings`)
    _settings: tuple[dict, Settings] | None = field(default=None, init=False, repr=False,
                                                    compare=False)
    catalogue: Catalogue | None = None  # the game's words in the player's language, as read
    screens_checked: bool = False  # whether the bank's items were checked with the fonts
    # the IT office's settings (game.site_settings): every pupil's defaults, under their own
    # saved settings, and the settings pupils cannot change, over them
    defaults: dict[str, object] = field(default_factory=dict)
    locked: dict[str, object] = field(default_factory=dict)
    settings_locked: bool = False  # the site keeps pupils out of the Settings screen

    def check_screens(self) -> None:
        """Leave out of the bank every item the game's font cannot draw or fit on screen, as
        the validator would (game.ui.screen_rules). Measuring every text takes a tenth of a
        second, so the title does it once its first frame is shown, or when Play is pressed."""
        if self.screens_checked:
            return
        self.screens_checked = True
        from game.content import ContentError, load_bank
        from game.content.bank_files import bank_folders
        from game.content.notices import content_notices
        from game.ui.screen_rules import check
        try:
            self.bank = load_bank(pack=self.content, lang=self.settings.lang, screen=check)
            folders = bank_folders(pack=self.content)
        except ContentError:  # the folder went away: the bank read at start-up is kept
            return
        self.show_content_notices(content_notices(self.bank, folders, self.catalogue))

    def reload(self) -> ReloadReport:
        """Read the bank and the game's own words from disk again, in the player's language (F5,
        or the language setting changed). The same language's bank is switched to only if it
        has no errors; a new language's is used even with some, as at start-up (its items with
        mistakes left out or shown in English, and the player told), so the choice takes effect.

        The profile is untouched, so progress is never lost by reloading."""
        from game.content import ContentError, load_bank
        from game.content.bank_files import bank_folders
        from game.content.notices import content_notices
        from game.ui.screen_rules import check
        lang = self.settings.lang
        catalogue = self.catalogue = use_words(lang, self.content)
        try:
            new = load_bank(pack=self.content, lang=lang, screen=check)
            folders = bank_folders(pack=self.content)
        except ContentError as exc:
            return ReloadReport(False, t("Content not reloaded: {reason}.", reason=exc))
        self.screens_checked = True
        report = reload_report(self.bank, new)
        mended = bool(self.bank.broken) and not new.broken  # playable again: switch, as at start
        if report.used or mended or new.language.code != self.bank.language.code:
            self.bank = new
            self.show_content_notices(content_notices(new, folders, catalogue))
            if not report.used:
                return ReloadReport(True, " ".join(self.content_notices))
        if catalogue is not None and catalogue.notice:
            return ReloadReport(report.used, f"{report.summary} {catalogue.notice}")
        return report

    def show_content_notices(self, words: list[str]) -> None:
        """Tell the player `words` about the content, instead of what was said about it before."""
        self.notices[:] = [n for n in self.notices if n not in self.content_notices] + words
        self.content_notices = list(words)

    @property
    def settings(self) -> Settings:
        """The player's settings, read from the profile (bad saved values become defaults).

        Read every frame, so the last reading is kept while the profile's settings are equal to
        what it was read from (comparing is some 30 times cheaper than reading them again)."""
        saved = self.profile.settings
        if self._settings is None or self._settings[0] != saved:
            snapshot = {k: dict(v) if isinstance(v, dict) else v for k, v in saved.items()}
            self._settings = (snapshot, Settings.from_json({**self.defaults, **saved,
                                                            **self.locked}))
        return self._settings[1]

    def change_settings(self, **changes: object) -> Settings:
        """Change some settings and save them with the profile at once: only those changed,
        so the site's defaults stay defaults; a locked setting is not changed."""
        new = self.settings.with_(**{k: v for k, v in changes.items() if k not in self.locked})
        chosen = new.to_json()
        self.profile.settings.update({k: chosen[k] for k in changes if k not in self.locked})
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


def use_words(lang: str, pack: str | None = None) -> Catalogue | None:
    """Draw and say the game's own words in `lang` from now on, from the shipped bank's
    `<lang>/ui.yaml` and the pack's (game.content.ui_catalogue); the catalogue read, or None in
    English, which reads nothing (so starting in English pays nothing for it)."""
    if lang == ENGLISH:
        i18n.use(ENGLISH, {})
        return None
    from game.content.ui_catalogue import load_catalogue
    catalogue = load_catalogue(lang, pack=pack)
    i18n.use(catalogue.language, catalogue.words)
    return catalogue
