"""Typed, frozen records for everything in the content bank."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

AGE_BANDS: tuple[str, ...] = ("7-9", "10-12", "13-15")


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a content file, pointing at the editor's line and column (1-based)."""

    path: str
    line: int
    col: int
    message: str
    severity: str = "error"  # "error" skips the item; "warning" only reports

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message}"


@dataclass(frozen=True)
class Topic:
    id: str
    title: str
    colour: str


@dataclass(frozen=True)
class Source:
    """A source article; `id` is its file name, which items name in their `source` field."""

    id: str
    publisher: str
    title: str


@dataclass(frozen=True)
class HelpLink:
    id: str
    title: str
    text: str
    url: str = ""
    phone: str = ""


@dataclass(frozen=True)
class Rank:
    id: str
    title: str
    points: int
    badge: str = ""


@dataclass(frozen=True)
class Message:
    id: str
    topic: str
    ages: tuple[str, ...]
    title: str
    text: str
    do: str
    help: str
    source: str
    discuss: tuple[str, ...] = ()


@dataclass(frozen=True)
class Answer:
    text: str
    safe: bool
    explain: str = ""


@dataclass(frozen=True)
class Question:
    id: str
    topic: str
    ages: tuple[str, ...]
    text: str
    answers: tuple[Answer, ...]
    source: str
    message: str = ""

    @property
    def safe_index(self) -> int:
        return next(i for i, a in enumerate(self.answers) if a.safe)


@dataclass(frozen=True)
class Bank:
    topics: tuple[Topic, ...] = ()
    messages: tuple[Message, ...] = ()
    questions: tuple[Question, ...] = ()
    ranks: tuple[Rank, ...] = ()
    help: tuple[HelpLink, ...] = ()
    sources: tuple[Source, ...] = ()
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    @cached_property
    def topic_by_id(self) -> dict[str, Topic]:
        return {t.id: t for t in self.topics}

    @cached_property
    def message_by_id(self) -> dict[str, Message]:
        return {m.id: m for m in self.messages}

    @cached_property
    def question_by_id(self) -> dict[str, Question]:
        return {q.id: q for q in self.questions}

    @cached_property
    def help_by_id(self) -> dict[str, HelpLink]:
        return {h.id: h for h in self.help}

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    def messages_for(self, band: str) -> tuple[Message, ...]:
        return tuple(m for m in self.messages if band in m.ages)

    def questions_for(self, band: str) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if band in q.ages)
