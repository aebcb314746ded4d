"""The YAML content bank: safe loading, validation with file:line:col, frozen dataclasses.

Nothing in this package imports pygame.
"""
from game.content.model import (
    AGE_BANDS, Answer, Bank, Branding, HelpLink, Lesson, Message, Problem, Question, Rank, Topic,
)
from game.content.loader import ContentError, load_bank

__all__ = [
    "AGE_BANDS", "Answer", "Bank", "Branding", "ContentError", "HelpLink", "Lesson", "Message",
    "Problem", "Question", "Rank", "Topic", "load_bank",
]
