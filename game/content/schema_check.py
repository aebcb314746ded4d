"""Check each bank file against its JSON Schema (content/schema/<kind>.schema.json, draft 2020-12)
with the jsonschema library, and report every error at the editor's line and column, in plain
words, with a code and a one-line hint.

Only the validator imports this module (jsonschema is not needed to play).

Speed: a bank of 10,000 items would take jsonschema seconds, so each item is validated in the
shape of its values, and items of the same shape are validated once. The shape of an item keeps
its field names, its lists, its numbers and yes/no values, and stands each text in for the first
text seen that every schema keyword treats the same way (the same result for every `pattern`,
the same side of every `minLength`/`maxLength`, the value itself when it is one an `enum` or
`const` names). Every keyword the schemas use (type, properties, required, additionalProperties,
items, minItems, maxItems, contains, minContains, maxContains, if/then, not, enum, const,
pattern, minimum, maximum, $ref) gives the same result on the shape as on the item, so
validating the shape is validating the item; tests check this against validating the items
directly. A schema that starts using `uniqueItems` on texts would break that, and `_ShapeKeys`
refuses to load one.
"""
from __future__ import annotations

import json
import re
from dataclasses import astuple, dataclass
from functools import cache
from pathlib import Path
from typing import Any

from game.content.items import rounds_problem, style_problem
from game.content.located import Located
from game.content.model import AGE_BANDS, Problem
from game.content.reader import NOUNS as _NOUNS
from game.content.reader import a, closest_band, kind_of, misspellings

_ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9_.-]*$"
TRANSLATION = "translation"  # the schema of every translation file (translation.schema.json)
UI_WORDS = "ui"  # the schema of the game's own words in a language (ui.yaml: for editors; the
# catalogue's loader, game.content.ui_catalogue, checks the same rules itself)
# codes that describe the same kind of mistake: the loader and the schema reporting one of these
# at the same place are reporting one mistake
_SAME = {code: "value" for code in (
    "not-a-mapping", "not-a-list", "wrong-type", "wrong-top-level", "bad-age-band", "empty-text",
    "bad-id", "not-https", "bad-url", "bad-colour", "bad-phone", "bad-rounds", "bad-style",
    "wrong-language", "schema-rule", "bad-sign", "bad-action", "bad-avatar", "option-count")}
_SAME.update({"missing-field": "fields", "misspelt-field": "fields"})
# mistakes the game gets past (a colour it cannot use: its own colour instead): the loader's
# warning stands, as the game plays the item (one set of rules: game.content.rules)
_LOADER_DECIDES = {"bad-colour"}


def schema_dir() -> Path:
    from game.paths import content_dir
    return content_dir() / "schema"


@dataclass(frozen=True)
class _Error:
    """What jsonschema found, kept apart from the shape it was found in."""

    keyword: str
    path: tuple[Any, ...]  # inside the validated value
    expected: Any  # the keyword's value in the schema
    schema: Any  # the schema (part) holding the keyword
    via_then: bool  # raised by an if/then rule


class _KindSchema:
    """One kind's schema, its compiled validators, and the errors found per shape."""

    def __init__(self, kind: str, schema: dict) -> None:
        from jsonschema import Draft202012Validator  # only when a file is not in the cache
        self.kind = kind
        self.schema = schema
        self.file = Draft202012Validator(schema)
        ref = schema.get("properties", {}).get(kind, {}).get("items", {}).get("$ref", "")
        self.item = self.file.evolve(schema=schema["$defs"][ref.rsplit("/", 1)[-1]]) \
            if ref.startswith("#/$defs/") else None
        self.seen: dict[Any, list[_Error]] = {}

    def errors(self, validator: Any, shape: Any, key: Any) -> list[_Error]:
        found = self.seen.get(key)
        if found is None:
            found = [_Error(e.validator, tuple(e.absolute_path), e.validator_value, e.schema,
                            "then" in e.relative_schema_path)
                     for e in validator.iter_errors(shape)]
            if len(self.seen) < 50_000:
                self.seen[key] = found
        return found


