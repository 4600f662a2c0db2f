"""A study's transcription queue: many interviews transcribed as one run, resumable, in a kept order.

For example (a sketch, not run as a doctest)::

    with Study.open(folder) as study:
        study.jobs.enqueue(not_transcribed(study))        # "all not transcribed"
    summary = run_queue(folder, pipeline=lambda: Pipeline(model), jobs=2, on_event=print)

The order lives in the study (:meth:`codebook.jobs.Jobs.queue`): each worker
takes the first queued interview nobody holds, transcribes it with
:func:`codebook.transcription.run_job` (which saves as it goes and resumes an
unfinished job), and takes it off the queue when it is done. So a killed run
goes on from the interview in hand, and the queue can be reordered while it
runs (the app does so). ``jobs`` workers run side by side, each with its own
connection to the study and its own pipeline (``pipeline()`` is called once
per worker): for a server, that many requests at once.

``on_event`` gets plain dicts, the command line's ``--progress-json`` lines:

* ``{"queue": {"in_hand": [ids], "fractions": {"id": f}, "done": n, "count": n, "audio_s": s,
  "audio_done_s": s, "eta": s}}``: the interviews in hand and their share done, how many are done of
  how many, seconds of audio in all and done, seconds left by the pace of this run (-1: not known yet)
* ``{"done": {"interview": id, "segments": n, ...}}`` when an interview is finished;
* ``{"failed": {"interview": id, "message": "..."}}`` when one cannot be transcribed
  (it leaves the queue; the others go on);
* ``{"stopped": {"message": "..."}}`` when the run stops early: cancelled, or a
  server that refused or stopped answering (the queue stays for the next run).
"""
from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from codebook.errors import StudyError
from codebook.study import Study
from codebook.transcription import KIND, run_job, summary
from transcribe.audio import probe_duration_ms
from transcribe.errors import TranscribeError
from transcribe.server_http import ServerError
from transcribe.whisper import Cancelled
from transcribe.worded import worded_text

EVENT_EVERY_S = 0.5


def not_transcribed(study: Study) -> list[int]:
    """Interviews with audio whose transcription is not done: no job and no transcript,
    or a job that did not finish (it resumes). In the interviews' order."""
    out = []
    for interview in study.interviews.list():
        if study.interviews.audio_file(interview.id) is None:
            continue
        job = study.jobs.get(interview.id, KIND)
        if (job is not None and job.state != "done") or (job is None and not study.transcripts.count(interview.id)[0]):
            out.append(interview.id)
    return out


def data_version(study: Study) -> int:
    """SQLite's ``data_version`` of the study's connection: it changes when another connection
    (another process: a ``mosahebeh transcribe``) commits, not on this connection's own writes.
    A cheap poll (no table is read) for a view that shows what other processes write."""
    return int(study.db.execute("PRAGMA data_version").fetchone()[0])


@dataclass
class QueueSummary:
    """What a run of the queue did."""
    done: list[int] = field(default_factory=list)
    failed: dict[int, str] = field(default_factory=dict)
    stopped: str = ""  # why the run stopped early ('' when the queue ran empty)
    audio_s: float = 0.0  # audio transcribed in this run, seconds
    seconds: float = 0.0  # wall time of the run


