"""Read aloud: texts spoken offline by pyttsx3 (espeak-ng on Linux, SAPI5 on Windows,
NSSpeechSynthesizer on macOS) without ever holding up the game.

The engine runs in worker processes (game.speech_worker: one text each, one kept started and
waiting), driven by a thread of this service, so the main loop only hands over words. The worker
writes a sound file and this service plays it on a mixer channel of its own, so stopping (a new
screen, a new text) is immediate and sure. pyttsx3 is never imported into the game's process:
start-up pays nothing for it. When something is missing or breaks, `available` turns False and
`reason` says, in plain words, what a grown-up can do (the technical detail goes to the log,
logger "safety_dash.speech"); nothing is raised to the game.

Texts are read in the language of the game's words (game.i18n): English with the computer's
default voice, Welsh with a Welsh voice. When the engine has no voice for the language, read
aloud is unavailable in that language, with its reason, and nothing is read in another voice.
"""
from __future__ import annotations

import contextlib
import importlib.util
import json
import logging
import os
import subprocess
import sys
import threading
import time
import weakref
from collections.abc import Sequence
from pathlib import Path

import pygame

from game import i18n
from game.i18n import t

log = logging.getLogger("safety_dash.speech")

CHANNEL = 0  # the mixer channel kept for speech (sound effects use the others)
HUNG_SECONDS = 20.0  # a worker busy this long with one text has stopped answering

# why read aloud is unavailable (Speech.why); Speech.reason says it in words
NO_PACKAGE = "package"  # pyttsx3, or a part it needs, is not installed
NO_SOUND = "sound"  # no sound device
NO_VOICE = "voice"  # the engine has no working voice
STOPPED = "stopped"  # the voice broke or stopped answering
NO_LANGUAGE_VOICE = "language"  # no voice speaks the language of the game's words


def reason_words(why: str, lang: str = i18n.ENGLISH) -> str:
    """Why read aloud is unavailable (`lang`: the language it was wanted in), in plain words in
    the language of the game's words: no command, package or file name (those go to the log)."""
    if why == NO_PACKAGE:
        return t("Read aloud is missing a part it needs on this computer. A grown-up can add "
                 "it: the game's instructions say how.")
    if why == NO_SOUND:
        return t("Read aloud needs sound, and no sound device is working on this computer.")
    if why == STOPPED:
        return t("Read aloud stopped: the speech voice on this computer stopped working. "
                 "Starting the game again may help.")
    if why == NO_LANGUAGE_VOICE:
        return t("Read aloud needs a voice that speaks {language} on this computer, and none "
                 "was found. {how}", language=i18n.language_name(lang), how=_how_to_add_a_voice())
    return t("Read aloud needs a voice on this computer, and none was found. {how}",
             how=_how_to_add_a_voice())


def _how_to_add_a_voice() -> str:
    if sys.platform == "win32":
        return t("A grown-up can add one in Windows Settings, under Time and language, Speech.")
    if sys.platform == "darwin":
        return t("A grown-up can add one in System Settings, under Accessibility, "
                 "Spoken Content.")
    return t("A grown-up can add one from this computer's software centre: the game's "
             "instructions say how.")


class _Unavailable(Exception):
    def __init__(self, why: str, detail: str = "") -> None:
        super().__init__(why, detail)
        self.why = why
        self.detail = detail


def package_installed() -> bool:
    """Whether pyttsx3 could be imported, found without importing it (a None entry in
    sys.modules, as tests set, means it cannot)."""
    if "pyttsx3" in sys.modules:
        return sys.modules["pyttsx3"] is not None
    return importlib.util.find_spec("pyttsx3") is not None


