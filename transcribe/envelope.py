"""A recording's waveform envelope: the lowest and highest sample in each 10 ms bin, per channel.

The transcript editor's waveform strip draws from this, never from the samples: a 35-minute
interview is 210 000 bins a channel (one byte each for the low and the high), read from a small
cache file in the per-user data folder on every later open. The audio is decoded once, piece by
piece through :func:`transcribe.audio.iter_samples` (memory: one piece), at 16 kHz.

The cache lives in the data folder (``waveforms/``), not in the study: it is derived data, as
easily made again, and a study folder is backed up, zipped and handed to a second coder.
Its name holds a hash of the audio's path, its size and its modification time, so an edited
or replaced file gets a new envelope (and the stale one is removed).

>>> import numpy as np
>>> env = Envelope.from_samples(np.array([[0.5, -0.25] * 80] * 2, dtype=np.float32).T)
>>> env.bins, env.channels
(1, 1)
>>> [round(float(v), 2) for v in env.minmax(0)[0]], [round(float(v), 2) for v in env.minmax(0)[1]]
([-0.25], [0.5])
"""
from __future__ import annotations

import hashlib
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from transcribe.audio import (
    SAMPLE_RATE,
    audio_channels,
    iter_samples,
    probe_duration_ms,
)
from transcribe.errors import AudioError
from transcribe.paths import data_dir

BINS_PER_SECOND = 100
SAMPLES_PER_BIN = SAMPLE_RATE // BINS_PER_SECOND  # 160
FORMAT = 1  # bumped when the cache file's layout changes (part of its name)


class Cancelled(Exception):
    """The envelope was no longer wanted (another interview opened)."""


@dataclass(frozen=True)
class Envelope:
    """``peaks[channel, bin] = (low, high)`` as int8 of ``scale``: -127..127 stands for ±scale.

    ``scale`` is the level the drawing calls full height: nearly the loudest bin of the file (its
    99.9th percentile), so one click does not flatten the rest of a quiet phone call."""

    peaks: np.ndarray
    scale: float
    rate: int = BINS_PER_SECOND

    @property
    def channels(self) -> int:
        return int(self.peaks.shape[0])

    @property
    def bins(self) -> int:
        return int(self.peaks.shape[1])

    @property
    def duration_ms(self) -> int:
        return self.bins * 1000 // self.rate

    def minmax(self, channel: int) -> tuple[np.ndarray, np.ndarray]:
        """The channel's low and high per bin, in sample units (float32)."""
        p = self.peaks[channel].astype(np.float32) * (self.scale / 127.0)
        return p[:, 0], p[:, 1]

    def columns(self, start_ms: float, end_ms: float, width: int, channel: int) -> tuple[np.ndarray, np.ndarray]:
        """Low and high (-1..1 of full height) for each of ``width`` pixel columns showing
        ``start_ms``..``end_ms``: the extremes of the bins under a column when a column covers
        several, the bin at the column's time when it covers less than one. Columns past the
        end of the audio are 0."""
        lo = np.zeros(width, np.float32)
        hi = np.zeros(width, np.float32)
        if width <= 0 or end_ms <= start_ms or self.bins == 0:
            return lo, hi
        edges = np.linspace(start_ms, end_ms, width + 1) * (self.rate / 1000.0)
        first = np.floor(edges[:-1]).astype(np.int64)
        last = np.maximum(first + 1, np.ceil(edges[1:]).astype(np.int64))  # exclusive
        inside = (first >= 0) & (first < self.bins)
        if not inside.any():
            return lo, hi
        peaks = self.peaks[channel]
        idx = np.flatnonzero(inside)
        a = first[idx]
        b = np.minimum(last[idx], self.bins)
        if np.all(b - a <= 1):
            lo[idx] = peaks[a, 0]
            hi[idx] = peaks[a, 1]
        else:  # reduce each column's run of bins; the runs are consecutive and do not overlap
            shown = peaks[:int(b.max())]  # so the last column's run ends where the view does
            lows = np.minimum.reduceat(shown[:, 0], a)
            highs = np.maximum.reduceat(shown[:, 1], a)
            # (reduceat gives a column sharing its first bin with the next one that bin alone: set again below)
            single = b - a <= 1
            lows[single] = peaks[a[single], 0]
            highs[single] = peaks[a[single], 1]
            lo[idx], hi[idx] = lows, highs
        return lo / 127.0, hi / 127.0

    @classmethod
    def from_samples(cls, samples: np.ndarray) -> Envelope:
        """The envelope of 16 kHz samples, 1-D (mono) or ``(n, channels)``."""
        builder = _Builder()
        builder.add(samples)
        return builder.finish()


