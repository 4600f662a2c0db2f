"""Make the demo study's audio with espeak-ng: one two-channel Ogg Opus file per
interview (channel 1 the interviewer, channel 2 the participant) and
``timings.json`` with where each turn is spoken.

Run it after changing ``codebook/demo_data.py``:
    python scripts/make_demo_audio.py
The files go to ``assets/sample/demo/`` and are committed, so that building the
demo needs no espeak-ng.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from codebook.demo import turn_text  # noqa: E402
from codebook.demo_data import INTERVIEWER_VOICE, INTERVIEWS, PARTICIPANTS  # noqa: E402
from transcribe.speech import speak  # noqa: E402

RATE = 16000
GAP = 0.6  # seconds of silence between turns
LEAD = 0.5  # seconds before the first turn


def trim(samples: np.ndarray, threshold: float = 0.01) -> np.ndarray:
    loud = np.flatnonzero(np.abs(samples) > threshold)
    return samples[loud[0]:loud[-1] + 1] if loud.size else samples


def main() -> None:
    out = ROOT / "assets" / "sample" / "demo"
    out.mkdir(parents=True, exist_ok=True)
    voices = {key: voice for key, *_, voice in PARTICIPANTS}
    timings = []
    for n, (pkey, _date, _mode, turns) in enumerate(INTERVIEWS, start=1):
        pieces, spans, cursor = [], [], LEAD
        for speaker, _q, sentences in turns:
            text = turn_text(sentences)
            voice = INTERVIEWER_VOICE if speaker == "interviewer" else voices[pkey]
            audio = trim(speak(text, voice=voice, speed=150, samplerate=RATE)) * 0.8
            channel = 0 if speaker == "interviewer" else 1
            pieces.append((cursor, channel, audio))
            spans.append({"text": text, "start_ms": round(cursor * 1000),
                          "end_ms": round((cursor + len(audio) / RATE) * 1000)})
            cursor += len(audio) / RATE + GAP
        total = np.zeros((int((cursor + LEAD) * RATE), 2), dtype=np.float32)
        for start, channel, audio in pieces:
            i = int(start * RATE)
            total[i:i + len(audio), channel] = audio
        path = out / f"interview-{n}.ogg"
        sf.write(str(path), total, RATE, format="OGG", subtype="OPUS")
        timings.append({"file": path.name, "duration_ms": round(len(total) * 1000 / RATE), "turns": spans})
        print(f"{path.name}: {len(total) / RATE:.1f} s, {path.stat().st_size // 1024} KiB")
    (out / "timings.json").write_text(json.dumps(timings, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
