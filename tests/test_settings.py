"""Settings: every bad saved value falls back to its default; changes are saved with the profile."""
from __future__ import annotations

import json

from hypothesis import given, strategies as st

from game.content.model import Bank
from game.save import Profile, SaveStore
from game.session import Session
from game.settings import LANGUAGES, TEXT_SCALES, THEMES, Settings, next_choice

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                 max_size=3),
    max_leaves=10)


@given(st.dictionaries(st.sampled_from([f.name for f in Settings.__dataclass_fields__.values()])
                       | st.text(max_size=6), json_values, max_size=8))
def test_any_saved_mapping_reads_as_valid_settings(data):
    s = Settings.from_json(data)
    assert s.text_scale in TEXT_SCALES and s.theme in THEMES and s.lang in LANGUAGES
    assert 0 <= s.effects_volume <= 100 and isinstance(s.read_aloud, bool)
    assert all(isinstance(k, str) and isinstance(v, str) for k, v in s.keys.items())
    assert Settings.from_json(json.loads(json.dumps(s.to_json()))) == s


def test_hand_edited_values_are_kept_when_they_make_sense():
    s = Settings.from_json({"text_scale": 2, "effects_volume": 55, "lang": "cy", "theme": "pink",
                            "muted": "yes"})
    assert (s.text_scale, s.effects_volume, s.lang) == (2.0, 50, "cy")
    assert s.theme == "default" and s.muted is False


def test_next_choice_wraps_and_recovers():
    assert next_choice(2.0, TEXT_SCALES) == 1.0
    assert next_choice("nonsense", THEMES) == THEMES[0]


def test_changed_settings_survive_a_restart(tmp_path):
    from game.content.model import Bank
    from game.session import Session
    store = SaveStore(tmp_path)
    session = Session(Bank(), store, store.load().profile)
    session.change_settings(text_scale=1.5, lang="cy", read_aloud=True)
    again = SaveStore(tmp_path).load().profile
    assert Settings.from_json(again.settings).text_scale == 1.5
    assert Settings.from_json(again.settings).lang == "cy"
    assert Settings.from_json(again.settings).read_aloud is True


def test_settings_read_again_only_when_the_saved_ones_change(tmp_path):
    """The session keeps its last reading of the settings (they are read every frame) but never
    a stale one: a change made straight to the profile's mapping, even inside the key map, is
    seen at once."""
    session = Session(Bank(), SaveStore(tmp_path), Profile())
    first = session.settings
    assert session.settings is first  # kept
    session.profile.settings["text_scale"] = 2.0
    assert session.settings.text_scale == 2.0
    session.change_settings(keys={"hop": "x"})
    session.profile.settings["keys"]["hop"] = "z"  # changed in place
    assert session.settings.keys == {"hop": "z"}
