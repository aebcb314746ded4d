"""The setup's first page, the lesson: a ready-made lesson (or "Choose my own") and what it is
about, the age band, the number of rounds (with a line saying how many each team plays), the
play style, with one line saying what that style means, and the game the rounds play (the dash,
Chat Check, or both in turn)."""
from __future__ import annotations

import pygame

from game.i18n import t
from game.rules.classroom import KINDS, MAX_ROUNDS, MIN_ROUNDS, STYLES, fair_rounds
from game.rules.tuning import WIDTH
from game.scenes.classroom.base import fit, label_width
from game.scenes.classroom.setup.form import MARGIN, GAP, Layout, Row, Spot, Stop, toggle_face
from game.scenes.classroom.words import kind_name, rounds_each, style_means, style_name
from game.ui import theme
from game.ui.fonts import font

BANDS = ("7-9", "10-12", "13-15")


class LessonPage:
    """The lesson's choices and its page's rows (mixed into the setup scene)."""

    kind = "dash"  # the game the rounds play, one of KINDS (the dash by default)

    # --- what the bank offers ------------------------------------------------------------------
    @property
    def lessons(self) -> tuple:
        return tuple(getattr(self.app.session.bank, "lessons", ()))

    @property
    def lesson(self):
        """The ready-made lesson chosen, or None for "Choose my own"."""
        lessons = self.lessons
        return lessons[self.lesson_index - 1] if 0 < self.lesson_index <= len(lessons) else None


    # --- the choices ---------------------------------------------------------------------------
    def choose_lesson(self, step: int) -> None:
        self.lesson_index = (self.lesson_index + step) % (len(self.lessons) + 1)
        lesson = self.lesson
        if lesson is not None:
            known = {t.id for t in self.app.session.bank.topics}
            self.topics = {t for t in lesson.topics if t in known}
            if lesson.ages and lesson.ages[0] in BANDS:
                self.band = lesson.ages[0]
            self.rounds = min(MAX_ROUNDS, max(MIN_ROUNDS, lesson.rounds))
            if lesson.style in STYLES:
                self.style = lesson.style
        self.changed()

    def choose_band(self, step: int) -> None:
        i = BANDS.index(self.band) if self.band in BANDS else 1
        self.set_band(BANDS[min(len(BANDS) - 1, max(0, i + step))])

    def set_band(self, band: str) -> None:
        self.band = band
        self.changed()

    @property
    def planned_rounds(self) -> int:
        """The lesson's rounds: the teacher's number, made a whole number of turns each."""
        return fair_rounds(self.rounds, self.team_count)

    def change_rounds(self, step: int) -> None:
        """Up or down `step` turns of the class (each team one round more or fewer)."""
        self.rounds = fair_rounds(self.planned_rounds + step * self.team_count, self.team_count)
        self.changed()

    def choose_style(self, step: int) -> None:
        styles = list(STYLES)
        self.style = styles[(styles.index(self.style) + step) % len(styles)]
        self.changed()

    def choose_kind(self, step: int) -> None:
        self.kind = KINDS[(KINDS.index(self.kind) + step) % len(KINDS)]
        self.changed()


    def _lesson_rows(self, room: int) -> list[Row]:
        sizes = self.sizes
        lesson = self.lesson
        labels = [t("Ready-made lesson"), t("Age band"), t("Play style"), t("Game")]
        column = self._column(labels)
        rows = [self._chooser("lesson", labels[0], column,
                              lesson.title if lesson else t("Choose my own"), 780,
                              self.choose_lesson)]
        rows[0].keep = True  # what the lesson is about, on the same page
        about = lesson.about if lesson else \
            t("Choose the age band, the rounds and how the class plays here, and the topics on "
              "the next page.")
        rows.append(self._words(about, height=room - rows[0].height - GAP))
        rows += self._band_and_rounds(labels[1], column)
        widest = max(label_width(style_name(s), sizes.body[0]) for s in STYLES)
        rows.append(self._chooser("style", labels[2], column, style_name(self.style),
                                  max(round(400 * sizes.grow), widest), self.choose_style))
        rows[-1].keep = True
        rows.append(self._words(style_means(self.style), x=column if self._inline(
            labels[2], column) else MARGIN))
        widest = max(label_width(kind_name(k), sizes.body[0]) for k in KINDS)
        rows.append(self._chooser("kind", labels[3], column, kind_name(self.kind),
                                  max(round(400 * sizes.grow), widest), self.choose_kind))
        return rows

    def _band_and_rounds(self, band_label: str, column: int) -> list[Row]:
        """The age band's three choices and the rounds' counter: on one row when they fit."""
        sizes = self.sizes
        band_w = round(160 * sizes.grow)
        group_w = 3 * band_w + 16
        rounds_label = t("Rounds")
        rounds_w = font(sizes.body[0], True).size(rounds_label)[0]
        together = self._inline(band_label, column) and \
            column + group_w + 50 + rounds_w + 20 + self._counter_width() <= WIDTH - MARGIN

        def bands(out: Layout, x: int, y: int) -> None:
            group = pygame.Rect(x, y, group_w, sizes.row)
            for i, band in enumerate(BANDS):
                rect = pygame.Rect(x + i * (band_w + 8), y, band_w, sizes.row)
                chosen = band == self.band
                label = ("✓ " if chosen else "") + band.replace("-", "–")
                out.pictures.append((toggle_face(rect.size, label, chosen, theme.BUTTON,
                                                  sizes.body, False), rect.topleft))
                out.spots.append(Spot(f"band:{band}", rect, lambda b=band: self.set_band(b),
                                      "band"))
            out.rows.append([Stop("band", group,
                                  lambda: self.choose_band(1 if self.band != BANDS[-1]
                                                           else -len(BANDS)),
                                  self.choose_band)])
            if together:
                words = fit(rounds_label, rounds_w, sizes.body, 1, True)
                out.pictures.append((words.surface(theme.CLASS_TEXT),
                                     (group.right + 50, y + (sizes.row - words.height) // 2)))
                counter(out, group.right + 50 + rounds_w + 20, y)

        def counter(out: Layout, x: int, y: int) -> None:
            out.rows.append([self._counter(out, "rounds", x, y, self.planned_rounds,
                                           self.team_count,
                                           fair_rounds(MAX_ROUNDS, self.team_count),
                                           self.change_rounds)])

        rows = [self._labelled(band_label, column, sizes.row, bands,
                               column + group_w <= WIDTH - MARGIN)]
        if not together:
            rows.append(self._labelled(rounds_label, column, sizes.row, counter))
        rows[-1].keep = True  # the rounds, and how many each team plays, on one page
        rows.append(self._words(rounds_each(self.planned_rounds, self.team_count),
                                x=column if self._inline(rounds_label, column) else MARGIN))
        return rows

