"""Ready-made classroom lessons (content/lessons.yaml): the shipped ones load and can be played,
the file is optional, and each mistake an editor makes in one is named with its code, at its
line and column, with a hint (edits to a copy of tests/broken/base, as in test_validator)."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from game.content import load_bank
from game.content.changes import differences
from game.content.checks import SCHEMA_LINE, schema_line_for
from game.content.model import AGE_BANDS, Lesson
from game.paths import content_dir
from test_validator import (
    SEEDS, Mistake, assert_at, check, copy_base, edit, problems_in, read, the_problem, write,
)

# written after the schema line: line 3 is the first lesson, line 10 the second
LESSONS = """lessons:
  - id: first-lesson
    title: Private things
    about: A first lesson on what is private online and who to tell.
    topics: [personal-info, tell-someone]
    ages: ["7-9", "10-12"]
    rounds: 4
    style: turns
  - id: telling
    title: Who to tell
    about: Telling someone you trust when something online feels wrong.
    topics: [tell-someone]
    ages: ["10-12"]
"""


@pytest.fixture(autouse=True)
def base_seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SAFETY_DASH_SEEDS", str(SEEDS))


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    """A copy of the base bank with the two lessons above."""
    folder = copy_base(tmp_path / "bank")
    path = folder / "lessons.yaml"
    write(path, schema_line_for(str(path), "lessons") + "\n" + LESSONS)
    return folder


# --- the shipped lessons --------------------------------------------------------------------------

def test_the_shipped_lessons_load_and_name_real_topics() -> None:
    bank = load_bank()
    assert not [p for p in bank.problems if Path(p.path).name == "lessons.yaml"]
    assert 4 <= len(bank.lessons) <= 6
    assert list(bank.lesson_by_id) == [lesson.id for lesson in bank.lessons]
    for lesson in bank.lessons:
        assert lesson.topics and all(t in bank.topic_by_id for t in lesson.topics), lesson.id
        assert lesson.ages and set(lesson.ages) <= set(AGE_BANDS), lesson.id
        assert 1 <= lesson.rounds <= 10 and lesson.style in ("turns", "vote"), lesson.id
        assert len(lesson.title) <= 28, lesson.title  # a button about 500 px wide at 30 px text
        for band in lesson.ages:  # each band it suits can be played
            assert any(q.topic in lesson.topics for q in bank.questions_for(band)), \
                (lesson.id, band)
    assert {band for lesson in bank.lessons for band in lesson.ages} == set(AGE_BANDS)
    assert {lesson.style for lesson in bank.lessons} == {"turns", "vote"}


def test_the_shipped_lessons_file_names_its_schema() -> None:
    first = read(content_dir() / "lessons.yaml").split("\n", 1)[0]
    assert first == SCHEMA_LINE + "schema/lessons.schema.json"
    assert (content_dir() / "schema" / "lessons.schema.json").is_file()


def test_a_lesson_loads_with_its_defaults(bank: Path) -> None:
    loaded = load_bank(bank)
    assert loaded.problems == ()
    assert loaded.lessons == (
        Lesson("first-lesson", "Private things",
               "A first lesson on what is private online and who to tell.",
               ("personal-info", "tell-someone"), ("7-9", "10-12"), 4, "turns"),
        Lesson("telling", "Who to tell",
               "Telling someone you trust when something online feels wrong.",
               ("tell-someone",), ("10-12",)))
    assert loaded.lesson_by_id["telling"].rounds == 4
    assert loaded.lesson_by_id["telling"].style == "turns"
    report = check(bank)
    assert report.problems == []
    assert report.summary()["lessons"] == 2 and report.files == 7


# --- lessons.yaml is optional ---------------------------------------------------------------------

def test_a_bank_with_no_lessons_file_loads_with_no_problems(tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    base = copy_base(tmp_path / "base")
    assert not (base / "lessons.yaml").exists()
    assert load_bank(base).problems == ()
    assert load_bank(base).lessons == ()
    report = check(base)
    assert report.problems == [] and report.summary()["lessons"] == 0
    # the shipped bank without its lessons: no new problem either (its articles are not in
    # the test corpus's seeds folder, and the game leaves out a source whose article is missing)
    monkeypatch.delenv("SAFETY_DASH_SEEDS")
    shipped = tmp_path / "shipped"
    shutil.copytree(content_dir(), shipped, ignore=shutil.ignore_patterns("lessons.yaml", "*.md"))
    without = load_bank(shipped)
    assert without.problems == () and without.lessons == ()
    assert without.messages == load_bank().messages


def test_a_pack_adds_lessons_in_a_file_of_its_own_name_and_replaces_them_in_lessons_yaml(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("SAFETY_DASH_SEEDS")  # the shipped articles are not in the test corpus's
    shipped = load_bank()
    extra = ("lessons:\n  - id: our-lesson\n    title: Our school's lesson\n"
             "    about: Our own lesson.\n    topics: [tell-someone]\n    ages: [\"10-12\"]\n")
    write(tmp_path / "our-lessons.yaml", extra)
    added = load_bank(pack=tmp_path)
    assert added.errors == ()
    assert [lesson.id for lesson in added.lessons] == \
        [lesson.id for lesson in shipped.lessons] + ["our-lesson"]
    (tmp_path / "our-lessons.yaml").rename(tmp_path / "lessons.yaml")
    replaced = load_bank(pack=tmp_path)
    assert replaced.errors == () and [lesson.id for lesson in replaced.lessons] == ["our-lesson"]


def test_f5_says_when_a_lesson_changed(bank: Path) -> None:
    before = load_bank(bank)
    edit(bank, "lessons.yaml", "rounds: 4", "rounds: 5")
    assert differences(before, load_bank(bank)) == ["1 lesson changed"]


# --- each mistake ---------------------------------------------------------------------------------

FIRST_TITLE = "    title: Private things\n"

MISTAKES = {
    "unknown-topic": Mistake("lessons.yaml", "topics: [personal-info,", "topics: [personal-infos,",
                             "unknown-topic", 6, 14,
                             message_has="lesson 'first-lesson': there is no topic with the id "
                                         "'personal-infos' (did you mean 'personal-info'?)"),
    "wrong-style": Mistake("lessons.yaml", "style: turns", "style: turn", "bad-style", 9, 12,
                           message_has="'turns' (teams take turns) or 'vote'",
                           hint_has="did you mean 'turns'?"),
    "no-such-style": Mistake("lessons.yaml", "style: turns", "style: teams", "bad-style", 9, 12,
                             message_has="not 'teams'"),
    "rounds-0": Mistake("lessons.yaml", "rounds: 4", "rounds: 0", "bad-rounds", 8, 13,
                        message_has="1 to 10 rounds, not 0"),
    "rounds-11": Mistake("lessons.yaml", "rounds: 4", "rounds: 11", "bad-rounds", 8, 13,
                         message_has="1 to 10 rounds, not 11"),
    "rounds-in-words": Mistake("lessons.yaml", "rounds: 4", 'rounds: "four"', "wrong-type", 8, 13,
                               message_has="whole number from 1 to 10"),
    "misspelt-field": Mistake("lessons.yaml", FIRST_TITLE, FIRST_TITLE.replace("title", "titel"),
                              "misspelt-field", 4, 5,
                              message_has="unknown field 'titel' (did you mean 'title'?"),
    "missing-title": Mistake("lessons.yaml", FIRST_TITLE, "", "missing-field", 3, 5,
                             message_has="this lesson has no 'title' field"),
    "duplicate-id": Mistake("lessons.yaml", "id: telling", "id: first-lesson", "duplicate-id",
                            10, 5, message_has="already used at lessons.yaml:3"),
    # a lesson taking a message's id is the one reported: the message stays in the game
    "id-of-a-message": Mistake("lessons.yaml", "id: telling", "id: keep-details-private",
                               "duplicate-id", 10, 5, message_has="messages.yaml:3"),
    "no-topics": Mistake("lessons.yaml", "[personal-info, tell-someone]", "[]", "wrong-type", 6, 13,
                         message_has="lists no topic"),
    "topics-not-a-list": Mistake("lessons.yaml", "[personal-info, tell-someone]", "personal-info",
                                 "wrong-type", 6, 13, message_has="must be a list of topic ids"),
    "wrong-age-band": Mistake("lessons.yaml", 'ages: ["10-12"]', 'ages: ["10-13"]',
                              "bad-age-band", 14, 12, hint_has='did you mean "10-12"?'),
    "markup": Mistake("lessons.yaml", "what is private", "what is <i>private</i>", "markup", 5, 38,
                      message_has="'<i>'"),
    "same-title": Mistake("lessons.yaml", "title: Who to tell", "title: Private things",
                          "duplicate-text", 11, 12, message_has="lesson 'first-lesson'"),
}


@pytest.mark.parametrize("mistake", MISTAKES.values(), ids=MISTAKES.keys())
def test_each_lesson_mistake_is_one_problem_at_its_place_with_a_hint(
        bank: Path, mistake: Mistake) -> None:
    edit(bank, mistake.file, mistake.old, mistake.new)
    report = check(bank)
    p = the_problem(report, bank / mistake.file)
    assert_at(p, mistake.code, mistake.line, mistake.col, mistake.severity)
    assert mistake.message_has in p.message
    assert mistake.hint_has in p.hint
    assert report.problems == [p], "\n".join(map(str, report.problems))  # nothing elsewhere


def test_every_unknown_topic_of_a_lesson_is_reported(bank: Path) -> None:
    edit(bank, "lessons.yaml", "[personal-info, tell-someone]", "[personal-infos, tel-someone]")
    report = check(bank)
    found = problems_in(report, bank / "lessons.yaml")
    assert [(p.code, p.line, p.col) for p in found] == [("unknown-topic", 6, 14),
                                                        ("unknown-topic", 6, 30)]
    assert "did you mean 'tell-someone'?" in found[1].message
    assert "first-lesson" not in load_bank(bank).lesson_by_id


def test_the_schema_alone_names_rounds_and_style_in_the_same_words(bank: Path) -> None:
    """With a field misspelt the loader reads no further; the schema still finds the rest."""
    edit(bank, "lessons.yaml", FIRST_TITLE, FIRST_TITLE.replace("title", "titel"))
    edit(bank, "lessons.yaml", "rounds: 4", "rounds: 11")
    edit(bank, "lessons.yaml", "style: turns", "style: turn")
    found = problems_in(check(bank), bank / "lessons.yaml")
    assert [(p.code, p.line, p.col) for p in found] == [
        ("misspelt-field", 4, 5), ("bad-rounds", 8, 13), ("bad-style", 9, 12)]
    assert found[1].message == "a lesson has 1 to 10 rounds, not 11"
    assert "did you mean 'turns'?" in found[2].hint


# --- a lesson that could not be played ------------------------------------------------------------

def test_a_lesson_whose_topics_have_no_questions_for_its_ages_is_a_warning(bank: Path) -> None:
    # tell-someone's only question is for 10-12
    edit(bank, "lessons.yaml", 'ages: ["10-12"]', 'ages: ["13-15"]')
    p = the_problem(check(bank), bank / "lessons.yaml")
    assert_at(p, "unplayable-lesson", 14, 11, "warning")
    assert "lesson 'telling' could not be played for ages 13-15" in p.message
    assert "'tell-someone'" in p.message
    assert "telling" in load_bank(bank).lesson_by_id  # only a warning: the lesson is kept


def test_a_lesson_is_warned_about_only_for_the_bands_it_cannot_play(bank: Path) -> None:
    # personal-info has a question for 7-9 only, and tell-someone is no longer listed
    edit(bank, "lessons.yaml", "[personal-info, tell-someone]", "[personal-info]")
    p = the_problem(check(bank), bank / "lessons.yaml")
    assert_at(p, "unplayable-lesson", 7, 11, "warning")
    assert "for ages 10-12:" in p.message and "7-9" not in p.message


def test_a_lesson_is_not_called_unplayable_when_the_questions_file_cannot_be_read(
        bank: Path) -> None:
    write(bank / "questions.yaml", "questions:\n\t- oops\n")
    assert not [p for p in check(bank).problems if p.code == "unplayable-lesson"]
