"""Choosing which safety message follows a round, and which questions make up a round."""
from __future__ import annotations

import random
from collections.abc import Mapping, Sequence

from game.content.model import Message, Question


def pick_message(messages: Sequence[Message], band: str, missed_topics: Sequence[str],
                 seen_counts: Mapping[str, int], last_id: str,
                 rng: random.Random) -> Message | None:
    """Prefer the topics of missed questions, then messages not seen before, then the least seen;
    never the message shown last time (unless it is the band's only one); only the chosen band."""
    pool = [m for m in messages if band in m.ages]
    if len(pool) > 1:
        pool = [m for m in pool if m.id != last_id]
    if not pool:
        return None
    missed = set(missed_topics)

    def preference(m: Message) -> tuple[int, int, int]:
        seen = seen_counts.get(m.id, 0)
        return (0 if m.topic in missed else 1, 0 if seen == 0 else 1, seen)

    best = min(preference(m) for m in pool)
    return rng.choice([m for m in pool if preference(m) == best])


def pick_questions(questions: Sequence[Question], band: str, count: int,
                   asked: Mapping[str, int], rng: random.Random) -> list[Question]:
    """`count` questions for the band, least asked first, spread over as many topics as possible."""
    pool = [q for q in questions if band in q.ages]
    rng.shuffle(pool)
    pool.sort(key=lambda q: asked.get(q.id, 0))
    chosen: list[Question] = []
    topics: set[str] = set()
    for q in pool:  # first pass: one per topic
        if len(chosen) < count and q.topic not in topics:
            chosen.append(q)
            topics.add(q.topic)
    for q in pool:
        if len(chosen) < count and q not in chosen:
            chosen.append(q)
    rng.shuffle(chosen)
    return chosen
