"""Shared fixtures: headless SDL for every test, and a small in-memory bank for rule tests."""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

# The suite tests the game people install, never the source tree beside it: `python -m pytest`
# puts the current folder on sys.path, so take the checkout off it before `game` is imported,
# and keep it off for every child process the tests start (PYTHONSAFEPATH, Python 3.11+).
# SAFETY_DASH_TEST_SOURCE=1 tests the checkout instead, for a quick loop while editing;
# .ci/run clears it and test_installed.py fails if the game came from the checkout.
_CHECKOUT = Path(__file__).resolve().parent.parent
if os.environ.get("SAFETY_DASH_TEST_SOURCE") != "1":
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _CHECKOUT]
    os.environ["PYTHONSAFEPATH"] = "1"
    os.environ.pop("PYTHONPATH", None)

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

import pytest  # noqa: E402

from game.content.model import Answer, Message, Question, Rank  # noqa: E402


def make_question(qid: str, topic: str = "t1", ages=("7-9", "10-12", "13-15"), safe: int = 0,
                  n: int = 3) -> Question:
    answers = tuple(Answer(f"answer {i}", i == safe, "" if i == safe else "because")
                    for i in range(n))
    return Question(qid, topic, tuple(ages), f"What should you do in case {qid}?", answers,
                    "001.txt")


def make_message(mid: str, topic: str = "t1", ages=("7-9", "10-12", "13-15")) -> Message:
    return Message(mid, topic, tuple(ages), f"Title {mid}", "Some text.", "Tell a grown-up.",
                   "childline", "001.txt", ("Talk?",))


RANKS = (Rank("cadet", "Police Cadet", 0), Rank("pc", "Police Constable", 400),
         Rank("sgt", "Sergeant", 1200))


@pytest.fixture
def ranks():
    return RANKS


@pytest.fixture(autouse=True)
def english_words_afterwards():
    """The game's words are one setting for the whole process (game.i18n): a test that starts
    the game in Welsh leaves the next one in English."""
    yield
    from game import i18n
    i18n.use(i18n.ENGLISH, {})


# The system's temporary folder as it was before any test pointed it elsewhere, and the game's
# files in it (a crash report); the session fails if the tests wrote one there. Only files: the
# game's own scratch folders come and go with any game running on the machine at the time.
_REAL_TEMP = Path(tempfile.gettempdir())


def _games_temp_files() -> dict[Path, int]:
    return {p: p.stat().st_mtime_ns for p in _REAL_TEMP.glob("safety-dash-*") if p.is_file()}


_TEMP_BEFORE = _games_temp_files()


def _own_folders(home: Path) -> dict[str, str]:
    """The environment that puts temporary files (a crash report, the commands' scratch folders)
    and the user's data, cache, config and documents folders (platformdirs, through XDG_*) in
    `home`."""
    temp = home / "tmp"
    temp.mkdir()
    env = {name: str(temp) for name in ("TMPDIR", "TEMP", "TMP")}
    for name, folder in (("XDG_DATA_HOME", "data"), ("XDG_CACHE_HOME", "cache"),
                         ("XDG_CONFIG_HOME", "config"), ("XDG_STATE_HOME", "state"),
                         ("XDG_DOCUMENTS_DIR", "Documents")):
        env[name] = str(home / folder)
    env["SAFETY_DASH_CACHE_DIR"] = str(home / "cache" / "safety-dash")  # even if a developer set it
    env["XDG_CONFIG_DIRS"] = str(home / "site-config")  # no site settings file of the machine's
    return env


@pytest.fixture(autouse=True)
def own_temp_and_user_folders(tmp_path_factory, monkeypatch):
    """Every test and every program it starts keeps its temporary files and user folders in a
    folder of the test's own: no test touches real files."""
    for name, value in _own_folders(tmp_path_factory.mktemp("home")).items():
        monkeypatch.setenv(name, value)
    monkeypatch.setattr(tempfile, "tempdir", os.environ["TMPDIR"])
    monkeypatch.delenv("SAFETY_DASH_DATA_DIR", raising=False)  # a developer's: saves go above
    monkeypatch.delenv("SAFETY_DASH_SITE_FILE", raising=False)  # an IT office's: none is read


@pytest.fixture(scope="module")
def module_folders(tmp_path_factory) -> dict[str, str]:
    """The same for the programs a module's fixture starts (a module's fixtures start before a
    test's own folders are set): add it to their environment."""
    return _own_folders(tmp_path_factory.mktemp("home"))


_LEFT_IN_TEMP: list[str] = []


def pytest_sessionfinish(session):
    _LEFT_IN_TEMP[:] = sorted(str(p) for p, stamp in _games_temp_files().items()
                              if _TEMP_BEFORE.get(p) != stamp)
    if _LEFT_IN_TEMP:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def pytest_terminal_summary(terminalreporter):
    if _LEFT_IN_TEMP:
        terminalreporter.write_sep("=", "tests wrote in the system's temporary folder", red=True)
        terminalreporter.write_line(", ".join(_LEFT_IN_TEMP))
