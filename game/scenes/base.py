"""What every screen can do; the app calls these hooks."""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING

import pygame

from game.actions import Act, Action
from game.rules.scanning import Beat
from game.ui.widgets import ButtonRow

if TYPE_CHECKING:
    from game.app import App


class Scene(ABC):
    keys_hint = "Use the arrow keys and Enter, or click. H for help, Esc to go back."
    chrome = True  # draw the Help and Sound buttons in the bottom-right corner
    classroom = False  # a classroom screen: the teacher's keys apply (P, S, N, E, D, F1)
    typing = False  # a text field is being typed into: letters type instead of acting
    listening = False  # waiting for a key to remap: any key but Esc, F1, F5, F11 is Act.KEY
    music = "on"  # the background music here: "on", "quiet" (to read or listen) or "off"
    is_help = False  # the help screen: H over it opens no second one

    def __init__(self, app: App) -> None:
        self.app = app
        self._beat = Beat()  # one-switch play: when the highlight moves on

    def on_enter(self) -> None:
        """Called when the screen becomes the top one (again)."""

    def on_cover(self) -> None:
        """Called when another screen is pushed on top of this one."""

    def on_exit(self) -> None:
        """Called when the screen is removed."""

    def spoken(self) -> str:
        """What read aloud says when the screen appears ("": nothing)."""
        return ""

    def handle(self, action: Action) -> None:
        if action.kind is Act.BACK:
            self.app.pop()

    def update(self, dt: float) -> None:
        """Advance by one fixed step of `dt` seconds."""

    def content_changed(self) -> None:
        """The bank was read again (F5): rebuild anything drawn from it."""

    def scan(self, dt: float, period: float) -> None:
        """One-switch play (the App calls this every step while it is on): the highlight moves
        to the next choice every `period` seconds."""
        for _ in range(self._beat.tick(dt, period)):
            self.scan_step()

    def restart_scan(self) -> None:
        """The highlight rests a whole beat where it is (after a press, on coming back)."""
        self._beat.restart()

    def scan_step(self) -> None:
        """Move the one-switch highlight to the next choice. By default nothing: a screen with
        one thing to do needs no highlight, the switch does it."""

    def settings_changed(self) -> None:
        """The player changed a setting (text size, theme, language...): rebuild anything drawn
        with the old one. By default, what content_changed rebuilds."""
        self.content_changed()

    def keep_clear(self) -> list[pygame.Rect]:
        """What a toast must not cover here (by default nothing: it sits above the corner)."""
        return []

    @abstractmethod
    def draw(self, surface: pygame.Surface) -> None:
        """Draw the whole screen onto the 1280×720 `surface`."""


class MenuScene(Scene):
    """A screen whose input is a row of buttons: arrows, Tab, a d-pad or a stick move, Enter,
    Space, A or Start press, clicks and taps press; in one-switch play the focus steps on by
    itself and the switch presses."""

    buttons: ButtonRow

    def handle(self, action: Action) -> None:
        kind = action.kind
        if kind in (Act.UP, Act.LEFT, Act.FOCUS_PREV):
            self.buttons.move(-1)
        elif kind in (Act.DOWN, Act.RIGHT, Act.FOCUS_NEXT):
            self.buttons.move(1)
        elif kind in (Act.CONFIRM, Act.HOP, Act.PAUSE):
            self.app.play("click")
            self.buttons.press_focused()
        elif kind is Act.POINT:
            if self.buttons.point(action.pos):
                self.app.play("click")
        elif kind is Act.HOVER:
            self.buttons.hover(action.pos)
        else:
            super().handle(action)

    def scan_step(self) -> None:
        self.buttons.scan_step()

    def keep_clear(self) -> list[pygame.Rect]:
        return [button.rect for button in self.buttons.buttons]
