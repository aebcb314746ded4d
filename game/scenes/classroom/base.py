"""What every classroom screen shares: projector-sized text fitted to its box in any language, a
bar along the bottom (the screen's own buttons, then Teacher and Help), the teacher's menu (P),
the teacher's keys (F1) and ending the lesson (E, which asks first).

Sizes: the classroom draws at projector size (nothing under theme.CLASS_MIN_TEXT, 4% of the
screen) for text-size settings up to 150%, the size its round and message card use; at 200%
everything grows by 200/150, as the round does (`Sizes`). Every text is fitted into a box
(`game.ui.Box`): it shrinks to the classroom's floor, then wraps, and a text that still
does not fit is noted in `text.truncated`, which the tests hold empty in English and in Welsh.
"""
from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass

import pygame

from game.art.built import built_once
from game.actions import Act, Action
from game.i18n import t
from game.rules.tuning import HEIGHT, WIDTH
from game.scenes.base import Scene
from game.scenes.common import backdrop
from game.ui import text, theme
from game.ui.fonts import font
from game.ui.layout.base import Box, CLASSROOM_SCALE, Fitted
from game.ui.theme import Colour
from game.ui.layout.base import hint_width
from game.ui.widgets import Button, ButtonRow, panel

EDGE = 14  # the bar's distance from the screen's sides and bottom
GAP = 12  # between buttons on the bar
LABEL_PAD = 48  # a button's width beyond its label (the label box's 24 and some air)
PARK_DIM = 215  # of 255: the park shows through; words on it keep 7:1 at its brightest


def legend_rows(chat: bool = False) -> tuple[tuple[str, str], ...]:
    """The teacher's keys, as the legend (F1) lists them (`chat`: in a Chat Check round, where
    P holds the chat)."""
    return (("P", t("Hold this message, or carry on") if chat else
             t("Teacher's menu: pause, keys, end")),
            ("S", t("Skip this question")),
            ("N", t("Next screen")),
            ("D", t("Show the next thing to talk about")),
            ("E", t("End the lesson")),
            ("Esc", t("Back")),
            ("H", t("Where to get help")),
            ("F11", t("Full screen on or off")),
            ("F1", t("Show or hide these keys")))


@dataclass(frozen=True)
class Sizes:
    """The classroom's text sizes at one text-size setting (`grow`: 1 up to 150%, 4/3 at 200%)."""

    grow: float = 1.0

    def px(self, base: int) -> int:
        return max(theme.CLASS_MIN_TEXT, round(base * self.grow))

    def fall(self, *base: int) -> tuple[int, ...]:
        """Sizes to try, largest first, none under the classroom's floor (grown with the rest)."""
        return tuple(sorted({self.px(b) for b in (*base, theme.CLASS_MIN_TEXT)}, reverse=True))

    @property
    def body(self) -> tuple[int, ...]:
        return self.fall(theme.CLASS_BODY, 30)

    @property
    def title(self) -> tuple[int, ...]:
        return self.fall(theme.CLASS_TITLE, 46, 40, 36, theme.CLASS_BODY)

    @property
    def key(self) -> int:
        """A key badge's text on a button (the classroom's floor, grown with the rest)."""
        return self.px(theme.CLASS_MIN_TEXT)

    @property
    def row(self) -> int:
        """A control's height: a line of bold body text and room round it (60 at projector
        size)."""
        return max(round(60 * self.grow), text.line_height(self.body[0], True) + 8)


def sizes_for(app) -> Sizes:
    return Sizes(max(1.0, app.session.settings.text_scale / CLASSROOM_SCALE))


def fit(words: str, width: int, sizes: tuple[int, ...], lines: int = 1, bold: bool = False,
        height: int = 0, note: bool = True) -> Fitted:
    """`words` fitted `width` wide in no more than `lines` lines: on one line at the largest
    of `sizes` that holds them, else on two, and so on (a text shrinks before it wraps). With
    `height`, the largest size at which the lines fit that many pixels. A size that would split
    a word across lines is the last resort. Cut short, and noted in `text.truncated` (unless
    `note` is False: a layout trying what fits), when not even the smallest size fits."""
    wrapped = {size: text.wrap(words, size, width, bold) for size in sizes}
    whole = {size: max((font(size, bold).size(w)[0] for w in words.split()), default=0) <= width
             for size in sizes}

    def holds(size: int, count: int) -> bool:
        if height:
            return len(wrapped[size]) * text.line_height(size, bold) <= height
        return len(wrapped[size]) <= count

    for unsplit in (True, False):
        for count in range(1, 2 if height else lines + 1):
            for size in sizes:
                if holds(size, count) and (whole[size] or not unsplit):
                    return Fitted(size, tuple(wrapped[size]), True, width, bold)
    room = height or lines * text.line_height(sizes[-1], bold)
    return Box(width, room, sizes[-1:], bold).fit(words, note=note)


