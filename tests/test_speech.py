"""Read aloud, with the real engine (pyttsx3 and espeak-ng) in real worker processes and the real
game stepped headless.

pyttsx3 is one of the game's dependencies, so every test here needs it. The tests that need a real
voice (the `voice` fixture) skip, with a plain reason, on a computer without one; with
SAFETY_DASH_REQUIRE_VOICE=1 (as .ci/run sets, having installed espeak-ng) they fail instead, so
CI can never pass with them skipped."""
from __future__ import annotations

import functools
import json
import math
import os
import subprocess
import sys
import threading
import time
import wave
from array import array
from pathlib import Path

import pygame
import pytest

from helpers import frames, key, new_app
import game.speech as speech_module
from game.content import load_bank
from game.scenes import spoken
from game.scenes.help import HelpScene, reassurance
from game.scenes.message import MessageScene
from game.rules.tuning import STEP
from game.scenes.title import TitleScene
from game.ui.layout.help import most_important_first
from game.speech import NO_PACKAGE, NO_VOICE, STOPPED, Speech, package_installed, reason_words
from game.speech_worker import save_wav

ROOT = Path(__file__).resolve().parent.parent
WAIT = 15.0  # seconds allowed for a worker to start and speak (a cold start on a busy machine)
NEEDS_PACKAGE = "pyttsx3 is one of the game's dependencies: install the game again"
NEEDS_VOICE = "needs espeak-ng, the voice pyttsx3 uses on Linux"
REQUIRE_VOICE = "SAFETY_DASH_REQUIRE_VOICE"  # "1": a test that needs a voice fails without one


@functools.cache
def voice_missing() -> str:
    """"" when this computer has a voice pyttsx3 can use; else why not, as the game's own speech
    worker says when it starts (the way the game finds out)."""
    out = subprocess.run([sys.executable, "-m", "game.speech_worker"], input="",
                         capture_output=True, text=True, timeout=120)
    lines = out.stdout.splitlines()
    reply = json.loads(lines[0]) if lines else {"error": "voice", "detail": out.stderr[-500:]}
    assert reply.get("error") != "package", f"{NEEDS_PACKAGE}: {reply.get('detail')}"
    return "" if reply.get("ready") else str(reply.get("detail") or reply)


def need_voice() -> None:
    """Skip the test, with a plain reason, when the computer has no voice; fail instead when
    SAFETY_DASH_REQUIRE_VOICE=1 says a voice must be there."""
    missing = voice_missing()
    if not missing:
        return
    if os.environ.get(REQUIRE_VOICE) == "1":
        pytest.fail(f"{NEEDS_VOICE}, and {REQUIRE_VOICE}=1 makes it compulsory ({missing})")
    pytest.skip(NEEDS_VOICE)


@pytest.fixture
def voice() -> None:
    """The test speaks with the computer's real voice."""
    need_voice()


@pytest.mark.parametrize("required", ["1", "", None])
def test_without_a_voice_a_test_skips_unless_a_voice_is_required(monkeypatch, required):
    monkeypatch.setattr(sys.modules[__name__], "voice_missing", lambda: "no espeak-ng here")
    if required is None:
        monkeypatch.delenv(REQUIRE_VOICE, raising=False)
    else:
        monkeypatch.setenv(REQUIRE_VOICE, required)
    expected = pytest.fail.Exception if required == "1" else pytest.skip.Exception
    with pytest.raises(expected) as raised:
        need_voice()
    assert NEEDS_VOICE in str(raised.value)
    monkeypatch.setattr(sys.modules[__name__], "voice_missing", lambda: "")
    need_voice()  # with a voice: the test runs, required or not


def test_the_game_s_speech_worker_finds_pyttsx3():
    """pyttsx3 comes with the game: its worker can always import it (a voice may be missing)."""
    assert package_installed(), NEEDS_PACKAGE
    voice_missing()  # asserts the worker did not answer "package"


@pytest.fixture
def app(tmp_path):
    assert package_installed(), NEEDS_PACKAGE
    a = new_app(tmp_path / "data")
    a.session.change_settings(read_aloud=True)
    pygame.event.clear()
    yield a
    a.quit()  # closes the speech service and ends its worker
    pygame.event.clear()


