"""The checks of a Chat Check scenario beyond its fields: the story (game.rules.chat's path
walker: a next step that does not exist, a step no path reaches, a path that never ends...), how
many decisions and signs every path has, and the tone rules (nothing graphic; nothing sexual in
a chat for ages 7-9; for 13-15 a request only as "a picture of you" or "a photo without your top
on", never more explicit). Each problem at the line and column of the step it is about.

Run while a chat is read (game.content.chat_items), so the game and the validator leave out the
same chats. No pygame here. The editor's guide (content/README.md, "Writing a chat") lists the
same words.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from game.content.located import Located
from game.content.reader import Reader
from game.rules.chat import Chat, Choice, decisions, graph_problems, safe_paths, signs

MIN_DECISIONS = 2  # on every path of a shipped scenario
MIN_SIGNS = 3

_HINTS = {
    "unknown-next": "use the id of a step in this chat (check its spelling), or add the step",
    "unreachable-step": "point a 'next' (or a safe option's 'next') at this step, or delete it",
    "never-ends": "every way through the chat must reach a step 'end: <message id>', without "
                  "going back to a step it has passed",
    "no-safe-option": "give at least one option 'safe: true' and a 'next' step",
    "unsafe-option-leads-on": "delete the 'next' of an unsafe option: Scout says its 'why' and "
                              "the child chooses again",
    "option-count": "give the choice 2 to 4 options, each starting with '- do: ...'",
}

# The tone rules' words (matched as whole words, in any case), in English and Welsh (with the
# mutated forms a Welsh sentence uses: "dy ladd di", "heb ei thop").
GRAPHIC = ("blood", "bloody", "kill", "kills", "killed", "killing", "murder", "murdered", "rape",
           "raped", "stab", "stabbed", "suicide", "torture", "gore", "beat you up")
EXPLICIT = ("sex", "sexy", "sexual", "sexually", "nude", "nudes", "naked", "porn", "topless",
            "undress", "undressed", "underwear", "bra", "knickers", "boobs", "breasts", "penis",
            "vagina", "genitals", "clothes off", "no clothes")
SUGGESTIVE = ("without your top", "top off", "shirt off", "bikini", "swimsuit")
GRAPHIC_CY = ("gwaed", "waed", "gwaedlyd", "lladd", "ladd", "llofruddio", "treisio", "dreisio",
              "trywanu", "drywanu", "hunanladdiad")
EXPLICIT_CY = ("noeth", "noethlymun", "rhywiol", "porn", "bronnau", "fronnau", "dillad isaf",
               "pidyn", "bidyn", "fagina")
SUGGESTIVE_CY = ("heb dy dop", "heb ei thop", "heb ei dop", "heb dy grys", "top i ffwrdd",
                 "bicini", "gwisg nofio", "wisg nofio")
# who says a text: the contact's messages and the child's replies are the chat itself; the
# game's notes, whys and the class's prompts are the game talking about it
_IN_THE_CHAT = ("says", "say")


def _words(words: tuple[str, ...]) -> re.Pattern[str]:
    """Any of `words` as whole words, in lower-case text."""
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
                      + r")\b")


@dataclass(frozen=True)
class _Lists:
    """One language's words, compiled; `triggers` are their first words: a text with none of
    them is passed over by a set lookup."""

    graphic: re.Pattern[str]
    explicit: re.Pattern[str]
    suggestive: re.Pattern[str]
    triggers: frozenset[str]


def _lists(graphic: tuple[str, ...], explicit: tuple[str, ...],
           suggestive: tuple[str, ...]) -> _Lists:
    return _Lists(_words(graphic), _words(explicit), _words(suggestive),
                  frozenset(w.split()[0] for w in graphic + explicit + suggestive))


_LISTS = {"en": _lists(GRAPHIC, EXPLICIT, SUGGESTIVE),
          "cy": _lists(GRAPHIC_CY, EXPLICIT_CY, SUGGESTIVE_CY)}
_APART = str.maketrans({c: " " for c in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~"
                                        "\u2018\u2019\u201c\u201d\u2026"})


def step_id(entry: Located) -> str:
    """The id a step is written with ("" if it has none)."""
    found = entry.fields().get("id")
    return " ".join(str(found.value).split()) if found is not None else ""


def check(r: Reader, chat: Chat, at: Located) -> None:
    """Report the problems of `chat`, written at `at`, through `r`."""
    story = _story(r, chat, at)
    if not story:
        _paths(r, chat, at)
    tone(r, chat.ages, at)


def _story(r: Reader, chat: Chat, at: Located) -> bool:
    """Report the walker's problems at their steps; whether there were any."""
    found = graph_problems(chat)
    steps = at.field("steps")
    entries = {}
    for entry in at.entries("steps"):
        entries.setdefault(step_id(entry), entry)
    options: dict[tuple[str, str], list[Located]] = {}
    for step in chat.steps:
        if isinstance(step, Choice):
            written = entries[step.id].entries("choose")
            options[(step.id, "unknown-next")] = [
                loc.field("next") for o, loc in zip(step.options, written)
                if o.safe and not (o.next and chat.has(o.next))]
            options[(step.id, "unsafe-option-leads-on")] = [
                loc.field("next") for o, loc in zip(step.options, written) if not o.safe and o.next]
    for sid, code, message in found:
        entry = entries.get(sid, steps)
        where = options.get((sid, code))
        if where:
            loc = where.pop(0)
        elif code in ("option-count", "no-safe-option"):
            loc = entry.field("choose")
        elif code == "unknown-next":
            loc = entry.field("next")
        else:
            loc = entry
        r.error(loc, code, f"chat '{chat.id}': {message}", _HINTS[code])
    return bool(found)


