"""`safety-dash validate [DIR] [--content PACK] [--format text|json]`: check the content bank.

Every problem is printed as `path:line:col: error|warning [code] message`, with a one-line hint
under it, sorted by file, line and column, then a summary line. The exit status is 1 if there is
any error, else 0. `--format json` prints one JSON object for CI instead. With no folder named it checks
./content when the current folder holds a bank (an editor's checkout), else the shipped bank;
the first line says which.

The checks, in order: the YAML itself and each item's fields (the loader, the same code the game
loads the bank with), the rules the game leaves items out by (game.content.rules: markup, exact
duplicates, missing source articles), each file against its JSON Schema (content/schema/), ids
unique and references resolving (the loader), then near-duplicate texts, the editor's schema
line, reading level (textstat), a consequence named without reassurance (game.content
.reassurance), characters the game's font cannot draw and every text fitting
its box on screen at the largest text size (game.ui.screen_rules: the game leaves those items
out too). A mistake the loader and the schema both see is reported once, in the loader's words.
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from game.content.model import Problem

if TYPE_CHECKING:
    from game.content.bank_files import ParsedFile
    from game.content.model import Bank
    from game.site_settings import Site

_SEVERITY_ORDER = {"error": 0, "warning": 1}


@dataclass
class Report:
    """What `validate` found: every problem, sorted, and what was checked."""

    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    counts: dict[str, int] = field(default_factory=dict)  # items of each kind in the bank
    languages: list[str] = field(default_factory=list)  # the translations checked, like "cy"

    @property
    def errors(self) -> int:
        return sum(p.severity == "error" for p in self.problems)

    @property
    def warnings(self) -> int:
        return len(self.problems) - self.errors

    @property
    def items(self) -> int:
        return sum(self.counts.values())

    def summary(self) -> dict:
        languages = {"languages": self.languages} if self.languages else {}
        return {"files": self.files, "items": self.items, "errors": self.errors,
                "warnings": self.warnings, **self.counts, **languages}


def check_bank(directory: str | Path | None = None, pack: str | Path | None = None,
               fits: bool = True) -> Report:
    """Run every check on the bank in `directory` (the shipped bank by default) with `pack` laid
    on top. Never raises for content; a missing folder is reported as a problem.

    What depends on one item or file alone (its texts fitting, its reading grade, its schema
    problems) is remembered from run to run (game.content.validation_cache), so a second run
    re-checks only what changed; everything across items and files is checked every time."""
    from game.content import validation_cache
    from game.content.bank_files import ContentError, bank_folders
    from game.content.located import gc_paused

    try:
        folders = bank_folders(directory, pack)
    except ContentError as exc:
        where, _, message = str(exc).partition(": ")
        return Report([Problem(where, 1, 1, message or str(exc), "error", "no-folder",
                               "check the folder's name and where it is")])
    # back on only once the parsed bank is let go, so it is never scanned
    with gc_paused(), validation_cache.remembering(validation_cache.cache_folder()):
        return _check(folders, fits)


def _check(folders: list[Path], fits: bool) -> Report:
    from game.content import checks, reassurance, schema_check, validation_cache
    from game.content.loader import checked_files, missing_files
    from game.content.references import assemble_bank

    files = checked_files(folders)
    bank = assemble_bank(files, missing_files(folders, files))
    placed = checks.placed_items(files)
    problems = schema_check.merge(list(bank.problems), validation_cache.each_file(
        "schema", files, schema_check.check_files_remembered))
    sources_file = next((f.path for f in files if f.kind == "sources"),
                        str(folders[0] / "sources.yaml"))
    problems += checks.check_sources(bank, placed, folders, sources_file)
    problems += checks.check_schema_lines(files)
    from game.ui.screen_rules import missing_glyphs
    problems += missing_glyphs(placed, by_file=True)  # each character looked up once
    if fits:
        from game.ui import fits as text_fits
        problems += text_fits.check(bank, placed).problems()
    translated = _translations(bank, files, placed, folders, fits)
    problems += translated.problems
    problems += checks.check_duplicates(placed)
    jobs = checks.reading_level_jobs(placed)
    problems += checks.check_reading_level(jobs, _reading_grades([w for _, w in jobs]))
    problems += reassurance.check(placed)  # a consequence named without reassurance: a warning
    counts = {"messages": len(bank.messages), "questions": len(bank.questions),
              "topics": len(bank.topics), "ranks": len(bank.ranks), "help": len(bank.help_links),
              "sources": len(bank.sources), "lessons": len(bank.lessons),
              "chats": len(bank.chats)}
    return Report(_sorted(problems), len(files) + translated.files, counts, translated.languages)


def _reading_grades(texts: list[str]) -> list[float]:
    """Each text's reading grade, measured only for texts not measured before (the cache)."""
    from game.content import checks, validation_cache
    return validation_cache.remember_each("grade", texts, checks.reading_grades)


