"""The command line: validate's output and exit codes, bench's report, a crash in plain words."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HEADLESS = {"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy"}


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    # the environment as it is now: conftest points TMPDIR into the test's own folder
    return subprocess.run([sys.executable, "-m", "game", *args], cwd=cwd,
                          env={**os.environ, **HEADLESS}, capture_output=True, text=True,
                          timeout=300)


def explain(out: subprocess.CompletedProcess) -> str:
    """A failed command's stderr and the crash report it wrote, so that a failing test (in CI
    above all) shows the traceback."""
    report = re.search(r"A report for a grown-up was written to (.+)", out.stderr)
    if report and Path(report[1]).is_file():
        return out.stderr + "\n" + Path(report[1]).read_text(encoding="utf-8", errors="replace")
    return out.stderr


def test_validate_the_shipped_bank_passes():
    out = run("validate")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 errors" in out.stdout


def test_validate_a_broken_bank_prints_file_line_col_and_fails(tmp_path):
    for name in ("sources", "topics", "help", "ranks", "messages", "questions"):
        (tmp_path / f"{name}.yaml").write_text((ROOT / "content" / f"{name}.yaml").read_text())
    broken = tmp_path / "questions.yaml"
    broken.write_text(broken.read_text().replace("ages:", "ages:\n\t", 1))
    out = run("validate", str(tmp_path))
    assert out.returncode == 1
    assert re.search(r"questions\.yaml:\d+:\d+: error \[[a-z-]+\] .*tab", out.stdout), out.stdout
    assert "Traceback" not in out.stdout + out.stderr


def test_validate_a_missing_folder_fails_cleanly(tmp_path):
    out = run("validate", str(tmp_path / "nowhere"))
    assert out.returncode == 1 and "Traceback" not in out.stdout + out.stderr


def test_bench_reports_every_figure():
    out = run("bench", "--frames", "30", "--startup-runs", "1", "--validate-items", "1000",
              "--validate-runs", "1", "--soak-rounds", "2")
    assert out.returncode == 0, explain(out)
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["startup_ms"] > 0 and report["startup_cold_ms"] > 0
    assert report["content_load_ms"] > 0
    assert report["validate_1k_cold_cpu_ms"] > 0 and report["validate_1k_one_file_edit_ms"] > 0
    assert report["validate_shipped_ms"] > 0 and report["long_word_ratio"] > 0
    assert report["budgets"]["validate_10k_one_file_edit_ms"] == 1000
    assert report["frame_ms"]["frames"] == 30
    assert 0 < report["frame_ms"]["median"] <= report["frame_ms"]["p99"]
    assert report["soak_rounds"] == 2 and report["budgets"]["soak_growth_mb"] == 10
    assert 0 < report["soak_rss_round1_mb"] <= report["soak_peak_mb"]
    assert 0 < report["soak_rss_round2_mb"] <= report["soak_peak_mb"]
    assert report["soak_cache_mb"]["text"] > 0


def test_an_unexpected_error_is_told_in_plain_words(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("")
    # screenshots into a folder whose parent is a file: an OSError deep inside the command
    out = run("screenshots", str(blocker / "shots"))
    assert out.returncode == 1
    assert "Traceback" not in out.stderr
    assert "Sorry, Safety Dash hit a problem" in out.stderr


def test_a_missing_schema_line_is_offered_with_the_schemas_beside_the_bank(tmp_path):
    """An editor's checkout has content/schema: the line to add points there (a path into the
    installed game would break on the next install); a translation's points one folder up."""
    bank = tmp_path / "content"
    shutil.copytree(ROOT / "content", bank)
    for name in ("branding.yaml", "cy/help.yaml"):
        lines = (bank / name).read_text(encoding="utf-8").split("\n")
        (bank / name).write_text("\n".join(lines[1:]), encoding="utf-8")
    out = run("validate", "--format", "json", cwd=tmp_path)
    hints = {p["path"]: p["hint"] for p in json.loads(out.stdout)["problems"]
             if p["code"] == "no-schema-line"}
    assert hints == {
        "content/branding.yaml": "add this as the first line: "
                                 "# yaml-language-server: $schema=schema/branding.schema.json",
        "content/cy/help.yaml": "add this as the first line: "
                                "# yaml-language-server: $schema=../schema/translation.schema.json"}


def test_a_python_without_the_games_libraries_is_told_how_to_install_them(tmp_path):
    """Run from a Python that lacks a library the game needs (here: platformdirs hidden), a
    command says which part is missing and how to install it: no crash report."""
    code = ("import sys; sys.modules['platformdirs'] = None; "
            "sys.argv = ['safety-dash', 'validate', sys.argv[1]]; "
            "from game.__main__ import main; sys.exit(main())")
    out = subprocess.run([sys.executable, "-c", code, str(ROOT / "content")], cwd=tmp_path,
                         env={**os.environ, **HEADLESS, "SAFETY_DASH_CACHE_DIR": ""},
                         capture_output=True, text=True, timeout=300)
    assert out.returncode == 1
    assert "a part it needs (platformdirs) is not installed" in out.stderr
    assert "pip install ." in out.stderr
    assert "Sorry, Safety Dash hit a problem" not in out.stderr and "Traceback" not in out.stderr
    assert not list(tmp_path.rglob("safety-dash-crash.txt"))
