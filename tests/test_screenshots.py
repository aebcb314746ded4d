"""Every screen renders to a real PNG that is not blank."""
from __future__ import annotations

import pygame

from game.commands.screenshots import render_all

SCREENS = {"title", "age", "round", "round-feedback", "message", "results", "promotion",
           "notebook", "notebook-topic", "help"}


def test_screenshots_render_every_screen(tmp_path):
    names = render_all(str(tmp_path / "data"), tmp_path)
    assert SCREENS <= set(names)
    for name in SCREENS:
        image = pygame.image.load(str(tmp_path / f"{name}.png"))
        assert image.get_size() == (1280, 720)
        colours = {image.get_at((x, y))[:3] for x in range(0, 1280, 40) for y in range(0, 720, 40)}
        assert len(colours) > 20, f"{name} looks blank"
