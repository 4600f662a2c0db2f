"""Benchmark: accuracy and speed of transcription configurations on real Persian speech.

    python bench/transcribe.py --speech-set ../shared/fa-speech [--configs ours,noscribe,...] [--model M]
    python bench/speech_set.py ../shared/fa-speech [--configs ...] [--json]   (the same)

The set's clips (``clipNN.mp3`` with ``clipNN.txt`` references) are joined
into one long recording, one second of silence between clips, as in an
interview; every configuration transcribes that file with the same model, each
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
LANG = {"language": "fa", "task": "transcribe"}
NOSCRIBE_VAD = {"min_silence_duration_ms": 500, "threshold": 0.5, "speech_pad_ms": 50}

# name -> (runner, options). "pipeline": our Pipeline with transcribe_options(**options);
# "bare": WhisperModel.transcribe(**options); "batched": BatchedInferencePipeline.transcribe(**options).
CONFIGS: dict[str, tuple[str, dict]] = {
    "ours": ("pipeline", {}),
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
    "previous-default": ("pipeline", {"beam_size": 5, "temperature": [0.0, 0.2, 0.4, 0.6, 0.8, 1.0],
                                      "vad_parameters": {"min_silence_duration_ms": 1000, "speech_pad_ms": 400}}),
}
DEFAULT_CONFIGS = "ours,noscribe,batched8,batched16,greedy"


def load_set(folder: Path) -> tuple[list[tuple[str, float, float]], "object"]:
    """[(reference, start_s, end_s)] per clip and the joined samples."""
    import numpy as np
    from faster_whisper import decode_audio

    clips, parts, at = [], [], 0.0
    for mp3 in sorted(folder.glob("clip*.mp3")):
        samples = decode_audio(str(mp3), sampling_rate=RATE)
        reference = mp3.with_suffix(".txt").read_text(encoding="utf-8").strip()
        clips.append((reference, at, at + len(samples) / RATE))
        parts += [samples, np.zeros(int(GAP_S * RATE), np.float32)]
        at += len(samples) / RATE + GAP_S
    if not clips:
        raise SystemExit(f"no clip*.mp3 in {folder}")
    return clips, np.concatenate(parts)


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
         keep: str | None = None) -> int:
    import soundfile as sf

    from transcribe.wer import NORMALISATION_NOTE

    names = [n.strip() for n in configs.split(",") if n.strip()]
    unknown = [n for n in names if n not in CONFIGS]
    if unknown:
        raise SystemExit(f"unknown configuration(s) {unknown}; known: {', '.join(CONFIGS)}")
    clips, samples = load_set(Path(folder))
    duration = len(samples) / RATE
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "speech-set.wav"
        sf.write(str(path), samples, RATE)
        print(f"{len(clips)} clips joined with {GAP_S:g} s gaps: {duration:.1f} s of audio; "
              f"WER/CER {NORMALISATION_NOTE}", flush=True)
        for name in names:
            out = run_config(name, path, model)
            row = score(out, clips, duration)
            if keep:  # what each configuration wrote, segment by segment, to read beside the references
                Path(keep).mkdir(parents=True, exist_ok=True)
                Path(keep, f"{name}.json").write_text(json.dumps(
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
    parser.add_argument("--keep", metavar="DIR", help="write each configuration's segments to DIR/NAME.json")
    args = parser.parse_args()
    sys.exit(main(args.folder, args.configs, args.model, args.json, args.keep))