@cache
def kind_schemas() -> dict[str, _KindSchema]:
    """Every kind's schema, loaded and compiled once."""
    out = {}
    for path in sorted(schema_dir().glob("*.schema.json")):
        kind = path.name.removesuffix(".schema.json")
        if kind not in (TRANSLATION, UI_WORDS):
            out[kind] = _KindSchema(kind, json.loads(path.read_text(encoding="utf-8")))
    return out


@cache
def translation_schemas() -> dict[str, _KindSchema]:
    """The translation schema, compiled once for each kind of file it describes."""
    schema = json.loads((schema_dir() / f"{TRANSLATION}.schema.json").read_text(encoding="utf-8"))
    return {kind: _KindSchema(kind, schema) for kind in schema["properties"]
            if kind not in ("language", "reviewed")}


class _ShapeKeys:
    """Stands each text in for the first text every keyword of the schemas treats the same."""

    def __init__(self, schemas: list[dict]) -> None:
        patterns: set[str] = set()
        literals: set[str] = set()
        lengths: set[int] = set()

        def collect(node: Any) -> None:
            if isinstance(node, dict):
                if node.get("uniqueItems"):
                    raise ValueError("uniqueItems compares texts; shapes would not keep that")
                if isinstance(node.get("pattern"), str):
                    patterns.add(node["pattern"])
                for name in ("minLength", "maxLength"):
                    if isinstance(node.get(name), int):
                        lengths.add(node[name])
                for value in node.get("enum", []) + [node.get("const")]:
                    if isinstance(value, str):
                        literals.add(value)
                for value in node.values():
                    collect(value)
            elif isinstance(node, list):
                for value in node:
                    collect(value)

        for schema in schemas:
            collect(schema)
        self.searches = [re.compile(p).search for p in sorted(patterns)]
        self.literals = literals
        self.lengths = sorted(lengths)
        self.by_sign: dict[tuple, str] = {}
        self.by_text: dict[str, str] = {}

    def text(self, s: str) -> str:
        stand_in = self.by_text.get(s)
        if stand_in is None:
            if s in self.literals:
                stand_in = s
            else:
                n = len(s)
                sign = (tuple([search(s) is None for search in self.searches]),
                        tuple([n < limit for limit in self.lengths]),
                        tuple([n > limit for limit in self.lengths]))
                stand_in = self.by_sign.setdefault(sign, s)
            self.by_text[s] = stand_in
        return stand_in

    def shape(self, loc: Located) -> tuple[Any, Any]:
        """The value's shape (plain data for jsonschema) and a key that names it."""
        value = loc.value
        kind = type(value)
        if kind is str:
            s = self.by_text.get(value) or self.text(value)
            return s, s
        if kind is dict:
            out, key = {}, []
            text, by_text, shape = self.text, self.by_text, self.shape
            for name, item in value.items():
                v = item.value
                if type(v) is str:
                    out[name] = k = by_text.get(v) or text(v)
                else:
                    out[name], k = shape(item)
                key.append((name, k))
            return out, ("{", tuple(key))
        if kind is list:
            shapes = [self.shape(item) for item in value]
            return [s for s, _ in shapes], ("[", tuple([k for _, k in shapes]))
        return value, (kind.__name__, repr(value))


def check_files(files: list[Any]) -> list[Problem]:
    """Every schema problem of the parsed files (see bank_files.ParsedFile), in file order."""
    schemas = kind_schemas()
    keys = _ShapeKeys([s.schema for s in schemas.values()])
    out: list[Problem] = []
    for parsed in files:
        schema = schemas.get(parsed.kind or "")
        if schema is None or parsed.doc is None:
            continue
        out.extend(_check(parsed.path, parsed.doc, schema, keys))
    return out


