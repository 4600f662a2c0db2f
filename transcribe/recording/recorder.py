"""The recorder: sources → queues → writer threads → a take; stop finishes it.

For example (a sketch, not run as a doctest)::

    rec = Recorder("/tmp/call.take", [mic, remote], out="/tmp/call.wav")
    rec.start()
    rec.mark("laughs"); rec.pause(); rec.resume()
    rec.status()   # elapsed, level per source, overflows, problems
    result = rec.stop()

Nothing here blocks the audio callbacks: they copy each block into the
writer's queue and note its peak for the meters. Marks, guide questions,
pauses and consent go to the take's ``events.jsonl`` as they happen.
"""
from __future__ import annotations

import math
import os
import threading
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from transcribe.errors import AudioError
from transcribe.recording.finish import FinishedTake, finish_take
from transcribe.recording.sources import AudioSource
from transcribe.recording.take import Take
from transcribe.recording.writer import TrackWriter
from transcribe.worded import WordedText

STALL = 4.0  # s without a block from a source that should deliver: a problem

# The events a take logs, named in an error as a person would name them (worded in the UI language).
EVENTS = {"mark": WordedText("mark"), "question": WordedText("question"), "consent": WordedText("consent"),
          "pause": WordedText("pause"), "resume": WordedText("resume"), "stop": WordedText("stop")}


@dataclass
class Status:
    elapsed: float  # s of recording so far, pauses left out
    levels: dict[str, float]  # dBFS peak per role over the last ~0.3 s (-inf: silence)
    overflows: int
    paused: bool
    problems: list[str] = field(default_factory=list)
    frames: dict[str, int] = field(default_factory=dict)


class _Track:
    def __init__(self, source: AudioSource, writer: TrackWriter):
        self.source, self.writer = source, writer
        self.peak = 0.0
        self.peak_at = 0.0
        self.last_block: float | None = None
        self.first_block: float | None = None
        self.ended: str | None = None
        self.live_overflows = 0