def until(app, condition, seconds: float = WAIT) -> None:
    """Step real frames until `condition()` holds; fail after `seconds` of wall time."""
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for read aloud"
        frames(app, 1)
        time.sleep(0.002)  # fast frames: let the worker have the other core


def for_a_while(app, seconds: float, check) -> None:
    """Step frames for `seconds` of wall time, asserting `check()` after every one."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        frames(app, 1)
        assert check()
        time.sleep(0.002)


def samples(path: Path) -> tuple[array, int]:
    with wave.open(str(path)) as w:
        assert (w.getnchannels(), w.getsampwidth()) == (1, 2)
        data = array("h", w.readframes(w.getnframes()))
        return data, w.getframerate()


def test_a_message_from_the_shipped_bank_is_spoken_into_a_wav_file_that_is_not_silent(
        voice, tmp_path):
    bank = load_bank()
    message = next(m for m in bank.messages if m.id == "private-info-young")
    words = spoken.message(bank, message)
    path = tmp_path / "message.wav"
    try:
        save_wav(words, str(path))
    except RuntimeError as exc:
        pytest.fail(f"{NEEDS_VOICE}: {exc}")
    data, rate = samples(path)
    seconds = len(data) / rate
    rms = math.sqrt(sum(s * s for s in data) / len(data))
    window = rate // 50  # 20 ms
    loud = sum(1 for i in range(0, len(data) - window, window)
               if max(abs(s) for s in data[i:i + window]) > 1000)
    # people speak 2 to 4 words a second; a voice reading at 1 to 6 is plausible
    assert len(words.split()) / 6 < seconds < len(words.split()) / 1, seconds
    assert max(abs(s) for s in data) > 8000
    assert rms > 500
    assert loud > 0.4 * (len(data) // window)  # speech all through, not a click then silence


def test_the_message_screen_is_read_and_speech_stops_when_the_screen_changes(voice, app):
    frames(app, 2)
    bank = app.session.bank
    message = bank.messages[0]
    app.push(MessageScene(app, message))
    assert app.speech.saying == spoken.message(bank, message)
    until(app, lambda: app.speech.speaking)
    app.pop()  # back to the title screen, which says nothing
    assert isinstance(app.scene, TitleScene)
    assert not app.speech.speaking and app.speech.saying == ""
    for_a_while(app, 0.5, lambda: not app.speech.speaking)


def use_engine(app, folder: Path, source: str) -> None:
    """Give the app a speech service whose workers import this pyttsx3 stand-in."""
    (folder / "pyttsx3").mkdir(parents=True)
    (folder / "pyttsx3" / "__init__.py").write_text(source)
    app.speech.close()
    app.speech = Speech(search_path=[str(folder)])


GATED_ENGINE = """
import math, pathlib, struct, time, wave
class Engine:
    def connect(self, *a): return None
    def disconnect(self, *a): pass
    def save_to_file(self, text, path): self.path = path
    def runAndWait(self):
        pathlib.Path({started!r}).touch()
        gate = pathlib.Path({gate!r})
        for _ in range(6000):  # waits for the test to open the gate (a minute at most)
            if gate.exists():
                break
            time.sleep(0.01)
        else:
            pathlib.Path({gave_up!r}).touch()
        with wave.open(self.path, "wb") as w:
            w.setnchannels(1); w.setsampwidth(2); w.setframerate(22050)
            w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(i / 8)))
                                   for i in range(44100)))
