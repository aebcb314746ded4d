"""Colours and sizes shared by every screen. Text colours meet WCAG 4.5:1 on their backgrounds.

A force's or school's branding (content/branding.yaml) may change the button and accent colours;
`apply_branding` keeps the defaults for any colour that would be hard to read.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from game.content.colours import MIN_CONTRAST, contrast

if TYPE_CHECKING:
    from game.content.model import Branding

Colour = tuple[int, int, int]

INK: Colour = (29, 43, 83)  # navy text on light panels
PAPER: Colour = (255, 251, 240)  # light panel
PAPER_EDGE: Colour = (29, 43, 83)
WHITE: Colour = (255, 255, 255)
BANNER: Colour = (29, 43, 83)  # dark banner behind white text
BANNER_TEXT: Colour = (255, 255, 255)
ACCENT: Colour = (255, 204, 0)  # hi-vis yellow
BUTTON: Colour = (31, 94, 196)
BUTTON_HOVER: Colour = (18, 70, 160)
BUTTON_TEXT: Colour = (255, 255, 255)
BUTTON_DISABLED: Colour = (120, 130, 150)
RIGHT: Colour = (20, 120, 60)
WRONG: Colour = (170, 60, 20)
MUTED_INK: Colour = (70, 80, 110)
SHADE: Colour = (10, 20, 45)

TEXT_BODY = 30
TEXT_SMALL = 24
TEXT_TITLE = 44
TEXT_HUGE = 72
RADIUS = 18


def hex_colour(value: str, default: Colour = BUTTON) -> Colour:
    try:
        return (int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16))
    except (ValueError, IndexError):
        return default


_DEFAULT_BUTTON, _DEFAULT_HOVER, _DEFAULT_ACCENT = BUTTON, BUTTON_HOVER, ACCENT


def apply_branding(branding: Branding) -> None:
    """Use the organisation's colours where text on them stays readable (WCAG 4.5:1)."""
    global BUTTON, BUTTON_HOVER, ACCENT
    primary = hex_colour(branding.colours.primary, _DEFAULT_BUTTON)
    accent = hex_colour(branding.colours.accent, _DEFAULT_ACCENT)
    readable = contrast(primary, BUTTON_TEXT) >= MIN_CONTRAST
    BUTTON = primary if readable else _DEFAULT_BUTTON
    BUTTON_HOVER = _DEFAULT_HOVER if BUTTON == _DEFAULT_BUTTON else \
        tuple(int(v * 0.8) for v in BUTTON)  # type: ignore[assignment]
    ACCENT = accent if contrast(accent, BANNER) >= MIN_CONTRAST else _DEFAULT_ACCENT

# --- classroom (projector) screens: high contrast, big text ----------------------------------
# Projected text washes out, so these pairs reach 7:1 (WCAG AAA), and no text is smaller than
# 4% of the screen's height.
CLASS_BG: Colour = (10, 20, 45)
CLASS_PANEL: Colour = (28, 44, 88)
CLASS_TEXT: Colour = (255, 255, 255)
CLASS_ACCENT: Colour = (255, 214, 10)
CLASS_MUTED: Colour = (205, 214, 240)
CLASS_MIN_TEXT = 29  # 4% of the 720-pixel screen, rounded up
CLASS_BODY = 32
CLASS_TITLE = 52
