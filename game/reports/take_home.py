"""The page for home: one printable A4 page for a child's grown-up, from the Safety Notebook.

It shows what the child has learned (the messages collected, by topic), the three questions the
Home Secretary asked parents to ask (seed 004), parental controls (seed 001) and where grown-ups
find advice (the NCSC, seed 001; CEOP's Safety Centre, seed 002; the NSPCC), in the language of
the game's words, rendered with templates/take_home.html.j2 (autoescaped: every text from the
bank or the player is shown as text). No name is on it unless the child typed a nickname.

The game saves it in the user's documents folder under "Safety Dash" (`save_for_home`) and tells
the child where in plain words (`place_words`); `safety-dash take-home` writes it where a grown-up
asks. No pygame here.
"""
from __future__ import annotations

import contextlib
import datetime
import os
import re
import tempfile
import threading
import webbrowser
from pathlib import Path
from typing import Any

import platformdirs

from game.content.model import Bank, Message
from game.i18n import t
from game.reports.render import why_not_saved
from game.reports.render import html_language, render, short_date

FOLDER_NAME = "Safety Dash"
FILE_NAME = "safety-notebook-for-home.html"
NCSC_URL = "https://www.ncsc.gov.uk"
CEOP_URL = "https://www.ceop.police.uk/safety-centre/"
NSPCC_URL = "https://www.nspcc.org.uk/keeping-children-safe/online-safety/"
# What fits on one A4 page: about PAGE_LINES lines of body text, each of about FULL_CHARS
# characters across the page or COLUMN_CHARS in half of it (a wide font's). The messages go in
# two columns in the room the rest of the page leaves (its words are longer in Welsh): each one
# with its text, or with what to do, or by its title alone, the first of these that fits; a
# notebook too long even for its titles shows each topic's first few and how many more. Measured
# by printing pages of every size to PDF, in English and Welsh (the wide font: DejaVu Sans).
PAGE_LINES = 57
FULL_CHARS = 96
COLUMN_CHARS = 46
CARD_CHARS = 42  # inside one of the two cards side by side
TOPIC_LINES = 1.5  # a topic's heading and the gap after it
GAP_LINES = 0.3  # between two messages
DEFAULT_COLOUR = "#444444"
_COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?")
_SEEDS = ("001_", "002_", "004_")  # the articles the page's advice comes from


class TakeHomeError(Exception):
    """The page could not be saved; str() is a plain sentence for the child, naming no path."""


def documents_folder() -> Path:
    """The user's documents folder (platformdirs)."""
    return platformdirs.user_documents_path()


def home_folder() -> Path:
    """Where the game saves the page: the documents folder / "Safety Dash"."""
    return documents_folder() / FOLDER_NAME


def place_words(folder: Path) -> str:
    """Where `folder` is, for a child: its parent's name and its own, "Documents > Safety Dash",
    never a whole path."""
    return t("{parent} > {folder}", parent=folder.parent.name or str(folder.parent),
             folder=folder.name)


def take_home_html(bank: Bank, notebook: list[str], nickname: str = "",
                   today: datetime.date | None = None) -> str:
    """The page as one self-contained HTML page."""
    return render("take_home.html.j2", **take_home_context(bank, notebook, nickname, today))


def take_home_context(bank: Bank, notebook: list[str], nickname: str = "",
                      today: datetime.date | None = None) -> dict[str, Any]:
    """The plain values the template shows (dicts, lists and strings)."""
    today = today or datetime.date.today()
    messages = [bank.message_by_id[i] for i in notebook if i in bank.message_by_id]
    words = page_words(bank.branding.title, nickname.strip(), len(messages), short_date(today))
    page = {
        "advice": [
            {"title": t("National Cyber Security Centre"), "url": "www.ncsc.gov.uk",
             "href": NCSC_URL,
             "text": t("Advice for parents and carers on keeping children safe online.")},
            {"title": t("CEOP Safety Centre"), "url": "ceop.police.uk/safety-centre",
             "href": CEOP_URL,
             "text": t("Practical advice for children, young people and parents, and where to "
                       "report a worry that someone is sexually abusing or grooming a child "
                       "online.")},
            {"title": t("NSPCC"), "url": "nspcc.org.uk/keeping-children-safe/online-safety",
             "href": NSPCC_URL,
             "text": t("Advice for parents and carers on online safety.")},
        ],
        "help": [t("{title} ({phone})", title=link.title, phone=link.phone) if link.phone
                 else link.title for link in bank.help_links],
        "sources": [source.publisher for source in bank.sources
                    if source.id.startswith(_SEEDS) and source.publisher] + [t("NSPCC")],
    }
    room = 2 * (PAGE_LINES - _rest_lines(words, page))
    detail, topics = fitted(_topics(bank, messages), words["what_to_do"], room)
    return {"lang": html_language(), "words": words, "detail": detail, "topics": topics, **page}


