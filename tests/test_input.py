"""Input: each device's events as actions, remapped keys (and that nobody can lock themselves
out), gamepads plugged in and pulled out (real SDL virtual devices), and one-switch scanning."""
from __future__ import annotations

import ctypes
import glob
import os

import pygame
import pytest
from hypothesis import given, settings as hyp_settings, strategies as st

from helpers import frames, key, new_app
from game.actions import Act, Action
from game.input_map import (
    USUAL_TABLE, Gamepads, actions_for, bindings, key_table, remap,
)
from game.rules.scanning import SLOW_STEP_SECONDS, STEP_SECONDS, Beat, advance, step_seconds
from game.rules.tuning import STEP
from game.scenes.age import AgeScene
from game.scenes.help import HelpScene
from game.scenes.keys import KeysScene
from game.scenes.message import MessageScene
from game.scenes.notebook import NotebookScene
from game.scenes.round import RoundScene
from game.scenes.title import TitleScene

BEAT_FRAMES = round(STEP_SECONDS / STEP)  # frames the one-switch highlight rests on a choice


@pytest.fixture(autouse=True)
def video():
    """Key names are SDL's: they need its video system, as in the game."""
    pygame.display.init()


@pytest.fixture
def app(tmp_path):
    a = new_app(tmp_path)
    pygame.event.clear()
    frames(a, 1)  # the first frame starts the gamepads
    pygame.event.clear()
    yield a
    pygame.event.clear()


def key_event(k: int, mod: int = 0) -> pygame.event.Event:
    return pygame.event.Event(pygame.KEYDOWN, key=k, mod=mod, unicode="", scancode=0)


def keyboard(event: pygame.event.Event, **options) -> list[Action]:
    return actions_for(event, lambda pos: (int(pos[0]), int(pos[1])), (1280, 720), **options)


def pad_event(kind: int, **fields) -> pygame.event.Event:
    return pygame.event.Event(kind, **fields)


def button(b: int, instance: int = 0) -> pygame.event.Event:
    return pad_event(pygame.CONTROLLERBUTTONDOWN, instance_id=instance, button=b)


def axis(a: int, value: int, instance: int = 0) -> pygame.event.Event:
    return pad_event(pygame.CONTROLLERAXISMOTION, instance_id=instance, axis=a, value=value)


def kinds(actions: list[Action]) -> list[Act]:
    return [a.kind for a in actions]


def until_question(app, scene: RoundScene) -> None:
    while scene.round.question_gate is None:
        frames(app, 5)


# --- the keyboard and its remapping ------------------------------------------------------------
def test_the_usual_keys():
    assert USUAL_TABLE[pygame.K_SPACE] == Action(Act.HOP)
    assert USUAL_TABLE[pygame.K_w] == Action(Act.UP)
    assert USUAL_TABLE[pygame.K_2] == Action(Act.CHOOSE, 1)
    assert USUAL_TABLE[pygame.K_KP3] == Action(Act.CHOOSE, 2)
    assert USUAL_TABLE[pygame.K_ESCAPE] == Action(Act.BACK)
    assert kinds(keyboard(key_event(pygame.K_q))) == [Act.UNKNOWN]
    assert keyboard(key_event(pygame.K_LSHIFT)) == []


def test_tab_and_shift_tab_move_the_focus():
    assert kinds(keyboard(key_event(pygame.K_TAB))) == [Act.FOCUS_NEXT]
    assert kinds(keyboard(key_event(pygame.K_TAB, pygame.KMOD_LSHIFT))) == [Act.FOCUS_PREV]


def test_a_remapped_key_takes_the_action_and_the_old_key_lets_it_go():
    table = key_table({"hop": "x"})
    assert table[pygame.K_x] == Action(Act.HOP)
    assert pygame.K_SPACE not in table
    assert kinds(keyboard(key_event(pygame.K_SPACE), keys=table)) == [Act.UNKNOWN]


def test_a_key_given_twice_goes_to_the_newest_and_the_other_action_gets_its_usual_key_back():
    keys = bindings({"up": "x", "hop": "x"})
    assert keys["hop"] == pygame.K_x and keys["up"] == pygame.K_UP
    table = key_table({"up": "x", "hop": "x"})
    assert table[pygame.K_x] == Action(Act.HOP) and table[pygame.K_UP] == Action(Act.UP)
    # the usual key of another action: that action has no key left (Up still hops in a round)
    keys = bindings({"confirm": "space"})
    assert keys["confirm"] == pygame.K_SPACE and keys["hop"] is None
    # a spare key (W) given away goes with it
    assert key_table({"hop": "w"})[pygame.K_w] == Action(Act.HOP)


