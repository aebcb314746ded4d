"""The reassurance rule: a text that names a consequence (a picture you can't get back, losing
control of it, it being copied or recorded, a crime or an arrest, bullying or embarrassment)
also says, in the same item, that it is not the child's fault, that they
will not be in trouble for telling, and that help is there.

A child who has already sent a picture or gone live reads these messages after a round; a
consequence on its own tells them it is too late. `find(text, lang)` says which consequence a
text names and which of the three reassurances it lacks; the validator warns about each message
(its title, text and "What to do" read together) and each answer's `explain` line that lacks one
(`check`). English and Welsh; a language with no phrase lists here is not checked.

The phrases are regular expressions compiled once, each tried only on a text that has one of its
trigger words (a set lookup per word): the check runs on every item of a bank of 10,000. No
pygame here. The editor's guide (content/README.md) lists the same phrases.
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from game.content.model import Problem

if TYPE_CHECKING:
    from game.content.checks import Placed

REASSURANCES = ("fault", "trouble", "help")  # in the order an editor is told about them

# what each reassurance is called in a warning, and a sentence that gives it, by language
SAYS = {"fault": "that it is not the child's fault", "trouble": "that they won't be in trouble "
        "for telling", "help": "who can help"}
EXAMPLES = {
    "en": {"fault": "It is not your fault.", "trouble": "You won't be in trouble for telling.",
           "help": "A grown-up you trust can help."},
    "cy": {"fault": "Nid dy fai di yw hyn.", "trouble": "Fyddi di ddim mewn trwbl am ddweud.",
           "help": "Gall oedolyn dibynadwy helpu."},
}
# what each kind of consequence is called in a warning
KINDS = {"gone": "something that can't be got back or taken back",
         "control": "losing control of something",
         "copied": "something being copied, shared, recorded or saved",
         "law": "a crime, the law, arrest or prison",
         "bullying": "bullying or embarrassment"}

_A = "['\u2019]"  # an apostrophe, straight or curly
_NOT_EN = rf"(?:\b(?:not|never|no|cannot|nobody|no-one|neither|nor)\b|n{_A}t\b)"
_NOT_CY = r"\b(?:nid|nad|dim|ddim|na|neb|byth|heb)\b"


@dataclass(frozen=True)
class _Consequence:
    """One way of naming a consequence: the pattern, the words one of which a text must have for
    the pattern to be tried (so most texts are passed over by a set lookup), and what a negation
    in the same clause does."""

    kind: str  # a key of KINDS
    words: str  # the trigger words, lower case, separated by spaces
    pattern: str
    negated: str = "cancels"  # "cancels": "it isn't a crime to tell" names none; "ignored";
    # "needed": only a negated phrase names one (Welsh "yn ôl" is "back", "ddim ... yn ôl" is
    # "can't ... back")


_CONSEQUENCES_EN = (
    _Consequence("gone", "back", rf"\b(?:can{_A}?t|cannot|can not|couldn{_A}t|won{_A}t|will not|"
                 rf"no way to|never)\s+(?:\w+\s+){{0,3}}?(?:get|take|pull|bring|have)\b"
                 r"[^.!?;]{0,25}?\bback\b", "ignored"),
    _Consequence("gone", "undo unsend delete remove",
                 rf"\b(?:can{_A}?t|cannot|can not|no way to)\s+(?:\w+\s+){{0,2}}?"
                 r"(?:undo|unsend|delete|remove)\s+(?:it|that|this|them)\b", "ignored"),
    _Consequence("gone", "forever",
                 r"\b(?:out there|online|on the internet) forever\b|\bforever online\b",
                 "ignored"),
    _Consequence("control", "control",
                 rf"\blos(?:e|es|ing|t)\s+(?:all\s+)?control\b|\bout of your control\b|"
                 rf"\b(?:can{_A}?t|cannot|can not|no way to)\s+(?:\w+\s+){{0,2}}?control\s+"
                 r"(?:where|who|what|how)\b", "ignored"),
    _Consequence("copied", "copied shared recorded saved screenshotted screenshot forwarded "
                           "passed posted spread",
                 r"\b(?:can|could|may|might)\s+(?:\w+\s+){0,2}?(?:be|get)\s+(?:copied|shared|"
                 r"recorded|saved|screenshotted|screenshot|forwarded|passed on|posted|spread)\b",
                 "ignored"),
    _Consequence("copied", "record screenshot copy share save forward pass",
                 r"\b(?:anyone|anybody|someone|somebody|they|people|others|viewers|strangers|"
                 r"watchers|whoever)\b(?:\s+(?:who|that|watching|viewing|else)\b"
                 r"[^.!?;,]{0,30}?)?\s+(?:can|could|may|might|will)\s+(?:easily\s+|still\s+|"
                 r"also\s+)?(?:record|screenshot|(?:copy|share|save|forward|pass)\s+(?:it|them|"
                 r"this|that|your|what|everything|anything|the\s+\w+|a\s+\w+|pictures?|photos?|"
                 r"images?|videos?|you)\b)", "ignored"),
    _Consequence("law", "crime crimes criminal offence offences offense offenses illegal law "
                        "arrest arrests arrested arresting charged prison jail court trouble",
                 r"\b(?:crimes?(?!\s+commissioner)|criminal offen[cs]es?|offen[cs]es?|illegal|"
                 r"against the law|break(?:s|ing)? the law|arrest(?:s|ed|ing)?|charged|prison|"
                 r"jail|court|trouble with the (?:police|law))\b"),
    _Consequence("bullying", "bully bullies bullied bullying cyberbully cyberbullied "
                             "cyberbullying embarrass embarrassed embarrasses embarrassing "
                             "embarrassment humiliate humiliated humiliates humiliating "
                             "humiliation",
                 r"\b(?:(?:cyber)?bull(?:y|ies|ied|ying)|embarrass(?:ed|es|ing|ment)?|"
                 r"humiliat(?:e|ed|es|ing|ion))\b"),
)
_CONSEQUENCES_CY = (
    _Consequence("gone", "ôl", r"\b(?:cael|gael|chael|nghael|cymryd|gymryd|chymryd|nghymryd|"
                               r"tynnu|dynnu|nhynnu)\b[^.!?;]{0,20}?\byn ôl\b", "needed"),
    _Consequence("control", "rheolaeth rheoli reoli",
                 r"\bcolli rheolaeth\b|\b(?:ddim|methu)\s+(?:â\s+|yn\s+)?(?:rheoli|reoli)\b",
                 "ignored"),
    _Consequence("copied", "copïo gopïo chopïo rhannu rannu recordio cadw gadw chadw ymlaen "
                           "sgrinlunio postio phostio bostio",
                 r"\b(?:cael|gael|chael)\s+(?:ei|eu)\s+(?:copïo|gopïo|chopïo|rhannu|rannu|"
                 r"recordio|cadw|gadw|chadw|anfon ymlaen|sgrinlunio|postio|phostio|bostio)\b",
                 "ignored"),
    _Consequence("copied", "recordio copïo gopïo sgrinlunio",
                 r"\brecordio['\u2019]r sgrin\b|\b(?:gall|gallan|gallai|gallen)\s+(?:nhw\s+|"
                 r"unrhyw un\s+|pobl\s+|rhywun\s+)?(?:[^.!?;,]{0,25}?\s)?(?:ei|eu)\s+(?:copïo|"
                 r"gopïo|recordio|sgrinlunio)\b", "ignored"),
    _Consequence("law", "trosedd drosedd throsedd nhrosedd troseddau anghyfreithlon gyfraith "
                        "arestio harestio arestiwyd arestir cyhuddo gyhuddo chyhuddo nghyhuddo "
                        "cyhuddiad carchar garchar charchar ngharchar llys trwbl drwbl",
                 r"\b(?:trosedd|drosedd|(?<!heddlu a )throsedd|nhrosedd|troseddau|"
                 r"anghyfreithlon|erbyn y gyfraith|torri['\u2019]r gyfraith|"
                 r"h?arest(?:io|iwyd|ir)|(?:c|g|ch|ngh)yhudd(?:o|iad)|(?:c|g|ch|ngh)archar|llys|"
                 r"(?:mewn\s+trwbl|i\s+drwbl)\s+(?:gyda['\u2019]r|â['\u2019]r)\s+heddlu)\b"),
    _Consequence("bullying", "bwlio fwlio mwlio bwli fwli mwli cywilydd gywilydd chywilydd "
                             "nghywilydd embaras",
                 r"\b(?:[bfm]wli(?:o)?|(?:c|g|ch|ngh)ywilydd|embaras)\b"),
)

# Each reassurance: (which, a word it cannot be written without, the pattern); the pattern is
# tried only on a text that has the word.
_REASSURANCES_EN = (
    ("fault", "fault", rf"(?:\bnot|\bnever|n{_A}t)\s+(?:[\w'\u2019]+\s+){{0,2}}?fault\b"),
    ("fault", "blame", r"\b(?:not|never)\s+to\s+blame\b"),
    ("fault", "blame", r"\bblame\b[^.!?;]{0,25}?\b(?:not|never)\s+(?:with\s+|on\s+)?"
                       r"(?:you|the\s+child|the\s+victim|the\s+young\s+person)\b"),
    ("fault", "fault", r"\bfault\b[^.!?;]{0,25}?\b(?:not|never)\s+(?:with\s+|on\s+)?"
                       r"(?:you|the\s+child|the\s+victim|the\s+young\s+person)\b"),
    ("fault", "blame", rf"\b(?:nobody|no one|no-one|won{_A}t|will not|not)\s+(?:\w+\s+)?"
                       r"blame\s+you\b"),
    ("fault", "wrong", r"\b(?:did|done|do)\s+nothing\s+wrong\b"),
    ("fault", "wrong", rf"\b(?:haven{_A}t|have not|didn{_A}t|did not)\s+done?\s+anything\s+"
                       r"wrong\b"),
    ("trouble", "trouble", rf"\b(?:won{_A}t|will\s+not|not|never|aren{_A}t|isn{_A}t|nobody|"
                           rf"no\s+one|no-one)\s+(?:\w+\s+){{0,3}}?in(?:to)?\s+trouble\b"),
    ("trouble", "told off", rf"\b(?:won{_A}t|will not|not)\s+(?:\w+\s+)?(?:be\s+)?told off\b"),
    ("help", "help", r"\bhelp(?:s|ed|ing|ful|line)?\b"),
    ("help", "support", r"\bsupport\b"),
    ("help", "childline", r"\bchildline\b"),
    ("help", "ceop", r"\bceop\b"),
    ("help", "report remove", r"\breport remove\b"),
    ("help", "nspcc", r"\bnspcc\b"),
    ("help", "0800 1111", r"\b0800 1111\b"),
    ("help", "can ", r"\bcan (?:fix|sort) (?:it|this|that)\b"),
    ("help", "put it right", r"\bput it right\b"),
    ("help", "taken down", r"\btaken down\b"),
)
_REASSURANCES_CY = (
    ("fault", "fai", r"\b(?:nid|nad|dim|ddim|byth)\b[^.!?;,]{0,20}?\bfai\b"),
    ("fault", "bai", r"\b(?:nid|nad|dim|ddim|byth)\b[^.!?;,]{0,20}?\bbai\b"),
    ("fault", "le", rf"\bdim(?:\s+byd)?\s+o{_A}i\s+le\b"),
    ("fault", "eio", r"\b(?:neb|ddim|nid|byth)\b[^.!?;,]{0,20}?\b(?:beio|feio|mheio)\b"),
    ("trouble", "trwbl", r"\b(?:ddim|dim|neb|nid|nad|byth)\b[^.!?;,]{0,20}?\b(?:mewn\s+trwbl|"
                         r"i\s+drwbl)\b"),
    ("trouble", "traf", r"\b(?:ddim|dim|neb|nid|nad|byth)\b[^.!?;,]{0,20}?\b(?:mewn\s+"
                        r"trafferth|i\s+drafferth)\b"),
    ("trouble", "helynt", r"\b(?:ddim|dim|neb|nid|nad|byth)\b[^.!?;,]{0,20}?\b(?:mewn|i)\s+"
                          r"helynt\b"),
    ("help", "help", r"\bhelp"),
    ("help", "orth", r"\b(?:cymorth|gymorth|chymorth|nghymorth)\b"),
    ("help", "efnogaeth", r"\b(?:cefnogaeth|gefnogaeth)\b"),
    ("help", "childline", r"\bchildline\b"),
    ("help", "ceop", r"\bceop\b"),
    ("help", "report remove", r"\breport remove\b"),
    ("help", "nspcc", r"\bnspcc\b"),
    ("help", "0800 1111", r"\b0800 1111\b"),
)

# what may stick to a word when a text is split at spaces; a trigger word is looked up with
# each (so "back." is found without cleaning the text first, which costs more)
_STUCK = ("", ".", ",", ";", ":", "!", "?", '"', "'", "\u2019", "\u201d", ")", "'r", "\u2019r")


@dataclass(frozen=True)
class _Rule:
    """A language's phrases, compiled: each consequence's pattern, which of them each trigger
    word (as it may be written, _STUCK) calls for, the negation, and each reassurance."""

    consequences: tuple[tuple[str, re.Pattern[str], str], ...]
    triggers: dict[str, tuple[int, ...]]
    trigger_words: frozenset[str]
    negation: re.Pattern[str]
    reassurances: tuple[tuple[str, str, re.Pattern[str]], ...]


def _compile(consequences: tuple[_Consequence, ...], negation: str,
             reassurances: tuple[tuple[str, str, str], ...]) -> _Rule:
    triggers: dict[str, list[int]] = {}
    for i, c in enumerate(consequences):
        for word in c.words.split():
            for before in ("", '"', "\u201c", "("):
                for after in _STUCK:
                    triggers.setdefault(before + word + after, []).append(i)
    # matched against the text in lower case: quicker than ignoring case
    return _Rule(tuple((c.kind, re.compile(c.pattern), c.negated) for c in consequences),
                 {word: tuple(found) for word, found in triggers.items()}, frozenset(triggers),
                 re.compile(negation),
                 tuple((name, word, re.compile(pattern))
                       for name, word, pattern in reassurances))


_RULES: dict[str, _Rule] = {
    "en": _compile(_CONSEQUENCES_EN, _NOT_EN, _REASSURANCES_EN),
    "cy": _compile(_CONSEQUENCES_CY, _NOT_CY, _REASSURANCES_CY),
}


@dataclass(frozen=True)
class Finding:
    """A consequence a text names, and the reassurances it lacks."""

    kind: str  # a key of KINDS, like "gone"
    phrase: str  # the words naming it, as written
    start: int  # where they start in the text
    missing: tuple[str, ...]  # of REASSURANCES, in that order; () when all three are there


def languages() -> tuple[str, ...]:
    """The languages the rule has phrases for."""
    return tuple(_RULES)


def consequence(text: str, lang: str = "en") -> tuple[str, str, int] | None:
    """The first consequence `text` names: (kind, the words as written, where they start);
    None if it names none (or `lang` has no phrase lists)."""
    rule = _RULES.get(lang)
    return None if rule is None else _consequence(rule, text, text.lower())


def _consequence(rule: _Rule, text: str, low: str) -> tuple[str, str, int] | None:
    # a set lookup per word, in C ("cyber-bullying": split at hyphens too)
    hit = rule.trigger_words.intersection(low.replace("-", " ").split())
    if not hit:  # most texts
        return None
    triggers = rule.triggers
    tried = sorted({i for word in hit for i in triggers[word]})
    first: tuple[str, str, int] | None = None
    for i in tried:
        kind, pattern, negated = rule.consequences[i]
        for match in pattern.finditer(low):
            start, end = match.span()
            if first is not None and start >= first[2]:
                break
            if negated != "ignored":
                clause = _clause_before(low, start) + match.group(0)
                if (rule.negation.search(clause) is None) == (negated == "needed"):
                    continue  # "it isn't a crime to tell"; Welsh "yn ôl" with no "ddim"
            # as written (a letter whose lower case is longer, like "İ", shifts the places)
            phrase = text[start:end] if len(low) == len(text) else match.group(0)
            first = kind, phrase, start
            break
    return first


def _clause_before(text: str, end: int) -> str:
    """The words of `text` before `end`, back to the start of their clause."""
    start = max(text.rfind(mark, 0, end) for mark in ",;:.!?\n")
    return text[start + 1:end]


def reassurances(text: str, lang: str = "en") -> frozenset[str]:
    """Which of the three reassurances (REASSURANCES) `text` gives."""
    rule = _RULES.get(lang)
    return frozenset() if rule is None else _reassurances(rule, text.lower())


def _reassurances(rule: _Rule, low: str) -> frozenset[str]:
    given = set()
    for name, word, pattern in rule.reassurances:
        if name not in given and word in low and pattern.search(low):
            given.add(name)
    return frozenset(given)


def find(text: str, lang: str = "en") -> Finding | None:
    """The consequence `text` names and the reassurances it lacks; None if it names none."""
    rule = _RULES.get(lang)
    return None if rule is None else _find(rule, text)


def _find(rule: _Rule, text: str) -> Finding | None:
    low = text.lower()
    found = _consequence(rule, text, low)
    if found is None:
        return None
    given = _reassurances(rule, low)
    return Finding(*found, tuple(name for name in REASSURANCES if name not in given))


def message_text(message: Any) -> str:
    """A message as the rule reads it: its title, text and "What to do", together."""
    return "\n".join(part for part in (message.title, message.text, message.do) if part)


def item_texts(kind: str, item: Any) -> Iterator[tuple[str, str, int]]:
    """(what, text, answer number or -1) the rule reads in an item: a message whole, each
    answer's explain line of a question."""
    if kind == "messages":
        yield "message", message_text(item), -1
    elif kind == "questions":
        for n, answer in enumerate(item.answers):
            if answer.explain:
                yield "explain", answer.explain, n


