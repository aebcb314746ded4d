"""One-switch play: a highlight steps through a screen's choices on a steady beat, and the one
switch (Space, or the key remapped to hop) picks the highlighted choice.

No pygame here: a screen says which of its choices can be used, and draws the highlight.
"""
from __future__ import annotations

from collections.abc import Sequence

STEP_SECONDS = 1.5  # how long the highlight rests on each choice
SLOW_STEP_SECONDS = 2.25  # with the game's speed set to slow
_ROUNDING = 1e-9  # 90 steps of 1/60 s add up to a whole 1.5 s beat, not a hair under it


def step_seconds(speed: str) -> float:
    """How long the highlight rests on a choice at the player's game speed."""
    return SLOW_STEP_SECONDS if speed == "slow" else STEP_SECONDS


class Beat:
    """The highlight's clock: counts whole beats of `period` seconds as time passes."""

    def __init__(self) -> None:
        self.elapsed = 0.0  # seconds since the last beat

    def tick(self, dt: float, period: float) -> int:
        """Let `dt` seconds pass; returns how many beats fell in them (usually 0 or 1)."""
        if period <= 0:
            return 0
        self.elapsed += max(0.0, dt)
        beats = int((self.elapsed + _ROUNDING) // period)
        self.elapsed = max(0.0, self.elapsed - beats * period)
        return beats

    def restart(self) -> None:
        """The next beat comes a whole period from now (a press, a new screen, a new question)."""
        self.elapsed = 0.0


def advance(index: int, usable: Sequence[bool], steps: int = 1) -> int:
    """The choice the highlight rests on after `steps` beats from `index`, passing over choices
    that cannot be used (a disabled button) and wrapping round. With no usable choice it stays."""
    count = len(usable)
    if count == 0 or not any(usable):
        return index
    current = index % count
    for _ in range(max(0, steps)):
        current = (current + 1) % count
        while not usable[current]:
            current = (current + 1) % count
    return current