def check_translation_files(files: list[Any]) -> list[Problem]:
    """Every schema problem of parsed translation files (translation.TranslationFile)."""
    schemas = translation_schemas()
    keys = _ShapeKeys([next(iter(schemas.values())).schema])  # one schema for every kind
    return [problem for parsed in files if parsed.doc is not None and parsed.kind in schemas
            for problem in _check(parsed.path, parsed.doc, schemas[parsed.kind], keys)]


def check_files_remembered(files: list[Any]) -> list[Problem]:
    """check_files(), quicker for a file of items most of which were checked before (one item
    edited since the last run): each item's text (its lines, up to the next item's) found free
    of schema problems is remembered (game.content.validation_cache), and so are the problems of
    the file with its list emptied (by that file's own shape); only the other items are checked
    (an item free of problems adds nothing to what is reported), and the emptied file only when
    it had problems or is new. A file of nothing but remembered items needs no jsonschema."""
    out: list[Problem] = []
    for parsed in files:
        parts = _item_parts(parsed)
        if parts is None:
            out.extend(check_files([parsed]))
            continue
        from game.content import validation_cache
        outer_key, item_keys = parts
        outer = validation_cache.known(outer_key)
        todo = [i for i, k in enumerate(item_keys) if validation_cache.known(k) is not True]
        if outer == [] and not todo:
            continue
        schemas = kind_schemas()
        schema = schemas[parsed.kind]
        found = _found(parsed.doc, schema, _ShapeKeys([s.schema for s in schemas.values()]),
                       todo, envelope=outer != [])
        out.extend(_describe(parsed.path, parsed.doc, schema.kind, found))
        broken = {where[1] for where, _ in found if where}
        for i in todo:
            validation_cache.note(item_keys[i], i not in broken)
        if outer != []:
            own = [(where, e) for where, e in found if not where]
            validation_cache.note(outer_key, [list(astuple(p)) for p in _describe(
                parsed.path, parsed.doc, schema.kind, own)])
    return out


_Parts = tuple[tuple, list[tuple]]  # what the emptied file's and each item's answers are kept by


def _item_parts(parsed: Any) -> _Parts | None:
    """The keys of a file's emptied shape and of each item's text; None for a file this does
    not hold for: not a list of items checked one by one, an alias in it (an item's value could
    come from another item), line breaks other than '\\n' (lines counted otherwise), or two
    items starting on one line."""
    doc, kind, text = parsed.doc, parsed.kind, parsed.text
    if doc is None or kind is None or not isinstance(doc.value, dict) or \
            not _items_checked_alone(kind):
        return None
    entries = doc.value.get(kind)
    if entries is None or not isinstance(entries.value, list) or \
            "&" in text or any(c in text for c in "\r\x85\u2028\u2029"):
        return None
    lines = text.split("\n")
    starts = [e.line - 1 for e in entries.value] + [len(lines)]
    if any(b <= a for a, b in zip(starts, starts[1:])):  # two items on one line: no own text
        return None
    outer = ("schema-file", parsed.path, kind, _dump(doc, skip=kind), entries.line,
             entries.col, len(entries.value))
    items = [("schema-item", kind, "\n".join(lines[a:b])) for a, b in zip(starts, starts[1:])]
    return outer, items


@cache
def _items_checked_alone(kind: str) -> bool:
    """Whether the kind's schema checks its items one by one (a list of $defs items), as
    _KindSchema does; read from the schema without jsonschema."""
    path = schema_dir() / f"{kind}.schema.json"
    if kind in (TRANSLATION, UI_WORDS) or not path.is_file():
        return False
    schema = json.loads(path.read_text(encoding="utf-8"))
    ref = schema.get("properties", {}).get(kind, {}).get("items", {}).get("$ref", "")
    return ref.startswith("#/$defs/")


def _dump(loc: Located, skip: str | None = None) -> tuple:
    """A value with every place in it (a file's top level, less its list of items)."""
    value = loc.value
    if type(value) is dict:
        fields = tuple((name, _dump(v)) for name, v in value.items() if name != skip)
        return fields, loc.line, loc.col, tuple(sorted((loc.keys or {}).items()))
    if type(value) is list:
        return tuple(_dump(v) for v in value), loc.line, loc.col
    return repr(value), loc.line, loc.col


