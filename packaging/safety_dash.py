"""The standalone bundle's entry point (packaging/safety-dash.spec freezes this file).

A frozen program has no Python to start, so the one executable also stands in for
`python -P -m game.speech_worker`, which read aloud (game.speech) starts for each text: given
`[-P] -m MODULE ...` for one of the game's own modules it runs that module, as Python would.
Nothing else is run that way: the bundle is not a general Python interpreter, and so
`safety-dash bench`, which times fresh Python processes of its own, runs only from an installed
wheel.

With $SAFETY_DASH_FIRST_FRAME_PROBE set, the game prints the clock (time.time_ns()) at its first
frame and exits, as bench's start-up probe does for the wheel: how the README's start-up
figures for the bundle were measured.
"""
import os
import runpy
import sys
import time


def _module_asked() -> str | None:
    """The game module named by `[-P] -m MODULE`, if that is how this process was started."""
    args = sys.argv[1:]
    if args[:1] == ["-P"]:
        args = args[1:]
    if len(args) >= 2 and args[0] == "-m" and (args[1] == "game" or args[1].startswith("game.")):
        return args[1]
    return None


def _stop_at_the_first_frame() -> None:
    import game  # noqa: F401  first, as the real entry point does: it sets how pygame is imported
    import pygame

    def first_flip(*_args: object, **_kwargs: object) -> None:
        print(time.time_ns(), flush=True)
        os._exit(0)
    pygame.display.flip = first_flip


if __name__ == "__main__":
    if os.environ.get("SAFETY_DASH_FIRST_FRAME_PROBE"):
        _stop_at_the_first_frame()
    module = _module_asked()
    if sys.argv[1:2] == ["bench"]:
        sys.exit("safety-dash bench measures the game installed with pip (it starts Python "
                 "itself), so it does not run from the standalone bundle; see the README.")
    if module is None:
        from game.__main__ import main
        sys.exit(main())
    sys.argv = [sys.argv[0], *sys.argv[sys.argv.index(module) + 1:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
