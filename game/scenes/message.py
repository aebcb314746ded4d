"""A safety message: title, message, what to do, where to get help, and its source."""
from __future__ import annotations

import pygame

from game.actions import Act, Action
from game.art.dog import scout_pose
from game.art.topic_pictures import topic_picture
from game.content.model import Bank, Message
from game.rules.tuning import WIDTH, message_wait_seconds
from game.scenes.base import Scene
from game.scenes import spoken
from game.i18n import t
from game.scenes.common import backdrop, corner_of
from game.ui import text, theme
from game.ui.layout.base import CLASSROOM_SCALE, EDGE, label_width
from game.ui.layout.card import (
    CARD_H, CARD_PAD, CARD_PICTURE, CARD_SCOUT, CARD_W, CARD_X, CARD_Y, DO_INDENT, DO_LABEL_SIZE,
    LABEL_PAD,
    Piece, SOURCE_SIZE, TAG_SIZE, card_art, message_card, message_pages, message_screen,
)
from game.ui.theme import hex_colour
from game.ui.widgets import Button, panel

CARD = pygame.Rect(CARD_X, CARD_Y, CARD_W, CARD_H)  # at 100%


PROUD, KIND = "proud", "kind"  # Scout's moods after a round (game.art.dog.scout_pose)


def round_mood(correct: int, questions: int) -> str:
    """How Scout reacts to a round: proud when most answers were safe (or nothing was asked:
    a chat with no warning signs), kind when not."""
    return PROUD if 2 * correct > questions or not questions else KIND


class MessageScene(Scene):
    """After a round (`after` is the results screen; `mood`, from round_mood, how the round
    went) or reopened from the notebook (`after` None, no mood)."""

    music = "quiet"

    def __init__(self, app, message: Message, after: Scene | None = None,
                 back_label: str = "", mood: str = "") -> None:
        super().__init__(app)
        self.message = message
        self.after = after
        self.mood = mood
        self.back_label = back_label  # "": Back to notebook
        words = " ".join((message.title, message.text, message.do))
        self.wait = 0.0 if after is None else message_wait_seconds(words, app.session.band)
        self.shown_at = app.now
        self.page = 0
        self.hover = False
        self._build()

    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("Press Enter to continue when the button turns green. H for help.")

    def content_changed(self) -> None:
        self.message = self.app.session.bank.message_by_id.get(self.message.id, self.message)
        self._build()

    def _build(self) -> None:
        """Lay the card and its button out for the player's text size and language."""
        scale = self.app.session.settings.text_scale
        label = t("Continue") if self.after else self.back_label or t("Back to notebook")
        placed = message_screen(
            (label, t("Next page ({page} of {pages})", page=9, pages=9)), scale, corner_of(scale))
        self.card = pygame.Rect(placed.card)
        self.pages = self._compose()
        self.page = min(self.page, len(self.pages) - 1)
        self.button_rect = pygame.Rect(placed.button)
        self.button_sizes = placed.buttons
        self.button = self._button(label, "Enter", theme.RIGHT)
        self._next_buttons: dict[tuple[int, int], Button] = {}  # by (page, pages)

    def _button(self, label: str, hint: str, colour=None, enabled: bool = True) -> Button:
        return Button(label, self.button_rect, self.proceed, hint, colour, enabled,
                      size=self.button_sizes.label, hint_size=self.button_sizes.hint)

    @property
    def last_page(self) -> bool:
        return self.page >= len(self.pages) - 1

    @property
    def ready(self) -> bool:
        return self.app.now - self.shown_at >= self.wait

    def spoken(self) -> str:
        return spoken.message(self.app.session.bank, self.message)

    def proceed(self) -> None:
        """The next page of a long card; on the last, Continue once the reading time is up."""
        if not self.last_page:
            self.page += 1
            self.app.play("click")
            return
        if not self.ready:
            return
        self.app.play("click")
        if self.after is None:
            self.app.pop()
        else:
            self.app.replace(self.after)

    def handle(self, action: Action) -> None:
        kind = action.kind
        if kind in (Act.CONFIRM, Act.HOP, Act.PAUSE):  # PAUSE: a gamepad's Start
            self.proceed()
        elif kind is Act.POINT and self.button.rect.collidepoint(action.pos):
            self.proceed()
        elif kind is Act.HOVER:
            self.hover = self.button.rect.collidepoint(action.pos)
        elif kind is Act.BACK:
            self.app.pop()

    def _compose(self) -> list[pygame.Surface]:
        return compose_pages(self.app.session.bank, self.message, *message_layout(self.app),
                             card=self.card, mood=self.mood)

    def _next_button(self) -> Button:
        key = (self.page + 1, len(self.pages))
        if key not in self._next_buttons:
            self._next_buttons[key] = self._button(
                t("Next page ({page} of {pages})", page=key[0], pages=key[1]), "Enter",
                theme.BUTTON)
        return self._next_buttons[key]

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.pages[self.page], (0, 0))
        if not self.last_page:
            self._next_button().draw(surface, self.hover)
            return
        if self.ready:
            self.button.draw(surface, self.hover)
            return
        self._filling(surface)

    @property
    def filled(self) -> float:
        """How much of the reading time has gone (the Continue button fills up as it goes; in
        four steps with reduced motion)."""
        part = min(1.0, (self.app.now - self.shown_at) / self.wait) if self.wait else 1.0
        return int(part * 4) / 4 if self.app.session.settings.reduced_motion else part

    def _filling(self, surface: pygame.Surface) -> None:
        """The Continue button greyed, its colour filling in from the left as the time goes."""
        rect = self.button.rect
        surface.blit(self.button.face("disabled"), rect.topleft)
        surface.blit(self.button.face("normal"), rect.topleft,
                     pygame.Rect(0, 0, round(rect.w * self.filled), rect.h + 4))


