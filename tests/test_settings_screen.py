"""The Settings screen, in the real game stepped headless and driven by real key presses, clicks
and taps: every setting changes, is saved, comes back after a restart and applies at once."""
from __future__ import annotations

import sys
import time

import pygame
import pytest

from helpers import click, frames, key, new_app, tap
from game import i18n
from game.launch import start
from game.rules.tuning import STEP
from game.save import SaveStore
from game.scenes.settings import CHOICES, KEYS_ROW, SettingRow, SettingsScene, stepped
from game.scenes.title import TitleScene
from game.settings import Settings, next_choice
from game.speech import Speech
from game.ui import text, theme
from game.ui.layout.round import NORMAL_ROUND, round_layout

SETTINGS = sorted(CHOICES)


@pytest.fixture(autouse=True)
def english_default_theme():
    """The theme and the game's words are the process's: every test starts and ends with the
    usual ones."""
    theme.apply_theme("default")
    i18n.use("en", {})
    pygame.display.init()
    pygame.event.clear()
    yield
    theme.apply_theme("default")
    i18n.use("en", {})
    pygame.event.clear()


@pytest.fixture
def app(tmp_path):
    a = new_app(tmp_path)
    frames(a, 2)
    yield a
    a.quit()


def open_settings(app) -> SettingsScene:
    """From the title, by the keyboard: Down to the Settings button, then Enter."""
    title = app.scene
    assert isinstance(title, TitleScene)
    target = next(i for i, b in enumerate(title.buttons.buttons) if b.label == "Settings")
    while title.buttons.focus != target:
        key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, SettingsScene)
    return app.scene


def show_by_keys(app, name: str) -> None:
    """Move the focus to setting `name`, turning pages with the arrow button, by the keyboard."""
    scene = app.scene
    for _ in range(30):
        if name in scene.pages[scene.page].keys:
            break
        while scene.focused != "next":
            key(app, pygame.K_DOWN)
        key(app, pygame.K_RETURN)
    while scene.focused != name:
        key(app, pygame.K_DOWN)


def row(app, name: str) -> SettingRow:
    return next(b for b in app.scene.buttons.buttons
                if isinstance(b, SettingRow) and b.words.key == name)


def nav(app, which: str):
    """A button under the rows ("previous", "next", "done") or a scroll arrow."""
    return app.scene.buttons.buttons[app.scene.shown.index(which)]


def show_by_clicks(app, name: str, press=click) -> None:
    scene = app.scene
    for _ in range(30):
        if name in scene.pages[scene.page].keys:
            return
        press(app, nav(app, "next").rect.center)
    raise AssertionError(f"{name} is on no page")


def saved(tmp_path) -> Settings:
    """The settings as they are on disk."""
    return Settings.from_json(SaveStore(tmp_path).load().profile.settings)


# --- every setting, by keys, clicks and taps ----------------------------------------------------

@pytest.mark.parametrize("name", SETTINGS)
def test_each_setting_changes_by_key_presses_and_is_saved_at_once(app, tmp_path, name):
    open_settings(app)
    show_by_keys(app, name)
    before = getattr(app.session.settings, name)
    key(app, pygame.K_RETURN)  # Enter: the next choice, round and round
    after = getattr(app.session.settings, name)
    assert after == next_choice(before, CHOICES[name]) != before
    assert getattr(saved(tmp_path), name) == after
    key(app, pygame.K_LEFT)  # Left and Right: one step, stopping at the ends of sizes, volumes
    assert getattr(app.session.settings, name) == stepped(name, after, -1)
    key(app, pygame.K_RIGHT)
    assert getattr(app.session.settings, name) == stepped(name, stepped(name, after, -1), 1)
    assert getattr(saved(tmp_path), name) == getattr(app.session.settings, name)
    assert app.scene.focused == name  # the focus stays on the setting, even after a new layout


