"""One set of rules for the game and the validator: every error code the validator can give
leaves its item out of what the game plays, and a warning never does.

The codes are found in the game's own source (every Problem, Reader.error, YamlProblem and
schema description that can be an error), so a new code without a case here fails
test_every_error_code_has_a_case. Each case breaks one item (or one file) of a small bank,
runs the real validator on it, and loads the bank as the game does (the loader with the
game's screen checks, in the language the case needs).
"""
from __future__ import annotations

import ast
import os
import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import game
from game.commands.validate import check_bank
from game.content.loader import load_bank
from game.content.model import Bank
from game.ui.screen_rules import check as screen_check
from test_chat_content import CHAT

_CODE = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")


def error_codes() -> dict[str, str]:
    """Every problem code the game's source can give as an error, with where it is written."""
    found: dict[str, str] = {}
    root = Path(game.__file__).parent
    for path in sorted(root.rglob("*.py")):
        if path.name == "site_settings.py":  # not the bank: test_site_settings has its cases
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        dicts = {t.id: n.value for n in ast.walk(tree) if isinstance(n, ast.Assign)
                 and isinstance(n.value, ast.Dict) for t in n.targets if isinstance(t, ast.Name)}

        def strings(node: ast.AST) -> list[str]:
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                return [node.value]
            if isinstance(node, ast.IfExp):
                return strings(node.body) + strings(node.orelse)
            if isinstance(node, ast.Subscript) and isinstance(node.value, ast.Name) and \
                    node.value.id in dicts:
                return [s for value in dicts[node.value.id].values for s in strings(value)]
            return []

        def add(code: ast.AST, severity: ast.AST | None = None) -> None:
            if severity is not None and not isinstance(severity, ast.Name) and \
                    "error" not in strings(severity):
                return  # only ever a warning
            for name in strings(code):
                if _CODE.match(name):
                    found.setdefault(name, f"{path.relative_to(root)}:{code.lineno}")

        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                func = node.func
                name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
                args = node.args
                shift = 1 if args and isinstance(args[0], ast.Starred) else 0  # (*at, ...)
                if name == "Problem" and len(args) >= 6:
                    add(args[5], args[4])
                elif name == "error" and len(args) >= 2:
                    add(args[1])
                elif name == "YamlProblem":
                    if len(args) >= 4 - shift:
                        add(args[3 - shift])
                    else:
                        found.setdefault("yaml-syntax", str(path.relative_to(root)))
            elif isinstance(node, ast.Tuple) and len(node.elts) >= 3 and \
                    [getattr(e, "id", None) for e in node.elts[:2]] == ["line", "col"]:
                add(node.elts[2])  # schema_check's descriptions: (line, col, code, ...)
            elif isinstance(node, ast.Assign) and \
                    [getattr(t, "id", None) for t in node.targets] == ["code"]:
                add(node.value)
    return found


SOURCE = "000_50d62da3ba30b59e.txt"  # named like a source article in the repository's seeds

# --- a small bank ---------------------------------------------------------------------------