class _Tally:
    """The run's shared counters: durations, fractions done, the estimate of the time left."""

    def __init__(self, on_event: Callable[[dict], None]):
        self.lock = threading.Lock()
        self.on_event = on_event
        self.durations: dict[int, float] = {}
        self.fractions: dict[int, float] = {}
        self.start_fractions: dict[int, float] = {}
        self.in_hand: list[int] = []
        self.done: list[int] = []
        self.began = time.monotonic()
        self.last = 0.0

    def know(self, study: Study, ids: list[int]) -> None:
        for iid in ids:
            if iid in self.durations:
                continue
            audio = study.interviews.audio_file(iid)
            try:
                seconds = probe_duration_ms(audio) / 1000 if audio is not None else 0.0
            except TranscribeError:
                seconds = 0.0
            job = study.jobs.get(iid, KIND)
            fraction = job.progress if job is not None and job.state != "done" and job.resume_ms > 0 else 0.0
            self.durations[iid], self.fractions[iid], self.start_fractions[iid] = seconds, fraction, fraction

    def reporter(self, interview_id: int) -> Callable[[float, float], None]:
        """The ``on_progress`` of one interview's job."""
        def report(fraction: float, eta: float) -> None:
            self.fractions[interview_id] = fraction
            self.event()
        return report

    def event(self, force: bool = False) -> None:
        with self.lock:
            now = time.monotonic()
            if not force and now - self.last < EVENT_EVERY_S:
                return
            self.last = now
            total = sum(self.durations.values())
            done = sum(self.durations[i] * self.fractions.get(i, 0.0) for i in self.durations)
            worked = done - sum(self.durations[i] * f for i, f in self.start_fractions.items())
            elapsed = now - self.began
            eta = elapsed / worked * (total - done) if worked > 1.0 else -1.0
            info = {"in_hand": list(self.in_hand),
                    "fractions": {str(i): round(self.fractions.get(i, 0.0), 4) for i in self.in_hand},
                    "done": len(self.done), "count": len(self.durations),
                    "audio_s": round(total, 1), "audio_done_s": round(done, 1), "eta": round(eta, 1)}
        self.on_event({"queue": info})


def run_queue(folder: str | Path, *, pipeline: Callable[[], Any], jobs: int = 1, model: str | None = None,
              language: str | None = None, on_event: Callable[[dict], None] = lambda e: None,
              cancel: Callable[[], bool] = lambda: False) -> QueueSummary:
    """Transcribe the study's queued interviews until the queue is empty, it is
    cancelled, or a server stops the run; what each worker did is kept."""
    tally = _Tally(on_event)
    result = QueueSummary()
    stop = {"why": ""}
    taking = threading.Lock()

    def stopped() -> bool:
        return bool(stop["why"]) or cancel()

    def take(study: Study) -> int | None:
        with taking:
            queued = study.jobs.queue()
            tally.know(study, queued)
            for iid in queued:
                if iid not in tally.in_hand and iid not in result.failed and iid not in tally.done:
                    tally.in_hand.append(iid)
                    return iid
        return None

    def worker() -> None:
        try:
            with Study.open(folder) as study:
                made = None
                while not stopped():
                    iid = take(study)
                    if iid is None:
                        return
                    made = made or pipeline()
                    tally.event(force=True)
                    try:
                        run_job(study, iid, model=model, language=language, pipeline=made,
                                on_progress=tally.reporter(iid), cancel=stopped)
                    except Cancelled:
                        stop["why"] = stop["why"] or "cancelled"
                        return
                    except ServerError as exc:  # every interview would meet the same refusal: stop, keep the queue
                        stop["why"] = stop["why"] or worded_text(exc)
                        return
                    except (StudyError, TranscribeError) as exc:
                        study.jobs.dequeue(iid)
                        result.failed[iid] = worded_text(exc)
                        on_event({"failed": {"interview": iid, "message": result.failed[iid]}})
                        continue
                    finally:
                        with taking:
                            if iid in tally.in_hand:
                                tally.in_hand.remove(iid)
                    study.jobs.dequeue(iid)
                    tally.fractions[iid] = 1.0
                    tally.done.append(iid)
                    result.done.append(iid)
                    result.audio_s += tally.durations.get(iid, 0.0) * (1 - tally.start_fractions.get(iid, 0.0))
                    done = summary(study, iid)
                    done.pop("message", None)
                    on_event({"done": {**done, "state": "done"}})
        except (StudyError, TranscribeError) as exc:  # the study itself cannot be opened or written
            stop["why"] = stop["why"] or worded_text(exc)

    threads = [threading.Thread(target=worker, name=f"queue-{n}", daemon=True) for n in range(max(1, jobs))]
    for t in threads:
        t.start()
        time.sleep(0.05)  # the first worker takes the first interview
    for t in threads:
        t.join()
    tally.event(force=True)
    result.seconds = time.monotonic() - tally.began
    if stop["why"] or cancel():
        result.stopped = stop["why"] or "cancelled"
        on_event({"stopped": {"message": result.stopped}})
    return result
