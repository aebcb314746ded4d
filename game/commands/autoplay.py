"""`safety-dash autoplay`: a bot plays the real game headless and reports what happened as JSON.

The bot presses keys like a child would: it hops to stay in the air, picks an answer as soon as a
question is announced (sometimes a wrong one), waits for Continue, and goes on to the next round.
"""
from __future__ import annotations

import json
import random
import sys
import tempfile
from collections.abc import Callable

from game.actions import Act, Action
from game.content.model import AGE_BANDS
from game.launch import start, use_headless_drivers
from game.rules.tuning import lane_centre

WRONG_CHANCE = 0.3
UNSAFE_CHANCE = 0.4  # Chat Check: how often the bot tries an unsafe option first at a choice
MARK_CHANCE = 0.7  # ... marks a warning sign as it arrives
WRONG_MARK_CHANCE = 0.1  # ... marks a message that is not one
FRAME_LIMIT_PER_ROUND = 60 * 60 * 4  # a safety net: no round may run four minutes of frames


class Bot:
    def __init__(self, rounds: int, band: str, seed: int,
                 after_round: Callable[[int], None] | None = None, mode: str = "dash") -> None:
        self.rounds = rounds
        self.band = band
        self.rng = random.Random(seed)
        self.answered: tuple[object, int] | None = None  # (round, gate index) already answered
        self.after_round = after_round  # told the number of rounds played as each one ends
        self.played = 0
        self.mode = mode  # "dash", "chat" or "mixed": chosen as a child chooses it
        self.chatted = ChatMoves(self.rng)

    def __call__(self, app) -> list[Action]:
        from game.scenes.age import AgeScene
        from game.scenes.message import MessageScene
        from game.scenes.results import ResultsScene
        from game.scenes.round import RoundScene
        from game.scenes.title import TitleScene

        from game.scenes.chat import ChatScene
        from game.scenes.chat_review import ChatReviewScene
        from game.scenes.game_kind import GameKindScene

        scene = app.scene
        if self.after_round is not None and app.session.rounds != self.played:
            self.played = app.session.rounds
            self.after_round(self.played)
        if app.session.rounds >= self.rounds and \
                not isinstance(scene, (MessageScene, ChatReviewScene)):
            app.quit()
            return []
        if isinstance(scene, TitleScene):
            return [Action(Act.CONFIRM)]
        if isinstance(scene, AgeScene):
            return self.chatted.pick_kind(scene, self.mode) or \
                [Action(Act.CHOOSE, AGE_BANDS.index(self.band))]
        if isinstance(scene, GameKindScene):
            return [Action(Act.CHOOSE, scene.kinds.index(self.mode))]
        if isinstance(scene, ChatScene):
            return self.chatted(scene)
        if isinstance(scene, ChatReviewScene):  # every page, then on (Esc goes on too)
            return [Action(Act.CONFIRM if scene.page < len(scene.pages) - 1 else Act.BACK)]
        if isinstance(scene, RoundScene):
            return self.fly(scene)
        if isinstance(scene, MessageScene):
            return [Action(Act.CONFIRM)] if scene.ready else []
        if isinstance(scene, ResultsScene):
            return [Action(Act.CONFIRM)]
        return [Action(Act.BACK)]

    def fly(self, scene) -> list[Action]:
        """In a round: pick an answer as soon as one is asked for, else hop to stay up."""
        r = scene.round
        gate = r.question_gate
        answered = self.answered
        if gate is not None and (answered is None or answered[0] is not r
                                 or answered[1] != r.next_gate):
            self.answered = (r, r.next_gate)
            safe = gate.question.safe_index
            lanes = len(gate.question.answers)
            if self.rng.random() < WRONG_CHANCE:
                choice = self.rng.choice([i for i in range(lanes) if i != safe])
            else:
                choice = safe
            return [Action(Act.CHOOSE, choice)]
        if r.target_lane is None and r.y > lane_centre(1, 3, r.course.top) and r.vy >= 0:
            return [Action(Act.HOP)]
        return []