BANK = {
    "sources.yaml": """sources:
  - id: 000_50d62da3ba30b59e.txt
    publisher: The Police
    title: Staying safe online
""",
    "topics.yaml": """topics:
  - id: privacy
    title: Private things
    colour: "#1f5ec4"
""",
    "help.yaml": """help:
  - id: childline
    title: Childline
    text: Talk to someone who listens, any time.
    url: https://www.childline.org.uk
    phone: "0800 1111"
""",
    "ranks.yaml": """ranks:
  - id: cadet
    title: Police Cadet
    points: 0
""",
    "branding.yaml": """branding:
  title: Safety Dash
  tagline: Hop and learn.
  mascot: Scout
  colours:
    primary: "#1f5ec4"
    accent: "#ffcc00"
""",
    "messages.yaml": """messages:
  - id: keep-name
    topic: privacy
    ages: ["7-9", "10-12", "13-15"]
    title: Your name is yours
    text: Keep your name and your school to yourself when you play online.
    do: Ask a grown-up first.
    help: childline
    source: 000_50d62da3ba30b59e.txt
    discuss:
      - What is private?
  - id: tell-adult
    topic: privacy
    ages: ["7-9", "10-12", "13-15"]
    title: Tell someone
    text: If a chat makes you feel bad, stop and tell an adult you trust.
    do: Tell a grown-up you trust.
    help: childline
    source: 000_50d62da3ba30b59e.txt
""",
    "questions.yaml": """questions:
  - id: q-address
    topic: privacy
    ages: ["7-9", "10-12", "13-15"]
    text: Someone in a game asks where you live. What do you do?
    answers:
      - text: Say no and tell an adult
        safe: true
      - text: Tell them your street
        explain: Your address is private.
    source: 000_50d62da3ba30b59e.txt
    message: keep-name
  - id: q-photo
    topic: privacy
    ages: ["7-9", "10-12", "13-15"]
    text: A new friend online wants a photo of you. What do you do?
    answers:
      - text: Send it quickly
        explain: Photos can be shared with anyone.
      - text: Do not send it, and tell an adult
        safe: true
    source: 000_50d62da3ba30b59e.txt
""",
    "lessons.yaml": """lessons:
  - id: first
    title: Private things
    about: A short lesson on what is private.
    topics: [privacy]
    ages: ["7-9"]
    rounds: 2
    style: turns
""",
}
# a chat for every band (tests/test_chat_content.py's), ending on a message of this bank
BANK["chats.yaml"] = CHAT.replace("topic: personal-info", "topic: privacy").replace(
    'ages: ["7-9"]', 'ages: ["7-9", "10-12", "13-15"]').replace(
    "source: 001_8c5e27a413a5d497.txt", f"source: {SOURCE}").replace(
    "end: private-info-young", "end: keep-name")

WELSH = {
    "cy/messages.yaml": """language: cy
reviewed: false
messages:
  - id: keep-name
    title: Ti piau dy enw
    text: Cadwa dy enw a dy ysgol i ti dy hun ar-lein.
    do: Gofynna i oedolyn yn gyntaf.
    discuss:
      - Beth sy'n breifat?
""",
    "cy/questions.yaml": """language: cy
reviewed: false
questions:
  - id: q-address
    text: Mae rhywun mewn gêm yn gofyn ble rwyt ti'n byw. Beth wyt ti'n ei wneud?
    answers:
      - text: Dweud na a dweud wrth oedolyn
      - text: Dweud enw dy stryd
        explain: Mae dy gyfeiriad yn breifat.
""",
    "cy/ui.yaml": """language: cy
reviewed: false
ui:
  "Play": "Chwarae"
""",
}


def write_bank(folder: Path, welsh: bool = False) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in {**BANK, **(WELSH if welsh else {})}.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def edit(folder: Path, name: str, old: str, new: str, count: int = 1) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, count), encoding="utf-8")


# --- the cases ------------------------------------------------------------------------------

@dataclass
class Case:
    """How to break a bank for one code, and what the game must then leave out."""

    breaks: Callable[[Path], None]
    kind: str = "messages"  # the kind of item broken ("file" cases: the file's kind)
    ident: str = "keep-name"  # the item broken
    lang: str = "en"  # the language the game loads (translation cases: "cy")
    whole_file: bool = False  # the mistake is the file's: none of its items are played
    welsh: bool = False
    renamed: bool = False  # the break names the item anew (it was not in the bank before)


def _text(old: str, new: str, name: str = "messages.yaml", **kw) -> Case:
    return Case(lambda f: edit(f, name, old, new), **kw)


def _file(name: str, text: str | bytes) -> Callable[[Path], None]:
    def breaks(folder: Path) -> None:
        path = folder / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return breaks


