"""Starting the next round from the screens that end one (the age screen, the results) without
their importing the screens that play one: game.launch names the starter at start-up
(game.scenes.play.play_next: the dash or a chat, as the child chose)."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

_starter: list[Callable[[Any], None]] = []


def use(starter: Callable[[Any], None]) -> None:
    """Start rounds with `starter` from now on (it replaces the screen shown with the round)."""
    _starter[:] = [starter]


def play_next(app: Any) -> None:
    """Replace the screen shown with the next round."""
    _starter[0](app)
