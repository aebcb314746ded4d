"""The scoreboard between rounds, and the final one: teams by score, ties sharing a place."""
from __future__ import annotations

import pygame

from game.actions import Act, Action
from game.i18n import t
from game.rules.classroom import Standing
from game.rules.tuning import WIDTH
from game.scenes.classroom.base import (
    BarButton, ClassroomScene, blit_at, drawn_width, fit,
)
from game.ui import text, theme
from game.ui.fonts import font
from game.ui.theme import hex_colour

ROW_H = 104  # a team's row at projector size, when there is room
BAR_X = 180  # the team's bar starts here, right of its place


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
        return [[BarButton(label, self.next, theme.RIGHT)]]

    def next(self) -> None:
        self.run.after_scoreboard()

    def handle_screen(self, action: Action) -> None:
        if action.kind in (Act.CONFIRM, Act.HOP):
            self.next()
        elif action.kind is Act.BACK and not self.final:
            self.ask_end()

    def compose(self, surface: pygame.Surface) -> None:
        sizes = self.sizes
        lesson = self.run.lesson
        standings = lesson.standings()
        title = t("Final scores") if self.final else \
            t("Scores after round {n} of {total}", n=lesson.rounds_played,
              total=lesson.plan.rounds)
        head = fit(title, WIDTH - 80, sizes.title, 1, True)
        y = 20 + blit_at(surface, head, theme.CLASS_ACCENT, midtop=(WIDTH // 2, 20)).h + 4
        line = fit(headline(standings, self.final), WIDTH - 80, sizes.fall(40, 36),
                   2, True)
        y += blit_at(surface, line, theme.CLASS_TEXT, midtop=(WIDTH // 2, y)).h + 14
        row_h = min(round(ROW_H * sizes.grow), (self.content_bottom - y) // max(1, len(standings)))
        best = max(1, max(s.team.score for s in standings))
        number_size = sizes.px(48)
        score_w = max(font(number_size, True).size(f"{s.team.score}")[0] for s in standings)
        longest = WIDTH - 70 - score_w - 30 - BAR_X  # the bar stops short of the scores
        for i, s in enumerate(standings):
            top = y + i * row_h
            middle = top + (row_h - 12) // 2
            place = text.render(place_label(s), number_size, theme.CLASS_ACCENT, True)
            surface.blit(place, place.get_rect(midleft=(60, middle)))
            name = fit(s.team.name, longest - 44, sizes.fall(40, 36, 32), height=row_h - 20,
                       bold=True)
            width = max(drawn_width(name) + 44, int(longest * s.team.score / best))
            bar = pygame.Rect(BAR_X, top, min(width, longest), row_h - 12)
            pygame.draw.rect(surface, hex_colour(s.team.colour), bar, border_radius=16)
            pygame.draw.rect(surface, theme.CLASS_TEXT, bar, 3, border_radius=16)
            blit_at(surface, name, theme.WHITE, midleft=(BAR_X + 20, middle))
            score = text.render(f"{s.team.score}", number_size, theme.CLASS_TEXT, True)
            surface.blit(score, score.get_rect(midright=(WIDTH - 70, middle)))
