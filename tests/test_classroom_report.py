"""The after-lesson report: the CSV matches what was played, the HTML shows it all escaped, and
saving never overwrites, never half-writes, and fails in one plain sentence."""
from __future__ import annotations

import csv
import datetime
import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from test_lesson import check_well_formed, escape

import game.reports.classroom as classroom
from game.content import load_bank
from game.content.model import Answer, Bank, Question
from game.reports.classroom import (
    COLUMNS, ReportError, ReportFiles, default_report_dir, report_html, report_rows,
    write_report,
)
from game.rules.classroom import ClassLesson, LessonPlan, Team

ROOT = Path(__file__).resolve().parent.parent
EVIL = "<script>alert(1)</script>"
WHEN = datetime.datetime(2026, 11, 23, 14, 5)
STEM = "safety-dash-lesson-2026-11-23-1405"
NOTE = escape("No child's name was asked for or stored. Team names are the only names in "
              "this report.")

# (round's questions by index into the band's questions, with their outcomes), score, message
ROUNDS = (
    (((0, "right"), (1, "wrong"), (2, "skipped")), 30, 0),
    (((0, "wrong"), (3, "right"), (2, "skipped")), 20, 1),
    (((4, "right"), (1, "right"), (5, "wrong")), 20, 2),
    (((0, "right"), (6, "skipped")), 30, 0),
)
# per question index, in the order first asked: asked, right, wrong, skipped, share_right
EXPECTED = (
    (0, "3", "2", "1", "0", "67"),
    (1, "2", "1", "1", "0", "50"),
    (2, "2", "0", "0", "2", ""),
    (3, "1", "1", "0", "0", "100"),
    (4, "1", "1", "0", "0", "100"),
    (5, "1", "0", "1", "0", "0"),
    (6, "1", "0", "0", "1", ""),
)


@pytest.fixture(scope="module")
def bank() -> Bank:
    return load_bank()


@pytest.fixture(scope="module")
def questions(bank) -> list[Question]:
    found = [q for q in bank.questions if "10-12" in q.ages]
    assert len(found) >= 7 and not any(q.text.startswith(("=", "+", "-", "@")) for q in found)
    return found[:7]


@pytest.fixture(scope="module")
def messages(bank) -> list[str]:
    found = [m.id for m in bank.messages if "10-12" in m.ages]
    assert len(found) >= 3
    return found[:3]


def play(plan: LessonPlan, questions, messages, rounds=ROUNDS) -> ClassLesson:
    lesson = ClassLesson(plan)
    for gates, score, message in rounds:
        for index, outcome in gates:
            lesson.record(questions[index], outcome)
        lesson.finish_round(score, messages[message])
    return lesson


def two_teams(second: str = "Owls", colour: str = "#b03a00") -> LessonPlan:
    return LessonPlan(band="10-12", rounds=4, teams=[Team("Foxes", "#1f5ec4"),
                                                    Team(second, colour)])


@pytest.fixture
def lesson(questions, messages) -> ClassLesson:
    return play(two_teams(EVIL), questions, messages)


def test_the_rows_match_what_was_played(bank, questions, lesson):
    rows = report_rows(lesson.summary(), bank)
    expected = [{
        "question_id": questions[i].id,
        "topic": bank.topic_by_id[questions[i].topic].title,
        "question": questions[i].text,
        "asked": asked, "right": right, "wrong": wrong, "skipped": skipped,
        "share_right": share, "kind": "question", "signs_spotted": "", "signs_missed": "",
        "scout_stepped_in": "",
    } for i, asked, right, wrong, skipped, share in EXPECTED]
    assert rows == expected
    assert all(list(row) == list(COLUMNS) for row in rows)


