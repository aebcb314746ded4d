"""Right and wrong differ in shape, not only in colour: a tick in a circle, a cross in a square.

Checked in greyscale (as a player who cannot tell red from green, or a grey printout, sees
them): the light face of each mark is a different shape, on the round's feedback, on the gate
the dog flew through, and on the points pops.
"""
from __future__ import annotations

import pygame
import pytest

from game.launch import start
from game.scenes import round_view as view
from game.scenes.round import RoundScene
from game.ui import icons, theme

LIGHT = 200  # a grey level above which a pixel belongs to an icon's white face
DIFFERENT = 0.15  # the share of the two shapes' area covered by one and not the other, at least


def light_shape(surface: pygame.Surface, area: pygame.Rect) -> pygame.mask.Mask:
    """The light pixels of `area` of `surface`, in greyscale."""
    part = pygame.Surface(area.size)
    part.fill((0, 0, 0))
    part.blit(surface, (0, 0), area)
    grey = pygame.transform.grayscale(part)
    return pygame.mask.from_threshold(grey, (255, 255, 255), (256 - LIGHT,) * 3 + (255,))


def shapes_differ(right: pygame.mask.Mask, wrong: pygame.mask.Mask) -> float:
    """The share of the area the two shapes cover that only one of them covers."""
    both = right.overlap_area(wrong, (0, 0))
    return (right.count() + wrong.count() - 2 * both) / (right.count() + wrong.count() - both)


@pytest.fixture(params=("default", "high-contrast"))
def app(request, tmp_path):
    app = start(str(tmp_path), fast=True, seed=5, settings={"theme": request.param})
    app.session.profile.age_band = "10-12"
    yield app
    theme.apply_theme("default")


def test_the_two_marks_are_different_shapes() -> None:
    for size in (24, 48, 96):
        area = pygame.Rect(0, 0, size, size)
        right = light_shape(icons.verdict(True, size), area)
        wrong = light_shape(icons.verdict(False, size), area)
        assert right.count() and wrong.count()
        assert shapes_differ(right, wrong) >= DIFFERENT, size


def feedback_screen(app, correct: bool) -> tuple[pygame.Surface, RoundScene]:
    """The round just after its first gate, answered rightly or wrongly."""
    app.push(RoundScene(app))
    scene = app.scene
    r = scene.round
    while r.question_gate is None:
        app.step(1 / 60)
    q = r.question_gate.question
    r.choose(q.safe_index if correct else (q.safe_index + 1) % len(q.answers))
    while not r.results:
        app.step(1 / 60)
    app.step(1 / 60)
    assert r.feedback is not None and r.feedback.correct is correct
    app.draw()
    picture = app.canvas.copy()
    app.pop()
    return picture, scene


def test_right_and_wrong_feedback_differ_in_shape(app) -> None:
    """Under the feedback banner, and on the sign of the answer the dog flew through."""
    right, scene = feedback_screen(app, True)
    wrong, _ = feedback_screen(app, False)
    x, y = view.tab_icon_centre()
    icon = pygame.Rect(0, 0, view.TAB_ICON, view.TAB_ICON)
    icon.center = (view.TAB_X + x, scene.geo.banner_h - 6 + y)
    assert shapes_differ(light_shape(right, icon), light_shape(wrong, icon)) >= DIFFERENT


def test_the_chosen_sign_and_the_points_pops_carry_the_shapes(app) -> None:
    question = app.session.bank.questions[0]
    chosen = (question.safe_index + 1) % len(question.answers)
    ticked, signs = view.gate(question, verdicts={chosen: True})
    crossed, _ = view.gate(question, verdicts={chosen: False})
    plain, _ = view.gate(question)
    corner = pygame.Rect(0, 0, view.SIGN_ICON, view.SIGN_ICON)
    corner.center = signs[chosen].topright
    assert shapes_differ(light_shape(ticked, corner), light_shape(crossed, corner)) >= DIFFERENT
    assert pygame.image.tobytes(plain, "RGBA") != pygame.image.tobytes(ticked, "RGBA")
    gained, lost = view.points_pop(10), view.points_pop(-10)
    icon = pygame.Rect(6, (gained.get_height() - view.POP_ICON) // 2, view.POP_ICON, view.POP_ICON)
    assert shapes_differ(light_shape(gained, icon), light_shape(lost, icon)) >= DIFFERENT
