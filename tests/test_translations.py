"""Translations of the bank (content/<lang>/): the shipped Welsh bank loads whole; an item with
no usable translation stays in English for that item alone and the validator says where; the
English bank is exactly what it was; the game's font draws every Welsh letter."""
from __future__ import annotations

import dataclasses
import json
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.commands.validate import Report, check_bank
from game.content import ContentError, load_bank
from game.content.checks import schema_line_for
from game.content.model import Bank, Problem
from game.content.translation import available_languages
from game.i18n import ui_strings
from game.paths import content_dir

BASE = Path(__file__).resolve().parent / "broken" / "base"
SHIPPED_WELSH = content_dir() / "cy"

# a Welsh translation of every item of the tiny bank in tests/broken/base
WELSH = {
    "messages": """\
language: cy
reviewed: false
messages:
  - id: keep-details-private
    title: Ti piau dy fanylion
    text: Mae dy enw a dy ysgol yn breifat. Cadwa nhw i ti dy hun ar-lein.
    do: Gofynna i oedolyn yn gyntaf os wyt ti eisiau rhannu rhywbeth.
    discuss:
      - Beth sy'n breifat?
  - id: tell-a-grown-up
    title: Gelli di wastad ddweud
    text: Os yw rhywbeth ar-lein yn dy ypsetio, dyweda wrth oedolyn. Fyddi di ddim mewn trwbl.
    do: Dyweda wrth riant, gofalwr neu athro heddiw.
""",
    "questions": """\
language: cy
reviewed: false
questions:
  - id: q-where-you-live
    text: Mae rhywun mewn gêm yn gofyn ble rwyt ti'n byw. Beth wyt ti'n ei wneud?
    answers:
      - text: Dweud enw dy stryd
        explain: Mae dy gyfeiriad yn breifat. Cadwa fe i ti dy hun.
      - text: Peidio â dweud
  - id: q-upset
    text: Mae neges ar-lein yn dy ypsetio. Beth wyt ti'n ei wneud?
    answers:
      - text: Ei gadw i ti dy hun
        explain: Does dim rhaid i ti ddelio â hyn ar dy ben dy hun. Dyweda wrth rywun.
      - text: Ei ateb
        explain: Gall ateb wneud pethau'n waeth. Dyweda wrth oedolyn yn lle hynny.
      - text: Dweud wrth oedolyn dibynadwy
""",
    "topics": """\
language: cy
reviewed: false
topics:
  - id: personal-info
    title: Cadw pethau'n breifat
  - id: tell-someone
    title: Dyweda wrth rywun
""",
    "help": """\
language: cy
reviewed: false
help:
  - id: trusted-adult
    title: Dyweda wrth oedolyn dibynadwy
    text: Rhiant, gofalwr neu athro. Fyddi di ddim mewn trwbl am ddweud.
  - id: childline
    title: Childline
    text: Help am ddim a phreifat i bobl ifanc, unrhyw bryd.
  - id: emergency
    title: Mewn argyfwng
    text: Os wyt ti mewn perygl ar hyn o bryd, ffonia 999.
""",
    "ranks": """\
language: cy
reviewed: false
ranks:
  - id: cadet
    title: Cadet Heddlu
    badge: Croeso i'r tîm!
  - id: constable
    title: Cwnstabl Heddlu
    badge: Sylwaist ti ar y peryglon ac aros yn bwyllog!
""",
}
# the game's own words: every string the game uses, "translated" as itself (the shipped Welsh is
# tested in test_ui_translation.py; these banks test the bank's translation)
WELSH["ui"] = "language: cy\nreviewed: false\nui:\n" + "".join(
    f"  {json.dumps(english)}: {json.dumps(english)}\n" for english in ui_strings())


# --- helpers --------------------------------------------------------------------------------------

def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")


def with_schema_line(path: Path, text: str, kind: str) -> str:
    return schema_line_for(str(path), kind) + "\n" + text


