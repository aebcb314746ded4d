"""The after-lesson report: what a class lesson covered and how the class answered, as a CSV
for a spreadsheet and a printable HTML page (templates/classroom.html.j2).

`report_rows` and `report_html` only read the summary and the bank; `write_report` saves both
into the report folder under one new dated name and never overwrites an earlier report. The
template sees plain values only (dicts, lists and strings), all of them escaped.

No child's name is ever asked for or kept: team names are the only names in a report.
"""
from __future__ import annotations

import contextlib
import csv
import datetime
import errno
import io
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from game.content.model import Bank
from game.reports.render import render
from game.rules.classroom import STYLES, ClassSummary

COLUMNS = ("question_id", "topic", "question", "asked", "right", "wrong", "skipped",
           "share_right")
FOLDER_NAME = "Safety Dash reports"
FALLBACK_COLOUR = "#767676"  # a team colour that is not #rrggbb shows as grey
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
# a spreadsheet reads a cell starting with one of these as a formula (tab and carriage return
# too, as OWASP advises); a leading apostrophe makes it plain text
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MAX_SAME_MINUTE = 999


class ReportError(Exception):
    """The report could not be written; str() is a plain sentence for the teacher, e.g.
    'The report could not be saved in /x/y: the folder is read-only. The summary stays on
    screen.'"""


@dataclass(frozen=True)
class ReportFiles:
    csv: Path
    html: Path


def default_report_dir() -> Path:
    """The user's documents folder / "Safety Dash reports"."""
    return platformdirs.user_documents_path() / FOLDER_NAME


def write_report(summary: ClassSummary, bank: Bank, folder: Path | None = None,
                 when: datetime.datetime | None = None) -> ReportFiles:
    """Write the CSV and the HTML page into `folder` (default_report_dir() when None; made if
    missing) as safety-dash-lesson-YYYY-MM-DD-HHMM.csv/.html, or -2, -3 ... after the minute
    when an earlier report has that name. Files are created exclusively, so nothing is ever
    overwritten, and the two files of one report share their name. Any OSError becomes a
    ReportError with a plain sentence, and no half-written file is left behind."""
    when = when or datetime.datetime.now()
    folder = Path(folder) if folder is not None else default_report_dir()
    csv_text = _csv_text(report_rows(summary, bank))
    html = report_html(summary, bank, when)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        files = _write_new(folder, f"safety-dash-lesson-{when:%Y-%m-%d-%H%M}", csv_text, html)
    except OSError as exc:
        raise ReportError(_failed(folder, _reason(exc))) from exc
    if files is None:
        raise ReportError(_failed(folder, "it already holds too many reports from this minute"))
    return files


def report_rows(summary: ClassSummary, bank: Bank) -> list[dict[str, str]]:
    """The CSV's rows (without the header): one per question, in the order first asked. Text
    cells that a spreadsheet would read as a formula start with an apostrophe."""
    rows = []
    for q in summary.questions:
        share = _percent(q.right, q.answered)
        rows.append({
            "question_id": _cell(q.question_id),
            "topic": _cell(_topic_title(bank, q.topic)),
            "question": _cell(q.text),
            "asked": str(q.asked),
            "right": str(q.right),
            "wrong": str(q.wrong),
            "skipped": str(q.skipped),
            "share_right": "" if share is None else str(share),
        })
    return rows


def report_html(summary: ClassSummary, bank: Bank, when: datetime.datetime) -> str:
    """The report as one self-contained, printable HTML page."""
    return render("classroom.html.j2", **report_context(summary, bank, when))


