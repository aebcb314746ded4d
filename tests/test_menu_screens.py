"""The menu screens' smaller fixes of issue 15, each checked so it cannot come back: the Keys
screen's title and pager like every other screen's and its key names in Welsh; the tagline's
word spaces; one H badge on the title; a toast that covers no button or card; the results' five
buttons in one height and plain words; the promotion's button; Scout at 200%."""
from __future__ import annotations

import pygame
import pytest

from helpers import click, frames, key
from game import i18n
from game.launch import start
from game.rules.progress import RoundSummary, apply_round
from game.scenes.keys import KeysScene, key_words
from game.scenes.results import ResultsScene, bumped_words, now_rank_words
from game.scenes.settings import SettingsScene
from game.scenes.title import TAGLINE_PAD, TitleScene, tagline_card
from game.ui import text, theme
from game.ui.layout.base import Box, label_width
from game.ui.widgets import ArrowButton


@pytest.fixture(autouse=True)
def english_default_theme():
    theme.apply_theme("default")
    i18n.use("en", {})
    yield
    theme.apply_theme("default")
    i18n.use("en", {})


def started(tmp_path, lang="en", scale=1.0, **settings):
    app = start(str(tmp_path / "data"), fast=True, seed=7,
                settings={"lang": lang, "text_scale": scale, **settings})
    frames(app, 1)
    return app


def promoted_results(app) -> ResultsScene:
    profile, ranks = app.session.profile, app.session.bank.ranks
    profile.total_points = ranks[1].points - 10
    outcome = apply_round(profile, 60, ranks)
    assert outcome.promoted
    app.push(ResultsScene(app, RoundSummary(60, 1, 3, 1, 1, outcome, "")))
    frames(app, 1)
    return app.scene


# --- the Keys screen ----------------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_keys_screen_has_a_titles_size_and_arrows_to_turn_its_pages(tmp_path, lang):
    app = started(tmp_path, lang, 2.0)
    try:
        app.push(KeysScene(app))
        keys = app.scene
        app.pop()
        app.push(SettingsScene(app))
        settings = app.scene
        assert keys.pages > 1
        from game.scenes.keys import Sizes as KeySizes
        from game.scenes.settings import Sizes as SettingSizes
        paged = theme.TEXT_HUGE - 8  # the paged screens' title (game.ui.layout.base.paged_frame)
        assert KeySizes.at(2.0).head == SettingSizes.at(2.0).head == paged
        assert KeySizes.at(1.0).head == paged
        arrows = [b for b in keys.buttons.buttons if isinstance(b, ArrowButton)]
        assert len(arrows) == 2 and keys.shown[-3:] == ["previous", "next", "back"]
        labels = [b.label for b in keys.buttons.buttons]
        assert not {i18n.t("Earlier"), i18n.t("More")} & set(labels)
    finally:
        app.quit()


def test_key_names_are_in_welsh_in_welsh(tmp_path):
    app = started(tmp_path, "cy")
    try:
        assert key_words(pygame.K_SPACE) == "Bylchwr"
        assert key_words(pygame.K_UP) == "Saeth i fyny"
    finally:
        app.quit()


# --- the title ----------------------------------------------------------------------------------

def test_the_taglines_word_spaces_stay_open():
    pygame.font.init()
    words = "Hop, dash and learn to stay safe online!"
    fitted = Box(1180, 200, (theme.TEXT_BODY,), bold=True).fit(words)
    card = tagline_card(fitted)
    line = fitted.lines[0]
    left = (card.get_width() - label_width(line, fitted.size, True)) // 2
    top, bottom = 3 + fitted.size // 4, 3 + text.line_height(fitted.size, True) - fitted.size // 4
    spoken = line.split(" ")
    for i in range(1, len(spoken)):
        before = label_width(" ".join(spoken[:i]), fitted.size, True)
        after = label_width(" ".join(spoken[:i]) + " ", fitted.size, True)
        x = left + (before + after) // 2
        column = {card.get_at((x, y))[:3] for y in range(top, bottom)}
        assert column == {theme.PAPER}, f"the space after {spoken[i - 1]!r} is filled in"
    assert left >= TAGLINE_PAD - 1


def test_only_one_button_shows_the_h_badge_on_the_title(tmp_path):
    app = started(tmp_path)
    try:
        hints = [b.key_hint for b in app.scene.buttons.buttons + app._corner]
        assert hints.count("H") == 1
    finally:
        app.quit()


def test_a_toast_on_the_title_covers_no_button_card_or_scout(tmp_path):
    app = started(tmp_path)
    try:
        app.session.profile.rounds_played, app.session.profile.total_points = 1, 500
        app.scene.on_enter()
        title = app.scene
        assert any(r for r in title.cards)  # the rank card, Scout, the bubble, the tagline
        app.toast("Sound off (press M to turn it on)")
        frames(app, 1)
        box = app._toast_box[1].get_rect(topleft=app._toast_box[2])
        covered = box.collidelist(title.keep_clear() + [b.rect for b in app._corner])
        assert covered == -1, (box, (title.keep_clear() + [b.rect for b in app._corner])[covered])
    finally:
        app.quit()


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_scout_stays_on_the_title_at_200_percent(tmp_path, lang):
    app = started(tmp_path, lang, 2.0)
    try:
        title = app.scene
        assert isinstance(title, TitleScene) and title.dog is not None
        dog = title.dog.get_rect(topleft=title.dog_at)
        assert dog.collidelist([b.rect for b in title.buttons.buttons + app._corner]) == -1
    finally:
        app.quit()


# --- results and the promotion ------------------------------------------------------------------