def make_bank(folder: Path, welsh: dict[str, str] | None = None) -> Path:
    """A copy of the tiny base bank (its schema lines pointing at the real schemas) with a Welsh
    translation of every item (or of the files in `welsh`)."""
    shutil.copytree(BASE, folder)
    for path in folder.glob("*.yaml"):
        _, rest = read(path).split("\n", 1)
        write(path, with_schema_line(path, rest, path.stem))
    for kind, text in (WELSH if welsh is None else welsh).items():
        path = folder / "cy" / f"{kind}.yaml"
        write(path, with_schema_line(path, text, "ui" if kind == "ui" else "translation"))
    return folder


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    return make_bank(tmp_path / "bank")


def edit(path: Path, old: str, new: str) -> None:
    text = read(path)
    assert text.count(old) == 1, f"{old!r} should be written once in {path.name}"
    write(path, text.replace(old, new))


def place_of(path: Path, written: str, offset: int = 0) -> tuple[int, int]:
    """(line, column) where `written` starts in the file, plus `offset` columns."""
    for n, line in enumerate(read(path).splitlines(), 1):
        if written in line:
            return n, line.index(written) + 1 + offset
    raise AssertionError(f"{written!r} is not in {path}")


def check(folder: Path, fits: bool = False) -> Report:
    return check_bank(folder, fits=fits)


def coded(report: Report | Bank, code: str) -> list[Problem]:
    return [p for p in report.problems if p.code == code]


def at(p: Problem) -> tuple[Path, int, int]:
    return Path(p.path).resolve(), p.line, p.col


# --- the shipped Welsh bank -----------------------------------------------------------------------

# answers that stay as they are in any language: numbers, an address, an organisation's name
NAMES_AND_NUMBERS = {"0800 1111", "999", "101", "ncsc.gov.uk", "CEOP Safety Centre"}


def words_only_differ(english: object, welsh: object, words: tuple[str, ...]) -> bool:
    """Whether the two records are the same but for the fields `words`."""
    return dataclasses.replace(welsh, **{f: getattr(english, f) for f in words}) == english


def test_the_shipped_welsh_bank_has_every_item_in_welsh() -> None:
    english, welsh = load_bank(), load_bank(lang="cy")
    assert welsh.problems == english.problems == ()
    assert (welsh.language.code, welsh.language.reviewed) == ("cy", False)
    assert welsh.language.fallbacks == frozenset()
    assert not welsh.language.in_english("messages", "private-info-young")
    assert (SHIPPED_WELSH / "questions.yaml").is_file()
    for kind, words in (("messages", ("title", "text", "do", "discuss")),
                        ("questions", ("text", "answers")), ("topics", ("title",)),
                        ("help", ("title", "text")), ("ranks", ("title", "badge")),
                        ("lessons", ("title", "about"))):
        pairs = list(zip(getattr(english, kind), getattr(welsh, kind), strict=True))
        assert pairs, kind
        for en, cy in pairs:
            assert words_only_differ(en, cy, words), (kind, en.id)
            # every text in Welsh (organisations and services keep their own names)
            assert all(getattr(en, f) != getattr(cy, f) for f in words) or \
                cy.title in ("Childline", "Report Remove"), (kind, en.id)
    for en, cy in zip(english.questions, welsh.questions):
        assert [a.safe for a in en.answers] == [a.safe for a in cy.answers], en.id
        assert all(a.text != b.text or a.text in NAMES_AND_NUMBERS
                   for a, b in zip(en.answers, cy.answers)), en.id
        assert all(bool(a.explain) == bool(b.explain) for a, b in zip(en.answers, cy.answers))
    assert words_only_differ(english.branding, welsh.branding, ("title", "tagline"))
    assert welsh.branding.tagline != english.branding.tagline
    assert [r.title for r in welsh.ranks][:4] == ["Cadet Heddlu", "Cwnstabl Heddlu", "Rhingyll",
                                                 "Arolygydd"]
    assert welsh.ranks[-1].title == "Prif Gwnstabl"
    # a message card's credit names the publisher in Welsh where it has a Welsh name; a
    # newspaper keeps its own; the articles' ids and titles stay as they are
    for en, cy in zip(english.sources, welsh.sources, strict=True):
        assert words_only_differ(en, cy, ("publisher",)), en.id
        assert cy.publisher != en.publisher or cy.publisher == "Express & Star", en.id
    assert welsh.source_by_id["004_6260f81373ceb44e.txt"].publisher == "Y Swyddfa Gartref"


