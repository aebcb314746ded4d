"""The IT office's settings for every pupil on a computer: `safety-dash-site.yaml`.

Where the file is looked for, the first found wins:
1. $SAFETY_DASH_SITE_FILE, a file named explicitly ("off" reads none);
2. beside the game: the folder of the executable in the standalone bundle (PyInstaller's
   `sys.executable`), or of the `safety-dash` command an installed wheel puts on the PATH
   (`sys.argv[0]`, only when it is that command, never `python` or `pytest`);
3. the computer's site-wide settings folder, platformdirs' site_config_dir("safety-dash"):
   C:\\ProgramData\\safety-dash on Windows, /Library/Application Support/safety-dash on macOS,
   /etc/xdg/safety-dash on Linux (the first folder of $XDG_CONFIG_DIRS).

Every key is optional (KEYS). A key with a mistake is left out and the good keys are still used
(a typo in one line never moves a class's progress elsewhere or unlocks what was locked); a file
that cannot be read at all is not used. Either way the game starts, and the title tells the
pupil in plain words (`Site.notice`); the details, `file:line:col: error [code] message`, go to
the log and to `safety-dash validate --site`, which run the same checks (`check_file`).
No pygame here.
"""
from __future__ import annotations

import getpass
import os
import re
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from game.content.model import Problem
from game.i18n import t

FILE_NAME = "safety-dash-site.yaml"
FILE_ENV = "SAFETY_DASH_SITE_FILE"
APP_NAME = "safety-dash"
PORTABLE_FOLDER = "safety-dash-data"  # beside the game, for `data: portable`
MAX_BYTES = 64_000  # a real site file is a dozen lines
LANGUAGES = {"en": "English", "cy": "Cymraeg"}  # as game.settings.LANGUAGES
TEXT_SIZES = (100, 125, 150, 200)  # as game.settings.TEXT_SCALES, in per cent
DATA_WORDS = ("user", "roaming", "portable")
KEYS = ("content", "data", "language", "text_size", "report_folder",
        "pupils_may_change_language", "pupils_may_open_settings")
LOCKS = ("pupils_may_change_language", "pupils_may_open_settings")


@dataclass(frozen=True)
class Site:
    """What the site file sets (None: not set, the game's own choice), and what was wrong."""

    path: Path | None = None  # the file read; None when none was found
    content: Path | None = None  # a content pack laid on the shipped bank
    data_dir: Path | None = None  # where progress is saved; None: the per-user folder
    report_dir: Path | None = None  # where classroom reports go
    language: str | None = None
    text_size: int | None = None
    language_locked: bool = False
    settings_locked: bool = False
    problems: tuple[Problem, ...] = ()
    unread: bool = False  # the file as a whole could not be read: nothing of it is used

    @property
    def broken(self) -> bool:
        return any(p.severity == "error" for p in self.problems)

    def defaults(self) -> dict[str, object]:
        """The settings every pupil starts with, before they choose their own."""
        out: dict[str, object] = {}
        if self.language:
            out["lang"] = self.language
        if self.text_size:
            out["text_scale"] = self.text_size / 100
        return out

    def locked(self) -> dict[str, object]:
        """The settings pupils cannot change: the site's value always, whatever they saved.
        A locked language the site does not name is English, the game's own."""
        out: dict[str, object] = {}
        if self.language_locked:
            out["lang"] = self.language or "en"
        if self.settings_locked:
            out.update(self.defaults())
        return out

    def notice(self) -> str:
        """Plain words for the title screen ("" when all is well): no file names or paths."""
        if self.unread:
            return t("This computer's settings for Safety Dash could not be read, so the game "
                     "uses its own. Tell your teacher.")
        if self.broken:
            return t("Some of this computer's settings for Safety Dash could not be used, so "
                     "the game uses its own for those. Tell your teacher.")
        return ""


def find_file() -> tuple[Path | None, str]:
    """The site file the game reads, and how it was found (words for the log), or (None, "")."""
    named = os.environ.get(FILE_ENV, "")
    if named:
        if named.lower() == "off":
            return None, ""
        return Path(named).expanduser(), f"named by ${FILE_ENV}"
    for folder, how in ((game_folder(), "beside the game"),
                        (system_folder(), "in the computer's settings folder")):
        if folder is not None and (folder / FILE_NAME).is_file():
            return folder / FILE_NAME, how
    return None, ""


def places() -> list[Path]:
    """The folders a site file is looked for in, in order (after $SAFETY_DASH_SITE_FILE)."""
    return [f for f in (game_folder(), system_folder()) if f is not None]


