"""Parse YAML text with PyYAML's safe loader into values that remember their line and column.

The composer (not the constructor) is used so that every mapping, list and scalar keeps its
position; scalars are resolved by the safe constructor, so nothing but plain data is built.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import yaml

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_MAX_NODES = 200_000  # guards against alias bombs ("billion laughs")


@dataclass
class Located:
    """A YAML value (dict of str -> Located, list of Located, or a scalar) and where it starts."""

    value: Any
    line: int  # 1-based
    col: int  # 1-based


class YamlProblem(Exception):
    """The text is not valid YAML, or holds something the bank cannot use."""

    def __init__(self, line: int, col: int, message: str, code: str = "yaml-syntax",
                 hint: str = "") -> None:
        super().__init__(message)
        self.line, self.col, self.message, self.code, self.hint = line, col, message, code, hint


def parse(text: str) -> tuple[Located | None, list[YamlProblem]]:
    """Return the document (None if empty) and soft problems such as duplicate keys.

    Raises YamlProblem for text that cannot be read at all.
    """
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise YamlProblem(line, col, _describe_yaml_error(exc, text, line)) from None
    except yaml.YAMLError as exc:
        raise YamlProblem(1, 1, f"this is not valid YAML ({exc})") from None
    except RecursionError:
        raise YamlProblem(1, 1, "the lists or sections are nested too deeply") from None
    if node is None:
        return None, []
    walker = _Walker()
    try:
        return walker.walk(node), walker.soft
    except RecursionError:
        raise YamlProblem(1, 1, "the lists or sections are nested too deeply") from None


def _describe_yaml_error(exc: yaml.MarkedYAMLError, text: str, line: int) -> str:
    problem = exc.problem or "this line could not be read"
    lines = text.splitlines()
    here = lines[line - 1] if 0 < line <= len(lines) else ""
    if "\t" in here[: len(here) - len(here.lstrip())] or "'\\t'" in problem:
        return "a tab character is used for indenting here; indent with spaces instead"
    parts = [p for p in (exc.context, problem) if p]
    return "YAML syntax: " + ", ".join(parts)


_PLAIN_TAGS = {yaml.MappingNode: "tag:yaml.org,2002:map",
               yaml.SequenceNode: "tag:yaml.org,2002:seq"}


class _Walker:
    def __init__(self) -> None:
        self.soft: list[YamlProblem] = []
        self.count = 0
        self.constructor = yaml.SafeLoader("")

    def walk(self, node: yaml.Node) -> Located:
        self.count += 1
        if self.count > _MAX_NODES:
            raise YamlProblem(1, 1, "the file is far too large (too many repeated aliases?)")
        line, col = node.start_mark.line + 1, node.start_mark.column + 1
        expected = _PLAIN_TAGS.get(type(node))
        if expected is not None and node.tag != expected:
            raise YamlProblem(line, col, f"this value could not be read (the tag '{node.tag}' "
                                         "is not allowed in the content files)")
        if isinstance(node, yaml.MappingNode):
            out: dict[str, Located] = {}
            for key_node, value_node in node.value:
                key = self.walk(key_node)
                if not isinstance(key.value, (str, int, float, bool)) or key.value is None:
                    self.soft.append(YamlProblem(key.line, key.col, "a field name must be plain text",
                                                 "bad-field-name", "field names are words like 'title'"))
                    continue
                name = str(key.value)
                if name in out:
                    self.soft.append(YamlProblem(key.line, key.col,
                                                 f"the field '{name}' appears twice here",
                                                 "duplicate-key", "keep one of the two lines"))
                out[name] = self.walk(value_node)
            return Located(out, line, col)
        if isinstance(node, yaml.SequenceNode):
            return Located([self.walk(n) for n in node.value], line, col)
        try:
            value = self.constructor.construct_object(node, deep=True)
        except yaml.YAMLError as exc:
            reason = getattr(exc, "problem", None) or str(exc).splitlines()[0]
            raise YamlProblem(line, col, f"this value could not be read ({reason})") from None
        return Located(value, line, col)
