"""The YAML content bank: safe loading, validation with file:line:col, frozen dataclasses.

Nothing in this package imports pygame.
"""
from game.content.model import (
    AGE_BANDS, Answer, Bank, Branding, HelpLink, Lesson, Message, Problem, Question, Rank, Topic,
)


def __getattr__(name: str):
    """load_bank and ContentError come from the loader when first asked for: a start that finds
    the bank kept from the last launch (game.kept) never imports the loader or the YAML reader."""
    if name in ("ContentError", "load_bank"):
        from game.content import loader
        return getattr(loader, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AGE_BANDS", "Answer", "Bank", "Branding", "ContentError", "HelpLink", "Lesson", "Message",
    "Problem", "Question", "Rank", "Topic", "load_bank",
]
