"""Chat Check: a chat from someone who is not who they say, played step by step.

A chat is a small graph of steps written by editors (content/chats.yaml): messages from the
contact (or a narrator's note), choices of what to do, and endings. An unsafe choice never
leads on: the child is told why and chooses again. `graph_problems` and `safe_paths` are the
path walker the validator uses; `ChatRun` is one play of a chat. No pygame here.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from typing import Union

# the warning signs, in the order the end-of-round review shows them
SIGNS: tuple[str, ...] = ("personal-info", "flattery", "gift", "move-app", "secret", "picture",
                          "pressure", "threat")
ACTIONS: tuple[str, ...] = ("reply", "block", "report", "tell", "screenshot", "leave")
AVATARS: tuple[str, ...] = ("fox", "cat", "owl", "robot", "star", "rocket")
OPTIONS = (2, 4)  # the fewest and the most options a choice may have

POINTS_SIGN = 100  # each warning sign spotted
POINTS_SAFE = 100  # each decision made safely at the first try
POINTS_SAFE_AGAIN = 50  # ... or after Scout stepped in
POINTS_FINISH = 50  # reaching the ending, as a dash round's finish


@dataclass(frozen=True)
class Says:
    """A message from the contact (or, with `narrator`, a line from the game); `next` is the
    step after it ("" only in a broken chat)."""

    id: str
    text: str
    next: str
    sign: str = ""  # "" or one of SIGNS
    why: str = ""  # the few words the review shows for the sign
    narrator: bool = False


@dataclass(frozen=True)
class Option:
    """One thing the child may do at a choice. A safe option names its `next` step; an unsafe
    one has a `why` and leads nowhere."""

    action: str  # one of ACTIONS
    text: str  # a reply's line, or a label for the other actions ("" for the default)
    safe: bool
    next: str = ""
    why: str = ""


@dataclass(frozen=True)
class Choice:
    id: str
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Ending:
    id: str
    message: str  # a message id from the bank


Step = Union[Says, Choice, Ending]
Problem = tuple[str, str, str]  # (step id, code, message)


@dataclass(frozen=True)
class Chat:
    id: str
    topic: str
    ages: tuple[str, ...]
    source: str
    contact: str
    avatar: str
    steps: tuple[Step, ...]  # in file order; steps[0] is the start
    discuss: tuple[str, ...] = ()

    @cached_property
    def _by_id(self) -> dict[str, Step]:
        out: dict[str, Step] = {}
        for s in self.steps:
            out.setdefault(s.id, s)
        return out

    def step(self, step_id: str) -> Step:
        """The step with this id (the first, if a broken chat has two); KeyError if none."""
        return self._by_id[step_id]

    def has(self, step_id: str) -> bool:
        return step_id in self._by_id


@dataclass(frozen=True)
class Line:
    """One bubble in the chat so far."""

    who: str  # "contact" | "me" | "note"
    text: str
    step: str  # the step id it came from
    sign: str  # "" or the sign kind (the child does not see this until the review)


class ChatRun:
    """One play of a chat: where the child is, what is shown, what was marked."""

    def __init__(self, chat: Chat) -> None:
        if not chat.steps:
            raise ValueError(f"chat '{chat.id}' has no steps")
        self.chat = chat
        self.lines: list[Line] = []
        self.marked: set[int] = set()
        self.taken: list[tuple[str, int, bool]] = []
        self._at: Step = chat.steps[0]
        self._show()

    @property
    def step(self) -> Step:
        return self._at

    @property
    def finished(self) -> bool:
        return isinstance(self._at, Ending)

    @property
    def ending(self) -> str:
        return self._at.message if isinstance(self._at, Ending) else ""

    def advance(self) -> bool:
        """At a message: go to the next step and show its line (if it is a message); False (and
        nothing changes) at a choice or an ending."""
        if not isinstance(self._at, Says):
            return False
        self._go(self._at.next)
        return True

    def choose(self, index: int) -> Option:
        """Take option `index` of the current choice: a safe one moves on (a reply shows the
        child's line first); an unsafe one stays at the choice. ValueError if not at a choice,
        IndexError for an option that is not there."""
        at = self._at
        if not isinstance(at, Choice):
            raise ValueError("there is no choice to make here")
        if not 0 <= index < len(at.options):
            raise IndexError(f"choice '{at.id}' has no option {index}")
        option = at.options[index]
        self.taken.append((at.id, index, option.safe))
        if option.safe:
            if option.action == "reply" and option.text:
                self.lines.append(Line("me", option.text, at.id, ""))
            self._go(option.next)
        return option

    def mark(self, line: int) -> bool:
        """Toggle the child's mark on a contact's line; whether it is marked now (a line that is
        not the contact's cannot be marked). IndexError for a line not shown."""
        if not 0 <= line < len(self.lines):
            raise IndexError(f"there is no line {line}")
        if self.lines[line].who != "contact":
            return False
        if line in self.marked:
            self.marked.discard(line)
            return False
        self.marked.add(line)
        return True

    @property
    def spotted(self) -> list[Line]:
        return [line for i, line in enumerate(self.lines) if line.sign and i in self.marked]

    @property
    def missed(self) -> list[Line]:
        return [line for i, line in enumerate(self.lines) if line.sign and i not in self.marked]

    @property
    def wrong_marks(self) -> int:
        return sum(1 for i in self.marked if not self.lines[i].sign)

    def score(self) -> int:
        """Points for the signs spotted and the safe choices (a wrong mark costs nothing, an
        unsafe choice only the difference a first-try safe choice would have made)."""
        points = POINTS_SIGN * len(self.spotted)
        stepped_back: set[str] = set()
        for step_id, _, safe in self.taken:
            if not safe:
                stepped_back.add(step_id)
            else:
                points += POINTS_SAFE_AGAIN if step_id in stepped_back else POINTS_SAFE
        return points + (POINTS_FINISH if self.finished else 0)

    def _go(self, step_id: str) -> None:
        self._at = self.chat.step(step_id)
        self._show()

    def _show(self) -> None:
        at = self._at
        if isinstance(at, Says):
            self.lines.append(Line("note" if at.narrator else "contact", at.text, at.id,
                                   "" if at.narrator else at.sign))


def successors(step: Step) -> list[str]:
    """The step ids a step can lead to: a message's next, a choice's safe options' next."""
    if isinstance(step, Says):
        return [step.next] if step.next else []
    if isinstance(step, Choice):
        return list(dict.fromkeys(o.next for o in step.options if o.safe and o.next))
    return []


def graph_problems(chat: Chat) -> list[Problem]:
    """What is wrong with the chat's steps as a story, each as (step id, code, message), in
    file order: unknown-next, option-count, no-safe-option, unsafe-option-leads-on,
    unreachable-step, never-ends (a message with no next, a step from which no ending can be
    reached, or a way round in a circle)."""
    if not chat.steps:
        return [("", "never-ends", "the chat has no steps")]
    out: list[Problem] = []
    for s in chat.steps:
        out.extend(_own_problems(chat, s))
    reached = _reachable(chat)
    ends = _can_end(chat)
    cycles = _cycle_edges(chat)
    has_own = {sid for sid, _, _ in out}
    for s in chat.steps:
        if s.id not in reached:
            out.append((s.id, "unreachable-step",
                        f"no path through the chat reaches the step '{s.id}'"))
        elif s.id in cycles:
            out.append((s.id, "never-ends", f"the step '{s.id}' leads back to '{cycles[s.id]}', "
                                            "so the chat can go round in a circle"))
        elif s.id not in ends and s.id not in has_own and \
                not any(chat.has(n) for n in successors(s)):
            out.append((s.id, "never-ends", f"the chat stops at '{s.id}' without an ending"))
    order = {s.id: i for i, s in enumerate(chat.steps)}
    return sorted(out, key=lambda p: order.get(p[0], -1))


def _own_problems(chat: Chat, s: Step) -> list[Problem]:
    """The problems a step has by itself (its options, its next steps)."""
    out: list[Problem] = []
    if isinstance(s, Says) and s.next and not chat.has(s.next):
        out.append((s.id, "unknown-next", f"the next step '{s.next}' is not in this chat"))
    if not isinstance(s, Choice):
        return out
    low, high = OPTIONS
    if not low <= len(s.options) <= high:
        out.append((s.id, "option-count",
                    f"a choice has {low} to {high} options, not {len(s.options)}"))
    if not any(o.safe for o in s.options):
        out.append((s.id, "no-safe-option", f"the choice '{s.id}' has no safe option"))
    for i, o in enumerate(s.options, 1):
        if not o.safe and o.next:
            out.append((s.id, "unsafe-option-leads-on",
                        f"option {i} of '{s.id}' is unsafe but leads on to '{o.next}'"))
        elif o.safe and not o.next:
            out.append((s.id, "unknown-next", f"option {i} of '{s.id}' is safe but names no "
                                              "next step"))
        elif o.safe and not chat.has(o.next):
            out.append((s.id, "unknown-next",
                        f"option {i} of '{s.id}' leads to '{o.next}', which is not in this chat"))
    return out


def _reachable(chat: Chat) -> set[str]:
    seen = {chat.steps[0].id}
    todo = [chat.steps[0].id]
    while todo:
        for n in successors(chat.step(todo.pop())):
            if n not in seen and chat.has(n):
                seen.add(n)
                todo.append(n)
    return seen


def _can_end(chat: Chat) -> set[str]:
    """The ids of the steps from which some path reaches an ending."""
    before: dict[str, set[str]] = {}
    for s in chat.steps:
        for n in successors(s):
            before.setdefault(n, set()).add(s.id)
    ends = {s.id for s in chat.steps if isinstance(s, Ending)}
    todo = list(ends)
    while todo:
        for p in before.get(todo.pop(), ()):
            if p not in ends:
                ends.add(p)
                todo.append(p)
    return ends


def _cycle_edges(chat: Chat) -> dict[str, str]:
    """Each reachable step whose next leads back to a step on the way to it -> that step."""
    out: dict[str, str] = {}
    state: dict[str, int] = {}  # 1: on the current path, 2: done
    start = chat.steps[0].id
    stack: list[tuple[str, list[str]]] = [(start, successors(chat.step(start)))]
    state[start] = 1
    while stack:
        sid, rest = stack[-1]
        if not rest:
            state[sid] = 2
            stack.pop()
            continue
        n = rest.pop(0)
        if not chat.has(n):
            continue
        if state.get(n) == 1:
            out.setdefault(sid, n)
        elif n not in state:
            state[n] = 1
            stack.append((n, successors(chat.step(n))))
    return out


def safe_paths(chat: Chat, limit: int = 1000) -> list[list[str]]:
    """The step ids of each way through the chat taking only safe options, from the first step
    to where the path stops (an ending, in a chat without problems), at most `limit` paths; a
    path never visits a step twice."""
    if not chat.steps:
        return []
    out: list[list[str]] = []
    stack: list[list[str]] = [[chat.steps[0].id]]
    while stack and len(out) < limit:
        path = stack.pop()
        nexts = [n for n in successors(chat.step(path[-1])) if chat.has(n) and n not in path]
        if not nexts:
            out.append(path)
            continue
        stack.extend(path + [n] for n in reversed(nexts))
    return out


def decisions(chat: Chat, path: list[str]) -> int:
    """How many choices a path passes through."""
    return sum(isinstance(chat.step(s), Choice) for s in path)


def signs(chat: Chat, path: list[str]) -> int:
    """How many warning signs a path shows."""
    return sum(1 for s in path if isinstance(st := chat.step(s), Says) and st.sign and
               not st.narrator)

