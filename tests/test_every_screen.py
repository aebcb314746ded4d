"""Every screen at every text size in every language: nothing cut off, nothing overlapping.

The check itself is tests/screen_check.py; the first tests here prove it fails when it should.
"""
from __future__ import annotations

import pygame
import pytest

from screen_check import tracking
from game import i18n
from game.commands.screenshots import classroom_screens, player_screens
from game.launch import start
from game.scenes.common import corner_of
from game.settings import LANGUAGES, TEXT_SCALES
from game.ui import text, theme


def _canvas() -> pygame.Surface:
    canvas = pygame.Surface((1280, 720))
    canvas.fill((0, 0, 0))
    return canvas


def _problems(draw) -> list[str]:
    pygame.display.init()
    pygame.font.init()
    if pygame.display.get_surface() is None:
        pygame.display.set_mode((1280, 720))
    with tracking() as tracker:
        draw(_canvas())  # made inside the block: a tracked surface
        return tracker.collect()


def test_the_check_finds_two_texts_drawn_over_each_other():
    def draw(canvas):
        canvas.blit(text.render("Where to get help", 30, theme.WHITE), (100, 100))
        canvas.blit(text.render("Safety Notebook", 30, theme.WHITE), (140, 104))
    assert any("overlap" in p and "Safety Notebook" in p for p in _problems(draw))


def test_the_check_finds_a_text_off_the_screen():
    def draw(canvas):
        canvas.blit(text.render("Where to get help", 30, theme.WHITE), (1200, 300))
    assert any("cut off" in p and "Where to get help" in p for p in _problems(draw))


def test_the_check_finds_a_label_wider_than_its_button():
    def draw(canvas):
        button = pygame.Surface((80, 40))
        button.blit(text.render("Safety Notebook", 30, theme.WHITE), (4, 4))
        canvas.blit(button, (600, 300))
    assert any("cut off" in p and "Safety Notebook" in p for p in _problems(draw))


def test_the_check_finds_a_text_partly_hidden_under_a_card():
    def draw(canvas):
        canvas.blit(text.render("Where to get help", 30, theme.WHITE), (100, 100))
        card = pygame.Surface((200, 200))
        canvas.blit(card, (180, 60))
    assert any("partly hidden" in p for p in _problems(draw))


def test_the_check_finds_a_text_cut_short():
    def draw(canvas):
        canvas.blit(text.block("A long sentence that cannot fit a tiny box at all", 60, 20,
                               theme.WHITE, (20,)), (10, 10))
    assert any("cut short" in p for p in _problems(draw))


def test_the_check_accepts_a_card_over_a_text_and_an_outlined_heading():
    from game.scenes.common import heading

    def draw(canvas):
        canvas.blit(text.render("Where to get help", 30, theme.WHITE), (100, 100))
        canvas.blit(pygame.Surface((600, 200)), (50, 50))  # a modal card hides it entirely
        canvas.blit(heading("Safety Dash", 60), (100, 400))
        canvas.blit(text.block("Two lines of a paragraph wrapped into a narrow box", 300, 200,
                               theme.WHITE, (30,)), (700, 100))
    assert _problems(draw) == []


# --- every screen, at every text size, in every language ---------------------------------------

def _unreadable(tmp_path, lang: str, scale: float, screens) -> dict[str, list[str]]:
    """Each screen `screens` shows (a tour of the app), with what cannot be read on it."""
    with tracking() as tracker:
        app = start(str(tmp_path / "data"), fast=True, seed=7,
                    settings={"text_scale": scale, "lang": lang})
        assert i18n.language() == lang
        found = {}
        for name in screens(app, tmp_path / "reports"):
            problems = tracker.screen_problems(app)
            if problems:
                found[name] = problems
        return found


