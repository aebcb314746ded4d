"""The page for home: what the child has learned, the Home Secretary's three questions, parental
controls and where grown-ups find advice, escaped, in English or Welsh, from the Notebook's "For
home" button (every way of pressing it, at every text size) and from `safety-dash take-home`."""
from __future__ import annotations

import datetime
import errno
import json
import os
import subprocess
import sys
import threading
import webbrowser
from pathlib import Path

import pygame
import pytest
from markupsafe import escape as _escape

import game.reports.take_home as take_home
from helpers import click, frames, key, tap
from game.content import load_bank
from game.content.model import Bank, HelpLink, Message, Source, Topic
from game.i18n import t
from game.launch import start
from game.reports.take_home import (
    CEOP_URL, FILE_NAME, NCSC_URL, NSPCC_URL, save_for_home, take_home_context, take_home_html,
)
from game.save import Profile, SaveStore
from game.scenes.notebook import NotebookScene, can_open_pages
from game.scenes.notice import NoticeScene
from game.session import use_words
from screen_check import tracking
from test_input import BEAT_FRAMES, VirtualPad

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
SAFETY_DASH = Path(sys.executable).with_name("safety-dash")  # the installed game's
MARKUP = "<b>bold</b> & <i>co</i>"
DAY = datetime.date(2026, 12, 7)


def escape(text: str) -> str:
    """Text as Jinja2's autoescape writes it."""
    return str(_escape(text))


def seed(number: str) -> str:
    return next(SEEDS.glob(f"{number}_*.txt")).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


def marked_bank() -> Bank:
    """A bank whose message, topic and help texts carry markup."""
    message = Message("m1", "t1", ("10-12",), f"Title {MARKUP}", f"Text {MARKUP}",
                      f"Do {MARKUP}", "h1", "001_x.txt")
    return Bank(topics=(Topic("t1", f"Topic {MARKUP}", "#123456"),), messages=(message,),
                help=(HelpLink("h1", f"Help {MARKUP}", "", "", "0800 1111"),),
                sources=(Source("001_x.txt", f"Publisher {MARKUP}", ""),))


# --- the page ---------------------------------------------------------------------------------

def test_the_page_lists_the_notebooks_messages_by_topic_and_no_others(bank):
    seen = [m for m in bank.messages_for("10-12")][:3]
    html = take_home_html(bank, [m.id for m in seen], today=DAY)
    for m in seen:
        assert escape(m.title) in html and escape(m.text) in html
        assert escape(bank.topic_by_id[m.topic].title) in html
    unseen = [m for m in bank.messages if m not in seen]
    assert not [m.title for m in unseen if f">{escape(m.title)}<" in html]
    assert "3 safety messages so far." in html and html.startswith("<!DOCTYPE html>")


def test_the_page_quotes_the_seeds_and_names_where_grown_ups_find_advice(bank):
    """The page carries the Home Secretary's questions and the commissioner's words on parental
    controls; where the articles are beside the checkout (shared/seeds, as in this workplace's
    CI; a clone elsewhere has none), each quote is checked word for word against its article."""
    html = take_home_html(bank, [], today=DAY)
    articles = SEEDS.is_dir()
    home_office, north_wales = (seed("004"), seed("001")) if articles else ("", "")
    for quoted in ("Too often we’re afraid to ask our kids the questions that really matter for "
                   "their safety.", "Who are they speaking to online?",
                   "What forums are they using?", "What are they sharing online?"):
        assert escape(quoted) in html and (quoted in home_office or not articles)
    controls = ("Mums and Dads can and should set parental controls that will prevent their "
                "children accessing sites with inappropriate sexual material.")
    assert escape(controls) in html and (controls in north_wales or not articles)
    if articles:
        assert "www.ncsc.gov.uk" in north_wales and "ceop.police.uk/safety-centre" in seed("002")
    for href in (NCSC_URL, CEOP_URL, NSPCC_URL):
        assert f'href="{href}"' in html
    assert "Your child has not collected any safety messages yet" in html


def test_markup_in_a_message_and_a_nickname_is_shown_as_text():
    html = take_home_html(marked_bank(), ["m1"], nickname=f"Sam {MARKUP}", today=DAY)
    assert "<b>" not in html and "<i>" not in html
    for shown in (f"Title {MARKUP}", f"Text {MARKUP}", f"Topic {MARKUP}", f"Help {MARKUP}",
                  f"Sam {MARKUP}'s Safety Notebook"):
        assert escape(shown) in html, shown