def page_words(title: str, nickname: str, count: int, date: str) -> dict[str, Any]:
    """The page's own words: headings, the quotes and the advice."""
    heading = t("{name}'s Safety Notebook", name=nickname) if nickname else \
        t("My Safety Notebook")
    return {
        "page_title": t("{heading}: for home", heading=heading),
        "kicker": t("For the grown-ups at home"),
        "heading": heading,
        "intro": t("From {title}, a game about staying safe online: the safety messages your "
                   "child has collected so far. Read them together, then use the questions "
                   "below to keep talking.", title=title),
        "learned": t("What your child has learned"),
        "count": t("Your child has not collected any safety messages yet: each round of the "
                   "game ends with one.") if count == 0 else
        t("1 safety message so far.") if count == 1 else
        t("{count} safety messages so far.", count=count),
        "again": t("Your child can read each one again in the game's Safety Notebook."),
        "what_to_do": t("What to do:"),
        "ask_title": t("Three questions to ask"),
        "ask_intro": t("The Home Secretary, Sajid Javid, said: “Too often we’re afraid to ask our "
                       "kids the questions that really matter for their safety.” He named three:"),
        "questions": [t("Who are they speaking to online?"), t("What forums are they using?"),
                      t("What are they sharing online?")],
        "ask_how": t("Ask in your own words, and often. Make sure your child knows they will "
                     "not be in trouble for telling you."),
        "controls_title": t("Parental controls"),
        "controls_quote": t("“Mums and Dads can and should set parental controls that will "
                            "prevent their children accessing sites with inappropriate sexual "
                            "material.”"),
        "controls_who": t("(North Wales Police and Crime Commissioner)"),
        "controls_how": t("Set them on every phone, tablet and other device your child uses. "
                          "No control catches everything, so keep asking and checking what your "
                          "child does online, as North Wales Police advise."),
        "advice_title": t("Where grown-ups find advice"),
        "help_intro": t("In the game, the Help button shows your child where to get help:"),
        "footer": t("Made with {title} on {date}, on this computer: nothing was sent anywhere.",
                    title=title, date=date),
        "sources_label": t("Sources:"),
    }


def _topics(bank: Bank, messages: list[Message]) -> list[dict[str, Any]]:
    """The messages by topic, in the bank's order of topics (a topic unknown to the bank last)."""
    order = list(dict.fromkeys([topic.id for topic in bank.topics] +
                               [m.topic for m in messages]))
    out = []
    for topic_id in order:
        seen = [m for m in messages if m.topic == topic_id]
        if not seen:
            continue
        topic = bank.topic_by_id.get(topic_id)
        colour = topic.colour if topic and _COLOUR.fullmatch(topic.colour) else DEFAULT_COLOUR
        out.append({
            "title": topic.title if topic else topic_id,
            "colour": colour,
            "messages": [{"title": m.title, "text": m.text, "do": m.do} for m in seen],
        })
    return out


