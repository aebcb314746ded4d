"""The game's own words in Welsh (content/cy/ui.yaml): every t() call can be translated, the
shipped catalogue translates every string with its fields, a missing or broken translation falls
back to English for that string alone and the validator says where, the real game starts in
Welsh and stays in Welsh after a restart, and read aloud speaks Welsh with a Welsh voice."""
from __future__ import annotations

import ast
import json
import math
import shutil
import time
import wave
from array import array
from pathlib import Path

import pygame
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import game.paths
from helpers import frames
from game import i18n
from game.commands.validate import check_bank
from game.content import load_bank
from game.content.checks import schema_line_for
from game.content.model import Problem
from game.content.ui_catalogue import load_catalogue, parse_catalogue
from game.i18n import fields_of, t, ui_strings
from game.launch import start
from game.paths import content_dir
from game.scenes import spoken
from game.scenes.message import MessageScene
from game.speech import package_installed
from game.speech_worker import new_engine, save_wav, use_language
from screen_check import tracking
from test_speech import need_voice

GAME = Path(i18n.__file__).resolve().parent
BASE = Path(__file__).resolve().parent / "broken" / "base"
SHIPPED = content_dir() / "cy" / "ui.yaml"
NEEDS_WELSH = ("the Welsh read-aloud tests need pyttsx3 (pip install '.[test]') and, on Linux, "
               "espeak-ng with its Welsh voice (apt-get install espeak-ng)")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")
    return path


def catalogue_text(words: dict[str, str], reviewed: bool = False) -> str:
    return f"language: cy\nreviewed: {'true' if reviewed else 'false'}\nui:\n" + "".join(
        f"  {json.dumps(english, ensure_ascii=False)}: {json.dumps(welsh, ensure_ascii=False)}\n"
        for english, welsh in words.items())


def line_of(path: Path, fragment: str) -> tuple[int, int]:
    """The line and column where `fragment` starts in the file."""
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if fragment in line:
            return n, line.index(fragment) + 1
    raise AssertionError(f"{fragment!r} is not in {path}")


def coded(problems: list[Problem], code: str) -> list[Problem]:
    return [p for p in problems if p.code == code]


# --- every t() call can be translated -------------------------------------------------------------

def untranslatable_calls(source: str, filename: str) -> list[str]:
    """Each t() (or i18n.t()) call whose first argument is not a string literal (a variable, an
    f-string, a sum), or that fills in fields other than exactly the literal's {fields} (a call
    with none returns the words with their {fields} to be filled in later)."""
    found = []
    for node in ast.walk(ast.parse(source, filename)):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        if not (isinstance(func, ast.Name) and func.id == "t" or
                isinstance(func, ast.Attribute) and func.attr == "t" and
                isinstance(func.value, ast.Name) and func.value.id == "i18n"):
            continue
        where = f"{filename}:{node.lineno}: {ast.unparse(node)[:90]}"
        first = node.args[0] if node.args else None
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            found.append(f"{where}: the English words must be a string literal")
        elif node.keywords and not any(k.arg is None for k in node.keywords) and \
                {k.arg for k in node.keywords} != fields_of(first.value):
            found.append(f"{where}: the fields given are not the words' {{fields}}")
    return found


def test_every_t_call_in_the_game_passes_a_string_literal_and_its_fields() -> None:
    found = [problem for path in sorted(GAME.rglob("*.py"))
             for problem in untranslatable_calls(path.read_text(encoding="utf-8"),
                                                 str(path.relative_to(GAME.parent)))]
    assert found == [], "\n".join(found)


def test_the_check_of_t_calls_finds_variables_f_strings_and_missing_fields() -> None:
    source = ("from game import i18n\nfrom game.i18n import t\nname = 'x'\n"
              "t(name)\n"
              "t(f'Hi {name}')\n"
              "i18n.t('Hi ' + name)\n"
              "t()\n"
              "t('Question {n} of {total}', n=1)\n"
              "t('Play')\n"
              "t('Question {n} of {total}', n=1, total=4)\n"
              "t('Hi {name}', **{'name': name})\n"
              "t('Page {page} of {pages}')\n"
              "other.t(name)\n")
    found = untranslatable_calls(source, "example.py")
    assert [problem.split(":")[1] for problem in found] == ["4", "5", "6", "7", "8"]


