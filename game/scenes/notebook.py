"""The Safety Notebook: every message the player has seen, by topic, reopenable."""
from __future__ import annotations

import pygame

from game.content.model import Message, Topic
from game.scenes.base import MenuScene
from game.scenes.common import backdrop, centred_x, fitted_heading, heading
from game.ui import layout, text, theme
from game.ui.theme import hex_colour
from game.ui.widgets import Button, ButtonRow

PAGE = 6


def seen_by_topic(app) -> list[tuple[Topic, list[Message]]]:
    bank, notebook = app.session.bank, app.session.profile.notebook
    seen = [bank.message_by_id[i] for i in notebook if i in bank.message_by_id]
    return [(t, [m for m in seen if m.topic == t.id]) for t in bank.topics]


class NotebookScene(MenuScene):
    keys_hint = "Arrow keys choose, Enter opens, Esc goes back."

    def __init__(self, app) -> None:
        super().__init__(app)
        groups = seen_by_topic(app)
        total = {t.id: sum(1 for m in app.session.bank.messages if m.topic == t.id)
                 for t, _ in groups}
        buttons = []
        for i, (topic, messages) in enumerate(groups[:layout.NOTEBOOK_TOPICS]):
            rect = pygame.Rect((110 + (i % 2) * 540, 170 + (i // 2) * 104), layout.NOTEBOOK_TOPIC)
            buttons.append(Button(layout.notebook_topic_label(topic.title, len(messages),
                                                              total[topic.id]), rect,
                                  lambda t=topic, ms=messages: self.open_topic(t, ms),
                                  colour=hex_colour(topic.colour)))
            buttons[-1].enabled = bool(messages)
        back = Button("Back", pygame.Rect(centred_x(300), 628, 300, 70), app.pop, "Esc")
        self.buttons = ButtonRow(buttons + [back], focus=next(
            (i for i, b in enumerate(buttons) if b.enabled), len(buttons)))
        self.static = backdrop(120).copy()
        title = heading("My Safety Notebook", theme.TEXT_HUGE - 8)
        self.static.blit(title, (centred_x(title), 24))
        count = len(app.session.profile.notebook)
        line = ("Play a round to collect your first safety message!" if count == 0 else
                f"You have collected {count} safety "
                f"{'message' if count == 1 else 'messages'}. Pick a topic to read them again.")
        sub = heading(line, theme.TEXT_BODY)
        self.static.blit(sub, (centred_x(sub), 110))

    def open_topic(self, topic: Topic, messages: list[Message]) -> None:
        self.app.push(TopicPageScene(self.app, topic, messages))

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.static, (0, 0))
        self.buttons.draw(surface)


class TopicPageScene(MenuScene):
    keys_hint = "Arrow keys choose, Enter opens, Esc goes back."

    def __init__(self, app, topic: Topic, messages: list[Message], page: int = 0) -> None:
        super().__init__(app)
        self.topic, self.messages, self.page = topic, messages, page
        pages = max(1, -(-len(messages) // PAGE))
        shown = messages[page * PAGE:(page + 1) * PAGE]
        buttons = [Button(m.title, pygame.Rect((190, 140 + i * 68), layout.NOTEBOOK_ENTRY),
                          lambda m=m: self.open(m), colour=hex_colour(topic.colour))
                   for i, m in enumerate(shown)]
        if page + 1 < pages:
            buttons.append(Button("More", pygame.Rect(810, 560, 220, 60),
                                  lambda: self.turn(page + 1), ""))
        if page > 0:
            buttons.append(Button("Earlier", pygame.Rect(250, 560, 220, 60),
                                  lambda: self.turn(page - 1), ""))
        buttons.append(Button("Back", pygame.Rect(centred_x(300), 628, 300, 70), app.pop, "Esc"))
        self.buttons = ButtonRow(buttons)
        self.static = backdrop(120).copy()
        title = fitted_heading(topic.title, layout.TOPIC_HEADING_W, layout.TOPIC_HEADING_SIZE)
        self.static.blit(title, (centred_x(title), 30))
        if pages > 1:
            note = text.render(f"Page {page + 1} of {pages}", theme.TEXT_SMALL, theme.WHITE, True)
            self.static.blit(note, (centred_x(note), 112))

    def open(self, message: Message) -> None:
        from game.scenes.message import MessageScene
        self.app.push(MessageScene(self.app, message))

    def turn(self, page: int) -> None:
        self.app.replace(TopicPageScene(self.app, self.topic, self.messages, page))

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.static, (0, 0))
        self.buttons.draw(surface)
