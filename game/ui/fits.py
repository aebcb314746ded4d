"""The validator's text-fit check: every text of the bank fits its box on screen at the largest
text size, measured with the game's own fonts and the very layout functions the screens draw
with (game.ui.layout). Needs pygame's font module, not a window.
"""
from __future__ import annotations

import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")

from collections import Counter, defaultdict  # noqa: E402
from collections.abc import Callable  # noqa: E402
from dataclasses import replace  # noqa: E402
from typing import Any  # noqa: E402

from game import i18n  # noqa: E402
from game.content import validation_cache  # noqa: E402
from game.content.located import Located  # noqa: E402
from game.content.model import Bank, Message, Problem  # noqa: E402
from game.ui.layout.base import Box, Fitted, MAX_SCALE, button_label_box, heading_size
from game.ui.layout.card import (
    MAX_PAGES, MESSAGE_BODY, MESSAGE_DO, MESSAGE_TITLE, message_card, message_card_room,
    message_page_count,
)
from game.ui.layout.help import MAX_LINKS, help_cards
from game.ui.layout.notebook import (
    NOTEBOOK_ENTRY, NOTEBOOK_TOPIC, NOTEBOOK_TOPICS, TOPIC_HEADING_SIZE, TOPIC_HEADING_W,
    notebook_topic_label,
)
from game.ui.layout.round import (
    NORMAL_ROUND, RoundLayout, feedback_words, round_layout, strictest_round_layout,
)


def _init_fonts() -> None:
    import pygame
    if not pygame.font.get_init():
        pygame.font.init()


_Miss = tuple[str, str, Box | None, float, str]  # what, where, the box, text size, the words


class FitReport:
    """Collects, per place in a file, the boxes a text does not fit, so a text too long for two
    boxes is one problem naming both."""

    def __init__(self) -> None:
        # place in a file -> (what, where, box, scale, words) for each box the text misses
        self.failed: dict[tuple[str, int, int], list[_Miss]] = defaultdict(list)
        self.other: list[Problem] = []

    def check(self, fitted: Fitted | bool, path: str, at: Located, what: str, where: str,
              words: str = "", box: Box | None = None, scale: float = 1.0) -> None:
        fits = fitted if isinstance(fitted, bool) else fitted.fits
        if not fits:
            self._add((path, at.line, at.col), (what, where, box, scale, words))

    def note(self, path: str, at: Located, message: str, severity: str, code: str,
             hint: str) -> None:
        self.other.append(Problem(path, at.line, at.col, message, severity, code, hint))

    def _add(self, place: tuple[str, int, int], miss: _Miss) -> None:
        places = self.failed[place]
        if all(m[1] != miss[1] for m in places):
            places.append(miss)

    def problems(self) -> list[Problem]:
        out = list(self.other)
        for (path, line, col), places in self.failed.items():
            what = places[0][0]
            where = " or ".join(dict.fromkeys(m[1] for m in places))
            words = next((m[4] for m in reversed(places) if m[4]), "")
            boxes = [(m[2], m[3]) for m in places if m[2] is not None]
            hint = _remembered_hint(words, boxes) if words and boxes else \
                "shorten it; use the 'preview' command to see it as a child does"
            out.append(Problem(path, line, col,
                               f"the {what} is too long for {where}, even at the smallest "
                               "letter size: it would be cut short", "error", "text-too-long",
                               hint))
        return out


def _remembered_hint(words: str, boxes: list[tuple[Box, float]]) -> str:
    """_shorten_hint(), remembered from run to run (game.content.validation_cache): a bank
    with many texts too long would otherwise search each one's length again on every run."""
    shapes = [[box.w, box.h, list(box.sizes), box.bold, scale] for box, scale in boxes]
    return validation_cache.remember(("shorten-hint", words, shapes),
                                     lambda: _shorten_hint(words, boxes))


