"""The standalone bundle's entry point (packaging/safety-dash.spec freezes this file).

A frozen program has no Python to start, so the one executable also stands in for
`python -P -m game.speech_worker`, which read aloud (game.speech) starts for each text: given
`[-P] -m MODULE ...` for one of the game's own modules it runs that module, as Python would.
Nothing else is run that way: the bundle is not a general Python interpreter, and so
`safety-dash bench`, which times fresh Python processes of its own, runs only from an installed
wheel.
"""
import runpy
import sys


def _module_asked() -> str | None:
    """The game module named by `[-P] -m MODULE`, if that is how this process was started."""
    args = sys.argv[1:]
    if args[:1] == ["-P"]:
        args = args[1:]
    if len(args) >= 2 and args[0] == "-m" and (args[1] == "game" or args[1].startswith("game.")):
        return args[1]
    return None


if __name__ == "__main__":
    module = _module_asked()
    if sys.argv[1:2] == ["bench"]:
        sys.exit("safety-dash bench measures the game installed with pip (it starts Python "
                 "itself), so it does not run from the standalone bundle; see the README.")
    if module is None:
        from game.__main__ import main
        sys.exit(main())
    sys.argv = [sys.argv[0], *sys.argv[sys.argv.index(module) + 1:]]
    runpy.run_module(module, run_name="__main__", alter_sys=True)