def _listed(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{name}:\n  " + "\n  ".join(problems) for name, problems in found.items())


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("scale", TEXT_SCALES)
def test_every_player_screen_can_be_read(tmp_path, lang, scale):
    """Title, age, the round (before a question, a question, feedback, paused), every page of a
    message card (the first message and the longest), results, a promotion, every page of the
    notebook and a topic, help, settings, keys, the title with a rank and with a notice, a
    toast."""
    found = _unreadable(tmp_path, lang, scale, lambda app, _: player_screens(app))
    assert not found, _listed(found)


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("scale", TEXT_SCALES)
def test_every_classroom_screen_can_be_read(tmp_path, lang, scale):
    """Setup's three pages, whose turn, a class vote, the teacher's keys, the message, talk,
    the scores, the final scores, the summary."""
    found = _unreadable(tmp_path, lang, scale, classroom_screens)
    assert not found, _listed(found)


def test_the_tour_shows_every_screen(tmp_path):
    from game.commands.screenshots import tour
    app = start(str(tmp_path / "data"), fast=True, seed=7, settings={"text_scale": 2.0})
    names = list(tour(app, tmp_path / "reports"))
    assert {"title", "age", "round-idle", "round", "round-feedback", "round-paused", "message",
            "message-page2", "message-continue", "results", "promotion", "notebook",
            "notebook-page2", "notebook-topic", "help", "help-page2", "settings", "keys",
            "title-rank", "title-notice", "toast", "classroom-setup", "classroom-turn",
            "classroom-vote", "classroom-message", "classroom-talk", "classroom-scores",
            "classroom-summary", "classroom-chat-turn", "classroom-chat-held",
            "classroom-chat-vote", "classroom-chat-scout", "classroom-chat-signs",
            "classroom-chat-talk", "classroom-chat-summary"} <= set(names)


# --- a screen laid out again when the text size changes while it is shown ----------------------

def _screens(app):
    from game.rules.progress import RoundSummary, apply_round
    from game.scenes.age import AgeScene
    from game.scenes.help import HelpScene
    from game.scenes.message import MessageScene
    from game.scenes.notebook import NotebookScene, TopicPageScene
    from game.scenes.results import ResultsScene
    from game.scenes.title import TitleScene

    bank = app.session.bank
    app.session.profile.notebook = [m.id for m in bank.messages[:3]]
    outcome = apply_round(app.session.profile, 180, bank.ranks)
    summary = RoundSummary(180, 3, 4, 1, 2, outcome, bank.messages[0].id)
    topic = bank.topic_by_id[bank.messages[0].topic]
    return {"title": lambda: TitleScene(app), "age": lambda: AgeScene(app),
            "help": lambda: HelpScene(app), "notebook": lambda: NotebookScene(app),
            "topic": lambda: TopicPageScene(app, topic, [bank.messages[0]]),
            "message": lambda: MessageScene(app, bank.messages[0]),
            "results": lambda: _calm(ResultsScene(app, summary))}


def _calm(results):
    results.celebrating = False
    return results


@pytest.mark.parametrize("screen", ["title", "age", "help", "notebook", "topic", "message",
                                    "results"])
def test_a_screen_lays_itself_out_again_when_the_text_size_changes(tmp_path, screen):
    with tracking() as tracker:
        app = start(str(tmp_path), fast=True, seed=7)
        app.push(_screens(app)[screen]())
        assert tracker.screen_problems(app) == []
        scene = app.scene
        before = _label_sizes(scene)
        app.change_settings(text_scale=2.0)
        assert app.scene is scene
        assert tracker.screen_problems(app) == []
        after = _label_sizes(scene)
        assert min(after) > max(before) or min(after) >= 2 * min(before) - 1, (before, after)


def _label_sizes(scene) -> list[int]:
    buttons = scene.buttons.buttons if hasattr(scene, "buttons") else [scene.button]
    return [b.size for b in buttons if b.label]


def test_screenshots_show_every_screen_in_the_theme_size_and_language_asked_for(tmp_path):
    from game.__main__ import THEMES, main
    from game.settings import THEMES as SETTING_THEMES

    assert tuple(THEMES) == SETTING_THEMES
    try:
        assert main(["screenshots", str(tmp_path), "--theme", "high-contrast",
                     "--text-size", "200", "--lang", "cy"]) == 0
        assert theme.current_theme == "high-contrast" and i18n.language() == "cy"
        shots = {p.stem for p in tmp_path.glob("*.png")}
        assert {"title", "help-page2", "results", "classroom-summary"} <= shots
        help_page = pygame.image.load(str(tmp_path / "help.png"))
        x, y, w, h = corner_of(2.0).help  # the Help button, at 200%, in high contrast's colours
        assert help_page.get_at((x + 12, y + h // 2))[:3] == theme.RIGHT
    finally:
        theme.apply_theme("default")