class ChatMoves:
    """How the bot plays Chat Check: it marks most warning signs as they arrive (and now and
    then a message that is not one), tries an unsafe option first at some choices so Scout's
    step-back runs too, then takes a safe one, and goes on at the end."""

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.seen: tuple[object, int] = (None, 0)  # (run, lines looked at)
        self.tried: set[tuple[int, str]] = set()  # (run, choice) where it has chosen once

    def pick_kind(self, scene, mode: str) -> list[Action]:
        """On the age screen: open the choice of game first, if it is not `mode` yet."""
        from game.scenes.game_kind import KIND_SETTING
        if scene.app.session.profile.settings.get(KIND_SETTING, "dash") == mode:
            return []
        return [Action(Act.POINT, pos=scene.kind_button.rect.center)]

    def __call__(self, scene) -> list[Action]:
        run = scene.run
        state = scene.state
        if state in ("scout", "end"):
            return [Action(Act.CONFIRM)]
        _, looked = self.seen if self.seen[0] is run else (run, 0)
        if looked < scene.revealed:
            self.seen = (run, looked + 1)
            line = run.lines[looked]
            chance = MARK_CHANCE if line.sign else WRONG_MARK_CHANCE
            if line.who == "contact" and self.rng.random() < chance:
                rect = dict(scene.bubbles_in_view()).get(looked)
                if rect is not None:
                    return [Action(Act.POINT, pos=(rect.x + 30, rect.centery))]
            return []
        if state != "choice":
            return []
        options = run.step.options
        key = (id(run), run.step.id)
        unsafe = [i for i, o in enumerate(options) if not o.safe]
        if key not in self.tried and unsafe and self.rng.random() < UNSAFE_CHANCE:
            self.tried.add(key)
            return [Action(Act.CHOOSE, self.rng.choice(unsafe))]
        self.tried.add(key)
        return [Action(Act.CHOOSE, self.rng.choice([i for i, o in enumerate(options)
                                                     if o.safe]))]


def run_bot(rounds: int, seed: int, band: str, data_dir: str | None,
            content: str | None = None, settings: dict | None = None, *, draw_every: int = 1,
            after_round: Callable[[int], None] | None = None, mode: str = "dash") -> dict:
    """Play `rounds` rounds headless (`mode`: the dash's, Chat Check's, or both in turn).
    `draw_every`: draw one frame in so many (every screen is still drawn, in a fraction of the
    time); `after_round` is told each round's number as it ends (the bench's soak reads the
    memory then)."""
    use_headless_drivers()
    with tempfile.TemporaryDirectory(prefix="safety-dash-autoplay-") as tmp:
        app = start(data_dir or tmp, fast=True, seed=seed, content=content, settings=settings)
        app.run(driver=Bot(rounds, band, seed, after_round, mode),
                max_frames=FRAME_LIMIT_PER_ROUND * max(1, rounds), draw_every=draw_every)
        from game.scenes.chat_review import ChatSummary
        session = app.session
        history = session.history
        dashes = [h for h in history if not isinstance(h, ChatSummary)]
        profile = session.profile
        rank = next((r for r in session.bank.ranks if r.id == profile.rank_id), None)
        report = {
            "mode": mode,
            "rounds": len(history),
            "questions": sum(h.questions for h in dashes),
            "correct": sum(h.correct for h in dashes),
            "messages": [h.message_id for h in history],
            "score": sum(h.score for h in history),
            "round_scores": [h.score for h in history],
            "stars": [h.stars for h in history],
            "bumps": sum(h.bumps for h in dashes),
            "promotions": [h.outcome.rank.id for h in history
                           if h.outcome.promoted and h.outcome.rank],
            "rank": rank.title if rank else "",
            "total_points": profile.total_points,
            "age": band,
            "seed": seed,
            "frames": app.frames,
        }
        if mode != "dash":
            report["chats"] = chat_report(history)
    return report


def chat_report(history: list) -> list[dict]:
    """Each chat played: its id, the choices taken, the signs spotted and missed, its ending."""
    from game.scenes.chat_review import ChatSummary
    return [{"id": h.chat_id,
             "choices": [{"step": step, "option": option, "safe": safe}
                         for step, option, safe in h.choices],
             "signs_spotted": list(h.spotted), "signs_missed": list(h.missed),
             "ending": h.message_id, "score": h.score}
            for h in history if isinstance(h, ChatSummary)]


def autoplay(rounds: int, seed: int, band: str, data_dir: str | None,
             content: str | None = None, settings: dict | None = None,
             mode: str = "dash") -> int:
    """The bot saves in a scratch folder, unless --data-dir or the site settings file names a
    folder (`data: portable` or a path): then there, so an IT office can see a round's progress
    land where the pupils' will."""
    report = run_bot(rounds, seed, band, data_dir or _site_data_dir(), content, settings,
                     mode=mode)
    print(json.dumps(report))
    return 0 if report["rounds"] == rounds else 1


