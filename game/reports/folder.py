"""Showing the folder a report was saved in, the way this computer shows folders: Explorer on
Windows, the Finder on a Mac (the report picked out), the file manager xdg-open starts on Linux.
Where there is no way, there is no opener, and the screen offers no "Open folder" button.

SAFETY_DASH_OPENER names a file instead (for tests and the screenshots tour): "opening" writes
the folder's path on a line of it and starts nothing.
"""
from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

OPENER_ENV = "SAFETY_DASH_OPENER"
log = logging.getLogger("safety_dash.reports")

Opener = Callable[[Path], bool]  # shows the folder of a report; False if it could not


def folder_opener() -> Opener | None:
    """How this computer shows a report's folder, or None where it has no way."""
    record = os.environ.get(OPENER_ENV)
    if record:
        return lambda report: _record(Path(record), report.parent)
    if sys.platform == "win32":
        start = os.startfile  # type: ignore[attr-defined]  # Windows only
        return lambda report: _run(lambda: start(report.parent))
    program = shutil.which("open" if sys.platform == "darwin" else "xdg-open")
    if program is None:
        return None
    if sys.platform == "darwin":
        return lambda report: _run(lambda: subprocess.Popen([program, "-R", str(report)]))
    return lambda report: _run(lambda: subprocess.Popen([program, str(report.parent)]))


def _run(start: Callable[[], object]) -> bool:
    """Start the file manager, not waiting for it; False (and the reason in the log) if it
    would not start."""
    try:
        start()
    except OSError as exc:
        log.warning("Could not open the reports folder: %s", exc)
        return False
    return True


def _record(record: Path, folder: Path) -> bool:
    try:
        with record.open("a", encoding="utf-8") as out:
            out.write(f"{folder}\n")
    except OSError as exc:
        log.warning("Could not note the folder to open in %s: %s", record, exc)
        return False
    return True