class Recorder:
    """Records ``sources`` (one ``mic`` and/or one ``remote``) into a take folder."""

    def __init__(self, folder: str | os.PathLike, sources: Sequence[AudioSource], *, out: str | os.PathLike | None = None,
                 out_rate: int = 16000, interview_id: int | None = None, clock: Callable[[], float] = time.monotonic):
        if not sources:
            raise AudioError("Choose at least one input to record.")
        if out_rate < 16000:
            raise AudioError("The recording rate must be 16000 Hz or more.")
        self.folder = Path(folder)
        self.sources = sorted(sources, key=lambda s: {"mic": 0, "remote": 1}.get(s.role, 9))
        self.out = Path(out) if out else None
        self.out_rate = out_rate
        self.interview_id = interview_id
        self.clock = clock
        self.take: Take | None = None
        self._tracks: list[_Track] = []
        self._paused = False
        self._started: float | None = None
        self._paused_total = 0.0
        self._paused_at: float | None = None
        self._lock = threading.Lock()
        self._stopped = False

    # -- running ---------------------------------------------------------------

    def start(self) -> Take:
        """Create the take and start every source. On failure nothing keeps running."""
        tracks = [{"role": s.role, "device": s.name, "rate": s.samplerate} for s in self.sources]
        self.take = Take.create(self.folder, tracks, out_rate=self.out_rate,
                                out=str(self.out) if self.out else None, interview_id=self.interview_id)
        try:
            for source, info in zip(self.sources, self.take.track_paths()):
                _, wav, log = info
                try:
                    writer = TrackWriter(wav, log, source.samplerate)
                except (OSError, RuntimeError) as exc:
                    raise AudioError("Cannot write the recording in {folder}: {exc}.", folder=self.folder, exc=exc) from exc
                track = _Track(source, writer)
                self._tracks.append(track)
            self._started = self.clock()
            for track in self._tracks:
                track.source.start(self._on_block(track), self._on_end(track))
        except BaseException:
            self._shutdown()
            raise
        return self.take

    def _on_block(self, track: _Track):
        def on_block(data: np.ndarray, t: float, overflow: bool) -> None:
            if overflow:
                track.live_overflows += 1
            if self._paused or self._stopped:
                return
            track.writer.put(data, t, overflow)
            peak = float(np.max(np.abs(data))) if len(data) else 0.0
            if peak >= track.peak or t - track.peak_at > 0.3:
                track.peak, track.peak_at = peak, t
            track.last_block = t
            if track.first_block is None:
                track.first_block = t
        return on_block

    def _on_end(self, track: _Track):
        def on_end(message: str | None) -> None:
            track.ended = message or f"{track.source.name} stopped."
        return on_end

    def _event(self, kind: str, t: float | None = None, **data) -> None:
        if self.take is None:
            raise AudioError("The recording has not started.")
        try:
            self.take.add_event(kind, self.clock() if t is None else t, **data)
        except OSError as exc:
            raise AudioError("Cannot save the {kind} in {folder}: {reason}.", kind=EVENTS.get(kind, kind),
                             folder=self.take.folder, reason=exc.strerror or exc) from exc

    def mark(self, label: str = "") -> float:
        """Drop a bookmark now; returns the elapsed seconds it marks."""
        self._event("mark", label=label)
        return self.elapsed()

    def mark_question(self, question_id: int, label: str = "") -> float:
        """Note that the guide question ``question_id`` is being asked now."""
        self._event("question", question_id=int(question_id), label=label)
        return self.elapsed()

    def set_consent(self, value: bool) -> None:
        self._event("consent", value=bool(value))

    def pause(self) -> None:
        with self._lock:
            if not self._paused:
                self._paused_at = self.clock()
                self._paused = True
                self._event("pause", self._paused_at)

    def resume(self) -> None:
        with self._lock:
            if self._paused and self._paused_at is not None:
                now = self.clock()
                self._paused_total += now - self._paused_at
                self._paused = False
                self._event("resume", now)

    @property
    def paused(self) -> bool:
        return self._paused

    def elapsed(self) -> float:
        """Seconds recorded so far (from the first audio, pauses left out)."""
        firsts = [t.first_block for t in self._tracks if t.first_block is not None]
        if not firsts:
            return 0.0
        end = self._paused_at if self._paused and self._paused_at is not None else self.clock()
        return max(0.0, end - min(firsts) - self._paused_total)

    def status(self) -> Status:
        now = self.clock()
        levels, problems, frames = {}, [], {}
        for tr in self._tracks:
            fresh = tr.last_block is not None and now - tr.peak_at < 0.5
            levels[tr.source.role] = 20 * math.log10(tr.peak) if fresh and tr.peak > 1e-6 else float("-inf")
            frames[tr.source.role] = tr.writer.frames
            if tr.writer.error:
                problems.append(tr.writer.error)
            if tr.ended:
                problems.append(tr.ended)
            elif not self._paused and not tr.source.silent_ok and self._started is not None:
                since = now - (tr.last_block if tr.last_block is not None else self._started + STALL)
                if since > STALL:
                    problems.append(f"No audio from {tr.source.name} for {since:.0f} s.")
        return Status(self.elapsed(), levels, sum(t.live_overflows for t in self._tracks), self._paused,
                      list(dict.fromkeys(problems)), frames)

    @property
    def failed(self) -> str | None:
        """A fault that ends the recording (a write failed), or None."""
        return next((t.writer.error for t in self._tracks if t.writer.error), None)

    # -- stopping --------------------------------------------------------------

    def _shutdown(self) -> None:
        self._stopped = True
        for tr in self._tracks:
            try:
                tr.source.stop()
            except Exception:
                pass
        for tr in self._tracks:
            tr.writer.close()

    def stop(self, progress: Callable[[float], None] | None = None) -> FinishedTake:
        """Stop every source, write out what is queued and finish the take.

        Raises :class:`AudioError` if the result cannot be written; the take
        then stays unfinished (recoverable) in :attr:`folder`."""
        if self.take is None:
            raise AudioError("The recording has not started.")
        if not self._stopped:
            t = self.clock()
            self._shutdown()
            try:
                self._event("stop", t)
            except AudioError:
                pass
        return finish_take(self.take, progress=progress)
