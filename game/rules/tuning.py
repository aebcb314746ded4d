"""Numbers that shape a round, per age band, and the world's fixed geometry (logical pixels)."""
from __future__ import annotations

from dataclasses import dataclass, replace

WIDTH, HEIGHT = 1280, 720
CEILING = 150  # top of the flying space at 100% text; the question banner sits above it
GROUND = 650  # top of the grass
DOG_X = 320  # the dog's fixed screen x; the world scrolls past it
DOG_RADIUS = 26
STEP = 1 / 60  # the fixed simulation step, in seconds


@dataclass(frozen=True)
class BandTuning:
    band: str
    speed: float  # world scroll, px/s
    gravity: float  # px/s²
    hop_speed: float  # upward speed given by one hop, px/s
    seconds_per_word: float  # reading time added per word of a question, answer or explanation
    gates: int  # question gates per round (fewer if the round would run over MAX_ROUND_SECONDS)
    bump_penalty: int  # points lost when bumping into scenery
    obstacle_gap: float  # px between obstacles, at least


BANDS: dict[str, BandTuning] = {
    "7-9": BandTuning("7-9", 200, 1400, 500, 0.50, 3, 5, 620),
    "10-12": BandTuning("10-12", 240, 1600, 540, 0.36, 4, 10, 520),
    "13-15": BandTuning("13-15", 280, 1800, 580, 0.30, 5, 15, 440),
}

MIN_ROUND_SECONDS, MAX_ROUND_SECONDS = 30.0, 90.0
RUN_IN_SECONDS = 2.5  # flying before the first question is announced
BASE_READ_SECONDS = 2.0  # added to every reading time, for eyes to find the text


def tuning_for(band: str, speed: float = 1.0) -> BandTuning:
    """The band's tuning; `speed` below 1 slows the world (the slow game-speed setting) while
    hops and gravity, and so the dog's handling, stay as they are."""
    tuning = BANDS.get(band, BANDS["10-12"])
    return tuning if speed == 1.0 else replace(tuning, speed=tuning.speed * speed)


def reading_seconds(text: str, band: str) -> float:
    """How long the child needs to read `text`: grows with word count, longer for younger bands."""
    return BASE_READ_SECONDS + len(text.split()) * tuning_for(band).seconds_per_word


def lane_centre(lane: int, lanes: int, top: float = CEILING) -> float:
    """The middle of an opening of a gate whose flying space runs from `top` to the grass."""
    height = (GROUND - top) / lanes
    return top + (lane + 0.5) * height


def lane_at(y: float, lanes: int, top: float = CEILING) -> int:
    height = (GROUND - top) / lanes
    return max(0, min(lanes - 1, int((y - top) // height)))

MESSAGE_MAX_WAIT = 12.0  # Continue never waits longer than this, whatever the message's length


def message_wait_seconds(text: str, band: str) -> float:
    """How long a safety message holds Continue back: enough to stop a click-through, not a
    test of reading speed (a child who reads slowly can stay as long as they like)."""
    return min(MESSAGE_MAX_WAIT, 0.5 * reading_seconds(text, band))
