"""One set of rules for the game and the validator: an item with an error is left out of what
the game plays, whichever check found the error.

The checks that need no pygame (markup, exact duplicates) run here, on the parsed files, before
the bank is put together; the game's screen checks (characters the font cannot draw, text that
does not fit) come from game.ui.screen_rules and are applied with `leave_out` the same way.
Both the game's loader and `safety-dash validate` call `content_rules`, so neither can play or
pass an item the other refuses.

A pack's core file that cannot be read at all (or keeps no item) does not empty the game: the
shipped file of the same name stands in for it (`stand_ins`). No pygame here.
"""
from __future__ import annotations

from bisect import bisect_right
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.content.model import AGE_BANDS, Bank, Problem

if TYPE_CHECKING:
    from game.content.bank_files import ParsedFile

# the kinds of file the game cannot be played without
REQUIRED_KINDS = ("sources", "topics", "help", "ranks", "messages", "questions")


def content_rules(files: list[ParsedFile], folders: list[Path]) -> list[Problem]:
    """Markup, exact duplicate texts and sources whose article is missing (where the articles
    are at hand: an editor's checkout) in the files' items; each item with an error in it left
    out, whichever check found it (a field written twice is found while the file is read,
    before its item is); the problems found (added to their files' problems)."""
    from game.content import checks
    leave_out(files, [p for f in files for p in f.problems if p.severity == "error"],
              add=False)
    placed = checks.placed_items(files)
    problems = checks.check_source_files(placed, folders)
    problems += checks.check_markup(placed)
    problems += checks.check_duplicates(placed, checks.duplicate_pairs(
        checks.duplicate_texts(placed), near=False))
    leave_out(files, problems)
    return problems


def leave_out(files: list[ParsedFile], problems: list[Problem], add: bool = True) -> int:
    """Add each problem to the file it is in (with `add`: they are new), and take out of that
    file's items every item an error is written in; how many items were taken out. A problem
    in no file's item (a whole file's) is only added."""
    by_path = {f.path: f for f in files}
    broken: dict[str, set[int]] = {}
    for p in problems:
        f = by_path.get(p.path)
        if f is None:
            continue
        if add:
            f.problems.append(p)
        if p.severity == "error":
            start = _item_start(f, p.line)
            if start is not None:
                broken.setdefault(f.path, set()).add(start)
    dropped = 0
    for path, starts in broken.items():
        f = by_path[path]
        kept = [(item, at) for item, at in f.items if at.line not in starts]
        dropped += len(f.items) - len(kept)
        f.items = kept
    return dropped


def _item_start(f: ParsedFile, line: int) -> int | None:
    """The line the item holding `line` starts on, among every item written in the file (kept
    or not); None if the line is in none."""
    if f.doc is None or f.kind is None or not isinstance(f.doc.value, dict):
        return None
    entries = f.doc.value.get(f.kind)
    if entries is None:
        return None
    if not isinstance(entries.value, list):  # one item: the branding
        return entries.line if f.items and line >= f.doc.line else None
    starts = [e.line for e in entries.value]
    i = bisect_right(starts, line) - 1
    return starts[i] if i >= 0 else None


def refused(placed: dict[str, list[Any]], problems: list[Problem]) -> frozenset[tuple[str, str]]:
    """(kind, id) of each placed item an error is written in (the branding: ("branding", ""))."""
    starts: dict[str, list[tuple[int, tuple[str, str]]]] = {}
    for kind, items in placed.items():
        for p in items:
            key = (kind, "" if kind == "branding" else p.item.id)
            starts.setdefault(p.path, []).append((p.at.line, key))
    for found in starts.values():
        found.sort()
    out = set()
    for p in problems:
        found = starts.get(p.path)
        if p.severity == "error" and found:
            i = bisect_right(found, (p.line, ("\uffff", ""))) - 1
            if i >= 0:
                out.add(found[i][1])
    return frozenset(out)


def unusable(f: ParsedFile) -> bool:
    """Whether a file gives the game nothing: it could not be read, every item in it has an
    error, or it is a core file with no items."""
    return not f.items and (f.kind in REQUIRED_KINDS or Path(f.path).stem in REQUIRED_KINDS or
                            any(p.severity == "error" for p in f.problems))


StandIn = tuple[Path, tuple[str, ...]]  # a shipped file, and the age bands it stands in for


def stand_ins(files: list[ParsedFile], folders: list[Path]) -> list[StandIn]:
    """The shipped (base) files to read again for each pack file that gives the game nothing
    (for every age band), or leaves an age band with no message or no question (for those
    bands), so the shipped items stand in (a warning on the pack's file says so when it is not
    broken already)."""
    if len(folders) < 2:
        return []
    out = []
    for f in files:
        shipped = folders[0] / Path(f.path).name
        if f.layer == 0 or not shipped.is_file():
            continue
        if unusable(f):
            out.append((shipped, AGE_BANDS))
            continue
        missing = _bands_without(files, f.kind)
        if missing:
            out.append((shipped, tuple(missing)))
            at = f.doc.line if f.doc is not None else 1
            f.problems.append(Problem(
                f.path, at, 1, f"no {f.kind} in the bank are for ages {' or '.join(missing)}, "
                               f"so the shipped {shipped.name} is used with this file",
                "warning", "shipped-stand-in", f"add {f.kind} for ages {', '.join(missing)} "
                                               "to this file"))
    return out


def for_bands(f: ParsedFile, bands: tuple[str, ...]) -> None:
    """Keep only the file's items (messages or questions) for `bands`, each for those alone."""
    if f.kind not in ("messages", "questions") or bands == AGE_BANDS:
        return
    kept = []
    for item, at in f.items:
        ages = tuple(band for band in item.ages if band in bands)
        if ages:
            kept.append((replace(item, ages=ages), at))
    f.items = kept


def _bands_without(files: list[ParsedFile], kind: str | None) -> list[str]:
    """The age bands no item of `kind` (messages or questions) is for, among the files."""
    if kind not in ("messages", "questions"):
        return []
    covered = {band for f in files if f.kind == kind for item, _ in f.items for band in item.ages}
    return [band for band in AGE_BANDS if band not in covered]


def broken_core(files: list[ParsedFile], bank: Bank) -> tuple[str, ...]:
    """The kinds of core file (like "messages") that give the game nothing (broken, empty or
    missing, or every item left out) and have no stand-in: the game cannot be played until
    they are fixed."""
    usable = {f.kind for f in files if f.kind and not unusable(f)}
    return tuple(kind for kind in REQUIRED_KINDS
                 if kind not in usable or not getattr(bank, kind))