def test_ui_strings_are_the_literals_passed_to_t() -> None:
    strings = ui_strings()
    assert len(strings) == len(set(strings)) > 100
    assert "Where to get help" in strings and "Read aloud is on." in strings
    assert all(isinstance(s, str) and s for s in strings)


def test_a_note_for_translators_tells_two_meanings_apart_and_english_never_shows_it() -> None:
    assert t("Right [correct]") == "Right" and t("Right") == "Right"
    assert t("{n} right [answers]", n=3) == "3 right"
    assert t("pip install 'safety-dash[speech]'") == "pip install 'safety-dash[speech]'"
    i18n.use("cy", {"Right [correct]": "Cywir", "Right": "De", "{n} right [answers]": "{n} {m}"})
    assert (t("Right [correct]"), t("Right")) == ("Cywir", "De")
    assert t("{n} right [answers]", n=3) == "3 right"  # a broken translation: English, no note


# --- the shipped Welsh catalogue ------------------------------------------------------------------

def test_the_shipped_welsh_catalogue_translates_every_string_the_game_uses() -> None:
    catalogue = load_catalogue("cy")
    assert catalogue.problems == [], "\n".join(map(str, catalogue.problems))
    missing = [s for s in ui_strings() if s not in catalogue.words]
    assert missing == [], "add these to content/cy/ui.yaml:\n" + "\n".join(missing)
    unused = sorted(set(catalogue.words) - set(ui_strings()))
    assert unused == [], "the game no longer uses these:\n" + "\n".join(unused)
    for english, welsh in catalogue.words.items():
        assert fields_of(welsh) == fields_of(english), english
        assert welsh.strip() == welsh and welsh, english
    same = [english for english, welsh in catalogue.words.items() if welsh == english]
    assert len(same) < len(catalogue.words) / 20, same  # names, numbers and "Help" alone


def test_the_shipped_welsh_catalogue_is_a_draft_marked_for_review() -> None:
    lines = SHIPPED.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "# yaml-language-server: $schema=../schema/ui.schema.json"
    assert "fluent Welsh speaker must check every item" in lines[1]
    assert "reviewed: false" in SHIPPED.read_text(encoding="utf-8")
    assert not load_catalogue("cy").files[0].reviewed
    assert any(line.strip().startswith("# CHECK:") for line in lines)  # doubts, for the reviewer
    assert (content_dir() / "schema" / "ui.schema.json").is_file()


def test_the_shipped_catalogue_follows_its_schema() -> None:
    import yaml
    from jsonschema import Draft202012Validator
    schema = json.loads((content_dir() / "schema" / "ui.schema.json").read_text("utf-8"))
    validator = Draft202012Validator(schema)
    assert list(validator.iter_errors(yaml.safe_load(SHIPPED.read_text("utf-8")))) == []
    broken = {"language": "cy", "reviewed": "no", "ui": {"Play": ["Chwarae"], "Back": " "}}
    assert len(list(validator.iter_errors(broken))) == 3


def test_english_reads_no_catalogue_and_an_unknown_language_reads_none() -> None:
    assert load_catalogue("en").words == {} and load_catalogue("en").files == []
    assert load_catalogue("../cy").words == {}
    assert load_catalogue("cy", BASE).files == []  # a bank with no Welsh folder


# --- missing and broken translations --------------------------------------------------------------

@pytest.fixture
def bank(tmp_path: Path) -> Path:
    """The tiny base bank with a Welsh ui.yaml that translates two strings and keeps the rest in
    English words (so nothing else is missing, whatever strings the game gains)."""
    folder = tmp_path / "bank"
    shutil.copytree(BASE, folder)
    words = {s: s for s in ui_strings()}
    words["Where to get help"] = "Ble i gael help"
    words["Question {n} of {total}"] = "Cwestiwn {n} o {total}"
    ui = folder / "cy" / "ui.yaml"
    write(ui, schema_line_for(str(ui), "ui") + "\n" + catalogue_text(words))
    return folder


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def ui_problems(folder: Path) -> list[Problem]:
    return [p for p in check_bank(folder, fits=False).problems if p.path.endswith("ui.yaml")]


