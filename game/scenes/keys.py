"""The Keys screen: which key does what, and giving an action a new key.

Choose an action, then press its new key (Esc keeps the old one). A key another action had goes
to the new one, and that action goes back to its usual key, or to none. Esc, F1, F5 and F11
never change, so nobody can lock themselves out; in one-switch play the switch (the hop key)
stays with hop. Saved with the settings and used at once. Laid out at the player's text size:
the actions flow onto more pages when they do not fit one.
"""
from __future__ import annotations

from dataclasses import dataclass

import pygame

from game.actions import Act, Action
from game.i18n import t
from game.input_map import REMAPPABLE, bindings, key_code, remap
from game.rules.tuning import HEIGHT, WIDTH
from game.scenes.base import MenuScene
from game.scenes.common import backdrop, centred_x, fitted_heading
from game.scenes.pager import NAV_GAP, PAGER_KEYS, nav_height, page_number, pager
from game.ui import text, theme
from game.ui.layout.base import Box, Fitted, scaled
from game.ui.widgets import Button, ButtonRow, panel

RESET = "reset"  # not an action: the row that gives every action its usual key back
NAV = (*PAGER_KEYS, "back")  # the buttons under the rows, as focus keys
MARGIN, TOP = 40, 8
ROW_PAD, ROW_GAP, COLUMN_GAP = 8, 10, 20
NAV_RIGHT = 930  # the buttons under the rows stay left of Help and Sound
ROW, INTRO, NAV_TEXT, CARD = 26, 24, 26, 30  # text sizes at 100%
HEAD = theme.TEXT_HUGE - 8  # the title, as big as every paged screen's at every text size


def action_words(action: str) -> str:
    """What an action is called on the screen."""
    return {
        "hop": t("Hop, and press buttons"), "up": t("Up"), "down": t("Down"), "left": t("Left"),
        "right": t("Right"), "confirm": t("Continue"), "back": t("Go back"),
        "help": t("Where to get help"), "mute": t("Sound on or off"), "answer1": t("Answer 1"),
        "answer2": t("Answer 2"), "answer3": t("Answer 3"),
    }[action]


def key_words(key: int | None) -> str:
    """A key as the player knows it: "Space", "Enter", "X"; "No key" for none."""
    if key is None:
        return t("No key")
    named = {
        pygame.K_SPACE: t("Space"), pygame.K_RETURN: t("Enter"), pygame.K_KP_ENTER: t("Enter"),
        pygame.K_BACKSPACE: t("Backspace"), pygame.K_TAB: t("Tab"), pygame.K_UP: t("Up arrow"),
        pygame.K_DOWN: t("Down arrow"), pygame.K_LEFT: t("Left arrow"),
        pygame.K_RIGHT: t("Right arrow"),
    }
    if key in named:
        return named[key]
    name = pygame.key.name(key)
    return name.upper() if len(name) == 1 else name.title()


@dataclass(frozen=True)
class Sizes:
    """The screen's text sizes at one text scale."""

    row: int
    head: int
    intro: int
    nav: int
    card: int

    @classmethod
    def at(cls, scale: float) -> Sizes:
        row, intro, nav, card = scaled((ROW, INTRO, NAV_TEXT, CARD), scale)
        return cls(row, HEAD, intro, nav, card)

    @property
    def row_h(self) -> int:
        return text.line_height(self.row, True) + 2 * ROW_PAD

    @property
    def nav_h(self) -> int:
        return nav_height(self.nav)


