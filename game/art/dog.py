"""The hero: a friendly police pup with a chequered-band cap and a hi-vis vest.

All surfaces are SRCALPHA, built once and cached. The side-view frames face right and are
designed in an 80×64 box (the dog's collision circle, radius 26, sits at the box centre).
"""
from __future__ import annotations

import math

import pygame

from game.art import palette as C
from game.art.built import built_once, kept_between_launches
from game.art.pen import Pen
from game.art.shapes import (Point, Shape, arc, bezier, circle, ellipse, leaf, rounded_rect,
                             spiral, star, stroke)

BOX_W, BOX_H = 80, 64  # design box of the side view
FRAMES = 3  # 0 legs tucked, 1 legs stretched (hop), 2 ears flapping

class _Pose:
    """One side-view pose (a plain class: a NamedTuple costs a little at import)."""
    __slots__ = ("front", "back", "ear", "far_ear", "tail")

    def __init__(self, front: tuple[Point, Point, Point], back: tuple[Point, Point, Point],
                 ear: Point, far_ear: Point, tail: tuple[Point, Point, Point]) -> None:
        self.front = front  # near front leg: shoulder, elbow, paw
        self.back = back  # near back leg: hip, knee, paw
        self.ear = ear  # tip of the near ear
        self.far_ear = far_ear
        self.tail = tail  # root, bend, tip


_POSES = (
    _Pose(front=((46, 40), (48, 48), (54, 49.5)), back=((20, 43), (22, 51.5), (28.5, 52.5)),
          ear=(41.5, 0.5), far_ear=(48.5, 0.0), tail=((15, 35), (4, 34), (4, 21))),  # tucked
    _Pose(front=((46, 41), (54, 46), (61, 45.5)), back=((20, 44), (12.5, 49), (6.5, 49.5)),
          ear=(40.5, 1.5), far_ear=(47.5, 0.5), tail=((15, 36), (6, 37.5), (5, 27.5))),  # hop
    _Pose(front=((46, 41), (50, 48.5), (56.5, 49)), back=((20, 44), (17, 51.5), (23, 54)),
          ear=(34.5, 8.0), far_ear=(40.5, 3.5), tail=((15, 35), (6, 30), (7, 18.5))),  # ears flap
)


def _body_parts() -> tuple[Shape, Shape, Shape, Shape, Shape, Shape]:
    """Body, neck, rump, head, muzzle and cheek of the side view (made when first drawn)."""
    return (ellipse(32, 39, 17, 12, -6), ellipse(46, 31, 9, 10.5, 20), ellipse(20.5, 39.5, 9.5, 10),
            ellipse(54, 23.5, 14.5, 13.5), ellipse(65, 28.5, 10, 6.4, -4), ellipse(58, 31, 7, 5))


def _leg(pen: Pen, pts: tuple[Point, ...], colour: C.Colour, dx: float = 0, dy: float = 0) -> None:
    centre = [(x + dx, y + dy) for x, y in pts]
    # a smooth limb: densify the polyline with a Bézier through the middle joint
    path = bezier(centre[0], centre[1], centre[2], 10)
    widths = [3.9 - 0.9 * i / 10 for i in range(11)]
    widths[-1] = 3.6  # a rounder paw
    pen.shape(colour, stroke(path, widths))
    tx, ty = path[-1]
    px, py = path[-3]
    ang = math.atan2(ty - py, tx - px)
    for s in (-1.1, 1.1):  # two toe lines
        bx = tx + math.cos(ang + s * 0.55) * 3.3
        by = ty + math.sin(ang + s * 0.55) * 3.3
        pen.line([(tx + (bx - tx) * 0.45, ty + (by - ty) * 0.45), (bx, by)], 0.8)


