"""Which game Play plays, chosen from the age screen: the dash (the default), Chat Check, or
both taking turns. Laid out as the age screen is: three big buttons, each with a note."""
from __future__ import annotations

import pygame

from game.actions import Act
from game.i18n import t
from game.scenes.base import MenuScene
from game.scenes.common import choice_pictures, corner_of
from game.ui.layout.age import age_layout
from game.ui.widgets import Button, ButtonRow


KINDS = ("dash", "chat", "mixed")  # what Play plays: the child's choice, the dash by default
KIND_SETTING = "play"  # where the choice is kept in the profile's settings


def kind_words(kind: str, mascot: str = "Scout") -> tuple[str, str]:
    """A game's button label and the note under it (`mascot`: the dog's name)."""
    return {"dash": (t("Dash"), t("Fly with {name}", name=mascot)),
            "chat": (t("Chat Check"), t("Spot the signs in a chat")),
            "mixed": (t("Both"), t("Take turns"))}[kind]


def kind_label(kind: str) -> str:
    """The age screen's button that opens this screen, naming the game chosen."""
    return t("Game: {game}", game=kind_words(kind)[0])


def chosen_kind(app) -> str:
    kind = app.session.profile.settings.get(KIND_SETTING, "dash")
    return kind if kind in KINDS else "dash"


class GameKindScene(MenuScene):
    kinds = KINDS

    def __init__(self, app) -> None:
        super().__init__(app)
        self.buttons = ButtonRow([], focus=KINDS.index(chosen_kind(app)))
        self.static = pygame.Surface((1, 1))
        self._build()

    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("Press 1, 2 or 3, or click. Esc goes back.")

    def spoken(self) -> str:
        from game.scenes.spoken import sentences
        return sentences(t("What do you want to play?"), *(
            f"{i}: {label}. {note}" for i, (label, note) in
            enumerate((kind_words(k, self.mascot) for k in KINDS), 1)))

    @property
    def mascot(self) -> str:
        return self.app.session.bank.branding.mascot

    def content_changed(self) -> None:
        self._build()

    def _build(self) -> None:
        scale = self.app.session.settings.text_scale
        words = tuple(kind_words(kind, self.mascot) for kind in KINDS)
        placed = age_layout(t("What do you want to play?"), words, self.keys_hint, scale,
                            corner_of(scale))
        self.buttons = ButtonRow([
            Button(label, pygame.Rect(rect), lambda k=kind: self.choose(k), str(i + 1),
                   size=placed.label.label, hint_size=placed.label.hint)
            for i, (kind, (label, _), rect) in enumerate(zip(KINDS, words, placed.buttons))
        ], focus=self.buttons.focus)
        self.static = choice_pictures(placed)

    def handle(self, action) -> None:
        if action.kind is Act.CHOOSE and action.index < len(KINDS):
            self.choose(KINDS[action.index])
        else:
            super().handle(action)

    def choose(self, kind: str) -> None:
        session = self.app.session
        session.profile.settings[KIND_SETTING] = kind
        session.save()
        self.app.pop()

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.static, (0, 0))
        self.buttons.draw(surface)