def _check(path: str, doc: Located, schema: _KindSchema, keys: _ShapeKeys) -> list[Problem]:
    return _describe(path, doc, schema.kind, _found(doc, schema, keys))


def _found(doc: Located, schema: _KindSchema, keys: _ShapeKeys, items: list[int] | None = None,
           envelope: bool = True) -> list[tuple[tuple, _Error]]:
    """jsonschema's errors in the file: (where, error), where is () for the file with its list
    emptied, or (kind, index) for an item. `items`: only the items at these indexes (and the
    emptied file only with `envelope`), for a file of items."""
    found: list[tuple[tuple, _Error]] = []
    entries = doc.value.get(schema.kind) if isinstance(doc.value, dict) else None
    if schema.item is not None and entries is not None and isinstance(entries.value, list):
        # the file with an empty list, then each item on its own
        if envelope:
            emptied = Located(dict(doc.value), doc.line, doc.col, doc.keys)
            emptied.value[schema.kind] = Located([], entries.line, entries.col)
            shape, key = keys.shape(emptied)
            found += [((), e) for e in schema.errors(schema.file, shape, ("file", key))]
        for index in range(len(entries.value)) if items is None else items:
            shape, key = keys.shape(entries.value[index])
            found += [((schema.kind, index), e) for e in schema.errors(schema.item, shape, key)]
    else:
        shape, key = keys.shape(doc)
        found += [((), e) for e in schema.errors(schema.file, shape, ("file", key))]
    return found


def _describe(path: str, doc: Located, kind: str,
              found: list[tuple[tuple, _Error]]) -> list[Problem]:
    out: list[Problem] = []
    fields: dict[tuple, tuple[list[str], list[str], dict]] = {}  # missing and unknown, per item
    # with no safe answer marked, the one meant to be safe lacks an 'explain' too: one mistake
    unmarked = {(prefix + error.path)[:2] for prefix, error in found
                if error.keyword in ("contains", "minContains")}
    for prefix, error in found:
        where = prefix + error.path
        if error.via_then and error.keyword == "required" and where[:2] in unmarked:
            continue
        at = _at(doc, where)
        if error.keyword == "required" and not error.via_then:
            names = [n for n in error.expected if not isinstance(at.value, dict) or
                     n not in at.value]
            fields.setdefault(where, ([], [], error.schema))[0].extend(names)
            continue
        if error.keyword == "additionalProperties" and isinstance(at.value, dict):
            allowed = error.schema.get("properties", {})
            fields.setdefault(where, ([], [], error.schema))[1].extend(
                n for n in at.value if n not in allowed)
            continue
        described = _one(error, where, at, kind)
        if described:
            line, col, code, message, hint = described
            out.append(Problem(path, line, col, message, "error", code, hint))
    for where, (missing, unknown, schema) in fields.items():
        at = _at(doc, where)
        what = _noun(where, kind)
        known = list(schema.get("properties", {}))
        meant_by = misspellings(unknown, missing, known)
        for name, meant in meant_by.items():
            line, col = at.key_at(name)
            if meant in missing:
                out.append(Problem(path, line, col, f"unknown field '{name}' (did you mean "
                                                    f"'{meant}'? this {what} has no '{meant}' "
                                                    "field)", "error", "misspelt-field",
                                   f"rename '{name}' to '{meant}'"))
            else:
                guess = f" (did you mean '{meant}'?)" if meant else ""
                hint = f"rename it to '{meant}'" if meant else \
                    f"{a(what)} has these fields: {', '.join(known)}"
                out.append(Problem(path, line, col, f"unknown field '{name}' in this {what}"
                                                    f"{guess}", "error", "unknown-field", hint))
        for name in missing:
            if name not in meant_by.values():
                out.append(Problem(path, at.line, at.col, f"this {what} has no '{name}' field",
                                   "error", "missing-field", f"add a line '{name}: ...' to this "
                                                             f"{what}"))
    return out


