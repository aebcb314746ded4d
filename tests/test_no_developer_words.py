"""Nothing a child or a class sees shows a path, a file name, a package or a command.

Every screen of the screenshots tour is drawn with tests/screen_check.py's tracking, which knows
every text that landed on the canvas; each is read for words meant for developers. A web address
(a help line's site) is words for a grown-up to type into a browser, so it is allowed.
"""
from __future__ import annotations

import re

import pytest

from screen_check import tracking
from game.commands.screenshots import report_folder, tour
from game.launch import start

WEB_ADDRESS = re.compile(r"\b(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:uk|com|org|net|gov|wales)"
                         r"(?:/[\w./-]*)?", re.IGNORECASE)
DEVELOPER_WORDS = {
    "a path": re.compile(r"\w[/\\]\w|(?:^|\s)[/\\~]\w|\b[A-Z]:[/\\]"),
    "a file name": re.compile(r"\.(?:json|html?|csv|ya?ml|py|txt|log|png|j2)\b", re.IGNORECASE),
    "a package or module": re.compile(r"safety[-_]dash|\bpip3?\b|\bpython3?\b|\bgame\.[a-z_]",
                                      re.IGNORECASE),
    "a command line": re.compile(r"(?:^|\s)--?[a-z][\w-]*|(?:^|\s)\$ \w|\bsudo\b|\bapt(?:-get)?\b",
                                 re.IGNORECASE),
}


def developer_words(words: str) -> list[str]:
    """What in `words` reads as meant for a developer: ["a path: '/tmp/x'", ...]."""
    plain = WEB_ADDRESS.sub(" ", words)
    return [f"{what}: {found.group(0).strip()!r} in {words!r}"
            for what, pattern in DEVELOPER_WORDS.items()
            for found in [pattern.search(plain)] if found]


def shown_words(tracker, app) -> list[str]:
    """Every text the app's top screen shows (drawn afresh, with the corner buttons)."""
    tracker.screen_problems(app)  # draws it; whether it can be read is test_every_screen's job
    return [ink.words for ink in app.canvas.inks]


def _found_on_tour(tmp_path, lang: str, scale: float) -> dict[str, list[str]]:
    """As `safety-dash screenshots` tours: its data in a "safety-dash-shots-..." folder."""
    data = tmp_path / "safety-dash-shots-test"
    with tracking() as tracker:
        app = start(str(data), fast=True, seed=7, settings={"text_scale": scale, "lang": lang})
        found: dict[str, list[str]] = {}
        for name in tour(app, report_folder(data)):
            bad = [p for words in shown_words(tracker, app) for p in developer_words(words)]
            if bad:
                found[name] = bad
        return found


@pytest.mark.parametrize("lang", ["en", "cy"])
@pytest.mark.parametrize("scale", [1.0, 2.0])
def test_no_screen_shows_developer_words(tmp_path, lang, scale):
    found = _found_on_tour(tmp_path, lang, scale)
    assert not found, "\n".join(f"{name}:\n  " + "\n  ".join(bad) for name, bad in found.items())


def test_the_check_finds_a_path_drawn_on_a_screen(tmp_path):
    """The same reading, on a real screen that shows a path and a file name, finds them."""
    from game.scenes.notice import NoticeScene
    with tracking() as tracker:
        app = start(str(tmp_path / "data"), fast=True, seed=7)
        app.push(NoticeScene(app, f"Saved in {tmp_path}/reports as lesson.html"))
        bad = [p for words in shown_words(tracker, app) for p in developer_words(words)]
    assert any(p.startswith("a path:") for p in bad), bad
    assert any(p.startswith("a file name:") and "'.html'" in p for p in bad), bad


@pytest.mark.parametrize("words, what", [
    ("/tmp/safety-dash-shots-x/reports", "a path"),
    (r"C:\Users\pupil\Documents", "a path"),
    ("progress-corrupt-2026-01-01T10-00-00.json", "a file name"),
    ("as safety-dash-lesson-1.html and .csv", "a file name"),
    ("Ask a grown-up to run pip install pyttsx3", "a package or module"),
    ("python -m game.speech_worker", "a package or module"),
    ("run it with --lang cy", "a command line"),
])
def test_developer_words_are_recognised(words, what):
    assert any(p.startswith(what + ":") for p in developer_words(words)), developer_words(words)


@pytest.mark.parametrize("words", [
    "Saved in Documents > Safety Dash reports.", "Phone 0800 1111   www.childline.org.uk",
    "ceop.police.uk/safety-centre", "Safety Dash", "Keep it private", "Don't give a false age.",
    "Gwasga Enter", "A grown-up can add one: see the README.", "9 – 12", "Page 1 of 3",
])
def test_plain_words_pass(words):
    assert developer_words(words) == []


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_corrupt_save_is_told_without_its_file_name(tmp_path, lang):
    """The notice after a save that cannot be read (on a card of its own at 200%): plain
    words, no file name (the log has it)."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "profile.json").write_text("{ not json", encoding="utf-8")
    with tracking() as tracker:
        app = start(str(data), fast=True, seed=7, settings={"lang": lang, "text_scale": 2.0})
        assert app.session.notices, "the corrupt save was not told"
        shown = shown_words(tracker, app)
    for words in app.session.notices + shown:
        assert developer_words(words) == [], words


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_why_read_aloud_is_missing_names_no_package_or_command(lang):
    """What Settings shows beside Read aloud when it cannot work, for every reason."""
    from game import i18n, speech
    from game.content.ui_catalogue import load_catalogue
    i18n.use(lang, load_catalogue(lang).words if lang != "en" else {})
    for why in (speech.NO_PACKAGE, speech.NO_SOUND, speech.NO_VOICE, speech.STOPPED,
                speech.NO_LANGUAGE_VOICE):
        words = speech.reason_words(why, lang)
        assert words and developer_words(words) == [], words
