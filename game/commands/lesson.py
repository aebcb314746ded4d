"""`safety-dash lesson [-o FILE] [--age BAND]`: write the teacher's print-ready HTML lesson pack."""
from __future__ import annotations

import sys
from pathlib import Path

from game.content.model import AGE_BANDS, Bank


def default_name(age: str | None) -> str:
    """The file name used when no -o is given: safety-dash-lesson-<band or all-ages>.html."""
    return f"safety-dash-lesson-{age or 'all-ages'}.html"


def lesson(bank: Bank, output: str | None, age: str | None) -> int:
    """Write the pack to `output` ('-' for standard output, a folder, or None for the current
    folder); print the path written. Exit 1 with one plain sentence if it cannot be written."""
    if age is not None and age not in AGE_BANDS:
        print(f"There is no age band '{age}'; choose one of {', '.join(AGE_BANDS)}.",
              file=sys.stderr)
        return 1
    from game.reports.lesson import lesson_html
    html = lesson_html(bank, age, title=bank.branding.title)
    if output == "-":
        _write_stdout(html)
        return 0
    path = Path(output) if output else Path(default_name(age))
    if path.is_dir():
        path = path / default_name(age)
    try:
        path.write_text(html, encoding="utf-8", newline="\n")
    except OSError as exc:
        print(f"Could not write the lesson pack to {path}: {_reason(exc)}.", file=sys.stderr)
        return 1
    print(path)
    return 0


def _write_stdout(html: str) -> None:
    """UTF-8 bytes whatever the console's encoding, as the page's <meta charset> promises."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(html)
        return
    sys.stdout.flush()
    buffer.write(html.encode("utf-8"))
    buffer.flush()


def _reason(exc: OSError) -> str:
    if isinstance(exc, FileNotFoundError):
        return "that folder does not exist"
    if isinstance(exc, PermissionError):
        return "you do not have permission to write there"
    if isinstance(exc, NotADirectoryError):
        return "part of that path is a file, not a folder"
    return (exc.strerror or str(exc)).rstrip(".").lower()
