"""Typed, frozen records for everything in the content bank."""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from game.rules.chat import Chat

AGE_BANDS: tuple[str, ...] = ("7-9", "10-12", "13-15")
ENGLISH = "en"  # the language the bank is written in; others are translations of it


@dataclass(frozen=True)
class Problem:
    """One thing wrong in a content file, pointing at the editor's line and column (1-based)."""

    path: str
    line: int
    col: int
    message: str
    severity: str = "error"  # "error" skips the item; "warning" only reports
    code: str = ""  # a short stable name for the kind of problem, e.g. "duplicate-id"
    hint: str = ""  # one line on how to fix it

    def __str__(self) -> str:
        code = f" [{self.code}]" if self.code else ""
        return f"{self.path}:{self.line}:{self.col}: {self.severity}{code} {self.message}"


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
class Lesson:
    """A ready-made classroom lesson (content/lessons.yaml)."""

    id: str
    title: str  # shown on a button: short, e.g. "Pictures and the law"
    about: str  # one or two sentences for the teacher
    topics: tuple[str, ...]  # topic ids, at least one
    ages: tuple[str, ...]  # the age bands it suits ("7-9", "10-12", "13-15"), at least one
    rounds: int = 4  # 1 to 10
    style: str = "turns"  # "turns" (teams take turns) or "vote" (class vote)


LESSON_ROUNDS = (1, 10)  # the fewest and the most rounds a lesson may have
LESSON_STYLES = {"turns": "teams take turns", "vote": "the class votes"}


@dataclass(frozen=True)
class Colours:
    """The organisation's colours: `primary` fills buttons under white text; `accent` is the
    highlight and headline colour on dark navy."""

    primary: str = "#1f5ec4"
    accent: str = "#ffcc00"


@dataclass(frozen=True)
class Branding:
    """What a police force or school changes to make the game its own (branding.yaml)."""

    title: str = "Safety Dash"
    tagline: str = "Hop, dash and learn to stay safe online!"
    mascot: str = "Scout"
    organisation: str = ""
    colours: Colours = Colours()
    local_help: tuple[HelpLink, ...] = ()


@dataclass(frozen=True)
class Language:
    """The language a bank's words are in, and how far they are translated (see
    game.content.translation). An English bank has nothing to fall back from."""

    code: str = ENGLISH
    reviewed: bool = True  # False unless every translation file read says it was checked
    # (kind, id) of each item shown in English for want of a usable translation: kind is a
    # file's kind ("messages", "help"...); the branding is ("branding", "")
    fallbacks: frozenset[tuple[str, str]] = frozenset()

    def in_english(self, kind: str, item_id: str = "") -> bool:
        """Whether the item's words are the English ones (always, for an English bank)."""
        return self.code == ENGLISH or (kind, item_id) in self.fallbacks


@dataclass(frozen=True)
class Bank:
    topics: tuple[Topic, ...] = ()
    messages: tuple[Message, ...] = ()
    questions: tuple[Question, ...] = ()
    ranks: tuple[Rank, ...] = ()
    help: tuple[HelpLink, ...] = ()
    sources: tuple[Source, ...] = ()
    lessons: tuple[Lesson, ...] = ()
    chats: tuple[Chat, ...] = ()  # Chat Check scenarios (content/chats.yaml)
    branding: Branding = Branding()
    problems: tuple[Problem, ...] = field(default=(), compare=False)
    language: Language = Language()
    # the core files (like "messages") that give the game nothing: the game waits until they
    # are fixed (game.content.rules.broken_core)
    broken: tuple[str, ...] = field(default=(), compare=False)

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
        return {h.id: h for h in self.help_links}

    @cached_property
    def help_links(self) -> tuple[HelpLink, ...]:
        """Every help link in the order the help screen shows them: the bank's own, with the
        organisation's local links placed before the last one (the emergency number)."""
        local = self.branding.local_help
        if not local or not self.help:
            return self.help + local
        return self.help[:-1] + local + self.help[-1:]

    @cached_property
    def source_by_id(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def lesson_by_id(self) -> dict[str, Lesson]:
        return {lesson.id: lesson for lesson in self.lessons}

    @cached_property
    def chat_by_id(self) -> dict[str, Chat]:
        return {c.id: c for c in self.chats}

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(p for p in self.problems if p.severity == "error")

    def messages_for(self, band: str) -> tuple[Message, ...]:
        return tuple(m for m in self.messages if band in m.ages)

    def questions_for(self, band: str) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if band in q.ages)

    def chats_for(self, band: str) -> tuple[Chat, ...]:
        return tuple(c for c in self.chats if band in c.ages)
