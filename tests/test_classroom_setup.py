"""The classroom setup screen, driven headless with real pygame events: keyboard only, mouse
only and touch only, typing team names, ready-made lessons, and projector-sized text."""
from __future__ import annotations

import dataclasses

import pygame
import pytest

from helpers import click, frames, key, new_app, tap
from game import i18n
from game.i18n import t
from game.launch import start
from game.content import model
from game.content.model import Bank
from game.rules.classroom import MAX_ROUNDS, NAME_LIMIT, TEAM_COLOURS, even_turns
from game.rules.tuning import HEIGHT, WIDTH
from game.scenes.classroom.setup import SetupScene
from game.scenes.classroom.words import animal_names, rounds_each
from game.scenes.help import HelpScene
from game.ui import text, theme
from game.ui.layout.base import button_label_box


@pytest.fixture
def app(tmp_path):
    yield new_app(tmp_path)
    pygame.event.clear()  # nothing left over for the next test


def open_setup(app) -> tuple[SetupScene, list]:
    pygame.event.clear()  # the window's start-up events
    plans: list = []
    scene = SetupScene(app, plans.append)
    app.push(scene)
    frames(app, 1)
    return scene, plans


def type_keys(app, letters: str) -> None:
    """Type as a real keyboard does: a key press, then the text it makes."""
    for ch in letters:
        code = pygame.K_SPACE if ch == " " else ord(ch.lower())
        pygame.event.post(pygame.event.Event(pygame.KEYDOWN, key=code, mod=0, unicode=ch,
                                             scancode=0))
        pygame.event.post(pygame.event.Event(pygame.TEXTINPUT, text=ch))
    frames(app, 1)


def erase(app, count: int) -> None:
    for _ in range(count):
        key(app, pygame.K_BACKSPACE)


def open_name_for_typing(app, scene: SetupScene, team: int = 0) -> None:
    scene.go_to(2)
    click(app, scene.spot_centre(f"team{team}:name"))
    assert scene.typing and scene.editing == team


def test_keyboard_only_run_through_setup(app):
    scene, plans = open_setup(app)
    assert scene.page == 0 and scene.focused().key == "lesson"
    key(app, pygame.K_DOWN)
    assert scene.focused().key == "band"
    key(app, pygame.K_LEFT)  # 10-12 -> 7-9
    key(app, pygame.K_LEFT)  # already the youngest: stays
    key(app, pygame.K_DOWN)
    key(app, pygame.K_LEFT)  # 4 -> 2 rounds: one turn fewer for each of the 2 teams
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RIGHT)  # Teams take turns -> Class vote
    key(app, pygame.K_n)
    assert scene.page == 1
    first_topic = app.session.bank.topics[0].id
    assert scene.focused().key == f"topic:{first_topic}"
    key(app, pygame.K_SPACE)  # tick the first topic
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RIGHT)  # along the row to the next column's topic
    key(app, pygame.K_RETURN)
    key(app, pygame.K_RETURN)  # ...and untick it again
    key(app, pygame.K_n)
    assert scene.page == 2
    assert scene.focused().key == "teams"
    key(app, pygame.K_RIGHT)  # 3 teams: 3 rounds, one each
    assert scene.planned_rounds == 3
    key(app, pygame.K_LEFT)  # back to 2: the 2 rounds chosen
    key(app, pygame.K_DOWN)
    key(app, pygame.K_RIGHT)  # from the colour swatch to the name
    assert scene.focused().key == "team0:name"
    key(app, pygame.K_RETURN)
    assert scene.typing
    erase(app, len("Foxes"))
    type_keys(app, "Kestrels")  # E and S are teacher keys: while typing they type
    key(app, pygame.K_RETURN)
    assert not scene.typing
    for _ in range(3):  # team 1, timers, then the row of Back and Start lesson
        key(app, pygame.K_DOWN)
    key(app, pygame.K_RIGHT)
    assert scene.focused().key == "next"
    key(app, pygame.K_RETURN)
    assert len(plans) == 1
    plan = plans[0]
    assert plan.band == "7-9"
    assert plan.rounds == 2
    assert [t.name for t in plan.teams] == ["Kestrels", "Owls"]
    assert plan.style == "vote"
    assert plan.topics == (first_topic,)
    assert plan.timers is False
    assert plan.lesson_id == ""


