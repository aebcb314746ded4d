"""Safety Dash: a dash game that teaches children to stay safe online."""
import sys

__version__ = "0.1.0"

# pygame's pkgdata imports pkg_resources when setuptools is installed, only to offer a fallback
# way of finding its own files; that import alone costs about 100 ms of the 250 ms start-up
# budget. Nothing in Safety Dash uses pkg_resources, so pygame takes its plain-file path instead.
if "pkg_resources" not in sys.modules:
    sys.modules["pkg_resources"] = None  # type: ignore[assignment]
