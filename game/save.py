"""Saved progress and settings, kept in one JSON file under the player's data folder.

The file is always replaced atomically (temporary file, fsync, rename), so a crash or a power cut
leaves either the old save or the new one, never half of one. A file that cannot be understood is
never thrown away: it is moved aside under a dated name and the game starts fresh with a notice in
plain words (the file's name goes to the log, logger "safety_dash.save"). A file too big to be a
save (over MAX_BYTES) is moved aside the same way, without being read; the nickname is cut to
NICKNAME_LIMIT characters on loading and on saving, and a profile too big to save is not written,
so a save never grows past MAX_BYTES. This module must not import pygame.
"""
from __future__ import annotations

import copy
import errno
import json
import logging
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import platformdirs

from game.i18n import t

APP_NAME = "safety-dash"
DATA_DIR_ENV = "SAFETY_DASH_DATA_DIR"
SAVE_VERSION = 1

FILE_NAME = "profile.json"
TMP_PREFIX = "profile."
TMP_SUFFIX = ".tmp"
AGE_BANDS = ("7-9", "10-12", "13-15")
MAX_BYTES = 1_000_000  # a real save is a few kilobytes; a bigger file is not read at all
NICKNAME_LIMIT = 20  # characters: a nickname fits on one line of the screen

log = logging.getLogger("safety_dash.save")

_MAX_SETTING_DEPTH = 16  # settings are flat in practice; deeper values are dropped, not parsed


class SaveError(Exception):
    """The saved data is not shaped like a profile at all."""


@dataclass
class Profile:
    best_score: int = 0             # best single-round score
    total_points: int = 0           # all points ever earned (drives rank)
    rank_id: str = ""               # last rank reached ("" = none yet)
    rounds_played: int = 0
    age_band: str = ""              # last chosen age band ("7-9", "10-12", "13-15") or ""
    notebook: list[str] = field(default_factory=list)   # message ids seen, first-seen order, no duplicates
    seen_counts: dict[str, int] = field(default_factory=dict)  # message id -> times shown
    last_message: str = ""          # id of the last message shown
    settings: dict[str, object] = field(default_factory=dict)  # e.g. {"muted": False, "fullscreen": False}
    nickname: str = ""              # optional, local only

    def to_json(self) -> dict:
        """A JSON-ready copy: changing it does not change the profile."""
        return {
            "best_score": self.best_score,
            "total_points": self.total_points,
            "rank_id": self.rank_id,
            "rounds_played": self.rounds_played,
            "age_band": self.age_band,
            "notebook": list(self.notebook),
            "seen_counts": dict(self.seen_counts),
            "last_message": self.last_message,
            "settings": copy.deepcopy(self.settings),
            "nickname": self.nickname[:NICKNAME_LIMIT],
        }

    @classmethod
    def from_json(cls, data: object) -> "Profile":
        """Rebuild a profile, keeping whatever is usable.

        Hand-edited or older files should not cost a child their progress, so unknown keys are
        ignored and a field of the wrong type (or a negative count) falls back to its default.
        Only data that is not a dict at all raises SaveError.
        """
        if not isinstance(data, dict):
            raise SaveError(f"a profile must be a JSON object, not {type(data).__name__}")
        band = _text(data.get("age_band"))
        return cls(
            best_score=_count(data.get("best_score")),
            total_points=_count(data.get("total_points")),
            rank_id=_text(data.get("rank_id")),
            rounds_played=_count(data.get("rounds_played")),
            age_band=band if band in AGE_BANDS else "",
            notebook=_notebook(data.get("notebook")),
            seen_counts=_seen_counts(data.get("seen_counts")),
            last_message=_text(data.get("last_message")),
            settings=_settings(data.get("settings")),
            nickname=_text(data.get("nickname"))[:NICKNAME_LIMIT],
        )


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _count(value: object) -> int:
    return value if _is_int(value) and value >= 0 else 0


def _text(value: object) -> str:
    return value if isinstance(value, str) else ""


def _notebook(value: object) -> list[str]:
    if not isinstance(value, list):
        return []
    seen: set[str] = set()
    ids: list[str] = []
    for item in value:
        if isinstance(item, str) and item not in seen:
            seen.add(item)
            ids.append(item)
    return ids


def _seen_counts(value: object) -> dict[str, int]:
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and _is_int(v) and v >= 0}


