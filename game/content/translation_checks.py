"""The validator's checks of a bank's translations (game.content.translation): each language
folder's files against the translation schema, the words the loader could not use, English
items with no translation (at the English item), translations of ids the bank does not have,
files a fluent speaker has not checked yet, markup, and every translated text fitting its box
on screen with the game's own layout. The English reading-level check is not applied: it
measures English.

Only the validator imports this module.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.content.checks import Placed
from game.content.located import Located
from game.content.model import Bank, Problem
from game.content.reader import NOUNS
from game.content.translation import Translation, language_name, translate


@dataclass
class Checked:
    """What checking one language found."""

    problems: list[Problem]
    files: int  # translation files read


def check_language(bank: Bank, files: list[Any], placed: dict[str, list[Placed]],
                   folders: list[Path], lang: str, fits: bool = True) -> Checked:
    """Every problem of the bank's translation into `lang`. `bank`, `files` and `placed` are the
    English bank as the validator read it (loader.read_bank_files, checks.placed_items)."""
    from game.content import checks, schema_check
    translation = translate(bank, files, folders, lang)
    problems = schema_check.merge(translation.problems,
                                  schema_check.check_translation_files(translation.files))
    problems += checks.check_schema_lines(translation.files, schema_check.TRANSLATION)
    problems += unreviewed(translation, lang)
    problems += missing(translation, placed, lang)
    used = translated_items(translation)
    problems += checks.check_markup(used)
    if fits:
        from game.ui import fits as text_fits
        problems += text_fits.check(translation.bank, used).problems()
    return Checked(problems, len(translation.files))


def translated_items(translation: Translation) -> dict[str, list[Placed]]:
    """Each translated item, with its words where the translation writes them, by kind."""
    out: dict[str, list[Placed]] = {}
    for kind, item, at, parsed in translation.used:
        out.setdefault(kind, []).append(Placed(kind, item, at, parsed.path, parsed.text))
    return out


def unreviewed(translation: Translation, lang: str) -> list[Problem]:
    """One warning for each file that says 'reviewed: false'."""
    name = language_name(lang)
    return [Problem(f.path, f.reviewed_at.line, f.reviewed_at.col,
                    f"this {name} translation is not reviewed yet: a fluent speaker must check "
                    "every item in it before a school uses it", "warning",
                    "unreviewed-translation", "once a fluent speaker has checked every item, "
                                              "set reviewed: true")
            for f in translation.files if f.reviewed_at is not None and not f.reviewed]


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
