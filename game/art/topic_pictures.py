"""A picture for each safety topic: a round badge with one thing on it, drawn in the flat,
navy-outlined style of the dog (a padlock for keeping things private, a speech bubble with a
question for strangers online, ...).

`topic_picture(topic_id, size)` is what a screen or a content pack uses: a topic id it does not
know (a pack's new topic) gets a friendly star badge, so every topic has a picture. Each picture
is built once per size (game.art.built.built_once).
"""
from __future__ import annotations

from collections.abc import Callable

import pygame

from game.art import palette as C
from game.art.built import built_once
from game.art.pen import Pen
from game.art.shapes import bezier, circle, ellipse, rounded_rect, star

BOX = 100  # the design box: a badge of radius 46 at its centre
BADGE = (255, 250, 236)  # the badge's paper, a touch warmer than the card's


def _padlock(pen: Pen) -> None:
    """Keep it private: a gold padlock, shut."""
    shackle = bezier((36, 50), (36, 14), (50, 16), 12) + bezier((50, 16), (64, 14), (64, 50), 12)
    pen.line(shackle, 11)
    pen.line(shackle, 6, C.REFLECT)
    body = rounded_rect(27, 44, 46, 36, 7)
    pen.shape(C.GOLD, body)
    with pen.clip(body):
        pen.fill(C.GOLD_DARK, ellipse(50, 84, 30, 9))
        pen.fill(C.GOLD_LIGHT, rounded_rect(31, 47, 38, 5, 2.5))
    pen.dot(C.NAVY, 50, 59, 5.2)
    pen.shape(C.NAVY, [(47.5, 60), (52.5, 60), (54, 72), (46, 72)], w=0.1)


def _bubble(pen: Pen, x: float, y: float, w: float, h: float, colour: C.Colour,
            tail_left: bool = True) -> list[tuple[float, float]]:
    """A speech bubble with its tail at the bottom; returns its body for clipping."""
    body = rounded_rect(x, y, w, h, h * 0.32)
    tx = x + w * (0.25 if tail_left else 0.75)
    tail = [(tx - 7, y + h - 3), (tx + 7, y + h - 3), (tx - (8 if tail_left else -8), y + h + 12)]
    pen.outline(body, tail)
    pen.fill(colour, body, tail)
    return body


def _question(pen: Pen) -> None:
    """Who are you talking to?: a chat bubble with a question mark, and a faceless friend."""
    pen.shape(C.TOWN, ellipse(70, 84, 15, 10), circle(70, 64, 10))
    _bubble(pen, 16, 20, 52, 42, C.WHITE)
    pen.line(bezier((34, 34), (36, 24), (45, 26), 8) + bezier((45, 26), (53, 30), (42, 42), 8)
             + [(42, 46)], 4.5, C.POLICE_BLUE)
    pen.dot(C.POLICE_BLUE, 42, 54, 3.2)


def _camera(pen: Pen) -> None:
    """Think before you send: a camera, and a paper plane about to fly off."""
    body = rounded_rect(16, 36, 58, 40, 7)
    top = rounded_rect(28, 28, 20, 12, 3)
    pen.outline(body, top)
    pen.fill(C.POLICE_BLUE, body, top)
    with pen.clip(body):
        pen.fill(C.CAP_BLUE, rounded_rect(16, 62, 58, 14, 0))
    pen.shape(C.REFLECT, circle(45, 56, 14))
    pen.shape(C.NAVY, circle(45, 56, 8.5), w=0.1)
    pen.dot(C.WHITE, 42, 53, 2.6)
    pen.dot(C.HIVIS, 65, 43, 3)
    plane = [(60, 24), (84, 16), (75, 38)]
    pen.shape(C.WHITE, plane)
    pen.line([(84, 16), (67, 31)], 1.3)


def _live(pen: Pen) -> None:
    """Live streams and video chats: a video camera with its red 'live' light on."""
    body = rounded_rect(12, 36, 46, 34, 7)
    lens = [(56, 47), (78, 37), (78, 69), (56, 59)]
    pen.outline(body, lens)
    pen.fill(C.CAP_BLUE_LIGHT, body, lens)
    with pen.clip(body):
        pen.fill(C.CAP_BLUE, rounded_rect(12, 60, 46, 12, 0))
    pen.shape(C.WARNING_RED, circle(24, 47, 5.5))
    pen.dot(C.WHITE, 22.8, 45.6, 1.6)
    for i, r in enumerate((8, 14)):
        pen.line(bezier((81 + 3 * i, 53 - r), (87 + 4 * i, 53), (81 + 3 * i, 53 + r), 8), 2.2,
                 C.WARNING_RED)