_DROP = object()


def _json_value(value: object, depth: int = 0) -> object:
    """A deep copy of a JSON-like value, or _DROP if any part of it could not be saved as JSON."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if depth >= _MAX_SETTING_DEPTH:
        return _DROP
    if isinstance(value, list):
        items = [_json_value(item, depth + 1) for item in value]
        return _DROP if any(item is _DROP for item in items) else items
    if isinstance(value, dict):
        out: dict[str, object] = {}
        for key, item in value.items():
            cleaned = _json_value(item, depth + 1)
            if not isinstance(key, str) or cleaned is _DROP:
                return _DROP
            out[key] = cleaned
        return out
    return _DROP


def _settings(value: object) -> dict[str, object]:
    if not isinstance(value, dict):
        return {}
    out: dict[str, object] = {}
    for key, item in value.items():
        cleaned = _json_value(item)
        if isinstance(key, str) and cleaned is not _DROP:
            out[key] = cleaned
    return out


def resolve_data_dir(cli_dir: str | os.PathLike | None = None,
                     site_dir: Path | None = None) -> Path:
    """--data-dir wins, then $SAFETY_DASH_DATA_DIR, then the site settings' `data` folder
    (game.site_settings), then platformdirs.user_data_path(APP_NAME, appauthor=False)."""
    if cli_dir is not None and os.fspath(cli_dir) != "":
        return Path(cli_dir).expanduser()
    from_env = os.environ.get(DATA_DIR_ENV, "")
    if from_env:
        return Path(from_env).expanduser()
    if site_dir is not None:
        return site_dir
    return Path(platformdirs.user_data_path(APP_NAME, appauthor=False))


@dataclass
class LoadResult:
    profile: Profile
    notice: str = ""     # plain words for a child/parent when something went wrong, "" otherwise


def _now() -> datetime:
    """The clock used to date kept-aside files (tests replace it)."""
    return datetime.now()


def _write_reason(exc: OSError) -> str:
    code = exc.errno
    if code in (errno.EROFS, errno.EACCES, errno.EPERM):
        return t("the folder is read-only")
    if code in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return t("the disk is full")
    if code in (errno.ENOTDIR, errno.EEXIST, errno.ENOENT):
        return t("the save folder could not be made")
    return t("the disk could not be written")


def _read_reason(exc: OSError) -> str:
    if exc.errno in (errno.EACCES, errno.EPERM):
        return t("the game is not allowed to open it")
    if exc.errno == errno.EISDIR:
        return t("it is a folder, not a file")
    return t("the disk could not be read")


class SaveStore:
    """Loads and saves one profile in data_dir / "profile.json"."""

    def __init__(self, data_dir: Path):
        self.data_dir = Path(data_dir)
        self.path: Path = self.data_dir / FILE_NAME
        # Set when load() found a save it could not read or could not move aside: saving over it
        # would destroy the only copy of that progress, so save() then declines.
        self._protected = False

    # ---- loading ----

    def load(self) -> LoadResult:
        self._protected = False
        self._remove_stray_temp_files()
        try:
            raw = self._read()
        except (FileNotFoundError, NotADirectoryError):  # no save yet
            return LoadResult(Profile())
        except OSError as exc:
            self._protected = True
            return LoadResult(Profile(), t(
                "Your saved progress could not be read ({reason}), so the game is starting "
                "fresh. The old file was left as it is and will not be saved over.",
                reason=_read_reason(exc)))
        if raw is None:
            return self._keep_aside_unreadable("too-big")

        try:
            document = json.loads(raw)
        except (ValueError, RecursionError):  # not UTF-8, not JSON, absurdly deep or long numbers
            return self._keep_aside_unreadable()
        if not isinstance(document, dict):
            return self._keep_aside_unreadable()
        version = document.get("version")
        if not _is_int(version) or version < 1:
            return self._keep_aside_unreadable()
        if version > SAVE_VERSION:
            kept = self._move_aside("newer")
            if kept is None:
                self._protected = True
                return LoadResult(Profile(), t(
                    "Your saved progress was made by a newer version of Safety Dash, so this "
                    "version is starting fresh. The file was left as it is and will not be "
                    "saved over."))
            return LoadResult(Profile(), t(
                "Your saved progress was made by a newer version of Safety Dash, so this version "
                "is starting fresh. The newer file was kept in the game's save folder and will "
                "work again in the newer version."))
        try:
            profile = Profile.from_json(document.get("profile"))
        except SaveError:
            return self._keep_aside_unreadable()
        return LoadResult(profile)

    def _read(self) -> bytes | None:
        """The save's bytes, or None if it is bigger than MAX_BYTES (then it is not read)."""
        with open(self.path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_BYTES:
                return None
            raw = handle.read(MAX_BYTES + 1)  # it may have grown since
        return None if len(raw) > MAX_BYTES else raw

    def _keep_aside_unreadable(self, label: str = "corrupt") -> LoadResult:
        kept = self._move_aside(label)
        if kept is None:
            self._protected = True
            return LoadResult(Profile(), t(
                "Your saved progress could not be read, so the game is starting fresh. The old "
                "file could not be moved aside, so it was left as it is and will not be saved "
                "over."))
        return LoadResult(Profile(), t(
            "Your saved progress could not be read, so the game is starting fresh. The old file "
            "was kept in the game's save folder, with today's date in its name."))

    def _move_aside(self, label: str) -> str | None:
        """Rename the save to profile.<label>-YYYYmmdd-HHMMSS[-N].json, never replacing a file.

        Returns the new file name, or None if the file could not be moved; the log says which.
        """
        stamp = _now().strftime("%Y%m%d-%H%M%S")
        for n in range(10_000):
            name = f"profile.{label}-{stamp}{'' if n == 0 else f'-{n}'}.json"
            target = self.data_dir / name
            try:
                # A hard link fails if the target exists, so an earlier copy is never replaced.
                os.link(self.path, target)
            except FileExistsError:
                continue
            except OSError:
                # No hard links here (some USB sticks, some network drives): check, then rename.
                if os.path.lexists(target):
                    continue
                try:
                    os.rename(self.path, target)
                except FileExistsError:
                    continue
                except OSError:
                    return None
                _fsync_dir(self.data_dir)
                log.warning("the saved progress was kept aside as %s", target)
                return name
            try:
                os.unlink(self.path)
            except OSError:
                # The copy exists but the original stays; a later save replaces it atomically.
                pass
            _fsync_dir(self.data_dir)
            log.warning("the saved progress was kept aside as %s", target)
            return name
        log.warning("the saved progress %s could not be kept aside", self.path)
        return None

    def _remove_stray_temp_files(self) -> None:
        """Half-written temporary files from a killed writer are never the real save."""
        try:
            strays = list(self.data_dir.glob(f"{TMP_PREFIX}*{TMP_SUFFIX}"))
        except OSError:
            return
        for stray in strays:
            try:
                if stray.is_file() and not stray.is_symlink():
                    stray.unlink()
            except OSError:
                pass

    # ---- saving ----

    def save(self, profile: Profile) -> str:
        """Write the profile atomically. Returns "" or, if the disk failed, a notice (never raises OSError)."""
        if self._protected:
            return t("Your progress is not being saved this time, so that the old saved file is "
                     "not replaced. You can keep playing.")
        # ensure_ascii keeps odd text (even lone surrogates) writable as plain ASCII escapes.
        payload = json.dumps({"version": SAVE_VERSION, "profile": profile.to_json()},
                             indent=1, ensure_ascii=True).encode("ascii")
        if len(payload) > MAX_BYTES:  # only a hand-made profile gets this big: keep the old save
            log.warning("the profile was not saved: %d bytes is over %d", len(payload), MAX_BYTES)
            return t("Your progress could not be saved ({reason}). You can keep playing.",
                     reason=t("it is too big"))
        try:
            self._write_atomically(payload)
        except OSError as exc:
            return t("Your progress could not be saved ({reason}). You can keep playing.",
                     reason=_write_reason(exc))
        return ""

    def _write_atomically(self, payload: bytes) -> None:
        self.data_dir.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(dir=self.data_dir, prefix=TMP_PREFIX, suffix=TMP_SUFFIX)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(tmp_name, self.path)
        except BaseException:
            try:
                os.unlink(tmp_name)
            except OSError:
                pass
            raise
        _fsync_dir(self.data_dir)


def _fsync_dir(directory: Path) -> None:
    """Make a rename durable. Windows cannot open folders this way, so errors are ignored."""
    if os.name == "nt":
        return
    try:
        fd = os.open(directory, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
