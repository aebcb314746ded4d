"""The validator on the mistakes content editors really make: each one is a small edit to a copy
of the tiny valid bank in tests/broken/base, and the validator must name it with the right code,
at the editor's line and column, with a hint. Also its output formats, and a fuzzing property on
the shipped bank."""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from game.commands.validate import Report, check_bank, validate
from game.content import checks
from game.content.model import Problem
from game.paths import content_dir

BASE = Path(__file__).resolve().parent / "broken" / "base"
SEEDS = BASE / "seeds"
PROBLEM_LINE = re.compile(r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning) "
                          r"\[(?P<code>[a-z0-9-]+)\] (?P<message>\S.*)$")
SUMMARY_LINE = re.compile(r"^Checked \d+ files? \(.+\): (?P<errors>\d+) errors?, "
                          r"(?P<warnings>\d+) warnings?$")


# --- helpers -------------------------------------------------------------------------------------

@pytest.fixture(autouse=True)
def base_seeds(monkeypatch: pytest.MonkeyPatch) -> None:
    """The copies leave out the base's seeds folder: the validator finds it through
    $SAFETY_DASH_SEEDS (see checks.seeds_folders)."""
    monkeypatch.setenv("SAFETY_DASH_SEEDS", str(SEEDS))


@pytest.fixture
def bank(tmp_path: Path) -> Path:
    return copy_base(tmp_path / "bank")


def copy_base(dest: Path) -> Path:
    """A copy of the base bank whose schema lines point at the real schemas from where it is."""
    shutil.copytree(BASE, dest, ignore=shutil.ignore_patterns("seeds"))
    for path in dest.glob("*.yaml"):
        _, rest = read(path).split("\n", 1)
        write(path, checks.schema_line_for(str(path), path.stem) + "\n" + rest)
    return dest