_MSG = "  - id: keep-name\n    topic: privacy\n"
_UNSAFE = "          - do: reply\n            say: My name is Sam.\n            safe: false\n" \
          "            why: Your name is private. Keep it to yourself.\n"
_END = "      - id: the-end\n        end: keep-name\n"


def _chat(old: str, new: str) -> Case:
    return _text(old, new, "chats.yaml", kind="chats", ident="chat-name")


_Q = BANK["questions.yaml"]


def _too_big(folder: Path) -> None:
    (folder / "messages.yaml").write_text(BANK["messages.yaml"] + "#" * 2000, encoding="utf-8")


def _unreadable(folder: Path) -> None:
    (folder / "messages.yaml").unlink()
    (folder / "messages.yaml").mkdir()


def _outside(folder: Path) -> None:
    away = folder.parent / "elsewhere.yaml"
    away.write_text(BANK["messages.yaml"], encoding="utf-8")
    (folder / "messages.yaml").unlink()
    os.symlink(away, folder / "messages.yaml")


def _missing_source(folder: Path) -> None:
    for path in folder.glob("*.yaml"):
        path.write_text(path.read_text(encoding="utf-8").replace(SOURCE, "not-a-seed.txt"),
                        encoding="utf-8")
    (folder / "seeds").mkdir()
    (folder / "seeds" / "another.txt").write_text("an article", encoding="utf-8")


