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

# The default theme's colours; `apply_theme` replaces them (see _PALETTES for both themes).
INK: Colour = (29, 43, 83)  # text on panels (PAPER)
PAPER: Colour = (255, 251, 240)  # panels and cards
PAPER_EDGE: Colour = (29, 43, 83)
WHITE: Colour = (255, 255, 255)  # text on coloured fills: buttons, banners, answer chips
BANNER: Colour = (29, 43, 83)  # the round's banner, behind BANNER_TEXT
BANNER_TEXT: Colour = (255, 255, 255)
ACCENT: Colour = (255, 204, 0)  # hi-vis yellow: focus, edges, headings, number bubbles
ON_ACCENT: Colour = (29, 43, 83)  # text on ACCENT
BUTTON: Colour = (31, 94, 196)
BUTTON_HOVER: Colour = (18, 70, 160)  # a button's fill under the pointer, behind BUTTON_TEXT
BUTTON_TEXT: Colour = (255, 255, 255)
BUTTON_EDGE: Colour = (10, 20, 45)  # a button's outline (its hover outline is ACCENT)
BUTTON_DISABLED: Colour = (96, 104, 124)
BUTTON_QUIET: Colour = (70, 80, 110)  # a button that should not draw the eye (Quit)
RIGHT: Colour = (20, 120, 60)  # a safe answer (always with a tick, never colour alone)
WRONG: Colour = (170, 60, 20)  # a wrong answer (always with a cross)
MUTED_INK: Colour = (70, 80, 110)  # quieter text on panels
LINK: Colour = (18, 70, 160)  # contact lines and ranks on panels (PAPER)
NOTE: Colour = (255, 236, 153)  # notices and the "What to do" box, behind INK
SHADE: Colour = (10, 20, 45)  # outlines of headings, dimming, the toast
CALM_ART = False  # high contrast: the park behind menus and the round is dimmed and still

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

_COLOUR_NAMES = ("INK", "PAPER", "PAPER_EDGE", "WHITE", "BANNER", "BANNER_TEXT", "ACCENT",
                 "ON_ACCENT", "BUTTON", "BUTTON_HOVER", "BUTTON_TEXT", "BUTTON_EDGE",
                 "BUTTON_DISABLED", "BUTTON_QUIET", "RIGHT", "WRONG", "MUTED_INK", "LINK", "NOTE",
                 "SHADE")
_PALETTES: dict[str, dict[str, Colour]] = {
    "default": {name: globals()[name] for name in _COLOUR_NAMES},
    # Near-black panels and banners, white text, hi-vis yellow edges and focus; buttons stand
    # out by a white outline. Every text colour reaches 7:1 on what it is drawn on.
    "high-contrast": {
        "INK": (255, 255, 255), "PAPER": (12, 12, 16), "PAPER_EDGE": (255, 221, 0),
        "WHITE": (255, 255, 255), "BANNER": (0, 0, 0), "BANNER_TEXT": (255, 255, 255),
        "ACCENT": (255, 221, 0), "ON_ACCENT": (0, 0, 0), "BUTTON": (0, 40, 120),
        "BUTTON_HOVER": (0, 20, 70), "BUTTON_TEXT": (255, 255, 255),
        "BUTTON_EDGE": (255, 255, 255), "BUTTON_DISABLED": (64, 64, 64),
        "BUTTON_QUIET": (48, 48, 48), "RIGHT": (0, 96, 38), "WRONG": (150, 0, 0),
        "MUTED_INK": (215, 215, 215), "LINK": (140, 220, 255), "NOTE": (48, 40, 0),
        "SHADE": (0, 0, 0),
    },
}
current_theme = "default"
_branding: Branding | None = None


def apply_theme(name: str) -> None:
    """Use the colours of theme `name` ("default" or "high-contrast"; anything else: default),
    then the branding last applied, checked against the new theme."""
    global current_theme, CALM_ART
    current_theme = name if name in _PALETTES else "default"
    globals().update(_PALETTES[current_theme])
    CALM_ART = current_theme == "high-contrast"
    if _branding is not None:
        apply_branding(_branding)


def apply_branding(branding: Branding) -> None:
    """Use the organisation's colours where text on and in them stays readable in the theme in
    use (4.5:1 in the default theme, 7:1 in high contrast); the theme's own colours elsewhere."""
    global BUTTON, BUTTON_HOVER, LINK, ACCENT, _branding
    _branding = branding
    own = _PALETTES[current_theme]
    least = THEME_MIN_CONTRAST[current_theme]
    primary = hex_colour(branding.colours.primary, own["BUTTON"])
    accent = hex_colour(branding.colours.accent, own["ACCENT"])
    branded = primary != own["BUTTON"] and contrast(primary, own["BUTTON_TEXT"]) >= least
    darker: Colour = (int(primary[0] * 0.8), int(primary[1] * 0.8), int(primary[2] * 0.8))
    BUTTON, BUTTON_HOVER = (primary, darker) if branded else (own["BUTTON"], own["BUTTON_HOVER"])
    LINK = darker if branded and contrast(darker, own["PAPER"]) >= least else own["LINK"]
    readable = min(contrast(accent, own["BANNER"]), contrast(accent, own["ON_ACCENT"]))
    ACCENT = accent if readable >= least else own["ACCENT"]


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
