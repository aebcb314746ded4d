"""Text layout: wrapping and fitting into boxes, and a cache so no text is rendered twice."""
from __future__ import annotations

from collections import OrderedDict

import pygame

from game.ui.fonts import font
from game.ui.theme import Colour

_CACHE: OrderedDict[tuple, pygame.Surface] = OrderedDict()
_CACHE_LIMIT = 600
truncated: set[str] = set()  # texts that did not fit their box even at the smallest size


def render(text: str, size: int, colour: Colour, bold: bool = False) -> pygame.Surface:
    """One line of text, antialiased, cached by content, size and colour."""
    key = (text, size, colour, bold)
    surf = _CACHE.get(key)
    if surf is None:
        surf = font(size, bold).render(text, True, colour).convert_alpha()
        _CACHE[key] = surf
        if len(_CACHE) > _CACHE_LIMIT:
            _CACHE.popitem(last=False)
    else:
        _CACHE.move_to_end(key)
    return surf


def wrap(text: str, size: int, width: int, bold: bool = False) -> list[str]:
    """Break text into lines no wider than `width`; a word too long for a line is split."""
    f = font(size, bold)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}" if line else word
            if f.size(trial)[0] <= width:
                line = trial
                continue
            if line:
                lines.append(line)
            while f.size(word)[0] > width and len(word) > 1:
                cut = len(word) - 1
                while cut > 1 and f.size(word[:cut] + "-")[0] > width:
                    cut -= 1
                lines.append(word[:cut] + "-")
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


def line_height(size: int, bold: bool = False) -> int:
    return font(size, bold).get_linesize()


def fit(text: str, width: int, height: int, sizes: tuple[int, ...],
        bold: bool = False) -> tuple[int, list[str]]:
    """The largest size in `sizes` (largest first) at which `text` wraps into the box."""
    for size in sizes:
        lines = wrap(text, size, width, bold)
        if len(lines) * line_height(size, bold) <= height:
            return size, lines
    size = sizes[-1]
    lines = wrap(text, size, width, bold)
    keep = max(1, height // line_height(size, bold))
    if len(lines) > keep:
        truncated.add(text)
        lines = lines[:keep]
        lines[-1] = lines[-1].rstrip(".,;: ") + "…"
    return size, lines


def block(text: str, width: int, height: int, colour: Colour, sizes: tuple[int, ...],
          bold: bool = False, align: str = "left") -> pygame.Surface:
    """Render wrapped, fitted text into a transparent surface of at most width×height."""
    size, lines = fit(text, width, height, sizes, bold)
    step = line_height(size, bold)
    surfaces = [render(line, size, colour, bold) for line in lines]
    out = pygame.Surface((width, max(1, step * len(lines))), pygame.SRCALPHA)
    for i, surf in enumerate(surfaces):
        x = {"left": 0, "center": (width - surf.get_width()) // 2,
             "right": width - surf.get_width()}[align]
        out.blit(surf, (x, i * step))
    return out