@pytest.mark.parametrize("name", SETTINGS)
def test_each_setting_changes_by_clicks(app, tmp_path, name):
    frames(app, 1)
    settings_button = next(b for b in app.scene.buttons.buttons if b.label == "Settings")
    click(app, settings_button.rect.center)
    assert isinstance(app.scene, SettingsScene)
    show_by_clicks(app, name)
    before = getattr(app.session.settings, name)
    click(app, row(app, name).rect.center)  # the row: the next choice
    after = getattr(app.session.settings, name)
    assert after == next_choice(before, CHOICES[name]) != before
    click(app, row(app, name).less.center)  # the arrow pointing back: the choice before
    assert getattr(app.session.settings, name) == stepped(name, after, -1)
    assert getattr(saved(tmp_path), name) == stepped(name, after, -1)


@pytest.mark.parametrize("name", ["text_scale", "muted", "lang", "assist"])
def test_settings_change_by_taps(app, tmp_path, name):
    app.push(SettingsScene(app))
    show_by_clicks(app, name, press=tap)
    before = getattr(app.session.settings, name)
    tap(app, row(app, name).rect.center)
    assert getattr(saved(tmp_path), name) == next_choice(before, CHOICES[name])


def test_volumes_stop_at_their_ends_with_left_and_right(app):
    open_settings(app)
    show_by_keys(app, "speech_volume")
    assert app.session.settings.speech_volume == 100
    key(app, pygame.K_RIGHT)
    assert app.session.settings.speech_volume == 100
    for _ in range(12):
        key(app, pygame.K_LEFT)
    assert app.session.settings.speech_volume == 0


def test_pages_turn_both_ways_and_done_goes_back(app):
    scene = open_settings(app)
    count = len(scene.pages)
    click(app, nav(app, "previous").rect.center)
    assert scene.page == count - 1  # round to the last page
    click(app, nav(app, "next").rect.center)
    assert scene.page == 0
    click(app, nav(app, "done").rect.center)
    assert isinstance(app.scene, TitleScene)


def test_every_setting_is_on_a_page_once_at_every_text_size(app):
    scene = open_settings(app)
    every = sorted([*CHOICES, KEYS_ROW])
    for scale in (1.0, 1.25, 1.5, 2.0):
        app.change_settings(text_scale=scale)
        assert sorted(k for p in scene.pages for k in p.keys) == every
        assert len(scene.pages) == 2  # whole sections; a long one scrolls at large text


def test_the_keys_row_opens_the_keys_screen_and_comes_back(app):
    from game.scenes.keys import KeysScene
    open_settings(app)
    show_by_keys(app, KEYS_ROW)
    key(app, pygame.K_LEFT)  # the row's arrow points on, to the Keys screen
    assert isinstance(app.scene, SettingsScene) and app.scene.focused == KEYS_ROW
    key(app, pygame.K_RIGHT)
    assert isinstance(app.scene, KeysScene)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, SettingsScene) and app.scene.focused == KEYS_ROW
    click(app, row(app, KEYS_ROW).rect.center)
    assert isinstance(app.scene, KeysScene)


def test_one_switch_play_reaches_and_changes_a_setting_with_space_alone(app, tmp_path):
    from game.rules.scanning import STEP_SECONDS
    app.change_settings(one_switch=True)
    scene = open_settings(app)
    assert scene.focused == "text_scale"
    frames(app, round(STEP_SECONDS / STEP) + 2)  # the highlight moves on by itself
    assert scene.focused == "theme"
    key(app, pygame.K_SPACE)  # the switch presses what is highlighted
    assert saved(tmp_path).theme == "high-contrast"
    for _ in range(len(scene.pages[scene.page].keys)):
        frames(app, round(STEP_SECONDS / STEP) + 1)
        if scene.focused == "next":
            break
    key(app, pygame.K_SPACE)  # turns the page
    assert scene.page == 1


def pad(app, button: int) -> None:
    """A gamepad's button, as SDL's game-controller API reports it."""
    pygame.event.post(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=0,
                                         button=button))
    frames(app, 1)


def test_a_gamepad_moves_changes_and_goes_back(app, tmp_path):
    open_settings(app)
    pad(app, pygame.CONTROLLER_BUTTON_DPAD_DOWN)
    assert app.scene.focused == "theme"
    pad(app, pygame.CONTROLLER_BUTTON_DPAD_RIGHT)
    assert saved(tmp_path).theme == "high-contrast"
    pad(app, pygame.CONTROLLER_BUTTON_A)  # A presses: the next choice
    assert saved(tmp_path).theme == "default"
    pad(app, pygame.CONTROLLER_BUTTON_B)
    assert isinstance(app.scene, TitleScene)


