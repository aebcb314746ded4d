"""The lesson report's Chat Check rounds: for each, the chat (its title, topic and id), the
warning signs the class spotted and missed, and the choices where Scout stepped in. No names
but the made-up contact's and the teams'. game.reports.classroom puts them in the HTML page
and the CSV."""
from __future__ import annotations

from typing import Any

from game.content.chat_words import action_label, sign_name
from game.content.model import Bank
from game.i18n import t
from game.rules.classroom import ChatPlayed, ClassSummary


def chat_title(played: ChatPlayed) -> str:
    """A chat as the report names it: who it is from (the chats have no other title)."""
    return t("Chat with {name}", name=played.contact)


def chat_rounds(summary: ClassSummary, bank: Bank) -> list[dict[str, Any]]:
    """Each Chat Check round, in order, in plain values for the template."""
    out = []
    for played in summary.chats:
        topic = bank.topic_by_id.get(played.topic)
        team = summary.plan.teams[played.team].name if played.team < len(summary.plan.teams) \
            else ""
        out.append({
            "id": played.chat_id,
            "title": chat_title(played),
            "topic": topic.title if topic else played.topic,
            "round": t("Round {n}: {team}", n=played.round, team=team),
            "spotted": [sign_name(kind) for kind in played.spotted],
            "missed": [sign_name(kind) for kind in played.missed],
            "stepped_in": [action_label(option, played.contact) for option in played.stepped_in],
        })
    return out


def chat_rows(summary: ClassSummary, bank: Bank) -> list[dict[str, str]]:
    """The CSV's rows for the Chat Check rounds (the columns a question's row leaves empty)."""
    return [{"question_id": chat["id"], "topic": chat["topic"], "question": chat["title"],
             "kind": "chat", "signs_spotted": "; ".join(chat["spotted"]),
             "signs_missed": "; ".join(chat["missed"]),
             "scout_stepped_in": "; ".join(chat["stepped_in"])}
            for chat in chat_rounds(summary, bank)]


def chat_words(mascot: str) -> dict[str, str]:
    """The report's words for its Chat Check section (`mascot`: the dog's name)."""
    return {
        "chats_title": t("Chat Check rounds"),
        "chats_intro": t("For each chat: the warning signs the class spotted and missed, and "
                         "the choices where {name} stepped in to explain why they were not "
                         "safe.", name=mascot),
        "signs_spotted": t("Signs spotted:"),
        "signs_missed": t("Signs missed:"),
        "scout_stepped_in": t("{name} stepped in after:", name=mascot),
        "none_word": t("none"),
    }
