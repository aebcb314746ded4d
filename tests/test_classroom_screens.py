"""Every classroom screen can be read in English and in Welsh, at projector size and at 200%:
nothing cut off, cut short or overlapping (tests/screen_check.py), no text under the projector's
floor; the teacher's menu works by keys and taps; a lesson played in Welsh gives its report in
Welsh, still escaped."""
from __future__ import annotations

import datetime
import math
from collections.abc import Iterator
from pathlib import Path

import pygame
import pytest
from markupsafe import escape
from screen_check import tracking

from helpers import click, frames, key, tap
from game import i18n
from game.actions import Act, Action
from game.commands.autoplay import ClassBot
from game.content.colours import contrast, rgb
from game.content.ui_catalogue import load_catalogue
from game.launch import start
from game.reports.render import month_name
from game.rules.classroom import NAME_LIMIT, TEAM_COLOURS, LessonPlan, Team
from game.scenes.classroom.base import ClassroomScene
from game.scenes.classroom.run import ClassroomRun, open_setup
from game.scenes.classroom.scoreboard import ScoreboardScene
from game.scenes.classroom.summary import SummaryScene
from game.scenes.classroom.talk import ClassMessageScene, TalkScene
from game.ui import text, theme

SIZES = [("en", 1.0), ("cy", 1.0), ("en", 2.0), ("cy", 2.0)]
LOOKS = [("en", 1.0, "default"), ("cy", 1.0, "default"), ("cy", 1.0, "high-contrast"),
         ("en", 2.0, "high-contrast"), ("cy", 2.0, "default")]


@pytest.fixture(autouse=True)
def usual_afterwards():
    """A test here may switch the game's words to Welsh or the theme to high contrast: the
    next test starts in English and the default theme."""
    yield
    i18n.use(i18n.ENGLISH, {})
    theme.apply_theme("default")


def welsh(words: str) -> str:
    """The shipped Welsh catalogue's words for an English string."""
    found = load_catalogue("cy").words.get(words)
    assert found and found != words, f"no Welsh for {words!r}"
    return found


def lesson_app(tmp_path: Path, lang: str = "en", scale: float = 1.0, look: str = "default"):
    return start(str(tmp_path / "data"), fast=True, seed=3,
                 settings={"lang": lang, "text_scale": scale, "theme": look})


def tour(app, report_dir: Path) -> Iterator[str]:
    """Every classroom screen and overlay in turn, in the states that need the most room;
    yields each one's name when it is ready to draw."""
    open_setup(app)
    setup = app.scene
    setup.change_teams(4)
    setup.teams[0].name = "W" * NAME_LIMIT
    setup.changed()
    for page in range(len(setup.pages)):
        setup.go_to(page)
        yield f"setup page {page + 1} of {len(setup.pages)}"
    setup.edit_name(0)
    yield "setup, typing a name"
    setup.finish_editing()
    setup.toggle_pause()
    yield "setup, the teacher's menu"
    setup.close_modal()
    setup.toggle_legend()
    yield "setup, the teacher's keys"
    setup.toggle_legend()
    setup.style, setup.rounds = "vote", 2
    run = ClassroomRun(app, setup.plan(), report_dir)
    run.begin()
    yield "whose turn"
    app.scene.ask_end()
    yield "end the lesson?"
    app.scene.close_modal()
    run.play_round()
    while not app.scene.voting:
        app.step(1 / 60)
    yield "class vote"
    while not isinstance(app.scene, ClassMessageScene):
        if getattr(app.scene, "voting", False):
            app.dispatch(Action(Act.CHOOSE, app.scene.round.question_gate.question.safe_index))
        app.step(1 / 60)
    card = app.scene
    for page in range(len(card.pages)):
        card.page = page
        yield f"message page {page + 1}"
    card.shown_at = -math.inf
    yield "message, ready to talk"
    card.next()
    talk = app.scene
    assert isinstance(talk, TalkScene)
    while True:
        yield f"talk, {talk.shown_prompts} prompts shown"
        if talk.all_shown:
            break
        talk.reveal()
    talk.next()
    yield "scores"
    run.end_lesson()
    yield "final scores"
    app.scene.next()
    summary = app.scene
    assert isinstance(summary, SummaryScene)
    for page in range(len(summary.pages)):
        summary.page = page
        yield f"summary page {page + 1}"