def check(placed: dict[str, list[Placed]], lang: str = "en") -> list[Problem]:
    """A warning at each message and each answer's explain line in `placed` (the bank's items
    where they are written: checks.placed_items, translation.translated_items) that names a
    consequence without all three reassurances."""
    rule = _RULES.get(lang)
    if rule is None:
        return []
    from game.content.checks import word_key  # each title and text split once a run
    triggers = rule.trigger_words
    out = []
    for kind in ("messages", "questions"):
        for p in placed.get(kind, []):
            item = p.item
            if kind == "messages" and lang == "en" and triggers.isdisjoint(word_key(item.text)) \
                    and triggers.isdisjoint(word_key(item.title)) \
                    and triggers.isdisjoint(item.do.lower().replace("-", " ").split()):
                continue  # most messages: the duplicate check has split their words already
            for what, text, n in item_texts(kind, item):
                found = _find(rule, text)
                if found is None or not found.missing:
                    continue
                line, col = p.at.line, p.at.col
                if n >= 0:
                    answers = p.at.entries("answers")
                    if n < len(answers):
                        explain = answers[n].fields().get("explain")
                        at = explain or answers[n]
                        line, col = at.line, at.col
                out.append(_problem(p.path, line, col, what, p.item.id, found, lang))
    out += _chats(rule, placed.get("chats", []), lang)
    return out


