"""One parser per kind of bank item: located YAML in, a frozen record (or None) out."""
from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from typing import Any

from game.content.chat_items import chat
from game.content.colours import MIN_CONTRAST, NAVY, RGB, WHITE, contrast, rgb
from game.content.located import Located
from game.content.model import (
    LESSON_ROUNDS, LESSON_STYLES, Answer, Branding, Colours, HelpLink, Lesson, Message, Question,
    Rank, Source, Topic,
)
from game.content.reader import Reader, kind_of

_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
# as the help schema has them (content/schema/help.schema.json)
_URL = re.compile(r"^https://[^\s/?#]+\.[^\s/?#]+(/\S*)?$")
_PHONE = re.compile(r"^[+(]?[0-9][0-9 ()-]*$")


def topic(r: Reader, item: Located) -> Topic | None:
    f = r.fields(item, {"id": True, "title": True, "colour": False}, "topic")
    if f is None:
        return None
    tid, title = r.ident(f, "id"), r.text(f, "title")
    colour = _readable(r, f, "colour", "#1f5ec4", WHITE, "the white topic title on it") \
        if "colour" in f else "#1f5ec4"
    return Topic(tid, title, colour) if tid and title else None


def help_link(r: Reader, item: Located) -> HelpLink | None:
    f = r.fields(item, {"id": True, "title": True, "text": True, "url": False, "phone": False},
                 "help link")
    if f is None:
        return None
    hid, title, text = r.ident(f, "id"), r.text(f, "title"), r.text(f, "text")
    url, phone = r.text(f, "url", ""), r.text(f, "phone", "")
    if url and not url.startswith("https://"):
        r.error(f["url"], "not-https", "help links must start with https://",
                "use the https:// address of the site; check it opens in a browser")
        return None
    if url and not _URL.match(url):
        r.error(f["url"], "bad-url", f"'{url}' does not look like a web address",
                "copy the address from the browser's address bar, like "
                "https://www.childline.org.uk")
        return None
    if phone and not _PHONE.match(phone):
        r.error(f["phone"], "bad-phone", f"'{phone}' does not look like a phone number",
                "write only the number, in quotes, like phone: \"0800 1111\"")
        return None
    if None in (hid, title, text, url, phone):
        return None
    return HelpLink(hid, title, text, url, phone)  # type: ignore[arg-type]


def source(r: Reader, item: Located) -> Source | None:
    f = r.fields(item, {"id": True, "publisher": True, "title": True}, "source")
    if f is None:
        return None
    values = (r.ident(f, "id"), r.text(f, "publisher"), r.text(f, "title"))
    return None if None in values else Source(*values)  # type: ignore[arg-type]


def rank(r: Reader, item: Located) -> Rank | None:
    f = r.fields(item, {"id": True, "title": True, "points": True, "badge": False}, "rank")
    if f is None:
        return None
    rid, title, badge = r.ident(f, "id"), r.text(f, "title"), r.text(f, "badge", "")
    points = f["points"].value
    if isinstance(points, bool) or not isinstance(points, int) or points < 0:
        r.error(f["points"], "wrong-type", "'points' must be a whole number, 0 or more",
                "write the number without quotes, like points: 500")
        return None
    return Rank(rid, title, points, badge or "") if rid and title and badge is not None else None


def message(r: Reader, item: Located) -> Message | None:
    spec = {"id": True, "topic": True, "ages": True, "title": True, "text": True, "do": True,
            "help": True, "source": True, "discuss": False}
    f = r.fields(item, spec, "message")
    if f is None:
        return None
    values = (r.ident(f, "id"), r.ident(f, "topic"), r.ages(f), r.text(f, "title"),
              r.text(f, "text"), r.text(f, "do"), r.ident(f, "help"), r.text(f, "source"),
              r.text_list(f, "discuss"))
    if any(v is None for v in values):
        return None
    return Message(*values)  # type: ignore[arg-type]


