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
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.actions import Act, Action
from game.i18n import t
from game.rules.classroom import (
    MAX_ROUNDS, MAX_TEAMS, MIN_ROUNDS, NAME_LIMIT, STYLES, TEAM_COLOURS, LessonPlan, Team,
    clean_name, default_teams, fair_rounds,
)
from game.rules.tuning import WIDTH
from game.scenes.classroom.base import (
    BarButton, ClassroomScene, blit_at, class_button, drawn_width, fit, label_width,
)
from game.scenes.classroom.words import animal_names, rounds_each, style_means, style_name
from game.ui import text, theme
from game.ui.fonts import font
from game.ui.layout import Fitted
from game.ui.theme import hex_colour
from game.ui.widgets import Button

PARTS = ("lesson", "topics", "class")
BANDS = ("7-9", "10-12", "13-15")
MARGIN = 20  # the page's left and right margins; labels start here
GAP = 8  # between rows: the focus outline of one control never touches the next row's
RING = 5  # the focus outline sits this far outside a control


def part_name(part: str) -> str:
    return {"lesson": t("The lesson"), "topics": t("Topics"), "class": t("The class")}[part]


def go_to_part(part: str) -> str:
    """The forward button's label on the last page before `part`."""
    return t("Next: topics") if part == "topics" else t("Next: the class")


@dataclass
class Stop:
    """A place the keyboard focus can rest: `press` is Enter/Space; `change` (a value control
    alone on its row) is Left/Right."""

    key: str
    rect: pygame.Rect
    press: Callable[[], None]
    change: Callable[[int], None] | None = None


@dataclass
class Spot:
    """A place a click or tap acts on, and the focus stop it belongs to."""

    key: str
    rect: pygame.Rect
    act: Callable[[], None]
    stop: str


class Layout:
    """One page as drawn: pictures and buttons to blit, the places to click, the focus rows."""

    def __init__(self) -> None:
        self.pictures: list[tuple[pygame.Surface, tuple[int, int]]] = []
        self.buttons: list[tuple[Button, str]] = []  # each with its arrow ("", "left", "right")
        self.spots: list[Spot] = []
        self.rows: list[list[Stop]] = []
        self.caret: pygame.Rect | None = None

    def stop(self, key: str) -> tuple[int, int] | None:
        for r, row in enumerate(self.rows):
            for c, stop in enumerate(row):
                if stop.key == key:
                    return r, c
        return None


@dataclass
class Row:
    """A row of a page: its height, and how to put it on a page at a height y; `keep`: on the
    same page as the next row (a control and the line that explains it)."""

    height: int
    place: Callable[[Layout, int], None]
    keep: bool = False


