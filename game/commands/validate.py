"""`safety-dash validate [DIR]`: every problem as file:line:col: message; exit 1 on errors."""
from __future__ import annotations

import sys

from game.content import ContentError, load_bank


def validate(directory: str | None, pack: str | None = None, fmt: str = "text") -> int:
    try:
        bank = load_bank(directory, pack)
    except ContentError as exc:
        print(exc)
        return 1
    problems = sorted(bank.problems, key=lambda p: (p.path, p.line, p.col))
    for problem in problems:
        print(problem)
    errors = sum(p.severity == "error" for p in problems)
    warnings = len(problems) - errors
    print(f"{len(bank.messages)} messages, {len(bank.questions)} questions, "
          f"{len(bank.topics)} topics, {len(bank.ranks)} ranks, {len(bank.help)} help links; "
          f"{errors} errors, {warnings} warnings", file=sys.stderr if problems else sys.stdout)
    return 1 if errors else 0