def test_remap_keeps_one_key_per_action_and_newest_wins():
    keys = remap({"up": "x", "down": "z"}, "hop", pygame.K_x)
    assert keys == {"down": "z", "hop": "x"}
    assert remap(keys, "hop", pygame.K_SPACE) == {"down": "z", "hop": "space"}


def test_nobody_can_lock_themselves_out():
    """Esc, F1, F5 and F11 keep their jobs whatever a save says; remap refuses them."""
    for name in ("escape", "f1", "f5", "f11"):
        table = key_table({"hop": name, "confirm": name})
        assert table[pygame.K_SPACE] == Action(Act.HOP)
        assert table[pygame.K_RETURN] == Action(Act.CONFIRM)
    table = key_table({"hop": "escape"})
    assert table[pygame.K_ESCAPE] == Action(Act.BACK)
    assert table[pygame.K_F1] == Action(Act.HELP)
    assert table[pygame.K_F5] == Action(Act.RELOAD)
    assert table[pygame.K_F11] == Action(Act.FULLSCREEN)
    assert remap({"up": "x"}, "hop", pygame.K_ESCAPE) == {"up": "x"}


def test_unknown_names_in_a_save_are_ignored():
    table = key_table({"hop": "not a key", "fly": "x", "up": "", "down": 5, "left": None})
    assert table == USUAL_TABLE
    assert bindings({"fly": "x", "hop": "no such key"})["hop"] == pygame.K_SPACE


def test_a_screen_waiting_for_a_key_gets_every_key_but_the_fixed_ones():
    got = keyboard(key_event(pygame.K_q), listening=True)
    assert got == [Action(Act.KEY, text="q")]
    assert keyboard(key_event(pygame.K_ESCAPE), listening=True) == [Action(Act.BACK)]
    assert keyboard(key_event(pygame.K_F11), listening=True) == [Action(Act.FULLSCREEN)]


def test_a_remapped_key_works_in_the_game_at_once(app):
    app.session.change_settings(keys={"hop": "x"})
    app.push(RoundScene(app))
    r = app.scene.round
    frames(app, 20)
    key(app, pygame.K_SPACE)  # no longer the hop key: a hint, no hop
    assert r.vy >= 0 and app._toast
    key(app, pygame.K_x)
    assert r.vy < 0


# --- the Keys screen ----------------------------------------------------------------------------
def open_keys(app) -> KeysScene:
    app.push(KeysScene(app))
    frames(app, 1)
    return app.scene


def test_keys_screen_gives_an_action_a_new_key_and_saves_it(app):
    scene = open_keys(app)
    key(app, pygame.K_RETURN)  # the first row: hop
    assert scene.listening
    key(app, pygame.K_x)
    assert not scene.listening
    assert app.session.settings.keys == {"hop": "x"}
    assert app.session.store.load().profile.settings["keys"] == {"hop": "x"}
    assert "X" in [row.key.lines[0] for row in scene.buttons.buttons if hasattr(row, "key")
                   and row.key is not None]
    key(app, pygame.K_ESCAPE)  # back to the title; X now presses the focused button
    assert isinstance(app.scene, TitleScene)
    key(app, pygame.K_x)
    assert isinstance(app.scene, AgeScene)


def test_keys_screen_esc_keeps_the_old_key_and_fixed_keys_keep_their_jobs(app):
    scene = open_keys(app)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_ESCAPE)
    assert not scene.listening and app.session.settings.keys == {}
    assert app.scene is scene
    key(app, pygame.K_RETURN)
    key(app, pygame.K_F1)  # help opens; the key is not taken
    assert isinstance(app.scene, HelpScene) and app.session.settings.keys == {}
    key(app, pygame.K_ESCAPE)
    assert app.scene is scene and not scene.listening


