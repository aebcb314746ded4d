"""`safety-dash screenshots DIR`: render every screen to PNG, headless, for review and docs.

`tour()` puts the real game on each of its screens in turn (the same walk the tests take to
check that every screen can be read at every text size, in every language and theme)."""
from __future__ import annotations

import tempfile
from collections.abc import Iterator
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
    """Save a PNG of every screen in `out`; the screens' names, in order."""
    import pygame

    app = start(data_dir, fast=True, seed=7, content=content, settings=settings)
    names: list[str] = []
    for name in tour(app, report_folder(data_dir)):
        app.draw()
        pygame.image.save(app.canvas, str(out / f"{name}.png"))
        names.append(name)
    return names


def report_folder(data_dir: str | Path) -> Path:
    """Where the tour's lesson report goes: a "Documents > Safety Dash reports" of its own, so
    the summary names the place as it does on a real computer."""
    return Path(data_dir) / "Documents" / "Safety Dash reports"


def tour(app, report_dir: Path) -> Iterator[str]:
    """Show every screen of `app` in turn; yields each screen's name when it is ready to draw.

    Progress is made up along the way (messages seen, points), in the app's own data folder."""
    yield from player_screens(app)
    yield from chat_screens(app)
    yield from classroom_screens(app, report_dir)


def player_screens(app) -> Iterator[str]:
    """The player's screens, from the title to the settings."""
    from game.rules.progress import RoundSummary, apply_round, record_message
    from game.scenes.age import AgeScene
    from game.scenes.help import HelpScene
    from game.scenes.message import MessageScene
    from game.scenes.notebook import NotebookScene, TopicPageScene, seen_by_topic
    from game.scenes.results import ResultsScene

    from game.i18n import t

    session, bank = app.session, app.session.bank
    yield "title"
    app.push(AgeScene(app))
    yield "age"
    session.profile.age_band = "10-12"
    yield from _round(app)
    app.back_to_root()

    messages = bank.messages_for(session.band)
    for m in messages[: max(1, len(messages) // 2)]:
        record_message(session.profile, m.id)
    session.profile.total_points = 350
    outcome = apply_round(session.profile, 180, bank.ranks)
    summary = RoundSummary(180, 3, 4, 1, 2, outcome, messages[0].id if messages else "")
    if messages:
        longest = max(messages, key=lambda m: len(m.title + m.text + m.do))
        for key, message, mood in (("message", messages[0], "proud"),
                                   ("message-longest", longest, "kind")):
            app.push(MessageScene(app, message, after=ResultsScene(app, summary), mood=mood))
            scene = app.scene
            for page in range(len(scene.pages)):
                scene.page = page
                yield key if page == 0 else f"{key}-page{page + 1}"
            scene.shown_at = app.now - scene.wait
            yield f"{key}-continue"
            app.pop()
    results = ResultsScene(app, summary)
    results.celebrating = False
    app.push(results)
    yield "results"
    app.pop()
    if outcome.promoted:
        app.push(ResultsScene(app, summary))
        for _ in range(30):
            app.step(1 / 60)
        yield "promotion"
        app.pop()
    app.push(NotebookScene(app))
    yield from _pages(app.scene, "notebook")
    topic, seen = max(seen_by_topic(app), key=lambda group: len(group[1]))
    if seen:
        app.push(TopicPageScene(app, topic, seen))
        yield from _pages(app.scene, "notebook-topic")
        app.pop()
    topic, seen = min(seen_by_topic(app), key=lambda group: len(group[1]))
    if not seen:  # a topic with nothing collected yet: its outlines still to find
        app.push(TopicPageScene(app, topic, seen))
        yield "notebook-topic-to-find"
        app.pop()
    app.pop()
    app.push(HelpScene(app))
    yield from _pages(app.scene, "help")
    app.pop()
    yield from _settings(app)
    app.back_to_root()
    yield "title-rank"  # with the rank card, after a round
    session.notices.append(t(  # as game.save says it
        "Your saved progress could not be read, so the game is starting fresh. The old file "
        "was kept in the game's save folder, with today's date in its name."))
    app.scene.on_enter()
    yield "title-notice"  # at a large text size, the notices come on a card of their own
    app.back_to_root()
    session.notices.pop()
    app.scene.on_enter()
    app.toast(t("Sound off (press M to turn it on)"))
    yield "toast"
    app.toast("", 0)


def chat_screens(app) -> Iterator[str]:
    """Chat Check: the choice of game, then a chat: the contact typing, a message arriving, a
    decision, a sign marked, Scout's step-back after an unsafe choice, the end, each page of
    the signs' review, the ending's message and the results."""
    from game.actions import Act, Action
    from game.rules.chat import Choice
    from game.scenes.chat import ChatScene
    from game.scenes.chat_review import ChatReviewScene
    from game.scenes.game_kind import GameKindScene

    app.back_to_root()
    app.push(GameKindScene(app))
    yield "game-kind"
    app.back_to_root()
    session = app.session
    session.profile.age_band = "10-12"
    chats = session.bank.chats_for(session.band)
    if not chats:
        return
    chat = max(chats, key=lambda c: sum(len(getattr(s, "text", "")) for s in c.steps))
    app.push(ChatScene(app, chat))
    scene = app.scene

    def until(ready) -> None:
        for _ in range(60 * 600):  # ten minutes of the chat at most
            if ready():
                return
            app.step(1 / 60)
        raise RuntimeError(f"the chat '{chat.id}' stopped at '{scene.run.step.id}'")

    until(lambda: scene.contact_typing)
    yield "chat-typing"
    until(lambda: scene.revealed >= 2 or scene.state != "reading")
    yield "chat-arriving"
    until(lambda: scene.state != "reading")
    yield "chat-decision"
    signs = [i for i in range(scene.revealed) if scene.run.lines[i].sign] or \
        [i for i in range(scene.revealed) if scene.run.lines[i].who == "contact"]
    if signs:
        scene.focused = ("line", signs[-1])
        app.dispatch(Action(Act.CONFIRM))
        yield "chat-marked"
    step = scene.run.step
    if isinstance(step, Choice):
        unsafe = [i for i, o in enumerate(step.options) if not o.safe]
        if unsafe:
            app.dispatch(Action(Act.CHOOSE, unsafe[0]))
            yield "chat-scout"
            app.dispatch(Action(Act.CONFIRM))
    while not scene.run.finished or scene.waiting_line:
        until(lambda: scene.state in ("choice", "end"))
        step = scene.run.step
        if isinstance(step, Choice):
            app.dispatch(Action(Act.CHOOSE, next(i for i, o in enumerate(step.options)
                                                 if o.safe)))
    yield "chat-end"
    app.dispatch(Action(Act.CONFIRM))
    review = app.scene
    assert isinstance(review, ChatReviewScene)
    yield from _pages(review, "chat-review")
    review.proceed()
    message = app.scene
    for page in range(len(getattr(message, "pages", ()))):
        message.page = page
        yield "chat-message" if page == 0 else f"chat-message-page{page + 1}"
    message.shown_at = app.now - message.wait
    message.page = len(message.pages) - 1
    message.proceed()
    app.scene.celebrating = False
    yield "chat-results"
    app.back_to_root()


def _round(app) -> Iterator[str]:
    """A round: before its first question, a question with its gate in view, the feedback after
    the gate, and paused."""
    from game.rules.tuning import DOG_X, WIDTH
    from game.scenes import round_view
    from game.scenes.round import RoundScene

    app.replace(RoundScene(app))
    scene = app.scene
    r = scene.round
    for _ in range(30):
        app.step(1 / 60)
    yield "round-idle"

    def gate_right(index: int) -> float:  # where a gate ends on the screen
        return r.course.gates[index].x - r.distance + DOG_X + round_view.WALL_W

    def gate_in_view() -> bool:  # the whole gate on screen, still far ahead of the dog
        right = gate_right(r.next_gate)
        return right < WIDTH - 20 and right - round_view.GATE_W > WIDTH // 2

    while r.course.gates and not (r.question_gate and gate_in_view()):
        app.step(1 / 60)
    yield "round"
    if r.course.gates:
        r.choose(r.course.gates[0].question.safe_index)
    while r.course.gates and not r.results:
        app.step(1 / 60)
    while r.course.gates and gate_right(0) > round_view.GATE_W + 12:
        app.step(1 / 60)  # the gate behind the dog, still all on the screen
    yield "round-feedback"
    scene.pause()
    yield "round-paused"


def _pages(scene, name: str) -> Iterator[str]:
    """Each page of a paged screen, the first called `name`, then name-page2, ..."""
    yield name
    for page in range(1, len(getattr(scene, "pages", ()))):
        scene.turn(1)
        yield f"{name}-page{page + 1}"


def _settings(app) -> Iterator[str]:
    """The Settings screen, each of its pages, and the Keys screen (when it exists)."""
    from game.scenes.settings import SettingsScene
    app.push(SettingsScene(app))
    scene = app.scene
    for page in range(len(scene.pages)):
        if page:
            scene.turn(1)
        yield "settings" if page == 0 else f"settings-page{page + 1}"
    app.pop()
    try:
        from game.scenes.keys import KeysScene
    except ImportError:
        return
    app.push(KeysScene(app))
    scene = app.scene
    for page in range(scene.pages):  # a count of pages, on this screen
        if page:
            scene.turn(1)
        yield "keys" if page == 0 else f"keys-page{page + 1}"
    app.pop()


def classroom_screens(app, report_dir: Path) -> Iterator[str]:
    """Classroom mode's screens: setup, whose turn, a class vote, the message and its talk panel, the teacher's keys,
    the scoreboard and the summary."""
    from game.actions import Act, Action
    from game.rules.classroom import LessonPlan, default_teams
    from game.scenes.classroom import run as classroom_run
    from game.scenes.classroom.run import ClassroomRun
    from game.scenes.classroom.talk import ClassMessageScene

    classroom_run.open_setup(app)
    yield "classroom-setup"
    setup = app.scene
    setup.go_to(setup.page_of("topics"))  # each part's first page, however many the words need
    yield "classroom-setup-topics"
    setup.go_to(setup.page_of("class"))
    yield "classroom-setup-class"
    app.back_to_root()
    plan = LessonPlan(band="10-12", rounds=3, teams=default_teams(3), style="vote")
    run = ClassroomRun(app, plan, report_dir)
    app.push(app.scene)  # the lesson replaces screens above the title
    run.begin()
    yield "classroom-turn"
    run.play_round()
    while not app.scene.voting:
        app.step(1 / 60)
    yield "classroom-vote"
    app.dispatch(Action(Act.LEGEND))
    yield "classroom-keys"
    app.dispatch(Action(Act.LEGEND))
    app.dispatch(Action(Act.CHOOSE, 0))
    while not isinstance(app.scene, ClassMessageScene):
        app.step(1 / 60)
        if getattr(app.scene, "voting", False):
            app.dispatch(Action(Act.CHOOSE, app.scene.round.question_gate.question.safe_index))
    yield "classroom-message"
    app.dispatch(Action(Act.NEXT))
    for _ in range(3):
        app.dispatch(Action(Act.REVEAL))
    yield "classroom-talk"
    app.dispatch(Action(Act.NEXT))
    yield "classroom-scores"
    run.end_lesson()
    yield "classroom-final"
    app.dispatch(Action(Act.NEXT))
    yield "classroom-summary"
    app.dispatch(Action(Act.NEXT))
    yield "classroom-questions"
    app.back_to_root()
    yield from classroom_chat_screens(app, report_dir)


def classroom_chat_screens(app, report_dir: Path) -> Iterator[str]:
    """A Chat Check round in class: whose turn, a message held for the class to talk about, a
    class vote on a choice, Scout's step-back, the signs' review, the chat's talk prompts, the
    class summary's line for the signs."""
    from game.actions import Act, Action
    from game.rules.classroom import LessonPlan, default_teams
    from game.scenes.classroom.chat import ClassChatReviewScene
    from game.scenes.classroom.run import ClassroomRun
    from game.scenes.classroom.talk import ClassMessageScene

    plan = LessonPlan(band="13-15", rounds=2, teams=default_teams(2), style="vote", kind="chat")
    run = ClassroomRun(app, plan, report_dir)
    app.push(app.scene)
    run.begin()
    yield "classroom-chat-turn"
    run.play_round()
    chat = app.scene
    while chat.revealed < 2:
        app.step(1 / 60)
        if chat.state == "choice":
            break
    chat.mark(next(i for i in range(chat.revealed) if chat.run.lines[i].who == "contact"))
    app.dispatch(Action(Act.PAUSE))
    yield "classroom-chat-held"
    app.dispatch(Action(Act.PAUSE))
    while chat.state != "choice":
        app.step(1 / 60)
    yield "classroom-chat-vote"
    options = chat.run.step.options
    app.dispatch(Action(Act.CHOOSE, next(i for i, o in enumerate(options) if not o.safe)))
    yield "classroom-chat-scout"
    while not isinstance(app.scene, ClassChatReviewScene):
        if chat.state == "choice":
            options = chat.run.step.options
            chat.choose(next(i for i, o in enumerate(options) if o.safe))
        elif chat.state in ("scout", "end"):
            chat.step_on()
        app.step(1 / 60)
    yield "classroom-chat-signs"
    app.dispatch(Action(Act.NEXT))
    while isinstance(app.scene, ClassMessageScene):  # its pages, then talk about it
        app.dispatch(Action(Act.NEXT))
    for _ in range(3):
        app.dispatch(Action(Act.REVEAL))
    yield "classroom-chat-talk"
    run.end_lesson()
    app.dispatch(Action(Act.NEXT))
    yield "classroom-chat-summary"
    app.back_to_root()
