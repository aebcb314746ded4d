"""Turn pygame events into Actions, mapping window pixels to the 1280×720 logical screen."""
from __future__ import annotations

from collections.abc import Callable

import pygame

from game.actions import Act, Action

KEYS: dict[int, Action] = {
    pygame.K_SPACE: Action(Act.HOP),
    pygame.K_UP: Action(Act.UP),
    pygame.K_w: Action(Act.UP),
    pygame.K_DOWN: Action(Act.DOWN),
    pygame.K_s: Action(Act.DOWN),
    pygame.K_LEFT: Action(Act.LEFT),
    pygame.K_a: Action(Act.LEFT),
    pygame.K_RIGHT: Action(Act.RIGHT),
    pygame.K_d: Action(Act.RIGHT),
    pygame.K_RETURN: Action(Act.CONFIRM),
    pygame.K_KP_ENTER: Action(Act.CONFIRM),
    pygame.K_ESCAPE: Action(Act.BACK),
    pygame.K_BACKSPACE: Action(Act.BACK),
    pygame.K_h: Action(Act.HELP),
    pygame.K_F1: Action(Act.HELP),
    pygame.K_m: Action(Act.MUTE),
    pygame.K_F11: Action(Act.FULLSCREEN),
    pygame.K_F5: Action(Act.RELOAD),
    pygame.K_1: Action(Act.CHOOSE, 0),
    pygame.K_2: Action(Act.CHOOSE, 1),
    pygame.K_3: Action(Act.CHOOSE, 2),
    pygame.K_KP1: Action(Act.CHOOSE, 0),
    pygame.K_KP2: Action(Act.CHOOSE, 1),
    pygame.K_KP3: Action(Act.CHOOSE, 2),
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
          pygame.K_RALT, pygame.K_LGUI, pygame.K_RGUI, pygame.K_CAPSLOCK, pygame.K_NUMLOCKCLEAR,
          pygame.K_TAB}

ToLogical = Callable[[tuple[float, float]], tuple[int, int] | None]


def actions_for(event: pygame.event.Event, to_logical: ToLogical,
                window_size: tuple[int, int], *, classroom: bool = False,
                typing: bool = False) -> list[Action]:
    """The actions an event means. `classroom`: the teacher's keys apply; `typing`: the screen
    has a text field being typed into, so letters type rather than act."""
    kind = event.type
    if kind == pygame.TEXTINPUT:
        return [Action(Act.TYPE, text=event.text)] if typing else []
    if kind == pygame.KEYDOWN:
        if typing and event.key not in _TYPING_KEYS:
            return [Action(Act.ERASE)] if event.key == pygame.K_BACKSPACE else []
        if classroom and event.key in CLASSROOM_KEYS:
            return [CLASSROOM_KEYS[event.key]]
        if event.key in KEYS:
            return [KEYS[event.key]]
        return [] if event.key in _QUIET else [Action(Act.UNKNOWN)]
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
