"""Chat Check scenarios as content: content/chats.yaml read into Bank.chats with every mistake at
its line and column (the fields, the story, the tone rules), the Welsh words from cy/chats.yaml,
the validator's summary line, and the installed `safety-dash validate` on a broken chats file."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from game.commands.validate import check_bank
from game.content.loader import load_bank, parse_file
from game.content.model import Problem
from game.paths import content_dir
from game.rules.chat import ChatRun, Choice, Ending, Says, graph_problems, safe_paths

SAFETY_DASH = Path(sys.executable).with_name("safety-dash")

CHAT = """chats:
  - id: chat-name
    topic: personal-info
    ages: ["7-9"]
    source: 001_8c5e27a413a5d497.txt
    contact:
      name: Jay
      avatar: fox
    steps:
      - id: hello
        says: Hi! You are really good at this game!
        sign: flattery
        why: A stranger being extra nice can be a trick.
      - id: ask
        says: What is your real name?
        sign: personal-info
        why: Your name is private.
      - id: choice
        choose:
          - do: reply
            say: My name is Sam.
            safe: false
            why: Your name is private. Keep it to yourself.
          - do: reply
            say: I only use my game name.
            safe: true
            next: school
      - id: school
        says: What school do you go to?
        sign: personal-info
        why: Your school tells someone where you are.
      - id: choice-2
        choose:
          - do: tell
            say: Tell Mum
            safe: true
            next: told
          - do: leave
            safe: true
            next: the-end
      - id: told
        note: Mum helps you block Jay.
      - id: the-end
        end: private-info-young
    discuss:
      - Why might someone want your real name?
