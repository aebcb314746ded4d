"""Safety Dash: a dash game that teaches children to stay safe online."""

__version__ = "0.1.0"
