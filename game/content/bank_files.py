"""A bank's folders and files: which folders a bank is read from (a pack laid on the shipped
bank), which YAML files in them, each file's text read safely (size, UTF-8, no link leading out
of its folder) and parsed into a located document, and ParsedFile, what one file gives.

The loader (items and the Bank) and the translations (a language's folder) both read files
this way.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from game.content.located import Located, YamlProblem, parse
from game.content.model import Problem
from game.content.reader import Reader

MAX_FILE_BYTES = 48 * 1024 * 1024  # a bank of 50,000 items in two files needs about 12 MB each


class ContentError(Exception):
    """The bank cannot be loaded at all (for example, its folder does not exist)."""


@dataclass
class ParsedFile:
    """One bank file: its kind, its located document, the items it holds, and its problems."""

    path: str
    kind: str | None
    doc: Located | None = None
    items: list[tuple[Any, Located]] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    layer: int = 0  # 0 for the base bank, 1 for a pack laid on top of it
    text: str = ""  # the file's text as read (without a byte-order mark)


def read_document(r: Reader, text: str) -> tuple[str, Any, bool]:
    """A file's text (less any byte-order mark some Windows editors add), its YAML document,
    and whether it parsed; each problem is reported through `r`."""
    text = text.removeprefix("\ufeff")
    try:
        doc, soft = parse(text)
    except YamlProblem as exc:
        r.error((exc.line, exc.col), exc.code, exc.message, exc.hint)
        return text, None, False
    for problem in soft:
        r.error((problem.line, problem.col), problem.code, problem.message, problem.hint)
    return text, doc, True


def bank_folders(directory: str | Path | None = None, pack: str | Path | None = None) -> list[Path]:
    """The folders a bank is read from, base first; raises ContentError if one is missing."""
    if directory is None:
        from game.paths import content_dir
        directory = content_dir()
    folders = [Path(directory)] + ([Path(pack)] if pack is not None else [])
    for folder in folders:
        if not folder.is_dir():
            raise ContentError(f"{folder}: there is no content folder here")
    return folders


def bank_paths(folders: list[Path]) -> list[tuple[Path, int]]:
    """Every YAML file to read, with its layer; a later layer's file replaces one of the same name."""
    chosen: dict[str, tuple[Path, int]] = {}
    for layer, folder in enumerate(folders):
        for path in sorted(folder.glob("*.y*ml")):
            if path.suffix in (".yaml", ".yml") and not path.name.startswith("."):
                chosen[path.stem] = (path, layer)
    return sorted(chosen.values(), key=lambda pl: (pl[1], pl[0].name))


def outside(path: Path, folder: Path) -> Problem | None:
    """The problem, if `path` (a file in `folder`, or a link) leads outside `folder`: a bank or
    pack reads only its own files."""
    try:
        inside = path.resolve().is_relative_to(folder.resolve())
    except (OSError, RuntimeError):  # a loop of links
        inside = False
    if inside:
        return None
    return Problem(str(path), 1, 1, "this file is a link to a file outside the content folder, "
                                    "so it is not read", "error", "outside-folder",
                   "copy the file itself into the content folder instead of linking to it")


def read_text(path: Path, display: str) -> tuple[str | None, Problem | None]:
    """The file's text, or the problem (shown at `display`) that stops it being read."""
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return None, Problem(display, 1, 1, f"the file is too big ({size / 2**20:.0f} MB); "
                                                f"the game reads files up to "
                                                f"{MAX_FILE_BYTES // 2**20} MB", "error",
                                 "file-too-big", "split the items into smaller files, or check "
                                                 "this is the file you meant")
        data = path.read_bytes()
    except OSError as exc:
        return None, Problem(display, 1, 1, f"the file could not be read ({exc.strerror or exc})",
                             "error", "unreadable-file", "check the file exists and may be read")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, Problem(display, line, col, "the file is not saved as UTF-8 text", "error",
                             "not-utf8", "save it again choosing the UTF-8 encoding")
