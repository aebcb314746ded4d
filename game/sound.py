"""Sound effects with a mute switch; silent (never failing) when there is no audio device."""
from __future__ import annotations

import pygame

from game.paths import assets_dir

EFFECTS = ("hop", "collect", "right", "wrong", "promotion", "bump", "click")


class Sounds:
    def __init__(self, muted: bool = False) -> None:
        self.muted = muted
        self.available = False
        self._effects: dict[str, pygame.mixer.Sound] = {}
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(22050, -16, 1, 512)
            folder = assets_dir() / "sounds"
            for name in EFFECTS:
                path = folder / f"{name}.wav"
                if path.is_file():
                    self._effects[name] = pygame.mixer.Sound(str(path))
            self.available = True
        except pygame.error:
            self._effects.clear()

    def play(self, name: str) -> None:
        if self.muted:
            return
        effect = self._effects.get(name)
        if effect is not None:
            effect.play()

    def toggle_mute(self) -> bool:
        self.muted = not self.muted
        if self.muted and self.available:
            pygame.mixer.stop()
        return self.muted
