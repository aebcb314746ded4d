"""Helper for tests/test_save.py: saves profiles forever until the test kills it.

Usage: python tests/save_writer_child.py DATA_DIR SEED

Every profile it writes is self-consistent (see expected_invariants in the test), so whatever moment
the kill lands on, the file on disk must load as one whole profile. Prints "ready" after the first
save; exits with status 3 if a save ever reports a problem.
"""
from __future__ import annotations

import random
import sys
from pathlib import Path

from game.save import Profile, SaveStore  # the installed game, as the test's own (conftest)


def make_profile(rng: random.Random, generation: int) -> Profile:
    size = rng.randint(200, 2500)
    notebook = [f"msg-{generation}-{i:05d}-{'x' * rng.randint(0, 24)}" for i in range(size)]
    seen = {mid: 1 + (i % 3) for i, mid in enumerate(notebook)}
    return Profile(
        best_score=size,
        total_points=sum(seen.values()),
        rank_id=f"rank-{generation}",
        rounds_played=size,
        age_band=rng.choice(["7-9", "10-12", "13-15"]),
        notebook=notebook,
        seen_counts=seen,
        last_message=notebook[-1],
        settings={"muted": generation % 2 == 0, "fullscreen": False, "generation": generation},
        nickname=f"writer-{generation}",
    )


def main() -> int:
    data_dir, seed = Path(sys.argv[1]), int(sys.argv[2])
    rng = random.Random(seed)
    store = SaveStore(data_dir)
    generation = 0
    while True:
        notice = store.save(make_profile(rng, generation))
        if notice:
            print(f"save failed: {notice}", file=sys.stderr, flush=True)
            return 3
        if generation == 0:
            print("ready", flush=True)
        generation += 1


if __name__ == "__main__":
    sys.exit(main())
