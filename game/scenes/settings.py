"""The Settings screen: every player setting, each with a line saying what it does, applied at
once (App.change_settings) and saved with the profile.

The settings are grouped ("Words and colours", "Sound and reading", "Playing", "Language and
keys"); the screen is laid out at the player's own text size, so a group that does not fit one
page at 200% flows onto the next page. Up and Down choose a setting, Left and Right change it,
Enter, a click or a tap moves it on to its next choice (so one switch can change everything).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pygame

from game.actions import Act, Action
from game.rules.tuning import HEIGHT, WIDTH
from game.scenes.base import MenuScene
from game.scenes.common import backdrop, centred_x, fitted_heading
from game.i18n import t
from game.settings import (
    LANGUAGES, SPEEDS, TEXT_SCALES, THEMES, VOLUME_STEPS, Settings, next_choice,
)
from game.ui import text, theme
from game.ui.layout.base import Box, Fitted, scaled
from game.ui.widgets import ArrowButton, Button, ButtonRow, panel

KEYS_ROW = "keys"  # not a setting: the row that opens the Keys screen
GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("words", ("text_scale", "theme", "reduced_motion")),
    ("sound", ("muted", "effects_volume", "music_volume", "speech_volume", "read_aloud")),
    ("playing", ("speed", "assist", "one_switch")),
    ("language", ("lang", KEYS_ROW)),
)
ORDERED = {"text_scale": TEXT_SCALES, "effects_volume": VOLUME_STEPS,
           "music_volume": VOLUME_STEPS, "speech_volume": VOLUME_STEPS}  # Left/Right stop at ends
CHOICES: dict[str, tuple] = {
    **ORDERED, "theme": THEMES, "speed": SPEEDS, "lang": LANGUAGES,
    "reduced_motion": (False, True), "assist": (False, True), "one_switch": (False, True),
    "muted": (True, False), "read_aloud": (False, True),
}
LANGUAGE_NAMES = {"en": "English", "cy": "Cymraeg"}  # each in its own language, never translated

MARGIN = 40  # the rows' left and right margin
TOP = 8
ROW_GAP = 8
ROW_PAD = 8  # inside a row, around its words
NAV_GAP = 14
RING = 8  # room for the focus ring round the button in focus
NAV_PAGES = 0.6  # the arrows turning the pages and the page number between them: their share
# of the width left of the Help and Sound corner buttons (Done has the rest)
LABEL, EXPLAIN, HEAD, NAV = 30, 24, 34, 26  # text sizes at 100%


def locked_words() -> str:
    """What a setting the school chose for every pupil (game.site_settings) says instead."""
    return t("Your school chose this for everyone on this computer, so it cannot be changed "
             "here.")


def group_title(group: str) -> str:
    return {"words": t("Words and colours"), "sound": t("Sound and reading"),
            "playing": t("Playing"), "language": t("Language and keys")}[group]


def row_label(key: str) -> str:
    return {
        "text_scale": t("Text size"), "theme": t("Colours"), "reduced_motion": t("Less movement"),
        "muted": t("Sound"), "effects_volume": t("Sound effects"), "music_volume": t("Music"),
        "speech_volume": t("Reading voice"), "read_aloud": t("Read aloud"),
        "speed": t("Game speed"), "assist": t("Helper mode"), "one_switch": t("One-button play"),
        "lang": t("Language"), KEYS_ROW: t("Keys"),
    }[key]


def row_explanation(key: str) -> str:
    return {
        "text_scale": t("Make the words bigger or smaller."),
        "theme": t("Stronger colours that are easier to see."),
        "reduced_motion": t("Stops the background moving, shaking and flashing."),
        "muted": t("Turn all sound off or on. The M key does this too."),
        "effects_volume": t("How loud the hops and cheers are."),
        "music_volume": t("How loud the music is."),
        "speech_volume": t("How loud the reading voice is."),
        "read_aloud": t("Questions and messages are read out loud."),
        "speed": t("Slow gives you more time to steer and to read."),
        "assist": t("The dog waits at each question until you choose an answer."),
        "one_switch": t("Play with the Space key alone: a light moves over the choices, "
                        "and Space picks one."),
        "lang": t("The language the game speaks and writes."),
        KEYS_ROW: t("Choose which keys do what."),
    }[key]


def value_words(key: str, value: object) -> str:
    """A setting's value as the player reads it."""
    if key == "text_scale":
        return t("{percent}%", percent=round(float(value) * 100))  # type: ignore[arg-type]
    if key in ("effects_volume", "music_volume", "speech_volume"):
        return t("{percent}%", percent=value)
    if key == "theme":
        return t("High contrast") if value == "high-contrast" else t("Normal")
    if key == "speed":
        return t("Slow") if value == "slow" else t("Normal")
    if key == "lang":
        return LANGUAGE_NAMES[str(value)]
    if key == "muted":
        return t("Off") if value else t("On")
    return t("On") if value else t("Off")