class _Worker:
    """One started worker process; reading its answers blocks, so only the service's thread
    does it."""

    def __init__(self, search_path: Sequence[str]) -> None:
        root = str(Path(__file__).resolve().parent.parent)
        env = dict(os.environ, PYTHONIOENCODING="utf-8", PYTHONPATH=os.pathsep.join(
            [*search_path, root, *filter(None, [os.environ.get("PYTHONPATH")])]))
        self.process = subprocess.Popen(
            [sys.executable, "-P", "-m", "game.speech_worker"], env=env, text=True,
            encoding="utf-8", stdin=subprocess.PIPE, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))

    def answer(self) -> dict:
        """Wait for the worker to say it is ready, or done, and return what it said; raise if
        it cannot be ({"error": "language"}, no voice for the text's language, is returned)."""
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        if not line:
            raise _Unavailable(STOPPED, f"the worker ended (exit code {self.process.poll()})")
        reply = json.loads(line)
        if reply.get("error") not in (None, NO_LANGUAGE_VOICE):
            raise _Unavailable(NO_PACKAGE if reply["error"] == "package" else NO_VOICE,
                               str(reply.get("detail", "")))
        return reply

    def ask(self, text: str, path: str, lang: str) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps({"text": text, "path": path, "lang": lang}) + "\n")
        self.process.stdin.flush()

    def kill(self) -> None:
        """Stop it now, from any thread, without waiting."""
        if self.process.poll() is None:
            self.process.kill()

    def end(self) -> None:
        """Stop it and collect its exit (so no finished process is left behind)."""
        self.kill()
        self.process.wait()
        for pipe in (self.process.stdin, self.process.stdout):
            with contextlib.suppress(OSError):
                pipe.close()  # type: ignore[union-attr]


