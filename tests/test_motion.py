"""Reduced motion (a setting): no parallax, no blinking, no flying or bobbing, no flashing.

Each test runs with the setting off and on, and checks the movement is there without it (so
the test can fail) and gone with it.
"""
from __future__ import annotations

import pygame
import pytest

from game.art.dog import FRAMES
from game.launch import start
from game.rules.progress import RoundSummary, apply_round
from game.rules.round import Event
from game.rules.tuning import HEIGHT, WIDTH
from game.scenes.results import ResultsScene
from game.scenes.round import RoundScene
from game.scenes.round_scout import _LOOKS


@pytest.fixture(params=[False, True], ids=["moving", "reduced-motion"])
def app(request, tmp_path):
    app = start(str(tmp_path), fast=True, seed=3, settings={"reduced_motion": request.param})
    app.session.profile.age_band = "10-12"
    return app


class Recording(pygame.Surface):
    """A screen that remembers what was blitted onto it: (surface, where, which part)."""

    def __init__(self) -> None:
        super().__init__((WIDTH, HEIGHT))
        self.blits: list[tuple[pygame.Surface, tuple, object]] = []

    def blit(self, source, dest=(0, 0), area=None, special_flags=0):
        self.blits.append((source, tuple(dest), area))
        return super().blit(source, dest, area, special_flags)


def drawn(scene) -> Recording:
    canvas = Recording()
    scene.draw(canvas)
    return canvas


def layer_offsets(scene: RoundScene) -> tuple[int, int]:
    """How far into the sky layer and into the ground layer the screen shows."""
    canvas = drawn(scene)
    sky = next(pygame.Rect(area) for source, _, area in canvas.blits if source is scene.sky)
    ground = next(pygame.Rect(area) for source, _, area in canvas.blits
                  if source is scene.ground)
    return sky.x, ground.x


def steps(app, n: int) -> None:
    for _ in range(n):
        app.step(1 / 60)


def test_the_sky_stands_still_with_reduced_motion(app) -> None:
    """No parallax: the sky and hills do not slide at a speed of their own behind the play."""
    app.push(RoundScene(app))
    scene = app.scene
    sky_before, ground_before = layer_offsets(scene)
    steps(app, 20)
    sky_after, ground_after = layer_offsets(scene)
    assert ground_after != ground_before  # the dog runs on in both
    if app.session.settings.reduced_motion:
        assert sky_after == sky_before == 0
    else:
        assert sky_after != sky_before
        assert sky_after - sky_before != ground_after - ground_before  # parallax


def test_the_bumped_dog_blinks_only_without_reduced_motion(app) -> None:
    app.push(RoundScene(app))
    scene = app.scene
    r = scene.round
    r.stunned_until = r.t + 0.5  # a bump
    shown = []
    for _ in range(24):
        steps(app, 1)
        assert r.stunned
        blits = drawn(scene).blits
        stunned = {id(_LOOKS.get((frame, 0, "", True, scene.scout.word)))
                   for frame in range(FRAMES)}  # Scout's bump looks, as the round drew them
        shown.append(any(id(source) in stunned for source, _, _ in blits))
    if app.session.settings.reduced_motion:
        assert all(shown)
    else:
        assert any(shown) and not all(shown)


def test_points_pops_fly_only_without_reduced_motion(app) -> None:
    app.push(RoundScene(app))
    scene = app.scene
    scene._events([Event("collect", 10)])
    pop = scene.pops[0][0]

    def pop_y() -> float:
        return next(dest[1] for source, dest, _ in drawn(scene).blits if source is pop)

    before = pop_y()
    steps(app, 20)
    if app.session.settings.reduced_motion:
        assert pop_y() == before
    else:
        assert pop_y() < before


def pictures_over_time(app, moments=(0.0, 0.4, 1.1)) -> list[bytes]:
    pictures = []
    for _ in moments:
        app.draw()
        pictures.append(pygame.image.tobytes(app.canvas, "RGB"))
        steps(app, 24)
    return pictures


def test_the_title_dog_bobs_only_without_reduced_motion(app) -> None:
    pictures = pictures_over_time(app)
    assert (len(set(pictures)) == 1) == app.session.settings.reduced_motion


def test_the_promotion_sparkles_circle_only_without_reduced_motion(app) -> None:
    session = app.session
    session.profile.total_points = 350
    outcome = apply_round(session.profile, 180, session.bank.ranks)
    assert outcome.promoted
    app.push(ResultsScene(app, RoundSummary(180, 3, 4, 1, 2, outcome, "")))
    pictures = pictures_over_time(app)
    assert (len(set(pictures)) == 1) == app.session.settings.reduced_motion
