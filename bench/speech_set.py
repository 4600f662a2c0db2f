"""Benchmark: accuracy and speed of transcription configurations on real Persian speech.

    python bench/transcribe.py --speech-set ../shared/fa-speech [--configs ours,noscribe,...] [--model M]
    python bench/speech_set.py ../shared/fa-speech [--configs ...] [--json]   (the same)

The set's clips (``clipNN.mp3`` with ``clipNN.txt`` references) are joined
into one long recording; ``--form`` says how (the set you tune on is not the
set you are judged on, so choose defaults on several):

* ``gaps``: one second of silence between clips, as between an interview's turns;
* ``gapless``: back to back with 150 ms between clips, continuous narration that the
  VAD cannot cut into short stretches (Whisper then decodes full 30 s windows);
* ``phone``: ``gapless`` through a phone line (8 kHz, 300–3400 Hz band, mu-law);
* ``noisy``: ``gapless`` with a noisy line (white noise 15 dB under the speech, seeded);
* ``espeak``: speech of our own making, paragraphs of interview prose read by
  espeak-ng without pauses (robotic: it tests long-form behaviour, not accent).

Every configuration transcribes that file with the same model, each
in its own child process, one after another (peak memory is then the child's
own). Printed per configuration: wall time, CPU time (user + system of all
threads: the fairer figure on a shared machine), real-time factors of both,
peak resident memory, WER and CER against the joined references
(:data:`transcribe.wer.NORMALISATION_NOTE`), clips left without any text,
and stretches marked untranscribed.
"""
from __future__ import annotations

import json
import multiprocessing as mp
import resource
import sys
import tempfile
import time
from pathlib import Path

# bench/transcribe.py is named like the package it measures: keep this folder off the import path.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]

RATE = 16000
GAP_S = 1.0
FORMS = ("gaps", "gapless", "phone", "noisy", "espeak")
ESPEAK_PARAGRAPHS = [
    "در دوران همه‌گیری کتابخانه‌های عمومی سه ماه تعطیل بودند و ما باید راهی پیدا می‌کردیم که اعضا کتاب داشته باشند. "
    "اول فهرست کتاب‌ها را در کانال تلگرام گذاشتیم و مردم سفارش می‌دادند. بعد با پیک کتاب‌ها را به خانه‌ها می‌فرستادیم "
    "و هر کتاب برگشتی را دو روز کنار می‌گذاشتیم.",
    "بیشتر مراجعان ما سالمند بودند و با گوشی هوشمند کار نمی‌کردند. برای همین همکاران ما به آن‌ها زنگ می‌زدند و "
    "کتاب مورد علاقه‌شان را می‌پرسیدند. این کار وقت زیادی می‌گرفت ولی ارتباط ما با اعضا را قوی‌تر کرد.",
    "وقتی کتابخانه دوباره باز شد تعداد اعضای جدید از سال قبل بیشتر بود. فکر می‌کنم خدمات مجازی باعث شد "
    "خانواده‌هایی که پیش‌تر کتابخانه را نمی‌شناختند با ما آشنا شوند. حالا برنامه داریم این خدمات را ادامه دهیم.",
    "مشکل اصلی ما بودجه بود. شهرداری کمک کرد ولی کافی نبود و بخشی از هزینه پیک را خود کتابداران دادند. "
    "از نهاد مرکزی خواستیم دستورالعمل روشنی بفرستد اما تا ماه‌ها چیزی نرسید.",
]
LANG = {"language": "fa", "task": "transcribe"}
NOSCRIBE_VAD = {"min_silence_duration_ms": 500, "threshold": 0.5, "speech_pad_ms": 50}