def test_keys_screen_newest_wins_and_reset(app):
    scene = open_keys(app)
    key(app, pygame.K_DOWN)  # up
    key(app, pygame.K_RETURN)
    key(app, pygame.K_x)
    key(app, pygame.K_w)  # hop (Up is X now; W, the spare, still moves up)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_x)
    assert bindings(app.session.settings.keys)["up"] == pygame.K_UP
    assert bindings(app.session.settings.keys)["hop"] == pygame.K_x
    reset = scene.shown.index("reset")
    scene.buttons.focus = reset
    key(app, pygame.K_x)  # X is the hop key now: it presses Reset
    assert app.session.settings.keys == {}


def test_keys_screen_in_one_switch_play_the_switch_stays_with_hop(app):
    app.session.change_settings(one_switch=True)
    scene = open_keys(app)
    scene.buttons.focus = scene.shown.index("answer1")
    key(app, pygame.K_SPACE)
    assert scene.listening
    key(app, pygame.K_SPACE)  # would take the switch from hop: refused, said so
    assert app.session.settings.keys == {} and not scene.listening
    assert "switch" in app._toast[0]


def test_keys_screen_at_every_text_size_shows_every_action(app):
    for scale in (1.0, 1.25, 1.5, 2.0):
        app.session.change_settings(text_scale=scale)
        scene = open_keys(app)
        seen = set()
        for _ in range(scene.pages):
            seen |= set(scene.shown)
            if scene.pages > 1:
                scene.turn(1)
        assert seen >= {"hop", "answer3", "reset", "back"}
        for row in scene.buttons.buttons:
            assert app.canvas.get_rect().contains(row.rect)
        app.pop()


# --- gamepads: events as actions ---------------------------------------------------------------
def test_controller_buttons():
    pads = Gamepads()
    expected = {pygame.CONTROLLER_BUTTON_A: Act.HOP, pygame.CONTROLLER_BUTTON_B: Act.BACK,
                pygame.CONTROLLER_BUTTON_START: Act.PAUSE,
                pygame.CONTROLLER_BUTTON_BACK: Act.HELP,
                pygame.CONTROLLER_BUTTON_DPAD_UP: Act.UP,
                pygame.CONTROLLER_BUTTON_DPAD_DOWN: Act.DOWN,
                pygame.CONTROLLER_BUTTON_DPAD_LEFT: Act.LEFT,
                pygame.CONTROLLER_BUTTON_DPAD_RIGHT: Act.RIGHT}
    for b, act in expected.items():
        assert kinds(pads.actions(button(b))) == [act]
    assert pads.actions(button(pygame.CONTROLLER_BUTTON_GUIDE)) == []
    up = pad_event(pygame.CONTROLLERBUTTONUP, instance_id=0, button=pygame.CONTROLLER_BUTTON_A)
    assert pads.actions(up) == []


def test_the_left_stick_has_a_dead_zone_and_no_repeats_while_held():
    pads = Gamepads()
    x, y = pygame.CONTROLLER_AXIS_LEFTX, pygame.CONTROLLER_AXIS_LEFTY
    assert pads.actions(axis(x, 6000)) == []  # a nudge inside the dead zone
    assert kinds(pads.actions(axis(x, 30000))) == [Act.RIGHT]
    assert pads.actions(axis(x, 32000)) == []  # held: no repeat
    assert pads.actions(axis(x, 15000)) == []  # easing off, not yet back in the middle
    assert pads.actions(axis(x, 1000)) == []  # back in the middle...
    assert kinds(pads.actions(axis(x, 25000))) == [Act.RIGHT]  # ...so it moves again
    assert kinds(pads.actions(axis(x, -32768))) == [Act.LEFT]  # flicked straight across
    assert kinds(pads.actions(axis(y, -30000))) == [Act.UP]
    assert kinds(pads.actions(axis(y, 30000))) == [Act.DOWN]
    assert pads.actions(axis(pygame.CONTROLLER_AXIS_RIGHTX, 30000)) == []


