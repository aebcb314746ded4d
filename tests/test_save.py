"""Saved progress: round trips, tolerant loading, kept-aside bad files, failing disks, killed writers."""
from __future__ import annotations

import errno
import json
import os
import random
import select
import signal
import subprocess
import sys
import time
import tracemalloc
from datetime import datetime
from pathlib import Path

import platformdirs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from game import save as save_module
from game.save import (
    APP_NAME,
    DATA_DIR_ENV,
    MAX_BYTES,
    NICKNAME_LIMIT,
    SAVE_VERSION,
    LoadResult,
    Profile,
    SaveError,
    SaveStore,
    resolve_data_dir,
)

CHILD = Path(__file__).with_name("save_writer_child.py")
FIXED_NOW = datetime(2026, 11, 23, 10, 15, 0)
CORRUPT_NAME = "profile.corrupt-20261123-101500.json"


@pytest.fixture
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(save_module, "_now", lambda: FIXED_NOW)


def sample_profile() -> Profile:
    return Profile(
        best_score=42,
        total_points=310,
        rank_id="cyber-scout",
        rounds_played=7,
        age_band="10-12",
        notebook=["passwords-1", "strangers-2", "photos-3"],
        seen_counts={"passwords-1": 3, "strangers-2": 1, "photos-3": 2},
        last_message="photos-3",
        settings={"muted": True, "fullscreen": False},
        nickname="Robin",
    )


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


# ---- round trip and defaults ----

def test_round_trip_through_disk(tmp_path: Path) -> None:
    data = tmp_path / "not" / "yet" / "there"
    store = SaveStore(data)
    assert store.path == data / "profile.json"
    profile = sample_profile()
    assert store.save(profile) == ""
    assert files_in(data) == ["profile.json"]  # no temporary files left behind

    on_disk = json.loads(store.path.read_text(encoding="utf-8"))
    assert on_disk["version"] == SAVE_VERSION
    assert on_disk["profile"]["notebook"] == ["passwords-1", "strangers-2", "photos-3"]

    loaded = SaveStore(data).load()
    assert isinstance(loaded, LoadResult)
    assert loaded.notice == ""
    assert loaded.profile == profile
    assert loaded.profile is not profile


