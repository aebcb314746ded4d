"""Results after the safety message: score, stars and rank; a promotion gets its own moment."""
from __future__ import annotations

import math

import pygame

from game.actions import Act, Action
from game.art.scenery import sparkle
from game.rules.progress import RoundSummary
from game.rules.scoring import next_rank
from game.scenes.base import MenuScene
from game.i18n import t
from game.scenes.common import backdrop, centred_x, corner_of, heading_block, scout_portrait
from game.ui import theme
from game.ui.layout.base import Corner
from game.ui.layout.results import (
    ResultsLayout, ResultsWords, SPARKLE, promotion_layout, results_layout,
)
from game.ui.widgets import Button, ButtonRow, panel

GOLD = (255, 196, 0)
EMPTY_STAR = (205, 210, 222)


def star_points(cx: float, cy: float, outer: float, inner: float) -> list[tuple[float, float]]:
    return [(cx + math.cos(math.pi / 5 * i - math.pi / 2) * (outer if i % 2 == 0 else inner),
             cy + math.sin(math.pi / 5 * i - math.pi / 2) * (outer if i % 2 == 0 else inner))
            for i in range(10)]


def bumped_words(bumps: int) -> str:
    """How many hedges the dog bumped into, in plain words."""
    if bumps == 0:
        return t("Bumped into: no hedges")
    return t("Bumped into: 1 hedge") if bumps == 1 else \
        t("Bumped into: {bumps} hedges", bumps=bumps)


def now_rank_words(rank: str) -> str:
    """"You are now a Sergeant", "... an Inspector" (English needs the article)."""
    return t("You are now an {rank}", rank=rank) if rank[:1].lower() in "aeiou" else \
        t("You are now a {rank}", rank=rank)