def test_a_complete_catalogue_gives_only_the_review_warning(bank: Path) -> None:
    [p] = ui_problems(bank)
    ui = bank / "cy" / "ui.yaml"
    assert (p.code, p.severity) == ("unreviewed-translation", "warning")
    assert (Path(p.path).resolve(), p.line, p.col) == (ui.resolve(), *line_of(ui, "false"))
    edit(ui, "reviewed: false", "reviewed: true")
    assert ui_problems(bank) == []
    edit(ui, "# yaml-language-server", "# an editor's note")
    assert [p.code for p in ui_problems(bank)] == ["no-schema-line"]


def test_a_missing_string_falls_back_to_english_and_the_validator_says_where(bank: Path) -> None:
    ui = bank / "cy" / "ui.yaml"
    edit(ui, '  "Where to get help": "Ble i gael help"\n', "")
    catalogue = load_catalogue("cy", bank)
    i18n.use("cy", catalogue.words)
    assert t("Where to get help") == "Where to get help"  # English, for that string alone
    assert t("Question {n} of {total}", n=2, total=4) == "Cwestiwn 2 o 4"
    [p] = coded(ui_problems(bank), "missing-translation")
    assert (Path(p.path).resolve(), p.line, p.col) == (ui.resolve(), *line_of(ui, "ui:"))
    assert p.severity == "warning" and '"Where to get help"' in p.message
    assert "Welsh (cy)" in p.message and "shown in English" in p.message
    assert str(p).startswith(f"{p.path}:{p.line}:{p.col}: warning [missing-translation]")


def test_words_the_game_does_not_use_are_reported_with_the_closest_it_does(bank: Path) -> None:
    ui = bank / "cy" / "ui.yaml"
    edit(ui, '"Where to get help": "Ble', '"Where to get hlep": "Ble')
    [missing] = coded(ui_problems(bank), "missing-translation")
    [unknown] = coded(ui_problems(bank), "unknown-translation")
    assert (Path(unknown.path).resolve(), unknown.line, unknown.col) == \
        (ui.resolve(), *line_of(ui, '"Where to get hlep"'))
    assert 'did you mean "Where to get help"?' in unknown.message
    assert unknown.severity == "warning" and "Where to get help" in unknown.hint
    assert '"Where to get help"' in missing.message


@pytest.mark.parametrize("welsh, code, fragment", [
    ('"Cwestiwn {n} o {cyfanswm}"', "wrong-fields", "{cyfanswm}"),
    ('"Cwestiwn {n}"', "wrong-fields", "{total}"),
    ('"Cwestiwn {n o {total}"', "wrong-fields", "without its pair"),
    ("[Cwestiwn, o]", "wrong-type", "must be text, not a list"),
    ("42", "wrong-type", "must be text, not a number"),
    ('"  "', "empty-text", "is empty"),
])
def test_a_broken_translation_is_an_error_at_its_place_and_stays_english(
        bank: Path, welsh: str, code: str, fragment: str) -> None:
    ui = bank / "cy" / "ui.yaml"
    edit(ui, '"Cwestiwn {n} o {total}"', welsh)
    [p] = [p for p in ui_problems(bank) if p.severity == "error"]
    assert p.code == code and fragment in p.message, str(p)
    assert (Path(p.path).resolve(), p.line, p.col) == (ui.resolve(), *line_of(ui, welsh))
    catalogue = load_catalogue("cy", bank)
    assert "Question {n} of {total}" not in catalogue.words
    assert catalogue.words["Where to get help"] == "Ble i gael help"  # the rest is used
    i18n.use("cy", catalogue.words)
    assert t("Question {n} of {total}", n=2, total=4) == "Question 2 of 4"
    assert catalogue.notice and "shown in English" in catalogue.notice