def _chats(rule: _Rule, chats: list[Placed], lang: str) -> list[Problem]:
    """The rule on each chat's lines from the game (a note, a sign's or an unsafe option's
    why); the contact's words are the chat itself, and its ending is a message of the bank."""
    from game.content.chat_checks import chat_texts
    out = []
    for p in chats:
        for name, text, loc in chat_texts(p.at):
            if name in ("why", "note"):
                found = _find(rule, text)
                if found is not None and found.missing:
                    out.append(_problem(p.path, loc.line, loc.col, "chat", p.item.id, found,
                                        lang))
    return out


def _problem(path: str, line: int, col: int, what: str, ident: str, found: Finding,
             lang: str) -> Problem:
    missing = [SAYS[name] for name in found.missing]
    said = missing[0] if len(missing) == 1 else ", ".join(missing[:-1]) + " or " + missing[-1]
    where = f"message '{ident}'" if what == "message" else \
        f"this line (chat '{ident}')" if what == "chat" else \
        f"this explain line (question '{ident}')"
    examples = " ".join(EXAMPLES[lang][name] for name in found.missing)
    return Problem(
        path, line, col,
        f"{where} names a consequence ('{found.phrase}': {KINDS[found.kind]}) without saying "
        f"{said}; a child it has already happened to reads this too", "warning",
        "consequence-without-reassurance",
        f"add to the same {'message' if what == 'message' else 'line'}: {examples} Or, if there "
        "is no room, reword it to name no consequence and point to the safe step instead "
        "(see 'The reassurance rule' in content/README.md)")
