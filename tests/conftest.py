"""Shared fixtures: headless SDL for every test, and a small in-memory bank for rule tests."""
from __future__ import annotations

import os
import sys
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