def _shorten_hint(words: str, boxes: list[tuple[Box, float]]) -> str:
    """How many words would fit every box the text is shown in."""
    parts = words.split()
    lo, hi = 0, len(parts)  # the longest prefix that fits all boxes: lo fits, hi does not
    while hi - lo > 1:
        mid = (lo + hi) // 2
        trial = " ".join(parts[:mid]) + "…"
        if all(box.fits(trial, scale) for box, scale in boxes):
            lo = mid
        else:
            hi = mid
    return f"shorten it to about {lo} words (it has {len(parts)}); use the 'preview' command " \
           "to see it as a child does"


def check(bank: Bank, placed: dict[str, list[Any]], scale: float = 1.0) -> FitReport:
    """Every text-fit problem of the bank at text size `scale` (1.0 = 100%): the questions at
    every round layout that decides whether they fit (layout.checked_round_layouts), the
    messages on their card, and the screens showing the whole bank (help and the notebook).
    Each question's, each message's, each chat's and the screens' answers are remembered
    (game.content.validation_cache)."""
    _init_fonts()
    report = FitReport()
    fields = _Fields(placed)
    strictest = strictest_round_layout() if scale == 1.0 else round_layout(scale)
    words = i18n.language()  # the game's own words on the card and banners
    for p in placed.get("questions", []):
        _remembered(report, p, fields, ("fit-question", words, scale, p.item,
                                        len(p.at.entries("answers"))),
                    lambda r, q, _: _question(r, q, strictest))
    room = message_card_room(MAX_SCALE)  # the card at 200%, in these words
    for p in placed.get("messages", []):
        m = p.item
        topic = bank.topic_by_id.get(m.topic)
        link = bank.help_by_id.get(m.help)
        origin = bank.source_by_id.get(m.source)
        _remembered(report, p, fields, ("fit-message", words, scale, m, topic and topic.title,
                                        link, origin and origin.publisher),
                    lambda r, q, f: _message(r, bank, f, q, scale, room))
    shown = Counter(m.topic for m in bank.messages)
    totals = tuple(shown[topic.id] for topic in bank.topics)
    _remembered(report, None, fields, ("fit-screens", words, scale, bank.help_links, bank.topics,
                                       totals),
                lambda r, _, f: _screens(r, bank, f, totals, scale))
    mascot = bank.branding.mascot
    for p in placed.get("chats", []):
        _remembered(report, p, fields, ("fit-chat", words, MAX_SCALE, p.item, mascot),
                    lambda r, q, _: _chat(r, q, mascot))
    return report


def _chat(report: FitReport, p: Any, mascot: str) -> None:
    """A Chat Check scenario on its screens at the largest text size (game.ui.layout.chat): an
    error at the step (or its option) for each text a child would not see whole."""
    from game.ui.layout.base import corner
    from game.ui.layout.chat import chat_misses
    nook = corner(MAX_SCALE, i18n.t("Help"), (i18n.t("Sound"), i18n.t("Muted")))
    # a chat is read only when each of its steps is, so its steps are its entries, in order
    steps = dict(zip((step.id for step in p.item.steps), p.at.entries("steps")))
    code = "chat-too-long"  # an error: the game leaves the chat out, as the validator refuses it
    for step, field, option, what, where in chat_misses(p.item, mascot, MAX_SCALE, nook):
        at = steps.get(step)
        if at is None:
            continue
        if option >= 0:
            options = at.entries("choose")
            at = options[option] if option < len(options) else at
        report.note(p.path, at.field(field), f"the {what} is too long for {where} at "
                    f"{MAX_SCALE:.0%} text size: a child would not see it whole", "error",
                    code, "shorten it; the 'preview chat' command shows the chat as a child "
                          "sees it")


# --- remembering each item's misses (game.content.validation_cache) -----------------------------
# An item's check is run once against stand-ins for where its fields are written (_At), which
# note each place as a path from the item (or from a topic, help link or source, by id); what it
# found is kept as plain data and laid on the real places each time, so the answer does not
# depend on which line the item is on.

Work = Callable[[Any, Any, Any], None]  # (report, placed item, fields): one item's check