@dataclass
class _Translated:
    problems: list[Problem] = field(default_factory=list)
    files: int = 0
    languages: list[str] = field(default_factory=list)


def _translations(bank: Bank, files: list[ParsedFile], placed: dict, folders: list[Path],
                  fits: bool) -> _Translated:
    """The checks of every language folder of the bank (none: nothing to do)."""
    from game.content.translation import languages
    found = _Translated(languages=languages(folders))
    if found.languages:
        from game.content.translation_checks import check_language
        for lang in found.languages:
            checked = check_language(bank, files, placed, folders, lang, fits)
            found.problems += checked.problems
            found.files += checked.files
    return found


def _display(path: str, shown: dict[str, str]) -> str:
    """The path relative to the current folder when it is inside it."""
    found = shown.get(path)
    if found is None:
        try:
            relative = os.path.relpath(path)
        except ValueError:  # another drive
            relative = path
        found = shown[path] = path if relative.startswith("..") else relative
    return found


def _sorted(problems: list[Problem]) -> list[Problem]:
    unique = {}
    shown: dict[str, str] = {}
    for p in problems:
        p = Problem(_display(p.path, shown), p.line, p.col, p.message, p.severity, p.code, p.hint)
        unique.setdefault((p.path, p.line, p.col, p.code, p.message), p)
    return sorted(unique.values(), key=lambda p: (p.path, p.line, p.col,
                                                  _SEVERITY_ORDER.get(p.severity, 2), p.code))


BANK_MARKERS = ("messages.yaml", "topics.yaml")  # a folder holding one of these holds a bank


def editing_folder() -> str | None:
    """The bank an editor is working on, when none is named: ./content if the current folder
    holds one (a checkout, or a force's own copy), else the current folder if it is a bank
    itself; None (the shipped bank) otherwise."""
    for folder in ("content", "."):
        if any((Path(folder) / name).is_file() for name in BANK_MARKERS):
            return folder
    return None


def checked_folder(directory: str | None) -> str:
    """Which folder is checked, in the words of validate's first line."""
    if directory is None:
        return "the shipped content bank"
    if Path(directory) == Path("."):
        return "the content in this folder"
    relative = not Path(directory).is_absolute() and not directory.startswith(".")
    return f"the content in {'./' if relative else ''}{directory}"


def validate(directory: str | None, pack: str | None = None, fmt: str = "text") -> int:
    found: list[Report] = []
    try:
        return _validate(directory, pack, fmt, found)
    except BrokenPipeError:  # the reader stopped reading ('validate | head -1'): not a crash
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # Python's closing flush
        return 1 if not found or found[0].errors else 0