def stepped(key: str, current: object, step: int, wrap: bool = False) -> object:
    """The value `step` choices on from `current`. Left and Right stop at the ends of ordered
    settings (sizes, volumes) and wrap round the others; a press (`wrap`) always wraps round,
    so one switch reaches every choice."""
    choices = CHOICES[key]
    if step == 1 and (wrap or key not in ORDERED):
        return next_choice(current, choices)
    i = choices.index(current) if current in choices else 0
    if key in ORDERED and not wrap:
        return choices[max(0, min(len(choices) - 1, i + step))]
    return choices[(i + step) % len(choices)]


@dataclass(frozen=True)
class Sizes:
    """The screen's text sizes at one text scale."""

    label: int
    explain: int
    head: int
    nav: int

    @classmethod
    def at(cls, scale: float) -> Sizes:
        label, explain, head, nav = scaled((LABEL, EXPLAIN, HEAD, NAV), scale)
        return cls(label, explain, head, nav)

    @property
    def arrow(self) -> int:
        return self.label // 2

    @property
    def nav_h(self) -> int:
        return text.line_height(self.nav, True) + 12

    @property
    def head_h(self) -> int:
        return text.line_height(self.head, True) + 6


@dataclass
class RowWords:
    """One row's words fitted at a text size, and the row's height."""

    key: str
    label: Fitted
    value: str
    explain: Fitted
    chip_w: int  # the value and its arrows, on the right
    height: int


