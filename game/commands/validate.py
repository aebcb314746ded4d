"""`safety-dash validate [DIR] [--content PACK] [--format text|json]`: check the content bank.

Every problem is printed as `path:line:col: error|warning [code] message`, with a one-line hint
under it, sorted by file, line and column, then a summary line. The exit status is 1 if there is
any error, else 0. `--format json` prints one JSON object for CI instead.

The checks, in order: the YAML itself and each item's fields (the loader, the same code the game
loads the bank with), each file against its JSON Schema (content/schema/), ids unique and
references resolving (the loader), then markup, duplicate and near-duplicate texts, source
articles, the editor's schema line, reading level (textstat), and every text fitting its box on
screen at the largest text size (the game's own fonts and layout). A mistake the loader and the
schema both see is reported once, in the loader's words.
"""
from __future__ import annotations

import json
import os
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from game.content.model import Problem

if TYPE_CHECKING:
    from game.content.helper import Forked
    from game.content.loader import ParsedFile
    from game.content.model import Bank
    from game.ui.fits import FitReport

T = TypeVar("T")

_SEVERITY_ORDER = {"error": 0, "warning": 1}
FITS_HELPER_SHARE = 0.85  # of the text-fit check done in a helper: the two then finish together


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
               fits: bool = True, parallel: bool | None = None) -> Report:
    """Run every check on the bank in `directory` (the shipped bank by default) with `pack` laid
    on top. Never raises for content; a missing folder is reported as a problem.

    `parallel`: share the work with other processes (None: for a big bank, where the machine
    allows it): one measures reading level and finds duplicates, others check texts fit."""
    from game.content import helper
    from game.content.loader import ContentError, bank_folders, bank_paths, file_size

    try:
        folders = bank_folders(directory, pack)
    except ContentError as exc:
        where, _, message = str(exc).partition(": ")
        return Report([Problem(where, 1, 1, message or str(exc), "error", "no-folder",
                               "check the folder's name and where it is")])
    if parallel is None:
        parallel = helper.wanted(sum(file_size(path) for path, _ in bank_paths(folders)))
    parallel = parallel and helper.usable()
    # started before the slow imports below, so its dictionary loads while the bank is read
    grader = _start(helper.reading_level_and_duplicates) if parallel else None
    from game.content.located import gc_paused
    with gc_paused():  # back on only once the parsed bank is let go, so it is never scanned
        return _check(folders, fits, grader, parallel)


def _check(folders: list[Path], fits: bool, grader: Forked[tuple[list[float], dict]] | None,
           parallel: bool) -> Report:
    """check_bank's work: `grader`, if started, measures reading level and finds duplicates;
    with `parallel`, the text-fit check runs mostly in other processes: one, started while the
    biggest file is read, checks the kinds of item already read; another, started once the
    bank is read, most of the rest."""
    from game.content import checks, schema_check
    from game.content.loader import checked_files, missing_files
    from game.content.references import assemble_bank
    from game.ui import fits as text_fits

    early = _EarlyFits() if fits and parallel else None
    files = checked_files(folders, early.start if early else None)
    bank = assemble_bank(files, missing_files(folders, files))
    placed = checks.placed_items(files)
    # of the text-fit check's rest, a helper does most; this process, with its other checks,
    # the remainder and the screens
    rest = [part for part in text_fits.PARTS if not early or part not in early.parts]
    moving = [part for part in rest if part != "screens"]
    split = FITS_HELPER_SHARE if fits and parallel and moving else 0.0
    fitter = _start(lambda _: text_fits.check(bank, placed, share=(0.0, split), parts=moving)) \
        if split else None
    jobs = checks.reading_level_jobs(placed)
    compared = checks.duplicate_texts(placed)
    if grader is not None:
        grader.send(([words for _, words in jobs], compared))
    problems = schema_check.merge(list(bank.problems), schema_check.check_files(files))
    sources_file = next((f.path for f in files if f.kind == "sources"),
                        str(folders[0] / "sources.yaml"))
    problems += checks.check_sources(bank, placed, folders, sources_file)
    problems += checks.check_schema_lines(files)
    if fits:  # the parts' reports merged in the order one process would check them
        mine = text_fits.check(bank, placed, share=(split, 1.0), parts=rest)
        report = text_fits.FitReport()
        if early and early.parts:
            report.merge(_finish(early.helper, lambda: text_fits.check(bank, placed,
                                                                       parts=early.parts)))
        if split:
            report.merge(_finish(fitter, lambda: text_fits.check(bank, placed,
                                                                 share=(0.0, split), parts=moving)))
        problems += report.merge(mine).problems()
        from game.ui.screen_rules import missing_glyphs
        problems += missing_glyphs(placed)
    translated = _translations(bank, files, placed, folders, fits)  # while the grader works
    problems += translated.problems
    grades, pairs = _finish(grader, lambda: (checks.reading_grades([w for _, w in jobs]),
                                             checks.duplicate_pairs(compared)))
    problems += checks.check_duplicates(placed, pairs)
    problems += checks.check_reading_level(jobs, grades)
    counts = {"messages": len(bank.messages), "questions": len(bank.questions),
              "topics": len(bank.topics), "ranks": len(bank.ranks), "help": len(bank.help_links),
              "sources": len(bank.sources), "lessons": len(bank.lessons)}
    return Report(_sorted(problems), len(files) + translated.files, counts, translated.languages)


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


