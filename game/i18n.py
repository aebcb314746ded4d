"""The game's own words (buttons, headings, hints) in the player's language.

Every string the game draws or says that is not from the bank goes through `t()`, written in
English in the code: `t("Question {n} of {total}", n=2, total=4)`. A language's catalogue,
`content/<lang>/ui.yaml`, maps each English string to its translation; a string it lacks stays in
English (the validator warns about it). The English strings are read from the code itself
(`ui_strings()`: every literal passed to `t()`), so there is no list to keep up to date.

The same English words with two meanings ("Right": the arrow, or a right answer) need two
translations: the code tells them apart with a note for translators in square brackets at the
end, `t("Right [correct]")`, which English never shows.

No pygame here.
"""
from __future__ import annotations

import ast
import re
import string
from functools import cache
from pathlib import Path

ENGLISH = "en"
CATALOGUE = "ui.yaml"  # in a language folder of the bank: content/cy/ui.yaml

_active: dict[str, str] = {}  # English -> the active language's words
_language = ENGLISH
_NOTE = re.compile(r" \[[a-z][a-z -]*\]$")  # " [correct]": which meaning, for translators


def t(english: str, /, **fields: object) -> str:
    """`english` in the active language, with `{name}` fields filled in from `fields`."""
    words = _active.get(english)
    if words is None:
        words = english = shown(english)
    if not fields:
        return words
    try:
        return words.format(**fields)
    except (KeyError, IndexError, ValueError):  # a translation with a broken field: English
        return shown(english).format(**fields)


def shown(english: str) -> str:
    """The English words as shown: without a note for translators ("Right [correct]")."""
    return _NOTE.sub("", english) if english.endswith("]") else english


def language() -> str:
    """The language of the game's words now: "en", or a code such as "cy"."""
    return _language


def language_name(code: str) -> str:
    """A language's name, in the words of the active language (a code without a known name
    stays a code)."""
    names = {ENGLISH: t("English"), "cy": t("Welsh")}
    return names.get(code, code)


def use(lang: str, catalogue: dict[str, str]) -> None:
    """Draw the game's words in `lang` from now on, from `catalogue` (English -> words)."""
    global _language
    _language = lang
    _active.clear()
    if lang != ENGLISH:
        _active.update(catalogue)


def fields_of(words: str) -> set[str]:
    """The `{name}` fields in a string (a translation must keep the English string's)."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(words) if name is not None}
    except ValueError:
        return {"{"}  # an unpaired brace: never equal to a real string's fields


_CALLS_T = re.compile(r"(?<![\w.])t\s*\(")  # a file without one has no strings to read


@cache
def ui_strings() -> tuple[str, ...]:
    """Every English string the game passes to t(), in the order the code has them."""
    found: dict[str, None] = {}
    root = Path(__file__).parent
    for path in sorted(root.rglob("*.py")):
        source = path.read_text(encoding="utf-8")
        if not _CALLS_T.search(source):
            continue
        tree = ast.parse(source, str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id == "t" and node.args \
                    and isinstance(node.args[0], ast.Constant) \
                    and isinstance(node.args[0].value, str):
                found[node.args[0].value] = None
    return tuple(found)