def test_the_csv_file_has_a_bom_a_header_and_the_rows(bank, lesson, tmp_path):
    files = write_report(lesson.summary(), bank, tmp_path, WHEN)
    assert files == ReportFiles(tmp_path / f"{STEM}.csv", tmp_path / f"{STEM}.html")
    raw = files.csv.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf" + b"question_id,topic,question,asked,")
    with open(files.csv, encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert table[0] == list(COLUMNS)
    assert table[1:] == [list(row.values()) for row in report_rows(lesson.summary(), bank)]
    assert files.html.read_text(encoding="utf-8") == report_html(lesson.summary(), bank, WHEN)


def test_the_page_shows_every_team_message_and_question(bank, lesson):
    summary = lesson.summary()
    html = report_html(summary, bank, WHEN)
    check_well_formed(html)
    for team in lesson.plan.teams:
        assert escape(team.name) in html
    for message_id in summary.messages:
        message = bank.message_by_id[message_id]
        assert escape(message.title) in html and escape(message.do) in html
    assert html.count(escape(bank.message_by_id[summary.messages[0]].title)) == 1
    assert "(shown 2 times)" in html
    for q in summary.questions:
        assert escape(q.text) in html
    for t in summary.hardest:
        assert escape(bank.topic_by_id[t.topic].title) in html
    for fact in ("Monday 23 November 2026 at 14:05", "Ages 10\u201312", "Teams take turns",
                 "Rounds played:</span> 4 of 4", NOTE):
        assert fact in html
    assert "ended this lesson early" not in html
    assert "src=" not in html and "<link" not in html  # nothing from the network


def test_a_team_name_with_markup_appears_only_escaped(bank, lesson):
    html = report_html(lesson.summary(), bank, WHEN)
    assert "<script" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_the_hardest_topics_come_lowest_first(bank, lesson):
    html = report_html(lesson.summary(), bank, WHEN)
    hardest = lesson.summary().hardest
    assert len(hardest) >= 2
    places = [html.index(escape(bank.topic_by_id[t.topic].title), html.index("found hardest"))
              for t in hardest]
    assert places == sorted(places)


def test_a_tie_shares_first_place(bank, lesson):
    standings = lesson.summary().standings
    assert [s.team.score for s in standings] == [50, 50]
    html = report_html(lesson.summary(), bank, WHEN)
    assert html.count('<td class="place">=1</td>') == 2
    assert "share that place" in html


def test_a_clear_winner_has_no_equals_sign(bank, questions, messages):
    rounds = ROUNDS[:3] + ((((0, "right"),), 90, 0),)
    html = report_html(play(two_teams(), questions, messages, rounds).summary(), bank, WHEN)
    assert '<td class="place">1</td>' in html and '<td class="place">2</td>' in html
    assert "place\">=" not in html and "share that place" not in html


def test_a_lesson_ended_early_says_so(bank, questions, messages):
    lesson = play(two_teams(), questions, messages, ROUNDS[:2])
    lesson.end()
    html = report_html(lesson.summary(), bank, WHEN)
    assert "Rounds played:</span> 2 of 4" in html
    assert "The teacher ended this lesson early, after 2 rounds of the 4 planned." in html


def test_a_lesson_with_no_answers_says_so(bank):
    lesson = ClassLesson(two_teams())
    lesson.end()
    html = report_html(lesson.summary(), bank, WHEN)
    check_well_formed(html)
    assert "No answers were given" in html and "No questions were asked" in html
    assert "No safety messages were shown" in html and NOTE in html
    assert report_rows(lesson.summary(), bank) == []


def test_only_a_hex_colour_reaches_a_style(bank, questions, messages):
    plan = two_teams("Owls", "red; background-image: url(https://x.example/)")
    plan.teams[0].colour = "#ABCDEF"
    html = report_html(play(plan, questions, messages).summary(), bank, WHEN)
    assert "background-color: #ABCDEF" in html
    assert f"background-color: {classroom.FALLBACK_COLOUR}" in html
    assert "url(" not in html and "x.example" not in html


def test_text_a_spreadsheet_would_run_starts_with_an_apostrophe(bank, tmp_path):
    answers = (Answer("Tell a grown-up", True), Answer("Reply", False, "Why"))
    made = [Question("=cmd|' /C calc'!A0", "@topic", ("10-12",), '=HYPERLINK("http://x")',
                     answers, "001.txt"),
            Question("q-plus", "+topic", ("10-12",), "-2+3", answers, "001.txt"),
            Question("q-fine", "personal-info", ("10-12",), "A plain question = fine",
                     answers, "001.txt")]
    lesson = ClassLesson(two_teams("=SUM(A1:A9)"))
    for q in made:
        lesson.record(q, "right")
    lesson.finish_round(10, "")
    rows = report_rows(lesson.summary(), bank)
    assert [(r["question_id"], r["topic"], r["question"]) for r in rows] == [
        ("'=cmd|' /C calc'!A0", "'@topic", "'=HYPERLINK(\"http://x\")"),
        ("q-plus", "'+topic", "'-2+3"),
        ("q-fine", "Keep it private", "A plain question = fine"),
    ]
    files = write_report(lesson.summary(), bank, tmp_path, WHEN)
    text = files.csv.read_text(encoding="utf-8-sig")
    assert "SUM" not in text  # team names are not in the CSV
    with open(files.csv, encoding="utf-8-sig", newline="") as f:
        cells = [cell for row in csv.reader(f) for cell in row]
    assert not [c for c in cells if c.startswith(("=", "+", "-", "@"))]


def test_reports_in_the_same_minute_never_overwrite(bank, lesson, tmp_path):
    first = write_report(lesson.summary(), bank, tmp_path, WHEN)
    before = first.csv.read_bytes(), first.html.read_bytes()
    first.csv.write_bytes(b"the teacher's own notes")
    second = write_report(lesson.summary(), bank, tmp_path, WHEN)
    third = write_report(lesson.summary(), bank, tmp_path, WHEN)
    assert second == ReportFiles(tmp_path / f"{STEM}-2.csv", tmp_path / f"{STEM}-2.html")
    assert third.csv.name == f"{STEM}-3.csv" and third.html.name == f"{STEM}-3.html"
    assert first.csv.read_bytes() == b"the teacher's own notes"
    assert first.html.read_bytes() == before[1]
    assert second.csv.read_bytes() == before[0] == third.csv.read_bytes()
    assert len(list(tmp_path.iterdir())) == 6


def test_a_name_half_taken_is_skipped_and_both_files_share_a_name(bank, lesson, tmp_path):
    (tmp_path / f"{STEM}.html").write_text("an earlier page")
    files = write_report(lesson.summary(), bank, tmp_path, WHEN)
    assert (files.csv.stem, files.html.stem) == (f"{STEM}-2", f"{STEM}-2")
    assert (tmp_path / f"{STEM}.html").read_text() == "an earlier page"
    assert not (tmp_path / f"{STEM}.csv").exists()


def test_a_missing_folder_is_made_and_the_default_is_in_documents(bank, lesson, tmp_path,
                                                                  monkeypatch):
    monkeypatch.setattr(classroom.platformdirs, "user_documents_path", lambda: tmp_path / "Docs")
    assert default_report_dir() == tmp_path / "Docs" / "Safety Dash reports"
    files = write_report(lesson.summary(), bank)
    assert files.csv.parent == files.html.parent == tmp_path / "Docs" / "Safety Dash reports"
    assert files.csv.is_file() and files.html.is_file()


def failed(bank, lesson, folder: Path) -> str:
    with pytest.raises(ReportError) as caught:
        write_report(lesson.summary(), bank, folder, WHEN)
    message = str(caught.value)
    assert message.startswith(f"The report could not be saved in {folder.parent.name} > "
                              f"{folder.name}: ")  # no path: the log has it
    assert message.endswith(". The summary stays on screen.") and "\n" not in message
    return message


@pytest.mark.parametrize("where", ["a-file", "a-file/reports"])
def test_a_file_where_the_folder_should_be_fails_plainly(bank, lesson, tmp_path, where):
    (tmp_path / "a-file").write_text("")
    message = failed(bank, lesson, tmp_path / where)
    assert "there is a file where the folder should be" in message
    assert [p.name for p in tmp_path.iterdir()] == ["a-file"]


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() == 0,
                    reason="root may write into a read-only folder")
