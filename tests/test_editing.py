"""The editor's loop: preview one item, edit the YAML, press F5, see the change or the problem."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pygame

from helpers import frames, key
from game.commands.preview import preview, show
from game.launch import start
from game.scenes.message import MessageScene
from game.scenes.round import RoundScene

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "001_8c5e27a413a5d497.txt"
PACK_MESSAGE = f"""messages:
  - id: pack-note
    topic: tell-someone
    ages: ["10-12"]
    title: First wording
    text: Tell a grown-up you trust if something online worries you.
    do: Tell a grown-up today.
    help: trusted-adult
    source: {SOURCE}
"""


def pack_app(tmp_path: Path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "ours.yaml").write_text(PACK_MESSAGE, encoding="utf-8")
    app = start(str(tmp_path / "data"), fast=True, content=str(pack))
    return app, pack / "ours.yaml"


def test_f5_shows_an_edited_message_at_once_and_keeps_progress(tmp_path: Path):
    app, path = pack_app(tmp_path)
    profile = app.session.profile
    profile.total_points = 1234
    show(app, "message", "pack-note")
    frames(app, 2)
    assert app.scene.message.title == "First wording"
    path.write_text(PACK_MESSAGE.replace("First wording", "Second wording"), encoding="utf-8")
    key(app, pygame.K_F5, 2)
    assert isinstance(app.scene, MessageScene)
    assert app.scene.message.title == "Second wording"
    assert app.session.bank.message_by_id["pack-note"].title == "Second wording"
    assert app._toast and app._toast[0] == "Content reloaded: 1 message changed."
    assert app.session.profile is profile and profile.total_points == 1234


def test_f5_with_a_broken_file_says_where_and_keeps_the_last_good_content(tmp_path: Path):
    app, path = pack_app(tmp_path)
    show(app, "message", "pack-note")
    before = app.session.bank
    path.write_text(PACK_MESSAGE.replace("    title: First", "\ttitle: First"), encoding="utf-8")
    key(app, pygame.K_F5, 2)
    assert app.session.bank is before
    said = app._toast[0]
    assert said.startswith("Content not reloaded: ours.yaml:5:1: a tab character")
    assert "Still using the last good content" in said
    frames(app, 5)  # and the game carries on
    assert app.scene.message.title == "First wording"


def test_f5_reports_added_and_removed_items(tmp_path: Path):
    app, path = pack_app(tmp_path)
    path.write_text(PACK_MESSAGE.replace("pack-note", "pack-other"), encoding="utf-8")
    key(app, pygame.K_F5, 2)
    assert app._toast[0] == "Content reloaded: 1 message added, 1 message removed."


def test_preview_a_question_loops_that_question_and_saves_nothing(tmp_path: Path):
    app = start(str(tmp_path), fast=True)
    question = app.session.bank.questions_for("13-15")[0]
    show(app, "question", question.id)
    assert app.session.band == question.ages[0]
    for _ in range(4000):
        frames(app, 10)
        if app.scene.round.finished or app.scene.round.next_gate > 0:
            break
    frames(app, 2000)
    assert isinstance(app.scene, RoundScene)
    assert [g.question.id for g in app.scene.round.course.gates] == [question.id]
    assert app.session.history == [] and not (tmp_path / "profile.json").exists()


def test_preview_runs_headless_and_esc_closes_it():
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    assert preview("message", "private-info-young", max_frames=30) == 0


def test_preview_of_an_unknown_id_suggests_close_ones():
    out = subprocess.run([sys.executable, "-m", "game", "preview", "message", "private-info-yung"],
                         cwd=ROOT, capture_output=True, text=True, timeout=60,
                         env=dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy"))
    assert out.returncode == 1
    assert "There is no message with the id 'private-info-yung'" in out.stderr
    assert "private-info-young" in out.stderr and "Traceback" not in out.stderr


def test_f5_speaks_the_games_language(tmp_path: Path):
    """In Welsh, F5's report is in Welsh (the validator's problem itself stays in English)."""
    app, path = pack_app(tmp_path)
    app.change_settings(lang="cy")
    path.write_text(PACK_MESSAGE.replace("pack-note", "pack-other"), encoding="utf-8")
    key(app, pygame.K_F5, 2)
    assert app._toast[0] == "Cynnwys wedi'i ail-lwytho: 1 neges newydd, 1 neges wedi mynd."
    path.write_text(PACK_MESSAGE.replace("    title: First", "\ttitle: First"), encoding="utf-8")
    key(app, pygame.K_F5, 2)
    assert app._toast[0].startswith("Heb ail-lwytho'r cynnwys: ours.yaml:5:1: a tab character")
    app.quit()
