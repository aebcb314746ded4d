"""The IT office's site settings file (safety-dash-site.yaml, game.site_settings): where it is
found, what each key does to the real game, locks, a broken file, and `validate --site`."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from helpers import frames, key
from screen_check import tracking
from game import i18n, site_settings
from game.actions import Act, Action
from game.commands.autoplay import FRAME_LIMIT_PER_ROUND, Bot
from game.launch import start
from game.save import Profile, SaveStore, resolve_data_dir
from game.scenes.notice import NoticeScene
from game.scenes.settings import SettingsScene
from game.scenes.title import TitleScene

UNREAD = ("This computer's settings for Safety Dash could not be read, so the game uses its "
          "own. Tell your teacher.")
PARTLY = ("Some of this computer's settings for Safety Dash could not be used, so the game uses "
          "its own for those. Tell your teacher.")


def site_file(folder: Path, text: str, monkeypatch=None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / site_settings.FILE_NAME
    path.write_text(text, encoding="utf-8")
    if monkeypatch is not None:
        monkeypatch.setenv(site_settings.FILE_ENV, str(path))
    return path


def play_a_round(app) -> None:
    app.run(driver=Bot(1, "10-12", 1), max_frames=FRAME_LIMIT_PER_ROUND)
    assert app.session.rounds == 1


def saved(folder: Path) -> Profile:
    return SaveStore(folder).load().profile


def codes(problems) -> list[tuple[int, int, str]]:
    return [(p.line, p.col, p.code) for p in problems]


# --- where the file is found --------------------------------------------------------------------

def test_the_variable_names_the_file_and_off_reads_none(tmp_path, monkeypatch):
    path = site_file(tmp_path, "language: cy\n", monkeypatch)
    assert site_settings.find_file() == (path, "named by $SAFETY_DASH_SITE_FILE")
    monkeypatch.setenv(site_settings.FILE_ENV, "off")
    assert site_settings.find_file() == (None, "")
    assert site_settings.load() == site_settings.Site()


def test_beside_the_bundles_executable_first_then_the_computers_settings_folder(
        tmp_path, monkeypatch):
    bundle, system = tmp_path / "safety-dash", tmp_path / "xdg" / "safety-dash"
    bundle.mkdir()
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(tmp_path / "xdg"))
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle / "safety-dash"))
    assert site_settings.find_file() == (None, "")
    in_system = site_file(system, "language: en\n")
    assert site_settings.find_file() == (in_system, "in the computer's settings folder")
    beside = site_file(bundle, "language: cy\n")
    assert site_settings.find_file() == (beside, "beside the game")
    assert site_settings.load().language == "cy"


def test_beside_the_installed_command_but_not_beside_python_or_pytest(tmp_path, monkeypatch):
    site_file(tmp_path, "language: cy\n")
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "pytest")])
    assert site_settings.game_folder() is None
    monkeypatch.setattr(sys, "argv", [str(tmp_path / "safety-dash")])
    assert site_settings.find_file()[0] == tmp_path / site_settings.FILE_NAME


# --- what each key does to the game -------------------------------------------------------------

def test_portable_saves_progress_beside_the_bundle(tmp_path, monkeypatch):
    bundle = tmp_path / "usb" / "safety-dash"
    site_file(bundle, "data: portable  # beside the game\n")
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "executable", str(bundle / "safety-dash"))
    app = start(fast=True, seed=1)
    play_a_round(app)
    assert app.session.store.data_dir == bundle / "safety-dash-data"
    assert saved(bundle / "safety-dash-data").rounds_played == 1
    assert app.session.notices == []


def test_a_folder_per_pupil_on_a_share_and_the_report_folder(tmp_path, monkeypatch):
    site_file(tmp_path / "share", "data: pupils/{user}/progress\nreport_folder: reports\n",
              monkeypatch)
    monkeypatch.setattr(site_settings.getpass, "getuser", lambda: "jo.bloggs")
    app = start(fast=True, seed=1)
    play_a_round(app)
    assert saved(tmp_path / "share" / "pupils" / "jo.bloggs" / "progress").rounds_played == 1
    assert app.session.report_dir == tmp_path / "share" / "reports"


def test_the_command_line_and_the_variable_win_over_the_site_data_folder(tmp_path, monkeypatch):
    site = site_settings.read(site_file(tmp_path, "data: site-progress\n"))
    assert resolve_data_dir(None, site.data_dir) == tmp_path / "site-progress"
    assert resolve_data_dir(tmp_path / "mine", site.data_dir) == tmp_path / "mine"
    monkeypatch.setenv("SAFETY_DASH_DATA_DIR", str(tmp_path / "env"))
    assert resolve_data_dir(None, site.data_dir) == tmp_path / "env"


def test_language_text_size_and_content_pack_from_the_site(tmp_path, monkeypatch):
    pack = tmp_path / "site" / "our-pack"
    pack.mkdir(parents=True)
    (pack / "branding.yaml").write_text("branding:\n  title: Stay Safe Staffs\n",
                                        encoding="utf-8")
    site_file(tmp_path / "site", "content: our-pack\nlanguage: cy\ntext_size: 150\n", monkeypatch)
    app = start(str(tmp_path / "data"), fast=True)
    frames(app, 1)
    settings = app.session.settings
    assert (settings.lang, settings.text_scale) == ("cy", 1.5)
    assert i18n.language() == "cy" and app.session.bank.language.code == "cy"
    assert app.session.bank.branding.title == "Stay Safe Staffs"
    assert app.scene.buttons.buttons[0].label == "Chwarae"
    # --content on the command line wins over the site's pack
    other = start(str(tmp_path / "data"), fast=True, content=str(tmp_path / "none-here"))
    assert other.session.content == str(tmp_path / "none-here")


def test_autoplay_from_the_installed_game_starts_in_welsh_from_the_site_file(tmp_path):
    path = site_file(tmp_path, "language: cy\n")
    env = {**os.environ, site_settings.FILE_ENV: str(path)}
    run = [sys.executable, "-m", "game", "autoplay", "--rounds", "1", "--seed", "3"]
    by_site = subprocess.run(run, env=env, capture_output=True, text=True, cwd=tmp_path)
    asked = subprocess.run([*run, "--lang", "cy"], capture_output=True, text=True, cwd=tmp_path,
                           env={**os.environ, site_settings.FILE_ENV: "off"})
    assert by_site.returncode == 0 and asked.returncode == 0, by_site.stderr + asked.stderr
    assert json.loads(by_site.stdout) == json.loads(asked.stdout)
    assert f"site settings named by ${site_settings.FILE_ENV} were read from {path}" in \
        by_site.stderr


# --- a pupil's own settings, and locks ----------------------------------------------------------

def test_a_pupils_saved_language_wins_unless_the_site_locks_it(tmp_path, monkeypatch):
    data = tmp_path / "data"
    SaveStore(data).save(Profile(settings={"lang": "en", "text_scale": 2.0}))
    site_file(tmp_path, "language: cy\ntext_size: 125\n", monkeypatch)
    app = start(str(data), fast=True)
    assert (app.session.settings.lang, app.session.settings.text_scale) == ("en", 2.0)
    site_file(tmp_path, "language: cy\npupils_may_change_language: false\n", monkeypatch)
    app = start(str(data), fast=True)
    assert (app.session.settings.lang, app.session.settings.text_scale) == ("cy", 2.0)
    assert i18n.language() == "cy"


def test_a_site_default_stays_a_default_when_a_pupil_changes_something_else(tmp_path,
                                                                             monkeypatch):
    site_file(tmp_path, "text_size: 150\n", monkeypatch)
    app = start(str(tmp_path / "data"), fast=True)
    app.change_settings(muted=True)
    assert saved(tmp_path / "data").settings == {"muted": True}  # 150% is not the pupil's own
    assert app.session.settings.text_scale == 1.5


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_a_locked_language_cannot_be_changed_on_the_settings_screen(tmp_path, monkeypatch, lang):
    site_file(tmp_path, f"language: {lang}\ntext_size: 200\npupils_may_change_language: false\n",
              monkeypatch)
    with tracking() as tracker:
        app = start(str(tmp_path / "data"), fast=True)
        frames(app, 1)
        app.push(SettingsScene(app))
        scene = app.scene
        scene.focus_key = "lang"
        scene._build()
        assert scene.focused == "lang"
        row = scene.buttons.buttons[scene.buttons.focus]
        assert row.unavailable
        locked = {"en": "Your school chose this for everyone on this computer, so it cannot be "
                        "changed here.",
                  "cy": "Dy ysgol di sydd wedi dewis hwn i bawb ar y cyfrifiadur hwn, felly "
                        "does dim modd ei newid yma."}[lang]
        assert locked in scene.spoken()
        assert tracker.screen_problems(app) == []  # at 200%, every word readable
    for press in (pygame.K_RIGHT, pygame.K_LEFT, pygame.K_RETURN):
        key(app, press)
        assert app.session.settings.lang == lang
    app.dispatch(Action(Act.POINT, pos=row.less.center))  # the left arrow: nothing either
    assert app.session.settings.lang == lang
    assert "lang" not in saved(tmp_path / "data").settings


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_settings_closed_to_pupils_says_so_in_plain_words(tmp_path, monkeypatch, lang):
    site_file(tmp_path, f"language: {lang}\ntext_size: 200\npupils_may_open_settings: false\n",
              monkeypatch)
    data = tmp_path / "data"
    SaveStore(data).save(Profile(settings={"text_scale": 1.0}))  # saved before the lock
    with tracking() as tracker:
        app = start(str(data), fast=True)
        frames(app, 1)
        assert app.session.settings.text_scale == 2.0
        app.scene.settings()
        assert isinstance(app.scene, NoticeScene)
        assert ("school" in app.scene.notices) == (lang == "en")
        assert tracker.screen_problems(app) == []
    key(app, pygame.K_RETURN)
    assert isinstance(app.scene, TitleScene)


# --- a broken site file -------------------------------------------------------------------------

@pytest.mark.parametrize("text", ["language: [cy\n", "- language\n- cy\n", b"\xff\xfe\x00"])
def test_an_unreadable_file_starts_on_defaults_with_a_plain_notice(tmp_path, monkeypatch, text):
    path = tmp_path / site_settings.FILE_NAME
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    monkeypatch.setenv(site_settings.FILE_ENV, str(path))
    home = resolve_data_dir()  # the per-user folder: the pupil's progress is still there
    SaveStore(home).save(Profile(total_points=900, rounds_played=4))
    app = start(fast=True)
    frames(app, 2)
    assert app.session.notices == [UNREAD]
    assert app.session.profile.total_points == 900
    assert app.session.store.data_dir == home
    assert str(path) not in UNREAD and "yaml" not in UNREAD.lower()


def test_broken_yaml_is_named_at_its_line_with_a_hint_for_a_site_file(tmp_path):
    problems, values = site_settings.check_file(site_file(tmp_path, "language: cy\ndata: [\n"))
    assert values is None and [p.code for p in problems] == ["yaml-syntax"]
    assert (problems[0].line, problems[0].col) == (3, 1)  # the end, where '[' is still open
    assert problems[0].hint == "compare it with the example in the README's 'For schools'"
    problems, _ = site_settings.check_file(site_file(tmp_path, 'language: cy\ndata:"x"\n'))
    assert codes(problems) == [(2, 1, "yaml-missing-colon")]


def test_a_missing_named_file_is_told_too(tmp_path, monkeypatch):
    monkeypatch.setenv(site_settings.FILE_ENV, str(tmp_path / "gone.yaml"))
    assert start(str(tmp_path / "data"), fast=True).session.notices == [UNREAD]


@pytest.mark.parametrize("lang", ["en", "cy"])
def test_at_200_percent_the_notice_comes_on_its_own_card(tmp_path, monkeypatch, lang):
    site_file(tmp_path, "data: [\n", monkeypatch)
    with tracking() as tracker:
        app = start(str(tmp_path / "data"), fast=True, settings={"text_scale": 2.0, "lang": lang})
        frames(app, 2)
        assert isinstance(app.scene, NoticeScene)
        assert (app.scene.notices == UNREAD) == (lang == "en")
        assert "Dywed wrth dy athro" in app.scene.notices or lang == "en"
        assert tracker.screen_problems(app) == []


def test_good_keys_are_kept_when_others_are_wrong(tmp_path, monkeypatch):
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    site_file(tmp_path, f"language: cy\nlangauge: en\ntext_size: 300\ncontent: no-such-pack\n"
                        f"data: {blocked}/progress\npupils_may_open_settings: false\n",
              monkeypatch)
    SaveStore(resolve_data_dir()).save(Profile(total_points=50))
    app = start(fast=True)
    frames(app, 2)
    assert app.session.settings.lang == "cy" and app.session.settings_locked
    assert app.session.content is None  # the shipped bank
    assert app.session.profile.total_points == 50  # the per-user folder
    assert app.session.notices[0] == i18n.t(PARTLY) != PARTLY


# --- checking the file --------------------------------------------------------------------------

def test_each_mistake_is_named_at_its_line_and_column(tmp_path):
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    path = site_file(tmp_path, "# our school\nlangauge: cy\nlanguage: fr\ntext_size: 150%\n"
                               "content: packs/ours\n"
                               f"data: {blocked}/x\nreport_folder: {blocked}\n"
                               "pupils_may_open_settings: maybe\n"
                               "pupils_may_change_language: no\nwallpaper: red\n")
    problems, values = site_settings.check_file(path)
    assert codes(problems) == [
        (2, 1, "unknown-site-key"), (3, 11, "bad-language"), (4, 12, "bad-text-size"),
        (5, 10, "no-folder"), (6, 7, "data-not-writable"), (7, 16, "bad-site-value"),
        (8, 27, "bad-site-value"), (9, 1, "lock-without-language"), (10, 1, "unknown-site-key")]
    assert problems[0].hint == "did you mean 'language'?"
    assert "'fr'" in problems[1].message and "cy (Cymraeg)" in problems[1].hint
    assert "wallpaper" in problems[-1].message and "language" in problems[-1].hint
    assert values == {"pupils_may_change_language": False}


def test_the_example_in_the_readme_is_clean_and_sets_every_key(tmp_path):
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    section = readme.split("## For schools", 1)[1].split("\n## ", 1)[0]
    example = section.split("```yaml\n", 1)[1].split("```", 1)[0]
    (tmp_path / "packs" / "our-school").mkdir(parents=True)
    path = site_file(tmp_path, example)
    problems, values = site_settings.check_file(path)
    assert problems == [] and sorted(values) == sorted(site_settings.KEYS)


def _validate(*args: str, cwd: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "game", "validate", *args], cwd=cwd, text=True,
                          capture_output=True, env={**os.environ, **(env or {})})


def test_validate_site_names_the_line_code_and_closest_key(tmp_path):
    site_file(tmp_path, "language: cy\ntext_sise: 150\n")
    run = _validate("--site", site_settings.FILE_NAME, cwd=tmp_path)
    assert run.returncode == 1
    assert "safety-dash-site.yaml:2:1: error [unknown-site-key] 'text_sise' is not a site " \
           "setting" in run.stdout
    assert "    hint: did you mean 'text_size'?" in run.stdout
    assert "Checked the site settings: 1 error, 0 warnings" in run.stdout


def test_validate_site_reads_the_file_the_game_would(tmp_path):
    path = site_file(tmp_path, "language: cy\npupils_may_change_language: false\n")
    run = _validate("--site", "--format", "json", cwd=tmp_path,
                    env={site_settings.FILE_ENV: str(path)})
    assert run.returncode == 0, run.stdout
    assert json.loads(run.stdout)["summary"] == {"checked": str(path), "errors": 0,
                                                 "warnings": 0}
    none = _validate("--site", cwd=tmp_path, env={site_settings.FILE_ENV: "off"})
    assert none.returncode == 1 and "No site settings file was found" in none.stderr
    assert "Traceback" not in none.stderr


def test_validate_site_finds_the_file_beside_the_installed_command(tmp_path):
    folder = tmp_path / "bin"
    command = folder / "safety-dash"
    site_file(folder, "langauge: cy\ndata: portable\n")
    folder.joinpath("safety-dash").write_text(  # as pip writes the command
        f"#!{sys.executable}\nimport sys\nfrom game.__main__ import main\nsys.exit(main())\n")
    command.chmod(0o755)
    run = subprocess.run([str(command), "validate", "--site"], cwd=tmp_path, text=True,
                         capture_output=True)
    assert run.returncode == 1
    assert f"Checking the site settings in {folder / site_settings.FILE_NAME} (beside the game)" \
        in run.stdout
    assert "safety-dash-site.yaml:1:1: error [unknown-site-key]" in run.stdout
    assert f"  progress saved in {folder / 'safety-dash-data'}\n" in run.stdout  # the good key


# --- the other commands follow the site file ----------------------------------------------------

def test_take_home_reads_progress_from_the_sites_data_folder(tmp_path, monkeypatch, capsys):
    from game.commands.take_home import take_home_command
    site_file(tmp_path, "data: progress\n", monkeypatch)
    SaveStore(tmp_path / "progress").save(Profile(notebook=["pi-clues-middle"]))
    assert take_home_command(str(tmp_path / "page.html"), None) == 0
    assert "No progress is saved" not in capsys.readouterr().err
    monkeypatch.setenv(site_settings.FILE_ENV, "off")
    assert take_home_command(str(tmp_path / "page2.html"), None) == 0
    assert "No progress is saved" in capsys.readouterr().err


def test_a_classroom_report_goes_to_the_sites_report_folder(tmp_path):
    path = site_file(tmp_path, "report_folder: reports/{user}\n")
    run = subprocess.run([sys.executable, "-m", "game", "autoplay", "--classroom", "--teams", "2",
                          "--rounds", "2", "--seed", "1"], cwd=tmp_path, text=True,
                         capture_output=True, env={**os.environ, site_settings.FILE_ENV: str(path)})
    assert run.returncode == 0, run.stderr
    report = Path(json.loads(run.stdout)["report"]["csv"])
    assert report.parent == tmp_path / "reports" / site_settings.login_name()
    assert report.is_file()


def test_a_misspelt_data_word_is_not_taken_for_a_folder(tmp_path):
    problems, values = site_settings.check_file(site_file(tmp_path, "data: portabel\n"))
    assert codes(problems) == [(1, 7, "bad-site-value")]
    assert problems[0].hint.startswith("did you mean 'portable'?")
    assert site_settings.check_file(site_file(tmp_path, "data: progress\n")) == \
        ([], {"data": "progress"})


def test_a_path_no_computer_can_use_is_a_problem_not_a_crash(tmp_path, monkeypatch):
    site_file(tmp_path, 'language: cy\ndata: "pupils\\0x"\ncontent: ~no-such-user-here/pack\n',
              monkeypatch)
    problems, _ = site_settings.check_file(tmp_path / site_settings.FILE_NAME)
    assert codes(problems) == [(2, 7, "bad-site-value"), (3, 10, "bad-site-value")]
    app = start(fast=True)
    assert app.session.settings.lang == "cy" and app.session.notices[0] == i18n.t(PARTLY)


def test_autoplay_saves_where_the_site_says_and_else_in_a_scratch_folder(tmp_path):
    path = site_file(tmp_path / "usb", "data: progress\n")
    run = [sys.executable, "-m", "game", "autoplay", "--rounds", "1", "--seed", "2"]
    by_site = subprocess.run(run, env={**os.environ, site_settings.FILE_ENV: str(path)},
                             capture_output=True, text=True, cwd=tmp_path)
    assert by_site.returncode == 0, by_site.stderr
    assert saved(tmp_path / "usb" / "progress").rounds_played == 1
    site_file(tmp_path / "usb", "data: user\n")
    assert subprocess.run(run, env={**os.environ, site_settings.FILE_ENV: str(path)},
                          capture_output=True, cwd=tmp_path).returncode == 0
    assert saved(resolve_data_dir()).rounds_played == 0  # the pupils' folder is not touched


def test_validate_given_the_site_file_itself_checks_it_as_one(tmp_path):
    site_file(tmp_path, "language: fr\n")
    run = _validate(site_settings.FILE_NAME, cwd=tmp_path)
    assert run.returncode == 1
    assert "safety-dash-site.yaml:1:11: error [bad-language] there is no language 'fr'" in \
        run.stdout


# --- every error leaves its key (or the whole file) out of what the game uses -------------------

def site_error_codes() -> set[str]:
    """Every error code game.site_settings can give, read from its source (so a new code with no
    case below fails test_every_site_error_code_leaves_what_it_names_out)."""
    import ast
    import re
    code = re.compile(r"^[a-z][a-z0-9]*(-[a-z0-9]+)+$")
    tree = ast.parse(Path(site_settings.__file__).read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        parts: list[ast.AST] = []
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "Problem" and \
                len(node.args) >= 6 and getattr(node.args[4], "value", None) == "error":
            parts = [node.args[5]]
        elif isinstance(node, ast.Tuple) and len(node.elts) == 3 and \
                isinstance(node.elts[0], (ast.Constant, ast.JoinedStr)):
            parts = [node.elts[1]]  # _check_value's (message, code, hint)
        found |= {p.value for p in parts if isinstance(p, ast.Constant)
                  and isinstance(p.value, str) and code.match(p.value)}
    return found


def _nothing_used(site: site_settings.Site) -> bool:
    return site.unread and site.language is None and site.data_dir is None


# code -> (the file's bytes, or None for a folder where the file should be; what must be left out)
SITE_CASES = {
    "site-too-big": (b"language: cy\n" + b"#" * site_settings.MAX_BYTES, _nothing_used),
    "not-utf8": (b"language: cy\n# \xff\n", _nothing_used),
    "site-unreadable": (None, _nothing_used),
    "yaml-unclosed-quote": (b'language: "cy\n', _nothing_used),
    "site-not-keys": (b"- language: cy\n", _nothing_used),
    "unknown-site-key": (b"langauge: cy\ntext_size: 150\n",
                         lambda s: s.language is None and s.text_size == 150),
    "bad-site-value": (b"pupils_may_open_settings: maybe\nlanguage: cy\n",
                       lambda s: not s.settings_locked and s.language == "cy"),
    "bad-language": (b"language: fr\ntext_size: 150\n",
                     lambda s: s.language is None and s.text_size == 150),
    "bad-text-size": (b"text_size: 175\nlanguage: cy\n",
                      lambda s: s.text_size is None and s.language == "cy"),
    "no-folder": (b"content: ./no-such-pack\nlanguage: cy\n",
                  lambda s: s.content is None and s.language == "cy"),
    "data-not-writable": (b"data: /proc/safety-dash-data\nlanguage: cy\n",
                          lambda s: s.data_dir is None and s.language == "cy"),
}


def test_every_site_error_code_has_a_case():
    missing = site_error_codes() - set(SITE_CASES)
    assert len(site_error_codes()) >= 8 and not missing, missing


@pytest.mark.parametrize("code", sorted(SITE_CASES))
def test_every_site_error_code_leaves_what_it_names_out(tmp_path, code):
    """The validator's error is the game's rule: what it names is not used, the rest is."""
    data, left_out = SITE_CASES[code]
    path = tmp_path / site_settings.FILE_NAME
    if data is None:
        path.mkdir()
    else:
        path.write_bytes(data)
    problems, _ = site_settings.check_file(path)
    assert code in {p.code for p in problems if p.severity == "error"}, codes(problems)
    site = site_settings.read(path)
    assert left_out(site), site
    assert site.notice()  # the pupil is told, in plain words