def test_escape_goes_back_to_the_title(app):
    open_settings(app)
    key(app, pygame.K_ESCAPE)
    assert isinstance(app.scene, TitleScene)


# --- saved, and back after a restart ------------------------------------------------------------

def test_settings_chosen_on_the_screen_survive_a_restart(tmp_path):
    app = new_app(tmp_path)
    frames(app, 2)
    open_settings(app)
    for name, presses in (("text_scale", 1), ("theme", 1), ("effects_volume", 2),
                          ("one_switch", 1), ("reduced_motion", 1), ("lang", 1)):
        show_by_keys(app, name)
        for _ in range(presses):
            key(app, pygame.K_LEFT if name == "effects_volume" else pygame.K_RETURN)
    chosen = app.session.settings
    app.quit()
    theme.apply_theme("default")
    i18n.use("en", {})

    again = start(str(tmp_path), fast=True)
    try:
        assert again.session.settings == chosen
        assert (chosen.text_scale, chosen.theme, chosen.effects_volume, chosen.lang) == \
            (1.25, "high-contrast", 60, "cy")
        assert chosen.one_switch and chosen.reduced_motion
        assert theme.current_theme == "high-contrast" and i18n.language() == "cy"
        assert again.session.bank.language.code == "cy"
        assert again.sounds.effects_level == pytest.approx(0.6)
    finally:
        again.quit()


# --- applied at once ----------------------------------------------------------------------------

def test_volumes_and_mute_apply_to_the_mixer_at_once(app):
    open_settings(app)
    show_by_keys(app, "effects_volume")
    key(app, pygame.K_LEFT)
    assert app.sounds.effects_level == pytest.approx(0.7)
    for effect in app.sounds.effects.values():
        assert effect.get_volume() == pytest.approx(0.7, abs=0.01)
    show_by_keys(app, "music_volume")
    key(app, pygame.K_RIGHT)
    assert app.sounds.music_level == pytest.approx(0.6)
    assert pygame.mixer.music.get_volume() == pytest.approx(0.6, abs=0.01)
    show_by_keys(app, "speech_volume")
    key(app, pygame.K_LEFT)
    if app.speech.available:
        assert pygame.mixer.Channel(0).get_volume() == pytest.approx(0.9, abs=0.01)
    show_by_keys(app, "muted")
    key(app, pygame.K_RETURN)
    assert app.sounds.muted and app.sounds.effects_level == 0.0
    assert pygame.mixer.music.get_volume() == 0.0
    assert any(b.label == "Muted" for b in app._corner)  # the corner button says so at once


def test_the_m_key_mutes_through_the_settings_and_the_screen_shows_it(app, tmp_path):
    open_settings(app)
    show_by_keys(app, "muted")
    key(app, pygame.K_m)
    assert app.session.settings.muted and saved(tmp_path).muted
    assert row(app, "muted").words.value == "Off"
    key(app, pygame.K_m)
    assert not saved(tmp_path).muted and row(app, "muted").words.value == "On"


def test_high_contrast_applies_at_once_here_and_on_the_title(app):
    open_settings(app)
    show_by_keys(app, "theme")
    key(app, pygame.K_RIGHT)
    assert theme.current_theme == "high-contrast"
    assert theme.INK == (255, 255, 255)  # the module's colours are the theme's now
    frames(app, 1)
    focused = row(app, "theme").rect
    assert app.canvas.get_at((focused.x + 20, focused.bottom - 10))[:3] == theme.BUTTON
    key(app, pygame.K_ESCAPE)
    frames(app, 1)
    title = app.scene
    notebook = next(b for i, b in enumerate(title.buttons.buttons)
                    if b.label == "Safety Notebook" and i != title.buttons.focus)
    assert app.canvas.get_at((notebook.rect.x + 10, notebook.rect.centery))[:3] == theme.BUTTON


