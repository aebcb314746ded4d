"""After a classroom round: the safety message, then "Talk about it": its discussion prompts,
one at a time, for as long as the class needs."""
from __future__ import annotations

import pygame

from game.actions import Act, Action
from game.content.model import Message
from game.i18n import t
from game.rules.tuning import WIDTH, message_wait_seconds
from game.scenes import spoken
from game.scenes.classroom.base import BarButton, ClassroomScene, blit_at, fit
from game.scenes.message import compose_pages, message_layout
from game.ui import text, theme
from game.ui.layout.base import Fitted

CARD_X = 80  # the prompts' cards, this far in from each side
NUMBER_W = 90  # the prompt's number, left of its words


class ClassMessageScene(ClassroomScene):
    """The message card as a child sees it; with timers on, Talk about it waits for reading
    time."""

    music = "quiet"
    one_row_bar = True  # the card reaches down to the bar's row

    def __init__(self, app, run, message: Message) -> None:
        self.message = message
        self.page = 0
        self.pages: list[pygame.Surface] = []  # the card's pages, composed by build()
        words_ = " ".join((message.title, message.text, message.do))
        self.wait = message_wait_seconds(words_, run.lesson.plan.band) if run.timers else 0.0
        self.shown_at = app.now
        super().__init__(app, run)

    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("Enter or N: talk about it. F1 shows the teacher's keys.")

    def build(self) -> None:
        self.message = self.app.session.bank.message_by_id.get(self.message.id, self.message)
        self.pages = compose_pages(self.app.session.bank, self.message,
                                   *message_layout(self.app, classroom=True))
        self.page = min(self.page, len(self.pages) - 1)
        super().build()

    def actions(self) -> list[list[BarButton]]:
        pages = len(self.pages)
        more = [BarButton(t("Next page ({n} of {total})", n=n, total=pages), self.next,
                          theme.BUTTON, key="N") for n in range(1, pages)]
        return [more + [BarButton(t("Talk about it"), self.next, theme.RIGHT, key="N"),
                        BarButton(t("Read it first"), self.next, enabled=False)]]

    def shown(self, place: int) -> int:
        last = len(self.pages) - 1
        return self.page if self.page < last else last + (0 if self.ready else 1)

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
        elif action.kind is Act.BACK:
            self.ask_end()

    def compose(self, surface: pygame.Surface) -> None:
        surface.blit(self.pages[self.page], (0, 0))


class TalkScene(ClassroomScene):
    """The message's discussion prompts, revealed one at a time (D, a click or a tap); when
    they no longer all fit, the newest stay on screen, each with its number."""

    music = "quiet"

    def __init__(self, app, run, message: Message) -> None:
        self.message = message
        self.shown_prompts = 1
        super().__init__(app, run)

    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("D shows the next question to talk about; N goes on. F1: the teacher's keys.")

    @property
    def all_shown(self) -> bool:
        return self.shown_prompts >= len(self.message.discuss)

    def actions(self) -> list[list[BarButton]]:
        return [[BarButton(t("Next question"), self.reveal, key="D"),
                 BarButton(t("Scores"), self.next, theme.RIGHT, key="N")]]

    def shown(self, place: int) -> int:
        return 1 if self.all_shown else 0

    def reveal(self) -> None:
        if self.shown_prompts < len(self.message.discuss):
            self.shown_prompts += 1
            self.app.speak(self.message.discuss[self.shown_prompts - 1])

    def spoken(self) -> str:
        return spoken.sentences(t("Talk about it"), self.message.title,
                                *self.message.discuss[:self.shown_prompts])

    def next(self) -> None:
        self.run.scoreboard()

    def handle_screen(self, action: Action) -> None:
        kind = action.kind
        if kind is Act.REVEAL:
            self.reveal()
        elif kind in (Act.CONFIRM, Act.HOP):
            self.next() if self.all_shown else self.reveal()
        elif kind is Act.POINT and action.pos[1] < self.content_bottom:
            self.reveal()  # a click anywhere on the prompts shows the next
        elif kind is Act.BACK:
            self.ask_end()

    def screen_key(self) -> int:
        return self.shown_prompts

    def compose(self, surface: pygame.Surface) -> None:
        sizes = self.sizes
        head = fit(t("Talk about it"), WIDTH - 80, sizes.title, 1, True)
        y = 18 + blit_at(surface, head, theme.CLASS_ACCENT, midtop=(WIDTH // 2, 18)).h + 8
        title = fit(self.message.title, WIDTH - 2 * CARD_X, sizes.fall(36, theme.CLASS_BODY),
                    2, True)
        y += blit_at(surface, title, theme.CLASS_MUTED, midtop=(WIDTH // 2, y)).h + 16
        prompts = self.message.discuss
        left = len(prompts) - self.shown_prompts
        more = fit(t("{left} more: press D or tap", left=left), WIDTH - 2 * CARD_X,
                   sizes.body, 1) if left else None
        bottom = self.content_bottom - (more.height + 8 if more else 0)
        cards = self._cards(prompts[:self.shown_prompts], bottom - y)
        start = len(prompts[:self.shown_prompts]) - len(cards)
        for i, (words, height) in enumerate(cards, start):
            card = pygame.Rect(CARD_X, y, WIDTH - 2 * CARD_X, height)
            pygame.draw.rect(surface, theme.CLASS_PANEL, card, border_radius=theme.RADIUS)
            edge = theme.CLASS_ACCENT if i == self.shown_prompts - 1 else theme.CLASS_MUTED
            pygame.draw.rect(surface, edge, card, 3, border_radius=theme.RADIUS)
            number = text.render(f"{i + 1}", sizes.px(44), theme.CLASS_ACCENT, True)
            surface.blit(number, (card.x + 24, card.y + 12))
            surface.blit(words.surface(theme.CLASS_TEXT), (card.x + NUMBER_W, card.y + 12))
            y += height + 16
        if more:
            blit_at(surface, more, theme.CLASS_MUTED, midtop=(WIDTH // 2, bottom + 4))

    def _cards(self, prompts: tuple[str, ...], room: int) -> list[tuple[Fitted, int]]:
        """The prompts shown, each wrapped into its card, with the card's height: every one at
        the largest size at which they all fit; when they cannot, the newest that fit at the
        smallest size (the ones before were talked about already)."""
        sizes = self.sizes
        width = WIDTH - 2 * CARD_X - NUMBER_W - 24
        number_h = text.line_height(sizes.px(44), True)
        cards: list[tuple[Fitted, int]] = []
        for size in sizes.fall(40, 36, 32, 30):
            cards = []
            for prompt in prompts:
                lines = tuple(text.wrap(prompt, size, width))
                words = Fitted(size, lines, True, width)
                cards.append((words, max(words.height, number_h) + 24))
            if sum(h for _, h in cards) + 16 * (len(cards) - 1) <= room:
                return cards
        shown: list[tuple[Fitted, int]] = []
        for card in reversed(cards):
            if shown and sum(h + 16 for _, h in shown) + card[1] > room:
                break
            shown.insert(0, card)
        if shown[0][1] > room:  # one prompt taller than the screen: cut short, and noted
            words = fit(prompts[-1], width, sizes.body[-1:], height=room - 24)
            shown = [(words, room)]
        return shown
