"""Pre-rendered pieces of the round screen: the question banner, feedback, gates and the HUD.

Each piece is built once (when its question or result first appears) and then only blitted.
"""
from __future__ import annotations

import pygame

from game.art.scenery import gate_post
from game.content.model import Question
from game.i18n import t
from game.rules.round import GateResult
from game.rules.tuning import GROUND, WIDTH, lane_centre
from game.ui import icons, text, theme
from game.ui.layout.base import Fitted
from game.ui.layout.round import (
    LARGE_SIGN_W, NORMAL_ROUND, TIGHT_TOP, RoundLayout, feedback, floored, gate_signs,
    question_banner as fit_banner, tight_height, tight_step,
)
from game.ui.widgets import panel

GATE_W = LARGE_SIGN_W + 50  # the widest gate: its answer signs plus its wall
WALL_W = 28
WALL_H = 40  # each piece of wall between openings
LANE_COLOURS = [(31, 94, 196), (142, 68, 173), (0, 121, 107)]  # blue, purple, teal: white text ≥ 4.5:1
TAB_W, TAB_H = 84, 70  # the tab under a feedback banner that holds its tick or cross
TAB_X = WIDTH - 20 - TAB_W  # at the right: the gate just passed is at the left
TAB_ICON = 50  # the tick or cross on it
SIGN_ICON = 44  # a tick or cross on the sign of the answer chosen (and of the safe answer)
POP_ICON = 30
POP_SIZE = 30  # no smaller than the classroom's smallest text


