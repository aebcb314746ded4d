"""Effects and music: separate volumes reach the mixer at once, mute silences both, the tune is
real, and the game plays on silently without a mixer or a music file."""
from __future__ import annotations

import math
from array import array

import pygame
import pytest

from helpers import frames, key, new_app
from game import sound
from game.paths import assets_dir
from game.scenes.message import MessageScene
from game.scenes.results import ResultsScene
from game.scenes.round import RoundScene
from game.settings import Settings
from game.sound import Sounds

STEP = 1 / 128  # SDL_mixer keeps volumes in 128 steps
MUSIC = assets_dir() / "sounds" / "music.ogg"


@pytest.fixture(autouse=True)
def quiet_mixer():
    yield
    if pygame.mixer.get_init():
        pygame.mixer.music.unload()
        pygame.mixer.stop()


def assert_effects_at(sounds: Sounds, level: float) -> None:
    volumes = [effect.get_volume() for effect in sounds.effects.values()]
    assert volumes == pytest.approx([level] * len(sound.EFFECTS), abs=STEP)


def test_volumes_reach_the_mixer_and_change_at_once():
    sounds = Sounds(Settings(effects_volume=30, music_volume=60))
    assert set(sounds.effects) == set(sound.EFFECTS)
    sounds.play_music("on")
    assert pygame.mixer.music.get_busy()
    assert pygame.mixer.music.get_volume() == pytest.approx(0.6, abs=STEP)
    assert_effects_at(sounds, 0.3)

    sounds.apply(Settings(effects_volume=100, music_volume=20))
    assert pygame.mixer.music.get_volume() == pytest.approx(0.2, abs=STEP)
    assert_effects_at(sounds, 1.0)
    sounds.apply(Settings(effects_volume=0, music_volume=0))
    assert pygame.mixer.music.get_volume() == 0 and not pygame.mixer.music.get_busy()
    assert_effects_at(sounds, 0.0)
    sounds.apply(Settings(music_volume=40))
    assert pygame.mixer.music.get_busy()  # the paused tune comes back
    assert pygame.mixer.music.get_volume() == pytest.approx(0.4, abs=STEP)


def test_mute_silences_both_and_unmute_restores_the_chosen_volumes():
    sounds = Sounds(Settings(effects_volume=70, music_volume=30))
    sounds.play_music("on")
    sounds.play("promotion")
    assert pygame.mixer.get_busy()

    assert sounds.toggle_mute() is True
    assert not pygame.mixer.get_busy()  # the effect playing was stopped
    assert pygame.mixer.music.get_volume() == 0 and not pygame.mixer.music.get_busy()
    assert_effects_at(sounds, 0.0)
    sounds.play("promotion")
    assert not pygame.mixer.get_busy()

    assert sounds.toggle_mute() is False
    assert pygame.mixer.music.get_busy()
    assert pygame.mixer.music.get_volume() == pytest.approx(0.3, abs=STEP)
    assert_effects_at(sounds, 0.7)
    sounds.play("promotion")
    assert pygame.mixer.get_busy()


def test_a_quiet_screen_lowers_the_music_and_off_pauses_it():
    sounds = Sounds(Settings(music_volume=100))
    sounds.play_music("quiet")
    assert pygame.mixer.music.get_volume() == pytest.approx(sound.QUIET, abs=STEP)
    sounds.play_music("off")
    assert not pygame.mixer.music.get_busy()
    sounds.play_music("on")
    assert pygame.mixer.music.get_busy()
    assert pygame.mixer.music.get_volume() == 1.0


def test_the_tune_decodes_loops_smoothly_and_is_never_silent():
    assert MUSIC.is_file() and MUSIC.stat().st_size < 300_000
    Sounds()  # opens the mixer as the game does: 16-bit mono
    assert pygame.mixer.get_init()[1:] == (-16, 1)
    rate = pygame.mixer.get_init()[0]
    tune = pygame.mixer.Sound(str(MUSIC))
    assert tune.get_length() == pytest.approx(32.0, abs=0.05)
    samples = array("h", tune.get_raw())
    assert max(map(abs, samples)) > 0.3 * 32767
    second = rate
    for start in range(0, len(samples) - second, second):  # no silent second anywhere
        window = samples[start:start + second]
        assert math.sqrt(sum(s * s for s in window) / second) > 0.03 * 32767, start / rate
    steepest = max(abs(a - b) for a, b in zip(samples[:second], samples[1:second + 1]))
    assert abs(samples[-1] - samples[0]) <= 2 * steepest  # no click where the loop joins


@pytest.mark.parametrize("content", [None, b"not an ogg file"])
def test_a_missing_or_broken_music_file_plays_on_without_music(tmp_path, content):
    if content is not None:
        (tmp_path / sound.MUSIC_FILE).write_bytes(content)
    sounds = Sounds(folder=tmp_path)
    sounds.play_music("on")
    sounds.play("hop")
    sounds.apply(Settings(music_volume=80))
    assert sounds.toggle_mute() is True
    assert not pygame.mixer.music.get_busy()


def test_the_app_starts_music_after_the_first_frame_and_quiets_it_for_a_message(tmp_path):
    app = new_app(tmp_path)
    assert not pygame.mixer.music.get_busy()  # nothing loaded before the first frame
    frames(app, 1)
    assert pygame.mixer.music.get_busy()
    assert pygame.mixer.music.get_volume() == pytest.approx(0.5, abs=STEP)
    app.push(MessageScene(app, app.session.bank.messages[0]))
    frames(app, 1)
    assert pygame.mixer.music.get_volume() == pytest.approx(0.5 * sound.QUIET, abs=STEP)
    key(app, pygame.K_ESCAPE)
    assert pygame.mixer.music.get_volume() == pytest.approx(0.5, abs=STEP)
    key(app, pygame.K_m)
    assert pygame.mixer.music.get_volume() == 0 and not pygame.mixer.music.get_busy()


def test_the_saved_volumes_are_used_from_the_start(tmp_path):
    new_app(tmp_path).session.change_settings(effects_volume=40, music_volume=20)
    app = new_app(tmp_path)
    frames(app, 1)
    assert pygame.mixer.music.get_volume() == pytest.approx(0.2, abs=STEP)
    assert_effects_at(app.sounds, 0.4)


def play_a_round(app) -> None:
    """Title, age, a round with a hop, its message, results, pressing M on the way."""
    frames(app, 2)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_1)
    assert isinstance(app.scene, RoundScene)
    key(app, pygame.K_SPACE, frames=10)
    key(app, pygame.K_m)
    key(app, pygame.K_m)
    app.scene.round.distance = app.scene.round.course.length - 1
    frames(app, 2)
    assert isinstance(app.scene, MessageScene)
    frames(app, int(app.scene.wait * 60) + 2)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, ResultsScene) and app.running


def test_the_game_plays_on_silently_when_the_mixer_cannot_start(tmp_path, monkeypatch):
    pygame.mixer.quit()

    def no_device(*args, **kwargs):
        raise pygame.error("No available audio device")

    monkeypatch.setattr(pygame.mixer, "init", no_device)
    app = new_app(tmp_path)
    assert not app.sounds.available
    play_a_round(app)
    assert not pygame.mixer.get_init()


def test_the_game_plays_on_silently_without_its_music_file(tmp_path, monkeypatch):
    monkeypatch.setattr(sound, "MUSIC_FILE", "missing.ogg")
    app = new_app(tmp_path)
    play_a_round(app)
    assert app.sounds.available and not pygame.mixer.music.get_busy()
