"""Put the parsed files together into one Bank: ids unique, packs override, references resolve."""
from __future__ import annotations

import difflib
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from game.content.located import Located
from game.content.model import Bank, Branding, Message, Problem, Question

if TYPE_CHECKING:
    from game.content.loader import ParsedFile

_LIST_KINDS = ("sources", "topics", "help", "ranks", "messages", "questions")
Placed = tuple[Any, Located, str]  # an item, where it starts, and its file


def assemble_bank(files: list[ParsedFile], problems: list[Problem]) -> Bank:
    """Build the Bank from parsed files; every file's problems and the cross-file ones go in it."""
    problems = list(problems)
    for f in files:
        problems.extend(f.problems)
    kept = _unique(files, problems)
    branding = _branding(files, problems)
    help_ids = {h.id for h, _, _ in kept["help"]} | {h.id for h in branding.local_help}
    items = _resolved(kept, help_ids, problems)
    return Bank(branding=branding, problems=tuple(problems), **items)


def _unique(files: list[ParsedFile], problems: list[Problem]) -> dict[str, list[Placed]]:
    """Each kind's items, an id used once per layer; a later layer's item replaces an earlier one."""
    kept: dict[str, list[Placed]] = {kind: [] for kind in _LIST_KINDS}
    where: dict[str, tuple[str, int, int]] = {}  # id -> (kind, layer, index in kept[kind])
    for f in files:
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


def _resolved(kept: dict[str, list[Placed]], help_ids: set[str],
              problems: list[Problem]) -> dict[str, tuple]:
    """Drop items whose topic, help link or source does not exist; unlink unknown messages."""
    topic_ids = {t.id for t, _, _ in kept["topics"]}
    source_ids = {s.id for s, _, _ in kept["sources"]}

    def report(path: str, at: Located, what: str, bad: tuple[str, str], severity: str) -> None:
        code, message = bad
        problems.append(Problem(path, at.line, at.col, f"{what}: {message}", severity, code,
                                "check the spelling of the id, or add the item it names"))

    messages: list[Message] = []
    for m, at, path in kept["messages"]:
        bad = (_missing(m.topic, topic_ids, "topic") or _missing(m.help, help_ids, "help link")
               or (source_ids and _missing(m.source, source_ids, "source")))
        if bad:
            report(path, at, f"message '{m.id}'", bad, "error")
        else:
            messages.append(m)
    message_ids = {m.id for m in messages}
    questions: list[Question] = []
    for q, at, path in kept["questions"]:
        bad = _missing(q.topic, topic_ids, "topic") or (source_ids and _missing(q.source, source_ids,
                                                                               "source"))
        if bad:
            report(path, at, f"question '{q.id}'", bad, "error")
            continue
        loose = q.message and _missing(q.message, message_ids, "message")
        if loose:  # the link to a message is optional: keep the question, drop the link
            report(path, at, f"question '{q.id}'", loose, "warning")
            q = replace(q, message="")
        questions.append(q)
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
    }


def _missing(ref: str, known: set[str], what: str) -> tuple[str, str] | None:
    """None if `ref` names a known item, else the problem's code and message."""
    if ref in known:
        return None
    close = difflib.get_close_matches(ref, sorted(known), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"unknown-{what.replace(' ', '-')}", f"there is no {what} with the id '{ref}'{hint}"
