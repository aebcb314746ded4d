"""Which characters the game's font can draw is asked of FreeType, which says "none" for a
character the font lacks, under pygame and pygame-ce alike (pygame.font's metrics() gives the
empty box's size instead: pygame-ce's for every missing character, pygame's for all but emoji)."""
from __future__ import annotations

import pytest

from game.ui.fonts import glyph_faces


@pytest.mark.parametrize("ch, drawn", [
    ("a", True), ("é", True), ("ŵ", True), ("’", True), ("…", True), ("£", True),
    ("😀", False), ("中", False), ("\u2603", False),  # an emoji, a Chinese character, a snowman
])
def test_the_fonts_say_which_characters_they_can_draw(ch, drawn):
    for face in glyph_faces(24):  # regular and bold
        assert (face.get_metrics(ch)[0] is not None) is drawn, (ch, face.name)
