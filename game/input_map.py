"""Turn pygame events into Actions: keys (the usual ones and the player's own), the mouse and
touch (window pixels mapped to the 1280×720 logical screen), and gamepads.

Keys: each action a player can remap has a usual key, and some have spare keys (W, A, S, D, the
keypad). The player's choices (`Settings.keys`: an action's name -> a pygame key name) are laid
on top; Esc, F1, F5 and F11 never change, so nobody can lock themselves out.

Gamepads go through SDL's game-controller API (A hops and confirms, B goes back, the d-pad and
the left stick move, Start pauses, Back/Select opens help). A joystick SDL does not know as a
game controller still works: its first button hops, its second goes back, its hat and first
stick move.
"""
from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import lru_cache

import pygame
from pygame._sdl2 import controller

from game.actions import Act, Action

# The actions a player can give another key, by the name the save uses, and their usual keys
REMAPPABLE: dict[str, Action] = {
    "hop": Action(Act.HOP),
    "up": Action(Act.UP),
    "down": Action(Act.DOWN),
    "left": Action(Act.LEFT),
    "right": Action(Act.RIGHT),
    "confirm": Action(Act.CONFIRM),
    "back": Action(Act.BACK),
    "help": Action(Act.HELP),
    "mute": Action(Act.MUTE),
    "answer1": Action(Act.CHOOSE, 0),
    "answer2": Action(Act.CHOOSE, 1),
    "answer3": Action(Act.CHOOSE, 2),
}
USUAL_KEYS: dict[str, int] = {
    "hop": pygame.K_SPACE, "up": pygame.K_UP, "down": pygame.K_DOWN, "left": pygame.K_LEFT,
    "right": pygame.K_RIGHT, "confirm": pygame.K_RETURN, "back": pygame.K_BACKSPACE,
    "help": pygame.K_h, "mute": pygame.K_m, "answer1": pygame.K_1, "answer2": pygame.K_2,
    "answer3": pygame.K_3,
}
# More keys for some actions, kept while the player has not given the key to another action
SPARE_KEYS: dict[int, Action] = {
    pygame.K_w: Action(Act.UP),
    pygame.K_s: Action(Act.DOWN),
    pygame.K_a: Action(Act.LEFT),
    pygame.K_d: Action(Act.RIGHT),
    pygame.K_KP_ENTER: Action(Act.CONFIRM),
    pygame.K_KP1: Action(Act.CHOOSE, 0),
    pygame.K_KP2: Action(Act.CHOOSE, 1),
    pygame.K_KP3: Action(Act.CHOOSE, 2),
    pygame.K_4: Action(Act.CHOOSE, 3),  # Chat Check's fourth choice
    pygame.K_KP4: Action(Act.CHOOSE, 3),
    pygame.K_TAB: Action(Act.FOCUS_NEXT),  # with Shift: the previous control
}
# Keys nobody can remap
FIXED_KEYS: dict[int, Action] = {
    pygame.K_ESCAPE: Action(Act.BACK),
    pygame.K_F1: Action(Act.HELP),
    pygame.K_F5: Action(Act.RELOAD),
    pygame.K_F11: Action(Act.FULLSCREEN),
}
# A teacher's keys, on classroom screens: they take the place of the player's meaning of a key
# (S and D steer in the dash, F1 opens help)
CLASSROOM_KEYS: dict[int, Action] = {
    pygame.K_p: Action(Act.PAUSE),
    pygame.K_s: Action(Act.SKIP),
    pygame.K_n: Action(Act.NEXT),
    pygame.K_e: Action(Act.END),
    pygame.K_d: Action(Act.REVEAL),
    pygame.K_F1: Action(Act.LEGEND),
}
# While a screen takes typing, these keys keep their meaning; other keys type
_TYPING_KEYS = {pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_ESCAPE, pygame.K_TAB, pygame.K_UP,
                pygame.K_DOWN, pygame.K_F1, pygame.K_F5, pygame.K_F11}
# Keys that do nothing here but are part of using a computer: no hint when pressed.
_QUIET = {pygame.K_LSHIFT, pygame.K_RSHIFT, pygame.K_LCTRL, pygame.K_RCTRL, pygame.K_LALT,
          pygame.K_RALT, pygame.K_LGUI, pygame.K_RGUI, pygame.K_CAPSLOCK, pygame.K_NUMLOCKCLEAR}

ToLogical = Callable[[tuple[float, float]], tuple[int, int] | None]


# --- keys ---------------------------------------------------------------------------------------
def key_code(name: object) -> int | None:
    """The key a saved name means (pygame's key names: "space", "x", "left shift"), or None."""
    if not isinstance(name, str) or not name:
        return None
    try:
        return pygame.key.key_code(name)
    except ValueError:
        return None


def key_name(key: int) -> str:
    """The name a key is saved by ("" for a key SDL has no name for)."""
    return pygame.key.name(key)