def blit_at(surface: pygame.Surface, fitted: Fitted, colour: Colour, **where: int | tuple
            ) -> pygame.Rect:
    """Draw fitted lines placed by a pygame.Rect keyword (midtop=..., topleft=...), centred
    lines when the placing is centred."""
    align = "left" if any("left" in k for k in where) else \
        "right" if any("right" in k for k in where) else "center"
    lines = fitted.surface(colour, align)
    rect = lines.get_rect(**where)
    surface.blit(lines, rect)
    return rect


def drawn_width(fitted: Fitted) -> int:
    """How wide the widest of the fitted lines is drawn."""
    face = font(fitted.size, fitted.bold)
    return max((face.size(line)[0] for line in fitted.lines), default=0)


def label_width(label: str, size: int, key: str = "", key_size: int = 0) -> int:
    """How wide a button must be for `label` on one line at `size`, and its key badge."""
    return font(size, True).size(label)[0] + LABEL_PAD + hint_width(key, key_size)


def class_button(label: str, rect: pygame.Rect, on_press: Callable[[], None],
                 colour: Colour | None = None, sizes: Sizes = Sizes(),
                 largest: int = 0, key: str = "") -> Button:
    """A projector-sized button: its label at the largest body size (no larger than `largest`,
    when given) at which it fits on one line, else at the classroom's floor (the layout gives
    every label the width it needs); `key`, its key's badge, as on every button of the game."""
    box = rect.w - LABEL_PAD + 24 - hint_width(key, sizes.key)
    size = next((s for s in sizes.body if (not largest or s <= largest)
                 and font(s, True).size(label)[0] <= box), theme.CLASS_MIN_TEXT)
    return Button(label, rect, on_press, key, colour, size=size, hint_size=sizes.key)


@dataclass(frozen=True)
class BarButton:
    """A button for the bar: the label, what it does, its colour (None: the theme's)."""

    label: str
    press: Callable[[], None]
    colour: Colour | None = None
    enabled: bool = True
    key: str = ""  # the key that does the same, on a badge


