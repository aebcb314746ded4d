"""Between rounds: whose turn it is, in the team's colour, before the dash starts: the team's
band, how this round is played, and its one action, Start the round, a big button in the team's
colour beside Scout."""
from __future__ import annotations

import pygame

from game.actions import Act, Action
from game.i18n import t
from game.rules.tuning import WIDTH
from game.scenes.classroom.base import BarButton, ClassroomScene, blit_at, fit
from game.scenes.common import scout_portrait
from game.ui import text, theme
from game.ui.fonts import font
from game.ui.layout.base import hint_width
from game.ui.theme import hex_colour
from game.ui.widgets import Button

BAND_X = 100  # the team's coloured band, and the words under it, this far in from each side
TOP = 16  # the heading's distance from the top
GAP = 16  # between the band, how to play and the Start button
START_H = 100  # the Start button's height at projector size
START_W = 520  # its least width at projector size
START_TEXT = 44  # its label's size at projector size
DOG = 200  # Scout's portrait beside it, at projector size (smaller when the words need room)
LEAST_DOG = 110  # no smaller than this: under it, Scout stays away


def how_to_play(style: str, kind: str = "dash") -> str:
    """How this round is played: the dash, or a chat ("chat"), in the lesson's style."""
    if kind == "chat":
        return t("Chat Check: mark the messages that worry you. At each choice, the class "
                 "votes with hands up.") if style == "vote" else \
            t("Chat Check: mark the messages that worry you. At each choice, the team decides.")
    if style == "vote":
        return t("Class vote. Everyone in the team votes with hands up; the teacher picks the "
                 "answer, and the dog flies there.")
    return t("Teams take turns. Send one player to the front: hop with Space or a tap, and fly "
             "through the safe answer.")


class TurnScene(ClassroomScene):
    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("Enter or N starts the round. F1 shows the teacher's keys.")

    def build(self) -> None:
        """The bar holds the teacher's tools; Start the round stands on the screen, big, in the
        team's colour (still the screen's one action: a tap, Enter, N or the switch)."""
        super().build()
        self._lay_out()
        self.places = [[self.start]]

    def next(self) -> None:
        self.run.play_round()

    def handle_screen(self, action: Action) -> None:
        if action.kind in (Act.CONFIRM, Act.HOP):
            self.run.play_round()
        elif action.kind is Act.BACK:
            self.ask_end()

    def _lay_out(self) -> None:
        """Where each part goes, top down: the heading, the team's band, how to play, then the
        Start button and Scout in the room left above the bar."""
        sizes = self.sizes
        lesson = self.run.lesson
        plan, team = lesson.plan, lesson.team
        self.head = fit(t("Round {n} of {total}", n=lesson.rounds_played + 1, total=plan.rounds),
                        WIDTH - 80, sizes.title, 1, True)
        # how to play needs its lines, and Start the round its row: the team's line takes
        # what is left (one line as large as it fits, else two, no taller than two at 44)
        width = WIDTH - 2 * BAND_X
        how = how_to_play(plan.style, lesson.round_kind)
        need = fit(how, width, sizes.body, 4, note=False).height
        band_top = TOP + self.head.height + 12
        room = self.content_bottom - band_top - 32 - 2 * GAP - 10 - need - sizes.row
        self.name = fit(t("{team}, it's your turn!", team=team.name), width - 40,
                        sizes.fall(60, 52, 44, 38, theme.CLASS_BODY), bold=True,
                        height=min(room, 2 * text.line_height(sizes.px(44), True)))
        self.band = pygame.Rect(BAND_X, band_top, width, self.name.height + 32)
        # the button takes the room left, as tall as START_H and no less than the bar's
        label = t("Start the round")
        room = self.content_bottom - self.band.bottom - 2 * GAP - 10
        self.how = fit(how, width, sizes.body, height=room - sizes.row)
        start_h = max(sizes.row, min(round(START_H * sizes.grow), room - self.how.height))
        size = sizes.px(START_TEXT) if start_h >= round(START_H * sizes.grow) else sizes.body[0]
        button_w = max(round(START_W * sizes.grow),
                       font(size, True).size(label)[0] + 60 + hint_width("Enter", sizes.key))
        rect = pygame.Rect(0, 0, min(button_w, width), start_h)
        rect.midbottom = (WIDTH // 2, self.content_bottom - 10)
        self.start = Button(label, rect, self.run.play_round, "Enter", hex_colour(team.colour),
                            size=size, hint_size=sizes.key)
        top = self.band.bottom + GAP + self.how.height + 12
        dog = min(round(DOG * sizes.grow), self.content_bottom - top, WIDTH - rect.right - 40)
        self.dog = (dog // 10 * 10, (rect.right + 20, self.content_bottom - dog // 10 * 10)) \
            if dog >= LEAST_DOG else None

    def actions(self) -> list[list[BarButton]]:
        return []  # Start the round is on the screen (build)

    def compose(self, surface: pygame.Surface) -> None:
        team = self.run.lesson.team
        blit_at(surface, self.head, theme.CLASS_ACCENT, midtop=(WIDTH // 2, TOP))
        pygame.draw.rect(surface, hex_colour(team.colour), self.band,
                         border_radius=theme.RADIUS)
        pygame.draw.rect(surface, theme.CLASS_TEXT, self.band, 4, border_radius=theme.RADIUS)
        blit_at(surface, self.name, theme.WHITE, center=self.band.center)
        blit_at(surface, self.how, theme.CLASS_TEXT, midtop=(WIDTH // 2, self.band.bottom + GAP))
        if self.dog is not None:
            size, where = self.dog
            surface.blit(scout_portrait(size), where)
