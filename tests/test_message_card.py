"""The safety message card at large text reflows instead of paging (issue 15): every message of
the bank takes at most 3 pages at every text size in English and Welsh, pages break only between
sentences, no page is empty or holds a lone line, and the card still reads aloud all of it."""
from __future__ import annotations

from pathlib import Path

import pygame
import pytest

from helpers import frames, key, new_app
from game.content import load_bank
from game.scenes.common import corner_of
from game.scenes.message import MessageScene
from game.session import use_words
from game.i18n import t
from game.settings import TEXT_SCALES
from game.ui import text
from game.ui.layout.card import (
    MESSAGE_BODY, MESSAGE_DO, CardPage, MAX_PAGES, message_page_count, message_pages, message_screen, sentences,
)

LARGE = [s for s in TEXT_SCALES if s > 1.0]
WORDS = ("title", "body", "do", "help")  # what a page must hold some lines of


@pytest.fixture(params=["en", "cy"])
def bank(request):
    pygame.font.init()
    use_words(request.param)
    yield load_bank(lang=request.param)
    use_words("en")


def pages_of(bank, m, scale: float) -> tuple[list[CardPage], tuple[int, int, int, int]]:
    card = message_screen((t("Continue"),), scale, corner_of(scale)).card
    topic = bank.topic_by_id.get(m.topic)
    origin = bank.source_by_id.get(m.source)
    return message_pages(m, topic.title, bank.help_by_id.get(m.help),
                                origin.publisher if origin else m.source, scale, 0, card[3],
                                card[2]), card


def words_on(page: CardPage, role: str) -> str:
    return " ".join(line for p in page.pieces if p.role == role for line in p.text.lines)


@pytest.mark.parametrize("scale", LARGE, ids=[f"{s:.0%}" for s in LARGE])
def test_every_message_takes_at_most_three_whole_pages(bank, scale):
    for m in bank.messages:
        pages, card = pages_of(bank, m, scale)
        assert 1 <= len(pages) <= MAX_PAGES, (m.id, len(pages))
        for role, words in (("title", m.title), ("body", m.text), ("do", m.do)):
            shown = [words_on(page, role) for page in pages]
            assert " ".join(s for s in shown if s).split() == words.split(), (m.id, role)
            whole = sentences(words)
            for part in filter(None, shown):  # whole sentences only, in order
                said = sentences(part)
                start = whole.index(said[0])
                assert whole[start:start + len(said)] == said, (m.id, role, part)
        for n, page in enumerate(pages):
            lines = [p for p in page.pieces if p.role in WORDS]
            assert len(lines) >= 2, (m.id, n, "a page with a lone line or none")
            assert all(page.bar_h <= p.y and p.y + p.text.height <= card[3] + 20
                       and p.y + text.line_height(p.text.size, p.text.bold) * 0.8
                       <= card[3] for p in page.pieces), (m.id, n)
            ys = [p.y for p in page.pieces if p.role not in ("do-label", "think")]
            assert ys == sorted(ys), (m.id, n)
        assert [p.role for p in pages[-1].pieces if p.role == "source"] == ["source"]
        assert pages[0].tag is not None


def test_the_validators_count_is_the_pages_shown(bank):
    for m in bank.messages:
        for scale in LARGE:
            pages, card = pages_of(bank, m, scale)
            topic = bank.topic_by_id.get(m.topic)
            origin = bank.source_by_id.get(m.source)
            assert message_page_count(m, topic.title, bank.help_by_id.get(m.help),
                                             origin.publisher if origin else m.source, scale,
                                             card[3], card[2]) == len(pages), (m.id, scale)


def test_the_title_flows_on_into_the_text_at_200_percent(bank):
    """Page 1 is not just the title (the Welsh card at 200% was), unless the first sentence is
    too long to go under it (4 lines and more at 200%)."""
    for m in bank.messages:
        pages, _ = pages_of(bank, m, 2.0)
        if not words_on(pages[0], "body"):
            first = [p for p in pages[1].pieces if p.role == "body"]
            assert sentences(words_on(pages[1], "body"))[0] == \
                sentences(m.text)[0] and len(first) >= 4, m.id


def test_the_words_keep_the_size_the_player_chose(bank):
    m = bank.messages[0]
    for scale in LARGE:
        pages, _ = pages_of(bank, m, scale)
        sizes = {p.role: p.text.size for page in pages for p in page.pieces}
        assert sizes["body"] == round(MESSAGE_BODY.sizes[0] * scale)
        assert sizes["do"] == round(MESSAGE_DO.sizes[0] * scale)
        assert sizes["title"] >= sizes["body"]


