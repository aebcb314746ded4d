"""What the player asked for, independent of the device that asked (keyboard, mouse, touch,
gamepad)."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum, auto


class Act(Enum):
    HOP = auto()  # Space, a gamepad's A, or a click/tap on the play field; the one switch
    CHOOSE = auto()  # 1/2/3: pick answer `index`
    CONFIRM = auto()  # Enter
    BACK = auto()  # Esc, a gamepad's B
    HELP = auto()  # H, F1, a gamepad's Back
    MUTE = auto()  # M
    FULLSCREEN = auto()  # F11
    RELOAD = auto()  # F5: read the content bank from disk again (for editors)
    UP = auto()
    DOWN = auto()
    LEFT = auto()
    RIGHT = auto()
    POINT = auto()  # a click or tap at `pos` (logical pixels)
    HOVER = auto()  # the pointer moved to `pos`
    UNKNOWN = auto()  # a key the game does not use
    FOCUS_LOST = auto()  # the window was hidden or minimised, the lid closed, a gamepad unplugged
    FOCUS_NEXT = auto()  # Tab: the next control
    FOCUS_PREV = auto()  # Shift+Tab: the previous control
    KEY = auto()  # a key pressed while a screen waits for one to remap (`text`: its name)
    TYPE = auto()  # text typed into a field (`text`), while a screen takes typing
    ERASE = auto()  # Backspace while typing
    # a teacher's keys during a classroom lesson (classroom screens only)
    PAUSE = auto()  # P, or a gamepad's Start on any screen
    SKIP = auto()  # S: skip this question
    NEXT = auto()  # N: go on to the next screen
    END = auto()  # E: end the lesson
    REVEAL = auto()  # D: show the next discussion prompt
    LEGEND = auto()  # F1: show or hide the teacher's keys


@dataclass(frozen=True)
class Action:
    kind: Act
    index: int = -1
    pos: tuple[int, int] = (0, 0)
    text: str = ""
