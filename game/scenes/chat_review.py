"""After a Chat Check chat: the review of the warning signs (spotted or missed, each with its
why), then the ending's safety message (the message screen, so it goes into the Notebook) and
the results."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import pygame

from game.actions import Act
from game.content.chat_words import sign_name
from game.i18n import t
from game.rules.chat import SIGNS, ChatRun, Line, Says
from game.rules.progress import RoundSummary, apply_round, record_message
from game.scenes.base import MenuScene
from game.scenes.common import (
    backdrop, corner_of, draw_frame, foot_buttons, heading_block, page_counter_words, page_focus,
)
from game.scenes.results import ResultsScene
from game.ui import text, theme
from game.ui.layout.chat import REVIEW_PAD, ReviewRow, review_layout
from game.ui.widgets import Button, ButtonRow, panel



@dataclass(frozen=True)
class ChatSummary(RoundSummary):
    """A chat's round for the results screen, the session's history and autoplay's report."""

    chat_id: str = ""
    choices: tuple[tuple[str, int, bool], ...] = ()  # (choice step, option, safe), in order
    spotted: tuple[str, ...] = ()  # the signs spotted, by kind
    missed: tuple[str, ...] = ()
    decisions: int = 0
    safe_first: int = 0  # decisions made safely at the first try


def finish(app, run: ChatRun, again: Callable[[], None] | None = None) -> None:
    """A chat reached its ending: keep the score and the message, then the review of the signs.
    `again`: an editor's preview, which saves nothing and plays the chat again after the
    review."""
    if again is not None:
        app.replace(ChatReviewScene(app, run, None, again))
        return
    session = app.session
    bank, profile = session.bank, session.profile
    message = bank.message_by_id.get(run.ending)
    score = run.score()
    outcome = apply_round(profile, score, bank.ranks)
    if message is not None:
        record_message(profile, message.id)
    session.save()
    decisions = list(dict.fromkeys(step for step, _, _ in run.taken))
    first_try = {}
    for step, _, safe in run.taken:
        first_try.setdefault(step, safe)
    safe_first = sum(first_try.values())
    spotted, missed = len(run.spotted), len(run.missed)
    stars = 1 + (2 * spotted >= spotted + missed) + (not missed and safe_first == len(decisions))
    summary = ChatSummary(score, spotted, spotted + missed, 0, stars, outcome,
                          message.id if message else "", run.chat.id, tuple(run.taken),
                          tuple(line.sign for line in run.spotted),
                          tuple(line.sign for line in run.missed), len(decisions), safe_first)
    session.history.append(summary)
    app.replace(ChatReviewScene(app, run, summary))