class Modal:
    """A card over the dimmed screen: a heading, a line of words and a column of buttons
    (Up and Down move, Enter presses, a click or tap presses one)."""

    def __init__(self, title: str, line: str, buttons: list[BarButton], sizes: Sizes) -> None:
        inner = min(WIDTH - 160, round(800 * sizes.grow))
        head = fit(title, inner, sizes.title, 2, True)
        words = fit(line, inner, sizes.body, 4)
        row, gap = sizes.row, 14
        width = min(inner, max([label_width(b.label, sizes.body[0], b.key, sizes.key)
                                for b in buttons] + [360]))
        height = 28 + head.height + 10 + words.height + 24 + len(buttons) * (row + gap) + 10
        card_rect = pygame.Rect(0, 0, inner + 80, height)
        card_rect.center = (WIDTH // 2, min(HEIGHT // 2 - 20, HEIGHT - 10 - height // 2))
        self.layer = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
        self.layer.fill((*theme.CLASS_BG, 225))
        card = panel(card_rect.size, theme.CLASS_PANEL, theme.CLASS_ACCENT)
        y = 28 + blit_at(card, head, theme.CLASS_ACCENT, midtop=(card_rect.w // 2, 28)).h + 10
        y += blit_at(card, words, theme.CLASS_TEXT, midtop=(card_rect.w // 2, y)).h + 24
        self.layer.blit(card, card_rect.topleft)
        self.buttons = ButtonRow([
            class_button(b.label, pygame.Rect(WIDTH // 2 - width // 2,
                                              card_rect.y + y + i * (row + gap), width, row),
                         b.press, b.colour, sizes, key=b.key)
            for i, b in enumerate(buttons)])

    def at(self, pos: tuple[int, int]) -> Button | None:
        i = self.buttons.at(pos)
        return self.buttons.buttons[i] if i >= 0 else None

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.layer, (0, 0))
        self.buttons.draw(surface)


class ClassroomScene(Scene):
    """A screen of the lesson. Subclasses compose their still parts in `compose` above
    `self.content_bottom`, offer buttons for the bar with `actions`, and may offer `skip` and
    `next`; the base handles F1, P, E and the bar. A subclass sets what `actions` reads before
    calling this __init__, which lays out the bar (`build`, again on a change of settings)."""

    classroom = True
    chrome = False  # the bar holds Help instead, at projector size
    one_row_bar = False  # True: the bar's labels shrink (to the floor) rather than take 2 rows

    def __init__(self, app, run=None) -> None:
        super().__init__(app)
        self.run = run  # the lesson being played (None on the setup screen)
        self.legend = False
        self.paused = False
        self.confirm_end = False
        self.hover = (-1, -1)
        self._composed: tuple[Hashable, pygame.Surface] | None = None
        self._modal: Modal | None = None
        self.build()

    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("Teacher: press F1 to see the keys.")

    # --- what a screen may offer -----------------------------------------------------------
    def next(self) -> None:
        """N: go on (each screen says where)."""

    def skip(self) -> None:
        """S: skip this question (only the round has one)."""

    def actions(self) -> list[list[BarButton]]:
        """The screen's own buttons on the bar, left to right; each place on the bar holds one
        or more buttons, of which `shown` says which is there now."""
        return []

    def shown(self, place: int) -> int:
        """Which of the buttons at `place` on the bar is there now."""
        return 0

    @property
    def can_end(self) -> bool:
        """Whether E (and the teacher's menu) can end the lesson from this screen."""
        return self.run is not None

    def tools(self) -> list[BarButton]:
        """The bar's right-hand buttons: the teacher's menu and help."""
        return [BarButton(t("Teacher"), self.toggle_pause, theme.CLASS_PANEL, key="P"),
                BarButton(t("Help"), self.app.show_help, theme.CLASS_PANEL, key="H")]

    # --- building ------------------------------------------------------------------------------
    def build(self) -> None:
        """Lay out the bar and forget what was composed (at first, and when the settings, the
        language or the bank change)."""
        self.sizes = sizes_for(self.app)
        self.places, self.toolbar, self.content_bottom = self._bar()
        self._composed = None
        self._modal = None
        if self.paused:
            self._modal = self._menu()
        elif self.confirm_end:
            self._modal = self._end_card()

    def settings_changed(self) -> None:
        self.build()

    def content_changed(self) -> None:
        self.build()

    def _bar(self) -> tuple[list[list[Button]], list[Button], int]:
        """The screen's buttons from the left and the tools from the right, on one row when
        they fit, else the screen's buttons on a row above; and where the screen's content
        must end."""
        sizes = self.sizes
        places, tools = self.actions(), self.tools()
        row = sizes.row
        least = round(200 * sizes.grow)
        room = WIDTH - 2 * EDGE

        def widths_at(size: int) -> tuple[list[int], list[int]]:
            def width(buttons: list[BarButton]) -> int:
                return max([least] + [label_width(b.label, size, b.key, sizes.key)
                                      for b in buttons])
            return [width(place) for place in places], [width([b]) for b in tools]

        # the labels' largest size at which the bar is one row (down to the classroom's floor
        # on a screen that must keep the bar to one row); else two rows
        tries = (*sizes.body, theme.CLASS_MIN_TEXT) if self.one_row_bar else sizes.body
        for size in tries:
            widths, tool_widths = widths_at(size)
            gaps = GAP * (len(widths) + len(tool_widths))
            one_row = sum(widths) + sum(tool_widths) + gaps <= room
            if one_row:
                break
        if not one_row:
            size = sizes.body[0]
            widths, tool_widths = widths_at(size)
        y = HEIGHT - EDGE // 2 - row
        x = WIDTH - EDGE - sum(tool_widths) - GAP * (len(tools) - 1)
        toolbar = []
        for b, w in zip(tools, tool_widths):
            toolbar.append(class_button(b.label, pygame.Rect(x, y, w, row), b.press, b.colour,
                                        sizes, size, b.key))
            x += w + GAP
        top = y
        if not one_row and places:
            y = top = y - row - GAP
        x = EDGE
        out = []
        for place, w in zip(places, widths):
            buttons = []
            for b in place:
                button = class_button(b.label, pygame.Rect(x, y, min(w, room), row), b.press,
                                      b.colour, sizes, size, b.key)
                button.enabled = b.enabled
                buttons.append(button)
            out.append(buttons)
            x += w + GAP
        return out, toolbar, top - 10

    # --- input -------------------------------------------------------------------------------
    def handle(self, action: Action) -> None:
        kind = action.kind
        if kind is Act.HOVER:
            self.hover = action.pos
        if self._modal is not None:
            self._handle_modal(action)
            return
        if kind is Act.LEGEND:
            self.toggle_legend()
        elif kind is Act.PAUSE:
            self.toggle_pause()
        elif self.legend:
            if kind in (Act.BACK, Act.CONFIRM, Act.POINT, Act.HOP):
                self.legend = False
        elif kind is Act.END:
            self.ask_end()
        elif kind is Act.NEXT:
            self.next()
        elif kind is Act.SKIP:
            self.skip()
        elif kind is Act.POINT and self._bar_button_at(action.pos) is not None:
            button = self._bar_button_at(action.pos)
            if button.enabled:  # type: ignore[union-attr]
                self.app.play("click")
                button.on_press()  # type: ignore[union-attr]
        else:
            self.handle_screen(action)

    def _handle_modal(self, action: Action) -> None:
        """The teacher's menu or "End the lesson now?": Up/Down move, Enter presses, P or Esc
        closes (and E ends, on the question)."""
        modal, kind = self._modal, action.kind
        assert modal is not None
        if kind in (Act.UP, Act.LEFT, Act.FOCUS_PREV):
            modal.buttons.move(-1)
        elif kind in (Act.DOWN, Act.RIGHT, Act.FOCUS_NEXT):
            modal.buttons.move(1)
        elif kind in (Act.CONFIRM, Act.HOP):
            modal.buttons.press_focused()
        elif kind is Act.HOVER:
            modal.buttons.hover(action.pos)
        elif kind is Act.POINT:
            pressed = modal.at(action.pos)
            if pressed is not None:
                pressed.on_press()
            else:
                self.close_modal()
        elif kind is Act.END and self.confirm_end:
            self.end_now()
        elif kind is Act.LEGEND and self.paused:
            self.show_keys()
        elif kind in (Act.BACK, Act.PAUSE, Act.NEXT):
            self.close_modal()

    def handle_screen(self, action: Action) -> None:
        """The screen's own input (after the teacher's keys)."""
        super().handle(action)

    def scan_step(self) -> None:
        """One-switch play: on the teacher's menu the highlight steps through its buttons;
        elsewhere the switch does the screen's one thing (go on)."""
        if self._modal is not None:
            self._modal.buttons.scan_step()

    def _bar_button_at(self, pos: tuple[int, int]) -> Button | None:
        for i, place in enumerate(self.places):
            button = place[min(self.shown(i), len(place) - 1)]
            if button.rect.collidepoint(pos):
                return button
        return next((b for b in self.toolbar if b.rect.collidepoint(pos)), None)

    def toggle_legend(self) -> None:
        self.legend = not self.legend

    def toggle_pause(self) -> None:
        self.paused = not self.paused
        self._modal = self._menu() if self.paused else None

    def close_modal(self) -> None:
        self.paused = self.confirm_end = False
        self._modal = None

    def show_keys(self) -> None:
        self.close_modal()
        self.legend = True

    def ask_end(self) -> None:
        if self.can_end:
            self.paused, self.confirm_end = False, True
            self._modal = self._end_card()

    def end_now(self) -> None:
        self.close_modal()
        self.run.end_lesson()

    def _menu(self) -> Modal:
        buttons = [BarButton(t("Carry on"), self.close_modal, theme.RIGHT, key="P"),
                   BarButton(t("Teacher's keys"), self.show_keys, key="F1")]
        if self.can_end:
            buttons.append(BarButton(t("End the lesson"), self.ask_end, key="E"))
        return Modal(t("Paused"), t("Press P or Enter to carry on."), buttons, self.sizes)

    def _end_card(self) -> Modal:
        return end_card(self.end_now, self.close_modal, self.sizes)

    # --- drawing -------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        key = self.screen_key()
        if self._composed is None or self._composed[0] != key:
            layer = park()
            self.compose(layer)
            self._composed = (key, layer)
        surface.blit(self._composed[1], (0, 0))
        self.draw_screen(surface)
        for i, place in enumerate(self.places):
            button = place[min(self.shown(i), len(place) - 1)]
            button.draw(surface, button.enabled and button.rect.collidepoint(self.hover))
        for button in self.toolbar:
            button.draw(surface, button.rect.collidepoint(self.hover))
        if self._modal is not None:
            self._modal.draw(surface)
        elif self.legend:
            surface.blit(legend(self.sizes.grow), (0, 0))

    def screen_key(self) -> Hashable:
        """What the composed screen shows: it is composed again only when this changes."""
        return None

    def compose(self, surface: pygame.Surface) -> None:
        """The screen's still parts, on the dimmed park (composed once per
        screen_key(), not every frame), above `self.content_bottom`."""

    def draw_screen(self, surface: pygame.Surface) -> None:
        """What changes from frame to frame: a caret, the focus."""


def end_card(end: Callable[[], None], carry_on: Callable[[], None], sizes: Sizes) -> Modal:
    """"End the lesson now?", asked before the lesson ends (E, or from the teacher's menu)."""
    return Modal(t("End the lesson now?"),
                 t("The rounds played so far count: the scores and the summary come next."),
                 [BarButton(t("Yes, end the lesson"), end, theme.RIGHT, key="E"),
                  BarButton(t("No, carry on"), carry_on, key="Esc")], sizes)


def park() -> pygame.Surface:
    """The park behind every classroom screen, as behind the game's menus, dimmed to the
    projector's dark so its words keep their contrast (a new picture to draw on)."""
    return backdrop(PARK_DIM)


def palette() -> tuple[Colour, ...]:
    """The classroom's colours now (a cached picture is drawn again when the theme changes)."""
    return (theme.CLASS_BG, theme.CLASS_PANEL, theme.CLASS_TEXT, theme.CLASS_ACCENT,
            theme.CLASS_MUTED)


def legend(grow: float = 1.0, chat: bool = False) -> pygame.Surface:
    """The teacher's keys over a dimmed screen (F1; `chat`: in a Chat Check round)."""
    return _legend(t("Teacher's keys"), legend_rows(chat), grow, palette())


@built_once
def _legend(title: str, rows: tuple[tuple[str, str], ...], grow: float,
            colours: tuple[Colour, ...]) -> pygame.Surface:
    sizes = Sizes(grow)
    layer = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
    layer.fill((*theme.CLASS_BG, 235))
    width = WIDTH - 120
    head = fit(title, width - 80, sizes.fall(44, 38, theme.CLASS_BODY), 1, True)
    key_w = max(font(sizes.body[0], True).size(k)[0] for k, _ in rows) + 30
    meaning_w = width - 80 - key_w

    def height_at(size: int) -> int:
        lines = sum(len(text.wrap(m, size, meaning_w)) for _, m in rows)
        return 18 + head.height + 14 + lines * (text.line_height(size) + 2) + 18

    # the largest size at which every key fits the screen (down to the projector's floor)
    size = next((s for s in (*sizes.body, theme.CLASS_BODY, theme.CLASS_MIN_TEXT)
                 if height_at(s) <= HEIGHT - 20), theme.CLASS_MIN_TEXT)
    meanings = [fit(m, meaning_w, (size,), 3) for _, m in rows]
    step = text.line_height(size) + 2
    height = height_at(size)
    card = panel((width, min(height, HEIGHT - 20)), theme.CLASS_PANEL, theme.CLASS_ACCENT)
    blit_at(card, head, theme.CLASS_ACCENT, midtop=(width // 2, 18))
    y = 18 + head.height + 14
    for (key, _), meaning in zip(rows, meanings):
        card.blit(text.render(key, size, theme.CLASS_ACCENT, True), (40, y))
        card.blit(meaning.surface(theme.CLASS_TEXT), (40 + key_w, y))
        y += max(step, meaning.height + 2)
    if height > HEIGHT - 20:
        text.truncated.add(title)  # more keys than the screen holds: a test catches it
    layer.blit(card, card.get_rect(center=(WIDTH // 2, HEIGHT // 2 - 10)))
    return layer


def vote_card(seconds_left: int | None, grow: float = 1.0) -> pygame.Surface:
    """The call to vote, over the play field while a class vote holds the round still."""
    timer = None
    if seconds_left is not None:
        timer = t("Time's up!") if seconds_left <= 0 else \
            t("{seconds} seconds to vote", seconds=seconds_left)
    return _vote_card(t("Class vote: hands up!"),
                      t("Teacher: press the number of the answer the class chose, or tap it."),
                      timer, grow, palette())


@built_once
def _vote_card(title: str, line: str, timer: str | None, grow: float,
               colours: tuple[Colour, ...]) -> pygame.Surface:
    sizes = Sizes(grow)
    width = round(620 * grow)
    head = fit(title, width - 40, sizes.fall(44, 38, theme.CLASS_BODY), 2, True)
    words = fit(line, width - 60, sizes.body, 3)
    clock = fit(timer, width - 40, sizes.body, 1, True) if timer else None
    height = 16 + head.height + 10 + words.height + (10 + clock.height if clock else 0) + 18
    card = panel((width, height), theme.CLASS_PANEL, theme.CLASS_ACCENT)
    y = 16 + blit_at(card, head, theme.CLASS_ACCENT, midtop=(width // 2, 16)).h + 10
    y += blit_at(card, words, theme.CLASS_TEXT, midtop=(width // 2, y)).h + 10
    if clock:
        blit_at(card, clock, theme.CLASS_ACCENT, midtop=(width // 2, y))
    return card
