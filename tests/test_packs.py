"""Content packs (--content): laid on the shipped bank file by file and id by id; branding."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from game.content import load_bank
from game.ui import theme

ROOT = Path(__file__).resolve().parent.parent
SOURCE = "001_8c5e27a413a5d497.txt"


EXTRA_MESSAGES = f"""messages:
  - id: staffs-local-team
    topic: tell-someone
    ages: ["10-12"]
    title: Our school team can help
    text: Our school's safeguarding team is here for you. Talk to them any day.
    do: Find a member of the team at break time.
    help: trusted-adult
    source: {SOURCE}
"""


def write(folder: Path, name: str, text: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_a_pack_file_with_a_shipped_name_replaces_that_file(tmp_path: Path):
    shipped = load_bank()
    ids = [h.id for h in shipped.help]  # the pack keeps the ids that messages point at
    write(tmp_path, "help.yaml", "help:\n" + "".join(
        f"  - id: {i}\n    title: Local help {n}\n    text: Ask us.\n" for n, i in enumerate(ids)))
    bank = load_bank(pack=tmp_path)
    assert bank.errors == ()
    assert [(h.id, h.title) for h in bank.help] == [(i, f"Local help {n}")
                                                    for n, i in enumerate(ids)]
    assert bank.messages == shipped.messages  # the other shipped files are untouched


def test_a_pack_file_with_another_name_adds_to_the_bank(tmp_path: Path):
    write(tmp_path, "staffs-messages.yaml", EXTRA_MESSAGES)
    shipped, bank = load_bank(), load_bank(pack=tmp_path)
    assert len(bank.messages) == len(shipped.messages) + 1
    assert bank.message_by_id["staffs-local-team"].title == "Our school team can help"
    assert bank.errors == ()


def test_a_pack_item_with_a_shipped_id_replaces_that_item_in_place(tmp_path: Path):
    shipped = load_bank()
    first = shipped.messages[0]
    write(tmp_path, "our-changes.yaml", f"""messages:
  - id: {first.id}
    topic: {first.topic}
    ages: ["{first.ages[0]}"]
    title: Our own wording
    text: Keep your name, address and school to yourself online.
    do: Ask a grown-up first.
    help: {first.help}
    source: {first.source}
""")
    bank = load_bank(pack=tmp_path)
    assert bank.errors == ()
    assert [m.id for m in bank.messages] == [m.id for m in shipped.messages]
    assert bank.messages[0].title == "Our own wording"


def test_an_id_used_twice_inside_one_pack_is_an_error(tmp_path: Path):
    write(tmp_path, "a.yaml", EXTRA_MESSAGES)
    write(tmp_path, "b.yaml", EXTRA_MESSAGES)
    [problem] = [p for p in load_bank(pack=tmp_path).errors]
    assert problem.code == "duplicate-id" and problem.path.endswith("b.yaml")
    assert (problem.line, problem.col) == (2, 5)


def test_a_file_of_no_known_kind_is_reported(tmp_path: Path):
    write(tmp_path, "notes.yaml", "things:\n  - a\n")
    [problem] = load_bank(pack=tmp_path).errors
    assert problem.code == "wrong-top-level" and problem.path.endswith("notes.yaml")


def test_a_missing_pack_folder_is_a_content_error(tmp_path: Path):
    from game.content import ContentError
    with pytest.raises(ContentError):
        load_bank(pack=tmp_path / "nope")


def test_branding_from_a_pack(tmp_path: Path):
    write(tmp_path, "branding.yaml", """branding:
  title: Stay Safe Staffs
  mascot: Rex
  organisation: Our Primary School
  colours:
    primary: "#7a1f5c"
    accent: "#ffffff"
  local_help:
    - id: school-office
      title: The school office
      text: Ask at the office for the safeguarding lead.
""")
    bank = load_bank(pack=tmp_path)
    brand = bank.branding
    assert (brand.title, brand.mascot, brand.organisation) == ("Stay Safe Staffs", "Rex",
                                                             "Our Primary School")
    assert brand.colours.primary == "#7a1f5c"
    # local help goes before the last national link (the emergency number), and resolves
    assert [h.id for h in bank.help_links][-2:] == ["school-office", bank.help[-1].id]
    assert "school-office" in bank.help_by_id
    theme.apply_branding(brand)
    try:
        assert theme.BUTTON == (0x7a, 0x1f, 0x5c) and theme.ACCENT == (255, 255, 255)
    finally:
        theme.apply_branding(load_bank().branding)
    assert theme.BUTTON == (31, 94, 196)


def test_unreadable_branding_colours_fall_back_with_a_warning(tmp_path: Path):
    path = write(tmp_path, "branding.yaml",
                 'branding:\n  colours:\n    primary: "#ffee88"\n    accent: "#223344"\n')
    bank = load_bank(pack=tmp_path)
    assert bank.branding.colours.primary == "#1f5ec4"  # pale yellow under white text: refused
    assert bank.branding.colours.accent == "#ffcc00"  # dark accent on the navy banner: refused
    codes = {(p.code, p.line) for p in bank.problems if p.path == str(path)}
    assert codes == {("low-contrast", 3), ("low-contrast", 4)}


def test_autoplay_plays_a_pack(tmp_path: Path):
    pack = tmp_path / "pack"
    write(pack, "messages.yaml", EXTRA_MESSAGES + EXTRA_MESSAGES.replace(
        "messages:\n", "").replace("staffs-local-team", "staffs-second").replace(
        "Our school team can help", "The team is on your side").replace(
        "Our school's safeguarding team is here", "The safeguarding team at school is here"))
    out = subprocess.run([sys.executable, "-m", "game", "autoplay", "--rounds", "2", "--seed",
                          "3", "--age", "10-12", "--content", str(pack),
                          "--data-dir", str(tmp_path / "data")],
                         cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["rounds"] == 2
    assert set(report["messages"]) == {"staffs-local-team", "staffs-second"}


@pytest.mark.parametrize("command", [["autoplay", "--rounds", "1"], ["validate"],
                                     ["lesson", "-o", "x.html"], ["take-home", "-o", "y.html"]])
def test_a_pack_folder_that_is_not_there_is_refused_in_plain_words(tmp_path, command):
    """A mistyped --content is said, not played as a bank with no questions (exit 0 before)."""
    out = subprocess.run([sys.executable, "-m", "game", *command, "--content",
                          str(tmp_path / "no-such-pack")], cwd=tmp_path, capture_output=True,
                         text=True, timeout=120)
    assert out.returncode == 2 and out.stdout == ""
    assert "There is no content pack folder at" in out.stderr and "Traceback" not in out.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_a_pack_gone_since_it_was_named_plays_the_shipped_bank_and_says_so(tmp_path):
    from game.launch import start
    pack = tmp_path / "pack"
    write(pack, "branding.yaml", "branding:\n  title: Force Dash\n")
    app = start(str(tmp_path / "data"), fast=True, content=str(pack))
    assert app.session.bank.branding.title == "Force Dash"
    for file in pack.iterdir():
        file.unlink()
    pack.rmdir()
    app = start(str(tmp_path / "data"), fast=True, content=str(pack))
    assert app.session.bank.questions and app.session.bank.branding.title != "Force Dash"
    shown = " ".join(app.session.notices)
    assert "This computer's own safety messages could not be found" in shown
    assert str(tmp_path) not in shown and "pack" not in shown