def message_layout(app, classroom: bool = False) -> tuple[float, int]:
    """The text size and the smallest text allowed for the message card: the player's setting,
    or, on a classroom's projector, at least 150% with nothing under 4% of the screen."""
    scale = app.session.settings.text_scale
    return (max(CLASSROOM_SCALE, scale), theme.CLASS_MIN_TEXT) if classroom else (scale, 0)


def cheer(mood: str) -> str:
    """Scout's word on the round just played ("" with no mood: a card reopened later)."""
    return {PROUD: t("Well done!"), KIND: t("Good try! Remember this.")}.get(mood, "")


def scout(mood: str, size: int) -> pygame.Surface:
    """Scout, reacting to the round, with the vest's word in the player's language."""
    return scout_pose(mood, size, t("POLICE"))


def compose_pages(bank: Bank, m: Message, scale: float = 1.0, floor: int = 0,
                  card: pygame.Rect | None = None, mood: str = "") -> list[pygame.Surface]:
    """The message card's pages, each the whole screen bar the button: one page at 100%, more
    at larger text sizes (the text keeps its size and flows on) in the `card` given (shorter
    than at 100% when the button below it is taller). Scout and the topic's picture go where
    the words leave room. Built once: the scene blits them."""
    if scale == 1.0 and floor == 0:
        return [compose_card(bank, m, mood)]
    if card is None:  # where the card is at 100%, as wide as the screen (a classroom's)
        card = pygame.Rect(EDGE, CARD.y, WIDTH - 2 * EDGE, CARD.h)
    topic = bank.topic_by_id.get(m.topic)
    origin = bank.source_by_id.get(m.source)
    pages = message_pages(m, topic.title if topic else m.topic, bank.help_by_id.get(m.help),
                          origin.publisher if origin else m.source, scale, floor, card.h, card.w)
    colours = {"title": theme.INK, "body": theme.INK, "do-label": theme.PAPER, "do": theme.INK,
               "help": theme.LINK, "think": theme.INK, "source": theme.MUTED_INK}
    placed_scout, picture = card_art(pages, card.w, card.h)
    out = []
    for n, page in enumerate(pages):
        surf, shown = _blank_card(topic, page.bar_h, card)
        if page.tag is not None:
            shown.blit(page.tag.surface(theme.WHITE), (CARD_PAD, 4))
            last = page.tag.lines[-1]
            _cheer(shown, cheer(mood), page.tag.size, CARD_PAD + label_width(
                last, page.tag.size), 4 + page.tag.height - text.line_height(page.tag.size, True))
        for box in page.boxes:
            _do_box(shown, pygame.Rect(box))
        for piece in page.pieces:
            if piece.role == "do-label":  # a tab across the top of the box
                _tab(shown, piece)
            shown.blit(piece.text.surface(colours[piece.role]), (piece.x, piece.y))
        if picture and picture.page == n:
            shown.blit(topic_picture(m.topic, picture.size), (picture.x, picture.y))
        if placed_scout and placed_scout.page == n:
            shown.blit(scout(mood, placed_scout.size), (placed_scout.x, placed_scout.y))
        surf.blit(shown, card.topleft)
        out.append(surf)
    return out