def test_the_language_changes_the_bank_and_the_games_words_at_once(app):
    english_title = app.session.bank.messages[0].title
    open_settings(app)
    show_by_keys(app, "lang")
    key(app, pygame.K_RIGHT)
    assert i18n.language() == "cy" and app.session.bank.language.code == "cy"
    assert app.session.bank.messages[0].title != english_title
    assert row(app, "lang").words.value == "Cymraeg"  # each language's name in its own words
    assert row(app, "lang").label == i18n.t("Language") == "Iaith"  # this screen is in Welsh
    key(app, pygame.K_ESCAPE)
    labels = [b.label for b in app.scene.buttons.buttons]  # the title in the game's new words
    assert i18n.t("Play") in labels and i18n.t("Settings") in labels
    play = next(b for b in app.scene.buttons.buttons if b.label == i18n.t("Play"))
    click(app, play.rect.center)  # the title still works
    assert type(app.scene).__name__ == "AgeScene"


def test_a_round_started_after_choosing_200_percent_has_the_bigger_layout(app):
    open_settings(app)
    show_by_keys(app, "text_scale")
    for _ in range(3):
        key(app, pygame.K_RIGHT)
    assert app.session.settings.text_scale == 2.0
    key(app, pygame.K_ESCAPE)
    play = next(b for b in app.scene.buttons.buttons if b.label == "Play")
    click(app, play.rect.center)
    key(app, pygame.K_1)
    assert app.scene.geo == round_layout(2.0)
    assert app.scene.geo.banner_h > NORMAL_ROUND.banner_h


# --- read aloud ---------------------------------------------------------------------------------

def until(app, condition, seconds: float = 15.0) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        frames(app, 1)
        time.sleep(0.002)


def test_read_aloud_without_pyttsx3_is_shown_unavailable_with_the_reason(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyttsx3", None)  # the import fails, as when not installed
    app = new_app(tmp_path)
    try:
        frames(app, 2)
        open_settings(app)
        show_by_keys(app, "read_aloud")
        shown = row(app, "read_aloud")
        assert shown.unavailable and shown.words.value == "Not available"
        reason = app.speech.reason
        assert "grown-up" in reason and "instructions say how" in reason  # plain words: no package named
        assert "pyttsx3" not in reason and "pip" not in reason
        assert " ".join(shown.words.explain.lines) == reason
        key(app, pygame.K_RETURN)
        assert not app.session.settings.read_aloud  # nothing to turn on
        assert app._toast and app._toast[0] == reason
        assert not text.truncated
    finally:
        app.quit()


def test_a_voice_that_turns_out_missing_is_shown_unavailable_once_warmed_up(app, tmp_path):
    fake = tmp_path / "fake" / "pyttsx3"
    fake.mkdir(parents=True)
    (fake / "__init__.py").write_text(
        "def init(*args, **kwargs):\n"
        "    raise RuntimeError('This means you probably do not have eSpeak installed!')\n")
    app.speech.close()
    app.speech = Speech(search_path=[str(fake.parent)])
    open_settings(app)
    show_by_keys(app, "read_aloud")  # showing the row starts the voice, which fails
    until(app, lambda: row(app, "read_aloud").unavailable)
    assert "voice" in app.speech.reason
    assert " ".join(row(app, "read_aloud").words.explain.lines) == app.speech.reason
    assert app.scene.focused == "read_aloud"


def test_turning_read_aloud_on_says_so(app):
    if not app.speech.available:
        pytest.fail("pyttsx3 is one of the game's dependencies: install the game again")
    open_settings(app)
    show_by_keys(app, "read_aloud")
    key(app, pygame.K_RETURN)
    assert app.session.settings.read_aloud
    assert app.speech.saying == "Read aloud is on."
    key(app, pygame.K_UP)  # moving on reads the setting in focus
    assert app.speech.saying.startswith("Reading voice: 100%")
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RETURN)  # off: nothing more is said
    assert not app.session.settings.read_aloud and app.speech.saying == ""