def test_no_name_is_on_the_page_unless_the_child_typed_a_nickname(bank):
    ids = [bank.messages[0].id]
    nameless = take_home_html(bank, ids, today=DAY)
    assert "<h1>My Safety Notebook</h1>" in nameless
    assert "<title>My Safety Notebook: for home</title>" in nameless
    named = take_home_html(bank, ids, nickname="Sam", today=DAY)
    assert "<h1>Sam&#39;s Safety Notebook</h1>" in named and "My Safety Notebook" not in named


def test_the_page_is_in_welsh_when_the_game_is():
    use_words("cy")
    welsh = load_bank(lang="cy")
    message = welsh.messages_for("10-12")[0]
    html = take_home_html(welsh, [message.id], today=DAY)
    assert '<html lang="cy">' in html and escape(message.title) in html
    assert escape("Fy Llyfr Nodiadau Diogelwch") in html and "Tri chwestiwn" in html
    assert "What your child has learned" not in html


def test_a_longer_notebook_shows_less_of_each_message_and_every_topic(bank):
    few = take_home_context(bank, [m.id for m in bank.messages[:2]], today=DAY)
    assert few["detail"] == "whole"
    every = [m.id for m in bank.messages]
    context = take_home_context(bank, every, today=DAY)
    assert context["detail"] == "titles"
    shown = [m["title"] for topic in context["topics"] for m in topic["messages"]]
    assert len(shown) < len(every) and any(title.startswith("and ") for title in shown)
    assert [topic["title"] for topic in context["topics"]] == [
        topic.title for topic in bank.topics if any(m.topic == topic.id for m in bank.messages)]


def test_saving_replaces_an_earlier_page_whole_or_leaves_it(bank, tmp_path, monkeypatch):
    folder = tmp_path / "Documents" / "Safety Dash"
    path = save_for_home(bank, [bank.messages[0].id], folder=folder)
    assert path == folder / FILE_NAME and escape(bank.messages[0].title) in path.read_text()
    before = path.read_bytes()

    def read_only(*args, **kwargs):
        raise OSError(errno.EROFS, "Read-only file system")
    monkeypatch.setattr(take_home.os, "replace", read_only)
    with pytest.raises(take_home.TakeHomeError) as failed:
        save_for_home(bank, [m.id for m in bank.messages[:4]], folder=folder)
    assert str(failed.value) == ("The page for your grown-up could not be saved in Documents > "
                                 "Safety Dash (the folder is read-only). Your Safety Notebook "
                                 "is safe, and you can keep playing.")
    assert path.read_bytes() == before and os.listdir(folder) == [FILE_NAME]


def test_the_reports_page_never_imports_pygame():
    code = ("import sys, game.reports.take_home, game.commands.take_home; "
            "print('pygame' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=60, check=True)
    assert out.stdout.strip() == "False"


# --- the Notebook's "For home" button ---------------------------------------------------------

def _pressed_by(app, how: str, index: int) -> None:
    """Press the Notebook's button `index` by keyboard, mouse, touch, gamepad or one switch."""
    scene = app.scene
    rect = scene.buttons.buttons[index].rect
    if how == "mouse":
        click(app, rect.center)
    elif how == "touch":
        tap(app, rect.center)
    elif how == "keyboard":
        while scene.buttons.focus != index:
            key(app, pygame.K_RIGHT)
        key(app, pygame.K_RETURN)
    elif how == "gamepad":
        pad = VirtualPad()
        try:
            frames(app, 2)
            while scene.buttons.focus != index:
                pad.press(app, pygame.CONTROLLER_BUTTON_DPAD_RIGHT)
            pad.press(app, pygame.CONTROLLER_BUTTON_A)
        finally:
            pad.unplug()
    else:  # one switch: the highlight steps on by itself, the switch presses
        app.change_settings(one_switch=True)
        for _ in range(len(scene.buttons.buttons) * (BEAT_FRAMES + 1)):
            if scene.buttons.focus == index:
                break
            frames(app, 1)
        key(app, pygame.K_SPACE)


def _notebook(tmp_path, lang: str, scale: float, tracker):
    app = start(str(tmp_path / "data"), fast=True, seed=3,
                settings={"lang": lang, "text_scale": scale})
    pygame.event.clear()
    frames(app, 1)  # the first frame starts the gamepads
    app.session.profile.notebook = [m.id for m in app.session.bank.messages_for("10-12")[:3]]
    app.push(NotebookScene(app))
    assert tracker.screen_problems(app) == []
    labels = [b.label for b in app.scene.buttons.buttons]
    return app, labels.index(t("For home"))


@pytest.fixture
def documents(tmp_path, monkeypatch) -> Path:
    """The user's documents folder (platformdirs reads XDG_DOCUMENTS_DIR), in the test's own
    folder; and a web browser that must not be asked."""
    folder = tmp_path / "Documents"
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(folder))
    monkeypatch.setattr(webbrowser, "open", lambda *a, **k: pytest.fail("a browser was opened"))
    return folder


