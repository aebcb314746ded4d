"""The game's font (Andika, made for young readers), with a plain fallback if it is missing.

Each font is opened from the file's bytes in memory, not from the file. A font opened from a
file reads its glyphs through one open file, and a forked copy of the process (the validator's
helpers) shares that file's read position: two processes loading glyphs at once would move it
under each other and fail with "Couldn't find glyph", or measure the wrong shape.
"""
from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pygame

from game.i18n import t
from game.paths import assets_dir

_FILES = {False: "Andika-Regular.ttf", True: "Andika-Bold.ttf"}
missing_notice: str = ""


@cache
def _file_bytes(path: Path) -> bytes:
    return path.read_bytes()


@cache
def font(size: int, bold: bool = False) -> pygame.font.Font:
    global missing_notice
    try:
        return pygame.font.Font(io.BytesIO(_file_bytes(assets_dir() / "fonts" / _FILES[bold])),
                                size)
    except (OSError, pygame.error):
        missing_notice = t("The game's font could not be found, so a plain font is used "
                           "instead.")
        default = Path(pygame.__file__).parent / pygame.font.get_default_font()
        fallback = pygame.font.Font(io.BytesIO(_file_bytes(default)), round(size * 1.3))
        fallback.set_bold(bold)
        return fallback