CASES: dict[str, Case] = {
    # an item's own fields
    "answers-count": _text("      - text: Tell them your street\n        explain: Your address "
                           "is private.\n", "", "questions.yaml", kind="questions",
                           ident="q-address"),
    "bad-age-band": _text('ages: ["7-9", "10-12", "13-15"]', 'ages: ["7-10"]'),
    "bad-id": _text("  - id: keep-name", "  - id: keep name"),
    "bad-phone": _text('phone: "0800 1111"', 'phone: "call us"', "help.yaml", kind="help",
                       ident="childline"),
    "bad-url": _text("url: https://www.childline.org.uk", "url: https://childline",
                     "help.yaml", kind="help", ident="childline"),
    "bad-colour": _text('colour: "#1f5ec4"', 'colour: "blue"', "topics.yaml", kind="topics",
                        ident="privacy"),
    "bad-rounds": _text("rounds: 2", "rounds: 40", "lessons.yaml", kind="lessons",
                        ident="first"),
    "bad-style": _text("style: turns", "style: relay", "lessons.yaml", kind="lessons",
                       ident="first"),
    "empty-text": _text("title: Your name is yours", 'title: " "'),
    "missing-explain": _text("        explain: Your address is private.\n", "",
                             "questions.yaml", kind="questions", ident="q-address"),
    "missing-field": _text("    do: Ask a grown-up first.\n", ""),
    "misspelt-field": _text("    do: Ask a grown-up first.\n", "    doo: Ask a grown-up first.\n"),
    "unknown-field": _text("    do: Ask a grown-up first.\n",
                           "    do: Ask a grown-up first.\n    colour: red\n"),
    "not-a-mapping": Case(_file("messages.yaml", "messages:\n  - keep-name\n" +
                                BANK["messages.yaml"].split("  - id: tell-adult")[0].replace(
                                    "messages:\n  - id: keep-name", "  - id: keep-name2"))),
    "not-https": _text("url: https://www.childline.org.uk", "url: http://www.childline.org.uk",
                       "help.yaml", kind="help", ident="childline"),
    "safe-answer-count": _text("        safe: true\n      - text: Tell them your street",
                               "      - text: Tell them your street", "questions.yaml",
                               kind="questions", ident="q-address"),
    "wrong-type": _text("points: 0", "points: lots", "ranks.yaml", kind="ranks", ident="cadet"),
    "schema-rule": _text("    discuss:\n      - Beth sy'n breifat?\n", "    discuss: []\n",
                         "cy/messages.yaml", lang="cy", welsh=True),
    "duplicate-key": _text("    do: Ask a grown-up first.\n",
                           "    do: Ask a grown-up first.\n    do: Ask again.\n"),
    "bad-field-name": _text("    do: Ask a grown-up first.\n",
                            "    do: Ask a grown-up first.\n    [a, b]: c\n"),
    # what the game shows
    "markup": _text("do: Ask a grown-up first.", "do: Ask a grown-up <script>alert(1)</script>"),
    "missing-glyph": _text("title: Your name is yours", "title: Your name is yours 😀"),
    "text-too-long": _text("do: Ask a grown-up first.", "do: " + "Ask a grown-up first. " * 40),
    "duplicate-text": _text("title: Tell someone", "title: Your name is yours",
                            ident="tell-adult"),
    "duplicate-id": _text("  - id: tell-adult", "  - id: keep-name", ident=""),
    "duplicate-branding": Case(_file("branding2.yaml", BANK["branding.yaml"].replace(
        "Safety Dash", "Second Brand")), kind="branding", ident="Second Brand"),
    # references
    "unknown-topic": _text(_MSG, "  - id: keep-name\n    topic: privacyy\n"),
    "unknown-help-link": _text("    help: childline\n    source: 000_50d62da3ba30b59e.txt\n    discuss",
                               "    help: childlin\n    source: 000_50d62da3ba30b59e.txt\n    discuss"),
    "unknown-source": _text("    source: 000_50d62da3ba30b59e.txt\n    discuss",
                            "    source: articel.txt\n    discuss"),
    "unknown-message": _text("    message: keep-name", "    message: keep-nam",
                             "questions.yaml", kind="questions", ident="q-address"),
    "missing-source-file": Case(_missing_source, kind="sources", ident="not-a-seed.txt",
                                renamed=True),
    # a chat's story, fields and tone (game.content.chat_items, chat_checks)
    "unknown-next": _chat("            next: told", "            next: toldd"),
    "unreachable-step": _chat(_END, _END + "      - id: stray\n        end: keep-name\n"),
    "never-ends": _chat(_END, ""),
    "no-safe-option": _chat("            safe: true\n            next: school\n",
                            "            safe: false\n            why: Not yet.\n"),
    "unsafe-option-leads-on": _chat(_UNSAFE, _UNSAFE + "            next: told\n"),
    "option-count": _chat(_UNSAFE, ""),
    "bad-sign": _chat("sign: flattery", "sign: flatery"),
    "bad-action": _chat("do: tell", "do: shout"),
    "bad-avatar": _chat("avatar: fox", "avatar: dragon"),
    "missing-why": _chat("        why: A stranger being extra nice can be a trick.\n", ""),
    "duplicate-step": _chat("      - id: ask\n", "      - id: hello\n"),
    "step-kind": _chat("        note: Mum helps you block Jay.\n",
                       "        note: Mum helps you block Jay.\n        end: keep-name\n"),
    "chat-too-long": _chat("says: What is your real name?",
                           "says: " + "What is your real name? " * 40),
    "graphic-words": _chat("says: What is your real name?", "says: Tell me, or I kill you."),
    "sexual-words": _chat("says: What is your real name?", "says: Are you naked?"),
    # a whole file
    "yaml-syntax": Case(_file("messages.yaml", BANK["messages.yaml"] + "---\nmore: 1\n"),
                        whole_file=True),
    "yaml-tab": _text(_MSG, "  - id: keep-name\n\ttopic: privacy\n", whole_file=True),
    "yaml-bracket": _text('ages: ["7-9", "10-12", "13-15"]', 'ages: ["7-9" "10-12"]',
                          whole_file=True),
    "yaml-colon-in-text": _text("do: Ask a grown-up first.", "do: Note: ask first.",
                                whole_file=True),
    "yaml-indent": _text("    topic: privacy\n", "      topic: privacy\n", whole_file=True),
    "yaml-missing-colon": _text("    topic: privacy\n", "    topic privacy\n    ages2: x\n",
                                whole_file=True),
    "yaml-after-quote": _text("title: Your name is yours", 'title: "Your name" is yours',
                              whole_file=True),
    "yaml-unclosed-quote": _text("title: Your name is yours", 'title: "Your name is yours',
                                 whole_file=True),
    "yaml-tag": _text("title: Your name is yours", "title: !!python/tuple [a, b]",
                      whole_file=True),
    "yaml-value": _text("title: Your name is yours", "title: 2001-13-45", whole_file=True),
    "yaml-too-deep": Case(_file("messages.yaml", "messages: " + "[" * 5000 + "]" * 5000),
                          whole_file=True),
    "yaml-too-big": Case(_file("messages.yaml", "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"{c}: &{c} [{', '.join(['*' + p] * 10)}]\n" for p, c in zip("abcdef", "bcdefg"))),
        whole_file=True),
    "bad-character": Case(_file("messages.yaml", BANK["messages.yaml"].replace(
        "Your name", "Your\x07name")), whole_file=True),
    "not-utf8": Case(_file("messages.yaml", BANK["messages.yaml"].encode("utf-16")),
                     whole_file=True),
    "empty-file": Case(_file("messages.yaml", "# nothing yet\n"), whole_file=True),
    "wrong-top-level": Case(_file("messages.yaml", BANK["messages.yaml"].replace(
        "messages:", "mesages:", 1)), whole_file=True),
    "not-a-list": Case(_file("messages.yaml", "messages:\n  id: keep-name\n"), whole_file=True),
    "file-too-big": Case(_too_big, whole_file=True),
    "unreadable-file": Case(_unreadable, whole_file=True),
    "outside-folder": Case(_outside, whole_file=True),
    "missing-file": Case(lambda f: (f / "messages.yaml").unlink(), whole_file=True),
    "no-sources": Case(_file("sources.yaml", "sources: []\n"), kind="sources",
                       ident="000_50d62da3ba30b59e.txt", whole_file=True),
    "no-folder": Case(lambda f: shutil.rmtree(f), whole_file=True),
    # translations: the item (or the game's words) is shown in English
    "wrong-language": _text("language: cy", "language: en", "cy/messages.yaml", lang="cy",
                            welsh=True),
    "answer-count": _text("      - text: Dweud enw dy stryd\n        explain: Mae dy gyfeiriad "
                          "yn breifat.\n", "", "cy/questions.yaml", kind="questions",
                          ident="q-address", lang="cy", welsh=True),
    "wrong-fields": _text('"Play": "Chwarae"', '"Play": "Chwarae {now}"', "cy/ui.yaml",
                          kind="ui", ident="Play", lang="cy", welsh=True),
}


def test_every_error_code_has_a_case():
    codes = error_codes()
    assert len(codes) > 40, codes  # the scan finds the codes at all
    missing = {code: where for code, where in codes.items() if code not in CASES}
    assert not missing, f"codes the validator can give with no case here: {missing}"


def _played(bank: Bank, case: Case) -> bool:
    """Whether the game plays the item the case broke (for a translation: in Welsh)."""
    if case.kind == "branding":
        return bank.branding.title == case.ident
    if case.kind == "ui":
        from game import i18n
        return i18n.t(case.ident) != case.ident
    if case.ident == "":  # a duplicate id: the second item (Tell someone) is not played
        return any(m.title == "Tell someone" for m in bank.messages)
    items = {"messages": bank.messages, "questions": bank.questions, "topics": bank.topics,
             "help": bank.help, "ranks": bank.ranks, "lessons": bank.lessons,
             "sources": bank.sources, "chats": bank.chats}[case.kind]
    found = [i for i in items if i.id == case.ident]
    if case.lang != "en" and found:  # translated: shown in Welsh
        return not bank.language.in_english(case.kind, case.ident)
    return bool(found)


@pytest.fixture(autouse=True)
def own_truncated_texts(monkeypatch):
    """The validator's fit check notes the texts it finds too long in game.ui.text.truncated,
    which other tests hold empty: these cases' notes stay here."""
    from game.ui import text
    monkeypatch.setattr(text, "truncated", set())


@pytest.mark.parametrize("code", sorted(CASES))
def test_an_error_leaves_its_item_out_of_the_game(code: str, tmp_path: Path, monkeypatch):
    case = CASES[code]
    if code == "file-too-big":
        from game.content import bank_files
        monkeypatch.setattr(bank_files, "MAX_FILE_BYTES", 1500)  # the real limit is tens of MB
    folder = write_bank(tmp_path / "bank", welsh=case.welsh or case.lang != "en")
    base = load_game(folder, case)
    assert _played(base, case) or case.kind == "branding" or case.renamed, "not played at all"
    case.breaks(folder)
    report = check_bank(folder, fits=True)
    found = [p for p in report.problems if p.code == code]
    assert found, (code, [str(p) for p in report.problems])
    is_error = any(p.severity == "error" for p in found)
    if code == "no-folder":
        assert is_error
        return
    bank = load_game(folder, case)
    if is_error:
        assert not _played(bank, case), f"[{code}] is an error, yet the game plays the item"
    else:
        assert _played(bank, case), f"[{code}] is only a warning, yet the game leaves it out"
    if case.whole_file and case.kind == "messages":
        assert not bank.messages and bank.broken == ("messages",)
        assert report.errors


def load_game(folder: Path, case: Case) -> Bank:
    """The bank as the game plays it (its loader and its screen checks), in the case's language
    (the game's words too, as the game sets them)."""
    from game.session import use_words
    if case.kind == "ui":
        from game.content.ui_catalogue import load_catalogue
        from game import i18n
        catalogue = load_catalogue(case.lang, folder)
        i18n.use(catalogue.language, catalogue.words)
    else:
        use_words("en")
    return load_bank(folder, lang=case.lang, screen=screen_check)


_INSERTS = ("\t", ": ", '"', "<b>", "😀", "- ", "&amp;", "`x`", "x" * 300, "[", "#", "*")


@pytest.mark.parametrize("kind", ["messages", "chats"])
@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_whatever_an_edit_breaks_the_game_never_plays_an_item_the_validator_refuses(
        tmp_path_factory, kind, data):
    """A random edit of the messages (or chats) file: every item an error is written in (by
    the validator's report) is left out of the game's bank."""
    from game.content.loader import parse_file
    folder = write_bank(tmp_path_factory.mktemp("bank"))
    path = folder / f"{kind}.yaml"
    lines = path.read_text(encoding="utf-8").split("\n")
    n = data.draw(st.integers(1, len(lines) - 2))
    col = data.draw(st.integers(0, len(lines[n])))
    insert = data.draw(st.sampled_from(_INSERTS))
    lines[n] = lines[n][:col] + insert + lines[n][col:]
    path.write_text("\n".join(lines), encoding="utf-8")
    errors = [p for p in check_bank(folder, fits=True).problems
              if p.severity == "error" and p.path.endswith(f"{kind}.yaml")]
    parsed = parse_file(path.read_text(encoding="utf-8"), f"{kind}.yaml")
    entries = parsed.doc.value[kind].value if parsed.doc is not None and \
        isinstance(parsed.doc.value, dict) and kind in parsed.doc.value and \
        isinstance(parsed.doc.value[kind].value, list) else []
    starts = [(e.line, e.value["id"].value if isinstance(e.value, dict) and "id" in e.value
               else None) for e in entries]
    refused = {ident for p in errors for line, ident in starts
               if line <= p.line and not any(line < other <= p.line for other, _ in starts)}
    played = {item.id for item in getattr(load_bank(folder, screen=screen_check), kind)}
    assert not (refused & played), (insert, n, col, [str(p) for p in errors])
    if not entries and errors:  # the file could not be read: nothing of it is played
        assert not played
