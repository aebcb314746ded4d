"""Command line: play (the default), validate, preview, lesson, take-home, autoplay, screenshots,
bench."""
from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

COMMANDS = ("play", "validate", "preview", "lesson", "take-home", "autoplay", "screenshots",
            "bench")
BANDS = ["7-9", "10-12", "13-15"]
LANGUAGES = ["en", "cy"]  # as game.settings.LANGUAGES, without importing the game to parse
TEXT_SIZES = [100, 125, 150, 200]
THEMES = ["default", "high-contrast"]  # as game.settings.THEMES


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="safety-dash", description=__doc__)
    sub = parser.add_subparsers(dest="command")
    data = argparse.ArgumentParser(add_help=False)
    data.add_argument("--data-dir", help="where progress is saved (also $SAFETY_DASH_DATA_DIR)")
    content = argparse.ArgumentParser(add_help=False)
    content.add_argument("--content", metavar="DIR",
                         help="a content pack laid on top of the shipped bank: its files replace "
                              "shipped files of the same name, other files add to the bank")

    looks = argparse.ArgumentParser(add_help=False)
    looks.add_argument("--lang", choices=LANGUAGES,
                       help="the language: en (English) or cy (Cymraeg); saved as a setting")
    looks.add_argument("--text-size", type=int, choices=TEXT_SIZES, metavar="{100,125,150,200}",
                       help="text size in per cent; saved as a setting")
    looks.add_argument("--theme", choices=THEMES,
                       help="the colours: default or high-contrast; saved as a setting")

    play = sub.add_parser("play", parents=[data, content, looks],
                          help="play the game (the default)")
    play.add_argument("--fullscreen", action="store_true", help="start in full screen (F11 toggles)")
    play.add_argument("--classroom", action="store_true",
                      help="open classroom mode for a teacher and a class (full screen unless "
                           "--windowed)")
    play.add_argument("--windowed", action="store_true", help="with --classroom: in a window")
    play.add_argument("--report-dir", metavar="DIR",
                      help="where classroom reports are saved (default: your Documents folder)")

    validate = sub.add_parser("validate", parents=[content],
                              help="check the content bank's YAML files")
    validate.add_argument("dir", nargs="?", help="the content folder (default: ./content if the "
                          "current folder holds a bank, else the shipped bank)")
    validate.add_argument("--format", choices=["text", "json"], default="text",
                          help="text for people (the default), json for CI")
    validate.add_argument("--site", nargs="?", const="", metavar="FILE",
                          help="check a site settings file (safety-dash-site.yaml) instead of "
                               "the bank; without FILE, the one the game would read")

    preview = sub.add_parser("preview", parents=[content],
                             help="open one message, question or chat in a window, as a child "
                                  "sees it")
    preview.add_argument("kind", choices=["message", "question", "chat"])
    preview.add_argument("id", help="the item's id")

    lesson = sub.add_parser("lesson", parents=[content],
                            help="write a print-ready HTML lesson pack for a teacher")
    lesson.add_argument("-o", "--output", help="the file to write ('-' for standard output)")
    lesson.add_argument("--age", choices=BANDS, help="only this age band (default: all)")
    lesson.add_argument("--lang", choices=LANGUAGES, default="en",
                        help="the pack's language: en (English) or cy (Cymraeg)")

    home = sub.add_parser("take-home", parents=[data, content],
                          help="write a printable page for a child's grown-up from the saved "
                               "progress: what they have learned, and where to find advice")
    home.add_argument("-o", "--output", metavar="FILE",
                      help="the file to write, or a folder to write it in (default: "
                           "safety-notebook-for-home.html here)")
    home.add_argument("--lang", choices=LANGUAGES,
                      help="the page's language: en (English) or cy (Cymraeg); default: the "
                           "player's")

    auto = sub.add_parser("autoplay", parents=[data, content, looks],
                          help="let a bot play, headless; prints JSON")
    auto.add_argument("--rounds", type=int, default=3)
    auto.add_argument("--seed", type=int, default=0)
    auto.add_argument("--age", choices=BANDS, default="10-12")
    auto.add_argument("--mode", choices=["dash", "chat", "mixed"], default="dash",
                      help="the dash's rounds, Chat Check's chats, or both in turn")
    auto.add_argument("--classroom", action="store_true",
                      help="play a whole classroom lesson with teams, then write its report")
    auto.add_argument("--teams", type=int, choices=range(1, 5), default=2, metavar="1-4")
    auto.add_argument("--style", choices=["turns", "vote"], default="turns",
                      help="classroom: teams take turns, or the class votes")
    auto.add_argument("--report-dir", metavar="DIR", help="classroom: where the report goes")

    shots = sub.add_parser("screenshots", parents=[content, looks],
                           help="render every screen to PNG files")
    shots.add_argument("dir")

    bench = sub.add_parser("bench", parents=[content],
                           help="measure start-up, frame cost, content loading and validating")
    bench.add_argument("--frames", type=int, default=600)
    bench.add_argument("--startup-runs", type=int, default=5)
    bench.add_argument("--validate-items", type=int, default=10_000,
                       help="the size of the bank written and validated (default 10000)")
    bench.add_argument("--validate-runs", type=int, default=5)
    bench.add_argument("--soak-rounds", type=int, default=150,
                       help="rounds the soak plays in a fresh process, reading its memory after "
                            "round 10 and the last (0: no soak)")
    return parser