def _tail(pen: Pen, ctrl: tuple[Point, ...]) -> None:
    path = bezier(ctrl[0], ctrl[1], ctrl[2], 14)
    widths = [3.6 + 1.6 * math.sin(math.pi * i / 14) for i in range(15)]
    widths[-1] = 3.0
    shape = stroke(path, widths)
    pen.shape(C.DOG_DARK, shape)
    with pen.clip(shape):
        tx, ty = path[-1]
        pen.dot(C.DOG_CREAM, tx, ty, 4.2)


def _cap(pen: Pen) -> None:
    """The police cap: navy crown, Sillitoe chequered band, glossy peak, gold star badge."""
    crown = [(45.5, 8.8), (43.2, 5.0), (44.4, 2.4), (50, 1.0), (57, 0.4), (63.5, 1.0),
             (66.8, 3.2), (65.5, 8.8)]
    band = rounded_rect(45, 7.4, 20.5, 5.4, 0.8)
    peak = [(60, 11.5), (66, 10.6), (70.5, 11.6), (72.5, 13.2), (70.5, 14.8), (63, 14.4)]
    pen.outline(crown, band, peak)
    pen.fill(C.CAP_BLUE, crown)
    pen.line([(46.5, 3.2), (52, 1.9), (60, 1.6)], 1.1, C.CAP_BLUE_LIGHT)
    pen.fill(C.WHITE, band)
    with pen.clip(band):
        sq = 2.7
        for row in range(2):
            for col in range(9):
                if (row + col) % 2 == 0:
                    pen.rect(C.CHECK_BLACK, 45 + col * sq, 7.4 + row * sq, sq, sq)
    pen.fill(C.PEAK_BLACK, peak)
    pen.line([(64, 12.2), (69.5, 12.6)], 0.8, (110, 118, 150))
    pen.shape(C.GOLD, star(58.5, 4.2, 5, 2.6, 1.2), w=0.7)


def _eye(pen: Pen, stunned: bool) -> None:
    white = ellipse(59, 20.5, 4.3, 5.1, 8)
    pen.shape(C.WHITE, white, w=1.2)
    if stunned:
        pen.line(spiral(59, 20.5, 3.6, 2.2, 36), 0.9)
        return
    pen.dot(C.NAVY, 60.4, 21.4, 3.2)
    pen.dot(C.WHITE, 61.5, 20.0, 1.25)
    pen.dot(C.WHITE, 59.6, 23.2, 0.55)


