"""End to end: the bot plays the real game, headless, through the real command line."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from game.content import load_bank

ROOT = Path(__file__).resolve().parent.parent
HEADLESS = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}


def autoplay(*args: str, cwd: Path = ROOT) -> dict:
    # the environment as it is now: conftest points TMPDIR into the test's own folder
    out = subprocess.run([sys.executable, "-m", "game", "autoplay", *args], cwd=cwd,
                         env={**os.environ, **HEADLESS}, capture_output=True, text=True,
                         timeout=300)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def three_rounds() -> dict:
    return autoplay("--rounds", "3", "--seed", "11", "--age", "7-9")


def test_three_rounds_each_followed_by_a_message_never_the_same_twice_in_a_row(three_rounds):
    report = three_rounds
    assert report["rounds"] == 3
    assert len(report["messages"]) == 3 and all(report["messages"])
    assert all(a != b for a, b in zip(report["messages"], report["messages"][1:]))
    assert report["questions"] >= 9
    assert 0 < report["correct"] < report["questions"]  # the bot answers some wrong
    assert report["rank"] and report["frames"] > 0
    for key in ("rounds", "questions", "correct", "messages", "score", "rank", "frames"):
        assert key in report


def test_the_same_seed_gives_the_same_json(three_rounds):
    assert autoplay("--rounds", "3", "--seed", "11", "--age", "7-9") == three_rounds


def test_every_age_band_plays_with_its_own_messages(tmp_path):
    bank = load_bank()
    for band in ("10-12", "13-15"):
        report = autoplay("--rounds", "2", "--seed", "4", "--age", band)
        assert report["rounds"] == 2
        assert all(band in bank.message_by_id[m].ages for m in report["messages"])


def test_progress_is_saved_in_the_data_dir_and_carries_over(tmp_path):
    first = autoplay("--rounds", "1", "--seed", "2", "--data-dir", str(tmp_path))
    saved = json.loads((tmp_path / "profile.json").read_text())["profile"]
    assert saved["total_points"] == first["total_points"] > 0
    assert saved["notebook"] == first["messages"]
    second = autoplay("--rounds", "1", "--seed", "3", "--data-dir", str(tmp_path))
    assert second["total_points"] == first["total_points"] + max(0, second["score"])
    assert second["messages"][0] != first["messages"][0]  # never the same message twice in a row


def test_autoplay_in_welsh_at_200_percent_completes_and_keeps_the_settings(tmp_path):
    """Issue 5: `autoplay --lang cy --text-size 200` plays whole rounds (in high contrast too),
    with Welsh ranks, and the choices are saved for the next start."""
    report = autoplay("--lang", "cy", "--text-size", "200", "--theme", "high-contrast",
                      "--rounds", "2", "--seed", "5", "--data-dir", str(tmp_path))
    assert report["rounds"] == 2 and len(report["messages"]) == 2 and report["frames"] > 0
    welsh_ranks = {rank.title for rank in load_bank(lang="cy").ranks}
    assert report["rank"] in welsh_ranks
    saved = json.loads((tmp_path / "profile.json").read_text(encoding="utf-8"))["profile"]
    assert saved["settings"]["lang"] == "cy" and saved["settings"]["text_scale"] == 2.0
    assert saved["settings"]["theme"] == "high-contrast"
