"""How a file's channels are used: two speakers by channel, one channel, or one voice twice.

Mosahebeh's own call recordings put the interviewer's microphone on channel 1
and the remote side on channel 2 (:mod:`transcribe.channels`): each channel is
transcribed on its own. Phone recorders and messengers often save a call as
"stereo" with the *same* mix on both channels; transcribing those channel by
channel writes every sentence twice. :func:`detect` tells them apart before
anything is decoded by Whisper:

* **one voice** (:data:`ONE_VOICE`): in the stretches where there is sound,
  the two channels are the same signal (sample correlation at least
  :data:`SAME_CORRELATION` in most one-second blocks, level within
  :data:`SAME_LEVEL_DB`), as when a recorder copies mono into both;
* **one channel** (:data:`ONE_CHANNEL`): one channel is (nearly) silent all
  through, or the file has a single channel;
* **two speakers by channel** (:data:`BY_CHANNEL`): anything else.

A one-voice or one-channel file is transcribed once, from the mix of its
channels, and its speakers are found by :mod:`transcribe.diarize`.

    >>> import numpy as np
    >>> rng = np.random.default_rng(0); voice = rng.normal(0, 0.1, 16000 * 4).astype("float32")
    >>> classify(np.stack([voice, voice], axis=1)).mode
    'one-voice'
    >>> classify(np.stack([voice, rng.normal(0, 0.1, voice.size).astype("float32")], axis=1)).mode
    'by-channel'
    >>> classify(np.stack([voice, np.zeros_like(voice)], axis=1)).mode
    'one-channel'
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

BY_CHANNEL = "by-channel"    # two speakers, one per channel (Mosahebeh's own call recordings)
ONE_CHANNEL = "one-channel"  # one channel of sound (a mono file, or one channel silent)
ONE_VOICE = "one-voice"      # two channels carrying the same voice (identical or nearly)
MODES = (BY_CHANNEL, ONE_CHANNEL, ONE_VOICE)

BLOCK_S = 1.0
SAME_CORRELATION = 0.9   # per block, sample correlation of the two channels
SAME_SHARE = 0.8         # share of sounding blocks that must be the same for one voice
SAME_LEVEL_DB = 6.0      # median level difference of the same voice on both channels
SILENT_DB = -55.0        # a block this quiet (dBFS) holds no sound
SCAN_S = 600.0           # only the first ten minutes are read to decide


@dataclass(frozen=True)
class ChannelUse:
    """What :func:`detect` found: the ``mode`` and the figures behind it."""
    mode: str
    channels: int
    same_share: float = 0.0   # share of sounding blocks where the channels are the same signal
    level_diff_db: float = 0.0  # median level of channel 1 minus channel 2 over sounding blocks

    @property
    def by_channel(self) -> bool:
        return self.mode == BY_CHANNEL


def _db(x: np.ndarray) -> np.ndarray:
    return 10 * np.log10(np.maximum(x, 1e-12))


def classify(stereo: np.ndarray, rate: int = 16000) -> ChannelUse:
    """The channel use of ``(n, 2)`` samples (see the module's docstring)."""
    if stereo.ndim == 1 or stereo.shape[1] < 2:
        return ChannelUse(ONE_CHANNEL, 1)
    block = int(BLOCK_S * rate)
    n = len(stereo) // block
    if n == 0:
        return ChannelUse(ONE_CHANNEL, 2)
    x = stereo[:n * block].astype(np.float64).reshape(n, block, 2)
    x = x - x.mean(axis=1, keepdims=True)
    power = np.mean(np.square(x), axis=1)  # (n, 2)
    levels = _db(power)
    loud = levels.max(axis=1) > SILENT_DB
    if not loud.any():
        return ChannelUse(ONE_CHANNEL, 2)
    left_sounds, right_sounds = (levels[loud, 0] > SILENT_DB).mean(), (levels[loud, 1] > SILENT_DB).mean()
    diff = float(np.median(levels[loud, 0] - levels[loud, 1]))
    if min(left_sounds, right_sounds) < 0.05:
        return ChannelUse(ONE_CHANNEL, 2, 0.0, diff)
    cov = np.mean(x[loud, :, 0] * x[loud, :, 1], axis=1)
    corr = cov / np.sqrt(np.maximum(power[loud, 0] * power[loud, 1], 1e-24))
    share = float(np.mean(corr >= SAME_CORRELATION))
    mode = ONE_VOICE if share >= SAME_SHARE and abs(diff) <= SAME_LEVEL_DB else BY_CHANNEL
    return ChannelUse(mode, 2, round(share, 3), round(diff, 1))


def detect(path: str | Path, scan_s: float = SCAN_S) -> ChannelUse:
    """The channel use of an audio file, from (at most) its first ``scan_s`` seconds."""
    from transcribe.audio import SAMPLE_RATE, audio_channels, iter_samples

    if audio_channels(path) < 2:
        return ChannelUse(ONE_CHANNEL, 1)
    pieces, total = [], 0
    for piece in iter_samples(path, stereo=True):
        pieces.append(piece)
        total += len(piece)
        if total >= scan_s * SAMPLE_RATE:
            break
    return classify(np.concatenate(pieces)[:int(scan_s * SAMPLE_RATE)] if pieces else np.zeros((0, 2)))


def resolve(path: str | Path, mode: str | None) -> str:
    """The mode to transcribe ``path`` with: ``mode`` when given (a mono file is always one channel),
    else what :func:`detect` finds."""
    from transcribe.audio import audio_channels

    if audio_channels(path) < 2:
        return ONE_CHANNEL
    if mode in MODES:
        return mode
    return detect(path).mode
