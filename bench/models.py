"""Benchmark: fetching a model from a local hub, and comparing models on the demo study.

    python bench/models.py [--segments 3]

Fetch: the bundled model's files served on 127.0.0.1 in the hub's layout
(tests/transcribe/local_hub.py), fetched with transcribe.hub.fetch into a
temporary data folder: seconds, MB/s, and the cost of the checksum pass.
Compare: the demo study's N shortest checked segments with the bundled model
and a linked copy of it: seconds, × real time, WER/CER (both models must agree).
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "transcribe")]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--segments", type=int, default=3)
    args = parser.parse_args()
    os.environ["MOSAHEBEH_DATA_DIR"] = tempfile.mkdtemp(prefix="mosahebeh-bench-")
    from transcribe.models import bundled_model_dir

    bundled = bundled_model_dir()
    from local_hub import LocalHub

    from transcribe import hub
    files = ["config.json", "model.bin", "tokenizer.json", "vocabulary.txt"]
    with LocalHub(bundled, "bench/base", files) as server:
        began = time.perf_counter()
        folder = hub.fetch("bench/base", endpoint=server.url)
        took = time.perf_counter() - began
    size = sum((folder / f).stat().st_size for f in files)
    began = time.perf_counter()
    hub._digest(folder / "model.bin", "sha256", size)
    digest = time.perf_counter() - began
    print(f"fetch: {size / 1e6:.0f} MB from a local hub in {took:.1f} s ({size / 1e6 / took:.0f} MB/s), "
          f"of which about {digest:.1f} s is the SHA-256 check")

    from codebook import Study
    from codebook.compare_models import compare_models
    from codebook.demo import build_demo
    from transcribe.installed import add_model

    add_model(bundled, name="base-copy", link=True)
    demo = build_demo(Path(os.environ["MOSAHEBEH_DATA_DIR"]) / "demo")
    with Study.open(demo) as study:
        result = compare_models(study, ["bundled", "base-copy"], limit=args.segments)
    print(f"compare: {result.segments} checked segments, {result.audio_seconds:.1f} s of audio")
    for m in result.models:
        print(f"  {m.model}: WER {m.wer * 100:.1f}%, CER {m.cer * 100:.1f}%, {m.seconds:.1f} s "
              f"({m.speed:.2f}× real time), loading {m.load_seconds:.1f} s")


if __name__ == "__main__":
    main()