def test_touch_only_run_through_setup(app):
    scene, plans = open_setup(app)
    tap(app, scene.spot_centre("band:13-15"))
    tap(app, scene.spot_centre("rounds:+"))
    tap(app, scene.spot_centre("rounds:+"))
    tap(app, scene.spot_centre("style:>"))
    tap(app, scene.spot_centre("next"))
    assert scene.page == 1
    topics = [t.id for t in app.session.bank.topics]
    tap(app, scene.spot_centre(f"topic:{topics[-1]}"))
    tap(app, scene.spot_centre(f"topic:{topics[1]}"))
    tap(app, scene.spot_centre("next"))
    assert scene.page == 2
    tap(app, scene.spot_centre("teams:+"))
    before = scene.teams[1].name
    tap(app, scene.spot_centre("team1:next"))
    renamed = scene.teams[1].name
    assert renamed != before and renamed in animal_names()
    tap(app, scene.spot_centre("team2:colour"))
    tap(app, scene.spot_centre("timers:on"))
    tap(app, scene.spot_centre("next"))
    assert len(plans) == 1
    plan = plans[0]
    assert plan.band == "13-15" and plan.rounds == 9 and plan.style == "vote"  # 8, for 3 teams
    assert plan.topics == (topics[1], topics[-1])  # in the bank's order
    assert len(plan.teams) == 3
    names = [t.name for t in plan.teams]
    assert names[1] == renamed and len(set(names)) == 3
    assert len({t.colour for t in plan.teams}) == 3
    assert plan.timers is True


