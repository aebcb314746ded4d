"""What every classroom screen shares: the teacher's keys (F1 shows them), pause, ending the
lesson, a toolbar so each key can be clicked or tapped, and projector-sized, high-contrast text.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from functools import cache

import pygame

from game.actions import Act, Action
from game.rules.tuning import HEIGHT, WIDTH
from game.scenes.base import Scene
from game.ui import text, theme
from game.ui.widgets import Button, panel

# the teacher's keys, as the legend (F1) lists them
LEGEND = (("P", "Pause, and P again to carry on"),
          ("S", "Skip this question"),
          ("N", "Next screen"),
          ("D", "Show the next thing to talk about"),
          ("E", "End the lesson"),
          ("Esc", "Back"),
          ("H", "Where to get help"),
          ("F11", "Full screen on or off"),
          ("F1", "Show or hide these keys"))
TOOLBAR_Y, TOOLBAR_H = HEIGHT - 66, 60  # a label at 32 px needs 52 px of height


def words(line: str, size: int = theme.CLASS_BODY, colour=theme.CLASS_TEXT,
          bold: bool = False) -> pygame.Surface:
    """One line of projector text (never smaller than theme.CLASS_MIN_TEXT)."""
    return text.render(line, max(size, theme.CLASS_MIN_TEXT), colour, bold)


def paragraph(line: str, width: int, height: int, colour=theme.CLASS_TEXT,
              sizes: tuple[int, ...] = (theme.CLASS_BODY, 30), bold: bool = False,
              align: str = "left") -> pygame.Surface:
    """Wrapped projector text in a box, at the largest of `sizes` that fits."""
    return text.block(line, width, height, colour, sizes, bold, align)


def class_button(label: str, rect: pygame.Rect, on_press: Callable[[], None],
                 colour=None) -> Button:
    return Button(label, rect, on_press, "", colour, size=theme.CLASS_BODY)


class ClassroomScene(Scene):
    """A screen of the lesson. Subclasses draw with `draw_screen` and may offer `skip` and
    `next`; the base handles F1, P, E and the toolbar."""

    classroom = True
    chrome = False  # the toolbar holds Help instead, at projector size
    keys_hint = "Teacher: press F1 to see the keys."

    def __init__(self, app, run=None) -> None:
        super().__init__(app)
        self.run = run  # the lesson being played (None on the setup screen)
        self.legend = False
        self.paused = False
        self.confirm_end = False
        self.toolbar = self._toolbar()
        self.hover = (-1, -1)
        self._composed: tuple[Hashable, pygame.Surface] | None = None

    # --- what a screen may offer -----------------------------------------------------------
    def next(self) -> None:
        """N: go on (each screen says where)."""

    def skip(self) -> None:
        """S: skip this question (only the round has one)."""

    def tools(self) -> list[tuple[str, Callable[[], None]]]:
        """The toolbar's buttons, left to right."""
        tools = [("Keys (F1)", self.toggle_legend), ("Pause (P)", self.toggle_pause)]
        if self.run is not None:
            tools.append(("End (E)", self.ask_end))
        tools.append(("Help (H)", self.app.show_help))
        return tools

    # --- input -------------------------------------------------------------------------------
    def handle(self, action: Action) -> None:
        kind = action.kind
        if self.confirm_end:
            if kind in (Act.CONFIRM, Act.END):
                self.confirm_end = False
                self.run.end_lesson()
            elif kind in (Act.BACK, Act.POINT, Act.NEXT):
                self.confirm_end = False
            return
        if kind is Act.LEGEND:
            self.toggle_legend()
        elif kind is Act.PAUSE:
            self.toggle_pause()
        elif self.paused or self.legend:
            if kind in (Act.BACK, Act.CONFIRM, Act.POINT):
                self.paused = self.legend = False
        elif kind is Act.END and self.run is not None:
            self.ask_end()
        elif kind is Act.NEXT:
            self.next()
        elif kind is Act.SKIP:
            self.skip()
        elif kind is Act.POINT and self._tool_at(action.pos):
            self._tool_at(action.pos).on_press()  # type: ignore[union-attr]
        elif kind is Act.HOVER:
            self.hover = action.pos
            self.handle_screen(action)
        else:
            self.handle_screen(action)

    def handle_screen(self, action: Action) -> None:
        """The screen's own input (after the teacher's keys)."""
        super().handle(action)

    def toggle_legend(self) -> None:
        self.legend = not self.legend

    def toggle_pause(self) -> None:
        self.paused = not self.paused

    def ask_end(self) -> None:
        if self.run is not None:
            self.confirm_end = True

    def _toolbar(self) -> list[Button]:
        tools = self.tools()
        gap, right = 12, WIDTH - 14
        width = 200
        x = right - len(tools) * (width + gap) + gap
        return [class_button(label, pygame.Rect(x + i * (width + gap), TOOLBAR_Y, width,
                                                TOOLBAR_H), press, theme.CLASS_PANEL)
                for i, (label, press) in enumerate(tools)]

    def _tool_at(self, pos: tuple[int, int]) -> Button | None:
        return next((b for b in self.toolbar if b.rect.collidepoint(pos)), None)

    # --- drawing -------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        key = self.screen_key()
        if self._composed is None or self._composed[0] != key:
            layer = pygame.Surface((WIDTH, HEIGHT))
            layer.fill(theme.CLASS_BG)
            self.compose(layer)
            self._composed = (key, layer)
        surface.blit(self._composed[1], (0, 0))
        self.draw_screen(surface)
        for button in self.toolbar:
            button.draw(surface, button.rect.collidepoint(self.hover))
        if self.paused:
            surface.blit(overlay("Paused", "Press P, Enter or tap to carry on."), (0, 0))
        elif self.legend:
            surface.blit(legend(), (0, 0))
        elif self.confirm_end:
            surface.blit(overlay("End the lesson now?", "Enter or E: yes, show the scores and "
                                 "the summary. Esc or tap: no."), (0, 0))

    def screen_key(self) -> Hashable:
        """What the composed screen shows: it is composed again only when this changes."""
        return None

    def compose(self, surface: pygame.Surface) -> None:
        """The screen's still parts, on the dark projector background (composed once per
        screen_key(), not every frame)."""

    def draw_screen(self, surface: pygame.Surface) -> None:
        """What changes from frame to frame: buttons under the pointer, a caret."""


