"""The Safety Notebook as a sticker book: a topic's count apart from its name, every topic opens
by every input, collected messages are stickers and the rest outlines still to find (not greyed
out), and the first page shows topics at every text size in English and Welsh."""
from __future__ import annotations

import pygame
import pytest

from helpers import frames
from game.content.colours import contrast
from game.i18n import t
from game.launch import start
from game.scenes.notebook import NotebookScene, TopicPageScene
from game.ui import theme
from game.ui.stickers import StickerButton, TopicButton
from screen_check import tracking
from test_take_home import _pressed_by


def _app(tmp_path, lang: str = "en", scale: float = 1.0, collected: int = 1):
    app = start(str(tmp_path / "data"), fast=True, seed=3,
                settings={"lang": lang, "text_scale": scale})
    pygame.event.clear()
    frames(app, 1)  # the first frame starts the gamepads
    bank = app.session.bank
    first = bank.topics[0].id
    app.session.profile.notebook = [m.id for m in bank.messages_for(app.session.band)
                                    if m.topic == first][:collected]
    return app


@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_the_first_page_shows_topics_with_counts_apart_from_their_names(tmp_path, lang, scale):
    with tracking() as tracker:
        app = _app(tmp_path, lang, scale)
        app.push(NotebookScene(app))
        assert tracker.screen_problems(app) == []
        topics = [b for b in app.scene.buttons.buttons if isinstance(b, TopicButton)]
        assert topics, "page 1 of the notebook shows no topic"
        for button in topics:
            on = {ink.words: ink.rect for ink in app.canvas.inks
                  if button.rect.contains(ink.rect)}
            name, count = on[button.title], on[button.count]
            assert name.right + 8 <= count.left, (button.title, button.count)
            assert button.enabled  # a topic with nothing yet opens too: its page shows outlines
        bank, band = app.session.bank, app.session.band
        first = bank.topics[0].id
        theirs = [m for m in bank.messages if m.topic == first and band in m.ages]
        assert len(theirs) > 1  # one collected, the rest still to find
        assert topics[0].count == t("{seen} of {total}", seen=1, total=len(theirs))


@pytest.mark.parametrize("how", ["keyboard", "mouse", "touch", "gamepad", "one-switch"])
@pytest.mark.parametrize("which", [0, 1])
def test_every_input_opens_a_topic_collected_or_not(tmp_path, how, which):
    """Topic 0 has stickers; topic 1 has none yet, and opens all the same."""
    app = _app(tmp_path)
    app.push(NotebookScene(app))
    _pressed_by(app, how, which)
    scene = app.scene
    assert isinstance(scene, TopicPageScene)
    assert scene.topic.id == app.session.bank.topics[which].id


def _topic_page(tmp_path, lang: str = "en", scale: float = 1.0):
    app = _app(tmp_path, lang, scale)
    bank = app.session.bank
    topic = bank.topics[0]
    seen = [bank.message_by_id[i] for i in app.session.profile.notebook]
    app.push(TopicPageScene(app, topic, seen))
    return app, seen


