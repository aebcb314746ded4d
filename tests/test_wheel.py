"""A wheel built from the repo carries assets/ and content/ and plays from any folder."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_wheel_installs_and_plays_from_another_folder(tmp_path):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(dist),
                    str(ROOT)], check=True, timeout=600)
    [wheel] = dist.glob("safety_dash-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    assert "game/_content/messages.yaml" in names
    assert "game/_content/cy/messages.yaml" in names  # the Welsh translation
    assert "game/_assets/fonts/Andika-Regular.ttf" in names
    assert "game/_assets/sounds/hop.wav" in names
    assert "game/_assets/sounds/music.ogg" in names
    assert "game/reports/templates/lesson.html.j2" in names

    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    bindir = env_dir / ("Scripts" if os.name == "nt" else "bin")
    subprocess.run([str(bindir / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
                   check=True, timeout=600)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    env.pop("PYTHONPATH", None)
    out = subprocess.run([str(bindir / "safety-dash"), "autoplay", "--rounds", "1",
                          "--data-dir", str(tmp_path / "data")],
                         cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    report = json.loads(out.stdout.strip().splitlines()[-1])
    assert report["rounds"] == 1 and report["messages"][0]
    pack = elsewhere / "lesson.html"
    out = subprocess.run([str(bindir / "safety-dash"), "lesson", "--age", "7-9", "-o", str(pack)],
                         cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert "Ages 7\u20139" in pack.read_text(encoding="utf-8")
    check = subprocess.run([str(bindir / "python"), "-c",
                            "import game.paths as p; print(p.content_dir())"],
                           cwd=elsewhere, env=env, capture_output=True, text=True, check=True)
    assert "site-packages" in check.stdout
