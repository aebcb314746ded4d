"""Put the parsed files together into one Bank: ids unique, packs override, references resolve."""
from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from game.content.located import Located
from game.content.model import Bank, Branding, Lesson, Message, Problem, Question

if TYPE_CHECKING:
    from game.content.bank_files import ParsedFile

_LIST_KINDS = ("sources", "topics", "help", "ranks", "messages", "questions", "lessons", "chats")
Placed = tuple[Any, Located, str]  # an item, where it starts, and its file


def assemble_bank(files: list[ParsedFile], problems: list[Problem]) -> Bank:
    """Build the Bank from parsed files; every file's problems and the cross-file ones go in it."""
    problems = list(problems)
    for f in files:
        problems.extend(f.problems)
    kept = _unique(files, problems)
    branding = _branding(files, problems)
    help_ids = {h.id for h, _, _ in kept["help"]} | {h.id for h in branding.local_help}
    items = _resolved(kept, help_ids, _Broken(files), problems)
    return Bank(branding=branding, problems=tuple(problems), **items)


class _Broken:
    """What the bank meant to hold but could not use: the ids of items left out for mistakes of
    their own, and the kinds whose file could not be read at all. A reference to one of these
    is not a second mistake, and is not reported as an id that does not exist."""

    def __init__(self, files: list[ParsedFile]) -> None:
        self.unreadable: set[str] = set()
        self.written: dict[str, set[str]] = {}
        for f in files:
            if f.kind is None:
                continue
            entries = f.doc.value.get(f.kind) if f.doc is not None and \
                isinstance(f.doc.value, dict) else None
            if entries is None or not isinstance(entries.value, list):
                if any(p.severity == "error" for p in f.problems):
                    self.unreadable.add(f.kind)
                continue
            ids = self.written.setdefault(f.kind, set())
            for entry in entries.value:
                if isinstance(entry.value, dict) and "id" in entry.value:
                    ids.add(str(entry.value["id"].value))

    def why(self, ref: str, kind: str, what: str) -> str | None:
        """Why the item `ref` of `kind` cannot be used, if it was meant to be there."""
        if ref in self.written.get(kind, ()):
            return f"the {what} '{ref}' has a mistake of its own (reported where it is written)"
        if kind in self.unreadable:
            return f"the {what}s' file could not be read"
        return None


def _unique(files: list[ParsedFile], problems: list[Problem]) -> dict[str, list[Placed]]:
    """Each kind's items, an id used once per layer; a later layer's item replaces an earlier one.

    Lessons and chats come last in their layer: nothing names them, so one that takes an id
    already used is the one reported, never the message or question it would push out."""
    kept: dict[str, list[Placed]] = {kind: [] for kind in _LIST_KINDS}
    where: dict[str, tuple[str, int, int]] = {}  # id -> (kind, layer, index in kept[kind])
    for f in sorted(files, key=lambda parsed: (parsed.layer,
                                               parsed.kind in ("lessons", "chats"))):
        if f.kind not in kept:
            continue
        for item, at in f.items:
            seen = where.get(item.id)
            if seen is None:
                where[item.id] = (f.kind, f.layer, len(kept[f.kind]))
                kept[f.kind].append((item, at, f.path))
                continue
            kind, layer, index = seen
            _, first_at, first_path = kept[kind][index]
            if layer < f.layer and kind == f.kind:  # a pack replaces a shipped item
                kept[kind][index] = (item, at, f.path)
                where[item.id] = (kind, f.layer, index)
                continue
            problems.append(Problem(
                f.path, at.line, at.col,
                f"the id '{item.id}' is already used at {Path(first_path).name}:{first_at.line}",
                "error", "duplicate-id", "give this item an id of its own"))
    return kept


def _branding(files: list[ParsedFile], problems: list[Problem]) -> Branding:
    found = [(f, item, at) for f in files if f.kind == "branding" for item, at in f.items]
    if not found:
        return Branding()
    for f, _, at in found[1:]:
        if f.layer == found[0][0].layer:
            problems.append(Problem(f.path, at.line, at.col,
                                    f"the branding is already set in {Path(found[0][0].path).name}",
                                    "error", "duplicate-branding", "keep one branding file"))
    return max(found, key=lambda fia: fia[0].layer)[1]


