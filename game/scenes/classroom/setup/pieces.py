"""The controls a setup page is built from, as rows: a label beside (or above) its control, a
paragraph, a button, a value between arrows, a counter, and Back and the way on."""
from __future__ import annotations

from collections.abc import Callable

import pygame

from game.rules.tuning import WIDTH
from game.scenes.classroom.base import class_button, fit
from game.scenes.classroom.setup.form import MARGIN, Layout, Row, Spot, Stop, value_box
from game.ui import theme
from game.ui.fonts import font


class PagePieces:
    """Builds a setup page's rows (mixed into the setup scene: uses its sizes and bar)."""

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
            out.pictures.append((value_box(box.size, fitted), box.topleft))
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
        out.pictures.append((value_box(box.size, fit(str(value), box.w - 24, sizes.body, 1,
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