class ResultsScene(MenuScene):
    def __init__(self, app, summary: RoundSummary) -> None:
        super().__init__(app)
        self.summary = summary
        self.celebrating = summary.outcome.promoted
        self.buttons = ButtonRow([])
        self.spark = sparkle(SPARKLE)
        self._build()

    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("Enter plays the next round. Esc goes to the menu. H for help.")

    def content_changed(self) -> None:
        self._build()

    def _build(self) -> None:
        """Lay both screens out for the player's text size and language."""
        scale = self.app.session.settings.text_scale
        nook = corner_of(scale)
        placed = results_layout(self._words(), scale, nook)
        labels = self._words().buttons
        actions = (self.next_round, self.notebook, self.app.back_to_root)
        colours = (theme.RIGHT, None, None)
        sizes = placed.button_sizes
        self.buttons = ButtonRow([
            Button(label, pygame.Rect(rect), action, hint if placed.hints else "", colour,
                   size=sizes.label, hint_size=sizes.hint)
            for (label, hint), rect, action, colour in zip(labels, placed.buttons, actions, colours)
        ], focus=self.buttons.focus)
        self.static = self._compose(placed)
        self.promotion: pygame.Surface | None = None
        self.go_on = ButtonRow([])  # the promotion's button on to the results
        self.orbit = (0, 0, 0, 0)
        if self.summary.outcome.promoted:
            self.promotion = self._compose_promotion(scale, nook)

    def see_results(self) -> None:
        self.celebrating = False

    def keep_clear(self) -> list[pygame.Rect]:
        return [b.rect for b in self.go_on.buttons] if self.celebrating else \
            super().keep_clear()

    def on_enter(self) -> None:
        if self.celebrating:
            self.app.play("promotion")

    def next_round(self) -> None:
        from game.scenes.next_round import play_next
        play_next(self.app)  # the dash, or a chat: the child's choice (game.scenes.game_kind)

    def notebook(self) -> None:
        from game.scenes.notebook import NotebookScene
        self.app.push(NotebookScene(self.app))

    def handle(self, action: Action) -> None:
        if self.celebrating:
            if action.kind in (Act.CONFIRM, Act.HOP, Act.POINT, Act.BACK):
                self.see_results()  # the button, or anywhere: on to the results
            return
        if action.kind is Act.BACK:
            self.app.back_to_root()
        else:
            super().handle(action)

    def scan_step(self) -> None:
        if not self.celebrating:  # one-switch play: the highlight waits for the promotion
            super().scan_step()

    def _words(self) -> ResultsWords:
        s, session = self.summary, self.app.session
        profile = session.profile
        rank = s.outcome.rank
        upcoming = next_rank(profile.total_points, session.bank.ranks)
        note = t("{points} points to {rank}", points=upcoming.points - profile.total_points,
                 rank=upcoming.title) if upcoming else \
            t("Top rank! You are a Chief Constable of online safety.")
        lines = (t("Safe answers: {correct} of {questions}", correct=s.correct,
                   questions=s.questions), bumped_words(s.bumps)) + \
            ((t("New best round!"),) if s.outcome.best else ())
        return ResultsWords(
            t("Round complete!"), t("{score} points", score=s.score), lines,
            t("Rank: {rank}", rank=rank.title if rank else t("Recruit")), note,
            ((t("Next round"), "Enter"), (t("Notebook"), ""), (t("Menu"), "Esc")))

    def _share(self) -> float:
        """How far the player is from their rank to the next, 0 to 1 (1 at the top rank)."""
        session = self.app.session
        profile, rank = session.profile, self.summary.outcome.rank
        upcoming = next_rank(profile.total_points, session.bank.ranks)
        if not upcoming:
            return 1.0
        base = rank.points if rank else 0
        return (profile.total_points - base) / max(1, upcoming.points - base)

    def _compose(self, placed: ResultsLayout) -> pygame.Surface:
        surf = backdrop(110)
        title = heading_block(placed.heading)
        surf.blit(title, (centred_x(title), placed.heading_y))
        x, y, w, h = placed.card
        card = panel((w, h))
        cx, cy, r = placed.stars
        for i in range(3):
            colour = GOLD if i < self.summary.stars else EMPTY_STAR
            pts = star_points(cx + (i - 1) * r * 12 // 5, cy, r, r * 21 // 50)
            pygame.draw.polygon(card, colour, pts)
            pygame.draw.polygon(card, theme.INK, pts, 4)
        colours = {"score": theme.INK, "line": theme.INK, "rank": theme.LINK,
                   "note": theme.INK}
        for role, fitted, mid, top in placed.texts:
            shown = fitted.surface(colours[role], align="center")
            card.blit(shown, (mid - shown.get_width() // 2, top))
        bar = pygame.Rect(placed.bar)
        pygame.draw.rect(card, (230, 232, 240), bar, border_radius=15)
        fill = bar.copy()
        fill.w = max(30, int(bar.w * min(1.0, self._share())))
        pygame.draw.rect(card, GOLD, fill, border_radius=15)
        pygame.draw.rect(card, theme.INK, bar, 3, border_radius=15)
        surf.blit(card, (x, y))
        return surf

    def _compose_promotion(self, scale: float, nook: Corner) -> pygame.Surface:
        rank = self.summary.outcome.rank
        placed = promotion_layout(
            t("Promoted!"), now_rank_words(rank.title) if rank else "",
            rank.badge if rank and rank.badge else t("Well done!"), t("See your results"),
            scale, nook)
        self.orbit = placed.orbit
        sizes = placed.button_sizes
        self.go_on = ButtonRow([Button(t("See your results"), pygame.Rect(placed.button),
                                       self.see_results, "Enter" if placed.hint else "",
                                       theme.RIGHT, size=sizes.label, hint_size=sizes.hint)])
        surf = backdrop(150)
        title = heading_block(placed.heading, theme.ACCENT)
        surf.blit(title, (centred_x(title), placed.heading_y))
        if placed.dog:
            surf.blit(scout_portrait(placed.dog[2]), placed.dog[:2])
        x, y, w, h = placed.card
        card = panel((w, h))
        for fitted, top in placed.lines:
            shown = fitted.surface(theme.INK, align="center")
            card.blit(shown, ((w - shown.get_width()) // 2, top))
        surf.blit(card, (x, y))
        return surf

    def draw(self, surface: pygame.Surface) -> None:
        if self.celebrating and self.promotion is not None:
            surface.blit(self.promotion, (0, 0))
            now = 0.0 if self.app.session.settings.reduced_motion else self.app.now
            cx, cy, rx, ry = self.orbit
            half = SPARKLE // 2
            for i in range(10):  # sparkles circling the title (still, with reduced motion)
                angle = now * 1.5 + i * math.tau / 10
                x = cx + math.cos(angle) * rx
                y = cy + math.sin(angle) * ry
                surface.blit(self.spark, (x - half, y - half))
            self.go_on.draw(surface)
            return
        surface.blit(self.static, (0, 0))
        self.buttons.draw(surface)