"""


def parsed(text: str) -> tuple[list, list[Problem]]:
    f = parse_file(text, "chats.yaml")
    return [item for item, _ in f.items], f.problems


def only(problems: list[Problem], code: str) -> Problem:
    found = [p for p in problems if p.code == code]
    assert len(found) == 1, [str(p) for p in problems]
    assert found[0].hint and found[0].message
    return found[0]


def line_of(text: str, part: str) -> int:
    return text[: text.index(part)].count("\n") + 1


def test_a_chat_is_read_into_its_records():
    (chat,), problems = parsed(CHAT)
    assert problems == []
    assert (chat.id, chat.topic, chat.ages, chat.contact, chat.avatar) == \
        ("chat-name", "personal-info", ("7-9",), "Jay", "fox")
    hello, ask, choice = chat.steps[:3]
    assert hello == Says("hello", "Hi! You are really good at this game!", "ask", "flattery",
                         "A stranger being extra nice can be a trick.")
    assert isinstance(choice, Choice) and [o.safe for o in choice.options] == [False, True]
    assert choice.options[1].next == "school" and choice.options[0].why
    assert chat.step("told") == Says("told", "Mum helps you block Jay.", "the-end",
                                     narrator=True)
    assert chat.steps[-1] == Ending("the-end", "private-info-young")
    assert graph_problems(chat) == [] and len(safe_paths(chat)) == 2
    assert chat.discuss == ("Why might someone want your real name?",)


@pytest.mark.parametrize("old,new,code,at", [
    ("next: told", "next: tolld", "unknown-next", "tolld"),
    ("      - id: told\n", "      - id: told\n        next: nowhere\n", "unknown-next", "nowhere"),
    ("          - do: leave\n            safe: true\n            next: the-end\n",
     "", "option-count", "          - do: tell"),
    ("            safe: false\n            why: Your name is private. Keep it to yourself.\n",
     "            safe: false\n            why: Your name is private. Keep it to yourself.\n"
     "            next: school\n", "unsafe-option-leads-on", "next: school\n          - do: reply"),
    ("      - id: the-end\n        end: private-info-young\n", "", "never-ends",
     "id: told"),
    ("        note: Mum helps you block Jay.\n",
     "        note: Mum helps you block Jay.\n        next: told\n", "never-ends", "id: told"),
    ("            next: the-end\n", "            next: told\n      - id: lost\n"
     "        note: Nobody gets here.\n", "unreachable-step", "id: lost"),
    ("sign: flattery", "sign: flatery", "bad-sign", "flatery"),
    ("do: tell", "do: tel", "bad-action", "tel\n"),
    ("avatar: fox", "avatar: foxx", "bad-avatar", "foxx"),
    ("        why: Your name is private.\n", "", "missing-why",
     "personal-info\n      - id: choice"),
    ("      - id: school\n", "      - id: ask\n", "duplicate-step",
     "ask\n        says: What school"),
    ("        note: Mum", "        end: the-end\n        note: Mum", "step-kind",
     "end: the-end\n        note"),
    ("        says: What is", "        say: What is", "misspelt-field", "say: What is"),
    ("          - do: reply\n            say: My name is Sam.\n",
     "          - do: reply\n", "missing-field", "do: reply\n            safe: false"),
])
def test_each_mistake_is_named_where_it_is_written(old, new, code, at):
    text = CHAT.replace(old, new, 1)
    assert text != CHAT
    items, problems = parsed(text)
    p = only(problems, code)
    assert p.severity == "error" and items == []  # the chat is left out
    assert p.line == line_of(text, at), (str(p), at)


def test_the_hint_for_a_misspelt_sign_action_or_avatar_names_the_one_meant():
    for old, new, meant in (("sign: flattery", "sign: flatery", "flattery"),
                            ("do: tell", "do: tel", "tell"), ("avatar: fox", "avatar: fx", "fox")):
        _, problems = parsed(CHAT.replace(old, new, 1))
        assert f"did you mean '{meant}'" in problems[0].hint, problems[0]


@pytest.mark.parametrize("old,new,code", [
    ("        sign: personal-info\n        why: Your school tells someone where you are.\n", "",
     "too-few-signs"),
    (CHAT[CHAT.index("      - id: choice-2"):CHAT.index("      - id: told")],
     "      - id: choice-2\n        note: You leave the chat.\n", "too-few-decisions"),
])
def test_a_chat_with_too_few_decisions_or_signs_is_warned_about_but_played(old, new, code):
    (chat,), problems = parsed(CHAT.replace(old, new, 1))
    assert [(p.code, p.severity, p.line) for p in problems] == [(code, "warning", 2)]


@pytest.mark.parametrize("ages,field,words,ok", [
    ('["7-9"]', "says", "Send me a photo with your top off", False),
    ('["7-9"]', "why", "Asking for a nude picture is never OK.", False),
    ('["10-12"]', "says", "Send me a photo with your top off", False),
    ('["10-12"]', "why", "Asking a child for a nude picture is a crime.", True),
    ('["13-15"]', "says", "Send me a photo without your top on.", True),
    ('["13-15"]', "says", "Send me a nude.", False),
    ('["13-15"]', "say", "OK, here is a naked one.", False),
    ('["13-15", "7-9"]', "says", "Send me a photo without your top on.", False),
    ('["13-15"]', "says", "Send it or I will kill you.", False),
    ('["7-9"]', "says", "Send me a picture of you!", True),
])
def test_the_tone_rules(ages, field, words, ok):
    text = CHAT.replace('ages: ["7-9"]', f"ages: {ages}").replace(
        "Your name is private. Keep it to yourself.", "Keep it to yourself.")
    spot = {"says": "says: What is your real name?", "why": "why: Your name is private.",
            "say": "say: My name is Sam."}[field]
    text = text.replace(spot, f"{field}: {words}", 1)
    items, problems = parsed(text)
    codes = {p.code for p in problems if p.severity == "error"}
    assert (codes == set()) == ok, [str(p) for p in problems]
    assert ok or codes <= {"sexual-words", "graphic-words"} and items == []


# --- in the bank ----------------------------------------------------------------------------

def bank_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "bank"
    shutil.copytree(content_dir(), folder)
    return folder


def test_the_shipped_chats_load_clean_and_play_to_a_message_of_the_bank():
    bank = load_bank()
    assert bank.chats and not [p for p in bank.problems if "chats" in p.path]
    for chat in bank.chats:
        assert graph_problems(chat) == [] and bank.chat_by_id[chat.id] is chat
        for path in safe_paths(chat):
            assert bank.message_by_id[chat.step(path[-1]).message]
        run = ChatRun(chat)
        while not run.finished:
            if isinstance(run.step, Choice):
                run.choose(next(i for i, o in enumerate(run.step.options) if o.safe))
            else:
                run.advance()
        assert run.ending in bank.message_by_id
    for band in ("7-9", "10-12", "13-15"):
        assert all(band in c.ages for c in bank.chats_for(band))


def test_the_welsh_bank_has_the_chats_in_welsh():
    english, welsh = load_bank(), load_bank(lang="cy")
    assert [c.id for c in welsh.chats] == [c.id for c in english.chats]
    for en, cy in zip(english.chats, welsh.chats):
        assert not welsh.language.in_english("chats", cy.id)
        changed = [(a.text, b.text) for a, b in zip(en.steps, cy.steps) if isinstance(a, Says)]
        assert changed and all(a != b for a, b in changed)
        assert [type(s) for s in en.steps] == [type(s) for s in cy.steps]


def test_a_welsh_chat_missing_a_step_is_shown_in_english(tmp_path):
    folder = bank_copy(tmp_path)
    english = load_bank(folder)
    first = english.chats[0]
    path = folder / "cy" / "chats.yaml"
    text = path.read_text(encoding="utf-8")
    says = next(s for s in first.steps if isinstance(s, Says) and not s.narrator)
    start = text.index(f"      - id: {says.id}\n")
    end = text.index("      - id:", start + 5)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    welsh = load_bank(folder, lang="cy")
    assert welsh.language.in_english("chats", first.id)
    assert welsh.chat_by_id[first.id] == first
    report = check_bank(folder, fits=False)
    assert any(p.code == "missing-field" and p.path.endswith("chats.yaml") and
               says.id in p.message for p in report.problems)


def test_an_ending_naming_no_message_leaves_the_chat_out(tmp_path):
    folder = bank_copy(tmp_path)
    path = folder / "chats.yaml"
    text = path.read_text(encoding="utf-8")
    end = text.index("\n        end: ") + len("\n        end: ")
    path.write_text(text[:end] + "no-such-message-x" + text[text.index("\n", end):],
                    encoding="utf-8")
    bank = load_bank(folder)
    assert len(bank.chats) == len(load_bank().chats) - 1
    p = only(list(bank.problems), "unknown-message")
    assert p.severity == "error" and p.line == line_of(path.read_text(encoding="utf-8"),
                                                        "no-such-message-x")


def test_an_ending_on_another_topic_is_warned_about(tmp_path):
    folder = bank_copy(tmp_path)
    chat = load_bank(folder).chats[0]
    path = folder / "chats.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace(f"topic: {chat.topic}\n", "topic: the-law\n", 1),
                    encoding="utf-8")
    bank = load_bank(folder)
    found = [p for p in bank.problems if p.code == "ending-mismatch"]
    assert found and all(p.severity == "warning" and "the-law" in p.message for p in found)
    assert bank.chat_by_id[chat.id].topic == "the-law"


def test_a_why_naming_a_consequence_needs_the_reassurance(tmp_path):
    folder = bank_copy(tmp_path)
    path = folder / "chats.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("            why: ") + len("            why: ")
    path.write_text(text[:start] + "Once it is sent you can't get it back. " + text[start:],
                    encoding="utf-8")
    report = check_bank(folder, fits=False)
    p = only(report.problems, "consequence-without-reassurance")
    assert p.path.endswith("chats.yaml") and p.line == line_of(text, text[start - 17:start])


def test_the_summary_line_counts_the_chats(tmp_path, capsys):
    from game.commands.validate import validate
    folder = bank_copy(tmp_path)
    assert validate(str(folder)) == 0
    last = capsys.readouterr().out.splitlines()[-1]
    n = len(load_bank().chats)
    assert f", {n} chat{'' if n == 1 else 's'}" in last and "0 errors" in last


@pytest.mark.skipif(os.environ.get("SAFETY_DASH_TEST_SOURCE") == "1",
                    reason="runs the installed command")
def test_the_installed_validate_names_a_missing_next_step(tmp_path):
    folder = bank_copy(tmp_path)
    path = folder / "chats.yaml"
    text = path.read_text(encoding="utf-8")
    at = re.search(r"^ +next: ", text, re.MULTILINE).end()
    path.write_text(text[:at] + "not-a-step-x" + text[text.index("\n", at):], encoding="utf-8")
    empty = tmp_path / "empty"
    empty.mkdir()
    out = subprocess.run([str(SAFETY_DASH), "validate", str(folder)], cwd=empty,
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 1, out.stdout + out.stderr
    line = text[:at].count("\n") + 1
    col = at - text.rfind("\n", 0, at)
    assert f"chats.yaml:{line}:{col}: error [unknown-next]" in out.stdout, out.stdout
    assert "not-a-step-x" in out.stdout and "Traceback" not in out.stderr


def test_the_editors_guide_example_chat_is_clean(tmp_path):
    guide = (content_dir() / "README.md").read_text(encoding="utf-8")
    section = guide[guide.index("## Writing a chat"):]
    example = section[section.index("```yaml\n") + 8:section.index("```\n")]
    folder = bank_copy(tmp_path)
    (folder / "cy" / "chats.yaml").unlink()
    (folder / "chats.yaml").write_text("chats:\n" + example, encoding="utf-8")
    bank = load_bank(folder)
    assert [c.id for c in bank.chats] == ["chat-free-coins"]
    assert not [str(p) for p in bank.problems if p.path.endswith("chats.yaml")]


def test_f5_says_how_many_chats_changed():
    from dataclasses import replace

    from game.content.changes import differences
    bank = load_bank()
    first, second = bank.chats[:2]
    edited = replace(bank, chats=(replace(first, contact="Sam"),) + bank.chats[2:])
    assert differences(bank, edited) == ["1 chat changed", "1 chat removed"]


@pytest.mark.parametrize("words,ok", [("Wyt ti'n noeth?", False),
                                      ("Dwedwch neu dw i'n dy ladd di.", False),
                                      ("Anfon lun ohonot ti!", True)])
def test_the_tone_rules_in_welsh_keep_the_chat_in_english(tmp_path, words, ok):
    folder = bank_copy(tmp_path)
    chat = next(c for c in load_bank(folder).chats if c.ages == ("7-9",))
    says = next(s for s in chat.steps if isinstance(s, Says) and not s.narrator)
    path = folder / "cy" / "chats.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index(f"  - id: {chat.id}\n")
    at = text.index(f"      - id: {says.id}\n        says: ", start)
    at = text.index("says: ", at) + len("says: ")
    path.write_text(text[:at] + words + text[text.index("\n", at):], encoding="utf-8")
    welsh = load_bank(folder, lang="cy")
    assert welsh.language.in_english("chats", chat.id) != ok
    codes = {p.code for p in welsh.problems if p.path.endswith(os.path.join("cy", "chats.yaml"))}
    assert bool(codes & {"sexual-words", "graphic-words"}) != ok, codes
