"""Classroom mode end to end: whole lessons in each style played by the bot through the real
screens, the teacher's keys as real key presses, the report checked against what was played."""
from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pygame
import pytest

from helpers import frames, key, new_app
from game.actions import Action
from game.commands.autoplay import ClassBot, run_classroom
from game.content.colours import contrast, rgb
from game.rules.classroom import TEAM_COLOURS, LessonPlan, Team, default_teams
from game.scenes.classroom.base import ClassroomScene
from game.scenes.classroom.run import ClassroomRun
from game.scenes.classroom.scoreboard import ScoreboardScene
from game.scenes.classroom.summary import SummaryScene
from game.scenes.classroom.talk import ClassMessageScene, TalkScene
from game.scenes.classroom.turn import TurnScene
from game.scenes.round import RoundScene
from game.ui import text, theme

ROOT = Path(__file__).resolve().parent.parent


def csv_rows(path: str) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))


@pytest.mark.parametrize("style", ["turns", "vote"])
def test_a_two_team_four_round_lesson_and_its_report(tmp_path: Path, style: str) -> None:
    played = run_classroom(2, 4, 5, style, "10-12", str(tmp_path / "reports"),
                           str(tmp_path / "data"))
    assert played["rounds"] == 4 and len(played["messages"]) == 4
    assert [t["name"] for t in played["teams"]] == sorted(
        ["Foxes", "Owls"], key=lambda n: -next(t["score"] for t in played["teams"]
                                                 if t["name"] == n))
    rounds = {q["round"]: q["team"] for q in played["questions"]}
    assert rounds == {1: "Foxes", 2: "Owls", 3: "Foxes", 4: "Owls"}  # teams take turns
    # the CSV holds one row per question, with exactly what was played
    outcomes: dict[str, Counter] = {}
    for q in played["questions"]:
        outcomes.setdefault(q["id"], Counter())[q["outcome"]] += 1
    rows = csv_rows(played["report"]["csv"])
    assert [r["question_id"] for r in rows] == list(outcomes)
    for row in rows:
        seen = outcomes[row["question_id"]]
        assert int(row["asked"]) == sum(seen.values())
        assert (int(row["right"]), int(row["wrong"]), int(row["skipped"])) == \
            (seen["right"], seen["wrong"], seen["skipped"])
    page = Path(played["report"]["html"]).read_text(encoding="utf-8")
    assert "Foxes" in page and "Owls" in page and "No child" in page


