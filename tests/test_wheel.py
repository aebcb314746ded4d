"""The wheel carries every file of the game and nothing else (tests/package_files.py), so that a
new subpackage, template or data file cannot be left out of what people install."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import zipfile

import pytest

from package_files import FOLDERS, LANDMARKS, ROOT, shipped_files


@pytest.fixture(scope="module")
def wheel(tmp_path_factory, module_folders):
    """A wheel built from a copy of the checkout's files at the top and its source folders: the
    build writes its scratch files (build/, *.egg-info) beside the sources, never in the
    checkout. The copy keeps any bytecode caches, so that the wheel is seen to leave them out."""
    tmp = tmp_path_factory.mktemp("wheel")
    source = tmp / "source"
    source.mkdir()
    for path in ROOT.iterdir():
        if path.is_file():
            shutil.copy2(path, source)
    for folder in FOLDERS:
        shutil.copytree(ROOT / folder, source / folder)
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet",
                    "--wheel-dir", str(tmp / "dist"), str(source)],
                   env={**os.environ, **module_folders}, check=True, timeout=600)
    [built] = (tmp / "dist").glob("safety_dash-*.whl")
    with zipfile.ZipFile(built) as opened:
        yield opened


def test_the_wheel_carries_every_file_of_the_game_and_nothing_else(wheel):
    expected = shipped_files()
    assert LANDMARKS <= expected, "the source tree's walk missed files it must see"
    carried = {name for name in wheel.namelist()
               if not name.split("/", 1)[0].endswith(".dist-info")}
    assert sorted(expected - carried) == [], "left out of the wheel"
    assert sorted(carried - expected) == [], "in the wheel but not in the source tree"


def test_read_aloud_installs_with_the_game(wheel):
    [metadata] = [n for n in wheel.namelist() if n.endswith(".dist-info/METADATA")]
    requires = re.findall(r"^Requires-Dist: (.*)$", wheel.read(metadata).decode(), re.M)
    assert [r for r in requires if r.startswith("pyttsx3") and "extra ==" not in r], requires
