"""The teacher's lesson pack: every topic's messages, questions, prompts and sources as HTML.

`lesson_html` turns the bank into a plain context (dicts, lists and strings) and renders
templates/lesson.html.j2 with it; the template never sees the dataclasses, and has no words of
its own: they go through `game.i18n.t()`, so the pack is in the language of the game's words
(and the bank's items in the bank's language).
"""
from __future__ import annotations

import datetime
import re
from typing import Any

from game.content.model import AGE_BANDS, Bank, HelpLink, Message, Question
from game.i18n import t
from game.reports.render import html_language, render, short_date

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
    topics = _topics(bank, messages, questions, show_ages=age is None)
    return {
        "lang": html_language(),
        "words": pack_words(title, age),
        "title": title,
        "organisation": bank.branding.organisation,
        "age": age,
        "date": short_date(today),
        "topics": [{**topic, "kicker": t("Topic {n} of {total}", n=topic["number"],
                                          total=len(topics))} for topic in topics],
        "help": [_help(link) for link in bank.help_links],
    }


def pack_words(title: str, age: str | None) -> dict[str, Any]:
    """The pack's own words: headings, labels and the note for the teacher."""
    ages = t("Ages {bands}", bands=_band(age)) if age else t("All ages")
    bands = ", ".join(_band(b) for b in AGE_BANDS)
    return {
        "page_title": t("{title}: lesson pack ({ages})", title=title, ages=ages),
        "kicker": t("Lesson pack for teachers"),
        "heading": t("{title}: staying safe online", title=title),
        "age_band": t("Age band:"),
        "ages": ages if age else t("All ages ({bands})", bands=bands),
        "made_on": t("Made on:"),
        "from": t("From:"),
        "note_title": t("A note for the teacher"),
        "note": t("This pack holds every safety message and question in the game for ages "
                  "{band}, topic by topic, so you can prepare the talk that goes with it. A "
                  "lesson takes 20 to 40 minutes.", band=_band(age)) if age else
        t("This pack holds every safety message and question in the game, topic by topic, so "
          "you can prepare the talk that goes with it. A lesson takes 20 to 40 minutes."),
        "steps": [
            (t("Play a round."), t("Show {title} on the class screen: teams can take turns, "
                                   "and each round lasts about a minute.", title=title)),
            (t("Talk it through."), t("After the round the game shows a safety message. Find "
                                      "it in this pack and go through its “Talk about it” "
                                      "prompts with the class.")),
            (t("Check the questions."), t("Ask the class what they chose at each gate. The "
                                          "safe answer is marked ✓; the other answers come "
                                          "with a line on why they are not safe.")),
        ],
        "how_label": t("How to talk about it:"),
        "how": t("Never blame the child. Telling an adult never gets you in trouble: say it "
                 "every time. Keep it calm, with no graphic detail and no scare stories, and "
                 "always end on a clear next step. If a child tells you something that worries "
                 "you, follow your school’s safeguarding procedure."),
        "contents": t("Contents"),
        "then": t("Then, a page to share with the class:"),
        "empty": t("There are no messages or questions for ages {band} in this content bank.",
                   band=_band(age)) if age else
        t("There are no messages or questions in this content bank."),
        "help_title": t("Where to get help"),
        "help_intro": t("Share this page with the class. In the game, pressing H on any screen "
                        "shows the same list."),
        "phone": t("phone"),
        "safety_messages": t("Safety messages"),
        "what_to_do": t("What to do:"),
        "where_help": t("Where to get help:"),
        "talk": t("Talk about it:"),
        "questions": t("Questions in the game"),
        "safe_answer": t("safe answer"),
        "why_not": t("Why not:"),
        "goes_with": t("Goes with the message"),
        "sources": t("Sources for this topic"),
        "unlisted": t("An article not listed in the sources file"),
    }


def _count(messages: int, questions: int) -> str:
    """'2 messages, 3 questions' in the language in use."""
    said = t("1 message") if messages == 1 else t("{n} messages", n=messages)
    asked = t("1 question") if questions == 1 else t("{n} questions", n=questions)
    return t("{messages}, {questions}", messages=said, questions=asked)


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
            "count": _count(len(topic_messages), len(topic_questions)),
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
        "source": t("Source {n} (see the end of this topic)", n=source_no),
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
        "source": t("Source {n}.", n=source_no),
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
        "phone_line": t("Phone {phone}.", phone=link.phone) if link.phone else "",
        "url": url,
        "href": url if url.lower().startswith("https://") else "",
    }


def _band(band: str) -> str:
    return band.replace("-", "\u2013")


def _ages(bands: tuple[str, ...]) -> str:
    ordered = [b for b in AGE_BANDS if b in bands] + [b for b in bands if b not in AGE_BANDS]
    return t("Ages {bands}", bands=", ".join(_band(b) for b in ordered))