class _Builder:
    """Bins pieces of samples as they are decoded (a piece need not end on a bin)."""

    def __init__(self) -> None:
        self.rest: np.ndarray | None = None
        self.lows: list[np.ndarray] = []
        self.highs: list[np.ndarray] = []

    def add(self, piece: np.ndarray) -> None:
        piece = piece.reshape(len(piece), -1)
        if self.rest is not None and len(self.rest):
            piece = np.concatenate([self.rest, piece])
        whole = len(piece) // SAMPLES_PER_BIN * SAMPLES_PER_BIN
        self.rest = piece[whole:].copy()
        if whole:
            block = piece[:whole].reshape(whole // SAMPLES_PER_BIN, SAMPLES_PER_BIN, piece.shape[1])
            self.lows.append(block.min(axis=1))
            self.highs.append(block.max(axis=1))

    def finish(self) -> Envelope:
        if self.rest is not None and len(self.rest):
            self.lows.append(self.rest.min(axis=0, keepdims=True))
            self.highs.append(self.rest.max(axis=0, keepdims=True))
        if not self.lows:
            return Envelope(np.zeros((1, 0, 2), np.int8), 1.0)
        low = np.concatenate(self.lows).T   # (channels, bins)
        high = np.concatenate(self.highs).T
        if low.shape[0] == 2 and _same_voice(low, high):
            low, high = low[:1], high[:1]
        loud = np.maximum(np.abs(low), np.abs(high))
        scale = float(np.percentile(loud, 99.9)) if loud.size else 0.0
        scale = scale if scale > 1e-4 else 1.0
        q = np.stack([low, high], axis=-1) * (127.0 / scale)
        return Envelope(np.clip(np.rint(q), -127, 127).astype(np.int8), scale)


def _same_voice(low: np.ndarray, high: np.ndarray) -> bool:
    """Whether both channels hold the same signal (a phone's "stereo" file): then one lane is drawn."""
    a, b = high[0] - low[0], high[1] - low[1]
    ref = float(max(a.max(initial=0.0), b.max(initial=0.0)))
    return ref == 0.0 or float(np.mean(np.abs(a - b))) <= 0.01 * ref


def compute(path: str | Path, progress: Callable[[float], None] | None = None,
            cancelled: Callable[[], bool] | None = None) -> Envelope:
    """Decode ``path`` once and bin it. ``progress(share)`` is told 0..1 as it goes;
    ``cancelled()`` returning True stops it with :class:`Cancelled`."""
    path = Path(path)
    total = max(1, probe_duration_ms(path) * SAMPLE_RATE // 1000)
    stereo = audio_channels(path) >= 2
    builder = _Builder()
    done = 0
    for piece in iter_samples(path, stereo=stereo):
        if cancelled is not None and cancelled():
            raise Cancelled()
        builder.add(piece)
        done += len(piece)
        if progress is not None:
            progress(min(1.0, done / total))
    env = builder.finish()
    if env.bins == 0:
        raise AudioError("{name} holds no audio samples.", name=path.name)
    return env


def cache_file(path: str | Path) -> Path:
    """Where the envelope of ``path`` (as it is now: size and modification time) is kept."""
    path = Path(path).resolve()
    st = path.stat()
    return _cache_dir() / f"{_path_key(path)}-{st.st_size}-{st.st_mtime_ns}-v{FORMAT}.npz"


def _cache_dir() -> Path:
    folder = data_dir() / "waveforms"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _path_key(path: Path) -> str:
    return hashlib.sha1(str(path).encode("utf-8")).hexdigest()[:16]


def cached(path: str | Path) -> Envelope | None:
    """The cached envelope of ``path`` if there is a current one."""
    try:
        file = cache_file(path)
        with np.load(file, allow_pickle=False) as data:
            return Envelope(np.ascontiguousarray(data["peaks"], dtype=np.int8), float(data["scale"]))
    except (OSError, KeyError, ValueError):
        return None


def load(path: str | Path, progress: Callable[[float], None] | None = None,
         cancelled: Callable[[], bool] | None = None) -> Envelope:
    """The envelope of ``path``: from the cache, else computed (and then cached)."""
    env = cached(path)
    if env is not None:
        return env
    env = compute(path, progress, cancelled)
    try:
        _store(Path(path), env)
    except OSError:  # a read-only data folder: the strip still shows, only slower next time
        pass
    return env


def _store(path: Path, env: Envelope) -> None:
    file = cache_file(path)
    for old in file.parent.glob(f"{_path_key(path.resolve())}-*"):  # the same file as it was before
        if old != file:
            old.unlink(missing_ok=True)
    tmp = file.with_name(f"{file.stem}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    with open(tmp, "wb") as fh:
        np.savez(fh, peaks=env.peaks, scale=np.float64(env.scale))
    os.replace(tmp, file)