def test_continue_waits_then_works_with_the_keyboard_and_the_mouse(tmp_path):
    app = new_app(tmp_path)
    app.session.change_settings(text_scale=2.0)
    bank = app.session.bank
    m = max(bank.messages, key=lambda m: len(m.text))
    for press in ("key", "mouse"):
        after = MessageScene(app, bank.messages[0], after=None)
        app.push(after)
        scene = MessageScene(app, m, after=after)
        app.push(scene)
        frames(app, 1)
        assert 2 <= len(scene.pages) <= MAX_PAGES
        spoken = scene.spoken()
        for words in (m.title, m.text, m.do):
            for sentence in sentences(words):
                assert sentence.rstrip(".!?") in spoken
        for _ in range(len(scene.pages) + 1):  # through the pages; the last waits
            if press == "key":
                key(app, pygame.K_RETURN)
            else:
                pygame.event.post(pygame.event.Event(pygame.MOUSEBUTTONDOWN,
                                                     pos=scene.button_rect.center, button=1,
                                                     touch=False))
                frames(app, 1)
        assert app.scene is scene and scene.last_page and not scene.ready
        assert 0.0 <= scene.filled < 1.0  # the Continue button fills up as the time goes
        frames(app, int(scene.wait * 30))
        assert 0.3 < scene.filled < 1.0
        frames(app, int(scene.wait * 30) + 2)
        assert scene.filled == 1.0
        key(app, pygame.K_RETURN) if press == "key" else pygame.event.post(
            pygame.event.Event(pygame.MOUSEBUTTONDOWN, pos=scene.button_rect.center, button=1,
                               touch=False))
        frames(app, 1)
        assert app.scene is after
        app.pop()


def test_the_validator_warns_where_a_message_would_take_more_than_three_pages(tmp_path,
                                                                              monkeypatch):
    """A message too long for 3 pages at 200% is a warning at its text, with a hint; the answer
    is remembered (game.content.validation_cache) and laid on the same place the next time."""
    from test_validator import SEEDS, check, copy_base, edit
    monkeypatch.setenv("SAFETY_DASH_SEEDS", str(SEEDS))
    bank = copy_base(tmp_path / "bank")
    edit(bank, "messages.yaml", "text: Your name and school are private. Keep them to yourself "
         "online.", "text: " + "Your name and school are private. Keep them to yourself online. "
         * 12)
    for run in ("measured", "remembered"):
        found = [p for p in check(bank, fits=True).problems if p.code == "card-too-many-pages"]
        assert len(found) == 1, (run, found)
        (p,) = found
        assert (Path(p.path).name, p.line, p.col, p.severity) == \
            ("messages.yaml", 7, 11, "warning"), run
        assert "200%" in p.message and "pages" in p.message
        words = int(p.hint.split("about ")[1].split()[0])
        assert 0 < words < 12 * 11, p.hint


def test_the_shipped_bank_has_no_card_over_three_pages():
    from game.commands.validate import check_bank
    from game.paths import content_dir
    assert not [p for p in check_bank(content_dir(), fits=True).problems
                if p.code == "card-too-many-pages"]


def test_the_wait_is_the_continue_button_filling_up_in_steps_with_reduced_motion(tmp_path):
    app = new_app(tmp_path)
    app.session.change_settings(reduced_motion=True)
    bank = app.session.bank
    after = MessageScene(app, bank.messages[1], after=None)
    app.push(after)
    scene = MessageScene(app, bank.messages[0], after=after)
    app.push(scene)
    seen = set()
    for _ in range(int(scene.wait * 60) + 2):
        frames(app, 1)
        seen.add(scene.filled)
    assert seen <= {0.0, 0.25, 0.5, 0.75, 1.0} and {0.25, 0.5, 0.75, 1.0} <= seen
    key(app, pygame.K_RETURN)
    assert app.scene is after


def test_scout_is_proud_after_a_good_round_and_kind_after_a_hard_one(tmp_path):
    from game.scenes.message import cheer, round_mood
    from game.scenes.spoken import message as spoken_message
    app = new_app(tmp_path)
    m = app.session.bank.messages[0]
    assert round_mood(3, 4) == "proud" and round_mood(2, 4) == "kind"  # most answers safe
    assert round_mood(0, 3) == "kind"
    words = {}
    for mood in ("proud", "kind"):
        scene = MessageScene(app, m, after=app.scene, mood=mood)  # told by the round
        words[mood] = cheer(scene.mood)
        assert scene.spoken() == spoken_message(app.session.bank, m)  # read aloud as before
    assert words == {"proud": "Well done!", "kind": "Good try! Remember this."}
    assert cheer(MessageScene(app, m, after=None).mood) == ""  # reopened from the notebook


def test_scouts_poses_differ_and_the_vest_speaks_the_language():
    from game.art.dog import dog_portrait, scout_pose
    pygame.display.init()
    pygame.display.set_mode((1280, 720))
    drawn = {mood: pygame.image.tobytes(scout_pose(mood, 120), "RGBA")
             for mood in ("proud", "kind", "")}
    assert len(set(drawn.values())) == 3
    assert drawn[""] == pygame.image.tobytes(dog_portrait(120), "RGBA")
    assert scout_pose("kind", 120).get_size() == (120, 120)
    use_words("cy")
    try:
        assert t("POLICE") == "HEDDLU"
    finally:
        use_words("en")
    assert pygame.image.tobytes(scout_pose("proud", 120, "HEDDLU"), "RGBA") != drawn["proud"]