# name -> (runner, options). "pipeline": our Pipeline with transcribe_options(**options);
# "bare": WhisperModel.transcribe(**options); "batched": BatchedInferencePipeline.transcribe(**options).
CONFIGS: dict[str, tuple[str, dict]] = {
    "ours": ("pipeline", {}),  # the default: "accurate" decoding (beam 5)
    "ours-fast": ("pipeline", {"decode": "fast"}),  # the named fast choice: greedy
    "noscribe": ("bare", {**LANG, "beam_size": 5, "word_timestamps": True, "vad_filter": True,
                          "vad_parameters": NOSCRIBE_VAD, "condition_on_previous_text": True}),
    "batched8": ("batched", {**LANG, "batch_size": 8, "word_timestamps": True}),
    "batched16": ("batched", {**LANG, "batch_size": 16, "word_timestamps": True}),
    "greedy": ("bare", {**LANG, "beam_size": 1, "word_timestamps": True, "vad_filter": True,
                        "condition_on_previous_text": False}),
    # candidates for our default (our pipeline with these overrides)
    "ours-beam5": ("pipeline", {"beam_size": 5, "temperature": [0.0]}),
    "ours-beam3": ("pipeline", {"beam_size": 3, "temperature": [0.0]}),
    "ours-beam2": ("pipeline", {"beam_size": 2, "temperature": [0.0]}),
    "ours-greedy": ("pipeline", {"beam_size": 1, "temperature": [0.0]}),
    "ours-greedy-prev": ("pipeline", {"beam_size": 1, "temperature": [0.0], "condition_on_previous_text": True}),
    "ours-greedy-norepeat": ("pipeline", {"beam_size": 1, "temperature": [0.0], "no_repeat_ngram_size": 3}),
    "ours-greedy-vad500": ("pipeline", {"beam_size": 1, "temperature": [0.0], "vad_parameters": NOSCRIBE_VAD}),
    "ours-greedy-vad500-prev": ("pipeline", {"beam_size": 1, "temperature": [0.0], "vad_parameters": NOSCRIBE_VAD,
                                             "condition_on_previous_text": True}),
    "batched8-greedy": ("batched", {**LANG, "batch_size": 8, "beam_size": 1, "word_timestamps": True}),
    "batched4": ("batched", {**LANG, "batch_size": 4, "word_timestamps": True}),
    # batched with Whisper's own timestamps: segments of a sentence or two instead of one per 30 s chunk
    "batched4-ts": ("batched", {**LANG, "batch_size": 4, "word_timestamps": True, "without_timestamps": False,
                                "temperature": [0.0], "condition_on_previous_text": False,
                                "vad_parameters": {"min_silence_duration_ms": 1000, "speech_pad_ms": 400}}),
    "ours-beam5-prev": ("pipeline", {"beam_size": 5, "temperature": [0.0], "condition_on_previous_text": True}),
    "previous-default": ("pipeline", {"beam_size": 5, "temperature": [0.0, 0.2, 0.4, 0.6, 0.8, 1.0],
                                      "vad_parameters": {"min_silence_duration_ms": 1000, "speech_pad_ms": 400}}),
}
DEFAULT_CONFIGS = "ours,ours-fast,noscribe,batched8,greedy"


def load_set(folder: Path, form: str = "gaps") -> tuple[list[tuple[str, float, float]], "object"]:
    """[(reference, start_s, end_s)] per clip and the joined samples, joined as ``form`` says."""
    import numpy as np

    if form == "espeak":
        from transcribe.speech import speak

        pieces = [(p, speak(p)) for p in ESPEAK_PARAGRAPHS]
    else:
        from faster_whisper import decode_audio

        pieces = [(mp3.with_suffix(".txt").read_text(encoding="utf-8").strip(), decode_audio(str(mp3), sampling_rate=RATE))
                  for mp3 in sorted(folder.glob("clip*.mp3"))]
    if not pieces:
        raise SystemExit(f"no clip*.mp3 in {folder}")
    gap = GAP_S if form == "gaps" else 0.15
    clips, parts, at = [], [], 0.0
    for reference, samples in pieces:
        clips.append((reference, at, at + len(samples) / RATE))
        parts += [samples, np.zeros(int(gap * RATE), np.float32)]
        at += len(samples) / RATE + gap
    joined = np.concatenate(parts).astype(np.float32)
    if form == "phone":
        joined = phone_line(joined)
    elif form == "noisy":
        rms = float(np.sqrt(np.mean(joined[np.abs(joined) > 1e-3] ** 2)))
        joined = joined + np.random.default_rng(0).normal(0, rms / 10 ** (15 / 20), len(joined)).astype(np.float32)
    return clips, joined


def phone_line(samples):
    """Speech as a phone call carries it: 8 kHz, 300–3400 Hz, mu-law (8 bits), back to 16 kHz."""
    import numpy as np
    import soxr

    narrow = soxr.resample(samples, RATE, 8000)
    spectrum = np.fft.rfft(narrow)
    freqs = np.fft.rfftfreq(len(narrow), 1 / 8000)
    spectrum[(freqs < 300) | (freqs > 3400)] = 0
    narrow = np.fft.irfft(spectrum, len(narrow))
    peak = float(np.max(np.abs(narrow))) or 1.0
    x = np.clip(narrow / peak, -1, 1)
    mu = 255.0
    coded = np.round(np.sign(x) * np.log1p(mu * np.abs(x)) / np.log1p(mu) * 127) / 127
    x = np.sign(coded) * ((1 + mu) ** np.abs(coded) - 1) / mu
    return soxr.resample((x * peak).astype(np.float32), 8000, RATE).astype(np.float32)


