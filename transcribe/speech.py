"""Persian test speech from espeak-ng: robotic, but real speech for pipelines and the demo.

Only for making sample audio; nothing here is needed to transcribe.
"""
from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

import numpy as np

from transcribe.errors import AudioError

# Voices for the two sides of a demo call: the interviewer and the participant.
VOICES = {"interviewer": "fa", "participant": "fa+f3"}


def espeak_available() -> bool:
    return shutil.which("espeak-ng") is not None


def speak(text: str, *, voice: str = "fa", speed: int = 150, samplerate: int = 16000) -> np.ndarray:
    """Speak ``text`` with espeak-ng; returns mono float32 samples at ``samplerate``."""
    if not espeak_available():
        raise AudioError("espeak-ng is not installed (Debian: apt-get install espeak-ng).")
    import soundfile as sf

    with tempfile.TemporaryDirectory() as tmp:
        wav = Path(tmp) / "speech.wav"
        subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", str(wav), text],
                       check=True, capture_output=True)
        data, rate = sf.read(str(wav), dtype="float32", always_2d=False)
    if data.ndim > 1:
        data = data.mean(axis=1)
    if rate != samplerate:
        import soxr

        data = soxr.resample(data, rate, samplerate).astype(np.float32)
    return data


def speak_to_file(text: str, path: str | Path, *, voice: str = "fa", speed: int = 150,
                  samplerate: int = 16000) -> Path:
    """Speak ``text`` into a WAV file at ``path``."""
    import soundfile as sf

    path = Path(path)
    sf.write(str(path), speak(text, voice=voice, speed=speed, samplerate=samplerate), samplerate)
    return path