@pytest.mark.parametrize("inside", ["", "reports"])
def test_a_read_only_folder_fails_plainly(bank, lesson, tmp_path, inside):
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        message = failed(bank, lesson, locked / inside if inside else locked)
        assert "permission" in message
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


def test_no_permission_fails_plainly_and_leaves_nothing(bank, lesson, tmp_path, monkeypatch):
    def refuse(path, *args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(path))

    monkeypatch.setattr(classroom, "open", refuse, raising=False)
    message = failed(bank, lesson, tmp_path)
    assert "you do not have permission to save files there" in message
    assert list(tmp_path.iterdir()) == []


class FullDisk:
    """A file that is created but cannot be written: the disk is full."""

    def __init__(self, real):
        self.real = real

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.real.close()

    def write(self, text):
        raise OSError(errno.ENOSPC, "No space left on device")


def test_a_full_disk_leaves_no_half_written_file(bank, lesson, tmp_path, monkeypatch):
    def open_html_on_full_disk(path, *args, **kwargs):
        real = open(path, *args, **kwargs)
        return FullDisk(real) if str(path).endswith(".html") else real

    monkeypatch.setattr(classroom, "open", open_html_on_full_disk, raising=False)
    message = failed(bank, lesson, tmp_path)
    assert "the disk is full" in message
    assert list(tmp_path.iterdir()) == []


def test_the_report_never_imports_pygame():
    code = "import sys, game.reports.classroom; print('pygame' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         timeout=60, check=True)
    assert out.stdout.strip() == "False"


def test_a_character_utf8_cannot_hold_does_not_stop_the_report(bank, questions, messages,
                                                                tmp_path):
    files = write_report(play(two_teams("Owls \udc80"), questions, messages).summary(), bank,
                         tmp_path, WHEN)
    assert "Owls ?" in files.html.read_text(encoding="utf-8")