def _at(doc: Located, where: tuple) -> Located:
    at = doc
    for step in where:
        value = at.value
        if isinstance(value, dict) and step in value:
            at = value[step]
        elif isinstance(value, list) and isinstance(step, int) and 0 <= step < len(value):
            at = value[step]
        else:
            break
    return at


def _field(where: tuple, kind: str) -> str:
    """The field a path ends in: ('messages', 3, 'ages', 0) -> 'ages'."""
    for step in reversed(where):
        if isinstance(step, str):
            return step
    return kind


def _noun(where: tuple, kind: str) -> str:
    """What the item at `where` is, in words: ('questions', 2, 'answers', 1) -> 'answer'."""
    for step in reversed(where):
        if isinstance(step, str):
            return _NOUNS.get(step, step)
    return "file"


def _one(error: _Error, where: tuple, at: Located, kind: str) -> tuple | None:
    """(line, col, code, message, hint) for one jsonschema error, in an editor's words."""
    keyword, expected = error.keyword, error.expected
    field = _field(where, kind)
    listed = bool(where) and isinstance(where[-1], int)  # an entry of a list, like ages[0]
    subject = f"each {_noun(where, kind)}" if listed and field in _NOUNS else f"'{field}'"
    line, col = at.line, at.col
    if keyword == "type":
        wanted = expected if isinstance(expected, list) else [expected]
        actual = kind_of(at.value)
        if "object" in wanted:
            return line, col, "not-a-mapping", f"{subject} must be a set of 'field: value' " \
                f"lines, not {actual}", "put each field on its own 'name: value' line, " \
                                        "indented under the line above"
        if "array" in wanted:
            code = "not-a-list" if len(where) == 1 else "wrong-type"
            return line, col, code, f"{subject} must be a list, not {actual}", \
                "put each entry on its own line starting with '- ', or write [\"a\", \"b\"]"
        if "boolean" in wanted:
            return line, col, "wrong-type", f"{subject} must be true or false, not {actual}", \
                "write 'safe: true' on the one safe answer and leave it off the others" \
                if field == "safe" else f"write {field}: true or {field}: false, without quotes"
        if "integer" in wanted or "number" in wanted:
            return line, col, "wrong-type", f"{subject} must be a whole number, not {actual}", \
                f"write the number without quotes, like {field}: 500"
        if isinstance(at.value, (dict, list)) or at.value is None:
            return line, col, "wrong-type", f"{subject} must be text, not {actual}", \
                f"write the text after '{field}:' on the same line"
        shown = json.dumps(str(at.value), ensure_ascii=False)
        return line, col, "wrong-type", f"{subject} must be text, not {actual}", \
            f"put it in double quotes so it is read as text: {field}: {shown}"
    if keyword == "enum" and field == "ages":
        band = str(at.value)
        close = closest_band(band)
        hint = f"did you mean \"{close}\"?" if close else \
            "write the bands in quotes, like ages: [\"7-9\", \"10-12\"]"
        return line, col, "bad-age-band", f"'{band}' is not an age band; use one of " \
                                          f"{', '.join(AGE_BANDS)}", hint
    if keyword == "enum" and field == "style":
        return (line, col, "bad-style", *style_problem(str(at.value)))
    if keyword in ("enum", "const"):
        options = expected if keyword == "enum" else [expected]
        return line, col, "schema-rule", f"{subject} must be one of " \
            f"{', '.join(json.dumps(o) for o in options)}, not {json.dumps(at.value, default=str)}", \
            "write one of the values listed, exactly"
    if keyword == "pattern":
        value = str(at.value)
        if expected == "\\S":
            return line, col, "empty-text", f"{subject} is empty", \
                f"write the {field} after the colon"
        if expected == _ID_PATTERN:
            return line, col, "bad-id", f"{subject} may use only letters, digits, '-', '_' and " \
                                        f"'.' (found '{value}')", \
                "ids look like 'private-info-young': no spaces"
        if field == "url":
            if not value.startswith("https://"):
                return line, col, "not-https", "help links must start with https://", \
                    "use the https:// address of the site; check it opens in a browser"
            return line, col, "bad-url", f"'{value}' does not look like a web address", \
                "copy the address from the browser's address bar, like https://www.childline.org.uk"
        if field in ("colour", "primary", "accent"):
            return line, col, "bad-colour", f"{subject} should look like \"#2f80ed\", not " \
                                            f"'{value}'", \
                "write the colour as # and six hex digits, in quotes"
        if field == "phone":
            return line, col, "bad-phone", f"'{value}' does not look like a phone number", \
                "write only the number, in quotes, like phone: \"0800 1111\""
    if keyword in ("minItems", "maxItems"):
        if field == "answers":
            return line, col, "answers-count", "'answers' must be a list of 2 or 3 answers", \
                "a gate has 2 or 3 openings: give each answer its own '- text: ...' line"
        if field == "ages":
            return line, col, "bad-age-band", "'ages' lists no age band", \
                "list at least one of " + ", ".join(AGE_BANDS)
        more = "at least" if keyword == "minItems" else "at most"
        return line, col, "schema-rule", f"{subject} must list {more} {expected}", \
            "add or remove entries"
    if keyword in ("contains", "minContains", "maxContains"):
        found = sum(1 for answer in at.value if isinstance(answer.value, dict) and
                    "safe" in answer.value and answer.value["safe"].value is True) \
            if isinstance(at.value, list) else 0
        return line, col, "safe-answer-count", "a question needs exactly one answer with " \
                                               f"'safe: true' (found {found})", \
            "mark the one safe answer with 'safe: true'"
    if keyword == "required" and error.via_then:
        return line, col, "missing-explain", "a wrong answer needs an 'explain' line saying why " \
                                             "it is not safe", \
            "add 'explain: ...' under this answer: one kind line a child will read"
    if keyword in ("minimum", "maximum") and field == "rounds" and \
            (wrong := rounds_problem(at.value)):
        return (line, col, "bad-rounds", *wrong)
    if keyword == "minimum":
        return line, col, "wrong-type", f"{subject} must be {expected} or more", \
            f"write a whole number of at least {expected}"
    if keyword == "maximum":
        return line, col, "wrong-type", f"{subject} must be {expected} or less", \
            f"write a whole number of at most {expected}"
    described = error.schema.get("description") if isinstance(error.schema, dict) else None
    return line, col, "schema-rule", f"{subject} does not follow the rules for this field " \
                                     f"({keyword})", \
        (described.split(". ")[0] if described else "compare it with the shipped bank")