def _blank_card(topic, bar_h: int, card: pygame.Rect = CARD
                ) -> tuple[pygame.Surface, pygame.Surface]:
    """The dimmed backdrop and an empty card (the size of `card`) with its topic-coloured bar."""
    surf = backdrop(120)
    shown = panel(card.size)
    colour = hex_colour(topic.colour) if topic else theme.BUTTON
    pygame.draw.rect(shown, colour, (0, 0, card.w, bar_h), border_top_left_radius=theme.RADIUS,
                     border_top_right_radius=theme.RADIUS)
    pygame.draw.rect(shown, theme.PAPER_EDGE, (0, 0, card.w, card.h), 4,
                     border_radius=theme.RADIUS)
    return surf, shown


def _tab(card: pygame.Surface, label: Piece) -> None:
    """The "What to do" label's pill, across the top edge of its box."""
    w = max(label_width(line, label.text.size) for line in label.text.lines)
    _pill(card, pygame.Rect(label.x - LABEL_PAD, label.y, w + 2 * LABEL_PAD, label.text.height))


def _pill(card: pygame.Surface, box: pygame.Rect) -> None:
    """The label's pill: ink, its words in the paper's colour (the card's colours swapped)."""
    pygame.draw.rect(card, theme.INK, box, border_radius=box.h // 2)


def _do_box(card: pygame.Surface, box: pygame.Rect) -> None:
    """The "What to do" box: the strongest thing on the card, a note with a thick outline."""
    pygame.draw.rect(card, theme.NOTE, box, border_radius=14)
    pygame.draw.rect(card, theme.INK, box, 4, border_radius=14)


def _cheer(card: pygame.Surface, words: str, size: int, used: int, y: int) -> None:
    """Scout's word on the round at the right of the card's bar, where the topic leaves room."""
    if not words:
        return
    shown = text.render(words, size, theme.WHITE, True)
    x = card.get_width() - CARD_PAD - shown.get_width()
    if x >= used + 40:
        card.blit(shown, (x, y))


def compose_card(bank: Bank, m: Message, mood: str = "") -> pygame.Surface:
    """The message card on its dimmed backdrop, as the whole screen (the button aside), the
    topic's picture and Scout in the column at its left."""
    topic = bank.topic_by_id.get(m.topic)
    surf, card = _blank_card(topic, 56)
    origin = bank.source_by_id.get(m.source)
    fitted = message_card(m, topic.title if topic else m.topic, bank.help_by_id.get(m.help),
                          origin.publisher if origin else m.source)
    card.blit(text.render(fitted.tag, TAG_SIZE, theme.WHITE, True), (CARD_PAD, 12))
    _cheer(card, cheer(mood), TAG_SIZE, CARD_PAD + label_width(fitted.tag, TAG_SIZE), 12)
    card.blit(fitted.title.surface(theme.INK), (CARD_PAD, fitted.title_y))
    card.blit(fitted.body.surface(theme.INK), (CARD_PAD, fitted.body_y))
    do_box = pygame.Rect(fitted.do_box)
    _do_box(card, do_box)
    label = text.render(fitted.do_label, DO_LABEL_SIZE, theme.PAPER, True)
    pill = label.get_rect().inflate(2 * LABEL_PAD, 6)
    pill.midleft = (DO_INDENT - LABEL_PAD, do_box.y)  # a tab across the box's top edge
    _pill(card, pill)
    card.blit(label, label.get_rect(center=pill.center))
    card.blit(fitted.do.surface(theme.INK), (DO_INDENT, fitted.do_y))
    if fitted.help:
        card.blit(fitted.help.surface(theme.LINK), (CARD_PAD, fitted.help_y))
    if fitted.think:
        card.blit(fitted.think.surface(theme.INK), (CARD_PAD, fitted.think_y))
    source = text.render(fitted.source, SOURCE_SIZE, theme.MUTED_INK)
    card.blit(source, (CARD_PAD, CARD.h - 12 - source.get_height()))
    surf.blit(card, CARD.topleft)
    x, y, size = CARD_PICTURE
    surf.blit(topic_picture(m.topic, size), (x, y))
    x, y, size = CARD_SCOUT  # Scout beside the card, telling the child
    surf.blit(scout(mood, size), (x, y))
    return surf