def _paths(r: Reader, chat: Chat, at: Located) -> None:
    """A warning if some way through the chat has too few decisions or too few signs."""
    paths = safe_paths(chat)
    for count, least, code, what, hint in (
            (decisions, MIN_DECISIONS, "too-few-decisions", "decision",
             "add a 'choose' step on that path, or send a safe option on to a later choice"),
            (signs, MIN_SIGNS, "too-few-signs", "warning sign",
             "give more of the contact's messages on that path a 'sign' and a 'why'")):
        n, path = min((count(chat, p), p) for p in paths)
        if n < least:
            r.warn(at.field("id"), code,
                   f"chat '{chat.id}': a way through it has {n} {what}{'' if n == 1 else 's'} "
                   f"({' > '.join(path)}); a shipped chat has at least {least} on every path",
                   hint)


def tone(r: Reader, ages: tuple[str, ...], at: Located, lang: str = "en") -> None:
    """The tone rules on every text of the chat written at `at` in `lang`, for its youngest
    band (a language with no word lists here is not checked)."""
    lists = _LISTS.get(lang)
    if lists is None:
        return
    youngest = ages[0] if len(ages) == 1 else min(ages, key=lambda b: int(b.split("-")[0]))
    for name, text, loc in chat_texts(at):
        text = text.lower()
        if lists.triggers.isdisjoint(text.translate(_APART).split()):
            continue  # most texts
        found = lists.graphic.search(text)
        if found:
            r.error(loc, "graphic-words", f"'{found.group(0)}' is too graphic for a chat (the "
                                          "tone rules)", "say what happens in plain, calm words "
                                                         "without violence; see 'Writing a "
                                                         "chat' in content/README.md")
        found = _sexual(lists, youngest, name, text)
        if found:
            r.error(loc, "sexual-words", found, "for 13-15 a request is only 'a picture of you' "
                                                "or 'a photo without your top on'; for 7-12 "
                                                "just 'a picture of you'; see 'Writing a chat' in "
                                                "content/README.md")


def _sexual(lists: _Lists, band: str, name: str, text: str) -> str:
    """What is wrong with `text` (the field `name` of a chat for `band`) by the tone rules for
    sexual words; "" if nothing. For 7-9 no text of the chat may have one; for older bands the
    rule is on the chat itself (the contact's messages and the child's replies): the notes,
    whys and prompts may name what happened as the bank's messages do."""
    young = band == "7-9"
    if not (young or name in _IN_THE_CHAT):
        return ""
    found = lists.explicit.search(text)
    if found:
        who = "a chat for ages 7-9" if young else "a message or reply in a chat"
        return f"'{found.group(0)}' is too explicit for {who} (the tone rules)"
    found = lists.suggestive.search(text) if band != "13-15" else None
    if found:
        return f"'{found.group(0)}' is for a chat for ages 13-15 only, not {band} (the tone rules)"
    return ""


def chat_texts(at: Located) -> Iterator[tuple[str, str, Located]]:
    """(field, text, where) for every text of a chat as written at `at` (an English scenario or
    its translation): the contact's name, each message's and note's words, each sign's and
    option's why, each option's say, each discussion prompt. The field names are the YAML's:
    "name", "says", "note", "why", "say", "discuss"."""
    def text(loc: Located) -> str:
        return " ".join(str(loc.value).split()) if isinstance(loc.value, (str, int, float)) \
            and not isinstance(loc.value, bool) else ""

    def fields(loc: Located, names: tuple[str, ...]) -> Iterator[tuple[str, str, Located]]:
        for name in names:
            found = loc.fields().get(name)
            value = text(found) if found is not None else ""
            if value:
                yield name, value, found

    contact = at.fields().get("contact")
    if contact is not None:
        yield from fields(contact, ("name",))
    for step in at.entries("steps"):
        yield from fields(step, ("says", "note", "why"))
        for option in step.entries("choose"):
            yield from fields(option, ("say", "why"))
    for entry in at.entries("discuss"):
        value = text(entry)
        if value:
            yield "discuss", value, entry
