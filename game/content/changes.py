"""What changed between two loads of the bank, in words an editor reads in a moment (F5)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from game.content.model import Bank


@dataclass(frozen=True)
class ReloadReport:
    used: bool  # whether the game switched to the new bank
    summary: str


def _counted(n: int, what: str) -> str:
    return f"{n} {what}{'' if n == 1 else 's'}"


def differences(old: Bank, new: Bank) -> list[str]:
    """Phrases like '2 messages changed' or '1 question added', for every kind that changed."""
    phrases = []
    for what, before, after in (("message", old.message_by_id, new.message_by_id),
                                ("question", old.question_by_id, new.question_by_id),
                                ("topic", old.topic_by_id, new.topic_by_id),
                                ("help link", old.help_by_id, new.help_by_id),
                                ("lesson", old.lesson_by_id, new.lesson_by_id)):
        added = len(after.keys() - before.keys())
        removed = len(before.keys() - after.keys())
        changed = sum(before[k] != after[k] for k in before.keys() & after.keys())
        for n, verb in ((changed, "changed"), (added, "added"), (removed, "removed")):
            if n:
                phrases.append(f"{_counted(n, what)} {verb}")
    if old.ranks != new.ranks:
        phrases.append("ranks changed")
    if old.branding != new.branding:
        phrases.append("branding changed")
    return phrases


def reload_report(old: Bank, new: Bank) -> ReloadReport:
    """Decide whether to use `new` and say why: a bank with errors is never switched to."""
    if new.errors:
        first = min(new.errors, key=lambda p: (p.path, p.line, p.col))
        more = f" (and {_counted(len(new.errors) - 1, 'more problem')})" if len(new.errors) > 1 else ""
        where = f"{Path(first.path).name}:{first.line}:{first.col}"
        return ReloadReport(False, f"Content not reloaded: {where}: {first.message}{more}. "
                                   "Still using the last good content. Fix it and press F5 again.")
    phrases = differences(old, new)
    said = ", ".join(phrases) if phrases else "nothing changed"
    warnings = len(new.problems)
    tail = f"; {_counted(warnings, 'warning')} (run safety-dash validate)" if warnings else ""
    return ReloadReport(True, f"Content reloaded: {said}{tail}.")
