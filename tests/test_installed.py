"""The suite tests the game people install: `game` is the installed copy, which carries every file
of the game, and every command of the installed `safety-dash` works from an empty folder."""
from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

import game
from package_files import ROOT, is_junk, shipped_files

SAFETY_DASH = Path(sys.executable).with_name("safety-dash")  # the wheel's, in this environment
installed_only = pytest.mark.skipif(
    os.environ.get("SAFETY_DASH_TEST_SOURCE") == "1",
    reason="SAFETY_DASH_TEST_SOURCE=1 tests the source tree on purpose (never in CI)")

# Runs the installed `safety-dash` script as its executable does, and closes the window (the
# QUIT event its close button sends) after a number of frames: the game is driven from outside,
# the way the shared tools/framecost.py drives a pygame program. Prints the frames drawn.
CLOSE_AFTER = """
import runpy, sys
import game  # first, as the script itself does
import pygame
frames, close_after = 0, int(sys.argv[1])
_flip = pygame.display.flip
def flip(*args, **kwargs):
    global frames
    _flip(*args, **kwargs)
    frames += 1
    if frames == close_after:
        pygame.event.post(pygame.event.Event(pygame.QUIT))
pygame.display.flip = flip
sys.argv = sys.argv[2:]
try:
    runpy.run_path(sys.argv[0], run_name="__main__")
finally:
    print("frames drawn:", frames, flush=True)
"""
FRAMES = 30


def inside_checkout(path: str) -> bool:
    return ROOT in Path(path).resolve().parents


@installed_only
def test_the_game_under_test_is_the_installed_copy():
    assert not inside_checkout(game.__file__), game.__file__


@installed_only
def test_a_program_a_test_starts_in_the_checkout_imports_the_installed_copy():
    out = subprocess.run([sys.executable, "-c", "import game; print(game.__file__)"], cwd=ROOT,
                         capture_output=True, text=True, timeout=60, check=True)
    assert not inside_checkout(out.stdout.strip()), out.stdout


@installed_only
def test_the_installed_copy_carries_every_file_of_the_game():
    package = Path(game.__file__).resolve().parent
    installed = {f"game/{path.relative_to(package).as_posix()}" for path in package.rglob("*")
                 if path.is_file() and not is_junk(path.relative_to(package))}
    assert sorted(shipped_files() - installed) == [], \
        "the installed game lacks files of the source tree: reinstall it, or fix setup.py"


# --- every command of the installed game, from an empty folder --------------------------------

@dataclass
class Run:
    out: subprocess.CompletedProcess
    folder: Path  # where it ran: empty before
    temp: str  # its temporary folder, where a crash report would be

    def ok(self) -> None:
        report = Path(self.temp) / "safety-dash-crash.txt"
        details = report.read_text(encoding="utf-8") if report.is_file() else ""
        assert self.out.returncode == 0, self.out.stdout[-2000:] + self.out.stderr + details
        assert "Traceback" not in self.out.stderr, self.out.stderr

    def json(self) -> dict:
        self.ok()
        return json.loads(self.out.stdout.strip().splitlines()[-1])

    def left_in_folder(self) -> list[str]:
        return sorted(p.name for p in self.folder.iterdir())


def first_message_id() -> str:
    from game.content import load_bank
    return load_bank().messages[0].id