@pytest.mark.parametrize("how", ["keyboard", "mouse", "touch", "gamepad", "one-switch"])
@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("scale", [1.0, 1.5, 2.0])
def test_for_home_saves_the_page_and_says_where_in_plain_words(tmp_path, documents, how, lang,
                                                               scale):
    with tracking() as tracker:
        app, index = _notebook(tmp_path, lang, scale, tracker)
        _pressed_by(app, how, index)
        assert isinstance(app.scene, NoticeScene)
        assert tracker.screen_problems(app) == []
    page = documents / "Safety Dash" / FILE_NAME
    html = page.read_text(encoding="utf-8")
    bank = app.session.bank
    assert all(escape(bank.message_by_id[i].title) in html for i in app.session.profile.notebook)
    assert f'<html lang="{"en-GB" if lang == "en" else "cy"}">' in html
    said = {"en": "Saved for your grown-up in Documents > Safety Dash.",
            "cy": "Mae'r dudalen wedi'i chadw i dy oedolyn yn Documents > Safety Dash."}[lang]
    assert app.scene.notices == said and str(tmp_path) not in app.scene.notices
    key(app, pygame.K_SPACE if how == "one-switch" else pygame.K_RETURN)  # OK
    assert isinstance(app.scene, NotebookScene) and app.running


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_folder_that_cannot_be_written_is_told_in_plain_words_and_play_goes_on(
        tmp_path, documents, lang):
    documents.mkdir()
    (documents / "Safety Dash").write_text("not a folder", encoding="utf-8")
    with tracking() as tracker:
        app, index = _notebook(tmp_path, lang, 2.0, tracker)
        seen = list(app.session.profile.notebook)
        _pressed_by(app, "mouse", index)
        assert tracker.screen_problems(app) == []
    said = {"en": "The page for your grown-up could not be saved in Documents > Safety Dash "
                  "(there is a file where the folder should be). Your Safety Notebook is safe, "
                  "and you can keep playing.",
            "cy": "Doedd dim modd cadw'r dudalen i dy oedolyn yn Documents > Safety Dash ("
                  + t("there is a file where the folder should be") + "). Mae dy Lyfr Nodiadau "
                  "Diogelwch yn ddiogel, a gelli di ddal ati i chwarae."}[lang]
    assert isinstance(app.scene, NoticeScene) and app.scene.notices == said
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, NotebookScene) and app.running
    assert app.session.profile.notebook == seen
    frames(app, 5)
    assert app.running


def test_the_page_opens_in_the_browser_only_where_there_is_a_screen(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "Documents"))
    opened: list[str] = []
    monkeypatch.setattr(webbrowser, "open", lambda url, *a, **k: opened.append(url))
    assert not can_open_pages()  # the tests' screen is SDL's dummy one
    app = start(str(tmp_path / "data"), fast=True)
    notebook = NotebookScene(app)
    app.push(notebook)
    notebook.for_home()
    assert opened == [] and isinstance(app.scene, NoticeScene)
    app.pop()
    monkeypatch.setattr("game.scenes.notebook.can_open_pages", lambda: True)
    notebook.for_home()
    for thread in threading.enumerate():
        if thread.name == "safety-dash-take-home":
            thread.join(10)
    assert opened == [(tmp_path / "Documents" / "Safety Dash" / FILE_NAME).as_uri()]


# --- `safety-dash take-home`, the installed command -----------------------------------------------