def test_every_shipped_welsh_file_is_a_draft_marked_for_review() -> None:
    files = sorted(SHIPPED_WELSH.glob("*.yaml"))
    assert {f.stem for f in files} == {"messages", "questions", "topics", "help", "ranks",
                                       "lessons", "branding", "ui", "chats", "sources"}
    for path in files:
        lines = read(path).splitlines()
        schema = "ui" if path.stem == "ui" else "translation"  # ui.yaml: the game's own words
        assert lines[0] == f"# yaml-language-server: $schema=../schema/{schema}.schema.json"
        assert "fluent Welsh speaker must check every item" in lines[1], path.name
        assert "language: cy" in lines and any(line.startswith("reviewed: false")
                                               for line in lines), path.name


def test_the_shipped_bank_validates_with_one_review_warning_per_welsh_file() -> None:
    report = check_bank(None)
    assert report.errors == 0
    assert not coded(report, "missing-translation")
    warned = sorted(Path(p.path).resolve() for p in coded(report, "unreviewed-translation"))
    assert warned == sorted(SHIPPED_WELSH.glob("*.yaml"))
    assert report.summary()["languages"] == ["cy"]


def test_available_languages() -> None:
    assert available_languages() == ("en", "cy")
    assert available_languages(BASE) == ("en",)


# --- English is untouched -------------------------------------------------------------------------

def test_english_is_exactly_the_bank_it_was(tmp_path: Path) -> None:
    """lang='en' never reads a language folder: a broken one changes nothing."""
    shipped = load_bank()
    assert load_bank(lang="en") == shipped and shipped.language.code == "en"
    assert all(shipped.language.in_english("messages", m.id) for m in shipped.messages)
    without = tmp_path / "without"
    shutil.copytree(content_dir(), without, ignore=shutil.ignore_patterns("cy", "*.md"))
    broken = tmp_path / "broken"
    shutil.copytree(without, broken)
    write(broken / "cy" / "messages.yaml", "messages: [\n\t- not: yaml")
    for folder in (without, broken):
        loaded = load_bank(folder)
        assert loaded == shipped and loaded.problems == shipped.problems == ()


def test_a_language_with_no_folder_is_all_english_and_a_bad_code_is_refused(bank: Path) -> None:
    english = load_bank(bank)
    gaelic = load_bank(bank, lang="gd")
    assert (gaelic.messages, gaelic.questions, gaelic.help) == \
        (english.messages, english.questions, english.help)
    assert gaelic.language.in_english("questions", "q-upset") and not gaelic.language.reviewed
    with pytest.raises(ContentError):
        load_bank(bank, lang="../cy")


# --- falling back, item by item -------------------------------------------------------------------

def test_the_tiny_bank_in_welsh_is_clean(bank: Path) -> None:
    welsh = load_bank(bank, lang="cy")
    assert welsh.problems == () and welsh.language.fallbacks == frozenset()
    assert welsh.message_by_id["tell-a-grown-up"].title == "Gelli di wastad ddweud"
    assert welsh.question_by_id["q-upset"].answers[2].text == "Dweud wrth oedolyn dibynadwy"
    assert welsh.question_by_id["q-upset"].safe_index == 2
    report = check(bank, fits=True)
    assert {p.code for p in report.problems} == {"unreviewed-translation"}, \
        "\n".join(map(str, report.problems))
    assert len(report.problems) == 6 and report.files == 12  # five kinds and ui.yaml


def test_reviewed_files_give_no_review_warning(tmp_path: Path) -> None:
    reviewed = {k: v.replace("reviewed: false", "reviewed: true") for k, v in WELSH.items()}
    bank = make_bank(tmp_path / "bank", reviewed)
    assert load_bank(bank, lang="cy").language.reviewed
    assert check(bank).problems == []