@cache
def overlay(title: str, line: str) -> pygame.Surface:
    """A dimmed screen with a card in the middle: pause, or a question for the teacher."""
    layer = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
    layer.fill((*theme.CLASS_BG, 225))
    card = panel((880, 260), theme.CLASS_PANEL, theme.CLASS_ACCENT)
    head = words(title, theme.CLASS_TITLE, theme.CLASS_ACCENT, True)
    card.blit(head, head.get_rect(midtop=(440, 30)))
    card.blit(paragraph(line, 800, 110, align="center"), (40, 120))
    layer.blit(card, card.get_rect(center=(WIDTH // 2, HEIGHT // 2 - 20)))
    return layer


@cache
def legend() -> pygame.Surface:
    """The teacher's keys over a dimmed screen (F1)."""
    layer = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
    layer.fill((*theme.CLASS_BG, 235))
    card = panel((1000, 600), theme.CLASS_PANEL, theme.CLASS_ACCENT)
    head = words("Teacher's keys", theme.CLASS_TITLE - 8, theme.CLASS_ACCENT, True)
    card.blit(head, head.get_rect(midtop=(500, 18)))
    step = 52
    for i, (key, meaning) in enumerate(LEGEND):
        y = 90 + i * step
        card.blit(words(key, theme.CLASS_BODY, theme.CLASS_ACCENT, True), (60, y))
        card.blit(words(meaning), (200, y))
    layer.blit(card, card.get_rect(center=(WIDTH // 2, HEIGHT // 2 - 30)))
    return layer


@cache
def vote_card(seconds_left: int | None) -> pygame.Surface:
    """The call to vote, over the play field while a class vote holds the round still."""
    card = panel((620, 280), theme.CLASS_PANEL, theme.CLASS_ACCENT)
    head = words("Class vote: hands up!", 44, theme.CLASS_ACCENT, True)
    card.blit(head, head.get_rect(midtop=(310, 16)))
    line = "Teacher: press the number of the answer the class chose, or tap it."
    card.blit(paragraph(line, 560, 110, align="center"), (30, 90))
    if seconds_left is not None:
        timer = "Time's up!" if seconds_left <= 0 else f"{seconds_left} seconds to vote"
        label = words(timer, theme.CLASS_BODY, theme.CLASS_ACCENT, True)
        card.blit(label, label.get_rect(midtop=(310, 210)))
    return card
