"""Every text the game draws can be read: WCAG contrast of at least 4.5:1 against what is behind
it, on every screen, in both themes (high contrast aims at 7:1 for its own colours).

Measured on the rendered screens, not from a list of colour pairs. Each screen is drawn twice:
once as the player sees it, with tests/screen_check.py tracking where each text's ink lands
(a text a modal card or a dimming layer hides is no longer there to be read), and once with
every text invisible (game.ui.text.render gives a transparent surface of the same size, so
nothing else moves). A text's pixels are its ink where the two pictures differ. Its colour is
its pixel that stands out most from the picture under it; it can be read if that colour stands
out enough from the background (the invisible-text picture under it, judged by its worst
tenth), or from the text's own outline (a heading's dark edge, a third of its ink or more).
"""
from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from itertools import chain
from pathlib import Path

import pygame
import pytest

from game.commands.screenshots import tour
from game.content.colours import MIN_CONTRAST, contrast
from game.content.model import Branding, Colours
from game.launch import start
from game.ui import text, theme
from screen_check import Ink, TrackedSurface, forget_drawings, tracking

THEMES = ("default", "high-contrast")
SIZE = (1280, 720)
SHARE_BEHIND = 0.1  # the background is judged by its worst tenth (a text's edge over a border)
SHARE_OUTLINE = 0.3  # an outline is at least this share of a text's ink
SCREENS_EXPECTED = {"title", "age", "round-idle", "round", "round-feedback", "round-wrong",
                    "round-paused", "message", "results", "notebook", "help", "classroom-setup",
                    "classroom-vote", "classroom-summary", "classroom-chat-held",
                    "classroom-chat-vote", "classroom-chat-signs"}
Picture = tuple[pygame.Surface, list[Ink]]


def _wrong_feedback(app) -> Iterator[str]:
    """A round's feedback after a wrong answer (the tour picks the safe one)."""
    from game.scenes.round import RoundScene
    app.push(RoundScene(app))
    r = app.scene.round
    while r.course.gates and r.question_gate is None:
        app.step(1 / 60)
    q = r.question_gate.question
    r.choose((q.safe_index + 1) % len(q.answers))
    while not r.results:
        app.step(1 / 60)
    for _ in range(10):
        app.step(1 / 60)
    yield "round-wrong"
    app.back_to_root()


def _screens(app, data_dir: Path) -> Iterator[str]:
    return chain(_wrong_feedback(app), tour(app, data_dir / "reports"))


def _plain(surface: pygame.Surface) -> pygame.Surface:
    """A plain pygame surface with the same pixels."""
    return pygame.image.frombytes(pygame.image.tobytes(surface, "RGB"), surface.get_size(), "RGB")


def _seen(data_dir: Path, theme_name: str) -> dict[str, Picture]:
    """Every screen as the player sees it, with where its texts' ink is, by name."""
    shots: dict[str, Picture] = {}
    with tracking():
        app = start(str(data_dir), fast=True, seed=7, settings={"theme": theme_name})
        for name in _screens(app, data_dir):
            app.canvas = app.window = TrackedSurface(SIZE)
            app.draw()
            shots[name] = (_plain(app.canvas), list(app.canvas.inks))
    return shots


def _blank(data_dir: Path, theme_name: str) -> dict[str, pygame.Surface]:
    """Every screen with its text invisible, by name."""
    real = text.render

    def invisible(words: str, size: int, colour, bold: bool = False) -> pygame.Surface:
        return pygame.Surface(real(words, size, colour, bold).get_size(), pygame.SRCALPHA)

    forget_drawings()
    text.render = invisible
    try:
        app = start(str(data_dir), fast=True, seed=7, settings={"theme": theme_name})
        shots = {}
        for name in _screens(app, data_dir):
            app.draw()
            shots[name] = _plain(app.canvas)
        return shots
    finally:
        text.render = real
        forget_drawings()


