"""Between rounds: whose turn it is, in the team's colour, before the dash starts."""
from __future__ import annotations

import pygame

from game.actions import Act, Action
from game.rules.classroom import STYLES
from game.rules.tuning import WIDTH
from game.scenes.classroom.base import ClassroomScene, class_button, paragraph, words
from game.ui import theme
from game.ui.theme import hex_colour

GO = pygame.Rect(440, 520, 400, 76)


class TurnScene(ClassroomScene):
    keys_hint = "Enter or N starts the round. F1 shows the teacher's keys."

    def __init__(self, app, run) -> None:
        super().__init__(app, run)
        self.go = class_button("Start the round", GO, run.play_round, theme.RIGHT)

    def next(self) -> None:
        self.run.play_round()

    def handle_screen(self, action: Action) -> None:
        if action.kind in (Act.CONFIRM, Act.HOP):
            self.run.play_round()
        elif action.kind is Act.POINT and self.go.rect.collidepoint(action.pos):
            self.run.play_round()
        elif action.kind is Act.BACK:
            self.ask_end()

    def compose(self, surface: pygame.Surface) -> None:
        lesson = self.run.lesson
        plan, team = lesson.plan, lesson.team
        head = words(f"Round {lesson.rounds_played + 1} of {plan.rounds}", theme.CLASS_TITLE,
                     theme.CLASS_ACCENT, True)
        surface.blit(head, head.get_rect(midtop=(WIDTH // 2, 40)))
        band = pygame.Rect(140, 140, WIDTH - 280, 150)
        pygame.draw.rect(surface, hex_colour(team.colour), band, border_radius=theme.RADIUS)
        pygame.draw.rect(surface, theme.CLASS_TEXT, band, 4, border_radius=theme.RADIUS)
        name = words(f"{team.name}, it's your turn!", 60, theme.CLASS_TEXT, True)
        surface.blit(name, name.get_rect(center=band.center))
        how = ("Send one player to the front. Hop with Space or a tap, and fly through the safe "
               "answer." if plan.style == "turns" else
               "Everyone in the team votes with hands up; the teacher picks the answer. "
               "The dog flies there.")
        surface.blit(paragraph(f"{STYLES[plan.style]}. {how}", WIDTH - 280, 170,
                               align="center"), (140, 320))

    def draw_screen(self, surface: pygame.Surface) -> None:
        self.go.draw(surface, self.go.rect.collidepoint(self.hover))