def test_a_missing_translation_falls_back_for_that_item_alone(bank: Path) -> None:
    welsh_file = bank / "cy" / "messages.yaml"
    text = read(welsh_file)
    write(welsh_file, text[:text.index("  - id: tell-a-grown-up")])
    english, welsh = load_bank(bank), load_bank(bank, lang="cy")
    assert welsh.message_by_id["tell-a-grown-up"] == english.message_by_id["tell-a-grown-up"]
    assert welsh.message_by_id["keep-details-private"].title == "Ti piau dy fanylion"
    assert welsh.language.fallbacks == {("messages", "tell-a-grown-up")}
    assert welsh.language.in_english("messages", "tell-a-grown-up")
    [p] = coded(check(bank), "missing-translation")
    line, col = place_of(bank / "messages.yaml", "id: tell-a-grown-up")
    assert at(p) == ((bank / "messages.yaml").resolve(), line, col)
    assert p.severity == "warning" and "Welsh (cy)" in p.message and "cy/messages.yaml" in p.hint


def test_an_answer_count_mismatch_falls_back_and_is_reported(bank: Path) -> None:
    welsh_file = bank / "cy" / "questions.yaml"
    edit(welsh_file, "      - text: Dweud wrth oedolyn dibynadwy\n", "")
    english, welsh = load_bank(bank), load_bank(bank, lang="cy")
    assert welsh.question_by_id["q-upset"] == english.question_by_id["q-upset"]
    assert welsh.question_by_id["q-where-you-live"].text.startswith("Mae rhywun")
    assert welsh.language.fallbacks == {("questions", "q-upset")}
    report = check(bank)
    [p] = coded(report, "answer-count")
    line = place_of(welsh_file, "id: q-upset")[0] + 3  # the list under 'answers:'
    assert at(p) == (welsh_file.resolve(), line, 7) and p.severity == "error"
    assert "has 2 answers but the English question 'q-upset' has 3" in p.message
    assert welsh.problems == (p,) or [str(q) for q in welsh.problems] == [str(p)]
    assert not coded(report, "missing-translation")  # reported once, where the mistake is


def test_a_missing_explain_or_field_keeps_that_item_in_english(bank: Path) -> None:
    edit(bank / "cy" / "questions.yaml",
         "        explain: Mae dy gyfeiriad yn breifat. Cadwa fe i ti dy hun.\n", "")
    edit(bank / "cy" / "messages.yaml",
         "    do: Dyweda wrth riant, gofalwr neu athro heddiw.\n", "")
    welsh = load_bank(bank, lang="cy")
    assert welsh.language.fallbacks == {("questions", "q-where-you-live"),
                                        ("messages", "tell-a-grown-up")}
    assert {p.code for p in welsh.errors} == {"missing-explain", "missing-field"}
    report = check(bank)
    assert {p.code for p in report.problems if p.severity == "error"} == \
        {"missing-explain", "missing-field"}


def test_unknown_ids_are_reported_and_the_english_item_is_missing(bank: Path) -> None:
    welsh_file = bank / "cy" / "topics.yaml"
    edit(welsh_file, "id: personal-info", "id: personal-infos")
    welsh = load_bank(bank, lang="cy")
    assert welsh.topic_by_id["personal-info"].title == "Keep it private"
    report = check(bank)
    [unknown] = coded(report, "unknown-translation")
    assert at(unknown) == (welsh_file.resolve(), *place_of(welsh_file, "personal-infos"))
    assert "did you mean 'personal-info'?" in unknown.message
    [missing] = coded(report, "missing-translation")
    assert at(missing)[1:] == place_of(bank / "topics.yaml", "id: personal-info")


