"""The waveform envelope (transcribe/envelope.py): known signals written to real audio files,
real Persian speech, the cache keyed by the file as it is, and column reduction for drawing."""
from __future__ import annotations

import os

import numpy as np
import pytest
import soundfile as sf
from hypothesis import given, settings
from hypothesis import strategies as st

from transcribe import envelope
from transcribe.audio import SAMPLE_RATE, probe_duration_ms
from transcribe.errors import AudioError
from transcribe.speech import speak


def _tone(seconds: float, amp: float, freq: float = 440.0) -> np.ndarray:
    t = np.arange(int(seconds * SAMPLE_RATE)) / SAMPLE_RATE
    return (amp * np.sin(2 * np.pi * freq * t)).astype(np.float32)


def test_envelope_of_a_known_signal(tmp_path):
    """2 s of a ±0.5 tone then 1 s of silence: 300 bins, ±0.5 in the first 200, 0 after."""
    path = tmp_path / "tone.wav"
    sf.write(path, np.concatenate([_tone(2, 0.5), np.zeros(SAMPLE_RATE, np.float32)]), SAMPLE_RATE)
    env = envelope.compute(path)
    assert (env.channels, env.bins, env.duration_ms) == (1, 300, 3000)
    low, high = env.minmax(0)
    assert np.allclose(high[:200], 0.5, atol=0.01) and np.allclose(low[:200], -0.5, atol=0.01)
    assert np.abs(high[201:]).max() < 1e-3 and np.abs(low[201:]).max() < 1e-3
    # drawn over 3 columns of a second each: full height, full height, flat
    lo, hi = env.columns(0, 3000, 3, 0)
    assert np.allclose(hi, [1, 1, 0], atol=0.02) and np.allclose(lo, [-1, -1, 0], atol=0.02)
    # past the end of the audio the columns are flat
    lo, hi = env.columns(2500, 5500, 6, 0)
    assert hi[0] == 0 and np.all(hi[1:] == 0) and np.all(lo == 0)


def test_two_channels_kept_apart_identical_ones_drawn_once(tmp_path):
    call = np.stack([_tone(1, 0.4), np.zeros(SAMPLE_RATE, np.float32)], axis=1)
    sf.write(tmp_path / "call.wav", call, SAMPLE_RATE)
    env = envelope.compute(tmp_path / "call.wav")
    assert env.channels == 2
    assert env.minmax(0)[1].max() > 0.39 and env.minmax(1)[1].max() < 1e-3
    same = np.stack([_tone(1, 0.4)] * 2, axis=1)  # a phone recorder's "stereo": one voice twice
    sf.write(tmp_path / "same.wav", same, SAMPLE_RATE)
    assert envelope.compute(tmp_path / "same.wav").channels == 1


def test_real_speech_and_the_cache(tmp_path):
    """Persian speech (espeak-ng, as FLAC): one bin per 10 ms of it, cached on the first load, read
    back after; a changed file is not read from the stale cache (and the stale file goes)."""
    clip = tmp_path / "speech.flac"
    sf.write(clip, speak("کتابخانهٔ شما در دوران کرونا با چه چالش‌هایی روبه‌رو شد؟"), SAMPLE_RATE)
    assert envelope.cached(clip) is None
    seen: list[float] = []
    env = envelope.load(clip, progress=seen.append)
    assert abs(env.duration_ms - probe_duration_ms(clip)) <= 60
    assert seen and seen[-1] == pytest.approx(1.0, abs=0.02)
    high = env.minmax(0)[1]
    assert (high > 0.1 * env.scale).mean() > 0.3  # speech most of the time, not a flat line
    again = envelope.cached(clip)
    assert again is not None and np.array_equal(again.peaks, env.peaks) and again.scale == env.scale
    old_cache = envelope.cache_file(clip)
    os.utime(clip, ns=(clip.stat().st_atime_ns, clip.stat().st_mtime_ns + 10**9))
    assert envelope.cached(clip) is None
    envelope.load(clip)
    assert not old_cache.exists() and envelope.cache_file(clip).exists()


def test_cancel_and_unreadable(tmp_path):
    path = tmp_path / "tone.wav"
    sf.write(path, _tone(2, 0.5), SAMPLE_RATE)
    with pytest.raises(envelope.Cancelled):
        envelope.compute(path, cancelled=lambda: True)
    bad = tmp_path / "notes.wav"
    bad.write_text("not audio at all")
    with pytest.raises(AudioError):
        envelope.load(bad)


@settings(max_examples=60, deadline=None)
@given(samples=st.lists(st.floats(-1, 1, width=32), min_size=1, max_size=700),
       start=st.integers(-30, 60), length=st.integers(1, 80), width=st.integers(1, 40))
def test_bins_and_columns_hold_every_extreme(samples, start, length, width):
    """Whatever the samples and the window: each bin's low/high are the samples' min/max (to the
    int8 step), and a drawn column never exceeds full height nor lies outside the bins it covers."""
    x = np.array(samples, np.float32)
    env = envelope.Envelope.from_samples(x)
    n = -(-len(x) // envelope.SAMPLES_PER_BIN)
    assert env.bins == n
    low, high = env.minmax(0)
    step = env.scale / 127 + 1e-6
    for i in range(n):
        part = x[i * envelope.SAMPLES_PER_BIN:(i + 1) * envelope.SAMPLES_PER_BIN]
        assert low[i] <= high[i]
        assert abs(min(part.max(), env.scale) - high[i]) <= step or part.max() > env.scale
    lo, hi = env.columns(start * 10, (start + length) * 10, width, 0)
    assert lo.shape == hi.shape == (width,)
    assert np.all(lo <= hi) and np.all(np.abs(lo) <= 1) and np.all(np.abs(hi) <= 1)


def test_no_samples_is_an_error(tmp_path):
    path = tmp_path / "empty.wav"
    sf.write(path, np.zeros(0, np.float32), SAMPLE_RATE)
    with pytest.raises(AudioError):
        envelope.compute(path)
