"""A short two-sided call of real (espeak-ng) Persian speech for the command-line tests: a few
seconds, so that transcribing it with the bundled model stays quick."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf

from transcribe.speech import VOICES, speak

RATE = 16000
QUESTION = "لطفا خودتان را معرفی کنید."
ANSWER = "من کتابدار هستم و کتابخانه بسته بود."


def call(path: Path) -> Path:
    """The interviewer asks on the left channel, the participant answers on the right."""
    q, a = speak(QUESTION, voice=VOICES["interviewer"]), speak(ANSWER, voice=VOICES["participant"])
    gap = np.zeros(int(1.2 * RATE), dtype=np.float32)
    left = np.concatenate([q, gap, np.zeros_like(a), gap])
    right = np.concatenate([np.zeros_like(q), gap, a, gap])
    sf.write(str(path), np.stack([left, right], axis=1), RATE)
    return path
