"""The scoreboard between rounds, and the final one: teams by score, ties sharing a place, each
with a bar in proportion to its points; the final scores celebrate with Scout and confetti
(still, with reduced motion)."""
from __future__ import annotations

import math
import random

import pygame

from game.actions import Act, Action
from game.i18n import t
from game.rules.classroom import Standing
from game.rules.tuning import WIDTH
from game.scenes.classroom.base import (
    BarButton, ClassroomScene, blit_at, drawn_width, fit,
)
from game.scenes.common import scout_portrait
from game.ui import text, theme
from game.ui.fonts import font
from game.ui.layout.base import Fitted
from game.ui.theme import Colour, hex_colour

ROW_H = 104  # a team's row at projector size, when there is room
BAR_X = 180  # the team's bar starts here, right of its place
STUB = 16  # a team with no points: a sliver of its colour, its name after it
SIDE = 30  # Scout's distance from the screen's right, on the final scores
DOG = 230  # Scout's size on the final scores, at projector size
LEAST_ROWS = 400  # the longest bar's least length beside Scout (else no Scout)
CONFETTI = 70  # pieces of confetti round Scout


def place_label(s: Standing) -> str:
    return f"={s.place}" if s.tied else f"{s.place}"


def headline(standings: list[Standing], final: bool) -> str:
    """One line over the scoreboard: who leads or won, a draw, or a single team's total."""
    if len(standings) == 1:
        return t("Your class's score") if not final else t("Well done, everyone!")
    top = [s for s in standings if s.place == 1]
    if len(top) > 1:
        return t("It's a draw at the top!") if final else t("Level at the top!")
    name = top[0].team.name
    return t("{team} win the lesson!", team=name) if final else \
        t("{team} are in the lead", team=name)


def bar_width(score: int, best: int, longest: int) -> int:
    """A team's bar: `longest` for the best score, the rest in proportion, a sliver for none."""
    return max(STUB, round(longest * score / best)) if best > 0 else STUB


