"""Screens tested by stepping real frames headless, with real pygame events."""
from __future__ import annotations

import json

import pygame
import pytest

from helpers import click, frames, key, new_app, tap
from game.actions import Act, Action
from game.scenes.age import AgeScene
from game.scenes.help import HelpScene
from game.scenes.message import MessageScene
from game.scenes.notebook import NotebookScene
from game.scenes.results import ResultsScene
from game.scenes.round import RoundScene
from game.scenes.title import TitleScene
from game.ui.layout.round import pause_card


@pytest.fixture
def app(tmp_path):
    a = new_app(tmp_path)
    pygame.event.clear()
    yield a
    pygame.event.clear()


def test_title_to_age_to_round_with_the_keyboard(app):
    frames(app, 2)
    assert isinstance(app.scene, TitleScene)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, AgeScene)
    key(app, pygame.K_1)
    assert isinstance(app.scene, RoundScene)
    assert app.session.profile.age_band == "7-9"
    d0 = app.scene.round.distance
    frames(app, 30)
    assert app.scene.round.distance > d0


def test_mouse_and_touch_reach_the_round(app, tmp_path):
    button = app.scene.buttons.buttons[0]
    click(app, button.rect.center)
    assert isinstance(app.scene, AgeScene)
    tap(app, app.scene.buttons.buttons[2].rect.center)
    assert isinstance(app.scene, RoundScene)
    assert app.session.profile.age_band == "13-15"
    r = app.scene.round
    frames(app, 40)
    vy_before = r.vy
    tap(app, (700, 400))  # a tap on the play field hops
    assert r.vy < 0 <= vy_before or r.vy < vy_before


def test_space_hops_and_number_keys_steer_to_an_answer(app):
    key(app, pygame.K_RETURN)
    key(app, pygame.K_2)
    r = app.scene.round
    frames(app, 20)
    key(app, pygame.K_SPACE)
    assert r.vy < 0
    while r.question_gate is None:
        frames(app, 10)
    key(app, pygame.K_3)
    assert r.target_lane == 2
    while not r.results:
        frames(app, 10)
    assert r.results[0].chosen == 2


def test_clicking_an_answer_chip_on_the_banner_chooses_it(app):
    key(app, pygame.K_RETURN)
    key(app, pygame.K_2)
    scene = app.scene
    while scene.round.question_gate is None:
        frames(app, 10)
    _, chips = scene._question_banner()
    click(app, chips[1].center)
    assert scene.round.target_lane == 1


def test_help_from_every_screen_and_esc_backs_out(app):
    key(app, pygame.K_h)
    assert isinstance(app.scene, HelpScene)
    key(app, pygame.K_h)
    assert len([s for s in app.stack if isinstance(s, HelpScene)]) == 1
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, TitleScene)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_1)
    key(app, pygame.K_h)
    assert isinstance(app.scene, HelpScene)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, RoundScene)
    key(app, pygame.K_ESCAPE)
    assert app.scene.paused  # Esc in a round pauses first...
    d = app.scene.round.distance
    frames(app, 10)
    assert app.scene.round.distance == d
    key(app, pygame.K_ESCAPE)  # ...and a second Esc leaves
    assert isinstance(app.scene, TitleScene)


def test_help_corner_button_is_one_click_away(app):
    help_button = app._corner[0]
    click(app, help_button.rect.center)
    assert isinstance(app.scene, HelpScene)


def test_losing_focus_pauses_the_round(app):
    key(app, pygame.K_RETURN)
    key(app, pygame.K_1)
    app.dispatch(Action(Act.FOCUS_LOST))
    assert app.scene.paused
    key(app, pygame.K_RETURN)
    assert not app.scene.paused


def test_unknown_key_shows_the_keys_instead_of_doing_nothing(app):
    key(app, pygame.K_q)
    assert app._toast and "Enter" in app._toast[0]


def test_closing_the_window_always_works(app):
    key(app, pygame.K_RETURN)
    key(app, pygame.K_1)
    pygame.event.post(pygame.event.Event(pygame.QUIT))
    app.run(max_frames=app.frames + 100)
    assert not app.running


def test_mute_toggles_and_is_saved(app, tmp_path):
    key(app, pygame.K_m)
    assert app.sounds.muted
    saved = json.loads((tmp_path / "profile.json").read_text())
    assert saved["profile"]["settings"]["muted"] is True


