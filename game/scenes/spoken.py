"""What read aloud says on each screen: the same words the screen shows, put into sentences."""
from __future__ import annotations

import re

from game.content.model import Bank, HelpLink, Message, Question
from game.i18n import t
from game.rules.round import GateResult
from game.ui.layout.help import MAX_LINKS
from game.ui.layout.round import feedback_words

_NUMBER = re.compile(r"\d{3,}(?: \d+)*")  # a phone number: "999", "0800 1111", "116 123"


def sentences(*parts: str) -> str:
    """The parts as one text, each ending like a sentence, so the voice pauses between them."""
    out = []
    for part in parts:
        part = part.strip()
        if part:
            out.append(part if part[-1] in ".!?:" else part + ".")
    return " ".join(out)


def digits(text: str) -> str:
    """Phone numbers said digit by digit ("0800 1111": "0 8 0 0, 1 1 1 1"), not as amounts."""
    return _NUMBER.sub(lambda m: ", ".join(" ".join(group) for group in m.group().split()), text)


def question(q: Question) -> str:
    """The question, then its answers by the number that picks them: "1: ..., 2: ..."."""
    return sentences(q.text, *(f"{i}: {a.text}" for i, a in enumerate(q.answers, 1)))


def feedback(result: GateResult) -> str:
    """The feedback banner's words after a gate."""
    return sentences(*feedback_words(result.question, result.chosen, result.correct))


def help_link(link: HelpLink) -> str:
    phone = t("Phone {number}", number=digits(link.phone)) if link.phone else ""
    return sentences(link.title, digits(link.text), phone)


def message(bank: Bank, m: Message) -> str:
    """A safety message card: its title, message, what to do and where to get help."""
    link = bank.help_by_id.get(m.help)
    get_help = ""
    if link and link.phone:
        get_help = t("Get help: {title}, phone {number}", title=link.title,
                     number=digits(link.phone))
    elif link:
        get_help = t("Get help: {title}", title=link.title)
    return sentences(m.title, m.text, t("What to do: {do}", do=m.do), get_help,
                     t("Or press H for more help"))


def help_screen(links: tuple[HelpLink, ...], reassure: str) -> str:
    return sentences(t("Where to get help"), reassure,
                     *(help_link(link) for link in links[:MAX_LINKS]))
