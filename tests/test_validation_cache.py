"""The validator's cache (game.content.validation_cache): a second run reports exactly what the
first did, re-checking nothing that did not change; an edited file is checked afresh, and so is
whatever depends on it in another file; a broken cache file or a folder that cannot be written
never matters. Every test keeps its cache in its own temporary folder."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from game.commands.validate import Report, check_bank
from game.content import checks, schema_check, validation_cache
from game.content.model import Problem
from game.ui import fits

BASE = Path(__file__).resolve().parent / "broken" / "base"
LONG = " and".join(["Tell a grown-up you trust about it straight away"] * 12)
HARD = ("Notwithstanding considerable organisational complexity, institutional "
        "accountability necessitates comprehensive, systematic safeguarding documentation.")


@pytest.fixture
def bank(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the tests' small bank with mistakes the cached checks find: texts too long for
    their boxes (a message, an answer, a topic's title on the card), hard reading, a schema
    mistake."""
    monkeypatch.setenv("SAFETY_DASH_SEEDS", str(BASE / "seeds"))
    monkeypatch.setenv(validation_cache.ENV, str(tmp_path / "cache"))
    folder = tmp_path / "bank"
    shutil.copytree(BASE, folder, ignore=shutil.ignore_patterns("seeds"))
    edit(folder, "messages.yaml", "do: Tell a parent, carer or teacher today.", f"do: {LONG}.")
    edit(folder, "messages.yaml", "text: Your name and school are private.", f"text: {HARD}")
    edit(folder, "questions.yaml", "- text: Reply to it", f"- text: Reply to it {LONG}")
    edit(folder, "topics.yaml", "title: Keep it private", "title: Keep it private " + "and" * 60)
    edit(folder, "ranks.yaml", "points: 0", "points: -5")
    edit(folder, "help.yaml", "title: Childline", "title: Childline " + "and" * 40)
    with open(folder / "help.yaml", "a", encoding="utf-8") as more:  # more than the screen shows
        more.write("".join(f"  - id: extra-{i}\n    title: Extra {i}\n    text: More help.\n"
                           for i in range(10)))
    return folder


def edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should be written once in {name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def found(report: Report) -> list[tuple[str, int, int, str, str]]:
    return [(Path(p.path).name, p.line, p.col, p.code, p.message) for p in report.problems]


def codes(report: Report) -> set[str]:
    return {p.code for p in report.problems}


def cached_checks_fail(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on a text-fit, reading-level or schema check that is not remembered fails."""
    def refuse(*_: object, **__: object) -> None:
        raise AssertionError("checked again though nothing it depends on changed")
    for module, name in ((fits, "_question"), (fits, "_message"), (fits, "_screens"),
                         (checks, "reading_grades"), (schema_check, "check_files")):
        monkeypatch.setattr(module, name, refuse)


def test_a_second_run_reports_the_same_and_checks_nothing_again(
        bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = check_bank(bank)
    assert {"text-too-long", "reading-level", "too-many-help-links"} <= codes(first), \
        found(first)
    assert {Path(p.path).name for p in first.problems if p.code == "text-too-long"} >= \
        {"messages.yaml", "questions.yaml", "topics.yaml", "help.yaml"}
    assert any(Path(p.path).name == "ranks.yaml" for p in first.problems)
    cached_checks_fail(monkeypatch)
    assert found(check_bank(bank)) == found(first)


def test_an_edited_file_is_checked_again_and_the_rest_is_remembered(
        bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = check_bank(bank)
    # a fixed error goes, a new one comes, in the file that changed; the other files' stand
    edit(bank, "messages.yaml", f"do: {LONG}.", "do: Tell a parent, carer or teacher today.")
    edit(bank, "messages.yaml", "title: Your details are yours", f"title: {LONG}")
    monkeypatch.setattr(checks, "reading_grades", lambda texts: [0.0] * len(texts))
    after = check_bank(bank)
    changed = [p for p in after.problems if Path(p.path).name == "messages.yaml"]
    assert not any("'do' line" in p.message for p in changed), found(after)
    assert any(p.code == "text-too-long" and "title" in p.message for p in changed), found(after)
    others = [f for f in found(before) if f[0] != "messages.yaml"]
    assert others == [f for f in found(after) if f[0] != "messages.yaml"]


def test_problems_follow_an_item_that_moves_down_its_file(bank: Path) -> None:
    def too_long(report: Report) -> list[Problem]:
        return [p for p in report.problems
                if Path(p.path).name == "questions.yaml" and p.code == "text-too-long"]
    before = too_long(check_bank(bank))
    path = bank / "questions.yaml"
    head, rest = path.read_text(encoding="utf-8").split("questions:\n", 1)
    path.write_text(head + "questions:\n# a note\n# and another\n" + rest, encoding="utf-8")
    after = too_long(check_bank(bank))
    assert before and [(p.line, p.col, p.message) for p in after] == \
        [(p.line + 2, p.col, p.message) for p in before]


def test_an_edit_in_another_file_reaches_the_items_that_show_it(bank: Path) -> None:
    """A message's card shows its topic's title: shortening the title in topics.yaml clears
    the card's problem, though messages.yaml did not change."""
    def topic_on_card(report: Report) -> list[Problem]:
        return [p for p in report.problems if "top bar of a message card" in p.message]
    assert topic_on_card(check_bank(bank))
    edit(bank, "topics.yaml", "title: Keep it private " + "and" * 60, "title: Keep it private")
    assert not topic_on_card(check_bank(bank))


def test_a_broken_cache_file_is_ignored_and_written_again(bank: Path, tmp_path: Path) -> None:
    first = found(check_bank(bank))
    cache = tmp_path / "cache" / validation_cache.FILE_NAME
    for broken in (b"{not json", b"\xff\xfe\x00", b"[1, 2]", b'{"format": 1, "answers": 3}',
                   json.dumps({"format": validation_cache.FORMAT, "checker": "another",
                               "answers": {"x": 1}}).encode()):
        cache.write_bytes(broken)
        assert found(check_bank(bank)) == first
        assert json.loads(cache.read_bytes())["checker"] == validation_cache.checker_hash()


def test_a_cache_folder_that_cannot_be_written_changes_nothing(
        bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv(validation_cache.ENV, str(blocker / "cache"))
    first = found(check_bank(bank))
    assert found(check_bank(bank)) == first and blocker.read_text(encoding="utf-8")


def test_off_remembers_nothing(bank: Path, tmp_path: Path,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(validation_cache.ENV, "off")
    check_bank(bank)
    assert not (tmp_path / "cache").exists()


def test_the_cache_keeps_the_answers_used_last(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validation_cache, "LIMIT", 3)
    worked: list[str] = []

    def work(x: str) -> str:
        worked.append(x)
        return x
    for batch in (["a", "b"], ["c", "d"], ["b", "e"], ["b", "d", "e"]):
        with validation_cache.remembering(tmp_path):
            for x in batch:
                assert validation_cache.remember(("answer", x), lambda: work(x)) == x
    assert worked == ["a", "b", "c", "d", "e"]  # b, then b, d and e, remembered
    assert sorted(validation_cache.Store(tmp_path).known.values()) == ["b", "d", "e"]


# --- each unchanged file's parse, kept (validation_cache.parsed) ---------------------------------

def parsed_files(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The names of the files parsed from now on (the rest came from their kept parse)."""
    from game.content import loader
    names: list[str] = []
    real = loader.parse_file

    def parse_file(text: str, filename: str, display_path: str | None = None):
        names.append(filename)
        return real(text, filename, display_path)
    monkeypatch.setattr(loader, "parse_file", parse_file)
    return names


def uncached(bank: Path, monkeypatch: pytest.MonkeyPatch) -> list:
    """What a run that remembers nothing reports."""
    with monkeypatch.context() as off:
        off.setenv(validation_cache.ENV, "off")
        return found(check_bank(bank))


def test_a_file_unchanged_since_the_run_before_is_not_parsed_again(
        bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = found(check_bank(bank))  # notes each file's text
    parsed = parsed_files(monkeypatch)
    assert found(check_bank(bank)) == first  # parses each again, and keeps the parse
    assert len(parsed) == 6
    parsed.clear()
    assert found(check_bank(bank)) == first
    assert parsed == []
    # an edit brings a new error into the file that changed: only that file is parsed
    edit(bank, "messages.yaml", "do: Ask a grown-up first if you want to share something.",
         "do: Ask a <b>grown-up</b> first if you want to share something.")
    after = check_bank(bank)
    assert parsed == ["messages.yaml"]
    assert any(p.code == "markup" and Path(p.path).name == "messages.yaml"
               for p in after.problems), found(after)
    assert found(after) == uncached(bank, monkeypatch)


def test_a_clash_the_edited_file_brings_with_a_kept_file_is_found(
        bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """questions.yaml comes from its kept parse; the message it points to is renamed, and a
    message is given a question's words: the broken reference and nothing else is reported as
    a run that remembers nothing reports it."""
    check_bank(bank)
    check_bank(bank)
    parsed = parsed_files(monkeypatch)
    edit(bank, "messages.yaml", "id: keep-details-private", "id: keep-it-private")
    after = check_bank(bank)
    assert parsed == ["messages.yaml"]
    clash = [p for p in after.problems if Path(p.path).name == "questions.yaml" and
             "keep-details-private" in p.message]
    assert clash, found(after)
    assert found(after) == uncached(bank, monkeypatch)


def test_a_broken_kept_parse_is_ignored_and_kept_again(
        bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check_bank(bank)
    first = found(check_bank(bank))
    kept = sorted((tmp_path / "cache" / validation_cache.PARSED_FOLDER).glob("*.pickle"))
    assert len(kept) == 6
    header = kept[0].read_bytes().split(b"\n", 1)[0] + b"\n"
    for broken in (b"", b"not a pickle", header, header + b"\x80\x05garbage", b"1 x y\n"):
        for path in kept:
            path.write_bytes(broken)
        assert found(check_bank(bank)) == first
        assert all(path.read_bytes() != broken for path in kept)  # kept afresh
    parsed = parsed_files(monkeypatch)
    assert found(check_bank(bank)) == first and parsed == []


def test_kept_parses_are_bounded_by_those_written_last(
        bank: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(validation_cache, "KEPT_PARSES", 2)
    first = found(check_bank(bank))
    for _ in range(2):
        assert found(check_bank(bank)) == first
        kept = list((tmp_path / "cache" / validation_cache.PARSED_FOLDER).glob("*"))
        assert len(kept) == 2, kept


def test_the_pronouncing_table_is_kept_and_a_broken_one_built_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import marshal
    built = checks._read_cmudict_syllables()
    calls: list[int] = []
    monkeypatch.setattr(checks, "_read_cmudict_syllables",
                        lambda: calls.append(1) or dict(built))
    kept = tmp_path / "cmudict-syllables.marshal"
    header = f"{validation_cache.FORMAT} {validation_cache.checker_hash()}\n".encode()
    for broken in (None, None, header, header + b"\x00" * 9, header + marshal.dumps([1]),
                   b"1 another-checker\n" + marshal.dumps(built)):
        if broken is not None:
            kept.write_bytes(broken)
        checks.cmudict_syllables.cache_clear()
        with validation_cache.remembering(tmp_path):
            assert checks.cmudict_syllables() == built
    checks.cmudict_syllables.cache_clear()
    assert calls == [1] * 5  # built, read back, then built again for each broken one


# --- each item's schema check, remembered by its text (schema_check.check_files_remembered) ---

def test_an_edit_to_one_item_checks_no_other_item_against_the_schema(
        bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check_bank(bank)
    edit(bank, "messages.yaml", "title: You can always tell", "title: You can always say")
    with monkeypatch.context() as m:
        checked: list[tuple] = []
        real = schema_check._found

        def recorded(doc, schema, keys, items=None, envelope=True):
            checked.append((schema.kind, items, envelope))
            return real(doc, schema, keys, items, envelope)
        m.setattr(schema_check, "_found", recorded)
        after = found(check_bank(bank))
        # the edited message alone (the second); the others and the file were remembered
        assert checked == [("messages", [1], False)]
    assert after == uncached(bank, monkeypatch)
    # a schema mistake in the edited item is found, the other items' answers still stand
    edit(bank, "messages.yaml", 'ages: ["10-12", "13-15"]', 'ages: ["10-12", "13-15", 7]')
    after = check_bank(bank)
    assert any(Path(p.path).name == "messages.yaml" and p.line == 15 for p in after.problems), \
        found(after)
    assert found(after) == uncached(bank, monkeypatch)


def test_items_moved_down_keep_their_remembered_schema_answers(
        bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    check_bank(bank)
    path = bank / "messages.yaml"
    head, rest = path.read_text(encoding="utf-8").split("messages:\n", 1)
    path.write_text(head + "messages:\n# a note\n" + rest.replace(
        "source: article-one.txt", "source: article-one.txt\n    extra: a field too many"),
        encoding="utf-8")
    after = found(check_bank(bank))
    assert after == uncached(bank, monkeypatch)
    assert any(f[0] == "messages.yaml" and "extra" in f[4] for f in after), after


def test_items_written_on_one_line_are_checked_against_the_schema_whole(
        bank: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two ranks in one line have no text of their own to be remembered by: a mistake in
    either is found after the other was remembered free of mistakes."""
    ranks = bank / "ranks.yaml"
    head = ranks.read_text(encoding="utf-8").split("ranks:", 1)[0]
    line = "ranks: [{{id: a, title: {}, points: 0}}, {{id: b, title: Helper, points: 100}}]\n"
    ranks.write_text(head + line.format("Starter"), encoding="utf-8")
    check_bank(bank)
    ranks.write_text(head + line.format("5"), encoding="utf-8")  # a number: the schema's alone
    after = found(check_bank(bank))
    assert any(f[0] == "ranks.yaml" and "title" in f[4] for f in after), after
    assert after == uncached(bank, monkeypatch)