def test_letterboxing_maps_window_pixels_to_the_logical_screen(app):
    app.window = pygame.display.set_mode((1920, 1200), pygame.RESIZABLE)
    app._layout()
    assert app.view.size == (1920, 1080) and app.view.y == 60
    assert app.to_logical((0, 30)) is None  # the black bar
    assert app.to_logical((960, 600)) == (640, 360)
    frames(app, 2)  # drawing through the scaled path works
    app.window = pygame.display.set_mode((1280, 720), pygame.RESIZABLE)
    app._layout()
    assert app.canvas is app.window


def test_a_whole_round_shows_a_message_then_results(app):
    app.session.profile.age_band = "13-15"
    app.push(RoundScene(app))
    scene = app.scene
    scene.round.distance = scene.round.course.length - 1
    frames(app, 2)
    assert isinstance(app.scene, MessageScene)
    message = app.scene
    key(app, pygame.K_RETURN)
    assert app.scene is message  # Continue waits for the reading time
    frames(app, int(message.wait * 60) + 2)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, ResultsScene)
    assert app.session.profile.notebook == [message.message.id]


def test_notebook_lists_seen_messages_by_topic(app):
    bank = app.session.bank
    app.session.profile.notebook = [bank.messages[0].id]
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, NotebookScene)
    topics = [b for b in app.scene.buttons.buttons if b.label not in ("Back", "For home")]
    assert all(b.enabled for b in topics)  # a topic with none yet opens on its outlines
    assert [b.count.startswith("1 of") for b in topics].count(True) == 1
    assert topics[0].count.startswith("1 of")  # bank.messages[0] is the first topic's
    key(app, pygame.K_RETURN)
    assert app.scene.buttons.buttons[app.scene.buttons.focus].label == bank.messages[0].title
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, MessageScene) and app.scene.message == bank.messages[0]
    key(app, pygame.K_RETURN)  # reopened from the notebook: no waiting
    assert not isinstance(app.scene, MessageScene)


def test_a_corrupt_save_is_kept_aside_and_the_title_says_so(tmp_path):
    (tmp_path / "profile.json").write_text("{not json")
    a = new_app(tmp_path)
    assert any("fresh" in n for n in a.session.notices)
    assert list(tmp_path.glob("profile.corrupt-*.json"))
    frames(a, 1)


def test_a_promotion_gets_its_own_moment_before_the_results(app):
    from game.rules.progress import RoundSummary, apply_round
    profile, ranks = app.session.profile, app.session.bank.ranks
    profile.total_points = ranks[1].points - 10
    outcome = apply_round(profile, 60, ranks)
    assert outcome.promoted
    app.push(ResultsScene(app, RoundSummary(60, 1, 3, 0, 1, outcome, "")))
    frames(app, 2)
    assert app.scene.celebrating
    key(app, pygame.K_RETURN)  # the first Enter closes the celebration...
    assert isinstance(app.scene, ResultsScene) and not app.scene.celebrating
    key(app, pygame.K_RETURN)  # ...the next one starts the next round
    assert isinstance(app.scene, RoundScene)



def test_assist_mode_holds_the_dog_at_a_question_until_an_answer_is_chosen(app):
    app.session.change_settings(assist=True)
    app.push(RoundScene(app))
    scene = app.scene
    while scene.round.question_gate is None:
        frames(app, 1)
    held = scene.round.distance
    frames(app, 120)
    assert scene.holding and scene.round.distance == held
    key(app, pygame.K_1)
    frames(app, 5)
    assert not scene.holding and scene.round.distance > held


def test_slow_speed_and_large_text_change_the_round(app):
    app.push(RoundScene(app))
    normal = app.scene
    app.session.change_settings(speed="slow", text_scale=2.0)
    app.push(RoundScene(app))
    slow = app.scene
    assert slow.round.tuning.speed == pytest.approx(0.7 * normal.round.tuning.speed)
    assert slow.round.course.top > normal.round.course.top == 150
    frames(app, 30)
    assert slow.round.y - 26 >= slow.round.course.top  # the dog flies below the taller banner
    # the pause card and its buttons grow with the words, and the progress bar stays clear of
    # the Help and Sound buttons, which grow too
    assert slow.pause_menu.buttons[0].size == 2 * normal.pause_menu.buttons[0].size
    assert slow.pause_geo.card[2] > pause_card(1.0).card[2]
    assert slow.progress_rect.collidelist(app.corner_rects) == -1
