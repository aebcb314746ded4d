"""The validator's checks of a bank's translations (game.content.translation): each language
folder's files against the translation schema, the words the loader could not use, English
items with no translation (at the English item), translations of ids the bank does not have,
files a fluent speaker has not checked yet, markup, a consequence named without reassurance
(game.content.reassurance, in the language's own phrases), and every translated text fitting
its box on screen with the game's own layout. The English reading-level check is not applied: it
measures English.

The game's own words in the language (ui.yaml, game.content.ui_catalogue) are checked against
the strings the game's code passes to t() (game.i18n.ui_strings): each one the catalogue lacks,
each entry the game does not use, and the mistakes the loader found (a translation that changes
the {fields}, words that are not text).

Only the validator imports this module.
"""
from __future__ import annotations

import difflib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.content import validation_cache
from game.content.checks import Placed
from game.content.located import Located
from game.content.model import Bank, Problem
from game.content.reader import NOUNS
from game.content.translation import (
    Translation, TranslationFile, language_name, translate, translated_items,
)
from game.content.ui_catalogue import UI, Catalogue, catalogue_path, read_catalogue
from game.i18n import CATALOGUE


@dataclass
class Checked:
    """What checking one language found."""

    problems: list[Problem]
    files: int  # translation files read


def check_language(bank: Bank, files: list[Any], placed: dict[str, list[Placed]],
                   folders: list[Path], lang: str, fits: bool = True) -> Checked:
    """Every problem of the bank's translation into `lang`. `bank`, `files` and `placed` are the
    English bank as the validator read it (loader.read_bank_files, checks.placed_items)."""
    from game.content import checks, reassurance, schema_check
    translation = translate(bank, files, folders, lang)
    problems = schema_check.merge(translation.problems, validation_cache.each_file(
        "translation-schema", translation.files, schema_check.check_translation_files))
    problems += checks.check_schema_lines(translation.files, schema_check.TRANSLATION)
    problems += unreviewed(translation.files, lang)
    problems += missing(translation, placed, lang)
    used = translated_items(translation)
    problems += checks.check_markup(used)
    problems += reassurance.check(used, lang)
    from game.ui.screen_rules import missing_glyphs
    problems += missing_glyphs(used)
    if fits:
        from game.ui import fits as text_fits
        problems += text_fits.check(translation.bank, used).problems()
    words = check_catalogue(folders, lang)
    return Checked(problems + words.problems, len(translation.files) + words.files)


def check_catalogue(folders: list[Path], lang: str) -> Checked:
    """Every problem of the game's own words in `lang` (each bank folder's <lang>/ui.yaml)."""
    from game.content import checks
    catalogue = read_catalogue(folders, lang)
    used = validation_cache.ui_strings()  # remembered: it reads every module of the game
    problems = catalogue.problems
    problems += checks.check_schema_lines(catalogue.files, UI)
    problems += unreviewed(catalogue.files, lang)
    problems += missing_words(catalogue, used, folders, lang)
    if code_readable():  # else a string the game uses could look unused
        problems += unknown_words(catalogue, used)
    return Checked(problems, len(catalogue.files))


def code_readable() -> bool:
    """Whether every module of the game is installed as source, so that ui_strings() finds
    every string the game passes to t(). A copy installed compiled only (.pyc without .py) or
    zipped would otherwise make the catalogue's entries for those modules look unused."""
    import game
    root = Path(game.__file__).parent
    if not root.is_dir():
        return False
    return not any(path.parent.name != "__pycache__" for path in root.rglob("*.pyc"))


def missing_words(catalogue: Catalogue, used: tuple[str, ...], folders: list[Path],
                  lang: str) -> list[Problem]:
    """A warning for each string the game uses that no ui.yaml translates, at the 'ui:' line
    of the last one that could be read (none: it says what is missing once; a file that could
    not be read has its own error)."""
    name = language_name(lang)
    if not catalogue.files:
        return [Problem(str(catalogue_path(folders[0], lang)), 1, 1,
                        f"there is no {CATALOGUE} in the {name} folder, so the game's own words "
                        "(buttons, headings, hints) are shown in English", "warning",
                        "missing-translation", f"copy {CATALOGUE} from the shipped bank's cy "
                                               "folder, set its language, and translate its words")]
    read = [f for f in catalogue.files if f.ui_at is not None]
    if not read:
        return []
    written = {english for f in read for english in f.written}
    last = read[-1]
    line, col = last.ui_at or (1, 1)
    return [Problem(last.path, line, col,
                    f"the game's words {_quoted(english)} have no {name} translation, so they "
                    "are shown in English", "warning", "missing-translation",
                    f"add a line under 'ui:': {_quoted(english)}: followed by the words in "
                    f"{name}, in double quotes")
            for english in used if english not in written]


def unknown_words(catalogue: Catalogue, used: tuple[str, ...]) -> list[Problem]:
    """A warning at each entry whose English words the game does not use (a typing slip, or
    words the game has changed), with the closest words it does use."""
    known = set(used)
    out = []
    for f in catalogue.files:
        for english, (line, col) in f.written.items():
            if english in known:
                continue
            close = difflib.get_close_matches(english, used, n=1)
            guess = f" (did you mean {_quoted(close[0])}?)" if close else ""
            out.append(Problem(f.path, line, col,
                               f"the game does not use the words {_quoted(english)}{guess}; "
                               "this translation is not used", "warning", "unknown-translation",
                               f"write the English exactly as the game has it: {_quoted(close[0])}"
                               if close else "if the game no longer uses these words, delete "
                                             "the line"))
    return out


def _quoted(words: str) -> str:
    """Words as they are written in ui.yaml: in double quotes."""
    return json.dumps(words, ensure_ascii=False)


def unreviewed(files: list[TranslationFile], lang: str) -> list[Problem]:
    """One warning for each file that says 'reviewed: false'."""
    name = language_name(lang)
    return [Problem(f.path, f.reviewed_at.line, f.reviewed_at.col,
                    f"this {name} translation is not reviewed yet: a fluent speaker must check "
                    "every item in it before a school uses it", "warning",
                    "unreviewed-translation", "once a fluent speaker has checked every item, "
                                              "set reviewed: true")
            for f in files if f.reviewed_at is not None and not f.reviewed]


def missing(translation: Translation, placed: dict[str, list[Placed]], lang: str) -> list[Problem]:
    """A warning at each English item that no file translates into `lang`."""
    where: dict[tuple[str, str], tuple[str, Located]] = {}
    for kind, items in placed.items():
        for p in items:
            if kind == "branding":
                where[("branding", "")] = (p.path, p.at)
                for link, at in zip(p.item.local_help, p.at.entries("local_help")):
                    where[("help", link.id)] = (p.path, at)
            else:
                where[(kind, p.item.id)] = (p.path, p.at)
    name = language_name(lang)
    out = []
    for kind, ident in translation.missing:
        found = where.get((kind, ident))
        if found is None:
            continue
        path, at = found
        what = "the branding (title and tagline)" if kind == "branding" else \
            f"{NOUNS[kind]} '{ident}'"
        out.append(Problem(path, at.line, at.col,
                           f"{what} has no {name} translation, so it is shown in English",
                           "warning", "missing-translation",
                           f"translate it in {lang}/{kind}.yaml: its id, then its words"
                           if kind != "branding" else
                           f"translate the title and tagline in {lang}/branding.yaml"))
    return out