def _draw_side(pen: Pen, frame: int, stunned: bool = False, vest_word: str = "POLICE") -> None:
    pose = _POSES[frame % FRAMES]
    body, neck, rump, head, muzzle, cheek = _body_parts()
    ear_tip, far_tip = pose.ear, pose.far_ear

    # far side: legs and ear, a shade darker
    _leg(pen, pose.front, C.DOG_TAN_SHADE, 3.5, -1.2)
    _leg(pen, pose.back, C.DOG_TAN_SHADE, 3.5, -1.2)
    far_ear = leaf((50.5, 12.5), (56.5, 11.0), far_tip, 0.22)
    pen.shape(C.DOG_DARK, far_ear)
    _tail(pen, pose.tail)

    # body, neck and rump share one outline
    pen.outline(body, neck, rump)
    pen.fill(C.DOG_TAN, body, neck, rump)
    with pen.clip(body, neck, rump):
        pen.fill(C.DOG_DARK, ellipse(27, 29.5, 18, 9.5, -6))  # the shepherd's dark saddle
        pen.fill(C.DOG_CREAM, ellipse(37, 50.5, 15, 6))  # belly
        pen.fill(C.DOG_CREAM, ellipse(51, 38, 5.5, 8, 10))  # chest
        vest = [(29, 18), (47.5, 18), (50, 62), (31.5, 62)]
        pen.fill(C.HIVIS, vest)
        pen.fill(C.HIVIS_SHADE, [(29, 47), (50, 47), (50, 62), (31.5, 62)])
        pen.rect(C.NAVY, 28, 33.2, 24, 5.4)  # the POLICE panel
        pen.text(vest_word, (39.6, 36.0), 3.6, C.WHITE, max_width=17)
        pen.rect(C.REFLECT, 28, 40.6, 24, 3.2)  # reflective stripe
        pen.line([(28, 40.6), (52, 40.6)], 0.5, C.NAVY)
        pen.line([(28, 43.8), (52, 43.8)], 0.5, C.NAVY)
        pen.line([(29, 18), (31.5, 62)], 1.3)
        pen.line([(47.5, 18), (50, 62)], 1.3)
    pen.line(arc(20.5, 41.5, 8, 8.5, -150, -20, 10), 1.1)  # the thigh

    # near legs
    _leg(pen, pose.back, C.DOG_TAN)
    _leg(pen, pose.front, C.DOG_TAN)

    # tongue tucks under the jaw, then the head
    tongue = ellipse(68.5, 35.2, 2.9, 4.2, -12)
    pen.shape(C.TONGUE, tongue, w=1.1)
    pen.line([(68.3, 33.2), (68.8, 37.0)], 0.7, C.TONGUE_DARK)
    pen.outline(head, muzzle, cheek)
    pen.fill(C.DOG_TAN, head, muzzle, cheek)
    with pen.clip(head, muzzle, cheek):
        pen.fill(C.DOG_DARK, ellipse(45.5, 15.5, 10, 8))  # dark crown of the head
        pen.fill(C.DOG_CREAM, ellipse(66, 31, 10.5, 5.5, -4))  # pale jaw
        pen.fill(C.DOG_DARK_LIGHT, ellipse(68.5, 24.2, 8, 2.4, -10))  # darker bridge of the nose
    near_ear = leaf((45.5, 15.5), (52.5, 11.5), ear_tip, 0.24)
    pen.shape(C.DOG_DARK, near_ear)
    with pen.clip(near_ear):
        mx = (ear_tip[0] + 49) / 2
        my = (ear_tip[1] + 13.5) / 2
        pen.fill(C.DOG_EAR_INNER, ellipse(mx + 1.2, my + 1.5, 2.2, 5.2,
                                          math.degrees(math.atan2(ear_tip[1] - 13.5,
                                                                  ear_tip[0] - 49)) - 90))
    pen.fill(C.BLUSH, ellipse(62.5, 29.2, 2.6, 1.5))
    _eye(pen, stunned)
    nose = ellipse(74.2, 25.8, 3.5, 2.6, -12)
    pen.shape(C.NOSE, nose, w=0.9)
    pen.dot(C.WHITE, 73.6, 24.8, 0.8)
    pen.line(bezier((74, 28.2), (71.5, 33.5), (63.8, 31.2), 8), 1.1)
    _cap(pen)

    if stunned:  # two little stars bobbing round the cap: dizzy, not hurt
        for cx, cy, r in ((39.5, 6.5, 3.4), (74.5, 6.0, 3.0)):
            pen.shape(C.HIVIS, star(cx, cy, 5, r, r * 0.48), w=0.8)


def _side(frame: int, size: int, stunned: bool, vest_word: str = "POLICE") -> pygame.Surface:
    pen = Pen((size, round(size * BOX_H / BOX_W)), size / BOX_W, 1.25, origin=(0, 3.5))
    _draw_side(pen, frame, stunned, vest_word)
    return pen.done()


@built_once
def dog_frames(size: int = 80, stunned: bool = False,
               vest_word: str = "POLICE") -> tuple[pygame.Surface, ...]:
    """The three side-view frames (tucked, hop, ears flapping), `size` wide, facing right
    (`stunned`: the bump moment's swirly eyes and stars; `vest_word`: the word on the vest, in
    the player's language, t("POLICE"))."""
    return tuple(_side(f, size, stunned, vest_word) for f in range(FRAMES))


# ---------------------------------------------------------------- portrait

