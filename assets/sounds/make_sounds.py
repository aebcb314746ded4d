#!/usr/bin/env python3
"""Synthesise the sound effects for Safety Dash.

Standard library only (wave, math, struct). No randomness, so running this
script again produces byte-identical WAV files.

Output: 16-bit mono 22050 Hz WAV files written next to this script:
    hop.wav, collect.wav, right.wav, wrong.wav, promotion.wav, bump.wav, click.wav

Every sound uses an attack/decay envelope and ends on silence, so nothing
clicks, and every sound is scaled so its peak is at most 0.6 of full scale.

Usage:  python3 make_sounds.py [output_dir]

The sounds are released under CC0 1.0 (see ../LICENSES.md).
"""

import math
import os
import struct
import sys
import wave

RATE = 22050
MAX_PEAK = 0.6  # never louder than this fraction of full scale
TWO_PI = 2.0 * math.pi

# Note frequencies (Hz), equal temperament, A4 = 440.
C4, E4, G4, A4 = 261.63, 329.63, 392.00, 440.00
C5, D5, E5, F5, G5, A5, B5 = 523.25, 587.33, 659.25, 698.46, 783.99, 880.00, 987.77
C6, E6, G6 = 1046.50, 1318.51, 1567.98


# --------------------------------------------------------------- waveforms
def sine(phase):
    return math.sin(phase)


def triangle(phase):
    # Band-limited-ish triangle: first three odd harmonics (soft, no buzz).
    return (8.0 / math.pi ** 2) * (
        math.sin(phase) - math.sin(3 * phase) / 9.0 + math.sin(5 * phase) / 25.0
    )


def bell(phase):
    # Sine with a little octave and twelfth on top: bright but round.
    return math.sin(phase) + 0.25 * math.sin(2 * phase) + 0.08 * math.sin(3 * phase)


def warm(phase):
    # Sine with a gentle 2nd harmonic: friendly "brass-ish" for the fanfare.
    return math.sin(phase) + 0.35 * math.sin(2 * phase) + 0.12 * math.sin(3 * phase)


# --------------------------------------------------------------- helpers
def silence(seconds):
    return [0.0] * int(round(seconds * RATE))


def envelope(i, n, attack, release, decay_rate):
    """Amplitude 0..1 for sample i of n.

    Raised-cosine attack over `attack` s, exponential decay at `decay_rate`
    (1/s), and a raised-cosine release to exactly 0 over the last `release` s.
    """
    t = i / RATE
    a = max(1, int(attack * RATE))
    r = max(1, int(release * RATE))
    env = math.exp(-decay_rate * t)
    if i < a:
        env *= 0.5 - 0.5 * math.cos(math.pi * i / a)
    tail = n - 1 - i
    if tail < r:
        env *= 0.5 - 0.5 * math.cos(math.pi * tail / r)
    return env


def add_tone(buf, start, dur, freq, amp=1.0, wave_fn=sine, freq_end=None,
             attack=0.005, release=0.02, decay_rate=0.0):
    """Mix a tone into buf starting at `start` seconds.

    If freq_end is given the pitch glides exponentially from freq to freq_end.
    Phase is accumulated so glides stay smooth.
    """
    s0 = int(round(start * RATE))
    n = int(round(dur * RATE))
    need = s0 + n
    if len(buf) < need:
        buf.extend([0.0] * (need - len(buf)))
    phase = 0.0
    for i in range(n):
        if freq_end is None:
            f = freq
        else:
            f = freq * (freq_end / freq) ** (i / max(1, n - 1))
        buf[s0 + i] += amp * envelope(i, n, attack, release, decay_rate) * wave_fn(phase)
        phase += TWO_PI * f / RATE
        if phase > TWO_PI:
            phase -= TWO_PI
    return buf


def normalise(buf, peak):
    """Scale buf so its largest absolute sample equals `peak` (<= MAX_PEAK)."""
    peak = min(peak, MAX_PEAK)
    top = max((abs(x) for x in buf), default=0.0)
    if top == 0.0:
        return buf
    k = peak / top
    return [x * k for x in buf]


