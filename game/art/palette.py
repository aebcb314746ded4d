"""Named colours (RGB tuples) shared by the art and any screen that wants to match it."""
from __future__ import annotations

Colour = tuple[int, int, int]

# Lines and basics
NAVY: Colour = (29, 43, 83)  # the thick cartoon outline, same as the UI ink
WHITE: Colour = (255, 255, 255)
CREAM: Colour = (255, 248, 230)
INK_BLACK: Colour = (28, 28, 38)

# Sky and far scenery
SKY_TOP: Colour = (92, 174, 240)
SKY_BOTTOM: Colour = (204, 236, 255)
CLOUD: Colour = (255, 255, 255)
CLOUD_SHADE: Colour = (222, 236, 252)
CLOUD_EDGE: Colour = (186, 214, 242)
HILL_FAR: Colour = (164, 214, 170)
HILL_FAR_EDGE: Colour = (128, 186, 150)
TOWN: Colour = (150, 178, 222)  # far-away buildings, soft so the play area stays clear
TOWN_EDGE: Colour = (118, 146, 196)
TOWN_WINDOW: Colour = (212, 228, 250)
TOWN_ROOF: Colour = (132, 156, 206)
HILL_NEAR: Colour = (112, 196, 96)
HILL_NEAR_EDGE: Colour = (72, 158, 78)
TREE: Colour = (86, 176, 84)
TREE_LIGHT: Colour = (128, 206, 104)
TRUNK: Colour = (150, 104, 70)

# Ground
GRASS: Colour = (96, 190, 72)
GRASS_LIGHT: Colour = (140, 218, 96)
GRASS_DARK: Colour = (62, 150, 58)
KERB: Colour = (214, 216, 226)
KERB_SHADE: Colour = (170, 176, 196)
PATH: Colour = (240, 214, 166)
PATH_SHADE: Colour = (222, 190, 140)
FLOWER_PINK: Colour = (255, 134, 178)
FLOWER_YELLOW: Colour = (255, 220, 70)

# Police kit
POLICE_BLUE: Colour = (31, 94, 196)  # same as the UI buttons
CAP_BLUE: Colour = (40, 58, 126)
CAP_BLUE_LIGHT: Colour = (74, 100, 178)
PEAK_BLACK: Colour = (26, 28, 42)
CHECK_BLACK: Colour = (26, 28, 36)
HIVIS: Colour = (255, 222, 20)
HIVIS_SHADE: Colour = (236, 186, 0)
REFLECT: Colour = (222, 228, 238)
LAMP_BLUE: Colour = (60, 140, 255)
LAMP_GLOW: Colour = (170, 215, 255)

# Gold (badges, stars, sparkles)
GOLD: Colour = (255, 196, 36)
GOLD_LIGHT: Colour = (255, 236, 140)
GOLD_DARK: Colour = (214, 140, 16)
SPARKLE: Colour = (255, 250, 214)

# The dog
DOG_TAN: Colour = (230, 162, 84)
DOG_TAN_SHADE: Colour = (198, 128, 62)
DOG_CREAM: Colour = (252, 222, 170)
DOG_DARK: Colour = (92, 60, 46)
DOG_DARK_LIGHT: Colour = (126, 86, 62)
DOG_EAR_INNER: Colour = (240, 168, 150)
NOSE: Colour = (36, 32, 44)
TONGUE: Colour = (246, 112, 140)
TONGUE_DARK: Colour = (206, 72, 104)
BLUSH: Colour = (250, 146, 118)

# Obstacles and pickups
HEDGE: Colour = (58, 164, 74)
HEDGE_LIGHT: Colour = (104, 204, 92)
HEDGE_DARK: Colour = (38, 128, 62)
POPUP_BAR: Colour = (236, 72, 140)
POPUP_BODY: Colour = (255, 252, 244)
POPUP_BURST: Colour = (255, 214, 40)
POPUP_BUTTON: Colour = (46, 184, 92)
WARNING_RED: Colour = (232, 64, 72)
BONE: Colour = (255, 246, 226)
BONE_SHADE: Colour = (228, 208, 172)

# Handy lists
CONFETTI: tuple[Colour, ...] = (HIVIS, POLICE_BLUE, FLOWER_PINK, GRASS_LIGHT, GOLD, (142, 68, 173))


def blend(a: Colour, b: Colour, t: float) -> Colour:
    """Mix two colours: t = 0 gives a, t = 1 gives b."""
    return (round(a[0] + (b[0] - a[0]) * t), round(a[1] + (b[1] - a[1]) * t),
            round(a[2] + (b[2] - a[2]) * t))