@pytest.mark.parametrize("text, code, line", [
    ("language: cy\nreviewed: false\nui:\n  - Play\n", "not-a-mapping", 4),
    ("language: cy\nreviewed: false\nui:\n", "not-a-mapping", 3),
    ("language: en\nreviewed: false\nui: {}\n", "wrong-language", 1),
    ("language: cy\nreviewed: maybe\nui: {}\n", "wrong-type", 2),
    ("language: cy\nreviewed: false\n", "missing-field", 1),
    ("language: cy\nreviewed: false\nui:\n  \"Play\": \"Chwarae\n", "yaml-unclosed-quote", 4),
    ("language: cy\nreviewed: false\nui:\n\t\"Play\": \"Chwarae\"\n", "yaml-tab", 4),
    ("", "empty-file", 1),
])
def test_a_file_that_cannot_be_read_gives_no_words_and_one_error(
        bank: Path, text: str, code: str, line: int) -> None:
    ui = write(bank / "cy" / "ui.yaml", text)
    errors = [p for p in ui_problems(bank) if p.severity == "error"]
    assert [(p.code, p.line) for p in errors] == [(code, line)], "\n".join(map(str, errors))
    assert Path(errors[0].path).resolve() == ui.resolve()
    assert not coded(ui_problems(bank), "missing-translation")  # the error says it all
    catalogue = load_catalogue("cy", bank)
    assert catalogue.words == {} and catalogue.notice


def test_a_welsh_folder_without_ui_yaml_is_one_warning(bank: Path) -> None:
    (bank / "cy" / "ui.yaml").unlink()
    write(bank / "cy" / "topics.yaml", "language: cy\nreviewed: true\ntopics: []\n")
    [p] = [q for q in check_bank(bank, fits=False).problems if q.path.endswith("ui.yaml")]
    assert (p.code, p.severity, p.line, p.col) == ("missing-translation", "warning", 1, 1)
    assert Path(p.path).resolve() == (bank / "cy" / "ui.yaml").resolve()
    assert "there is no ui.yaml in the Welsh (cy) folder" in p.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(st.text(max_size=200),
                 st.lists(st.sampled_from(["language: cy", "reviewed: false", "ui:", "  ",
                                           '"Play": ', '"Chwarae"', "{n}", "- ", "[", "'",
                                           ": ", "\n", "\t", "#", "&a", "*a", "{", "}"]),
                          max_size=30).map("".join)))
def test_parsing_any_text_never_raises_and_keeps_only_usable_words(text: str) -> None:
    parsed = parse_catalogue(text, "cy", "cy/ui.yaml")
    for english, welsh in parsed.words.items():
        assert isinstance(welsh, str) and welsh.strip()
        assert fields_of(welsh) == fields_of(english)
    assert all(p.line >= 1 and p.col >= 1 for p in parsed.problems)


