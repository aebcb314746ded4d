"""Build a ready-to-run App: window, content bank, saved profile, sounds, the title screen."""
from __future__ import annotations

import os
import sys

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")


def use_headless_drivers() -> None:
    """Run without a screen or speakers (tests, autoplay, screenshots, bench)."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")


def start(data_dir: str | None = None, *, fast: bool = False, seed: int = 0,
          fullscreen: bool = False, content: str | None = None,
          report_dir: str | None = None, classroom: bool = False,
          settings: dict[str, object] | None = None):
    """The App, ready to run. `content` is a pack laid on the shipped bank (--content);
    `classroom` opens the classroom setup screen over the title; `report_dir` is where its
    reports go; `settings` are changes to the saved settings (--lang, --text-size), kept."""
    from pathlib import Path
    import pygame

    from game import site_settings
    from game.app import App
    from game.content.notices import content_notices
    from game.i18n import ENGLISH, t
    from game.rules.tuning import HEIGHT, WIDTH
    from game.save import SaveStore, resolve_data_dir
    from game.scenes import next_round
    from game.scenes.title import TitleScene
    from game.session import Session, use_words
    from game.settings import Settings
    from game.sound import Sounds
    from game.ui import fonts, theme

    pygame.display.init()
    pygame.font.init()
    notices: list[str] = []
    # the IT office's settings: the command line (--data-dir, $SAFETY_DASH_DATA_DIR, --content,
    # --report-dir, --lang, --text-size) wins over them for this run
    site = site_settings.load()
    content = content if content is not None else _text(site.content)
    report_dir = report_dir if report_dir is not None else _text(site.report_dir)
    locked = {k: v for k, v in site.locked().items() if k not in (settings or {})}
    store = SaveStore(resolve_data_dir(data_dir, site.data_dir))
    # a save that cannot be read starts fresh, in the language asked for (--lang, the site's) or
    # English: its notice is worded in that language
    asked = Settings.from_json({**site.defaults(), **(settings or {}), **locked}).lang
    early = use_words(asked, content) if asked != ENGLISH else None
    loaded = store.load()
    if loaded.notice:
        notices.append(loaded.notice)
    chosen = Settings.from_json({**site.defaults(), **loaded.profile.settings,
                                 **(settings or {}), **locked})
    # before any words are composed (read once: --lang has the last word over the save)
    catalogue = early if early is not None else use_words(chosen.lang, content)
    if site.notice():  # worded in the language chosen
        notices.insert(0, site.notice())
    try:
        folders, bank = _kept_bank(content, chosen.lang)
    except _content_error() as exc:  # evaluated only when something was raised
        print(f"Safety Dash: {exc}", file=sys.stderr)
        folders, bank = _own_bank(content, chosen.lang, notices)
    theme.apply_theme(chosen.theme)
    theme.apply_branding(bank.branding)
    pygame.display.set_caption(bank.branding.title)
    pygame.display.set_mode((WIDTH, HEIGHT), pygame.RESIZABLE)
    for problem in (*bank.errors, *(catalogue.problems if catalogue else ())):
        print(problem, file=sys.stderr)
    session = Session(bank, store, loaded.profile, seed=seed, notices=notices, content=content,
                      report_dir=Path(report_dir) if report_dir else None, catalogue=catalogue,
                      defaults=site.defaults(), locked=locked,
                      settings_locked=site.settings_locked)
    session.show_content_notices(content_notices(bank, folders, catalogue))
    if settings:
        session.change_settings(**settings)
    sounds = Sounds(session.settings)
    app = App(session, sounds, help_screen=_help_screen, fast=fast, fullscreen=fullscreen)
    next_round.use(_play_next)
    app.push(TitleScene(app))
    if classroom:  # the title is covered at once: check the items with the fonts now
        session.check_screens()
        from game.scenes.classroom.run import open_setup
        open_setup(app)
    if fonts.missing_notice:
        notices.append(fonts.missing_notice)
    return app


def _help_screen(app):
    """The help screen (H, the Help buttons), imported when first opened: its words and layout
    would add to the time before the first frame, which never shows it."""
    from game.scenes.help import HelpScene
    return HelpScene(app)


def _play_next(app):
    """The next round, the dash or a chat as the child chose (imported when first played)."""
    from game.scenes.play import play_next
    play_next(app)


def _text(path: object) -> str | None:
    return str(path) if path is not None else None


def _kept_bank(pack: str | None, lang: str):
    """The bank's folders and the bank as the loader reads them (`pack` laid on the shipped
    bank, in `lang`), or as an earlier launch read them from the same files (game.kept: the
    stamp covers every file of the bank's folders and of the seeds folders its sources are
    checked against). A kept bank needs neither the loader nor the YAML reader imported.
    Raises the loader's ContentError when a folder is missing."""
    import zlib
    from pathlib import Path

    from game.kept import kept, stamp_of_files
    from game.paths import content_dir, seeds_folders

    def read():
        from game.content.bank_files import bank_folders
        from game.content.loader import load_bank
        return bank_folders(pack=pack), load_bank(pack=pack, lang=lang)

    folders = [content_dir(), *([Path(pack)] if pack else [])]
    which = f"{zlib.crc32(str(pack).encode()):08x}" if pack else "shipped"
    inputs = f"{lang} {pack} {[f.is_dir() for f in folders]} " + \
        stamp_of_files([*folders, *seeds_folders(folders)])
    return kept(f"bank-{lang}-{which}", inputs, read)


def _own_bank(pack: str | None, lang: str, notices: list[str]):
    """The shipped bank alone when the pack laid on it has gone (a folder moved since the site
    file or the command named it), or an empty bank if even that is missing; a plain notice."""
    from game.content.model import Bank
    from game.i18n import t
    if pack is not None:
        try:
            found = _kept_bank(None, lang)
        except _content_error() as exc:
            print(f"Safety Dash: {exc}", file=sys.stderr)
        else:
            notices.append(t("This computer's own safety messages could not be found, so the "
                             "game uses the messages it came with. Tell your teacher."))
            return found
    notices.append(t("The game's safety messages could not be found, so there are no questions "
                     "to play. Tell a grown-up."))
    return [], Bank()


def _content_error() -> type[Exception]:
    from game.content.bank_files import ContentError
    return ContentError