@dataclass(eq=False)
class KeyRow(Button):
    """An action's row: its name on the left, its key in a chip on the right."""

    name: Fitted | None = None
    key: Fitted | None = None
    chip_w: int = 0

    def face(self, state: str) -> pygame.Surface:
        surf = self._faces.get(state)
        if surf is None:
            assert self.name is not None and self.key is not None
            focused = state == "hover"
            surf = panel(self.rect.size, theme.BUTTON_HOVER if focused else theme.BUTTON,
                         theme.ACCENT if focused else theme.BUTTON_EDGE,
                         border=5 if focused else 3, shadow=4)
            name = self.name.surface(theme.BUTTON_TEXT)
            surf.blit(name, (ROW_PAD + 6, (self.rect.h - name.get_height()) // 2))
            chip = pygame.Rect(0, ROW_PAD // 2, self.chip_w, self.rect.h - ROW_PAD)
            chip.right = self.rect.w - ROW_PAD
            pygame.draw.rect(surf, theme.PAPER, chip, border_radius=10)
            key = self.key.surface(theme.INK, align="center")
            surf.blit(key, key.get_rect(center=chip.center))
            self._faces[state] = surf
        return surf


class KeysScene(MenuScene):
    def __init__(self, app) -> None:
        super().__init__(app)
        self.page = 0
        self.focus_key = next(iter(REMAPPABLE))
        self.waiting_for: str | None = None  # the action whose new key is awaited
        self.shown: list[str] = []  # the focus key of each button, in order
        self.static = pygame.Surface((WIDTH, HEIGHT))
        self.card: pygame.Surface | None = None
        self.buttons = ButtonRow([])
        self._build()

    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("Choose an action with the arrow keys and Enter, then press its new key. "
                 "Esc goes back.")

    @property
    def listening(self) -> bool:  # type: ignore[override]
        return self.waiting_for is not None

    @property
    def overrides(self) -> dict[str, str]:
        return self.app.session.settings.keys

    # --- layout -------------------------------------------------------------------------------
    def _build(self) -> None:
        """Lay the screen out at the player's text size, on the page holding the focus."""
        if self.shown:
            self.focus_key = self.shown[self.buttons.focus]
        sizes = Sizes.at(self.app.session.settings.text_scale)
        intro = Box(WIDTH - 2 * MARGIN, 3 * text.line_height(sizes.intro), (sizes.intro,)).fit(
            t("Choose an action, then press its new key. Esc, F1, F5 and F11 always keep their "
              "jobs."))
        head_h = text.line_height(sizes.head, True) - sizes.head // 8  # none under descenders
        rows_top = TOP + head_h + intro.height + 12
        nav_top = HEIGHT - 10 - sizes.nav_h
        columns = 2 if sizes.row <= scaled((ROW,), 1.25)[0] else 1
        per_column = max(1, (nav_top - 12 - rows_top + ROW_GAP) // (sizes.row_h + ROW_GAP))
        items = list(REMAPPABLE) + [RESET]
        per_page = per_column * columns
        pages = [items[i:i + per_page] for i in range(0, len(items), per_page)]
        holding = [i for i, page in enumerate(pages) if self.focus_key in page]
        self.page = holding[0] if holding else self.page % len(pages)
        width = (WIDTH - 2 * MARGIN - COLUMN_GAP * (columns - 1)) // columns
        keys = bindings(self.overrides)
        rows: list[Button] = []
        for i, item in enumerate(pages[self.page]):
            column, row = divmod(i, per_column)
            rect = pygame.Rect(MARGIN + column * (width + COLUMN_GAP),
                               rows_top + row * (sizes.row_h + ROW_GAP), width, sizes.row_h)
            rows.append(self._row(item, rect, keys.get(item), sizes))
        nav, counter = self._nav(len(pages), nav_top, sizes)
        self.shown = pages[self.page] + [key for key, _ in nav]
        self.buttons = ButtonRow(rows + [button for _, button in nav],
                                 focus=self.shown.index(self.focus_key)
                                 if self.focus_key in self.shown else 0)
        self.static = backdrop(150)
        heading = fitted_heading(t("Keys"), WIDTH - 2 * MARGIN, sizes.head)
        self.static.blit(heading, (centred_x(heading), TOP))
        if counter is not None:
            self.static.blit(page_number(counter, sizes.nav, self.page, len(pages)),
                             counter.topleft)
        self.static.blit(intro.surface(theme.WHITE, align="center"), (MARGIN, TOP + head_h))
        self.pages = len(pages)

    def _row(self, item: str, rect: pygame.Rect, key: int | None, sizes: Sizes) -> Button:
        line = text.line_height(sizes.row, True)
        if item == RESET:
            label = Box(rect.w - 24, rect.h - 4, (sizes.row, sizes.row * 5 // 6), bold=True)
            return TextButton(t("Reset to the usual keys"), rect, self.reset, words=label.fit(
                t("Reset to the usual keys")), colour=theme.BUTTON_QUIET)
        chip_w = rect.w * 2 // 5
        name = Box(rect.w - chip_w - 3 * ROW_PAD - 6, line, (sizes.row, sizes.row * 5 // 6),
                   bold=True).fit(action_words(item))
        shown = Box(chip_w - 16, line, (sizes.row, sizes.row * 5 // 6), bold=True).fit(
            key_words(key))
        return KeyRow(action_words(item), rect, lambda: self.choose(item), name=name, key=shown,
                      chip_w=chip_w)

    def _nav(self, pages: int, top: int, sizes: Sizes
             ) -> tuple[list[tuple[str, Button]], pygame.Rect | None]:
        """The arrows turning the pages and the page number between them (with more than one
        page), then Back; and the page number's place."""
        out: list[tuple[str, Button]] = []
        x, counter = MARGIN, None
        if pages > 1:
            arrows, counter = pager(sizes.nav, MARGIN, top, NAV_RIGHT, self.turn)
            out += list(zip(PAGER_KEYS, arrows))
            x = arrows[1].rect.right + 2 * NAV_GAP
        words = t("Back")
        w = min(NAV_RIGHT - x, text.render(words, sizes.nav, theme.WHITE, True).get_width() + 60)
        fitted = Box(w - 24, sizes.nav_h - 4, (sizes.nav, sizes.nav * 5 // 6), bold=True).fit(
            words)
        out.append(("back", TextButton(words, pygame.Rect(x, top, w, sizes.nav_h), self.app.pop,
                                       words=fitted)))
        return out, counter

    # --- changing keys ------------------------------------------------------------------------
    def choose(self, action: str) -> None:
        """Wait for the new key for `action`."""
        self.waiting_for = action
        self.card = self._card(action)

    def _card(self, action: str) -> pygame.Surface:
        sizes = Sizes.at(self.app.session.settings.text_scale)
        layer = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
        layer.fill((*theme.SHADE, 200))
        w, h = WIDTH - 2 * MARGIN, HEIGHT // 2
        box = Box(w - 60, h - 40, (sizes.card, sizes.card * 5 // 6), bold=True)
        words = box.fit(t("Press the new key for: {action}. Esc keeps the old key.",
                          action=action_words(action)))
        card = panel((w, h))
        shown = words.surface(theme.INK, align="center")
        card.blit(shown, shown.get_rect(center=(w // 2, h // 2)))
        layer.blit(card, ((WIDTH - w) // 2, (HEIGHT - h) // 2))
        return layer

    def key_pressed(self, name: str) -> None:
        """The key pressed while waiting: given to the action, unless it cannot be."""
        action, self.waiting_for, self.card = self.waiting_for, None, None
        key = key_code(name)
        if action is None:
            return
        if key is None:
            self.app.toast(t("That key cannot be used. Try another one."))
            return
        hop = bindings(self.overrides)["hop"]
        if self.app.session.settings.one_switch and key == hop and action != "hop":
            self.app.toast(t("{key} is your switch: it stays with hop.", key=key_words(key)))
            return
        self.app.play("click")
        self._save(remap(self.overrides, action, key))

    def reset(self) -> None:
        self._save({})
        self.app.toast(t("Every key is back to the usual one."))

    def _save(self, keys: dict[str, str]) -> None:
        self.app.session.change_settings(keys=keys)
        self._build()

    def turn(self, step: int) -> None:
        self.page = (self.page + step) % self.pages
        self.focus_key = PAGER_KEYS[step == 1]
        self.shown = []
        self._build()

    # --- input and hooks ----------------------------------------------------------------------
    def handle(self, action: Action) -> None:
        if self.waiting_for is not None:
            if action.kind is Act.KEY:
                self.key_pressed(action.text)
            elif action.kind in (Act.BACK, Act.POINT):
                self.waiting_for, self.card = None, None  # Esc or a click: keep the old key
            return
        super().handle(action)

    def scan_step(self) -> None:
        if self.waiting_for is None:  # one-switch play: the highlight waits with the card
            super().scan_step()

    def on_cover(self) -> None:
        self.waiting_for, self.card = None, None  # help opened (F1): stop waiting

    def settings_changed(self) -> None:
        self._build()

    def content_changed(self) -> None:
        self._build()

    def draw(self, surface: pygame.Surface) -> None:
        surface.blit(self.static, (0, 0))
        self.buttons.draw(surface)
        if self.card is not None:
            surface.blit(self.card, (0, 0))


@dataclass(eq=False)
class TextButton(Button):
    """A button whose label was fitted at the player's text size."""

    words: Fitted | None = None

    def face(self, state: str) -> pygame.Surface:
        surf = self._faces.get(state)
        if surf is None:
            assert self.words is not None
            focused = state == "hover"
            colour = self.colour or theme.BUTTON
            surf = panel(self.rect.size, theme.BUTTON_HOVER if focused else colour,
                         theme.ACCENT if focused else theme.BUTTON_EDGE,
                         border=5 if focused else 3, shadow=4)
            label = self.words.surface(theme.BUTTON_TEXT, align="center")
            surf.blit(label, label.get_rect(center=(self.rect.w // 2, self.rect.h // 2)))
            self._faces[state] = surf
        return surf
