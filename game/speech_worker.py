"""The read-aloud worker: a process of its own that turns one text into a sound file with pyttsx3.

pyttsx3's engine is not thread-safe, `runAndWait` blocks, and stopping it from another thread is
unreliable (with espeak-ng it even plays through `aplay`, out of reach). So the game never runs
it: a worker process starts, loads the engine, says it is ready, writes one text to a file, and
exits. The game plays the file itself and can stop it at once. One text per process also keeps
pyttsx3's espeak driver from mixing one utterance's sound into the next, which it does when an
engine is reused straight away.

Talk is one JSON object a line. The worker first answers {"ready": true, "languages": [code,
...] or null} (the languages its voices speak, like "en" and "cy"; null when the engine does not
say) or {"error": KIND, "detail": str} (KIND "package": pyttsx3 cannot be imported; "voice": it
has no working voice), then reads {"text": str, "path": str, "lang": code} and answers
{"done": path}, {"error": "language"} (no voice speaks `lang`) or {"error": "voice", ...}.
English is read with the computer's own default voice; another language with a voice that
speaks it (espeak-ng's Welsh voice, for "cy").
"""
from __future__ import annotations

import json
import os
import sys
import threading
from typing import Any, TextIO

# Drivers that write the file from a thread of their own after runAndWait has returned.
ASYNC_DRIVERS = frozenset({"espeak"})
SYNTH_TIMEOUT = 30.0  # seconds: longer than any message takes to synthesise
WAV_HEADER = 44  # bytes: a file no longer than this holds no sound
ENGLISH = "en"


def primary(code: object) -> str:
    """A voice's language code reduced to its language: "en-GB", "cy_GB" and "cy" to "en",
    "cy", "cy" (espeak's older codes are bytes, behind a priority byte)."""
    if isinstance(code, bytes):
        code = code.decode("utf-8", "ignore")
    letters = "".join(c for c in str(code) if c.isprintable()).strip()
    return letters.replace("_", "-").split("-", 1)[0].lower()


def voice_languages(engine: Any) -> list[str] | None:
    """The languages the engine's voices speak, or None if it cannot say."""
    try:
        return sorted({primary(code) for voice in engine.getProperty("voices")
                       for code in (getattr(voice, "languages", None) or ())})
    except Exception:  # a driver without a voice list: which languages is not known
        return None


def use_language(engine: Any, lang: str) -> bool:
    """Make the engine speak `lang` (English: the default voice); False if no voice does."""
    if lang == ENGLISH:
        return True
    try:
        voices = list(engine.getProperty("voices"))
    except Exception:
        return False
    for voice in voices:
        if any(primary(code) == lang for code in getattr(voice, "languages", None) or ()):
            engine.setProperty("voice", voice.id)
            return True
    return False


def new_engine() -> Any:
    import pyttsx3
    return pyttsx3.init()


def save_wav(text: str, path: str, engine: Any = None, timeout: float = SYNTH_TIMEOUT) -> None:
    """Speak `text` into the sound file `path` (WAV; macOS's voice writes AIFF) with pyttsx3's
    save_to_file, returning once the file is complete. Raises if no sound was written."""
    engine = engine if engine is not None else new_engine()
    finished = threading.Event()
    completed: list[bool] = []

    def on_finish(completed_: bool = True, **_: object) -> None:
        completed.append(completed_)
        finished.set()

    token = engine.connect("finished-utterance", on_finish)
    try:
        engine.save_to_file(text, path)
        engine.runAndWait()
        if getattr(engine, "driver_name", "") in ASYNC_DRIVERS and not finished.wait(timeout):
            raise TimeoutError(f"no sound after {timeout:.0f} s")
    finally:
        engine.disconnect(token)
    if completed and not completed[-1]:
        raise RuntimeError("the voice stopped before the end")
    if not os.path.isfile(path) or os.path.getsize(path) <= WAV_HEADER:
        raise RuntimeError("the voice wrote no sound")


def _answer(out: TextIO, **reply: object) -> None:
    out.write(json.dumps(reply) + "\n")
    out.flush()


def main() -> int:
    # Answers go out on a copy of stdout; stdout itself goes nowhere, so nothing the drivers or
    # their libraries print ("Audio saved to ...") can get mixed into them.
    out = os.fdopen(os.dup(1), "w", encoding="utf-8")
    os.dup2(os.open(os.devnull, os.O_WRONLY), 1)
    sys.stdout = open(os.devnull, "w")
    try:
        engine = new_engine()
    except ImportError as exc:  # pyttsx3 itself, or a part it needs (comtypes, pyobjc)
        _answer(out, error="package", detail=str(exc))
        return 1
    except Exception as exc:  # espeak-ng missing, no voice, a broken speech service
        _answer(out, error="voice", detail=f"{type(exc).__name__}: {exc}")
        return 1
    _answer(out, ready=True, languages=voice_languages(engine))
    line = sys.stdin.readline()
    if not line:
        return 0  # the game closed, or no longer needs this worker
    request = json.loads(line)
    if not use_language(engine, str(request.get("lang", ENGLISH))):
        _answer(out, error="language")
        return 1
    try:
        save_wav(str(request["text"]), str(request["path"]), engine)
    except Exception as exc:
        _answer(out, error="voice", detail=f"{type(exc).__name__}: {exc}")
        return 1
    _answer(out, done=request["path"])
    return 0


if __name__ == "__main__":
    sys.exit(main())
