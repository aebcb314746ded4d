"""What the Settings screen offers: its sections and pages, each setting's choices, and the
words a row shows (its name, what it does, its value). No pygame: the screen draws them.
"""
from __future__ import annotations

from game.i18n import t
from game.settings import LANGUAGES, SPEEDS, TEXT_SCALES, THEMES, VOLUME_STEPS, next_choice

KEYS_ROW = "keys"  # not a setting: the row that opens the Keys screen
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("seeing", ("text_scale", "theme", "reduced_motion", "muted", "effects_volume",
                "music_volume", "speech_volume", "read_aloud")),
    ("playing", ("speed", "assist", "lang")),
    ("controls", ("one_switch", KEYS_ROW)),
)
PAGES: tuple[tuple[str, ...], ...] = (("seeing",), ("playing", "controls"))  # whole sections
ORDERED = {"text_scale": TEXT_SCALES, "effects_volume": VOLUME_STEPS,
           "music_volume": VOLUME_STEPS, "speech_volume": VOLUME_STEPS}  # Left/Right stop at ends
CHOICES: dict[str, tuple] = {
    **ORDERED, "theme": THEMES, "speed": SPEEDS, "lang": LANGUAGES,
    "reduced_motion": (False, True), "assist": (False, True), "one_switch": (False, True),
    "muted": (True, False), "read_aloud": (False, True),
}
LANGUAGE_NAMES = {"en": "English", "cy": "Cymraeg"}  # each in its own language, never translated

def locked_words() -> str:
    """What a setting the school chose for every pupil (game.site_settings) says instead."""
    return t("Your school chose this for everyone on this computer, so it cannot be changed "
             "here.")


def section_title(section: str) -> str:
    return {"seeing": t("Seeing and hearing"), "playing": t("Playing"),
            "controls": t("Controls")}[section]


def row_label(key: str) -> str:
    return {
        "text_scale": t("Text size"), "theme": t("Colours"), "reduced_motion": t("Less movement"),
        "muted": t("Sound"), "effects_volume": t("Sound effects"), "music_volume": t("Music"),
        "speech_volume": t("Reading voice"), "read_aloud": t("Read aloud"),
        "speed": t("Game speed"), "assist": t("Helper mode"), "one_switch": t("One-button play"),
        "lang": t("Language"), KEYS_ROW: t("Keys"),
    }[key]


def row_explanation(key: str) -> str:
    return {
        "text_scale": t("Make the words bigger or smaller."),
        "theme": t("Stronger colours that are easier to see."),
        "reduced_motion": t("Stops the background moving, shaking and flashing."),
        "muted": t("Turn all sound off or on. The M key does this too."),
        "effects_volume": t("How loud the hops and cheers are."),
        "music_volume": t("How loud the music is."),
        "speech_volume": t("How loud the reading voice is."),
        "read_aloud": t("Questions and messages are read out loud."),
        "speed": t("Slow gives you more time to steer and to read."),
        "assist": t("The dog waits at each question until you choose an answer."),
        "one_switch": t("Play with the Space key alone: a light moves over the choices, "
                        "and Space picks one."),
        "lang": t("The language the game speaks and writes."),
        KEYS_ROW: t("Choose which keys do what."),
    }[key]


def value_words(key: str, value: object) -> str:
    """A setting's value as the player reads it."""
    if key == "text_scale":
        return t("{percent}%", percent=round(float(value) * 100))  # type: ignore[arg-type]
    if key in ("effects_volume", "music_volume", "speech_volume"):
        return t("{percent}%", percent=value)
    if key == "theme":
        return t("High contrast") if value == "high-contrast" else t("Normal")
    if key == "speed":
        return t("Slow") if value == "slow" else t("Normal")
    if key == "lang":
        return LANGUAGE_NAMES[str(value)]
    if key == "muted":
        return t("Off") if value else t("On")
    return t("On") if value else t("Off")


def stepped(key: str, current: object, step: int, wrap: bool = False) -> object:
    """The value `step` choices on from `current`. Left and Right stop at the ends of ordered
    settings (sizes, volumes) and wrap round the others; a press (`wrap`) always wraps round,
    so one switch reaches every choice."""
    choices = CHOICES[key]
    if step == 1 and (wrap or key not in ORDERED):
        return next_choice(current, choices)
    i = choices.index(current) if current in choices else 0
    if key in ORDERED and not wrap:
        return choices[max(0, min(len(choices) - 1, i + step))]
    return choices[(i + step) % len(choices)]
