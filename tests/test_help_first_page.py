"""Help puts the most important thing first: the emergency number (999) on the first page at
every text size in English and Welsh, with the reassurance, and never a page of the
reassurance alone."""
from __future__ import annotations

import pytest

from game.launch import start
from game.scenes.help import HelpScene
from game.settings import TEXT_SCALES
from game.ui.layout.help import most_important_first
from screen_check import tracking


@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("scale", TEXT_SCALES)
def test_999_is_on_the_first_help_page_and_no_page_is_empty(tmp_path, lang, scale):
    with tracking() as tracker:
        app = start(str(tmp_path / "data"), fast=True, seed=7,
                    settings={"lang": lang, "text_scale": scale})
        app.push(HelpScene(app))
        scene = app.scene
        assert tracker.screen_problems(app) == []
        first = [card.link for card in scene.pages[0]]
        assert first and first[0].phone == "999", [link.id for link in first]
        assert all(scene.pages), "a help page shows the reassurance alone"
        shown = [ink.words for ink in app.canvas.inks]
        assert any("999" in words for words in shown), shown
    if scale == 1.0:  # everything on one page: the person to tell comes second
        assert [link.id for link in first][:2] == ["emergency", "trusted-adult"]


def test_the_most_important_links_come_first_and_the_rest_keep_their_order(tmp_path):
    app = start(str(tmp_path / "data"), fast=True, seed=7)
    links = app.session.bank.help_links
    ordered = most_important_first(links)
    assert [link.id for link in ordered][:2] == ["emergency", "trusted-adult"]
    rest = [link for link in links if link.id not in ("emergency", "trusted-adult")]
    assert list(ordered[2:]) == rest
