"""Notices for the player that the title screen has no room for, at large text sizes: a card
of their own with one button to go on, so a reset save or content left out is never hidden."""
from __future__ import annotations

import pygame

from game.i18n import t
from game.scenes.base import MenuScene
from game.scenes.common import backdrop, corner_of, notice_card
from game.ui import theme
from game.ui.layout.notice import notice_layout
from game.ui.widgets import Button, ButtonRow


class NoticeScene(MenuScene):
    chrome = True

    def __init__(self, app, notices: str) -> None:
        super().__init__(app)
        self.notices = notices
        self._build()

    def settings_changed(self) -> None:
        self._build()

    def spoken(self) -> str:
        return self.notices

    def _build(self) -> None:
        scale = self.app.session.settings.text_scale
        placed = notice_layout(self.notices, t("OK"), scale, corner_of(scale))
        self.static = backdrop(dim=90)
        x, y, _, _ = placed.card
        self.static.blit(notice_card(placed.words), (x, y))
        self.buttons = ButtonRow([Button(t("OK"), pygame.Rect(placed.button), self.app.pop,
                                         "Enter" if placed.hint else "", theme.RIGHT,
                                         size=placed.button_sizes.label,
                                         hint_size=placed.button_sizes.hint)])

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.static, (0, 0))
        self.buttons.draw(surface)
