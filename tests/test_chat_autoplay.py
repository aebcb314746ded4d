"""End to end: the installed `safety-dash autoplay --mode chat|mixed` plays Chat Check through the
real screens, from an empty folder, and reports each chat; a broken chats file leaves the game
playing the good ones."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.content import load_bank
from game.rules.chat import SIGNS

HEADLESS = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}
# the installed command: beside this Python (a venv's bin), else on the PATH
COMMAND = shutil.which("safety-dash", path=str(Path(sys.executable).parent)) or \
    shutil.which("safety-dash")


def autoplay(cwd: Path, *args: str, env: dict[str, str] | None = None) -> dict:
    assert COMMAND, "the game is not installed (no safety-dash command)"
    out = subprocess.run([COMMAND, "autoplay", *args], cwd=cwd,
                         env={**os.environ, **HEADLESS, **(env or {})},
                         capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    return json.loads(out.stdout.strip().splitlines()[-1])


@pytest.fixture(scope="module")
def four_chats(tmp_path_factory, module_folders) -> dict:
    return autoplay(tmp_path_factory.mktemp("empty"), "--mode", "chat", "--rounds", "4",
                    "--seed", "1", "--age", "13-15", env=module_folders)


def test_four_chats_each_end_safe_with_their_message(four_chats):
    report = four_chats
    bank = load_bank()
    chats = {c.id: c for c in bank.chats}
    assert report["mode"] == "chat" and report["rounds"] == 4 and len(report["chats"]) == 4
    assert report["messages"] == [c["ending"] for c in report["chats"]]
    for played in report["chats"]:
        chat = chats[played["id"]]
        assert "13-15" in chat.ages
        assert played["ending"] in bank.message_by_id
        assert played["ending"] in {s.message for s in chat.steps if hasattr(s, "message")}
        assert played["choices"] and played["choices"][-1]["safe"]
        assert set(played["signs_spotted"]) | set(played["signs_missed"]) <= set(SIGNS)
        assert len(played["signs_spotted"]) + len(played["signs_missed"]) >= 3
    assert len({c["id"] for c in report["chats"]}) == 4  # a new chat each time
    assert report["score"] == sum(c["score"] for c in report["chats"]) > 0
    assert report["rank"]


def test_the_bot_steps_back_from_an_unsafe_choice_and_goes_on(four_chats):
    choices = [c for played in four_chats["chats"] for c in played["choices"]]
    unsafe = [i for i, c in enumerate(choices) if not c["safe"]]
    assert unsafe, "the bot never tried an unsafe choice"
    for i in unsafe:  # Scout stepped in, and the same choice came back
        assert choices[i + 1]["step"] == choices[i]["step"]


def test_mixed_plays_a_dash_then_a_chat_in_turn(tmp_path):
    report = autoplay(tmp_path, "--mode", "mixed", "--rounds", "3", "--seed", "2",
                      "--age", "7-9")
    assert report["mode"] == "mixed" and report["rounds"] == 3
    assert len(report["chats"]) == 1  # dash, chat, dash
    assert report["questions"] > 0 and len(report["messages"]) == 3


def test_a_broken_chats_file_leaves_the_game_playing_the_good_ones(tmp_path):
    from game.paths import content_dir
    pack = tmp_path / "content"
    shutil.copytree(content_dir(), pack)
    chats = pack / "chats.yaml"
    text = chats.read_text(encoding="utf-8")
    first = load_bank(str(pack)).chats[0]
    # the first chat's first step now leads nowhere: that chat is left out, the rest play
    broken = text.replace(f"id: {first.id}", f"id: {first.id}\n    broken_on_purpose: yes", 1)
    chats.write_text(broken, encoding="utf-8")
    bank = load_bank(str(pack))
    assert first.id not in {c.id for c in bank.chats} and bank.chats
    band = bank.chats[0].ages[0]
    report = autoplay(tmp_path, "--mode", "chat", "--rounds", "2", "--seed", "3", "--age",
                      band, "--content", str(pack))
    assert report["rounds"] == 2 and first.id not in {c["id"] for c in report["chats"]}
