"""What the first frame needs, kept between launches: the loaded bank and the title's pictures.

Start-up would read and check the YAML bank (~30 ms) and draw the park and the mascot (~35 ms)
every time; read back from the user's cache folder they cost ~3 ms. Each thing kept is stored
with a stamp of everything it was made from: the game's code and pygame's version, plus what
the caller names (for the bank, every file of its folders by size and time of change). A stamp
that does not match, or a file that cannot be read, means the thing is made afresh (and written
again); a folder that cannot be written only means nothing is kept. The folder is the
validator's (game.paths.cache_folder): $SAFETY_DASH_CACHE_DIR ("off": keep nothing) or the
user's cache folder.
"""
from __future__ import annotations

import logging
import os
import pickle
import sys
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")
FORMAT = 1
FOLDER = "start-up"

log = logging.getLogger(__name__)


def stamp_of_files(paths: Iterable[Path]) -> str:
    """A stamp of files by name, size and time of change (each folder walked, skipping
    __pycache__): cheap enough for every launch, and changed by any edit, addition or removal.
    The stamp is that list itself, not a hash of it: hashlib alone (OpenSSL) costs a launch
    ~5 ms to import."""
    lines: list[str] = []
    for top in paths:
        for root, dirs, files in os.walk(top, followlinks=False):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for name in sorted(files):
                path = os.path.join(root, name)
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                lines.append(f"{path} {st.st_size} {st.st_mtime_ns}")
        if os.path.isfile(top):
            st = os.stat(top)
            lines.append(f"{top} {st.st_size} {st.st_mtime_ns}")
    return "\n".join(lines)


@cache
def code_stamp() -> str:
    """The game's code (every module) and the versions of Python and pygame."""
    import pygame
    return f"{FORMAT} {sys.version} {pygame.version.ver} " + \
        stamp_of_files([Path(__file__).resolve().parent])


def _folder() -> Path | None:
    from game.paths import cache_folder
    folder = cache_folder()
    return folder / FOLDER if folder is not None else None


def kept(name: str, inputs: str, make: Callable[[], T],
         dump: Callable[[T], Any] = lambda value: value,
         load: Callable[[Any], T] = lambda value: value) -> T:
    """The thing called `name` made from `inputs` (a stamp of them), read back if it was kept
    by an earlier launch with the same stamp, else made by `make()` and kept (as `dump` turns
    it into something picklable; `load` turns that back)."""
    folder = _folder()
    if folder is None:
        return make()
    path = folder / f"{name}.pickle"
    stamp = f"{code_stamp()} {inputs}"
    try:
        with open(path, "rb") as file:
            found = pickle.load(file)
        if found[0] == stamp:
            return load(found[1])
    except FileNotFoundError:
        pass
    except Exception as exc:  # a broken or foreign file: made afresh and written again
        log.info("the start-up cache %s was not used: %s", path, exc)
    value = make()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        part = path.with_name(f"{path.name}.{os.getpid()}.part")
        with open(part, "wb") as file:
            pickle.dump((stamp, dump(value)), file, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(part, path)
    except Exception as exc:  # nothing kept: the next launch makes it again
        log.info("the start-up cache %s could not be written: %s", path, exc)
    return value


def picture_dump(surface) -> tuple[tuple[int, int], bool, bytes]:
    """A pygame surface as its size, whether it has see-through pixels, and its RGBA bytes."""
    import pygame
    alpha = bool(surface.get_flags() & pygame.SRCALPHA)
    return surface.get_size(), alpha, pygame.image.tobytes(surface, "RGBA")


def picture_load(kept_picture: tuple[tuple[int, int], bool, bytes]):
    """The surface picture_dump() stored, in the display's format."""
    import pygame
    size, alpha, data = kept_picture
    surface = pygame.image.frombytes(data, size, "RGBA")
    return surface.convert_alpha() if alpha else surface.convert()