def _site_data_dir() -> str | None:
    """The folder the site settings file names for progress (None: none, or `data: user`)."""
    from game import site_settings
    path, _ = site_settings.find_file()
    folder = site_settings.read(path).data_dir if path is not None else None
    return str(folder) if folder is not None else None


class ClassBot:
    """Plays a classroom lesson as a class and its teacher would: starts each turn, flies (or,
    in a class vote, enters the class's choice, sometimes a wrong one), in a chat marks the
    signs the class spots and enters its choices (an unsafe one first, now and then), shows
    every discussion prompt, and goes on from each scoreboard until the summary is written."""

    def __init__(self, seed: int) -> None:
        self.flyer = Bot(0, "", seed)

    def __call__(self, app) -> list[Action]:
        from game.scenes.classroom.chat import ClassChatReviewScene, ClassChatScene
        from game.scenes.classroom.summary import SummaryScene
        from game.scenes.classroom.talk import ClassMessageScene, TalkScene
        from game.scenes.round import RoundScene

        scene = app.scene
        if isinstance(scene, SummaryScene):
            app.quit()
            return []
        if isinstance(scene, RoundScene):
            return self.flyer.fly(scene)
        if isinstance(scene, ClassChatScene):
            return self.flyer.chatted(scene)
        if isinstance(scene, ClassChatReviewScene):  # every page, then on
            return [Action(Act.CONFIRM if scene.page < len(scene.pages) - 1 else Act.NEXT)]
        if isinstance(scene, ClassMessageScene):
            return [Action(Act.NEXT)] if scene.ready else []
        if isinstance(scene, TalkScene):
            return [Action(Act.NEXT if scene.all_shown else Act.REVEAL)]
        return [Action(Act.NEXT)]  # the turn card and the scoreboards


def run_classroom(teams: int, rounds: int, seed: int, style: str, band: str,
                  report_dir: str | None, data_dir: str | None,
                  content: str | None = None, settings: dict | None = None,
                  mode: str = "dash") -> dict:
    """A whole classroom lesson played headless (`mode`: its rounds the dash's, Chat Check's,
    or both in turn); what was played, and the report's files."""
    from game.rules.classroom import LessonPlan, default_teams
    from game.scenes.classroom.run import ClassroomRun

    use_headless_drivers()
    with tempfile.TemporaryDirectory(prefix="safety-dash-autoplay-") as tmp:
        app = start(data_dir or tmp, fast=True, seed=seed, content=content, report_dir=report_dir,
                    settings=settings)
        plan = LessonPlan(band=band, rounds=rounds, teams=default_teams(teams), style=style,
                          kind=mode)
        run = ClassroomRun(app, plan, app.session.report_dir)  # --report-dir, or the site's
        run.begin()
        app.run(driver=ClassBot(seed), max_frames=FRAME_LIMIT_PER_ROUND * max(1, rounds))
        lesson = run.lesson
        return {
            "teams": [{"name": s.team.name, "colour": s.team.colour, "score": s.team.score,
                       "place": s.place, "tied": s.tied} for s in lesson.standings()],
            "rounds": lesson.rounds_played,
            "style": style,
            "mode": mode,
            "age": band,
            "messages": list(lesson.messages),
            "questions": [{"round": a.round, "team": plan.teams[a.team].name,
                           "id": a.question_id, "outcome": a.outcome} for a in lesson.answered],
            "chats": [{"round": c.round, "team": plan.teams[c.team].name, "id": c.chat_id,
                       "signs_spotted": list(c.spotted), "signs_missed": list(c.missed),
                       "scout_stepped_in": len(c.stepped_in), "score": c.score}
                      for c in lesson.chats],
            "report": {"csv": str(run.report.csv), "html": str(run.report.html)}
            if run.report else None,
            "seed": seed,
            "frames": app.frames,
        }


def autoplay_classroom(teams: int, rounds: int, seed: int, style: str, band: str,
                       report_dir: str | None, data_dir: str | None,
                       content: str | None = None, settings: dict | None = None,
                       mode: str = "dash") -> int:
    from game.rules.classroom import even_turns
    if not even_turns(rounds, teams):  # a team left out, or fewer rounds than another: refused
        print(f"safety-dash autoplay: every team plays the same number of rounds, so with "
              f"{teams} team{'s' * (teams != 1)} --rounds must be {teams}, {2 * teams}, "
              f"{3 * teams} and so on", file=sys.stderr)
        return 2
    report = run_classroom(teams, rounds, seed, style, band, report_dir, data_dir, content,
                           settings, mode)
    print(json.dumps(report))
    return 0 if report["rounds"] == rounds and report["report"] else 1
