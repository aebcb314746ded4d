"""Where the shipped assets and content bank live, in a checkout or an installed wheel.

In a checkout they are the top-level assets/ and content/ folders; a wheel carries them inside
the package as game/_assets and game/_content (see setup.py).
"""
from __future__ import annotations

import os
from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_REPO_ROOT = _PACKAGE.parent


def _locate(repo_name: str) -> Path:
    installed = _PACKAGE / f"_{repo_name}"
    if installed.is_dir():
        return installed
    return _REPO_ROOT / repo_name


@cache
def assets_dir() -> Path:
    return _locate("assets")


@cache
def content_dir() -> Path:
    return _locate("content")


def seeds_folders(bank_folders: list[Path]) -> list[Path]:
    """Where the source articles may be: $SAFETY_DASH_SEEDS (folders separated like PATH), the
    shared/seeds folder beside the repository, and a seeds folder inside each bank folder."""
    candidates = [Path(p) for p in os.environ.get("SAFETY_DASH_SEEDS", "").split(os.pathsep) if p]
    candidates.append(content_dir().resolve().parent.parent / "shared" / "seeds")
    candidates += [folder / "seeds" for folder in bank_folders]
    return [c for c in dict.fromkeys(candidates) if c.is_dir()]


CACHE_ENV = "SAFETY_DASH_CACHE_DIR"


def cache_folder() -> Path | None:
    """Where the game keeps what it worked out (the validator's answers, what start-up needs):
    $SAFETY_DASH_CACHE_DIR, or the user's cache folder; None when the variable says "off"."""
    named = os.environ.get(CACHE_ENV)
    if named:
        return None if named.lower() == "off" else Path(named)
    import platformdirs
    return Path(platformdirs.user_cache_dir("safety-dash", appauthor=False))
