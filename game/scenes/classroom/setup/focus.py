"""Moving round a setup page without a mouse: Up/Down move the focus, Left/Right change the value
or move along a row, Tab steps through every control, Enter/Space press; in one-switch play the
focus steps on by itself (past the names to type) and the switch presses."""
from __future__ import annotations

from game.actions import Act, Action
from game.scenes.classroom.setup.form import Spot, Stop


class FocusControls:
    """The setup scene's input: keys, taps and the switch (mixed into the setup scene)."""

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