def test_mouse_only_run_through_setup(app):
    scene, plans = open_setup(app)
    click(app, scene.spot_centre("band:7-9"))
    click(app, scene.spot_centre("rounds:-"))
    click(app, scene.spot_centre("style"))  # a click on the value itself changes it too
    click(app, scene.spot_centre("next"))
    click(app, scene.spot_centre("back"))
    assert scene.page == 0
    click(app, scene.spot_centre("next"))
    click(app, scene.spot_centre("next"))
    assert scene.page == 2
    click(app, scene.spot_centre("teams:-"))
    assert scene.team_count == 1
    assert not any(s.key == "teams:-" for s in scene.layout.spots)  # one team is the fewest
    click(app, scene.spot_centre("team0:name"))
    assert scene.typing
    click(app, (WIDTH // 2, 560))  # a click elsewhere finishes, the name unchanged
    assert not scene.typing and scene.teams[0].name == "Foxes"
    click(app, scene.spot_centre("team0:colour"))
    click(app, scene.spot_centre("next"))
    assert len(plans) == 1
    plan = plans[0]
    assert plan.band == "7-9" and plan.rounds == 2 and plan.style == "vote"
    assert plan.topics == ()  # none ticked: every topic
    assert [t.name for t in plan.teams] == ["Foxes"]
    assert plan.teams[0].colour != TEAM_COLOURS[0]


def test_a_ready_made_lesson_fills_in_the_plan(app):
    if not hasattr(Bank(), "lessons"):
        pytest.skip("the bank has no ready-made lessons yet (Bank.lessons is being added)")
    bank = app.session.bank
    topics = [t.id for t in bank.topics]
    lesson = model.Lesson("test-lesson", "A test lesson", "What the lesson is about.",
                          (topics[2], topics[0]), ("13-15", "10-12"), 6, "vote")
    app.session.bank = dataclasses.replace(bank, lessons=(lesson,))
    scene, plans = open_setup(app)
    assert scene.lesson is None  # "Choose my own" first
    key(app, pygame.K_RIGHT)
    assert scene.lesson == lesson
    for _ in range(3):  # N through the pages; on the last it starts the lesson
        key(app, pygame.K_n)
    plan = plans[-1]
    assert plan.lesson_id == "test-lesson" and plan.title == "A test lesson"
    assert plan.topics == (topics[0], topics[2])
    assert plan.band == "13-15" and plan.rounds == 6 and plan.style == "vote"

    scene, plans = open_setup(app)
    key(app, pygame.K_RIGHT)
    key(app, pygame.K_RIGHT)  # round again to "Choose my own"
    assert scene.lesson is None
    scene.next()
    scene.next()
    scene.next()
    assert plans[-1].lesson_id == "" and plans[-1].title == "Safety Dash lesson"


def words_drawn(app, scene: SetupScene, monkeypatch) -> str:
    """Every word drawn on the setup screen's page as it is now, in one string."""
    drawn: list[str] = []
    render = text.render

    def recording(words, size, colour, bold=False):
        drawn.append(words)
        return render(words, size, colour, bold)

    with monkeypatch.context() as m:
        m.setattr(text, "render", recording)
        scene.changed()
        app.draw()
    return " ".join(drawn)


@pytest.mark.parametrize("teams", [1, 2, 3, 4])
def test_the_rounds_go_in_whole_turns_so_every_team_plays_as_many(app, teams, monkeypatch):
    """2 teams and 1 round would leave a team out and make the other the winner: the rounds
    offered are whole turns of the class, and the screen says how many each team plays."""
    scene, plans = open_setup(app)
    scene.change_teams(teams - scene.team_count)
    for _ in range(MAX_ROUNDS):
        scene.change_rounds(-1)
    offered = []
    for _ in range(MAX_ROUNDS + 1):
        offered.append(scene.planned_rounds)
        scene.change_rounds(1)
    assert offered == sorted(offered)  # up a whole turn at a time, then staying at the top
    assert sorted(set(offered)) == list(range(teams, MAX_ROUNDS + 1, teams))
    assert all(even_turns(rounds, teams) for rounds in offered)
    scene.change_rounds(-MAX_ROUNDS)
    assert scene.planned_rounds == teams  # each team one round, the fewest
    for part in ("lesson", "class"):
        drawn = ""
        for page in (i for i, (p, _) in enumerate(scene.pages) if p == part):
            scene.go_to(page)
            drawn += words_drawn(app, scene, monkeypatch)
        assert rounds_each(teams, teams) in drawn
    scene.start_lesson()
    assert plans[-1].rounds == teams and plans[-1].rounds_each == 1


def test_a_change_of_teams_keeps_the_rounds_fair_and_gives_back_the_teachers_number(app):
    scene, plans = open_setup(app)
    assert (scene.team_count, scene.planned_rounds) == (2, 4)
    scene.change_teams(1)
    assert scene.planned_rounds == 6  # 3 teams: the next whole turn, 2 rounds each
    scene.change_teams(1)
    assert scene.planned_rounds == 4  # 4 teams: 1 round each
    scene.change_teams(-2)
    assert scene.planned_rounds == 4  # back to 2 teams: the 4 rounds chosen
    scene.change_rounds(1)
    scene.change_teams(1)
    assert scene.planned_rounds == 6
    scene.change_teams(1)
    assert scene.planned_rounds == 8
    scene.start_lesson()
    assert plans[-1].rounds == 8 and len(plans[-1].teams) == 4 and plans[-1].rounds_each == 2


def test_a_ready_made_lesson_s_rounds_are_made_fair_for_the_class(app):
    bank = app.session.bank
    lesson = model.Lesson("odd", "Five rounds", "About.", (), ("10-12",), 5, "turns")
    app.session.bank = dataclasses.replace(bank, lessons=(lesson,))
    scene, plans = open_setup(app)
    scene.choose_lesson(1)
    assert scene.planned_rounds == 6  # 5 rounds for 2 teams: 3 each
    scene.change_teams(-1)
    assert scene.planned_rounds == 5  # one team plays all 5
    scene.start_lesson()
    assert plans[-1].rounds == 5


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_the_timers_control_says_what_each_choice_does(tmp_path, monkeypatch, lang):
    """Both choices are always shown, each saying what it means, the one in use ticked: no
    tick box whose words mean the opposite of its tick."""
    app = start(str(tmp_path), fast=True, settings={"lang": lang})
    scene, plans = open_setup(app)
    scene.go_to(len(scene.pages) - 1)
    off, on = t("Off: you set the pace"), t("On: reading and voting countdowns")
    for timers in (False, True):
        scene.set_timers(timers)
        drawn = words_drawn(app, scene, monkeypatch)
        assert off in drawn and on in drawn  # both, in either state
    tap(app, scene.spot_centre("timers:off"))
    assert scene.timers is False
    tap(app, scene.spot_centre("timers:off"))  # a tap on the choice in use keeps it
    assert scene.timers is False
    click(app, scene.spot_centre("timers:on"))
    assert scene.timers is True
    scene.focus[scene.page] = "timers"
    key(app, pygame.K_LEFT)  # Left: Off, the first choice
    assert scene.timers is False
    key(app, pygame.K_RIGHT)  # Right: On
    assert scene.timers is True
    key(app, pygame.K_RETURN)  # Enter switches
    assert scene.timers is False
    scene.start_lesson()
    assert plans[-1].timers is False
    app.quit()


def test_typing_h_or_m_types_and_neither_opens_help_nor_mutes(app):
    scene, _ = open_setup(app)
    open_name_for_typing(app, scene)
    erase(app, len("Foxes"))
    type_keys(app, "HMPNESD")
    assert scene.draft == "HMPNESD"
    assert isinstance(app.scene, SetupScene) and not any(isinstance(s, HelpScene)
                                                         for s in app.stack)
    assert not app.sounds.muted
    assert not scene.paused and scene.page == 2
    key(app, pygame.K_ESCAPE)  # Esc finishes typing, and stays on the page
    assert scene.teams[0].name == "HMPNESD" and scene.page == 2 and not scene.typing
    key(app, pygame.K_h)  # not typing now: H is help again
    assert isinstance(app.scene, HelpScene)


def test_a_long_name_is_cut_and_an_empty_one_falls_back(app):
    scene, _ = open_setup(app)
    open_name_for_typing(app, scene)
    erase(app, len("Foxes"))
    type_keys(app, "W" * (NAME_LIMIT + 6))
    key(app, pygame.K_RETURN)
    assert scene.teams[0].name == "W" * NAME_LIMIT
    open_name_for_typing(app, scene)
    erase(app, NAME_LIMIT + 2)
    type_keys(app, "   ")
    key(app, pygame.K_RETURN)
    assert scene.teams[0].name == "Foxes"


def test_two_teams_never_share_a_name_typed_in(app):
    scene, _ = open_setup(app)
    open_name_for_typing(app, scene, 1)
    erase(app, len("Owls"))
    type_keys(app, "foxes")
    key(app, pygame.K_RETURN)
    names = [t.name.casefold() for t in scene.teams[:2]]
    assert len(set(names)) == 2


def test_no_two_teams_share_a_colour(app):
    scene, plans = open_setup(app)
    scene.go_to(2)
    for _ in range(2):
        tap(app, scene.spot_centre("teams:+"))
    assert scene.team_count == 4
    for turn in range(12):
        team = (turn * 3) % 4
        tap(app, scene.spot_centre(f"team{team}:colour"))
        colours = [t.colour for t in scene.teams[:4]]
        assert len(set(colours)) == 4 and set(colours) <= set(TEAM_COLOURS)
    tap(app, scene.spot_centre("teams:-"))
    tap(app, scene.spot_centre("team0:colour"))
    tap(app, scene.spot_centre("team0:colour"))
    tap(app, scene.spot_centre("teams:+"))  # the fourth team comes back without a clash
    colours = [t.colour for t in scene.teams[:4]]
    assert len(set(colours)) == 4
    key(app, pygame.K_n)
    assert len({t.colour for t in plans[-1].teams}) == 4


def test_esc_goes_back_a_page_then_leaves_and_unknown_keys_do_no_harm(app):
    scene, plans = open_setup(app)
    key(app, pygame.K_n)
    key(app, pygame.K_n)
    assert scene.page == 2
    for k in (pygame.K_q, pygame.K_1, pygame.K_z, pygame.K_s, pygame.K_d, pygame.K_e):
        key(app, k)
    assert app.scene is scene and scene.page == 2 and not plans
    key(app, pygame.K_ESCAPE)
    assert scene.page == 1
    key(app, pygame.K_ESCAPE)
    assert scene.page == 0
    key(app, pygame.K_ESCAPE)
    assert app.scene is not scene and not plans


def _states(app, scene: SetupScene):
    """Every page, in the states that need the most room."""
    scene.go_to(0)
    for i in range(len(scene.lessons) + 1):
        yield f"lesson {i}"
        scene.choose_lesson(1)
    scene.choose_style(1)
    for page in range(scene.page_of("topics")):
        scene.go_to(page)
        yield f"class vote, page {page + 1}"
    scene.go_to(scene.page_of("topics"))
    yield "no topic"
    for topic in app.session.bank.topics:
        scene.toggle_topic(topic.id)
    for page in range(scene.page_of("topics"), scene.page_of("class")):
        scene.go_to(page)
        yield f"every topic, page {page + 1}"
    scene.go_to(scene.page_of("class"))
    scene.change_teams(4)
    for team in scene.teams:
        team.name = "W" * NAME_LIMIT
    scene.changed()
    yield "four long names"
    scene.edit_name(3)
    yield "typing a name"
    scene.finish_editing()
    scene.toggle_timers()
    for page in range(scene.page_of("class"), len(scene.pages)):
        scene.go_to(page)
        yield f"timers on, page {page + 1}"


LOOKS = [("en", 1.0), ("cy", 1.0), ("en", 2.0), ("cy", 2.0)]


@pytest.fixture(params=LOOKS, ids=[f"{lang}-{int(scale * 100)}%" for lang, scale in LOOKS])
def any_app(tmp_path, request):
    """The app in English and in Welsh (the shipped catalogue), at 100% and 200% text."""
    lang, scale = request.param
    app = start(str(tmp_path / "data"), fast=True, settings={"lang": lang,
                                                              "text_scale": scale})
    yield app
    pygame.event.clear()
    i18n.use(i18n.ENGLISH, {})


def test_every_text_is_projector_sized_and_nothing_is_cut(any_app, monkeypatch):
    app = any_app
    sizes: set[int] = set()
    render = text.render

    def recording(words, size, colour, bold=False):
        sizes.add(size)
        return render(words, size, colour, bold)

    monkeypatch.setattr(text, "render", recording)
    monkeypatch.setattr(text, "truncated", set())
    scene, _ = open_setup(app)
    for state in _states(app, scene):
        app.draw()
        assert min(sizes) >= theme.CLASS_MIN_TEXT, state
        assert not text.truncated, state
    if scene.sizes.grow == 1.0:
        assert theme.CLASS_BODY in sizes and theme.CLASS_TITLE in sizes
    else:  # at 200% the words grow with the rest of the game
        assert max(sizes) > theme.CLASS_TITLE


def test_controls_stay_on_the_page_above_the_bar_and_apart(any_app):
    app = any_app
    scene, _ = open_setup(app)
    page = pygame.Rect(0, 0, WIDTH, scene.content_bottom)
    screen = pygame.Rect(0, 0, WIDTH, HEIGHT)
    bar = [b for place in scene.places for b in place] + scene.toolbar
    for state in _states(app, scene):
        layout = scene.layout
        on_bar = {"back", "next"}
        rects = [s.rect for s in layout.spots if s.key not in on_bar]
        rects += [b.rect for b, _ in layout.buttons]
        rects += [pygame.Rect(pos, pic.get_size()) for pic, pos in layout.pictures]
        for rect in rects:
            assert page.contains(rect), (state, rect)
        for rect in (b.rect for b in bar):
            assert screen.contains(rect) and not rect.colliderect(page), (state, rect)
        spots = layout.spots
        for i, a in enumerate(spots):
            for b in spots[i + 1:]:
                assert not a.rect.colliderect(b.rect), (state, a.key, b.key)
        for row in layout.rows:  # the focus outline of each control clears its neighbours
            for stop in row:
                ring = stop.rect.inflate(10, 10)
                others = [s.rect for s in spots if s.stop != stop.key]
                assert ring.collidelist(others) == -1, (state, stop.key)


def test_button_labels_fit_at_their_first_size(any_app):
    app = any_app
    scene, _ = open_setup(app)
    for state in _states(app, scene):
        buttons = [b for b, _ in scene.layout.buttons]
        buttons += [b for place in scene.places for b in place] + scene.toolbar
        for button in buttons:
            box = button_label_box(button.rect.w, button.rect.h, 0, button.size)
            fitted = box.fit(button.label, note=False)
            assert fitted.fits and fitted.size == button.size, (state, button.label)
            assert button.size >= theme.CLASS_MIN_TEXT


def test_every_control_is_reached_by_tab_and_the_lesson_starts_by_keys(any_app):
    """Tab steps through every control of a page (as one-switch play's highlight does), N goes
    on a page, and Enter on the last page's Start lesson starts it."""
    app = any_app
    scene, plans = open_setup(app)
    while True:
        keys = {stop.key for row in scene.layout.rows for stop in row}
        reached = set()
        for _ in range(len(keys)):
            reached.add(scene.focused().key)
            key(app, pygame.K_TAB)
        assert reached == keys, scene.page
        if scene.page == len(scene.pages) - 1:
            break
        key(app, pygame.K_n)
    while scene.focused().key != "next":
        key(app, pygame.K_TAB)
    assert scene.places[1][scene.shown(1)].label == t("Start lesson")
    key(app, pygame.K_RETURN)
    assert len(plans) == 1 and plans[0].teams[0].name == t("Foxes")


def test_the_pages_follow_a_change_of_language_and_text_size(app):
    scene, _ = open_setup(app)
    assert len(scene.pages) == 3 and scene.part == "lesson"
    scene.go_to(scene.page_of("class"))
    app.change_settings(lang="cy", text_scale=2.0)
    try:
        assert scene.part == "class" or scene.page == len(scene.pages) - 1
        assert len(scene.pages) > 3  # larger words need more pages
        assert scene.places[0][0].label == t("Back") != "Back"
    finally:
        app.change_settings(lang="en", text_scale=1.0)
    assert len(scene.pages) == 3


def test_one_switch_steps_through_every_control_but_the_names_and_starts(app):
    """One-switch play: the highlight steps on by itself (scan_step, on the App's beat) past
    the fields to type in, which a switch cannot fill; the switch (Space) presses."""
    scene, plans = open_setup(app)
    while True:
        reached = set()
        for _ in range(3 * len([s for row in scene.layout.rows for s in row])):
            scene.scan_step()
            reached.add(scene.focused().key)
        names = {s.key for row in scene.layout.rows for s in row if s.key.endswith(":name")}
        assert not reached & names and "next" in reached and "back" in reached
        if scene.page == len(scene.pages) - 1:
            break
        while scene.focused().key != "next":
            scene.scan_step()
        key(app, pygame.K_SPACE)
    while scene.focused().key != "next":
        scene.scan_step()
    key(app, pygame.K_SPACE)
    assert len(plans) == 1


def pad(app, button: int) -> None:
    pygame.event.post(pygame.event.Event(pygame.CONTROLLERBUTTONDOWN, instance_id=0,
                                         button=button))
    frames(app, 1)


def test_gamepad_only_run_through_setup_and_the_teachers_menu(app):
    """The d-pad moves, A presses, Start opens the teacher's menu, B goes back."""
    scene, plans = open_setup(app)
    pad(app, pygame.CONTROLLER_BUTTON_DPAD_RIGHT)  # the next ready-made lesson (or my own)
    pad(app, pygame.CONTROLLER_BUTTON_START)
    assert scene.paused
    pad(app, pygame.CONTROLLER_BUTTON_DPAD_DOWN)
    pad(app, pygame.CONTROLLER_BUTTON_A)  # Teacher's keys
    assert scene.legend and not scene.paused
    pad(app, pygame.CONTROLLER_BUTTON_B)
    assert not scene.legend and app.scene is scene
    for _ in range(len(scene.pages)):
        while scene.focused().key != "next":
            pad(app, pygame.CONTROLLER_BUTTON_DPAD_DOWN)
            if scene.focused().key == "back":
                pad(app, pygame.CONTROLLER_BUTTON_DPAD_RIGHT)
        pad(app, pygame.CONTROLLER_BUTTON_A)
    assert len(plans) == 1