def row_words(key: str, value: str, explanation: str, sizes: Sizes, room: int) -> RowWords:
    """Fit a row: its label beside the value's chip, the explanation below across the row.
    `room` is the most height a row may have (a page's space for rows)."""
    inner = WIDTH - 2 * MARGIN - 2 * ROW_PAD
    shown = [value, *(value_words(key, choice) for choice in CHOICES.get(key, ()))]
    widest = max(text.render(words, sizes.label, theme.WHITE, True).get_width()
                 for words in shown)
    chip_w = widest + 4 * sizes.arrow + 24  # the widest value keeps the arrows still
    label = Box(inner - chip_w - 16, room, (sizes.label,), bold=True).fit(row_label(key))
    top = max(label.height, text.line_height(sizes.label, True))
    explain = Box(inner, max(1, room - top - 2 * ROW_PAD),
                  (sizes.explain, sizes.explain * 5 // 6)).fit(explanation)
    return RowWords(key, label, value, explain, chip_w, top + explain.height + 2 * ROW_PAD)


@dataclass
class Page:
    group: str
    keys: list[str] = field(default_factory=list)


def paginate(heights: dict[str, int], room: int) -> list[Page]:
    """The groups laid onto pages: a group starts a page, and flows onto more pages when its
    rows do not fit the `room` left for them, shared out evenly (three and two, not four and
    one) when even pages fit."""
    pages: list[Page] = []
    for group, keys in GROUPS:
        filled = _filled(group, list(keys), heights, room)
        per_page = -(-len(keys) // len(filled))
        even = [Page(group, list(keys[i:i + per_page])) for i in range(0, len(keys), per_page)]
        fits = len(even) == len(filled) and all(_height(p.keys, heights) <= room for p in even)
        pages += even if fits else filled
    return pages


def _filled(group: str, keys: list[str], heights: dict[str, int], room: int) -> list[Page]:
    """Each page filled with as many rows as fit before the next page starts."""
    pages = [Page(group)]
    for key in keys:
        if pages[-1].keys and _height([*pages[-1].keys, key], heights) > room:
            pages.append(Page(group))
        pages[-1].keys.append(key)
    return pages


def _height(keys: list[str], heights: dict[str, int]) -> int:
    return sum(heights[k] for k in keys) + ROW_GAP * (len(keys) - 1)


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
        surf.blit(words.label.surface(ink), (ROW_PAD, ROW_PAD))
        self._draw_chip(surf, ink)
        top = max(words.label.height, text.line_height(self.sizes.label, True))
        surf.blit(words.explain.surface(ink), (ROW_PAD, ROW_PAD + top))
        return surf

    def _draw_chip(self, surf: pygame.Surface, ink) -> None:
        assert self.words is not None and self.sizes is not None
        arrow, line = self.sizes.arrow, text.line_height(self.sizes.label, True)
        chip = pygame.Rect(0, ROW_PAD, self.words.chip_w, line)
        chip.right = self.rect.w - ROW_PAD
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


class SettingsScene(MenuScene):
    """One page of settings at a time; the focus is kept on its setting through every change
    (a new text size or language lays the pages out again)."""

    def __init__(self, app) -> None:
        super().__init__(app)
        self.page = 0
        self.focus_key = GROUPS[0][1][0]
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

    def _build(self) -> None:
        """Lay the screen out at the player's text size and language, on the page that holds
        the setting in focus."""
        settings = self.app.session.settings
        self.speech_available = self.app.speech.available
        sizes = Sizes.at(settings.text_scale)
        rows_top = TOP + sizes.head_h + 4
        nav_top = HEIGHT - 10 - sizes.nav_h
        room = nav_top - 8 - rows_top
        words = {key: row_words(key, self._value(key, settings), self._explanation(key), sizes,
                                room)
                 for _, keys in GROUPS for key in keys}
        self.pages = paginate({k: w.height for k, w in words.items()}, room)
        holding = [i for i, p in enumerate(self.pages) if self.focus_key in p.keys]
        if holding:
            self.page = holding[0]
        self.page %= len(self.pages)
        page = self.pages[self.page]
        if "read_aloud" in page.keys:
            self.app.speech.warm_up()  # a voice that is missing or broken shows up here soon
        nav, counter = self._nav(sizes, nav_top)
        focus = page.keys.index(self.focus_key) if self.focus_key in page.keys else \
            len(page.keys) + NAV_KEYS.index(self.focus_key if self.focus_key in NAV_KEYS
                                            else "next")
        self.buttons = ButtonRow(self._rows([words[k] for k in page.keys], sizes, rows_top) + nav,
                                 focus=focus)
        self._compose(sizes, counter)

    def _rows(self, words: list[RowWords], sizes: Sizes, top: int) -> list[Button]:
        """A page's rows, one under another from `top`."""
        rows: list[Button] = []
        for w in words:
            rect = pygame.Rect(MARGIN, top, WIDTH - 2 * MARGIN, w.height)
            less = pygame.Rect(0, 0, w.chip_w // 2, text.line_height(sizes.label, True))
            less.topright = (rect.right - ROW_PAD - w.chip_w // 2, rect.y + ROW_PAD)
            rows.append(SettingRow(row_label(w.key), rect,
                                   lambda k=w.key: self.change(k, 1, wrap=True), words=w,
                                   sizes=sizes, less=less,
                                   unavailable=self._unavailable(w.key)))
            top += w.height + ROW_GAP
        return rows

    def _nav(self, sizes: Sizes, top: int) -> tuple[list[Button], pygame.Rect]:
        """The buttons under the rows (back a page, on a page, Done), left of the corner
        buttons, and where the page number goes between the arrows."""
        right = min(r.x for r in self.app.corner_rects) - NAV_GAP - RING
        arrow_w, h = sizes.nav_h * 3 // 2, sizes.nav_h
        counter = pygame.Rect(MARGIN + arrow_w + NAV_GAP, top,
                              int((right - MARGIN) * NAV_PAGES) - 2 * (arrow_w + NAV_GAP), h)
        nav: list[Button] = [
            ArrowButton(t("Previous page"), pygame.Rect(MARGIN, top, arrow_w, h),
                        lambda: self.turn(-1), direction=-1),
            ArrowButton(t("Next page"), pygame.Rect(counter.right + NAV_GAP, top, arrow_w, h),
                        lambda: self.turn(1))]
        done_x = nav[1].rect.right + 2 * NAV_GAP
        nav.append(Button(t("Done"), pygame.Rect(done_x, top, right - done_x, h), self.app.pop,
                          size=sizes.nav))
        return nav, counter

    def _compose(self, sizes: Sizes, counter: pygame.Rect) -> None:
        self.static = backdrop(150)
        head = fitted_heading(group_title(self.pages[self.page].group), WIDTH - 2 * MARGIN,
                              sizes.head)
        self.static.blit(head, (centred_x(head), TOP))
        card = panel(counter.size, edge=theme.BUTTON_EDGE, border=3, shadow=0)
        words = Box(counter.w - 16, counter.h - 4, (sizes.nav, sizes.nav * 5 // 6),
                    bold=True).fit(t("{page} of {pages}", page=self.page + 1,
                                     pages=len(self.pages)))
        shown = words.surface(theme.INK, align="center")
        card.blit(shown, shown.get_rect(center=(counter.w // 2, counter.h // 2)))
        self.static.blit(card, counter.topleft)

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
        self.focus_key = "next" if step == 1 else "previous"
        self._build()

    @property
    def focused(self) -> str:
        """The setting in focus (a key of Settings, or "keys"), or "previous", "next" or
        "done"."""
        page = self.pages[self.page]
        i = self.buttons.focus
        if i < len(page.keys):
            return page.keys[i]
        return NAV_KEYS[i - len(page.keys)]

    def _remember_focus(self) -> None:
        if self.buttons.buttons:
            self.focus_key = self.focused

    def _row_spoken(self, key: str) -> str:
        if key in NAV_KEYS:
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
        if action.kind is Act.POINT:
            i = self.buttons.at(action.pos)
            row = self.buttons.buttons[i] if i >= 0 else None
            if isinstance(row, SettingRow) and row.less.collidepoint(action.pos) \
                    and row.words and row.words.key in CHOICES:
                self.buttons.focus = i
                self.app.play("click")
                self.change(row.words.key, -1)
                return
        super().handle(action)
        if self.app.scene is self and self.focused != key:
            self._remember_focus()
            self.app.speak(self._row_spoken(self.focus_key))

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
