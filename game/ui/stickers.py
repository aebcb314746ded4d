"""The Safety Notebook as a sticker book: a topic's button with its count on a badge of its own,
and a message as a sticker (collected: its topic's picture on the topic's colour) or a dashed
outline (still to find).

They are Buttons (ButtonRow's keyboard, mouse, touch, gamepad and one-switch handling stays);
only their faces differ. Nothing moves, so reduced motion has nothing to stop; every colour comes
from the theme or the topic, so high contrast applies."""
from __future__ import annotations

import math
from dataclasses import dataclass

import pygame

from game.art.topic_pictures import topic_picture
from game.content.colours import contrast
from game.ui import text, theme
from game.ui.layout.base import Box
from game.ui.widgets import Button, _darker, panel

BADGE_PAD = 14  # around the count on a topic's badge
SIZES = (0, -4, -8)  # a label's sizes, from the button's own down
EDGE_CONTRAST = 3.0  # an outline against the paper, as WCAG asks of things that are not text


def edge_on_paper(colour) -> tuple[int, int, int]:
    """The topic's colour for a line on the paper, or the paper's own edge colour where the
    topic's would not stand out (high contrast's near-black paper)."""
    return colour if contrast(colour, theme.PAPER) >= EDGE_CONTRAST else theme.PAPER_EDGE


def count_badge(words: str, size: int) -> pygame.Surface:
    """The count, "2 of 6", on a paper pill: apart from the topic's name, never run into it."""
    label = text.render(words, size, theme.INK, True)
    w, h = label.get_width() + 2 * BADGE_PAD, label.get_height() + 6
    pill = panel((w, h), theme.PAPER, theme.PAPER_EDGE, radius=h // 2, border=2, shadow=0)
    pill.blit(label, ((w - label.get_width()) // 2, 3))
    return pill


def badge_width(words: str, size: int) -> int:
    """How much of a topic's button its count badge takes, with the gap before the name."""
    return text.render(words, size, theme.INK, True).get_width() + 2 * BADGE_PAD + 16


@dataclass(eq=False)
class TopicButton(Button):
    """A topic on the notebook page: its name, and its count on a badge at the right. A topic
    with nothing collected yet looks like the others (its page shows what is still to find)."""

    title: str = ""
    count: str = ""

    def face(self, state: str) -> pygame.Surface:
        surf = self._faces.get(state)
        if surf is None:
            fill = self.colour or theme.BUTTON
            hover = state == "hover"
            surf = panel(self.rect.size, _darker(fill) if hover else fill,
                         theme.ACCENT if hover else theme.BUTTON_EDGE, border=4 if hover else 3,
                         shadow=4)
            w, h = self.rect.size
            badge = count_badge(self.count, self.size - 6)
            surf.blit(badge, (w - badge.get_width() - 14, (h - badge.get_height()) // 2))
            room = w - badge_width(self.count, self.size - 6) - 14
            box = Box(room - 24, h - 8, tuple(self.size + d for d in SIZES), bold=True)
            label = box.fit(self.title).surface(theme.BUTTON_TEXT, align="center")
            surf.blit(label, label.get_rect(center=(room // 2 + 6, h // 2)))
            self._faces[state] = surf
        return surf


@dataclass(eq=False)
class StickerButton(Button):
    """A message on its topic's page: a sticker (paper, the topic's colour round it, its picture)
    when collected, pressed to read it again; a dashed outline "still to find" when not (not
    pressable, and not greyed out: it is a space waiting for its sticker)."""

    collected: bool = True
    topic: str = ""  # its topic's id: the sticker shows the topic's picture

    def face(self, state: str) -> pygame.Surface:
        surf = self._faces.get(state)
        if surf is None:
            surf = self._sticker(state == "hover") if self.collected else self._outline()
            self._faces[state] = surf
        return surf

    def _spot(self) -> tuple[int, int, int]:
        """The round spot at the sticker's left: its centre and radius."""
        h = self.rect.h
        r = max(14, min(34, h // 2 - 12))
        return 14 + r, h // 2, r

    def _words(self, surf: pygame.Surface, words: str, colour) -> None:
        cx, cy, r = self._spot()
        left = cx + r + 14
        box = Box(self.rect.w - left - 16, self.rect.h - 10, tuple(self.size + d for d in SIZES),
                  bold=True)
        label = box.fit(words).surface(colour)
        surf.blit(label, (left, (self.rect.h - label.get_height()) // 2))

    def _sticker(self, hover: bool) -> pygame.Surface:
        colour = self.colour or theme.BUTTON
        surf = panel(self.rect.size, theme.PAPER, theme.ACCENT if hover else
                     edge_on_paper(colour), border=7 if hover else 5, shadow=5)
        cx, cy, r = self._spot()
        pygame.draw.circle(surf, colour, (cx, cy), r)
        surf.blit(topic_picture(self.topic, 2 * r - 4), (cx - r + 2, cy - r + 2))
        self._words(surf, self.label, theme.INK)
        return surf

    def _outline(self) -> pygame.Surface:
        edge = edge_on_paper(_darker(self.colour or theme.BUTTON))
        w, h = self.rect.size
        surf = panel((w, h), theme.PAPER, border=0, shadow=0)
        dashed_rect(surf, edge, pygame.Rect(0, 0, w, h), 4)
        cx, cy, r = self._spot()
        dashed_circle(surf, edge, (cx, cy), r, 3)
        self._words(surf, self.label, theme.INK)
        return surf


def dashed_rect(surf: pygame.Surface, colour, rect: pygame.Rect, width: int,
                dash: int = 16) -> None:
    """A rectangle's outline in dashes (its corners square: an outline to fill, not a card)."""
    half = width // 2
    x0, y0, x1, y1 = rect.left + half, rect.top + half, rect.right - half - 1, rect.bottom - half - 1
    for x in range(x0, x1, 2 * dash):
        for y in (y0, y1):
            pygame.draw.line(surf, colour, (x, y), (min(x + dash, x1), y), width)
    for y in range(y0, y1, 2 * dash):
        for x in (x0, x1):
            pygame.draw.line(surf, colour, (x, y), (x, min(y + dash, y1)), width)


def dashed_circle(surf: pygame.Surface, colour, centre: tuple[int, int], radius: int,
                  width: int, dashes: int = 12) -> None:
    box = pygame.Rect(0, 0, 2 * radius, 2 * radius)
    box.center = centre
    step = 2 * math.pi / dashes
    for i in range(dashes):
        pygame.draw.arc(surf, colour, box, i * step, i * step + step / 2, width)
