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

from game.commands.bench_validate import BUDGETS as VALIDATE_BUDGETS
from game.commands.bench_validate import validate_figures
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


def measure_startup(runs: int, kept: bool = True) -> list[float]:
    """Process start to the first title frame, in ms. `kept`: as a player's second launch, with
    what the first frame needs kept from the launch before (game.kept); else as a first launch
    (or the first after the bank was edited): nothing kept, the bank read and the art drawn."""
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy",
               PYGAME_HIDE_SUPPORT_PROMPT="1")
    if not kept:
        env["SAFETY_DASH_CACHE_DIR"] = "off"
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


def measure_chat_frames(frames: int) -> list[float]:
    """Per-frame cost of Chat Check: messages arriving (the contact typing), a sign marked, the
    decisions taken (safe options), chat after chat."""
    import pygame

    from game.rules.chat import Choice
    from game.rules.tuning import STEP
    from game.scenes.chat import ChatScene

    with tempfile.TemporaryDirectory(prefix="safety-dash-bench-") as tmp:
        app = start(tmp, fast=True, seed=1)
        app.session.profile.age_band = "13-15"
        chats = app.session.bank.chats_for("13-15")
        costs: list[float] = []
        n = 0
        while chats and len(costs) < frames:
            scene = ChatScene(app, chats[n % len(chats)])
            app.replace(scene)
            while not scene.run.finished and len(costs) < frames:
                began = time.perf_counter()
                step = scene.run.step
                if scene.state == "choice" and isinstance(step, Choice):
                    scene.choose(next(i for i, o in enumerate(step.options) if o.safe))
                elif scene.revealed and n % 90 == 0:
                    scene.mark(scene.revealed - 1)
                app.step(STEP)
                app.draw()
                pygame.display.flip()
                if n >= 60:
                    costs.append((time.perf_counter() - began) * 1000)
                n += 1
    return costs


def bench(frames: int = 600, startup_runs: int = 5, pack: str | None = None,
          validate_items: int = 10_000, validate_runs: int = 5, soak_rounds: int = 150) -> int:
    from game.commands.soak import soak_figures

    use_headless_drivers()
    soak = soak_figures(soak_rounds) if soak_rounds else {}
    content = measure_content_load(pack)
    frame_costs = measure_frames(frames)
    chat_costs = measure_chat_frames(frames)
    startup = measure_startup(startup_runs)
    startup_cold = measure_startup(startup_runs, kept=False)
    validating = validate_figures(validate_items, validate_runs)
    print(json.dumps({
        "startup_ms": round(statistics.median(startup), 1),
        "startup_runs_ms": [round(t, 1) for t in startup],
        "startup_cold_ms": round(statistics.median(startup_cold), 1),
        "frame_ms": {"median": round(statistics.median(frame_costs), 3),
                     "p99": round(_quantile(frame_costs, 0.99), 3),
                     "frames": len(frame_costs)},
        "chat_frame_ms": {"median": round(statistics.median(chat_costs), 3),
                          "p99": round(_quantile(chat_costs, 0.99), 3),
                          "frames": len(chat_costs)} if chat_costs else None,
        "content_load_ms": round(statistics.median(content), 2),
        **validating,
        **soak,
        "budgets": {"startup_ms": 250, "frame_median_ms": 1.0, "frame_p99_ms": 3.0,
                    "content_load_ms": 50, **VALIDATE_BUDGETS,
                    "soak_growth_mb": 10, "soak_peak_mb": 200},
    }))
    return 0
