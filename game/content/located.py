"""Parse YAML text with PyYAML's safe loader into values that remember their line and column.

The composer (not the constructor) is used so that every mapping, list and scalar keeps its
position; plain text is taken straight from the node, and any other scalar (numbers, yes/no,
dates) is resolved by the safe constructor, so nothing but plain data is built.

When the text is not valid YAML, `YamlProblem` says what an editor most likely did (a tab, a
missing colon, a line indented too far, a quote never closed...) in plain words, with a code and
a one-line hint, at the line and column where the mistake is rather than where YAML gave up.
"""
from __future__ import annotations

import gc
import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import yaml
from yaml.nodes import MappingNode, ScalarNode, SequenceNode

_STR = "tag:yaml.org,2002:str"
_SEQ = "tag:yaml.org,2002:seq"
_MAP = "tag:yaml.org,2002:map"
# guards against alias bombs ("billion laughs"): values reached again through a '*' alias
_MAX_EXPANDED = 100_000
_IMPLICIT = yaml.SafeLoader.yaml_implicit_resolvers  # first character -> [(tag, regexp)]


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The safe loader with a quicker resolver: the same tags as the safe loader's, without its
    path resolvers (which the safe loader never uses)."""

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is ScalarNode:
            if implicit[0]:
                for tag, regexp in _IMPLICIT.get(value[:1], ()):
                    if regexp.match(value):
                        return tag
            return _STR
        return _SEQ if kind is SequenceNode else _MAP

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass

    def ascend_resolver(self) -> None:
        pass


class Located:
    """A YAML value (dict of str -> Located, list of Located, or a scalar) and where it starts.

    For a mapping, `keys` holds where each field's name starts."""

    __slots__ = ("value", "line", "col", "keys")

    def __init__(self, value: Any, line: int, col: int,
                 keys: dict[str, tuple[int, int]] | None = None) -> None:
        self.value = value
        self.line = line  # 1-based
        self.col = col  # 1-based
        self.keys = keys

    def __repr__(self) -> str:
        return f"Located({self.value!r}, {self.line}, {self.col})"

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Located) and (self.value, self.line, self.col) == \
            (other.value, other.line, other.col)

    __hash__ = None  # type: ignore[assignment]

    def __reduce__(self) -> tuple:  # pickled (the validator's kept parses) about twice as quick
        return Located, (self.value, self.line, self.col, self.keys)

    def fields(self) -> dict[str, Located]:
        """This mapping's fields ({} if the value is not a mapping)."""
        return self.value if type(self.value) is dict else {}

    def field(self, name: str) -> Located:
        """Where the field `name` is written (this value itself if it has no such field)."""
        return self.fields().get(name, self)

    def entries(self, name: str) -> list[Located]:
        """The list written under the field `name` ([] if there is no such list)."""
        found = self.fields().get(name)
        return found.value if found is not None and type(found.value) is list else []

    def key_at(self, name: str) -> tuple[int, int]:
        """Where the field `name` of this mapping is written (the item's start if unknown)."""
        return (self.keys or {}).get(name, (self.line, self.col))


def plain(loc: Located) -> Any:
    """The value without positions: dicts, lists, text, numbers, true/false, None."""
    value = loc.value
    if type(value) is dict:
        return {k: plain(v) for k, v in value.items()}
    if type(value) is list:
        return [plain(v) for v in value]
    return value


class YamlProblem(Exception):
    """The text is not valid YAML, or holds something the bank cannot use."""

    def __init__(self, line: int, col: int, message: str, code: str = "yaml-syntax",
                 hint: str = "") -> None:
        super().__init__(message)
        self.line, self.col, self.message, self.code, self.hint = line, col, message, code, hint


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cycle collector while many small objects are built (they hold no cycles to
    collect, and a big bank would otherwise be scanned over and over)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def parse(text: str) -> tuple[Located | None, list[YamlProblem]]:
    """Return the document (None if empty) and soft problems such as duplicate keys.

    Raises YamlProblem for text that cannot be read at all.
    """
    with gc_paused():
        try:
            node = yaml.compose(text, Loader=_Loader)
        except yaml.MarkedYAMLError as exc:
            if "maximum nesting depth" in str(exc.problem):
                mark = exc.problem_mark
                raise _too_deep(*((mark.line + 1, mark.column + 1) if mark else (1, 1))) from None
            raise _explain(exc, text) from None
        except yaml.reader.ReaderError as exc:
            line, col = _line_col(text, exc.position)
            raise YamlProblem(line, col, f"this character cannot be used in a content file "
                                         f"(U+{exc.character if isinstance(exc.character, int) else 0:04X})",
                              "bad-character", "delete it; retype the text around it if "
                                               "it was pasted from another program") from None
        except yaml.YAMLError as exc:
            raise YamlProblem(1, 1, f"this is not valid YAML ({exc})", "yaml-syntax",
                              "compare the file with one from the shipped bank") from None
        except RecursionError:
            raise _too_deep() from None
        if node is None:
            return None, []
        walker = _Walker(aliased="&" in text)
        try:
            return walker.walk(node), walker.soft
        except RecursionError:
            raise _too_deep() from None