@pytest.fixture(scope="module", params=THEMES)
def screens(request, tmp_path_factory) -> Iterator[tuple[str, dict, dict]]:
    """(theme, each screen as seen with its texts' ink, each screen with its text invisible)."""
    theme_name = request.param
    try:
        seen = _seen(tmp_path_factory.mktemp("seen"), theme_name)
        blank = _blank(tmp_path_factory.mktemp("blank"), theme_name)
    finally:
        theme.apply_theme("default")
    yield theme_name, seen, blank


def _differences(seen: pygame.Surface, blank: pygame.Surface) -> pygame.mask.Mask:
    """The pixels where two pictures of the same size differ."""
    apart = seen.copy()
    apart.blit(blank, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    back = blank.copy()
    back.blit(seen, (0, 0), special_flags=pygame.BLEND_RGB_SUB)
    apart.blit(back, (0, 0), special_flags=pygame.BLEND_RGB_ADD)
    same = pygame.mask.from_threshold(apart, (0, 0, 0), (1, 1, 1, 255))
    same.invert()
    return same


@cache
def _contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    return contrast(a, b)


def readability(colour_at, behind_at, pixels: list[int]) -> tuple[float, tuple]:
    """How well a text whose pixels are `pixels` (indices into the pictures' bytes) can be
    read, and its colour: its colour's
    contrast with the background under it (the worst tenth) or with its own outline."""
    best = max(pixels, key=lambda p: _contrast(colour_at(p), behind_at(p)))
    colour = colour_at(best)
    behind = sorted(_contrast(colour, behind_at(p)) for p in pixels)
    own = sorted(_contrast(colour, colour_at(p)) for p in pixels)
    outline = own[int(len(own) * (1 - SHARE_OUTLINE))]
    return max(behind[int(len(behind) * SHARE_BEHIND)], outline), colour


def hard_to_read(seen: Picture, blank: pygame.Surface, least: float = MIN_CONTRAST) -> list[str]:
    """Each text on the screen `seen` (its picture and its texts' ink) whose colour stands out
    by less than `least`, with `blank` the same screen with its text invisible."""
    picture, inks = seen
    differ = _differences(picture, blank)
    width = picture.get_width()
    shown, under = pygame.image.tobytes(picture, "RGB"), pygame.image.tobytes(blank, "RGB")

    def colour_at(i: int) -> tuple[int, int, int]:
        return shown[i], shown[i + 1], shown[i + 2]

    def behind_at(i: int) -> tuple[int, int, int]:
        return under[i], under[i + 1], under[i + 2]

    found = []
    for ink in inks:
        here = pygame.mask.Mask(ink.rect.size)  # the ink's pixels where the pictures differ
        here.draw(differ, (-ink.rect.x, -ink.rect.y))
        here = here.overlap_mask(ink.mask, (0, 0))
        marks = pygame.image.tobytes(here.to_surface(), "RGB")[::3]
        w = ink.rect.w
        pixels = [3 * ((ink.rect.y + k // w) * width + ink.rect.x + k % w)
                  for k, mark in enumerate(marks) if mark]
        if not pixels:
            continue
        ratio, colour = readability(colour_at, behind_at, pixels)
        if ratio < least:
            found.append(f"{ink.words!r}: {ratio:.2f}:1, {colour} at {tuple(ink.rect)}")
    return found


def test_every_text_on_every_screen_can_be_read(screens) -> None:
    theme_name, seen, blank = screens
    assert SCREENS_EXPECTED <= set(seen), SCREENS_EXPECTED - set(seen)
    assert seen.keys() == blank.keys()
    problems = {name: found for name in seen if (found := hard_to_read(seen[name], blank[name]))}
    assert not problems, f"{theme_name}: {problems}"


def test_the_measure_finds_pale_text_and_passes_readable_text() -> None:
    """Text of too little contrast fails, text of enough passes, and so does a pale heading
    with a dark outline; only text is looked at (a pale shape with no text on it is fine)."""
    def drawn(ink: tuple[int, int, int], outline: bool, with_words: bool) -> Picture:
        surf = pygame.Surface((300, 80))
        surf.fill((255, 255, 255))
        pygame.draw.rect(surf, (250, 250, 250), (240, 10, 40, 40))  # a shape, not text
        face = text.render("Hello there", 30, ink, True)
        if with_words:
            if outline:
                edge = text.render("Hello there", 30, (10, 20, 45), True)
                for dx in (0, 3, 6):
                    for dy in (0, 3, 6):
                        surf.blit(edge, (5 + dx, 10 + dy))
            surf.blit(face, (8, 13))
        words = Ink.of("Hello there", face)
        inks = [words.moved(8, 13)] if words else []
        if outline and words:
            inks = [Ink("Hello there", pygame.Rect(5, 10, face.get_width() + 6,
                                                   face.get_height() + 6),
                        _grown(words.mask))]
        return surf, inks

    def verdict(ink: tuple[int, int, int], outline: bool = False) -> list[str]:
        return hard_to_read(drawn(ink, outline, True), drawn(ink, outline, False)[0])

    assert verdict((160, 160, 160))
    assert verdict((29, 43, 83)) == []
    assert verdict((255, 255, 255), outline=True) == []


def _grown(mask: pygame.mask.Mask) -> pygame.mask.Mask:
    """`mask` with a heading's outline: drawn at every offset of 0, 3 and 6 pixels."""
    out = pygame.mask.Mask((mask.get_size()[0] + 6, mask.get_size()[1] + 6))
    for dx in (0, 3, 6):
        for dy in (0, 3, 6):
            out.draw(mask, (dx, dy))
    return out


@pytest.mark.parametrize("theme_name", THEMES)
def test_each_themes_own_colours(theme_name: str) -> None:
    """The pairs each theme means to be read together: 4.5:1 in the default theme, 7:1 in high
    contrast."""
    theme.apply_theme(theme_name)
    try:
        least = theme.THEME_MIN_CONTRAST[theme_name]
        pairs = [(theme.INK, theme.PAPER), (theme.MUTED_INK, theme.PAPER),
                 (theme.LINK, theme.PAPER), (theme.INK, theme.NOTE),
                 (theme.BANNER_TEXT, theme.BANNER), (theme.ACCENT, theme.BANNER),
                 (theme.ON_ACCENT, theme.ACCENT), (theme.WHITE, theme.SHADE)]
        pairs += [(theme.BUTTON_TEXT, fill) for fill in (
            theme.BUTTON, theme.BUTTON_HOVER, theme.BUTTON_DISABLED, theme.BUTTON_QUIET,
            theme.RIGHT, theme.WRONG)]
        for ink, paper in pairs:
            assert contrast(ink, paper) >= least, (theme_name, ink, paper)
    finally:
        theme.apply_theme("default")


def test_apply_theme_sets_the_colours_and_keeps_readable_branding() -> None:
    pale = Branding(colours=Colours(primary="#9ec5ff", accent="#ffffff"))
    dark = Branding(colours=Colours(primary="#7a1f5c", accent="#ffd700"))
    try:
        theme.apply_theme("high-contrast")
        assert theme.current_theme == "high-contrast" and theme.CALM_ART
        assert theme.PAPER == (12, 12, 16) and theme.INK == (255, 255, 255)
        theme.apply_branding(pale)  # white text on pale blue: refused in both themes
        assert theme.BUTTON == (0, 40, 120)
        theme.apply_branding(dark)  # 7:1 under white: used, even in high contrast
        assert theme.BUTTON == (0x7a, 0x1f, 0x5c)
        assert contrast(theme.LINK, theme.PAPER) >= 7  # links stay light on dark panels
        theme.apply_theme("no such theme")  # the default, with the branding still laid on it
        assert theme.current_theme == "default" and not theme.CALM_ART
        assert theme.PAPER == (255, 251, 240) and theme.BUTTON == (0x7a, 0x1f, 0x5c)
    finally:
        theme.apply_theme("default")
        theme.apply_branding(Branding())
    assert theme.BUTTON == (31, 94, 196)
