"""The dash: the dog hops through the park, collects treats and flies through question gates."""
from __future__ import annotations

import random
from typing import Protocol

import pygame

from game.actions import Act, Action
from game.art import scenery
from game.art.obstacles import hedge, prize_popup
from game.content.model import Question
from game.i18n import t
from game.lru import MB, ByteLRU
from game.rules.course import build_course
from game.rules.picker import pick_message, pick_questions
from game.rules.progress import RoundSummary, apply_round, record_message
from game.rules.round import Event, Round
from game.rules.scanning import advance
from game.rules.scoring import stars
from game.rules.tuning import DOG_X, GROUND, HEIGHT, WIDTH, lane_at, tuning_for
from game.scenes import round_view as view
from game.scenes.round_scout import ScoutView
from game.scenes import spoken
from game.scenes.base import Scene
from game.ui import text, theme
from game.ui.layout.round import PauseCard, classroom_round_layout, pause_card, round_layout
from game.ui.widgets import Button, ButtonRow, focus_ring, panel


class Lesson(Protocol):
    """What a round of a classroom lesson needs from the lesson, and all the round knows of it
    (game.scenes.classroom.run.ClassroomRun is one)."""

    @property
    def band(self) -> str: ...
    @property
    def team_name(self) -> str: ...
    @property
    def vote(self) -> bool: ...
    def round_rng(self) -> random.Random: ...
    def questions(self, count: int, rng: random.Random) -> list[Question]: ...
    def vote_seconds_left(self, waited: float) -> int | None: ...
    def vote_card(self, seconds_left: int | None) -> pygame.Surface: ...
    def legend(self) -> pygame.Surface: ...
    def round_over(self, round_: Round) -> None: ...
    def end_lesson(self) -> None: ...


TEACHER_BUTTON = (760, GROUND + 4, 250, 62)  # classroom: pause, skip, end, by mouse or touch
CLASS_HELP_BUTTON = (1030, GROUND + 4, 230, 62)  # classroom: Help at projector size
VOTE_X = 330  # the class vote's card, a little below the banner
FAR_PARALLAX = 0.25  # the sky and hills move at a quarter of the ground's speed
POP_SECONDS = 0.9
CLASS_PAUSE_SCALE = 1.1  # the teacher's pause card: its buttons' words at 33 px
POP_RISE = 60  # pixels a second a points pop flies up (it stays put with reduced motion)
BLINK_RATE = 12  # the dog blinks this many times a second while bumped (not with reduced motion)
FLASH_RATE = 3  # a prize pop-up flashes this many times a second (not with reduced motion)
SOUNDS = {"hop": "hop", "collect": "collect", "bump": "bump", "right": "right", "wrong": "wrong"}


