"""Where the shipped assets and content bank live, in a checkout or an installed wheel."""
from __future__ import annotations

from functools import cache
from importlib import resources
from pathlib import Path

_REPO_ROOT = Path(__file__).resolve().parent.parent


def _locate(repo_name: str, package: str) -> Path:
    in_checkout = _REPO_ROOT / repo_name
    if (_REPO_ROOT / "pyproject.toml").is_file() and in_checkout.is_dir():
        return in_checkout
    return Path(str(resources.files(package)))


@cache
def assets_dir() -> Path:
    return _locate("assets", "game._assets")


@cache
def content_dir() -> Path:
    return _locate("content", "game._content")
