"""`safety-dash take-home [-o FILE] [--data-dir DIR] [--lang LANG] [--content DIR]`: write the
page for a child's grown-up (what they have learned, three questions to ask, parental controls,
where to find advice) from the progress saved in DIR, the folder `play` and `autoplay` save in.

The page is in the language given, else the player's saved one. The saved progress is only
read: a save the game could not read either is left as it is, and the page lists no messages.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from game.i18n import t
from game.save import FILE_NAME as SAVE_NAME, MAX_BYTES, SAVE_VERSION, Profile, SaveError


def take_home_command(output: str | None, data_dir: str | None, lang: str | None = None,
                      content: str | None = None) -> int:
    """Write the page to `output` (a file, or a folder to put it in; None: the current folder)
    and print its path; exit 1 with one plain sentence if it cannot be written."""
    from game.commands.lesson import output_path, words_and_bank
    from game.reports.render import why_not_saved
    from game.reports.take_home import FILE_NAME, take_home_html, write_page
    from game.save import resolve_data_dir
    from game.settings import Settings

    from game import site_settings
    site = site_settings.load()  # the school's data folder, pack and language, as the game's
    folder = resolve_data_dir(data_dir, site.data_dir)
    content = content if content is not None else (str(site.content) if site.content else None)
    profile, found = read_profile(folder)
    chosen = Settings.from_json({**site.defaults(), **profile.settings, **site.locked()})
    bank = words_and_bank(lang or chosen.lang, content)
    if bank is None:
        return 1
    if found == "none":
        print(t("No progress is saved in {folder} yet, so the page lists no safety messages.",
                folder=folder), file=sys.stderr)
    elif found == "unreadable":
        print(t("The progress saved in {folder} could not be read, so the page lists no safety "
                "messages.", folder=folder), file=sys.stderr)
    path = output_path(output, FILE_NAME)
    try:
        write_page(take_home_html(bank, profile.notebook, profile.nickname), path)
    except OSError as exc:
        print(t("Could not write the page for home to {path}: {reason}.", path=path,
                reason=why_not_saved(exc)), file=sys.stderr)
        return 1
    print(path)
    return 0


def read_profile(folder: Path) -> tuple[Profile, str]:
    """The profile saved in `folder`, read as the game reads it but changing nothing there, and
    how it went: "read", "none" (no save yet) or "unreadable" (then an empty profile)."""
    try:
        with open(folder / SAVE_NAME, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
    except (FileNotFoundError, NotADirectoryError):
        return Profile(), "none"
    except OSError:
        return Profile(), "unreadable"
    try:
        document = json.loads(raw)
        version = document.get("version") if isinstance(document, dict) else None
        if len(raw) > MAX_BYTES or not isinstance(version, int) or \
                not 1 <= version <= SAVE_VERSION:
            return Profile(), "unreadable"
        return Profile.from_json(document.get("profile")), "read"
    except (ValueError, RecursionError, SaveError):
        return Profile(), "unreadable"
