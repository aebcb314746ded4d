"""Five whole runs of the real game, each with one device only: title → age → round → safety
message → results, by keyboard, mouse, touch, gamepad and one switch (Space alone).

Each run posts only its own device's events. At each question it checks that nothing was
picked before its press, that the press picked the safe answer, and that the dog flew through
the opening it picked; at the end, that the results screen shows every answer right.
"""
from __future__ import annotations

from collections.abc import Callable

import pygame
import pytest

from helpers import frames, new_app
from game.rules.scanning import STEP_SECONDS
from game.rules.tuning import STEP, lane_at
from game.scenes.age import AgeScene
from game.scenes.message import MessageScene
from game.scenes.results import ResultsScene
from game.scenes.round import RoundScene
from game.scenes.title import TitleScene

BEAT = round(STEP_SECONDS / STEP)  # frames the one-switch highlight rests on a choice
ROUND_FRAMES = 60 * 120  # a round is over well within two minutes


@pytest.fixture
def app(tmp_path):
    a = new_app(tmp_path)
    frames(a, 1)
    pygame.event.clear()  # the window's own start-up events: from here on, one device only
    yield a
    pygame.event.clear()


# --- one device's presses --------------------------------------------------------------------
def press_key(app, k: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0))
    frames(app, 1)


def click(app, pos: tuple[int, int]) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1,
                                         touch=False))
    frames(app, 1)


def tap(app, pos: tuple[int, int]) -> None:
    w, h = app.window.get_size()
    pygame.event.post(pygame.event.Event(pygame.FINGERDOWN, x=pos[0] / w, y=pos[1] / h,
                                         touch_id=1, finger_id=1, pressure=1.0, dx=0, dy=0))
    frames(app, 1)


def pad(app, button: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=0,
                                         button=button))
    frames(app, 1)


# --- the run ---------------------------------------------------------------------------------
Answer = Callable[[object, RoundScene, int], None]  # (app, round screen, safe lane)


def play_a_round(app, answer: Answer) -> list[int]:
    """Fly the round, answering each question with `answer`; the lanes picked, in order."""
    scene = app.scene
    assert isinstance(scene, RoundScene)
    r = scene.round
    picked: list[int] = []
    for _ in range(ROUND_FRAMES):
        if r.finished or app.scene is not scene:
            break
        if r.question_gate is not None and len(picked) == len(r.results):
            assert r.target_lane is None  # nothing picked before the device's press
            safe = r.question_gate.question.safe_index
            answer(app, scene, safe)
            assert r.target_lane == safe, "the device's press picked the safe answer"
            picked.append(safe)
        frames(app, 1)
    assert [g.chosen for g in r.results] == picked, "the dog flew through the picked openings"
    assert len(picked) == len(r.course.gates) > 0
    return picked


def through_the_message(app, press: Callable[[], None]) -> None:
    message = app.scene
    assert isinstance(message, MessageScene)
    frames(app, int(message.wait / STEP) + 2)  # the reading time
    for _ in range(len(message.pages) + 1):
        if app.scene is not message:
            break
        press()
    assert isinstance(app.scene, ResultsScene)


def reached_results_with_every_answer_right(app, picked: list[int]) -> None:
    results = app.scene
    assert isinstance(results, ResultsScene)
    assert results.summary.correct == results.summary.questions == len(picked)


# --- the five runs -----------------------------------------------------------------------------
def test_keyboard_only(app):
    press_key(app, pygame.K_RETURN)  # Play
    assert isinstance(app.scene, AgeScene)
    press_key(app, pygame.K_RIGHT)
    press_key(app, pygame.K_RETURN)  # 10 to 12
    assert app.session.profile.age_band == "10-12"

    def answer(app, scene, safe):
        press_key(app, pygame.K_1 + safe)

    picked = play_a_round(app, answer)
    through_the_message(app, lambda: press_key(app, pygame.K_RETURN))
    reached_results_with_every_answer_right(app, picked)


@pytest.mark.parametrize("device", [click, tap], ids=["mouse-only", "touch-only"])
def test_pointer_only(app, device):
    device(app, app.scene.buttons.buttons[0].rect.center)  # Play
    assert isinstance(app.scene, AgeScene)
    device(app, app.scene.buttons.buttons[2].rect.center)  # 13 to 15
    assert app.session.profile.age_band == "13-15"

    def answer(app, scene, safe):
        _, chips = scene._question_banner()  # where the answer chips are drawn
        device(app, chips[safe].center)

    picked = play_a_round(app, answer)
    through_the_message(app, lambda: device(app, app.scene.button_rect.center))
    reached_results_with_every_answer_right(app, picked)


def test_gamepad_only(app):
    pad(app, pygame.CONTROLLER_BUTTON_A)  # Play
    assert isinstance(app.scene, AgeScene)
    pad(app, pygame.CONTROLLER_BUTTON_DPAD_RIGHT)
    pad(app, pygame.CONTROLLER_BUTTON_A)  # 10 to 12
    assert app.session.profile.age_band == "10-12"

    def answer(app, scene, safe):
        r = scene.round
        lanes = len(r.question_gate.question.answers)
        for _ in range(lanes):  # the d-pad steps on from the pick, or from the dog's opening
            at = r.target_lane if r.target_lane is not None else \
                lane_at(r.y, lanes, r.course.top)
            pad(app, pygame.CONTROLLER_BUTTON_DPAD_DOWN if safe > at else
                pygame.CONTROLLER_BUTTON_DPAD_UP)
            if r.target_lane == safe:
                break

    picked = play_a_round(app, answer)
    through_the_message(app, lambda: pad(app, pygame.CONTROLLER_BUTTON_A))
    reached_results_with_every_answer_right(app, picked)


def test_one_switch_space_alone(app):
    app.session.change_settings(one_switch=True)
    assert app.scene.buttons.focus == 0  # the highlight starts on Play
    press_key(app, pygame.K_SPACE)
    assert isinstance(app.scene, AgeScene)
    frames(app, BEAT)  # the highlight moves from 7 to 9 on to 10 to 12
    press_key(app, pygame.K_SPACE)
    assert app.session.profile.age_band == "10-12"

    def answer(app, scene, safe):
        r = scene.round
        distance = r.distance
        while scene.scan_choice != safe:  # wait for the highlight to light the safe answer
            frames(app, 1)
            assert r.distance == distance  # the dash holds still while the child waits
        press_key(app, pygame.K_SPACE)

    picked = play_a_round(app, answer)
    through_the_message(app, lambda: press_key(app, pygame.K_SPACE))
    reached_results_with_every_answer_right(app, picked)
    results = app.scene
    if results.celebrating:  # a promotion first: the switch closes it
        press_key(app, pygame.K_SPACE)
    for _ in range(3 * BEAT):  # the highlight steps on to Menu...
        if results.buttons.focus == 2:
            break
        frames(app, 1)
    press_key(app, pygame.K_SPACE)  # ...and the switch goes back to the title
    assert isinstance(app.scene, TitleScene)
