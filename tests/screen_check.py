"""Where every text of a screen ended up, and whether it can all be read.

Inside `tracking()`, `pygame.Surface` is a `TrackedSurface` and game.ui.text's `render` and
`draw_lines` return tracked surfaces that carry their words. Each tracked surface remembers the
ink of the texts on it (where they are, and their pixels as a mask); blitting it onto another
tracked surface (and copy, convert) carries the texts along. So when a screen has been drawn,
its canvas knows where every text landed, and these rules are checked as the drawing goes:

- a text blitted so that part of it falls outside the surface it is blitted onto is cut off
  (a label wider than its button, a card's line wider than the card, a heading off the screen);
- a text whose ink lands on another text's ink overlaps it;
- a surface blitted over a text hides it: hiding it entirely is fine (a modal card, a toast,
  the next frame's background), hiding part of it is not (a button over a heading);
- a text that did not fit its box even at the smallest size is noted in `text.truncated`.

The same words drawn over themselves (a heading's outline under its face) are one text. The
lines of one paragraph (`draw_lines`) are one text too.

    with tracking() as tracker:
        app = start(...)                      # build screens only after tracking starts
        problems = tracker.screen_problems(app)   # [] when the screen is readable
"""
from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass

import pygame

from game.ui import text

_BaseSurface = pygame.Surface
_MASK_THRESHOLD = 127  # a pixel at least half opaque is ink (or covers ink)


@dataclass(frozen=True)
class Ink:
    """One text's ink on a surface: its words, its bounding rect and its pixels (a mask the
    size of the rect)."""

    words: str
    rect: pygame.Rect
    mask: pygame.mask.Mask

    def moved(self, dx: int, dy: int) -> Ink:
        return Ink(self.words, self.rect.move(dx, dy), self.mask)

    def clipped(self, bounds: pygame.Rect) -> Ink | None:
        """The part of the ink inside `bounds`, or None when none of it is."""
        inside = self.rect.clip(bounds)
        if not inside.w or not inside.h:
            return None
        mask = pygame.mask.Mask(inside.size)
        mask.draw(self.mask, (self.rect.x - inside.x, self.rect.y - inside.y))
        return Ink(self.words, inside, mask) if mask.count() else None

    def overlap(self, other_mask: pygame.mask.Mask, at: tuple[int, int]) -> int:
        """How many of this ink's pixels `other_mask`, placed at `at`, lands on."""
        return self.mask.overlap_area(other_mask, (at[0] - self.rect.x, at[1] - self.rect.y))

    def merged(self, other: Ink) -> Ink:
        rect = self.rect.union(other.rect)
        mask = pygame.mask.Mask(rect.size)
        mask.draw(self.mask, (self.rect.x - rect.x, self.rect.y - rect.y))
        mask.draw(other.mask, (other.rect.x - rect.x, other.rect.y - rect.y))
        return Ink(self.words, rect, mask)

    @staticmethod
    def of(words: str, surface: pygame.Surface) -> Ink | None:
        """The ink of `words` rendered alone onto `surface`, or None for text with no ink."""
        mask = pygame.mask.from_surface(surface, _MASK_THRESHOLD)
        rects = mask.get_bounding_rects()
        if not rects:
            return None
        box = rects[0].unionall(rects[1:])
        return Ink(words, pygame.Rect(0, 0, *mask.get_size()), mask).clipped(box)


