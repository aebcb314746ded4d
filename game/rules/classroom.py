"""A classroom lesson: its plan (teams, age band, rounds, play style), whose turn it is, the
scores, and what the class found hard. No pygame: the screens show this, the report writes it.

No child's name is ever asked for or kept: teams are the only names.

Teams take the rounds in turn (in either play style, each round's score is its team's), so a
lesson is fair only when every team plays the same number of rounds: the rounds are a whole
number of turns of the class (`even_turns`). The setup screen offers only such numbers
(`fair_rounds`), and a lesson asked for on the command line that is not fair is refused.
"""
from __future__ import annotations

import random
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from game.content.model import Message, Question
from game.rules.chat import Chat, ChatRun, Choice, Option
from game.rules.picker import pick_message, pick_questions

STYLES = {"turns": "Teams take turns", "vote": "Class vote"}
KINDS = ("dash", "chat", "mixed")  # a lesson's rounds: the dash, Chat Check, or both in turn
MIN_ROUNDS, MAX_ROUNDS = 1, 10
MAX_TEAMS = 4
NAME_LIMIT = 16  # characters in a team's name: it must fit the scoreboard at projector size
# each team's colour carries white text at 4.5:1 or more; the names are only a start
TEAM_COLOURS = ("#1f5ec4", "#b03a00", "#1b7340", "#7b3fb5", "#a01c5a", "#2d4a6b")
DEFAULT_NAMES = ("Foxes", "Owls", "Badgers", "Hedgehogs")


@dataclass
class Team:
    name: str
    colour: str  # "#rrggbb"
    score: int = 0


def default_teams(count: int) -> list[Team]:
    return [Team(DEFAULT_NAMES[i], TEAM_COLOURS[i]) for i in range(count)]


def even_turns(rounds: int, teams: int) -> bool:
    """Whether `rounds` give every one of `teams` teams the same number of rounds, one at
    least (2 teams and 1 round would leave a team out and make the other the winner)."""
    return teams >= 1 and rounds >= teams and rounds % teams == 0