def test_broken_yaml_in_a_translation_leaves_that_file_in_english(bank: Path) -> None:
    welsh_file = bank / "cy" / "messages.yaml"
    edit(welsh_file, "    title: Gelli di wastad ddweud\n", "    title: Gelli di: wastad ddweud\n")
    english, welsh = load_bank(bank), load_bank(bank, lang="cy")
    assert welsh.messages == english.messages
    assert welsh.topic_by_id["personal-info"].title == "Cadw pethau'n breifat"
    [p] = welsh.problems
    assert (p.code, Path(p.path).name, p.line) == \
        ("yaml-colon-in-text", "messages.yaml", place_of(welsh_file, "Gelli di:")[0])
    report = check(bank)
    assert [q.code for q in report.problems if q.severity == "error"] == ["yaml-colon-in-text"]
    assert len(coded(report, "missing-translation")) == 2  # the messages it would have given


def test_the_header_says_the_language_and_whether_it_is_reviewed(bank: Path) -> None:
    edit(bank / "cy" / "ranks.yaml", "language: cy", "language: en")
    edit(bank / "cy" / "topics.yaml", "reviewed: false", 'reviewed: "no"')
    welsh = load_bank(bank, lang="cy")
    assert welsh.language.fallbacks == {("ranks", "cadet"), ("ranks", "constable"),
                                        ("topics", "personal-info"), ("topics", "tell-someone")}
    report = check(bank)
    [language] = coded(report, "wrong-language")
    assert at(language)[1:] == place_of(bank / "cy" / "ranks.yaml", "language: en", 10)
    [reviewed] = coded(report, "wrong-type")
    assert Path(reviewed.path).name == "topics.yaml" and "reviewed: false" in reviewed.hint
    assert len(report.problems) == len(set((p.path, p.line, p.col) for p in report.problems))


def test_the_schema_checks_translation_files(bank: Path) -> None:
    welsh_file = bank / "cy" / "help.yaml"
    edit(welsh_file, "    title: Childline\n", "    title: Childline\n    phone: \"0800 1111\"\n")
    report = check(bank)
    [p] = coded(report, "unknown-field")
    assert at(p) == (welsh_file.resolve(), *place_of(welsh_file, "phone:"))
    assert p.severity == "error"
    write(welsh_file, read(welsh_file).split("\n", 1)[1])  # no schema line
    [line] = coded(check(bank), "no-schema-line")
    assert line.hint.endswith("schema/translation.schema.json")


def test_markup_and_text_that_does_not_fit_are_reported_in_welsh(bank: Path) -> None:
    welsh_file = bank / "cy" / "messages.yaml"
    edit(welsh_file, "title: Ti piau dy fanylion", "title: Ti piau <b>dy</b> fanylion")
    long = " ".join(["Dyweda wrth oedolyn dibynadwy os yw rhywbeth yn dy boeni."] * 12)
    edit(welsh_file, "text: Mae dy enw a dy ysgol yn breifat. Cadwa nhw i ti dy hun ar-lein.",
         f"text: {long}")
    report = check(bank, fits=True)
    [markup] = coded(report, "markup")
    assert at(markup)[:2] == (welsh_file.resolve(), place_of(welsh_file, "<b>")[0])
    [too_long] = coded(report, "text-too-long")
    assert at(too_long) == (welsh_file.resolve(), *place_of(welsh_file, "Dyweda wrth", 0))
    # Flesch-Kincaid measures English: it is not applied to Welsh
    assert not coded(report, "reading-level")


# --- packs ----------------------------------------------------------------------------------------

def test_a_pack_translates_its_own_items_and_the_shipped_translation_never_covers_them(
        tmp_path: Path) -> None:
    shipped = make_bank(tmp_path / "shipped")
    pack = tmp_path / "pack"
    write(pack / "our-messages.yaml", """\
messages:
  - id: keep-details-private
    topic: personal-info
    ages: ["7-9"]
    title: Keep your details safe
    text: Your name and school are private. Keep them to yourself when you are online.
    do: Ask a grown-up first.
    help: trusted-adult
    source: article-one.txt
""")
    welsh = load_bank(shipped, pack, lang="cy")
    assert welsh.message_by_id["keep-details-private"].title == "Keep your details safe"
    assert welsh.language.fallbacks == {("messages", "keep-details-private")}
    [p] = coded(check_bank(shipped, pack, fits=False), "missing-translation")
    assert Path(p.path).name == "our-messages.yaml"
    write(pack / "cy" / "our-messages.yaml", """\
language: cy
reviewed: true
messages:
  - id: keep-details-private
    title: Cadwa dy fanylion yn saff
    text: Mae dy enw a dy ysgol yn breifat. Cadwa nhw i ti dy hun pan wyt ti ar-lein.
    do: Gofynna i oedolyn yn gyntaf.
""")
    welsh = load_bank(shipped, pack, lang="cy")
    assert welsh.message_by_id["keep-details-private"].title == "Cadwa dy fanylion yn saff"
    assert welsh.message_by_id["tell-a-grown-up"].title == "Gelli di wastad ddweud"
    assert welsh.language.fallbacks == frozenset() and not welsh.language.reviewed


