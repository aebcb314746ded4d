"""The classroom in the game's own look (issue 15): the main action of the turn screen a big
button in the team's colour, key badges instead of "(P)" in labels, bars in proportion to the
points, a celebration that holds still with reduced motion, no pager with one page, only the
topics under 70% right as the hardest, and an Open folder button where the computer has a way
to show the report's folder (tests never start a program: the opener is a fake)."""
from __future__ import annotations

import re
from pathlib import Path

import pygame
import pytest

from helpers import click, key
from game.launch import start
from game.reports import folder
from game.rules.classroom import TEAM_COLOURS, LessonPlan, Team
from game.scenes.classroom import scoreboard, summary
from game.scenes.classroom.run import ClassroomRun
from game.scenes.classroom.scoreboard import STUB, ScoreboardScene, bar_width, draw_confetti
from game.scenes.classroom.summary import HARD, SummaryScene
from game.scenes.classroom.turn import TurnScene
from game.scenes.round import RoundScene
from game.ui.theme import hex_colour

NAMES = ("Foxes", "Owls", "Badgers")


def lesson(tmp_path: Path, teams: int = 2, rounds: int = 2, report_dir: Path | None = None,
           **settings):
    app = start(str(tmp_path / "data"), fast=True, seed=3, settings=settings or None)
    plan = LessonPlan(rounds=rounds, teams=[Team(n, TEAM_COLOURS[i])
                                            for i, n in enumerate(NAMES[:teams])])
    run = ClassroomRun(app, plan, report_dir or tmp_path / "reports")
    app.push(app.scene)
    run.begin()
    return app, run


class FakeOpener:
    """Notes the reports it was asked to show; starts nothing."""

    def __init__(self, works: bool = True) -> None:
        self.shown: list[Path] = []
        self.works = works

    def __call__(self, report: Path) -> bool:
        self.shown.append(report)
        return self.works


def bar_labels(scene) -> list[str]:
    return [b.label for place in scene.places for b in place]


def answer(run, outcomes: dict[str, str]) -> None:
    """One round in which the first question of each topic named is answered as given."""
    questions = run.app.session.bank.questions
    for topic, outcome in outcomes.items():
        run.lesson.record(next(q for q in questions if q.topic == topic), outcome)
    run.lesson.finish_round(100, "")


def test_the_turn_screens_one_action_is_a_big_button_in_the_teams_colour(tmp_path):
    app, run = lesson(tmp_path)
    turn = app.scene
    assert isinstance(turn, TurnScene)
    (start_button,), = turn.places
    assert start_button.label == "Start the round" and start_button.key_hint == "Enter"
    assert start_button.colour == hex_colour(TEAM_COLOURS[0])
    tools = turn.toolbar
    assert start_button.rect.h > max(b.rect.h for b in tools)
    assert start_button.size > max(b.size for b in tools)
    assert start_button.rect.bottom <= turn.content_bottom  # above the bar, not on it
    run.lesson.finish_round(0, "")  # the next team's turn: the next team's colour
    assert TurnScene(app, run).places[0][0].colour == hex_colour(TEAM_COLOURS[1])
    click(app, start_button.rect.center)
    assert isinstance(app.scene, RoundScene)


def test_buttons_show_their_keys_on_badges_not_in_their_words(tmp_path):
    app, run = lesson(tmp_path, rounds=1)
    seen = []
    for scene in (app.scene, ScoreboardScene(app, run)):
        labels = bar_labels(scene) + [b.label for b in scene.toolbar]
        scene.toggle_pause()
        labels += [b.label for b in scene._modal.buttons.buttons]
        hints = [b.key_hint for b in scene._modal.buttons.buttons]
        scene.close_modal()
        scene.ask_end()
        labels += [b.label for b in scene._modal.buttons.buttons]
        scene.close_modal()
        seen += labels
        assert [b.key_hint for b in scene.toolbar] == ["P", "H"]
        assert hints == ["P", "F1", "E"]
    run.play_round()  # the classroom round's own buttons, and its teacher's pause card
    dash = app.scene
    assert isinstance(dash, RoundScene)
    assert [(b.label, b.key_hint) for b in (dash.teacher, dash.help)] == [("Teacher", "P"),
                                                                         ("Help", "H")]
    assert [b.key_hint for b in dash.pause_menu.buttons] == ["P", "S", "E"]
    seen += [b.label for b in dash.pause_menu.buttons]
    assert not [label for label in seen if re.search(r"\(\w{1,3}\)$", label)], seen


def test_bars_are_in_proportion_and_a_team_with_no_points_gets_a_sliver():
    assert bar_width(235, 235, 600) == 600
    assert bar_width(100, 200, 600) == 300
    assert bar_width(0, 235, 600) == STUB < 40
    assert bar_width(0, 0, 600) == STUB  # nobody scored: every bar a sliver


def test_the_final_scores_cheer_with_scout_and_confetti_held_still_with_reduced_motion(
        tmp_path, monkeypatch):
    drawn: list[float] = []
    monkeypatch.setattr(scoreboard, "draw_confetti", lambda surface, area, now, colours:
                        drawn.append(now))
    for still in (False, True):
        app, run = lesson(tmp_path / str(still), rounds=1, reduced_motion=still)
        assert ScoreboardScene(app, run)._dog() == 0  # between rounds: no celebration
        run.lesson.finish_round(235, "")
        final = ScoreboardScene(app, run)
        assert final.final and final._dog() > 0
        drawn.clear()
        app.step(0.5)
        final.draw(app.canvas)
        app.step(0.5)
        final.draw(app.canvas)
        assert len(drawn) == 2
        assert (drawn[0] == drawn[1] == 0.0) if still else drawn[0] != drawn[1]


