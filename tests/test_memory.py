"""Memory holds over a long session: every cache of pictures keeps within its budget in bytes
(forgetting the least recently used first), and a screen that leaves is freed, not kept."""
from __future__ import annotations

import gc
import weakref

import pygame
import pytest

from game import lru
from game.lru import ByteLRU, pixel_bytes


def surface(w: int, h: int = 10) -> pygame.Surface:
    return pygame.Surface((w, h), pygame.SRCALPHA)


def test_pixel_bytes_counts_rows_of_pixels_and_what_a_tuple_holds():
    one = surface(25)  # 25 × 4 bytes a row, 10 rows
    assert pixel_bytes(one) == one.get_pitch() * 10 >= 1000
    assert pixel_bytes((one, [pygame.Rect(0, 0, 5, 5)])) == pixel_bytes(one)
    assert pixel_bytes("not a picture") == 0


def test_a_cache_filled_past_its_budget_keeps_within_it_forgetting_the_oldest():
    cache: ByteLRU[pygame.Surface] = ByteLRU("test", 10_000)
    for i in range(30):  # 1,000 bytes each: three times the budget
        cache.put(i, surface(25))
        assert cache.bytes <= cache.budget
    assert len(cache) == 10 and cache.bytes == 10_000
    assert list(cache.keys()) == list(range(20, 30))  # the ten newest


def test_a_value_used_again_is_kept_and_the_least_recently_used_goes():
    cache: ByteLRU[pygame.Surface] = ByteLRU("test", 3_000)
    for key in "abc":
        cache.put(key, surface(25))
    assert cache.get("a") is not None  # a is now the most recently used
    cache.put("d", surface(25))
    assert "b" not in cache and {"a", "c", "d"} <= set(cache.keys())


def test_a_value_bigger_than_the_budget_is_handed_back_but_not_kept():
    cache: ByteLRU[pygame.Surface] = ByteLRU("test", 3_000)
    cache.put("small", surface(25))
    big = surface(100)
    assert cache.put("big", big) is big
    assert "big" not in cache and "small" in cache and cache.bytes == 1_000


def test_replacing_and_forgetting_keep_the_count_of_bytes_right():
    cache: ByteLRU[pygame.Surface] = ByteLRU("test", 10_000)
    cache.put("a", surface(25))
    cache.put("a", surface(50))
    assert cache.bytes == 2_000
    cache.put(("x", 1), surface(25))
    cache.forget(lambda key: isinstance(key, tuple))
    assert cache.bytes == 2_000 and len(cache) == 1
    cache.clear()
    assert cache.bytes == 0 and len(cache) == 0


def test_the_text_cache_keeps_within_its_budget(monkeypatch):
    from game.ui import text
    monkeypatch.setattr(text._CACHE, "budget", 200_000)
    text._CACHE.clear()
    pygame.display.init()
    pygame.font.init()
    pygame.display.set_mode((64, 64))
    for i in range(300):
        text.render(f"line number {i} of many words", 30, (0, 0, 0))
        assert text._CACHE.bytes <= 200_000
    assert 0 < len(text._CACHE) < 300
    last = text.render("line number 299 of many words", 30, (0, 0, 0))
    assert text.render("line number 299 of many words", 30, (0, 0, 0)) is last  # still kept
    text._CACHE.clear()


def test_the_art_cache_keeps_within_its_budget(monkeypatch):
    from game.art import built, scenery
    monkeypatch.setattr(built.ART, "budget", 300_000)
    built.ART.clear()
    pygame.display.init()
    pygame.display.set_mode((64, 64))
    for h in range(80, 150):  # every hedge height a round can grow: ~35 KB each
        scenery.hedge(70, h)
        assert built.ART.bytes <= 300_000
    assert scenery.hedge(70, 149) is scenery.hedge(70, 149)  # the newest is kept
    assert len(built.ART) < 70
    built.ART.clear()


@pytest.fixture
def no_pictures_kept():
    """Start with empty caches, and leave them empty for the next test."""
    from game.art import built
    from game.ui import text
    built.ART.clear()
    text._CACHE.clear()
    yield
    built.ART.clear()
    text._CACHE.clear()


def test_a_moderate_autoplay_keeps_every_cache_within_budget_and_frees_each_screen(
        no_pictures_kept):
    from game.commands.autoplay import run_bot
    from game.scenes.base import Scene

    fullest: dict[str, int] = {}
    scenes_alive: list[int] = []

    def after_round(played: int) -> None:
        for name, row in lru.fullness().items():
            assert row["bytes"] <= row["budget"], name
            fullest[name] = max(fullest.get(name, 0), row["bytes"])
        # screens alive or waiting for a collection (gc.get_objects() sees both)
        scenes_alive.append(sum(isinstance(o, Scene) for o in gc.get_objects()))

    report = run_bot(4, seed=2, band="7-9", data_dir=None, draw_every=10,
                     after_round=after_round)
    assert report["rounds"] == 4 and len(scenes_alive) == 4
    assert fullest["text"] > 0 and fullest["art"] > 0  # the caches were used...
    # ...and the screens did not pile up: the title, the round's results, at most a message
    assert max(scenes_alive) <= 4


def test_a_screen_that_leaves_is_freed_at_the_end_of_its_frame(tmp_path):
    from game.launch import start
    from game.scenes.age import AgeScene

    app = start(str(tmp_path), fast=True)
    app.push(AgeScene(app))
    left = weakref.ref(app.scene)
    app.pop()
    app.run(max_frames=1)
    assert left() is None
