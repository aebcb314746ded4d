"""The teacher's lesson pack: every topic's messages, questions, prompts and sources as HTML.

`lesson_html` turns the bank into a plain context (dicts, lists and strings) and renders
templates/lesson.html.j2 with it; the template never sees the dataclasses.
"""
from __future__ import annotations

import datetime
import re
from typing import Any

from game.content.model import AGE_BANDS, Bank, HelpLink, Message, Question
from game.reports.render import render

DEFAULT_COLOUR = "#444444"
_COLOUR = re.compile(r"#[0-9a-fA-F]{3}(?:[0-9a-fA-F]{3})?")


def lesson_html(bank: Bank, age: str | None, *, title: str = "Safety Dash",
                today: datetime.date | None = None) -> str:
    """The whole pack as one self-contained HTML page; `age` None means every band."""
    return render("lesson.html.j2", **lesson_context(bank, age, title=title, today=today))


def lesson_context(bank: Bank, age: str | None, *, title: str = "Safety Dash",
                   today: datetime.date | None = None) -> dict[str, Any]:
    """The plain values the template shows: title block, topics with their items, help."""
    if age is not None and age not in AGE_BANDS:
        raise ValueError(f"unknown age band {age!r}; choose one of {', '.join(AGE_BANDS)}")
    today = today or datetime.date.today()
    messages = bank.messages_for(age) if age else bank.messages
    questions = bank.questions_for(age) if age else bank.questions
    return {
        "title": title,
        "organisation": bank.branding.organisation,
        "age": age,
        "age_label": f"Ages {_band(age)}" if age else "All ages",
        "bands_label": ", ".join(_band(b) for b in AGE_BANDS),
        "date": f"{today.day} {today:%B %Y}",
        "topics": _topics(bank, messages, questions, show_ages=age is None),
        "help": [_help(link) for link in bank.help_links],
    }


def _topics(bank: Bank, messages: tuple[Message, ...], questions: tuple[Question, ...],
            show_ages: bool) -> list[dict[str, Any]]:
    """Topics in the bank's order (then any unknown topic ids), each with at least one item."""
    order = [t.id for t in bank.topics]
    order += [i.topic for i in (*messages, *questions) if i.topic not in order]
    order = list(dict.fromkeys(order))
    in_pack = {m.id: m for m in messages}
    topics = []
    for topic_id in order:
        topic_messages = [m for m in messages if m.topic == topic_id]
        topic_questions = [q for q in questions if q.topic == topic_id]
        if not topic_messages and not topic_questions:
            continue
        sources = list(dict.fromkeys(i.source for i in (*topic_messages, *topic_questions)))
        number = {s: n for n, s in enumerate(sources, start=1)}
        topic = bank.topic_by_id.get(topic_id)
        colour = topic.colour if topic and _COLOUR.fullmatch(topic.colour) else DEFAULT_COLOUR
        topics.append({
            "number": len(topics) + 1,
            "anchor": f"topic-{topic_id}",
            "title": topic.title if topic else topic_id,
            "colour": colour,
            "messages": [_message(bank, m, number[m.source], show_ages) for m in topic_messages],
            "questions": [_question(q, in_pack, number[q.source], show_ages)
                          for q in topic_questions],
            "sources": [_source(bank, s, n) for s, n in number.items()],
        })
    return topics


def _message(bank: Bank, m: Message, source_no: int, show_ages: bool) -> dict[str, Any]:
    link = bank.help_by_id.get(m.help)
    return {
        "anchor": f"message-{m.id}",
        "title": m.title,
        "text": m.text,
        "do": m.do,
        "help": _help(link) if link else _help(HelpLink(m.help, m.help, "")),
        "discuss": list(m.discuss),
        "ages": _ages(m.ages) if show_ages else "",
        "source_no": source_no,
    }


def _question(q: Question, in_pack: dict[str, Message], source_no: int,
              show_ages: bool) -> dict[str, Any]:
    message = in_pack.get(q.message)
    return {
        "anchor": f"question-{q.id}",
        "text": q.text,
        "answers": [{"text": a.text, "safe": a.safe, "explain": a.explain} for a in q.answers],
        "message": ({"anchor": f"message-{message.id}", "title": message.title}
                    if message else None),
        "ages": _ages(q.ages) if show_ages else "",
        "source_no": source_no,
    }


def _source(bank: Bank, source_id: str, number: int) -> dict[str, Any]:
    source = bank.source_by_id.get(source_id)
    return {
        "number": number,
        "publisher": source.publisher if source else "",
        "title": source.title if source else "",
        "file": source_id,
    }


def _help(link: HelpLink) -> dict[str, str]:
    """A help link; only an https address becomes a clickable link."""
    url = link.url.strip()
    return {
        "title": link.title,
        "text": link.text,
        "phone": link.phone,
        "url": url,
        "href": url if url.lower().startswith("https://") else "",
    }


def _band(band: str) -> str:
    return band.replace("-", "\u2013")


def _ages(bands: tuple[str, ...]) -> str:
    ordered = [b for b in AGE_BANDS if b in bands] + [b for b in bands if b not in AGE_BANDS]
    return "Ages " + ", ".join(_band(b) for b in ordered)
