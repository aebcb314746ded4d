"""A classroom lesson from first turn to summary: which screen comes next, and what is recorded.

Each round goes: whose turn → the dash → the safety message → talk about it → the scoreboard;
a Chat Check round: whose turn → the chat → its warning signs → the ending's safety message →
the chat's discussion prompts → the scoreboard (the plan's kind says which rounds are chats);
after the last round (or when the teacher ends the lesson) the final scoreboard, then the class
summary, written to the report folder.
"""
from __future__ import annotations

import dataclasses
import random
from pathlib import Path
from typing import TYPE_CHECKING

import pygame

from game.content.model import Message, Question
from game.rules.classroom import ClassLesson, LessonPlan
from game.scenes.classroom import base

if TYPE_CHECKING:
    from game.app import App
    from game.reports.classroom import ReportFiles
    from game.rules.chat import ChatRun
    from game.rules.round import Round

VOTE_SECONDS = 30  # the voting countdown, when the teacher has turned timers on


def open_setup(app: App) -> None:
    """The classroom setup screen, on top of the current one; starting the lesson replaces it
    (and turns full screen on, as a projector wants)."""
    from game.scenes.classroom.setup import SetupScene

    def start(plan: LessonPlan) -> None:
        if not app.fullscreen and not app.fast:
            app.toggle_fullscreen()
        ClassroomRun(app, plan, app.session.report_dir).begin()

    app.push(SetupScene(app, start))


class ClassroomRun:
    def __init__(self, app: App, plan: LessonPlan, report_dir: Path | None = None) -> None:
        self.app = app
        self.lesson = ClassLesson(plan)
        self.report_dir = report_dir
        self.rng = random.Random(f"classroom:{app.session.seed}")
        self.report: ReportFiles | None = None  # the files written at the end, if they were
        self.discuss: tuple[str, ...] = ()  # a chat's discussion prompts, for after its message

    # --- what a round of the lesson asks of it (game.scenes.round.Lesson) -----------------------
    @property
    def band(self) -> str:
        return self.lesson.plan.band

    @property
    def team_name(self) -> str:
        """The team whose turn it is."""
        return self.lesson.team.name

    @property
    def vote(self) -> bool:
        return self.lesson.plan.style == "vote"

    @property
    def timers(self) -> bool:
        return self.lesson.plan.timers

    def vote_seconds_left(self, waited: float) -> int | None:
        """The voting countdown's seconds left, or None with timers off."""
        return max(0, round(VOTE_SECONDS - waited)) if self.timers else None

    def vote_card(self, seconds_left: int | None) -> pygame.Surface:
        return base.vote_card(seconds_left)

    def legend(self) -> pygame.Surface:
        """The teacher's keys (F1)."""
        return base.legend()

    def round_rng(self) -> random.Random:
        return random.Random(f"classroom:{self.app.session.seed}:{self.lesson.rounds_played}")

    def questions(self, count: int, rng: random.Random) -> list[Question]:
        return self.lesson.questions_for_round(self.app.session.bank.questions, count, rng)

    # --- the screens, in order -----------------------------------------------------------------
    def begin(self) -> None:
        """The first team's turn (called from the setup screen, which it replaces)."""
        from game.scenes.classroom.turn import TurnScene
        self.app.replace(TurnScene(self.app, self))

    def play_round(self) -> None:
        """The dash, or a chat when the plan makes this round one (and the bank has one for the
        band)."""
        if self.lesson.round_kind == "chat":
            chat = self.lesson.chat_for_round(self.app.session.bank.chats, self.round_rng())
            if chat is not None:
                from game.scenes.classroom.chat import ClassChatScene
                self.app.replace(ClassChatScene(self.app, self, chat))
                return
        from game.scenes.round import RoundScene
        self.app.replace(RoundScene(self.app, classroom=self))

    def chat_over(self, run: ChatRun) -> None:
        """The chat reached its ending: record what the class spotted and chose; its signs."""
        from game.scenes.classroom.chat import ClassChatReviewScene
        self.lesson.record_chat(run)
        self.app.replace(ClassChatReviewScene(self.app, self, run))

    def after_review(self, run: ChatRun) -> None:
        """The chat's score to the team, then its ending's message and its discussion prompts."""
        message = self.app.session.bank.message_by_id.get(run.ending)
        self.lesson.finish_round(run.score(), message.id if message else "")
        if message is None:
            self.scoreboard()
            return
        self.discuss = run.chat.discuss
        from game.scenes.classroom.talk import ClassMessageScene
        self.app.replace(ClassMessageScene(self.app, self, message))

    def round_over(self, round_: Round) -> None:
        """Record the round's gates and score; then its safety message."""
        for result in round_.results:
            outcome = "skipped" if result.skipped else "right" if result.correct else "wrong"
            chosen = "" if result.skipped else result.question.answers[result.chosen].text
            self.lesson.record(result.question, outcome, chosen)
        bank = self.app.session.bank
        message = self.lesson.message_for_round(bank.messages, round_.missed_topics, self.rng)
        self.lesson.finish_round(round_.score, message.id if message else "")
        if message is None:
            self.scoreboard()
            return
        from game.scenes.classroom.talk import ClassMessageScene
        self.app.replace(ClassMessageScene(self.app, self, message))

    def talk(self, message: Message) -> None:
        """The message's discussion prompts (after a chat, the chat's own)."""
        from game.scenes.classroom.talk import TalkScene
        prompts, self.discuss = self.discuss or message.discuss, ()
        if prompts:
            self.app.replace(TalkScene(self.app, self,
                                       dataclasses.replace(message, discuss=prompts)))
        else:
            self.scoreboard()

    def scoreboard(self) -> None:
        from game.scenes.classroom.scoreboard import ScoreboardScene
        self.app.replace(ScoreboardScene(self.app, self))

    def after_scoreboard(self) -> None:
        if self.lesson.finished:
            from game.scenes.classroom.summary import SummaryScene
            self.app.replace(SummaryScene(self.app, self))
        else:
            from game.scenes.classroom.turn import TurnScene
            self.app.replace(TurnScene(self.app, self))

    def end_lesson(self) -> None:
        """The teacher ends the lesson: the rounds played so far count; the final scores."""
        self.lesson.end()
        self.scoreboard()
