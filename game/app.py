"""The window, the fixed-timestep loop, the scene stack and the chrome every screen shares."""
from __future__ import annotations

import gc
import time
from collections.abc import Callable

import pygame

from game.actions import Act, Action
from game.i18n import t
from game.input_map import Gamepads, actions_for, key_table
from game.rules.scanning import step_seconds
from game.rules.tuning import HEIGHT, STEP, WIDTH
from game.scenes.base import Scene
from game.scenes.common import corner_of
from game.session import Session
from game.settings import Settings
from game.sound import Sounds
from game.speech import Speech
from game.ui import theme
from game.ui.layout.base import toast as place_toast
from game.ui.widgets import Button, panel

Driver = Callable[["App"], list[Action]]
MAX_CATCH_UP = 0.25  # seconds of simulation run after a stall (a closed lid, a slow disk)
TOAST_SECONDS = 3.0
RELOAD_TOAST_SECONDS = 8.0  # long enough to read which file and line is broken


class App:
    def __init__(self, session: Session, sounds: Sounds, *,
                 help_screen: Callable[[App], Scene], fast: bool = False,
                 fullscreen: bool = False) -> None:
        self.session = session
        self.sounds = sounds
        self.help_screen = help_screen  # what H and the Help buttons open, over any screen
        self.speech = Speech()  # starts nothing until something is to be read aloud
        self.pads = Gamepads()  # started after the first frame; each pad opened as it comes
        self.fast = fast  # headless runs: one fixed step per frame, never sleeping
        self.fullscreen = False
        self.window = pygame.display.get_surface() or pygame.display.set_mode(
            (WIDTH, HEIGHT), pygame.RESIZABLE)
        self.canvas = self.window
        self.view = pygame.Rect(0, 0, WIDTH, HEIGHT)
        self.stack: list[Scene] = []
        self.running = True
        self.frames = 0
        self.first_frame_at: float | None = None
        self._toast: tuple[str, float] | None = None
        self._toast_box: tuple[tuple, pygame.Surface, tuple[int, int]] | None = None
        self._left = False  # a screen left the stack this frame: free its pictures after it
        self._clock_t = 0.0
        self._corner = self._corner_buttons()
        self._hover: tuple[int, int] = (-1, -1)
        # where the pointer rested when the window opened: SDL reports it as a move, but a
        # pointer that has not moved chooses nothing (Enter must not press the button it
        # happens to rest on, in place of the one the keyboard's focus is on)
        self._pointer_at_start: tuple[int, int] | None = None
        self._layout()
        if fullscreen:
            self.toggle_fullscreen()

    # --- scene stack ------------------------------------------------------------------------
    @property
    def scene(self) -> Scene:
        return self.stack[-1]

    def push(self, scene: Scene) -> None:
        if self.stack:
            self.stack[-1].on_cover()
        self.stack.append(scene)
        self._entered(scene)

    def pop(self) -> None:
        """Back out of the top screen; backing out of the last one closes the game."""
        if len(self.stack) > 1:
            self._leave(self.stack.pop())
            self._entered(self.stack[-1])
        else:
            self.quit()

    def replace(self, scene: Scene) -> None:
        if self.stack:
            self._leave(self.stack.pop())
        self.stack.append(scene)
        self._entered(scene)

    def back_to_root(self) -> None:
        while len(self.stack) > 1:
            self._leave(self.stack.pop())
        self._entered(self.stack[-1])

    def _leave(self, scene: Scene) -> None:
        scene.on_exit()
        self._left = True

    def _free_left_screens(self) -> None:
        """Free the pictures of screens that left the stack, at the end of the frame they left
        in. A screen and its buttons refer to each other (a button's action is the screen's
        method), and Python frees such a cycle only at a full collection, which it times by
        counting its own objects: the screen's pictures, megabytes in SDL's memory, count as
        one object each, so a few dozen rounds' screens piled up (hundreds of MB) before one
        came. A full collection costs ~5 ms, once per change of screen."""
        if self._left:
            self._left = False
            gc.collect()

    def _entered(self, scene: Scene) -> None:
        """A screen became the top one: what was being said stops and its own words are read."""
        self.speech.stop()
        scene.restart_scan()
        scene.on_enter()
        if self.stack and self.stack[-1] is scene:
            self.speak(scene.spoken())

    def quit(self) -> None:
        self.running = False
        self.speech.close()

    # --- shared services --------------------------------------------------------------------
    @property
    def now(self) -> float:
        """Seconds of game time since start: the injected clock every screen reads."""
        return self._clock_t

    def toast(self, message: str, seconds: float = TOAST_SECONDS) -> None:
        self._toast = (message, self._clock_t + seconds)

    def play(self, effect: str) -> None:
        self.sounds.play(effect)

    def speak(self, words: str) -> None:
        """Read `words` aloud, instead of anything being read, if the player has read aloud on
        (and sound on)."""
        settings = self.session.settings
        if words and settings.read_aloud and not self.sounds.muted and self.speech.available:
            self.speech.set_volume(settings.speech_volume)
            self.speech.say(words)

    def show_help(self) -> None:
        if not self.scene.is_help:
            self.push(self.help_screen(self))

    def toggle_mute(self) -> None:
        muted = self.change_settings(muted=not self.sounds.muted).muted
        self.toast(t("Sound off (press M to turn it on)") if muted else t("Sound on"))

    def change_settings(self, **changes: object) -> Settings:
        """Change some of the player's settings: saved at once, and applied at once to the
        sound, the speech, the colours, the language and every screen in the stack."""
        old = self.session.settings
        new = self.session.change_settings(**changes)
        self.sounds.apply(new)
        self.speech.set_volume(new.speech_volume)
        if new.theme != old.theme:
            theme.apply_theme(new.theme)
            theme.apply_branding(self.session.bank.branding)
        if new.lang != old.lang:
            report = self.session.reload()
            if not report.used:
                self.toast(report.summary, RELOAD_TOAST_SECONDS)
            theme.apply_branding(self.session.bank.branding)
            pygame.display.set_caption(self.session.bank.branding.title)
            for scene in self.stack:
                scene.content_changed()
        self._corner = self._corner_buttons()
        for scene in self.stack:
            scene.settings_changed()
        if new.read_aloud and not old.read_aloud:
            self.speech.warm_up()
            self.speak(t("Read aloud is on."))
        elif not new.read_aloud or new.muted:
            self.speech.stop()
        return new

    def reload_content(self) -> None:
        """F5: read the bank again and say what changed; a broken bank is reported, not used."""
        report = self.session.reload()
        if report.used:
            theme.apply_branding(self.session.bank.branding)
            pygame.display.set_caption(self.session.bank.branding.title)
            self._corner = self._corner_buttons()
            for scene in self.stack:
                scene.content_changed()
        self.toast(report.summary, RELOAD_TOAST_SECONDS)

    def toggle_fullscreen(self) -> None:
        self.fullscreen = not self.fullscreen
        try:
            if self.fullscreen:
                self.window = pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
            else:
                self.window = pygame.display.set_mode((WIDTH, HEIGHT), pygame.RESIZABLE)
        except pygame.error:
            self.fullscreen = False
            self.window = pygame.display.set_mode((WIDTH, HEIGHT), pygame.RESIZABLE)
            self.toast(t("Full screen is not available on this computer."))
        self._layout()

    # --- loop ---------------------------------------------------------------------------------
    def run(self, driver: Driver | None = None, max_frames: int | None = None,
            draw_every: int = 1) -> None:
        """Run until the game quits (or `max_frames`). `draw_every`: a headless run may draw
        only one frame in so many (the bench's soak plays 150 rounds this way)."""
        clock = pygame.time.Clock()
        lag = 0.0
        while self.running and self.stack:
            for event in pygame.event.get():
                self._handle_event(event)
            if driver is not None:
                for action in driver(self):
                    self.dispatch(action)
            if self.fast:
                self.step(STEP)
            else:
                # the first frame is not held back to keep 60 a second: it is shown at once
                lag = min(lag + clock.tick(60 if self.frames else 0) / 1000.0, MAX_CATCH_UP)
                while lag >= STEP and self.running:
                    self.step(STEP)
                    lag -= STEP
            if not self.running or not self.stack:
                break
            if self.frames % draw_every == 0:
                self.draw()
                pygame.display.flip()
            self.frames += 1
            if self.first_frame_at is None:
                self.first_frame_at = time.perf_counter()
                if self.session.settings.read_aloud:
                    self.speech.warm_up()  # after the first frame: start-up pays nothing for it
                self.pads.start()
            self.sounds.play_music(self.scene.music)  # after the first frame, never delaying it
            self._free_left_screens()
            if max_frames is not None and self.frames >= max_frames:
                break

    def step(self, dt: float) -> None:
        self._clock_t += dt
        settings = self.session.settings
        if settings.one_switch:
            self.scene.scan(dt, step_seconds(settings.speed))
        self.scene.update(dt)

    def _handle_event(self, event: pygame.event.Event) -> None:
        if event.type == pygame.QUIT:
            self.quit()
        elif event.type in (pygame.VIDEORESIZE, pygame.WINDOWSIZECHANGED):
            self.window = pygame.display.get_surface()
            self._layout()
        scene = self.scene if self.stack else None
        for action in self.pads.actions(event) + actions_for(
                event, self.to_logical, self.window.get_size(),
                classroom=bool(scene and scene.classroom), typing=bool(scene and scene.typing),
                listening=bool(scene and scene.listening),
                keys=key_table(self.session.settings.keys)):
            self.dispatch(action)

    def dispatch(self, action: Action) -> None:
        """Global keys first (help, mute, full screen, the corner buttons), then the scene."""
        if not self.stack:
            return
        if action.kind is Act.HELP:
            self.show_help()
        elif action.kind is Act.MUTE:
            self.toggle_mute()
        elif action.kind is Act.FULLSCREEN:
            self.toggle_fullscreen()
        elif action.kind is Act.RELOAD:
            self.reload_content()
        elif action.kind is Act.POINT and self._corner_at(action.pos):
            self._corner_at(action.pos).on_press()  # type: ignore[union-attr]
        elif action.kind is Act.UNKNOWN:
            self.toast(self.scene.keys_hint)
        else:
            if action.kind is Act.HOVER:
                if self._pointer_at_start is None:
                    self._pointer_at_start = action.pos
                if action.pos == self._pointer_at_start:
                    return
                self._pointer_at_start = (-1, -1)  # it has moved: every move counts from now
                self._hover = action.pos
            self.scene.handle(action)
            if action.kind in (Act.HOP, Act.CONFIRM) and self.stack:
                self.scene.restart_scan()  # one-switch play: time to see what the press did

    # --- drawing ------------------------------------------------------------------------------
    def draw(self) -> None:
        self.draw_screen(self.canvas)
        self.draw_overlay(self.canvas)
        if self.canvas is not self.window:
            self.window.fill((0, 0, 0))
            pygame.transform.smoothscale(self.canvas, self.view.size,
                                         self.window.subsurface(self.view))

    def draw_screen(self, surface: pygame.Surface) -> None:
        """The top screen and, unless it has its own, the corner buttons."""
        self.scene.draw(surface)
        if self.scene.chrome:
            for button in self._corner:
                button.draw(surface, button.rect.collidepoint(self._hover))

    def draw_overlay(self, surface: pygame.Surface) -> None:
        """What shows over any screen for a moment: the toast."""
        if self._toast and self._toast[1] > self._clock_t:
            self._draw_toast(surface, self._toast[0])

    def _draw_toast(self, surface: pygame.Surface, message: str) -> None:
        """The toast, drawn once and then blitted while it shows (not made anew each frame)."""
        scale = self.session.settings.text_scale
        clear = tuple(tuple(r) for r in self.scene.keep_clear())  # type: ignore[misc]
        key = (message, scale, theme.SHADE, theme.ACCENT, theme.WHITE, clear)
        if self._toast_box is None or self._toast_box[0] != key:
            placed = place_toast(message, scale, corner_of(scale), clear)
            x, y, w, h = placed.box
            box = panel((w, h), theme.SHADE, theme.ACCENT, radius=14, border=3, shadow=0)
            box.blit(placed.words.surface(theme.WHITE, align="center"), (18, 9))
            self._toast_box = (key, box, (x, y))
        surface.blit(self._toast_box[1], self._toast_box[2])

    def _corner_buttons(self) -> list[Button]:
        muted = self.sounds.muted
        nook = corner_of(self.session.settings.text_scale)
        sizes = nook.buttons
        return [
            Button(t("Help"), pygame.Rect(nook.help), self.show_help, "H", theme.RIGHT,
                   size=sizes.label, hint_size=sizes.hint),
            Button(t("Muted") if muted else t("Sound"), pygame.Rect(nook.sound), self.toggle_mute,
                   "M", theme.BUTTON_DISABLED if muted else theme.BUTTON, size=sizes.label,
                   hint_size=sizes.hint),
        ]

    @property
    def corner_rects(self) -> list[pygame.Rect]:
        """Where the Help and Sound buttons are now (their size follows the text size): screens
        keep their own buttons clear of them."""
        return [button.rect for button in self._corner]

    def _corner_at(self, pos: tuple[int, int]) -> Button | None:
        if not self.scene.chrome:
            return None
        return next((b for b in self._corner if b.rect.collidepoint(pos)), None)

    def _layout(self) -> None:
        """Fit the logical screen into the window, keeping its shape (letterboxing)."""
        ww, wh = self.window.get_size()
        if (ww, wh) == (WIDTH, HEIGHT):
            self.canvas, self.view = self.window, pygame.Rect(0, 0, WIDTH, HEIGHT)
            return
        scale = min(ww / WIDTH, wh / HEIGHT) or 1.0
        size = (max(1, round(WIDTH * scale)), max(1, round(HEIGHT * scale)))
        self.view = pygame.Rect(0, 0, *size)
        self.view.center = (ww // 2, wh // 2)
        if self.canvas is self.window or self.canvas.get_size() != (WIDTH, HEIGHT):
            self.canvas = pygame.Surface((WIDTH, HEIGHT)).convert()

    def to_logical(self, pos: tuple[float, float]) -> tuple[int, int] | None:
        x, y = pos
        if not self.view.collidepoint(x, y):
            return None
        sx, sy = self.view.w / WIDTH, self.view.h / HEIGHT
        return int((x - self.view.x) / sx), int((y - self.view.y) / sy)