def report_context(summary: ClassSummary, bank: Bank,
                   when: datetime.datetime) -> dict[str, Any]:
    """The plain values the template shows."""
    plan = summary.plan
    return {
        "title": plan.title,
        "organisation": bank.branding.organisation,
        "date": f"{when:%A} {when.day} {when:%B %Y}",
        "time": f"{when:%H:%M}",
        "age_label": "Ages " + plan.band.replace("-", "\u2013"),
        "style": STYLES.get(plan.style, plan.style),
        "topics_chosen": [_topic_title(bank, t) for t in plan.topics],
        "rounds_played": summary.rounds_played,
        "rounds_planned": plan.rounds,
        "ended_early": ended_early(summary),
        "standings": [{
            "place": f"={s.place}" if s.tied else str(s.place),
            "name": s.team.name,
            "colour": s.team.colour if _COLOUR.fullmatch(s.team.colour) else FALLBACK_COLOUR,
            "score": s.team.score,
        } for s in summary.standings],
        "ties": any(s.tied for s in summary.standings),
        "questions": [{
            "text": q.text,
            "topic": _topic_title(bank, q.topic),
            "asked": q.asked,
            "right": q.right,
            "wrong": q.wrong,
            "skipped": q.skipped,
            "percent": _percent(q.right, q.answered),
        } for q in summary.questions],
        "hardest": [{
            "title": _topic_title(bank, t.topic),
            "right": t.right,
            "answered": t.answered,
            "percent": _percent(t.right, t.answered) or 0,
        } for t in summary.hardest],
        "messages": _messages(summary, bank),
    }


def ended_early(summary: ClassSummary) -> bool:
    """Whether the teacher ended the lesson before its planned rounds were played."""
    return summary.ended_early or summary.rounds_played < summary.plan.rounds


def _messages(summary: ClassSummary, bank: Bank) -> list[dict[str, Any]]:
    """Each message shown, once, in the order first shown, with how many times it was shown."""
    shown: dict[str, int] = {}
    for message_id in summary.messages:
        shown[message_id] = shown.get(message_id, 0) + 1
    messages = []
    for message_id, times in shown.items():
        message = bank.message_by_id.get(message_id)
        messages.append({
            "title": message.title if message else message_id,
            "do": message.do if message else "",
            "times": times,
        })
    return messages


def _topic_title(bank: Bank, topic_id: str) -> str:
    topic = bank.topic_by_id.get(topic_id)
    return topic.title if topic else topic_id


def _percent(right: int, answered: int) -> int | None:
    """`right` out of `answered` as a whole percentage, halves rounded up (None if none)."""
    if not answered:
        return None
    return (200 * right + answered) // (2 * answered)


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _csv_text(rows: list[dict[str, str]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _write_new(folder: Path, stem: str, csv_text: str, html: str) -> ReportFiles | None:
    """Both files under the first free name: `stem`, then `stem`-2, -3 ... (None if there is
    no free name left in this minute)."""
    for number in range(1, _MAX_SAME_MINUTE + 1):
        name = stem if number == 1 else f"{stem}-{number}"
        files = ReportFiles(folder / f"{name}.csv", folder / f"{name}.html")
        try:
            _write_both(files, csv_text, html)
        except FileExistsError:
            continue
        return files
    return None


def _write_both(files: ReportFiles, csv_text: str, html: str) -> None:
    """Create both files exclusively; on any failure remove whichever of them was made."""
    made: list[Path] = []
    try:
        # UTF-8 with a byte order mark: Excel then reads the CSV's accents and dashes right;
        # a character UTF-8 cannot hold (a lone surrogate typed into a name) becomes "?"
        for path, text, encoding in ((files.csv, csv_text, "utf-8-sig"),
                                     (files.html, html, "utf-8")):
            with open(path, "x", encoding=encoding, errors="replace", newline="") as out:
                made.append(path)
                out.write(text)
    except BaseException:
        for path in made:
            with contextlib.suppress(OSError):
                path.unlink()
        raise


def _failed(folder: Path, reason: str) -> str:
    return f"The report could not be saved in {folder}: {reason}. The summary stays on screen."


def _reason(exc: OSError) -> str:
    """Why an OSError stopped the report, in plain words."""
    if exc.errno == errno.EROFS:
        return "the folder is read-only"
    if isinstance(exc, PermissionError):
        return "you do not have permission to save files there"
    if exc.errno == errno.ENOSPC:
        return "the disk is full"
    if exc.errno == getattr(errno, "EDQUOT", None):
        return "all the space you are allowed on this computer is used up"
    if isinstance(exc, (NotADirectoryError, FileExistsError)):
        return "there is a file where the folder should be"
    if isinstance(exc, FileNotFoundError):
        return "the folder could not be found"
    if exc.errno == errno.ENAMETOOLONG:
        return "the folder's name is too long"
    return (exc.strerror or "the computer would not save the files").rstrip(".").lower()
