"""Drawing pieces several screens share: the menu backdrop, headings, notices."""
from __future__ import annotations

from typing import TYPE_CHECKING

import pygame

from game.art.dog import dog_portrait
from game.art.scenery import title_background
from game.rules.tuning import WIDTH
from game.i18n import t
from game.ui import text, theme
from game.ui.layout.base import (
    EDGE, Corner, Fitted, PagedLayout, corner, heading_size, label_width, page_counter,
)
from game.ui.widgets import ArrowButton, Button, ButtonRow, panel

if TYPE_CHECKING:
    from game.ui.layout.age import AgeLayout



def scout_portrait(size: int) -> pygame.Surface:
    """Scout sitting, `size` px, the word on the vest in the language in use (POLICE, HEDDLU)."""
    return dog_portrait(size, t("POLICE"))

def backdrop(dim: int = 0) -> pygame.Surface:
    """The park scene behind menus, optionally dimmed so cards stand out (in the theme in use:
    high contrast calms the park): a new picture to draw on. Only the park itself is kept (in
    the art's cache): a dimmed copy takes ~2 ms, and each screen draws its own once, so
    keeping one per dimming held 15 MB for nothing."""
    surf = title_background(calm=theme.CALM_ART).convert()
    if dim:
        shade = pygame.Surface(surf.get_size(), pygame.SRCALPHA)
        shade.fill((*theme.SHADE, dim))
        surf.blit(shade, (0, 0))
    return surf


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


def heading_block(fitted: Fitted, colour=None, align: str = "center") -> pygame.Surface:
    """A heading of one or more lines (heading_lines), each outlined like heading()."""
    step = text.line_height(fitted.size, True)
    lines = [heading(line, fitted.size, colour) for line in fitted.lines]
    out = pygame.Surface((fitted.width + 6, step * len(lines) + 6), pygame.SRCALPHA)
    for i, line in enumerate(lines):
        x = {"left": 0, "center": (out.get_width() - line.get_width()) // 2}[align]
        out.blit(line, (x, i * step))
    return out


def speech_bubble(words: Fitted, width: int) -> pygame.Surface:
    """A speech bubble `width` wide around `words` (fitted `width` - 32 wide), with a tail at
    its bottom right pointing down at the speaker."""
    body = words.surface(theme.INK, align="center")
    h = body.get_height() + 20
    out = pygame.Surface((width + 4, h + 22), pygame.SRCALPHA)
    out.blit(panel((width, h), border=3, shadow=0), (0, 0))
    tail = [(width - 64, h - 3), (width - 6, h + 20), (width - 30, h - 3)]
    pygame.draw.polygon(out, theme.PAPER, tail)
    pygame.draw.line(out, theme.PAPER_EDGE, tail[0], tail[1], 3)
    pygame.draw.line(out, theme.PAPER_EDGE, tail[1], tail[2], 3)
    out.blit(body, (16, 10))
    return out


def notice_card(words: Fitted) -> pygame.Surface:
    """A yellow card with plain-words notices (a reset save, a missing font, skipped content),
    fitted by the screen's layout; the card is 40 px wider and 28 px taller than the words."""
    body = words.surface(theme.INK)
    card = panel((words.width + 40, body.get_height() + 28), fill=theme.NOTE, border=3)
    card.blit(body, (20, 14))
    return card


def corner_of(scale: float) -> Corner:
    """Where the Help and Sound buttons are at text size `scale` (every screen keeps clear of
    them)."""
    return corner(scale, t("Help"), (t("Sound"), t("Muted")))


def centred_x(item: pygame.Surface | int) -> int:
    """The x that centres a surface (or a width) on the screen."""
    width = item if isinstance(item, int) else item.get_width()
    return (WIDTH - width) // 2


def draw_frame(surf: pygame.Surface, frame: PagedLayout, page: int, pages: int,
               scale: float) -> None:
    """A paged screen's heading and, when it has pages, "Page 1 of 3" between its arrows."""
    title = heading_block(frame.heading)
    surf.blit(title, (centred_x(title), frame.heading_y))
    if frame.paged:
        x, y, w, h = frame.foot[1]
        card = panel((w, h), border=3, shadow=0)
        words = page_counter(page_counter_words().format(page=page + 1, pages=pages),
                                    scale)
        shown = words.surface(theme.INK)
        text_w = label_width(words.lines[0], words.size)
        card.blit(shown, ((w - text_w) // 2, (h - shown.get_height()) // 2))
        surf.blit(card, (x, y))


def page_counter_words() -> str:
    """"Page {page} of {pages}", to fill in."""
    return t("Page {page} of {pages}")


def foot_buttons(frame: PagedLayout, page: int, pages: int, turn, own: list[Button]
                 ) -> list[Button]:
    """The buttons at a paged screen's foot: the arrows that turn its pages (when it has pages;
    each greyed at its end), then the screen's own `own`, placed where the frame says."""
    buttons: list[Button] = []
    if frame.paged:
        back = ArrowButton(t("Previous page"), pygame.Rect(frame.foot[0]), lambda: turn(-1),
                           direction=-1)
        onward = ArrowButton(t("Next page"), pygame.Rect(frame.foot[2]), lambda: turn(1))
        back.enabled, onward.enabled = page > 0, page < pages - 1
        buttons = [back, onward]
        for arrow in buttons:  # no words on them, but sized like the rest for the one-switch
            arrow.size, arrow.hint_size = frame.buttons.label, frame.buttons.hint
    for button, rect in zip(own, frame.foot[3 if frame.paged else 0:]):
        button.rect = pygame.Rect(rect)
        button.size, button.hint_size = frame.buttons.label, frame.buttons.hint
        if not frame.hints:
            button.key_hint = ""
    return buttons + own


def page_focus(old: ButtonRow, buttons: list[Button], paged: bool) -> int:
    """Where the focus goes on a paged screen built afresh: where it was (on a turned page, the
    arrow pressed; at the last page, the arrow back), or at first on the arrow on when there
    are pages, else on the last button."""
    if not old.buttons:
        return 1 if paged else len(buttons) - 1
    focus = min(old.focus, len(buttons) - 1)
    if paged and focus < 2 and not buttons[focus].enabled:
        focus = 1 - focus
    return focus


def choice_pictures(placed: AgeLayout) -> pygame.Surface:
    """The park with the heading, each choice's note and the tip where `placed` puts them (the
    choice of game is laid out as this screen is)."""
    surf = backdrop(90)
    title = heading_block(placed.heading)
    surf.blit(title, (centred_x(title), placed.heading_y))
    for note, x, y in placed.notes:
        shown = heading_block(note, align=placed.note_align)  # outlined: over the park
        surf.blit(shown, (x - shown.get_width() // 2, y))
    if placed.tip:
        tip = heading_block(placed.tip)
        surf.blit(tip, (centred_x(tip) if placed.tip.width == WIDTH - 2 * EDGE - 6 else EDGE,
                        placed.tip_y))
    return surf