def test_a_pack_replaces_single_strings_and_keeps_the_shipped_rest(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    write(pack / "cy" / "ui.yaml", catalogue_text({"Where to get help": "Ble mae help?"}))
    catalogue = load_catalogue("cy", pack=pack)
    shipped = load_catalogue("cy")
    assert catalogue.words["Where to get help"] == "Ble mae help?"
    assert catalogue.words["Read aloud is on."] == shipped.words["Read aloud is on."]
    assert [Path(f.path).resolve() for f in catalogue.files] == [SHIPPED.resolve(),
                                                                (pack / "cy/ui.yaml").resolve()]
    assert not any(p.path.endswith("ui.yaml") and p.code == "missing-translation"
                   for p in check_bank(None, pack, fits=False).problems)


def test_validating_a_bank_without_a_language_folder_never_reads_the_game_words(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*_: object) -> None:
        raise AssertionError("the game's words were checked in a bank without a language")
    monkeypatch.setattr("game.content.translation_checks.check_catalogue", never)
    monkeypatch.setattr("game.i18n.ui_strings", never)
    assert check_bank(BASE, fits=False).languages == []


# --- the real game --------------------------------------------------------------------------------

def drawn_words(app) -> set[str]:
    """Every text on the app's top screen, drawn afresh."""
    return {ink.words for ink in app.canvas.inks}


def test_lang_cy_draws_welsh_words_on_the_title(tmp_path: Path) -> None:
    with tracking() as tracker:
        app = start(str(tmp_path), fast=True, settings={"lang": "cy"})
        tracker.screen_problems(app)
        words = drawn_words(app)
    assert "Chwarae" in words and "Play" not in words
    assert load_catalogue("cy").words["Play"] == "Chwarae"
    assert app.session.bank.branding.title == "Gwib Ddiogel"  # the bank is in Welsh too
    assert app.session.notices == []
    app.quit()


def test_the_language_survives_a_restart_and_changes_back(tmp_path: Path) -> None:
    app = start(str(tmp_path), fast=True, settings={"lang": "cy"})
    app.quit()
    i18n.use(i18n.ENGLISH, {})
    again = start(str(tmp_path), fast=True)  # no --lang: the saved choice
    assert again.session.settings.lang == "cy" and i18n.language() == "cy"
    assert again.session.bank.language.code == "cy" and t("Play") == "Chwarae"
    again.change_settings(lang="en")
    assert t("Play") == "Play" and again.session.bank.language.code == "en"
    again.quit()
    third = start(str(tmp_path), fast=True)
    assert i18n.language() == "en" and t("Play") == "Play"
    third.quit()


def test_f5_reads_the_game_words_again(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    ui = write(pack / "cy" / "ui.yaml", catalogue_text({"Play": "Chwarae nawr"}))
    app = start(str(tmp_path / "data"), fast=True, content=str(pack), settings={"lang": "cy"})
    assert t("Play") == "Chwarae nawr"
    write(ui, catalogue_text({"Play": "Dechrau"}))
    app.reload_content()
    assert t("Play") == "Dechrau"
    write(ui, "language: cy\nreviewed: false\nui:\n  \"Play\": \"Chwarae\n")  # broken
    app.reload_content()
    assert t("Play") == "Chwarae"  # the pack's file gives none: the shipped word
    assert "Doedd dim modd darllen rhai o eiriau'r gêm" in app._toast[0]  # the notice, in Welsh
    app.quit()


def test_a_broken_shipped_catalogue_gives_english_words_and_a_notice(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture) -> None:
    copy = tmp_path / "content"
    shutil.copytree(content_dir(), copy, ignore=shutil.ignore_patterns("*.md"))
    edit(copy / "cy" / "ui.yaml", '"Play": "Chwarae"', '"Play": "Chwarae')  # a quote left open
    monkeypatch.setattr(game.paths, "content_dir", lambda: copy)
    with tracking() as tracker:
        app = start(str(tmp_path / "data"), fast=True, settings={"lang": "cy"})
        tracker.screen_problems(app)
        words = drawn_words(app)
    assert "Play" in words and "Chwarae" not in words  # English words
    assert app.session.bank.branding.title == "Gwib Ddiogel"  # the bank is still Welsh
    notice = ("Some of the game's words could not be read in this language, so they are shown "
              "in English. The person who edits the game's content can check why.")
    assert app.session.notices == [notice]
    shown = [" ".join(w.split()) for w in words]  # a paragraph's lines joined
    assert any("could not be read" in w for w in shown), shown  # on the title's notice card
    assert "ui.yaml" in capsys.readouterr().err  # where, for a grown-up
    app.quit()


def test_start_up_notices_say_what_happened_to_broken_items(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    english = load_bank()
    question = english.questions[0]
    write(pack / "cy" / "questions.yaml",
          "language: cy\nreviewed: false\nquestions:\n"
          f"  - id: {question.id}\n    text: Cwestiwn\n    answers:\n      - text: Un\n")
    app = start(str(tmp_path / "data"), fast=True, content=str(pack), settings={"lang": "cy"})
    bank = app.session.bank
    assert bank.question_by_id[question.id].text == question.text  # shown in English
    assert app.session.notices == [t(
        "Some safety messages or questions could not be read in this language, so they are "
        "shown in English. The person who edits the game's content can check why.")]
    assert app.session.notices[0].startswith("Doedd dim modd darllen")  # in Welsh
    app.change_settings(lang="en")  # in English nothing was broken: the notice goes
    assert app.session.notices == []
    write(pack / "more.yaml", "questions:\n  - id: broken\n")  # an English item's mistake
    app.reload_content()
    app.quit()
    again = start(str(tmp_path / "data"), fast=True, content=str(pack))
    assert any("left out" in n for n in again.session.notices)
    assert not any("shown in English" in n for n in again.session.notices)
    again.quit()


def test_changing_to_a_language_with_broken_items_still_changes(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    question = load_bank().questions[0]
    write(pack / "cy" / "questions.yaml",
          "language: cy\nreviewed: false\nquestions:\n"
          f"  - id: {question.id}\n    text: Cwestiwn\n    answers:\n      - text: Un\n")
    app = start(str(tmp_path / "data"), fast=True, content=str(pack))
    app.change_settings(lang="cy")
    assert app.session.bank.language.code == "cy" and t("Play") == "Chwarae"
    assert any(n.startswith("Doedd dim modd darllen") for n in app.session.notices)
    app.quit()


# --- read aloud in Welsh --------------------------------------------------------------------------

def test_welsh_is_spoken_into_a_wav_file_that_is_not_silent(tmp_path: Path) -> None:
    need_voice()  # skips without espeak-ng, unless SAFETY_DASH_REQUIRE_VOICE=1
    assert package_installed(), NEEDS_WELSH
    engine = new_engine()
    assert use_language(engine, "cy"), NEEDS_WELSH
    bank = load_bank(lang="cy")
    message = bank.message_by_id["private-info-young"]
    words = spoken.message(bank, message)
    assert "Gofynna i oedolyn" in words
    path = tmp_path / "neges.wav"
    try:
        save_wav(words, str(path), engine)
    except RuntimeError as exc:
        pytest.fail(f"{NEEDS_WELSH}: {exc}")
    if getattr(engine, "driver_name", "") == "espeak":
        assert engine.getProperty("voice").endswith("cy")  # the Welsh voice spoke
    with wave.open(str(path)) as w:
        data, rate = array("h", w.readframes(w.getnframes())), w.getframerate()
    seconds = len(data) / rate
    rms = math.sqrt(sum(s * s for s in data) / len(data))
    assert len(words.split()) / 6 < seconds < len(words.split()), seconds
    assert max(abs(s) for s in data) > 8000 and rms > 500


def test_the_game_in_welsh_reads_its_message_aloud(tmp_path: Path) -> None:
    need_voice()  # skips without espeak-ng, unless SAFETY_DASH_REQUIRE_VOICE=1
    assert package_installed(), NEEDS_WELSH
    app = start(str(tmp_path), fast=True, settings={"lang": "cy", "read_aloud": True})
    pygame.event.clear()
    try:
        frames(app, 2)
        bank = app.session.bank
        app.push(MessageScene(app, bank.messages[0]))
        assert app.speech.saying == spoken.message(bank, bank.messages[0])
        deadline = time.monotonic() + 15
        while not app.speech.speaking:
            assert app.speech.available, app.speech.reason
            assert time.monotonic() < deadline, "the Welsh message was never heard"
            frames(app, 1)
            time.sleep(0.002)
    finally:
        app.quit()
        pygame.event.clear()


def test_save_notices_come_in_the_language_asked_for(tmp_path: Path) -> None:
    """A save that cannot be read starts the game fresh, and says so in the language asked for
    on the command line; a save that then fails says so in the game's language too."""
    (tmp_path / "profile.json").write_text("{ not json", encoding="utf-8")
    app = start(str(tmp_path), fast=True, settings={"lang": "cy"})
    notice = app.session.notices[0]
    assert notice.startswith("Doedd dim modd darllen dy gynnydd")
    assert "profile.corrupt-" not in notice  # no file name: it goes to the log
    assert list(tmp_path.glob("profile.corrupt-*.json"))  # where the old file was kept
    assert app.session.store._protected is False  # it was moved aside: saving goes on
    app.session.store._protected = True  # as when the old file could not be moved aside
    assert app.session.store.save(app.session.profile).startswith("Dydy dy gynnydd ddim")
    app.quit()