def _too_deep(line: int = 1, col: int = 1) -> YamlProblem:
    return YamlProblem(line, col, "the lists or sections are nested too deeply (lists inside "
                                  "lists, too many levels down)", "yaml-too-deep",
                       "each item needs only its fields, and answers one level below")


def _line_col(text: str, index: int) -> tuple[int, int]:
    before = text[:max(0, index)]
    line = before.count("\n") + 1
    return line, index - (before.rfind("\n") + 1) + 1


class _Walker:
    """Turns composed nodes into Located values. A node reached a second time is an alias
    ('*name' repeating what '&name' marked): the values walked through aliases are counted,
    so a few lines that repeat themselves a billion times are refused, while a long file
    written out in full is not (only a text with an '&' in it can hold an alias)."""

    def __init__(self, aliased: bool = False) -> None:
        self.soft: list[YamlProblem] = []
        self.expanded = 0
        self.seen: set[int] | None = set() if aliased else None
        self.constructor = yaml.SafeLoader("")

    def walk(self, node: yaml.Node, repeated: bool = False) -> Located:
        if self.seen is not None:
            repeated = repeated or id(node) in self.seen
            if repeated:
                self.expanded += 1
                if self.expanded > _MAX_EXPANDED:
                    mark = node.start_mark
                    raise YamlProblem(mark.line + 1, mark.column + 1,
                                      "the file repeats its '&' and '*' marks (aliases) so often "
                                      "that it would be far too large to read", "yaml-too-big",
                                      "remove the '&' and '*' marks and write the items out "
                                      "in full")
            else:
                self.seen.add(id(node))
        mark = node.start_mark
        kind = type(node)
        if kind is ScalarNode:
            if node.tag == _STR:
                return Located(node.value, mark.line + 1, mark.column + 1)
            try:
                value = self.constructor.construct_object(node, deep=True)
            except (yaml.YAMLError, ValueError, OverflowError) as exc:  # 2001-13-45: no date
                reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
                raise YamlProblem(mark.line + 1, mark.column + 1,
                                  f"this value could not be read ({reason})", "yaml-value",
                                  "put the value in quotes") from None
            return Located(value, mark.line + 1, mark.column + 1)
        line, col = mark.line + 1, mark.column + 1
        if node.tag != (_MAP if kind is MappingNode else _SEQ):
            raise YamlProblem(line, col, f"this value could not be read (the tag '{node.tag}' "
                                         "is not allowed in the content files)", "yaml-tag",
                              "delete the word starting with '!'")
        if kind is SequenceNode:
            return Located([self.walk(n, repeated) for n in node.value], line, col)
        out: dict[str, Located] = {}
        keys: dict[str, tuple[int, int]] = {}
        for key_node, value_node in node.value:
            at = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
            if type(key_node) is not ScalarNode or key_node.tag not in (
                    _STR, "tag:yaml.org,2002:int", "tag:yaml.org,2002:bool",
                    "tag:yaml.org,2002:float", "tag:yaml.org,2002:null"):
                self.soft.append(YamlProblem(*at, "a field name must be a plain word",
                                             "bad-field-name", "field names are words like "
                                                               "'title', followed by ':'"))
                continue
            name = key_node.value  # as written: 'yes:' is the field 'yes', not true
            if name in out:
                first = keys[name]
                self.soft.append(YamlProblem(*at, f"the field '{name}' appears twice in this "
                                                  f"item (first on line {first[0]})",
                                             "duplicate-key", "keep one of the two lines and "
                                                              "delete the other"))
            out[name] = self.walk(value_node, repeated)
            keys[name] = at
        return Located(out, line, col, keys)


# --- what an editor most likely did, from where YAML gave up ------------------------------------

_QUOTE_START = re.compile(r"""^\s*(?:-\s+)*(?:[^\s#'"][^#'"]*?:\s+)?(["'])(.*)$""")