class ScoreboardScene(ClassroomScene):
    def __init__(self, app, run) -> None:
        self.final = run.lesson.finished
        super().__init__(app, run)
        if self.final:
            app.play("promotion")

    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("Enter or N goes on. F1 shows the teacher's keys.")

    @property
    def can_end(self) -> bool:
        return not self.run.lesson.finished

    def actions(self) -> list[list[BarButton]]:
        label = t("Class summary") if self.final else t("Next round")
        return [[BarButton(label, self.next, theme.RIGHT, key="Enter")]]

    def next(self) -> None:
        self.run.after_scoreboard()

    def handle_screen(self, action: Action) -> None:
        if action.kind in (Act.CONFIRM, Act.HOP):
            self.next()
        elif action.kind is Act.BACK and not self.final:
            self.ask_end()

    def compose(self, surface: pygame.Surface) -> None:
        sizes = self.sizes
        standings = self.run.lesson.standings()
        dog = self._dog()
        right = WIDTH - (dog + 2 * SIDE if dog else 0)  # the rows and words end here
        head, line = self._words(right)
        y = 20 + blit_at(surface, head, theme.CLASS_ACCENT, midtop=(right // 2, 20)).h + 4
        y += blit_at(surface, line, theme.CLASS_TEXT, midtop=(right // 2, y)).h + 14
        row_h = self._row_height(right)
        best = max(s.team.score for s in standings)
        number_size = sizes.px(48)
        longest = self._longest(right, standings)
        for i, s in enumerate(standings):
            top = y + i * row_h
            middle = top + (row_h - 12) // 2
            place = text.render(place_label(s), number_size, theme.CLASS_ACCENT, True)
            surface.blit(place, place.get_rect(midleft=(60, middle)))
            width = bar_width(s.team.score, best, longest)
            name, inside, width = self._name(s.team.name, width, longest, row_h)
            bar = pygame.Rect(BAR_X, top, width, row_h - 12)
            pygame.draw.rect(surface, hex_colour(s.team.colour), bar, border_radius=16)
            pygame.draw.rect(surface, theme.CLASS_TEXT, bar, 3, border_radius=16)
            blit_at(surface, name, theme.WHITE if inside else theme.CLASS_TEXT,
                    midleft=(BAR_X + 20 if inside else bar.right + 16, middle))
            score = text.render(f"{s.team.score}", number_size, theme.CLASS_TEXT, True)
            surface.blit(score, score.get_rect(midright=(right - 70, middle)))
        if dog:
            surface.blit(scout_portrait(dog), (WIDTH - SIDE - dog, self.content_bottom - dog))

    def _words(self, right: int) -> tuple[Fitted, Fitted]:
        """The heading and the line under it, centred left of `right`."""
        lesson, sizes = self.run.lesson, self.sizes
        title = t("Final scores") if self.final else \
            t("Scores after round {n} of {total}", n=lesson.rounds_played,
              total=lesson.plan.rounds)
        return fit(title, right - 80, sizes.title, 1, True), \
            fit(headline(lesson.standings(), self.final), right - 80, sizes.fall(40, 36), 2, True)

    def _longest(self, right: int, standings: list[Standing]) -> int:
        """The longest bar: it stops short of the scores."""
        size = self.sizes.px(48)
        return right - 70 - max(font(size, True).size(f"{s.team.score}")[0]
                                for s in standings) - 30 - BAR_X

    def _row_height(self, right: int) -> int:
        head, line = self._words(right)
        top = 20 + head.height + 4 + line.height + 14
        count = max(1, len(self.run.lesson.plan.teams))
        return min(round(ROW_H * self.sizes.grow), (self.content_bottom - top) // count)

    def _name(self, name: str, width: int, longest: int, row_h: int,
              note: bool = True) -> tuple[Fitted, bool, int]:
        """The team's name inside its bar when it fits there, else just after the bar; a name
        that fits neither way widens its bar to hold it. Returns the name, whether it is inside
        and the bar's width."""
        sizes, height = self.sizes.fall(40, 36, 32), row_h - 20
        for room, inside in ((width - 44, True), (longest - width - 24, False)):
            if room > 0:
                fitted = fit(name, room, sizes, bold=True, height=height, note=False)
                if fitted.fits:
                    return fitted, inside, width
        whole = fit(name, longest - 44, sizes, bold=True, height=height, note=note)
        return whole, True, max(width, drawn_width(whole) + 44)

    def _dog(self) -> int:
        """Scout's size on the final scores, cheering beside them (0: not final, or the rows
        need the room: a name that would not fit beside Scout)."""
        if not self.final:
            return 0
        size = round(DOG * self.sizes.grow) // 10 * 10
        right = WIDTH - size - 2 * SIDE
        standings = self.run.lesson.standings()
        longest = self._longest(right, standings)
        if longest < LEAST_ROWS:
            return 0
        row_h = self._row_height(right)
        fits = all(self._name(s.team.name, longest, longest, row_h, note=False)[0].fits
                   for s in standings)
        return size if fits else 0

    def draw_screen(self, surface: pygame.Surface) -> None:
        """The final scores' confetti, falling round Scout (a still scatter with reduced
        motion), clear of the words."""
        dog = self._dog()
        if not dog:
            return
        column = pygame.Rect(WIDTH - dog - 2 * SIDE, 0, dog + 2 * SIDE,
                             self.content_bottom - dog)
        still = self.app.session.settings.reduced_motion
        colours = [hex_colour(s.team.colour) for s in self.run.lesson.standings()] + \
            [theme.CLASS_ACCENT, theme.CLASS_TEXT]
        draw_confetti(surface, column, 0.0 if still else self.app.now, colours)


def draw_confetti(surface: pygame.Surface, area: pygame.Rect, now: float,
                  colours: list[Colour]) -> None:
    """Bits of paper tumbling down through `area` (the same scatter each time; `now` moves
    them, 0 holds them still)."""
    rng = random.Random(7)
    clip = surface.get_clip()
    surface.set_clip(area)
    for i in range(CONFETTI):
        x = area.x + rng.random() * area.w
        speed, spin = 40 + rng.random() * 60, rng.random() * 4 - 2
        y = area.y + (rng.random() * area.h + now * speed) % area.h
        x += 8 * math.sin(now * 2 + i)
        angle = spin * now + i
        w, h = 7 + rng.random() * 6, 4 + rng.random() * 3
        points = [(x + dx * math.cos(angle) - dy * math.sin(angle),
                   y + dx * math.sin(angle) + dy * math.cos(angle))
                  for dx, dy in ((-w, -h), (w, -h), (w, h), (-w, h))]
        pygame.draw.polygon(surface, colours[i % len(colours)], points)
    surface.set_clip(clip)
