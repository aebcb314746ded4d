"""Text layout: wrapping and fitting into boxes, and a cache so no text is rendered twice."""
from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import accumulate, repeat
from operator import add
from typing import Any, TypeVar

import pygame

from game.lru import MB, ByteLRU
from game.ui.fonts import font
from game.ui.theme import Colour

# Lines of text drawn, by words, size, colour and boldness. Most screens draw their words once
# into a picture of their own, so this only spares re-drawing the words many screens share.
_CACHE: ByteLRU[pygame.Surface] = ByteLRU("text", 8 * MB)
truncated: set[str] = set()  # texts that did not fit their box even at the smallest size


def render(text: str, size: int, colour: Colour, bold: bool = False) -> pygame.Surface:
    """One line of text, antialiased, cached by content, size and colour."""
    key = (text, size, colour, bold)
    surf = _CACHE.get(key)
    if surf is None:
        surf = _CACHE.put(key, font(size, bold).render(text, True, colour).convert_alpha())
    return surf


class _Widths(dict):
    """One font's word widths in pixels, each word measured the first time it is asked for."""

    def __init__(self, f: pygame.font.Font) -> None:
        super().__init__()
        self.measure = f.size

    def __missing__(self, word: str) -> int:
        width = self[word] = self.measure(word)[0]
        return width


# (size, bold) -> the font, its words' widths in pixels, and a space's width
_MEASURES: dict[tuple[int, bool], tuple[pygame.font.Font, _Widths, int]] = {}
_LINE_HEIGHTS: dict[tuple[int, bool], int] = {}
_FITS: dict[tuple, tuple[int, tuple[str, ...], bool]] = {}  # fit_lines' answers, by question
_SOMEWHERE: dict[tuple, bool] = {}  # fits_somewhere's answers (a wrong answer's banner is asked
# once for each wrong answer)


def forget_measurements() -> None:
    """Measure every text afresh (the benchmark does this between runs)."""
    _MEASURES.clear()
    _FITS.clear()
    _SOMEWHERE.clear()


def _measures(size: int, bold: bool) -> tuple[pygame.font.Font, _Widths, int]:
    found = _MEASURES.get((size, bold))
    if found is None or len(found[1]) > 50_000:
        f = font(size, bold)
        found = _MEASURES[(size, bold)] = (f, _Widths(f), f.size(" ")[0])
    return found


def wrap(text: str, size: int, width: int, bold: bool = False) -> list[str]:
    """Break text into lines no wider than `width`; a word too long for a line is split.

    A line's width is taken as the sum of its words' widths and spaces (each word measured once
    and remembered), which is never less than the width the font draws it at."""
    f, widths, space = _measures(size, bold)
    lines: list[str] = []
    for paragraph in text.split("\n") if "\n" in text else (text,):
        words = paragraph.split()
        sizes = list(map(widths.__getitem__, words))
        if not sizes:
            lines.append("")
            continue
        if sum(sizes) + space * (len(sizes) - 1) <= width:
            lines.append(" ".join(words))
            continue
        if max(sizes) > width:
            lines += _wrap_long_words(f, words, sizes, space, width)
            continue
        # ends[k]: the width of words[:k] on one line, plus a space; a line from word a to word
        # b (exclusive) is ends[b] - ends[a] - space wide
        ends = list(accumulate(map(add, sizes, repeat(space)), initial=0))
        start, count = 0, len(words)
        while start < count:
            stop = bisect_right(ends, ends[start] + width + space) - 1
            lines.append(" ".join(words[start:stop]))
            start = stop
    return lines


def _wrap_long_words(f: pygame.font.Font, words: list[str], sizes: list[int], space: int,
                     width: int) -> list[str]:
    """Wrap one paragraph holding a word wider than the line: that word is split with '-'."""
    measure = _width_of(f)
    lines: list[str] = []
    line: list[str] = []
    used = 0
    for word, w in zip(words, sizes):
        if line:
            if used + space + w <= width:
                line.append(word)
                used += space + w
                continue
            lines.append(" ".join(line))
        if w > width and len(word) > 1:
            *pieces, word = split_word(measure, word, width)
            lines += pieces
            w = measure(word)
        line, used = [word], w
    lines.append(" ".join(line))
    return lines


def _width_of(f: pygame.font.Font) -> Callable[[str], int]:
    return lambda words: f.size(words)[0]


def split_word(measure: Callable[[str], int], word: str, width: int) -> list[str]:
    """`word` cut into pieces no wider than `width` (measured by `measure`), each but the last
    ending in '-'; a piece is one character where even one with its '-' is too wide.

    Each piece is found by doubling its length until it is too wide, then halving the gap:
    about 2·log2(piece) measures of at most twice the piece's length, so the work grows with
    the word's length, not with its square (a pasted link of thousands of characters)."""
    pieces: list[str] = []
    start, end = 0, len(word)
    while end - start > 1:
        over = 1  # doubled until this many characters are too wide bare
        while True:
            if start + over >= end:  # the rest of the word
                if measure(word[start:]) <= width:
                    pieces.append(word[start:])
                    return pieces
                over = end - start
                break
            if measure(word[start:start + over]) > width:
                break
            over *= 2
        # the longest cut that fits with its '-' (shorter than `over`, which is too wide bare)
        lo, hi = 0, over
        while hi - lo > 1:
            mid = (lo + hi) // 2
            if measure(word[start:start + mid] + "-") <= width:
                lo = mid
            else:
                hi = mid
        cut = max(1, lo)
        pieces.append(word[start:start + cut] + "-")
        start += cut
    pieces.append(word[start:])
    return pieces


