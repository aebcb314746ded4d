"""What the player is told, in plain words, when the content loaded with mistakes: an English
item with a mistake is left out, an item whose translation is broken is shown in English, and
game words that could not be read are shown in English. Each is said once, whatever the count.

No pygame here.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from game.content.model import Bank
from game.i18n import t

if TYPE_CHECKING:
    from game.content.ui_catalogue import Catalogue


def content_notices(bank: Bank, folders: list[Path], catalogue: Catalogue | None) -> list[str]:
    """The notices for `bank` (read from `folders`, in bank.language) and for the game's words
    (`catalogue`: None in English, which has none to read)."""
    if bank.broken:  # nothing else matters until it is fixed
        return [broken_notice(bank.broken)]
    lang_folders = {folder / bank.language.code for folder in folders}
    translated = [p for p in bank.errors if Path(p.path).parent in lang_folders]
    notices = []
    if len(translated) < len(bank.errors):
        notices.append(t("Some items in the content files have mistakes, so they were left out. "
                         "The person who edits the game's content can check them."))
    if translated:
        notices.append(t("Some safety messages or questions could not be read in this "
                         "language, so they are shown in English. The person who edits the "
                         "game's content can check why."))
    if catalogue is not None and catalogue.notice:
        notices.append(catalogue.notice)
    return notices


def broken_notice(kinds: tuple[str, ...]) -> str:
    """Plain words for a core file the game cannot be played without: which one, and who can
    see why (no file names or commands on a child's screen)."""
    names = {"messages": t("safety messages"), "questions": t("questions"),
             "topics": t("topics"), "help": t("help links"), "ranks": t("ranks"),
             "sources": t("source articles")}
    return t("The game's {part} could not be read, so it cannot be played yet. Ask the person "
             "who edits the game's content to check it, then press F5.",
             part=names.get(kinds[0], kinds[0]))