def _draw_portrait(pen: Pen, mood: str = "", vest_word: str = "POLICE") -> None:
    """A sitting, three-quarter-front happy pup in a 100×100 design box (`mood`: see
    scout_pose)."""
    _portrait_body(pen, mood, vest_word)
    _portrait_head(pen, mood)


def _portrait_body(pen: Pen, mood: str, vest_word: str) -> None:
    """The tail, body, legs and vest of the portrait (proud: chest out, tail high, a medal;
    kind: a front paw raised)."""
    # tail behind, curling up on the right (held high when proud)
    tail_tip = (90, 44) if mood == "proud" else (90, 62)
    tail_path = bezier((70, 90), (96, 84) if mood == "proud" else (93, 88), tail_tip, 16)
    tail_w = [4.5 + 2.0 * math.sin(math.pi * i / 16) for i in range(17)]
    tail_w[-1] = 4.0
    tail = stroke(tail_path, tail_w)
    pen.shape(C.DOG_DARK, tail)
    with pen.clip(tail):
        pen.dot(C.DOG_CREAM, *tail_tip, 5.5)

    # body and haunches, back paws, then front legs; the vest goes over the tops of the legs
    body = ellipse(50, 74, 25, 22) if mood == "proud" else ellipse(50, 75, 23, 21)
    haunch_l = ellipse(30.5, 88, 11, 8.5, -10)
    haunch_r = ellipse(69.5, 88, 11, 8.5, 10)
    pen.outline(body, haunch_l, haunch_r)
    pen.fill(C.DOG_TAN, body, haunch_l, haunch_r)
    for cx in (26.5, 73.5):
        pen.shape(C.DOG_TAN, ellipse(cx, 95, 6.5, 3.6))
    for cx in (59,) if mood == "kind" else (41, 59):  # kind: the other paw is raised
        leg = [(cx - 4.4, 70), (cx + 4.4, 70), (cx + 4.9, 95), (cx - 4.9, 95)]
        paw = ellipse(cx, 95.2, 6.2, 3.8)
        pen.outline(leg, paw)
        pen.fill(C.DOG_TAN, leg, paw)
        pen.fill(C.DOG_CREAM, ellipse(cx, 95.6, 5, 2.6))
        for t in (-2, 2):
            pen.line([(cx + t, 94.2), (cx + t, 97.5)], 0.8)
    hem = bezier((24, 84), (50, 92), (76, 84), 14)
    vest = [(20, 56), (80, 56)] + hem[::-1]
    with pen.clip(body):
        pen.fill(C.HIVIS, vest)
        with pen.clip(vest):
            pen.fill(C.HIVIS_SHADE, ellipse(50, 93, 32, 8))
            pen.rect(C.REFLECT, 20, 77.5, 60, 4.5)
            pen.line([(20, 77.5), (80, 77.5)], 0.6, C.NAVY)
            pen.line([(20, 82), (80, 82)], 0.6, C.NAVY)
        pen.line(hem, 1.2)
        pen.fill(C.DOG_CREAM, ellipse(50, 56, 11, 7))  # chest fluff above the vest
        pen.line(bezier((27, 60), (50, 66), (73, 60), 12), 1.1)
    panel = rounded_rect(36.5, 66.5, 27, 8.5, 1.6)
    pen.shape(C.NAVY, panel, w=0.6)
    pen.text(vest_word, (50, 70.9), 5.6, C.WHITE, max_width=24)
    if mood == "proud":  # a medal on the chest
        pen.shape(C.GOLD, star(50, 61, 5, 6.5, 3), w=0.7)
    if mood == "kind":  # a front paw raised, soft and open: a gentle wave
        arm = stroke(bezier((34, 66), (24, 64), (22, 52), 10), [5.2] * 11)
        pad = ellipse(22, 50, 6, 5.4)
        pen.outline(arm, pad)
        pen.fill(C.DOG_TAN, arm, pad)
        pen.fill(C.DOG_CREAM, ellipse(22, 50.5, 3.6, 3))
        for dx in (-3.6, 0, 3.6):
            pen.dot(C.TONGUE, 22 + dx, 45.8 + abs(dx) * 0.3, 1.1)

