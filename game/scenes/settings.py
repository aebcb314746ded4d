"""The Settings screen: every player setting, each with a line saying what it does, applied at
once (App.change_settings) and saved with the profile.

The settings come in three sections ("Seeing and hearing", "Playing", "Controls") on two pages
of whole sections. A page's rows stand in two columns when they fit (100%, 125%), else in one
column that scrolls by whole rows, with a scroll bar (large text). Up and Down choose a setting
(the list scrolls to it), Left and Right change it, Enter, a click or a tap moves it on to its
next choice (so one switch can change everything).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.actions import Act, Action
from game.rules.tuning import HEIGHT, WIDTH
from game.scenes.base import MenuScene
from game.scenes.common import backdrop, centred_x, fitted_heading
from game.scenes.pager import NAV_GAP, nav_height, page_number, pager
from game.i18n import t
from game.scenes.setting_choices import (
    CHOICES, KEYS_ROW, PAGES, SECTIONS, locked_words, row_explanation, row_label,
    section_title, stepped, value_words,
)
from game.settings import Settings
from game.ui import text, theme
from game.ui.layout.base import Box, Fitted, scaled
from game.ui.layout.settings import (
    HEAD, Block, height_of, last_first, split_columns, two_columns_fit, window,
)
from game.ui.widgets import ArrowButton, Button, ButtonRow, panel

MARGIN = 40  # the screen's left and right margin
TOP = 8
ROW_GAP = 8
PAD_X, PAD_Y = 18, 6  # inside a row, around its words
COLUMN_GAP = 28
RING = 8  # room for the focus ring round the button in focus
LABEL, EXPLAIN, SECTION, NAV = 30, 24, 30, 26  # text sizes at 100%
TITLE = theme.TEXT_HUGE - 8  # the screen's title, as big as a paged screen's at every size
SCROLL_KEYS = ("scroll_up", "scroll_down")  # the scroll bar's arrows, as focus keys


@dataclass(frozen=True)
class Sizes:
    """The screen's text sizes at one text scale."""

    label: int
    explain: int
    head: int
    section: int
    nav: int

    @classmethod
    def at(cls, scale: float) -> Sizes:
        label, explain, section, nav = scaled((LABEL, EXPLAIN, SECTION, NAV), scale)
        return cls(label, explain, TITLE, section, nav)

    @property
    def arrow(self) -> int:
        return self.label // 2

    @property
    def nav_h(self) -> int:
        return nav_height(self.nav)

    @property
    def head_h(self) -> int:
        return text.line_height(self.head, True) - self.head // 8  # no room under descenders

    @property
    def section_h(self) -> int:
        return text.line_height(self.section, True)


@dataclass
class RowWords:
    """One row's words fitted at a text size, and the row's height."""

    key: str
    label: Fitted
    value: str
    explain: Fitted
    chip_w: int  # the value and its arrows, on the right
    height: int

    @property
    def fits(self) -> bool:
        return self.label.fits and self.explain.fits


