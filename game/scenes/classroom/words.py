"""The classroom's words that its screens and its report share, in the language in use (no
pygame: the report imports them)."""
from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from game.content.chat_words import sign_name
from game.i18n import t
from game.rules.chat import SIGNS
from game.rules.classroom import ChatPlayed, LessonPlan


def style_name(style: str) -> str:
    """A play style's name ("turns" or "vote"), as the setup screen and the report show it."""
    return {"turns": t("Teams take turns"), "vote": t("Class vote")}.get(style, style)


def style_means(style: str) -> str:
    """One line on what a play style means for the class."""
    return {"turns": t("Each round, the next team sends a player to the front."),
            "vote": t("Everyone votes with hands up; you enter the answer.")}.get(style, "")


def kind_name(kind: str) -> str:
    """The game a lesson's rounds play ("dash", "chat" or "mixed"), as the setup screen shows
    it."""
    return {"dash": t("Dash"), "chat": t("Chat Check"), "mixed": t("Both in turn")}.get(kind, kind)


def signs_overall(chats: Sequence[ChatPlayed], answers: str = "") -> str:
    """The class summary's line for a lesson with Chat Check rounds: the warning signs the
    class spotted in its chats, after `answers` (the dash's safe answers) when it had both."""
    spotted = sum(len(c.spotted) for c in chats)
    signs = spotted + sum(len(c.missed) for c in chats)
    if answers:
        return t("{answers}; warning signs spotted: {spotted} of {signs}", answers=answers,
                 spotted=spotted, signs=signs)
    return t("Warning signs spotted: {spotted} of {signs} in 1 chat", spotted=spotted,
             signs=signs) if len(chats) == 1 else \
        t("Warning signs spotted: {spotted} of {signs} in {n} chats", spotted=spotted,
          signs=signs, n=len(chats))


def missed_signs(chats: Sequence[ChatPlayed]) -> list[tuple[str, str]]:
    """The warning signs the class missed in its chats, each named once with how often it was
    missed, most missed first (ties in the review's order of signs)."""
    missed = Counter(kind for c in chats for kind in c.missed)
    order = {kind: i for i, kind in enumerate(SIGNS)}
    return [(sign_name(kind), t("missed {n}", n=n) if n > 1 else t("missed once"))
            for kind, n in sorted(missed.items(), key=lambda kn: (-kn[1], order.get(kn[0], 99)))]


def rounds_each(rounds: int, teams: int) -> str:
    """How the lesson's rounds fall to its teams (a fair number of rounds, see
    game.rules.classroom.even_turns)."""
    if teams <= 1:
        return t("The team plays 1 round.") if rounds == 1 else \
            t("The team plays all {total} rounds.", total=rounds)
    each = rounds // teams
    if each == 1:
        return t("Each team plays 1 round: {total} rounds in all.", total=rounds)
    return t("Each team plays {each} rounds: {total} rounds in all.", each=each, total=rounds)


def animal_names() -> tuple[str, ...]:
    """Friendly UK animals for team names: the four default teams' names first."""
    return (t("Foxes"), t("Owls"), t("Badgers"), t("Hedgehogs"), t("Otters"), t("Robins"),
            t("Squirrels"), t("Hares"), t("Puffins"), t("Kingfishers"), t("Dormice"),
            t("Wrens"), t("Herons"), t("Seals"), t("Swifts"), t("Red Kites"), t("Newts"),
            t("Moles"), t("Stags"), t("Barn Owls"))


def lesson_title(plan: LessonPlan) -> str:
    """The lesson's title: a ready-made lesson's own, else the game's words for a lesson."""
    return t("Safety Dash lesson") if plan.title == LessonPlan().title else plan.title
