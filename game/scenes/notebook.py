"""The Safety Notebook, a sticker book: a page for each topic, where each message collected is a
sticker (reopenable) and the rest are outlines still to find; and "For home", which saves a page
for the child's grown-up (game.reports.take_home) and says where."""
from __future__ import annotations

from abc import abstractmethod

import pygame

from game.art.topic_pictures import topic_picture
from game.content.model import Message, Topic
from game.i18n import t
from game.scenes.base import MenuScene
from game.scenes.common import (
    backdrop, centred_x, corner_of, draw_frame, foot_buttons, heading_block, page_counter_words,
    page_focus,
)
from game.ui.layout.base import Rect
from game.ui.layout.notebook import (
    ListLayout, NOTEBOOK_STICKER, NOTEBOOK_TOPIC, NOTEBOOK_TOPICS, STICKER_ROOM,
    TOPIC_HEADING_SIZE, button_pages, notebook_topic_count, notebook_topic_label,
    topic_picture_place,
)
from game.ui.stickers import StickerButton, TopicButton
from game.ui.theme import hex_colour
from game.ui.widgets import Button, ButtonRow


def seen_by_topic(app) -> list[tuple[Topic, list[Message]]]:
    bank, notebook = app.session.bank, app.session.profile.notebook
    seen = [bank.message_by_id[i] for i in notebook if i in bank.message_by_id]
    return [(topic, [m for m in seen if m.topic == topic.id]) for topic in bank.topics]


def to_collect(app, topic: Topic) -> list[Message]:
    """The topic's messages this player can collect: those for their age band, and any they
    collected when they chose another."""
    session = app.session
    notebook = set(session.profile.notebook)
    return [m for m in session.bank.messages
            if m.topic == topic.id and (session.band in m.ages or m.id in notebook)]


class PagedList(MenuScene):
    """A heading, a line under it, and a list of buttons in pages (arrows turn them), with
    Back at the foot: laid out afresh for the player's text size and language."""

    def __init__(self, app) -> None:
        super().__init__(app)
        self.page = 0
        self.pages: tuple[tuple[tuple[int, Rect], ...], ...] = ((),)
        self.buttons = ButtonRow([])
        self.static = pygame.Surface((1, 1))

    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("Arrow keys choose, Enter opens, Esc goes back.")

    @abstractmethod
    def placed(self, scale: float) -> ListLayout:
        """Where the heading, the line and the list's buttons go."""

    @abstractmethod
    def item(self, index: int, rect: pygame.Rect, size: int) -> Button:
        """The button for the list's item `index`."""

    def own_buttons(self) -> list[Button]:
        """The screen's own buttons at its foot, in the order placed() names them: Back."""
        return [Button(t("Back"), pygame.Rect(0, 0, 1, 1), self.app.pop, "Esc")]

    def _build(self) -> None:
        scale = self.app.session.settings.text_scale
        placed = self.placed(scale)
        self.pages = placed.pages
        self.page = min(self.page, len(self.pages) - 1)
        frame = placed.frame
        items = [self.item(i, pygame.Rect(rect), placed.label) for i, rect in
                 self.pages[self.page]]
        foot = foot_buttons(frame, self.page, len(self.pages), self.turn, self.own_buttons())
        buttons = items + foot
        first = next((i for i, b in enumerate(items) if b.enabled), len(buttons) - 1)
        self.buttons = ButtonRow(buttons, focus=first if not self.buttons.buttons else
                                 min(self.buttons.focus, len(buttons) - 1))
        if frame.paged and not buttons[self.buttons.focus].enabled:
            self.buttons.focus = len(items) + page_focus(ButtonRow(foot[:2]), foot, True)
        self.static = backdrop(120)
        draw_frame(self.static, frame, self.page, len(self.pages), scale)
        if placed.line and self.page == 0:
            line = heading_block(placed.line)
            self.static.blit(line, (centred_x(line), placed.line_y))
        self.decorate(placed)

    def decorate(self, placed: ListLayout) -> None:
        """Anything a list draws beside its heading (on self.static), once per layout."""

    def turn(self, step: int) -> None:
        self.page = max(0, min(len(self.pages) - 1, self.page + step))
        self._build()
        self.buttons.focus = len(self.pages[self.page]) + (0 if step < 0 else 1)
        if not self.buttons.buttons[self.buttons.focus].enabled:
            self.buttons.focus = len(self.pages[self.page]) + (1 if step < 0 else 0)

    def content_changed(self) -> None:
        self._build()

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.static, (0, 0))
        self.buttons.draw(surface)