def merge(loaded: list[Problem], schema: list[Problem]) -> list[Problem]:
    """The loader's problems and the schema's, each mistake once.

    The loader's and the schema's reports of the same kind of mistake at the same place are one
    mistake: the loader's words are kept (they were written for this bank), at the more severe
    of the two severities. A file whose top level is wrong is described by the loader alone."""
    def key(p: Problem) -> tuple:
        return p.path, p.line, p.col, _SAME.get(p.code, p.code)

    loader_decides = {key(p) for p in loaded if p.code in _LOADER_DECIDES}

    severity = {}
    for p in schema:
        severity[key(p)] = "error" if p.severity == "error" or \
            severity.get(key(p)) == "error" else "warning"
    broken_files = {p.path for p in loaded if p.code in ("wrong-top-level", "empty-file")}
    out = []
    seen = set()
    for p in loaded:
        k = key(p)
        if k in severity and severity[k] == "error" and p.severity != "error" and \
                k not in loader_decides:
            p = Problem(p.path, p.line, p.col, p.message.replace("; it is ignored", ""),
                        "error", p.code, p.hint)
        seen.add(k)
        out.append(p)
    for p in schema:
        k = key(p)
        if k in seen or p.path in broken_files:
            continue
        seen.add(k)
        out.append(p)
    return out
