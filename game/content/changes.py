"""What changed between two loads of the bank, in words an editor reads in a moment (F5)."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from game.content.model import Bank
from game.i18n import t


@dataclass(frozen=True)
class ReloadReport:
    used: bool  # whether the game switched to the new bank
    summary: str


# what changed, per kind of item and change: each count in words of its own, so a language can
# word "1 message" and "2 messages" its own way
_SAID: dict[tuple[str, str], Callable[[int], str]] = {
    ("message", "changed"): lambda n: t("1 message changed") if n == 1 else
    t("{n} messages changed", n=n),
    ("message", "added"): lambda n: t("1 message added") if n == 1 else
    t("{n} messages added", n=n),
    ("message", "removed"): lambda n: t("1 message removed") if n == 1 else
    t("{n} messages removed", n=n),
    ("question", "changed"): lambda n: t("1 question changed") if n == 1 else
    t("{n} questions changed", n=n),
    ("question", "added"): lambda n: t("1 question added") if n == 1 else
    t("{n} questions added", n=n),
    ("question", "removed"): lambda n: t("1 question removed") if n == 1 else
    t("{n} questions removed", n=n),
    ("topic", "changed"): lambda n: t("1 topic changed") if n == 1 else
    t("{n} topics changed", n=n),
    ("topic", "added"): lambda n: t("1 topic added") if n == 1 else t("{n} topics added", n=n),
    ("topic", "removed"): lambda n: t("1 topic removed") if n == 1 else
    t("{n} topics removed", n=n),
    ("help link", "changed"): lambda n: t("1 help link changed") if n == 1 else
    t("{n} help links changed", n=n),
    ("help link", "added"): lambda n: t("1 help link added") if n == 1 else
    t("{n} help links added", n=n),
    ("help link", "removed"): lambda n: t("1 help link removed") if n == 1 else
    t("{n} help links removed", n=n),
    ("lesson", "changed"): lambda n: t("1 lesson changed") if n == 1 else
    t("{n} lessons changed", n=n),
    ("lesson", "added"): lambda n: t("1 lesson added") if n == 1 else
    t("{n} lessons added", n=n),
    ("lesson", "removed"): lambda n: t("1 lesson removed") if n == 1 else
    t("{n} lessons removed", n=n),
    ("chat", "changed"): lambda n: t("1 chat changed") if n == 1 else
    t("{n} chats changed", n=n),
    ("chat", "added"): lambda n: t("1 chat added") if n == 1 else t("{n} chats added", n=n),
    ("chat", "removed"): lambda n: t("1 chat removed") if n == 1 else
    t("{n} chats removed", n=n),
}


def differences(old: Bank, new: Bank) -> list[str]:
    """Phrases like '2 messages changed' or '1 question added', for every kind that changed."""
    phrases = []
    for what, before, after in (("message", old.message_by_id, new.message_by_id),
                                ("question", old.question_by_id, new.question_by_id),
                                ("topic", old.topic_by_id, new.topic_by_id),
                                ("help link", old.help_by_id, new.help_by_id),
                                ("lesson", old.lesson_by_id, new.lesson_by_id),
                                ("chat", old.chat_by_id, new.chat_by_id)):
        added = len(after.keys() - before.keys())
        removed = len(before.keys() - after.keys())
        changed = sum(before[k] != after[k] for k in before.keys() & after.keys())
        for n, verb in ((changed, "changed"), (added, "added"), (removed, "removed")):
            if n:
                phrases.append(_SAID[(what, verb)](n))
    if old.ranks != new.ranks:
        phrases.append(t("ranks changed"))
    if old.branding != new.branding:
        phrases.append(t("branding changed"))
    return phrases


def reload_report(old: Bank, new: Bank) -> ReloadReport:
    """Decide whether to use `new` and say why: a bank with errors is never switched to. (The
    problem itself is in the validator's words, which are English, as they are for editors.)"""
    if new.errors:
        first = min(new.errors, key=lambda p: (p.path, p.line, p.col))
        where = f"{Path(first.path).name}:{first.line}:{first.col}"
        others = len(new.errors) - 1
        if others:
            more = t("1 more problem") if others == 1 else t("{n} more problems", n=others)
            return ReloadReport(False, t(
                "Content not reloaded: {where}: {problem} (and {more}). Still using the last "
                "good content. Fix it and press F5 again.", where=where, problem=first.message,
                more=more))
        return ReloadReport(False, t(
            "Content not reloaded: {where}: {problem}. Still using the last good content. Fix "
            "it and press F5 again.", where=where, problem=first.message))
    phrases = differences(old, new)
    said = ", ".join(phrases) if phrases else t("nothing changed")
    warnings = len(new.problems)
    if not warnings:
        return ReloadReport(True, t("Content reloaded: {changes}.", changes=said))
    counted = t("1 warning") if warnings == 1 else t("{n} warnings", n=warnings)
    return ReloadReport(True, t("Content reloaded: {changes}; {warnings} (the content check "
                                "lists them).", changes=said, warnings=counted))
