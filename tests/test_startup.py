"""Start-up: the title is built once before its first frame, and what the first frame needs (the
bank, the title's pictures) is kept between launches without ever going stale."""
from __future__ import annotations

import os

import pygame

from game import kept
from game.launch import start


def test_a_kept_thing_is_made_once_and_read_back_while_its_stamp_holds(tmp_path, monkeypatch):
    monkeypatch.setenv("SAFETY_DASH_CACHE_DIR", str(tmp_path))
    made: list[int] = []

    def make() -> dict:
        made.append(1)
        return {"made": len(made)}

    assert kept.kept("thing", "inputs 1", make) == {"made": 1}
    assert kept.kept("thing", "inputs 1", make) == {"made": 1} and len(made) == 1
    assert kept.kept("thing", "inputs 2", make) == {"made": 2}  # other inputs: made afresh
    assert kept.kept("thing", "inputs 2", make) == {"made": 2} and len(made) == 2


def test_a_broken_kept_file_is_made_afresh_and_written_again(tmp_path, monkeypatch):
    monkeypatch.setenv("SAFETY_DASH_CACHE_DIR", str(tmp_path))
    kept.kept("thing", "in", lambda: "first")
    (tmp_path / kept.FOLDER / "thing.pickle").write_bytes(b"not a pickle")
    assert kept.kept("thing", "in", lambda: "again") == "again"
    assert kept.kept("thing", "in", lambda: "not used") == "again"


def test_off_or_a_folder_that_cannot_be_written_keeps_nothing_and_changes_nothing(
        tmp_path, monkeypatch):
    monkeypatch.setenv("SAFETY_DASH_CACHE_DIR", "off")
    assert kept.kept("thing", "in", lambda: 1) == 1
    assert kept.kept("thing", "in", lambda: 2) == 2
    blocker = tmp_path / "a file"
    blocker.write_text("")
    monkeypatch.setenv("SAFETY_DASH_CACHE_DIR", str(blocker))  # a folder inside a file
    assert kept.kept("thing", "in", lambda: 3) == 3


def test_a_kept_picture_comes_back_pixel_for_pixel():
    pygame.display.init()
    pygame.display.set_mode((64, 64))
    see_through = pygame.Surface((7, 5), pygame.SRCALPHA)
    see_through.fill((10, 200, 30, 90))
    see_through.set_at((3, 2), (255, 0, 0, 255))
    back = kept.picture_load(kept.picture_dump(see_through))
    assert back.get_size() == (7, 5) and back.get_flags() & pygame.SRCALPHA
    assert pygame.image.tobytes(back, "RGBA") == pygame.image.tobytes(see_through, "RGBA")
    opaque = pygame.Surface((4, 4))
    opaque.fill((1, 2, 3))
    back = kept.picture_load(kept.picture_dump(opaque))
    assert back.get_at((2, 2))[:3] == (1, 2, 3) and not back.get_flags() & pygame.SRCALPHA


def test_the_bank_kept_between_launches_follows_every_edit(tmp_path, monkeypatch):
    monkeypatch.setenv("SAFETY_DASH_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "pack"
    pack.mkdir()
    branding = pack / "branding.yaml"
    branding.write_text("branding:\n  title: First Name\n", encoding="utf-8")
    assert start(str(tmp_path / "data"), content=str(pack)).session.bank.branding.title == \
        "First Name"
    assert (tmp_path / "cache" / kept.FOLDER).is_dir()
    branding.write_text("branding:\n  title: Other Name\n", encoding="utf-8")
    os.utime(branding, ns=(1, 1))  # even an edit of the same size, dated in the past
    assert start(str(tmp_path / "data"), content=str(pack)).session.bank.branding.title == \
        "Other Name"


def test_a_kept_bank_needs_no_yaml_and_a_missing_pack_is_told_in_plain_words(tmp_path,
                                                                            monkeypatch):
    import subprocess
    import sys
    monkeypatch.setenv("SAFETY_DASH_CACHE_DIR", str(tmp_path / "cache"))
    code = ("import sys; from game.launch import start; app = start(sys.argv[1]); "
            "print(len(app.session.bank.messages), 'yaml' in sys.modules)")
    runs = [subprocess.run([sys.executable, "-c", code, str(tmp_path / "data")], check=True,
                           capture_output=True, text=True).stdout.split() for _ in range(2)]
    assert runs[0][1] == "True" and runs[1] == [runs[0][0], "False"]  # the same bank, kept
    app = start(str(tmp_path / "data"), content=str(tmp_path / "no such pack"))
    assert len(app.session.bank.messages) == int(runs[0][0])  # the shipped bank plays on
    told = [notice for notice in app.session.notices if "could not be found" in notice]
    assert told and not any("no such pack" in notice for notice in told)


def test_the_stamp_of_a_folder_changes_with_a_file_added_removed_or_edited(tmp_path):
    (tmp_path / "a.yaml").write_text("a", encoding="utf-8")
    first = kept.stamp_of_files([tmp_path])
    assert kept.stamp_of_files([tmp_path]) == first
    (tmp_path / "inner").mkdir()
    (tmp_path / "inner" / "b.yaml").write_text("b", encoding="utf-8")
    added = kept.stamp_of_files([tmp_path])
    (tmp_path / "a.yaml").write_text("c", encoding="utf-8")
    os.utime(tmp_path / "a.yaml", ns=(5, 5))
    edited = kept.stamp_of_files([tmp_path])
    (tmp_path / "inner" / "b.yaml").unlink()
    assert len({first, added, edited, kept.stamp_of_files([tmp_path])}) == 4


def test_the_title_is_built_once_before_its_first_frame(tmp_path, monkeypatch):
    from game.scenes.title import TitleScene
    composed: list[int] = []
    real = TitleScene._compose

    def counting(self, placed):
        composed.append(1)
        return real(self, placed)

    monkeypatch.setattr(TitleScene, "_compose", counting)
    app = start(str(tmp_path), fast=True)
    app.run(max_frames=1)
    assert len(composed) == 1
    app.change_settings(text_scale=1.25)  # a change the title shows is still drawn afresh
    assert len(composed) == 2