def main(argv: list[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if not args_list or args_list[0] not in COMMANDS and args_list[0] not in ("-h", "--help"):
        args_list.insert(0, "play")
    args = build_parser().parse_args(args_list)
    try:
        return run(args)
    except KeyboardInterrupt:
        return 130
    except Exception as problem:  # the last line of defence: plain words, details for a grown-up
        part = _missing_part(problem)
        if part:  # run from a Python without the game's dependencies: no crash, a way on
            print(f"Safety Dash cannot run here: a part it needs ({part}) is not installed for "
                  "this Python. Install the game with what it needs, as the README's first "
                  "command does (pip install .), then try again.", file=sys.stderr)
            return 1
        details = traceback.format_exc()
        path = _write_crash_report(details)
        print("Sorry, Safety Dash hit a problem and had to stop. Your saved progress is safe.",
              file=sys.stderr)
        if path:
            print(f"A report for a grown-up was written to {path}", file=sys.stderr)
        return 1


def run(args: argparse.Namespace) -> int:
    pack = getattr(args, "content", None)
    if pack is not None and not Path(pack).is_dir():  # typed by a teacher or an editor
        print(f"There is no content pack folder at {pack}: check the folder's name and where it "
              "is (--content names a folder holding a pack's YAML files).", file=sys.stderr)
        return 2
    if args.command == "validate" and args.dir and args.dir.endswith("safety-dash-site.yaml"):
        args.site, args.dir = args.dir, None  # a site file named as if it were a bank folder
    if args.command == "validate" and args.site is not None:
        from game.commands.validate import validate_site
        return validate_site(args.site or None, args.format)
    if args.command == "validate":
        from game.commands.validate import validate
        return validate(args.dir, args.content, args.format)
    if args.command == "preview":
        from game.commands.preview import preview
        return preview(args.kind, args.id, args.content)
    if args.command == "lesson":
        from game.commands.lesson import lesson_command
        return lesson_command(args.output, args.age, args.content, args.lang)
    if args.command == "take-home":
        from game.commands.take_home import take_home_command
        return take_home_command(args.output, args.data_dir, args.lang, args.content)
    if args.command == "autoplay" and args.classroom:
        from game.commands.autoplay import autoplay_classroom
        return autoplay_classroom(args.teams, args.rounds, args.seed, args.style, args.age,
                                  args.report_dir, args.data_dir, args.content, chosen(args),
                                  mode=args.mode)
    if args.command == "autoplay":
        from game.commands.autoplay import autoplay
        return autoplay(args.rounds, args.seed, args.age, args.data_dir, args.content,
                        chosen(args), mode=args.mode)
    if args.command == "screenshots":
        from game.commands.screenshots import screenshots
        return screenshots(args.dir, args.content, chosen(args))
    if args.command == "bench":
        from game.commands.bench import bench
        return bench(args.frames, args.startup_runs, args.content, args.validate_items,
                     args.validate_runs, args.soak_rounds)
    from game.launch import start
    app = start(args.data_dir, fullscreen=args.fullscreen or (args.classroom and not args.windowed),
                content=args.content, report_dir=args.report_dir, classroom=args.classroom,
                settings=chosen(args))
    app.run()
    return 0


def chosen(args: argparse.Namespace) -> dict[str, object]:
    """The settings given on the command line (--lang, --text-size, --theme), to save in the
    profile."""
    out: dict[str, object] = {}
    if args.lang:
        out["lang"] = args.lang
    if args.text_size:
        out["text_scale"] = args.text_size / 100
    if args.theme:
        out["theme"] = args.theme
    return out


def _missing_part(problem: Exception) -> str:
    """The library missing from this Python, if that is what went wrong ("" otherwise, and for
    a missing part of the game itself, which is a bug)."""
    if not isinstance(problem, ModuleNotFoundError):
        return ""
    part = (problem.name or "").partition(".")[0]
    return "" if part == "game" else part


def _write_crash_report(details: str) -> str:
    try:
        import tempfile
        from pathlib import Path
        path = Path(tempfile.gettempdir()) / "safety-dash-crash.txt"
        path.write_text(details, encoding="utf-8")
        return str(path)
    except OSError:
        return ""


if __name__ == "__main__":
    sys.exit(main())