# --- nothing cut off or overlapping -------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("scale", [1.0, 1.25, 1.5, 2.0])
def test_every_page_fits_at_every_text_size(tmp_path, scale, lang):
    from screen_check import tracking
    with tracking() as tracker:
        app = start(str(tmp_path), fast=True, settings={"text_scale": scale, "lang": lang})
        try:
            app.push(SettingsScene(app))
            scene = app.scene
            corner = [b.rect for b in app._corner]
            for page in range(len(scene.pages)):
                for name in scene.pages[page].keys:  # the list scrolled to each setting
                    scene.focus_key = name
                    scene._build()
                    assert scene.focused == name
                    assert tracker.screen_problems(app) == [], (scale, lang, page, name)
                    rects = [b.rect for b in scene.buttons.buttons]
                    for i, r in enumerate(rects):
                        assert pygame.Rect(0, 0, 1280, 720).contains(r)
                        assert r.collidelist(rects[i + 1:] + corner) == -1
        finally:
            app.quit()


# --- two pages, two columns, a list that scrolls ------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "cy"])
def test_at_100_percent_the_settings_take_two_pages_in_two_columns(tmp_path, lang):
    app = start(str(tmp_path), fast=True, settings={"lang": lang})
    try:
        app.push(SettingsScene(app))
        scene = app.scene
        assert len(scene.pages) <= 2 and scene.columns == 2
        for page in range(len(scene.pages)):
            scene.turn(1) if page else None
            rows = [b for b in scene.buttons.buttons if isinstance(b, SettingRow)]
            assert sorted(r.words.key for r in rows) == sorted(scene.pages[scene.page].keys)
            assert len({r.rect.x for r in rows}) == 2  # side by side: the room is used
            assert min(r.rect.x for r in rows) >= 40  # a margin, not 8 pixels
            assert not any(k in scene.shown for k in ("scroll_up", "scroll_down"))
    finally:
        app.quit()


def test_at_200_percent_a_long_section_scrolls_with_a_scroll_bar_to_every_setting(tmp_path):
    app = start(str(tmp_path), fast=True, settings={"text_scale": 2.0, "lang": "cy"})
    try:
        frames(app, 1)
        app.push(SettingsScene(app))
        scene = app.scene
        assert scene.columns == 1 and "scroll_down" in scene.shown
        assert not nav(app, "scroll_up").enabled  # at the top: nothing above
        seen = set()
        for _ in scene.pages[0].keys:  # Down alone reaches every setting: the list follows
            seen.add(scene.focused)
            assert row(app, scene.focused).rect.bottom <= nav(app, "next").rect.top
            key(app, pygame.K_DOWN)
        assert seen == set(scene.pages[0].keys) and scene.focused == "previous"
        assert nav(app, "scroll_up").enabled and not nav(app, "scroll_down").enabled
        shown = [b.words.key for b in scene.buttons.buttons if isinstance(b, SettingRow)]
        click(app, nav(app, "scroll_up").rect.center)  # the arrow: the list moves back
        again = [b.words.key for b in scene.buttons.buttons if isinstance(b, SettingRow)]
        assert again != shown and scene.focused == "scroll_up"
        while nav(app, "scroll_up").enabled:
            click(app, nav(app, "scroll_up").rect.center)
        first = next(b for b in scene.buttons.buttons if isinstance(b, SettingRow))
        assert first.words.key == "text_scale"
        click(app, first.rect.center)  # a tap on a row scrolled back into view changes it
        assert app.session.settings.text_scale == 1.0
    finally:
        app.quit()


def test_one_switch_scanning_reaches_a_setting_scrolled_out_of_view(tmp_path):
    from game.rules.scanning import STEP_SECONDS
    app = start(str(tmp_path), fast=True, settings={"text_scale": 2.0, "one_switch": True})
    try:
        frames(app, 1)
        app.push(SettingsScene(app))
        scene = app.scene
        for _ in range(len(scene.pages[0].keys) + 2):
            if scene.focused == "read_aloud":
                break
            frames(app, round(STEP_SECONDS / STEP) + 1)
        assert scene.focused == "read_aloud"  # the last of the page, shown by scrolling
        assert "text_scale" not in scene.shown
        key(app, pygame.K_SPACE)
        assert app.session.settings.read_aloud or not app.speech.available
    finally:
        app.quit()
