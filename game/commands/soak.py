"""The bench's soak: the memory a long session holds (a school day of rounds, played by the
autoplay bot in a fresh process), read after round 10 and after the last round.

The bot draws one frame in DRAW_EVERY (every screen of every round is still drawn, hundreds of
times a round), so 150 rounds take about a minute and a half of CPU instead of half an hour.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

DRAW_EVERY = 20
EARLY_ROUND = 10

_CHILD = """
import json, sys
from game.commands.soak import soak_here
print(json.dumps(soak_here(int(sys.argv[1]), int(sys.argv[2]))))
"""


def rss_mb() -> float:
    """This process's resident memory now, in MB (Linux: /proc; elsewhere its peak so far)."""
    try:
        with open("/proc/self/statm", encoding="ascii") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except OSError:
        return peak_mb()


def peak_mb() -> float:
    """The most resident memory this process has held, in MB."""
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 2**10  # bytes on macOS, else KB


def soak_here(rounds: int, draw_every: int = DRAW_EVERY) -> dict:
    """Play `rounds` rounds in this process; its memory after round 10 and after the last, its
    peak, and how full the caches are at the end."""
    from game import lru
    from game.commands.autoplay import run_bot

    readings: dict[int, float] = {}

    def after_round(played: int) -> None:
        if played in (early_round(rounds), rounds):
            readings[played] = rss_mb()

    report = run_bot(rounds, seed=1, band="10-12", data_dir=None, draw_every=draw_every,
                     after_round=after_round)
    return {"rounds": report["rounds"], "rss_mb": {str(k): round(v, 1) for k, v in
                                                    sorted(readings.items())},
            # the kernel updates its high-water mark lazily: never below a reading taken
            "peak_mb": round(max([peak_mb(), *readings.values()]), 1), "caches": lru.fullness()}


def early_round(rounds: int) -> int:
    """The round after which the soak's first reading is taken: the 10th (the first in a
    short soak, as the tests run)."""
    return EARLY_ROUND if rounds > EARLY_ROUND else 1


def measure_soak(rounds: int = 150, draw_every: int = DRAW_EVERY) -> dict:
    """The soak in a fresh interpreter (so nothing the bench did before counts)."""
    out = subprocess.run([sys.executable, "-c", _CHILD, str(rounds), str(draw_every)],
                         capture_output=True, text=True, check=True, timeout=3600)
    return json.loads(out.stdout.strip().splitlines()[-1])


def soak_figures(rounds: int = 150, draw_every: int = DRAW_EVERY) -> dict:
    """The bench's soak fields: RSS after round 10 and after the last, growth, peak."""
    soak = measure_soak(rounds, draw_every)
    first = early_round(rounds)
    early, last = soak["rss_mb"].get(str(first)), soak["rss_mb"].get(str(rounds))
    return {
        "soak_rounds": soak["rounds"],
        f"soak_rss_round{first}_mb": early,
        f"soak_rss_round{rounds}_mb": last,
        "soak_growth_mb": round(last - early, 1) if early is not None and last is not None
        else None,
        "soak_peak_mb": soak["peak_mb"],
        "soak_cache_mb": {name: round(row["bytes"] / 2**20, 1)
                          for name, row in sorted(soak["caches"].items())},
    }