def _explain(exc: yaml.MarkedYAMLError, text: str) -> YamlProblem:
    lines = text.splitlines() or [""]
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    context = exc.context_mark
    cline, ccol = (context.line + 1, context.column + 1) if context else (line, col)
    problem = exc.problem or ""
    ctx = exc.context or ""

    def at(n: int) -> str:
        return lines[n - 1] if 0 < n <= len(lines) else ""

    # A tab in the indentation, on the line YAML stopped at or the one it was reading.
    for n in dict.fromkeys((line, cline)):
        here = at(n)
        indent = here[: len(here) - len(here.lstrip(" \t"))]
        if "\t" in indent or ("\t" in problem or "tab" in problem) and "\t" in here:
            return YamlProblem(n, here.index("\t") + 1,
                               "a tab character is used for indenting here; YAML needs spaces",
                               "yaml-tab", "delete the tab and indent with spaces (set your "
                                           "editor to insert spaces when Tab is pressed)")
    if "quoted scalar" in ctx:
        return _unclosed_quote(cline, ccol, at(cline))
    opened = _open_quote_before(lines, line)
    if opened and not ("flow" in ctx and cline == line):
        return _unclosed_quote(*opened, at(opened[0]))
    if "flow sequence" in ctx or "flow mapping" in ctx:
        close = "]" if "sequence" in ctx else "}"
        opener = "[" if close == "]" else "{"
        if cline == line:
            return YamlProblem(line, col, f"the entries inside '{opener} {close}' need a comma "
                                          "between them", "yaml-bracket",
                               "write it like [\"7-9\", \"10-12\"]")
        return YamlProblem(cline, ccol, f"this '{opener}' is never closed with '{close}'",
                           "yaml-bracket", f"add '{close}' at the end of this line")
    if "simple key" in ctx and "':'" in problem:
        return _missing_colon(cline, ccol)
    if "mapping values are not allowed" in problem:
        here = at(line)
        before = here[: col - 1]
        if re.search(r"\S:(\s|$)", before):
            return YamlProblem(line, col, "this text has ': ' in it, which YAML reads as the start "
                                          "of another field", "yaml-colon-in-text",
                               "put the whole text in double quotes, like title: \"Note: this\"")
        prev = _previous_content_line(lines, line)
        if prev and ":" not in _strip_comment(at(prev)):
            p = at(prev)
            start = len(p) - len(p.lstrip(" -")) + 1
            return _missing_colon(prev, start)
        start = len(here) - len(here.lstrip()) + 1
        return YamlProblem(line, start, "this line is indented further than the fields above it",
                           "yaml-indent", "line it up with the other fields of the same item")
    if "did not find expected key" in problem or "expected '-' indicator" in problem or \
            ("expected <block end>" in problem):
        here = at(line)
        start = len(here) - len(here.lstrip()) + 1
        if col > start and re.search(r"""["']\s*$""", here[: col - 1]):
            return YamlProblem(line, col, "there is more text after the closing quote",
                               "yaml-after-quote", "put the whole text inside the quotes, or "
                                                   "remove the quotes")
        return YamlProblem(line, start, "this line's indentation does not match the lines "
                                        "around it", "yaml-indent",
                           "indent each field of an item by the same number of spaces, and each "
                           "'- ' of a list the same")
    if "cannot start any token" in problem:
        char = at(line)[col - 1: col] or "?"
        return YamlProblem(line, col, f"a value cannot start with '{char}'", "yaml-syntax",
                           "put the whole value in double quotes")
    if "undefined alias" in problem:
        return YamlProblem(line, col, "a value cannot start with '*'", "yaml-syntax",
                           "put the whole value in double quotes")
    if "single document" in ctx:
        return YamlProblem(line, col, "the file holds more than one document (a '---' line)",
                           "yaml-syntax", "delete the '---' line: one file holds one list")
    reason = ", ".join(p for p in (ctx, problem) if p) or "this line could not be read"
    return YamlProblem(line, col, f"YAML could not read this line ({reason})", "yaml-syntax",
                       "compare this line with a similar item in the shipped bank")


def _unclosed_quote(line: int, col: int, here: str) -> YamlProblem:
    quote = here[col - 1: col] if here[col - 1: col] in ("'", '"') else '"'
    return YamlProblem(line, col, f"this text starts with a quote ({quote}) that is never closed",
                       "yaml-unclosed-quote", f"add the closing {quote} at the end of the text")


def _missing_colon(line: int, col: int) -> YamlProblem:
    return YamlProblem(line, col, "this line has no ':' after the field name",
                       "yaml-missing-colon", "write the field as 'name: value', with a colon "
                                             "and a space")


def _strip_comment(line: str) -> str:
    return re.sub(r"(^|\s)#.*$", "", line)


def _previous_content_line(lines: list[str], line: int) -> int | None:
    for n in range(line - 1, 0, -1):
        if _strip_comment(lines[n - 1]).strip():
            return n
    return None


def _open_quote_before(lines: list[str], line: int) -> tuple[int, int] | None:
    """The nearest line before `line` whose value opens a quote it does not close."""
    for n in range(min(line, len(lines)) - 1, max(0, line - 40), -1):
        match = _QUOTE_START.match(lines[n - 1])
        if not match:
            continue
        quote, rest = match.group(1), match.group(2)
        if quote == '"':
            closed = re.search(r'(?<!\\)"', rest.replace("\\\\", ""))
        else:
            closed = "'" in rest.replace("''", "")
        if not closed:
            return n, match.start(1) + 1
    return None