def read(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def write(path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8", newline="")


def edit(bank: Path, file: str, old: str, new: str) -> None:
    """Replace the one place `old` is written in `file` with `new`."""
    path = bank / file
    text = read(path)
    assert text.count(old) == 1, f"{old!r} should be written once in {file}"
    write(path, text.replace(old, new))


def check(bank: Path, fits: bool = False) -> Report:
    return check_bank(bank, fits=fits)


def problems_in(report: Report, path: Path) -> list[Problem]:
    return [p for p in report.problems if Path(p.path).resolve() == path.resolve()]


def the_problem(report: Report, path: Path) -> Problem:
    """The one problem reported in the file at `path` (other files may show consequences)."""
    found = problems_in(report, path)
    assert len(found) == 1, "\n".join(map(str, found)) or f"no problem in {path.name}"
    return found[0]


def assert_at(p: Problem, code: str, line: int, col: int, severity: str = "error") -> None:
    assert (p.code, p.line, p.col, p.severity) == (code, line, col, severity), str(p)
    assert p.message.strip() and p.hint.strip(), str(p)


# --- the base bank --------------------------------------------------------------------------------

def test_the_base_bank_is_clean_where_it_is_and_as_copied(bank: Path) -> None:
    assert check_bank(BASE).problems == []
    report = check_bank(bank)
    assert report.problems == []
    assert report.summary() == {"files": 6, "items": 13, "errors": 0, "warnings": 0,
                                "messages": 2, "questions": 2, "topics": 2, "ranks": 2,
                                "help": 3, "sources": 2, "lessons": 0, "chats": 0}


def test_seeds_are_looked_for_in_the_env_folders_and_each_bank_folder(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    own = tmp_path / "bank" / "seeds"
    own.mkdir(parents=True)
    monkeypatch.setenv("SAFETY_DASH_SEEDS", f"{SEEDS}{os.pathsep}{tmp_path / 'none'}")
    found = checks.seeds_folders([tmp_path / "bank", tmp_path / "pack"])
    assert found[0] == SEEDS and found[-1] == own
    assert tmp_path / "none" not in found and tmp_path / "pack" / "seeds" not in found


# --- each mistake ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Mistake:
    """`old` written as `new` in `file`; the problem expected there, and words it must use."""

    file: str
    old: str
    new: str
    code: str
    line: int
    col: int
    severity: str = "error"
    message_has: str = ""
    hint_has: str = ""
    fits: bool = False


TITLE = "    title: Your details are yours\n"
TEXT = "    text: Your name and school are private. Keep them to yourself online.\n"
GROWN_UP_TEXT = "    text: If something online upsets you, tell an adult you trust. You will not " \
                "be in trouble.\n"
WHERE_YOU_LIVE = "      - text: Tell them your street\n" \
                 "        explain: Your address is private. Keep it to yourself.\n" \
                 "      - text: Don't tell them\n" \
                 "        safe: true\n"
HARD_TEXT = "Personal identification information necessitates considerable confidentiality."
CONSTABLE = "  - id: constable\n    title: Police Constable\n    points: 400\n    badge:"

MISTAKES = {
    "tab-indent": Mistake("messages.yaml", TITLE, "\ttitle: Your details are yours\n",
                          "yaml-tab", 6, 1),
    "missing-colon": Mistake("messages.yaml", TITLE, "    title Your details are yours\n",
                             "yaml-missing-colon", 6, 5),
    "indented-too-far": Mistake("messages.yaml", TITLE, "      title: Your details are yours\n",
                                "yaml-indent", 6, 7),
    "unclosed-quote": Mistake("messages.yaml", TEXT, TEXT.replace("text: ", 'text: "'),
                              "yaml-unclosed-quote", 7, 11, hint_has='"'),
    "duplicate-key": Mistake("messages.yaml", TITLE, TITLE + "    title: Keep it private\n",
                             "duplicate-key", 7, 5, message_has="first on line 6"),
    "duplicate-id": Mistake("messages.yaml", "id: tell-a-grown-up", "id: keep-details-private",
                            "duplicate-id", 13, 5, message_has="messages.yaml:3"),
    "rank-written-as-a-list": Mistake(
        "ranks.yaml", CONSTABLE, CONSTABLE.replace("  - id", "  - - id").replace("    ", "    - "),
        "not-a-mapping", 7, 5, hint_has="remove the '- ' in front of the fields: a rank is"),
    "answer-written-as-a-list": Mistake(
        "questions.yaml", WHERE_YOU_LIVE,
        WHERE_YOU_LIVE.replace("      - text: Tell", "      - - text: Tell")
                      .replace("        explain:", "        - explain:"),
        "not-a-mapping", 8, 9, hint_has="remove the '- ' in front of the fields: an answer is"),
    "misspelt-field": Mistake("messages.yaml", TITLE, TITLE.replace("title", "titel"),
                              "misspelt-field", 6, 5, message_has="did you mean 'title'?"),
    "wrong-age-band": Mistake("messages.yaml", 'ages: ["7-9"]', 'ages: ["7-10"]',
                              "bad-age-band", 5, 12, hint_has='did you mean "7-9"?'),
    "no-safe-answer": Mistake("questions.yaml", WHERE_YOU_LIVE,
                              WHERE_YOU_LIVE.replace("        safe: true\n", ""),
                              "safe-answer-count", 8, 7, message_has="found 0"),
    "two-safe-answers": Mistake("questions.yaml", WHERE_YOU_LIVE,
                                WHERE_YOU_LIVE.replace("street\n", "street\n        safe: true\n"),
                                "safe-answer-count", 8, 7, message_has="found 2"),
    "wrong-answer-without-explain": Mistake(
        "questions.yaml", WHERE_YOU_LIVE,
        WHERE_YOU_LIVE.replace("        explain: Your address is private. Keep it to yourself.\n",
                               ""),
        "missing-explain", 8, 9),
    # a wrong id is reported where it is written, like every other wrong value
    "unknown-topic": Mistake("messages.yaml", "topic: personal-info", "topic: personal-infos",
                             "unknown-topic", 4, 12, message_has="did you mean 'personal-info'?"),
    "unknown-help-link": Mistake("messages.yaml", "help: trusted-adult", "help: trusted-adul",
                                 "unknown-help-link", 9, 11,
                                 message_has="did you mean 'trusted-adult'?"),
    "http-help-url": Mistake("help.yaml", "url: https://", "url: http://", "not-https", 10, 10),
    "markup": Mistake("messages.yaml", "are private.", "are <b>private</b>.", "markup", 7, 36,
                      message_has="'<b>'"),
    "duplicate-text-same-ages": Mistake(
        "messages.yaml",
        'ages: ["10-12", "13-15"]\n    title: You can always tell\n' + GROWN_UP_TEXT,
        'ages: ["7-9", "10-12"]\n    title: You can always tell\n' + TEXT,
        "duplicate-text", 17, 11, message_has="message 'keep-details-private' (messages.yaml:7)"),
    "duplicate-text-other-ages": Mistake(
        "messages.yaml", GROWN_UP_TEXT, TEXT, "duplicate-text", 17, 11, "warning",
        message_has="only a warning"),
    "source-not-in-seeds": Mistake("sources.yaml", "id: article-two.txt", "id: article-2.txt",
                                   "missing-source-file", 7, 9, message_has="'article-2.txt'"),
    "text-too-long": Mistake(
        "messages.yaml", "title: You can always tell",
        "title: You can always tell a parent, a carer, a teacher or a grown-up at your club "
        "about anything at all that happens online", "text-too-long", 16, 12,
        hint_has="shorten it to about", fits=True),
}


@pytest.mark.parametrize("mistake", MISTAKES.values(), ids=MISTAKES.keys())
def test_each_mistake_is_one_problem_at_its_place_with_a_hint(bank: Path, mistake: Mistake) -> None:
    edit(bank, mistake.file, mistake.old, mistake.new)
    p = the_problem(check(bank, mistake.fits), bank / mistake.file)
    assert_at(p, mistake.code, mistake.line, mistake.col, mistake.severity)
    assert mistake.message_has in p.message
    assert mistake.hint_has in p.hint


def test_an_item_left_out_for_its_own_mistake_is_not_called_missing_where_it_is_named(
        bank: Path) -> None:
    edit(bank, "help.yaml", "url: https://", "url: http://")
    report = check(bank)
    assert not [p for p in report.problems if p.code.startswith("unknown-")]
    consequence = the_problem(report, bank / "messages.yaml")
    assert_at(consequence, "needs-broken-item", 19, 11, "warning")
    assert "'childline' has a mistake of its own" in consequence.message


def test_references_into_an_unreadable_file_are_not_called_missing(bank: Path) -> None:
    edit(bank, "messages.yaml", "messages:", "messages:\n\t- oops")
    report = check(bank)
    assert not [p for p in report.problems if p.code.startswith("unknown-")]
    assert "file could not be read" in the_problem(report, bank / "questions.yaml").message


def test_an_empty_file_is_one_error_at_its_start(bank: Path) -> None:
    write(bank / "ranks.yaml", "")
    report = check(bank)
    assert_at(the_problem(report, bank / "ranks.yaml"), "empty-file", 1, 1)
    assert report.problems == problems_in(report, bank / "ranks.yaml")


def test_a_file_without_its_schema_line_is_a_warning_naming_the_line_to_add(bank: Path) -> None:
    path = bank / "topics.yaml"
    write(path, read(path).split("\n", 1)[1])
    p = the_problem(check(bank), path)
    assert_at(p, "no-schema-line", 1, 1, "warning")
    assert checks.SCHEMA_LINE in p.hint and p.hint.endswith("topics.schema.json")


WINDOWS_SAVES: dict[str, Callable[[str], str]] = {
    "byte-order-mark": lambda text: "\ufeff" + text,
    "windows-line-endings": lambda text: text.replace("\n", "\r\n"),
}


@pytest.mark.parametrize("saved_as", WINDOWS_SAVES.values(), ids=WINDOWS_SAVES.keys())
def test_windows_editors_files_load_as_they_are(bank: Path, saved_as: Callable[[str], str]) -> None:
    for path in bank.glob("*.yaml"):
        write(path, saved_as(read(path)))
    report = check(bank)
    assert report.problems == []
    assert report.items == 13


@pytest.mark.parametrize("saved_as", WINDOWS_SAVES.values(), ids=WINDOWS_SAVES.keys())
@pytest.mark.parametrize("name", ["unclosed-quote", "markup"])
def test_windows_editors_mistakes_are_at_the_same_place(bank: Path, saved_as: Callable[[str], str],
                                                       name: str) -> None:
    mistake = MISTAKES[name]
    edit(bank, mistake.file, mistake.old, mistake.new)
    write(bank / mistake.file, saved_as(read(bank / mistake.file)))
    p = the_problem(check(bank), bank / mistake.file)
    assert_at(p, mistake.code, mistake.line, mistake.col)


def test_a_hard_text_for_7_to_9_is_a_warning_with_its_grade(bank: Path) -> None:
    import textstat
    edit(bank, "messages.yaml", TEXT, f"    text: {HARD_TEXT}\n")
    p = the_problem(check(bank), bank / "messages.yaml")
    assert_at(p, "reading-level", 3, 5, "warning")
    grade = textstat.flesch_kincaid_grade(
        f"Your details are yours. {HARD_TEXT} Ask a grown-up first if you want to share something.")
    assert f"grade {grade:.1f}" in p.message and "ages 7-9" in p.message


# --- output ---------------------------------------------------------------------------------------

def break_several_files(bank: Path) -> None:
    """Errors and warnings in several files, written out of order."""
    edit(bank, "questions.yaml", "topic: tell-someone", "topic: tell-some1")
    edit(bank, "messages.yaml", "are private.", "are <b>private</b>.")
    edit(bank, "messages.yaml", "help: childline", "help: childlin")
    edit(bank, "help.yaml", "url: https://", "url: http://")
    write(bank / "topics.yaml", read(bank / "topics.yaml").split("\n", 1)[1])


def test_problems_are_sorted_by_path_line_and_col(bank: Path) -> None:
    break_several_files(bank)
    places = [(p.path, p.line, p.col) for p in check(bank).problems]
    assert len({path for path, _, _ in places}) >= 3
    assert places == sorted(places)


def test_text_output_is_one_line_and_a_hint_per_problem_then_a_summary(
        bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    break_several_files(bank)
    assert validate(str(bank)) == 1
    first, *lines, summary = capsys.readouterr().out.splitlines()
    assert first == f"Checking the content in {bank}"  # which folder was checked, first
    shown = [PROBLEM_LINE.match(line) for line in lines[::2]]
    assert all(shown), lines
    assert all(re.fullmatch(r"    hint: \S.*", hint) for hint in lines[1::2]), lines
    places = [(m["path"], int(m["line"]), int(m["col"])) for m in shown]
    assert places == sorted(places)
    counts = SUMMARY_LINE.match(summary)
    assert counts, summary
    assert int(counts["errors"]) == sum(m["severity"] == "error" for m in shown) > 0
    assert int(counts["warnings"]) == sum(m["severity"] == "warning" for m in shown) > 0


@pytest.mark.parametrize("warned", [False, True], ids=["clean", "warnings-only"])
def test_no_errors_exit_0(bank: Path, capsys: pytest.CaptureFixture[str], warned: bool) -> None:
    if warned:
        write(bank / "topics.yaml", read(bank / "topics.yaml").split("\n", 1)[1])
    assert validate(str(bank)) == 0
    out = capsys.readouterr().out.splitlines()
    assert SUMMARY_LINE.match(out[-1])["errors"] == "0"


def test_json_output_lists_every_problem_and_the_summary(
        bank: Path, capsys: pytest.CaptureFixture[str]) -> None:
    break_several_files(bank)
    assert validate(str(bank), fmt="json") == 1
    out = json.loads(capsys.readouterr().out)
    assert set(out) == {"problems", "summary"}
    fields = {"path", "line", "col", "severity", "code", "message", "hint"}
    assert out["problems"] and all(set(p) == fields for p in out["problems"])
    assert all(isinstance(p["line"], int) and isinstance(p["col"], int) for p in out["problems"])
    summary = out["summary"]
    assert summary["errors"] == sum(p["severity"] == "error" for p in out["problems"])
    assert summary["warnings"] == sum(p["severity"] == "warning" for p in out["problems"])
    assert summary["files"] == 6


# --- the shipped bank, fuzzed --------------------------------------------------------------------

SHIPPED = {path.name: read(path) for path in sorted(content_dir().glob("*.yaml"))}
INSERTS = ("\t", ":", '"', "'", "- ")
Mutation = tuple[str, int, int, str]
mutations = st.tuples(st.sampled_from(["delete", "duplicate-line", "insert", "swap-lines",
                                       "truncate"]),
                      st.integers(0, 1 << 20), st.integers(0, 1 << 20), st.sampled_from(INSERTS))


def mutate(text: str, mutation: Mutation) -> str:
    """One editor's slip: `i` and `j` pick places in the text (taken modulo its length)."""
    op, i, j, insert = mutation
    at = i % (len(text) + 1)
    if op == "delete":
        return text[:at] + text[at + 1:]
    if op == "insert":
        return text[:at] + insert + text[at:]
    if op == "truncate":
        return text[:at]
    lines = text.split("\n")
    a, b = i % len(lines), j % len(lines)
    if op == "duplicate-line":
        lines.insert(a, lines[a])
    else:
        lines[a], lines[b] = lines[b], lines[a]
    return "\n".join(lines)


@settings(max_examples=40, deadline=None)
@given(name=st.sampled_from(sorted(SHIPPED)), slips=st.lists(mutations, min_size=1, max_size=3))
def test_slips_in_a_shipped_file_never_raise_and_point_inside_the_file(
        name: str, slips: list[Mutation]) -> None:
    text = SHIPPED[name]
    for slip in slips:
        text = mutate(text, slip)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "content"
        shutil.copytree(content_dir(), folder)
        write(folder / name, text)
        report = check(folder)
        line_counts = {path.resolve(): len(read(path).splitlines())
                       for path in folder.rglob("*.yaml")}  # the translations' files too
    for p in report.problems:
        assert p.code and p.message and p.severity in ("error", "warning"), str(p)
        assert 1 <= p.line <= line_counts.get(Path(p.path).resolve(), 0) + 1 and p.col >= 1, \
            str(p)


def test_the_shipped_bank_has_no_errors_and_no_warnings(monkeypatch: pytest.MonkeyPatch) -> None:
    """...but one for each file of its draft Welsh translation, until a fluent speaker checks it."""
    # its articles are in ../shared/seeds beside the repository, when that is there
    monkeypatch.delenv("SAFETY_DASH_SEEDS")
    report = check_bank(None)
    others = [p for p in report.problems if p.code != "unreviewed-translation"]
    assert others == [], "\n".join(map(str, others))
    welsh = sorted((content_dir() / "cy").glob("*.yaml"))
    assert sorted(Path(p.path).resolve() for p in report.problems) == welsh


def test_validate_read_by_a_pipe_that_closes_early_is_not_a_crash(tmp_path: Path) -> None:
    """`safety-dash validate | head -1`: the reader leaves after the first line."""
    import subprocess
    import sys
    argv = [sys.executable, "-m", "game", "validate"]
    whole = subprocess.run(argv, cwd=tmp_path, capture_output=True, timeout=300, check=False)
    child = subprocess.Popen(argv, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert child.stdout is not None and child.stderr is not None
    first = child.stdout.readline()
    child.stdout.close()
    err = child.stderr.read().decode()
    assert child.wait(timeout=300) == whole.returncode  # the same answer: errors or none
    assert first.startswith(b"Checking the shipped content bank")
    assert whole.stdout.count(b"\n") > 1  # there was more to read
    assert "Traceback" not in err and "problem" not in err, err
