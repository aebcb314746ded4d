"""Between rounds: whose turn it is, in the team's colour, before the dash starts."""
from __future__ import annotations

import pygame

from game.actions import Act, Action
from game.i18n import t
from game.rules.tuning import WIDTH
from game.scenes.classroom.base import BarButton, ClassroomScene, blit_at, fit
from game.ui import text, theme
from game.ui.theme import hex_colour

BAND_X = 100  # the team's coloured band, and the words under it, this far in from each side


def how_to_play(style: str) -> str:
    if style == "vote":
        return t("Class vote. Everyone in the team votes with hands up; the teacher picks the "
                 "answer, and the dog flies there.")
    return t("Teams take turns. Send one player to the front: hop with Space or a tap, and fly "
             "through the safe answer.")


class TurnScene(ClassroomScene):
    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("Enter or N starts the round. F1 shows the teacher's keys.")

    def actions(self) -> list[list[BarButton]]:
        return [[BarButton(t("Start the round"), self.run.play_round, theme.RIGHT)]]

    def next(self) -> None:
        self.run.play_round()

    def handle_screen(self, action: Action) -> None:
        if action.kind in (Act.CONFIRM, Act.HOP):
            self.run.play_round()
        elif action.kind is Act.BACK:
            self.ask_end()

    def compose(self, surface: pygame.Surface) -> None:
        sizes = self.sizes
        lesson = self.run.lesson
        plan, team = lesson.plan, lesson.team
        head = fit(t("Round {n} of {total}", n=lesson.rounds_played + 1, total=plan.rounds),
                   WIDTH - 80, sizes.title, 1, True)
        y = 30 + blit_at(surface, head, theme.CLASS_ACCENT, midtop=(WIDTH // 2, 30)).h + 24
        # one line as large as it fits, else two no taller than two lines at 44 pixels
        name = fit(t("{team}, it's your turn!", team=team.name), WIDTH - 2 * BAND_X - 40,
                   sizes.fall(60, 52, 44, 38, theme.CLASS_BODY), bold=True,
                   height=2 * text.line_height(sizes.px(44), True))
        band = pygame.Rect(BAND_X, y, WIDTH - 2 * BAND_X, name.height + 44)
        pygame.draw.rect(surface, hex_colour(team.colour), band, border_radius=theme.RADIUS)
        pygame.draw.rect(surface, theme.CLASS_TEXT, band, 4, border_radius=theme.RADIUS)
        blit_at(surface, name, theme.WHITE, center=band.center)
        y = band.bottom + 28
        how = fit(how_to_play(plan.style), WIDTH - 2 * BAND_X, sizes.body,
                  height=self.content_bottom - y)
        blit_at(surface, how, theme.CLASS_TEXT, midtop=(WIDTH // 2, y))