def _remembered(report: FitReport, p: Any, fields: _Fields, inputs: tuple, work: Work) -> None:
    """`work` for the item `p` (None: for screens of the whole bank), its answer remembered by
    `inputs` (all it depends on)."""
    if inputs[1] != i18n.ENGLISH:  # the words of another language are not in the key
        work(report, p, fields)
        return
    found = validation_cache.remember(inputs, lambda: _recorded(p, work))
    for entry in found:
        _replay(report, p, fields, entry)


class _At:
    """A stand-in for where a value is written: the real place, and the path to it."""

    __slots__ = ("real", "path")

    def __init__(self, real: Located | None, path: tuple) -> None:
        self.real, self.path = real, path

    def field(self, name: str) -> _At:
        return _At(self.real and self.real.field(name), self.path + (("f", name),))

    def entries(self, name: str) -> list[_At]:
        found = self.real.entries(name) if self.real is not None else []
        return [_At(e, self.path + (("e", name, i),)) for i, e in enumerate(found)]


class _Stand:
    """The item with _At for its places, and fields that answer every id with a stand-in (so
    the answer holds whichever of them the bank has)."""

    def __init__(self, p: Any) -> None:
        self.path = ""
        self.item, self.at = (p.item, _At(p.at, (("item",),))) if p is not None else (None, None)

    def field(self, kind: str, ident: str, name: str) -> tuple[str, _At]:
        return "", _At(None, (("other", kind, ident, name),))


class _Recorder:
    """Takes a FitReport's calls, keeping each miss and note as plain data."""

    def __init__(self) -> None:
        self.found: list[list] = []

    def check(self, fitted: Fitted | bool, path: str, at: _At, what: str, where: str,
              words: str = "", box: Box | None = None, scale: float = 1.0) -> None:
        fits = fitted if isinstance(fitted, bool) else fitted.fits
        if not fits:
            shape = None if box is None else [box.w, box.h, list(box.sizes), box.bold]
            self.found.append(["miss", at.path, what, where, words, shape, scale])

    def note(self, path: str, at: _At, message: str, severity: str, code: str,
             hint: str) -> None:
        self.found.append(["note", at.path, message, severity, code, hint])


def _recorded(p: Any, work: Work) -> list[list]:
    recorder = _Recorder()
    stand = _Stand(p)
    work(recorder, stand, stand)
    return recorder.found


def _replay(report: FitReport, p: Any, fields: _Fields, entry: list) -> None:
    """One remembered miss or note, at its real place."""
    start, *steps = entry[1]
    if start[0] == "item":
        path, at = p.path, p.at
    else:
        placed = fields.field(*start[1:])
        if placed is None:
            return
        path, at = placed
    for step in steps:
        listed = at.entries(step[1]) if step[0] == "e" else []
        at = listed[step[2]] if step[2:] and step[2] < len(listed) else at.field(step[1])
    if entry[0] == "miss":
        _, _, what, where, words, shape, scale = entry
        box = None if shape is None else Box(shape[0], shape[1], tuple(shape[2]), shape[3])
        report.check(False, path, at, what, where, words, box, scale)
    else:
        report.note(path, at, *entry[2:])


class _Fields:
    """Where a topic's, help link's or source's fields are written, by id."""

    def __init__(self, placed: dict[str, list[Any]]) -> None:
        self.by_id: dict[tuple[str, str], tuple[str, Located]] = {}
        for kind in ("topics", "help", "sources"):
            for p in placed.get(kind, []):
                self.by_id[(kind, p.item.id)] = (p.path, p.at)
        for p in placed.get("branding", []):
            for link, loc in zip(p.item.local_help, p.at.entries("local_help")):
                self.by_id[("help", link.id)] = (p.path, loc)

    def field(self, kind: str, ident: str, name: str) -> tuple[str, Located] | None:
        found = self.by_id.get((kind, ident))
        if found is None:
            return None
        path, at = found
        return path, at.field(name)


