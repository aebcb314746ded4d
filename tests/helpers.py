"""Start the real app headless and drive it with real pygame events."""
from __future__ import annotations

import pygame

from game.launch import start


def new_app(data_dir, seed: int = 0):
    return start(str(data_dir), fast=True, seed=seed)


def key(app, k: int, frames: int = 1) -> None:
    pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=k, mod=0, unicode="", scancode=0))
    app.run(max_frames=app.frames + frames)


def click(app, pos: tuple[int, int], frames: int = 1) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=pos, button=1, touch=False))
    app.run(max_frames=app.frames + frames)


def tap(app, pos: tuple[int, int], frames: int = 1) -> None:
    w, h = app.window.get_size()
    pygame.event.post(pygame.event.Event(pygame.FINGERDOWN, x=pos[0] / w, y=pos[1] / h,
                                         touch_id=1, finger_id=1, pressure=1.0, dx=0, dy=0))
    app.run(max_frames=app.frames + frames)


def frames(app, n: int) -> None:
    app.run(max_frames=app.frames + n)
