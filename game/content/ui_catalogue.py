"""The game's own words (buttons, headings, hints) in a language: `<lang>/ui.yaml` in a bank
folder maps each English string the code passes to `game.i18n.t()` to its translation:

    language: cy
    reviewed: false
    ui:
      "Play": "Chwarae"
      "Question {n} of {total}": "Cwestiwn {n} o {total}"

A translation must keep the English string's `{fields}`. Like the bank's own translation files
(game.content.translation), the file is read for the shipped bank and then for a pack: a pack's
translation of a string replaces the shipped one, and the strings a pack does not translate
keep the shipped words. A string no file translates, or whose translation is broken, stays in
English, for that string alone; a file that cannot be read gives no words at all. Nothing here
raises for content: every mistake is a Problem at its line and column, for the validator and for
the plain-words notice the player sees.

No pygame here.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from game.content.bank_files import (
    ContentError, bank_folders, outside, read_document, read_text,
)
from game.content.located import Located
from game.content.model import ENGLISH, Problem
from game.content.reader import Reader, kind_of
from game.content.translation import LANGUAGE_CODE, TranslationFile, check_header
from game.i18n import CATALOGUE, fields_of, t

UI = "ui"  # the field holding the words, and the catalogue file's kind (its schema's name)


@dataclass
class CatalogueFile(TranslationFile):
    """One ui.yaml: its usable words, and where every English string in it is written."""

    ui_at: tuple[int, int] | None = None  # where 'ui:' is written, once its mapping is read
    words: dict[str, str] = field(default_factory=dict)  # English -> translation, usable ones
    written: dict[str, tuple[int, int]] = field(default_factory=dict)  # every English string


@dataclass
class Catalogue:
    """The game's words in one language, from every layer's ui.yaml."""

    language: str = ENGLISH
    words: dict[str, str] = field(default_factory=dict)  # English -> translation
    files: list[CatalogueFile] = field(default_factory=list)

    @property
    def problems(self) -> list[Problem]:
        return [p for f in self.files for p in f.problems]

    @property
    def notice(self) -> str | None:
        """Plain words for the player when some of the words could not be used."""
        if not any(p.severity == "error" for p in self.problems):
            return None
        return t("Some of the game's words could not be read in this language, so they are "
                 "shown in English. The person who edits the game's content can check why.")


def load_catalogue(lang: str, directory: str | Path | None = None,
                   pack: str | Path | None = None) -> Catalogue:
    """The game's words in `lang` from the bank in `directory` (the shipped bank by default)
    with `pack` laid on top; English, or a bank folder that is not there, gives no words (the
    bank's own loading reports a missing folder)."""
    if lang == ENGLISH or not LANGUAGE_CODE.fullmatch(lang):
        return Catalogue(lang if lang == ENGLISH else ENGLISH)
    try:
        folders = bank_folders(directory, pack)
    except ContentError:
        return Catalogue(lang)
    return read_catalogue(folders, lang)


def read_catalogue(folders: list[Path], lang: str) -> Catalogue:
    """Every layer's `<lang>/ui.yaml` of the bank folders, parsed, and their words merged."""
    catalogue = Catalogue(lang)
    for layer, folder in enumerate(folders):
        path = catalogue_path(folder, lang)
        if not path.is_file():
            continue
        problem = outside(path, folder)  # a linked folder or file: not the bank's
        text, problem = (None, problem) if problem else read_text(path, str(path))
        if problem:
            parsed = CatalogueFile(str(path), UI, problems=[problem])
        else:
            parsed = parse_catalogue(text or "", lang, str(path))
        parsed.layer = layer
        catalogue.files.append(parsed)
        catalogue.words.update(parsed.words)
    return catalogue


def catalogue_path(folder: Path, lang: str) -> Path:
    """Where a bank folder keeps the game's words in `lang` (ui.yaml, or ui.yml if that is the
    one written)."""
    path = folder / lang / CATALOGUE
    other = path.with_suffix(".yml")
    return other if not path.is_file() and other.is_file() else path


def parse_catalogue(text: str, lang: str, path: str) -> CatalogueFile:
    """One ui.yaml's words; never raises for bad text. A file whose header (language,
    reviewed) or 'ui:' mapping is wrong gives no words; a broken entry is left out alone."""
    r = Reader(path)
    out = CatalogueFile(path, UI, problems=r.problems)
    out.text, doc, parsed = read_document(r, text)
    if not parsed:
        return out
    out.doc = doc
    if doc is None:
        r.error((1, 1), "empty-file", f"the file is empty; it should hold 'language: {lang}', "
                                      "'reviewed: false' and 'ui:' with the game's words",
                "copy the first lines of ui.yaml from the shipped bank's cy folder")
        return out
    header = r.fields(doc, {"language": True, "reviewed": True, UI: True},
                      "file of the game's words")
    if header is None or not check_header(r, header, lang, out):
        return out
    words = header[UI]
    if type(words.value) is not dict:
        r.error(words, "not-a-mapping", f"'ui' must be a set of lines, each the game's English "
                                        f"words, a colon and their translation, not "
                                        f"{kind_of(words.value)}",
                "indent each line under 'ui:', written like \"Play\": \"Chwarae\"")
        return out
    out.ui_at = doc.key_at(UI)
    for english, at in words.value.items():
        out.written[english] = words.key_at(english)
        translated = _words(r, english, at)
        if translated is not None:
            out.words[english] = translated
    return out


def _words(r: Reader, english: str, at: Located) -> str | None:
    """The translation written at `at`, or None (and the problem reported) if it is unusable."""
    value = at.value
    if type(value) is not str:
        r.error(at, "wrong-type", f"the translation of \"{english}\" must be text, not "
                                  f"{kind_of(value)}; it is shown in English",
                "write the translated words after the colon, in double quotes")
        return None
    if not value.strip():
        r.error(at, "empty-text", f"the translation of \"{english}\" is empty; it is shown in "
                                  "English", "write the translated words after the colon")
        return None
    wanted, found = fields_of(english), fields_of(value)
    if found != wanted:
        r.error(at, "wrong-fields", f"the translation of \"{english}\" has {_listed(found)} "
                                    f"but the English has {_listed(wanted)}; it is shown in "
                                    "English",
                "keep each {name} exactly as the English writes it (the game fills it in); "
                "translate only the words around it")
        return None
    return value


def _listed(fields: set[str]) -> str:
    if "{" in fields:
        return "a '{' or '}' without its pair"
    if not fields:
        return "no fields in braces"
    return ", ".join("{" + name + "}" for name in sorted(fields))