def test_a_joystick_that_is_not_a_game_controller_works_with_a_sensible_default():
    pads = Gamepads()
    jb = pygame.JOYBUTTONDOWN
    assert kinds(pads.actions(pad_event(jb, instance_id=5, button=0, joy=5))) == [Act.HOP]
    assert kinds(pads.actions(pad_event(jb, instance_id=5, button=1, joy=5))) == [Act.BACK]
    hat = pygame.JOYHATMOTION
    for value, act in (((0, 1), Act.UP), ((0, -1), Act.DOWN), ((-1, 0), Act.LEFT),
                       ((1, 0), Act.RIGHT)):
        assert kinds(pads.actions(pad_event(hat, instance_id=5, hat=0, value=value,
                                            joy=5))) == [act]
    assert pads.actions(pad_event(hat, instance_id=5, hat=0, value=(0, 0), joy=5)) == []
    ja = pygame.JOYAXISMOTION
    assert kinds(pads.actions(pad_event(ja, instance_id=5, axis=1, value=0.9, joy=5))) == \
        [Act.DOWN]
    assert pads.actions(pad_event(ja, instance_id=5, axis=1, value=1.0, joy=5)) == []


# --- gamepads: plugged in and pulled out, through SDL's own virtual devices -----------------
def _sdl() -> ctypes.CDLL:
    """The SDL library pygame itself loaded (so virtual devices reach its event queue)."""
    here = os.path.dirname(pygame.__file__)
    found = (glob.glob(os.path.join(here, "..", "pygame.libs", "libSDL2-2*"))
             + glob.glob(os.path.join(here, "..", "pygame_ce.libs", "libSDL2-2*"))
             + glob.glob(os.path.join(here, ".dylibs", "libSDL2*")) + glob.glob(
                 os.path.join(here, "SDL2.dll")))
    sdl = ctypes.CDLL(found[0])
    sdl.SDL_JoystickFromInstanceID.restype = ctypes.c_void_p
    sdl.SDL_JoystickFromInstanceID.argtypes = [ctypes.c_int32]
    sdl.SDL_JoystickOpen.restype = ctypes.c_void_p
    sdl.SDL_JoystickGetDeviceInstanceID.restype = ctypes.c_int32
    for name, value in (("Button", ctypes.c_uint8), ("Hat", ctypes.c_uint8),
                        ("Axis", ctypes.c_int16)):
        fn = getattr(sdl, f"SDL_JoystickSetVirtual{name}")
        fn.argtypes = [ctypes.c_void_p, ctypes.c_int, value]
    return sdl


class VirtualPad:
    """A gamepad SDL believes is plugged in: a game controller, or a plain joystick."""

    def __init__(self, controller: bool = True) -> None:
        self.sdl = _sdl()
        # the headless window never has focus, and SDL drops a pad's presses made in the
        # background unless told not to
        self.sdl.SDL_SetHint(b"SDL_JOYSTICK_ALLOW_BACKGROUND_EVENTS", b"1")
        self.index = self.sdl.SDL_JoystickAttachVirtual(1 if controller else 0, 6, 15, 1)
        assert self.index >= 0
        self.instance = self.sdl.SDL_JoystickGetDeviceInstanceID(self.index)
        self.handle = self.sdl.SDL_JoystickOpen(self.index)  # the test's own hold on it

    def press(self, app, b: int) -> None:
        for state in (1, 0):
            self.sdl.SDL_JoystickSetVirtualButton(self.handle, b, state)
            self.sdl.SDL_JoystickUpdate()
            frames(app, 1)

    def unplug(self) -> None:
        self.sdl.SDL_JoystickClose(ctypes.c_void_p(self.handle))
        self.sdl.SDL_JoystickDetachVirtual(self.index)


def test_a_controller_plugged_in_is_opened_plays_and_pulled_out_mid_round_pauses(app):
    pad = VirtualPad()
    try:
        frames(app, 2)
        assert pad.instance in app.pads.controllers
        pad.press(app, pygame.CONTROLLER_BUTTON_A)  # its A presses Play, once (not twice)
        assert isinstance(app.scene, AgeScene)
        pad.press(app, pygame.CONTROLLER_BUTTON_A)
        assert isinstance(app.scene, RoundScene)
        scene = app.scene
        frames(app, 10)
        assert not scene.paused
    finally:
        pad.unplug()
    frames(app, 2)
    assert scene.paused and pad.instance not in app.pads.controllers


def test_a_plain_joystick_plugged_in_is_opened_and_its_first_button_presses(app):
    pad = VirtualPad(controller=False)
    try:
        frames(app, 2)
        assert pad.instance in app.pads.joysticks
        pad.press(app, 0)
        assert isinstance(app.scene, AgeScene)
        pad.press(app, 1)  # the second button goes back
        assert isinstance(app.scene, TitleScene)
    finally:
        pad.unplug()
    frames(app, 2)
    assert pad.instance not in app.pads.joysticks