def _portrait_head(pen: Pen, mood: str) -> None:
    """The ears, head, face and cap of the portrait (kind: soft, smiling eyes and a gentle
    closed smile; proud: a sparkle by the cap)."""
    # ears (behind the head)
    ears = [leaf((26, 28), (37, 17), (18, -0.5), 0.2), leaf((63, 17), (74, 28), (82, -0.5), 0.2)]
    for ear, inner_c, rot in zip(ears, ((24.5, 14), (75.5, 14)), (-30, 30)):
        pen.shape(C.DOG_DARK, ear)
        with pen.clip(ear):
            pen.fill(C.DOG_EAR_INNER, ellipse(inner_c[0], inner_c[1] + 4, 3.6, 9, rot))

    # head
    head = ellipse(50, 38, 25, 22)
    cheek_l = ellipse(31, 46, 9, 8)
    cheek_r = ellipse(69, 46, 9, 8)
    pen.outline(head, cheek_l, cheek_r)
    pen.fill(C.DOG_TAN, head, cheek_l, cheek_r)
    with pen.clip(head, cheek_l, cheek_r):
        pen.fill(C.DOG_DARK, ellipse(50, 17, 26, 10))  # dark top of the head
        pen.fill(C.DOG_CREAM, ellipse(50, 52, 17, 10))  # pale muzzle
        pen.fill(C.DOG_DARK_LIGHT, ellipse(50, 38, 4.5, 9))  # bridge of the nose
    _portrait_face(pen, mood)
    _portrait_cap(pen)
    if mood == "proud":
        for cx, cy, r in ((14, 20, 6), (88, 14, 4.5)):
            pen.shape(C.GOLD, star(cx, cy, 4, r, r * 0.4, -90), w=0.7)


def _portrait_face(pen: Pen, mood: str) -> None:
    # eyes: bright and round, or (kind) soft smiling arcs under raised brows
    for ex in (38.5, 61.5):
        if mood == "kind":
            pen.line(arc(ex, 40, 5.2, 4.2, 200, 340, 10), 1.9)
            pen.line(arc(ex, 30.5, 5, 2.2, 200 + (ex > 50) * 20, 320 + (ex > 50) * 20, 8), 1.1)
            continue
        pen.shape(C.WHITE, ellipse(ex, 37.5, 5.6, 6.6), w=1.0)
        pen.dot(C.NAVY, ex + 0.8, 38.5, 4.3)
        pen.dot(C.WHITE, ex + 2.2, 36.5, 1.6)
        pen.dot(C.WHITE, ex - 0.6, 40.7, 0.8)
    pen.fill(C.BLUSH, ellipse(31.5, 47, 4, 2.3), ellipse(68.5, 47, 4, 2.3))
    nose = ellipse(50, 46.5, 6.3, 4.4)
    if mood == "kind":  # a gentle, closed smile
        pen.line([(50, 48), (50, 51.5)], 1.0)
        pen.line(bezier((42, 51), (46, 55), (50, 51.5), 8), 1.1)
        pen.line(bezier((50, 51.5), (54, 55), (58, 51), 8), 1.1)
        pen.shape(C.NOSE, nose, w=0.8)
        pen.fill(C.WHITE, ellipse(48, 45, 2, 1.1, -10))
        return
    # open, smiling mouth with tongue
    mouth = bezier((40, 51), (50, 66), (60, 51), 14)
    pen.shape(C.TONGUE_DARK, mouth, w=1.0)
    with pen.clip(mouth):
        pen.fill(C.TONGUE, ellipse(50, 61, 7, 6))
        pen.line([(50, 56), (50, 61)], 0.8, C.TONGUE_DARK)
    pen.line([(50, 48), (50, 51.5)], 1.0)
    pen.line(bezier((40, 51), (45, 53.5), (50, 51), 8), 1.0)
    pen.line(bezier((50, 51), (55, 53.5), (60, 51), 8), 1.0)
    pen.shape(C.NOSE, nose, w=0.8)
    pen.fill(C.WHITE, ellipse(48, 45, 2, 1.1, -10))


