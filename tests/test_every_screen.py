"""Every screen at every text size in every language: nothing cut off, nothing overlapping.

The check itself is tests/screen_check.py; the first tests here prove it fails when it should.
"""
from __future__ import annotations

import pygame

from screen_check import tracking
from game.ui import text, theme


def _canvas() -> pygame.Surface:
    canvas = pygame.Surface((1280, 720))
    canvas.fill((0, 0, 0))
    return canvas


def _problems(draw) -> list[str]:
    pygame.display.init()
    pygame.font.init()
    if pygame.display.get_surface() is None:
        pygame.display.set_mode((1280, 720))
    with tracking() as tracker:
        draw(_canvas())  # made inside the block: a tracked surface
        return tracker.collect()


def test_the_check_finds_two_texts_drawn_over_each_other():
    def draw(canvas):
        canvas.blit(text.render("Where to get help", 30, theme.WHITE), (100, 100))
        canvas.blit(text.render("Safety Notebook", 30, theme.WHITE), (140, 104))
    assert any("overlap" in p and "Safety Notebook" in p for p in _problems(draw))


def test_the_check_finds_a_text_off_the_screen():
    def draw(canvas):
        canvas.blit(text.render("Where to get help", 30, theme.WHITE), (1200, 300))
    assert any("cut off" in p and "Where to get help" in p for p in _problems(draw))


def test_the_check_finds_a_label_wider_than_its_button():
    def draw(canvas):
        button = pygame.Surface((80, 40))
        button.blit(text.render("Safety Notebook", 30, theme.WHITE), (4, 4))
        canvas.blit(button, (600, 300))
    assert any("cut off" in p and "Safety Notebook" in p for p in _problems(draw))


def test_the_check_finds_a_text_partly_hidden_under_a_card():
    def draw(canvas):
        canvas.blit(text.render("Where to get help", 30, theme.WHITE), (100, 100))
        card = pygame.Surface((200, 200))
        canvas.blit(card, (180, 60))
    assert any("partly hidden" in p for p in _problems(draw))


def test_the_check_finds_a_text_cut_short():
    def draw(canvas):
        canvas.blit(text.block("A long sentence that cannot fit a tiny box at all", 60, 20,
                               theme.WHITE, (20,)), (10, 10))
    assert any("cut short" in p for p in _problems(draw))


def test_the_check_accepts_a_card_over_a_text_and_an_outlined_heading():
    from game.scenes.common import heading

    def draw(canvas):
        canvas.blit(text.render("Where to get help", 30, theme.WHITE), (100, 100))
        canvas.blit(pygame.Surface((600, 200)), (50, 50))  # a modal card hides it entirely
        canvas.blit(heading("Safety Dash", 60), (100, 400))
        canvas.blit(text.block("Two lines of a paragraph wrapped into a narrow box", 300, 200,
                               theme.WHITE, (30,)), (700, 100))
    assert _problems(draw) == []
