"""Reading typed fields out of located YAML values, collecting each problem with its place."""
from __future__ import annotations

import difflib
import re
from typing import Any

from game.content.located import Located
from game.content.model import AGE_BANDS, Problem

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
        """Check an item is a mapping with the required fields; warn about unknown ones."""
        if not isinstance(item.value, dict):
            self.error(item, "not-a-mapping",
                       f"each {what} must be a set of 'field: value' lines, not {kind_of(item.value)}",
                       "start the item with '- ' and put each field on its own 'name: value' line")
            return None
        found: dict[str, Located] = item.value
        for name, loc in found.items():
            if name not in spec:
                close = difflib.get_close_matches(name, list(spec), n=1)
                guess = f" (did you mean '{close[0]}'?)" if close else ""
                hint = f"rename it to '{close[0]}'" if close else \
                    f"a {what} has these fields: {', '.join(spec)}"
                self.warn((loc.line, max(1, loc.col - len(name) - 2)), "unknown-field",
                          f"unknown field '{name}' in this {what}{guess}; it is ignored", hint)
        missing = [name for name, required in spec.items() if required and name not in found]
        for name in missing:
            close = difflib.get_close_matches(name, list(found), n=1)
            hint = f"'{close[0]}' looks like a misspelling of '{name}'" if close else \
                f"add a line '{name}: ...' to this {what}"
            self.error(item, "missing-field", f"this {what} has no '{name}' field", hint)
        return None if missing else found

    def text(self, fields: dict[str, Located], name: str, default: str | None = None) -> str | None:
        loc = fields.get(name)
        if loc is None:
            return default
        value = loc.value
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
        items = loc.value if isinstance(loc.value, list) else [loc]
        bands: list[str] = []
        for entry in items:
            band = str(entry.value).strip()
            if band not in AGE_BANDS:
                close = difflib.get_close_matches(band, AGE_BANDS, n=1)
                hint = f"did you mean \"{close[0]}\"?" if close else \
                    f"write the bands in quotes, like ages: [\"7-9\", \"10-12\"]"
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
