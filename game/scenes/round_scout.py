"""Scout in the round: the hero, drawn about twice the size of the rules' dog, with a clear hop
(squashed on take-off and landing, stretched in the air) and a little dust puff on landing.

The rules' dog (game.rules: a circle of DOG_RADIUS) is unchanged: this is only how it looks.
Each look (frame, tilt, squash or stretch) is made once from the art in game.art.dog and kept,
within a budget, so a frame only blits.
"""
from __future__ import annotations

import pygame

from game.art.dog import dog_frames
from game.art.obstacles import DUST_FRAMES, dust_puff
from game.art.scenery import police_word
from game.lru import MB, ByteLRU
from game.rules.round import Round
from game.rules.tuning import DOG_RADIUS, DOG_X, GROUND

SCOUT_W = 150  # px wide at every text size (the rules' dog was drawn 80 wide)
TILT_DEGREES = 8  # per step of the dog's climb or fall, -4..4 steps (positive: nose up)
TILT_STEPS = 4
SQUASH = (1.16, 0.84)  # width and height, as Scout pushes off or lands
STRETCH = (0.9, 1.1)  # rising or falling fast
STRETCH_SPEED = 320  # px/s up or down at which Scout looks stretched
SQUASH_SECONDS = 0.09  # how long a take-off squash lasts
LAND_SECONDS = 0.13  # and a landing's
DUST_SECONDS = 0.36
HEAD_ROOM = 58  # px from Scout's centre to the top of the cap, as drawn
FEET_ROOM = 46  # and to the paws
SHAPES = {"": (1.0, 1.0), "squash": SQUASH, "stretch": STRETCH}
WIDEST = round(SCOUT_W * SQUASH[0])  # the most room Scout takes across
# each look ~120 kB; a hop goes through a few dozen, kept from round to round
_LOOKS: ByteLRU[pygame.Surface] = ByteLRU("scout looks", 8 * MB)


def _looks(frame: int, tilt: int, shape: str, stunned: bool, word: str) -> pygame.Surface:
    """Scout in one look, the dog's centre at the surface's centre; `word` on the vest."""
    side = dog_frames(SCOUT_W, stunned, word)[frame]
    sx, sy = SHAPES[shape]
    if shape:
        w, h = side.get_size()
        side = pygame.transform.smoothscale(side, (round(w * sx), round(h * sy)))
    if tilt:
        side = pygame.transform.rotozoom(side, tilt * TILT_DEGREES, 1.0)
    look = side.convert_alpha()
    look.set_alpha(255, pygame.RLEACCEL)  # blitted every frame: skip its clear pixels quickly
    return look


class ScoutView:
    """How Scout looks this moment: tilt from the climb, squash and stretch from the hop, and
    the dust of the last landings. Reduced motion: no squash, stretch or dust."""

    def __init__(self, reduced_motion: bool) -> None:
        self.reduced = reduced_motion
        self.word = police_word()  # on the vest, in the language in use
        self._hopped = -1.0  # round time of the last hop
        self._landed = -1.0
        self._grounded = False
        self._dust: list[tuple[float, float]] = []  # (round time, distance) of each landing

    def hopped(self, r: Round) -> None:
        self._hopped = r.t

    def step(self, r: Round) -> None:
        """After the round steps: a landing starts its squash and its dust."""
        grounded = r.y + DOG_RADIUS >= GROUND - 0.5
        if grounded and not self._grounded and r.t > 0.2:
            self._landed = r.t
            if not self.reduced:
                self._dust = [d for d in self._dust if r.t - d[0] < DUST_SECONDS]
                self._dust.append((r.t, r.distance))
        self._grounded = grounded

    def shape(self, r: Round) -> str:
        if self.reduced:
            return ""
        if r.t - self._hopped < SQUASH_SECONDS or r.t - self._landed < LAND_SECONDS:
            return "squash"
        if not self._grounded and abs(r.vy) > STRETCH_SPEED:
            return "stretch"
        return ""

    def centre_y(self, r: Round) -> int:
        """Where Scout is drawn: at the rules' dog, kept whole under the banner and standing
        on the grass (the rules' circle is smaller than the picture)."""
        return int(max(r.course.top + HEAD_ROOM, min(GROUND - FEET_ROOM, r.y)))

    def draw(self, surface: pygame.Surface, r: Round, frame: int, stunned: bool) -> None:
        tilt = 0 if stunned else max(-TILT_STEPS, min(TILT_STEPS, round(-r.vy / 150)))
        shape = "" if stunned else self.shape(r)
        key = (frame, tilt, shape, stunned, self.word)
        look = _LOOKS.get_or_make(key, lambda: _looks(frame, tilt, shape, stunned, self.word))
        y = self.centre_y(r)
        if shape == "squash" and self._grounded:  # squashed on the grass: the paws stay put
            y += round(FEET_ROOM * (1 - SQUASH[1]))
        surface.blit(look, look.get_rect(center=(DOG_X, y)))

    def draw_dust(self, surface: pygame.Surface, r: Round) -> None:
        """The puffs of the last landings, left behind as the park scrolls on."""
        self._dust = [d for d in self._dust if r.t - d[0] < DUST_SECONDS]
        for born, distance in self._dust:
            frame = min(DUST_FRAMES - 1, int((r.t - born) / DUST_SECONDS * DUST_FRAMES))
            puff = dust_puff(frame)
            x = DOG_X - (r.distance - distance)
            surface.blit(puff, puff.get_rect(midbottom=(round(x), GROUND + 6)))

    def clear_of(self, r: Round) -> pygame.Rect:
        """The room Scout takes now (squashed at the widest): what a pop must keep off."""
        rect = pygame.Rect(0, 0, WIDEST, HEAD_ROOM + FEET_ROOM + 20)
        rect.center = (DOG_X, self.centre_y(r))
        return rect