def bindings(overrides: Mapping[str, object]) -> dict[str, int | None]:
    """Each remappable action's key: the player's choice, else its usual key unless another
    action has taken it, else None. Later choices win a key given twice; names of unknown
    actions or keys, and the fixed keys, are ignored."""
    chosen: dict[str, int] = {}
    for action, name in overrides.items():
        key = key_code(name)
        if action not in REMAPPABLE or key is None or key in FIXED_KEYS:
            continue
        for other in [a for a, k in chosen.items() if k == key]:
            del chosen[other]
        chosen.pop(action, None)
        chosen[action] = key
    taken = set(chosen.values())
    return {action: chosen.get(action, usual if usual not in taken else None)
            for action, usual in USUAL_KEYS.items()}


def remap(overrides: Mapping[str, object], action: str, key: int) -> dict[str, str]:
    """The player's keys after giving `key` to `action`: any other action that had it goes back
    to its usual key (or to none, if that one is taken too). A fixed key changes nothing."""
    if key in FIXED_KEYS or action not in REMAPPABLE or not key_name(key):
        return {a: n for a, n in overrides.items() if isinstance(n, str)}
    kept = {a: n for a, n in overrides.items()
            if a in REMAPPABLE and a != action and key_code(n) not in (None, key)}
    kept[action] = key_name(key)
    return kept  # type: ignore[return-value]


def key_table(overrides: Mapping[str, object]) -> dict[int, Action]:
    """What each key does, with the player's keys laid on the usual ones."""
    return _key_table(tuple((a, n) for a, n in overrides.items() if isinstance(n, str)))


@lru_cache(maxsize=8)
def _key_table(overrides: tuple[tuple[str, str], ...]) -> dict[int, Action]:
    table = dict(SPARE_KEYS)
    for action, key in bindings(dict(overrides)).items():
        if key is not None:
            table[key] = REMAPPABLE[action]
    table.update(FIXED_KEYS)
    return table


USUAL_TABLE: dict[int, Action] = _key_table(())


# --- keyboard, mouse and touch ------------------------------------------------------------------
def actions_for(event: pygame.event.Event, to_logical: ToLogical,
                window_size: tuple[int, int], *, classroom: bool = False,
                typing: bool = False, listening: bool = False,
                keys: Mapping[int, Action] = USUAL_TABLE) -> list[Action]:
    """The actions a keyboard, mouse, touch or window event means. `classroom`: the teacher's
    keys apply; `typing`: a text field is being typed into, so letters type rather than act;
    `listening`: the screen waits for a key to remap, so any key but the fixed ones comes as
    Act.KEY; `keys`: what each key does (key_table)."""
    kind = event.type
    if kind == pygame.TEXTINPUT:
        return [Action(Act.TYPE, text=event.text)] if typing else []
    if kind == pygame.KEYDOWN:
        return _key_actions(event, classroom, typing, listening, keys)
    if kind == pygame.MOUSEBUTTONDOWN and event.button == 1 and not getattr(event, "touch", False):
        pos = to_logical(event.pos)
        return [Action(Act.POINT, pos=pos)] if pos else []
    if kind == pygame.MOUSEMOTION and not getattr(event, "touch", False):
        pos = to_logical(event.pos)
        return [Action(Act.HOVER, pos=pos)] if pos else []
    if kind == pygame.FINGERDOWN:
        pos = to_logical((event.x * window_size[0], event.y * window_size[1]))
        return [Action(Act.POINT, pos=pos)] if pos else []
    if kind == pygame.WINDOWFOCUSLOST or kind == pygame.WINDOWMINIMIZED:
        return [Action(Act.FOCUS_LOST)]
    return []


def _key_actions(event: pygame.event.Event, classroom: bool, typing: bool, listening: bool,
                 keys: Mapping[int, Action]) -> list[Action]:
    key = event.key
    if listening:
        return [FIXED_KEYS[key] if key in FIXED_KEYS else Action(Act.KEY, text=key_name(key))]
    if typing and key not in _TYPING_KEYS:
        return [Action(Act.ERASE)] if key == pygame.K_BACKSPACE else []
    if classroom and key in CLASSROOM_KEYS:
        return [CLASSROOM_KEYS[key]]
    if key in keys:
        action = keys[key]
        if action.kind is Act.FOCUS_NEXT and getattr(event, "mod", 0) & pygame.KMOD_SHIFT:
            return [Action(Act.FOCUS_PREV)]
        return [action]
    return [] if key in _QUIET else [Action(Act.UNKNOWN)]


# --- gamepads -----------------------------------------------------------------------------------
PAD_BUTTONS: dict[int, Action] = {
    pygame.CONTROLLER_BUTTON_A: Action(Act.HOP),
    pygame.CONTROLLER_BUTTON_B: Action(Act.BACK),
    pygame.CONTROLLER_BUTTON_START: Action(Act.PAUSE),
    pygame.CONTROLLER_BUTTON_BACK: Action(Act.HELP),
    pygame.CONTROLLER_BUTTON_DPAD_UP: Action(Act.UP),
    pygame.CONTROLLER_BUTTON_DPAD_DOWN: Action(Act.DOWN),
    pygame.CONTROLLER_BUTTON_DPAD_LEFT: Action(Act.LEFT),
    pygame.CONTROLLER_BUTTON_DPAD_RIGHT: Action(Act.RIGHT),
}
JOY_BUTTONS: dict[int, Action] = {0: Action(Act.HOP), 1: Action(Act.BACK)}
STICK_PRESS = 0.6  # how far a stick is pushed (of its full range) to move once
STICK_RELEASE = 0.3  # how near the middle it comes back before it can move again
_STICK = {0: (Action(Act.LEFT), Action(Act.RIGHT)), 1: (Action(Act.UP), Action(Act.DOWN))}
_HAT = {(0, 1): Action(Act.UP), (0, -1): Action(Act.DOWN), (-1, 0): Action(Act.LEFT),
        (1, 0): Action(Act.RIGHT)}