def _portrait_cap(pen: Pen) -> None:
    # the cap: crown, Sillitoe chequered band, peak and Brunswick-star badge
    crown = [(29, 23.5), (26, 14.5), (30, 9), (50, 6), (70, 9), (74, 14.5), (71, 23.5)]
    band = rounded_rect(29.5, 19, 41, 8.5, 1.2)
    peak = bezier((28, 26.5), (50, 35), (72, 26.5), 14) + [(70, 25.5), (50, 28.5), (30, 25.5)]
    pen.outline(crown, band, peak)
    pen.fill(C.CAP_BLUE, crown)
    pen.fill(C.CAP_BLUE_LIGHT, ellipse(50, 10, 18, 2.5))
    pen.fill(C.WHITE, band)
    with pen.clip(band):
        sq = 8.5 / 3
        for row in range(3):
            for col in range(16):
                if (row + col) % 2 == 0:
                    pen.rect(C.CHECK_BLACK, 29.5 + col * sq, 19 + row * sq, sq, sq)
    pen.fill(C.PEAK_BLACK, peak)
    pen.line(bezier((38, 29), (50, 32), (62, 29), 8), 0.8, (110, 118, 150))
    pen.shape(C.GOLD, star(50, 13, 8, 5.2, 3.4, -90), w=0.7)
    pen.shape(C.POLICE_BLUE, circle(50, 13, 2.2), w=0.5)


def _portrait_pen(size: int) -> Pen:
    return Pen((size, size), size / 106, 1.25, origin=(1.5, 4.0))  # a little margin all round


@kept_between_launches
def dog_portrait(size: int = 260, vest_word: str = "POLICE") -> pygame.Surface:
    """A bigger sitting, front-on happy portrait (size × size) for the title and promotions;
    `vest_word`: the word on the vest, in the player's language (t("POLICE"))."""
    pen = _portrait_pen(size)
    _draw_portrait(pen, "", vest_word)
    return pen.done()


MOODS = ("proud", "kind")
KIND_TILT = 10  # degrees the head leans when Scout is being kind
KIND_DIP = 4  # design units the leaning head comes down (its ears stay in the picture)
NECK = (50, 60)  # design units: where the head turns


@kept_between_launches  # the message card draws it as it opens: not again at every launch
def scout_pose(mood: str, size: int = 200, vest_word: str = "POLICE") -> pygame.Surface:
    """Scout reacting to a round, beside the safety message (size × size): "proud" after a good
    round (chest out with a medal, tail up, a sparkle), "kind" after a hard one (head tilted,
    a paw raised, soft eyes); any other mood is the happy portrait."""
    if mood not in MOODS:
        return dog_portrait(size, vest_word)
    pen = _portrait_pen(size)
    if mood == "proud":
        _draw_portrait(pen, mood, vest_word)
        return pen.done()
    _portrait_body(pen, mood, vest_word)
    body = pen.done()
    head_pen = _portrait_pen(size)
    _portrait_head(head_pen, mood)
    head = head_pen.done()
    k = size / 106
    pivot = pygame.Vector2((NECK[0] + 1.5) * k, (NECK[1] + 4.0) * k)
    dip = pygame.Vector2(0, KIND_DIP * k)
    turned = pygame.transform.rotozoom(head, KIND_TILT, 1.0)
    centre = pygame.Vector2(size / 2, size / 2)
    offset = (centre - pivot).rotate(-KIND_TILT)  # the head's centre, turned round the neck
    body.blit(turned, turned.get_rect(center=(pivot + offset + dip)))
    return body
