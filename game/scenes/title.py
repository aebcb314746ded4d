"""The first screen: play, the Safety Notebook, where to get help, quit."""
from __future__ import annotations

import math

import pygame

from game.actions import Act, Action
from game.art.dog import dog_portrait
from game.rules.scoring import rank_for
from game.scenes.base import MenuScene
from game.scenes.common import (
    backdrop, centred_x, fitted_heading, heading, notice_card, speech_bubble,
)
from game.ui import text, theme
from game.ui.widgets import Button, ButtonRow, panel


TITLE_WIDTH, TITLE_HEIGHT = 1180, 112  # the branding's title shrinks to fit this box
BUBBLE_X, BUBBLE_WIDTH = 14, 214  # the mascot says hello, up and to the left of its ears


class TitleScene(MenuScene):
    chrome = True

    def __init__(self, app) -> None:
        super().__init__(app)
        x, w, h, gap = 760, 420, 60, 70  # six buttons above the corner buttons
        self.buttons = ButtonRow([
            Button("Play", pygame.Rect(x, 222, w, h), self.play, "Enter", theme.RIGHT,
                   size=theme.TEXT_TITLE - 4),
            Button("Safety Notebook", pygame.Rect(x, 222 + gap, w, h), self.notebook),
            Button("Where to get help", pygame.Rect(x, 222 + 2 * gap, w, h), app.show_help, "H"),
            Button("Classroom", pygame.Rect(x, 222 + 3 * gap, w, h), self.classroom_setup),
            Button("Settings", pygame.Rect(x, 222 + 4 * gap, w, h), self.settings),
            Button("Quit", pygame.Rect(x, 222 + 5 * gap, w, h), app.quit, "Esc",
                   theme.BUTTON_QUIET),
        ])
        self.dog = dog_portrait(300)
        self.static: pygame.Surface | None = None

    def content_changed(self) -> None:
        self.static = None  # the branding may have changed
        for button in self.buttons.buttons:
            button.forget_faces()

    def on_enter(self) -> None:
        self.static = None  # the rank line or notices may have changed

    def play(self) -> None:
        from game.scenes.age import AgeScene
        self.app.push(AgeScene(self.app))

    def classroom_setup(self) -> None:
        from game.scenes.classroom.run import open_setup
        open_setup(self.app)

    def settings(self) -> None:
        from game.scenes.settings import SettingsScene
        self.app.push(SettingsScene(self.app))

    def notebook(self) -> None:
        from game.scenes.notebook import NotebookScene
        self.app.push(NotebookScene(self.app))

    def handle(self, action: Action) -> None:
        if action.kind is Act.BACK:
            self.app.quit()
        elif action.kind is Act.UNKNOWN:
            pass
        else:
            super().handle(action)

    def _compose(self) -> pygame.Surface:
        surf = backdrop().copy()  # in the theme in use
        brand = self.app.session.bank.branding
        title = fitted_heading(brand.title, TITLE_WIDTH, theme.TEXT_HUGE + 16, theme.ACCENT)
        surf.blit(title, (centred_x(title), 40 + (TITLE_HEIGHT - title.get_height()) // 2))
        tagline = fitted_heading(brand.tagline, TITLE_WIDTH, theme.TEXT_BODY)
        surf.blit(tagline, (centred_x(tagline), 150))
        bubble = speech_bubble(f"Hi, I'm {brand.mascot}!", BUBBLE_WIDTH)
        surf.blit(bubble, (BUBBLE_X, 190))
        if brand.organisation:
            made = heading(f"Brought to you by {brand.organisation}", theme.TEXT_SMALL - 4)
            surf.blit(made, (24, 10))
        profile = self.app.session.profile
        rank = rank_for(profile.total_points, self.app.session.bank.ranks)
        if profile.rounds_played and rank:
            card = panel((460, 92), border=3)
            line1 = text.render(f"Your rank: {rank.title}", theme.TEXT_BODY, theme.INK, True)
            line2 = text.render(f"Best round: {profile.best_score} points", theme.TEXT_SMALL,
                                theme.MUTED_INK)
            card.blit(line1, (20, 12))
            card.blit(line2, (20, 52))
            surf.blit(card, (130, 560))
        notes = notice_card(self.app.session.notices)
        if notes:
            surf.blit(notes, (centred_x(notes), 200))
        return surf

    def update(self, dt: float) -> None:
        pass

    def draw(self, surface: pygame.Surface) -> None:
        if self.static is None:
            self.static = self._compose()
        surface.blit(self.static, (0, 0))
        still = self.app.session.settings.reduced_motion
        bob = 0 if still else math.sin(self.app.now * 2.4) * 8
        surface.blit(self.dog, (190, 235 + bob))
        self.buttons.draw(surface)
