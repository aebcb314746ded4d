"""The game's font (Andika, made for young readers), with a plain fallback if it is missing."""
from __future__ import annotations

from functools import cache

import pygame

from game.paths import assets_dir

_FILES = {False: "Andika-Regular.ttf", True: "Andika-Bold.ttf"}
missing_notice: str = ""


@cache
def font(size: int, bold: bool = False) -> pygame.font.Font:
    global missing_notice
    path = assets_dir() / "fonts" / _FILES[bold]
    try:
        return pygame.font.Font(str(path), size)
    except (OSError, FileNotFoundError, pygame.error):
        missing_notice = "The game's font could not be found, so a plain font is used instead."
        fallback = pygame.font.Font(None, round(size * 1.3))
        fallback.set_bold(bold)
        return fallback