# --- fuzzing --------------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def fuzz_bank() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as tmp:
        yield make_bank(Path(tmp) / "bank")


def _mutated(text: str) -> st.SearchStrategy[str]:
    """The text with a slice replaced by arbitrary characters."""
    return st.tuples(st.integers(0, len(text)), st.integers(0, 40), st.text(max_size=12)).map(
        lambda cut: text[:cut[0]] + cut[2] + text[cut[0] + cut[1]:])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kind=st.sampled_from(sorted(WELSH)), data=st.data())
def test_arbitrary_text_in_a_translation_file_never_breaks_loading(
        fuzz_bank: Path, kind: str, data: st.DataObject) -> None:
    text = data.draw(st.one_of(st.text(), _mutated(WELSH[kind]),
                               st.binary().map(lambda b: b.decode("utf-8", "replace"))))
    path = fuzz_bank / "cy" / f"{kind}.yaml"
    try:
        write(path, text)
        english = load_bank(fuzz_bank)
        welsh = load_bank(fuzz_bank, lang="cy")
    finally:
        write(path, WELSH[kind])
    assert english == load_bank(fuzz_bank)  # the English bank still loads as it was
    for name in ("messages", "questions", "topics", "help", "ranks"):
        en_items, cy_items = getattr(english, name), getattr(welsh, name)
        assert [i.id for i in en_items] == [i.id for i in cy_items]
        for en, cy in zip(en_items, cy_items):
            if welsh.language.in_english(name, en.id):
                assert cy == en
    for p in welsh.problems:
        assert p.code and p.line >= 1 and p.col >= 1 and Path(p.path).parent.name == "cy", str(p)


# --- the font -------------------------------------------------------------------------------------

WELSH_LETTERS = "âêîôûŵŷÂÊÎÔÛŴŶáéíóúẃýÁÉÍÓÚẂÝàèìòùẁỳÀÈÌÒÙẀỲäëïöüẅÿÄËÏÖÜẄŸ’‘“”"


@pytest.fixture(scope="module")
def fonts() -> Iterator[None]:
    import pygame
    pygame.font.init()
    yield


@pytest.mark.parametrize("bold", [False, True], ids=["regular", "bold"])
def test_the_font_draws_every_welsh_letter(fonts: None, bold: bool) -> None:
    """Every Welsh letter, and every character of the shipped Welsh files, has a glyph of its own
    in the game's font: none is drawn as the empty box the font draws for a missing one."""
    import pygame

    from game.ui.fonts import font
    f = font(32, bold)

    def drawn(ch: str) -> bytes:
        return pygame.image.tobytes(f.render(ch, True, (0, 0, 0), (255, 255, 255)), "RGB")

    missing = drawn("\ue000")
    assert missing == drawn("\u0378"), "two characters the font lacks should look the same"
    used = {ch for path in SHIPPED_WELSH.glob("*.yaml") for ch in read(path) if not ch.isspace()}
    for ch in sorted(set(WELSH_LETTERS) | used):
        assert drawn(ch) != missing, f"{ch!r} (U+{ord(ch):04X}) has no glyph in the font"
    for accented, plain in zip("ŵŷâêîôû", "wyaeiou"):
        assert drawn(accented) != drawn(plain)
    assert {"ŵ", "ŷ", "â", "ê", "ô", "ï"} <= used  # the shipped Welsh uses them
