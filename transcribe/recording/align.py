"""Putting each source's audio on one timeline.

Every source has its own sample clock. From a track's block log (frames per
block and the computer-clock time each block arrived) :func:`analyse`
finds:

* *runs*: stretches of contiguous samples. A source that delivers nothing
  for a while (loopback during silence, dropped blocks) starts a new run;
  a gap shows as a lasting jump in ``arrival − frames / rate``.
* the source's real rate, measured against the computer clock by a line
  fitted through the lower envelope of arrival times (blocks arrive late,
  never early, so the envelope is what the device captured), one offset
  per run and one slope for the track.
* where each run starts on the computer clock.

A 100 ppm clock error is 360 ms over an hour; measured this way the
placement error stays within a few milliseconds (see tests/record).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

GAP = 0.05  # s: a lasting jump larger than this is a gap in the audio
WINDOW = 5.0  # s of audio per lower-envelope point
MIN_SPAN = 20.0  # s of audio needed before the rate is measured rather than taken as nominal
MAX_ERROR = 0.005  # a measured rate further than 0.5 % from nominal is not believed


@dataclass(frozen=True)
class Run:
    first: int  # first frame of the run in the track's WAV
    frames: int
    start: float  # computer-clock time of the run's first frame


@dataclass
class TrackTiming:
    nominal: float
    rate: float  # measured device frames per computer-clock second
    runs: list[Run] = field(default_factory=list)
    blocks: int = 0
    overflows: int = 0

    @property
    def ppm(self) -> float:
        return (self.rate / self.nominal - 1) * 1e6

    @property
    def frames(self) -> int:
        return sum(r.frames for r in self.runs)


def read_log(path: Path, max_frames: int | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(frames, arrival, overflow) arrays of a block log; a line cut short by a
    crash is left out, and so are blocks beyond ``max_frames`` (not in the WAV)."""
    frames, times, flags = [], [], []
    try:
        text = Path(path).read_text(encoding="ascii", errors="replace")
    except FileNotFoundError:
        text = ""
    total = 0
    for line in text.splitlines():
        parts = line.split()
        if len(parts) != 3:
            continue
        try:
            n, t, o = int(parts[0]), float(parts[1]), int(parts[2])
        except ValueError:
            continue
        if max_frames is not None and total + n > max_frames:
            break
        total += n
        frames.append(n)
        times.append(t)
        flags.append(o)
    return np.array(frames, dtype=np.int64), np.array(times, dtype=np.float64), np.array(flags, dtype=bool)


def analyse(frames: np.ndarray, arrival: np.ndarray, nominal: float, overflow: np.ndarray | None = None) -> TrackTiming:
    """Runs, measured rate and placement of one track (see the module docstring)."""
    timing = TrackTiming(nominal=float(nominal), rate=float(nominal), blocks=len(frames),
                         overflows=int(overflow.sum()) if overflow is not None else 0)
    keep = frames > 0
    frames, arrival = frames[keep], arrival[keep]
    if len(frames) == 0:
        return timing
    cum = np.cumsum(frames)
    y = arrival - cum / nominal
    suffix_min = np.minimum.accumulate(y[::-1])[::-1]
    breaks = np.nonzero(np.diff(suffix_min) > GAP)[0] + 1
    starts = np.r_[0, breaks]
    ends = np.r_[breaks, len(frames)]
    before = np.r_[0, cum][starts]  # frames before each run
    local = cum - np.repeat(before, ends - starts)  # frames from the run's start to each block's end

    # The slope through the lower envelope, one offset per run.
    window = max(1, int(WINDOW * nominal))
    xs_: list[float] = []
    ys_: list[float] = []
    groups_: list[int] = []
    for r, (a, b) in enumerate(zip(starts, ends)):
        w = local[a:b] // window
        for k in np.unique(w):
            idx = a + np.nonzero(w == k)[0]
            j = idx[np.argmin(y[idx])]
            xs_.append(local[j])
            ys_.append(y[j])
            groups_.append(r)
    xs, ys, groups = np.array(xs_, float), np.array(ys_, float), np.array(groups_)
    sxx = sxy = 0.0
    for r in np.unique(groups):
        gx, gy = xs[groups == r], ys[groups == r]
        if len(gx) >= 2:
            dx = gx - gx.mean()
            sxx += float(dx @ dx)
            sxy += float(dx @ (gy - gy.mean()))
    span = np.sqrt(sxx * 12) / nominal if sxx else 0.0  # ~ the length of audio the fit rests on
    if span >= MIN_SPAN:
        slope = sxy / sxx  # d(arrival - x/nominal)/dx = 1/rate - 1/nominal
        rate = 1.0 / (1.0 / nominal + slope)
        if abs(rate / nominal - 1) <= MAX_ERROR:
            timing.rate = rate

    for a, b, first in zip(starts, ends, before):
        start = float(np.min(arrival[a:b] - local[a:b] / timing.rate))
        timing.runs.append(Run(first=int(first), frames=int(local[b - 1]), start=start))
    return timing


def timeline(t: float, pauses: list[tuple[float, float]]) -> float:
    """A clock time on the recording's timeline, paused stretches taken out."""
    out = t
    for a, b in pauses:
        if t >= b:
            out -= b - a
        elif t > a:
            out -= t - a
    return out


def pauses_from(events: list[dict]) -> list[tuple[float, float]]:
    """(paused, resumed) clock times; a pause never resumed lasts to infinity."""
    out, paused = [], None
    for ev in events:
        if ev["kind"] == "pause" and paused is None:
            paused = ev["t"]
        elif ev["kind"] == "resume" and paused is not None:
            out.append((paused, ev["t"]))
            paused = None
    if paused is not None:
        out.append((paused, float("inf")))
    return out