def question(r: Reader, item: Located) -> Question | None:
    spec = {"id": True, "topic": True, "ages": True, "text": True, "answers": True,
            "source": True, "message": False}
    f = r.fields(item, spec, "question")
    if f is None:
        return None
    qid, topic_id, ages = r.ident(f, "id"), r.ident(f, "topic"), r.ages(f)
    text, source_id = r.text(f, "text"), r.text(f, "source")
    message_id = r.ident(f, "message") if "message" in f else ""
    answers = _answers(r, f["answers"])
    if None in (qid, topic_id, ages, text, source_id, message_id, answers):
        return None
    return Question(qid, topic_id, ages, text, answers, source_id, message_id)  # type: ignore[arg-type]


def _answers(r: Reader, loc: Located) -> tuple[Answer, ...] | None:
    if not isinstance(loc.value, list) or not 2 <= len(loc.value) <= 3:
        r.error(loc, "answers-count", "'answers' must be a list of 2 or 3 answers",
                "a gate has 2 or 3 openings: give each answer its own '- text: ...' line")
        return None
    answers: list[Answer] = []
    for entry in loc.value:
        f = r.fields(entry, {"text": True, "safe": False, "explain": False}, "answer")
        if f is None:
            return None
        text = r.text(f, "text")
        safe_loc = f.get("safe")
        safe = bool(safe_loc.value) if safe_loc else False
        if safe_loc and not isinstance(safe_loc.value, bool):
            r.error(safe_loc, "wrong-type", "'safe' must be true or false",
                    "write safe: true on the one safe answer and leave it off the others")
            return None
        explain = r.text(f, "explain", "")
        if text is None or explain is None:
            return None
        answers.append(Answer(text, safe, explain))
    safe_count = sum(a.safe for a in answers)
    if safe_count != 1:
        r.error(loc, "safe-answer-count",
                f"a question needs exactly one answer with 'safe: true' (found {safe_count})",
                "mark the one safe answer with 'safe: true'")
        return None
    for answer, entry in zip(answers, loc.value):
        if not answer.safe and not answer.explain:
            r.error(entry, "missing-explain",
                    "a wrong answer needs an 'explain' line saying why it is not safe",
                    "add 'explain: ...' under this answer: one kind line a child will read")
            return None
    return tuple(answers)


def lesson(r: Reader, item: Located) -> Lesson | None:
    spec = {"id": True, "title": True, "about": True, "topics": True, "ages": True,
            "rounds": False, "style": False}
    f = r.fields(item, spec, "lesson")
    if f is None:
        return None
    values = (r.ident(f, "id"), r.text(f, "title"), r.text(f, "about"), _topic_ids(r, f["topics"]),
              r.ages(f), _rounds(r, f), _style(r, f))
    if any(v is None for v in values):
        return None
    return Lesson(*values)  # type: ignore[arg-type]


def _topic_ids(r: Reader, loc: Located) -> tuple[str, ...] | None:
    if not isinstance(loc.value, list) or not loc.value:
        what = "lists no topic" if isinstance(loc.value, list) else \
            f"must be a list of topic ids, not {kind_of(loc.value)}"
        r.error(loc, "wrong-type", f"'topics' {what}", "write the topic ids in square "
                                                       "brackets, like topics: [pictures, the-law]")
        return None
    ids: list[str] = []
    for entry in loc.value:
        tid = r.ident({"topics": entry}, "topics")
        if tid is None:
            return None
        if tid not in ids:
            ids.append(tid)
    return tuple(ids)


def _rounds(r: Reader, f: dict[str, Located]) -> int | None:
    loc = f.get("rounds")
    if loc is None:
        return Lesson.rounds
    value = loc.value
    if isinstance(value, bool) or not isinstance(value, int):
        low, high = LESSON_ROUNDS
        r.error(loc, "wrong-type", f"'rounds' must be a whole number from {low} to {high}, not "
                                   f"{kind_of(value)}",
                "write the number without quotes, like rounds: 4")
        return None
    wrong = rounds_problem(value)
    if wrong:
        r.error(loc, "bad-rounds", *wrong)
        return None
    return value


