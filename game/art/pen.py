"""Drawing helpers for the art modules: shape outlines in design units on a 2× canvas.

A `Pen` owns a supersampled SRCALPHA canvas. Shapes are point lists in *design units*
(each module picks a design box, e.g. 80×64 for the side-view dog); the pen scales them,
draws a thick navy outline (the polygon grown by the outline width, with round joins) and
the fill, and `done()` smoothscales the canvas down once to the final size.

Speed matters: the title screen's art is built while the game starts. So an outline is one
grown polygon (game.art.outline), ellipses and rounded rectangles are grown from their recipe
and upright ellipses drawn by pygame's own ellipse() (game.art.shapes), and clip layers are
only as big as the clip shapes. The shapes come from game.art.shapes; pictures are kept by
game.art.built.
"""
from __future__ import annotations

import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

import pygame

from game.art.outline import detail, grow_polygon, ribbon, sharp_joins
from game.art.palette import NAVY, Colour
from game.art.shapes import Point, Shape, recipe_grown, recipe_of

SS = 2  # supersampling factor


class Pen:
    """Draw outlined shapes in design units on a 2× canvas; `done()` returns the final surface."""

    def __init__(self, size: tuple[int, int], unit: float, outline: float, ink: Colour = NAVY,
                 background: Colour | None = None, origin: Point = (0.0, 0.0)) -> None:
        self.size = size
        self.ox, self.oy = origin  # design-unit shift applied to everything drawn
        self.k = unit * SS  # canvas pixels per design unit
        self.ow = outline  # outline width in design units
        self.ink = ink
        self.opaque = background is not None
        canvas = (size[0] * SS, size[1] * SS)
        if self.opaque:
            self.surf = pygame.Surface(canvas)
            self.surf.fill(background)
        else:
            self.surf = pygame.Surface(canvas, pygame.SRCALPHA)
        self._stack: list[tuple[pygame.Surface, float, float, bool]] = []
        self._soft = False  # has anything half-transparent been put on the current layer?

    # coordinates
    def p(self, pts: Sequence[Point]) -> list[tuple[float, float]]:
        k, ox, oy = self.k, self.ox, self.oy
        return [((x + ox) * k, (y + oy) * k) for x, y in pts]

    def r(self, v: float) -> float:
        return v * self.k

    def n(self, radius: float) -> int:
        """Enough polygon points for a round shape of this radius (design units) on this pen."""
        return detail(radius * self.k)

    def _oval(self, shape: Shape, grow: float = 0.0, dx: int = 0,
              dy: int = 0) -> pygame.Rect | None:
        """For an upright ellipse() shape, the canvas rect pygame.draw.ellipse should fill to
        cover it (grown by `grow` design units, shifted by -dx, -dy px); otherwise None."""
        recipe = recipe_of(shape)
        if recipe is None or recipe[0] != "ellipse":
            return None
        _, cx, cy, rx, ry, rot, _ = recipe
        if rot % 180 and rx != ry:
            if rot % 90:
                return None
            rx, ry = ry, rx
        k = self.k
        cx, cy, rx, ry = (cx + self.ox) * k - dx, (cy + self.oy) * k - dy, (rx + grow) * k, \
            (ry + grow) * k
        x0, y0 = math.floor(cx - rx), math.floor(cy - ry)
        return pygame.Rect(x0, y0, math.ceil(cx + rx) - x0, math.ceil(cy + ry) - y0)

    def _fill(self, surf: pygame.Surface, colour: Any, shape: Shape, dx: int = 0,
              dy: int = 0) -> None:
        """Fill one shape on `surf`, shifted by -dx, -dy canvas px."""
        oval = self._oval(shape, 0.0, dx, dy)
        if oval is not None:  # upright ellipses: pygame's own ellipse is far quicker
            pygame.draw.ellipse(surf, colour, oval)
        elif dx or dy:
            pygame.draw.polygon(surf, colour, [(x - dx, y - dy) for x, y in self.p(shape)])
        else:
            pygame.draw.polygon(surf, colour, self.p(shape))

    def _box(self, shapes: Sequence[list[Point]]) -> pygame.Rect:
        """The canvas pixels the (canvas-px) shapes can touch, clipped to the canvas."""
        xs = [x for sp in shapes for x, _ in sp]
        ys = [y for sp in shapes for _, y in sp]
        if not xs:
            return pygame.Rect(0, 0, 0, 0)
        x0, y0 = math.floor(min(xs)) - 2, math.floor(min(ys)) - 2
        box = pygame.Rect(x0, y0, math.ceil(max(xs)) + 3 - x0, math.ceil(max(ys)) + 3 - y0)
        return box.clip(self.surf.get_rect())

    # primitives
    def outline(self, *shapes: Shape, w: float | None = None, colour: Colour | None = None) -> None:
        """The silhouette of the shapes grown by the outline width, in the ink colour.

        Fill the shapes afterwards; shapes outlined together get one merged outline. The growth
        is the Minkowski sum with a disc (round joins), drawn as one polygon per shape.
        """
        colour = colour or self.ink
        rad = (self.ow if w is None else w) * self.k
        surf, draw_poly = self.surf, pygame.draw.polygon
        for shape in shapes:
            recipe = recipe_of(shape)
            if recipe is not None and rad >= 0.5:  # an ellipse or rounded rectangle: grow it
                oval = self._oval(shape, rad / self.k)
                if oval is not None:
                    pygame.draw.ellipse(surf, colour, oval)
                else:
                    draw_poly(surf, colour, self.p(recipe_grown(recipe, rad / self.k)))
                continue
            sp = self.p(shape)
            grown = grow_polygon(sp, rad) if rad >= 0.5 else None
            if grown is None:
                draw_poly(surf, colour, sp)
                if rad >= 0.5:  # a degenerate shape: a dot or a line, grown
                    for x, y in sp:
                        pygame.draw.circle(surf, colour, (x, y), rad)
                    if len(sp) > 1:
                        pygame.draw.polygon(surf, colour, ribbon(sp, rad))
                continue
            pts, convex = grown
            if not convex:  # the grown polygon may cross itself; the shape itself is solid
                draw_poly(surf, colour, sp)
            draw_poly(surf, colour, pts)

    def fill(self, colour: Colour, *shapes: Shape) -> None:
        for shape in shapes:
            self._fill(self.surf, colour, shape)

    def fill_lit(self, colour: Colour, light: Colour, shapes: Sequence[Shape],
                 lit: Sequence[Shape]) -> None:
        """Fill `shapes` in `colour`, then `light` wherever the `lit` shapes fall inside them.

        The same picture as fill(colour, *shapes) and then fill(light, *lit) inside
        clip(*shapes), made without the clip's layers when `light` is the lighter colour: the
        shapes are filled with `light`, then (light - colour) is taken off them except on the
        lit shapes.
        """
        darker = tuple(a - b for a, b in zip(light, colour))
        if min(darker) < 0:
            self.fill(colour, *shapes)
            with self.clip(*shapes):
                self.fill(light, *lit)
            return
        for shape in shapes:
            self._fill(self.surf, light, shape)
        box = self._box([self.p(shape) for shape in shapes])
        if not box.w or not box.h:
            return
        bx, by = box.topleft
        sheet = pygame.Surface(box.size)  # black: takes nothing off
        for shape in shapes:
            self._fill(sheet, darker, shape, bx, by)
        for shape in lit:
            self._fill(sheet, (0, 0, 0), shape, bx, by)
        self.surf.blit(sheet, box, special_flags=pygame.BLEND_RGB_SUB)

    def shape(self, colour: Colour, *shapes: Shape, w: float | None = None) -> None:
        """Outline then fill: shapes given together share one merged outline."""
        self.outline(*shapes, w=w)
        self.fill(colour, *shapes)

    def line(self, pts: Sequence[Point], width: float, colour: Colour | None = None,
             closed: bool = False) -> None:
        """A polyline `width` design units thick with round joins and ends."""
        colour = colour or self.ink
        pts = list(pts) + ([pts[0]] if closed else [])
        half = width * self.k / 2
        sp = self.p(pts)
        surf, draw_circle = self.surf, pygame.draw.circle
        if len(sp) > 1:
            pygame.draw.polygon(surf, colour, ribbon(sp, half))
        if len(sp) == 1 or not closed:
            draw_circle(surf, colour, sp[0], half)
            draw_circle(surf, colour, sp[-1], half)
        if len(sp) > 2:  # round joins only where the line bends sharply or doubles back
            for x, y in sharp_joins(sp if not closed else sp[-2:-1] + sp, half):
                draw_circle(surf, colour, (x, y), half)

    def dot(self, colour: Colour, cx: float, cy: float, r: float) -> None:
        pygame.draw.circle(self.surf, colour, ((cx + self.ox) * self.k, (cy + self.oy) * self.k),
                           r * self.k)

    def rect(self, colour: Colour, x: float, y: float, w: float, h: float) -> None:
        k = self.k
        x, y = x + self.ox, y + self.oy
        pygame.draw.rect(self.surf, colour, pygame.Rect(round(x * k), round(y * k),
                                                         round(w * k), round(h * k)))

    def text(self, words: str, centre: Point, height: float, colour: Colour,
             max_width: float | None = None) -> None:
        """Bold text centred at `centre`, about `height` design units tall (pygame's own font)."""
        img = render_text(words, max(6, round(height * self.k * 1.35)), colour)
        if img is None:
            return
        if max_width is not None and img.get_width() > max_width * self.k:
            scale = max_width * self.k / img.get_width()
            img = pygame.transform.smoothscale(img, (max(1, int(img.get_width() * scale)),
                                                     max(1, int(img.get_height() * scale))))
        self.surf.blit(img, img.get_rect(center=((centre[0] + self.ox) * self.k,
                                                 (centre[1] + self.oy) * self.k)))
        self._soft = True

    def tint(self, rgba: tuple[int, int, int, int], *shapes: Shape) -> None:
        """See-through shapes, blended over what is already drawn (shading, glows)."""
        sps = [self.p(shape) for shape in shapes]
        box = self._box(sps)
        if not box.w or not box.h:
            return
        layer = pygame.Surface(box.size, pygame.SRCALPHA)
        bx, by = box.topleft
        for shape in shapes:
            self._fill(layer, rgba, shape, bx, by)
        self.surf.blit(layer, box)
        self._soft = True

    @contextmanager
    def clip(self, *shapes: Shape) -> Iterator[None]:
        """Everything drawn inside the block is clipped to the union of the shapes."""
        sps = [self.p(shape) for shape in shapes]
        box = self._box(sps)
        layer = pygame.Surface((max(1, box.w), max(1, box.h)), pygame.SRCALPHA)
        bx, by = box.topleft
        self._stack.append((self.surf, self.ox, self.oy, self._soft))
        self.surf = layer  # draw on a layer just big enough, shifted so the box is at (0, 0)
        self.ox -= bx / self.k
        self.oy -= by / self.k
        self._soft = False
        try:
            yield
        finally:
            soft = self._soft
            self.surf, self.ox, self.oy, self._soft = self._stack.pop()
            if box.w and box.h:
                mask = pygame.Surface(box.size, pygame.SRCALPHA)
                for shape in shapes:
                    self._fill(mask, (255, 255, 255, 255), shape, bx, by)
                layer.blit(mask, (0, 0), special_flags=pygame.BLEND_RGBA_MULT)
                if soft:  # half-transparent pixels: the usual alpha blend
                    self.surf.blit(layer, box)
                    self._soft = True
                else:  # every pixel is clear or solid, so this quicker blend gives the same
                    self.surf.blit(layer, box, special_flags=pygame.BLEND_PREMULTIPLIED)

    def done(self) -> pygame.Surface:
        out = pygame.transform.smoothscale(self.surf, self.size)
        if self.opaque:
            return out.convert()
        if out.get_bitsize() == 32 and out.get_masks() == _alpha_masks():
            return out  # already in the format convert_alpha() would make: skip the copy
        return out.convert_alpha()


_ALPHA_MASKS: dict[tuple[int, tuple[int, ...]], tuple[int, ...]] = {}


def _alpha_masks() -> tuple[int, ...] | None:
    """The pixel masks convert_alpha() gives with the current display (None: no display)."""
    display = pygame.display.get_surface()
    if display is None:
        return None
    key = (display.get_bitsize(), display.get_masks())
    masks = _ALPHA_MASKS.get(key)
    if masks is None:
        masks = _ALPHA_MASKS[key] = pygame.Surface((1, 1), pygame.SRCALPHA).convert_alpha() \
            .get_masks()
    return masks


_FONTS: dict[int, pygame.font.Font] = {}


def render_text(words: str, px: int, colour: Colour) -> pygame.Surface | None:
    try:
        if not pygame.font.get_init():
            pygame.font.init()
        font = _FONTS.get(px)
        if font is None:
            font = _FONTS[px] = pygame.font.Font(None, px)  # freesansbold, shipped with pygame
        return font.render(words, True, colour)
    except (pygame.error, OSError):  # no font available: the art still works without words
        return None
