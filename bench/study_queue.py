"""A whole study, transcribed on the laptop and through a speech server on 127.0.0.1: audio hours per hour.

    nice .venv/bin/python bench/study_queue.py [--interviews 10] [--clips 2] [--server fws|open-asr|none]

Builds a study of ``--interviews`` interviews from the real Persian clips in
``../shared/fa-speech`` (``--clips`` clips each, joined with 1 s of silence; every
second interview is a two-channel call, one speaker per channel), then runs
``mosahebeh transcribe --study S --all`` in a fresh process for each setting:
locally (the model in use, the bundled base by default) and through the server
(faster-whisper-server 0.0.3 or open-asr-server 0.3.0 from ``.venv-servers/``,
serving the same bundled model), with ``--jobs 1`` and ``--jobs 2``. For each it
prints the audio transcribed, the wall time, audio hours per wall hour, and the
CPU time (user+sys) of the client and, for the server runs, of the server
process, since the server and the client share this machine. Every figure is
one run; the machine may be loaded by other work: say so next to the figures.
"""
from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "transcribe"))
CLIPS = Path(os.environ.get("MOSAHEBEH_SPEECH_SET", "../shared/fa-speech")).resolve()  # from the checkout
RATE = 16000


def clip(n: int) -> np.ndarray:
    from transcribe.audio import iter_samples

    return np.concatenate(list(iter_samples(CLIPS / f"clip{n:02d}.mp3")))


def build_study(folder: Path, interviews: int = 10, clips: int = 2) -> Path:
    """A study of real speech: interview k takes ``clips`` clips in turn from both speakers
    (clips 01–18 one speaker, 19–36 the other); odd interviews are two-channel calls."""
    import soundfile as sf

    from codebook import Study

    gap = np.zeros(RATE, dtype=np.float32)
    audio_dir = folder.parent / (folder.name + "-audio")
    audio_dir.mkdir(parents=True, exist_ok=True)
    with Study.create(folder, name="queue bench") as study:
        for k in range(interviews):
            numbers = [1 + (k * clips + j) % 18 + (18 if j % 2 else 0) for j in range(clips)]
            parts = [clip(n) for n in numbers]
            path = audio_dir / f"interview{k + 1:02d}.wav"
            if k % 2:  # a call: speaker A on the left, speaker B on the right, taking turns
                left = np.concatenate([np.concatenate([p, gap]) if j % 2 == 0 else np.zeros(len(p) + RATE, np.float32)
                                       for j, p in enumerate(parts)])
                right = np.concatenate([np.concatenate([p, gap]) if j % 2 else np.zeros(len(p) + RATE, np.float32)
                                        for j, p in enumerate(parts)])
                sf.write(str(path), np.stack([left, right], axis=1), RATE)
            else:
                sf.write(str(path), np.concatenate([np.concatenate([p, gap]) for p in parts]), RATE)
            participant = study.participants.add(f"مشارکت‌کننده {k + 1}")
            iid = study.interviews.add(participant.id, title=f"مصاحبه {k + 1}").id
            study.interviews.attach_audio(iid, path)
    return folder


def audio_seconds(folder: Path) -> float:
    from codebook import Study
    from transcribe.audio import probe_duration_ms

    with Study.open(folder) as study:
        return sum(probe_duration_ms(study.interviews.audio_file(i.id)) for i in study.interviews.list()) / 1000


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def process_cpu(pid: int) -> float:
    """user+sys seconds of a running process and its waited-for children (Linux /proc)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    ticks = os.sysconf("SC_CLK_TCK")
    return sum(int(fields[i]) for i in (11, 12, 13, 14)) / ticks


def run(study: Path, extra: list[str], env: dict) -> tuple[float, float]:
    before, began = children_cpu(), time.monotonic()
    done = subprocess.run([sys.executable, "-m", "desktop", "transcribe", "--study", str(study), "--all", *extra],
                          env=env, capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(done.stderr)
    return time.monotonic() - began, children_cpu() - before


def main() -> int:
    global CLIPS
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--interviews", type=int, default=10)
    parser.add_argument("--clips", type=int, default=2)
    parser.add_argument("--server", default="fws", choices=("fws", "open-asr", "none"))
    parser.add_argument("--jobs", default="1,2")
    parser.add_argument("--no-local", action="store_true")
    parser.add_argument("--speech-set", default=str(next((p for p in (ROOT.parent / "shared" / "fa-speech",
                                                                    ROOT.parents[1] / "shared" / "fa-speech")
                                                         if p.is_dir()), "../shared/fa-speech")), help="the folder of real clips (../shared/fa-speech)")
    args = parser.parse_args()
    CLIPS = Path(args.speech_set).resolve()
    from transcribe.models import bundled_model_dir

    model_dir = bundled_model_dir()
    tmp = Path(tempfile.mkdtemp(prefix="queue-bench-"))
    template = build_study(tmp / "template.mosahebeh", args.interviews, args.clips)
    seconds = audio_seconds(template)
    print(f"study: {args.interviews} interviews, {seconds:.0f} s of real speech "
          f"({(args.interviews + 1) // 2} mono, {args.interviews // 2} two-channel), bundled Whisper base")
    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} at the start")
    env = {**os.environ, "OMP_NUM_THREADS": os.environ.get("OMP_NUM_THREADS", "")}
    env.pop("OMP_NUM_THREADS") if not env["OMP_NUM_THREADS"] else None
    settings: list[tuple[str, list[str], object]] = []
    jobs = [int(j) for j in args.jobs.split(",")]
    if not args.no_local:
        settings += [(f"local, --jobs {j}", ["--jobs", str(j)], None) for j in jobs]
    server = None
    if args.server != "none":
        from servers import RunningServer

        kind = "faster-whisper-server" if args.server == "fws" else "open-asr"
        server = RunningServer(kind, model_dir, log=tmp / "server.log").start()
        settings += [(f"{kind}, --jobs {j}", ["--jobs", str(j), "--server", server.url, "--server-model",
                                              server.model], server) for j in jobs]
    print(f"{'setting':34} {'wall s':>8} {'audio h/h':>10} {'client CPU s':>13} {'server CPU s':>13}")
    try:
        for name, extra, on in settings:
            import shutil

            study = tmp / f"run-{len(os.listdir(tmp))}.mosahebeh"
            shutil.copytree(template, study)
            server_before = process_cpu(on.process.pid) if on is not None else 0.0
            wall, cpu = run(study, extra, env)
            server_cpu = process_cpu(on.process.pid) - server_before if on is not None else 0.0
            print(f"{name:34} {wall:8.1f} {seconds / wall:10.2f} {cpu:13.1f} "
                  f"{(f'{server_cpu:.1f}' if on is not None else '-'):>13}", flush=True)
    finally:
        if server is not None:
            server.stop()
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
