"""Two-channel calls: who spoke is which channel, no diarization model.

A recording made by Mosahebeh has the interviewer's microphone on channel 1
(left) and the remote side of the call on channel 2 (right). Each channel is
transcribed on its own; :func:`merge` puts the two lists in time order.

The microphone also hears the remote voice when the call plays through
loudspeakers. Whisper then writes the remote words twice: once on the remote
channel, once (quieter) on the mic channel. :func:`drop_leaks` removes a mic
segment that overlaps a remote segment in time, repeats its words, and is
clearly quieter there than the remote channel.
"""
from __future__ import annotations

from collections.abc import Sequence
from difflib import SequenceMatcher

import numpy as np

from transcribe.normalize import compact_key

INTERVIEWER = "interviewer"  # channel 1, the microphone (same value as codebook.models.SPEAKER_INTERVIEWER)
PARTICIPANT = "participant"  # channel 2, the remote side
SPEAKERS = (INTERVIEWER, PARTICIPANT)


def level_db(samples: np.ndarray, start: float, end: float, rate: int = 16000) -> float:
    """RMS level in dBFS of ``samples`` between ``start`` and ``end`` seconds (-120 for silence)."""
    a, b = max(0, int(start * rate)), max(0, int(end * rate))
    block = samples[a:max(b, a + 1)].astype(np.float64)
    if block.size == 0:
        return -120.0
    rms = float(np.sqrt(np.mean(np.square(block))))
    return 20 * np.log10(rms) if rms > 1e-6 else -120.0


def repeated_share(text: str, other: str) -> float:
    """The share of ``text`` (0..1) that also appears, in order, in ``other``,
    compared through the Persian search normalisation."""
    a, b = compact_key(text), compact_key(other)
    if not a or not b:
        return 0.0
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    return sum(block.size for block in matcher.get_matching_blocks()) / len(a)


def envelope_match(mic_audio: np.ndarray, remote_audio: np.ndarray, start: float, end: float,
                   rate: int = 16000, max_lag: float = 0.5) -> float:
    """How closely the mic's loudness contour follows the remote channel's over
    ``start``..``end`` (Pearson correlation of 20 ms log-energies, best lag up to
    ``max_lag`` seconds): near 1 for an echo of the remote voice, low for own speech."""
    hop = rate // 50
    a, b = max(0, int(start * rate)), int(end * rate)
    lag_frames = int(max_lag * 50)

    def contour(x: np.ndarray, lo: int, hi: int) -> np.ndarray:
        block = x[max(lo, 0):max(hi, 0)].astype(np.float64)
        n = len(block) // hop
        if n == 0:
            return np.zeros(0)
        return np.log10(np.mean(np.square(block[:n * hop]).reshape(n, hop), axis=1) + 1e-10)

    mic = contour(mic_audio, a, b)
    if len(mic) < 10 or np.std(mic) < 1e-6:
        return 0.0
    best = 0.0
    for lag in range(-lag_frames, lag_frames + 1):
        other = contour(remote_audio, a - lag * hop, b - lag * hop)
        if len(other) != len(mic) or np.std(other) < 1e-6:
            continue
        best = max(best, float(np.corrcoef(mic, other)[0, 1]))
    return best


def _overlap(a_start: float, a_end: float, b_start: float, b_end: float) -> float:
    return max(0.0, min(a_end, b_end) - max(a_start, b_start))


def drop_leaks(mic: Sequence, remote: Sequence, mic_audio: np.ndarray, remote_audio: np.ndarray, *,
               min_overlap: float = 0.5, min_repeat: float = 0.6, min_match: float = 0.8,
               margin_db: float = 6.0) -> tuple[list, list]:
    """Split the mic segments into (kept, dropped as leak).

    Segments are any objects with ``start``, ``end`` (seconds, relative to the
    audio arrays) and ``text``. A mic segment is a leak when a remote segment
    covers at least ``min_overlap`` of its time, at least ``min_repeat`` of its
    (normalised) text recurs in that remote segment, and over its time the mic
    channel is at least ``margin_db`` quieter than the remote channel."""
    kept: list = []
    dropped: list = []
    for m in mic:
        length = max(m.end - m.start, 1e-3)
        overlapping = [r for r in remote if _overlap(m.start, m.end, r.start, r.end) > 0]
        covered = sum(_overlap(m.start, m.end, r.start, r.end) for r in overlapping) / length
        leak = (covered >= min_overlap
                and level_db(mic_audio, m.start, m.end) + margin_db <= level_db(remote_audio, m.start, m.end)
                and (repeated_share(m.text, " ".join(r.text for r in overlapping)) >= min_repeat
                     or envelope_match(mic_audio, remote_audio, m.start, m.end) >= min_match))
        (dropped if leak else kept).append(m)
    return kept, dropped


def merge(interviewer: Sequence, participant: Sequence) -> list:
    """Both channels' segments in one list ordered by start time (then end time,
    interviewer first on a tie)."""
    tagged = [(s.start, s.end, 0, i, s) for i, s in enumerate(interviewer)]
    tagged += [(s.start, s.end, 1, i, s) for i, s in enumerate(participant)]
    return [t[-1] for t in sorted(tagged, key=lambda t: t[:4])]