def question_banner(question: Question, number: int, total: int,
                    geo: RoundLayout = NORMAL_ROUND) -> tuple[pygame.Surface, list[pygame.Rect]]:
    """The banner announcing a gate's question, and the clickable rect of each answer chip."""
    surf = _banner_surface(geo, theme.BANNER)
    tag = text.render(t("Question {n} of {total}", n=number, total=total), geo.tag_size,
                      theme.ACCENT, True)
    surf.blit(tag, (20, geo.tag_y - _lift(geo, geo.tag_size)))
    fitted = fit_banner(question, geo)
    room = tight_height(geo.question) if geo.tight else geo.question.h
    _words(surf, fitted.question, theme.BANNER_TEXT, geo,
           (20, geo.question_y + (room - _height(fitted.question, geo)) // 2))
    n = len(question.answers)
    rects = []
    for i, chip in enumerate(fitted.chips):
        rect = pygame.Rect(geo.chip_rect(i, n))
        pygame.draw.rect(surf, LANE_COLOURS[i], rect, border_radius=12)
        pygame.draw.rect(surf, theme.WHITE, rect, 2, border_radius=12)
        bubble = pygame.Rect(rect.x + 6, 0, geo.bubble, geo.bubble)
        bubble.centery = rect.centery
        _number(surf, i, bubble, geo.key_size)
        _words(surf, chip, theme.WHITE, geo,
               (bubble.right + 8, rect.centery - _height(chip, geo) // 2))
        rects.append(rect)
    return surf, rects


def _lift(geo: RoundLayout, size: int) -> int:
    """How far above its place a line is drawn (above 100%, the room over its accents)."""
    return round(TIGHT_TOP * size) if geo.tight else 0


def _height(fitted: Fitted, geo: RoundLayout) -> int:
    """The room a fitted text's lines take in the banner."""
    step = tight_step(fitted.size) if geo.tight else text.line_height(fitted.size, fitted.bold)
    return step * len(fitted.lines)


def _words(surf: pygame.Surface, fitted: Fitted, colour: tuple[int, int, int],
           geo: RoundLayout, at: tuple[int, int]) -> None:
    """A fitted text's lines on the banner at `at`: as the font spaces them at 100%, closer
    above it (the font's line height is 1.6 sizes; a line's ink takes 1.2)."""
    if not geo.tight:
        surf.blit(fitted.surface(colour), at)
        return
    step, lift = tight_step(fitted.size), _lift(geo, fitted.size)
    for i, line in enumerate(fitted.lines):
        surf.blit(text.render(line, fitted.size, colour, fitted.bold),
                  (at[0], at[1] + i * step - lift))


def _banner_surface(geo: RoundLayout, fill: tuple[int, int, int]) -> pygame.Surface:
    surf = pygame.Surface((WIDTH, geo.banner_h)).convert()
    surf.fill(fill)
    pygame.draw.rect(surf, theme.ACCENT, (0, geo.banner_h - 6, WIDTH, 6))
    return surf


def _number(surf: pygame.Surface, i: int, bubble: pygame.Rect, size: int) -> None:
    """An answer's number in its yellow bubble: the number, not the colour, names the answer."""
    pygame.draw.ellipse(surf, theme.ACCENT, bubble)
    key = text.render(str(i + 1), size, theme.ON_ACCENT, True)
    surf.blit(key, key.get_rect(center=bubble.center))


def feedback_banner(result: GateResult, geo: RoundLayout = NORMAL_ROUND) -> pygame.Surface:
    """Right: a cheer. Wrong: the safe answer and the one-line why — never a telling-off.
    (Its tick or cross hangs below it: `feedback_tab`.)"""
    surf = _banner_surface(geo, theme.RIGHT if result.correct else theme.WRONG)
    head, body = feedback(result.question, result.chosen, result.correct, geo)
    _words(surf, head, theme.WHITE, geo, (20, geo.head_y))
    _words(surf, body, theme.WHITE, geo, (20, geo.body_y))
    return surf


def feedback_tab(correct: bool) -> pygame.Surface:
    """A tab in the feedback banner's colour, edged like the banner, holding a tick in a circle
    (right) or a cross in a square (wrong): placed at (TAB_X, banner_h - 6), below the text."""
    surf = pygame.Surface((TAB_W, TAB_H), pygame.SRCALPHA)
    rect = surf.get_rect()
    radius = 16
    pygame.draw.rect(surf, theme.ACCENT, rect, border_bottom_left_radius=radius,
                     border_bottom_right_radius=radius)
    inside = rect.inflate(-12, -6).move(0, -3)  # the banner's yellow edge round the sides and foot
    pygame.draw.rect(surf, theme.RIGHT if correct else theme.WRONG, inside,
                     border_bottom_left_radius=radius - 6, border_bottom_right_radius=radius - 6)
    icons.blit_verdict(surf, correct, TAB_ICON, tab_icon_centre())
    return surf


def tab_icon_centre() -> tuple[int, int]:
    """Where the tick or cross sits on the feedback tab."""
    return TAB_W // 2, (TAB_H - 6) // 2


def idle_banner(line: str, geo: RoundLayout = NORMAL_ROUND) -> pygame.Surface:
    surf = _banner_surface(geo, theme.BANNER)
    sizes = floored((34, 30, 26), geo.scale, geo.tag_size)
    t = text.block(line, WIDTH - 40, geo.banner_h - 30, theme.WHITE, sizes, bold=True,
                   align="center")
    surf.blit(t, (20, (geo.banner_h - 6 - t.get_height()) // 2))
    return surf


def gate(question: Question, geo: RoundLayout = NORMAL_ROUND,
         verdicts: dict[int, bool] | None = None,
         clear_from: int = GROUND) -> tuple[pygame.Surface, list[pygame.Rect]]:
    """A gate: a wall with one opening per answer, each with a numbered sign in front of it;
    `verdicts` (once the dog is through) puts a tick or a cross on the signs of some answers.
    Nothing of it goes below `clear_from` (the top of the corner buttons, when they reach up
    into the sky): the lowest sign sits above it, and the grass is the last opening's floor.

    Returns the surface (placed with its left edge at gate_x - its width + WALL_W and its top
    at the banner's foot: `gate_left`) and the sign rects relative to that surface.
    """
    n = len(question.answers)
    sky_top = geo.banner_h
    height = GROUND - sky_top
    floor = min(height, clear_from - sky_top - 4)
    surf = pygame.Surface((gate_width(geo), height), pygame.SRCALPHA)
    lane_h = height / n
    wall_x = surf.get_width() - WALL_W
    post = gate_post(WALL_H, theme.BUTTON)
    for i in range(n + 1):  # short wall pieces at the top, between openings and at the bottom
        top = int(min(max(0, lane_h * i - WALL_H / 2), height - WALL_H))
        if top + WALL_H <= floor:
            surf.blit(post, (wall_x, top))
    rects = []
    labels = gate_signs(question, geo)
    sign_h = geo.sign_height(n)
    for i in range(n):
        centre = lane_centre(i, n, sky_top) - sky_top
        width = geo.sign_w if labels else sign_h + 24  # a number alone needs a square sign
        top = min(int(centre - sign_h / 2), floor - sign_h)
        rect = pygame.Rect(wall_x - width - 6, top, width, sign_h)
        card = panel(rect.size, fill=LANE_COLOURS[i], edge=theme.WHITE, border=3, shadow=0)
        surf.blit(card, rect.topleft)
        if labels:
            _number(surf, i, pygame.Rect(rect.x + 8, rect.y + 8, 40, 40), geo.badge_size)
            face = labels[i].surface(theme.WHITE)
            surf.blit(face, (rect.x + 56, rect.centery - face.get_height() // 2))
        else:
            bubble = pygame.Rect(0, 0, sign_h - 12, sign_h - 12)
            bubble.center = rect.center
            _number(surf, i, bubble, min(geo.badge_size, bubble.h * 2 // 3))
        rects.append(rect)
    for i, correct in (verdicts or {}).items():
        icons.blit_verdict(surf, correct, SIGN_ICON, rects[i].topright)
    return surf, rects


def gate_width(geo: RoundLayout) -> int:
    """A gate's picture's width: its signs and its wall (no wider than it needs: it is blitted
    every frame)."""
    return geo.sign_w + GATE_W - LARGE_SIGN_W


def gate_left(wall_x: float, geo: RoundLayout) -> float:
    """The screen x of a gate's picture whose wall stands at screen x `wall_x`."""
    return wall_x - gate_width(geo) + WALL_W


def passed_gate_verdicts(result: GateResult) -> dict[int, bool]:
    """The marks on a gate the dog has flown through: the answer chosen, right or wrong, and
    the safe answer (ticked) if that was not it."""
    return {result.chosen: result.correct, result.question.safe_index: True}


def points_pop(points: int) -> pygame.Surface:
    """"+10" with a tick in a circle, or "-5" with a cross in a square, on a chip of its colour,
    so the sign is not told by colour alone."""
    gained = points > 0
    label = text.render(f"+{points}" if gained else str(points), POP_SIZE, theme.WHITE, True)
    h = max(label.get_height(), POP_ICON) + 8
    chip = pygame.Surface((label.get_width() + POP_ICON + 28, h), pygame.SRCALPHA)
    pygame.draw.rect(chip, theme.RIGHT if gained else theme.WRONG, chip.get_rect(),
                     border_radius=h // 2)
    pygame.draw.rect(chip, theme.WHITE, chip.get_rect(), 2, border_radius=h // 2)
    icons.blit_verdict(chip, gained, POP_ICON, (6 + POP_ICON // 2, h // 2))
    chip.blit(label, (POP_ICON + 14, (h - label.get_height()) // 2))
    return chip


def score_chip(score: int, team: str = "") -> pygame.Surface:
    """The round's score; in a classroom lesson, with the name of the team playing."""
    label = text.render(t("{team}: {score}", team=team, score=score) if team else
                        t("Score {score}", score=score),
                        theme.CLASS_BODY if team else 28, theme.INK, True)
    chip = panel((label.get_width() + 36, 48), border=3, shadow=3)
    chip.blit(label, (18, (48 - label.get_height()) // 2))
    return chip