def _question(report: FitReport, p: Any, geo: RoundLayout) -> None:
    """The question on its banner, each answer on its chip and the feedback banners, in the
    boxes of the round's layout `geo`; each answer on its gate's sign at 100% and in `geo`
    (game.ui.layout.round)."""
    q = p.item
    n = len(q.answers)
    answer_at = [(e.field("text"), e.field("explain")) for e in p.at.entries("answers")]
    if len(answer_at) != n:
        return
    scale = 1.0  # the layout's boxes are sized for its text size already
    box = geo.question
    report.check(box.fits(q.text, scale), p.path, p.at.field("text"), "question",
                 "the banner above the gate", q.text, box, scale)
    chip_box = geo.chip_label_box(n)
    # a gate's sign carries its answer at 100% (narrower lines than any chip) and, smaller
    # than the chip, above 100% (fewer lines): each is checked
    sign_boxes = {NORMAL_ROUND.sign_label_box(n)}
    if geo.sign_text:
        sign_boxes.add(geo.sign_label_box(n))
    for answer, (text_at, _) in zip(q.answers, answer_at):
        report.check(chip_box.fits(answer.text, scale), p.path, text_at, "answer",
                     "its button on the question banner", answer.text, chip_box, scale)
        for sign_box in sorted(sign_boxes, key=lambda box: box.h):
            report.check(sign_box.fits(answer.text, scale), p.path, text_at, "answer",
                         "its sign on the gate", answer.text, sign_box, scale)
    safe = q.safe_index
    body_box = geo.feedback_body
    # a one-line cheer at 100% can hold a little more than two lines at 200%, or a little less
    head_boxes = {geo.feedback_head, NORMAL_ROUND.feedback_head}
    for i in range(n):
        head, body = feedback_words(q, i, i == safe)
        if i == safe:
            for head_box in head_boxes:
                report.check(head_box.fits(head, scale), p.path, answer_at[safe][0],
                             "safe answer", "the cheer after a right answer", "", None, scale)
            report.check(body_box.fits(body, scale), p.path, answer_at[safe][0], "safe answer",
                         "the line after a right answer", "", None, scale)
        else:
            for head_box in head_boxes:
                report.check(head_box.fits(head, scale), p.path, answer_at[safe][0],
                             "safe answer", "the banner after a wrong answer "
                             "(\"Good try! The safe answer is: ...\")", "", None, scale)
            if q.answers[i].explain:
                report.check(body_box.fits(body, scale), p.path, answer_at[i][1], "explanation",
                             "the banner after a wrong answer", body, body_box, scale)


def _message(report: FitReport, bank: Bank, fields: _Fields, p: Any, scale: float,
             room: tuple[int, int]) -> None:
    m = p.item
    topic = bank.topic_by_id.get(m.topic)
    link = bank.help_by_id.get(m.help)
    origin = bank.source_by_id.get(m.source)
    card = message_card(m, topic.title if topic else m.topic, link,
                               origin.publisher if origin else m.source, scale)
    where = "the message card"
    report.check(card.title, p.path, p.at.field("title"), "title", where, m.title,
                 MESSAGE_TITLE, scale)
    report.check(card.body, p.path, p.at.field("text"), "text", where, m.text,
                 MESSAGE_BODY, scale)
    report.check(card.do, p.path, p.at.field("do"), "'do' line", "the 'What to do' box", m.do,
                 MESSAGE_DO, scale)
    entry = button_label_box(*NOTEBOOK_ENTRY)
    report.check(entry.fits(m.title, scale), p.path, p.at.field("title"), "title",
                 "its button in the Safety Notebook", m.title, entry, scale)
    if card.help is not None and not card.help.fits:
        placed = fields.field("help", link.id, "title")
        if placed:
            report.check(False, placed[0], placed[1], "help link's title and contact",
                         "the help line of a message card")
    if not card.tag_fits and topic:
        placed = fields.field("topics", topic.id, "title")
        if placed:
            report.check(False, placed[0], placed[1], "topic title",
                         "the top bar of a message card")
    if not card.source_fits and origin:
        placed = fields.field("sources", origin.id, "publisher")
        if placed:
            report.check(False, placed[0], placed[1], "publisher", "the foot of a message card")
    _pages(report, p, m, room, (topic.title if topic else m.topic, link,
                                origin.publisher if origin else m.source))
    if card.think_hidden:
        entries = p.at.entries("discuss")
        at = entries[0] if entries else p.at.field("discuss")
        report.note(p.path, at, "the first discussion question does not fit on the message "
                                "card, so the card leaves it out (teachers still see it)",
                    "warning", "prompt-hidden", "shorten the message or this question if "
                                                "children should see it on the card")