class ChatReviewScene(MenuScene):
    """The warning signs of the chat just played, in SIGNS order, spotted or missed."""

    music = "quiet"

    def __init__(self, app, run: ChatRun, summary: ChatSummary | None,
                 again: Callable[[], None] | None = None) -> None:
        super().__init__(app)
        self.run = run
        self.summary = summary
        self.again = again  # a preview: Continue plays the chat again
        self.page = 0
        self.buttons = ButtonRow([])
        self._build()

    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("Press Enter to go on. H for help.")

    def signs(self) -> list[tuple[Line, bool]]:
        """The chat's warning signs shown, in review order, and whether each was spotted."""
        spotted = {id(line) for line in self.run.spotted}
        found = self.run.spotted + self.run.missed
        found.sort(key=lambda line: (SIGNS.index(line.sign) if line.sign in SIGNS else 99,
                                     self.run.lines.index(line)))
        return [(line, id(line) in spotted) for line in found]

    def _why(self, line: Line) -> str:
        step = self.run.chat.step(line.step)
        return step.why if isinstance(step, Says) else ""

    def _summary_line(self) -> str:
        signs = self.signs()
        if not signs:
            return t("This chat had no warning signs.")
        return t("You spotted {spotted} of {signs} warning signs.",
                 spotted=sum(s for _, s in signs), signs=len(signs))

    def _rows(self) -> list[tuple[str, str, str]]:
        return [(t("Spotted! {sign}", sign=sign_name(line.sign)) if spotted else
                 t("Missed: {sign}", sign=sign_name(line.sign)),
                 "\u201c" + line.text + "\u201d", self._why(line))
                for line, spotted in self.signs()]

    def text_scale(self) -> float:
        """The text size the screen is laid out at (a classroom's: the projector's)."""
        return self.app.session.settings.text_scale

    def _build(self) -> None:
        scale = self.text_scale()
        placed = review_layout(t("Warning signs"), self._summary_line(), self._rows(),
                               t("Continue"), page_counter_words().format(page=9, pages=9),
                               scale, corner_of(scale))
        self.pages = placed.pages
        self.page = min(self.page, len(self.pages) - 1)
        frame = placed.frame
        go = Button(t("Continue"), pygame.Rect(0, 0, 1, 1), self.proceed, "Enter", theme.RIGHT)
        buttons = foot_buttons(frame, self.page, len(self.pages), self.turn, [go])
        self.buttons = ButtonRow(buttons, focus=page_focus(self.buttons, buttons, frame.paged))
        surf = backdrop(120)
        draw_frame(surf, frame, self.page, len(self.pages), scale)
        if self.page == 0:
            line = heading_block(placed.summary, theme.ACCENT)
            surf.blit(line, (placed.x, frame.top))
        spotted = [s for _, s in self.signs()]
        for i, top in self.pages[self.page]:
            surf.blit(_row(placed.rows[i], spotted[i], placed.w), (placed.x, top))
        self.static = surf

    def turn(self, step: int) -> None:
        self.page = max(0, min(len(self.pages) - 1, self.page + step))
        self._build()

    def content_changed(self) -> None:
        self._build()

    def spoken(self) -> str:
        from game.scenes.spoken import sentences
        return sentences(t("Warning signs"), self._summary_line(),
                         *(f"{status} {quote} {why}" for status, quote, why in self._rows()))

    def proceed(self) -> None:
        """The ending's safety message, then the results (a preview plays the chat again)."""
        app = self.app
        if self.again is not None or self.summary is None:
            if self.again is not None:
                self.again()
            return
        from game.scenes.message import MessageScene, round_mood
        message = app.session.bank.message_by_id.get(self.summary.message_id)
        results = ChatResultsScene(app, self.summary)
        mood = round_mood(self.summary.correct, self.summary.questions)
        app.replace(MessageScene(app, message, after=results, mood=mood) if message else results)

    def handle(self, action) -> None:
        if action.kind is Act.BACK:
            self.proceed()
        else:
            super().handle(action)

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.static, (0, 0))
        self.buttons.draw(surface)


def _row(row: ReviewRow, spotted: bool, w: int) -> pygame.Surface:
    """One sign's card: a tick (spotted) or a question mark (missed), what it is, the message
    and why it is a warning sign."""
    card = panel((w, row.h), border=3, shadow=0)
    pad = REVIEW_PAD
    r = row.icon // 2
    centre = (pad + r, pad + r)
    if spotted:
        pygame.draw.circle(card, theme.RIGHT, centre, r)
        pygame.draw.lines(card, theme.WHITE, False, [
            (centre[0] - r * 0.5, centre[1]), (centre[0] - r * 0.1, centre[1] + r * 0.4),
            (centre[0] + r * 0.55, centre[1] - r * 0.45)], max(3, r // 5))
    else:
        pygame.draw.circle(card, theme.ACCENT, centre, r)
        pygame.draw.circle(card, theme.INK, centre, r, 3)
        mark = text.render("?", r, theme.ON_ACCENT, True)
        card.blit(mark, mark.get_rect(center=centre))
    x = row.icon + 2 * pad
    y = pad
    card.blit(row.status.surface(theme.INK), (x, y))
    y += row.status.height + 8
    card.blit(row.quote.surface(theme.MUTED_INK), (x + 24, y))
    y += row.quote.height + 8
    card.blit(row.why.surface(theme.INK), (x, y))
    return card


class ChatResultsScene(ResultsScene):
    """The results after a chat: its score and stars, the signs spotted and the safe choices,
    the rank (Next round plays what the child chose: a chat, or the dash in turn)."""

    def _words(self):
        words = super()._words()
        s = self.summary
        lines = (t("Signs spotted: {spotted} of {signs}", spotted=s.correct,
                   signs=s.questions),
                 t("Safe first time: {safe} of {decisions}", safe=s.safe_first,
                   decisions=s.decisions)) + ((t("New best round!"),) if s.outcome.best else ())
        return replace(words, heading=t("Chat complete!"), lines=lines)