def test_autoplay_classroom_prints_json_with_the_report_paths(tmp_path: Path) -> None:
    out = subprocess.run(
        [sys.executable, "-m", "game", "autoplay", "--classroom", "--teams", "3", "--rounds",
         "3", "--seed", "2", "--style", "vote", "--report-dir", str(tmp_path)],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
        env={**__import__("os").environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"})
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert {"teams", "rounds", "messages", "report"} <= set(report)
    assert report["rounds"] == 3 and len(report["teams"]) == 3
    assert {q["team"] for q in report["questions"]} == {t["name"] for t in report["teams"]}
    assert Path(report["report"]["csv"]).is_file() and Path(report["report"]["html"]).is_file()


@pytest.mark.parametrize("style", ["turns", "vote"])
@pytest.mark.parametrize("teams, rounds", [(2, 1), (3, 4), (4, 2)])
def test_autoplay_refuses_a_lesson_in_which_the_teams_play_unequal_rounds(
        tmp_path: Path, style: str, teams: int, rounds: int) -> None:
    """2 teams and 1 round would leave a team out and make the other the winner: refused, in
    words that say what would be fair, and no lesson is played or reported."""
    out = subprocess.run(
        [sys.executable, "-m", "game", "autoplay", "--classroom", "--teams", str(teams),
         "--rounds", str(rounds), "--seed", "1", "--style", style, "--report-dir",
         str(tmp_path / "reports")],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**__import__("os").environ, "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"})
    assert out.returncode == 2
    assert out.stdout == ""  # no results, so no winner
    assert "every team plays the same number of rounds" in out.stderr
    assert f"--rounds must be {teams}, {2 * teams}," in out.stderr
    assert "Traceback" not in out.stderr
    assert not (tmp_path / "reports").exists()


def lesson_app(tmp_path: Path, plan: LessonPlan, report_dir: Path | None = None):
    app = new_app(tmp_path / "data")
    run = ClassroomRun(app, plan, report_dir or tmp_path / "reports")
    app.push(app.scene)
    run.begin()
    pygame.event.clear()
    return app, run


def play_out(app) -> None:
    app.run(driver=ClassBot(1), max_frames=app.frames + 60 * 60 * 20)


def test_a_team_name_with_markup_is_escaped_in_the_report(tmp_path: Path) -> None:
    evil = "<script>alert(1)</script>"
    app, run = lesson_app(tmp_path, LessonPlan(rounds=1, teams=[Team(evil, TEAM_COLOURS[0])]))
    play_out(app)
    page = run.report.html.read_text(encoding="utf-8")
    assert evil not in page and "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_an_unwritable_report_folder_is_told_and_the_summary_stays(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    app, run = lesson_app(tmp_path, LessonPlan(rounds=1, teams=default_teams(2)),
                          blocker / "reports")
    play_out(app)
    scene = app.scene
    assert isinstance(scene, SummaryScene) and run.report is None
    assert "could not be saved" in scene.report_line
    assert f"{blocker.name} > reports" in scene.report_line and "/" not in scene.report_line
    frames(app, 2)  # it keeps drawing
    assert isinstance(app.scene, SummaryScene)


def test_teacher_keys_skip_pause_legend_and_end(tmp_path: Path) -> None:
    app, run = lesson_app(tmp_path, LessonPlan(rounds=3, teams=default_teams(2)))
    assert isinstance(app.scene, TurnScene)
    key(app, pygame.K_F1)  # the legend, not the help screen
    assert app.scene.legend and isinstance(app.scene, TurnScene)
    key(app, pygame.K_F1)
    key(app, pygame.K_n)
    round_scene = app.scene
    assert isinstance(round_scene, RoundScene)
    while round_scene.round.question_gate is None:
        frames(app, 1)
    key(app, pygame.K_s)  # skip this question
    assert round_scene.round.results[-1].skipped
    key(app, pygame.K_p)
    distance = round_scene.round.distance
    frames(app, 30)
    assert round_scene.paused and round_scene.round.distance == distance
    key(app, pygame.K_p)
    assert not round_scene.paused
    key(app, pygame.K_e)  # end the lesson: the final scores, then the summary
    assert isinstance(app.scene, ScoreboardScene) and app.scene.final
    assert run.lesson.rounds_played == 0 and run.lesson.ended_early
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, SummaryScene)


def test_talk_about_it_reveals_prompts_one_at_a_time(tmp_path: Path) -> None:
    app, run = lesson_app(tmp_path, LessonPlan(rounds=2, teams=default_teams(2)))
    app.run(driver=lambda a: ClassBot(1)(a) if not isinstance(a.scene, ClassMessageScene)
            else [], max_frames=app.frames + 60 * 60 * 5)
    card = app.scene
    assert isinstance(card, ClassMessageScene) and len(card.pages) >= 1
    for page in range(1, len(card.pages)):  # at projector size a card may run to pages
        key(app, pygame.K_n)
        assert app.scene is card and card.page == page
    key(app, pygame.K_n)
    talk = app.scene
    assert isinstance(talk, TalkScene) and talk.shown_prompts == 1
    prompts = len(talk.message.discuss)
    key(app, pygame.K_d)
    assert talk.shown_prompts == min(2, prompts)
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=(640, 300), button=1,
                                         touch=False))
    frames(app, 1)
    assert talk.shown_prompts == min(3, prompts)
    key(app, pygame.K_n)
    assert isinstance(app.scene, ScoreboardScene) and not app.scene.final


