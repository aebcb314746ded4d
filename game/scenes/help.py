"""Where to get help: reachable from every screen with H. The list is content (help.yaml)."""
from __future__ import annotations

import pygame

from game.actions import Act
from game.scenes.base import MenuScene
from game.scenes.common import backdrop, centred_x, heading
from game.ui import text, theme
from game.ui.widgets import Button, ButtonRow, panel

REASSURE = "You will not be in trouble for telling. It is never your fault."
MAX_LINKS = 9  # three rows of three cards; the validator warns about any more


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
        links = self.app.session.bank.help_links[:MAX_LINKS]
        cols = 1 if len(links) <= 3 else 2 if len(links) <= 6 else 3
        rows = max(1, -(-len(links) // cols))
        gap = 16
        card_w = (1180 - gap * (cols - 1)) // cols
        card_h = min(150, (460 - gap * (rows - 1)) // rows)
        for i, link in enumerate(links):
            x = 50 + (i % cols) * (card_w + gap)
            y = 158 + (i // cols) * (card_h + gap)
            surf.blit(self._card(link, card_w, card_h), (x, y))
        return surf

    def _card(self, link, w: int, h: int) -> pygame.Surface:
        card = panel((w, h), border=3)
        title = text.block(link.title, w - 40, 40, theme.INK, (28, 24), bold=True)
        card.blit(title, (20, 8))
        contact = "   ".join(v for v in (link.phone and f"Phone {link.phone}",
                                         link.url.removeprefix("https://")) if v)
        body_h = h - 50 - (34 if contact else 6)
        body = text.block(link.text, w - 40, body_h, theme.INK, (24, 21, 18))
        card.blit(body, (20, 48))
        if contact:
            c = text.block(contact, w - 40, 30, theme.BUTTON_HOVER, (22, 18), bold=True)
            card.blit(c, (20, h - 36))
        return card

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

