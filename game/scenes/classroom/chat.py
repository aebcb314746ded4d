"""A Chat Check round in a classroom lesson: the chat on the projector (at the classroom's text
size, as its round is), the class's choice at each decision entered by the teacher (1 to 4, or
a tap), Scout's why after an unsafe one as in solo play, and the teacher's keys: P (or the Hold
button) holds the chat, so no message arrives until P again and the class can talk about the one
on screen; F1 shows the keys; E (or Esc) asks to end the lesson. Marking works as in solo play:
a tap or a click, or the arrows and Enter. After the chat, the review of the signs at the same
size, then game.scenes.classroom.run goes on (the ending's message, the chat's discussion
prompts, the scores)."""
from __future__ import annotations

from game.actions import Act, Action
from game.i18n import t
from game.rules.chat import Chat, ChatRun
from game.scenes.chat import ChatScene
from game.scenes.chat_review import ChatReviewScene
from game.scenes.classroom.base import Modal, end_card, legend, sizes_for
from game.ui.layout.base import CLASSROOM_SCALE


def projector_scale(app) -> float:
    """The text size of the classroom's chat screens: the projector's, or the setting if
    larger."""
    return max(CLASSROOM_SCALE, app.session.settings.text_scale)


class ClassChatScene(ChatScene):
    classroom = True  # the teacher's keys apply

    def __init__(self, app, lesson, chat: Chat) -> None:
        self.lesson = lesson  # game.scenes.classroom.run.ClassroomRun
        self.held_since: float | None = None  # P holds the chat: no message arrives
        self.vote_began: float | None = None  # when the decision shown began to wait
        self.legend = False
        self._modal: Modal | None = None
        super().__init__(app, chat)
        self.band = lesson.band

    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("Teacher: 1 to 4 enter the class's choice. P holds the chat. F1 shows the "
                 "teacher's keys.")

    def text_scale(self) -> float:
        return projector_scale(self.app)

    # --- holding the chat ----------------------------------------------------------------------
    @property
    def held(self) -> bool:
        return self.held_since is not None

    def toggle_hold(self) -> None:
        """Hold the chat while messages are arriving (a decision, or the end, waits anyway);
        on release the pace takes up where it stopped."""
        if self.held_since is not None:
            self.shown_at += self.app.now - self.held_since
            self.held_since = None
        elif self.state == "reading":
            self.held_since = self.app.now
        else:
            return
        self.focused = ("button", 0)

    @property
    def state(self) -> str:
        return "held" if self.held else super().state

    @property
    def contact_typing(self) -> bool:
        return not self.held and super().contact_typing

    def update(self, dt: float) -> None:
        if not self.held and self._modal is None and not self.legend:
            super().update(dt)
            deciding = self.state == "choice"
            if deciding != (self.vote_began is not None):
                self.vote_began = self.app.now if deciding else None

    # --- the side panel ----------------------------------------------------------------------
    def _side_words(self):
        state = self.state
        if state == "held":
            return ((t("Held"), t("No new message comes until you carry on: talk about the one "
                                  "on screen.")),
                    ((t("Carry on"), "P"), (t("End the lesson"), "E")), False)
        lines, labels, scout = super()._side_words()
        if state == "choice":
            if not self.lesson.vote:
                return (t("{team}, it's your turn!", team=self.lesson.team_name), *lines), \
                    labels, scout
            return (t("Class vote: hands up!"), *lines, *self._countdown()), labels, scout
        if state == "reading":
            return lines, ((t("Hold this message"), "P"),), scout
        return lines, labels, scout

    def _countdown(self) -> tuple[str, ...]:
        """The voting countdown's line, with the teacher's timers on (as in a dash round)."""
        began = self.app.now if self.vote_began is None else self.vote_began
        left = self.lesson.vote_seconds_left(self.app.now - began)
        if left is None:
            return ()
        return (t("Time's up!") if left <= 0 else t("{seconds} seconds to vote", seconds=left),)

    def _buttons(self, placed, labels):
        buttons = super()._buttons(placed, labels)
        state = self.state
        if state == "held":
            buttons[0].on_press, buttons[1].on_press = self.toggle_hold, self.ask_end
        elif state == "reading" and buttons:
            buttons[0].on_press = self.toggle_hold
        return buttons

    def step_on(self) -> None:
        if self.scout is None and self.run.finished and not self.waiting_line:
            self.lesson.chat_over(self.run)
        else:
            super().step_on()

    # --- the teacher's keys --------------------------------------------------------------------
    def handle(self, action: Action) -> None:
        kind = action.kind
        if self._modal is not None:
            self._handle_modal(action)
        elif kind is Act.LEGEND:
            self.legend = not self.legend
        elif self.legend and kind in (Act.BACK, Act.CONFIRM, Act.POINT, Act.HOP):
            self.legend = False
        elif kind is Act.PAUSE:
            self.toggle_hold()
        elif kind in (Act.END, Act.BACK):
            self.ask_end()
        elif kind is Act.NEXT:
            if self.state in ("scout", "end"):
                self.step_on()
        elif kind is not Act.SKIP:
            super().handle(action)

    def ask_end(self) -> None:
        self._modal = end_card(self.lesson.end_lesson, self.close_modal, sizes_for(self.app))

    def close_modal(self) -> None:
        self._modal = None

    def _handle_modal(self, action: Action) -> None:
        """"End the lesson now?": Up/Down move, Enter presses, E ends, Esc carries on."""
        buttons, kind = self._modal.buttons, action.kind
        if kind in (Act.UP, Act.LEFT, Act.FOCUS_PREV):
            buttons.move(-1)
        elif kind in (Act.DOWN, Act.RIGHT, Act.FOCUS_NEXT):
            buttons.move(1)
        elif kind in (Act.CONFIRM, Act.HOP):
            buttons.press_focused()
        elif kind is Act.HOVER:
            buttons.hover(action.pos)
        elif kind is Act.POINT:
            pressed = self._modal.at(action.pos)
            pressed.on_press() if pressed is not None else self.close_modal()
        elif kind is Act.END:
            self.lesson.end_lesson()
        elif kind in (Act.BACK, Act.PAUSE, Act.NEXT):
            self.close_modal()

    def scan_step(self) -> None:
        if self._modal is not None:
            self._modal.buttons.scan_step()
        else:
            super().scan_step()

    def draw(self, surface) -> None:
        super().draw(surface)
        if self._modal is not None:
            self._modal.draw(surface)
        elif self.legend:
            surface.blit(legend(sizes_for(self.app).grow, chat=True), (0, 0))


class ClassChatReviewScene(ChatReviewScene):
    """The chat's warning signs, spotted or missed, at the projector's size; Enter or N goes
    on to the ending's message."""

    classroom = True

    def __init__(self, app, lesson, run: ChatRun) -> None:
        self.lesson = lesson
        super().__init__(app, run, None)

    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("Enter or N: go on. F1 shows the teacher's keys.")

    def text_scale(self) -> float:
        return projector_scale(self.app)

    def _summary_line(self) -> str:
        signs = self.signs()
        if not signs:
            return super()._summary_line()
        return t("The class spotted {spotted} of {signs} warning signs.",
                 spotted=sum(s for _, s in signs), signs=len(signs))

    def proceed(self) -> None:
        self.lesson.after_review(self.run)

    def handle(self, action: Action) -> None:
        if action.kind is Act.NEXT:
            self.proceed()
        else:
            super().handle(action)