@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_results_five_buttons_are_one_height(tmp_path, lang, scale):
    app = started(tmp_path, lang, scale)
    try:
        results = promoted_results(app)
        results.celebrating = False
        heights = {b.rect.h for b in results.buttons.buttons + app._corner}
        assert len(results.buttons.buttons) == 3 and len(heights) == 1
    finally:
        app.quit()


def test_the_results_say_what_was_bumped_into_in_plain_words(tmp_path):
    assert bumped_words(1) == "Bumped into: 1 hedge"
    assert bumped_words(3) == "Bumped into: 3 hedges"
    app = started(tmp_path)
    try:
        words = promoted_results(app)._words()
        assert "Bumped into: 1 hedge" in words.lines
        assert not any("Bumps" in line for line in words.lines)
    finally:
        app.quit()


def test_the_new_rank_reads_with_its_article():
    assert now_rank_words("Police Constable") == "You are now a Police Constable"
    assert now_rank_words("Inspector") == "You are now an Inspector"


@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_promotion_goes_on_by_a_real_button_and_keeps_scout(tmp_path, lang, scale):
    from screen_check import tracking
    with tracking() as tracker:
        app = started(tmp_path, lang, scale)
        results = promoted_results(app)
        assert results.celebrating
        (button,) = results.go_on.buttons
        assert button.label == i18n.t("See your results") and button.key_hint == "Enter"
        assert button.rect.collidelist([b.rect for b in app._corner]) == -1
        assert pygame.Rect(0, 0, 1280, 720).contains(button.rect)
        assert tracker.screen_problems(app) == []
    try:
        placed_dog = results.promotion is not None and results.orbit != (0, 0, 0, 0)
        assert placed_dog
        from game.scenes.common import corner_of
        from game.ui.layout.results import promotion_layout
        rank = results.summary.outcome.rank
        placed = promotion_layout(i18n.t("Promoted!"), now_rank_words(rank.title), rank.badge,
                                  i18n.t("See your results"), scale, corner_of(scale))
        assert placed.dog is not None  # Scout stays, at 200% too
        card = pygame.Rect(placed.card)
        assert card.bottom <= button.rect.top and not card.colliderect(pygame.Rect(placed.dog))
        click(app, button.rect.center)
        assert not results.celebrating
        key(app, pygame.K_ESCAPE)
    finally:
        app.quit()


@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_the_notices_ok_button_is_as_tall_as_help_and_sound(tmp_path, scale):
    from game.scenes.notice import NoticeScene
    app = started(tmp_path, "cy", scale)
    try:
        app.push(NoticeScene(app, "Dy ysgol di sydd wedi dewis y gosodiadau."))
        (ok,) = app.scene.buttons.buttons
        assert {ok.rect.h} == {b.rect.h for b in app._corner}
        assert ok.rect.collidelist([b.rect for b in app._corner]) == -1
    finally:
        app.quit()


def test_a_notice_come_since_is_told_alone_not_with_the_ones_already_told(tmp_path):
    from game.scenes.notice import NoticeScene
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "profile.json").write_text("{not json")
    app = started(tmp_path, "en", 2.0)
    try:
        first = app.scene
        assert isinstance(first, NoticeScene)
        told = first.notices
        app.session.notices.append("Some words are shown in English.")
        key(app, pygame.K_RETURN)
        assert isinstance(app.scene, NoticeScene)
        assert app.scene.notices == "Some words are shown in English." != told
        key(app, pygame.K_RETURN)
        assert isinstance(app.scene, TitleScene)
    finally:
        app.quit()


# --- Scout's vest speaks the language -------------------------------------------------------------

def test_scout_on_the_title_wears_the_word_of_the_language_in_use(tmp_path):
    from game.art.dog import dog_portrait
    app = started(tmp_path, "cy")
    title = app.scene
    assert isinstance(title, TitleScene) and title.dog is not None
    size = title.dog.get_width()
    assert title.dog is dog_portrait(size, "HEDDLU")  # built once: the same picture
    assert title.dog is not dog_portrait(size, "POLICE")


def test_every_screen_draws_scout_sitting_through_the_language_aware_portrait():
    """A screen that called the art's dog_portrait itself would show POLICE in Welsh (the
    promotion, the classroom's scores and the chat's Scout once did)."""
    from pathlib import Path
    scenes = Path(__file__).resolve().parent.parent / "game" / "scenes"
    callers = [str(p.relative_to(scenes)) for p in scenes.rglob("*.py")
               if "dog_portrait(" in p.read_text(encoding="utf-8") and p.name != "common.py"]
    assert callers == []


# --- the pointer ----------------------------------------------------------------------------------

def _move_pointer(app, pos) -> None:
    pygame.event.post(pygame.event.Event(pygame.MOUSEMOTION, pos=pos, rel=(0, 0), buttons=(0, 0, 0),
                                         touch=False))
    frames(app, 1)


def test_a_pointer_resting_on_a_button_when_the_window_opens_does_not_take_the_focus(tmp_path):
    """Welsh at 200%: the middle of the screen is the Classroom button. SDL reports where the
    pointer rests as a move; Enter must still press Play, the button the focus starts on."""
    app = started(tmp_path, "cy", 2.0)
    title = app.scene
    play = title.buttons.buttons[title.buttons.focus]
    centre = (640, 360)
    other = title.buttons.at(centre)
    assert other >= 0 and title.buttons.buttons[other] is not play
    _move_pointer(app, centre)  # the window opens under the pointer
    assert title.buttons.buttons[title.buttons.focus] is play
    _move_pointer(app, (centre[0] + 5, centre[1]))  # the child moves the mouse
    assert title.buttons.focus == title.buttons.at((centre[0] + 5, centre[1]))
