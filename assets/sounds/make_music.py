#!/usr/bin/env python3
"""Compose and synthesise Safety Dash's background tune, music.ogg.

A gentle, cheerful 16-bar tune in C major at 120 beats a minute (32 s), made to loop:
a soft mallet melody, an Alberti-style accompaniment and a round bass. Notes that ring past
the end are wrapped onto the start, so the loop has no seam. The synthesis is standard-library
Python (the helpers come from make_sounds.py beside this file) with no randomness; the WAV it
makes is encoded with `oggenc` (Debian package vorbis-tools) at a fixed serial number, so
running this again with the same oggenc gives a byte-identical file.

Output: music.ogg, Ogg Vorbis, mono 22050 Hz, written next to this script.

Usage:  python3 make_music.py [output_dir]

The tune and this script are released under CC0 1.0 (see ../LICENSES.md).
"""

import math
import os
import shutil
import subprocess
import sys
import tempfile

from make_sounds import RATE, envelope, normalise, write_wav

BPM = 120
BEAT = RATE * 60 // BPM  # samples in one beat
BARS = 16
LOOP = BARS * 4 * BEAT  # samples in the whole loop (32 s)
QUALITY = "5"  # oggenc -q: clean for soft synthesised tones, about 80 KB for the loop

# Note names to frequencies, equal temperament, A4 = 440 Hz.
_SEMITONES = {"C": -9, "D": -7, "E": -5, "F": -4, "G": -2, "A": 0, "B": 2}


def freq(note):
    """'C5', 'G2' ... as hertz."""
    return 440.0 * 2.0 ** ((_SEMITONES[note[0]] + 12 * (int(note[1]) - 4)) / 12.0)


# Each bar: (chord for the accompaniment, bass roots, melody as (note or None, beats)).
# Chords are (low, middle, high) for the Alberti pattern low-high-middle-high.
C, AM, F, G, DM, EM = ("C4", "E4", "G4"), ("A3", "C4", "E4"), ("F3", "A3", "C4"), \
    ("G3", "B3", "D4"), ("D4", "F4", "A4"), ("E3", "G3", "B3")
BARS_SCORE = [
    # A: the tune
    ((C, C), ("C3", "G2"), (("E5", 1), ("G5", .5), ("E5", .5), ("C5", 1), ("G4", 1))),
    ((AM, AM), ("A2", "E3"), (("A4", 1), ("C5", .5), ("E5", .5), ("A5", 1.5), ("G5", .5))),
    ((F, F), ("F2", "C3"), (("F5", 1), ("E5", .5), ("D5", .5), ("C5", 1), ("A4", 1))),
    ((G, G), ("G2", "D3"), (("B4", 1), ("D5", 1), ("G5", 2))),
    ((C, C), ("C3", "G2"), (("E5", 1), ("G5", .5), ("E5", .5), ("C6", 1), ("G5", 1))),
    ((AM, AM), ("A2", "E3"), (("A5", 1), ("G5", .5), ("E5", .5), ("C5", 1), ("E5", 1))),
    ((DM, G), ("D3", "G2"), (("D5", 1), ("F5", 1), ("G5", .5), ("F5", .5), ("D5", 1))),
    ((C, C), ("C3", "C3"), (("C5", 3), (None, 1))),
    # B: the answer, ending on G so the loop leads back to the start
    ((F, F), ("F2", "C3"), (("A5", 1), ("G5", .5), ("F5", .5), ("C5", 1), ("F5", 1))),
    ((G, G), ("G2", "D3"), (("G5", 1), ("F5", .5), ("E5", .5), ("D5", 1), ("B4", 1))),
    ((EM, EM), ("E3", "B2"), (("E5", 1), ("G5", .5), ("B5", .5), ("G5", 1), ("E5", 1))),
    ((AM, AM), ("A2", "E3"), (("A5", 1.5), ("G5", .5), ("E5", 1), ("C5", 1))),
    ((F, F), ("F2", "C3"), (("F5", 1), ("A5", .5), ("G5", .5), ("F5", 1), ("C5", 1))),
    ((G, G), ("G2", "D3"), (("D5", 1), ("G5", .5), ("F5", .5), ("E5", 1), ("D5", 1))),
    ((C, C), ("C3", "G2"), (("E5", 1), ("G5", 1), ("C6", 2))),
    ((G, G), ("G2", "B2"), (("B5", 1), ("A5", .5), ("G5", .5), ("F5", 1), ("D5", 1))),
]

# Voices: (harmonic weights, attack s, decay rate 1/s, release s, loudness).
MALLET = ((1.0, 0.0, 0.0, 0.12), 0.006, 2.5, 0.25, 0.50)  # a soft marimba-like melody
PLUCK = ((1.0, 0.18, 0.05), 0.004, 5.0, 0.10, 0.16)  # the quiet accompaniment
BASS = ((1.0, 0.30, 0.08), 0.015, 1.2, 0.15, 0.30)  # warm and round


def add_note(buf, start, beats, note, voice):
    """Mix one note into the loop `buf` from sample `start`, wrapping past the end."""
    weights, attack, decay, release, loud = voice
    step = 2.0 * math.pi * freq(note) / RATE
    n = int(beats * BEAT) + int(release * RATE)
    for i in range(n):
        phase = step * i
        wave = sum(w * math.sin((k + 1) * phase) for k, w in enumerate(weights) if w)
        buf[(start + i) % LOOP] += loud * envelope(i, n, attack, release, decay) * wave


def compose():
    buf = [0.0] * LOOP
    for bar, (chords, roots, melody) in enumerate(BARS_SCORE):
        at = bar * 4 * BEAT
        for half, (low, mid, high) in enumerate(chords):
            for k, note in enumerate((low, high, mid, high)):
                add_note(buf, at + (half * 4 + k) * BEAT // 2, 0.5, note, PLUCK)
        for half, root in enumerate(roots):
            add_note(buf, at + half * 2 * BEAT, 2, root, BASS)
        beat = 0.0
        for note, beats in melody:
            if note is not None:
                add_note(buf, at + int(beat * BEAT), beats, note, MALLET)
            beat += beats
        assert beat == 4, f"bar {bar + 1} has {beat} beats"
    return normalise(buf, 0.5)


def main(argv):
    out_dir = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    oggenc = shutil.which("oggenc")
    if oggenc is None:
        sys.exit("make_music.py needs oggenc: install vorbis-tools (apt-get install vorbis-tools)")
    buf = compose()
    out = os.path.join(out_dir, "music.ogg")
    with tempfile.TemporaryDirectory() as tmp:
        wav = os.path.join(tmp, "music.wav")
        write_wav(wav, buf)
        subprocess.run([oggenc, "--quiet", "-q", QUALITY, "--serial", "1",
                        "-t", "Safety Dash theme", "-c", "LICENSE=CC0-1.0", "-o", out, wav],
                       check=True)
    print("%-14s %5.2f s  peak %.2f  %6d bytes"
          % ("music.ogg", len(buf) / RATE, max(abs(x) for x in buf), os.path.getsize(out)))


if __name__ == "__main__":
    main(sys.argv)