def test_every_topic_has_a_picture_and_an_unknown_one_a_fallback(bank):
    from game.art.topic_pictures import has_picture, topic_picture
    pygame.display.init()
    pygame.display.set_mode((1280, 720))
    pictures = set()
    for topic in bank.topics:
        assert has_picture(topic.id), topic.id
        made = topic_picture(topic.id, 96)
        assert made.get_size() == (96, 96)
        pictures.add(pygame.image.tobytes(made, "RGBA"))
    fallback = topic_picture("a-packs-new-topic", 96)
    assert not has_picture("a-packs-new-topic") and fallback.get_size() == (96, 96)
    pictures.add(pygame.image.tobytes(fallback, "RGBA"))
    assert len(pictures) == len(bank.topics) + 1  # each its own


def test_scout_and_the_picture_never_cover_the_words_of_a_paged_card(bank):
    from game.ui.layout.card import card_art, covered
    for scale in LARGE:
        for m in bank.messages:
            pages, card = pages_of(bank, m, scale)
            scout, picture = card_art(pages, card[2], card[3])
            placed = [a for a in (scout, picture) if a]
            for art in placed:
                square = pygame.Rect(art.x, art.y, art.size, art.size)
                assert pygame.Rect(0, pages[art.page].bar_h, card[2], card[3]).contains(square)
                assert all(not square.colliderect(r) for r in covered(pages[art.page])), m.id
            if len(placed) == 2 and scout.page == picture.page:
                assert not pygame.Rect(scout.x, scout.y, scout.size, scout.size).colliderect(
                    (picture.x, picture.y, picture.size, picture.size))
    pages, card = pages_of(bank, bank.messages[0], 2.0)
    assert card_art(pages, card[2], card[3])[0] is not None  # Scout is somewhere on the card


def test_at_100_percent_scout_and_the_picture_stand_beside_the_card():
    from game.ui.layout.card import CARD_PICTURE, CARD_SCOUT
    placed = message_screen((t("Continue"),), 1.0, corner_of(1.0))
    card, button = pygame.Rect(placed.card), pygame.Rect(placed.button)
    for x, y, size in (CARD_PICTURE, CARD_SCOUT):
        square = pygame.Rect(x, y, size, size)
        assert not square.colliderect(card) and not square.colliderect(button)
    assert not pygame.Rect(CARD_PICTURE[:2], CARD_PICTURE[2:] * 2).colliderect(
        pygame.Rect(CARD_SCOUT[:2], CARD_SCOUT[2:] * 2))


def test_a_classrooms_card_takes_at_most_three_pages_at_200_percent(bank):
    """The projector's card (150% at least, nothing under 4% of the screen) is as wide as the
    screen too: the longest messages at 200% keep to 3 pages."""
    from game.scenes.message import compose_pages
    from game.ui import theme
    pygame.display.init()
    pygame.display.set_mode((1280, 720))
    for m in sorted(bank.messages, key=lambda m: -len(m.title + m.text + m.do))[:8]:
        assert 1 <= len(compose_pages(bank, m, 2.0, theme.CLASS_MIN_TEXT)) <= MAX_PAGES, \
            m.id


def test_the_cards_hierarchy_at_100_percent(bank):
    """The title biggest, "What to do" the strongest (bold, never smaller than the text), the
    help line, the question to think about and the credit never under 22 px."""
    from game.ui.layout.card import SOURCE_SIZE, message_card
    for m in bank.messages:
        topic = bank.topic_by_id.get(m.topic)
        origin = bank.source_by_id.get(m.source)
        card = message_card(m, topic.title, bank.help_by_id.get(m.help),
                            origin.publisher if origin else m.source)
        assert card.title.size > card.body.size and card.title.bold, m.id
        assert card.do.bold and card.do.size >= card.body.size, m.id
        assert card.help is None or card.help.size >= 22, m.id
        assert card.think is None or card.think.size >= 22, m.id
        assert card.do_box[1] > card.body_y + card.body.height - 1, m.id  # below the text
    assert SOURCE_SIZE >= 22


def test_the_round_tells_the_message_screen_how_it_went(tmp_path):
    from game.rules.round import GateResult
    from game.scenes.round import RoundScene
    moods = {}
    for right in (True, False):
        app = new_app(tmp_path / str(right))
        pygame.event.clear()
        app.session.profile.age_band = "13-15"
        app.push(RoundScene(app))
        r = app.scene.round
        r.results = [GateResult(g.question, 0, right) for g in r.course.gates]  # all answered
        r.distance = r.course.length - 1
        frames(app, 2)
        assert isinstance(app.scene, MessageScene)
        assert app.session.history[-1].correct == (len(r.results) if right else 0)
        moods[right] = app.scene.mood
    assert moods == {True: "proud", False: "kind"}