def line_height(size: int, bold: bool = False) -> int:
    found = _LINE_HEIGHTS.get((size, bold))
    if found is None:
        found = _LINE_HEIGHTS[(size, bold)] = font(size, bold).get_linesize()
    return found


def fit_lines(text: str, width: int, height: int, sizes: tuple[int, ...],
              bold: bool = False) -> tuple[int, tuple[str, ...], bool]:
    """The largest size in `sizes` (largest first) at which `text` wraps into the box, its lines,
    and whether it fits; if it does not fit even at the smallest size, the lines that do fit,
    the last one ending in "…". Remembers its answers."""
    return _remembered(_FITS, _fit, text, width, height, sizes, bold)


T = TypeVar("T")


def _remembered(answers: dict[tuple, T], work: Callable[..., T], *question: Any) -> T:
    """The answer in `answers` to `question`, or `work(*question)`, kept (at most 20,000)."""
    found = answers.get(question)
    if found is None:
        if len(answers) > 20_000:
            answers.clear()
        found = answers[question] = work(*question)
    return found


def _fit(text: str, width: int, height: int, sizes: tuple[int, ...],
         bold: bool) -> tuple[int, tuple[str, ...], bool]:
    for size in sizes:
        step = line_height(size, bold)
        if step > height:  # not even one line of this size fits the box
            continue
        lines = wrap(text, size, width, bold)
        if len(lines) * step <= height:
            return size, tuple(lines), True
    size = sizes[-1]
    lines = wrap(text, size, width, bold)
    keep = max(1, height // line_height(size, bold))
    lines = lines[:keep]
    lines[-1] = _ellipsised(_width_of(font(size, bold)), lines[-1], width)
    return size, tuple(lines), False


def _ellipsised(measure: Callable[[str], int], line: str, width: int) -> str:
    """The line ending in '…', cut shorter where the '…' would make it wider than `width`
    (the longest start that fits, found by halving: a few measures, however long the line)."""
    line = line.rstrip(".,;: ")
    if measure(line + "…") <= width:
        return line + "…"
    lo, hi = 0, len(line)  # line[:lo] + "…" fits (or lo is 0), line[:hi] + "…" does not
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if measure(line[:mid] + "…") <= width:
            lo = mid
        else:
            hi = mid
    return line[:lo].rstrip(".,;: ") + "…"


def fits_somewhere(text: str, width: int, height: int, sizes: tuple[int, ...],
                   bold: bool = False) -> bool:
    """Whether fit_lines() would find a size at which `text` fits: the same answer, found
    quicker for the validator by trying the smallest size first (a text that fits at some size
    nearly always fits at the smallest, so one wrap usually decides it)."""
    key = (text, width, height, sizes, bold)
    known = _FITS.get(key)
    if known is not None:
        return known[2]
    return _remembered(_SOMEWHERE, _fits_at_some_size, *key)


def _fits_at_some_size(text: str, width: int, height: int, sizes: tuple[int, ...],
                       bold: bool) -> bool:
    for size in sorted(sizes):
        step = line_height(size, bold)
        if step <= height and len(wrap(text, size, width, bold)) * step <= height:
            return True
    return False


def fit(text: str, width: int, height: int, sizes: tuple[int, ...],
        bold: bool = False) -> tuple[int, list[str]]:
    """The largest size in `sizes` (largest first) at which `text` wraps into the box; a text
    that does not fit even at the smallest size is cut short and noted in `truncated`."""
    size, lines, fits = fit_lines(text, width, height, sizes, bold)
    if not fits:
        truncated.add(text)
    return size, list(lines)


def draw_lines(lines: list[str] | tuple[str, ...], size: int, width: int, colour: Colour,
               bold: bool = False, align: str = "left") -> pygame.Surface:
    """Render lines of text (already wrapped) into a transparent surface `width` wide."""
    step = line_height(size, bold)
    surfaces = [render(line, size, colour, bold) for line in lines]
    out = pygame.Surface((width, max(1, step * len(lines))), pygame.SRCALPHA)
    for i, surf in enumerate(surfaces):
        x = {"left": 0, "center": (width - surf.get_width()) // 2,
             "right": width - surf.get_width()}[align]
        out.blit(surf, (x, i * step))
    return out


def block(text: str, width: int, height: int, colour: Colour, sizes: tuple[int, ...],
          bold: bool = False, align: str = "left") -> pygame.Surface:
    """Render wrapped, fitted text into a transparent surface of at most width×height."""
    size, lines = fit(text, width, height, sizes, bold)
    return draw_lines(lines, size, width, colour, bold, align)
