"""Choose an age band, so questions and messages are worded for the player."""
from __future__ import annotations

import pygame

from game.actions import Act
from game.content.model import AGE_BANDS
from game.i18n import t
from game.scenes.base import MenuScene
from game.scenes.common import choice_pictures, corner_of
from game.ui.layout.age import age_layout
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

    def on_enter(self) -> None:
        from game.scenes.game_kind import chosen_kind, kind_label
        if self.kind_button.label != kind_label(chosen_kind(self.app)):
            self._build()  # back from the choice of game: its button names the one chosen

    def _build(self) -> None:
        """Lay the screen out for the player's text size and language, with the button that
        chooses the game (the dash, Chat Check or both) at its foot."""
        from game.scenes.game_kind import chosen_kind, kind_label
        from game.ui.layout.chat import game_button
        scale = self.app.session.settings.text_scale
        nook = corner_of(scale)
        words = tuple(band_words(band) for band in AGE_BANDS)
        placed = age_layout(t("How old are you?"), words, self.keys_hint, scale, nook)
        if placed.tip and placed.tip_y + placed.tip.height > nook.top:  # the game's button's
            placed = age_layout(t("How old are you?"), words, "", scale, nook)  # place
        rect, sizes = game_button(kind_label(chosen_kind(self.app)), scale, nook)
        self.kind_button = Button(kind_label(chosen_kind(self.app)), pygame.Rect(rect),
                                  self.choose_game, size=sizes.label, hint_size=sizes.hint)
        self.buttons = ButtonRow([
            Button(label, pygame.Rect(rect), lambda b=band: self.choose(b), str(i + 1),
                   size=placed.label.label, hint_size=placed.label.hint)
            for i, (band, (label, _), rect) in enumerate(zip(AGE_BANDS, words, placed.buttons))
        ] + [self.kind_button], focus=self.buttons.focus)
        self.static = choice_pictures(placed)

    def handle(self, action) -> None:
        if action.kind is Act.CHOOSE and action.index < len(AGE_BANDS):
            self.choose(AGE_BANDS[action.index])
        else:
            super().handle(action)

    def choose_game(self) -> None:
        from game.scenes.game_kind import GameKindScene
        self.app.push(GameKindScene(self.app))

    def choose(self, band: str) -> None:
        from game.scenes.next_round import play_next
        session = self.app.session
        session.profile.age_band = band
        session.save()
        play_next(self.app)

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.static, (0, 0))
        self.buttons.draw(surface)
