"""Espeak-ng Persian test audio for the transcription tests."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import soundfile as sf

from transcribe.speech import VOICES, speak

RATE = 16000
QUESTION = "سلام، امروز درباره کتابخانه‌های عمومی در دوران کرونا صحبت می‌کنیم."
ANSWER = "من مدیر کتابخانه هستم. در دوران قرنطینه کتابخانه بسته بود و ما کتاب‌ها را به خانه‌ها می‌فرستادیم."
SENTENCES = [
    "سلام، امروز درباره کتابخانه‌های عمومی صحبت می‌کنیم.",
    "لطفا خودتان را معرفی کنید.",
    "من مدیر کتابخانه هستم و ده سال است که آنجا کار می‌کنم.",
    "در دوران کرونا کتابخانه سه ماه بسته بود.",
    "ما کتاب‌ها را با پیک به خانه‌ها می‌فرستادیم.",
    "بسیاری از مراجعان سالمند بودند و اینترنت نداشتند.",
    "بعد از بازگشایی، تعداد اعضا کمتر شده بود.",
    "برنامه‌های کودکان را به صورت آنلاین برگزار کردیم.",
]


def silence(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), dtype=np.float32)


def mono(path: Path, sentences=SENTENCES[:2], gap: float = 1.5) -> Path:
    parts = []
    for s in sentences:
        parts += [speak(s, voice=VOICES["interviewer"]), silence(gap)]
    sf.write(str(path), np.concatenate(parts), RATE)
    return path


def stereo(path: Path, *, leak_db: float | None = None) -> Path:
    """Interviewer (left) asks, then the participant (right) answers. With
    ``leak_db``, the answer also reaches the left channel that many dB quieter."""
    q, a = speak(QUESTION, voice=VOICES["interviewer"]), speak(ANSWER, voice=VOICES["participant"])
    gap = silence(1.5)
    left = np.concatenate([q, gap, np.zeros_like(a), gap])
    right = np.concatenate([np.zeros_like(q), gap, a, gap])
    if leak_db is not None:  # a room echo: 40 ms late, quieter, over a little mic noise
        echo = np.concatenate([silence(0.04), right[:-int(0.04 * RATE)]])
        noise = np.random.default_rng(1).normal(0, 10 ** (-60 / 20), len(left)).astype(np.float32)
        left = left + echo * (10 ** (leak_db / 20)) + noise
    sf.write(str(path), np.stack([left, right], axis=1), RATE)
    return path