def test_start_pauses_a_round_and_resumes_it(app):
    app.push(RoundScene(app))
    scene = app.scene
    pygame.event.post(button(pygame.CONTROLLER_BUTTON_START))
    frames(app, 1)
    assert scene.paused
    d = scene.round.distance
    frames(app, 10)
    assert scene.round.distance == d
    pygame.event.post(button(pygame.CONTROLLER_BUTTON_START))
    frames(app, 1)
    assert not scene.paused


def test_back_opens_help_and_b_goes_back(app):
    pygame.event.post(button(pygame.CONTROLLER_BUTTON_BACK))
    frames(app, 1)
    assert isinstance(app.scene, HelpScene)
    pygame.event.post(button(pygame.CONTROLLER_BUTTON_B))
    frames(app, 1)
    assert isinstance(app.scene, TitleScene)


def test_the_dpad_and_arrows_pick_answers_in_the_round(app):
    app.push(RoundScene(app))
    scene = app.scene
    r = scene.round
    until_question(app, scene)
    pygame.event.post(button(pygame.CONTROLLER_BUTTON_DPAD_UP))
    pygame.event.post(button(pygame.CONTROLLER_BUTTON_DPAD_UP))
    pygame.event.post(button(pygame.CONTROLLER_BUTTON_DPAD_UP))
    frames(app, 1)
    assert r.target_lane == 0  # up as far as it goes: the top opening
    pygame.event.post(button(pygame.CONTROLLER_BUTTON_DPAD_DOWN))
    frames(app, 1)
    assert r.target_lane == 1
    key(app, pygame.K_RIGHT)
    assert r.target_lane == 2
    key(app, pygame.K_LEFT)
    assert r.target_lane == 1
    while not r.results:
        frames(app, 10)
    assert r.results[0].chosen == 1


# --- one-switch play ----------------------------------------------------------------------------
@given(st.lists(st.booleans(), min_size=1, max_size=12), st.integers(0, 50),
       st.integers(0, 40))
def test_the_highlight_only_rests_on_choices_that_can_be_used(usable, start, steps):
    landed = advance(start, usable, steps)
    if any(usable) and steps:
        assert usable[landed]
    if not any(usable):
        assert landed == start


@given(st.lists(st.booleans(), min_size=1, max_size=12).filter(any), st.data())
def test_the_highlight_visits_every_usable_choice_once_before_coming_round_again(usable, data):
    start = data.draw(st.sampled_from([i for i, u in enumerate(usable) if u]))
    seen, here = [], start
    for _ in range(usable.count(True)):
        here = advance(here, usable)
        seen.append(here)
    assert sorted(seen) == [i for i, u in enumerate(usable) if u]
    assert seen[-1] == start


@hyp_settings(max_examples=60)
@given(st.lists(st.floats(0, 0.5), max_size=200), st.sampled_from([STEP_SECONDS,
                                                                    SLOW_STEP_SECONDS]))
def test_the_beat_counts_whole_periods_of_the_time_passed(dts, period):
    beat, beats = Beat(), 0
    for dt in dts:
        beats += beat.tick(dt, period)
        assert 0 <= beat.elapsed < period
    assert beats * period + beat.elapsed == pytest.approx(sum(dts), abs=1e-6)


def test_slow_speed_gives_the_highlight_longer():
    assert step_seconds("normal") == STEP_SECONDS == 1.5
    assert step_seconds("slow") > step_seconds("normal")


def test_one_switch_steps_through_the_title_on_a_steady_beat_and_space_picks(app):
    app.session.change_settings(one_switch=True)
    title = app.scene
    assert title.buttons.focus == 0
    frames(app, BEAT_FRAMES - 2)
    assert title.buttons.focus == 0  # rests a whole beat
    frames(app, 3)
    assert title.buttons.focus == 1
    frames(app, BEAT_FRAMES)
    assert title.buttons.focus == 2
    key(app, pygame.K_SPACE)  # "Where to get help"
    assert isinstance(app.scene, HelpScene)