class Speech:
    """say() replaces whatever is being said and returns at once; stop() silences it.

    `search_path`: folders the workers import from first (tests put a broken pyttsx3 there).
    """

    def __init__(self, search_path: Sequence[str] = ()) -> None:
        self.why: str | None = None  # why read aloud is unavailable in every language, if it is
        self._languages: frozenset[str] | None = None  # the voices' languages, once known
        self._no_voice: set[str] = set()  # languages a worker found no voice for
        self._search_path = tuple(search_path)
        self._volume = 1.0
        self._lock = threading.Condition()
        self._said = 0  # counts say() and stop() calls: a sound made for an older one is dropped
        self._wanted: tuple[int, str, str] | None = None  # (said, text, language)
        self._text = ""
        self._busy_since: float | None = None
        self._worker: _Worker | None = None
        self._thread: threading.Thread | None = None
        self._closed = False
        self._channel: pygame.mixer.Channel | None = None
        if not package_installed():
            self._fail(NO_PACKAGE, "pyttsx3 cannot be imported: it is not installed")
        elif not pygame.mixer.get_init():
            self._fail(NO_SOUND, "pygame's mixer did not start")
        else:
            pygame.mixer.set_reserved(CHANNEL + 1)
            self._channel = pygame.mixer.Channel(CHANNEL)

    # --- the game's side ----------------------------------------------------------------------
    @property
    def available(self) -> bool:
        """Whether read aloud works in the language of the game's words (as far as is known:
        the voices' languages are known once the engine has started)."""
        return self.why is None and self._speaks(i18n.language())

    @property
    def reason(self) -> str:
        """Why read aloud is unavailable, in plain words ("" when it is available)."""
        lang = i18n.language()
        if self.why is not None:
            return reason_words(self.why, lang)
        return "" if self._speaks(lang) else reason_words(NO_LANGUAGE_VOICE, lang)

    def say(self, text: str) -> None:
        """Read `text`, in the language of the game's words, instead of anything being read."""
        if not self.available or self._closed or not text.strip():
            return
        with self._lock:
            self._said += 1
            self._wanted = (self._said, text, i18n.language())
            self._text = text
            self._silence()
            self._lock.notify()
            busy = self._busy_since
        if busy is not None and time.monotonic() - busy > HUNG_SECONDS and self._worker:
            self._worker.kill()  # its thread then reads the end of its output and gives up
        self.warm_up()

    def stop(self) -> None:
        with self._lock:
            self._said += 1
            self._wanted = None
            self._text = ""
            self._silence()

    def set_volume(self, percent: int) -> None:
        self._volume = max(0, min(100, percent)) / 100
        if self._channel is not None:
            self._channel.set_volume(self._volume)

    def warm_up(self) -> None:
        """Start the engine now (it takes a moment), so speech is quick when it is wanted."""
        if self.available and not self._closed and self._thread is None:
            self._thread = threading.Thread(target=self._serve, name="speech", daemon=True)
            self._thread.start()

    @property
    def speaking(self) -> bool:
        """Whether speech can be heard right now."""
        return self._channel is not None and bool(self._channel.get_busy())

    @property
    def saying(self) -> str:
        """The words last given to say(), until stop() (or another say())."""
        return self._text

    def close(self) -> None:
        with self._lock:
            self._closed = True
            self._wanted = None
            self._silence()
            self._lock.notify()
        if self._worker is not None:
            self._worker.kill()
        if self._thread is not None:
            self._thread.join(timeout=1.0)

    # --- the speech thread --------------------------------------------------------------------
    def _silence(self) -> None:
        if self._channel is not None:
            self._channel.stop()

    def _fail(self, why: str, detail: str) -> None:
        log.warning("read aloud is unavailable (%s): %s", why, detail)
        self.why = why
        self._text = ""

    def _speaks(self, lang: str) -> bool:
        """Whether a voice speaks `lang`, as far as is known."""
        if lang == i18n.ENGLISH:
            return True
        return lang not in self._no_voice and (self._languages is None or lang in self._languages)

    def _serve(self) -> None:
        """Hand each wanted text to a started worker, play what it made, start the next one."""
        import shutil
        import tempfile
        folder = tempfile.mkdtemp(prefix="safety-dash-speech-")
        # removed when this thread ends, or when the game exits without closing the service
        remove_folder = weakref.finalize(self, shutil.rmtree, folder, ignore_errors=True)
        try:
            worker: _Worker | None = None
            while True:
                worker = worker or self._start()
                wanted = self._next()
                if wanted is None:
                    return
                said, text, lang = wanted
                if not self._speaks(lang):
                    continue  # no voice speaks it: nothing is read (`reason` says why)
                path = os.path.join(folder, f"{said}.wav")
                try:
                    worker.ask(text, path, lang)
                    reply = worker.answer()
                finally:
                    worker.end()
                    worker = None
                    with self._lock:
                        self._busy_since = None
                if reply.get("error") == NO_LANGUAGE_VOICE:
                    log.warning("read aloud is unavailable in %r: no voice speaks it", lang)
                    self._no_voice.add(lang)
                else:
                    self._play(said, path)
        except _Unavailable as exc:
            if not self._closed:
                self._fail(exc.why, exc.detail)
        except Exception as exc:  # anything from the engine or its sound: never the game's end
            if not self._closed:
                self._fail(STOPPED, f"{type(exc).__name__}: {exc}")
        finally:
            if self._worker is not None:
                self._worker.end()
            remove_folder()

    def _start(self) -> _Worker:
        with self._lock:
            self._busy_since = time.monotonic()
        self._worker = _Worker(self._search_path)
        ready = self._worker.answer()  # ready, or why not
        languages = ready.get("languages")
        if isinstance(languages, list):
            self._languages = frozenset(map(str, languages))
        with self._lock:
            self._busy_since = None
        return self._worker

    def _next(self) -> tuple[int, str, str] | None:
        with self._lock:
            while self._wanted is None and not self._closed:
                self._lock.wait()
            if self._closed:
                return None
            wanted, self._wanted = self._wanted, None
            self._busy_since = time.monotonic()
            return wanted

    def _play(self, said: int, path: str) -> None:
        sound = pygame.mixer.Sound(path)
        os.remove(path)
        with self._lock:
            if said == self._said and not self._closed and self._channel is not None:
                self._channel.play(sound)
                self._channel.set_volume(self._volume)
