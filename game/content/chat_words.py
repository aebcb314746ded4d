"""A chat's words that more than one place shows: a warning sign's name (the review, the
lesson report) and a choice's label (the phone's buttons, read aloud, the lesson report). No
pygame: the report imports them."""
from __future__ import annotations

from game.i18n import t
from game.rules.chat import Option


def sign_name(kind: str) -> str:
    """A warning sign in a few words, for the review."""
    return {"personal-info": t("Asks about you"), "flattery": t("Too many compliments"),
            "gift": t("A gift or free coins"), "move-app": t("Wants to move to another app"),
            "secret": t("Asks you to keep a secret"), "picture": t("Asks for a picture"),
            "pressure": t("Puts pressure on you"), "threat": t("A threat")}.get(kind, kind)


def action_label(option: Option, contact: str) -> str:
    """A choice's label: a reply's line in quotes (the words the child would send), or the
    action in words (the option's own label if it has one)."""
    if option.action == "reply":
        return t("\u201c{words}\u201d", words=option.text)
    if option.text:
        return option.text
    return {"block": t("Block {name}", name=contact), "report": t("Report {name}", name=contact),
            "tell": t("Tell a grown-up you trust"),
            "screenshot": t("Take a screenshot to show a grown-up"),
            "leave": t("Leave the chat")}.get(option.action, option.action)