def test_one_switch_is_slower_at_slow_speed(app):
    app.session.change_settings(one_switch=True, speed="slow")
    title = app.scene
    frames(app, BEAT_FRAMES + 5)
    assert title.buttons.focus == 0
    frames(app, round(SLOW_STEP_SECONDS / STEP) - BEAT_FRAMES)
    assert title.buttons.focus == 1


def test_one_switch_passes_over_buttons_that_cannot_be_pressed(app):
    app.session.change_settings(one_switch=True)
    app.session.profile.notebook = [app.session.bank.messages[0].id]
    app.push(NotebookScene(app))
    scene = app.scene
    enabled = [i for i, b in enumerate(scene.buttons.buttons) if b.enabled]
    lit = set()
    for _ in range(len(scene.buttons.buttons) + 2):
        frames(app, BEAT_FRAMES)
        lit.add(scene.buttons.focus)
    assert lit == set(enabled)


def test_one_switch_round_holds_at_a_question_until_the_switch_picks_the_lit_answer(app):
    app.session.change_settings(one_switch=True)
    app.push(RoundScene(app))
    scene = app.scene
    r = scene.round
    until_question(app, scene)
    held = r.distance
    key(app, pygame.K_SPACE)  # before the highlight shows: nothing picked
    assert r.target_lane is None
    frames(app, BEAT_FRAMES)
    assert scene.scan_choice == 0
    frames(app, BEAT_FRAMES)
    assert scene.scan_choice == 1 and r.distance == held  # the dash waits
    frames(app, 2 * BEAT_FRAMES)
    assert scene.scan_choice == 0  # round again
    frames(app, BEAT_FRAMES)
    assert scene.scan_choice == 1
    key(app, pygame.K_SPACE)
    assert r.target_lane == 1 and scene.scan_choice is None
    key(app, pygame.K_SPACE)  # a second press does not undo the pick
    assert r.target_lane == 1
    frames(app, 5)
    assert r.distance > held
    while not r.results:
        frames(app, 10)
    assert r.results[0].chosen == 1


def test_one_switch_pause_card_is_stepped_through_and_can_leave(app):
    app.session.change_settings(one_switch=True)
    app.push(RoundScene(app))
    scene = app.scene
    app.dispatch(Action(Act.FOCUS_LOST))
    assert scene.paused
    frames(app, BEAT_FRAMES)
    assert scene.pause_menu.focus == 1  # Leave this round
    key(app, pygame.K_SPACE)
    assert isinstance(app.scene, TitleScene)


def test_one_switch_message_card_continues_with_the_switch(app):
    app.session.change_settings(one_switch=True)
    message = app.session.bank.messages[0]
    app.push(MessageScene(app, message))
    key(app, pygame.K_SPACE)
    assert isinstance(app.scene, TitleScene)


def test_one_switch_waits_for_a_promotion_to_be_closed(app):
    from game.rules.progress import RoundSummary, apply_round
    from game.scenes.results import ResultsScene
    app.session.change_settings(one_switch=True)
    profile, ranks = app.session.profile, app.session.bank.ranks
    profile.total_points = ranks[1].points - 10
    outcome = apply_round(profile, 60, ranks)
    app.push(ResultsScene(app, RoundSummary(60, 1, 3, 0, 1, outcome, "")))
    scene = app.scene
    frames(app, 3 * BEAT_FRAMES)
    assert scene.celebrating and scene.buttons.focus == 0
    key(app, pygame.K_SPACE)
    assert not scene.celebrating and scene.buttons.focus == 0  # Next round, lit a whole beat
    frames(app, BEAT_FRAMES)
    assert scene.buttons.focus == 1


def test_the_focus_ring_is_drawn_round_the_focused_button(app):
    from game.ui import theme
    title = app.scene
    frames(app, 1)
    rect = title.buttons.buttons[0].rect
    assert app.canvas.get_at((rect.centerx, rect.y - 4))[:3] == theme.ACCENT
    key(app, pygame.K_TAB)
    assert title.buttons.focus == 1
    rect = title.buttons.buttons[1].rect
    assert app.canvas.get_at((rect.centerx, rect.y - 4))[:3] == theme.ACCENT
    key(app, pygame.K_TAB, 1)
    pygame.event.post(key_event(pygame.K_TAB, pygame.KMOD_SHIFT))
    frames(app, 1)
    assert title.buttons.focus == 1
