"""The setup's third page, the class: 1 to 4 teams, each with a name (tap or Enter to type it,
or "Next name" to pick a friendly animal) and a colour (tap the swatch to change it), how many
rounds each team plays, and timers (two choices, Off and On, the one in use ticked). No child's
name is asked for: the page says so."""
from __future__ import annotations

import pygame

from game.i18n import t
from game.rules.classroom import MAX_TEAMS, NAME_LIMIT, TEAM_COLOURS, clean_name
from game.rules.tuning import WIDTH
from game.scenes.classroom.base import fit, label_width
from game.scenes.classroom.setup.form import (
    GAP, MARGIN, TOGGLE_PAD, Layout, Row, Spot, Stop, name_field, toggle_face, toggle_words,
)
from game.scenes.classroom.words import animal_names, rounds_each
from game.ui import theme
from game.ui.fonts import font
from game.ui.theme import hex_colour


class ClassPage:
    """The teams, their names and colours, the timers, and the class page's rows (mixed into
    the setup scene)."""

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
            face, caret_x = name_field(field.size, name, editing, sizes.body)
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
        words = [toggle_words(w, width, sizes.body, note=False)
                 for (_, w), width in zip(choices, widths)]
        beside = all(w.fits for w in words)
        if not beside:
            words = [toggle_words(w, room, sizes.body) for _, w in choices]
        each = max(sizes.row, max(w.height for w in words) + 12)
        height = each if beside else 2 * each + GAP

        def place(out: Layout, x: int, y: int) -> None:
            rects = [pygame.Rect(x, y, widths[0], each), pygame.Rect(x + widths[0] + 16, y,
                                                                      widths[1], each)] \
                if beside else [pygame.Rect(x, y + i * (each + GAP), WIDTH - MARGIN - x, each)
                                for i in range(2)]
            for (on, _), fitted, rect in zip(choices, words, rects):
                out.pictures.append((toggle_face(rect.size, fitted, self.timers == on,
                                                  theme.BUTTON), rect.topleft))
                key = "timers:on" if on else "timers:off"
                out.spots.append(Spot(key, rect, lambda on=on: self.set_timers(on), "timers"))
            out.rows.append([Stop("timers", rects[0].union(rects[1]), self.toggle_timers,
                                  lambda step: self.set_timers(step > 0))])
        return self._labelled(label, column, height, place, inline)

