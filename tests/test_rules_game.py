"""The game and the validator on the editor's files: `validate` checks the bank being edited,
a broken core file never gives an empty game (a pack's stands in from the shipped bank; the
shipped bank's own stops Play with plain words on the title until F5 finds it fixed), and bad
input (huge, deep, aliased, linked outside, characters the font lacks) gets a message that says
so. The real loader, validator and game loop, headless."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.commands.autoplay import run_bot
from game.commands.validate import check_bank
from game.content.bank_files import MAX_FILE_BYTES
from game.content.loader import load_bank, parse_file
from game.paths import content_dir
from helpers import frames, key, new_app

CHECKOUT_CONTENT = Path(__file__).resolve().parent.parent / "content"


def safety_dash(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=300)


def copy_bank(to: Path) -> Path:
    shutil.copytree(content_dir(), to)
    return to


# --- validate checks what the editor is editing --------------------------------------------

def test_validate_in_a_checkout_checks_its_content_folder(tmp_path: Path):
    copy_bank(tmp_path / "content")
    branding = tmp_path / "content" / "branding.yaml"
    branding.write_text(branding.read_text(encoding="utf-8").replace("  title:", "\ttitle:"),
                        encoding="utf-8")
    out = safety_dash("validate", cwd=tmp_path)
    assert out.returncode == 1, out.stdout
    lines = out.stdout.splitlines()
    assert lines[0] == "Checking the content in ./content"
    assert any(line.startswith("content/branding.yaml:") and "[yaml-tab]" in line
               for line in lines), out.stdout


def test_validate_elsewhere_checks_the_shipped_bank_with_no_more_warnings_than_the_checkout(
        tmp_path: Path):
    shipped = safety_dash("validate", "--format", "json", cwd=tmp_path)
    checkout = safety_dash("validate", "--format", "json", str(CHECKOUT_CONTENT), cwd=tmp_path)
    assert shipped.returncode == 0, shipped.stdout[-2000:]
    installed, source = json.loads(shipped.stdout), json.loads(checkout.stdout)
    assert installed["summary"]["checked"] == "the shipped content bank"
    assert installed["summary"]["errors"] == 0
    assert installed["summary"]["warnings"] <= source["summary"]["warnings"], \
        [p["message"] for p in installed["problems"]]
    assert not [p for p in installed["problems"] if p["code"] == "unknown-translation"]
    text = safety_dash("validate", cwd=tmp_path)
    assert text.stdout.splitlines()[0] == "Checking the shipped content bank"


# --- a broken core file never gives an empty game -------------------------------------------

@pytest.mark.parametrize("name,breaks", [
    ("topics.yaml", lambda text: text.encode("utf-16")),
    ("messages.yaml", lambda text: text.replace("    topic:", "\ttopic:", 1).encode("utf-8")),
])
def test_a_packs_unreadable_core_file_is_stood_in_for_by_the_shipped_one(
        tmp_path: Path, name: str, breaks):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / name).write_bytes(breaks((content_dir() / name).read_text(encoding="utf-8")))
    assert check_bank(None, pack, fits=False).errors  # the validator still refuses the pack
    report = run_bot(1, seed=1, band="10-12", data_dir=str(tmp_path / "data"),
                     content=str(pack))
    assert report["rounds"] == 1
    assert report["questions"] > 0 and report["messages"] and all(report["messages"])


def test_a_broken_core_file_of_the_shipped_bank_stops_play_in_plain_words_until_f5(
        tmp_path: Path, monkeypatch):
    import game.paths
    bank = copy_bank(tmp_path / "content")
    messages = bank / "messages.yaml"
    good = messages.read_text(encoding="utf-8")
    messages.write_text(good.replace("    topic:", "\ttopic:", 1), encoding="utf-8")
    monkeypatch.setattr(game.paths, "content_dir", lambda: bank)
    from game.scenes.age import AgeScene
    from game.scenes.title import TitleScene
    app = new_app(tmp_path / "data")
    frames(app, 3)
    said = " ".join(app.session.notices)
    assert "safety messages could not be read" in said and "press F5" in said
    for developer_words in (".yaml", "/", "validate", "safety-dash"):
        assert developer_words not in said
    key(app, pygame.K_RETURN, 3)
    assert isinstance(app.scene, TitleScene)  # Play waits, and says why again
    assert app._toast and "safety messages could not be read" in app._toast[0]
    messages.write_text(good, encoding="utf-8")
    key(app, pygame.K_F5, 3)
    assert not app.session.bank.broken and app.session.bank.messages
    key(app, pygame.K_RETURN, 3)
    assert isinstance(app.scene, AgeScene)


# --- bad input gets a message that says what is wrong ---------------------------------------

def test_a_file_too_big_is_called_too_big(tmp_path: Path):
    bank = copy_bank(tmp_path / "bank")
    with open(bank / "questions.yaml", "r+b") as f:
        f.truncate(MAX_FILE_BYTES + 1)  # sparse: nothing is written
    found = [p for p in load_bank(bank).problems if p.code == "file-too-big"]
    assert found and "too big" in found[0].message and "alias" not in found[0].message


def test_a_list_nested_ten_thousand_deep_is_called_too_deep():
    parsed = parse_file("messages:\n  - " + "[" * 10_000 + "]" * 10_000 + "\n", "messages.yaml")
    assert [p.code for p in parsed.problems] == ["yaml-too-deep"]
    assert "nested too deeply" in parsed.problems[0].message


def test_the_alias_guard_counts_what_aliases_repeat_not_a_long_honest_file():
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcdef", "bcdefg"))
    parsed = parse_file(bomb, "messages.yaml")
    assert [p.code for p in parsed.problems] == ["yaml-too-big"]
    assert "aliases" in parsed.problems[0].message
    honest = "messages:\n" + "  - id: m\n" * 1 + "".join("  - x\n" for _ in range(250_000))
    parsed = parse_file(honest, "messages.yaml")  # 250,001 values: more than the old limit
    assert not any(p.code.startswith("yaml-") for p in parsed.problems)


def test_a_pack_file_or_folder_that_leads_outside_the_pack_is_refused(tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "messages.yaml").write_text((content_dir() / "messages.yaml").read_text(
        encoding="utf-8").replace("Your", "Linked"), encoding="utf-8")
    (outside / "cy").mkdir()
    (outside / "cy" / "ui.yaml").write_text('language: cy\nreviewed: false\nui:\n  "Play": '
                                            '"Chwarae o bell"\n', encoding="utf-8")
    pack = tmp_path / "pack"
    pack.mkdir()
    os.symlink(outside / "messages.yaml", pack / "messages.yaml")
    os.symlink(outside / "cy", pack / "cy")
    report = check_bank(None, pack, fits=False)
    refused = {Path(p.path).name for p in report.problems if p.code == "outside-folder"}
    assert refused == {"messages.yaml", "ui.yaml"}
    assert all("outside the content folder" in p.message for p in report.problems
               if p.code == "outside-folder")
    bank = load_bank(pack=pack)
    assert bank.messages == load_bank().messages  # the shipped messages stand in
    from game.content.ui_catalogue import load_catalogue
    assert "Play" not in load_catalogue("cy", pack=pack).words or \
        load_catalogue("cy", pack=pack).words["Play"] != "Chwarae o bell"


def test_the_validator_names_a_character_the_font_cannot_draw(tmp_path: Path):
    bank = copy_bank(tmp_path / "bank")
    topics = bank / "topics.yaml"
    first = load_bank(bank).topics[0]
    topics.write_text(topics.read_text(encoding="utf-8").replace(
        f"title: {first.title}", f"title: {first.title} 😀", 1), encoding="utf-8")
    found = [p for p in check_bank(bank, fits=False).problems if p.code == "missing-glyph"]
    assert len(found) == 1 and "😀 (U+1F600)" in found[0].message
    assert found[0].severity == "error" and found[0].path.endswith("topics.yaml")


# --- the loader never raises, whatever it is given ------------------------------------------

_scalars = st.one_of(st.text(max_size=20), st.integers(), st.booleans(), st.none(),
                     st.floats(allow_nan=False))
_values = st.recursive(_scalars, lambda inner: st.lists(inner, max_size=4) |
                       st.dictionaries(st.sampled_from(["id", "title", "text", "ages", "topic",
                                                        "answers", "safe", "do", "x"]),
                                       inner, max_size=5), max_leaves=25)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(["messages", "questions", "topics", "help", "ranks", "branding",
                             "lessons", "sources"]), value=_values)
def test_the_loader_reads_any_yaml_without_raising(kind: str, value):
    import yaml
    text = yaml.safe_dump({kind: value}, allow_unicode=True)
    parsed = parse_file(text, f"{kind}.yaml")
    assert all(p.line >= 1 and p.col >= 1 for p in parsed.problems)


@settings(max_examples=150, deadline=None)
@given(text=st.text(max_size=300))
def test_the_loader_reads_any_text_without_raising(text: str):
    parsed = parse_file(text, "messages.yaml")
    assert parsed.items == [] or parsed.kind == "messages"


@pytest.mark.parametrize("mistake,screen", [("<b>{}</b>", False), ("{} 😀", True)])
def test_a_translation_the_validator_refuses_is_shown_in_english(tmp_path: Path, mistake: str,
                                                                  screen: bool):
    from game.ui.screen_rules import check
    bank = copy_bank(tmp_path / "bank")
    welsh = load_bank(bank, lang="cy")
    message = next(m for m in welsh.messages if not welsh.language.in_english("messages", m.id))
    path = bank / "cy" / "messages.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace(
        f"title: {message.title}", "title: " + mistake.format(message.title), 1),
        encoding="utf-8")
    report = check_bank(bank, fits=False)
    assert any(p.severity == "error" and p.path.endswith("cy/messages.yaml")
               for p in report.problems), [str(p) for p in report.problems]
    played = load_bank(bank, lang="cy", screen=check)
    assert played.language.in_english("messages", message.id)
    assert played.message_by_id[message.id].title == \
        load_bank(bank).message_by_id[message.id].title


def test_f5_after_an_edit_with_markup_keeps_the_last_good_content_and_says_why(
        tmp_path: Path, monkeypatch):
    import game.paths
    bank = copy_bank(tmp_path / "content")
    monkeypatch.setattr(game.paths, "content_dir", lambda: bank)
    app = new_app(tmp_path / "data")
    frames(app, 2)
    before = app.session.bank.messages
    messages = bank / "messages.yaml"
    do = before[0].do
    messages.write_text(messages.read_text(encoding="utf-8").replace(
        f"do: {do}", f"do: {do} <script>alert(1)</script>", 1), encoding="utf-8")
    key(app, pygame.K_F5, 2)
    assert app.session.bank.messages == before  # the item with markup is never shown
    assert app._toast[0].startswith("Content not reloaded: messages.yaml:")
    assert "markup" in app._toast[0]


def test_a_bank_whose_every_message_is_left_out_is_broken_not_played(tmp_path: Path):
    bank = copy_bank(tmp_path / "bank")
    messages = bank / "messages.yaml"
    messages.write_text(messages.read_text(encoding="utf-8").replace(
        "    topic: ", "    topic: no-such-"), encoding="utf-8")  # every message's topic unknown
    loaded = load_bank(bank)
    assert loaded.messages == () and loaded.broken == ("messages",)


def test_a_pack_that_leaves_an_age_band_without_questions_has_the_shipped_ones_stand_in(
        tmp_path: Path):
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "questions.yaml").write_text("""questions:
  - id: our-question
    topic: tell-someone
    ages: ["13-15"]
    text: Someone you met in a game asks you to keep a secret chat. What do you do?
    answers:
      - text: Tell an adult you trust
        safe: true
      - text: Keep the secret
        explain: A secret chat with someone you met online is a warning sign.
    source: 001_8c5e27a413a5d497.txt
""", encoding="utf-8")
    shipped = load_bank()
    bank = load_bank(pack=pack)
    assert "our-question" in bank.question_by_id
    for band in ("7-9", "10-12"):  # the shipped questions, for those bands alone
        assert {q.id for q in bank.questions_for(band)} == \
            {q.id for q in shipped.questions_for(band)}
    assert [q.id for q in bank.questions_for("13-15")] == ["our-question"]
    said = [p for p in check_bank(None, pack, fits=False).problems
            if p.code == "shipped-stand-in"]
    assert len(said) == 1 and "7-9 or 10-12" in said[0].message
    assert said[0].severity == "warning"


@settings(max_examples=15, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(["messages", "questions", "topics", "help", "branding"]),
       value=_values)
def test_the_games_loader_with_its_rules_loads_any_yaml_without_raising(tmp_path_factory,
                                                                        kind: str, value):
    import yaml

    from game.ui.screen_rules import check
    folder = tmp_path_factory.mktemp("bank")
    (folder / f"{kind}.yaml").write_text(yaml.safe_dump({kind: value}, allow_unicode=True),
                                         encoding="utf-8")
    bank = load_bank(folder, screen=check)
    assert bank.broken  # a bank of one file cannot be played, and says so
