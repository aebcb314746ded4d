"""`safety-dash lesson [-o FILE] [--age BAND] [--lang LANG]`: write the teacher's print-ready HTML
lesson pack, in English or in Welsh (the game's words and the bank's)."""
from __future__ import annotations

import sys
from pathlib import Path

from game.content.model import AGE_BANDS, ENGLISH, Bank
from game.i18n import t


def lesson_command(output: str | None, age: str | None, content: str | None = None,
                   lang: str = ENGLISH) -> int:
    """The command: the bank (with `content` laid on it) and the game's words in `lang`, then
    the pack; a bank that cannot be read is one plain sentence and exit 1."""
    bank = words_and_bank(lang, content)
    return 1 if bank is None else lesson(bank, output, age)


def words_and_bank(lang: str, content: str | None) -> Bank | None:
    """The game's words in `lang` from now on, and the bank (with `content` laid on it) in
    `lang`; None, with why in one plain sentence on standard error, if it cannot be read."""
    from game.content import ContentError, load_bank
    from game.session import use_words
    use_words(lang, content)
    try:
        return load_bank(pack=content, lang=lang)
    except ContentError as exc:
        print(exc, file=sys.stderr)
        return None


def output_path(output: str | None, name: str) -> Path:
    """Where a command writes its page: `output`, or `name` inside it when it is a folder, or
    `name` in the current folder when none was given."""
    path = Path(output) if output else Path(name)
    return path / name if path.is_dir() else path


def default_name(age: str | None) -> str:
    """The file name used when no -o is given: safety-dash-lesson-<band or all-ages>.html."""
    return f"safety-dash-lesson-{age or 'all-ages'}.html"


def lesson(bank: Bank, output: str | None, age: str | None) -> int:
    """Write the pack to `output` ('-' for standard output, a folder, or None for the current
    folder); print the path written. Exit 1 with one plain sentence if it cannot be written."""
    if age is not None and age not in AGE_BANDS:
        print(t("There is no age band '{age}'; choose one of {bands}.", age=age,
                bands=", ".join(AGE_BANDS)), file=sys.stderr)
        return 1
    from game.reports.lesson import lesson_html
    html = lesson_html(bank, age, title=bank.branding.title)
    if output == "-":
        _write_stdout(html)
        return 0
    path = output_path(output, default_name(age))
    try:
        path.write_text(html, encoding="utf-8", newline="\n")
    except OSError as exc:
        print(t("Could not write the lesson pack to {path}: {reason}.", path=path,
                reason=_reason(exc)), file=sys.stderr)
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
        return t("that folder does not exist")
    if isinstance(exc, PermissionError):
        return t("you do not have permission to write there")
    if isinstance(exc, NotADirectoryError):
        return t("part of that path is a file, not a folder")
    return (exc.strerror or str(exc)).rstrip(".").lower()  # the computer's own words
