"""The pipeline on real Persian speech (../shared/fa-speech: people reading
everyday sentences, with references), not only on espeak-ng's robotic voice.

Four clips from both speakers are joined with a second of silence between them,
as in an interview. The bundled base model is weak in Persian, so the accuracy
bound is loose; it still fails if text is lost, shuffled or garbled by the
pipeline (a dropped clip alone adds about 25 points of CER here). The full set
is measured by ``bench/transcribe.py --speech-set``."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

SPEECH = Path(__file__).resolve().parents[2].parent / "shared" / "fa-speech"
CLIPS = ("clip01", "clip04", "clip20", "clip23")  # two sentences from each of the two speakers
RATE = 16000

pytestmark = pytest.mark.skipif(not (SPEECH / "clip01.mp3").is_file(),
                                reason=f"the shared speech set is not beside this checkout ({SPEECH})")


@pytest.fixture(scope="module")
def joined(tmp_path_factory):
    import soundfile as sf
    from faster_whisper import decode_audio

    parts, clips, at = [], [], 0.0
    for name in CLIPS:
        samples = decode_audio(str(SPEECH / f"{name}.mp3"), sampling_rate=RATE)
        clips.append(((SPEECH / f"{name}.txt").read_text(encoding="utf-8").strip(), at, at + len(samples) / RATE))
        parts += [samples, np.zeros(RATE, np.float32)]
        at += len(samples) / RATE + 1.0
    path = tmp_path_factory.mktemp("real") / "four-clips.wav"
    sf.write(str(path), np.concatenate(parts), RATE)
    return path, clips


def test_every_real_clip_gives_text_the_same_every_run(pipeline, joined):
    from faster_whisper import decode_audio

    from transcribe.wer import error_rates
    from transcribe.whisper import speech_stretches

    path, clips = joined
    first, again = pipeline.run(path), pipeline.run(path)
    assert [s.to_dict() for s in first.segments] == [s.to_dict() for s in again.segments]
    for reference, a, b in clips:  # every clip overlaps a segment with text
        assert any(s.text and min(b, s.end) - max(a, s.start) > 0 for s in first.segments), (reference, first.segments)
    for a, b in speech_stretches(decode_audio(str(path)), first.options):
        assert any(min(b, s.end) - max(a, s.start) > 0 for s in first.segments), (a, b)
    assert all(s.text or s.untranscribed for s in first.segments)
    rates = error_rates(" ".join(r for r, _, _ in clips), first.text.replace("\n", " "))
    assert rates.cer < 0.6, (rates, first.text)
    assert [s.start for s in first.segments] == sorted(s.start for s in first.segments)
