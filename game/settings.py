"""The player's settings: what each one may be, its default, and reading them back from a save.

Settings live in the profile's `settings` mapping (saved with the progress, see game.save). A
value that is missing, of the wrong type or out of range falls back to its default, so a save
written by an older or newer game, or edited by hand, never stops the game from starting.
No pygame here: the screens apply the settings, this module only says what they are.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field, fields, replace

TEXT_SCALES: tuple[float, ...] = (1.0, 1.25, 1.5, 2.0)  # 100, 125, 150 and 200%
THEMES: tuple[str, ...] = ("default", "high-contrast")
SPEEDS: tuple[str, ...] = ("normal", "slow")
LANGUAGES: tuple[str, ...] = ("en", "cy")
VOLUME_STEPS: tuple[int, ...] = tuple(range(0, 101, 10))
SLOW_SPEED = 0.7  # the world's speed in the slow setting, as a share of normal


@dataclass(frozen=True)
class Settings:
    text_scale: float = 1.0
    theme: str = "default"
    reduced_motion: bool = False  # no parallax, shake or flashing
    speed: str = "normal"
    assist: bool = False  # the dog hovers at a question until an answer is chosen
    effects_volume: int = 80
    music_volume: int = 50
    speech_volume: int = 100
    muted: bool = False
    read_aloud: bool = False
    lang: str = "en"
    one_switch: bool = False  # Space alone: a highlight steps through the choices, Space picks
    keys: dict[str, str] = field(default_factory=dict)  # an action's name -> a key's name

    def to_json(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: object) -> "Settings":
        """Settings from a saved mapping, each bad or missing value replaced by its default."""
        if not isinstance(data, dict):
            return cls()
        default = cls()
        values: dict[str, object] = {}
        for f in fields(cls):
            value = data.get(f.name, getattr(default, f.name))
            values[f.name] = _checked(f.name, value, getattr(default, f.name))
        return cls(**values)

    def with_(self, **changes: object) -> "Settings":
        return replace(self, **changes)

    @property
    def world_speed(self) -> float:
        """How fast the world moves, as a share of normal."""
        return SLOW_SPEED if self.speed == "slow" else 1.0


_CHOICES: dict[str, tuple] = {
    "text_scale": TEXT_SCALES, "theme": THEMES, "speed": SPEEDS, "lang": LANGUAGES,
    "effects_volume": VOLUME_STEPS, "music_volume": VOLUME_STEPS, "speech_volume": VOLUME_STEPS,
}


def _checked(name: str, value: object, default: object) -> object:
    if name in _CHOICES:
        choices = _CHOICES[name]
        if isinstance(value, bool) or not isinstance(value, (int, float, str)):
            return default
        if isinstance(default, (int, float)):
            if not isinstance(value, (int, float)):
                return default
            return min(choices, key=lambda c: abs(c - value))  # a hand-edited 55 becomes 50
        return value if value in choices else default
    if isinstance(default, bool):
        return value if isinstance(value, bool) else default
    if isinstance(default, dict):
        if not isinstance(value, dict):
            return default
        return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, str)}
    return default


def next_choice(current: object, choices: tuple) -> object:
    """The choice after `current`, wrapping round (a button that steps through the choices)."""
    try:
        return choices[(choices.index(current) + 1) % len(choices)]
    except ValueError:
        return choices[0]