class RoundScene(Scene):
    @property
    def keys_hint(self) -> str:  # type: ignore[override]
        return t("Space or Up to hop. 1, 2 or 3 picks an answer. Esc pauses. H for help.")

    def __init__(self, app, questions: list[Question] | None = None,
                 classroom: Lesson | None = None) -> None:
        """A round of picked questions, or of `questions` (a preview: it loops, saving nothing),
        or a round of a classroom lesson (`classroom`: it picks, records and goes on)."""
        super().__init__(app)
        session = app.session
        self.lesson = classroom
        self.classroom = classroom is not None  # the teacher's keys apply
        band = classroom.band if classroom else session.band
        settings = session.settings
        self.assist = settings.assist and classroom is None
        self.one_switch = settings.one_switch  # a highlight steps through the answers
        self._scan: tuple[int, int] | None = None  # one-switch: (question's gate, answer lit)
        self.geo = classroom_round_layout(settings.text_scale) if classroom else \
            round_layout(settings.text_scale)
        tuning = tuning_for(band, settings.world_speed)
        self.rng = classroom.round_rng() if classroom else session.round_rng()
        self.preview = questions
        if classroom is not None:
            questions = classroom.questions(tuning.gates, self.rng)
        elif questions is None:
            questions = pick_questions(session.bank.questions, band, tuning.gates, session.asked,
                                       self.rng)
        self.round = Round(build_course(questions, tuning, self.rng, self.geo.banner_h), tuning)
        self.pops: list[tuple[pygame.Surface, float, float, float]] = []
        self.paused = False
        self.legend = False
        self.vote_began: float | None = None  # when the class began voting on the question
        self.chrome = classroom is None  # a lesson has its own, projector-sized, Help button
        self._compose_pictures()
        self._first_obstacle = 0
        self._first_pickup = 0
        self._read = (-1, 0)  # read aloud so far: the last question's gate, and gates passed

    def _compose_pictures(self) -> None:
        """The scenery, buttons, banners and signs, in the theme and language in use (made
        again when the player changes a setting)."""
        app, classroom = self.app, self.lesson
        calm = theme.CALM_ART
        self.sky = scenery.sky_layer(calm=calm)
        self.ground = scenery.ground_layer(calm=calm)
        self.sky_period = self.sky.get_width() // 2
        self.ground_period = self.ground.get_width() // 2
        self.bone, self.badge = scenery.bone(), scenery.badge()
        self.scout = ScoutView(app.session.settings.reduced_motion)
        pause = self.pause_geo
        self.pause_menu = ButtonRow([
            Button(t("Keep playing"), pygame.Rect(pause.buttons[0]), self.resume, "Enter",
                   theme.RIGHT, size=pause.button_size, hint_size=pause.hint_size),
            Button(t("Leave this round"), pygame.Rect(pause.buttons[1]), app.pop, "Esc",
                   size=pause.button_size, hint_size=pause.hint_size),
        ] if classroom is None else [  # projector-sized, the teacher's keys on their badges
            Button(t("Keep playing"), pygame.Rect(pause.buttons[0]), self.resume, "P",
                   theme.RIGHT, size=pause.button_size, hint_size=theme.CLASS_MIN_TEXT),
            Button(t("Skip question"), pygame.Rect(pause.buttons[1]), self.skip, "S",
                   size=pause.button_size, hint_size=theme.CLASS_MIN_TEXT),
            Button(t("End the lesson"), pygame.Rect(pause.buttons[2]),
                   classroom.end_lesson, "E", size=pause.button_size,
                   hint_size=theme.CLASS_MIN_TEXT),
        ])
        self.teacher = Button(t("Teacher"), pygame.Rect(*TEACHER_BUTTON), self.pause, "P",
                              theme.BUTTON, size=theme.CLASS_BODY,
                              hint_size=theme.CLASS_MIN_TEXT) if classroom else None
        self.help = Button(t("Help"), pygame.Rect(*CLASS_HELP_BUTTON), app.show_help, "H",
                           theme.RIGHT, size=theme.CLASS_BODY,
                           hint_size=theme.CLASS_MIN_TEXT) if classroom else None
        # the banners and gates drawn so far (a banner is the screen's width, ~0.8 MB): the
        # ones in view, and a few behind, within a budget
        self._pictures: ByteLRU[tuple[pygame.Surface, list[pygame.Rect]]] = \
            ByteLRU("round pictures", 12 * MB)
        self._tabs: dict[bool, pygame.Surface] = {}
        self._chip: tuple[int, pygame.Surface] | None = None
        self._pause_card: pygame.Surface | None = None

    def settings_changed(self) -> None:
        self._compose_pictures()
        super().settings_changed()

    # --- input ------------------------------------------------------------------------------
    def handle(self, action: Action) -> None:
        kind = action.kind
        if self.lesson is not None and self._teacher(action):
            return
        if self.paused:
            self._handle_paused(action)
            return
        asking = self.round.question_gate is not None
        if kind is Act.HOP and self.one_switch and asking:
            self._switch()
        elif kind in (Act.UP, Act.DOWN, Act.LEFT, Act.RIGHT) and asking:
            self._steer(-1 if kind in (Act.UP, Act.LEFT) else 1)
        elif kind in (Act.HOP, Act.UP):
            self._events(self.round.hop())
        elif kind is Act.CHOOSE:
            self.round.choose(action.index)
        elif kind is Act.POINT:
            lane = self._answer_at(action.pos)
            if lane >= 0:
                self.round.choose(lane)
            else:
                self._events(self.round.hop())
        elif kind in (Act.BACK, Act.FOCUS_LOST, Act.PAUSE):
            self.pause()

    def _teacher(self, action: Action) -> bool:
        """A teacher's key or the Teacher button in a classroom round; True if it was one."""
        kind = action.kind
        if kind is Act.LEGEND:
            self.legend = not self.legend
        elif self.legend and kind in (Act.BACK, Act.CONFIRM, Act.POINT):
            self.legend = False
        elif kind is Act.PAUSE:
            self.paused = not self.paused
        elif kind is Act.SKIP:
            self.skip()
        elif kind is Act.END:
            self.lesson.end_lesson()
        elif kind is Act.POINT and not self.paused and self.teacher.rect.collidepoint(action.pos):
            self.pause()
        elif kind is Act.POINT and not self.paused and self.help.rect.collidepoint(action.pos):
            self.app.show_help()
        else:
            return False
        return True

    def pause(self) -> None:
        self.paused = True
        self.pause_menu.focus = 0  # Keep playing

    def _steer(self, step: int) -> None:
        """Up, Down, Left or Right (arrows, a d-pad, a stick) while a question shows: pick the
        answer before or after the one picked, or the opening the dog is flying at; the dog
        flies there by itself."""
        r = self.round
        lanes = len(r.question_gate.question.answers)
        now = r.target_lane if r.target_lane is not None else lane_at(r.y, lanes, r.course.top)
        r.choose(max(0, min(lanes - 1, now + step)))

    def _switch(self) -> None:
        """One-switch play, a question on the banner: the switch picks the lit answer. Before
        the highlight first shows, and once an answer is picked, the press does nothing (a hop
        would undo the pick)."""
        lit = self.scan_choice
        if lit is not None:
            self.round.choose(lit)

    @property
    def scan_choice(self) -> int | None:
        """One-switch play: the answer the highlight is on, while a question waits for one."""
        if not self.one_switch or not self._question_waiting or self._scan is None:
            return None
        gate, answer = self._scan
        return answer if gate == self.round.next_gate else None

    def scan_step(self) -> None:
        """One-switch play: the highlight lights the first answer of a new question, then
        steps through the answers; on the pause card, through its buttons."""
        if self.paused:
            self.pause_menu.scan_step()
            return
        r = self.round
        if not self._question_waiting:
            return
        if self._scan is None or self._scan[0] != r.next_gate:
            self._scan = (r.next_gate, 0)
        else:
            answers = len(r.question_gate.question.answers)
            self._scan = (r.next_gate, advance(self._scan[1], [True] * answers))

    def skip(self) -> None:
        """Skip the question on the banner (classroom: the teacher's S)."""
        self.paused = False
        if self.round.skip():
            self.vote_began = None
            self.app.toast(t("Question skipped."))

    @property
    def voting(self) -> bool:
        """In a class vote, the round holds still while a question waits for the class."""
        return bool(self.lesson and self.lesson.vote and self._question_waiting)

    @property
    def holding(self) -> bool:
        """The world holds still: a class vote, or assist mode, waiting for an answer."""
        return (self.assist or self.one_switch or self.voting) and self._question_waiting

    @property
    def _question_waiting(self) -> bool:
        r = self.round
        return r.question_gate is not None and r.target_lane is None

    def _handle_paused(self, action: Action) -> None:
        kind = action.kind
        if kind is Act.BACK:
            self.app.pop()
        elif kind is Act.PAUSE:
            self.resume()
        elif kind in (Act.CONFIRM, Act.HOP):
            self.pause_menu.press_focused()
        elif kind is Act.POINT:
            self.pause_menu.point(action.pos)
        elif kind is Act.HOVER:
            self.pause_menu.hover(action.pos)
        elif kind in (Act.UP, Act.LEFT, Act.FOCUS_PREV):
            self.pause_menu.move(-1)
        elif kind in (Act.DOWN, Act.RIGHT, Act.FOCUS_NEXT):
            self.pause_menu.move(1)

    def resume(self) -> None:
        self.paused = False

    def _answer_at(self, pos: tuple[int, int]) -> int:
        """The answer under a click or tap: a chip on the banner or a sign on the gate, else -1."""
        r = self.round
        gate = r.question_gate
        if gate is None:
            return -1
        _, chips = self._question_banner()
        for i, rect in enumerate(chips):
            if rect.collidepoint(pos):
                return i
        surf, signs = self._gate(r.next_gate)
        left = view.gate_left(gate.x - r.distance + DOG_X, self.geo)
        for i, rect in enumerate(signs):
            if rect.move(left, self.geo.banner_h).collidepoint(pos):
                return i
        return -1

    # --- simulation -------------------------------------------------------------------------
    def update(self, dt: float) -> None:
        if self.paused or self.legend:
            return
        if self.holding:
            if self.vote_began is None:
                self.vote_began = self.app.now
            return
        self.vote_began = None
        self._events(self.round.step(dt))
        self.scout.step(self.round)
        self._read_aloud()
        if self.round.finished:
            self._finish()

    def _read_aloud(self) -> None:
        """A question just announced is read with its answers; a wrong answer's feedback too."""
        r = self.round
        gate, passed = self._read
        if r.question_gate is not None and r.next_gate != gate:
            self.app.speak(spoken.question(r.question_gate.question))
        elif r.feedback is not None and len(r.results) != passed and not r.feedback.correct:
            self.app.speak(spoken.feedback(r.feedback))
        else:
            return
        self._read = (r.next_gate if r.question_gate is not None else gate, len(r.results))

    def _events(self, events: list[Event]) -> None:
        for event in events:
            sound = SOUNDS.get(event.kind)
            if sound:
                self.app.play(sound)
            if event.kind == "hop":
                self.scout.hopped(self.round)
            if event.points:  # ahead of Scout (the gate just passed is behind), never over it
                pop = view.points_pop(event.points)
                x = self.scout.clear_of(self.round).right + 8 + pop.get_width() // 2
                self.pops.append((pop, x, self.round.y - pop.get_height() // 2, self.app.now))

    def _finish(self) -> None:
        app, session, r = self.app, self.app.session, self.round
        if self.lesson is not None:
            self.lesson.round_over(r)
            return
        if self.preview is not None:
            app.replace(RoundScene(app, self._previewed()))
            return
        bank, profile = session.bank, session.profile
        for g in r.course.gates:
            session.asked[g.question.id] += 1
        message = pick_message(bank.messages, session.band, r.missed_topics,
                               profile.seen_counts, profile.last_message, self.rng)
        outcome = apply_round(profile, r.score, bank.ranks)
        if message is not None:
            record_message(profile, message.id)
        session.save()
        summary = RoundSummary(r.score, r.correct, len(r.results), r.bumps,
                               stars(r.correct, len(r.results), r.bumps), outcome,
                               message.id if message else "")
        session.history.append(summary)
        from game.scenes.message import MessageScene, round_mood
        from game.scenes.results import ResultsScene
        results = ResultsScene(app, summary)
        mood = round_mood(summary.correct, summary.questions)
        app.replace(MessageScene(app, message, after=results, mood=mood) if message else results)

    def _previewed(self) -> list[Question]:
        """The previewed questions as the bank now has them (F5 may have changed them)."""
        by_id = self.app.session.bank.question_by_id
        return [by_id.get(q.id, q) for q in self.preview or ()]

    def content_changed(self) -> None:
        if self.preview is not None:  # show the edited question straight away
            self.app.replace(RoundScene(self.app, self._previewed()))

    # --- drawing ----------------------------------------------------------------------------
    def _question_banner(self) -> tuple[pygame.Surface, list[pygame.Rect]]:
        r = self.round
        gate = r.course.gates[r.next_gate]
        return self._pictures.get_or_make(("q", r.next_gate), lambda: view.question_banner(
            gate.question, r.next_gate + 1, len(r.course.gates), self.geo))

    def _banner(self) -> pygame.Surface:
        r = self.round
        if r.question_gate is not None:
            return self._question_banner()[0]
        feedback = r.feedback
        if feedback is not None:
            return self._pictures.get_or_make(("fb", len(r.results)), lambda: (
                view.feedback_banner(feedback, self.geo), []))[0]
        left = len(r.course.gates) - r.next_gate
        line = (t("Get ready: a question is coming! Read it, then fly through the safe answer.")
                if r.next_gate == 0 and left else
                t("Nice flying! 1 more gate to go.") if left == 1 else
                t("Nice flying! {left} more gates to go.", left=left) if left else
                t("Nearly home! Keep collecting treats."))
        return self._pictures.get_or_make(("idle", line), lambda: (
            view.idle_banner(line, self.geo), []))[0]

    def _gate(self, index: int, marked: bool = False) -> tuple[pygame.Surface, list[pygame.Rect]]:
        """Gate `index`'s picture; `marked`: with the tick or cross of its answer (once the dog
        is through it)."""
        def make() -> tuple[pygame.Surface, list[pygame.Rect]]:
            question = self.round.course.gates[index].question
            verdicts = view.passed_gate_verdicts(self.round.results[index]) if marked else None
            return view.gate(question, self.geo, verdicts, self._gate_floor)
        return self._pictures.get_or_make(("gate", index, marked), make)

    @property
    def _gate_floor(self) -> int:
        """How far down a gate may reach: the corner buttons (which grow with the text) never
        cover a gate or its signs."""
        return min([GROUND] + [rect.top for rect in self.app.corner_rects if self.chrome])

    def _feedback_tab(self) -> pygame.Surface | None:
        """The tick or cross hanging under the feedback banner, while it shows."""
        r = self.round
        if r.question_gate is not None or r.feedback is None:
            return None
        correct = r.feedback.correct
        if correct not in self._tabs:
            self._tabs[correct] = view.feedback_tab(correct)
        return self._tabs[correct]

    def draw(self, surface: pygame.Surface) -> None:
        r = self.round
        # reduced motion: no parallax, the sky stands still while the ground scrolls
        far = 0 if self.app.session.settings.reduced_motion else \
            int(r.distance * FAR_PARALLAX) % self.sky_period
        top = self.geo.banner_h
        surface.blit(self.sky, (0, top), (far, top, WIDTH, GROUND - top))
        near = int(r.distance) % self.ground_period
        surface.blit(self.ground, (0, GROUND), (near, 0, WIDTH, HEIGHT - GROUND))
        offset = DOG_X - r.distance  # world x + offset = screen x
        self._draw_scenery(surface, offset)
        tab = self._feedback_tab()
        if tab is not None:  # behind the gates: a passing gate's signs are never covered
            surface.blit(tab, (view.TAB_X, self.geo.banner_h - 6))
        self._draw_gates(surface, offset, passed=False)
        self.scout.draw_dust(surface, r)
        self._draw_dog(surface)
        self._draw_gates(surface, offset, passed=True)
        self._draw_pops(surface)
        surface.blit(self._banner(), (0, 0))
        surface.blit(self._score_chip(), (14, GROUND + 8))
        self._draw_progress(surface)
        if self.lesson is not None:
            self._draw_classroom(surface)
        lit = self.scan_choice
        if lit is not None and not self.paused:  # one-switch: the answer the switch would pick
            focus_ring(surface, self._question_banner()[1][lit], radius=12)
        if self.paused:
            self._draw_pause(surface)

    def _score_chip(self) -> pygame.Surface:
        score = self.round.score
        if self._chip is None or self._chip[0] != score:
            team = self.lesson.team_name if self.lesson else ""
            self._chip = (score, view.score_chip(score, team))
        return self._chip[1]

    def _draw_classroom(self, surface: pygame.Surface) -> None:
        """The Teacher button; in a class vote, the call to vote; F1's legend of keys."""
        assert self.teacher and self.help and self.lesson is not None
        self.teacher.draw(surface, False)
        self.help.draw(surface, False)
        if self.voting and not self.paused:
            waited = self.app.now - (self.vote_began or self.app.now)
            surface.blit(self.lesson.vote_card(self.lesson.vote_seconds_left(waited)),
                         (VOTE_X, self.geo.banner_h + 24))
        if self.legend:
            surface.blit(self.lesson.legend(), (0, 0))

    def _draw_scenery(self, surface: pygame.Surface, offset: float) -> None:
        course = self.round.course
        obstacles = course.obstacles
        lit = not self.app.session.settings.reduced_motion and \
            int(self.round.t * FLASH_RATE * 2) % 2 == 1
        while self._first_obstacle < len(obstacles) and \
                obstacles[self._first_obstacle].x + obstacles[self._first_obstacle].w + offset < 0:
            self._first_obstacle += 1
        for i in range(self._first_obstacle, len(obstacles)):
            ob = obstacles[i]
            x = ob.x + offset
            if x > WIDTH:
                break
            art = hedge(int(ob.w), int(ob.h)) if ob.kind == "hedge" else \
                prize_popup(int(ob.w), int(ob.h), lit)
            surface.blit(art, (x, ob.y))
        pickups = course.pickups
        while self._first_pickup < len(pickups) and pickups[self._first_pickup].x + offset < -40:
            self._first_pickup += 1
        for i in range(self._first_pickup, len(pickups)):
            p = pickups[i]
            x = p.x + offset
            if x > WIDTH + 40:
                break
            if i not in self.round.taken:
                art = self.badge if p.kind == "badge" else self.bone
                surface.blit(art, (x - art.get_width() // 2, p.y - art.get_height() // 2))

    def _draw_gates(self, surface: pygame.Surface, offset: float, passed: bool) -> None:
        """The gate ahead (`passed` False: Scout flies in front of it) or the one just flown
        through (True: drawn over Scout, so its marked signs stay whole)."""
        r = self.round
        for index in (r.next_gate - 1,) if passed else (r.next_gate,):
            if 0 <= index < len(r.course.gates):
                left = view.gate_left(r.course.gates[index].x + offset, self.geo)
                if -view.GATE_W < left < WIDTH:
                    marked = index < len(r.results)
                    surface.blit(self._gate(index, marked)[0], (left, self.geo.banner_h))

    def _draw_dog(self, surface: pygame.Surface) -> None:
        r = self.round
        frame = int(r.t * 8) % 3
        if r.stunned and int(r.t * BLINK_RATE) % 2 and \
                not self.app.session.settings.reduced_motion:
            return  # blink during the bump moment
        self.scout.draw(surface, r, frame, r.stunned)

    def _draw_pops(self, surface: pygame.Surface) -> None:
        now = self.app.now
        self.pops = [p for p in self.pops if now - p[3] < POP_SECONDS]
        rise = 0 if self.app.session.settings.reduced_motion else POP_RISE
        top = self._banner().get_height() + 4  # a pop rising from the top gate stops under it
        for label, x, y, born in self.pops:
            surface.blit(label, (x - label.get_width() // 2, max(top, y - (now - born) * rise)))

    @property
    def progress_rect(self) -> pygame.Rect:
        """The progress bar, clear of the Help and Sound buttons (they grow with the text)."""
        right = 860 if self.lesson is None else 680
        if self.chrome:
            right = min([right] + [rect.x - 24 for rect in self.app.corner_rects])
        return pygame.Rect(300, GROUND + 24, right - 300, 18)

    def _draw_progress(self, surface: pygame.Surface) -> None:
        r = self.round
        bar = self.progress_rect
        pygame.draw.rect(surface, theme.PAPER, bar, border_radius=9)
        done = bar.copy()
        done.w = max(18, int(bar.w * r.progress))
        pygame.draw.rect(surface, theme.ACCENT, done, border_radius=9)
        for g in r.course.gates:
            x = bar.x + int(bar.w * g.x / r.course.length)
            pygame.draw.rect(surface, theme.BUTTON, (x - 3, bar.y - 5, 6, bar.h + 10))
        pygame.draw.rect(surface, theme.INK, bar, 3, border_radius=9)

    @property
    def pause_geo(self) -> PauseCard:
        """The pause card at the player's text size (a lesson's has its own, projector-sized)."""
        if self.lesson is not None:
            return pause_card(CLASS_PAUSE_SCALE, 3)
        return pause_card(self.app.session.settings.text_scale)

    def _draw_pause(self, surface: pygame.Surface) -> None:
        if self._pause_card is None:
            card = pygame.Surface((WIDTH, HEIGHT), pygame.SRCALPHA)
            card.fill((*theme.SHADE, 150))
            geo = self.pause_geo
            x, y, w, h = geo.card
            box = panel((w, h))
            title = text.render(t("Paused"), geo.title_size, theme.INK, True)
            box.blit(title, title.get_rect(midtop=(w // 2, geo.title_y)))
            card.blit(box, (x, y))
            self._pause_card = card
        surface.blit(self._pause_card, (0, 0))
        self.pause_menu.draw(surface)
