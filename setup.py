"""What the wheel carries; the project's metadata is in pyproject.toml.

Nothing here is listed by hand, so a new subpackage or data file cannot be left out: every folder
under game/ is found as a package and every file in it is carried (tests/test_wheel.py compares
the built wheel with the source tree). assets/ and content/ live at the top of the repository for
editors and artists; in the wheel they travel inside the package as game/_assets and
game/_content (game/paths.py finds them in either place).
"""
from setuptools import find_namespace_packages, setup

BUILD_JUNK = ["*__pycache__*", "*.pyc", "*.pyo", "*.DS_Store", "*~"]  # as tests/package_files.py

setup(
    packages=[*find_namespace_packages(include=["game", "game.*"], exclude=["*__pycache__*"]),
              "game._assets", "game._content"],
    package_dir={"game._assets": "assets", "game._content": "content"},
    package_data={"": ["*"], "game._assets": ["**/*"], "game._content": ["**/*"]},
    exclude_package_data={"": BUILD_JUNK},
)
