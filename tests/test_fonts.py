"""The game's font: shared safely with forked helpers, and a plain fallback when it is missing."""
from __future__ import annotations

import os

import pygame

from game.ui import fonts
from game.ui.fonts import font

SIZES = range(12, 60, 2)
CHARS = [chr(c) for c in range(0x21, 0x17F) if chr(c).isprintable()]


def _widths() -> list[tuple[int, ...]]:
    return [tuple(font(s).size(c)[0] for c in CHARS) for s in SIZES]


def test_a_forked_copy_and_its_parent_measure_glyphs_at_the_same_time():
    """The validator's text-fit helper is a forked copy measuring words while its parent does
    too. Fonts opened before the fork must not share a file's read position: if they did, the
    two would load glyphs from the wrong place ("Couldn't find glyph", or wrong widths)."""
    pygame.font.init()
    for s in SIZES:  # open every font before the fork, as the validator does
        font(s).size("a")
    pid = os.fork()
    if pid == 0:  # the child: measure every glyph, and report by exit status alone
        try:
            _widths()
            os._exit(0)
        except BaseException:
            os._exit(1)
    try:
        got = _widths()
    finally:
        _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "the forked copy could not measure glyphs"
    font.cache_clear()
    expected = _widths()  # fonts opened afresh, with no other process about
    assert got == expected


def test_a_missing_font_falls_back_and_says_so(monkeypatch, tmp_path):
    fonts.font.cache_clear()
    monkeypatch.setattr(fonts, "assets_dir", lambda: tmp_path)
    monkeypatch.setattr(fonts, "missing_notice", "")
    try:
        f = fonts.font(30)
        assert f.size("Hello")[0] > 0
        assert "font could not be found" in fonts.missing_notice
    finally:
        fonts.font.cache_clear()
