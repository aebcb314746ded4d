"""`safety-dash screenshots DIR`: render every screen to a PNG, headless, for review and docs."""
from __future__ import annotations

import tempfile
from pathlib import Path

from game.launch import start, use_headless_drivers


def screenshots(directory: str, content: str | None = None, settings: dict | None = None) -> int:
    use_headless_drivers()
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="safety-dash-shots-") as tmp:
        for name in render_all(tmp, out, content, settings):
            print(out / f"{name}.png")
    return 0


def render_all(data_dir: str, out: Path, content: str | None = None,
               settings: dict | None = None) -> list[str]:
    import pygame

    from game.rules.progress import RoundSummary, apply_round, record_message
    from game.rules.tuning import DOG_X, WIDTH
    from game.scenes.age import AgeScene
    from game.scenes.help import HelpScene
    from game.scenes.message import MessageScene
    from game.scenes.notebook import NotebookScene, TopicPageScene, seen_by_topic
    from game.scenes.results import ResultsScene
    from game.scenes.round import RoundScene

    app = start(data_dir, fast=True, seed=7, content=content, settings=settings)
    session, bank = app.session, app.session.bank
    names: list[str] = []

    def shot(name: str) -> None:
        app.draw()
        pygame.image.save(app.canvas, str(out / f"{name}.png"))
        names.append(name)

    shot("title")
    app.push(AgeScene(app))
    shot("age")
    session.profile.age_band = "10-12"
    app.replace(RoundScene(app))
    scene = app.scene
    r = scene.round
    while r.course.gates and not (r.question_gate and
                                  r.course.gates[r.next_gate].x - r.distance + DOG_X < WIDTH - 180):
        app.step(1 / 60)
    r.choose(r.course.gates[0].question.safe_index if r.course.gates else 0)
    for _ in range(20):
        app.step(1 / 60)
    shot("round")
    while r.course.gates and not r.results:
        app.step(1 / 60)
    for _ in range(10):
        app.step(1 / 60)
    shot("round-feedback")
    app.back_to_root()

    messages = bank.messages_for(session.band)
    for m in messages[: max(1, len(messages) // 2)]:
        record_message(session.profile, m.id)
    session.profile.total_points = 350
    outcome = apply_round(session.profile, 180, bank.ranks)
    summary = RoundSummary(180, 3, 4, 1, 2, outcome, messages[0].id if messages else "")
    if messages:
        app.push(MessageScene(app, messages[0], after=ResultsScene(app, summary)))
        shot("message")
        app.pop()
    results = ResultsScene(app, summary)
    results.celebrating = False
    app.push(results)
    shot("results")
    app.pop()
    if outcome.promoted:
        app.push(ResultsScene(app, summary))
        for _ in range(30):
            app.step(1 / 60)
        shot("promotion")
        app.pop()
    app.push(NotebookScene(app))
    shot("notebook")
    topic, seen = next(((t, ms) for t, ms in seen_by_topic(app) if ms), (None, []))
    if topic:
        app.push(TopicPageScene(app, topic, seen))
        shot("notebook-topic")
        app.pop()
    app.pop()
    app.push(HelpScene(app))
    shot("help")
    app.pop()
    _classroom(app, shot, Path(data_dir) / "reports")
    return names


def _classroom(app, shot, report_dir: Path) -> None:
    """Setup, whose turn, a class vote, the message and its talk panel, the teacher's keys,
    the scoreboard and the summary."""
    from game.actions import Act, Action
    from game.rules.classroom import LessonPlan, default_teams
    from game.scenes.classroom import run as classroom_run
    from game.scenes.classroom.run import ClassroomRun
    from game.scenes.classroom.talk import ClassMessageScene

    classroom_run.open_setup(app)
    shot("classroom-setup")
    app.dispatch(Action(Act.NEXT))
    shot("classroom-setup-topics")
    app.dispatch(Action(Act.NEXT))
    shot("classroom-setup-class")
    app.back_to_root()
    plan = LessonPlan(band="10-12", rounds=2, teams=default_teams(3), style="vote")
    run = ClassroomRun(app, plan, report_dir)
    app.push(app.scene)  # the lesson replaces screens above the title
    run.begin()
    shot("classroom-turn")
    run.play_round()
    while not app.scene.voting:
        app.step(1 / 60)
    shot("classroom-vote")
    app.dispatch(Action(Act.LEGEND))
    shot("classroom-keys")
    app.dispatch(Action(Act.LEGEND))
    app.dispatch(Action(Act.CHOOSE, 0))
    while not isinstance(app.scene, ClassMessageScene):
        app.step(1 / 60)
        if getattr(app.scene, "voting", False):
            app.dispatch(Action(Act.CHOOSE, app.scene.round.question_gate.question.safe_index))
    shot("classroom-message")
    app.dispatch(Action(Act.NEXT))
    for _ in range(3):
        app.dispatch(Action(Act.REVEAL))
    shot("classroom-talk")
    app.dispatch(Action(Act.NEXT))
    shot("classroom-scores")
    run.end_lesson()
    shot("classroom-final")
    app.dispatch(Action(Act.NEXT))
    shot("classroom-summary")
    app.dispatch(Action(Act.NEXT))
    shot("classroom-questions")
    app.back_to_root()