def _shield(pen: Pen) -> None:
    """Threats are never your fault: a shield with a heart on it."""
    shield = [(50, 14), (80, 24)] + bezier((80, 24), (80, 70), (50, 88), 12) \
        + bezier((50, 88), (20, 70), (20, 24), 12)
    pen.shape(C.POLICE_BLUE, shield)
    with pen.clip(shield):
        pen.fill(C.CAP_BLUE, [(50, 10), (90, 10), (90, 95), (50, 95)])
    heart = bezier((50, 68), (28, 52), (34, 40), 8) + bezier((34, 40), (42, 30), (50, 42), 8) \
        + bezier((50, 42), (58, 30), (66, 40), 8) + bezier((66, 40), (72, 52), (50, 68), 8)
    pen.shape(C.FLOWER_PINK, heart)
    pen.dot(C.WHITE, 40, 43, 2.4)


def _badge(pen: Pen) -> None:
    """The law is on your side: the police's star badge, in gold."""
    pen.shape(C.GOLD, star(50, 52, 8, 36, 25, -90))
    pen.shape(C.POLICE_BLUE, circle(50, 52, 17))
    pen.shape(C.GOLD_LIGHT, star(50, 52, 5, 10, 4.6, -90), w=0.8)
    pen.dot(C.SPARKLE, 30, 28, 3)


def _tell(pen: Pen) -> None:
    """Tell someone you trust: two speech bubbles, one with a heart in it."""
    _bubble(pen, 12, 16, 48, 34, C.WHITE)
    for x in (25, 36, 47):
        pen.dot(C.NAVY, x, 33, 3.2)
    _bubble(pen, 40, 46, 48, 34, C.GRASS_LIGHT, tail_left=False)
    heart = bezier((64, 72), (52, 62), (56, 56), 8) + bezier((56, 56), (60, 51), (64, 57), 8) \
        + bezier((64, 57), (68, 51), (72, 56), 8) + bezier((72, 56), (76, 62), (64, 72), 8)
    pen.shape(C.FLOWER_PINK, heart, w=0.9)


def _home(pen: Pen) -> None:
    """Safe together at home: a house with a heart in its window and a tick on the door."""
    roof = [(50, 14), (86, 44), (14, 44)]
    walls = [(22, 42), (78, 42), (78, 84), (22, 84)]
    pen.outline(walls, roof)
    pen.fill(C.CREAM, walls)
    pen.fill(C.WARNING_RED, roof)
    pen.line([(20, 44), (80, 44)], 1.2)
    door = rounded_rect(54, 58, 16, 26, 3)
    pen.shape(C.POLICE_BLUE, door, w=1)
    window = rounded_rect(28, 52, 20, 18, 3)
    pen.shape(C.SKY_BOTTOM, window, w=1)
    pen.fill(C.FLOWER_PINK, circle(35, 59, 3.3), circle(41, 59, 3.3),
             [(32, 60.5), (44, 60.5), (38, 67)])


def _star(pen: Pen) -> None:
    """A topic the game has no picture for (a content pack's own): a happy gold star."""
    body = star(50, 52, 5, 38, 17, -90)
    pen.shape(C.GOLD, body)
    with pen.clip(body):
        pen.fill(C.GOLD_LIGHT, ellipse(42, 36, 10, 6, -30))
    for ex in (43, 57):
        pen.dot(C.NAVY, ex, 52, 3)
    pen.line(bezier((43, 61), (50, 67), (57, 61), 6), 1.6)


_PICTURES: dict[str, Callable[[Pen], None]] = {
    "personal-info": _padlock,
    "strangers-online": _question,
    "pictures": _camera,
    "live-streaming": _live,
    "threats": _shield,
    "the-law": _badge,
    "tell-someone": _tell,
    "settings-and-controls": _home,
}


def has_picture(topic_id: str) -> bool:
    """Whether the topic has a picture of its own (else topic_picture draws the star)."""
    return topic_id in _PICTURES


@built_once
def topic_picture(topic_id: str, size: int = 120) -> pygame.Surface:
    """The topic's picture on a round badge, `size` pixels square (a transparent corner round
    it): the shipped topics' own, and a star for any other id."""
    pen = Pen((size, size), size / BOX, 1.6)
    badge = circle(50, 50, 46)
    pen.shape(BADGE, badge, w=2.2)
    with pen.clip(badge):  # nothing pokes out of the badge
        _PICTURES.get(topic_id, _star)(pen)
    return pen.done()