def system_folder() -> Path:
    """The computer's site-wide settings folder for the game (platformdirs)."""
    import platformdirs
    return Path(platformdirs.site_config_dir(APP_NAME, appauthor=False))


def game_folder() -> Path | None:
    """The folder the game runs from: the standalone bundle's, or the `safety-dash` command's
    (None when run some other way, as `python -m game` or under pytest)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    command = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if command is not None and command.name.lower().startswith(APP_NAME):
        return command.resolve().parent
    return None


def load() -> Site:
    """The site settings of this computer (an empty Site when there is no file). Never raises."""
    path, how = find_file()
    if path is None:
        return Site()
    site = read(path)
    lines = [f"Safety Dash: the site settings {how} were read from {path}"]
    lines += [str(p) for p in site.problems]
    for line in lines:
        print(line, file=sys.stderr)
    return site


def read(path: Path) -> Site:
    """Read and check one site file: the good keys, and every problem."""
    problems, values = check_file(path)
    if values is None:
        return Site(path, problems=tuple(problems), unread=True)
    folder = path.parent
    data, data_dir = values.get("data"), None
    if isinstance(data, str):
        data_dir = data_folder(data, folder)
    report = values.get("report_folder")
    content = values.get("content")
    return Site(
        path,
        content=resolved(content, folder) if isinstance(content, str) else None,
        data_dir=data_dir,
        report_dir=resolved(report, folder) if isinstance(report, str) else None,
        language=values.get("language"),  # type: ignore[arg-type]
        text_size=values.get("text_size"),  # type: ignore[arg-type]
        language_locked=values.get("pupils_may_change_language") is False,
        settings_locked=values.get("pupils_may_open_settings") is False,
        problems=tuple(problems))


def check_file(path: Path) -> tuple[list[Problem], dict[str, object] | None]:
    """The problems in the site file at `path`, and its good values (None: not readable)."""
    from game.content.located import YamlProblem, parse
    where = str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(MAX_BYTES + 1)
        if len(raw) > MAX_BYTES:
            return [Problem(where, 1, 1, f"the file is over {MAX_BYTES} bytes, too big to be a "
                                         "site settings file", "error", "site-too-big",
                            "a site file is a few lines: start from the README's example")], None
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return [Problem(where, 1, 1, "the file is not saved as UTF-8 text", "error",
                        "not-utf8", "save it as UTF-8 in your text editor")], None
    except OSError as exc:
        return [Problem(where, 1, 1, f"the file could not be read ({exc.strerror or exc})",
                        "error", "site-unreadable",
                        "check the file exists and every pupil may read it")], None
    try:
        doc, soft = parse(text)
    except YamlProblem as exc:  # the reader's hints for the bank point at the shipped files
        hint = "compare it with the example in the README's 'For schools'" \
            if "shipped bank" in exc.hint else exc.hint
        return [Problem(where, exc.line, exc.col, exc.message, "error", exc.code, hint)], None
    problems = [Problem(where, s.line, s.col, s.message, "warning", s.code, s.hint)
                for s in soft]
    if doc is None:
        return problems, {}
    if type(doc.value) is not dict:
        return problems + [Problem(where, doc.line, doc.col, "the file must be a list of "
                                   "settings, one 'key: value' a line", "error", "site-not-keys",
                                   "start from the README's example file")], None
    values: dict[str, object] = {}
    for key, loc in doc.fields().items():
        line, col = doc.key_at(key)
        if key not in KEYS:
            problems.append(_unknown(where, line, col, key))
            continue
        try:
            problem, value = _check_value(key, loc.value, path.parent)
        except (OSError, ValueError, RuntimeError) as exc:  # a NUL in a path, ~nobody, no access
            problem, value = (f"{key} {loc.value!r} cannot be used as a folder ({exc})",
                              "bad-site-value", "write the folder's path"), None
        if problem:
            message, code, hint = problem
            problems.append(Problem(where, loc.line, loc.col, message, "error", code, hint))
        else:
            values[key] = value
    if values.get("pupils_may_change_language") is False and "language" not in values:
        line, col = doc.key_at("pupils_may_change_language")
        problems.append(Problem(where, line, col, "the language is locked but no language is "
                                "set, so pupils will play in English", "warning",
                                "lock-without-language", "add 'language: cy' or 'language: en'"))
    return sorted(problems, key=lambda p: (p.line, p.col)), values


def _unknown(where: str, line: int, col: int, key: object) -> Problem:
    close = _close(str(key), KEYS, 0.6)
    hint = f"did you mean '{close[0]}'?" if close else f"the keys are: {', '.join(KEYS)}"
    return Problem(where, line, col, f"'{key}' is not a site setting", "error",
                   "unknown-site-key", hint)


def _close(word: str, known: tuple[str, ...], cutoff: float) -> list[str]:
    """The known word closest to `word`, if one is close enough ([] if none)."""
    import difflib  # only for a mistake or a folder's name: start-up pays nothing for it
    return difflib.get_close_matches(word, known, n=1, cutoff=cutoff)


_Found = tuple[tuple[str, str, str] | None, object]  # (message, code, hint) or None, the value


def _check_value(key: str, value: object, folder: Path) -> _Found:
    if key in LOCKS:
        if isinstance(value, bool):
            return None, value
        return (f"{key} must be true or false, not {value!r}", "bad-site-value",
                "write true (pupils may) or false (they may not)"), None
    if key == "language":
        if value in LANGUAGES:
            return None, value
        choices = ", ".join(f"{code} ({name})" for code, name in LANGUAGES.items())
        return (f"there is no language {value!r}", "bad-language", f"use one of {choices}"), None
    if key == "text_size":
        if isinstance(value, int) and not isinstance(value, bool) and value in TEXT_SIZES:
            return None, value
        sizes = ", ".join(map(str, TEXT_SIZES))
        return (f"the text size must be one of {sizes} (per cent), not {value!r}",
                "bad-text-size", "write the number alone, as 150, without a % sign"), None
    if not isinstance(value, str) or not value.strip() or "\0" in value:
        return (f"{key} must be a folder, not {value!r}", "bad-site-value",
                "write the folder's path, in quotes if it has a colon or a # in it"), None
    if key == "content":
        pack = resolved(value, folder)
        if not pack.is_dir():
            return (f"the content pack folder {pack} does not exist", "no-folder",
                    "a path is read from the site file's own folder unless it is absolute"), None
        return None, value
    if key == "data":
        close = [] if value in DATA_WORDS or re.search(r"[\\/{~]", value) else \
            _close(value, DATA_WORDS, 0.7)
        if close:  # "portabel": a word misspelt, not a folder's name
            return (f"data is {value!r}", "bad-site-value",
                    f"did you mean '{close[0]}'? (or write a folder as a path: ./{value})"), None
        target = data_folder(value, folder)
        if target is not None and not writable(target):
            return (f"progress cannot be saved in {target}: the folder cannot be written",
                    "data-not-writable", "pupils' accounts need permission to make and change "
                    "files there; 'user' keeps each pupil's progress in their own profile"), None
        return None, value
    target = resolved(value, folder)  # report_folder: made when the first report is written
    if target.exists() and not target.is_dir():
        return (f"the report folder {target} is a file", "bad-site-value",
                "name a folder"), None
    return None, value


def data_folder(value: str, folder: Path) -> Path | None:
    """Where progress is saved for `data: value` (None: the per-user folder the game uses
    without a site file)."""
    if value == "user":
        return None
    if value == "roaming":  # the roaming profile on Windows (%APPDATA%); elsewhere as user
        import platformdirs
        return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False, roaming=True))
    if value == "portable":
        return (game_folder() or folder) / PORTABLE_FOLDER
    return resolved(value, folder)


def resolved(value: str, folder: Path) -> Path:
    """A path from the site file: {user} becomes the pupil's login name, ~ their home, and a
    relative path is read from the site file's folder."""
    path = Path(value.replace("{user}", login_name())).expanduser()
    return path if path.is_absolute() else folder / path


def login_name() -> str:
    """The login name, safe as one folder's name ("pupil" when it cannot be known)."""
    try:
        name = getpass.getuser()
    except Exception:  # no name in the environment or the password database
        name = ""
    return re.sub(r'[\\/:*?"<>|\x00-\x1f]', "_", name).strip(". ") or "pupil"


def writable(target: Path) -> bool:
    """Whether a file can be made in `target`, or in the nearest folder above it that exists
    (where `target` would be made): a real test file, removed at once, as access rights on a
    network share say little."""
    probe = target
    while not probe.exists():
        if probe.parent == probe:
            return False
        probe = probe.parent
    if not probe.is_dir():
        return False
    try:
        with tempfile.TemporaryFile(dir=probe, prefix=".safety-dash-check-"):
            return True
    except OSError:
        return False
