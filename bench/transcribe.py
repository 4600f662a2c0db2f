"""Benchmark: our pipeline against bare faster-whisper, same model, options and audio.

    python bench/transcribe.py [--seconds 60] [--model M] [--repeat 2] [--long-hours 3]
    python bench/transcribe.py --speech-set ../shared/fa-speech [--configs ours,noscribe,...] [--keep DIR]
                               [--form gaps|gapless|phone|noisy|espeak|all]

``--speech-set`` measures accuracy and speed on real speech instead
(:mod:`speech_set` beside this file: WER/CER, CPU time, memory per configuration).

Each side runs in its own child process (so peak memory is its own), loads
the model first and times only the transcription; the runs alternate and the
fastest of ``--repeat`` counts. Prints both times, their ratio (our overhead)
and each side's peak resident memory. ``--long-hours`` also decodes a file of
that many hours (mostly silence, a sentence every few minutes) through our
pipeline and reports its peak memory: windows keep it bounded.
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path

# This file is named like the package it measures: keep its folder off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

import numpy as np  # noqa: E402

RATE = 16000
SENTENCES = [
    "سلام، امروز درباره کتابخانه‌های عمومی در دوران کرونا صحبت می‌کنیم.",
    "من مدیر کتابخانه هستم و ده سال است که آنجا کار می‌کنم.",
    "در دوران قرنطینه کتابخانه سه ماه بسته بود.",
    "ما کتاب‌ها را با پیک به خانه‌ها می‌فرستادیم.",
    "بسیاری از مراجعان سالمند بودند و اینترنت نداشتند.",
]


def make_clip(path: Path, seconds: float) -> Path:
    import soundfile as sf

    from transcribe.speech import speak

    parts, total = [], 0
    while total < seconds * RATE:
        for s in SENTENCES:
            parts += [speak(s), np.zeros(RATE, np.float32)]
            total += len(parts[-2]) + RATE
    sf.write(str(path), np.concatenate(parts)[: int(seconds * RATE)], RATE)
    return path


def make_long(path: Path, hours: float) -> Path:
    import soundfile as sf

    from transcribe.speech import speak

    sentence = speak(SENTENCES[0])
    rng = np.random.default_rng(0)
    with sf.SoundFile(str(path), "w", RATE, 1, "PCM_16") as f:
        for _ in range(int(hours * 60 / 5)):  # five-minute blocks: quiet room noise, one sentence
            block = rng.normal(0, 0.002, 5 * 60 * RATE).astype(np.float32)
            block[RATE * 60: RATE * 60 + len(sentence)] += sentence
            f.write(block)
    return path


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB


def _seed() -> None:
    """Whisper's temperature fallback samples at random: the same seed on both sides."""
    import ctranslate2

    ctranslate2.set_random_seed(1)


def _ours(path, model, window, queue):
    from transcribe.whisper import Pipeline

    pipeline = Pipeline(model)
    _seed()
    start = time.perf_counter()
    kwargs = {"window_s": window} if window else {}
    result = pipeline.run(path, **kwargs)
    queue.put((time.perf_counter() - start, peak_mb(), result.text, len(result.segments)))


def _bare(path, model, window, queue):
    from faster_whisper import WhisperModel

    from transcribe.models import device_options, resolve_model
    from transcribe.normalize import clean_display
    from transcribe.whisper import seed, transcribe_options, whisper_kwargs

    whisper = WhisperModel(str(resolve_model(model).path), **device_options())
    _seed()
    start = time.perf_counter()
    seed(transcribe_options())
    segments, _ = whisper.transcribe(str(path), **whisper_kwargs(transcribe_options()))
    segments = list(segments)
    text = "\n".join(t for t in (clean_display(s.text) for s in segments) if t)
    queue.put((time.perf_counter() - start, peak_mb(), text, len(segments)))


def run_child(target, *args):
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=target, args=(*args, queue))
    child.start()
    out = queue.get()
    child.join()
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--model", default=None)
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--long-hours", type=float, default=0)
    parser.add_argument("--speech-set", metavar="DIR", help="a folder of clipNN.mp3 + clipNN.txt references")
    parser.add_argument("--configs", default=None, help="with --speech-set: comma-separated configuration names")
    parser.add_argument("--json", action="store_true", help="with --speech-set: one JSON line per configuration")
    parser.add_argument("--keep", metavar="DIR", help="with --speech-set: write each configuration's segments there")
    parser.add_argument("--form", default="gaps", help="with --speech-set: how the clips are joined (gaps, gapless, "
                        "phone, noisy, espeak; 'all' runs each in turn; see bench/speech_set.py)")
    args = parser.parse_args()
    if args.speech_set:
        import subprocess  # its own script, so that its spawned children find their function in __main__

        command = [sys.executable, str(Path(__file__).with_name("speech_set.py")), args.speech_set]
        command += (["--configs", args.configs] if args.configs else []) + (["--model", args.model] if args.model else [])
        command += ["--keep", args.keep] if args.keep else []
        command += ["--json"] if args.json else []
        forms = ["gaps", "gapless", "phone", "noisy", "espeak"] if args.form == "all" else [args.form]
        return max(subprocess.call(command + ["--form", form]) for form in forms)
    with tempfile.TemporaryDirectory() as tmp:
        clip = make_clip(Path(tmp) / "clip.wav", args.seconds)
        ours, bare = [], []
        for _ in range(args.repeat):
            bare.append(run_child(_bare, clip, args.model, None))
            ours.append(run_child(_ours, clip, args.model, None))
        b, o = min(bare), min(ours)
        print(f"audio: {args.seconds:.0f} s of espeak-ng Persian, model: {args.model or 'bundled'}")
        print(f"bare faster-whisper: {b[0]:.2f} s  (runs: {', '.join(f'{r[0]:.2f}' for r in bare)}), "
              f"peak memory {max(r[1] for r in bare):.0f} MB, {b[3]} segments")
        print(f"our pipeline:        {o[0]:.2f} s  (runs: {', '.join(f'{r[0]:.2f}' for r in ours)}), "
              f"peak memory {max(r[1] for r in ours):.0f} MB, {o[3]} segments")
        overhead = o[0] / b[0] - 1
        print(f"ratio ours/bare: {o[0] / b[0]:.3f}  overhead {overhead * 100:+.1f}% "
              f"({'under' if overhead < 0.05 else 'OVER'} the 5% budget)")
        print(f"same text: {o[2] == b[2]}")
        if args.long_hours:
            long = make_long(Path(tmp) / "long.wav", args.long_hours)
            seconds, peak, _, count = run_child(_ours, long, args.model, None)
            print(f"long file: {args.long_hours:g} h ({long.stat().st_size / 1e6:.0f} MB WAV) in {seconds:.0f} s, "
                  f"{count} segments, peak memory {peak:.0f} MB "
                  f"(the whole file as float32 would be {args.long_hours * 3600 * RATE * 4 / 1e6:.0f} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
