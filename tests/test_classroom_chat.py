"""Chat Check in a classroom lesson: the installed `safety-dash autoplay --classroom --mode chat`
(and mixed) plays chats end to end from an empty folder and writes a report listing the signs
the class spotted and missed; a class vote chooses an unsafe option (Scout's why) then a safe
one by the teacher's keys and taps; the teacher's P holds the chat; the chat's discussion
prompts come after; the setup's lesson page chooses the kind of rounds."""
from __future__ import annotations

import csv
import datetime
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from helpers import frames, key, tap
from game.actions import Act, Action
from game.content.chat_words import sign_name
from game.launch import start
from game.reports.classroom import report_html, report_rows
from game.rules.chat import SIGNS, Choice
from game.rules.classroom import LessonPlan, default_teams
from game.scenes.classroom.chat import ClassChatReviewScene, ClassChatScene
from game.scenes.classroom.run import ClassroomRun, open_setup
from game.scenes.classroom.scoreboard import ScoreboardScene
from game.scenes.classroom.talk import ClassMessageScene, TalkScene
from game.scenes.classroom.turn import TurnScene

HEADLESS = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
COMMAND = shutil.which("safety-dash", path=str(Path(sys.executable).parent)) or \
    shutil.which("safety-dash")


def class_autoplay(cwd: Path, report_dir: Path, *args: str, env: dict[str, str]) -> dict:
    assert COMMAND, "the game is not installed (no safety-dash command)"
    out = subprocess.run([COMMAND, "autoplay", "--classroom", "--teams", "2", "--rounds", "2",
                          "--seed", "1", "--report-dir", str(report_dir), *args], cwd=cwd,
                         env={**os.environ, **HEADLESS, **env}, capture_output=True, text=True,
                         timeout=600)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def chat_lesson(tmp_path_factory, module_folders) -> tuple[dict, Path]:
    reports = tmp_path_factory.mktemp("reports")
    return class_autoplay(tmp_path_factory.mktemp("empty"), reports, "--style", "vote",
                          "--mode", "chat", env=module_folders), reports


