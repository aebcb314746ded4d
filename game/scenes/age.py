"""Choose an age band, so questions and messages are worded for the player."""
from __future__ import annotations

import pygame

from game.actions import Act
from game.content.model import AGE_BANDS
from game.i18n import t
from game.rules.tuning import WIDTH
from game.scenes.base import MenuScene
from game.scenes.common import backdrop, centred_x, corner_of, heading_block
from game.ui.layout.age import age_layout
from game.ui.layout.base import EDGE
from game.ui.widgets import Button, ButtonRow


def band_words(band: str) -> tuple[str, str]:
    """An age band's button label and the note under it."""
    return {"7-9": (t("7 to 9"), t("Short and simple")),
            "10-12": (t("10 to 12"), t("A bit more to read")),
            "13-15": (t("13 to 15"), t("The full facts"))}[band]


class AgeScene(MenuScene):
    def __init__(self, app) -> None:
        super().__init__(app)
        current = app.session.profile.age_band
        self.buttons = ButtonRow([], focus=AGE_BANDS.index(current) if current in AGE_BANDS
                                 else 0)
        self.static = pygame.Surface((1, 1))
        self._build()

    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("Press 1, 2 or 3, or click. Esc goes back.")

    def content_changed(self) -> None:
        self._build()

    def _build(self) -> None:
        """Lay the screen out for the player's text size and language."""
        scale = self.app.session.settings.text_scale
        words = tuple(band_words(band) for band in AGE_BANDS)
        placed = age_layout(t("How old are you?"), words, self.keys_hint, scale,
                                   corner_of(scale))
        self.buttons = ButtonRow([
            Button(label, pygame.Rect(rect), lambda b=band: self.choose(b), str(i + 1),
                   size=placed.label.label, hint_size=placed.label.hint)
            for i, (band, (label, _), rect) in enumerate(zip(AGE_BANDS, words, placed.buttons))
        ], focus=self.buttons.focus)
        self.static = backdrop(90)
        title = heading_block(placed.heading)
        self.static.blit(title, (centred_x(title), placed.heading_y))
        for note, x, y in placed.notes:
            shown = heading_block(note, align=placed.note_align)  # outlined: over the park
            self.static.blit(shown, (x - shown.get_width() // 2, y))
        if placed.tip:
            tip = heading_block(placed.tip)
            self.static.blit(tip, (centred_x(tip) if placed.tip.width == WIDTH - 2 *
                                   EDGE - 6 else EDGE, placed.tip_y))

    def handle(self, action) -> None:
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
