"""Speakers in one-channel calls: how many words land with the right speaker, DER, and CPU time.

    .venv/bin/python bench/speakers.py [--quick]

Builds two-speaker calls, each as one channel and as "stereo" with the same mix on both
channels (as phone recorders save them):

* ``readers``: the two real readers of ../shared/fa-speech, one asking (short clips), one
  answering, pauses of 0.3-0.9 s;
* ``espeak``: questions by one espeak-ng voice, long answers by another;
* ``espeak-levels``: the same with the participant 12 dB quieter, short backchannels «بله»
  by the interviewer between answer sentences, and a noisy line (white noise, SNR 20 dB);
* ``espeak-phone``: the same calls through a phone band (8 kHz, 300-3400 Hz).

Per call it prints: the share of words (by their middle, against the truth) whose segment
carries the right speaker label (interviewer for the asker: the naming rule is scored too), the
same after the best swap (clustering alone), a frame-level diarization error rate of the diarizer's own turns (10 ms frames: missed speech,
false speech and confused frames over the true speech, clusters matched to the truth at best), whether the identical-stereo file gave the same segments as the mono one (transcribed
once), and the CPU time (user+sys of this process) of transcription and of diarization against
the audio's length. CPU time, not wall time: the machine may be shared.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import soundfile as sf

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

RATE = 16000
SPEECH = ROOT.parent / "shared" / "fa-speech"
if not SPEECH.is_dir():
    SPEECH = Path("/work/shared/fa-speech")
QUESTIONS = ["سلام، لطفا خودتان را معرفی کنید.", "از کی در این کتابخانه کار می‌کنید؟",
             "در دوران کرونا چه تغییری کرد؟", "مراجعان چطور با این وضع کنار آمدند؟",
             "برنامهٔ شما برای سال آینده چیست؟"]
ANSWERS = ["من مدیر کتابخانهٔ محله هستم و ده سال است که آنجا کار می‌کنم. بیشتر کارم با بچه‌ها و سالمندان است.",
           "از سال نود و هشت. اول کتابدار بودم و بعد مسئول بخش کودک شدم.",
           "کتابخانه سه ماه بسته بود. ما کتاب‌ها را با پیک به خانه‌ها می‌فرستادیم و جلسه‌ها را آنلاین کردیم.",
           "بسیاری از مراجعان سالمند بودند و اینترنت نداشتند. برایشان تلفنی کتاب می‌خواندیم.",
           "می‌خواهیم یک باشگاه کتابخوانی برای نوجوانان راه بیندازیم و ساعت کار را بیشتر کنیم."]


def gap(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), np.float32)


def trim(x: np.ndarray) -> np.ndarray:
    hop = 160
    energy = np.mean(x[:len(x) // hop * hop].reshape(-1, hop) ** 2, axis=1)
    loud = np.flatnonzero(energy > energy.max() * 1e-3)
    return x[loud[0] * hop:(loud[-1] + 1) * hop] if loud.size else x


def reader_clip(n: int) -> np.ndarray:
    from transcribe.audio import iter_samples

    return trim(np.concatenate(list(iter_samples(SPEECH / f"clip{n:02d}.mp3"))))


def build(turns: list[tuple[str, np.ndarray, float]]) -> tuple[np.ndarray, list[tuple[float, float, str]]]:
    """Turns (speaker, samples, pause after) into one signal and its truth (start, end, speaker)."""
    parts, truth, t = [], [], 0.0
    for who, piece, pause in turns:
        truth.append((t, t + len(piece) / RATE, who))
        parts += [piece, gap(pause)]
        t += (len(piece) + int(pause * RATE)) / RATE
    return np.concatenate(parts), truth


def readers_call(quick: bool) -> tuple[np.ndarray, list]:
    rng = np.random.default_rng(1)
    n = 6 if quick else 12
    turns = []
    for i in range(n):  # reader 1 asks (their shorter clips), reader 2 answers (two clips in a row)
        turns.append(("interviewer", reader_clip(1 + i % 18), float(rng.uniform(0.3, 0.9))))
        turns.append(("participant", np.concatenate([reader_clip(19 + (2 * i) % 18), gap(0.4),
                                                     reader_clip(19 + (2 * i + 1) % 18)]),
                      float(rng.uniform(0.3, 0.9))))
    return build(turns)


def espeak_call(quick: bool, *, levels: bool = False) -> tuple[np.ndarray, list]:
    from transcribe.speech import speak

    rng = np.random.default_rng(2)
    turns = []
    count = 3 if quick else len(QUESTIONS)
    for q, a in zip(QUESTIONS[:count], ANSWERS[:count], strict=True):
        turns.append(("interviewer", speak(q, voice="fa", speed=165), float(rng.uniform(0.3, 0.8))))
        sentences = [s for s in a.split(".") if s.strip()]
        for k, sentence in enumerate(sentences):
            voice = speak(sentence.strip() + ".", voice="fa+f3", speed=135)
            if levels:
                voice = voice * 10 ** (-12 / 20)
            turns.append(("participant", voice, 0.5))
            if levels and k < len(sentences) - 1:  # a backchannel between the answer's sentences
                turns.append(("interviewer", speak("بله", voice="fa", speed=165), 0.4))
        turns[-1] = (turns[-1][0], turns[-1][1], float(rng.uniform(0.4, 0.9)))
    x, truth = build(turns)
    if levels:
        noise = np.random.default_rng(3).normal(0, 1, len(x)).astype(np.float32)
        speech_rms = float(np.sqrt(np.mean(x[np.abs(x) > 1e-4] ** 2)))
        x = x + noise * speech_rms * 10 ** (-20 / 20)
    return x.astype(np.float32), truth


def phone(x: np.ndarray) -> np.ndarray:
    """Through a phone line: down to 8 kHz, 300-3400 Hz, back to 16 kHz."""
    import soxr

    narrow = soxr.resample(x, RATE, 8000)
    spectrum = np.fft.rfft(narrow)
    freqs = np.fft.rfftfreq(len(narrow), 1 / 8000)
    spectrum[(freqs < 300) | (freqs > 3400)] = 0
    return soxr.resample(np.fft.irfft(spectrum, len(narrow)).astype(np.float32), 8000, RATE).astype(np.float32)


def truth_at(truth, t: float) -> str | None:
    for s, e, who in truth:
        if s <= t <= e:
            return who
    return None


def score(segments, truth, turns) -> dict:
    words = [(w, s.speaker) for s in segments for w in s.words]
    judged = [(truth_at(truth, (w.start + w.end) / 2), who) for w, who in words]
    judged = [(t, h) for t, h in judged if t is not None]
    right = sum(t == h for t, h in judged)
    swap = {"interviewer": "participant", "participant": "interviewer"}
    swapped = sum(t == swap.get(h, h) for t, h in judged)
    ref = np.full(len(turns.frames), -1)
    for s0, e0, who in truth:
        ref[int(s0 * 100):int(e0 * 100)] = 0 if who == "interviewer" else 1
    hyp = turns.frames
    speech = ref >= 0
    best = float("inf")
    for mapping in ({0: 0, 1: 1}, {0: 1, 1: 0}):  # the clusters' best match with the truth
        mapped = np.array([mapping.get(int(h), 2) if h >= 0 else -1 for h in hyp])
        errors = (np.sum(speech & (mapped == -1)) + np.sum(~speech & (mapped >= 0))
                  + np.sum(speech & (mapped >= 0) & (mapped != ref)))
        best = min(best, float(errors))
    return {"words": len(judged), "right": right / max(len(judged), 1),
            "clustered": max(right, swapped) / max(len(judged), 1),
            "der": best / max(int(np.sum(speech)), 1)}


def cpu() -> float:
    """CPU seconds (user + system) of this process so far."""
    return time.process_time()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="shorter calls")
    args = parser.parse_args()
    from transcribe.diarize import label_segments
    from transcribe.whisper import Pipeline

    pipeline = Pipeline()
    folder = Path(tempfile.mkdtemp(prefix="speakers-bench-"))
    calls = {"readers": readers_call(args.quick), "espeak": espeak_call(args.quick)}
    levels = espeak_call(args.quick, levels=True)
    calls["espeak-levels"] = levels
    calls["espeak-phone"] = (phone(levels[0]), levels[1])
    print(f"{'call':<15}{'audio s':>8}{'words':>7}{'right':>8}{'cluster':>8}{'DER':>7}{'once':>6}"
          f"{'ASR cpu':>9}{'diar cpu':>9}{'diar/ASR':>9}{'diar/audio':>11}")
    totals = []
    for name, (x, truth) in calls.items():
        mono, stereo = folder / f"{name}.wav", folder / f"{name}-stereo.wav"
        sf.write(mono, x, RATE)
        sf.write(stereo, np.stack([x, x], axis=1), RATE)
        t0 = cpu()
        result = pipeline.run(mono)
        asr = cpu() - t0
        labelled, turns = label_segments(x, result.segments, 2)
        twice = pipeline.run(stereo)
        once = twice.channel_use == "one-voice" and len(twice.segments) == len(result.segments)
        r = score(labelled, truth, turns)
        totals.append((r["words"], r["right"], asr, turns.cpu_s))
        print(f"{name:<15}{len(x) / RATE:>8.1f}{r['words']:>7}{r['right']:>8.1%}{r['clustered']:>8.1%}"
              f"{r['der']:>7.1%}{'yes' if once else 'NO':>6}{asr:>9.1f}{turns.cpu_s:>9.2f}"
              f"{turns.cpu_s / asr:>9.1%}{turns.cpu_s / (len(x) / RATE):>11.2%}")
    words = sum(t[0] for t in totals)
    right = sum(t[0] * t[1] for t in totals) / max(words, 1)
    print(f"all: {right:.1%} of {words} words with the right speaker; diarization "
          f"{sum(t[3] for t in totals) / sum(t[2] for t in totals):.1%} of transcription CPU time")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
