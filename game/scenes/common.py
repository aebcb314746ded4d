"""Drawing pieces several screens share: the menu backdrop, headings, notices."""
from __future__ import annotations

from functools import cache

import pygame

from game.art.scenery import title_background
from game.rules.tuning import WIDTH
from game.ui import text, theme
from game.ui.layout import heading_size
from game.ui.widgets import panel


def backdrop(dim: int = 0) -> pygame.Surface:
    """The park scene behind menus, optionally dimmed so cards stand out (in the theme in use:
    high contrast calms the park)."""
    return _backdrop(dim, theme.current_theme)


@cache
def _backdrop(dim: int, theme_name: str) -> pygame.Surface:
    """One backdrop per dimming and theme (`theme_name` keys the cache)."""
    surf = title_background(calm=theme.CALM_ART).copy()
    if dim:
        shade = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
        shade.fill((*theme.SHADE, dim))
        surf.blit(shade, (0, 0))
    return surf.convert()


def heading(title: str, size: int = theme.TEXT_TITLE, colour=None) -> pygame.Surface:
    """A title (white unless `colour`) with a dark outline so it reads on any background."""
    face = text.render(title, size, colour or theme.WHITE, True)
    edge = text.render(title, size, theme.SHADE, True)
    out = pygame.Surface((face.get_width() + 6, face.get_height() + 6), pygame.SRCALPHA)
    for dx in (0, 3, 6):
        for dy in (0, 3, 6):
            out.blit(edge, (dx, dy))
    out.blit(face, (3, 3))
    return out


def fitted_heading(title: str, width: int, size: int, colour=None) -> pygame.Surface:
    """A heading at the largest size (down to two thirds of `size`) that fits in `width`."""
    size, fits = heading_size(title, width, size)
    if not fits:
        text.truncated.add(title)
    return heading(title, size, colour)


def speech_bubble(words: str, width: int) -> pygame.Surface:
    """A white speech bubble with a tail at its bottom right, pointing down at a speaker."""
    body = text.block(words, width - 32, 80, theme.INK, (26, 22, 18), bold=True, align="center")
    h = body.get_height() + 20
    out = pygame.Surface((width + 4, h + 22), pygame.SRCALPHA)
    out.blit(panel((width, h), border=3, shadow=0), (0, 0))
    tail = [(width - 64, h - 3), (width - 6, h + 20), (width - 30, h - 3)]
    pygame.draw.polygon(out, theme.PAPER, tail)
    pygame.draw.line(out, theme.PAPER_EDGE, tail[0], tail[1], 3)
    pygame.draw.line(out, theme.PAPER_EDGE, tail[1], tail[2], 3)
    out.blit(body, (16, 10))
    return out


def notice_card(lines: list[str], width: int = 900) -> pygame.Surface | None:
    """A yellow card with plain-words notices (a reset save, a missing font, skipped content)."""
    if not lines:
        return None
    body = text.block("\n".join(lines), width - 40, 200, theme.INK, (theme.TEXT_SMALL, 20))
    card = panel((width, body.get_height() + 28), fill=theme.NOTE, border=3)
    card.blit(body, (20, 14))
    return card


def centred_x(item: pygame.Surface | int) -> int:
    """The x that centres a surface (or a width) on the screen."""
    width = item if isinstance(item, int) else item.get_width()
    return (WIDTH - width) // 2
