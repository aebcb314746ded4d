"""The first screen: play, the Safety Notebook, where to get help, classroom, settings, quit."""
from __future__ import annotations

import math

import pygame

from game.actions import Act, Action
from game.i18n import t
from game.rules.scoring import rank_for
from game.scenes.base import MenuScene
from game.scenes.common import (
    backdrop, centred_x, corner_of, heading, heading_block, notice_card, scout_portrait,
    speech_bubble,
)
from game.ui import theme
from game.ui.layout.base import Fitted, label_width
from game.ui.layout.title import TitleLayout, TitleWords, title_layout
from game.ui.widgets import Button, ButtonRow, panel

BOB = 8  # how far the mascot bobs up and down, in pixels
TAGLINE_PAD = 20  # the tagline's banner, beyond its words on each side


def inked(surface: pygame.Surface) -> pygame.Rect:
    """The box round what is drawn on `surface` (not its see-through edges)."""
    boxes = pygame.mask.from_surface(surface).get_bounding_rects()
    return boxes[0].unionall(boxes[1:]) if boxes else surface.get_rect()


def tagline_card(words: Fitted) -> pygame.Surface:
    """The tagline in ink on a light banner: an outline thick enough to read on the sky filled
    its word spaces ("learn tostay safeonline")."""
    widest = max(label_width(line, words.size, True) for line in words.lines)
    card = panel((widest + 2 * TAGLINE_PAD, words.height + 6), theme.PAPER, theme.BUTTON_EDGE,
                 radius=16, border=3, shadow=0)
    shown = words.surface(theme.INK, align="center")
    card.blit(shown, ((card.get_width() - shown.get_width()) // 2, 3))
    return card


class TitleScene(MenuScene):
    chrome = True

    def __init__(self, app) -> None:
        super().__init__(app)
        self.buttons = ButtonRow([])
        self.static = pygame.Surface((1, 1))
        self.dog: pygame.Surface | None = None
        self.dog_at = (0, 0)
        self.cards: list[pygame.Rect] = []  # Scout, the speech bubble, the rank card
        self._shown: tuple = ()  # what the still parts were drawn for: words, size, theme
        self._hidden = ""  # notices this layout had no room for (shown on a card of their own)
        self._told: set[str] = set()  # the hidden notices already shown on their card
        self._build()

    def content_changed(self) -> None:
        self._build()  # the branding, the text size or the language may have changed

    def on_enter(self) -> None:
        self._build(unless_same=True)  # the rank line or notices may have changed
        self._tell_hidden()

    def _tell_hidden(self) -> None:
        """Notices the title has no room for (at a large text size) come on a card of their
        own, once each, so a child is always told that a save was reset or items left out."""
        untold = [n for n in self._hidden.split("\n") if n and n not in self._told]
        if untold and self.app.scene is self:  # a notice come since: that one, not again all
            self._told.update(untold)
            from game.scenes.notice import NoticeScene
            self.app.push(NoticeScene(self.app, "\n".join(untold)))

    def play(self) -> None:
        if self._playable():
            from game.scenes.age import AgeScene
            self.app.push(AgeScene(self.app))

    def classroom_setup(self) -> None:
        if self._playable():
            from game.scenes.classroom.run import open_setup
            open_setup(self.app)

    def _playable(self) -> bool:
        """Whether a round can be played: not while a core content file is broken (the notice
        on this screen says which, and F5 reads the files again once it is fixed)."""
        self._check_screens()
        broken = self.app.session.bank.broken
        if broken:  # said again, where the press is seen
            from game.content.notices import broken_notice
            self.app.toast(broken_notice(broken))
        return not broken

    def _check_screens(self) -> None:
        session = self.app.session
        if not session.screens_checked:
            before = (session.bank.branding, list(session.notices))
            session.check_screens()
            if (session.bank.branding, session.notices) != before:
                self._build()
                self._tell_hidden()

    def settings(self) -> None:
        if self.app.session.settings_locked:  # the school's choice (game.site_settings)
            from game.scenes.notice import NoticeScene
            self.app.push(NoticeScene(self.app, t(
                "Your school chose the settings for everyone on this computer, so they cannot "
                "be changed here. Ask your teacher if something is hard to see or hear.")))
            return
        from game.scenes.settings import SettingsScene
        self.app.push(SettingsScene(self.app))

    def notebook(self) -> None:
        from game.scenes.notebook import NotebookScene
        self.app.push(NotebookScene(self.app))

    def handle(self, action: Action) -> None:
        if action.kind is Act.BACK:
            self.app.quit()
        elif action.kind is Act.UNKNOWN:
            pass
        else:
            super().handle(action)

    def _words(self) -> TitleWords:
        session = self.app.session
        brand = session.bank.branding
        profile = session.profile
        rank = rank_for(profile.total_points, session.bank.ranks)
        rank_lines = (t("Your rank: {rank}", rank=rank.title),
                      t("Best round: {points} points", points=profile.best_score)) \
            if profile.rounds_played and rank else ()
        return TitleWords(
            brand.title, brand.tagline, t("Hi, I'm {name}!", name=brand.mascot),
            t("Brought to you by {organisation}", organisation=brand.organisation)
            if brand.organisation else "",
            ((t("Play"), "Enter"), (t("Safety Notebook"), ""), (t("Where to get help"), ""),
             (t("Classroom"), ""), (t("Settings"), ""), (t("Quit"), "Esc")),
            rank_lines, "\n".join(session.notices))

    def _build(self, unless_same: bool = False) -> None:
        """Lay the screen out for the player's text size and language, and draw its still
        parts once (`unless_same`: not again if the words, text size and theme are the ones
        already drawn: the title is built once before the first frame, not twice)."""
        words = self._words()
        scale = self.app.session.settings.text_scale
        shown = (words, scale, theme.current_theme)
        if unless_same and shown == self._shown:
            return
        self._shown = shown
        placed = title_layout(words, scale, corner_of(scale))
        self._hidden = words.notices if words.notices and placed.tagline is None else ""
        self._make_buttons(placed, words.buttons)
        self.cards = [pygame.Rect(r) for r in (placed.bubble and placed.bubble[:2]
                                               + (placed.bubble[2], placed.bubble[3].height + 42),
                                               placed.rank and placed.rank[0]) if r]
        self.static = self._compose(placed)  # adds the title's and the tagline's boxes
        self.dog = scout_portrait(placed.dog[2]) if placed.dog else None
        self.dog_at = placed.dog[:2] if placed.dog else (0, 0)
        if self.dog is not None:  # Scout himself, not his picture's corners, bobbing
            self.cards.append(inked(self.dog).move(self.dog_at).inflate(0, 2 * BOB))

    def _make_buttons(self, placed: TitleLayout, words: tuple[tuple[str, str], ...]
                      ) -> None:
        sizes = placed.button_sizes
        actions = (self.play, self.notebook, self.app.show_help, self.classroom_setup,
                   self.settings, self.app.quit)
        colours = (theme.RIGHT, None, None, None, None, theme.BUTTON_QUIET)
        focus = self.buttons.focus
        self.buttons = ButtonRow([
            Button(label, pygame.Rect(rect), action, hint, colour,
                   size=placed.play_size if i == 0 else sizes.label, hint_size=sizes.hint)
            for i, ((label, hint), rect, action, colour)
            in enumerate(zip(words, placed.buttons, actions, colours))
        ], focus=focus)

    def _compose(self, placed: TitleLayout) -> pygame.Surface:
        surf = backdrop()  # in the theme in use
        brand = self.app.session.bank.branding
        title = heading(brand.title, placed.title_size, theme.ACCENT)
        self.cards.append(surf.blit(title, (centred_x(title), placed.title_y)))
        if placed.organisation:
            surf.blit(heading_block(placed.organisation, align="left"), (24, 10))
        if placed.tagline and placed.notices:
            notes = notice_card(placed.tagline)
            self.cards.append(surf.blit(notes, (centred_x(notes), placed.tagline_y)))
        elif placed.tagline:
            tagline = tagline_card(placed.tagline)
            top = max(placed.tagline_y, placed.title_y + inked(title).bottom + 2)  # clear of
            # the title's outline
            self.cards.append(surf.blit(tagline, (centred_x(tagline), top)))
        if placed.bubble:
            x, y, width, words = placed.bubble
            surf.blit(speech_bubble(words, width), (x, y))
        if placed.rank:
            (x, y, w, h), lines = placed.rank
            card = panel((w, h), border=3)
            top = 12
            for fitted, colour in zip(lines, (theme.INK, theme.MUTED_INK)):
                card.blit(fitted.surface(colour), (20, top))
                top += fitted.height + 4
            surf.blit(card, (x, y))
        return surf

    def keep_clear(self) -> list[pygame.Rect]:
        """A toast covers no button, nor the title, the tagline, Scout, the speech bubble or
        the rank card."""
        return super().keep_clear() + self.cards

    def update(self, dt: float) -> None:
        if self.app.first_frame_at is not None:  # once the first frame is shown
            self._check_screens()

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.static, (0, 0))
        if self.dog is not None:
            still = self.app.session.settings.reduced_motion
            bob = 0 if still else math.sin(self.app.now * 2.4) * BOB
            surface.blit(self.dog, (self.dog_at[0], self.dog_at[1] + bob))
        self.buttons.draw(surface)

