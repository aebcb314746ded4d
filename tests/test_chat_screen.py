"""Chat Check's screens, played through the real app with real input events: messages at a
reading pace, choices by every input device and by one switch, Scout's step-back, marks, the
review, the ending's message into the Notebook, the results, help, read aloud, and every
screen readable at every text size in both languages."""
from __future__ import annotations

import shutil
from dataclasses import replace

import pygame
import pytest

from helpers import click, frames, key, new_app, tap
from screen_check import tracking
from game.actions import Act, Action
from game.content import load_bank
from game.launch import start
from game.rules.chat import Chat, Choice, Ending, Option, Says
from game.rules.scanning import STEP_SECONDS
from game.rules.tuning import STEP, reading_seconds
from game.scenes.chat import ChatScene
from game.scenes.chat_review import ChatResultsScene, ChatReviewScene, ChatSummary
from game.scenes.help import HelpScene
from game.scenes.message import MessageScene
from game.settings import LANGUAGES, TEXT_SCALES

BEAT_FRAMES = round(STEP_SECONDS / STEP)


def sample_chat(ending: str) -> Chat:
    """Two decisions (each with an unsafe option), four signs, a reply, a narrator's note."""
    return Chat("chat-test", "strangers", ("7-9", "10-12", "13-15"), "003.txt", "Jay", "fox", (
        Says("hello", "Hi! You are really good at this game!", "coins", "flattery",
             "Lots of praise from a stranger can be a way to make you trust them."),
        Says("coins", "I can give you 500 free coins. Just add me as a friend!", "where",
             "gift", "A gift from someone you do not know can be a trick."),
        Says("where", "What school do you go to? I might know it.", "choice-1",
             "personal-info", "Your school tells a stranger where to find you."),
        Choice("choice-1", (
            Option("reply", "Yes please! I will add you.", False, "",
                   "Free coins from a stranger are often a trick. Check with a grown-up."),
            Option("reply", "No thanks. I don't talk to people I don't know.", True, "note"),
            Option("block", "", True, "note"))),
        Says("note", "Mum helps you look at the chat.", "secret", narrator=True),
        Says("secret", "Don't tell your mum about me, OK?", "choice-2", "secret",
             "A grown-up you trust should always know."),
        Choice("choice-2", (
            Option("reply", "OK, I won't tell.", False, "",
                   "Secrets with a stranger are never OK. Tell a grown-up you trust."),
            Option("report", "", True, "the-end"))),
        Ending("the-end", ending),
    ))


@pytest.fixture(autouse=True)
def video():
    pygame.display.init()


def chat_app(tmp_path, **settings):
    app = new_app(tmp_path) if not settings else start(str(tmp_path), fast=True, seed=0,
                                                        settings=settings)
    bank = app.session.bank
    app.session.bank = replace(bank, chats=(sample_chat(bank.messages[0].id),))
    app.session.profile.age_band = "7-9"
    pygame.event.clear()
    frames(app, 1)
    pygame.event.clear()
    return app


def open_chat(app) -> ChatScene:
    app.push(ChatScene(app, app.session.bank.chats[0]))
    return app.scene


def until(app, ready, limit: int = 60 * 120) -> None:
    for _ in range(limit):
        if ready():
            return
        frames(app, 1)
    raise AssertionError("the chat never got there")


def at_choice(app, scene: ChatScene) -> None:
    until(app, lambda: scene.state == "choice")
    frames(app, 1)


# --- the pace ---------------------------------------------------------------------------------

def test_messages_arrive_one_at_a_time_after_the_one_before_has_had_its_reading_time(tmp_path):
    app = chat_app(tmp_path)
    scene = open_chat(app)
    assert scene.revealed == 0 and scene.contact_typing  # "typing..." before the first
    until(app, lambda: scene.revealed == 1)
    wait = reading_seconds(scene.run.lines[0].text, "7-9")
    frames(app, round((wait - 0.3) / STEP))
    assert scene.revealed == 1 and scene.contact_typing  # the next is being typed
    frames(app, round(0.6 / STEP))
    assert scene.revealed == 2
    assert scene.state == "reading" and not scene.items[-1][0] == "button"  # no choice yet