AXIS_RANGE = 32767  # a game controller's axis runs from -32768 to 32767
# a pad gone, or gamepads not started (pygame's controller module has an error of its own;
# pygame-ce's raises pygame.error)
PAD_ERRORS = (pygame.error, getattr(controller, "error", pygame.error), IndexError)


class Gamepads:
    """The gamepads plugged in: each is opened when SDL says it was added and closed when it
    is removed; their buttons, d-pads and sticks become Actions. A pad unplugged while in use
    reports Act.FOCUS_LOST, so a round pauses as it does when the window loses focus."""

    def __init__(self) -> None:
        self.controllers: dict[int, controller.Controller] = {}  # by SDL instance id
        self.joysticks: dict[int, pygame.joystick.JoystickType] = {}  # not game controllers
        self._held: dict[tuple[int, int], int] = {}  # (instance id, axis): -1, 0 or 1

    def start(self) -> None:
        """Listen for gamepads (after the first frame: start-up pays nothing for it). Pads
        already plugged in are reported as added straight away."""
        try:
            pygame.joystick.init()
            controller.init()
        except PAD_ERRORS:
            pass  # no gamepad support here: the keyboard, mouse and touch still work

    def actions(self, event: pygame.event.Event) -> list[Action]:
        kind = event.type
        if kind == pygame.CONTROLLERDEVICEADDED:
            self._open_controller(event.device_index)
        elif kind == pygame.JOYDEVICEADDED:
            self._open_joystick(event.device_index)
        elif kind in (pygame.CONTROLLERDEVICEREMOVED, pygame.JOYDEVICEREMOVED):
            return self._close(event.instance_id)
        elif kind == pygame.CONTROLLERBUTTONDOWN:
            return [PAD_BUTTONS[event.button]] if event.button in PAD_BUTTONS else []
        elif kind == pygame.CONTROLLERAXISMOTION:
            if event.axis in (pygame.CONTROLLER_AXIS_LEFTX, pygame.CONTROLLER_AXIS_LEFTY):
                axis = 0 if event.axis == pygame.CONTROLLER_AXIS_LEFTX else 1
                return self._stick(event.instance_id, axis, event.value / AXIS_RANGE)
        elif kind in (pygame.JOYBUTTONDOWN, pygame.JOYHATMOTION, pygame.JOYAXISMOTION):
            if event.instance_id not in self.controllers:  # else it came as a controller event
                return self._joystick(event)
        return []

    def _joystick(self, event: pygame.event.Event) -> list[Action]:
        kind = event.type
        if kind == pygame.JOYBUTTONDOWN:
            return [JOY_BUTTONS[event.button]] if event.button in JOY_BUTTONS else []
        if kind == pygame.JOYHATMOTION:
            x, y = event.value
            direction = (0, y) if y else (x, 0)
            return [_HAT[direction]] if direction in _HAT else []
        if event.axis in _STICK:
            return self._stick(event.instance_id, event.axis, event.value)
        return []

    def _stick(self, instance: int, axis: int, value: float) -> list[Action]:
        """A stick pushed past the dead zone moves once; it moves again only after coming
        back towards the middle (no repeats while held)."""
        key = (instance, axis)
        if abs(value) < STICK_RELEASE:
            self._held[key] = 0
            return []
        direction = 1 if value > 0 else -1
        if abs(value) < STICK_PRESS or self._held.get(key, 0) == direction:
            return []
        self._held[key] = direction
        return [_STICK[axis][direction > 0]]

    def _open_controller(self, index: int) -> None:
        try:
            pad = controller.Controller(index)
            self.controllers[pad.as_joystick().get_instance_id()] = pad
        except PAD_ERRORS:
            pass  # gone again already, or gamepads not started: nothing to open

    def _open_joystick(self, index: int) -> None:
        try:
            if controller.is_controller(index):
                return  # opened as a game controller
            stick = pygame.joystick.Joystick(index)
            self.joysticks[stick.get_instance_id()] = stick
        except PAD_ERRORS:
            pass

    def _close(self, instance: int) -> list[Action]:
        pad = self.controllers.pop(instance, None) or self.joysticks.pop(instance, None)
        if pad is None:
            return []  # not one of ours, or already closed (SDL reports a removal twice)
        try:
            pad.quit()
        except PAD_ERRORS:
            pass
        for key in [k for k in self._held if k[0] == instance]:
            del self._held[key]
        return [Action(Act.FOCUS_LOST)]
