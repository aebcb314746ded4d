"""Load the YAML bank into a Bank, skipping bad items and reporting every problem with its place.

`load_bank` never raises for anything in the files: a file that cannot be read, a broken item or a
dangling reference becomes a Problem, and the rest of the bank still loads.
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from game.content.located import Located, YamlProblem, parse
from game.content.model import (
    AGE_BANDS, Answer, Bank, HelpLink, Message, Problem, Question, Rank, Source, Topic,
)

_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


class ContentError(Exception):
    """The bank cannot be loaded at all (for example, its folder does not exist)."""


class _Reader:
    """Collects problems for one file and reads typed fields out of located YAML values."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def error(self, at: Located | tuple[int, int], message: str) -> None:
        self._add(at, message, "error")

    def warn(self, at: Located | tuple[int, int], message: str) -> None:
        self._add(at, message, "warning")

    def _add(self, at: Located | tuple[int, int], message: str, severity: str) -> None:
        line, col = (at.line, at.col) if isinstance(at, Located) else at
        self.problems.append(Problem(self.path, line, col, message, severity))

    def fields(self, item: Located, spec: dict[str, bool], what: str) -> dict[str, Located] | None:
        """Check an item is a mapping with the required fields; warn about unknown ones."""
        if not isinstance(item.value, dict):
            self.error(item, f"each {what} must be a set of 'field: value' lines, not {_kind(item.value)}")
            return None
        found: dict[str, Located] = item.value
        for name, loc in found.items():
            if name not in spec:
                close = difflib.get_close_matches(name, list(spec), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                self.warn((loc.line, max(1, loc.col - len(name) - 2)),
                          f"unknown field '{name}' in this {what}{hint}; it is ignored")
        missing = [name for name, required in spec.items() if required and name not in found]
        for name in missing:
            close = difflib.get_close_matches(name, list(found), n=1)
            hint = f" ('{close[0]}' looks like a misspelling of it)" if close else ""
            self.error(item, f"this {what} has no '{name}' field{hint}")
        return None if missing else found

    def text(self, fields: dict[str, Located], name: str, default: str | None = None) -> str | None:
        loc = fields.get(name)
        if loc is None:
            return default
        value = loc.value
        if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
            self.error(loc, f"'{name}' must be text, not {_kind(value)}")
            return None
        text = " ".join(str(value).split())
        if not text:
            self.error(loc, f"'{name}' is empty")
            return None
        return text

    def ident(self, fields: dict[str, Located], name: str) -> str | None:
        value = self.text(fields, name)
        if value is not None and not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", value):
            self.error(fields[name], f"'{name}' may use only letters, digits, '-', '_' and '.'")
            return None
        return value

    def ages(self, fields: dict[str, Located]) -> tuple[str, ...] | None:
        loc = fields["ages"]
        items = loc.value if isinstance(loc.value, list) else [loc]
        bands: list[str] = []
        for entry in items:
            band = str(entry.value).strip()
            if band not in AGE_BANDS:
                self.error(entry, f"'{band}' is not an age band; use one of {', '.join(AGE_BANDS)}")
                return None
            if band not in bands:
                bands.append(band)
        if not bands:
            self.error(loc, "'ages' lists no age band")
            return None
        return tuple(bands)

    def text_list(self, fields: dict[str, Located], name: str) -> tuple[str, ...] | None:
        loc = fields.get(name)
        if loc is None:
            return ()
        if not isinstance(loc.value, list):
            self.error(loc, f"'{name}' must be a list (each entry on its own '- ' line)")
            return None
        out = []
        for entry in loc.value:
            value = self.text({name: entry}, name)
            if value is None:
                return None
            out.append(value)
        return tuple(out)


def _kind(value: Any) -> str:
    if isinstance(value, dict):
        return "a set of fields"
    if isinstance(value, list):
        return "a list"
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return "yes/no"
    if isinstance(value, (int, float)):
        return "a number"
    return "text"


# --- one parser per kind of item -------------------------------------------------------------

def _topic(r: _Reader, item: Located) -> Topic | None:
    f = r.fields(item, {"id": True, "title": True, "colour": False}, "topic")
    if f is None:
        return None
    tid, title = r.ident(f, "id"), r.text(f, "title")
    colour = r.text(f, "colour", "#2f80ed") or "#2f80ed"
    if not _HEX_COLOUR.match(colour):
        r.warn(f["colour"], f"'colour' should look like \"#2f80ed\", not '{colour}'; using blue")
        colour = "#2f80ed"
    return Topic(tid, title, colour) if tid and title else None


def _help(r: _Reader, item: Located) -> HelpLink | None:
    f = r.fields(item, {"id": True, "title": True, "text": True, "url": False, "phone": False},
                 "help link")
    if f is None:
        return None
    hid, title, text = r.ident(f, "id"), r.text(f, "title"), r.text(f, "text")
    url, phone = r.text(f, "url", ""), r.text(f, "phone", "")
    if url and not url.startswith("https://"):
        r.error(f["url"], "help links must start with https://")
        return None
    if None in (hid, title, text, url, phone):
        return None
    return HelpLink(hid, title, text, url, phone)


def _source(r: _Reader, item: Located) -> Source | None:
    f = r.fields(item, {"id": True, "publisher": True, "title": True}, "source")
    if f is None:
        return None
    values = (r.ident(f, "id"), r.text(f, "publisher"), r.text(f, "title"))
    return None if None in values else Source(*values)  # type: ignore[arg-type]


def _rank(r: _Reader, item: Located) -> Rank | None:
    f = r.fields(item, {"id": True, "title": True, "points": True, "badge": False}, "rank")
    if f is None:
        return None
    rid, title, badge = r.ident(f, "id"), r.text(f, "title"), r.text(f, "badge", "")
    points = f["points"].value
    if isinstance(points, bool) or not isinstance(points, int) or points < 0:
        r.error(f["points"], "'points' must be a whole number, 0 or more")
        return None
    return Rank(rid, title, points, badge or "") if rid and title and badge is not None else None


def _message(r: _Reader, item: Located) -> Message | None:
    spec = {"id": True, "topic": True, "ages": True, "title": True, "text": True, "do": True,
            "help": True, "source": True, "discuss": False}
    f = r.fields(item, spec, "message")
    if f is None:
        return None
    values = (r.ident(f, "id"), r.ident(f, "topic"), r.ages(f), r.text(f, "title"),
              r.text(f, "text"), r.text(f, "do"), r.ident(f, "help"), r.text(f, "source"),
              r.text_list(f, "discuss"))
    if any(v is None for v in values):
        return None
    return Message(*values)  # type: ignore[arg-type]


def _question(r: _Reader, item: Located) -> Question | None:
    spec = {"id": True, "topic": True, "ages": True, "text": True, "answers": True,
            "source": True, "message": False}
    f = r.fields(item, spec, "question")
    if f is None:
        return None
    qid, topic, ages = r.ident(f, "id"), r.ident(f, "topic"), r.ages(f)
    text, source = r.text(f, "text"), r.text(f, "source")
    message = r.ident(f, "message") if "message" in f else ""
    answers = _answers(r, f["answers"])
    if None in (qid, topic, ages, text, source, message, answers):
        return None
    return Question(qid, topic, ages, text, answers, source, message)  # type: ignore[arg-type]


def _answers(r: _Reader, loc: Located) -> tuple[Answer, ...] | None:
    if not isinstance(loc.value, list) or not 2 <= len(loc.value) <= 3:
        r.error(loc, "'answers' must be a list of 2 or 3 answers")
        return None
    answers: list[Answer] = []
    for entry in loc.value:
        f = r.fields(entry, {"text": True, "safe": False, "explain": False}, "answer")
        if f is None:
            return None
        text = r.text(f, "text")
        safe_loc = f.get("safe")
        safe = bool(safe_loc.value) if safe_loc else False
        if safe_loc and not isinstance(safe_loc.value, bool):
            r.error(safe_loc, "'safe' must be true or false")
            return None
        explain = r.text(f, "explain", "")
        if text is None or explain is None:
            return None
        answers.append(Answer(text, safe, explain))
    safe_count = sum(a.safe for a in answers)
    if safe_count != 1:
        r.error(loc, f"a question needs exactly one answer with 'safe: true' (found {safe_count})")
        return None
    for answer, entry in zip(answers, loc.value):
        if not answer.safe and not answer.explain:
            r.error(entry, "a wrong answer needs an 'explain' line saying why it is not safe")
            return None
    return tuple(answers)


_KINDS: dict[str, tuple[str, Callable[[_Reader, Located], Any]]] = {
    "sources.yaml": ("sources", _source),
    "topics.yaml": ("topics", _topic),
    "help.yaml": ("help", _help),
    "ranks.yaml": ("ranks", _rank),
    "messages.yaml": ("messages", _message),
    "questions.yaml": ("questions", _question),
}


_KEYS = tuple(key for key, _ in _KINDS.values())


def load_file(text: str, filename: str, display_path: str | None = None) -> tuple[list[Any], list[Problem]]:
    """Parse one bank file's text into items of its kind; never raises for bad text."""
    path = display_path or filename
    key, parse_item = _KINDS[filename]
    r = _Reader(path)
    if text.startswith("\ufeff"):
        text = text[1:]
    try:
        doc, soft = parse(text)
    except YamlProblem as exc:
        r.error((exc.line, exc.col), exc.message)
        return [], r.problems
    for line, col, message in soft:
        r.error((line, col), message)
    if doc is None:
        r.error((1, 1), f"the file is empty; it should start with '{key}:'")
        return [], r.problems
    if not isinstance(doc.value, dict) or key not in doc.value:
        r.error(doc, f"the file should start with '{key}:' followed by a list of items")
        return [], r.problems
    entries = doc.value[key]
    if not isinstance(entries.value, list):
        r.error(entries, f"'{key}' must be a list, each item starting with '- '")
        return [], r.problems
    items = []
    for entry in entries.value:
        before = len(r.problems)
        try:
            built = parse_item(r, entry)
        except RecursionError:  # pragma: no cover - defensive; parse() already bounds depth
            built = None
            r.error(entry, "this item is nested too deeply")
        if built is not None and not any(p.severity == "error" for p in r.problems[before:]):
            items.append((built, entry))
    return items, r.problems


def _read_text(path: Path, display: str) -> tuple[str | None, Problem | None]:
    try:
        data = path.read_bytes()
    except OSError as exc:
        return None, Problem(display, 1, 1, f"the file could not be read ({exc.strerror or exc})")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError as exc:
        before = data[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        return None, Problem(display, line, col, "the file is not saved as UTF-8 text; "
                                                 "save it again choosing the UTF-8 encoding")


def load_bank(directory: str | Path | None = None) -> Bank:
    """Load every bank file in `directory` (the shipped bank by default)."""
    if directory is None:
        from game.paths import content_dir
        directory = content_dir()
    folder = Path(directory)
    if not folder.is_dir():
        raise ContentError(f"{folder}: there is no content folder here")
    problems: list[Problem] = []
    loaded: dict[str, list[tuple[Any, Located, str]]] = {}
    for filename, (key, _) in _KINDS.items():
        path = folder / filename
        display = str(path)
        if not path.exists():
            problems.append(Problem(display, 1, 1, f"{filename} is missing from the bank"))
            loaded[key] = []
            continue
        text, problem = _read_text(path, display)
        if problem:
            problems.append(problem)
            loaded[key] = []
            continue
        items, file_problems = load_file(text or "", filename, display)
        problems.extend(file_problems)
        loaded[key] = [(item, at, display) for item, at in items]
    kept = _check_references(loaded, problems)
    return Bank(problems=tuple(problems), **kept)


def _check_references(loaded: dict[str, list[tuple[Any, Located, str]]],
                      problems: list[Problem]) -> dict[str, tuple]:
    """Drop items with a duplicate id or a reference to something that does not exist."""
    seen: dict[str, str] = {}
    unique: dict[str, list[tuple[Any, Located, str]]] = {}
    for key in _KEYS:
        unique[key] = []
        for item, at, path in loaded[key]:
            if item.id in seen:
                problems.append(Problem(path, at.line, at.col,
                                        f"the id '{item.id}' is already used at {seen[item.id]}"))
                continue
            seen[item.id] = f"{Path(path).name}:{at.line}"
            unique[key].append((item, at, path))

    topic_ids = {t.id for t, _, _ in unique["topics"]}
    help_ids = {h.id for h, _, _ in unique["help"]}
    source_ids = {s.id for s, _, _ in unique["sources"]}

    def unsourced(item: Message | Question) -> str:
        # without any sources file (its absence is reported already) there is nothing to check
        return _missing(item.source, source_ids, "source") if source_ids else ""

    message_ids = set()
    messages = []
    for m, at, path in unique["messages"]:
        bad = (_missing(m.topic, topic_ids, "topic") or _missing(m.help, help_ids, "help link")
               or unsourced(m))
        if bad:
            problems.append(Problem(path, at.line, at.col, f"message '{m.id}': {bad}"))
            continue
        messages.append(m)
        message_ids.add(m.id)
    questions = []
    for q, at, path in unique["questions"]:
        bad = _missing(q.topic, topic_ids, "topic") or unsourced(q)
        if bad:
            problems.append(Problem(path, at.line, at.col, f"question '{q.id}': {bad}"))
            continue
        loose = q.message and _missing(q.message, message_ids, "message")
        if loose:  # the link to a message is optional: keep the question, drop the link
            problems.append(Problem(path, at.line, at.col, f"question '{q.id}': {loose}",
                                    "warning"))
            q = replace(q, message="")
        questions.append(q)
    ranks = sorted((r for r, _, _ in unique["ranks"]), key=lambda r: r.points)
    if ranks and ranks[0].points != 0:
        _, at, path = unique["ranks"][0]
        problems.append(Problem(path, at.line, at.col,
                                "the first rank should need 0 points", "warning"))
    return {
        "sources": tuple(s for s, _, _ in unique["sources"]),
        "topics": tuple(t for t, _, _ in unique["topics"]),
        "help": tuple(h for h, _, _ in unique["help"]),
        "ranks": tuple(ranks),
        "messages": tuple(messages),
        "questions": tuple(questions),
    }


def _missing(ref: str, known: set[str], what: str) -> str:
    if ref in known:
        return ""
    close = difflib.get_close_matches(ref, sorted(known), n=1)
    hint = f" (did you mean '{close[0]}'?)" if close else ""
    return f"there is no {what} with the id '{ref}'{hint}"
