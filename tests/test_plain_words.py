"""Nothing a child or a teacher reads names a command, a package, a program file or a path: the
game's own words (every string it passes to t(), in English and in Welsh), why read aloud is
unavailable (for every reason, on every kind of computer, in both languages) and what the game
says about a save it could not use. The technical detail goes to the log."""
from __future__ import annotations

import logging
import re
import sys
from datetime import datetime
from pathlib import Path

import pytest

from game import i18n
from game import save as save_module
from game.content.ui_catalogue import load_catalogue
from game.i18n import ui_strings
from game.save import SaveStore
from game.speech import NO_LANGUAGE_VOICE, NO_PACKAGE, NO_SOUND, NO_VOICE, STOPPED, reason_words

FORBIDDEN = re.compile(
    r"\bpip\b|install '|\bsafety-dash\b|\bpyttsx3\b|espeak|apt-get|\bsudo\b|\bbrew\b"
    r"|\b[\w-]+\.(?:py|json|ya?ml|txt|toml|cfg|wav|exe|sh)\b"  # a file's name
    r"|(?:^|\s)(?:~|\.{1,2})?/\w|\b[A-Za-z]:\\|\w/\w[\w.-]*/",  # a path
    re.IGNORECASE)

WHYS = (NO_PACKAGE, NO_SOUND, NO_VOICE, STOPPED, NO_LANGUAGE_VOICE)


@pytest.mark.parametrize("words", ["see pip install 'safety-dash[speech]'", "run safety-dash",
                                   "the espeak-ng package", "open game/speech.py",
                                   "kept as profile.corrupt-1.json", "in /home/robin/saves",
                                   r"in C:\Users\robin", "in ~/games", "in saves/2026/"])
def test_the_check_finds_commands_packages_files_and_paths(words):
    assert FORBIDDEN.search(words)


@pytest.mark.parametrize("words", ["Read aloud needs a voice on this computer.", "see the README",
                                   "Age 7–9", "Timers: On", "Round 1 of 4", "Foxes and Owls"])
def test_the_check_lets_plain_words_through(words):
    assert not FORBIDDEN.search(words)


def test_no_string_of_the_game_names_a_command_a_package_a_file_or_a_path():
    welsh = load_catalogue("cy").words
    found = [words for english in ui_strings()
             for words in (english, welsh.get(english, "")) if FORBIDDEN.search(words)]
    assert found == []


@pytest.mark.parametrize("platform", ["linux", "win32", "darwin"])
@pytest.mark.parametrize("lang", ["en", "cy"])
def test_why_read_aloud_is_unavailable_is_said_in_plain_words(monkeypatch, platform, lang):
    monkeypatch.setattr(sys, "platform", platform)
    i18n.use(lang, load_catalogue(lang).words)
    for why in WHYS:
        words = reason_words(why, lang)
        assert words and not FORBIDDEN.search(words), words
        if lang == "cy":  # translated, not left in English
            assert "Read aloud" not in words and "grown-up" not in words, words
    if platform == "linux":  # no menu to point at: the game's instructions say what to install
        assert i18n.t("A grown-up can add one from this computer's software centre: the game's "
                      "instructions say how.") in reason_words(NO_VOICE, lang)


@pytest.mark.parametrize("raw", [b"not a save at all", b"{" + b" " * (save_module.MAX_BYTES + 1)])
def test_a_save_kept_aside_is_reported_without_its_file_name(tmp_path, monkeypatch, caplog, raw):
    monkeypatch.setattr(save_module, "_now", lambda: datetime(2026, 11, 23, 10, 15, 0))
    store = SaveStore(tmp_path)
    store.path.write_bytes(raw)
    with caplog.at_level(logging.WARNING, logger="safety_dash.save"):
        notice = store.load().notice
    kept = [p.name for p in Path(tmp_path).iterdir()]
    assert len(kept) == 1 and kept[0].endswith("-20261123-101500.json")
    assert "starting fresh" in notice and not FORBIDDEN.search(notice), notice
    assert kept[0] in caplog.text  # a grown-up finds it in the log
