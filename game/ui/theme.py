"""Colours and sizes shared by every screen. Text colours meet WCAG 4.5:1 on their backgrounds.

Two themes: "default" and "high-contrast" (near-black panels, white text, hi-vis yellow edges;
text reaches 7:1). `apply_theme` sets this module's colours, so screens read them when they draw
(`theme.INK`), never at import time. A force's or school's branding (content/branding.yaml) may
change the button and accent colours; `apply_branding` keeps the theme's own for any colour that
would be hard to read in the theme in use.
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


def hex_colour(value: str, default: Colour | None = None) -> Colour:
    """'#1f5ec4' -> (31, 94, 196); anything else gives `default` (the theme's button colour)."""
    try:
        return (int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16))
    except (ValueError, IndexError):
        return default if default is not None else BUTTON


THEME_NAMES: tuple[str, ...] = ("default", "high-contrast")
# The contrast each theme's text keeps to: branding colours below it are refused.
THEME_MIN_CONTRAST: dict[str, float] = {"default": MIN_CONTRAST, "high-contrast": 7.0}

_PALETTES: dict[str, dict[str, Colour]] = {
    "default": {
        "INK": INK, "PAPER": PAPER, "PAPER_EDGE": PAPER_EDGE, "WHITE": WHITE, "BANNER": BANNER,
        "BANNER_TEXT": BANNER_TEXT, "ACCENT": ACCENT, "BUTTON": BUTTON,
        "BUTTON_HOVER": BUTTON_HOVER, "BUTTON_TEXT": BUTTON_TEXT,
        "BUTTON_DISABLED": BUTTON_DISABLED, "RIGHT": RIGHT, "WRONG": WRONG,
        "MUTED_INK": MUTED_INK, "SHADE": SHADE,
    },
    "high-contrast": {
        "INK": (255, 255, 255), "PAPER": (16, 16, 24), "PAPER_EDGE": (255, 221, 0),
        "WHITE": (255, 255, 255), "BANNER": (0, 0, 0), "BANNER_TEXT": (255, 255, 255),
        "ACCENT": (255, 221, 0), "BUTTON": (0, 40, 120), "BUTTON_HOVER": (0, 0, 0),
        "BUTTON_TEXT": (255, 255, 255), "BUTTON_DISABLED": (60, 60, 60),
        "RIGHT": (0, 90, 30), "WRONG": (150, 0, 0), "MUTED_INK": (225, 225, 225),
        "SHADE": (255, 221, 0),
    },
}
current_theme = "default"
_branding: Branding | None = None


def apply_theme(name: str) -> None:
    """Use the colours of theme `name` ("default" or "high-contrast"; anything else: default),
    then the branding last applied, checked against the new theme."""
    global current_theme
    current_theme = name if name in _PALETTES else "default"
    globals().update(_PALETTES[current_theme])
    if _branding is not None:
        apply_branding(_branding)


def apply_branding(branding: Branding) -> None:
    """Use the organisation's colours where text on them stays readable in the theme in use."""
    global BUTTON, BUTTON_HOVER, ACCENT, _branding
    _branding = branding
    own = _PALETTES[current_theme]
    least = THEME_MIN_CONTRAST[current_theme]
    primary = hex_colour(branding.colours.primary, own["BUTTON"])
    accent = hex_colour(branding.colours.accent, own["ACCENT"])
    if contrast(primary, own["BUTTON_TEXT"]) >= least and primary != own["BUTTON"]:
        BUTTON = primary
        BUTTON_HOVER = tuple(int(v * 0.8) for v in primary)  # type: ignore[assignment]
    else:
        BUTTON, BUTTON_HOVER = own["BUTTON"], own["BUTTON_HOVER"]
    ACCENT = accent if contrast(accent, own["BANNER"]) >= least else own["ACCENT"]

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
