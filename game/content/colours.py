"""Colour arithmetic the bank's checks and the screens share (no pygame): WCAG contrast."""
from __future__ import annotations

RGB = tuple[int, int, int]
MIN_CONTRAST = 4.5  # WCAG AA for normal text
WHITE: RGB = (255, 255, 255)
NAVY: RGB = (29, 43, 83)  # the dark banners that accent-coloured text sits on


def rgb(value: str) -> RGB:
    """'#1f5ec4' -> (31, 94, 196); raises ValueError for anything else."""
    if len(value) != 7 or value[0] != "#":
        raise ValueError(value)
    return int(value[1:3], 16), int(value[3:5], 16), int(value[5:7], 16)


def contrast(a: RGB, b: RGB) -> float:
    """The WCAG contrast ratio of two colours, from 1 (none) to 21 (black on white)."""
    def luminance(c: RGB) -> float:
        def channel(v: int) -> float:
            s = v / 255
            return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4
        r, g, b_ = (channel(v) for v in c)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b_
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)
