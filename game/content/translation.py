"""Translations of the bank: a folder named with a language code (`cy/`) inside a bank folder
gives, per item, the words in that language; everything else (ids, topics, ages, help links,
which answer is safe...) comes from the English item. An item with no usable translation stays
in English, for that item alone, and the Bank says which ones did (Bank.language).

Translation files layer like the bank's own: the language folder of a pack is read after the
shipped bank's, a pack file with the same name replaces the shipped one, and a later layer's
translation of an id replaces an earlier one. A translation applies to an English item from its
own layer or an earlier one: a shipped translation never puts its words on a pack's own item.

Only read when a language other than English is asked for: loading in English never looks here.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from game.content.bank_files import (
    ContentError, ParsedFile, bank_folders, bank_paths, outside, read_document, read_text,
)
from game.content import chat_translation
from game.content.located import Located
from game.content.model import ENGLISH, Bank, Language, Problem
from game.content.reader import NOUNS, Reader
from game.i18n import CATALOGUE

LANGUAGE_CODE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")  # cy, gd, pt-BR
NAMES = {"cy": "Welsh", ENGLISH: "English"}  # for the editor's messages

# each kind a translation gives words for -> its fields (True: always needed); the other words
# an English item may have (a message's 'discuss', a rank's 'badge', an answer's 'explain') are
# needed when the English item has them
FIELDS: dict[str, dict[str, bool]] = {
    "messages": {"id": True, "title": True, "text": True, "do": True, "discuss": False},
    "questions": {"id": True, "text": True, "answers": True},
    "topics": {"id": True, "title": True},
    "help": {"id": True, "title": True, "text": True},
    "ranks": {"id": True, "title": True, "badge": False},
    "lessons": {"id": True, "title": True, "about": True},
    "sources": {"id": True, "publisher": True},
    "branding": {"title": False, "tagline": False},
    "chats": chat_translation.FIELDS,
}
# kinds whose words are names (a publisher's), which may stay as the English file writes them:
# one a translation leaves out is neither missing nor shown "in English"
NAMES_ONLY = frozenset({"sources"})
HEADER = ("language", "reviewed")
Words = dict[str, Any]  # a field's name -> its words (an answer list holds (text, explain, where))
Key = tuple[str, str]  # (kind, id); the branding is ("branding", "")


def language_name(code: str) -> str:
    """'Welsh (cy)', for an editor; the bare code for a language without a known name."""
    return f"{NAMES[code]} ({code})" if code in NAMES else f"'{code}'"


@dataclass
class TranslationFile(ParsedFile):
    """One translation file: items are (words, where they are written)."""

    language: str = ""
    reviewed: bool = False
    reviewed_at: Located | None = None  # where 'reviewed: ...' is written, if it is usable


@dataclass
class Translation:
    """The bank in one language, and what the validator needs to say about its files."""

    bank: Bank  # words in the language where a translation was usable, else English
    files: list[TranslationFile]
    problems: list[Problem]  # mistakes in the translation files (also in bank.problems)
    missing: list[Key] = field(default_factory=list)  # English items no file translates
    # (kind, the translated item, where its words are written, the file) for each one used
    used: list[tuple[str, Any, Located, TranslationFile]] = field(default_factory=list)


def languages(folders: list[Path]) -> list[str]:
    """The languages the bank folders have a translation folder for (a folder named with a
    language code that holds a YAML file), English left out."""
    found: set[str] = set()
    for folder in folders:
        try:
            entries = list(folder.iterdir())
        except OSError:
            continue
        for entry in entries:
            if entry.name != ENGLISH and LANGUAGE_CODE.fullmatch(entry.name) and \
                    entry.is_dir() and any(entry.glob("*.y*ml")):
                found.add(entry.name)
    return sorted(found)


def available_languages(directory: str | Path | None = None,
                        pack: str | Path | None = None) -> tuple[str, ...]:
    """English first, then every language the bank (the shipped one by default, with `pack`
    laid on top) has a translation folder for: what a language setting can offer."""
    return (ENGLISH, *languages(bank_folders(directory, pack)))


def parse_translation(text: str, filename: str, lang: str,
                      display_path: str | None = None) -> TranslationFile:
    """One translation file's words; never raises for bad text. A file whose header (language,
    reviewed) is missing or wrong is not used: its problems say why."""
    path = display_path or filename
    r = Reader(path)
    stem = Path(filename).stem
    out = TranslationFile(path, stem if stem in FIELDS else None, problems=r.problems)
    out.text, doc, parsed = read_document(r, text)
    if not parsed:
        return out
    out.doc = doc
    named = out.kind
    expected = f"'{named}:'" if named else "one of " + ", ".join(f"'{k}:'" for k in FIELDS)
    if doc is None:
        r.error((1, 1), "empty-file", f"the file is empty; it should hold 'language: {lang}', "
                                      f"'reviewed: false' and {expected}",
                "copy the first lines of a translation file from the shipped bank")
        return out
    keys = [k for k in doc.fields() if k in FIELDS]
    kind = named if named in keys else (keys[0] if len(keys) == 1 and not named else None)
    if kind is None:
        r.error(doc, "wrong-top-level", f"the file should hold {expected} followed by its "
                                        "translated items", "start the list with a line "
                                                            f"'{named or 'messages'}:'")
        return out
    out.kind = kind
    header = r.fields(doc, {"language": True, "reviewed": True, kind: True}, "translation file")
    if header is None or not check_header(r, header, lang, out):
        return out
    entries = header[kind]
    if kind == "branding":
        words = _words(r, entries, kind)
        if words is not None:
            out.items.append((words, entries))
        return out
    if type(entries.value) is not list:
        r.error(entries, "not-a-list", f"'{kind}' must be a list, each item starting with '- '",
                f"indent the items under '{kind}:' and start each one with '- id: '")
        return out
    for entry in entries.value:
        before = len(r.problems)
        words = _words(r, entry, kind)
        if words is not None and not any(p.severity == "error" for p in r.problems[before:]):
            out.items.append((words, entry))
    return out


def check_header(r: Reader, header: dict[str, Located], lang: str,
                 out: TranslationFile) -> bool:
    """Whether the file's language and reviewed lines are usable (if not, the problem is
    reported); sets out.language and out.reviewed."""
    said = header["language"]
    if said.value != lang:
        r.error(said, "wrong-language", f"this file is in the {language_name(lang)} folder but "
                                         f"says 'language: {said.value}'",
                f"write 'language: {lang}', or move the file to the folder of its language")
        return False
    out.language = lang
    reviewed = header["reviewed"]
    if type(reviewed.value) is not bool:
        r.error(reviewed, "wrong-type", "'reviewed' must be true or false",
                "write 'reviewed: false' until a fluent speaker has checked every item, "
                "then 'reviewed: true'")
        return False
    out.reviewed, out.reviewed_at = reviewed.value, reviewed
    return True


def _words(r: Reader, item: Located, kind: str) -> Words | None:
    spec = FIELDS[kind]
    f = r.fields(item, spec, NOUNS[kind])
    if f is None:
        return None
    words: Words = {}
    for name in spec:
        if name not in f:
            continue
        if name == "id":
            value: Any = r.ident(f, name)
        elif name == "discuss":
            value = r.text_list(f, name)
        elif name == "answers":
            value = _answers(r, f[name])
        elif name in ("contact", "steps"):
            value = chat_translation.words(r, name, f[name])
        else:
            value = r.text(f, name)
        if value is None:
            return None
        words[name] = value
    return words


def _answers(r: Reader, loc: Located) -> list[tuple[str, str, Located]] | None:
    if type(loc.value) is not list:
        r.error(loc, "wrong-type", "'answers' must be a list, each answer starting with '- text: '",
                "give one answer for each of the English question's answers, in the same order")
        return None
    out = []
    for entry in loc.value:
        f = r.fields(entry, {"text": True, "explain": False}, "answer")
        if f is None:
            return None
        text, explain = r.text(f, "text"), r.text(f, "explain", "")
        if text is None or explain is None:
            return None
        out.append((text, explain, entry))
    return out


def read_translation_files(folders: list[Path], lang: str) -> list[TranslationFile]:
    """Every translation file into `lang` of the bank folders, in layers (see the module's
    docstring), each parsed."""
    out = []
    for path, layer in bank_paths([folder / lang for folder in folders]):
        if path.stem == Path(CATALOGUE).stem:  # the game's own words (game.content.ui_catalogue)
            continue
        problem = outside(path, folders[layer])  # a linked folder or file: not the bank's
        text, problem = (None, problem) if problem else read_text(path, str(path))
        if problem:
            parsed = TranslationFile(str(path), path.stem if path.stem in FIELDS else None,
                                     problems=[problem])
        else:
            parsed = parse_translation(text or "", path.name, lang, str(path))
        parsed.layer = layer
        out.append(parsed)
    return out


def translate(bank: Bank, files: list[ParsedFile], folders: list[Path], lang: str,
              refused: frozenset[Key] = frozenset()) -> Translation:
    """`bank` (loaded from `files`, read from `folders`) with the words of `lang` laid on it;
    raises ContentError if `lang` is not a language code. The items in `refused` (kind, id)
    stay in English: their translation has an error the game's rules found
    (game.content.rules.refused)."""
    if not LANGUAGE_CODE.fullmatch(lang):
        raise ContentError(f"'{lang}' is not a language code like 'cy'")
    if lang == ENGLISH:
        return Translation(bank, [], [])
    translation = Translation(bank, read_translation_files(folders, lang), [])
    problems = translation.problems
    for parsed in translation.files:
        problems.extend(parsed.problems)
    chosen = _chosen(translation.files, problems)
    layers = _english_layers(files)
    fallbacks: set[Key] = set()

    def translated(kind: str, item: Any) -> Any:
        key = (kind, getattr(item, "id", ""))
        found = chosen.pop(key, None)
        if found is None or found[2].layer < layers.get(key, 0):
            if key in layers and kind not in NAMES_ONLY:  # written in the bank's files
                translation.missing.append(key)
                fallbacks.add(key)
            return item
        words, at, parsed = found
        if key in refused:
            fallbacks.add(key)
            return item
        r = Reader(parsed.path)
        done = _APPLY[kind](item, words, at, r)
        problems.extend(r.problems)
        if done is None:
            fallbacks.add(key)
            return item
        translation.used.append((kind, done, at, parsed))
        return done

    def each(kind: str, items: tuple) -> tuple:
        return tuple(translated(kind, item) for item in items)

    items = {kind: each(kind, getattr(bank, kind))
             for kind in ("topics", "help", "ranks", "messages", "questions", "lessons",
                          "sources", "chats")}
    local_help = each("help", bank.branding.local_help)
    branding = replace(translated("branding", bank.branding), local_help=local_help)
    problems.extend(_unknown(chosen, files, bank))
    reviewed = bool(translation.files) and all(f.reviewed for f in translation.files)
    translation.bank = replace(bank, branding=branding, problems=bank.problems + tuple(problems),
                               language=Language(lang, reviewed, frozenset(fallbacks)), **items)
    return translation


def _chosen(files: list[TranslationFile], problems: list[Problem],
            ) -> dict[Key, tuple[Words, Located, TranslationFile]]:
    """Each item's translation: a later layer's replaces an earlier one's; a second one in the
    same layer is reported, and the first kept."""
    chosen: dict[Key, tuple[Words, Located, TranslationFile]] = {}
    for parsed in files:
        for words, at in parsed.items:
            key = (parsed.kind or "", words.get("id", ""))
            first = chosen.get(key)
            if first is not None and first[2].layer == parsed.layer:
                where = at.field("id")
                problems.append(Problem(
                    parsed.path, where.line, where.col,
                    f"'{key[1] or parsed.kind}' is already translated at "
                    f"{Path(first[2].path).name}:{first[1].line}", "error", "duplicate-id",
                    "keep one of the two translations and delete the other"))
                continue
            chosen[key] = (words, at, parsed)
    return chosen


def _english_layers(files: list[ParsedFile]) -> dict[Key, int]:
    """The layer each English item the bank uses comes from (the last layer to write it)."""
    layers: dict[Key, int] = {}
    for parsed in sorted(files, key=lambda f: f.layer):
        for item, _ in parsed.items:
            if parsed.kind == "branding":
                layers[("branding", "")] = parsed.layer
                for link in item.local_help:
                    layers[("help", link.id)] = parsed.layer
            elif parsed.kind in FIELDS:
                layers[(parsed.kind, item.id)] = parsed.layer
    return layers


def _unknown(left: dict[Key, tuple[Words, Located, TranslationFile]], files: list[ParsedFile],
             bank: Bank) -> list[Problem]:
    """A warning for each translation of an id the English bank does not have. (`left`: the
    translations no English item took; an English item left out for a mistake of its own, or
    replaced by a pack's, is not unknown.)"""
    written: dict[str, set[str]] = {kind: set() for kind in FIELDS}
    for parsed in files:
        if parsed.kind in FIELDS and parsed.doc is not None:
            written[parsed.kind].update(str(entry.field("id").value)
                                        for entry in parsed.doc.entries(parsed.kind)
                                        if "id" in entry.fields())
    written["help"].update(link.id for link in bank.branding.local_help)
    out = []
    for (kind, ident), (_, at, parsed) in left.items():
        known = written[kind]
        if kind == "branding" or ident in known:
            continue
        close = difflib.get_close_matches(ident, sorted(known), n=1)
        guess = f" (did you mean '{close[0]}'?)" if close else ""
        where = at.field("id")
        noun = NOUNS[kind]
        out.append(Problem(parsed.path, where.line, where.col,
                           f"there is no {noun} with the id '{ident}' in the English bank to "
                           f"translate{guess}; this translation is not used", "warning",
                           "unknown-translation", f"use the id of the English {noun}: ids are "
                                                  "never translated"))
    return out


# --- laying the words on the English items --------------------------------------------------------

def _message(item: Any, w: Words, at: Located, r: Reader) -> Any:
    if item.discuss and not w.get("discuss"):
        r.error(at, "missing-field", "this message has no 'discuss' questions, but the English "
                                     "message has them; the message is shown in English",
                "translate its discussion questions in a list under 'discuss:'")
        return None
    return replace(item, title=w["title"], text=w["text"], do=w["do"],
                   discuss=w.get("discuss") or item.discuss)


def _question(item: Any, w: Words, at: Located, r: Reader) -> Any:
    answers = w["answers"]
    if len(answers) != len(item.answers):
        r.error(at.field("answers"), "answer-count",
                f"this translation has {len(answers)} answers but the English question "
                f"'{item.id}' has {len(item.answers)}; the question is shown in English",
                "give one answer for each English answer, in the same order")
        return None
    translated = []
    for answer, (text, explain, entry) in zip(item.answers, answers):
        if answer.explain and not explain:
            r.error(entry, "missing-explain", "this answer has no 'explain' line, but the "
                                              "English answer has one; the question is shown "
                                              "in English",
                    "add 'explain: ...' under this answer: the English answer's line, translated")
            return None
        translated.append(replace(answer, text=text, explain=explain))
    return replace(item, text=w["text"], answers=tuple(translated))


def _rank(item: Any, w: Words, at: Located, r: Reader) -> Any:
    if item.badge and "badge" not in w:
        r.error(at, "missing-field", "this rank has no 'badge', but the English rank has one; "
                                     "the rank is shown in English",
                "add 'badge: ...': the English rank's line of praise, translated")
        return None
    return replace(item, title=w["title"], badge=w.get("badge", item.badge))


def _fields(*names: str) -> Any:
    """The words of `names` laid on an item, each one given (branding: all optional)."""
    def apply(item: Any, w: Words, at: Located, r: Reader) -> Any:
        return replace(item, **{name: w[name] for name in names if name in w})
    return apply


_APPLY = {"messages": _message, "questions": _question, "ranks": _rank,
          "topics": _fields("title"), "help": _fields("title", "text"),
          "lessons": _fields("title", "about"), "sources": _fields("publisher"),
          "branding": _fields("title", "tagline"),
          "chats": chat_translation.apply}


def translated_items(translation: Translation) -> dict[str, list[Any]]:
    """Each translated item, with its words where the translation writes them, by kind
    (game.content.checks.Placed)."""
    from game.content.checks import Placed
    out: dict[str, list[Any]] = {}
    for kind, item, at, parsed in translation.used:
        out.setdefault(kind, []).append(Placed(kind, item, at, parsed.path, parsed.text))
    return out