def test_with_reduced_motion_the_typing_dots_stand_still(tmp_path):
    def dots(reduced: bool) -> set[bytes]:
        (tmp_path / str(reduced)).mkdir()
        app = chat_app(tmp_path / str(reduced), reduced_motion=reduced)
        scene = open_chat(app)
        seen = set()
        for _ in range(6):
            app.draw()
            x, y, w, h = scene.geo.area
            seen.add(pygame.image.tobytes(app.canvas.subsurface((x, y + h - 80, 200, 80)),
                                          "RGB"))
            app.step(0.13)
        return seen
    assert len(dots(True)) == 1
    assert len(dots(False)) > 1


# --- choosing, with every input device ----------------------------------------------------

def _buttons(scene: ChatScene):
    return scene._panel()[1]


def test_keys_1_to_4_choose_and_an_unsafe_choice_brings_scout_then_the_choice_again(tmp_path):
    app = chat_app(tmp_path)
    scene = open_chat(app)
    at_choice(app, scene)
    key(app, pygame.K_1)  # the unsafe reply
    assert scene.state == "scout" and scene.scout.why.startswith("Free coins")
    assert len(scene.run.lines) == 3  # the story did not go on
    assert [b.label for b in _buttons(scene)] == ["Choose again"]
    key(app, pygame.K_RETURN)
    assert scene.state == "choice" and scene.run.step.id == "choice-1"
    key(app, pygame.K_2)
    assert scene.run.lines[3].who == "me" and scene.revealed == 4  # the reply, at once
    assert scene.run.lines[4].who == "note"  # the story goes on after a pause
    assert scene.run.taken == [("choice-1", 0, False), ("choice-1", 1, True)]


def test_the_mouse_marks_a_message_and_picks_a_choice(tmp_path):
    app = chat_app(tmp_path)
    scene = open_chat(app)
    at_choice(app, scene)
    (i, rect), = [(i, r) for i, r in scene.bubbles_in_view() if i == 1]
    click(app, (rect.x + 20, rect.centery))
    assert scene.run.marked == {1}
    click(app, (rect.x + 20, rect.centery))  # again: the mark comes off
    assert scene.run.marked == set()
    click(app, (rect.x + 20, rect.centery))
    click(app, _buttons(scene)[2].rect.center)  # Block Jay
    assert scene.run.taken == [("choice-1", 2, True)]


def test_touch_marks_a_message_and_picks_a_choice(tmp_path):
    app = chat_app(tmp_path)
    scene = open_chat(app)
    at_choice(app, scene)
    rect = dict(scene.bubbles_in_view())[0]
    tap(app, (rect.x + 20, rect.centery))
    assert scene.run.marked == {0}
    tap(app, _buttons(scene)[1].rect.center)
    assert scene.run.taken == [("choice-1", 1, True)]


def test_arrows_and_enter_mark_a_message_and_choose(tmp_path):
    app = chat_app(tmp_path)
    scene = open_chat(app)
    at_choice(app, scene)
    assert scene.focused == ("button", 0)  # a decision: the first choice in focus
    key(app, pygame.K_UP)  # the newest message
    assert scene.focused == ("line", 2)
    key(app, pygame.K_RETURN)
    assert scene.run.marked == {2}
    key(app, pygame.K_DOWN)
    key(app, pygame.K_DOWN)
    key(app, pygame.K_SPACE)
    assert scene.run.taken == [("choice-1", 1, True)]


def test_a_gamepad_marks_a_message_and_chooses(tmp_path):
    app = chat_app(tmp_path)
    scene = open_chat(app)
    at_choice(app, scene)

    def press(b: int) -> None:
        pygame.event.post(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=0,
                                             button=b))
        frames(app, 1)
    press(pygame.CONTROLLER_BUTTON_DPAD_UP)
    press(pygame.CONTROLLER_BUTTON_DPAD_UP)
    press(pygame.CONTROLLER_BUTTON_A)
    assert scene.run.marked == {1}
    for _ in range(4):  # down past the last message to the choices: Block Jay
        press(pygame.CONTROLLER_BUTTON_DPAD_DOWN)
    press(pygame.CONTROLLER_BUTTON_A)
    assert scene.run.taken == [("choice-1", 2, True)]