def _cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def _child(name: str, path: str, model: str | None, queue) -> None:
    import ctranslate2

    from transcribe.models import device_options, load_model

    runner, options = CONFIGS[name]
    whisper, spec, _ = load_model(model, **device_options())
    ctranslate2.set_random_seed(1)
    wall, cpu = time.perf_counter(), _cpu()
    if runner == "pipeline":
        from transcribe.whisper import Pipeline, transcribe_options

        pipeline = Pipeline(model)
        result = pipeline.run(path, options=transcribe_options(**options))
        found = [(s.start, s.end, s.text) for s in result.segments]
        used = result.options
    else:
        if runner == "batched":
            from faster_whisper import BatchedInferencePipeline

            segments, _ = BatchedInferencePipeline(whisper).transcribe(path, **options)
        else:
            segments, _ = whisper.transcribe(path, **options)
        from transcribe.normalize import clean_display

        found = [(s.start, s.end, clean_display(s.text)) for s in segments]
        used = options
    queue.put({"name": name, "wall": time.perf_counter() - wall, "cpu": _cpu() - cpu,
               "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
               "segments": found, "options": used, "model": spec.model_id})


def run_config(name: str, path: Path, model: str | None) -> dict:
    ctx = mp.get_context("spawn")
    queue = ctx.Queue()
    child = ctx.Process(target=_child, args=(name, str(path), model, queue))
    child.start()
    out = queue.get()
    child.join()
    return out


def score(out: dict, clips, duration: float) -> dict:
    from transcribe.wer import error_rates

    segments = out["segments"]
    hypothesis = " ".join(t for _, _, t in segments if t)
    reference = " ".join(r for r, _, _ in clips)
    rates = error_rates(reference, hypothesis)
    without = sum(1 for _, a, b in clips
                  if not any(t and min(b, e) - max(a, s) > 0 for s, e, t in segments))
    marked = [(s, e) for s, e, t in segments if not t]
    return {"name": out["name"], "wall_s": round(out["wall"], 1), "cpu_s": round(out["cpu"], 1),
            "rtf": round(out["wall"] / duration, 3), "cpu_rtf": round(out["cpu"] / duration, 3),
            "peak_mb": round(out["peak_mb"]), "wer": round(rates.wer, 4), "cer": round(rates.cer, 4),
            "clips_without_text": without, "untranscribed": len(marked),
            "untranscribed_s": round(sum(e - s for s, e in marked), 1), "model": out["model"]}


def main(folder: str, configs: str = DEFAULT_CONFIGS, model: str | None = None, as_json: bool = False,
         keep: str | None = None, form: str = "gaps") -> int:
    import soundfile as sf

    from transcribe.wer import NORMALISATION_NOTE

    names = [n.strip() for n in configs.split(",") if n.strip()]
    unknown = [n for n in names if n not in CONFIGS]
    if unknown:
        raise SystemExit(f"unknown configuration(s) {unknown}; known: {', '.join(CONFIGS)}")
    clips, samples = load_set(Path(folder), form)
    duration = len(samples) / RATE
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "speech-set.wav"
        sf.write(str(path), samples, RATE)
        print(f"{len(clips)} clips, form {form}: {duration:.1f} s of audio; "
              f"WER/CER {NORMALISATION_NOTE}", flush=True)
        for name in names:
            out = run_config(name, path, model)
            row = dict(score(out, clips, duration), form=form)
            if keep:  # what each configuration wrote, segment by segment, to read beside the references
                Path(keep).mkdir(parents=True, exist_ok=True)
                Path(keep, f"{form}-{name}.json").write_text(json.dumps(
                    {"row": row, "segments": out["segments"], "references": clips}, ensure_ascii=False, indent=1),
                    encoding="utf-8")
            rows.append(row)
            print(json.dumps(row, ensure_ascii=False) if as_json else
                  f"{name:17s} wall {row['wall_s']:7.1f} s  RTF {row['rtf']:.3f}  CPU {row['cpu_s']:7.1f} s  "
                  f"CPU-RTF {row['cpu_rtf']:.3f}  peak {row['peak_mb']:5d} MB  WER {row['wer'] * 100:5.1f}%  "
                  f"CER {row['cer'] * 100:5.1f}%  clips without text {row['clips_without_text']}  "
                  f"untranscribed {row['untranscribed']} ({row['untranscribed_s']} s)", flush=True)
    print("\n| configuration | CPU time (s) | CPU RTF | wall RTF | peak MB | WER | CER | clips without text |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['name']} | {r['cpu_s']:.0f} | {r['cpu_rtf']:.2f} | {r['rtf']:.2f} | {r['peak_mb']} | "
              f"{r['wer'] * 100:.1f}% | {r['cer'] * 100:.1f}% | {r['clips_without_text']} |")
    return 0


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder")
    parser.add_argument("--configs", default=DEFAULT_CONFIGS, help=f"among {', '.join(CONFIGS)}")
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", action="store_true")
    parser.add_argument("--keep", metavar="DIR", help="write each configuration's segments to DIR/FORM-NAME.json")
    parser.add_argument("--form", default="gaps", choices=FORMS, help="how the clips are joined (see above)")
    args = parser.parse_args()
    sys.exit(main(args.folder, args.configs, args.model, args.json, args.keep, args.form))