def _validate(directory: str | None, pack: str | None, fmt: str, found: list[Report]) -> int:
    if directory is None:
        directory = editing_folder()
    if fmt == "text":  # first, so an editor waiting knows which bank is being read
        print(f"Checking {checked_folder(directory)}"
              f"{f', with the pack in {pack}' if pack else ''}", flush=True)
    report = check_bank(directory, pack)
    found.append(report)
    if fmt == "json":
        print(json.dumps({"problems": [
            {"path": p.path, "line": p.line, "col": p.col, "severity": p.severity,
             "code": p.code, "message": p.message, "hint": p.hint} for p in report.problems],
            "summary": {"checked": checked_folder(directory), **report.summary()}},
            indent=2, ensure_ascii=False))
    else:
        out = sys.stdout
        _write_problems(report.problems)
        c = report.counts
        what = (f"{c['messages']} messages, {c['questions']} questions, {c['topics']} topics, "
                f"{c['ranks']} ranks, {c['help']} help links, {c['sources']} sources, "
                f"{_count(c['lessons'], 'lesson')}, {_count(c['chats'], 'chat')}"
                if c else "nothing")
        if report.languages:
            from game.content.translation import language_name
            what += ", translated into " + ", ".join(map(language_name, report.languages))
        out.write(f"Checked {report.files} {'file' if report.files == 1 else 'files'} "
                  f"({what}): {_count(report.errors, 'error')}, "
                  f"{_count(report.warnings, 'warning')}\n")
    return 1 if report.errors else 0


def _count(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _write_problems(problems: list[Problem]) -> None:
    for p in problems:
        sys.stdout.write(f"{p}\n")
        if p.hint:
            sys.stdout.write(f"    hint: {p.hint}\n")


def validate_site(file: str | None, fmt: str = "text") -> int:
    """`validate --site [FILE]`: check a site settings file (game.site_settings), by default
    the one the game would read; the same checks the game makes when it starts."""
    from game import site_settings
    if file is not None:
        path, how = Path(file), "named"
    else:
        path, how = site_settings.find_file()
    if path is None:
        print(f"No site settings file was found. The game reads the file named by "
              f"${site_settings.FILE_ENV}, else {site_settings.FILE_NAME} in "
              f"{' or '.join(map(str, site_settings.places()))}. See the README's 'For schools'.",
              file=sys.stderr)
        return 1
    site = site_settings.read(path)
    problems = _sorted(list(site.problems))
    errors = sum(p.severity == "error" for p in problems)
    if fmt == "json":
        print(json.dumps({"problems": [
            {"path": p.path, "line": p.line, "col": p.col, "severity": p.severity,
             "code": p.code, "message": p.message, "hint": p.hint} for p in problems],
            "summary": {"checked": str(path), "errors": errors,
                        "warnings": len(problems) - errors}}, indent=2, ensure_ascii=False))
    else:
        print(f"Checking the site settings in {path} ({how})", flush=True)
        _write_problems(problems)
        print(f"Checked the site settings: {_count(errors, 'error')}, "
              f"{_count(len(problems) - errors, 'warning')}")
        if not site.unread:
            print("\n".join(_in_effect(site)))
    return 1 if errors else 0


def _in_effect(site: Site) -> list[str]:
    """What the game will do with the file's good keys, for the person deploying it (the keys
    with mistakes are left out, as the game leaves them out)."""
    from game.save import resolve_data_dir
    from game.reports.classroom import default_report_dir
    size = f"{site.text_size}%" if site.text_size else "100%, or the pupil's own"
    lang = ", locked" if "lang" in site.locked() else ", or the pupil's own"
    return [
        "With this file the game will use (for this user, unless the command line says otherwise):",
        f"  progress saved in {resolve_data_dir(None, site.data_dir)}",
        f"  classroom reports in {site.report_dir or default_report_dir()}",
        f"  content: {site.content or 'the shipped bank'}",
        f"  language: {site.language or 'en'}{lang}",
        f"  text size: {size}{', locked' if 'text_scale' in site.locked() else ''}",
        f"  Settings screen: {'closed to pupils' if site.settings_locked else 'open'}",
    ]
