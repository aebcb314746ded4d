"""Chat Check: a chat from a made-up contact on a phone. Messages arrive one at a time at a
reading pace; the child marks the ones that worry them and chooses what to do; an unsafe choice
brings Scout in with a kind why, and the choice comes back. The rules are game.rules.chat; the
review of the signs and the results are game.scenes.chat_review, the picking of chats
game.scenes.play."""
from __future__ import annotations

import pygame

from game.actions import Act, Action
from game.art.avatars import avatar
from game.art.phone import phone, typing_dots
from game.content.chat_words import action_label
from game.content.colours import contrast
from game.i18n import t
from game.rules.chat import Chat, ChatRun, Choice, Option
from game.rules.tuning import reading_seconds
from game.scenes.base import Scene
from game.scenes.chat_review import finish
from game.scenes.common import backdrop, corner_of, scout_portrait
from game.scenes.spoken import sentences
from game.ui import text, theme
from game.ui.layout.base import Fitted, label_width
from game.ui.layout.chat import (
    BUBBLE_PAD, MARK_W, ChatLayout, SidePanel, chat_layout, choice_words,
    marked_words, scout_words, side_panel, status_words,
)
from game.ui.widgets import Button, focus_ring, panel

FIRST_WAIT = 1.2  # seconds of "typing..." before the first message
TYPING_SECONDS = 1.2  # the contact is seen typing for this long before a message arrives
AFTER_REPLY = 1.5  # the pause after the child's own reply, before the contact answers
DOT_RATE = 4  # the typing dots step this many times a second (still with reduced motion)
SCREEN = {"default": (222, 232, 248), "high-contrast": (0, 0, 0)}  # the phone's screen

Item = tuple[str, int]  # ("line", index in the chat) or ("button", index in the side panel)


