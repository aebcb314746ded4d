"""The round as a child sees it at every text size: the banner takes at most a third of the
screen, a gate's signs carry their answers, the corner buttons keep off the gates, Scout is
the hero (big, squashing and stretching as it hops, with dust on landing) and no points pop
covers it; the park's pictures carry no English words in Welsh."""
from __future__ import annotations

import pygame
import pytest

from helpers import frames, new_app
from game.art import scenery
from game.art.obstacles import hedge, prize_popup
from game.rules.round import Event
from game.rules.tuning import DOG_RADIUS, GROUND, HEIGHT
from game.scenes import round_scout
from game.scenes.round import RoundScene
from game.session import use_words
from game.settings import TEXT_SCALES
from game.ui.layout.round import (
    NORMAL_ROUND, classroom_round_layout, gate_signs, round_layout, strictest_round_layout,
)

from test_text_fits import holds_no_more


@pytest.fixture
def app(tmp_path):
    return new_app(tmp_path)


def round_at(app, scale: float, **settings) -> RoundScene:
    app.session.change_settings(text_scale=scale, **settings)
    scene = RoundScene(app)
    app.push(scene)
    return scene


@pytest.mark.parametrize("scale", TEXT_SCALES)
def test_the_banner_takes_at_most_a_third_of_the_screen(app, scale):
    for geo in (round_layout(scale), classroom_round_layout(scale)):
        assert geo.banner_h <= HEIGHT // 3


@pytest.mark.parametrize("scale", TEXT_SCALES)
def test_a_gates_signs_carry_the_answers_for_a_player_at_every_size(app, scale):
    geo = round_layout(scale)
    for q in app.session.bank.questions:
        signs = gate_signs(q, geo)
        assert len(signs) == len(q.answers) and all(sign.fits for sign in signs)


def test_the_validator_checks_the_strictest_sign_above_100_percent():
    """Above 100% the signs' words are checked at the largest text (game.ui.fits): each other
    size's sign holds at least as much."""
    strict = strictest_round_layout()
    for scale in TEXT_SCALES:
        geo = round_layout(scale)
        if geo is NORMAL_ROUND:
            continue
        for n in (2, 3):
            assert holds_no_more(strict.sign_label_box(n), geo.sign_label_box(n))


@pytest.mark.parametrize("scale", TEXT_SCALES)
def test_the_corner_buttons_never_cover_a_gate(app, scale):
    scene = round_at(app, scale)
    corners_top = min(rect.top for rect in app.corner_rects)
    for index in range(len(scene.round.course.gates)):
        surf, signs = scene._gate(index)
        drawn = pygame.mask.from_surface(surf).get_bounding_rects()
        lowest = max(rect.bottom for rect in drawn) + scene.geo.banner_h
        assert lowest <= corners_top
        assert all(rect.bottom + scene.geo.banner_h <= corners_top for rect in signs)


def test_scout_is_twice_the_old_dog_and_a_points_pop_never_covers_it(app):
    scene = round_at(app, 2.0)
    assert round_scout.SCOUT_W >= 2 * 72  # the rules' dog was drawn 80 wide, ~72 of it dog
    r = scene.round
    assert scene.scout.word == "POLICE"
    for kind, points in (("collect", 10), ("right", 100), ("bump", -5)):
        scene._events([Event(kind, points)])
        pop, x, y, _ = scene.pops[-1]
        for rise in (0, 30, 60):
            rect = pop.get_rect(center=(round(x), round(y - rise)))
            assert not rect.colliderect(scene.scout.clear_of(r))


def _hop_shapes(app, reduced: bool) -> set[str]:
    scene = round_at(app, 1.0, reduced_motion=reduced)
    r, shapes = scene.round, set()
    for _ in range(20):  # let Scout drop to the grass, then hop from it
        scene.update(1 / 60)
    while r.y + DOG_RADIUS < GROUND - 0.5:
        scene.update(1 / 60)
        shapes.add(scene.scout.shape(r))
    frames(app, 2)
    shapes.add(scene.scout.shape(r))
    scene._events(r.hop())
    for _ in range(30):
        shapes.add(scene.scout.shape(r))
        scene.update(1 / 60)
    shapes.add("dust" if scene.scout._dust else "")
    return shapes


def test_scout_squashes_stretches_and_kicks_up_dust_unless_motion_is_reduced(app):
    assert {"squash", "stretch", "dust"} <= _hop_shapes(app, reduced=False)


def test_reduced_motion_hops_without_squash_stretch_or_dust(tmp_path):
    assert _hop_shapes(new_app(tmp_path), reduced=True) == {""}


def test_obstacles_are_their_collision_boxes_and_the_prize_flashes():
    assert hedge(70, 120).get_size() == (70, 120)
    still, lit = prize_popup(110, 80), prize_popup(110, 80, True)
    assert still.get_size() == lit.get_size() == (110, 80)
    assert pygame.image.tobytes(still, "RGBA") != pygame.image.tobytes(lit, "RGBA")


def test_the_police_station_says_heddlu_in_welsh(app):
    english = scenery.sky_layer()
    assert scenery.police_word() == "POLICE"
    use_words("cy")
    try:
        assert scenery.police_word() == "HEDDLU"
        assert RoundScene(app).scout.word == "HEDDLU"  # on Scout's vest in the round too
        welsh = scenery.sky_layer()
        assert welsh is not english
        assert pygame.image.tobytes(welsh, "RGB") != pygame.image.tobytes(english, "RGB")
    finally:
        use_words("en")
