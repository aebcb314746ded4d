"""What the wheel carries; the project's metadata is in pyproject.toml.

Nothing here is listed by hand, so a new subpackage or data file cannot be left out: every folder
is found as a package and every file in it is carried (tests/test_wheel.py compares the built
wheel with the source tree). assets/ and content/ live at the top of the repository for editors
and artists; in the wheel they travel inside the package as game/_assets and game/_content
(game/paths.py finds them in either place).
"""
from setuptools import find_namespace_packages, setup

FOLDERS = {"game": "game", "game._assets": "assets", "game._content": "content"}
BUILD_JUNK = ["*__pycache__*", "*.pyc", "*.pyo", "*.DS_Store", "*~"]  # as tests/package_files.py


def packages(name: str, folder: str) -> list[str]:
    """`folder` as the package `name`, and every folder in it as one of its subpackages."""
    inside = find_namespace_packages(folder, exclude=["*__pycache__*"])
    return [name, *(f"{name}.{sub}" for sub in inside)]


setup(
    packages=[package for name, folder in FOLDERS.items() for package in packages(name, folder)],
    package_dir={name: folder for name, folder in FOLDERS.items() if name != folder},
    package_data={"": ["*"]},
    exclude_package_data={"": BUILD_JUNK},
)