def test_collected_messages_are_stickers_and_the_rest_outlines_not_greyed_out(tmp_path):
    app, seen = _topic_page(tmp_path)
    stickers = [b for b in app.scene.buttons.buttons if isinstance(b, StickerButton)]
    got = [b for b in stickers if b.collected]
    missing = [b for b in stickers if not b.collected]
    assert [b.label for b in got] == [m.title for m in seen] and missing
    assert all(b.enabled for b in got) and not any(b.enabled for b in missing)
    assert {b.label for b in missing} == {t("Still to find")}
    sticker, outline = got[0].face("normal"), missing[0].face("disabled")
    middle = (sticker.get_width() - 14, sticker.get_height() - 16)  # paper, beside no words
    grey = theme.BUTTON_DISABLED[:3]
    assert outline.get_at(middle)[:3] != grey and sticker.get_at(middle)[:3] != grey
    spot = (14 + 20, outline.get_height() // 2)  # inside the round spot: a star, or empty
    assert sticker.get_at(spot)[:3] != outline.get_at(spot)[:3]
    edge = (sticker.get_width() // 2, 2)  # the sticker's edge is whole, the outline's dashed
    along = {outline.get_at((x, 2))[:3] for x in range(0, outline.get_width() - 8, 4)}
    assert len(along) >= 2 and sticker.get_at(edge)[:3] != theme.PAPER[:3]


@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_a_topic_page_can_be_read_and_opens_a_sticker(tmp_path, lang, scale):
    from game.scenes.message import MessageScene
    with tracking() as tracker:
        app, seen = _topic_page(tmp_path, lang, scale)
        assert tracker.screen_problems(app) == []
        first = app.scene.buttons.buttons[app.scene.buttons.focus]
        assert isinstance(first, StickerButton) and first.collected
    _pressed_by(app, "keyboard", app.scene.buttons.focus)
    assert isinstance(app.scene, MessageScene) and app.scene.message.id == seen[0].id


def test_high_contrast_draws_the_stickers_in_its_colours(tmp_path):
    app, _ = _topic_page(tmp_path)
    try:
        app.change_settings(theme="high-contrast")
        outline = next(b for b in app.scene.buttons.buttons
                       if isinstance(b, StickerButton) and not b.collected)
        face = outline.face("disabled")
        assert face.get_at((face.get_width() - 14, face.get_height() - 16))[:3] == \
            theme.PAPER[:3]
        dash = face.get_at((8, 2))[:3]  # the outline's first dash stands out from the paper
        assert contrast(dash, theme.PAPER) >= 3.0, dash
    finally:
        theme.apply_theme("default")


def test_a_topic_page_holds_the_messages_of_the_players_age_and_those_they_collected(tmp_path):
    """Outlines only for what this child can find (their age band's messages); a sticker they
    collected under another age band stays."""
    app = _app(tmp_path, collected=0)
    bank = app.session.bank
    app.session.profile.age_band = "7-9"
    topic = next(tp for tp in bank.topics
                 if any("7-9" not in m.ages for m in bank.messages if m.topic == tp.id))
    older = next(m for m in bank.messages if m.topic == topic.id and "7-9" not in m.ages)
    app.session.profile.notebook = [older.id]
    app.push(TopicPageScene(app, topic, [older]))
    stickers = [b for b in app.scene.buttons.buttons if isinstance(b, StickerButton)]
    pages = app.scene.pages
    shown = sum(len(page) for page in pages)
    theirs = [m for m in bank.messages if m.topic == topic.id and "7-9" in m.ages]
    assert shown == len(theirs) + 1
    assert stickers[0].collected and stickers[0].label == older.title


def test_a_sticker_and_its_topics_page_show_the_topics_picture(tmp_path):
    from game.art.topic_pictures import topic_picture
    from game.ui.layout.notebook import topic_picture_place
    app, _ = _topic_page(tmp_path)
    topic = app.scene.topic
    sticker = next(b for b in app.scene.buttons.buttons
                   if isinstance(b, StickerButton) and b.collected)
    assert sticker.topic == topic.id
    cx, cy, r = sticker._spot()
    picture = topic_picture(topic.id, 2 * r - 4)
    assert sticker.face("normal").get_at((cx, cy)) == picture.get_at((r - 2, r - 2))
    placed = app.scene.placed(1.0)
    x, y, size = topic_picture_place(placed.frame, placed.line, placed.line_y)
    middle = size // 2
    assert app.scene.static.get_at((x + middle, y + middle))[:3] == \
        topic_picture(topic.id, size).get_at((middle, middle))[:3]


def test_a_heading_as_wide_as_the_screen_leaves_the_picture_out():
    from game.ui.layout.base import Fitted, PagedLayout
    from game.ui.layout.notebook import topic_picture_place

    def frame(words: str) -> PagedLayout:
        return PagedLayout(Fitted(60, (words,), True, 1200, True), 20, 160, 600, (), None,
                           False, True)

    assert topic_picture_place(frame("W" * 60), None, 0) is None
    assert topic_picture_place(frame("Short"), None, 0) is not None