class ChatScene(Scene):
    music = "quiet"

    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("Press 1 to 4 to choose. Arrows and Enter mark a message. H for help.")

    def __init__(self, app, chat: Chat, preview: bool = False) -> None:
        super().__init__(app)
        self.chat = chat
        self.preview = preview  # an editor's preview: plays again at the end, saving nothing
        self.run = ChatRun(chat)
        self.band = app.session.band
        self.revealed = 0  # lines of the chat shown so far (the run may be a line ahead)
        self.shown_at = app.now  # when the last line was shown
        self.focused: Item | None = None
        self.scout: Option | None = None  # an unsafe option just chosen: Scout's card shows
        self.scroll_end = 0  # the chat shows the lines before this one that fit
        self._read_choice = ""  # the choice last read aloud
        self._compose()

    # --- pictures, made once per text size, theme and language ---------------------------
    def settings_changed(self) -> None:
        self._compose()

    def content_changed(self) -> None:
        if self.preview:  # an editor's F5: the edited chat from the start
            chat = self.app.session.bank.chat_by_id.get(self.chat.id)
            if chat is not None:
                self.app.replace(ChatScene(self.app, chat, preview=True))
                return
        self._compose()

    def text_scale(self) -> float:
        """The text size the screen is laid out at (a classroom's: the projector's)."""
        return self.app.session.settings.text_scale

    def _compose(self) -> None:
        scale = self.text_scale()
        self.geo: ChatLayout = chat_layout(scale, corner_of(scale), self.chat.contact)
        self.static = self._static()
        self._bubbles: dict[tuple[int, bool], pygame.Surface] = {}
        self._fitted: dict[int, Fitted] = {}
        self._widths: dict[int, int] = {}
        self._side: tuple[tuple, pygame.Surface, list[Button]] | None = None
        self._dots: dict[int, pygame.Surface] = {}
        self._status: dict[bool, pygame.Surface] = {}
        self._frame: tuple[tuple, pygame.Surface] | None = None  # see _still

    def _static(self) -> pygame.Surface:
        """The backdrop, the phone and its header: everything that does not change."""
        geo = self.geo
        surf = backdrop(110)
        x, y, w, h = geo.phone
        sx, sy, sw, sh = geo.screen
        pygame.draw.rect(surf, SCREEN[theme.current_theme], geo.screen, border_radius=12)
        pygame.draw.rect(surf, theme.BANNER, (sx, sy, sw, geo.header_h),
                         border_top_left_radius=12, border_top_right_radius=12)
        surf.blit(phone(w, h), (x, y))
        size = geo.avatar
        surf.blit(avatar(self.chat.avatar, size), (sx + 12, sy + (geo.header_h - size) // 2))
        name = text.render(self.chat.contact, geo.name_size, theme.BANNER_TEXT, True)
        surf.blit(name, (sx + size + 26, sy + 6))
        line = text.line_height(geo.name_size, True)
        self.status_at = (sx + size + 26 + name.get_width() + 16,
                          sy + 6 + line - text.line_height(geo.status_size) - 4) \
            if geo.status_beside else (sx + size + 26, sy + 6 + line - 8)
        return surf

    def _status_line(self, typing: bool) -> pygame.Surface:
        if typing not in self._status:
            words = status_words()[0 if typing else 1]
            self._status[typing] = text.render(words, self.geo.status_size, theme.BANNER_TEXT)
        return self._status[typing]

    def _line_fitted(self, i: int) -> Fitted:
        if i not in self._fitted:
            line = self.run.lines[i]
            self._fitted[i] = self.geo.bubble(line.text, line.who)
        return self._fitted[i]

    def _bubble(self, i: int) -> pygame.Surface:
        """Line `i`'s bubble, with its mark (a flag beside it, the bubble yellow) if marked."""
        marked = i in self.run.marked
        key = (i, marked)
        if key not in self._bubbles:
            self._bubbles[key] = self._draw_bubble(i, marked)
        return self._bubbles[key]

    def _draw_bubble(self, i: int, marked: bool) -> pygame.Surface:
        who = self.run.lines[i].who
        words = self._line_fitted(i)
        pad_x, pad_y = BUBBLE_PAD
        width = self._bubble_w(i)
        h = words.height + 2 * pad_y
        area_w = self.geo.area[2]
        if who == "note":
            width = area_w - MARK_W
        fill, ink = {"contact": (theme.PAPER, theme.INK),
                     "me": (theme.BUTTON, theme.BUTTON_TEXT),
                     "note": (theme.NOTE, theme.INK)}[who]
        out = pygame.Surface((area_w, h + 4), pygame.SRCALPHA)
        x = area_w - width if who == "me" else (MARK_W // 2 if who == "note" else 0)
        out.blit(panel((width, h), fill, mark_colour() if marked else theme.PAPER_EDGE,
                       radius=16, border=5 if marked else 2, shadow=3), (x, 0))
        shown = words.surface(ink, align="center" if who == "note" else "left")
        out.blit(shown, (x + pad_x if who != "note" else x + (width - words.width) // 2,
                         pad_y))
        if marked:
            size = min(MARK_W - 14, round(34 * self.geo.scale))
            _flag(out, (x + width + 8, max(2, h // 2 - size * 6 // 10)), size)
        return out

    # --- the chat's pace --------------------------------------------------------------------
    def _pause_before(self, i: int) -> float:
        """How long line `i` waits after the one before it: that one's reading time."""
        if i == 0:
            return FIRST_WAIT
        before = self.run.lines[i - 1]
        if self.run.lines[i].who == "me":
            return 0.0
        if before.who == "me":
            return AFTER_REPLY
        return reading_seconds(before.text, self.band)

    @property
    def waiting_line(self) -> bool:
        """A line is on its way (the run is ahead of what is shown)."""
        return self.revealed < len(self.run.lines)

    @property
    def contact_typing(self) -> bool:
        """The contact is seen typing: their next message is due within TYPING_SECONDS."""
        if not self.waiting_line or self.run.lines[self.revealed].who != "contact":
            return False
        due = self.shown_at + self._pause_before(self.revealed)
        return self.app.now >= due - TYPING_SECONDS

    def update(self, dt: float) -> None:
        if self.scout is not None:
            return
        if self.waiting_line:
            if self.app.now >= self.shown_at + self._pause_before(self.revealed):
                self._reveal()
        elif not self.run.finished and not isinstance(self.run.step, Choice):
            self.run.advance()
        elif self._read_choice != self.run.step.id:  # a decision, or the end, has come
            self._read_choice = self.run.step.id
            self.focused = ("button", 0)  # its first button (one switch: lit first)
            self.restart_scan()
            self.app.speak(self._spoken_choice() if isinstance(self.run.step, Choice) else
                           sentences(*self._side_words()[0]))

    def _reveal(self) -> None:
        i = self.revealed
        self.revealed += 1
        self.shown_at = self.app.now
        if self.focused is None or self.focused[0] != "line":
            self.scroll_end = self.revealed
        line = self.run.lines[i]
        if line.who == "contact":
            self.app.play("collect")
        self.app.speak(self._spoken_line(i))

    # --- read aloud ------------------------------------------------------------------------
    def _spoken_line(self, i: int) -> str:
        line = self.run.lines[i]
        if line.who == "contact":
            return t("{name} says: {words}", name=self.chat.contact, words=line.text)
        if line.who == "me":
            return t("You say: {words}", words=line.text)
        return line.text

    def _spoken_choice(self) -> str:
        step = self.run.step
        if not isinstance(step, Choice):
            return ""
        return sentences(t("What will you do?"), *(
            f"{i}: " + (t("Reply: {words}", words=o.text) if o.action == "reply" else
                        action_label(o, self.chat.contact))
            for i, o in enumerate(step.options, 1)))

    def spoken(self) -> str:
        return t("Chat Check. A message from {name}. Mark any message that worries you.",
                 name=self.chat.contact)

    # --- the side panel -----------------------------------------------------------------------
    @property
    def state(self) -> str:
        """What the side panel shows: "scout", "choice", "end" or "reading"."""
        if self.scout is not None:
            return "scout"
        if self.waiting_line:
            return "reading"
        if isinstance(self.run.step, Choice):
            return "choice"
        return "end" if self.run.finished else "reading"

    def _side_words(self) -> tuple[tuple[str, ...], tuple[tuple[str, str], ...], bool]:
        state = self.state
        marked = marked_words(len(self.run.marked))
        if state == "scout":
            return (*scout_words(self.app.session.bank.branding.mascot, self.scout.why), True)
        if state == "choice":
            return (*choice_words(self.run.step, self.chat.contact), False)
        if state == "end":
            return ((t("The chat is over."), t("Now see the warning signs you spotted.")),
                    ((t("See the warning signs"), "Enter"),), False)
        return ((t("Read each message."),
                 t("Does a message worry you? Tap it to mark it, or pick it with the arrow "
                   "keys and press Enter."), marked), (), True)

    def _panel(self) -> tuple[pygame.Surface, list[Button]]:
        lines, labels, scout = self._side_words()
        key = (lines, labels, scout)
        if self._side is None or self._side[0] != key:
            placed = side_panel(self.geo, lines, labels, scout, optional=self.state == "choice")
            self._side = (key, self._draw_panel(placed), self._buttons(placed, labels))
        return self._side[1], self._side[2]

    def _draw_panel(self, placed: SidePanel) -> pygame.Surface:
        """The side panel's words on a card (and Scout beside them), on a clear surface."""
        x, y, w, h = self.geo.side
        out = pygame.Surface((w, h), pygame.SRCALPHA)
        if placed.lines:
            last = placed.lines[-1]
            card_h = last[1] + last[0].height - y + 24
            card_w = w - (placed.scout[2] + 16 if placed.scout else 0)
            out.blit(panel((card_w, card_h), border=3, shadow=0), (0, 0))
            for i, (fitted, top) in enumerate(placed.lines):
                out.blit(fitted.surface(theme.INK), (16, top - y + 12))
        if placed.scout is not None:
            sx, sy, size = placed.scout
            out.blit(scout_portrait(size), (sx - x, sy - y))
        return out

    def _buttons(self, placed: SidePanel, labels: tuple[tuple[str, str], ...]) -> list[Button]:
        state = self.state
        out = []
        for i, ((label, hint), (_, rect)) in enumerate(zip(labels, placed.buttons)):
            if state == "choice":
                press = (lambda n=i: self.choose(n))
                colour = None
            else:
                press = self.step_on
                colour = theme.RIGHT
            out.append(Button(label, pygame.Rect(rect), press, hint, colour,
                              size=placed.label_size, hint_size=placed.hint_size))
        return out

    # --- what the child does -----------------------------------------------------------------
    def choose(self, index: int) -> None:
        step = self.run.step
        if self.waiting_line or not isinstance(step, Choice) or index >= len(step.options):
            return
        self.scout = None
        option = self.run.choose(index)
        self.app.play("click")
        if option.safe:
            self.focused = None
            self.shown_at = self.app.now
            self.scroll_end = len(self.run.lines)
            if self.run.lines and self.run.lines[-1].who == "me":
                self._reveal_mine()
        else:
            self.scout = option
            self.focused = ("button", 0)
            self.app.play("wrong")
            self.app.speak(option.why)

    def _reveal_mine(self) -> None:
        """The child's own reply shows at once; the contact's answer comes after a pause."""
        while self.waiting_line and self.run.lines[self.revealed].who == "me":
            self._reveal()

    def step_on(self) -> None:
        """The side panel's one button: after Scout's word, choose again; at the end, the
        review of the signs."""
        if self.scout is not None:
            self.scout = None
            self.focused = ("button", 0)
            self.restart_scan()
            self.app.speak(self._spoken_choice())
        elif self.run.finished and not self.waiting_line:
            finish(self.app, self.run, self._again if self.preview else None)

    def _again(self) -> None:
        """A preview's chat from its start again (as the bank has it now: F5 may have changed
        it)."""
        chat = self.app.session.bank.chat_by_id.get(self.chat.id, self.chat)
        self.app.replace(ChatScene(self.app, chat, preview=True))

    def mark(self, i: int) -> None:
        if 0 <= i < self.revealed and self.run.lines[i].who == "contact":
            marked = self.run.mark(i)
            self.app.play("collect" if marked else "click")
            self.app.speak(t("Marked.") if marked else t("Mark taken off."))

    @property
    def items(self) -> list[Item]:
        """What can take the focus, top to bottom: the contact's messages, then the buttons."""
        lines = [("line", i) for i in range(self.revealed) if self.run.lines[i].who == "contact"]
        return lines + [("button", i) for i in range(len(self._panel()[1]))]

    def _move(self, step: int) -> None:
        items = self.items
        if not items:
            return
        if self.focused not in items:
            self.focused = items[-1] if step < 0 else next(
                (item for item in items if item[0] == "button"), items[-1])
        else:
            self.focused = items[(items.index(self.focused) + step) % len(items)]
        self._follow()

    def _follow(self) -> None:
        """Scroll the chat to the line in focus (or back to the newest)."""
        if self.focused is not None and self.focused[0] == "line":
            i = self.focused[1]
            if i >= self.scroll_end:
                self.scroll_end = i + 1
            elif i < self._first_shown():
                self.scroll_end = i + 1
        else:
            self.scroll_end = self.revealed

    def press(self) -> None:
        """Enter, Space, a gamepad's A or the one switch: mark the message in focus, or press
        the button in focus."""
        if self.focused is None:
            self._move(1)
            if self.focused is None or self.focused[0] == "line":
                return
        kind, i = self.focused
        if kind == "line":
            self.mark(i)
            return
        buttons = self._panel()[1]
        if i < len(buttons):
            buttons[i].on_press()

    def handle(self, action: Action) -> None:
        kind = action.kind
        if kind in (Act.UP, Act.LEFT, Act.FOCUS_PREV):
            self._move(-1)
        elif kind in (Act.DOWN, Act.RIGHT, Act.FOCUS_NEXT):
            self._move(1)
        elif kind in (Act.CONFIRM, Act.HOP, Act.PAUSE):
            self.press()
        elif kind is Act.CHOOSE:
            if self.scout is not None:
                self.scout = None
            self.choose(action.index)
        elif kind is Act.POINT:
            self._point(action.pos)
        elif kind is Act.HOVER:
            at = self._button_at(action.pos)
            if at >= 0:
                self.focused = ("button", at)
        elif kind is Act.BACK:
            self.app.pop()

    def _button_at(self, pos: tuple[int, int]) -> int:
        return next((i for i, b in enumerate(self._panel()[1]) if b.rect.collidepoint(pos)), -1)

    def _point(self, pos: tuple[int, int]) -> None:
        at = self._button_at(pos)
        if at >= 0:
            self.focused = ("button", at)
            self._panel()[1][at].on_press()
            return
        for i, rect in self.bubbles_in_view():
            if rect.collidepoint(pos) and self.run.lines[i].who == "contact":
                self.focused = ("line", i)
                self.mark(i)
                return

    def scan_step(self) -> None:
        """One-switch play: the highlight steps through the choices, then the messages."""
        self._move(1)

    # --- drawing -----------------------------------------------------------------------------
    def _first_shown(self) -> int:
        placed = self.bubbles_in_view()
        return placed[0][0] if placed else self.scroll_end

    def bubbles_in_view(self) -> list[tuple[int, pygame.Rect]]:
        """The bubbles in view, oldest first, each whole: the newest that fit above the
        bottom of the chat, ending with line scroll_end - 1."""
        ax, ay, aw, ah = self.geo.area
        bottom = ay + ah - (self._typing_card().get_height() + 10 if self.contact_typing else 0)
        out = []
        for i in range(min(self.scroll_end, self.revealed) - 1, -1, -1):
            h = ChatLayout.bubble_h(self._line_fitted(i))
            if bottom - h < ay and out:
                break
            out.append((i, pygame.Rect(ax, bottom - h, aw, h)))
            bottom -= h + 14
        out.reverse()
        return out

    def draw(self, surface: pygame.Surface) -> None:
        placed = self.bubbles_in_view()
        surface.blit(self._still(placed), (0, 0))
        for i, rect in placed:
            if self.focused == ("line", i):
                focus_ring(surface, self._bubble_rect(i, rect), radius=16)
        if self.contact_typing:
            self._draw_dots(surface)
        for i, button in enumerate(self._panel()[1]):
            button.draw(surface, self.focused == ("button", i))
            if self.focused == ("button", i):
                focus_ring(surface, button.rect)

    def _still(self, placed: list[tuple[int, pygame.Rect]]) -> pygame.Surface:
        """The screen but for what moves (the typing dots, the focus, the buttons' states):
        drawn again only when a message arrives, a mark or the side panel changes, so a frame
        is one blit of it and a few small ones."""
        typing = self.contact_typing
        side = self._panel()[0]
        key = (tuple((i, i in self.run.marked, rect.y) for i, rect in placed), typing,
               self._side[0] if self._side else None)
        if self._frame is None or self._frame[0] != key:
            surf = self.static.copy()
            surf.blit(self._status_line(typing), self.status_at)
            for i, rect in placed:
                surf.blit(self._bubble(i), rect.topleft)
            surf.blit(side, self.geo.side[:2])
            self._frame = (key, surf)
        return self._frame[1]

    def _bubble_rect(self, i: int, rect: pygame.Rect) -> pygame.Rect:
        """The bubble's own outline inside its row (for the focus ring)."""
        return pygame.Rect(rect.x, rect.y, self._bubble_w(i), rect.h)

    def _bubble_w(self, i: int) -> int:
        """How wide line `i`'s bubble is: its longest line and the padding."""
        if i not in self._widths:
            words = self._line_fitted(i)
            self._widths[i] = max(label_width(line, words.size, words.bold)
                                  for line in words.lines) + 2 * BUBBLE_PAD[0]
        return self._widths[i]

    def _typing_card(self) -> pygame.Surface:
        """The contact's "typing" bubble (its dots still with reduced motion)."""
        still = self.app.session.settings.reduced_motion
        frame = -1 if still else int(self.app.now * DOT_RATE) % 3
        if frame not in self._dots:
            dots = typing_dots(frame, theme.INK, round(16 * self.geo.scale))
            card = panel((dots.get_width() + 36, dots.get_height() + 16), radius=16, border=2,
                         shadow=0)
            card.blit(dots, (18, 8))
            self._dots[frame] = card
        return self._dots[frame]

    def _draw_dots(self, surface: pygame.Surface) -> None:
        """The typing bubble under the last message."""
        card = self._typing_card()
        ax, ay, aw, ah = self.geo.area
        surface.blit(card, (ax, ay + ah - card.get_height()))


def mark_colour() -> tuple[int, int, int]:
    """The mark's colour: the theme's red where it stands out 3:1 from the paper (WCAG's figure
    for things that are not text), else the theme's ink (high contrast's white)."""
    return theme.WRONG if contrast(theme.WRONG, theme.PAPER) >= 3 else theme.INK


def _flag(surface: pygame.Surface, at: tuple[int, int], size: int) -> None:
    """The mark on a message: a flag on a pole (its shape says it, not only its colour),
    `size` px tall."""
    x, y = at
    pole = max(3, size // 8)
    pygame.draw.rect(surface, theme.INK, (x, y, pole, size))
    points = [(x + pole, y + 1), (x + pole + size * 3 // 4, y + size // 4),
              (x + pole, y + size // 2)]
    pygame.draw.polygon(surface, mark_colour(), points)
    pygame.draw.polygon(surface, theme.INK, points, 2)
