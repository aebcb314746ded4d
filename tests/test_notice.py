"""A notice the title has no room for (at a large text size) comes on a card of its own, once,
in the player's language, read in full; at the usual size it stays on the title."""
from __future__ import annotations

import pygame
import pytest

from helpers import frames, key
from screen_check import tracking
from game.launch import start
from game.scenes.notice import NoticeScene
from game.scenes.title import TitleScene


def _app_with_a_corrupt_save(tmp_path, **settings):
    (tmp_path / "profile.json").write_text("{not json")
    app = start(str(tmp_path), fast=True, settings=settings or None)
    frames(app, 2)
    return app


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_at_200_percent_a_reset_save_is_told_on_its_own_card_then_the_title(tmp_path, lang):
    with tracking() as tracker:
        app = _app_with_a_corrupt_save(tmp_path, text_scale=2.0, lang=lang)
        assert isinstance(app.scene, NoticeScene)
        notice = app.session.notices[0]
        assert app.scene.notices == notice and app.scene.spoken() == notice
        assert ("fresh" in notice) == (lang == "en")
        assert tracker.screen_problems(app) == []  # every word on the card, nothing cut
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, TitleScene)
    app.scene.on_enter()  # back on the title (from Settings, say): told once is enough
    frames(app, 1)
    assert isinstance(app.scene, TitleScene)


def test_at_100_percent_the_notice_stays_on_the_title(tmp_path):
    app = _app_with_a_corrupt_save(tmp_path)
    assert isinstance(app.scene, TitleScene)
    assert app.session.notices and not app.scene._hidden