def test_a_class_vote_holds_the_round_until_the_teacher_enters_the_choice(tmp_path) -> None:
    app, run = lesson_app(tmp_path, LessonPlan(rounds=1, teams=default_teams(1), style="vote"))
    key(app, pygame.K_RETURN)
    scene = app.scene
    while not scene.voting:
        frames(app, 1)
    distance = scene.round.distance
    frames(app, 120)
    assert scene.round.distance == distance  # nobody needs dash skills to vote
    key(app, pygame.K_2)
    frames(app, 5)
    assert scene.round.target_lane == 1 and scene.round.distance > distance


def test_one_team_and_ties_are_shown_gracefully(tmp_path: Path) -> None:
    from game.scenes.classroom.scoreboard import headline
    app, run = lesson_app(tmp_path, LessonPlan(rounds=1, teams=default_teams(3)))
    assert headline(run.lesson.standings(), True) == "It's a draw at the top!"
    app, run = lesson_app(tmp_path / "one", LessonPlan(rounds=1, teams=default_teams(1)))
    play_out(app)
    assert run.lesson.rounds_played == 1 and run.report is not None
    assert headline(run.lesson.standings(), True) == "Well done, everyone!"


def projected(scene) -> bool:
    """Whether the scene is one of a lesson's: the teacher's screens, the message card and the
    dash round as the class sees them on the projector."""
    return isinstance(scene, ClassroomScene) or getattr(scene, "lesson", None) is not None


def test_classroom_text_is_projector_sized_and_high_contrast(tmp_path, monkeypatch) -> None:
    """Every text drawn on the teacher's screens is at least 4% of the screen's height; text
    colours reach 7:1 on the classroom backgrounds; team colours carry white text."""
    sizes: list[tuple[int, str]] = []
    real = text.render

    def recording(words: str, size: int, *args, **kwargs):
        if projected(app.scene):
            sizes.append((size, words))
        return real(words, size, *args, **kwargs)

    app, run = lesson_app(tmp_path, LessonPlan(rounds=1, teams=default_teams(4)))
    monkeypatch.setattr(text, "render", recording)
    text.truncated.clear()
    seen: set[type] = set()

    def look(a) -> list[Action]:
        scene = a.scene
        if projected(scene) and type(scene) not in seen:
            a.draw()
            for overlay in ("legend", "paused", "confirm_end"):
                if hasattr(scene, overlay):
                    setattr(scene, overlay, True)
                    a.draw()
                    setattr(scene, overlay, False)
            seen.add(type(scene))
            if isinstance(scene, SummaryScene):
                scene.next()
                a.draw()
        return ClassBot(1)(a)

    app.run(driver=look, max_frames=app.frames + 60 * 60 * 5)
    assert {TurnScene, ClassMessageScene, TalkScene, RoundScene, ScoreboardScene,
            SummaryScene} <= seen
    small = {(s, w) for s, w in sizes if s < theme.CLASS_MIN_TEXT}
    assert not small, small
    assert text.truncated == set()
    assert theme.CLASS_MIN_TEXT >= 0.04 * 720
    for fg in (theme.CLASS_TEXT, theme.CLASS_ACCENT, theme.CLASS_MUTED):
        for bg in (theme.CLASS_BG, theme.CLASS_PANEL):
            assert contrast(fg, bg) >= 7.0, (fg, bg)
    for colour in TEAM_COLOURS:
        assert contrast(rgb(colour), theme.WHITE) >= 4.5, colour


def test_the_title_screen_opens_classroom_setup(tmp_path: Path) -> None:
    app = new_app(tmp_path)
    title = app.scene
    button = next(b for b in title.buttons.buttons if b.label == "Classroom")
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=button.rect.center,
                                         button=1, touch=False))
    frames(app, 1)
    assert type(app.scene).__name__ == "SetupScene"
