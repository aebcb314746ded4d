"""The message picker and question picker, with property tests."""
from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import make_message, make_question
from game.content.model import AGE_BANDS
from game.rules.picker import pick_message, pick_questions

TOPICS = ["t1", "t2", "t3", "t4"]

message_lists = st.lists(
    st.builds(lambda i, topic, ages: make_message(f"m{i}", topic, ages),
              st.integers(0, 40), st.sampled_from(TOPICS),
              st.lists(st.sampled_from(AGE_BANDS), min_size=1, max_size=3, unique=True)),
    min_size=1, max_size=25, unique_by=lambda m: m.id)


@settings(max_examples=300, deadline=None)
@given(messages=message_lists, band=st.sampled_from(AGE_BANDS),
       missed=st.lists(st.sampled_from(TOPICS), max_size=4),
       seen=st.dictionaries(st.sampled_from([f"m{i}" for i in range(41)]), st.integers(0, 5)),
       last=st.sampled_from(["", *[f"m{i}" for i in range(41)]]), seed=st.integers(0, 2**32))
def test_picker_rules(messages, band, missed, seen, last, seed):
    picked = pick_message(messages, band, missed, seen, last, random.Random(seed))
    pool = [m for m in messages if band in m.ages]
    if not pool:
        assert picked is None
        return
    assert picked is not None and band in picked.ages
    if len(pool) > 1:
        assert picked.id != last
    candidates = [m for m in pool if m.id != last] if len(pool) > 1 else pool
    missed_pool = [m for m in candidates if m.topic in missed]
    if missed_pool:
        assert picked.topic in missed
        pool_for_unseen = missed_pool
    else:
        pool_for_unseen = candidates
    if any(seen.get(m.id, 0) == 0 for m in pool_for_unseen):
        assert seen.get(picked.id, 0) == 0


def test_picker_never_repeats_back_to_back_over_many_rounds():
    messages = [make_message(f"m{i}", TOPICS[i % 4]) for i in range(6)]
    rng, seen, last = random.Random(3), {}, ""
    for round_no in range(60):
        picked = pick_message(messages, "7-9", [TOPICS[round_no % 4]], seen, last, rng)
        assert picked.id != last
        seen[picked.id] = seen.get(picked.id, 0) + 1
        last = picked.id
    assert len(seen) == 6  # every message gets shown


@settings(max_examples=200, deadline=None)
@given(n=st.integers(0, 30), count=st.integers(1, 6), band=st.sampled_from(AGE_BANDS),
       seed=st.integers(0, 10**6))
def test_question_picker_takes_distinct_questions_of_the_band(n, count, band, seed):
    questions = [make_question(f"q{i}", TOPICS[i % 4], (AGE_BANDS[i % 3],)) for i in range(n)]
    asked = {f"q{i}": i % 3 for i in range(n)}
    chosen = pick_questions(questions, band, count, asked, random.Random(seed))
    pool = [q for q in questions if band in q.ages]
    assert len(chosen) == min(count, len(pool))
    assert len({q.id for q in chosen}) == len(chosen)
    assert all(band in q.ages for q in chosen)
    least = sorted(asked[q.id] for q in pool)[: len(chosen)]
    assert max((asked[q.id] for q in chosen), default=0) <= max(least, default=0) + 2
    if len(pool) >= count and len({q.topic for q in pool}) >= count:
        assert len({q.topic for q in chosen}) == count or \
            max(asked[q.id] for q in chosen) > min(asked[q.id] for q in pool)