@pytest.fixture(scope="module")
def runs(tmp_path_factory, module_folders) -> dict[str, Future]:
    """Each command in an empty folder of its own, with its data in the test's folders; a few at
    a time, the longest first."""
    root = tmp_path_factory.mktemp("commands")
    env = {**os.environ, **module_folders, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
    env.pop("PYGAME_HIDE_SUPPORT_PROMPT", None)  # as a user starts it (conftest sets it)
    closed = [sys.executable, "-c", CLOSE_AFTER, str(FRAMES), str(SAFETY_DASH)]
    exe = [str(SAFETY_DASH)]
    commands = {
        "screenshots": exe + ["screenshots", "shots"],
        "vote": exe + ["autoplay", "--classroom", "--teams", "2", "--rounds", "2", "--seed", "1",
                       "--style", "vote", "--report-dir", "reports", "--data-dir", "data"],
        "turns": exe + ["autoplay", "--classroom", "--teams", "2", "--rounds", "2", "--seed", "1",
                        "--style", "turns", "--report-dir", "reports", "--data-dir", "data"],
        "bench": exe + ["bench", "--frames", "30", "--startup-runs", "1", "--validate-items",
                        "1000", "--validate-runs", "1", "--soak-rounds", "2"],
        "autoplay": exe + ["autoplay", "--rounds", "1", "--seed", "1", "--data-dir", "data"],
        "validate": exe + ["validate"],
        "lesson": exe + ["lesson", "--age", "7-9", "-o", "pack.html"],
        "take-home": exe + ["take-home", "-o", "home.html", "--data-dir", "data"],
        "play": closed + ["play", "--data-dir", "data"],
        "preview": closed + ["preview", "message", first_message_id()],
    }

    def run(name: str, argv: list[str]) -> Run:
        folder = root / name
        folder.mkdir()
        out = subprocess.run(argv, cwd=folder, env=env, capture_output=True, text=True,
                             timeout=300)
        return Run(out, folder, env["TMPDIR"])

    with ThreadPoolExecutor(max_workers=3) as pool:
        yield {name: pool.submit(run, name, argv) for name, argv in commands.items()}


@pytest.mark.parametrize("command", ["play", "preview"])
def test_the_window_shows_the_game_and_closes_when_asked(runs, command):
    run = runs[command].result()
    run.ok()
    assert run.out.stdout.splitlines()[-1] == f"frames drawn: {FRAMES}"
    assert run.left_in_folder() == []


def test_autoplay_plays_a_round_and_saves_the_progress(runs):
    run = runs["autoplay"].result()
    played = run.json()
    assert played["rounds"] == 1 and played["questions"] > 0 and played["messages"]
    saved = run.folder / "data" / "profile.json"
    profile = json.loads(saved.read_text(encoding="utf-8"))["profile"]
    assert profile["total_points"] == played["total_points"] and profile["rounds_played"] == 1


@pytest.mark.parametrize("style", ["turns", "vote"])
def test_a_classroom_lesson_plays_and_writes_its_report(runs, style):
    run = runs[style].result()
    lesson = run.json()
    assert lesson["style"] == style and lesson["rounds"] == 2
    assert sorted(team["name"] for team in lesson["teams"]) == ["Foxes", "Owls"]  # by place
    html = (run.folder / lesson["report"]["html"]).read_text(encoding="utf-8")
    assert "Foxes" in html and "Owls" in html
    with open(run.folder / lesson["report"]["csv"], encoding="utf-8-sig", newline="") as table:
        rows = list(csv.DictReader(table))
    assert sum(int(row["asked"]) for row in rows) == len(lesson["questions"]) > 0
    assert run.left_in_folder() == ["reports"]


def test_validate_passes_the_shipped_bank_from_an_empty_folder(runs):
    validate = runs["validate"].result()
    validate.ok()
    assert "0 errors" in validate.out.stdout.splitlines()[-1], validate.out.stdout
    assert validate.left_in_folder() == []


def test_lesson_writes_the_pack(runs):
    lesson = runs["lesson"].result()
    lesson.ok()
    html = (lesson.folder / "pack.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Ages 7\u20139" in html


def test_take_home_writes_the_page_for_home(runs):
    home = runs["take-home"].result()
    home.ok()
    html = (home.folder / "home.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>") and "Three questions to ask" in html
    assert home.left_in_folder() == ["home.html"]


def test_screenshots_draws_every_screen_to_png(runs):
    shots = runs["screenshots"].result()
    shots.ok()
    printed = [Path(line) for line in shots.out.stdout.splitlines()]
    made = sorted((shots.folder / "shots").iterdir())
    assert len(made) > 10 and sorted(shots.folder / p for p in printed) == made
    assert all(p.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" for p in made)


def test_bench_reports_its_figures(runs):
    figures = runs["bench"].result().json()
    assert figures["startup_ms"] > 0 and figures["content_load_ms"] > 0
    assert figures["frame_ms"]["frames"] == 30 and figures["validate_1k_cold_cpu_ms"] > 0
