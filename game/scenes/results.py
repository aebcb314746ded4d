"""Results after the safety message: score, stars and rank; a promotion gets its own moment."""
from __future__ import annotations

import math

import pygame

from game.actions import Act, Action
from game.art.dog import dog_portrait
from game.art.scenery import sparkle
from game.rules.progress import RoundSummary
from game.rules.scoring import next_rank
from game.scenes.base import MenuScene
from game.scenes.common import backdrop, centred_x, heading
from game.ui import text, theme
from game.ui.widgets import Button, ButtonRow, panel

GOLD = (255, 196, 0)
EMPTY_STAR = (205, 210, 222)


def star_points(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    return [(cx + math.cos(math.pi / 5 * i - math.pi / 2) * (outer if i % 2 == 0 else inner),
             cy + math.sin(math.pi / 5 * i - math.pi / 2) * (outer if i % 2 == 0 else inner))
            for i in range(10)]


class ResultsScene(MenuScene):
    keys_hint = "Enter plays the next round. Esc goes to the menu. H for help."

    def __init__(self, app, summary: RoundSummary) -> None:
        super().__init__(app)
        self.summary = summary
        self.celebrating = summary.outcome.promoted
        self.buttons = ButtonRow([
            Button("Next round", pygame.Rect(190, 572, 340, 68), self.next_round, "Enter",
                   theme.RIGHT),
            Button("Notebook", pygame.Rect(550, 572, 250, 68), self.notebook, ""),
            Button("Menu", pygame.Rect(820, 572, 250, 68), app.back_to_root, "Esc"),
        ])
        self.static = self._compose()
        self.promotion = self._compose_promotion() if self.celebrating else None
        self.spark = sparkle(40)

    def on_enter(self) -> None:
        if self.celebrating:
            self.app.play("promotion")

    def next_round(self) -> None:
        from game.scenes.round import RoundScene
        self.app.replace(RoundScene(self.app))

    def notebook(self) -> None:
        from game.scenes.notebook import NotebookScene
        self.app.push(NotebookScene(self.app))

    def handle(self, action: Action) -> None:
        if self.celebrating:
            if action.kind in (Act.CONFIRM, Act.HOP, Act.POINT, Act.BACK):
                self.celebrating = False
            return
        if action.kind is Act.BACK:
            self.app.back_to_root()
        else:
            super().handle(action)

    def _compose(self) -> pygame.Surface:
        s, session = self.summary, self.app.session
        surf = backdrop(110).copy()
        title = heading("Round complete!", theme.TEXT_HUGE)
        surf.blit(title, (centred_x(title), 8))
        card = panel((900, 440))
        for i in range(3):
            colour = GOLD if i < s.stars else EMPTY_STAR
            pts = star_points(330 + i * 120, 66, 50, 21)
            pygame.draw.polygon(card, colour, pts)
            pygame.draw.polygon(card, theme.INK, pts, 4)
        score = text.render(f"{s.score} points", 56, theme.INK, True)
        card.blit(score, score.get_rect(midtop=(450, 116)))
        lines = [f"Safe answers: {s.correct} of {s.questions}",
                 f"Bumps: {s.bumps}" + ("   New best round!" if s.outcome.best else "")]
        for i, line in enumerate(lines):
            label = text.render(line, theme.TEXT_BODY, theme.INK)
            card.blit(label, label.get_rect(midtop=(450, 188 + i * 38)))
        profile = session.profile
        rank = s.outcome.rank
        rank_line = text.render(f"Rank: {rank.title if rank else 'Recruit'}", 36, theme.LINK,
                                True)
        card.blit(rank_line, rank_line.get_rect(midtop=(450, 274)))
        upcoming = next_rank(profile.total_points, session.bank.ranks)
        bar = pygame.Rect(150, 334, 600, 30)
        pygame.draw.rect(card, (230, 232, 240), bar, border_radius=15)
        if upcoming:
            base = rank.points if rank else 0
            share = (profile.total_points - base) / max(1, upcoming.points - base)
            note = f"{upcoming.points - profile.total_points} points to {upcoming.title}"
        else:
            share, note = 1.0, "Top rank! You are a Chief Constable of online safety."
        fill = bar.copy()
        fill.w = max(30, int(bar.w * min(1.0, share)))
        pygame.draw.rect(card, GOLD, fill, border_radius=15)
        pygame.draw.rect(card, theme.INK, bar, 3, border_radius=15)
        label = text.block(note, 820, 40, theme.INK, (26, 22), align="center")
        card.blit(label, (40, 376))
        surf.blit(card, (190, 110))
        return surf

    def _compose_promotion(self) -> pygame.Surface:
        rank = self.summary.outcome.rank
        surf = backdrop(150).copy()
        title = heading("Promoted!", theme.TEXT_HUGE + 24, theme.ACCENT)
        surf.blit(title, (centred_x(title), 30))
        surf.blit(dog_portrait(300), (170, 200))
        card = panel((600, 300))
        lines = text.block(f"You are now {rank.title}" if rank else "", 540, 110, theme.INK,
                           (48, 40, 34), bold=True, align="center")
        card.blit(lines, (30, 40))
        badge = text.block(rank.badge if rank and rank.badge else "Well done!", 540, 90,
                           theme.INK, (30, 26, 22), align="center")
        card.blit(badge, (30, 170))
        surf.blit(card, (540, 200))
        tip = heading("Press Enter or click to see your results", theme.TEXT_BODY)
        surf.blit(tip, (centred_x(tip), 560))
        return surf

    def draw(self, surface: pygame.Surface) -> None:
        if self.celebrating and self.promotion is not None:
            surface.blit(self.promotion, (0, 0))
            t = 0.0 if self.app.session.settings.reduced_motion else self.app.now
            for i in range(10):  # sparkles circling the title (still, with reduced motion)
                angle = t * 1.5 + i * math.tau / 10
                x = 640 + math.cos(angle) * 330
                y = 90 + math.sin(angle) * 60
                surface.blit(self.spark, (x - 20, y - 20))
            return
        surface.blit(self.static, (0, 0))
        self.buttons.draw(surface)