def init(*args, **kwargs): return Engine()
"""


def gated(app, tmp_path: Path) -> tuple[Path, Path, Path]:
    """Give the app an engine that, given a text, makes the file `started` and is then held busy
    until the test makes the file `gate` (or gives up after a minute, making `gave_up`)."""
    started, gate, gave_up = tmp_path / "started", tmp_path / "gate", tmp_path / "gave-up"
    use_engine(app, tmp_path / "fake", GATED_ENGINE.format(
        started=str(started), gate=str(gate), gave_up=str(gave_up)))
    return started, gate, gave_up


def test_the_game_keeps_running_while_a_long_text_is_spoken(app, tmp_path):
    """The voice works in a process of its own: while it is busy with a long text (held busy
    here until the test lets it go), every frame runs and steps the game. Were a frame, or
    say() itself, to wait for the voice, the voice would wait for the test and the test for the
    frame, until the voice gave up: so the voice must never have given up."""
    started, gate, gave_up = gated(app, tmp_path)
    frames(app, 2)
    long_text = " ".join(m.text for m in app.session.bank.messages[:12])
    assert len(long_text.split()) > 300
    app.speak(long_text)  # returns at once: the voice has not even started
    until(app, started.exists)  # the voice is at work on the long text, and held there
    before, now = app.frames, app.now
    frames(app, 120)
    assert app.frames == before + 120
    assert app.now - now == pytest.approx(120 * STEP)  # every frame stepped the game
    assert not app.speech.speaking and app.speech.saying == long_text
    gate.touch()  # the voice may finish now
    until(app, lambda: app.speech.speaking)
    before = app.frames
    for_a_while(app, 0.3, lambda: app.speech.saying == long_text)  # heard while frames run
    assert app.frames > before and not gave_up.exists()


def test_a_sound_still_being_made_when_its_screen_goes_is_never_played(app, tmp_path):
    started, gate, _ = gated(app, tmp_path)
    message = app.session.bank.messages[0]
    app.push(MessageScene(app, message))
    until(app, started.exists)  # the engine is at work on the message, and held there
    app.pop()
    gate.touch()  # its sound is made after its screen has gone
    for_a_while(app, 1.5, lambda: not app.speech.speaking)
    started.unlink()
    app.push(MessageScene(app, message))  # a screen that stays is heard
    until(app, lambda: app.speech.speaking)


def test_help_replaces_the_message_being_read(voice, app):
    frames(app, 2)
    bank = app.session.bank
    app.push(MessageScene(app, bank.messages[0]))
    until(app, lambda: app.speech.speaking)
    key(app, pygame.K_h)
    assert isinstance(app.scene, HelpScene)
    assert app.speech.saying == spoken.help_screen(most_important_first(bank.help_links),
                                                   reassurance())
    assert app.speech.saying.index("In an emergency") < app.speech.saying.index("Childline")
    assert app.speech.saying.startswith("Where to get help. You will not be in trouble")
    assert "Childline. " in app.speech.saying and "Phone 0 8 0 0, 1 1 1 1." in app.speech.saying
    until(app, lambda: app.speech.speaking)
    key(app, pygame.K_ESCAPE)  # back to the message: it is read again
    assert app.speech.saying == spoken.message(bank, bank.messages[0])


def test_a_question_is_read_with_its_answers_and_a_wrong_answer_with_its_feedback(voice, app):
    frames(app, 2)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_1)
    r = app.scene.round
    until(app, lambda: r.question_gate is not None, 60)
    q = r.question_gate.question
    assert app.speech.saying == spoken.question(q)
    assert f"1: {q.answers[0].text}" in app.speech.saying
    assert f"2: {q.answers[1].text}" in app.speech.saying
    wrong = next(i for i, a in enumerate(q.answers) if not a.safe)
    key(app, pygame.K_1 + wrong)
    until(app, lambda: r.feedback is not None, 60)
    assert app.speech.saying == spoken.feedback(r.feedback)
    assert app.speech.saying.startswith("Good try! The safe answer is:")
    until(app, lambda: app.speech.speaking)


def test_the_speech_volume_setting_is_used(voice, app):
    app.session.change_settings(speech_volume=30)
    app.speak("Tell a trusted adult.")
    until(app, lambda: app.speech.speaking)
    assert pygame.mixer.Channel(speech_module.CHANNEL).get_volume() == pytest.approx(0.3, abs=0.01)


def speech_threads() -> set[threading.Thread]:
    return {t for t in threading.enumerate() if t.name == "speech"}


@pytest.mark.parametrize("how", ["read aloud off", "sound muted"])
def test_nothing_is_spoken_with_read_aloud_off_or_the_sound_muted(tmp_path, how):
    before = speech_threads()
    app = new_app(tmp_path)
    frames(app, 2)
    if how == "sound muted":
        app.session.change_settings(read_aloud=True)
        key(app, pygame.K_m)
        assert app.sounds.muted
    app.push(MessageScene(app, app.session.bank.messages[0]))
    app.push(HelpScene(app))
    app.back_to_root()
    key(app, pygame.K_RETURN)
    key(app, pygame.K_1)
    r = app.scene.round
    until(app, lambda: r.question_gate is not None, 60)
    for_a_while(app, 0.5, lambda: app.speech.saying == "" and not app.speech.speaking)
    assert speech_threads() <= before  # no engine was even started
    app.quit()


def test_without_pyttsx3_read_aloud_is_unavailable_with_a_reason_and_the_game_runs(
        tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyttsx3", None)  # the import fails, as when not installed
    app = new_app(tmp_path)
    app.session.change_settings(read_aloud=True)
    assert not app.speech.available
    assert app.speech.why == NO_PACKAGE
    assert app.speech.reason == reason_words(NO_PACKAGE) and "grown-up" in app.speech.reason
    frames(app, 2)
    key(app, pygame.K_RETURN)
    key(app, pygame.K_1)
    r = app.scene.round
    until(app, lambda: r.question_gate is not None, 60)
    assert app.speech.saying == "" and not app.speech.speaking
    app.quit()


BROKEN_ENGINES = {
    "no voice": ("def init(*args, **kwargs):\n"
                 "    raise RuntimeError('This means you probably do not have eSpeak or "
                 "eSpeak-ng installed!')\n", NO_VOICE),
    "a part missing": ("raise ImportError('No module named comtypes')\n", NO_PACKAGE),
    "fails to speak": ("class Engine:\n"
                       "    def connect(self, *a): return None\n"
                       "    def disconnect(self, *a): pass\n"
                       "    def save_to_file(self, *a): raise OSError('no audio')\n"
                       "def init(*args, **kwargs): return Engine()\n", NO_VOICE),
    "crashes": ("import os\n"
                "class Engine:\n"
                "    def connect(self, *a): return None\n"
                "    def save_to_file(self, *a): os._exit(3)\n"
                "def init(*args, **kwargs): return Engine()\n", STOPPED),
}


@pytest.mark.parametrize("broken", BROKEN_ENGINES)
def test_a_broken_engine_turns_read_aloud_unavailable_and_the_game_runs_on(app, tmp_path, broken):
    source, reason = BROKEN_ENGINES[broken]
    use_engine(app, tmp_path / "fake", source)
    assert app.speech.available
    app.speak("Tell a trusted adult.")
    until(app, lambda: not app.speech.available)
    assert app.speech.why == reason
    assert app.speech.reason == reason_words(reason) and "Traceback" not in app.speech.reason
    start = app.frames
    app.push(MessageScene(app, app.session.bank.messages[0]))  # nothing more is tried
    frames(app, 30)
    assert app.frames == start + 30 and app.speech.saying == ""


def test_an_engine_that_stops_answering_is_ended(app, tmp_path, monkeypatch):
    use_engine(app, tmp_path / "fake", (
        "import time\n"
        "class Engine:\n"
        "    def connect(self, *a): return None\n"
        "    def disconnect(self, *a): pass\n"
        "    def save_to_file(self, *a): pass\n"
        "    def runAndWait(self): time.sleep(600)\n"
        "def init(*args, **kwargs): return Engine()\n"))
    monkeypatch.setattr(speech_module, "HUNG_SECONDS", 0.5)
    app.speak("Tell a trusted adult.")
    for_a_while(app, 1.0, lambda: app.speech.available)  # the game runs on meanwhile
    app.speak("Ask a grown-up first.")  # too long on the last text: the worker is ended
    until(app, lambda: not app.speech.available, 5)
    assert app.speech.why == STOPPED


def test_phone_numbers_are_read_digit_by_digit():
    assert spoken.digits("Call 0800 1111 now") == "Call 0 8 0 0, 1 1 1 1 now"
    assert spoken.digits("call 999.") == "call 9 9 9."
    assert spoken.digits("under 13, or 116 123") == "under 13, or 1 1 6, 1 2 3"
    assert spoken.sentences("Title", "Body!", "", "What to do: ask") == \
        "Title. Body! What to do: ask."


def test_nothing_is_left_behind_when_the_game_ends_without_closing_the_service(voice, tmp_path):
    code = ("import time, pygame\n"
            "pygame.mixer.init()\n"
            "from game.speech import Speech\n"
            "speech = Speech()\n"
            "speech.say('Tell a trusted adult.')\n"
            "while not speech.speaking:\n"
            "    time.sleep(0.01)\n")
    env = dict(os.environ, TMPDIR=str(tmp_path), SDL_AUDIODRIVER="dummy")
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, timeout=60, check=True)
    assert not list(tmp_path.glob("safety-dash-speech-*"))  # its sound files' folder


# --- the language of the game's words ------------------------------------------------------------

VOICED_ENGINE = """
import math, pathlib, struct, wave
class Voice:
    def __init__(self, id, languages): self.id, self.languages = id, languages