@pytest.mark.parametrize(("lang", "scale", "look"), LOOKS)
def test_every_classroom_screen_can_be_read(tmp_path, lang, scale, look):
    sizes: list[tuple[int, str]] = []
    with tracking() as tracker:
        tracked = text.render

        def recording(words, size, *args, **kwargs):
            sizes.append((size, words))
            return tracked(words, size, *args, **kwargs)

        text.render = recording
        try:
            app = lesson_app(tmp_path, lang, scale, look)
            assert theme.current_theme == look
            seen = []
            for name in tour(app, tmp_path / "reports"):
                seen.append(name)
                sizes.clear()
                assert tracker.screen_problems(app) == [], name
                if isinstance(app.scene, ClassroomScene):
                    small = {(s, w) for s, w in sizes if s < theme.CLASS_MIN_TEXT}
                    assert not small, (name, small)
        finally:
            text.render = tracked
    assert any(n.startswith("summary") for n in seen)


@pytest.mark.parametrize("look", theme.THEME_NAMES)
def test_classroom_colours_reach_seven_to_one_and_buttons_four_and_a_half(look):
    theme.apply_theme(look)
    for fg in (theme.CLASS_TEXT, theme.CLASS_ACCENT, theme.CLASS_MUTED):
        for bg in (theme.CLASS_BG, theme.CLASS_PANEL):
            assert contrast(fg, bg) >= 7.0, (look, fg, bg)
    for fill in (theme.BUTTON, theme.RIGHT, theme.CLASS_PANEL,
                 *(rgb(colour) for colour in TEAM_COLOURS)):
        assert contrast(theme.BUTTON_TEXT, fill) >= 4.5, (look, fill)
        assert contrast(theme.WHITE, fill) >= 4.5, (look, fill)


@pytest.mark.parametrize(("lang", "scale"), SIZES)
def test_the_message_card_keeps_the_bar_to_one_row(tmp_path, lang, scale):
    """The card reaches down to the bar: its buttons never take a second row over it."""
    app = lesson_app(tmp_path, lang, scale)
    plan = LessonPlan(rounds=1, teams=[Team("Foxes", TEAM_COLOURS[0])])
    run = ClassroomRun(app, plan, tmp_path / "reports")
    message = next(m for m in app.session.bank.messages if m.discuss)
    scene = ClassMessageScene(app, run, message)
    rows = {b.rect.y for place in scene.places for b in place} | {b.rect.y
                                                                  for b in scene.toolbar}
    assert len(rows) == 1


def test_the_words_follow_a_change_of_language_and_text_size(tmp_path):
    app = lesson_app(tmp_path)
    run = ClassroomRun(app, LessonPlan(rounds=2), tmp_path / "reports")
    app.push(app.scene)
    run.begin()
    turn = app.scene
    assert [b.label for place in turn.places for b in place] == ["Start the round"]
    app.change_settings(lang="cy", text_scale=2.0)
    assert [b.label for place in turn.places for b in place] == [welsh("Start the round")]
    assert turn.sizes.grow > 1 and turn.toolbar[0].label == welsh("Teacher")
    assert turn.keys_hint == welsh("Enter or N starts the round. F1 shows the teacher's keys.")


def test_the_teachers_menu_by_keys_and_by_taps(tmp_path):
    app = lesson_app(tmp_path)
    run = ClassroomRun(app, LessonPlan(rounds=2), tmp_path / "reports")
    app.push(app.scene)
    run.begin()
    pygame.event.clear()
    turn = app.scene
    click(app, turn.toolbar[0].rect.center)  # Teacher (P on its badge)
    assert turn.paused
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # Teacher's keys (F1)
    assert turn.legend and not turn.paused
    key(app, pygame.K_ESCAPE)
    assert not turn.legend and app.scene is turn
    key(app, pygame.K_p)
    tap(app, turn._modal.buttons.buttons[2].rect.center)  # End the lesson (E on its badge)
    assert turn.confirm_end
    tap(app, (20, 20))  # a tap beside the card: no
    assert not turn.confirm_end and app.scene is turn
    key(app, pygame.K_e)
    tap(app, turn._modal.buttons.buttons[0].rect.center)  # yes
    assert isinstance(app.scene, ScoreboardScene) and app.scene.final
    final = app.scene
    key(app, pygame.K_p)
    assert len(final._modal.buttons.buttons) == 2  # the lesson is over: no End
    key(app, pygame.K_p)
    assert not final.paused


