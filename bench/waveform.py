"""Benchmark: the transcript editor's waveform strip on a 35-minute interview.

    QT_QPA_PLATFORM=offscreen python bench/waveform.py [--minutes 35] [--format wav|mp3] [--ticks 400]

Builds a two-speaker recording of that length from espeak-ng speech (a question in one voice,
an answer in another, repeated; written as WAV, or MP3 through PyAV, like a phone's voice note),
then prints CPU times (user+sys of this process, so a loaded machine counts less than wall time):
the envelope computed once (decode + bins), read back from its cache, the whole strip drawn at
once (1366 px, 400 segments), and a playhead tick every 85 ms of playback (what the editor
repaints as the player moves: two strips a few pixels wide), mean and worst, with the page
turns of a zoomed-in view counted apart.
"""
from __future__ import annotations

import argparse
import os
import resource
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MOSAHEBEH_DATA_DIR", tempfile.mkdtemp(prefix="mosahebeh-bench-waveform-"))


def cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def build_call(path: Path, minutes: float) -> None:
    """A call of ``minutes``: questions (interviewer's voice) and answers (participant's), in turn."""
    import numpy as np

    from transcribe.speech import VOICES, speak

    q = speak("کتابخانهٔ شما در دوران کرونا با چه چالش‌هایی روبه‌رو شد؟", voice=VOICES["interviewer"])
    a = speak("ما هم تعطیل شدیم. رایانه‌ها قدیمی بود و اینترنت کتابخانه ضعیف بود. سالمندان نمی‌توانستند "
              "از خدمات مجازی استفاده کنند.", voice=VOICES["participant"])
    gap = np.zeros(8000, np.float32)
    turn = np.concatenate([q, gap, a * 0.6, gap])
    n = int(minutes * 60 * 16000)
    samples = np.tile(turn, n // len(turn) + 1)[:n]
    if path.suffix == ".wav":
        import soundfile as sf  # type: ignore[import-untyped]

        sf.write(path, samples, 16000, subtype="PCM_16")
        return
    import av

    with av.open(str(path), "w") as out:
        stream = out.add_stream("mp3", rate=16000)
        stream.layout = "mono"
        pcm = (samples * 32767).astype(np.int16)
        for i in range(0, len(pcm), 16000):
            frame = av.AudioFrame.from_ndarray(pcm[None, i:i + 16000], format="s16", layout="mono")
            frame.sample_rate = 16000
            for packet in stream.encode(frame):
                out.mux(packet)
        for packet in stream.encode(None):
            out.mux(packet)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--minutes", type=float, default=35.0)
    ap.add_argument("--format", choices=("wav", "mp3"), default="wav")
    ap.add_argument("--ticks", type=int, default=400, help="playhead ticks to time (85 ms of playback each)")
    args = ap.parse_args()

    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from transcribe import envelope

    app = QApplication.instance() or QApplication([])
    path = Path(tempfile.mkdtemp(prefix="mosahebeh-bench-")) / f"call.{args.format}"
    build_call(path, args.minutes)
    print(f"{args.minutes:g} min of audio, {args.format}, {path.stat().st_size / 1e6:.1f} MB "
          f"(CPU times: user+sys; the machine may be shared and loaded)")

    t = cpu()
    env = envelope.load(path)
    print(f"envelope computed once: {cpu() - t:.2f} s CPU, {env.bins} bins × {env.channels} channel(s), "
          f"cache file {envelope.cache_file(path).stat().st_size / 1e3:.0f} kB")
    t = cpu()
    for _ in range(10):
        envelope.cached(path)
    print(f"envelope read from the cache: {(cpu() - t) / 10 * 1000:.1f} ms CPU")

    from desktop.transcript.waveform import Span, WaveformStrip

    class Counted(WaveformStrip):
        painted = 0  # pixels repainted, to show a tick repaints little, not the strip

        def paintEvent(self, event):
            Counted.painted += event.rect().width() * event.rect().height()
            super().paintEvent(event)

    strip = Counted()
    strip.resize(1366, 120)
    strip.show()
    strip.set_envelope(env)
    total = env.duration_ms
    step = total // 400
    strip.set_spans([Span(i, i * step, i * step + step - 300, ("interviewer", "participant")[i % 2])
                     for i in range(400)])
    QCoreApplication.processEvents()
    t = cpu()
    for _ in range(10):
        strip._invalidate()
        strip.repaint()
    print(f"whole {args.minutes:g} min drawn at once (1366 px, 400 segments): {(cpu() - t) / 10 * 1000:.1f} ms CPU")

    def ticks(label: str) -> None:
        times: list[float] = []
        turns: list[float] = []
        Counted.painted = 0
        for i in range(args.ticks):
            before = strip.shown()
            t0 = cpu()
            strip.set_position(60_000 + i * 85)
            QCoreApplication.processEvents()  # the paint of what the tick invalidated
            (turns if strip.shown() != before else times).append(cpu() - t0)
        times.sort()
        mean = sum(times) / len(times) * 1000
        line = (f"playhead tick, {label}: mean {mean:.2f} ms CPU, 95th percentile "
                f"{times[int(len(times) * 0.95)] * 1000:.2f} ms, worst {times[-1] * 1000:.2f} ms ({len(times)} ticks)")
        line += f"; {Counted.painted / args.ticks / (strip.width() * strip.height()):.1%} of the strip repainted per tick"
        if turns:
            line += f"; page turns: {len(turns)}, mean {sum(turns) / len(turns) * 1000:.1f} ms"
        print(line)

    ticks("whole recording shown")
    strip.set_window(55_000, 10_000)
    QCoreApplication.processEvents()
    ticks("zoomed to 10 s")
    app.processEvents()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
