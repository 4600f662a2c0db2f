"""How fast a study goes out to REFI-QDA and back: N interviews × 400 segments.

    python bench/refiqda.py [--interviews 60] [--study PATH] [--repeat 3]

Uses the study bench/study_scale.py builds (or caches under the temp folder),
or any study given with ``--study``; copies it, then times a QDPX export
without audio, its import into a new study, and the study archive out and in.
Prints one line per operation: median and min wall seconds of ``--repeat``
runs, and the sizes. Targets (issue #15): export < 2 s, import < 5 s at 60.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--interviews", type=int, default=60)
    ap.add_argument("--study", type=Path, help="a study to measure instead of the built one")
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    from codebook import Study
    from codebook.refiqda import export_archive, export_qdpx, import_archive, import_qdpx_new

    source = args.study
    if source is None:
        cache = Path(tempfile.gettempdir()) / "mosahebeh-bench" / f"scale-{args.interviews}-v1.mosahebeh"
        if not (cache / "study.db").is_file():
            from bench.study_scale import cached_study  # builds it (minutes)

            cache, _ = cached_study(args.interviews, True)
        source = cache
    work = Path(tempfile.mkdtemp(prefix="refiqda-bench-"))
    study_path = work / "study.mosahebeh"
    shutil.copytree(source, study_path)
    study = Study.open(study_path)
    n = {t: study.db.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in ("interviews", "segments", "codings")}
    print(f"study: {n['interviews']} interviews, {n['segments']} segments, {n['codings']} codings; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs (wall times stretch with load)")

    def timed(label, fn, after=None):
        walls, cpus = [], []
        for i in range(args.repeat):
            t0, c0 = time.perf_counter(), time.process_time()
            fn(i)
            walls.append(time.perf_counter() - t0)
            cpus.append(time.process_time() - c0)
            if after:
                after(i)
        print(f"{label:<30} wall median {statistics.median(walls):6.2f} s  min {min(walls):6.2f} s   "
              f"CPU median {statistics.median(cpus):6.2f} s")

    qdpx = work / "study.qdpx"
    timed("QDPX export (no audio)", lambda i: export_qdpx(study, qdpx, include_audio=False))
    print(f"{'':<30} {qdpx.stat().st_size / 2**20:.1f} MB")
    timed("QDPX import into a new study", lambda i: import_qdpx_new(qdpx, work / f"in-{i}"),
          lambda i: shutil.rmtree(work / f"in-{i}.mosahebeh"))
    archive = work / "study.mosahebeh.zip"
    timed("archive export", lambda i: export_archive(study, archive))
    timed("archive import", lambda i: import_archive(archive, work / f"arc-{i}"),
          lambda i: shutil.rmtree(work / f"arc-{i}.mosahebeh"))
    study.close()
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
