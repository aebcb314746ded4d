"""The files the installed package must carry, read from the source tree.

Every file under game/ (modules, report templates), and every file of assets/ and content/, which
travel inside the package as game/_assets and game/_content (setup.py). Bytecode caches and
editors' leftovers are build junk, not the game's.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# each source folder, and where its files lie in the installed package
FOLDERS = {"game": "game", "assets": "game/_assets", "content": "game/_content"}


def is_junk(relative: Path) -> bool:
    return ("__pycache__" in relative.parts or relative.suffix in (".pyc", ".pyo")
            or relative.name == ".DS_Store" or relative.name.endswith("~"))


def package_files(folder: Path, inside: str) -> set[str]:
    """The files under `folder` as paths in the package (`inside` + their path in `folder`)."""
    return {f"{inside}/{path.relative_to(folder).as_posix()}" for path in folder.rglob("*")
            if path.is_file() and not is_junk(path.relative_to(folder))}


def shipped_files(root: Path = ROOT) -> set[str]:
    """Every file the package must carry, as its path in site-packages
    ("game/_content/messages.yaml")."""
    return set().union(*(package_files(root / folder, inside)
                         for folder, inside in FOLDERS.items()))


# files that were once left out, or that only a careless list would forget: if the source tree
# no longer has them, the comparison with the wheel proves little until they are replaced
LANDMARKS = {
    "game/scenes/classroom/__init__.py", "game/reports/templates/classroom.html.j2",
    "game/_content/messages.yaml", "game/_content/cy/ui.yaml",
    "game/_content/schema/messages.schema.json", "game/_content/README.md",
    "game/_assets/fonts/Andika-Regular.ttf", "game/_assets/sounds/music.ogg",
}
