"""The after-lesson report: what a class lesson covered and how the class answered, as a CSV
for a spreadsheet and a printable HTML page (templates/classroom.html.j2).

`report_rows` and `report_html` only read the summary and the bank; `write_report` saves both
into the report folder under one new dated name and never overwrites an earlier report. The
template sees plain values only (dicts, lists and strings), all of them escaped.

The report comes out in the language of the game's words when it is written (the language the
lesson was run in): its headings and sentences go through `game.i18n.t()`, the bank's items are in
the bank's language, and the page says which language it is in (`<html lang>`). The CSV's column
names are the same in every language, so a spreadsheet reads every report alike.

No child's name is ever asked for or kept: team names are the only names in a report.
"""
from __future__ import annotations

import contextlib
import csv
import datetime
import io
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import platformdirs

from game.content.model import Bank
from game.i18n import t
from game.reports.render import html_language, long_date, render, why_not_saved
from game.reports.take_home import place_words
from game.reports.chat_rounds import chat_rounds, chat_rows, chat_words
from game.rules.classroom import ClassSummary
from game.scenes.classroom.words import lesson_title, style_name

COLUMNS = ("question_id", "topic", "question", "asked", "right", "wrong", "skipped",
           "share_right", "kind", "signs_spotted", "signs_missed", "scout_stepped_in")
FOLDER_NAME = "Safety Dash reports"
FALLBACK_COLOUR = "#767676"  # a team colour that is not #rrggbb shows as grey
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}")
# a spreadsheet reads a cell starting with one of these as a formula (tab and carriage return
# too, as OWASP advises); a leading apostrophe makes it plain text
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MAX_SAME_MINUTE = 999
log = logging.getLogger("safety_dash.reports")


class ReportError(Exception):
    """The report could not be written; str() is a plain sentence for the teacher, e.g.
    'The report could not be saved in Documents > Safety Dash reports: the folder is
    read-only. The summary stays on screen.'"""


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
    ReportError with a plain sentence naming no path, and no half-written file is left
    behind."""
    when = when or datetime.datetime.now()
    folder = Path(folder) if folder is not None else default_report_dir()
    csv_text = _csv_text(report_rows(summary, bank))
    html = report_html(summary, bank, when)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        files = _write_new(folder, f"safety-dash-lesson-{when:%Y-%m-%d-%H%M}", csv_text, html)
    except OSError as exc:
        raise ReportError(_failed(folder, why_not_saved(exc))) from exc
    if files is None:
        raise ReportError(_failed(folder, t("it already holds too many reports from this "
                                            "minute")))
    return files


def report_rows(summary: ClassSummary, bank: Bank) -> list[dict[str, str]]:
    """The CSV's rows (without the header): one per question, in the order first asked, then
    one per Chat Check round (its chat's id, topic and title, the signs spotted and missed, the
    choices where Scout stepped in). Text cells that a spreadsheet would read as a formula
    start with an apostrophe."""
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
            "kind": "question", "signs_spotted": "", "signs_missed": "", "scout_stepped_in": "",
        })
    for row in chat_rows(summary, bank):
        rows.append({column: _cell(row.get(column, "")) for column in COLUMNS})
    return rows


def report_html(summary: ClassSummary, bank: Bank, when: datetime.datetime) -> str:
    """The report as one self-contained, printable HTML page."""
    return render("classroom.html.j2", **report_context(summary, bank, when))


def report_context(summary: ClassSummary, bank: Bank,
                   when: datetime.datetime) -> dict[str, Any]:
    """The plain values the template shows, in the language of the game's words."""
    plan = summary.plan
    title, date, time = lesson_title(plan), long_date(when), f"{when:%H:%M}"
    return {
        "lang": html_language(),
        "words": report_words(summary, bank, title, date, time),
        "title": title,
        "organisation": bank.branding.organisation,
        "date": date,
        "time": time,
        "age_label": t("Ages {bands}", bands=plan.band.replace("-", "\u2013")),
        "style": style_name(plan.style),
        "topics_chosen": [_topic_title(bank, topic) for topic in plan.topics],
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
            "title": _topic_title(bank, topic.topic),
            "right_of": t("{right} of {answered}", right=topic.right, answered=topic.answered),
            "percent": _percent(topic.right, topic.answered) or 0,
        } for topic in summary.hardest],
        "messages": _messages(summary, bank),
        "chats": chat_rounds(summary, bank),
    }


def report_words(summary: ClassSummary, bank: Bank, title: str, date: str,
                 time: str) -> dict[str, str]:
    """The report's own words: headings, labels and sentences (the template has none)."""
    plan, played = summary.plan, summary.rounds_played
    organisation = bank.branding.organisation
    return {
        "page_title": t("{title}: lesson report, {date}", title=title, date=date),
        "kicker": t("Lesson report for teachers"),
        "date": t("Date:"),
        "when": t("{date} at {time}", date=date, time=time),
        "age_band": t("Age band:"),
        "play_style": t("Play style:"),
        "rounds_played": t("Rounds played:"),
        "rounds_of": t("{played} of {planned}", played=played, planned=plan.rounds),
        "topics_chosen": t("Topics chosen:"),
        "ended_early": t("The teacher ended this lesson early, after 1 round of the {planned} "
                         "planned.", planned=plan.rounds) if played == 1 else
        t("The teacher ended this lesson early, after {played} rounds of the {planned} planned.",
          played=played, planned=plan.rounds),
        "final_scores": t("Final scores"),
        "place": t("Place"),
        "team": t("Team"),
        "score": t("Score"),
        "ties": t("An “=” before a place means teams with the same score share that place."),
        "no_teams": t("No teams played."),
        "questions_title": t("How the class answered each question"),
        "questions_intro": t("In the order the questions came up. “% right” counts only the "
                             "times an answer was given: a skipped question does not count as "
                             "wrong."),
        "question": t("Question"),
        "asked": t("Asked"),
        "right": t("Right [correct]"),
        "wrong": t("Wrong"),
        "skipped": t("Skipped"),
        "percent_right": t("% right"),
        "always_skipped": t("Always skipped"),
        "no_questions": t("No questions were asked in this lesson."),
        "hardest_title": t("Topics the class found hardest"),
        "hardest_intro": t("Every topic the class answered questions on, the hardest first. A "
                           "topic near the top is a good place to start next time."),
        "topic": t("Topic"),
        "right_answers": t("Right answers"),
        "no_hardest": t("No answers were given in this lesson, so there are no topics to "
                        "show."),
        "messages_title": t("Safety messages covered"),
        "what_to_do": t("What to do:"),
        "no_messages": t("No safety messages were shown in this lesson."),
        "privacy": t("Privacy"),
        "privacy_label": t("Privacy:"),
        "privacy_note": t("No child's name was asked for or stored. Team names are the only "
                          "names in this report."),
        **chat_words(bank.branding.mascot),
        "footer": t("Made with Safety Dash ({organisation}) on {date} at {time}.",
                    organisation=organisation, date=date, time=time) if organisation else
        t("Made with Safety Dash on {date} at {time}.", date=date, time=time),
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
            "times": t("(shown {n} times)", n=times) if times > 1 else "",
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
    """Why the report was not saved, for the class's screen: where, as "Documents > Safety Dash
    reports" (the whole path goes to the log)."""
    log.warning("The lesson report could not be saved in %s: %s", folder, reason)
    return t("The report could not be saved in {place}: {reason}. The summary stays on screen.",
             place=place_words(folder), reason=reason)