def test_one_switch_steps_through_the_choices_and_the_messages_and_the_switch_picks(tmp_path):
    app = chat_app(tmp_path, one_switch=True)
    scene = open_chat(app)
    at_choice(app, scene)
    assert scene.focused == ("button", 0)
    lit = []
    for _ in range(6):  # 3 choices, then round to the 3 messages
        frames(app, BEAT_FRAMES)
        lit.append(scene.focused)
    assert lit == [("button", 1), ("button", 2), ("line", 0), ("line", 1), ("line", 2),
                   ("button", 0)]
    frames(app, 3 * BEAT_FRAMES)
    assert scene.focused == ("line", 0)
    key(app, pygame.K_SPACE)  # the switch marks the lit message
    assert scene.run.marked == {0}
    frames(app, 4 * BEAT_FRAMES)
    assert scene.focused == ("button", 1)
    key(app, pygame.K_SPACE)
    assert scene.run.taken == [("choice-1", 1, True)]
    until(app, lambda: scene.state == "choice" and scene.run.step.id == "choice-2")
    frames(app, 1)
    frames(app, BEAT_FRAMES)
    key(app, pygame.K_SPACE)  # Report Jay
    until(app, lambda: scene.state == "end")
    frames(app, 1)
    assert scene.focused == ("button", 0)  # the end: the way on is lit first
    key(app, pygame.K_SPACE)
    assert isinstance(app.scene, ChatReviewScene)


# --- the end: the review, the message into the Notebook, the results ---------------------------

def play_to_the_end(app, scene: ChatScene) -> None:
    at_choice(app, scene)
    app.dispatch(Action(Act.CHOOSE, 1))
    until(app, lambda: scene.state == "choice" and scene.run.step.id == "choice-2")
    frames(app, 1)
    app.dispatch(Action(Act.CHOOSE, 1))
    until(app, lambda: scene.state == "end")


def test_the_end_shows_the_signs_then_the_message_into_the_notebook_then_the_results(tmp_path):
    app = chat_app(tmp_path)
    scene = open_chat(app)
    until(app, lambda: scene.revealed == 2)
    scene.mark(1)  # the gift
    scene.mark(0)
    scene.mark(0)  # and off again
    play_to_the_end(app, scene)
    ending = app.session.bank.messages[0].id
    key(app, pygame.K_RETURN)
    review = app.scene
    assert isinstance(review, ChatReviewScene)
    assert [(line.sign, spotted) for line, spotted in review.signs()] == [
        ("personal-info", False), ("flattery", False), ("gift", True), ("secret", False)]
    summary = app.session.history[-1]
    assert isinstance(summary, ChatSummary) and summary.spotted == ("gift",)
    assert ending in app.session.profile.notebook
    review.proceed()
    assert isinstance(app.scene, MessageScene) and app.scene.message.id == ending
    assert isinstance(app.scene.after, ChatResultsScene)
    assert app.session.profile.total_points == scene.run.score() > 0


# --- help and read aloud -------------------------------------------------------------------

def test_help_opens_on_every_chat_screen(tmp_path):
    app = chat_app(tmp_path)
    scene = open_chat(app)

    def help_and_back(state: str) -> None:
        assert scene.state == state
        key(app, pygame.K_h)
        assert isinstance(app.scene, HelpScene)
        key(app, pygame.K_ESCAPE)
        assert app.scene is scene and scene.state == state

    help_and_back("reading")
    at_choice(app, scene)
    help_and_back("choice")
    app.dispatch(Action(Act.CHOOSE, 0))
    help_and_back("scout")
    key(app, pygame.K_RETURN)
    play_to_the_end(app, scene)
    help_and_back("end")
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, ChatReviewScene)
    key(app, pygame.K_h)
    assert isinstance(app.scene, HelpScene)


def test_read_aloud_reads_each_message_and_each_choice(tmp_path, monkeypatch):
    app = chat_app(tmp_path)
    said: list[str] = []
    monkeypatch.setattr(app, "speak", said.append)
    scene = open_chat(app)
    at_choice(app, scene)
    assert said[1:4] == ["Jay says: Hi! You are really good at this game!",
                         "Jay says: I can give you 500 free coins. Just add me as a friend!",
                         "Jay says: What school do you go to? I might know it."]
    assert said[4] == ("What will you do? 1: Reply: Yes please! I will add you. "
                       "2: Reply: No thanks. I don't talk to people I don't know. 3: Block Jay.")
    app.dispatch(Action(Act.CHOOSE, 0))
    assert said[-1].startswith("Free coins")