class Engine:
    voice = "default"
    def connect(self, *a): return None
    def disconnect(self, *a): pass
    def getProperty(self, name):
        {voices}
    def setProperty(self, name, value): self.voice = value
    def save_to_file(self, text, path): self.path = path
    def runAndWait(self):
        pathlib.Path({marker!r}).write_text(self.voice)
        with wave.open(self.path, "wb") as w:
            w.setnchannels(1); w.setsampwidth(2); w.setframerate(22050)
            w.writeframes(b"".join(struct.pack("<h", int(8000 * math.sin(i / 8)))
                                   for i in range(22050)))
def init(*args, **kwargs): return Engine()
"""
ENGLISH_AND_WELSH = "return [Voice('gmw/en', ['en-gb']), Voice('cel/cy', ['cy'])]"
ENGLISH_ONLY = "return [Voice('gmw/en', ['en-gb']), Voice('roa/fr', ['fr'])]"
NO_VOICE_LIST = "raise RuntimeError('this driver lists no voices')"


def voiced(app, tmp_path: Path, voices: str) -> Path:
    """Give the app an engine with these voices; the file its last voice is written to."""
    marker = tmp_path / "voice"
    use_engine(app, tmp_path / "fake", VOICED_ENGINE.format(voices=voices, marker=str(marker)))
    return marker


def test_welsh_words_are_read_with_a_welsh_voice_and_english_with_the_default(app, tmp_path):
    marker = voiced(app, tmp_path, ENGLISH_AND_WELSH)
    app.change_settings(lang="cy")
    app.speak("Dyweda wrth oedolyn rwyt ti'n ymddiried ynddo.")
    until(app, lambda: app.speech.speaking)
    assert marker.read_text() == "cel/cy"
    app.change_settings(lang="en")
    app.speak("Tell a trusted adult.")
    until(app, lambda: app.speech.speaking and marker.read_text() == "default")


@pytest.mark.parametrize("voices", [ENGLISH_ONLY, NO_VOICE_LIST])
def test_without_a_welsh_voice_read_aloud_is_unavailable_in_welsh_alone(app, tmp_path, voices):
    marker = voiced(app, tmp_path, voices)
    app.change_settings(lang="cy")
    app.speech.warm_up()
    app.speak("Dyweda wrth oedolyn.")
    until(app, lambda: not app.speech.available)
    assert app.speech.why is None  # nothing is broken: there is no voice for the language
    assert app.speech.reason == speech_module.reason_words(speech_module.NO_LANGUAGE_VOICE, "cy")
    assert "Cymraeg" in app.speech.reason and "cyfarwyddiadau" in app.speech.reason
    for_a_while(app, 0.5, lambda: not app.speech.speaking)  # never read in another voice
    assert not marker.exists() or marker.read_text() != "default"
    app.change_settings(lang="en")  # English still has its voice
    assert app.speech.available and app.speech.reason == ""
    app.speak("Tell a trusted adult.")
    until(app, lambda: app.speech.speaking)
    assert marker.read_text() == "default"