def fair_rounds(rounds: int, teams: int) -> int:
    """The number of rounds the setup screen offers for `rounds` with `teams` teams: the next
    whole number of turns each (the last one within MAX_ROUNDS)."""
    teams = max(1, teams)
    most = MAX_ROUNDS - MAX_ROUNDS % teams
    return max(teams, min(most, -(-rounds // teams) * teams))


def clean_name(name: str, fallback: str) -> str:
    """A team name as typed, with spaces tidied and cut to NAME_LIMIT; empty gives `fallback`."""
    name = " ".join(name.split())[:NAME_LIMIT].strip()
    return name or fallback


@dataclass
class LessonPlan:
    """What the teacher chose on the setup screen."""

    band: str = "10-12"
    rounds: int = 4
    teams: list[Team] = field(default_factory=lambda: default_teams(2))
    style: str = "turns"  # a key of STYLES
    kind: str = "dash"  # one of KINDS
    topics: tuple[str, ...] = ()  # topic ids; () means every topic
    timers: bool = False  # reading and voting countdowns (off: the teacher sets the pace)
    lesson_id: str = ""  # the ready-made lesson (content/lessons.yaml) it started from, if any
    title: str = "Safety Dash lesson"

    def team_for_round(self, index: int) -> int:
        """The team playing round `index` (0-based): teams take rounds in turn."""
        return index % len(self.teams)

    @property
    def rounds_each(self) -> int:
        """How many rounds each team plays (in a fair lesson, see `even_turns`)."""
        return self.rounds // len(self.teams)

    def round_kind(self, index: int) -> str:
        """"dash" or "chat": what round `index` (0-based) plays. With both, the kinds take
        turns by turn of the class (every team plays each kind as often) when each team plays
        two rounds or more, else round by round; the dash first."""
        if self.kind != "mixed":
            return "chat" if self.kind == "chat" else "dash"
        turn = index // len(self.teams) if self.rounds_each >= 2 else index
        return "dash" if turn % 2 == 0 else "chat"


@dataclass(frozen=True)
class Answered:
    """One question gate of the lesson and what the class did at it."""

    round: int  # 1-based
    team: int  # index into the plan's teams
    question_id: str
    topic: str
    text: str
    outcome: str  # "right" | "wrong" | "skipped"
    chosen: str = ""  # the answer flown through ("" if the teacher skipped the question)


@dataclass(frozen=True)
class ChatPlayed:
    """One Chat Check round of the lesson and what the class did in it."""

    round: int  # 1-based
    team: int  # index into the plan's teams
    chat_id: str
    topic: str
    contact: str  # the made-up contact's first name
    spotted: tuple[str, ...]  # the warning signs the class marked, by kind, in the chat's order
    missed: tuple[str, ...]
    stepped_in: tuple[Option, ...]  # the unsafe options chosen, where Scout stepped in
    score: int


@dataclass(frozen=True)
class Standing:
    place: int  # 1 for the top score; teams with the same score share a place
    tied: bool
    team: Team


@dataclass(frozen=True)
class QuestionSummary:
    question_id: str
    topic: str
    text: str
    asked: int
    right: int
    skipped: int

    @property
    def answered(self) -> int:
        return self.asked - self.skipped

    @property
    def wrong(self) -> int:
        return self.answered - self.right

    @property
    def share_right(self) -> float | None:
        """Right answers as a share of answers given (None if it was only ever skipped)."""
        return self.right / self.answered if self.answered else None


@dataclass(frozen=True)
class TopicSummary:
    topic: str
    right: int
    answered: int

    @property
    def share_right(self) -> float:
        return self.right / self.answered if self.answered else 0.0


@dataclass(frozen=True)
class ClassSummary:
    """What the summary screen and the report show."""

    plan: LessonPlan
    rounds_played: int
    standings: tuple[Standing, ...]
    questions: tuple[QuestionSummary, ...]  # in the order first asked
    hardest: tuple[TopicSummary, ...]  # every topic answered, the lowest share right first
    messages: tuple[str, ...]  # the safety messages shown, in order
    answered: tuple[Answered, ...]
    ended_early: bool = False  # the teacher ended the lesson before its last round
    chats: tuple[ChatPlayed, ...] = ()  # the Chat Check rounds, in order


@dataclass
class ClassLesson:
    """A lesson being played: filled in round by round."""

    plan: LessonPlan
    answered: list[Answered] = field(default_factory=list)
    messages: list[str] = field(default_factory=list)
    rounds_played: int = 0
    ended_early: bool = False
    asked: Counter[str] = field(default_factory=Counter)  # question ids asked so far
    chats: list[ChatPlayed] = field(default_factory=list)

    @property
    def team_index(self) -> int:
        """The team whose round is next (or being played)."""
        return self.plan.team_for_round(self.rounds_played)

    @property
    def team(self) -> Team:
        return self.plan.teams[self.team_index]

    @property
    def finished(self) -> bool:
        return self.ended_early or self.rounds_played >= self.plan.rounds

    @property
    def round_kind(self) -> str:
        """What the next round (or the one being played) is: "dash" or "chat"."""
        return self.plan.round_kind(self.rounds_played)

    def chat_for_round(self, chats: Sequence[Chat], rng: random.Random) -> Chat | None:
        """A chat for the next round: the lesson's band, its topics when it has chats on them,
        played least in this lesson (None: the bank has no chat for the band)."""
        pool = [c for c in chats if self.plan.band in c.ages]
        pool = [c for c in pool if self._in_topics(c.topic)] or pool
        if not pool:
            return None
        played = Counter(c.chat_id for c in self.chats)
        least = min(played[c.id] for c in pool)
        return rng.choice([c for c in pool if played[c.id] == least])

    def record_chat(self, run: ChatRun) -> None:
        """The chat of the round being played, at its end: the signs spotted and missed and
        the choices where Scout stepped in."""
        chat = run.chat
        unsafe = []
        for step_id, index, safe in run.taken:
            step = chat.step(step_id)
            if not safe and isinstance(step, Choice):
                unsafe.append(step.options[index])
        self.chats.append(ChatPlayed(self.rounds_played + 1, self.team_index, chat.id,
                                     chat.topic, chat.contact,
                                     tuple(line.sign for line in run.spotted),
                                     tuple(line.sign for line in run.missed),
                                     tuple(unsafe), run.score()))

    def questions_for_round(self, questions: Sequence[Question], count: int,
                            rng: random.Random) -> list[Question]:
        """`count` questions for the next round: the lesson's topics and band, least asked in
        this lesson first (other topics of the band only if the chosen ones run out)."""
        band = self.plan.band
        pool = [q for q in questions if band in q.ages and self._in_topics(q.topic)]
        chosen = pick_questions(pool, band, count, self.asked, rng)
        if len(chosen) < count:
            rest = [q for q in questions if q not in pool]
            chosen += pick_questions(rest, band, count - len(chosen), self.asked, rng)
        return chosen

    def message_for_round(self, messages: Sequence[Message], missed_topics: Sequence[str],
                          rng: random.Random) -> Message | None:
        """The safety message after a round: the topic of a missed question first, then one not
        yet shown in this lesson; within the lesson's topics when it has any for the band."""
        band = self.plan.band
        pool = [m for m in messages if band in m.ages and self._in_topics(m.topic)] or \
            [m for m in messages if band in m.ages]
        seen = Counter(self.messages)
        return pick_message(pool, band, missed_topics, seen,
                            self.messages[-1] if self.messages else "", rng)

    def _in_topics(self, topic: str) -> bool:
        return not self.plan.topics or topic in self.plan.topics

    def record(self, question: Question, outcome: str, chosen: str = "") -> None:
        """A gate of the round being played: "right", "wrong" or "skipped"."""
        self.asked[question.id] += 1
        self.answered.append(Answered(self.rounds_played + 1, self.team_index, question.id,
                                      question.topic, question.text, outcome, chosen))

    def finish_round(self, score: int, message_id: str) -> None:
        """The round is over: its score goes to the team that played it."""
        self.team.score += max(0, score)
        if message_id:
            self.messages.append(message_id)
        self.rounds_played += 1

    def end(self) -> None:
        """The teacher ended the lesson early (the rounds played still count)."""
        self.ended_early = True

    def standings(self) -> list[Standing]:
        """Teams by score, highest first; equal scores share a place (1, 1, 3), in team order."""
        ordered = sorted(self.plan.teams, key=lambda t: -t.score)
        scores = Counter(t.score for t in ordered)
        above = {score: sum(n for s, n in scores.items() if s > score) for score in scores}
        return [Standing(above[t.score] + 1, scores[t.score] > 1, t) for t in ordered]

    def summary(self) -> ClassSummary:
        by_question: dict[str, list[Answered]] = {}
        for a in self.answered:
            by_question.setdefault(a.question_id, []).append(a)
        questions = tuple(
            QuestionSummary(qid, found[0].topic, found[0].text, len(found),
                            sum(a.outcome == "right" for a in found),
                            sum(a.outcome == "skipped" for a in found))
            for qid, found in by_question.items())
        topics: dict[str, list[int]] = {}
        for a in self.answered:
            if a.outcome != "skipped":
                counts = topics.setdefault(a.topic, [0, 0])
                counts[0] += a.outcome == "right"
                counts[1] += 1
        hardest = sorted((TopicSummary(t, right, n) for t, (right, n) in topics.items()),
                         key=lambda s: s.share_right)
        return ClassSummary(self.plan, self.rounds_played, tuple(self.standings()), questions,
                            tuple(hardest), tuple(self.messages), tuple(self.answered),
                            self.ended_early, tuple(self.chats))
