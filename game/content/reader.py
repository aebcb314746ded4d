"""Reading typed fields out of located YAML values, collecting each problem with its place."""
from __future__ import annotations

import difflib
import re
from typing import Any

from game.content.located import Located
from game.content.model import AGE_BANDS, Problem

# what each kind of file holds, and each list inside an item, in words
NOUNS = {"sources": "source", "topics": "topic", "help": "help link", "ranks": "rank",
         "messages": "message", "questions": "question", "lessons": "lesson",
         "branding": "branding", "answers": "answer", "local_help": "help link",
         "colours": "colours", "chats": "chat", "steps": "step", "choose": "option",
         "contact": "contact"}

_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]*")


class Reader:
    """Collects the problems of one file and reads typed fields out of its items."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def error(self, at: Located | tuple[int, int], code: str, message: str, hint: str = "") -> None:
        self._add(at, code, message, hint, "error")

    def warn(self, at: Located | tuple[int, int], code: str, message: str, hint: str = "") -> None:
        self._add(at, code, message, hint, "warning")

    def _add(self, at: Located | tuple[int, int], code: str, message: str, hint: str,
             severity: str) -> None:
        line, col = (at.line, at.col) if isinstance(at, Located) else at
        self.problems.append(Problem(self.path, line, col, message, severity, code, hint))

    def fields(self, item: Located, spec: dict[str, bool], what: str) -> dict[str, Located] | None:
        """Check an item is a mapping with the required fields; report unknown ones.

        A required field that is missing while an unknown one looks like it ('titel' for
        'title') is reported once, as a misspelling, where the misspelt name is written."""
        if not isinstance(item.value, dict):
            hint = f"remove the '- ' in front of the fields: {a(what)} is a set of 'name: value' " \
                   "lines, not a list" if isinstance(item.value, list) else \
                "start the item with '- ' and put each field on its own 'name: value' line"
            self.error(item, "not-a-mapping",
                       f"each {what} must be a set of 'field: value' lines, not {kind_of(item.value)}",
                       hint)
            return None
        found: dict[str, Located] = item.value
        missing = [name for name, required in spec.items() if required and name not in found]
        unknown = [name for name in found if name not in spec]
        if not (missing or unknown):
            return found
        meant_by = misspellings(unknown, missing, list(spec))
        for name, meant in meant_by.items():
            at = item.key_at(name)
            if meant in missing:
                self.error(at, "misspelt-field", f"unknown field '{name}' (did you mean '{meant}'? "
                                                 f"this {what} has no '{meant}' field)",
                           f"rename '{name}' to '{meant}'")
            elif meant:
                self.error(at, "unknown-field", f"unknown field '{name}' in this {what} "
                                                f"(did you mean '{meant}'?)",
                           f"rename it to '{meant}'")
            else:
                self.error(at, "unknown-field", f"unknown field '{name}' in this {what}",
                           f"{a(what)} has these fields: {', '.join(spec)}")
        for name in missing:
            if name not in meant_by.values():
                self.error(item, "missing-field", f"this {what} has no '{name}' field",
                           f"add a line '{name}: ...' to this {what}")
        return None if missing else found

    def text(self, fields: dict[str, Located], name: str, default: str | None = None) -> str | None:
        loc = fields.get(name)
        if loc is None:
            return default
        value = loc.value
        if type(value) is str:  # the usual case, first
            text = " ".join(value.split())
            if text:
                return text
            self.error(loc, "empty-text", f"'{name}' is empty", f"write the {name} after the colon")
            return None
        if isinstance(value, bool) or value is None or isinstance(value, (list, dict)):
            self.error(loc, "wrong-type", f"'{name}' must be text, not {kind_of(value)}",
                       "put quotes around text that YAML might read as something else")
            return None
        text = " ".join(str(value).split())
        if not text:
            self.error(loc, "empty-text", f"'{name}' is empty", f"write the {name} after the colon")
            return None
        return text

    def ident(self, fields: dict[str, Located], name: str) -> str | None:
        value = self.text(fields, name)
        if value is not None and not _ID.fullmatch(value):
            self.error(fields[name], "bad-id", f"'{name}' may use only letters, digits, '-', '_' and '.'",
                       "ids look like 'private-info-young': no spaces")
            return None
        return value

    def ages(self, fields: dict[str, Located]) -> tuple[str, ...] | None:
        loc = fields["ages"]
        if isinstance(loc.value, dict) or loc.value is None:
            self.error(loc, "wrong-type", f"'ages' must be a list of age bands, not {kind_of(loc.value)}",
                       'write the bands in quotes, like ages: ["7-9", "10-12"]')
            return None
        items = loc.value if isinstance(loc.value, list) else [loc]
        bands: list[str] = []
        for entry in items:
            band = str(entry.value)  # as written: the schema refuses "13-15\t" too
            if band not in AGE_BANDS:
                close = closest_band(band.strip())
                hint = f"did you mean \"{close}\"?" if close else \
                    "write the bands in quotes, like ages: [\"7-9\", \"10-12\"]"
                self.error(entry, "bad-age-band",
                           f"'{band}' is not an age band; use one of {', '.join(AGE_BANDS)}", hint)
                return None
            if band not in bands:
                bands.append(band)
        if not bands:
            self.error(loc, "bad-age-band", "'ages' lists no age band",
                       "list at least one of " + ", ".join(AGE_BANDS))
            return None
        return tuple(bands)

    def text_list(self, fields: dict[str, Located], name: str) -> tuple[str, ...] | None:
        loc = fields.get(name)
        if loc is None:
            return ()
        if not isinstance(loc.value, list):
            self.error(loc, "wrong-type", f"'{name}' must be a list",
                       "put each entry on its own line starting with '- '")
            return None
        out = []
        for entry in loc.value:
            value = self.text({name: entry}, name)
            if value is None:
                return None
            out.append(value)
        return tuple(out)


def kind_of(value: Any) -> str:
    """How an editor would describe a YAML value."""
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


def misspellings(unknown: list[str], missing: list[str], known: list[str]) -> dict[str, str]:
    """Each unknown field name -> the field it was probably meant to be ('' if none looks close).

    A missing required field is the likeliest meaning, then any other known field."""
    out: dict[str, str] = {}
    free = list(missing)
    for name in unknown:
        lowered = name.lower()
        close = [m for m in free if m == lowered] or difflib.get_close_matches(lowered, free, n=1)
        if close:
            free.remove(close[0])
        else:
            close = difflib.get_close_matches(lowered, known, n=1, cutoff=0.7)
        out[name] = close[0] if close else ""
    return out


def a(noun: str) -> str:
    """The noun with 'a' or 'an' in front: 'an answer', 'a message'."""
    return f"{'an' if noun[:1].lower() in 'aeiou' else 'a'} {noun}"


def closest_band(band: str) -> str | None:
    """The age band an editor most likely meant: the one holding the first age written
    ("7-10" -> "7-9"), else the most similar spelling."""
    first = re.match(r"\s*(\d+)", band)
    if first:
        age = int(first.group(1))
        for known in AGE_BANDS:
            low, high = map(int, known.split("-"))
            if low <= age <= high:
                return known
    close = difflib.get_close_matches(band, AGE_BANDS, n=1)
    return close[0] if close else None