def test_confetti_moves_with_time_and_the_same_moment_draws_the_same():
    area = pygame.Rect(0, 0, 200, 300)

    def picture(now: float) -> bytes:
        surface = pygame.Surface((200, 300))
        draw_confetti(surface, area, now, [(255, 0, 0), (0, 0, 255)])
        return pygame.image.tobytes(surface, "RGB")

    assert picture(0.0) == picture(0.0) != picture(1.5)


def test_the_hardest_topics_are_only_those_under_the_threshold(tmp_path):
    app, run = lesson(tmp_path, rounds=1)
    bank = app.session.bank
    topics = [t.id for t in bank.topics if any(q.topic == t.id for q in bank.questions)][:2]
    answer(run, {topics[0]: "wrong", topics[1]: "right"})
    scene = SummaryScene(app, run, opener=FakeOpener())
    (title, items, _), _ = scene._lists()
    assert [words for words, _ in items] == [bank.topic_by_id[topics[0]].title]
    assert HARD == 0.7


def test_a_class_that_did_well_hears_so_instead_of_a_list(tmp_path):
    app, run = lesson(tmp_path, rounds=1)
    bank = app.session.bank
    topic = next(q.topic for q in bank.questions)
    answer(run, {topic: "right"})
    (_, items, empty), _ = SummaryScene(app, run, opener=FakeOpener())._lists()
    assert items == []
    assert empty == "Every topic came out at 70% right or more. Well done, everyone!"


def test_one_page_has_no_pager_and_open_folder_shows_the_reports_folder(tmp_path):
    app, run = lesson(tmp_path, rounds=1)
    run.end_lesson()
    opener = FakeOpener()
    scene = SummaryScene(app, run, opener=opener)
    app.replace(scene)
    assert len(scene.pages) == 1 and bar_labels(scene) == ["Finish"]
    assert [b.label for b in scene.choices()] == ["Open folder", "Finish"]
    assert scene.folder.rect.bottom <= scene.content_bottom  # beside the report's line
    click(app, scene.folder.rect.center)
    assert opener.shown == [run.report.html] and run.report.html.parent == tmp_path / "reports"
    assert app.scene is scene
    key(app, pygame.K_TAB)  # from Finish round to Open folder: Enter opens it
    key(app, pygame.K_RETURN)
    assert len(opener.shown) == 2 and app.scene is scene
    key(app, pygame.K_TAB)
    key(app, pygame.K_RETURN)  # Finish
    assert app.scene is not scene


def test_more_pages_have_a_pager_and_open_folder_is_on_the_first(tmp_path):
    app, run = lesson(tmp_path, rounds=1)
    bank = app.session.bank
    for q in bank.questions[:30]:  # more questions than one page holds
        run.lesson.record(q, "right")
    run.lesson.finish_round(100, "")
    scene = SummaryScene(app, run, opener=FakeOpener())
    assert len(scene.pages) > 1
    assert [b.label for b in scene.choices()] == ["More", "Open folder", "Finish"]
    assert scene.places[0][0].key_hint == "N"
    scene.next()
    assert [b.label for b in scene.choices()] == ["More", "Finish"]


def test_no_open_folder_where_the_computer_has_no_way_or_nothing_was_saved(tmp_path,
                                                                          monkeypatch):
    monkeypatch.setattr(summary, "folder_opener", lambda: None)
    app, run = lesson(tmp_path, rounds=1)
    run.end_lesson()
    assert SummaryScene(app, run).folder is None
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder", encoding="utf-8")
    app, run = lesson(tmp_path / "second", rounds=1, report_dir=blocked)
    run.end_lesson()
    scene = SummaryScene(app, run, opener=FakeOpener())
    assert run.report is None and scene.folder is None


def test_a_folder_that_would_not_open_says_so_in_plain_words(tmp_path):
    app, run = lesson(tmp_path, rounds=1)
    run.end_lesson()
    scene = SummaryScene(app, run, opener=FakeOpener(works=False))
    scene.open_folder()
    assert app._toast is not None
    assert app._toast[0] == "The folder could not be opened on this computer."


def test_the_opener_is_the_computers_own_and_none_without_one(tmp_path, monkeypatch):
    started: list[list[str]] = []
    monkeypatch.delenv(folder.OPENER_ENV, raising=False)
    monkeypatch.setattr(folder.subprocess, "Popen", lambda args: started.append(args))
    report = tmp_path / "reports" / "lesson.html"
    monkeypatch.setattr(folder.sys, "platform", "linux")
    monkeypatch.setattr(folder.shutil, "which", lambda name: None)
    assert folder.folder_opener() is None
    monkeypatch.setattr(folder.shutil, "which", lambda name: f"/usr/bin/{name}")
    assert folder.folder_opener()(report)
    monkeypatch.setattr(folder.sys, "platform", "darwin")
    assert folder.folder_opener()(report)
    assert started == [["/usr/bin/xdg-open", str(report.parent)],
                       ["/usr/bin/open", "-R", str(report)]]


def test_the_opener_named_in_the_environment_notes_the_folder_and_starts_nothing(
        tmp_path, monkeypatch):
    record = tmp_path / "opened.txt"
    monkeypatch.setenv(folder.OPENER_ENV, str(record))
    monkeypatch.setattr(folder.subprocess, "Popen", lambda args: pytest.fail("started"))
    assert folder.folder_opener()(tmp_path / "reports" / "lesson.html")
    assert record.read_text(encoding="utf-8") == f"{tmp_path / 'reports'}\n"