def _resolved(kept: dict[str, list[Placed]], help_ids: set[str], broken: _Broken,
              problems: list[Problem]) -> dict[str, tuple]:
    """Drop items whose topic, help link or source does not exist; unlink unknown messages."""
    known = {"topic": ({t.id for t, _, _ in kept["topics"]}, "topics"),
             "help": (help_ids, "help"),
             "source": ({s.id for s, _, _ in kept["sources"]}, "sources")}
    names = {"topic": "topic", "help": "help link", "source": "source", "message": "message"}
    unknown_codes = {"topic": "unknown-topic", "help": "unknown-help-link",
                     "source": "unknown-source", "message": "unknown-message"}

    def check(item: Any, at: Located, path: str, fields: tuple[str, ...], noun: str,
              severity: str) -> bool:
        """Whether every reference in `fields` resolves; if not, the first problem reported."""
        return all(resolves(item.id, getattr(item, name), at.field(name), path, name, noun,
                            severity) for name in fields)

    def resolves(ident: str, ref: str, where: Located, path: str, name: str, noun: str,
                 severity: str) -> bool:
        """Whether `ref`, written at `where` in the item `ident`, names an existing item of the
        kind `name` refers to; if not, the problem is reported."""
        ids, kind = known[name]
        if ref in ids or (name == "source" and not ids):
            return True
        what = names[name]
        why = broken.why(ref, kind, what)
        if why:
            left = "left out" if severity == "error" else "not linked to it"
            problems.append(Problem(
                path, where.line, where.col, f"{noun} '{ident}' is {left}: {why}",
                "warning", "needs-broken-item", f"fix the {what} '{ref}' first"))
        else:
            close = difflib.get_close_matches(ref, sorted(ids), n=1)
            guess = f" (did you mean '{close[0]}'?)" if close else ""
            problems.append(Problem(
                path, where.line, where.col,
                f"{noun} '{ident}': there is no {what} with the id '{ref}'{guess}",
                severity, unknown_codes[name],
                f"check the spelling of the id, or add the {what} it names"))
        return False

    messages: list[Message] = [m for m, at, path in kept["messages"]
                               if check(m, at, path, ("topic", "help", "source"), "message",
                                        "error")]
    known["message"] = ({m.id for m in messages}, "messages")
    questions: list[Question] = []
    for q, at, path in kept["questions"]:
        if not check(q, at, path, ("topic", "source"), "question", "error"):
            continue
        # the link to a message is optional: keep the question, drop the link
        if q.message and not check(q, at, path, ("message",), "question", "warning"):
            q = replace(q, message="")
        questions.append(q)
    lessons: list[Lesson] = []
    for lesson, at, path in kept["lessons"]:
        written = {str(e.value): e for e in reversed(at.entries("topics"))}  # the first of each
        found = [resolves(lesson.id, t, written.get(t, at), path, "topic", "lesson", "error")
                 for t in lesson.topics]  # every unknown topic reported, not just the first
        if all(found):
            lessons.append(lesson)
            if "questions" not in broken.unreadable:
                _playable(lesson, at, path, questions, problems)
    chats = [c for c, at, path in kept["chats"]
             if check(c, at, path, ("topic", "source"), "chat", "error") and
             _endings(c, at, path, resolves, {m.id: m for m in messages}, problems)]
    ranks = sorted((r for r, _, _ in kept["ranks"]), key=lambda r: r.points)
    if ranks and ranks[0].points != 0:
        _, at, path = kept["ranks"][0]
        problems.append(Problem(path, at.line, at.col, "the first rank should need 0 points",
                                "warning", "first-rank-points", "set points: 0 on the first rank"))
    return {
        "sources": tuple(s for s, _, _ in kept["sources"]),
        "topics": tuple(t for t, _, _ in kept["topics"]),
        "help": tuple(h for h, _, _ in kept["help"]),
        "ranks": tuple(ranks),
        "messages": tuple(messages),
        "questions": tuple(questions),
        "lessons": tuple(lessons),
        "chats": tuple(chats),
    }


def _endings(chat: Any, at: Located, path: str, resolves: Callable[..., bool],
             messages: dict[str, Message], problems: list[Problem]) -> bool:
    """Whether every ending of a chat names a message of the bank (each one that does not is
    reported); a warning for an ending whose message is on another topic or for other ages."""
    from game.content.chat_checks import step_id
    from game.rules.chat import Ending
    written = {step_id(e): e for e in reversed(at.entries("steps"))}
    ok = True
    for step in chat.steps:
        if not isinstance(step, Ending):
            continue
        where = written.get(step.id, at).field("end")
        if not resolves(chat.id, step.message, where, path, "message", "chat", "error"):
            ok = False
            continue
        message = messages[step.message]
        ages = [band for band in chat.ages if band not in message.ages]
        if message.topic != chat.topic or ages:
            why = f"is on the topic '{message.topic}', not '{chat.topic}'" \
                if message.topic != chat.topic else f"is not for ages {' or '.join(ages)}"
            problems.append(Problem(
                path, where.line, where.col, f"chat '{chat.id}': the ending's message "
                                             f"'{message.id}' {why}", "warning",
                "ending-mismatch", "name a message on the chat's topic and for its ages: it "
                                   "goes into the child's notebook"))
    return ok


def _playable(lesson: Lesson, at: Located, path: str, questions: list[Question],
              problems: list[Problem]) -> None:
    """A warning if some age band the lesson suits has no question on any of its topics: the
    lesson could not be played for that band."""
    asked = {(q.topic, band) for q in questions if q.topic in lesson.topics for band in q.ages}
    bands = [band for band in lesson.ages if not any((t, band) in asked for t in lesson.topics)]
    if not bands:
        return
    where = at.field("ages")
    ages = " or ".join(bands)
    topics = ", ".join(f"'{t}'" for t in lesson.topics)
    one = len(bands) == 1
    problems.append(Problem(
        path, where.line, where.col,
        f"lesson '{lesson.id}' could not be played for ages {ages}: no question on its "
        f"{'topic' if len(lesson.topics) == 1 else 'topics'} ({topics}) is for "
        f"{'that age band' if one else 'those age bands'}", "warning", "unplayable-lesson",
        f"add a question for ages {ages} on one of its topics, add a topic that has one, or "
        f"take {'that band' if one else 'those bands'} out of its 'ages'"))