class NotebookScene(PagedList):
    def __init__(self, app) -> None:
        super().__init__(app)
        self._build()

    def _groups(self) -> list[tuple[Topic, list[Message]]]:
        return seen_by_topic(self.app)[:NOTEBOOK_TOPICS]

    def placed(self, scale: float) -> ListLayout:
        session = self.app.session
        count = len(session.profile.notebook)
        line = t("Play a round to collect your first safety message!") if count == 0 else \
            t("{count} of {total} stickers collected. Pick a topic!", count=count,
              total=sum(len(to_collect(self.app, topic)) for topic in session.bank.topics))
        labels = [self._measured(topic, seen) for topic, seen in self._groups()]
        return button_pages(t("My Safety Notebook"), line, labels, scale,
                                   corner_of(scale), page_counter_words(),
                                   ((t("For home"), ""), (t("Back"), "Esc")),
                                   NOTEBOOK_TOPIC, (2, 1))

    def own_buttons(self) -> list[Button]:
        """For home, then Back."""
        return [Button(t("For home"), pygame.Rect(0, 0, 1, 1), self.for_home)] + \
            super().own_buttons()

    def for_home(self) -> None:
        """Save the page for the child's grown-up in Documents > Safety Dash and say so in
        plain words (or why it could not be saved: nothing else changes), then open it in the
        web browser where the computer has a screen to show it on."""
        from game.reports.take_home import (
            TakeHomeError, home_folder, open_in_browser, place_words, save_for_home,
        )
        from game.scenes.notice import NoticeScene
        profile, folder = self.app.session.profile, home_folder()
        try:
            path = save_for_home(self.app.session.bank, profile.notebook, profile.nickname,
                                 folder)
        except TakeHomeError as problem:
            words = str(problem)
        else:
            words = t("Saved for your grown-up in {place}.", place=place_words(folder))
            if can_open_pages():
                open_in_browser(path)
        self.app.push(NoticeScene(self.app, words))

    def _count(self, topic: Topic, seen: list[Message]) -> str:
        return notebook_topic_count(len(seen), len(to_collect(self.app, topic)))

    def _measured(self, topic: Topic, seen: list[Message]) -> str:
        return notebook_topic_label(topic.title, len(seen),
                                           len(to_collect(self.app, topic)))

    def item(self, index: int, rect: pygame.Rect, size: int) -> Button:
        """A topic's button, its count on a badge of its own; one with nothing collected yet
        opens too (its page shows what is still to find)."""
        topic, seen = self._groups()[index]
        count = self._count(topic, seen)
        return TopicButton(self._measured(topic, seen).rstrip(), rect,
                           lambda: self.open_topic(topic, seen),
                           colour=hex_colour(topic.colour), size=size, title=topic.title,
                           count=count)

    def open_topic(self, topic: Topic, messages: list[Message]) -> None:
        self.app.push(TopicPageScene(self.app, topic, messages))


def still_to_find() -> str:
    return t("Still to find")


def can_open_pages() -> bool:
    """Whether a page can be shown in the web browser: not when the game runs without a screen
    (tests, autoplay, screenshots)."""
    try:
        return pygame.display.get_driver() not in ("dummy", "offscreen")
    except pygame.error:
        return False


class TopicPageScene(PagedList):
    """A topic's page of the sticker book: every message of the topic, first a sticker for each
    one collected (`messages`), then an outline for each still to find."""

    def __init__(self, app, topic: Topic, messages: list[Message]) -> None:
        super().__init__(app)
        self.topic, self.messages = topic, messages
        self._build()

    def _all(self) -> list[tuple[Message, bool]]:
        """Each of the topic's messages, and whether it was collected."""
        seen = {m.id for m in self.messages}
        every = to_collect(self.app, self.topic)
        every += [m for m in self.messages if m not in every]  # from a pack since removed
        return [(m, True) for m in every if m.id in seen] + \
            [(m, False) for m in every if m.id not in seen]

    def placed(self, scale: float) -> ListLayout:
        found = self._all()
        labels = [STICKER_ROOM + (m.title if got else still_to_find())
                  for m, got in found]
        line = t("{seen} of {total} found", seen=sum(got for _, got in found),
                 total=len(found)) if scale < 1.5 else ""  # large: the notebook's badge says it
        return button_pages(self.topic.title, line, labels, scale, corner_of(scale),
                                   page_counter_words(), ((t("Back"), "Esc"),),
                                   NOTEBOOK_STICKER, (2, 1), TOPIC_HEADING_SIZE)

    def decorate(self, placed: ListLayout) -> None:
        """The topic's picture beside its page's heading, where the words leave room."""
        spot = topic_picture_place(placed.frame, placed.line if self.page == 0 else None,
                                   placed.line_y)
        if spot:
            x, y, size = spot
            self.static.blit(topic_picture(self.topic.id, size), (x, y))

    def content_changed(self) -> None:
        bank = self.app.session.bank
        self.topic = bank.topic_by_id.get(self.topic.id, self.topic)
        self.messages = [bank.message_by_id.get(m.id, m) for m in self.messages]
        self._build()

    def item(self, index: int, rect: pygame.Rect, size: int) -> Button:
        message, got = self._all()[index]
        sticker = StickerButton(message.title if got else still_to_find(), rect,
                                lambda: self.open(message), colour=hex_colour(self.topic.colour),
                                size=size, collected=got, topic=self.topic.id)
        sticker.enabled = got
        return sticker

    def open(self, message: Message) -> None:
        from game.scenes.message import MessageScene
        self.app.push(MessageScene(self.app, message))