def test_a_chat_lesson_by_class_vote_plays_chats_and_reports_the_signs(chat_lesson):
    report, reports = chat_lesson
    assert report["mode"] == "chat" and report["style"] == "vote" and report["rounds"] == 2
    assert report["questions"] == []  # chats only
    chats = report["chats"]
    assert [c["round"] for c in chats] == [1, 2]
    assert [c["team"] for c in chats] == [t["name"] for t in sorted(
        report["teams"], key=lambda t: ["Foxes", "Owls"].index(t["name"]))]
    for played in chats:
        assert set(played["signs_spotted"]) | set(played["signs_missed"]) <= set(SIGNS)
        assert len(played["signs_spotted"]) + len(played["signs_missed"]) >= 3
    assert sum(t["score"] for t in report["teams"]) == sum(c["score"] for c in chats) > 0
    html = Path(report["report"]["html"]).read_text(encoding="utf-8")
    assert "Chat Check rounds" in html
    for played in chats:
        for kind in played["signs_spotted"] + played["signs_missed"]:
            assert sign_name(kind) in html
    with open(report["report"]["csv"], encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    chat_rows = [r for r in rows if r["kind"] == "chat"]
    assert [r["question_id"] for r in chat_rows] == [c["id"] for c in chats]
    for row, played in zip(chat_rows, chats):
        assert row["signs_spotted"] == "; ".join(sign_name(k) for k in played["signs_spotted"])
        assert row["signs_missed"] == "; ".join(sign_name(k) for k in played["signs_missed"])
        assert bool(row["scout_stepped_in"]) == (played["scout_stepped_in"] > 0)
    assert sorted(p.suffix for p in reports.iterdir()) == [".csv", ".html"]


def test_a_mixed_lesson_in_turns_plays_a_dash_then_a_chat(tmp_path, module_folders):
    report = class_autoplay(tmp_path, tmp_path / "reports", "--style", "turns", "--mode",
                            "mixed", env=module_folders)
    assert report["mode"] == "mixed" and report["rounds"] == 2
    assert {q["round"] for q in report["questions"]} == {1}  # the dash first
    assert [c["round"] for c in report["chats"]] == [2]
    csv_text = Path(report["report"]["csv"]).read_text(encoding="utf-8-sig")
    assert ",question," in csv_text and ",chat," in csv_text


def test_round_kinds_take_turns_fairly():
    two = default_teams(2)
    assert [LessonPlan(rounds=2, teams=two, kind="mixed").round_kind(i) for i in range(2)] == \
        ["dash", "chat"]
    # two rounds each: every team plays each kind once
    assert [LessonPlan(rounds=4, teams=two, kind="mixed").round_kind(i) for i in range(4)] == \
        ["dash", "dash", "chat", "chat"]
    assert {LessonPlan(kind="chat").round_kind(i) for i in range(4)} == {"chat"}
    assert {LessonPlan().round_kind(i) for i in range(4)} == {"dash"}


# --- playing a chat in class, by the teacher's keys and taps ------------------------------------
def class_chat(tmp_path: Path, style: str = "vote") -> tuple[object, ClassroomRun]:
    app = start(str(tmp_path / "data"), fast=True, seed=2)
    plan = LessonPlan(band="10-12", rounds=2, teams=default_teams(2), style=style, kind="chat")
    run = ClassroomRun(app, plan, tmp_path / "reports")
    app.push(app.scene)
    run.begin()
    assert isinstance(app.scene, TurnScene)
    key(app, pygame.K_n)
    assert isinstance(app.scene, ClassChatScene)
    return app, run


def until(app, done, limit: int = 60 * 120) -> None:
    for _ in range(limit):
        if done():
            return
        frames(app, 1)
    raise AssertionError("the chat never got there")


def test_a_class_vote_chooses_an_unsafe_option_then_a_safe_one(tmp_path):
    app, run = class_chat(tmp_path)
    scene = app.scene
    until(app, lambda: scene.state == "choice")
    assert "Class vote: hands up!" in scene._side_words()[0]
    step = scene.run.step
    assert isinstance(step, Choice)
    unsafe = next(i for i, o in enumerate(step.options) if not o.safe)
    safe = next(i for i, o in enumerate(step.options) if o.safe)
    key(app, pygame.K_1 + unsafe)  # the teacher enters the class's choice
    assert scene.state == "scout" and scene.run.step is step
    assert step.options[unsafe].why in scene._side_words()[0]  # Scout's why, as in solo play
    key(app, pygame.K_RETURN)  # Choose again
    assert scene.state == "choice"
    button = scene._panel()[1][safe]
    tap(app, button.rect.center)  # a tap on the option the class chose
    assert scene.run.taken == [(step.id, unsafe, False), (step.id, safe, True)]
    assert scene.run.step is not step


def test_holding_a_message_stops_the_pace_until_released(tmp_path):
    app, _ = class_chat(tmp_path)
    scene = app.scene
    until(app, lambda: scene.revealed >= 1 and scene.state == "reading")
    key(app, pygame.K_p)  # the teacher holds the chat
    assert scene.held and scene.state == "held"
    shown = scene.revealed
    frames(app, 60 * 60)  # a minute of talking
    assert scene.revealed == shown and not scene.contact_typing
    key(app, pygame.K_p)  # carry on
    assert not scene.held
    until(app, lambda: scene.revealed > shown or scene.state != "reading")
    assert scene.revealed > shown or scene.state in ("choice", "end")


def test_the_hold_button_holds_and_carry_on_releases(tmp_path):
    app, _ = class_chat(tmp_path)
    scene = app.scene
    until(app, lambda: scene.revealed >= 1 and scene.state == "reading")
    tap(app, scene._panel()[1][0].rect.center)  # Hold this message
    assert scene.held
    tap(app, scene._panel()[1][0].rect.center)  # Carry on
    assert not scene.held


def test_after_the_chat_the_signs_the_message_the_chats_prompts_then_the_scores(tmp_path):
    app, run = class_chat(tmp_path, style="turns")
    scene = app.scene
    chat = scene.chat
    until(app, lambda: scene.revealed >= 1)
    # the teacher marks the first message the class spots, by arrows and Enter
    first = next(i for i in range(scene.revealed) if scene.run.lines[i].who == "contact")
    scene.focused = None
    key(app, pygame.K_UP)
    while scene.focused != ("line", first):
        key(app, pygame.K_UP)
    key(app, pygame.K_RETURN)
    assert first in scene.run.marked
    while not isinstance(app.scene, ClassChatReviewScene):
        if scene.state == "choice":
            assert f"{run.team_name}, it's your turn!" in scene._side_words()[0]
            step = scene.run.step
            key(app, pygame.K_1 + next(i for i, o in enumerate(step.options) if o.safe))
        elif scene.state == "end":
            key(app, pygame.K_RETURN)
        else:
            frames(app, 1)
    played = run.lesson.chats[0]
    assert played.chat_id == chat.id and played.stepped_in == ()
    assert run.lesson.rounds_played == 0  # the round counts once its signs are seen
    key(app, pygame.K_n)
    assert isinstance(app.scene, ClassMessageScene)
    assert run.lesson.rounds_played == 1 and run.lesson.plan.teams[0].score == played.score
    while isinstance(app.scene, ClassMessageScene):  # the card's pages, then talk about it
        key(app, pygame.K_n)
    talk = app.scene
    assert isinstance(talk, TalkScene) and talk.message.discuss == chat.discuss
    while not isinstance(app.scene, ScoreboardScene):
        key(app, pygame.K_n)


def test_the_report_lists_each_chats_signs_and_where_scout_stepped_in(tmp_path):
    app, run = class_chat(tmp_path)
    scene = app.scene
    chat = scene.chat
    tried = False
    while not isinstance(app.scene, ClassChatReviewScene):
        if scene.state == "choice":
            options = scene.run.step.options
            pick = next(i for i, o in enumerate(options) if o.safe == tried)
            scene.choose(pick)
            tried = True
        elif scene.state in ("scout", "end"):
            scene.step_on()
        elif scene.revealed and scene.run.lines[scene.revealed - 1].sign and \
                scene.revealed - 1 not in scene.run.marked:
            scene.mark(scene.revealed - 1)
        else:
            frames(app, 1)
    summary = run.lesson.summary()
    played = summary.chats[0]
    assert played.spotted and not played.missed and len(played.stepped_in) == 1
    bank = app.session.bank
    row = [r for r in report_rows(summary, bank) if r["kind"] == "chat"][0]
    assert row["question_id"] == chat.id
    assert row["question"] == f"Chat with {chat.contact}"
    assert row["signs_spotted"] == "; ".join(sign_name(k) for k in played.spotted)
    assert row["signs_missed"] == ""
    assert row["scout_stepped_in"]
    html = report_html(summary, bank, datetime.datetime(2026, 3, 2, 10, 0))
    assert "Chat Check rounds" in html and "Scout stepped in after:" in html
    assert all(sign_name(k) in html for k in played.spotted)


def test_the_lesson_page_chooses_the_kind_of_rounds(tmp_path):
    app = start(str(tmp_path / "data"), fast=True, seed=2)
    chosen = []
    open_setup(app)
    setup = app.scene
    setup.start = chosen.append
    assert setup.plan().kind == "dash"  # the default
    spot = next(s for s in setup.layout.spots if s.key == "kind:>")
    tap(app, spot.rect.center)
    assert setup.plan().kind == "chat"
    tap(app, spot.rect.center)
    assert setup.plan().kind == "mixed"
    setup.start_lesson()
    assert chosen[0].kind == "mixed"


def test_e_asks_before_ending_the_lesson_from_a_chat(tmp_path):
    app, run = class_chat(tmp_path)
    key(app, pygame.K_e)
    assert not run.lesson.finished and app.scene._modal is not None
    key(app, pygame.K_ESCAPE)
    assert app.scene._modal is None
    key(app, pygame.K_e)
    key(app, pygame.K_e)
    assert run.lesson.finished
    app.dispatch(Action(Act.NEXT))


def test_the_class_summary_counts_the_signs_spotted_in_the_chats(tmp_path):
    from game.rules.classroom import ChatPlayed
    from game.scenes.classroom.words import signs_overall
    one = ChatPlayed(1, 0, "c", "t", "Jay", ("gift", "secret"), ("threat",), (), 300)
    two = ChatPlayed(2, 1, "d", "t", "Sam", (), ("picture", "flattery"), (), 50)
    assert signs_overall([one]) == "Warning signs spotted: 2 of 3 in 1 chat"
    assert signs_overall([one, two]) == "Warning signs spotted: 2 of 5 in 2 chats"
    assert signs_overall([one], "Safe answers: 3 of 4 in 2 rounds") == \
        "Safe answers: 3 of 4 in 2 rounds; warning signs spotted: 2 of 3"


def test_with_timers_on_a_class_vote_counts_down_as_in_a_dash_round(tmp_path):
    app = start(str(tmp_path / "data"), fast=True, seed=2)
    plan = LessonPlan(band="10-12", rounds=2, teams=default_teams(2), style="vote", kind="chat",
                      timers=True)
    run = ClassroomRun(app, plan, tmp_path / "reports")
    app.push(app.scene)
    run.begin()
    key(app, pygame.K_n)
    scene = app.scene
    until(app, lambda: scene.state == "choice")
    frames(app, 1)
    assert "30 seconds to vote" in scene._side_words()[0]
    frames(app, 60 * 31)
    assert "Time's up!" in scene._side_words()[0]
    assert scene.state == "choice"  # the decision still waits for the teacher


def test_a_chat_only_lesson_summary_lists_the_signs_the_class_missed(tmp_path):
    """Not 'No answers were given' under 'Hardest topics': the signs to talk about again."""
    from game.rules.classroom import ChatPlayed
    from game.scenes.classroom.summary import SummaryScene
    app, run = class_chat(tmp_path)
    run.lesson.chats[:] = [
        ChatPlayed(1, 0, "c", "t", "Jay", ("gift",), ("threat", "secret"), (), 300),
        ChatPlayed(2, 1, "d", "t", "Sam", ("threat",), ("secret",), (), 50)]
    (title, items, _), _ = SummaryScene(app, run)._lists()
    assert title == "Signs the class missed"
    assert items == [("Asks you to keep a secret", "missed 2"), ("A threat", "missed once")]
    run.lesson.chats[:] = [ChatPlayed(1, 0, "c", "t", "Jay", ("gift",), (), (), 300)]
    (title, items, empty), _ = SummaryScene(app, run)._lists()
    assert items == [] and empty == "The class spotted every warning sign. Well done, everyone!"


def test_the_teachers_keys_in_a_chat_round_say_that_p_holds_the_chat(tmp_path):
    from screen_check import tracking
    with tracking() as tracker:
        app, run = class_chat(tmp_path)
        app.scene.legend = True  # F1
        tracker.screen_problems(app)  # draws it
        words = " ".join(ink.words for ink in app.canvas.inks)
    assert "Hold this message, or carry on" in words and "Teacher's menu" not in words