# --- every screen readable ---------------------------------------------------------------------

@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("scale", TEXT_SCALES)
def test_every_chat_screen_can_be_read(tmp_path, lang, scale):
    from game.commands.screenshots import chat_screens
    with tracking() as tracker:
        app = start(str(tmp_path), fast=True, seed=7, settings={"text_scale": scale,
                                                                "lang": lang})
        tracker.screen_problems(app)  # the title's own (test_every_screen checks it)
        found = {}
        names = []
        for name in chat_screens(app):
            names.append(name)
            problems = tracker.screen_problems(app)
            if problems:
                found[name] = problems
    assert {"game-kind", "chat-typing", "chat-decision", "chat-marked", "chat-scout",
            "chat-end", "chat-review", "chat-message", "chat-results"} <= set(names)
    assert not found, found


# --- the validator: a text too long for the phone at 200% -----------------------------------

def test_the_validator_names_a_message_too_long_for_the_phone_at_its_line(tmp_path, capsys):
    from game.__main__ import main
    from game.paths import content_dir
    bank = tmp_path / "content"
    shutil.copytree(content_dir(), bank)
    chats = bank / "chats.yaml"
    lines = chats.read_text(encoding="utf-8").split("\n")
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("says:"))
    column = lines[at].index("says:") + len("says: ") + 1
    lines[at] = lines[at].split("says:")[0] + "says: " + "Tell me where you live. " * 30
    chats.write_text("\n".join(lines), encoding="utf-8")
    assert main(["validate", str(bank)]) == 1
    out = capsys.readouterr().out
    assert f"chats.yaml:{at + 1}:{column}: error [chat-too-long]" in out
    assert out.count("[chat-too-long]") == 1  # the shipped chats all fit


# --- preview: an editor's view of one chat ------------------------------------------------------

def test_preview_opens_a_chat_and_f5_plays_the_edited_one_from_its_start(tmp_path):
    from game.commands.preview import show
    from game.paths import content_dir
    pack = tmp_path / "content"
    shutil.copytree(content_dir(), pack)
    app = start(str(tmp_path / "data"), fast=True, seed=0, content=str(pack))
    chat = app.session.bank.chats[0]
    show(app, "chat", chat.id)
    scene = app.scene
    assert isinstance(scene, ChatScene) and scene.preview and scene.chat.id == chat.id
    first = chat.steps[0].text
    path = pack / "chats.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(first, "Hello from the editor!", 1),
                    encoding="utf-8")
    key(app, pygame.K_F5)
    assert isinstance(app.scene, ChatScene) and app.scene is not scene
    assert app.scene.run.lines[0].text == "Hello from the editor!"


def test_preview_of_a_chat_that_is_not_there_suggests_the_nearest(capsys):
    from game.commands.preview import preview
    chat = load_bank().chats[0]
    assert preview("chat", chat.id[:-1], max_frames=2) == 1
    assert chat.id in capsys.readouterr().err


@pytest.mark.parametrize("look", ["default", "high-contrast"])
def test_a_marked_message_wears_a_flag_that_stands_out_in_both_themes(tmp_path, look):
    from game.content.colours import contrast
    from game.scenes.chat import mark_colour
    from game.ui import theme
    app = chat_app(tmp_path, theme=look)
    try:
        scene = open_chat(app)
        at_choice(app, scene)
        plain = pygame.image.tobytes(scene._bubble(1), "RGBA")
        scene.mark(1)
        marked = scene._bubble(1)
        assert pygame.image.tobytes(marked, "RGBA") != plain
        x = scene._bubble_w(1) + 8  # the flag, right of the bubble, in the mark's colour
        flag = {marked.get_at((x + dx, y))[:3] for dx in range(4, 20)
                for y in range(marked.get_height())}
        assert mark_colour() in flag and contrast(mark_colour(), theme.PAPER) >= 3
    finally:
        theme.apply_theme("default")