class SetupScene(ClassroomScene):
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

    # --- what the bank offers ------------------------------------------------------------------
    @property
    def lessons(self) -> tuple:
        return tuple(getattr(self.app.session.bank, "lessons", ()))

    @property
    def lesson(self):
        """The ready-made lesson chosen, or None for "Choose my own"."""
        lessons = self.lessons
        return lessons[self.lesson_index - 1] if 0 < self.lesson_index <= len(lessons) else None

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

    def toggle_topic(self, topic: str) -> None:
        self.topics ^= {topic}
        self.changed()

    def toggle_timers(self) -> None:
        self.set_timers(not self.timers)

    def set_timers(self, on: bool) -> None:
        self.timers = on
        self.changed()

    def change_teams(self, step: int) -> None:
        count = min(MAX_TEAMS, max(1, self.team_count + step))
        for i in range(self.team_count, count):  # a team coming back: no clash with the others
            team = self.teams[i]
            if self._name_taken(team.name, i, count):
                team.name = self._free_name(i, count)
            if team.colour in self._colours_in_use(i, count):
                team.colour = self._next_colour(i, count)
        self.team_count = count
        self.changed()

    def next_name(self, index: int) -> None:
        """The next friendly animal name that no other team has."""
        self.finish_editing()
        animals = animal_names()
        current = self.teams[index].name
        start = animals.index(current) + 1 if current in animals else 0
        for k in range(len(animals)):
            name = animals[(start + k) % len(animals)]
            if not self._name_taken(name, index):
                self.teams[index].name = name
                break
        self.changed()

    def next_colour(self, index: int) -> None:
        self.teams[index].colour = self._next_colour(index)
        self.changed()

    def _colours_in_use(self, index: int, count: int | None = None) -> set[str]:
        count = self.team_count if count is None else count
        return {t.colour.lower() for i, t in enumerate(self.teams[:count]) if i != index}

    def _next_colour(self, index: int, count: int | None = None) -> str:
        used = self._colours_in_use(index, count)
        colours = [c.lower() for c in TEAM_COLOURS]
        current = self.teams[index].colour.lower()
        start = colours.index(current) + 1 if current in colours else 0
        for k in range(len(colours)):
            colour = TEAM_COLOURS[(start + k) % len(colours)]
            if colour.lower() not in used:
                return colour
        return self.teams[index].colour

    def _name_taken(self, name: str, index: int, count: int | None = None) -> bool:
        count = self.team_count if count is None else count
        return any(t.name.casefold() == name.casefold()
                   for i, t in enumerate(self.teams[:count]) if i != index)

    def _free_name(self, index: int, count: int | None = None) -> str:
        animals = animal_names()
        preferred = (animals[index],) if index < MAX_TEAMS else ()
        return next((n for n in preferred + animals if not self._name_taken(n, index, count)),
                    t("Team {n}", n=index + 1))

    # --- typing a team's name ------------------------------------------------------------------
    def edit_name(self, index: int) -> None:
        if self.editing == index:
            return
        self.finish_editing()
        self.editing, self.draft = index, self.teams[index].name
        self.typing = True
        self.changed()

    def type_text(self, typed: str) -> None:
        for ch in typed:
            if ch.isprintable() and len(self.draft) < NAME_LIMIT:
                self.draft += ch
        self.changed()

    def erase(self) -> None:
        self.draft = self.draft[:-1]
        self.changed()

    def finish_editing(self) -> None:
        if self.editing is None:
            return
        index = self.editing
        name = clean_name(self.draft, self._free_name(index))
        n = 2
        base = name
        while self._name_taken(name, index):
            suffix = f" {n}"
            name = base[:NAME_LIMIT - len(suffix)].rstrip() + suffix
            n += 1
        self.teams[index].name = name
        self.editing, self.draft = None, ""
        self.typing = False
        self.changed()

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
                          topics=topics, timers=self.timers,
                          lesson_id=lesson.id if lesson is not None else "",
                          title=lesson.title if lesson is not None else LessonPlan().title)

    def start_lesson(self) -> None:
        self.finish_editing()
        self.start(self.plan())

    # --- input ---------------------------------------------------------------------------------
    def handle_screen(self, action: Action) -> None:
        kind = action.kind
        if self.editing is not None:
            if kind is Act.TYPE:
                self.type_text(action.text)
                return
            if kind is Act.ERASE:
                self.erase()
                return
            if kind in (Act.CONFIRM, Act.BACK):
                self.finish_editing()
                return
            if kind is Act.POINT:
                spot = self.spot_at(action.pos)
                if spot is not None and spot.key == f"team{self.editing}:name":
                    return  # a tap on the name being typed: go on typing
                self.finish_editing()
            elif kind in (Act.UP, Act.DOWN, Act.FOCUS_NEXT, Act.FOCUS_PREV):
                self.finish_editing()
        if kind is Act.UP:
            self.move_focus(-1)
        elif kind is Act.DOWN:
            self.move_focus(1)
        elif kind in (Act.FOCUS_NEXT, Act.FOCUS_PREV):
            self.step_focus(1 if kind is Act.FOCUS_NEXT else -1)
        elif kind in (Act.LEFT, Act.RIGHT):
            self.sideways(-1 if kind is Act.LEFT else 1)
        elif kind in (Act.CONFIRM, Act.HOP):
            stop = self.focused()
            if stop is not None:
                self.app.play("click")
                stop.press()
                self.restart_scan()
        elif kind is Act.POINT:
            spot = self.spot_at(action.pos)
            if spot is not None:
                self.focus[self.page] = spot.stop
                self.app.play("click")
                spot.act()
                self.changed()
        elif kind is Act.BACK:
            self.back()
        # anything else (1/2/3, S, D, typing while no name is open) does nothing here

    def scan_step(self) -> None:
        """One-switch play: the focus steps on through the page's controls but the names to
        type (a switch cannot type; Next name picks one)."""
        if self._modal is not None:
            self._modal.buttons.scan_step()
        elif self.editing is None:
            self.step_focus(1, typing=False)

    def spot_at(self, pos: tuple[int, int]) -> Spot | None:
        return next((s for s in self.layout.spots if s.rect.collidepoint(pos)), None)

    def focused(self) -> Stop | None:
        layout = self.layout
        found = layout.stop(self.focus.get(self.page, ""))
        if found is None:
            return layout.rows[0][0] if layout.rows and layout.rows[0] else None
        r, c = found
        return layout.rows[r][c]

    def _focus_place(self) -> tuple[int, int]:
        return self.layout.stop(self.focus.get(self.page, "")) or (0, 0)

    def move_focus(self, step: int) -> None:
        rows = self.layout.rows
        if not rows:
            return
        r, c = self._focus_place()
        r = (r + step) % len(rows)
        self.focus[self.page] = rows[r][min(c, len(rows[r]) - 1)].key
        self.changed()

    def step_focus(self, step: int, typing: bool = True) -> None:
        """Tab (and one-switch play): every control in reading order, round again at the end
        (without the fields to type in, unless `typing`)."""
        stops = [stop for row in self.layout.rows for stop in row]
        if not stops:
            return
        r, c = self._focus_place()
        here = sum(len(row) for row in self.layout.rows[:r]) + c
        for k in range(1, len(stops) + 1):
            stop = stops[(here + k * step) % len(stops)]
            if typing or not stop.key.endswith(":name"):
                break
        self.focus[self.page] = stop.key
        self.changed()

    def sideways(self, step: int) -> None:
        rows = self.layout.rows
        if not rows:
            return
        r, c = self._focus_place()
        row = rows[r]
        if len(row) == 1:
            if row[0].change is not None:
                self.app.play("click")
                row[0].change(step)
        else:
            self.focus[self.page] = row[min(len(row) - 1, max(0, c + step))].key
            self.changed()

    def spot_centre(self, key: str) -> tuple[int, int]:
        """Where to click or tap to use the control `key` (for tests and screenshots)."""
        spot = next(s for s in self.layout.spots if s.key == key)
        return spot.rect.center

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
        self._nav(out)
        return out

    # --- the pieces of a page ----------------------------------------------------------------
    def _column(self, labels: list[str]) -> int:
        """Where controls start, right of the widest label (no further than a third of the
        screen: a longer label goes above its control)."""
        widest = max(font(self.sizes.body[0], True).size(label)[0] for label in labels)
        return MARGIN + min(widest, WIDTH // 3) + 20

    def _inline(self, label: str, column: int) -> bool:
        return font(self.sizes.body[0], True).size(label)[0] + 20 <= column - MARGIN

    def _labelled(self, label: str, column: int, height: int,
                  place: Callable[[Layout, int, int], None], inline: bool = True,
                  colour=None) -> Row:
        """A control with its label: beside it when it fits (`place(out, column, y)`), else
        the label above and the control under it from the margin."""
        sizes = self.sizes
        if inline and self._inline(label, column):
            words = fit(label, column - MARGIN - 20, sizes.body, 1, True)

            def beside(out: Layout, y: int) -> None:
                out.pictures.append((words.surface(colour or theme.CLASS_TEXT),
                                     (MARGIN, y + (sizes.row - words.height) // 2)))
                place(out, column, y)
            return Row(height, beside)
        words = fit(label, WIDTH - 2 * MARGIN, sizes.body, 2, True)

        def above(out: Layout, y: int) -> None:
            out.pictures.append((words.surface(colour or theme.CLASS_TEXT), (MARGIN, y)))
            place(out, MARGIN, y + words.height + 4)
        return Row(words.height + 4 + height, above)

    def _words(self, words: str, colour=None, height: int = 0, x: int = MARGIN) -> Row:
        """A paragraph of words across the page (up to `height` pixels, else two lines), in
        the muted colour unless given."""
        fitted = fit(words, WIDTH - MARGIN - x, self.sizes.body, 2, height=height)
        ink = colour or theme.CLASS_MUTED

        def place(out: Layout, y: int) -> None:
            out.pictures.append((fitted.surface(ink), (x, y)))
        return Row(fitted.height, place)

    def _button(self, out: Layout, key: str, label: str, rect: pygame.Rect,
                act: Callable[[], None], stop: str, colour=None, arrow: str = "",
                enabled: bool = True) -> None:
        button = class_button(label, rect, act, colour, self.sizes)
        button.enabled = enabled
        out.buttons.append((button, arrow))
        if enabled:
            out.spots.append(Spot(key, rect, act, stop))

    def _chooser(self, key: str, label: str, column: int, value: str, widest: int,
                 change: Callable[[int], None]) -> Row:
        """label  ◀ value ▶: the arrows and a tap on the value change it."""
        sizes = self.sizes
        arrow_w = round(60 * sizes.grow)

        def box_width(x: int) -> int:
            return min(widest, WIDTH - MARGIN - x - 2 * (arrow_w + 8))

        inline = self._inline(label, column) and box_width(column) >= widest * 2 // 3
        x = column if inline else MARGIN
        fitted = fit(value, box_width(x) - 24, sizes.body, 2, True)
        height = max(sizes.row, fitted.height + 8)

        def place(out: Layout, x: int, y: int) -> None:
            left = pygame.Rect(x, y, arrow_w, height)
            box = pygame.Rect(left.right + 8, y, box_width(x), height)
            right = pygame.Rect(box.right + 8, y, arrow_w, height)
            self._button(out, f"{key}:<", " ", left, lambda: change(-1), key, arrow="left")
            self._button(out, f"{key}:>", " ", right, lambda: change(1), key, arrow="right")
            out.pictures.append((_value_box(box.size, fitted), box.topleft))
            out.spots.append(Spot(key, box, lambda: change(1), key))
            out.rows.append([Stop(key, left.union(right), lambda: change(1), change)])
        return self._labelled(label, column, height, place, inline)

    def _counter(self, out: Layout, key: str, x: int, y: int, value: int, low: int,
                 high: int, change: Callable[[int], None]) -> Stop:
        """− value +."""
        sizes = self.sizes
        arrow_w = round(60 * sizes.grow)
        minus = pygame.Rect(x, y, arrow_w, sizes.row)
        box = pygame.Rect(minus.right + 8, y, round(76 * sizes.grow), sizes.row)
        plus = pygame.Rect(box.right + 8, y, arrow_w, sizes.row)
        self._button(out, f"{key}:-", "−", minus, lambda: change(-1), key, enabled=value > low)
        self._button(out, f"{key}:+", "+", plus, lambda: change(1), key, enabled=value < high)
        out.pictures.append((_value_box(box.size, fit(str(value), box.w - 24, sizes.body, 1,
                                                      True)), box.topleft))
        return Stop(key, minus.union(plus), lambda: change(1 if value < high else low - value),
                    change)

    def _counter_width(self) -> int:
        return 2 * round(60 * self.sizes.grow) + round(76 * self.sizes.grow) + 16

    def _nav(self, out: Layout) -> None:
        """Back and the way on, on the bar: the last row of the focus, and places to tap."""
        back = self.places[0][0]
        forward = self.places[1][self.shown(1)]
        out.spots += [Spot("back", back.rect, back.on_press, "back"),
                      Spot("next", forward.rect, forward.on_press, "next")]
        out.rows.append([Stop("back", back.rect, back.on_press),
                         Stop("next", forward.rect, forward.on_press)])

    # part 1: the lesson
    def _lesson_rows(self, room: int) -> list[Row]:
        sizes = self.sizes
        lesson = self.lesson
        labels = [t("Ready-made lesson"), t("Age band"), t("Play style")]
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
                out.pictures.append((_toggle_face(rect.size, label, chosen, theme.BUTTON,
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

    # part 2: topics
    def _topic_rows(self) -> list[Row]:
        sizes = self.sizes
        topics = self.app.session.bank.topics
        chosen = [t for t in topics if t.id in self.topics]
        if not topics:
            line = t("This bank has no topics: the lesson uses every question it has.")
        elif not chosen:
            line = t("Tick the topics for this lesson. None ticked: every topic.")
        else:
            line = t("{n} of {total} topics ticked. None ticked: every topic.", n=len(chosen),
                     total=len(topics))
        rows = [self._words(line)]
        columns = 2 if len(topics) <= 14 else 3
        gap = 20
        width = (WIDTH - 2 * MARGIN - gap * (columns - 1)) // columns
        for start in range(0, len(topics), columns):
            group = topics[start:start + columns]
            labels = [_toggle_words(topic.title, width, sizes.body) for topic in group]
            height = max([sizes.row] + [label.height + 12 for label in labels])

            def place(out: Layout, y: int, group=group, labels=labels, height=height) -> None:
                stops = []
                for col, (topic, label) in enumerate(zip(group, labels)):
                    rect = pygame.Rect(MARGIN + col * (width + gap), y, width, height)
                    on = topic.id in self.topics
                    out.pictures.append((_toggle_face(rect.size, label, on,
                                                      hex_colour(topic.colour, theme.BUTTON)),
                                         rect.topleft))
                    key = f"topic:{topic.id}"
                    act = (lambda t=topic.id: self.toggle_topic(t))
                    out.spots.append(Spot(key, rect, act, key))
                    stops.append(Stop(key, rect, act))
                out.rows.append(stops)
            rows.append(Row(height, place))
        return rows

    # part 3: the class
    def _class_rows(self) -> list[Row]:
        sizes = self.sizes
        labels = [t("Teams"), t("Team {n}", n=MAX_TEAMS), t("Timers")]
        column = self._column(labels)
        note = t("Team names only: please don't use children's names.")
        note_x = column + self._counter_width() + 40
        note_beside = font(sizes.body[0]).size(note)[0] <= WIDTH - MARGIN - note_x

        def teams(out: Layout, x: int, y: int) -> None:
            out.rows.append([self._counter(out, "teams", x, y, self.team_count, 1, MAX_TEAMS,
                                           self.change_teams)])
            if note_beside:
                words = fit(note, WIDTH - MARGIN - note_x, sizes.body, 1)
                out.pictures.append((words.surface(theme.CLASS_ACCENT, "right"),
                                     (note_x, y + (sizes.row - words.height) // 2)))

        rows = [self._labelled(labels[0], column, sizes.row, teams)]
        if not note_beside:
            rows.append(self._words(note, theme.CLASS_ACCENT))
        rows += [self._team_row(i, column) for i in range(self.team_count)]
        rows.append(self._words(t("Tap a name or press Enter on it to type, or use Next name.")))
        rows.append(self._words(rounds_each(self.planned_rounds, self.team_count),
                                theme.CLASS_TEXT))
        rows.append(self._timers_row(labels[2], column))
        return rows

    def _team_row(self, i: int, column: int) -> Row:
        sizes = self.sizes
        team = self.teams[i]
        colour_label, other_label = t("Colour"), t("Next name")
        swatch_w = max(round(170 * sizes.grow), label_width(colour_label, sizes.body[0]))
        other_w = max(round(230 * sizes.grow), label_width(other_label, sizes.body[0]))

        def field_width(x: int) -> int:
            return min(round(600 * sizes.grow), WIDTH - MARGIN - x - swatch_w - other_w - 32)

        # room for the widest name at the classroom's floor (a wide name shrinks to fit)
        least = font(theme.CLASS_MIN_TEXT, True).size("W" * NAME_LIMIT)[0] + 40
        inline = field_width(column) >= least

        def place(out: Layout, x: int, y: int) -> None:
            swatch = pygame.Rect(x, y, swatch_w, sizes.row)
            field = pygame.Rect(swatch.right + 16, y, field_width(x), sizes.row)
            other = pygame.Rect(field.right + 16, y, other_w, sizes.row)
            self._button(out, f"team{i}:colour", colour_label, swatch,
                         lambda: self.next_colour(i), f"team{i}:colour",
                         hex_colour(team.colour, theme.BUTTON))
            editing = self.editing == i
            name = self.draft if editing else team.name
            face, caret_x = _name_field(field.size, name, editing, sizes.body)
            out.pictures.append((face, field.topleft))
            if editing:
                out.caret = pygame.Rect(field.x + caret_x, field.y + 10, 4, sizes.row - 20)
            out.spots.append(Spot(f"team{i}:name", field, lambda: self.edit_name(i),
                                  f"team{i}:name"))
            self._button(out, f"team{i}:next", other_label, other, lambda: self.next_name(i),
                         f"team{i}:next")
            out.rows.append([Stop(f"team{i}:colour", swatch, lambda: self.next_colour(i)),
                             Stop(f"team{i}:name", field, lambda: self.edit_name(i)),
                             Stop(f"team{i}:next", other, lambda: self.next_name(i))])
        return self._labelled(t("Team {n}", n=i + 1), column, sizes.row, place, inline,
                              theme.CLASS_MUTED)

    def _timers_row(self, label: str, column: int) -> Row:
        """Timers: two choices, Off and On, each saying what it means, both always shown and
        the one in use ticked and filled (beside each other when they fit, else one above the
        other). Left picks Off, Right picks On, Enter or a tap switches."""
        sizes = self.sizes
        choices = ((False, t("Off: you set the pace")),
                   (True, t("On: reading and voting countdowns")))
        inline = self._inline(label, column)
        room = WIDTH - MARGIN - (column if inline else MARGIN)
        # side by side, each as wide as its words need (the room left shared out), else halves
        natural = [font(sizes.body[0], True).size(w)[0] + TOGGLE_PAD for _, w in choices]
        spare = room - 16 - sum(natural)
        first = natural[0] + spare * natural[0] // sum(natural) if spare >= 0 else \
            (room - 16) // 2
        widths = (first, room - 16 - first)
        words = [_toggle_words(w, width, sizes.body, note=False)
                 for (_, w), width in zip(choices, widths)]
        beside = all(w.fits for w in words)
        if not beside:
            words = [_toggle_words(w, room, sizes.body) for _, w in choices]
        each = max(sizes.row, max(w.height for w in words) + 12)
        height = each if beside else 2 * each + GAP

        def place(out: Layout, x: int, y: int) -> None:
            rects = [pygame.Rect(x, y, widths[0], each), pygame.Rect(x + widths[0] + 16, y,
                                                                      widths[1], each)] \
                if beside else [pygame.Rect(x, y + i * (each + GAP), WIDTH - MARGIN - x, each)
                                for i in range(2)]
            for (on, _), fitted, rect in zip(choices, words, rects):
                out.pictures.append((_toggle_face(rect.size, fitted, self.timers == on,
                                                  theme.BUTTON), rect.topleft))
                key = "timers:on" if on else "timers:off"
                out.spots.append(Spot(key, rect, lambda on=on: self.set_timers(on), "timers"))
            out.rows.append([Stop("timers", rects[0].union(rects[1]), self.toggle_timers,
                                  lambda step: self.set_timers(step > 0))])
        return self._labelled(label, column, height, place, inline)

    # --- drawing -------------------------------------------------------------------------------
    def draw_screen(self, surface: pygame.Surface) -> None:
        layout = self.layout
        for picture, pos in layout.pictures:
            surface.blit(picture, pos)
        for button, arrow in layout.buttons:
            button.draw(surface, button.enabled and button.rect.collidepoint(self.hover))
            if arrow:
                _arrow(surface, button.rect, arrow)
        blink_off = int(self.app.now * 2) % 2 and not self.app.session.settings.reduced_motion
        if layout.caret is not None and not blink_off:  # a steady caret with reduced motion
            pygame.draw.rect(surface, theme.CLASS_ACCENT, layout.caret)
        stop = self.focused()
        if stop is not None:
            ring = stop.rect.inflate(2 * RING, 2 * RING)
            pygame.draw.rect(surface, theme.CLASS_ACCENT, ring, 4,
                             border_radius=theme.RADIUS + RING)


TICK_BOX = 36  # the tick box's side; its label starts right of it
TOGGLE_PAD = 16 + TICK_BOX + 14 + 12  # a tick box's width beyond its label's


def _toggle_words(label: str, width: int, sizes: tuple[int, ...], note: bool = True) -> Fitted:
    """A tick box's label fitted beside the box (two lines at most; `note`: see fit)."""
    return fit(label, width - TOGGLE_PAD, sizes, 2, True, note=note)


def _value_box(size: tuple[int, int], value: Fitted) -> pygame.Surface:
    """A value shown between its arrows: white on the projector's panel colour."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    rect = surf.get_rect()
    pygame.draw.rect(surf, theme.CLASS_PANEL, rect, border_radius=theme.RADIUS)
    pygame.draw.rect(surf, theme.CLASS_MUTED, rect, 2, border_radius=theme.RADIUS)
    blit_at(surf, value, theme.CLASS_TEXT, center=rect.center)
    return surf


def _toggle_face(size: tuple[int, int], label: Fitted | str, on: bool, colour,
                 sizes: tuple[int, ...] = (), box: bool = True) -> pygame.Surface:
    """A tick box with its label (fitted beside the box), filled with `colour` and ticked when
    on, dark when off; or, without the box, a label alone (`sizes`), centred."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    rect = surf.get_rect()
    pygame.draw.rect(surf, colour if on else theme.CLASS_PANEL, rect, border_radius=theme.RADIUS)
    pygame.draw.rect(surf, theme.CLASS_TEXT if on else theme.CLASS_MUTED, rect, 2,
                     border_radius=theme.RADIUS)
    if not box:
        words = label if isinstance(label, Fitted) else fit(label, rect.w - 24, sizes, 1, True)
        blit_at(surf, words, theme.WHITE if on else theme.CLASS_TEXT, center=rect.center)
        return surf
    tick = pygame.Rect(16, 0, TICK_BOX, TICK_BOX)
    tick.centery = rect.centery
    ink = theme.WHITE if on else theme.CLASS_TEXT
    pygame.draw.rect(surf, ink, tick, 3, border_radius=6)
    if on:
        pygame.draw.lines(surf, ink, False,
                          [(tick.x + 7, tick.centery), (tick.x + 15, tick.bottom - 8),
                           (tick.right - 6, tick.y + 7)], 5)
    assert isinstance(label, Fitted)
    blit_at(surf, label, ink, midleft=(tick.right + 14, rect.centery))
    return surf


def _name_field(size: tuple[int, int], name: str, editing: bool,
                sizes: tuple[int, ...]) -> tuple[pygame.Surface, int]:
    """A team's name as a field to type in; returns it and where the caret goes."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    rect = surf.get_rect()
    pygame.draw.rect(surf, theme.CLASS_BG, rect, border_radius=10)
    pygame.draw.rect(surf, theme.CLASS_ACCENT if editing else theme.CLASS_MUTED, rect,
                     4 if editing else 2, border_radius=10)
    x = 16
    if name:
        # a name of wide letters may need a size under the body's, never under the floor
        words = fit(name, rect.w - 40, tuple(sorted({*sizes, theme.CLASS_MIN_TEXT},
                                                    reverse=True)), 1, True)
        blit_at(surf, words, theme.CLASS_TEXT, midleft=(x, rect.centery))
        x += drawn_width(words) + 3
    return surf, x


def _arrow(surface: pygame.Surface, rect: pygame.Rect, direction: str) -> None:
    """A white triangle on an arrow button (the font has no ◀ ▶)."""
    cx, cy, r = rect.centerx, rect.centery, 14
    points = ([(cx + r // 2, cy - r), (cx + r // 2, cy + r), (cx - r, cy)] if direction == "left"
              else [(cx - r // 2, cy - r), (cx - r // 2, cy + r), (cx + r, cy)])
    pygame.draw.polygon(surface, theme.BUTTON_TEXT, points)
