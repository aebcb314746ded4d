"""Find the bank's files, parse each into items, and assemble a Bank; never raises for content.

A bank is one folder of YAML files, or the shipped folder with a pack laid on top of it: a pack
file with the same name as a shipped file replaces that file, other pack files add to the bank,
and a pack item with the same id as a shipped item replaces that item. Anything wrong in a file
becomes a Problem with its place, and the rest of the bank still loads.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from game.content.bank_files import (
    ParsedFile, bank_folders, bank_paths, outside, read_document, read_text,
)
from game.content.items import KINDS
from game.content.located import gc_paused
from game.content.model import ENGLISH, Bank, Problem
from game.content.reader import Reader
from game.content.references import assemble_bank
from game.content.rules import (
    REQUIRED_KINDS, broken_core, content_rules, for_bands, leave_out, stand_ins,
)

# the checks the game makes with its fonts: (the bank, its placed items) -> their problems
ScreenCheck = Callable[[Bank, dict[str, list[Any]]], list[Problem]]


def parse_file(text: str, filename: str, display_path: str | None = None) -> ParsedFile:
    """Parse one bank file's text into items of its kind; never raises for bad text.

    The kind comes from the file name (messages.yaml) or else from its top-level key."""
    path = display_path or filename
    r = Reader(path)
    named = Path(filename).stem if Path(filename).stem in KINDS else None
    out = ParsedFile(path, named, problems=r.problems)
    out.text, doc, parsed = read_document(r, text)
    if not parsed:
        return out
    out.doc = doc
    expected = f"'{named}:'" if named else "one of " + ", ".join(f"'{k}:'" for k in KINDS)
    if doc is None:
        r.error((1, 1), "empty-file", f"the file is empty; it should start with {expected}",
                "copy the first lines of a file of the same kind from the shipped bank")
        return out
    keys = [k for k in doc.value if k in KINDS] if isinstance(doc.value, dict) else []
    kind = named if named in keys else (keys[0] if len(keys) == 1 and not named else None)
    if kind is None:
        r.error(doc, "wrong-top-level", f"the file should start with {expected} followed by "
                                        "its items", "the first line that is not a comment "
                                                     "names what the file holds")
        return out
    out.kind = kind
    parser, is_list = KINDS[kind]
    entries = doc.value[kind]
    if not is_list:
        built = parser(r, entries)
        if built is not None:
            out.items.append((built, entries))
        return out
    if not isinstance(entries.value, list):
        r.error(entries, "not-a-list", f"'{kind}' must be a list, each item starting with '- '",
                f"indent the items under '{kind}:' and start each one with '- '")
        return out
    for entry in entries.value:
        before = len(r.problems)
        built = parser(r, entry)
        if built is not None and not any(p.severity == "error" for p in r.problems[before:]):
            out.items.append((built, entry))
    return out


def read_bank_files(folders: list[Path]) -> list[ParsedFile]:
    """Read and parse every file of the bank (see the module docstring for how packs layer), in
    bank_paths' order."""
    return [_read_file(path, layer, folders[layer]) for path, layer in bank_paths(folders)]


def _read_file(path: Path, layer: int, folder: Path | None = None) -> ParsedFile:
    problem = outside(path, folder) if folder is not None else None
    text, problem = (None, problem) if problem else read_text(path, str(path))
    if problem:
        parsed = ParsedFile(str(path), path.stem if path.stem in KINDS else None,
                            problems=[problem])
    else:
        from game.content import validation_cache  # the validator keeps unchanged files' parse
        parsed = validation_cache.parsed(path, text or "",
                                         lambda: parse_file(text or "", path.name, str(path)))
    parsed.layer = layer
    return parsed


def load_bank(directory: str | Path | None = None, pack: str | Path | None = None,
              lang: str = ENGLISH, screen: ScreenCheck | None = None) -> Bank:
    """Load the bank in `directory` (the shipped bank by default), with `pack` laid on top, in
    the language `lang`: English as written, or a language code such as "cy" whose folder
    holds translations (game.content.translation; raises ContentError for a code that is not
    one). Bank.language says which items stayed in English.

    Every item with an error is left out, by the same rules the validator applies
    (game.content.rules); `screen`, the game's checks with its fonts, adds its own."""
    folders = bank_folders(directory, pack)
    with gc_paused():
        files = checked_files(folders)
        bank = assemble_bank(files, missing_files(folders, files))
        if screen is not None and leave_out(files, screen(bank, placed_items(files))):
            bank = assemble_bank(files, missing_files(folders, files))
        bank = replace(bank, broken=broken_core(files, bank))
        if lang == ENGLISH:
            return bank
        return _translated(bank, files, folders, lang, screen)


def _translated(bank: Bank, files: list[ParsedFile], folders: list[Path], lang: str,
                screen: ScreenCheck | None) -> Bank:
    """`bank` in `lang`, each translated item with an error (markup; with `screen`, what the
    font cannot draw or fit) left in English, as the validator would have it."""
    from game.content.checks import check_markup
    from game.content.rules import refused
    from game.content.translation import translate, translated_items
    translation = translate(bank, files, folders, lang)
    used = translated_items(translation)
    problems = check_markup(used) + (screen(translation.bank, used) if screen else [])
    english = refused(used, problems)
    if not english:
        return translation.bank
    again = translate(bank, files, folders, lang, english).bank
    return replace(again, problems=again.problems + tuple(problems))


def checked_files(folders: list[Path]) -> list[ParsedFile]:
    """Every file of the bank read (read_bank_files), the shipped file standing in for a pack's
    that gives the game nothing, and the content rules applied (each item with an error left
    out)."""
    files = read_bank_files(folders)
    content_rules(files, folders)
    extra = []
    for path, bands in stand_ins(files, folders):
        shipped = _read_file(path, 0, folders[0])
        content_rules([shipped], folders)
        for_bands(shipped, bands)
        extra.append(shipped)
    return files + extra


def placed_items(files: list[ParsedFile]) -> dict[str, list[Any]]:
    from game.content.checks import placed_items as placed
    return placed(files)


def missing_files(folders: list[Path], files: list[ParsedFile]) -> list[Problem]:
    """A problem for each kind of file the bank must have but does not."""
    return [Problem(str(folders[0] / f"{kind}.yaml"), 1, 1,
                    f"the bank has no {kind} file ({kind}.yaml is missing)", "error",
                    "missing-file", f"add {kind}.yaml; copy it from the shipped bank")
            for kind in REQUIRED_KINDS if not any(f.kind == kind for f in files)]