def _rest_lines(words: dict[str, Any], page: dict[str, Any]) -> float:
    """About how many lines of the page everything but the messages takes."""
    def lines(text: str, chars: int = FULL_CHARS) -> int:
        return -(-len(text) // chars)
    head = 5 + lines(words["heading"], FULL_CHARS // 3) * 2 + lines(words["intro"])
    learned = 2 + lines(f"{words['count']} {words['again']}")
    ask = 2 + lines(words["ask_intro"], CARD_CHARS) + lines(words["ask_how"], CARD_CHARS) + \
        sum(1.2 * lines(q, CARD_CHARS * 3 // 4) for q in words["questions"])
    controls = 2 + lines(f"{words['controls_quote']} {words['controls_who']}", CARD_CHARS) + \
        lines(words["controls_how"], CARD_CHARS)
    advice = 2 + sum(lines(f"{a['title']} · {a['url']} · {a['text']}") for a in page["advice"]) \
        + lines(f"{words['help_intro']} {' · '.join(page['help'])}")
    footer = 1 + 0.85 * lines(f"{words['footer']} {words['sources_label']} "
                              f"{'; '.join(page['sources'])}", FULL_CHARS * 7 // 6)
    return head + learned + 1 + max(ask, controls) + advice + footer


def fitted(topics: list[dict[str, Any]], what_to_do: str, room: float
           ) -> tuple[str, list[dict[str, Any]]]:
    """How much of each message the page shows ("whole", "do" or "titles") and the topics it
    shows them in, for `room` lines of a column: every message, unless even their titles would
    not fit (then each topic keeps as many of its first titles as fit, and an "and 3 more")."""
    for detail in ("whole", "do"):
        if _lines_of(topics, detail, what_to_do) <= room:
            return detail, topics
    most = max((len(topic["messages"]) for topic in topics), default=0)
    for keep in range(most, 0, -1):
        cut = [_first(topic, keep) for topic in topics]
        if _lines_of(cut, "titles", what_to_do) <= room:
            return "titles", cut
    return "titles", [_first(topic, 0) for topic in topics]


def _first(topic: dict[str, Any], keep: int) -> dict[str, Any]:
    """`topic` with its first `keep` messages and how many more it has (all of them when one
    more would take the place of "and 1 more")."""
    more = len(topic["messages"]) - keep
    if more <= 1:
        return topic
    return {**topic, "messages": topic["messages"][:keep] +
            [{"title": t("and {n} more", n=more), "text": "", "do": ""}]}


def _lines_of(topics: list[dict[str, Any]], detail: str, what_to_do: str) -> float:
    """About how many column lines the topics take with `detail`."""
    total = 0.0
    for topic in topics:
        total += TOPIC_LINES + _lines(topic["title"]) - 1
        messages = topic["messages"]
        if detail == "titles":
            total += _lines(" · ".join(m["title"] for m in messages))
            continue
        for m in messages:
            more = m["text"] if detail == "whole" else f"{what_to_do} {m['do']}"
            total += _lines(m["title"]) + _lines(more) + GAP_LINES
    return total


def _lines(text: str) -> int:
    return -(-len(text) // COLUMN_CHARS)


def write_page(html: str, path: Path) -> None:
    """Write `html` to `path` whole or not at all: a page saved earlier stays as it was if this
    one cannot be written. Raises OSError."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".take-home-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="replace", newline="\n") as out:
            out.write(html)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def save_for_home(bank: Bank, notebook: list[str], nickname: str = "",
                  folder: Path | None = None) -> Path:
    """Save the page in `folder` (home_folder() when None; made if missing) and return its path.
    Raises TakeHomeError, in plain words for a child, if it cannot be saved."""
    folder = folder if folder is not None else home_folder()
    html = take_home_html(bank, notebook, nickname)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / FILE_NAME
        write_page(html, path)
    except OSError as exc:
        raise TakeHomeError(t(
            "The page for your grown-up could not be saved in {place} ({reason}). Your Safety "
            "Notebook is safe, and you can keep playing.", place=place_words(folder),
            reason=why_not_saved(exc))) from exc
    return path


def open_in_browser(path: Path) -> threading.Thread:
    """Open the saved page in the web browser, where the computer has one, without waiting for
    it (a browser in the terminal would hold the game up); the thread that asks."""
    def ask() -> None:
        with contextlib.suppress(Exception):  # no browser here: the page is saved all the same
            webbrowser.open(path.resolve().as_uri())
    thread = threading.Thread(target=ask, name="safety-dash-take-home", daemon=True)
    thread.start()
    return thread
