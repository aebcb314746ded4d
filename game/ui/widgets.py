"""Buttons and panels, pre-rendered once per state so drawing them is a single blit."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import pygame

from game.rules.scanning import advance
from game.ui import text, theme
from game.ui.layout.base import button_label_box
from game.ui.theme import Colour


def panel(size: tuple[int, int], fill: Colour | None = None, edge: Colour | None = None,
          radius: int = theme.RADIUS, border: int = 4, shadow: int = 6) -> pygame.Surface:
    """A rounded card with an outline and a soft drop shadow, as one surface (fill and edge: the
    theme's PAPER and PAPER_EDGE unless given)."""
    fill, edge = fill or theme.PAPER, edge or theme.PAPER_EDGE
    w, h = size
    surf = pygame.Surface((w + shadow, h + shadow), pygame.SRCALPHA)
    if shadow:
        pygame.draw.rect(surf, (0, 0, 0, 70), (shadow, shadow, w, h), border_radius=radius)
    pygame.draw.rect(surf, fill, (0, 0, w, h), border_radius=radius)
    if border:
        pygame.draw.rect(surf, edge, (0, 0, w, h), border, border_radius=radius)
    return surf


@dataclass
class Button:
    label: str
    rect: pygame.Rect
    on_press: Callable[[], None]
    key_hint: str = ""  # shown small on the button, e.g. "H" or "Enter"
    colour: Colour | None = None  # None: the theme's button colour (branding may set it)
    enabled: bool = True
    size: int = theme.TEXT_BODY
    hint_size: int = theme.TEXT_SMALL - 4  # the key hint's text size
    _faces: dict[str, pygame.Surface] = field(default_factory=dict, repr=False)

    def face(self, state: str) -> pygame.Surface:
        """The button drawn in `state` ("normal", "hover" or "disabled"), cached."""
        surf = self._faces.get(state)
        if surf is None:
            colour = self.colour or theme.BUTTON
            fill = {"normal": colour, "hover": _darker(colour),
                    "disabled": theme.BUTTON_DISABLED}[state]
            edge = theme.ACCENT if state == "hover" else theme.BUTTON_EDGE
            surf = panel(self.rect.size, fill, edge, border=4 if state == "hover" else 3, shadow=4)
            hint_w = 0
            if self.key_hint:
                hint = text.render(self.key_hint, self.hint_size, theme.WHITE, True)
                chip = pygame.Rect(0, 0, hint.get_width() + 14, hint.get_height() + 2)
                chip.midright = (self.rect.w - 10, self.rect.h // 2)
                pygame.draw.rect(surf, _darker(fill), chip, border_radius=8)
                surf.blit(hint, hint.get_rect(center=chip.center))
                hint_w = chip.w + 12
            box = button_label_box(self.rect.w, self.rect.h, hint_w, self.size)
            label = box.fit(self.label).surface(theme.BUTTON_TEXT, align="center")
            surf.blit(label, label.get_rect(center=((self.rect.w - hint_w) // 2,
                                                    self.rect.h // 2)))
            self._faces[state] = surf
        return surf

    def forget_faces(self) -> None:
        """Draw the button afresh next time (the theme's colours changed)."""
        self._faces.clear()

    def draw(self, surface: pygame.Surface, hovered: bool) -> None:
        state = "disabled" if not self.enabled else ("hover" if hovered else "normal")
        surface.blit(self.face(state), self.rect.topleft)


@dataclass(eq=False)
class ArrowButton(Button):
    """A button with an arrow on it instead of words, pointing the way it turns the pages
    (`direction` -1 back, 1 on); its label is still read aloud and names it."""

    direction: int = 1
    vertical: bool = False  # pointing up (-1) or down (1), as a scroll bar's arrows do

    def face(self, state: str) -> pygame.Surface:
        surf = self._faces.get(state)
        if surf is None:
            fill = theme.BUTTON if state != "disabled" else theme.BUTTON_DISABLED
            surf = panel(self.rect.size, fill, theme.ACCENT if state == "hover" else
                         theme.BUTTON_EDGE, border=4 if state == "hover" else 3, shadow=4)
            half = min(self.rect.size) // 4
            cx, cy = self.rect.w // 2, self.rect.h // 2
            along, across = (cy, cx) if self.vertical else (cx, cy)
            tip, back = along + self.direction * half, along - self.direction * half
            points = [(tip, across), (back, across - half), (back, across + half)]
            pygame.draw.polygon(surf, theme.BUTTON_TEXT,
                                [(y, x) for x, y in points] if self.vertical else points)
            self._faces[state] = surf
        return surf


class ButtonRow:
    """A group of buttons with keyboard focus (arrows move, Enter/Space presses) and pointer use;
    the button in focus wears the focus ring."""

    def __init__(self, buttons: list[Button], focus: int = 0) -> None:
        self.buttons = buttons
        self.focus = focus

    def move(self, step: int) -> None:
        if self.buttons:
            self.focus = (self.focus + step) % len(self.buttons)

    def press_focused(self) -> None:
        if self.buttons and self.buttons[self.focus].enabled:
            self.buttons[self.focus].on_press()

    def at(self, pos: tuple[int, int]) -> int:
        return next((i for i, b in enumerate(self.buttons) if b.rect.collidepoint(pos)), -1)

    def point(self, pos: tuple[int, int]) -> bool:
        i = self.at(pos)
        if i >= 0 and self.buttons[i].enabled:
            self.focus = i
            self.buttons[i].on_press()
            return True
        return False

    def hover(self, pos: tuple[int, int]) -> None:
        i = self.at(pos)
        if i >= 0:
            self.focus = i

    def scan_step(self) -> None:
        """One-switch play: the focus moves on to the next button that can be pressed."""
        self.focus = advance(self.focus, [b.enabled for b in self.buttons])

    def draw(self, surface: pygame.Surface) -> None:
        for i, button in enumerate(self.buttons):
            button.draw(surface, i == self.focus)
        if 0 <= self.focus < len(self.buttons):
            focus_ring(surface, self.buttons[self.focus].rect)


FOCUS_RING = 8  # how far the focus ring reaches outside the control it surrounds


def focus_ring(surface: pygame.Surface, rect: pygame.Rect, radius: int = theme.RADIUS) -> None:
    """The highlight around the control in focus (and the one-switch choice): a thick hi-vis band
    edged in dark, so it stands out on light and dark backgrounds, by its shape as well as its
    colour."""
    outer = rect.inflate(2 * FOCUS_RING, 2 * FOCUS_RING)
    pygame.draw.rect(surface, theme.BANNER, outer, FOCUS_RING, border_radius=radius + FOCUS_RING)
    pygame.draw.rect(surface, theme.ACCENT, outer.inflate(-4, -4), FOCUS_RING - 4,
                     border_radius=radius + FOCUS_RING - 2)


def _darker(colour: Colour) -> Colour:
    return tuple(max(0, int(c * 0.78)) for c in colour)  # type: ignore[return-value]
