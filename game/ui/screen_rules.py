"""The rules an item must pass on screen, measured with the game's own font: every character has
a glyph in it (else the child sees an empty box), and every text fits its box (game.ui.fits).
The validator reports these; the game's loader leaves out each item that breaks one
(game.content.loader.load_bank's `screen`), so the game never shows what the validator refuses.
"""
from __future__ import annotations

import os
import string

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # before pygame: validate's output

from typing import Any  # noqa: E402

from game.content.checks import column_of, texts_of  # noqa: E402
from game.content.model import Bank, Problem  # noqa: E402

_SIZE = 24  # any size: a font has the same glyphs at every size


def check(bank: Bank, placed: dict[str, list[Any]]) -> list[Problem]:
    """Every screen problem of the bank's items: characters the font cannot draw, and texts
    that do not fit."""
    from game.ui import fits, text
    shown = set(text.truncated)  # texts drawn cut short so far; measuring here draws nothing
    try:
        return missing_glyphs(placed) + fits.check(bank, placed).problems()
    finally:
        text.truncated.intersection_update(shown)


def missing_glyphs(placed: dict[str, list[Any]], by_file: bool = False) -> list[Problem]:
    """An error at each text holding a character the game's font (regular or bold) has no
    glyph for, naming the character and its code point. With `by_file` (each item's texts read
    from the file it is placed in, as checks.placed_items places them, not a translation's)
    a file whose every character is drawable is passed whole."""
    drawable = _Glyphs()
    clean: dict[int, bool] = {}  # id of a file's text -> whether every text in it is drawable
    out = []
    for items in placed.values():
        for p in items:
            if by_file:
                whole = clean.get(id(p.text))
                if whole is None:
                    whole = clean[id(p.text)] = _drawable_file(drawable, p.text)
                if whole:
                    continue
            for name, value, loc in texts_of(p):
                if drawable.all(value):
                    continue
                bad = [i for i, ch in enumerate(value) if not drawable(ch)]
                named = list(dict.fromkeys(_named(value[i]) for i in bad))
                line, col = column_of(p, loc, value, bad[0])
                out.append(Problem(
                    p.path, line, col,
                    f"the {name} has {'a character' if len(named) == 1 else 'characters'} the "
                    f"game's font cannot draw: {', '.join(named)}; a child would see an empty "
                    "box",
                    "error", "missing-glyph",
                    "delete it, or write it in words (the font has letters, digits and "
                    "punctuation, not emoji or symbols like this)"))
    return out


def _drawable_file(drawable: _Glyphs, text: str) -> bool:
    """Whether every text read from a file of `text` is drawable, seen from the file alone (one
    look per file rather than per item): each character in it is, and no escape ('\\') can
    make one that is not in it. The characters a value read as a number, yes/no or date is
    written with as text are printable ASCII, checked too."""
    return "\\" not in text and drawable.all(text + string.printable)


def _named(ch: str) -> str:
    return f"{ch} (U+{ord(ch):04X})"


class _Glyphs:
    """Whether the game's fonts can draw a character, each character looked up once."""

    def __init__(self) -> None:
        from game.ui.fonts import glyph_faces
        self.fonts = glyph_faces(_SIZE)
        self.drawn: set[str] = set()  # the characters found drawable so far
        self.known: dict[str, bool] = {}

    def all(self, text: str) -> bool:
        """Whether every character of `text` can be drawn (most texts: one set comparison)."""
        chars = set(text)
        return chars <= self.drawn or all(self(ch) for ch in chars - self.drawn)

    def __call__(self, ch: str) -> bool:
        found = self.known.get(ch)
        if found is None:
            found = self.known[ch] = ch.isspace() or all(
                f.get_metrics(ch)[0] is not None for f in self.fonts)
            if found:
                self.drawn.add(ch)
        return found