def test_a_lesson_in_welsh_has_its_report_in_welsh_and_escaped(tmp_path):
    evil = "<b>Tîm</b> & co"
    app = lesson_app(tmp_path, "cy")
    plan = LessonPlan(rounds=1, teams=[Team(evil, TEAM_COLOURS[0])], style="vote")
    run = ClassroomRun(app, plan, tmp_path / "reports")
    app.push(app.scene)
    run.begin()
    pygame.event.clear()
    app.run(driver=ClassBot(1), max_frames=app.frames + 60 * 60 * 5)
    assert isinstance(app.scene, SummaryScene) and run.report is not None
    page = run.report.html.read_text(encoding="utf-8")
    assert '<html lang="cy">' in page
    for words in ("Final scores", "How the class answered each question",
                  "Topics the class found hardest", "Safety messages covered",
                  "Lesson report for teachers", "Safety Dash lesson"):
        assert str(escape(welsh(words))) in page, words
        assert f">{words}<" not in page
    today = datetime.date.today()
    assert welsh("Class vote") in page and month_name(today) in page
    assert month_name(today) == welsh(today.strftime("%B"))
    assert evil not in page and str(escape(evil)) in page
    assert app.scene.report_line == welsh("Report saved in {place}.").format(
        place=f"{tmp_path.name} > reports")


def test_a_report_that_cannot_be_saved_says_so_in_welsh(tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    app = lesson_app(tmp_path, "cy")
    run = ClassroomRun(app, LessonPlan(rounds=1), blocker / "reports")
    app.push(app.scene)
    run.begin()
    pygame.event.clear()
    app.run(driver=ClassBot(1), max_frames=app.frames + 60 * 60 * 5)
    scene = app.scene
    assert isinstance(scene, SummaryScene) and run.report is None
    assert welsh("there is a file where the folder should be") in scene.report_line
    frames(app, 2)


def test_every_lesson_screen_goes_on_by_gamepad_alone(tmp_path):
    """A (the gamepad's south button) goes on from every classroom screen to the summary and
    finishes it; the bot flies the rounds."""
    from game.scenes.round import RoundScene
    app = lesson_app(tmp_path)
    run = ClassroomRun(app, LessonPlan(rounds=1), tmp_path / "reports")
    app.push(app.scene)
    run.begin()
    pygame.event.clear()
    flyer = ClassBot(1)
    seen: set[type] = set()

    def driver(a) -> list[Action]:
        seen.add(type(a.scene))
        if SummaryScene in seen and not isinstance(a.scene, SummaryScene):
            a.quit()  # finished: back where the lesson began
            return []
        if isinstance(a.scene, RoundScene):
            return flyer(a)
        if a.frames % 20 == 0:  # a press now and then, as a teacher would
            pygame.event.post(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=0,
                                                 button=pygame.CONTROLLER_BUTTON_A))
        return []

    app.run(driver=driver, max_frames=app.frames + 60 * 60 * 10)
    assert {ClassMessageScene, TalkScene, ScoreboardScene, SummaryScene} <= seen
    assert run.report is not None and not isinstance(app.scene, ClassroomScene)


def test_one_switch_reaches_more_and_finish_on_the_summary(tmp_path):
    """With the summary on more than one page, the switch's highlight steps between More and
    Finish: More turns the page, Finish ends the lesson."""
    app = lesson_app(tmp_path, "cy", 2.0)
    app.change_settings(one_switch=True)
    for _ in tour(app, tmp_path / "reports"):
        if isinstance(app.scene, SummaryScene):
            break
    summary = app.scene
    summary.page = 0
    assert isinstance(summary, SummaryScene) and len(summary.pages) > 1
    app.dispatch(Action(Act.HOP))  # More is lit first
    assert summary.page == 1 and app.scene is summary
    summary.scan_step()  # the highlight moves to Finish
    app.dispatch(Action(Act.HOP))
    assert not isinstance(app.scene, SummaryScene)
    app.quit()