def test_save_replaces_previous_save(tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    first = sample_profile()
    assert store.save(first) == ""
    second = sample_profile()
    second.best_score = 99
    second.notebook.append("new-4")
    assert store.save(second) == ""
    assert store.load().profile == second
    assert files_in(tmp_path) == ["profile.json"]


def test_missing_file_gives_fresh_profile_without_notice(tmp_path: Path) -> None:
    result = SaveStore(tmp_path / "nothing-here").load()
    assert result.profile == Profile()
    assert result.notice == ""
    assert not (tmp_path / "nothing-here").exists()  # loading alone creates nothing


def test_fresh_profile_defaults() -> None:
    p = Profile()
    assert (p.best_score, p.total_points, p.rank_id, p.rounds_played) == (0, 0, "", 0)
    assert (p.age_band, p.notebook, p.seen_counts, p.last_message) == ("", [], {}, "")
    assert (p.settings, p.nickname) == ({}, "")
    assert Profile().notebook is not Profile().notebook


def test_to_json_is_a_copy() -> None:
    p = sample_profile()
    data = p.to_json()
    data["notebook"].append("x")
    data["seen_counts"]["x"] = 1
    data["settings"]["muted"] = False
    assert p == sample_profile()
    assert json.loads(json.dumps(data))["nickname"] == "Robin"


def test_odd_text_still_saves(tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    profile = Profile(nickname="Zo\u00eb \U0001f680 \ud800", notebook=["caf\u00e9"])
    assert store.save(profile) == ""
    assert store.load().profile == profile


# ---- resolve_data_dir ----

def test_data_dir_cli_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert resolve_data_dir(tmp_path / "from-cli") == tmp_path / "from-cli"
    assert resolve_data_dir(str(tmp_path / "cli-str")) == tmp_path / "cli-str"


def test_data_dir_env_next(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "from-env"))
    assert resolve_data_dir() == tmp_path / "from-env"
    assert resolve_data_dir(None) == tmp_path / "from-env"


def test_data_dir_platform_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(DATA_DIR_ENV, raising=False)
    expected = Path(platformdirs.user_data_path(APP_NAME, appauthor=False))
    assert resolve_data_dir() == expected
    assert APP_NAME in str(expected)
    monkeypatch.setenv(DATA_DIR_ENV, "")  # an empty variable means "not set"
    assert resolve_data_dir() == expected


def test_data_dir_expands_home(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv(DATA_DIR_ENV, "~/saves")
    assert resolve_data_dir() == tmp_path / "saves"


# ---- corrupt and odd files ----

UNREADABLE = [
    pytest.param(b"\x00\xff\xfe\x80garbage\x9c\x01", id="garbage-bytes"),
    pytest.param(b'{"version": 1, "profile": {"best_score": 12, "notebook": ["a", "b"', id="truncated"),
    pytest.param(b"[1, 2, 3]", id="json-list"),
    pytest.param(b'{"version": 1, "profile": 5}', id="profile-not-dict"),
    pytest.param(b"", id="empty-file"),
    pytest.param(b'{"profile": {}}', id="no-version"),
    pytest.param(b'{"version": "1", "profile": {}}', id="version-string"),
    pytest.param(b'{"version": true, "profile": {}}', id="version-bool"),
    pytest.param(b'{"version": 1.0, "profile": {}}', id="version-float"),
    pytest.param(b'{"version": 0, "profile": {}}', id="version-zero"),
    pytest.param(b'{"version": 1}', id="profile-missing"),
    pytest.param(b"null", id="json-null"),
    pytest.param(b"[" * 100_000, id="absurdly-deep"),
]


@pytest.mark.parametrize("raw", UNREADABLE)
def test_unreadable_file_is_kept_aside(tmp_path: Path, fixed_clock: None, raw: bytes) -> None:
    store = SaveStore(tmp_path)
    store.path.write_bytes(raw)

    result = store.load()

    assert result.profile == Profile()
    assert result.notice
    assert "could not be read" in result.notice
    assert "starting fresh" in result.notice
    assert "today's date" in result.notice and CORRUPT_NAME not in result.notice
    assert files_in(tmp_path) == [CORRUPT_NAME]
    assert (tmp_path / CORRUPT_NAME).read_bytes() == raw  # the original bytes, untouched

    # The game carries on and saves normally afterwards.
    assert store.save(sample_profile()) == ""
    assert SaveStore(tmp_path).load() == LoadResult(sample_profile(), "")
    assert (tmp_path / CORRUPT_NAME).read_bytes() == raw


def test_corrupt_copies_never_overwrite_each_other(tmp_path: Path, fixed_clock: None) -> None:
    store = SaveStore(tmp_path)
    originals = [b"first broken", b"second broken", b"third broken"]
    notices = []
    for raw in originals:
        store.path.write_bytes(raw)
        notices.append(store.load().notice)

    names = [CORRUPT_NAME, "profile.corrupt-20261123-101500-1.json",
             "profile.corrupt-20261123-101500-2.json"]
    assert files_in(tmp_path) == sorted(names)
    for name, raw, notice in zip(names, originals, notices):
        assert (tmp_path / name).read_bytes() == raw
        assert "today's date" in notice


def test_corrupt_copy_skips_an_existing_name_made_by_someone_else(
        tmp_path: Path, fixed_clock: None) -> None:
    (tmp_path / CORRUPT_NAME).write_bytes(b"a parent's copy")
    store = SaveStore(tmp_path)
    store.path.write_bytes(b"{{{")
    result = store.load()
    assert "starting fresh" in result.notice
    assert (tmp_path / CORRUPT_NAME).read_bytes() == b"a parent's copy"
    assert (tmp_path / "profile.corrupt-20261123-101500-1.json").read_bytes() == b"{{{"


def test_corrupt_copy_without_hard_links(tmp_path: Path, fixed_clock: None,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Some drives (FAT USB sticks) have no hard links: renaming must still never overwrite."""
    def no_links(src: object, dst: object) -> None:
        raise OSError(errno.EPERM, "no hard links here")

    monkeypatch.setattr(save_module.os, "link", no_links)
    (tmp_path / CORRUPT_NAME).write_bytes(b"older")
    store = SaveStore(tmp_path)
    store.path.write_bytes(b"not json")
    result = store.load()
    assert "starting fresh" in result.notice
    assert (tmp_path / CORRUPT_NAME).read_bytes() == b"older"
    assert (tmp_path / "profile.corrupt-20261123-101500-1.json").read_bytes() == b"not json"
    assert not store.path.exists()


def test_wrong_typed_fields_are_tolerated(tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    raw = json.dumps({
        "version": 1,
        "profile": {
            "best_score": "lots",          # wrong type -> 0
            "total_points": 120,           # fine
            "rank_id": 7,                  # wrong type -> ""
            "rounds_played": -3,           # impossible -> 0
            "age_band": "99-100",          # not a band -> ""
            "notebook": ["a", 3, "b", "a", None, "c"],  # keep strings, first-seen order, no repeats
            "seen_counts": {"a": 2, "b": "x", "c": True, "d": 1.5, "e": 4},
            "last_message": ["c"],         # wrong type -> ""
            "settings": {"muted": True, "volume": 0.5, "weird": {"nested": [1, 2]}},
            "nickname": None,
            "favourite_colour": "green",   # unknown key -> ignored
        },
    }).encode()
    store.path.write_bytes(raw)

    result = store.load()

    assert result.notice == ""
    assert result.profile == Profile(
        best_score=0, total_points=120, rank_id="", rounds_played=0, age_band="",
        notebook=["a", "b", "c"], seen_counts={"a": 2, "e": 4}, last_message="",
        settings={"muted": True, "volume": 0.5, "weird": {"nested": [1, 2]}}, nickname="",
    )
    assert files_in(tmp_path) == ["profile.json"]  # a readable file is not moved aside
    assert store.path.read_bytes() == raw


def test_whole_fields_of_wrong_type(tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    store.path.write_text(json.dumps({"version": 1, "profile": {
        "notebook": "a,b", "seen_counts": [1], "settings": "loud", "best_score": True,
        "total_points": 3.0, "age_band": "7-9"}}))
    result = store.load()
    assert result.notice == ""
    assert result.profile == Profile(age_band="7-9")


def test_empty_profile_object_is_a_fresh_profile(tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    store.path.write_text('{"version": 1, "profile": {}}')
    assert store.load() == LoadResult(Profile(), "")


def test_from_json_rejects_only_non_dicts() -> None:
    for bad in (None, 5, "profile", [1, 2], 1.5, True):
        with pytest.raises(SaveError):
            Profile.from_json(bad)
    assert Profile.from_json({}) == Profile()
    assert Profile.from_json({1: 2, None: "x"}) == Profile()


def test_newer_version_is_kept_not_destroyed(tmp_path: Path, fixed_clock: None) -> None:
    store = SaveStore(tmp_path)
    raw = json.dumps({"version": SAVE_VERSION + 1, "profile": {"best_score": 500},
                      "new_feature": [1, 2, 3]}).encode()
    store.path.write_bytes(raw)

    result = store.load()

    assert result.profile == Profile()
    assert "newer version" in result.notice
    kept = "profile.newer-20261123-101500.json"
    assert "save folder" in result.notice and kept not in result.notice
    assert files_in(tmp_path) == [kept]
    assert (tmp_path / kept).read_bytes() == raw
    assert store.save(sample_profile()) == ""
    assert (tmp_path / kept).read_bytes() == raw


def test_unreadable_file_is_left_in_place_and_not_saved_over(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = SaveStore(tmp_path)
    assert store.save(sample_profile()) == ""
    original = store.path.read_bytes()
    store.path.chmod(0)
    try:
        if os.access(store.path, os.R_OK):  # root reads anything: make the read fail instead
            def denied(self: SaveStore) -> bytes:
                raise PermissionError(errno.EACCES, "Permission denied", str(self.path))
            monkeypatch.setattr(SaveStore, "_read", denied)

        result = store.load()

        assert result.profile == Profile()
        assert "could not be read" in result.notice
        assert files_in(tmp_path) == ["profile.json"]  # not moved aside
        # Saving over it would lose the only copy of that progress.
        notice = store.save(Profile(best_score=1))
        assert notice and "not being saved" in notice
    finally:
        monkeypatch.undo()
        store.path.chmod(0o600)
    assert store.path.read_bytes() == original


def test_save_file_that_is_a_folder(tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    store.path.mkdir()
    result = store.load()
    assert result.profile == Profile()
    assert "could not be read" in result.notice
    assert store.path.is_dir()
    assert store.save(sample_profile())  # a notice, not an exception


def test_stray_temp_files_are_removed_on_load(tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    assert store.save(sample_profile()) == ""
    (tmp_path / "profile.abc123.tmp").write_bytes(b'{"version": 1, "prof')
    (tmp_path / "profile.zz.tmp").write_bytes(b"")
    (tmp_path / "notes.txt").write_text("keep me")

    result = store.load()

    assert result == LoadResult(sample_profile(), "")
    assert files_in(tmp_path) == ["notes.txt", "profile.json"]


def test_only_temp_files_and_no_save(tmp_path: Path) -> None:
    (tmp_path / "profile.killed.tmp").write_bytes(b'{"version": 1, "profile": {"best_score": 9')
    result = SaveStore(tmp_path).load()
    assert result == LoadResult(Profile(), "")
    assert files_in(tmp_path) == []


# ---- failing disks ----

def test_read_only_folder_save_returns_notice(tmp_path: Path) -> None:
    data = tmp_path / "data"
    store = SaveStore(data)
    assert store.save(sample_profile()) == ""
    before = store.path.read_bytes()
    data.chmod(0o500)
    try:
        if os.access(data, os.W_OK):
            # Running as root: permissions do not stop us, so use a folder whose parent is a file.
            blocker = tmp_path / "a-file"
            blocker.write_text("not a folder")
            store = SaveStore(blocker / "data")

        notice = store.save(Profile(best_score=5))

        assert notice.startswith("Your progress could not be saved (")
        assert notice.endswith("You can keep playing.")
    finally:
        data.chmod(0o700)
    assert files_in(data) == ["profile.json"]
    assert data.joinpath("profile.json").read_bytes() == before


def test_read_only_folder_wording(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(*args: object, **kwargs: object) -> object:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(save_module.tempfile, "mkstemp", read_only)
    notice = SaveStore(tmp_path).save(sample_profile())
    assert notice == "Your progress could not be saved (the folder is read-only). You can keep playing."


@pytest.mark.parametrize("broken", ["fsync", "replace"])
def test_disk_full_keeps_old_save_and_cleans_up(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                broken: str) -> None:
    store = SaveStore(tmp_path)
    assert store.save(sample_profile()) == ""
    before = store.path.read_bytes()

    def full(*args: object, **kwargs: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(save_module.os, broken, full)
    notice = store.save(Profile(best_score=1000))
    monkeypatch.undo()

    assert "could not be saved" in notice and "full" in notice
    assert files_in(tmp_path) == ["profile.json"]  # the temporary file was cleaned up
    assert store.path.read_bytes() == before
    assert store.load() == LoadResult(sample_profile(), "")


def test_directory_fsync_failure_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_open = os.open

    def no_dir_open(path: object, flags: int, *args: object, **kwargs: object) -> int:
        if Path(path) == tmp_path:
            raise OSError(errno.EACCES, "cannot open folders here")
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(save_module.os, "open", no_dir_open)
    store = SaveStore(tmp_path)
    assert store.save(sample_profile()) == ""
    assert store.load().profile == sample_profile()


# ---- property tests ----

json_scalars = (st.none() | st.booleans() | st.integers() | st.text()
                | st.floats(allow_nan=True, allow_infinity=True))
json_values = st.recursive(
    json_scalars,
    lambda children: st.lists(children, max_size=5) | st.dictionaries(st.text(), children, max_size=5),
    max_leaves=30,
)
FIELD_NAMES = list(Profile().to_json())
profile_like = st.dictionaries(st.sampled_from(FIELD_NAMES) | st.text(max_size=5), json_values)


def check_well_formed(p: Profile) -> None:
    for name in ("best_score", "total_points", "rounds_played"):
        value = getattr(p, name)
        assert type(value) is int and value >= 0
    for name in ("rank_id", "last_message", "nickname"):
        assert type(getattr(p, name)) is str
    assert p.age_band in ("", "7-9", "10-12", "13-15")
    assert all(type(m) is str for m in p.notebook)
    assert len(set(p.notebook)) == len(p.notebook)
    assert all(type(k) is str and type(v) is int and v >= 0 for k, v in p.seen_counts.items())
    assert all(type(k) is str for k in p.settings)
    json.dumps(p.to_json())  # always writable


@given(json_values)
def test_from_json_only_ever_raises_save_error(value: object) -> None:
    try:
        p = Profile.from_json(value)
    except SaveError:
        assert not isinstance(value, dict)
    else:
        assert isinstance(value, dict)
        check_well_formed(p)


@given(profile_like)
def test_from_json_on_profile_shaped_dicts(value: dict) -> None:
    p = Profile.from_json(value)
    check_well_formed(p)
    again = Profile.from_json(json.loads(json.dumps(p.to_json())))
    assert again.to_json().keys() == p.to_json().keys()
    assert json.dumps(again.to_json(), sort_keys=True) == json.dumps(p.to_json(), sort_keys=True)


ids = st.text(min_size=1, max_size=12)
settings_values = (st.none() | st.booleans() | st.integers() | st.text()
                   | st.floats(allow_nan=False))
valid_profiles = st.builds(
    Profile,
    best_score=st.integers(min_value=0),
    total_points=st.integers(min_value=0),
    rank_id=st.text(),
    rounds_played=st.integers(min_value=0),
    age_band=st.sampled_from(["", "7-9", "10-12", "13-15"]),
    notebook=st.lists(ids, unique=True, max_size=20),
    seen_counts=st.dictionaries(ids, st.integers(min_value=0), max_size=20),
    last_message=st.text(),
    settings=st.dictionaries(st.text(max_size=10), settings_values, max_size=5),
    nickname=st.text(max_size=NICKNAME_LIMIT),
)


@given(valid_profiles)
def test_valid_profiles_round_trip(profile: Profile) -> None:
    assert Profile.from_json(profile.to_json()) == profile
    assert Profile.from_json(json.loads(json.dumps(profile.to_json()))) == profile


def fresh_folder(tmp_path: Path) -> Path:
    """A new empty folder in tmp_path for one example of a property test (hypothesis runs many
    examples in one test, so they share its tmp_path)."""
    folder = tmp_path / f"example-{sum(1 for _ in tmp_path.iterdir())}"
    folder.mkdir()
    return folder


# tmp_path is shared by a test's examples: each makes a fresh folder in it
SHARED_TMP_PATH = [HealthCheck.function_scoped_fixture]


@settings(max_examples=25, deadline=None, suppress_health_check=SHARED_TMP_PATH)
@given(profile=valid_profiles)
def test_valid_profiles_round_trip_through_disk(tmp_path: Path, profile: Profile) -> None:
    folder = fresh_folder(tmp_path)
    store = SaveStore(folder)
    assert store.save(profile) == ""
    assert SaveStore(folder).load() == LoadResult(profile, "")


def saved_bytes(profile: Profile) -> bytes:
    return json.dumps({"version": SAVE_VERSION, "profile": profile.to_json()}, indent=1,
                      ensure_ascii=True).encode("ascii")


def spoiled(data: st.DataObject, raw: bytes) -> bytes:
    """`raw` with a slice of it replaced by other bytes."""
    start = data.draw(st.integers(0, len(raw)))
    end = data.draw(st.integers(start, len(raw)))
    return raw[:start] + data.draw(st.binary(max_size=20)) + raw[end:]


@settings(max_examples=150, deadline=None, suppress_health_check=SHARED_TMP_PATH)
@given(data=st.data())
def test_any_bytes_in_the_save_never_crash_loading_and_never_lose_a_save(
        tmp_path: Path, data: st.DataObject) -> None:
    """Whatever the file holds, loading returns; a save the game wrote comes back whole; and
    anything else is either loaded or kept aside byte for byte, never lost."""
    profile = data.draw(valid_profiles)
    kind = data.draw(st.sampled_from(["saved", "spoiled", "any bytes"]))
    raw = saved_bytes(profile) if kind == "saved" else \
        spoiled(data, saved_bytes(profile)) if kind == "spoiled" else data.draw(st.binary())
    folder = fresh_folder(tmp_path)
    store = SaveStore(folder)
    store.path.write_bytes(raw)

    result = store.load()

    check_well_formed(result.profile)
    if kind == "saved":
        assert result == LoadResult(profile, "")
    if result.notice:  # not used: kept aside, as it was
        assert result.profile == Profile()
        [kept] = [p for p in folder.iterdir()]
        assert kept.name.startswith(("profile.corrupt-", "profile.newer-"))
        assert kept.read_bytes() == raw
    else:  # used: the file is as it was until the next save
        assert store.path.read_bytes() == raw
        assert store.save(result.profile) == ""
        assert SaveStore(folder).load() == LoadResult(result.profile, "")


# ---- sizes: a save too big to be real, and the nickname ----

def test_a_save_over_the_size_limit_is_kept_aside_without_being_read(
        tmp_path: Path, fixed_clock: None) -> None:
    store = SaveStore(tmp_path)
    head = b'{"version": 1, "profile": {"nickname": "'
    with open(store.path, "wb") as handle:  # 200 MB, most of it a hole the disk never holds
        handle.write(head)
        handle.truncate(200_000_000)
    tracemalloc.start()
    try:
        result = store.load()
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()

    assert peak < MAX_BYTES  # not read: the file's size said enough
    assert result.profile == Profile() and "starting fresh" in result.notice
    kept = tmp_path / "profile.too-big-20261123-101500.json"
    assert files_in(tmp_path) == [kept.name]
    assert kept.stat().st_size == 200_000_000
    with open(kept, "rb") as handle:
        assert handle.read(len(head)) == head
    assert store.save(sample_profile()) == ""  # the game saves afresh beside it
    assert SaveStore(tmp_path).load() == LoadResult(sample_profile(), "")


def test_a_save_just_within_the_size_limit_is_loaded(tmp_path: Path) -> None:
    profile = sample_profile()
    raw = saved_bytes(profile)
    raw = raw[:-1] + b" " * (MAX_BYTES - len(raw)) + raw[-1:]  # padded to MAX_BYTES exactly
    store = SaveStore(tmp_path)
    store.path.write_bytes(raw)
    assert store.load() == LoadResult(profile, "")
    store.path.write_bytes(raw[:-1] + b" " + raw[-1:])  # one byte more
    assert store.load().notice and not store.path.exists()


def test_a_long_nickname_is_cut_on_loading_and_the_save_stays_small(tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    long_name = "Robin" + "x" * 900_000  # under the size limit, far over the nickname's
    store.path.write_text(json.dumps({"version": 1, "profile": {"nickname": long_name,
                                                                  "best_score": 12}}))
    result = store.load()
    assert result.notice == ""
    assert result.profile.nickname == long_name[:NICKNAME_LIMIT]
    assert result.profile.best_score == 12
    assert store.save(result.profile) == ""
    assert store.path.stat().st_size < 1000  # rewritten small, never with the huge name


def test_a_nickname_is_saved_no_longer_than_the_limit(tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    assert store.save(Profile(nickname="N" * (NICKNAME_LIMIT + 50))) == ""
    on_disk = json.loads(store.path.read_text(encoding="utf-8"))
    assert on_disk["profile"]["nickname"] == "N" * NICKNAME_LIMIT
    assert NICKNAME_LIMIT <= 20  # one line on the screen, at any text size


def test_a_profile_too_big_to_save_is_not_written(tmp_path: Path) -> None:
    store = SaveStore(tmp_path)
    assert store.save(sample_profile()) == ""
    before = store.path.read_bytes()
    huge = Profile(notebook=[f"message-{i:07d}" for i in range(MAX_BYTES // 10)])
    notice = store.save(huge)
    assert notice == "Your progress could not be saved (it is too big). You can keep playing."
    assert store.path.read_bytes() == before
    assert files_in(tmp_path) == ["profile.json"]


# ---- the kill test ----

def expected_invariants(p: Profile) -> None:
    """What tests/save_writer_child.py guarantees for every profile it writes."""
    n = len(p.notebook)
    assert n >= 200
    assert p.rounds_played == n and p.best_score == n
    assert set(p.seen_counts) == set(p.notebook)
    assert p.total_points == sum(p.seen_counts.values())
    assert p.last_message == p.notebook[-1]
    generation = p.settings["generation"]
    assert p.nickname == f"writer-{generation}"
    assert p.rank_id == f"rank-{generation}"
    assert p.settings["muted"] == (generation % 2 == 0)
    assert all(m.startswith(f"msg-{generation}-") for m in p.notebook)


def wait_for_ready(proc: subprocess.Popen, timeout: float = 10.0) -> None:
    assert proc.stdout is not None
    ready, _, _ = select.select([proc.stdout], [], [], timeout)
    if not ready:
        proc.kill()
        pytest.fail("the writer did not start in time")
    line = proc.stdout.readline()
    if line.strip() != "ready":
        proc.wait(timeout=5)
        err = proc.stderr.read() if proc.stderr else ""
        pytest.fail(f"the writer failed to start: {line!r} {err}")


def test_killed_writer_always_leaves_a_loadable_save(tmp_path: Path) -> None:
    data = tmp_path / "data"
    seed = int.from_bytes(os.urandom(4), "big")
    rng = random.Random(seed)
    kills = 0
    caught_mid_write = 0
    generations: set[int] = set()
    started = time.monotonic()
    # At least 60 kills; a few more if none has yet landed while a temporary file existed.
    while kills < 60 or (caught_mid_write == 0 and time.monotonic() - started < 15):
        proc = subprocess.Popen(
            [sys.executable, str(CHILD), str(data), str(rng.randrange(1 << 30))],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        try:
            wait_for_ready(proc)
            time.sleep(rng.uniform(0.001, 0.04))
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=10)
        finally:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            for stream in (proc.stdout, proc.stderr):
                if stream:
                    stream.close()
        # If the writer died on its own (a failed save), it is not our kill.
        assert proc.returncode == -signal.SIGKILL, f"writer exited {proc.returncode} (seed {seed})"
        kills += 1
        if any(data.glob("profile.*.tmp")):
            caught_mid_write += 1

        result = SaveStore(data).load()

        assert result.notice == "", f"kill {kills} (seed {seed}): {result.notice}"
        expected_invariants(result.profile)
        generations.add(result.profile.settings["generation"])
        assert files_in(data) == ["profile.json"], f"kill {kills} (seed {seed})"

    elapsed = time.monotonic() - started
    print(f"{kills} kills, {caught_mid_write} mid-write, {len(generations)} generations seen, "
          f"{elapsed:.1f}s")
    assert len(generations) > 1  # the writer really was making progress between kills
    assert caught_mid_write > 0  # and some kills landed while a temporary file was half written
    assert elapsed < 30
