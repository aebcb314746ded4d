"""Loading the YAML bank: typed items, file:line:col problems, bad items skipped, never a crash."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game.content import ContentError, load_bank
from game.content.loader import parse_file
from game.paths import content_dir

BANK_FILES = ["sources.yaml", "topics.yaml", "help.yaml", "ranks.yaml", "messages.yaml",
              "questions.yaml", "lessons.yaml"]
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"


@pytest.fixture
def bank_copy(tmp_path: Path) -> Path:
    for name in BANK_FILES:
        shutil.copy(content_dir() / name, tmp_path / name)
    return tmp_path


def test_shipped_bank_loads_without_errors_and_meets_the_minimums():
    bank = load_bank()
    assert bank.errors == ()
    assert len(bank.messages) >= 12 and len(bank.questions) >= 24 and len(bank.topics) >= 4
    for band in ("7-9", "10-12", "13-15"):
        assert bank.messages_for(band) and len(bank.questions_for(band)) >= 5
    seeds = set(bank.source_by_id)
    assert len(seeds) == 5
    if SEEDS.is_dir():  # the articles themselves live beside the repository, in shared/seeds
        assert seeds == {p.name for p in SEEDS.glob("*.txt")}
    assert all(m.source in seeds for m in bank.messages)
    assert all(q.source in seeds for q in bank.questions)
    assert [r.points for r in bank.ranks] == sorted(r.points for r in bank.ranks)
    assert bank.ranks[0].title == "Police Cadet" and bank.ranks[-1].title == "Chief Constable"


def test_items_are_frozen():
    bank = load_bank()
    with pytest.raises(AttributeError):
        bank.messages[0].title = "changed"  # type: ignore[misc]


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _line_of(path: Path, needle: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line)


def test_a_bad_item_is_skipped_with_its_line_and_the_rest_loads(bank_copy: Path):
    good = load_bank(bank_copy)
    questions = bank_copy / "questions.yaml"
    first = good.questions[0]
    _edit(questions, "safe: true", "safe: false")  # now the first question has no safe answer
    bank = load_bank(bank_copy)
    assert first.id not in bank.question_by_id
    assert len(bank.questions) == len(good.questions) - 1
    [problem] = bank.errors
    assert problem.path.endswith("questions.yaml") and "exactly one" in problem.message
    assert problem.line == _line_of(questions, "answers:") + 1  # the list under "answers:"
    assert str(problem).startswith(
        f"{problem.path}:{problem.line}:{problem.col}: error [safe-answer-count] ")
    assert problem.hint


def test_a_broken_file_reports_line_and_column(bank_copy: Path):
    path = bank_copy / "messages.yaml"
    lines = path.read_text().splitlines()
    target = next(i for i, line in enumerate(lines) if line.strip().startswith("title:"))
    lines[target] = "\t" + lines[target].lstrip()
    path.write_text("\n".join(lines) + "\n")
    bank = load_bank(bank_copy)
    problems = [p for p in bank.errors if p.path.endswith("messages.yaml")]
    assert problems and problems[0].line == target + 1 and "tab" in problems[0].message
    assert bank.questions  # the other files still load; links to lost messages become warnings


def test_unknown_field_gets_a_suggestion(bank_copy: Path):
    _edit(bank_copy / "messages.yaml", "    do:", "    doo:")
    bank = load_bank(bank_copy)
    messages = [str(p) for p in bank.problems]
    assert any("unknown field 'doo'" in m and "did you mean 'do'" in m for m in messages)
    assert any("no 'do' field" in m for m in messages)


def test_duplicate_ids_and_dangling_references(bank_copy: Path):
    bank = load_bank(bank_copy)
    dup = bank.messages[1].id
    _edit(bank_copy / "messages.yaml", f"id: {bank.messages[0].id}\n", f"id: {dup}\n")
    _edit(bank_copy / "questions.yaml", f"topic: {bank.questions[0].topic}",
          "topic: no-such-topic")
    text = "\n".join(str(p) for p in load_bank(bank_copy).errors)
    assert f"the id '{dup}' is already used" in text
    assert "there is no topic with the id 'no-such-topic'" in text


def test_an_item_must_name_a_known_source(bank_copy: Path):
    first = load_bank(bank_copy).messages[0]
    _edit(bank_copy / "messages.yaml", f"source: {first.source}", "source: 001_typo.txt")
    bank = load_bank(bank_copy)
    assert first.id not in bank.message_by_id
    assert any("no source with the id '001_typo.txt'" in p.message for p in bank.errors)


def test_missing_folder_is_a_content_error(tmp_path: Path):
    with pytest.raises(ContentError):
        load_bank(tmp_path / "nope")


def test_missing_files_and_bad_encoding_are_problems_not_crashes(tmp_path: Path):
    (tmp_path / "topics.yaml").write_bytes(b"topics:\n  - id: a\n    title: \xff\xfe\n")
    bank = load_bank(tmp_path)
    text = [str(p) for p in bank.errors]
    assert any("UTF-8" in t and ":3:" in t for t in text)
    assert any("messages.yaml is missing" in t and "[missing-file]" in t for t in text)


@pytest.mark.parametrize("text,needle", [
    ("", "empty"),
    ("topics: 5\n", "must be a list"),
    ("- a\n- b\n", "should start with 'topics:'"),
    ("topics:\n  - [1, 2]\n", "set of 'field: value' lines"),
    ("topics:\n  - id: a\n    id: b\n    title: x\n", "appears twice"),
    ("topics:\n  - id: a\n    title: 'x\n", "never closed"),
    ("topics: !!python/object/apply:os.system ['ls']\n", "could not be read"),
    ("\ufefftopics:\n  - id: a\n    title: A\n", None),
])
def test_editor_mistakes_in_a_file(text: str, needle: str | None):
    parsed = parse_file(text, "topics.yaml")
    items, problems = parsed.items, parsed.problems
    if needle is None:
        assert len(items) == 1 and not problems
    else:
        assert any(needle in p.message for p in problems), problems
        assert all(p.line >= 1 and p.col >= 1 for p in problems)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=st.one_of(
    st.text(max_size=400),
    st.lists(st.sampled_from(["topics:", "messages:", "questions:", "  - ", "id: x", "ages:",
                              "[", "]", "{", "}", "&a", "*a", "'", '"', "\t", "\n", ":", "- -",
                              "!!python/name:os.system", "answers:", "safe: true", "%YAML 1.1",
                              "---", "...", "? ", "|", ">", "#", "\ufeff", "\x00"]),
             max_size=60).map("".join)),
    name=st.sampled_from(BANK_FILES))
def test_fuzz_the_loader_never_raises(text: str, name: str):
    parsed = parse_file(text, name)
    for p in parsed.problems:
        assert p.line >= 1 and p.col >= 1 and p.message


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_fuzz_mutated_real_files_never_raise(data, tmp_path_factory):
    name = data.draw(st.sampled_from(BANK_FILES))
    original = (content_dir() / name).read_text(encoding="utf-8")
    cut = data.draw(st.integers(0, len(original)))
    junk = data.draw(st.text(max_size=8))
    mutated = original[:cut] + junk + original[cut + data.draw(st.integers(0, 40)):]
    parsed = parse_file(mutated, name)
    assert isinstance(parsed.items, list)