def run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(SAFETY_DASH), *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300)


def pack_with_signs(folder: Path, bank: Bank) -> Path:
    """A content pack whose every 10-12 message's title ends with '& <3' (signs the validator
    lets through, which markup is written with)."""
    folder.mkdir()
    lines = ["messages:"]
    for m in bank.messages_for("10-12"):
        lines += [f"  - id: {m.id}", f"    topic: {m.topic}", '    ages: ["10-12"]',
                  f"    title: {json.dumps(m.title + ' & <3', ensure_ascii=False)}",
                  f"    text: {json.dumps(m.text, ensure_ascii=False)}",
                  f"    do: {json.dumps(m.do, ensure_ascii=False)}", f"    help: {m.help}",
                  f"    source: {m.source}"]
        lines += ["    discuss:"] + [f"      - {json.dumps(d, ensure_ascii=False)}"
                                     for d in m.discuss] if m.discuss else []
    (folder / "signs.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return folder


def test_take_home_after_autoplay_lists_what_that_run_collected_escaped(tmp_path, bank):
    pack = pack_with_signs(tmp_path / "pack", bank)
    played = run("autoplay", "--rounds", "2", "--seed", "4", "--data-dir", "data",
                 "--content", str(pack), cwd=tmp_path)
    assert played.returncode == 0, played.stderr
    collected = json.loads(played.stdout.splitlines()[-1])["messages"]
    written = run("take-home", "-o", "home.html", "--data-dir", "data", "--content", str(pack),
                  cwd=tmp_path)
    assert written.returncode == 0 and written.stdout.strip() == "home.html", written.stderr
    html = (tmp_path / "home.html").read_text(encoding="utf-8")
    packed = load_bank(pack=pack)
    titles = [packed.message_by_id[i].title for i in collected]
    assert titles and all(title.endswith(" & <3") for title in titles)
    assert all(escape(title) in html for title in titles) and " & <3" not in html
    others = [m.title for m in packed.messages if m.id not in collected]
    assert not [title for title in others if escape(title) in html]
    assert "Traceback" not in written.stderr + played.stderr


def test_take_home_puts_the_nickname_on_escaped_and_writes_welsh(tmp_path, bank):
    SaveStore(tmp_path / "data").save(Profile(notebook=[bank.messages[0].id],
                                              nickname="<b>Cai</b>"))
    english = run("take-home", "-o", "en.html", "--data-dir", "data", cwd=tmp_path)
    assert english.returncode == 0, english.stderr
    html = (tmp_path / "en.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;Cai&lt;/b&gt;&#39;s Safety Notebook" in html and "<b>" not in html
    welsh = run("take-home", "-o", "cy.html", "--data-dir", "data", "--lang", "cy", cwd=tmp_path)
    assert welsh.returncode == 0, welsh.stderr
    html = (tmp_path / "cy.html").read_text(encoding="utf-8")
    use_words("cy")
    first = load_bank(lang="cy").message_by_id[bank.messages[0].id]
    assert '<html lang="cy">' in html and escape(first.title) in html
    assert "Llyfr Nodiadau Diogelwch &lt;b&gt;Cai&lt;/b&gt;" in html


def test_take_home_with_no_saved_progress_says_so_and_writes_the_page(tmp_path):
    out = run("take-home", "--data-dir", "nothing-here", cwd=tmp_path)
    assert out.returncode == 0 and out.stdout.strip() == FILE_NAME, out.stderr
    assert out.stderr.strip() == ("No progress is saved in nothing-here yet, so the page lists "
                                  "no safety messages.")
    assert sorted(p.name for p in tmp_path.iterdir()) == [FILE_NAME]


@pytest.mark.parametrize("where", ["missing/home.html", "file.txt/home.html"])
def test_take_home_that_cannot_write_says_why_in_one_plain_sentence(tmp_path, where):
    (tmp_path / "file.txt").write_text("x", encoding="utf-8")
    out = run("take-home", "-o", where, "--data-dir", "data", cwd=tmp_path)
    reason = {"missing/home.html": "the folder could not be found",
              "file.txt/home.html": "there is a file where the folder should be"}[where]
    assert out.returncode == 1 and "Traceback" not in out.stderr
    assert out.stderr.strip().splitlines()[-1] == \
        f"Could not write the page for home to {where}: {reason}."
