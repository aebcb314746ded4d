"""The safety message card at large text reflows instead of paging (issue 15): every message of
the bank takes at most 3 pages at every text size in English and Welsh, pages break only between
sentences, no page is empty or holds a lone line, and the card still reads aloud all of it."""
from __future__ import annotations

import pygame
import pytest

from helpers import frames, key, new_app
from game.content import load_bank
from game.scenes.common import corner_of
from game.scenes.message import MessageScene
from game.session import use_words
from game.settings import TEXT_SCALES
from game.ui import layout

LARGE = [s for s in TEXT_SCALES if s > 1.0]
WORDS = ("title", "body", "do", "help")  # what a page must hold some lines of


@pytest.fixture(params=["en", "cy"])
def bank(request):
    pygame.font.init()
    use_words(request.param)
    yield load_bank(lang=request.param)
    use_words("en")


def pages_of(bank, m, scale: float) -> tuple[list[layout.CardPage], tuple[int, int, int, int]]:
    card = layout.message_screen((layout.t("Continue"),), scale, corner_of(scale)).card
    topic = bank.topic_by_id.get(m.topic)
    origin = bank.source_by_id.get(m.source)
    return layout.message_pages(m, topic.title, bank.help_by_id.get(m.help),
                                origin.publisher if origin else m.source, scale, 0, card[3],
                                card[2]), card


def words_on(page: layout.CardPage, role: str) -> str:
    return " ".join(line for p in page.pieces if p.role == role for line in p.text.lines)


@pytest.mark.parametrize("scale", LARGE, ids=[f"{s:.0%}" for s in LARGE])
def test_every_message_takes_at_most_three_whole_pages(bank, scale):
    for m in bank.messages:
        pages, card = pages_of(bank, m, scale)
        assert 1 <= len(pages) <= layout.MAX_PAGES, (m.id, len(pages))
        for role, words in (("title", m.title), ("body", m.text), ("do", m.do)):
            shown = [words_on(page, role) for page in pages]
            assert " ".join(s for s in shown if s).split() == words.split(), (m.id, role)
            whole = layout.sentences(words)
            for part in filter(None, shown):  # whole sentences only, in order
                said = layout.sentences(part)
                start = whole.index(said[0])
                assert whole[start:start + len(said)] == said, (m.id, role, part)
        for n, page in enumerate(pages):
            lines = [p for p in page.pieces if p.role in WORDS]
            assert len(lines) >= 2, (m.id, n, "a page with a lone line or none")
            assert all(page.bar_h <= p.y and p.y + p.text.height <= card[3] + 20
                       and p.y + layout.text.line_height(p.text.size, p.text.bold) * 0.8
                       <= card[3] for p in page.pieces), (m.id, n)
            ys = [p.y for p in page.pieces if p.role not in ("do-label", "think")]
            assert ys == sorted(ys), (m.id, n)
        assert [p.role for p in pages[-1].pieces if p.role == "source"] == ["source"]
        assert pages[0].tag is not None


def test_the_title_flows_on_into_the_text_at_200_percent(bank):
    """Page 1 is not just the title (the Welsh card at 200% was), unless the first sentence is
    too long to go under it (4 lines and more at 200%)."""
    for m in bank.messages:
        pages, _ = pages_of(bank, m, 2.0)
        if not words_on(pages[0], "body"):
            first = [p for p in pages[1].pieces if p.role == "body"]
            assert layout.sentences(words_on(pages[1], "body"))[0] == \
                layout.sentences(m.text)[0] and len(first) >= 4, m.id


def test_the_words_keep_the_size_the_player_chose(bank):
    m = bank.messages[0]
    for scale in LARGE:
        pages, _ = pages_of(bank, m, scale)
        sizes = {p.role: p.text.size for page in pages for p in page.pieces}
        assert sizes["body"] == round(32 * scale) and sizes["do"] == round(30 * scale)
        assert sizes["title"] >= sizes["body"]


def test_continue_waits_then_works_with_the_keyboard_and_the_mouse(tmp_path):
    app = new_app(tmp_path)
    app.session.change_settings(text_scale=2.0, lang="cy")
    bank = app.session.bank
    m = max(bank.messages, key=lambda m: len(m.text))
    for press in ("key", "mouse"):
        after = MessageScene(app, bank.messages[0], after=None)
        app.push(after)
        scene = MessageScene(app, m, after=after)
        app.push(scene)
        frames(app, 1)
        assert 2 <= len(scene.pages) <= layout.MAX_PAGES
        spoken = scene.spoken()
        for words in (m.title, m.text, m.do):
            for sentence in layout.sentences(words):
                assert sentence.rstrip(".!?") in spoken
        for _ in range(len(scene.pages) + 1):  # through the pages; the last waits
            if press == "key":
                key(app, pygame.K_RETURN)
            else:
                pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN,
                                                     pos=scene.button_rect.center, button=1,
                                                     touch=False))
                frames(app, 1)
        assert app.scene is scene and scene.last_page
        frames(app, int(scene.wait * 60) + 2)
        key(app, pygame.K_RETURN) if press == "key" else pygame.event.post(
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=scene.button_rect.center, button=1,
                               touch=False))
        frames(app, 1)
        assert app.scene is after
        app.pop()
