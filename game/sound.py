"""Sound effects and background music, each with its own volume, and a mute switch for both.

Silent, never failing, when there is no audio device or a sound file is missing. The music
streams from its file (pygame.mixer.music) and starts only when the first screen asks for it,
so it costs the game's start nothing.
"""
from __future__ import annotations

from pathlib import Path

import pygame

from game.paths import assets_dir
from game.settings import Settings

EFFECTS = ("hop", "collect", "right", "wrong", "promotion", "bump", "click")
MUSIC_FILE = "music.ogg"
QUIET = 0.3  # the music's share of its volume on a "quiet" screen (one to read or listen on)


class Sounds:
    def __init__(self, settings: Settings | None = None, *, folder: Path | None = None) -> None:
        self.settings = settings or Settings()
        self.available = False
        self.music_mode = "off"  # what the screen on top asks for: on, quiet or off
        self.effects: dict[str, pygame.mixer.Sound] = {}
        folder = folder or assets_dir() / "sounds"
        self._music: Path | None = folder / MUSIC_FILE
        self._music_loaded = False
        try:
            if not pygame.mixer.get_init():
                pygame.mixer.init(22050, -16, 1, 512)
            for name in EFFECTS:
                path = folder / f"{name}.wav"
                if path.is_file():
                    self.effects[name] = pygame.mixer.Sound(str(path))
            self.available = True
        except pygame.error:
            self.effects.clear()
        self.apply(self.settings)

    @property
    def muted(self) -> bool:
        return self.settings.muted

    @property
    def effects_level(self) -> float:
        """The effects' mixer volume, 0.0 to 1.0."""
        return 0.0 if self.muted else self.settings.effects_volume / 100

    @property
    def music_level(self) -> float:
        """The music's mixer volume now, 0.0 to 1.0, for the screen on top."""
        if self.muted or self.music_mode == "off":
            return 0.0
        share = QUIET if self.music_mode == "quiet" else 1.0
        return self.settings.music_volume / 100 * share

    def apply(self, settings: Settings) -> None:
        """Use these volumes and this mute at once (the Settings screen calls this)."""
        self.settings = settings
        if not self.available:
            return
        for effect in self.effects.values():
            effect.set_volume(self.effects_level)
        if self.muted:
            pygame.mixer.stop()
        self._update_music()

    def play(self, name: str) -> None:
        if self.muted:
            return
        effect = self.effects.get(name)
        if effect is not None:
            effect.play()

    def toggle_mute(self) -> bool:
        self.apply(self.settings.with_(muted=not self.muted))
        return self.muted

    def play_music(self, mode: str) -> None:
        """The screen on top wants the music `mode` ("on", "quiet" or "off"); cheap to repeat."""
        if mode != self.music_mode:
            self.music_mode = mode
            self._update_music()

    def _update_music(self) -> None:
        """Silence is the tune stopped, and it starts again from the top. Never pause() and
        unpause(): pygame holds the GIL in them while it waits for the audio thread, which may
        be waiting for the GIL to end an effect: the game would freeze."""
        if not self.available or self._music is None:
            return
        level = self.music_level
        pygame.mixer.music.set_volume(level)
        if level == 0.0:
            pygame.mixer.music.stop()
            return
        if self._music_loaded and pygame.mixer.music.get_busy():
            return
        try:
            if not self._music_loaded:
                pygame.mixer.music.load(str(self._music))
                self._music_loaded = True
            pygame.mixer.music.play(loops=-1)
        except (pygame.error, OSError):
            self._music = None  # missing or unreadable: play on without music