def _pages(report: FitReport, p: Any, m: Message, room: tuple[int, int], card: tuple) -> None:
    """A warning for a message whose card takes more than MAX_PAGES pages at the largest
    text size (it is all shown, so not an error: a child at large text turns more pages), the
    card `room` (width, height) big."""
    w, h = room

    def pages(message: Message) -> int:
        return message_page_count(message, *card, MAX_SCALE, h, w)

    count = pages(m)
    if count <= MAX_PAGES:
        return
    words = m.text.split()
    lo, hi = -1, len(words)  # the most words of the text that fit: lo do (-1: none), hi do not
    while hi - lo > 1:
        mid = (lo + hi) // 2
        if pages(replace(m, text=" ".join(words[:max(1, mid)]))) <= MAX_PAGES:
            lo = mid
        else:
            hi = mid
    hint = f"shorten the text to about {lo} words (it has {len(words)})" if lo > 0 else \
        "shorten the title and what to do"
    report.note(p.path, p.at.field("text"),
                f"at {MAX_SCALE:.0%} text size the message card takes {count} pages; a "
                f"child should turn at most {MAX_PAGES}", "warning", "card-too-many-pages",
                f"{hint}; the 'preview' command shows the card at the game's text size")


def _help(report: FitReport, bank: Bank, fields: _Fields, scale: float) -> None:
    links = bank.help_links
    for card in help_cards(links, scale):
        link = card.link
        for name, fitted, what in (("title", card.title, "title"), ("text", card.body, "text")):
            placed = fields.field("help", link.id, name)
            if placed:
                report.check(fitted, placed[0], placed[1], what, "its card on the help screen",
                             getattr(link, name))
        if card.contact is not None:
            placed = fields.field("help", link.id, "url" if link.url else "phone")
            if placed:
                report.check(card.contact, placed[0], placed[1], "phone number and address",
                             "its card on the help screen")
    for link in links[MAX_LINKS:]:
        placed = fields.field("help", link.id, "id")
        if placed:
            report.note(placed[0], placed[1],
                        f"the help screen shows {MAX_LINKS} help links; this one is not "
                        "shown", "warning", "too-many-help-links",
                        "keep the most useful links; put the emergency number last")


def _screens(report: FitReport, bank: Bank, fields: _Fields, totals: tuple[int, ...],
             scale: float) -> None:
    """The help screen, and the Safety Notebook (`totals`: each topic's messages)."""
    _help(report, bank, fields, scale)
    _notebook(report, bank, fields, totals, scale)


def _notebook(report: FitReport, bank: Bank, fields: _Fields, totals: tuple[int, ...],
              scale: float) -> None:
    box = button_label_box(*NOTEBOOK_TOPIC)
    for i, (topic, total) in enumerate(zip(bank.topics, totals)):
        where = fields.field("topics", topic.id, "title")
        if where is None:
            continue
        label = notebook_topic_label(topic.title, total, total)
        report.check(box.fits(label, scale), where[0], where[1], "topic title",
                     "its button in the Safety Notebook")
        _, fits = heading_size(topic.title, TOPIC_HEADING_W,
                                      TOPIC_HEADING_SIZE, scale)
        report.check(fits, where[0], where[1], "topic title", "its page's heading in the Safety "
                                                             "Notebook")
        if i == NOTEBOOK_TOPICS:
            report.note(where[0], where[1],
                        f"the Safety Notebook shows {NOTEBOOK_TOPICS} topics; this one "
                        "and any after it are not shown there", "warning", "too-many-topics",
                        "merge topics, or keep the most important ones first")
