"""Choose an age band, so questions and messages are worded for the player."""
from __future__ import annotations

import pygame

from game.content.model import AGE_BANDS
from game.scenes.base import MenuScene
from game.scenes.common import backdrop, centred_x, heading
from game.ui import text, theme
from game.ui.widgets import Button, ButtonRow

LABELS = {"7-9": ("7 to 9", "Short and simple"),
          "10-12": ("10 to 12", "A bit more to read"),
          "13-15": ("13 to 15", "The full facts")}


class AgeScene(MenuScene):
    def __init__(self, app) -> None:
        super().__init__(app)
        current = app.session.profile.age_band
        self.buttons = ButtonRow([
            Button(LABELS[band][0], pygame.Rect(110 + i * 370, 260, 320, 190),
                   lambda b=band: self.choose(b), str(i + 1), size=theme.TEXT_HUGE - 12)
            for i, band in enumerate(AGE_BANDS)
        ], focus=AGE_BANDS.index(current) if current in AGE_BANDS else 0)
        self.static = backdrop(90).copy()
        title = heading("How old are you?", theme.TEXT_HUGE)
        self.static.blit(title, (centred_x(title), 90))
        for i, band in enumerate(AGE_BANDS):
            note = text.render(LABELS[band][1], theme.TEXT_BODY, theme.WHITE, True)
            self.static.blit(note, note.get_rect(midtop=(270 + i * 370, 470)))
        tip = heading("Press 1, 2 or 3, or click. Esc goes back.", theme.TEXT_BODY)
        self.static.blit(tip, (centred_x(tip), 548))

    def handle(self, action) -> None:
        from game.actions import Act
        if action.kind is Act.CHOOSE and action.index < len(AGE_BANDS):
            self.choose(AGE_BANDS[action.index])
        else:
            super().handle(action)

    def choose(self, band: str) -> None:
        from game.scenes.round import RoundScene
        session = self.app.session
        session.profile.age_band = band
        session.save()
        self.app.replace(RoundScene(self.app))

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.static, (0, 0))
        self.buttons.draw(surface)