class _EarlyFits:
    """The text-fit check of the kinds of item read in full before the bank's biggest file, in
    a helper started while that file is read (a message needs its topic, help link and source
    read too; a question needs nothing else)."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.helper: Forked[FitReport] | None = None

    def start(self, read: list[ParsedFile], pending: Path) -> None:
        from game.content.items import KINDS
        from game.ui.fits import NEEDS
        if pending.stem not in KINDS:  # a file of any kind: wait for it
            return
        self.parts = [part for part, needs in NEEDS.items() if pending.stem not in needs]
        if self.parts:
            self.helper = _start(lambda _: _fits_of(read, self.parts))


def _fits_of(read: list[ParsedFile], parts: list[str]) -> FitReport:
    """The text-fit check of `parts` in the files `read` (the bank's other files not needed)."""
    from game.content import checks
    from game.content.model import Bank
    from game.content.references import assemble_bank
    from game.ui import fits as text_fits
    bank = assemble_bank(read, []) if "messages" in parts else Bank()  # questions need none
    return text_fits.check(bank, checks.placed_items(read), parts=parts)


def _start(work: Callable[[Connection], T]) -> Forked[T] | None:
    """`work` begun in a helper process, or None if one cannot be started."""
    from game.content.helper import Forked
    try:
        return Forked(work)
    except OSError:
        return None


def _finish(started: Forked[T] | None, work: Callable[[], T]) -> T:
    """What the helper process found, or if there is none or it failed, `work()` done here."""
    if started is not None:
        try:
            return started.result()
        except RuntimeError:
            pass
    return work()


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
    if directory is None:
        directory = editing_folder()
    report = check_bank(directory, pack)
    if fmt == "json":
        print(json.dumps({"problems": [
            {"path": p.path, "line": p.line, "col": p.col, "severity": p.severity,
             "code": p.code, "message": p.message, "hint": p.hint} for p in report.problems],
            "summary": {"checked": checked_folder(directory), **report.summary()}},
            indent=2, ensure_ascii=False))
    else:
        out = sys.stdout
        out.write(f"Checking {checked_folder(directory)}"
                  f"{f', with the pack in {pack}' if pack else ''}\n")
        for p in report.problems:
            out.write(f"{p}\n")
            if p.hint:
                out.write(f"    hint: {p.hint}\n")
        c = report.counts
        what = (f"{c['messages']} messages, {c['questions']} questions, {c['topics']} topics, "
                f"{c['ranks']} ranks, {c['help']} help links, {c['sources']} sources, "
                f"{_count(c['lessons'], 'lesson')}"
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