def rounds_problem(value: int) -> tuple[str, str] | None:
    """(message, hint) if a lesson cannot have `value` rounds."""
    low, high = LESSON_ROUNDS
    if low <= value <= high:
        return None
    return f"a lesson has {low} to {high} rounds, not {value}", \
        f"write a whole number from {low} to {high}, like rounds: 4"


def _style(r: Reader, f: dict[str, Located]) -> str | None:
    if "style" not in f:
        return Lesson.style
    style = r.text(f, "style")
    wrong = style_problem(style) if style is not None else None
    if wrong:
        r.error(f["style"], "bad-style", *wrong)
        return None
    return style


def style_problem(style: str) -> tuple[str, str] | None:
    """(message, hint) if `style` is not a way to play a lesson."""
    if style in LESSON_STYLES:
        return None
    ways = " or ".join(f"'{name}' ({how})" for name, how in LESSON_STYLES.items())
    close = difflib.get_close_matches(style.lower(), list(LESSON_STYLES), n=1)
    hint = f"did you mean '{close[0]}'? write style: {close[0]}" if close else \
        "write style: " + " or style: ".join(LESSON_STYLES)
    return f"'style' must be {ways}, not '{style}'", hint


def branding(r: Reader, item: Located) -> Branding | None:
    spec = {"title": False, "tagline": False, "mascot": False, "organisation": False,
            "colours": False, "local_help": False}
    f = r.fields(item, spec, "branding")
    if f is None:
        return None
    default = Branding()
    values = {name: r.text(f, name, getattr(default, name)) for name in ("title", "tagline", "mascot")}
    unnamed = f.get("organisation") is None or f["organisation"].value in ("", None)
    values["organisation"] = "" if unnamed else r.text(f, "organisation")  # "": no "Brought to you by"
    if None in values.values():
        return None
    colours = default.colours
    if "colours" in f:
        c = r.fields(f["colours"], {"primary": False, "accent": False}, "colours")
        if c is None:
            return None
        colours = Colours(_readable(r, c, "primary", colours.primary, WHITE, "white button text"),
                          _readable(r, c, "accent", colours.accent, NAVY, "the navy banners"))
    local: list[HelpLink] = []
    if "local_help" in f:
        entries = f["local_help"]
        if not isinstance(entries.value, list):
            r.error(entries, "wrong-type", "'local_help' must be a list of help links",
                    "start each help link with '- id: ...'")
            return None
        local = [link for entry in entries.value if (link := help_link(r, entry)) is not None]
    return Branding(colours=colours, local_help=tuple(local), **values)  # type: ignore[arg-type]


def _readable(r: Reader, f: dict[str, Located], name: str, default: str, against: RGB,
              what: str) -> str:
    """A branding colour, or the default if text would be hard to read with it."""
    colour = _colour(r, f, name, default)
    ratio = contrast(rgb(colour), against)
    if ratio < MIN_CONTRAST:
        r.warn(f[name], "low-contrast", f"'{name}' {colour} against {what} has a contrast of "
                                        f"{ratio:.1f}:1, below {MIN_CONTRAST}:1; the game uses "
                                        f"{default} instead",
               "pick a darker primary or a lighter accent (check with a WCAG contrast checker)")
        return default
    return colour


def _colour(r: Reader, f: dict[str, Located], name: str, default: str) -> str:
    colour = r.text(f, name, default) or default
    if not _HEX_COLOUR.match(colour):
        r.warn(f[name], "bad-colour", f"'{name}' should look like \"#2f80ed\", not '{colour}'; "
                                      f"using {default}",
               "write the colour as # and six hex digits, in quotes")
        return default
    return colour


# a file's kind, which is also its top-level key -> (the parser of one item, whether the key
# holds a list of items rather than one)
Parser = Callable[[Reader, Located], Any]
KINDS: dict[str, tuple[Parser, bool]] = {
    "sources": (source, True),
    "topics": (topic, True),
    "help": (help_link, True),
    "ranks": (rank, True),
    "messages": (message, True),
    "questions": (question, True),
    "lessons": (lesson, True),
    "chats": (chat, True),
    "branding": (branding, False),
}
