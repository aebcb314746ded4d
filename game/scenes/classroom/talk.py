"""After a classroom round: the safety message, then "Talk about it": its discussion prompts,
one at a time, for as long as the class needs."""
from __future__ import annotations

import pygame

from game.actions import Act, Action
from game.content.model import Message
from game.rules.tuning import WIDTH, message_wait_seconds
from game.scenes import spoken
from game.scenes.classroom.base import ClassroomScene, class_button, paragraph, words
from game.scenes.message import compose_pages, message_layout
from game.ui import theme

ON = pygame.Rect(24, 648, 380, 64)  # left of the toolbar


class ClassMessageScene(ClassroomScene):
    """The message card as a child sees it; with timers on, Continue waits for reading time."""

    keys_hint = "Enter or N: talk about it. F1 shows the teacher's keys."
    music = "quiet"

    def __init__(self, app, run, message: Message) -> None:
        super().__init__(app, run)
        self.message = message
        self.pages = compose_pages(app.session.bank, message, *message_layout(app, classroom=True))
        self.page = 0
        words_ = " ".join((message.title, message.text, message.do))
        self.wait = message_wait_seconds(words_, run.lesson.plan.band) if run.timers else 0.0
        self.shown_at = app.now
        self.button = class_button("Talk about it", ON, self.next, theme.RIGHT)
        self.more = [class_button(f"Next page ({n} of {len(self.pages)})", ON, self.next,
                                  theme.BUTTON) for n in range(1, len(self.pages))]
        self.waiting = class_button("Read it first", ON, self.next)
        self.waiting.enabled = False

    @property
    def ready(self) -> bool:
        return self.app.now - self.shown_at >= self.wait

    def spoken(self) -> str:
        return spoken.message(self.app.session.bank, self.message)

    def next(self) -> None:
        """The card's next page; from the last, once read, Talk about it."""
        if self.page < len(self.pages) - 1:
            self.page += 1
        elif self.ready:
            self.run.talk(self.message)

    def screen_key(self) -> int:
        return self.page

    def handle_screen(self, action: Action) -> None:
        if action.kind in (Act.CONFIRM, Act.HOP):
            self.next()
        elif action.kind is Act.POINT and ON.collidepoint(action.pos):
            self.next()
        elif action.kind is Act.BACK:
            self.ask_end()

    def compose(self, surface: pygame.Surface) -> None:
        surface.blit(self.pages[self.page], (0, 0))

    def draw_screen(self, surface: pygame.Surface) -> None:
        last = self.page >= len(self.pages) - 1
        button = self.more[self.page] if not last else self.button if self.ready else self.waiting
        button.draw(surface, self.ready and ON.collidepoint(self.hover))


class TalkScene(ClassroomScene):
    """The message's discussion prompts, revealed one at a time (D, a click or a tap)."""

    keys_hint = "D shows the next question to talk about; N goes on. F1: the teacher's keys."
    music = "quiet"

    def __init__(self, app, run, message: Message) -> None:
        super().__init__(app, run)
        self.message = message
        self.shown = 1
        self.reveal_button = class_button("Next question (D)", ON, self.reveal)
        self.on_button = class_button("Scores (N)", ON, self.next, theme.RIGHT)

    @property
    def all_shown(self) -> bool:
        return self.shown >= len(self.message.discuss)

    def reveal(self) -> None:
        if self.shown < len(self.message.discuss):
            self.shown += 1
            self.app.speak(self.message.discuss[self.shown - 1])

    def spoken(self) -> str:
        return spoken.sentences("Talk about it", self.message.title,
                                *self.message.discuss[:self.shown])

    def next(self) -> None:
        self.run.scoreboard()

    def handle_screen(self, action: Action) -> None:
        kind = action.kind
        if kind is Act.REVEAL:
            self.reveal()
        elif kind in (Act.CONFIRM, Act.HOP):
            self.next() if self.all_shown else self.reveal()
        elif kind is Act.POINT:
            if ON.collidepoint(action.pos):
                self.next() if self.all_shown else self.reveal()
            elif action.pos[1] < ON.y - 20:  # a click anywhere on the prompts shows the next
                self.reveal()
        elif kind is Act.BACK:
            self.ask_end()

    def screen_key(self) -> int:
        return self.shown

    def compose(self, surface: pygame.Surface) -> None:
        head = words("Talk about it", theme.CLASS_TITLE, theme.CLASS_ACCENT, True)
        surface.blit(head, head.get_rect(midtop=(WIDTH // 2, 18)))
        title = paragraph(self.message.title, WIDTH - 160, 60, theme.CLASS_MUTED,
                          (36, 32, 30), True, "center")
        surface.blit(title, (80, 86))
        y = 156
        prompts = self.message.discuss
        for i, prompt in enumerate(prompts[:self.shown]):
            card = pygame.Rect(80, y, WIDTH - 160, 132)
            pygame.draw.rect(surface, theme.CLASS_PANEL, card, border_radius=theme.RADIUS)
            edge = theme.CLASS_ACCENT if i == self.shown - 1 else theme.CLASS_MUTED
            pygame.draw.rect(surface, edge, card, 3, border_radius=theme.RADIUS)
            number = words(f"{i + 1}", 44, theme.CLASS_ACCENT, True)
            surface.blit(number, (card.x + 24, card.y + 16))
            surface.blit(paragraph(prompt, card.w - 120, card.h - 24, sizes=(40, 36, 32, 30)),
                         (card.x + 90, card.y + 12))
            y += 148
        left = len(prompts) - self.shown
        if left:
            more = words(f"{left} more: press D or tap", theme.CLASS_BODY, theme.CLASS_MUTED)
            surface.blit(more, (440, 600 - 8))

    def draw_screen(self, surface: pygame.Surface) -> None:
        button = self.on_button if self.all_shown else self.reveal_button
        button.draw(surface, ON.collidepoint(self.hover))
