"""The classroom setup screen: the teacher chooses the lesson, its topics and the class's teams.

Three pages, so every word stays at projector size with nothing cut off:

1. The lesson: a ready-made lesson (or "Choose my own") and what it is about, the age band, the
   number of rounds and the play style, with one line saying what that style means.
2. Topics: a tick box for each topic of the bank (none ticked: every topic).
3. The class: 1 to 4 teams, each with a name (tap or Enter to type it, or "Next name" to pick a
   friendly animal) and a colour (tap the swatch to change it), timers, and Start lesson.

Every control works by keyboard alone (Up/Down move the focus, Left/Right change the value or
move along a row, Enter/Space press), by mouse and by touch alone. No child's name is asked
for: the page of names says so.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pygame

from game.actions import Act, Action
from game.rules.classroom import (
    DEFAULT_NAMES, MAX_ROUNDS, MAX_TEAMS, MIN_ROUNDS, NAME_LIMIT, STYLES, TEAM_COLOURS,
    LessonPlan, Team, clean_name, default_teams,
)
from game.rules.tuning import WIDTH
from game.scenes.classroom.base import ClassroomScene, class_button, paragraph, words
from game.ui import theme
from game.ui.theme import hex_colour
from game.ui.widgets import Button

PAGES = ("The lesson", "Topics", "The class")
BANDS = ("7-9", "10-12", "13-15")
STYLE_MEANS = {"turns": "Each round, the next team sends a player to the front.",
               "vote": "Everyone votes with hands up; you enter the answer."}
TIMERS = {False: "No timers: you set the pace",
          True: "Timers on: reading and voting countdowns"}
OWN_LESSON = "Choose my own"
OWN_ABOUT = ("Choose the age band, the rounds and how the class plays here, and the topics on "
             "the next page.")
NAMES_NOTE = "Team names only: please don't use children's names."
NAMES_TIP = "Tap a name or press Enter on it to type, or use Next name."
# friendly UK animals for "Next name" (the plan's default names first)
ANIMALS = DEFAULT_NAMES + ("Otters", "Robins", "Squirrels", "Hares", "Puffins", "Kingfishers",
                           "Dormice", "Wrens", "Herons", "Seals", "Swifts", "Red Kites",
                           "Newts", "Moles", "Stags", "Barn Owls")

MARGIN, LABEL_X, CONTROL_X = 20, 20, 330
ROW_H, STEP = 60, 68  # a control's height (a 32-px label needs 60) and the rows' pitch
NAV_Y = 584  # the Back / Next / Start row: the base's toolbar is below 648
ARROW_W = 60
RING = 5  # the focus outline sits this far outside a control


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


class SetupScene(ClassroomScene):
    keys_hint = "Up and Down move, Left and Right change, Enter chooses. F1: the teacher's keys."

    def __init__(self, app, start: Callable[[LessonPlan], None]) -> None:
        super().__init__(app)
        self.start = start
        plan = LessonPlan()
        self.page = 0
        self.lesson_index = 0  # 0: choose my own; i: the bank's lesson i - 1
        self.band = plan.band
        self.rounds = plan.rounds
        self.style = plan.style
        self.timers = plan.timers
        self.topics: set[str] = set(plan.topics)
        self.teams = default_teams(MAX_TEAMS)  # the first `team_count` are playing
        self.team_count = len(plan.teams)
        self.editing: int | None = None  # the team whose name is being typed
        self.draft = ""
        self.focus: dict[int, str] = {}
        self._layout: Layout | None = None

    # --- what the bank offers ------------------------------------------------------------------
    @property
    def lessons(self) -> tuple:
        return tuple(getattr(self.app.session.bank, "lessons", ()))

    @property
    def lesson(self):
        """The ready-made lesson chosen, or None for "Choose my own"."""
        lessons = self.lessons
        return lessons[self.lesson_index - 1] if 0 < self.lesson_index <= len(lessons) else None

    def content_changed(self) -> None:
        self.lesson_index = min(self.lesson_index, len(self.lessons))
        known = {t.id for t in self.app.session.bank.topics}
        self.topics &= known
        self.changed()

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

    def change_rounds(self, step: int) -> None:
        self.rounds = min(MAX_ROUNDS, max(MIN_ROUNDS, self.rounds + step))
        self.changed()

    def choose_style(self, step: int) -> None:
        styles = list(STYLES)
        self.style = styles[(styles.index(self.style) + step) % len(styles)]
        self.changed()

    def toggle_topic(self, topic: str) -> None:
        self.topics ^= {topic}
        self.changed()

    def toggle_timers(self, step: int = 1) -> None:
        self.timers = not self.timers
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
        current = self.teams[index].name
        start = ANIMALS.index(current) + 1 if current in ANIMALS else 0
        for k in range(len(ANIMALS)):
            name = ANIMALS[(start + k) % len(ANIMALS)]
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
        preferred = (DEFAULT_NAMES[index],) if index < len(DEFAULT_NAMES) else ()
        return next((n for n in preferred + ANIMALS if not self._name_taken(n, index, count)),
                    f"Team {index + 1}")

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
    def go_to(self, page: int) -> None:
        self.finish_editing()
        self.page = min(len(PAGES) - 1, max(0, page))
        self.changed()

    def next(self) -> None:
        """N, or the Next button: the next page; on the last page, start the lesson."""
        if self.page < len(PAGES) - 1:
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
        return LessonPlan(band=self.band, rounds=self.rounds, teams=teams, style=self.style,
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
            elif kind in (Act.UP, Act.DOWN):
                self.finish_editing()
        if kind is Act.UP:
            self.move_focus(-1)
        elif kind is Act.DOWN:
            self.move_focus(1)
        elif kind in (Act.LEFT, Act.RIGHT):
            self.sideways(-1 if kind is Act.LEFT else 1)
        elif kind in (Act.CONFIRM, Act.HOP):
            stop = self.focused()
            if stop is not None:
                self.app.play("click")
                stop.press()
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

    @property
    def layout(self) -> Layout:
        if self._layout is None:
            self._layout = [self._lesson_page, self._topics_page, self._class_page][self.page]()
        return self._layout

    def _heading(self, out: Layout) -> None:
        title = words("Set up a lesson", theme.CLASS_TITLE, theme.CLASS_ACCENT, True)
        out.pictures.append((title, (MARGIN, 0)))
        step = words(f"Page {self.page + 1} of {len(PAGES)}: {PAGES[self.page]}",
                     theme.CLASS_BODY, theme.CLASS_MUTED, True)
        out.pictures.append((step, (WIDTH - MARGIN - step.get_width(), 20)))

    def _label(self, out: Layout, line: str, y: int, x: int = LABEL_X) -> int:
        """A control's label, centred on a row at `y`; returns where the label ends."""
        label = words(line, theme.CLASS_BODY, theme.CLASS_TEXT, True)
        out.pictures.append((label, (x, y + (ROW_H - label.get_height()) // 2)))
        return x + label.get_width()

    def _button(self, out: Layout, key: str, label: str, rect: pygame.Rect,
                act: Callable[[], None], stop: str, colour=None, arrow: str = "",
                enabled: bool = True) -> None:
        button = class_button(label, rect, act, colour)
        button.enabled = enabled
        out.buttons.append((button, arrow))
        if enabled:
            out.spots.append(Spot(key, rect, act, stop))

    def _chooser(self, out: Layout, key: str, y: int, x: int, width: int, value: str,
                 change: Callable[[int], None]) -> Stop:
        """◀ value ▶: the arrows and a tap on the value change it."""
        left = pygame.Rect(x, y, ARROW_W, ROW_H)
        box = pygame.Rect(left.right + 8, y, width, ROW_H)
        right = pygame.Rect(box.right + 8, y, ARROW_W, ROW_H)
        self._button(out, f"{key}:<", " ", left, lambda: change(-1), key, arrow="left")
        self._button(out, f"{key}:>", " ", right, lambda: change(1), key, arrow="right")
        out.pictures.append((_value_box(box.size, value), box.topleft))
        out.spots.append(Spot(key, box, lambda: change(1), key))
        return Stop(key, left.union(right), lambda: change(1), change)

    def _counter(self, out: Layout, key: str, y: int, x: int, value: int, low: int, high: int,
                 change: Callable[[int], None]) -> Stop:
        """− value +."""
        minus = pygame.Rect(x, y, ARROW_W, ROW_H)
        box = pygame.Rect(minus.right + 8, y, 76, ROW_H)
        plus = pygame.Rect(box.right + 8, y, ARROW_W, ROW_H)
        self._button(out, f"{key}:-", "−", minus, lambda: change(-1), key, enabled=value > low)
        self._button(out, f"{key}:+", "+", plus, lambda: change(1), key, enabled=value < high)
        out.pictures.append((_value_box(box.size, str(value)), box.topleft))
        return Stop(key, minus.union(plus), lambda: change(1 if value < high else low - value),
                    change)

    def _nav(self, out: Layout, back: str, forward: str, forward_act: Callable[[], None],
             wide: int = 330, colour=None) -> None:
        back_rect = pygame.Rect(MARGIN, NAV_Y, 200, ROW_H)
        forward_rect = pygame.Rect(WIDTH - MARGIN - wide, NAV_Y, wide, ROW_H)
        self._button(out, "back", back, back_rect, self.back, "back")
        self._button(out, "next", forward, forward_rect, forward_act, "next", colour)
        out.rows.append([Stop("back", back_rect, self.back), Stop("next", forward_rect,
                                                                   forward_act)])

    # page 1: the lesson
    def _lesson_page(self) -> Layout:
        out = Layout()
        self._heading(out)
        y = 88
        self._label(out, "Ready-made lesson", y)
        lesson = self.lesson
        out.rows.append([self._chooser(out, "lesson", y, CONTROL_X, 780,
                                       lesson.title if lesson else OWN_LESSON,
                                       self.choose_lesson)])
        about = lesson.about if lesson else OWN_ABOUT
        box = paragraph(about, WIDTH - 2 * MARGIN, 4 * 52, theme.CLASS_MUTED)
        out.pictures.append((box, (MARGIN, 156)))

        y = 376
        self._label(out, "Age band", y)
        x, w = CONTROL_X, 160
        group = pygame.Rect(x, y, 3 * w + 16, ROW_H)
        for i, band in enumerate(BANDS):
            rect = pygame.Rect(x + i * (w + 8), y, w, ROW_H)
            chosen = band == self.band
            label = ("✓ " if chosen else "") + band.replace("-", "–")
            out.pictures.append((_toggle_face(rect.size, label, chosen, theme.BUTTON, False),
                                 rect.topleft))
            out.spots.append(Spot(f"band:{band}", rect, lambda b=band: self.set_band(b), "band"))
        band_stop = Stop("band", group, lambda: self.choose_band(1 if self.band != BANDS[-1]
                                                                 else -len(BANDS)),
                         self.choose_band)
        end = self._label(out, "Rounds", y, group.right + 50)
        rounds = self._counter(out, "rounds", y, end + 20, self.rounds, MIN_ROUNDS, MAX_ROUNDS,
                               self.change_rounds)
        out.rows.append([band_stop])
        out.rows.append([rounds])

        y = 448
        self._label(out, "Play style", y)
        out.rows.append([self._chooser(out, "style", y, CONTROL_X, 400, STYLES[self.style],
                                       self.choose_style)])
        means = paragraph(STYLE_MEANS[self.style], WIDTH - MARGIN - CONTROL_X, 52,
                          theme.CLASS_MUTED)
        out.pictures.append((means, (CONTROL_X, 514)))
        self._nav(out, "Back", "Next: topics", self.next)
        return out

    # page 2: topics
    def _topics_page(self) -> Layout:
        out = Layout()
        self._heading(out)
        topics = self.app.session.bank.topics
        chosen = [t for t in topics if t.id in self.topics]
        if not topics:
            line = "This bank has no topics: the lesson uses every question it has."
        elif not chosen:
            line = "Tick the topics for this lesson. None ticked: every topic."
        else:
            line = f"{len(chosen)} of {len(topics)} topics ticked. None ticked: every topic."
        out.pictures.append((paragraph(line, WIDTH - 2 * MARGIN, 52, theme.CLASS_MUTED),
                             (MARGIN, 88)))
        columns = 2 if len(topics) <= 14 else 3
        rows = max(1, -(-len(topics) // columns))
        top, bottom = 152, NAV_Y - 16
        step = min(STEP, (bottom - top) // rows)
        gap = 20
        width = (WIDTH - 2 * MARGIN - gap * (columns - 1)) // columns
        grid: list[list[Stop]] = [[] for _ in range(rows)]
        for i, topic in enumerate(topics):
            col, row = divmod(i, rows)  # down the first column, then the next
            rect = pygame.Rect(MARGIN + col * (width + gap), top + row * step, width, step - 8)
            on = topic.id in self.topics
            out.pictures.append((_toggle_face(rect.size, topic.title, on,
                                              hex_colour(topic.colour, theme.BUTTON)),
                                 rect.topleft))
            key = f"topic:{topic.id}"
            act = (lambda t=topic.id: self.toggle_topic(t))
            out.spots.append(Spot(key, rect, act, key))
            grid[row].append(Stop(key, rect, act))
        out.rows.extend(r for r in grid if r)
        self._nav(out, "Back", "Next: the class", self.next)
        return out

    # page 3: the class
    def _class_page(self) -> Layout:
        out = Layout()
        self._heading(out)
        y = 84
        self._label(out, "Teams", y)
        teams = self._counter(out, "teams", y, 150, self.team_count, 1, MAX_TEAMS,
                              self.change_teams)
        out.rows.append([teams])
        note = words(NAMES_NOTE, theme.CLASS_BODY, theme.CLASS_ACCENT)
        out.pictures.append((note, (WIDTH - MARGIN - note.get_width(),
                                    y + (ROW_H - note.get_height()) // 2)))
        for i, team in enumerate(self.teams[:self.team_count]):
            out.rows.append(self._team_row(out, i, team, 156 + i * STEP))
        y = 156 + MAX_TEAMS * STEP + 12
        self._label(out, "Timers", y)
        rect = pygame.Rect(150, y, 760, ROW_H)
        out.pictures.append((_toggle_face(rect.size, TIMERS[self.timers], self.timers,
                                          theme.BUTTON), rect.topleft))
        out.spots.append(Spot("timers", rect, self.toggle_timers, "timers"))
        out.rows.append([Stop("timers", rect, self.toggle_timers, self.toggle_timers)])
        tip = words(NAMES_TIP, theme.CLASS_BODY, theme.CLASS_MUTED)
        out.pictures.append((tip, (MARGIN, y + STEP + 4)))
        self._nav(out, "Back", "Start lesson", self.start_lesson, 300, theme.RIGHT)
        return out

    def _team_row(self, out: Layout, i: int, team: Team, y: int) -> list[Stop]:
        colour = hex_colour(team.colour, theme.BUTTON)
        label = words(f"Team {i + 1}", theme.CLASS_BODY, theme.CLASS_MUTED, True)
        out.pictures.append((label, (LABEL_X, y + (ROW_H - label.get_height()) // 2)))
        swatch = pygame.Rect(150, y, 170, ROW_H)
        field = pygame.Rect(swatch.right + 16, y, 600, ROW_H)
        other = pygame.Rect(field.right + 16, y, 230, ROW_H)
        self._button(out, f"team{i}:colour", "Colour", swatch, lambda: self.next_colour(i),
                     f"team{i}:colour", colour)
        editing = self.editing == i
        name = self.draft if editing else team.name
        face, caret_x = _name_field(field.size, name, editing)
        out.pictures.append((face, field.topleft))
        if editing:
            out.caret = pygame.Rect(field.x + caret_x, field.y + 10, 4, ROW_H - 20)
        out.spots.append(Spot(f"team{i}:name", field, lambda: self.edit_name(i),
                              f"team{i}:name"))
        self._button(out, f"team{i}:next", "Next name", other, lambda: self.next_name(i),
                     f"team{i}:next")
        return [Stop(f"team{i}:colour", swatch, lambda: self.next_colour(i)),
                Stop(f"team{i}:name", field, lambda: self.edit_name(i)),
                Stop(f"team{i}:next", other, lambda: self.next_name(i))]

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


def _value_box(size: tuple[int, int], value: str) -> pygame.Surface:
    """A value shown between its arrows: white on the projector's panel colour."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    rect = surf.get_rect()
    pygame.draw.rect(surf, theme.CLASS_PANEL, rect, border_radius=theme.RADIUS)
    pygame.draw.rect(surf, theme.CLASS_MUTED, rect, 2, border_radius=theme.RADIUS)
    label = paragraph(value, rect.w - 24, rect.h - 4, theme.CLASS_TEXT, bold=True,
                      align="center")
    surf.blit(label, label.get_rect(center=rect.center))
    return surf


def _toggle_face(size: tuple[int, int], label: str, on: bool, colour,
                 box: bool = True) -> pygame.Surface:
    """A tick box with its label: filled with `colour` and ticked when on, dark when off."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    rect = surf.get_rect()
    pygame.draw.rect(surf, colour if on else theme.CLASS_PANEL, rect, border_radius=theme.RADIUS)
    pygame.draw.rect(surf, theme.CLASS_TEXT if on else theme.CLASS_MUTED, rect, 2,
                     border_radius=theme.RADIUS)
    x = 16
    if box:
        tick = pygame.Rect(x, 0, 36, 36)
        tick.centery = rect.centery
        pygame.draw.rect(surf, theme.CLASS_TEXT, tick, 3, border_radius=6)
        if on:
            pygame.draw.lines(surf, theme.CLASS_TEXT, False,
                              [(tick.x + 7, tick.centery), (tick.x + 15, tick.bottom - 8),
                               (tick.right - 6, tick.y + 7)], 5)
        x = tick.right + 14
    width = rect.w - x - 12
    text = paragraph(label, width, rect.h, theme.CLASS_TEXT, bold=True,
                     align="left" if box else "center")
    surf.blit(text, (x, (rect.h - text.get_height()) // 2))
    return surf


def _name_field(size: tuple[int, int], name: str, editing: bool) -> tuple[pygame.Surface, int]:
    """A team's name as a field to type in; returns it and where the caret goes."""
    surf = pygame.Surface(size, pygame.SRCALPHA)
    rect = surf.get_rect()
    pygame.draw.rect(surf, theme.CLASS_BG, rect, border_radius=10)
    pygame.draw.rect(surf, theme.CLASS_ACCENT if editing else theme.CLASS_MUTED, rect,
                     4 if editing else 2, border_radius=10)
    x = 16
    if name:
        label = words(name, theme.CLASS_BODY, theme.CLASS_TEXT, True)
        surf.blit(label, (x, (rect.h - label.get_height()) // 2))
        x += label.get_width() + 3
    return surf, x


def _arrow(surface: pygame.Surface, rect: pygame.Rect, direction: str) -> None:
    """A white triangle on an arrow button (the font has no ◀ ▶)."""
    cx, cy, r = rect.centerx, rect.centery, 14
    points = ([(cx + r // 2, cy - r), (cx + r // 2, cy + r), (cx - r, cy)] if direction == "left"
              else [(cx - r // 2, cy - r), (cx - r // 2, cy + r), (cx + r, cy)])
    pygame.draw.polygon(surface, theme.BUTTON_TEXT, points)
