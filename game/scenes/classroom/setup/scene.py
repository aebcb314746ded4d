"""The classroom setup screen: the teacher chooses the lesson, its topics and the class's teams.

Three parts, each on a page of its own (or on more, when the words are long or large):

1. The lesson: a ready-made lesson (or "Choose my own") and what it is about, the age band, the
   number of rounds (with a line saying how many each team plays) and the play style, with one
   line saying what that style means.
2. Topics: a tick box for each topic of the bank (none ticked: every topic).
3. The class: 1 to 4 teams, each with a name (tap or Enter to type it, or "Next name" to pick a
   friendly animal) and a colour (tap the swatch to change it), how many rounds each team
   plays, timers (two choices, Off and On, the one in use ticked), and Start lesson.

Every team plays the same number of rounds (game.rules.classroom.even_turns): the rounds go up
and down in whole turns of the class, and a change of teams takes the teacher's number of
rounds to the next fair one (the teacher's own number is kept, so going back gives it back).

Each part is a list of rows whose heights come from their fitted words; rows are laid on pages
from the top, and a row that does not fit goes to the next page of the same part. A label that
does not fit beside its control goes above it. So nothing is cut off or overlaps, in English or
Welsh, at projector size or larger.

Every control works by keyboard alone (Up/Down move the focus, Left/Right change the value or
move along a row, Tab steps through every control, Enter/Space press), by mouse and by touch
alone, and in one-switch play (the focus steps on by itself; the switch presses). No child's
name is asked for: the page of names says so.

Each page's choices and rows are in a module of their own (lesson, topics, teams), the controls
they are built from in pieces and form, and the keys and taps in focus; this module lays the
pages and draws them.
"""
from __future__ import annotations

from collections.abc import Callable

import pygame

from game.i18n import t
from game.rules.classroom import MAX_TEAMS, LessonPlan, Team, default_teams
from game.rules.tuning import WIDTH
from game.scenes.classroom.base import BarButton, ClassroomScene, drawn_width, fit
from game.scenes.classroom.setup.focus import FocusControls
from game.scenes.classroom.setup.form import GAP, MARGIN, RING, Layout, Row, draw_arrow
from game.scenes.classroom.setup.lesson import LessonPage
from game.scenes.classroom.setup.pieces import PagePieces
from game.scenes.classroom.setup.teams import ClassPage
from game.scenes.classroom.setup.topics import TopicsPage
from game.scenes.classroom.words import animal_names
from game.scenes.common import scout_portrait
from game.ui import text, theme
from game.ui.fonts import font
from game.ui.layout.base import Fitted

PARTS = ("lesson", "topics", "class")
DOG = 170  # Scout, below a page's rows where they leave room, at projector size
LEAST_DOG = 110  # no smaller: with less room, no Scout


def part_name(part: str) -> str:
    return {"lesson": t("The lesson"), "topics": t("Topics"), "class": t("The class")}[part]


def go_to_part(part: str) -> str:
    """The forward button's label on the last page before `part`."""
    return t("Next: topics") if part == "topics" else t("Next: the class")


