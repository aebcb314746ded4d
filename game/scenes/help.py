"""Where to get help: reachable from every screen with H. The list is content (help.yaml)."""
from __future__ import annotations

import pygame

from game.actions import Act
from game.i18n import t
from game.scenes import spoken
from game.scenes.base import MenuScene
from game.scenes.common import (
    backdrop, centred_x, corner_of, draw_frame, foot_buttons, heading_block, page_counter_words,
    page_focus,
)
from game.ui import theme
from game.ui.layout.help import HelpCard, help_layout, most_important_first
from game.ui.widgets import Button, ButtonRow, panel



def reassurance() -> str:
    return t("You will not be in trouble for telling. It is never your fault.")


class HelpScene(MenuScene):
    is_help = True

    def __init__(self, app) -> None:
        super().__init__(app)
        self.page = 0
        self.buttons = ButtonRow([])
        self.static = pygame.Surface((1, 1))
        self._build()

    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("Press Esc or Enter to go back.")

    def _build(self) -> None:
        """Lay the screen out for the player's text size and language, on the current page."""
        scale = self.app.session.settings.text_scale
        placed = help_layout(self.app.session.bank.help_links,
                                    (t("Where to get help"), reassurance(), t("Back")), scale,
                                    corner_of(scale), page_counter_words())
        self.pages = placed.pages
        self.page = min(self.page, len(self.pages) - 1)
        frame = placed.frame
        back = Button(t("Back"), pygame.Rect(0, 0, 1, 1), self.app.pop, "Esc")
        buttons = foot_buttons(frame, self.page, len(self.pages), self.turn, [back])
        self.buttons = ButtonRow(buttons, focus=page_focus(self.buttons, buttons, frame.paged))
        surf = backdrop(120)
        draw_frame(surf, frame, self.page, len(self.pages), scale)
        if self.page == 0:
            line = heading_block(placed.reassure, theme.ACCENT)
            surf.blit(line, (centred_x(line), placed.reassure_y))
        for card in self.pages[self.page]:
            surf.blit(self._card(card), (card.x, card.y))
        self.static = surf

    def _card(self, fitted: HelpCard) -> pygame.Surface:
        card = panel((fitted.w, fitted.h), border=3)
        card.blit(fitted.title.surface(theme.INK), (20, 8))
        card.blit(fitted.body.surface(theme.INK), (20, fitted.body_y))
        if fitted.contact:
            card.blit(fitted.contact.surface(theme.LINK), (20, fitted.contact_y))
        return card

    def turn(self, step: int) -> None:
        self.page = max(0, min(len(self.pages) - 1, self.page + step))
        self._build()

    def spoken(self) -> str:
        """Read in the order the cards are shown: 999 first."""
        return spoken.help_screen(most_important_first(self.app.session.bank.help_links),
                                  reassurance())

    def content_changed(self) -> None:
        self._build()

    def handle(self, action) -> None:
        if action.kind is Act.HELP:
            return
        super().handle(action)

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.static, (0, 0))
        self.buttons.draw(surface)
