"""Where to get help: reachable from every screen with H. The list is content (help.yaml)."""
from __future__ import annotations

import pygame

from game.actions import Act
from game.scenes import spoken
from game.scenes.base import MenuScene
from game.scenes.common import backdrop, centred_x, heading
from game.ui import layout, theme
from game.ui.widgets import Button, ButtonRow, panel

REASSURE = "You will not be in trouble for telling. It is never your fault."
MAX_LINKS = layout.MAX_LINKS  # three rows of three cards; the validator warns about any more


class HelpScene(MenuScene):
    keys_hint = "Press Esc or Enter to go back."

    def __init__(self, app) -> None:
        super().__init__(app)
        self.buttons = ButtonRow([
            Button("Back", pygame.Rect(centred_x(300), 628, 300, 70), app.pop, "Esc"),
        ])
        self.static = self._compose()

    def _compose(self) -> pygame.Surface:
        surf = backdrop(120).copy()
        title = heading("Where to get help", theme.TEXT_HUGE - 8)
        surf.blit(title, (centred_x(title), 22))
        line = heading(REASSURE, theme.TEXT_BODY, theme.ACCENT)
        surf.blit(line, (centred_x(line), 108))
        for fitted in layout.help_cards(self.app.session.bank.help_links):
            surf.blit(self._card(fitted), (fitted.x, fitted.y))
        return surf

    def _card(self, fitted: layout.HelpCard) -> pygame.Surface:
        card = panel((fitted.w, fitted.h), border=3)
        card.blit(fitted.title.surface(theme.INK), (20, 8))
        card.blit(fitted.body.surface(theme.INK), (20, 48))
        if fitted.contact:
            card.blit(fitted.contact.surface(theme.LINK), (20, fitted.h - 36))
        return card

    def spoken(self) -> str:
        return spoken.help_screen(self.app.session.bank.help_links, REASSURE)

    def content_changed(self) -> None:
        self.static = self._compose()
        self.buttons.buttons[0].forget_faces()

    def handle(self, action) -> None:
        if action.kind is Act.HELP:
            return
        super().handle(action)

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.static, (0, 0))
        self.buttons.draw(surface)