class SetupScene(LessonPage, TopicsPage, ClassPage, FocusControls, PagePieces, ClassroomScene):
    def __init__(self, app, start: Callable[[LessonPlan], None]) -> None:
        self.start = start
        plan = LessonPlan()
        self.page = 0
        self.lesson_index = 0  # 0: choose my own; i: the bank's lesson i - 1
        self.band = plan.band
        self.rounds = plan.rounds  # as the teacher chose them (see planned_rounds)
        self.style = plan.style
        self.timers = plan.timers
        self.topics: set[str] = set(plan.topics)
        self.teams = default_teams(MAX_TEAMS)  # the first `team_count` are playing
        for team, name in zip(self.teams, animal_names()):
            team.name = name
        self.team_count = len(plan.teams)
        self.editing: int | None = None  # the team whose name is being typed
        self.draft = ""
        self.focus: dict[int, str] = {}
        self._layout: Layout | None = None
        self._pages: list[tuple[str, list[Row]]] | None = None
        self._built = False  # laid out once (what `part` needs)
        super().__init__(app)

    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("Up and Down move, Left and Right change, Enter chooses. F1: the teacher's keys.")


    def build(self) -> None:
        """Lay out again (settings, language or bank changed): on the first page of the part
        that was shown, its focus kept."""
        part = self.part if self._built else "lesson"
        focus = self.focus.pop(self.page, None)
        self._built = True
        super().build()
        self.changed()
        self.page = self.page_of(part)
        if focus is not None:
            self.focus[self.page] = focus

    def actions(self) -> list[list[BarButton]]:
        """Back, and the way on: the next part, the next page of this part, or Start lesson."""
        return [[BarButton(t("Back"), self.back)],
                [BarButton(go_to_part("topics"), self.next),
                 BarButton(go_to_part("class"), self.next),
                 BarButton(t("Next page"), self.next),
                 BarButton(t("Start lesson"), self.start_lesson, theme.RIGHT)]]

    def shown(self, place: int) -> int:
        if place == 0:
            return 0
        if self.page >= len(self.pages) - 1:
            return 3
        following = self.pages[self.page + 1][0]
        return 2 if following == self.part else 0 if following == "topics" else 1

    def content_changed(self) -> None:
        self.lesson_index = min(self.lesson_index, len(self.lessons))
        known = {t.id for t in self.app.session.bank.topics}
        self.topics &= known
        self.build()


    # --- pages ---------------------------------------------------------------------------------
    @property
    def pages(self) -> list[tuple[str, list[Row]]]:
        """Each page's part and its rows."""
        if self._pages is None:
            self._pages = self._lay_pages()
        return self._pages

    def page_of(self, part: str) -> int:
        """The first page of a part ("lesson", "topics" or "class")."""
        return next(i for i, (p, _) in enumerate(self.pages) if p == part)

    @property
    def part(self) -> str:
        return self.pages[self.page][0]

    def go_to(self, page: int) -> None:
        self.finish_editing()
        self.page = min(len(self.pages) - 1, max(0, page))
        self.changed()

    def next(self) -> None:
        """N, or the forward button: the next page; on the last page, start the lesson."""
        if self.page < len(self.pages) - 1:
            self.go_to(self.page + 1)
        else:
            self.start_lesson()

    def back(self) -> None:
        if self.editing is not None:
            self.finish_editing()
        elif self.page > 0:
            self.go_to(self.page - 1)
        else:
            self.app.pop()

    def plan(self) -> LessonPlan:
        """What the teacher has chosen so far."""
        lesson = self.lesson
        order = [t.id for t in self.app.session.bank.topics]
        topics = tuple(t for t in order if t in self.topics)
        teams = [Team(t.name, t.colour) for t in self.teams[:self.team_count]]
        return LessonPlan(band=self.band, rounds=self.planned_rounds, teams=teams, style=self.style,
                          kind=self.kind, topics=topics, timers=self.timers,
                          lesson_id=lesson.id if lesson is not None else "",
                          title=lesson.title if lesson is not None else LessonPlan().title)

    def start_lesson(self) -> None:
        self.finish_editing()
        self.start(self.plan())


    # --- layout ----------------------------------------------------------------------------------
    def changed(self) -> None:
        self._layout = None
        self._pages = None

    @property
    def layout(self) -> Layout:
        if self._layout is None:
            self.page = min(self.page, len(self.pages) - 1)
            self._layout = self._lay_page()
        return self._layout

    def _heading(self) -> tuple[Fitted, pygame.Rect, int]:
        """The screen's title, where the page label goes (beside the title, which may shrink
        for it, when the longest label fits there; else under it), and where the page's rows
        start."""
        sizes = self.sizes
        words = t("Set up a lesson")
        widest = max(font(sizes.body[0], True).size(self._page_label(9, 9, part))[0]
                     for part in PARTS)
        line = text.line_height(sizes.body[0], True)
        for size in sizes.title:
            title = fit(words, WIDTH - 2 * MARGIN, (size,), 1, True)
            room = WIDTH - 2 * MARGIN - drawn_width(title) - 40
            if title.fits and widest <= room:
                label = pygame.Rect(WIDTH - MARGIN - room, (title.height - line) // 2, room,
                                    line)
                return title, label, max(title.height, label.bottom) + 6
        title = fit(words, WIDTH - 2 * MARGIN, sizes.title, 1, True)
        label = pygame.Rect(MARGIN, title.height, WIDTH - 2 * MARGIN, line)
        return title, label, label.bottom + 6

    @staticmethod
    def _page_label(n: int, total: int, part: str) -> str:
        return t("Page {n} of {total}: {part}", n=n, total=total, part=part_name(part))

    def _lay_pages(self) -> list[tuple[str, list[Row]]]:
        """Every part's rows, laid on as many pages as each needs."""
        room = self.content_bottom - self._heading()[2]
        pages: list[tuple[str, list[Row]]] = []
        for part, rows in (("lesson", self._lesson_rows(room)), ("topics", self._topic_rows()),
                           ("class", self._class_rows())):
            pages.append((part, []))
            used = 0
            for i, row in enumerate(rows):
                need = row.height
                if row.keep and i + 1 < len(rows):
                    need += GAP + rows[i + 1].height
                if pages[-1][1] and used + need > room and not pages[-1][1][-1].keep:
                    pages.append((part, []))
                    used = 0
                pages[-1][1].append(row)
                used += row.height + GAP
        return pages

    def _lay_page(self) -> Layout:
        out = Layout()
        sizes = self.sizes
        title, where, top = self._heading()
        out.pictures.append((title.surface(theme.CLASS_ACCENT), (MARGIN, 0)))
        part, rows = self.pages[self.page]
        label = fit(self._page_label(self.page + 1, len(self.pages), part), where.w,
                    sizes.body, 1, True)
        out.pictures.append((label.surface(theme.CLASS_MUTED, "right"), where.topleft))
        y = top
        for row in rows:
            row.place(out, y)
            y += row.height + GAP
        room = min(round(DOG * sizes.grow), self.content_bottom - y) // 10 * 10
        if room >= LEAST_DOG:  # Scout in the corner the page leaves free, above Start
            out.pictures.append((scout_portrait(room),
                                 (WIDTH - MARGIN - room, self.content_bottom - room)))
        self._nav(out)
        return out


    # --- drawing -------------------------------------------------------------------------------
    def draw_screen(self, surface: pygame.Surface) -> None:
        layout = self.layout
        for picture, pos in layout.pictures:
            surface.blit(picture, pos)
        for button, arrow in layout.buttons:
            button.draw(surface, button.enabled and button.rect.collidepoint(self.hover))
            if arrow:
                draw_arrow(surface, button.rect, arrow)
        blink_off = int(self.app.now * 2) % 2 and not self.app.session.settings.reduced_motion
        if layout.caret is not None and not blink_off:  # a steady caret with reduced motion
            pygame.draw.rect(surface, theme.CLASS_ACCENT, layout.caret)
        stop = self.focused()
        if stop is not None:
            ring = stop.rect.inflate(2 * RING, 2 * RING)
            pygame.draw.rect(surface, theme.CLASS_ACCENT, ring, 4,
                             border_radius=theme.RADIUS + RING)

