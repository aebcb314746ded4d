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
def glyph_faces(size: int) -> tuple:
    """The game's fonts, regular and bold, as FreeType faces: to ask which characters they can
    draw. pygame.font cannot say: for a character the font lacks, pygame-ce's metrics() gives
    the size of the empty box drawn instead (pygame's did so for all but emoji and the like),
    where pygame.freetype's get_metrics() gives None."""
    import pygame.freetype
    if not pygame.freetype.get_init():
        pygame.freetype.init()
    faces = []
    for bold in (False, True):
        path = assets_dir() / "fonts" / _FILES[bold]
        if not path.is_file():  # the plain font font() falls back to
            path = Path(pygame.__file__).parent / pygame.font.get_default_font()
        faces.append(pygame.freetype.Font(io.BytesIO(_file_bytes(path)), size))
    return tuple(faces)


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
