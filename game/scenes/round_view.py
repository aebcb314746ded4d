"""Pre-rendered pieces of the round screen: the question banner, feedback, gates and the HUD.

Each piece is built once (when its question or result first appears) and then only blitted.
"""
from __future__ import annotations

import pygame

from game.art.scenery import gate_post
from game.content.model import Question
from game.rules.round import GateResult
from game.rules.tuning import CEILING, GROUND, WIDTH, lane_centre
from game.ui import layout, text, theme
from game.ui.widgets import panel

BANNER_H = CEILING
GATE_W = 300  # the answer signs plus the gate's wall
WALL_W = 28
WALL_H = 40  # each piece of wall between openings
SIGN_W = layout.SIGN_W
LANE_COLOURS = [(31, 94, 196), (142, 68, 173), (0, 121, 107)]  # blue, purple, teal: white text ≥ 4.5:1


def question_banner(question: Question, number: int, total: int) -> tuple[pygame.Surface, list[pygame.Rect]]:
    """The banner announcing a gate's question, and the clickable rect of each answer chip."""
    surf = pygame.Surface((WIDTH, BANNER_H)).convert()
    surf.fill(theme.BANNER)
    pygame.draw.rect(surf, theme.ACCENT, (0, BANNER_H - 6, WIDTH, 6))
    tag = text.render(f"Question {number} of {total}", 20, theme.ACCENT, True)
    surf.blit(tag, (20, 6))
    fitted = layout.question_banner(question)
    q = fitted.question.surface(theme.BANNER_TEXT)
    surf.blit(q, (20, 30 + (64 - q.get_height()) // 2))
    n = len(question.answers)
    rects = []
    for i, chip in enumerate(fitted.chips):
        rect = pygame.Rect(layout.chip_rect(i, n))
        pygame.draw.rect(surf, LANE_COLOURS[i], rect, border_radius=12)
        pygame.draw.rect(surf, theme.WHITE, rect, 2, border_radius=12)
        key = text.render(str(i + 1), 24, theme.INK, True)
        bubble = pygame.Rect(rect.x + 6, rect.y + 5, 32, 32)
        pygame.draw.ellipse(surf, theme.ACCENT, bubble)
        surf.blit(key, key.get_rect(center=bubble.center))
        label = chip.surface(theme.WHITE)
        surf.blit(label, (rect.x + 46, rect.centery - label.get_height() // 2))
        rects.append(rect)
    return surf, rects


def feedback_banner(result: GateResult) -> pygame.Surface:
    """Right: a cheer. Wrong: the safe answer and the one-line why — never a telling-off."""
    surf = pygame.Surface((WIDTH, BANNER_H)).convert()
    question = result.question
    surf.fill(theme.RIGHT if result.correct else theme.WRONG)
    head, body = layout.feedback(question, result.chosen, result.correct)
    pygame.draw.rect(surf, theme.ACCENT, (0, BANNER_H - 6, WIDTH, 6))
    h = head.surface(theme.WHITE)
    surf.blit(h, (20, 14))
    b = body.surface(theme.WHITE)
    surf.blit(b, (20, 70))
    return surf


def idle_banner(line: str) -> pygame.Surface:
    surf = pygame.Surface((WIDTH, BANNER_H)).convert()
    surf.fill(theme.BANNER)
    pygame.draw.rect(surf, theme.ACCENT, (0, BANNER_H - 6, WIDTH, 6))
    t = text.block(line, WIDTH - 40, 100, theme.WHITE, (34, 30), bold=True, align="center")
    surf.blit(t, (20, (BANNER_H - 6 - t.get_height()) // 2))
    return surf


def gate(question: Question) -> tuple[pygame.Surface, list[pygame.Rect]]:
    """A gate: a wall with one opening per answer, each with a numbered sign in front of it.

    Returns the surface (placed with its left edge at gate_x - GATE_W + WALL_W and its top at
    CEILING) and the sign rects relative to that surface.
    """
    n = len(question.answers)
    height = GROUND - CEILING
    surf = pygame.Surface((GATE_W, height), pygame.SRCALPHA)
    lane_h = height / n
    wall_x = GATE_W - WALL_W
    post = gate_post(WALL_H, theme.BUTTON)
    for i in range(n + 1):  # short wall pieces at the top, between openings and at the bottom
        top = int(min(max(0, lane_h * i - WALL_H / 2), height - WALL_H))
        surf.blit(post, (wall_x, top))
    rects = []
    for i, label in enumerate(layout.gate_signs(question)):
        centre = lane_centre(i, n) - CEILING
        sign_h = layout.sign_height(n)
        rect = pygame.Rect(wall_x - SIGN_W - 6, int(centre - sign_h / 2), SIGN_W, sign_h)
        card = panel(rect.size, fill=LANE_COLOURS[i], edge=theme.WHITE, border=3, shadow=0)
        card.set_alpha(225)
        surf.blit(card, rect.topleft)
        badge = text.render(str(i + 1), 30, theme.INK, True)
        bubble = pygame.Rect(rect.x + 8, rect.y + 8, 40, 40)
        pygame.draw.ellipse(surf, theme.ACCENT, bubble)
        surf.blit(badge, badge.get_rect(center=bubble.center))
        face = label.surface(theme.WHITE)
        surf.blit(face, (rect.x + 56, rect.centery - face.get_height() // 2))
        rects.append(rect)
    return surf, rects


def score_chip(score: int, team: str = "") -> pygame.Surface:
    """The round's score; in a classroom lesson, with the name of the team playing."""
    label = text.render(f"{team}: {score}" if team else f"Score {score}",
                        theme.CLASS_BODY if team else 28, theme.INK, True)
    chip = panel((label.get_width() + 36, 48), border=3, shadow=3)
    chip.blit(label, (18, (48 - label.get_height()) // 2))
    return chip
