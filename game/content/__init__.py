"""The YAML content bank: safe loading, validation with file:line:col, frozen dataclasses.

Nothing in this package imports pygame.
"""
from game.content.model import (
    AGE_BANDS, Answer, Bank, Branding, HelpLink, Lesson, Message, Problem, Question, Rank, Topic,
)


def __getattr__(name: str):
    """load_bank (the loader) and ContentError (bank_files) are imported when first asked for: a
    start that finds the bank kept from the last launch (game.kept) never imports the loader or
    the YAML reader."""
    if name == "ContentError":
        from game.content.bank_files import ContentError
        return ContentError
    if name == "load_bank":
        from game.content.loader import load_bank
        return load_bank
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "AGE_BANDS", "Answer", "Bank", "Branding", "ContentError", "HelpLink", "Lesson", "Message",
    "Problem", "Question", "Rank", "Topic", "load_bank",
]