class Tracker:
    """The problems found since they were last collected."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.overlay = False  # drawing what shows over a screen for a moment (a toast)

    def note(self, problem: str) -> None:
        if problem not in self.problems:
            self.problems.append(problem)

    def collect(self) -> list[str]:
        """The problems found so far, and the texts cut short; then forget them."""
        found = self.problems + [f"cut short with '…': {words!r}"
                                 for words in sorted(text.truncated)]
        self.problems = []
        text.truncated.clear()
        return found

    def screen_problems(self, app) -> list[str]:
        """Draw the app's top screen (with the corner buttons, and over them any toast, which may
        hide what is under it) on a fresh 1280×720 canvas, and say what cannot be read:
        everything collected since last time (building the screen included), and what the
        drawing found."""
        canvas = TrackedSurface(app.canvas.get_size())
        app.canvas = app.window = canvas
        app.draw_screen(canvas)
        self.overlay = True
        try:
            app.draw_overlay(canvas)
        finally:
            self.overlay = False
        return self.collect()


_tracker: Tracker | None = None


def _note(problem: str) -> None:
    if _tracker is not None:
        _tracker.note(problem)


def _describe(surface: pygame.Surface) -> str:
    w, h = surface.get_size()
    return f"a {w}×{h} surface"


def _is_opaque(surface: pygame.Surface) -> bool:
    return not surface.get_flags() & pygame.SRCALPHA and surface.get_colorkey() is None


class TrackedSurface(_BaseSurface):
    """A pygame Surface that knows where the texts drawn on it are."""

    @property
    def inks(self) -> list[Ink]:
        found = self.__dict__.get("inks")
        if found is None:
            found = self.__dict__["inks"] = []
        return found

    @inks.setter
    def inks(self, value: list[Ink]) -> None:
        self.__dict__["inks"] = value

    def copy(self) -> TrackedSurface:
        out = super().copy()
        out.inks = list(self.inks)
        return out

    def convert(self, *args) -> TrackedSurface:
        out = super().convert(*args)
        out.inks = list(self.inks)
        return out

    def convert_alpha(self, *args) -> TrackedSurface:
        out = super().convert_alpha(*args)
        out.inks = list(self.inks)
        return out

    def fill(self, color, rect=None, special_flags: int = 0) -> pygame.Rect:
        done = super().fill(color, rect, special_flags)
        if not special_flags:
            area = pygame.Rect(rect) if rect is not None else self.get_rect()
            self._cover(pygame.mask.Mask(area.size, fill=True), area.topleft, "a filled box", [])
        return done

    def blits(self, blit_sequence, doreturn: bool | int = 1):
        done = [self.blit(*item) for item in blit_sequence]
        return done if doreturn else None

    def blit(self, source: pygame.Surface, dest=(0, 0), area=None,
             special_flags: int = 0) -> pygame.Rect:
        done = super().blit(source, dest, area, special_flags)
        x, y = (int(dest[0]), int(dest[1])) if not isinstance(dest, pygame.Rect) else dest.topleft
        shown = pygame.Rect(area) if area is not None else source.get_rect()
        shown = shown.clip(source.get_rect())
        origin = (x - shown.x, y - shown.y)  # where the source's (0, 0) lands on this surface
        placed = pygame.Rect(x, y, shown.w, shown.h)
        incoming = [ink for ink in getattr(source, "inks", ())]
        alpha = source.get_alpha()
        if not special_flags and (alpha is None or alpha >= _MASK_THRESHOLD):
            touched = [ink for ink in self.inks if ink.rect.colliderect(placed)]
            if touched:
                cover = _covering_mask(source, shown)
                self._cover(cover, placed.topleft, _describe(source),
                            [ink.moved(*origin) for ink in incoming])
        bounds = self.get_rect()
        for ink in incoming:
            if not ink.rect.colliderect(shown):
                continue  # outside the part of the source blitted
            visible = ink.clipped(shown)
            if visible is None:
                continue
            if visible.rect != ink.rect:
                _note(f"cut off: {ink.words!r} is only partly inside the part of "
                      f"{_describe(source)} that is drawn")
            placed_ink = visible.moved(*origin)
            inside = placed_ink.clipped(bounds)
            if inside is None or inside.rect != placed_ink.rect:
                _note(f"cut off: {ink.words!r} at {tuple(placed_ink.rect)} is not inside "
                      f"{_describe(self)}")
                if inside is None:
                    continue
            self._add(inside)
        return done

    def _add(self, ink: Ink) -> None:
        """Put `ink` on this surface: the same words over themselves are one text."""
        for i, old in enumerate(self.inks):
            if old.words == ink.words and old.rect.colliderect(ink.rect):
                self.inks[i] = old.merged(ink)
                return
        self.inks.append(ink)

    def _cover(self, cover: pygame.mask.Mask, at: tuple[int, int], what: str,
               incoming: Sequence[Ink]) -> None:
        """Something whose pixels are `cover` lands at `at`: a text it hides entirely is gone,
        one it hides in part is a problem (overlapping another text, or partly hidden), unless
        an overlay hides it."""
        overlay = _tracker is not None and _tracker.overlay
        kept: list[Ink] = []
        for ink in self.inks:
            hidden = ink.overlap(cover, at)
            if not hidden:
                kept.append(ink)
                continue
            if hidden == ink.mask.count() or overlay:
                continue  # hidden under a card, a toast, the next frame
            if any(new.words == ink.words and new.rect.colliderect(ink.rect)
                   for new in incoming):
                kept.append(ink)  # the same words drawn again over themselves
                continue
            clash = next((new for new in incoming if ink.overlap(new.mask, new.rect.topleft)),
                         None)
            if clash is not None:
                _note(f"overlap: {clash.words!r} is drawn over {ink.words!r}")
            else:
                _note(f"partly hidden: {ink.words!r} is partly covered by {what} drawn later")
            kept.append(ink)
        self.inks = kept


def _covering_mask(source: pygame.Surface, shown: pygame.Rect) -> pygame.mask.Mask:
    """The pixels of the part `shown` of `source` that hide what is under them."""
    if _is_opaque(source):
        return pygame.mask.Mask(shown.size, fill=True)
    whole = pygame.mask.from_surface(source, _MASK_THRESHOLD)
    if shown == source.get_rect():
        return whole
    part = pygame.mask.Mask(shown.size)
    part.draw(whole, (-shown.x, -shown.y))
    return part


def _tracked_render_factory(original):
    made: dict[tuple, TrackedSurface] = {}

    def render(words: str, size: int, colour, bold: bool = False) -> TrackedSurface:
        key = (words, size, colour, bold)
        found = made.get(key)
        if found is None:
            base = original(words, size, colour, bold)
            found = TrackedSurface(base.get_size(), pygame.SRCALPHA)
            _BaseSurface.blit(found, base, (0, 0), None, pygame.BLEND_RGBA_ADD)
            ink = Ink.of(words, found)
            found.inks = [ink] if ink else []
            made[key] = found
        return found

    return render


def _tracked_draw_lines_factory(original):
    def draw_lines(lines, size, width, colour, bold=False, align="left") -> TrackedSurface:
        out = original(lines, size, width, colour, bold, align)
        inks = out.inks
        if len(inks) > 1:
            para = Ink("\n".join(lines), inks[0].rect, inks[0].mask)
            for ink in inks[1:]:
                para = para.merged(ink)
            out.inks = [para]
        elif inks:
            out.inks = [Ink("\n".join(lines), inks[0].rect, inks[0].mask)]
        return out

    return draw_lines


def forget_drawings() -> None:
    """Forget the drawings the screens and the art keep (built with or without tracking: a
    screen drawn on a copy of an untracked picture would hide its texts from the check)."""
    for name, module in list(sys.modules.items()):
        if not name.startswith(("game.scenes", "game.art")) or module is None:
            continue
        for value in vars(module).values():
            if callable(getattr(value, "cache_clear", None)) and \
                    getattr(value, "__module__", "") == name:
                value.cache_clear()
    text._CACHE.clear()


@contextmanager
def tracking() -> Iterator[Tracker]:
    """Track every text drawn until the block ends. Build the app inside the block."""
    global _tracker
    saved = pygame.Surface, text.render, text.draw_lines
    pygame.Surface = TrackedSurface
    text.render = _tracked_render_factory(saved[1])
    text.draw_lines = _tracked_draw_lines_factory(saved[2])
    forget_drawings()
    text.truncated.clear()
    _tracker = Tracker()
    try:
        yield _tracker
    finally:
        _tracker = None
        pygame.Surface, text.render, text.draw_lines = saved
        forget_drawings()
        text.truncated.clear()
