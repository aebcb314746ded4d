"""The scoreboard between rounds, and the final one: teams by score, ties sharing a place."""
from __future__ import annotations

import pygame

from game.actions import Act, Action
from game.rules.classroom import Standing
from game.rules.tuning import WIDTH
from game.scenes.classroom.base import ClassroomScene, class_button, words
from game.ui import theme
from game.ui.theme import hex_colour

ON = pygame.Rect(24, 648, 380, 64)
ROW_H = 104


def place_label(s: Standing) -> str:
    return f"={s.place}" if s.tied else f"{s.place}"


def headline(standings: list[Standing], final: bool) -> str:
    """One line over the scoreboard: who leads or won, a draw, or a single team's total."""
    if len(standings) == 1:
        return "Your class's score" if not final else "Well done, everyone!"
    top = [s for s in standings if s.place == 1]
    if len(top) > 1:
        return "It's a draw at the top!" if final else "Level at the top!"
    name = top[0].team.name
    return f"{name} win the lesson!" if final else f"{name} are in the lead"


class ScoreboardScene(ClassroomScene):
    keys_hint = "Enter or N goes on. F1 shows the teacher's keys."

    def __init__(self, app, run) -> None:
        super().__init__(app, run)
        self.final = run.lesson.finished
        label = "Class summary" if self.final else "Next round"
        self.button = class_button(label, ON, self.next, theme.RIGHT)
        if self.final:
            app.play("promotion")

    def tools(self):
        tools = super().tools()
        return [t for t in tools if t[0] != "End (E)"] if self.run.lesson.finished else tools

    def next(self) -> None:
        self.run.after_scoreboard()

    def handle_screen(self, action: Action) -> None:
        if action.kind in (Act.CONFIRM, Act.HOP):
            self.next()
        elif action.kind is Act.POINT and ON.collidepoint(action.pos):
            self.next()
        elif action.kind is Act.BACK and not self.final:
            self.ask_end()

    def compose(self, surface: pygame.Surface) -> None:
        lesson = self.run.lesson
        standings = lesson.standings()
        title = "Final scores" if self.final else \
            f"Scores after round {lesson.rounds_played} of {lesson.plan.rounds}"
        head = words(title, theme.CLASS_TITLE, theme.CLASS_ACCENT, True)
        surface.blit(head, head.get_rect(midtop=(WIDTH // 2, 20)))
        line = words(headline(standings, self.final), 40, theme.CLASS_TEXT, True)
        surface.blit(line, line.get_rect(midtop=(WIDTH // 2, 92)))
        best = max(1, max(s.team.score for s in standings))
        for i, s in enumerate(standings):
            y = 160 + i * ROW_H
            place = words(place_label(s), 48, theme.CLASS_ACCENT, True)
            surface.blit(place, place.get_rect(midleft=(80, y + 42)))
            name = words(s.team.name, 40, theme.CLASS_TEXT, True)
            bar = pygame.Rect(180, y, max(name.get_width() + 44, int(800 * s.team.score / best)),
                              84)
            pygame.draw.rect(surface, hex_colour(s.team.colour), bar, border_radius=16)
            pygame.draw.rect(surface, theme.CLASS_TEXT, bar, 3, border_radius=16)
            surface.blit(name, name.get_rect(midleft=(200, y + 42)))
            score = words(f"{s.team.score}", 48, theme.CLASS_TEXT, True)
            surface.blit(score, score.get_rect(midright=(WIDTH - 70, y + 42)))

    def draw_screen(self, surface: pygame.Surface) -> None:
        self.button.draw(surface, ON.collidepoint(self.hover))
