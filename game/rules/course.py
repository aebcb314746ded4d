"""Lay out one round's world: when each question is announced, where its gate stands,
and the scenery and treats in between."""
from __future__ import annotations

import random
from dataclasses import dataclass

from game.content.model import Question
from game.rules.tuning import (
    CEILING, GROUND, MAX_ROUND_SECONDS, RUN_IN_SECONDS, BandTuning, reading_seconds,
)

CLEAR_BEFORE_GATE = 520  # px kept free of scenery in front of a gate, to steer to an opening
CLEAR_AFTER_GATE = 260


@dataclass(frozen=True)
class Gate:
    question: Question
    announce_x: float  # dog position at which the question banner appears
    x: float  # dog position at which the dog flies through the gate
    feedback_seconds: float  # how long the right/wrong feedback stays up afterwards


@dataclass(frozen=True)
class Obstacle:
    x: float  # left edge, world px
    y: float
    w: float
    h: float
    kind: str  # "popup" (a floating pop-up window) or "hedge" (grows from the ground)


@dataclass(frozen=True)
class Pickup:
    x: float
    y: float
    kind: str  # "bone" (10 points) or "badge" (25 points)


@dataclass(frozen=True)
class Course:
    gates: tuple[Gate, ...]
    obstacles: tuple[Obstacle, ...]
    pickups: tuple[Pickup, ...]
    length: float  # dog position at which the round ends
    top: float = CEILING  # the top of the flying space: the question banner's foot

    def seconds(self, speed: float) -> float:
        return self.length / speed


def question_read_seconds(question: Question, band: str) -> float:
    words = " ".join([question.text, *(a.text for a in question.answers)])
    return max(5.0, reading_seconds(words, band))


def feedback_read_seconds(question: Question, band: str) -> float:
    longest = max((a.explain for a in question.answers if not a.safe), key=len, default="")
    safe = question.answers[question.safe_index].text
    return max(3.0, reading_seconds(f"The safe answer is {safe}. {longest}", band))


def plan_gates(questions: list[Question], tuning: BandTuning) -> tuple[tuple[Gate, ...], float]:
    """Place the gates so each question gets its reading time; drop gates past the time limit."""
    gates: list[Gate] = []
    x = RUN_IN_SECONDS * tuning.speed
    for question in questions:
        read = question_read_seconds(question, tuning.band)
        feedback = feedback_read_seconds(question, tuning.band)
        gate_x = x + read * tuning.speed
        end = gate_x + feedback * tuning.speed
        if gates and end / tuning.speed > MAX_ROUND_SECONDS:
            break
        gates.append(Gate(question, x, gate_x, feedback))
        x = end
    return tuple(gates), x + 1.0 * tuning.speed


def build_course(questions: list[Question], tuning: BandTuning, rng: random.Random,
                 top: float = CEILING) -> Course:
    """The round's world for a flying space from `top` (larger text, a taller banner) down to
    the grass."""
    gates, length = plan_gates(questions, tuning)
    obstacles: list[Obstacle] = []
    pickups: list[Pickup] = []
    blocked = [(g.x - CLEAR_BEFORE_GATE, g.x + CLEAR_AFTER_GATE) for g in gates]
    x = 900.0
    while x < length - 600:
        if any(a <= x <= b for a, b in blocked):
            x = next(b for a, b in blocked if a <= x <= b) + 40
            continue
        if rng.random() < 0.5:
            h = rng.uniform(80, 150)
            obstacles.append(Obstacle(x, GROUND - h, 70, h, "hedge"))
            pickups.append(Pickup(x + 35, GROUND - h - 110, "bone"))
        else:
            y = rng.uniform(top + 40, GROUND - 220)
            obstacles.append(Obstacle(x, y, 110, 80, "popup"))
            above = y - 70 > top + 30
            pickups.append(Pickup(x + 55, y - 60 if above else y + 150, "bone"))
        gap = tuning.obstacle_gap * rng.uniform(1.0, 1.5)
        if rng.random() < 0.35:
            pickups.append(Pickup(x + gap / 2, rng.uniform(top + 60, GROUND - 60), "badge"))
        x += gap
    pickups = [p for p in pickups if not any(a <= p.x <= b for a, b in blocked)]
    pickups.sort(key=lambda p: p.x)
    return Course(gates, tuple(obstacles), tuple(pickups), length, top)
