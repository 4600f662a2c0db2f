"""Checks on recorded audio shared by the recording tests."""
from __future__ import annotations

import numpy as np


def tone_seconds(x: np.ndarray, sr: int, hz: float, window: float = 0.25) -> float:
    """Seconds of ``x`` (mono) in which ``hz`` is the loud, dominant frequency."""
    n = int(window * sr)
    seconds = 0.0
    freqs = np.fft.rfftfreq(n, 1 / sr)
    for at in range(0, len(x) - n + 1, n):
        w = x[at:at + n]
        if np.sqrt(np.mean(w ** 2)) < 0.03:
            continue
        spec = np.abs(np.fft.rfft(w * np.hanning(n)))
        if abs(freqs[np.argmax(spec)] - hz) < 15:
            seconds += window
    return seconds


def onsets(x: np.ndarray, sr: int, threshold: float = 0.1, min_gap: float = 0.5) -> list[float]:
    """Times (s) where a beep starts in ``x``."""
    loud = np.abs(x) > threshold
    idx = np.nonzero(loud[1:] & ~loud[:-1])[0] + 1
    if loud[0]:
        idx = np.r_[0, idx]
    out = []
    for i in idx:
        if not out or i / sr - out[-1] > min_gap:
            out.append(i / sr)
    return out
