"""One dash round: the dog's flight, bumps, treats and question gates, stepped at a fixed rate."""
from __future__ import annotations

from dataclasses import dataclass, field

from game.content.model import Question
from game.rules.course import Course, Gate
from game.rules.tuning import (
    DOG_RADIUS, GROUND, STEP, BandTuning, lane_at, lane_centre,
)

POINTS_RIGHT = 100
POINTS_BONE = 10
POINTS_BADGE = 25
POINTS_FINISH = 50
BUMP_SECONDS = 0.7  # the "moment" a bump costs: the world slows and the dog can't bump again


@dataclass(frozen=True)
class GateResult:
    question: Question
    chosen: int  # the lane flown through (-1 if skipped)
    correct: bool
    skipped: bool = False  # a teacher skipped the question: neither right nor wrong


@dataclass(frozen=True)
class Event:
    kind: str  # "hop" | "collect" | "bump" | "right" | "wrong" | "finish"
    points: int = 0
    result: GateResult | None = None


@dataclass
class Round:
    course: Course
    tuning: BandTuning
    distance: float = 0.0  # how far the dog has flown, world px
    y: float = -1.0  # the dog's height; it starts in the middle of the flying space
    vy: float = 0.0
    t: float = 0.0
    score: int = 0
    bumps: int = 0
    target_lane: int | None = None  # set by 1/2/3 or a click: the autopilot steers there
    stunned_until: float = -1.0
    next_gate: int = 0
    results: list[GateResult] = field(default_factory=list)
    taken: set[int] = field(default_factory=set)  # indexes of collected pickups
    hit: set[int] = field(default_factory=set)  # indexes of obstacles already bumped
    feedback_until: float = -1.0  # distance until which the last gate's feedback shows
    finished: bool = False
    _next_obstacle: int = 0

    def __post_init__(self) -> None:
        if self.y < 0:
            self.y = (self.course.top + GROUND) / 2

    # --- input -----------------------------------------------------------------------------
    def hop(self) -> list[Event]:
        """A hop by the player: takes manual control back from the autopilot."""
        self.target_lane = None
        return self._hop()

    def choose(self, lane: int) -> None:
        gate = self.question_gate
        if gate is not None and 0 <= lane < len(gate.question.answers):
            self.target_lane = lane

    def skip(self) -> bool:
        """Skip the question on the banner (a teacher's choice): no points, not a miss, and
        the dog flies through its gate untouched. False if no question is showing."""
        gate = self.question_gate
        if gate is None:
            return False
        self.results.append(GateResult(gate.question, -1, False, skipped=True))
        self.next_gate += 1
        self.target_lane = None
        return True

    # --- what the screen shows ---------------------------------------------------------------
    @property
    def question_gate(self) -> Gate | None:
        """The gate whose question is on the banner, if any."""
        if self.next_gate < len(self.course.gates):
            gate = self.course.gates[self.next_gate]
            if self.distance >= gate.announce_x:
                return gate
        return None

    @property
    def feedback(self) -> GateResult | None:
        if self.results and self.distance < self.feedback_until and \
                not self.results[-1].skipped:
            return self.results[-1]
        return None

    @property
    def stunned(self) -> bool:
        return self.t < self.stunned_until

    @property
    def correct(self) -> int:
        return sum(r.correct for r in self.results)

    @property
    def missed_topics(self) -> list[str]:
        return [r.question.topic for r in self.results if not r.correct and not r.skipped]

    @property
    def progress(self) -> float:
        return min(1.0, self.distance / self.course.length)

    # --- simulation -------------------------------------------------------------------------
    def step(self, dt: float = STEP) -> list[Event]:
        if self.finished:
            return []
        events: list[Event] = []
        self.t += dt
        if self.target_lane is not None:
            events += self._autopilot()
        self.vy += self.tuning.gravity * dt
        self.y += self.vy * dt
        top = self.course.top
        if self.y - DOG_RADIUS < top:
            self.y, self.vy = top + DOG_RADIUS, max(0.0, self.vy)
        if self.y + DOG_RADIUS > GROUND:
            self.y, self.vy = GROUND - DOG_RADIUS, 0.0
        speed = self.tuning.speed * (0.5 if self.stunned else 1.0)
        before = self.distance
        self.distance += speed * dt
        events += self._collisions()
        events += self._gates(before)
        if self.distance >= self.course.length:
            self.finished = True
            self.score += POINTS_FINISH
            events.append(Event("finish", POINTS_FINISH))
        return events

    def _hop(self) -> list[Event]:
        self.vy = -self.tuning.hop_speed
        return [Event("hop")]

    def _autopilot(self) -> list[Event]:
        gate = self.question_gate
        lanes = len(gate.question.answers) if gate else 3
        goal = lane_centre(min(self.target_lane or 0, lanes - 1), lanes, self.course.top)
        if self.y > goal + 12 and self.vy >= 0:
            return self._hop()
        return []

    def _collisions(self) -> list[Event]:
        events: list[Event] = []
        dog_x = self.distance
        obstacles = self.course.obstacles
        while self._next_obstacle < len(obstacles) and \
                obstacles[self._next_obstacle].x + obstacles[self._next_obstacle].w < dog_x - DOG_RADIUS:
            self._next_obstacle += 1
        i = self._next_obstacle
        while i < len(obstacles) and obstacles[i].x < dog_x + DOG_RADIUS:
            ob = obstacles[i]
            if i not in self.hit and not self.stunned and _circle_hits_rect(
                    dog_x, self.y, DOG_RADIUS * 0.8, ob.x, ob.y, ob.w, ob.h):
                self.hit.add(i)
                self.bumps += 1
                lost = min(self.score, self.tuning.bump_penalty)
                self.score -= lost
                self.stunned_until = self.t + BUMP_SECONDS
                self.vy = min(self.vy, 0.0) * 0.3
                events.append(Event("bump", -lost))
            i += 1
        for j, p in enumerate(self.course.pickups):
            if j in self.taken or abs(p.x - dog_x) > DOG_RADIUS + 24:
                continue
            if (p.x - dog_x) ** 2 + (p.y - self.y) ** 2 <= (DOG_RADIUS + 22) ** 2:
                self.taken.add(j)
                points = POINTS_BADGE if p.kind == "badge" else POINTS_BONE
                self.score += points
                events.append(Event("collect", points))
        return events

    def _gates(self, before: float) -> list[Event]:
        if self.next_gate >= len(self.course.gates):
            return []
        gate = self.course.gates[self.next_gate]
        if not before < gate.x <= self.distance:
            return []
        question = gate.question
        chosen = lane_at(self.y, len(question.answers), self.course.top)
        result = GateResult(question, chosen, chosen == question.safe_index)
        self.results.append(result)
        self.next_gate += 1
        self.target_lane = None  # a pick answers one question: the next one waits for its own
        self.feedback_until = gate.x + gate.feedback_seconds * self.tuning.speed
        if result.correct:
            self.score += POINTS_RIGHT
            return [Event("right", POINTS_RIGHT, result)]
        return [Event("wrong", 0, result)]


def _circle_hits_rect(cx: float, cy: float, r: float, x: float, y: float, w: float, h: float) -> bool:
    nx, ny = max(x, min(cx, x + w)), max(y, min(cy, y + h))
    return (cx - nx) ** 2 + (cy - ny) ** 2 <= r * r