def row_words(key: str, value: str, explanation: str, sizes: Sizes, width: int,
              room: int, note: bool = True) -> RowWords:
    """Fit a row `width` wide: its label beside the value's chip, the explanation below across
    the row. `room` is the most height a row may have (a page's space for rows); `note`: a
    text that does not fit is noted (Box.fit), else the row's `fits` says so."""
    inner = width - 2 * PAD_X
    shown = [value, *(value_words(key, choice) for choice in CHOICES.get(key, ()))]
    widest = max(text.render(words, sizes.label, theme.WHITE, True).get_width()
                 for words in shown)
    chip_w = widest + 4 * sizes.arrow + 24  # the widest value keeps the arrows still
    label = Box(inner - chip_w - 16, room, (sizes.label,), bold=True).fit(row_label(key),
                                                                          note=note)
    top = max(label.height, text.line_height(sizes.label, True))
    explain = Box(inner, max(1, room - top - 2 * PAD_Y),
                  (sizes.explain, sizes.explain * 5 // 6)).fit(explanation, note=note)
    return RowWords(key, label, value, explain, chip_w, top + explain.height + 2 * PAD_Y)


@dataclass
class Page:
    """One page: its sections, whole, and their settings in order."""

    sections: tuple[str, ...]

    @property
    def keys(self) -> list[str]:
        named = dict(SECTIONS)
        return [key for section in self.sections for key in named[section]]


@dataclass(eq=False)
class SettingRow(Button):
    """A setting's row: its name, its value between arrows, and what it does underneath.
    `less` is the left arrow's area on screen (a click there steps the value back)."""

    words: RowWords | None = None
    sizes: Sizes | None = None
    unavailable: bool = False
    less: pygame.Rect = field(default_factory=pygame.Rect)

    def face(self, state: str) -> pygame.Surface:
        surf = self._faces.get(state)
        if surf is None:
            surf = self._faces[state] = self._compose(state)
        return surf

    def _compose(self, state: str) -> pygame.Surface:
        assert self.words is not None and self.sizes is not None
        focused = state == "hover"
        # in focus: the focus ring round it and a hi-vis edge, the same colours inside
        fill, ink = (theme.PAPER, theme.INK) if self.unavailable else \
            (theme.BUTTON, theme.BUTTON_TEXT)
        edge = theme.ACCENT if focused else theme.BUTTON_EDGE
        surf = panel(self.rect.size, fill, edge, border=5 if focused else 3, shadow=4)
        words = self.words
        surf.blit(words.label.surface(ink), (PAD_X, PAD_Y))
        self._draw_chip(surf, ink)
        top = max(words.label.height, text.line_height(self.sizes.label, True))
        surf.blit(words.explain.surface(ink), (PAD_X, PAD_Y + top))
        return surf

    def _draw_chip(self, surf: pygame.Surface, ink) -> None:
        assert self.words is not None and self.sizes is not None
        arrow, line = self.sizes.arrow, text.line_height(self.sizes.label, True)
        chip = pygame.Rect(0, PAD_Y, self.words.chip_w, line)
        chip.right = self.rect.w - PAD_X
        value = text.render(self.words.value, self.sizes.label, ink, True)
        surf.blit(value, value.get_rect(center=chip.center))
        if self.unavailable:
            return
        mid = chip.centery
        arrows = ((chip.x + arrow, -1), (chip.right - arrow, 1)) if self.words.key in CHOICES \
            else ((chip.right - arrow, 1),)  # the Keys row: on to the Keys screen
        for x, direction in arrows:
            half = arrow // 2
            tip, back = (x + direction * half, mid), x - direction * half
            pygame.draw.polygon(surf, ink, [tip, (back, mid - half), (back, mid + half)])


NAV_KEYS = ("previous", "next", "done")  # what the buttons under the rows are called in focus


@dataclass
class Frame:
    """Where a page goes at a text size: the list's top and height, the nav's top."""

    sizes: Sizes
    list_top: int
    room: int
    nav_top: int


class SettingsScene(MenuScene):
    """One page of settings at a time; the focus is kept on its setting through every change
    (a new text size or language lays the page out again), and a list that scrolls follows
    it."""

    def __init__(self, app) -> None:
        super().__init__(app)
        self.page = 0
        self.first = 0  # the first block shown of a list that scrolls
        self.columns = 2
        self.pages = [Page(sections) for sections in PAGES]
        self.focus_key = self.pages[0].keys[0]
        self.shown: list[str] = []  # the focus key of each button, in order
        self.speech_available = app.speech.available
        self.static = pygame.Surface((WIDTH, HEIGHT))
        self.buttons = ButtonRow([])
        self._build()

    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("Up and Down choose a setting, Left and Right change it. Esc goes back.")

    # --- what the rows show ---------------------------------------------------------------------
    def _value(self, key: str, settings: Settings) -> str:
        if key == KEYS_ROW:
            return t("Open")
        if key == "read_aloud" and not self.speech_available:
            return t("Not available")
        return value_words(key, getattr(settings, key))

    def _explanation(self, key: str) -> str:
        if key == "read_aloud" and not self.speech_available:
            return self.app.speech.reason
        if key in self.app.session.locked:
            return locked_words()
        return row_explanation(key)

    def _unavailable(self, key: str) -> bool:
        """Shown without arrows: read aloud with no voice, or a setting the school locked."""
        return key == "read_aloud" and not self.speech_available or \
            key in self.app.session.locked

    # --- layout ---------------------------------------------------------------------------------
    def _frame(self) -> Frame:
        sizes = Sizes.at(self.app.session.settings.text_scale)
        list_top = TOP + sizes.head_h + 6
        nav_top = HEIGHT - 10 - sizes.nav_h
        return Frame(sizes, list_top, nav_top - 12 - list_top, nav_top)

    def _words(self, frame: Frame, width: int, note: bool = True) -> dict[str, RowWords]:
        settings = self.app.session.settings
        return {key: row_words(key, self._value(key, settings), self._explanation(key),
                               frame.sizes, width, frame.room, note)
                for _, keys in SECTIONS for key in keys}

    def _blocks(self, page: Page, words: dict[str, RowWords], sizes: Sizes) -> list[Block]:
        named = dict(SECTIONS)
        return [block for section in page.sections
                for block in [Block(HEAD + section, sizes.section_h),
                              *(Block(key, words[key].height) for key in named[section])]]

    def _build(self) -> None:
        """Lay the screen out at the player's text size and language, on the page that holds
        the setting in focus: two columns when every page fits so, else one that scrolls."""
        self.speech_available = self.app.speech.available
        frame = self._frame()
        full = WIDTH - 2 * MARGIN
        half = (full - COLUMN_GAP) // 2
        words = self._words(frame, half, note=False)
        self.columns = 2
        if not all(w.fits for w in words.values()) or not two_columns_fit(
                [self._blocks(p, words, frame.sizes) for p in self.pages], frame.room, ROW_GAP):
            self.columns = 1
            words = self._words(frame, full - self._bar_w(frame.sizes) - COLUMN_GAP // 2)
        holding = [i for i, p in enumerate(self.pages) if self.focus_key in p.keys]
        if holding and holding[0] != self.page:
            self.page, self.first = holding[0], 0
        page = self.pages[self.page]
        if "read_aloud" in page.keys:
            self.app.speech.warm_up()  # a voice that is missing or broken shows up here soon
        blocks = self._blocks(page, words, frame.sizes)
        placed, bar = self._place(blocks, frame, half if self.columns == 2 else
                                  full - self._bar_w(frame.sizes) - COLUMN_GAP // 2)
        nav, counter = self._nav(frame.sizes, frame.nav_top)
        rows = [(b.key, self._row(words[b.key], rect, frame.sizes)) for b, rect in placed
                if not b.is_heading]
        buttons = rows + list(zip(NAV_KEYS, nav)) + (self._scroll_buttons(blocks, bar)
                                                     if bar else [])
        self.shown = [key for key, _ in buttons]
        focus = self.shown.index(self.focus_key) if self.focus_key in self.shown else \
            self.shown.index("next")
        self.buttons = ButtonRow([button for _, button in buttons], focus=focus)
        self._compose(frame.sizes, counter, placed, bar, blocks)

    @staticmethod
    def _bar_w(sizes: Sizes) -> int:
        return max(48, sizes.nav_h)

    def _place(self, blocks: list[Block], frame: Frame, width: int
               ) -> tuple[list[tuple[Block, pygame.Rect]], pygame.Rect | None]:
        """Each block shown and its place; the scroll bar's track when the list scrolls."""
        if self.columns == 2:
            columns = split_columns(blocks, ROW_GAP)
        else:
            keys = [b.key for b in blocks]
            focus = keys.index(self.focus_key) if self.focus_key in keys else -1
            self.first = min(self.first, last_first(blocks, frame.room, ROW_GAP))
            self.first, end = window(blocks, frame.room, self.first, focus, ROW_GAP)
            columns = (blocks[self.first:end], [])
        placed = []
        for c, column in enumerate(columns):
            y = frame.list_top
            for block in column:
                x = MARGIN + c * (width + COLUMN_GAP)
                placed.append((block, pygame.Rect(x, y, width, block.height)))
                y += block.height + ROW_GAP
        if self.columns == 2 or height_of(blocks, ROW_GAP) <= frame.room:
            return placed, None
        bar_w = self._bar_w(frame.sizes)
        return placed, pygame.Rect(WIDTH - MARGIN - bar_w, frame.list_top, bar_w, frame.room)

    def _row(self, w: RowWords, rect: pygame.Rect, sizes: Sizes) -> SettingRow:
        less = pygame.Rect(0, 0, w.chip_w // 2, text.line_height(sizes.label, True))
        less.topright = (rect.right - PAD_X - w.chip_w // 2, rect.y + PAD_Y)
        return SettingRow(row_label(w.key), rect, lambda k=w.key: self.change(k, 1, wrap=True),
                          words=w, sizes=sizes, less=less, unavailable=self._unavailable(w.key))

    def _scroll_buttons(self, blocks: list[Block], bar: pygame.Rect
                        ) -> list[tuple[str, Button]]:
        up = pygame.Rect(bar.x, bar.y, bar.w, bar.w)
        down = pygame.Rect(bar.x, bar.bottom - bar.w, bar.w, bar.w)
        last = last_first(blocks, bar.h, ROW_GAP)
        return [("scroll_up", ArrowButton(t("Scroll up"), up, lambda: self.scroll(-1),
                                          enabled=self.first > 0, direction=-1, vertical=True)),
                ("scroll_down", ArrowButton(t("Scroll down"), down, lambda: self.scroll(1),
                                            enabled=self.first < last, vertical=True))]

    def _nav(self, sizes: Sizes, top: int) -> tuple[list[Button], pygame.Rect]:
        """The buttons under the rows (back a page, on a page, Done), left of the corner
        buttons, and where the page number goes between the arrows."""
        right = min(r.x for r in self.app.corner_rects) - NAV_GAP - RING
        nav, counter = pager(sizes.nav, MARGIN, top, right, self.turn)
        done_x = nav[1].rect.right + 2 * NAV_GAP
        nav.append(Button(t("Done"), pygame.Rect(done_x, top, right - done_x, sizes.nav_h),
                          self.app.pop, size=sizes.nav))
        return nav, counter

    def _compose(self, sizes: Sizes, counter: pygame.Rect,
                 placed: list[tuple[Block, pygame.Rect]], bar: pygame.Rect | None,
                 blocks: list[Block]) -> None:
        """What does not change until the next layout: the park, the title, the sections'
        headings, the scroll bar's track and thumb, the page number."""
        self.static = backdrop(150)
        head = fitted_heading(t("Settings"), WIDTH - 2 * MARGIN, sizes.head)
        self.static.blit(head, (centred_x(head), TOP))
        for block, rect in placed:
            if block.is_heading:
                shown = fitted_heading(section_title(block.key[len(HEAD):]), rect.w, sizes.section)
                self.static.blit(shown, rect.topleft)
        if bar is not None:
            self._draw_bar(bar, blocks)
        self.static.blit(page_number(counter, sizes.nav, self.page, len(self.pages)),
                         counter.topleft)

    def _draw_bar(self, bar: pygame.Rect, blocks: list[Block]) -> None:
        """The track between the scroll arrows, and the thumb: how much of the list is shown,
        and where."""
        track = pygame.Rect(bar.x + bar.w // 4, bar.y + bar.w + 8, bar.w // 2,
                            bar.h - 2 * bar.w - 16)
        self.static.blit(panel(track.size, theme.PAPER, theme.BUTTON_EDGE, border=2,
                               shadow=0), track.topleft)
        whole = height_of(blocks, ROW_GAP)
        above = height_of(blocks[:self.first], ROW_GAP) + (ROW_GAP if self.first else 0)
        thumb_h = max(bar.w // 2, track.h * bar.h // whole)
        top = track.y + min(track.h - thumb_h, track.h * above // whole)
        self.static.blit(panel((track.w, thumb_h), theme.BUTTON, theme.BUTTON_EDGE, border=2,
                               shadow=0), (track.x, top))

    # --- changing things ------------------------------------------------------------------------
    def change(self, key: str, step: int, wrap: bool = False) -> None:
        """Move setting `key` on by `step` choices (or open the Keys screen), applied at once;
        `wrap`: round from the last choice to the first (a press, not an arrow key)."""
        self.focus_key = key
        if key == KEYS_ROW:
            if step == 1:
                from game.scenes.keys import KeysScene
                self.app.push(KeysScene(self.app))
            return
        if self._unavailable(key):
            self.app.toast(self._explanation(key))
            return
        current = getattr(self.app.session.settings, key)
        value = stepped(key, current, step, wrap)
        if value != current:
            self.app.change_settings(**{key: value})  # calls settings_changed: rebuilt
            if key != "read_aloud":  # turned on, read aloud says so itself
                self.app.speak(self._row_spoken(key))

    def turn(self, step: int) -> None:
        self.page = (self.page + step) % len(self.pages)
        self.first = 0
        self.focus_key = "next" if step == 1 else "previous"
        self._build()

    def scroll(self, step: int) -> None:
        """The list moved by one block (a scroll arrow pressed); the focus stays on the
        arrow."""
        self.first = max(0, self.first + step)
        self.focus_key = SCROLL_KEYS[step > 0]
        self._build()

    def _move(self, step: int) -> None:
        """The focus on to the next setting of the page, shown or not (the list follows), or
        the buttons under it."""
        order = [*self.pages[self.page].keys, *NAV_KEYS]
        here = self.focused
        if here in order:
            self.focus_key = order[(order.index(here) + step) % len(order)]
        else:  # a scroll arrow: on to the first or last setting shown
            rows = [k for k in self.shown if k in order[:-len(NAV_KEYS)]]
            self.focus_key = rows[0] if step > 0 else rows[-1]
        self._build()

    @property
    def focused(self) -> str:
        """The setting in focus (a key of Settings, or "keys"), or "previous", "next" or
        "done", or a scroll arrow."""
        return self.shown[self.buttons.focus]

    def _remember_focus(self) -> None:
        if self.buttons.buttons:
            self.focus_key = self.focused

    def _row_spoken(self, key: str) -> str:
        if key in NAV_KEYS or key in SCROLL_KEYS:
            return ""
        return t("{setting}: {value}. {explanation}", setting=row_label(key),
                 value=self._value(key, self.app.session.settings),
                 explanation=self._explanation(key))

    def spoken(self) -> str:
        return self._row_spoken(self.focused)

    def handle(self, action: Action) -> None:
        key = self.focused
        if action.kind in (Act.LEFT, Act.RIGHT) and (key in CHOICES or key == KEYS_ROW):
            self.app.play("click")
            self.change(key, -1 if action.kind is Act.LEFT else 1)
            return
        if action.kind in (Act.UP, Act.DOWN, Act.FOCUS_PREV, Act.FOCUS_NEXT):
            self._move(-1 if action.kind in (Act.UP, Act.FOCUS_PREV) else 1)
        elif action.kind is Act.POINT and self._point_less(action.pos):
            return
        else:
            super().handle(action)
        if self.app.scene is self and self.focused != key:
            self._remember_focus()
            self.app.speak(self._row_spoken(self.focus_key))

    def _point_less(self, pos: tuple[int, int]) -> bool:
        """A click or tap on a row's left arrow: the choice before."""
        i = self.buttons.at(pos)
        row = self.buttons.buttons[i] if i >= 0 else None
        if isinstance(row, SettingRow) and row.less.collidepoint(pos) \
                and row.words and row.words.key in CHOICES:
            self.buttons.focus = i
            self.app.play("click")
            self.change(row.words.key, -1)
            return True
        return False

    def scan_step(self) -> None:
        """One-switch play: the highlight moves on through every setting of the page (the list
        following it) and the buttons under it, never to the scroll arrows."""
        self._move(1)

    # --- hooks ------------------------------------------------------------------------------
    def settings_changed(self) -> None:
        self._remember_focus()
        self._build()

    def content_changed(self) -> None:
        self._remember_focus()
        self._build()

    def update(self, dt: float) -> None:
        super().update(dt)
        if self.app.speech.available != self.speech_available:
            self._remember_focus()
            self._build()

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.static, (0, 0))
        self.buttons.draw(surface)