def write_wav(path, buf):
    frames = bytearray()
    for x in buf:
        x = max(-MAX_PEAK, min(MAX_PEAK, x))
        frames += struct.pack("<h", int(round(x * 32767)))
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(bytes(frames))


# --------------------------------------------------------------- sounds
def make_hop():
    # Soft "boing": a short sine blip whose pitch rises.
    buf = add_tone([], 0.0, 0.12, 330.0, freq_end=720.0, wave_fn=sine,
                   attack=0.008, release=0.04, decay_rate=10.0)
    return normalise(buf, 0.45)


def make_collect():
    # Bright two-note chime: B5 then E6, the first ringing under the second.
    buf = []
    add_tone(buf, 0.00, 0.20, B5, wave_fn=bell, attack=0.003, release=0.05, decay_rate=14.0)
    add_tone(buf, 0.07, 0.13, E6, wave_fn=bell, attack=0.003, release=0.05, decay_rate=12.0)
    return normalise(buf, 0.5)


def make_right():
    # Happy rising arpeggio C5-E5-G5, last note rings a little longer.
    buf = []
    add_tone(buf, 0.00, 0.17, C5, wave_fn=bell, attack=0.005, release=0.05, decay_rate=8.0)
    add_tone(buf, 0.12, 0.17, E5, wave_fn=bell, attack=0.005, release=0.05, decay_rate=8.0)
    add_tone(buf, 0.24, 0.21, G5, wave_fn=bell, attack=0.005, release=0.09, decay_rate=6.0)
    return normalise(buf, 0.5)


def make_wrong():
    # Gentle "uh-oh": two soft falling notes (G4 -> E4), quiet, with a
    # slow-ish attack and a slight downward droop on the second note.
    buf = []
    add_tone(buf, 0.00, 0.17, G4, wave_fn=triangle, attack=0.02, release=0.05, decay_rate=3.0)
    add_tone(buf, 0.17, 0.23, E4, freq_end=E4 * 0.97, wave_fn=triangle,
             attack=0.02, release=0.10, decay_rate=4.0)
    return normalise(buf, 0.3)


def make_promotion():
    # Short fanfare: C major arpeggio C5-E5-G5-C6, then a held C major chord.
    buf = []
    step = 0.11
    for k, f in enumerate((C5, E5, G5, C6)):
        add_tone(buf, k * step, 0.20, f, wave_fn=warm, attack=0.006, release=0.06, decay_rate=5.0)
    chord_start = 4 * step          # 0.44 s
    chord_len = 1.2 - chord_start   # held to 1.2 s in total
    for f, a in ((C4, 0.5), (C5, 0.8), (E5, 0.7), (G5, 0.7), (C6, 0.5)):
        add_tone(buf, chord_start, chord_len, f, amp=a, wave_fn=warm,
                 attack=0.02, release=0.35, decay_rate=1.2)
    return normalise(buf, 0.55)


def make_bump():
    # Soft thud: low sine dropping in pitch, very quick decay.
    buf = add_tone([], 0.0, 0.15, 150.0, freq_end=55.0, wave_fn=sine,
                   attack=0.004, release=0.05, decay_rate=22.0)
    return normalise(buf, 0.55)


def make_click():
    # Tiny UI tick: a very short high sine blip.
    buf = add_tone([], 0.0, 0.05, 1500.0, freq_end=1200.0, wave_fn=sine,
                   attack=0.001, release=0.02, decay_rate=70.0)
    return normalise(buf, 0.3)


SOUNDS = {
    "hop": make_hop,
    "collect": make_collect,
    "right": make_right,
    "wrong": make_wrong,
    "promotion": make_promotion,
    "bump": make_bump,
    "click": make_click,
}


def main(argv):
    out_dir = argv[1] if len(argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    os.makedirs(out_dir, exist_ok=True)
    for name, fn in SOUNDS.items():
        buf = fn()
        path = os.path.join(out_dir, name + ".wav")
        write_wav(path, buf)
        print("%-14s %5.2f s  peak %.2f  %6d bytes"
              % (name + ".wav", len(buf) / RATE, max(abs(x) for x in buf),
                 os.path.getsize(path)))


if __name__ == "__main__":
    main(sys.argv)
