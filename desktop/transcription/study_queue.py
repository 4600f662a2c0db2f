"""The app's study queue: several interviews transcribed as one run, in a worker process.

The worker is ``python -m desktop transcribe --study P --queued --progress-json
--jobs N`` (plus ``--server URL --server-model M`` when a speech server is in
use, its key in the worker's environment only). It works through the study's
queue as kept in the study (:meth:`codebook.jobs.Jobs.queue`), so:

* reorder and remove are writes to the study, taken up by the worker at its next interview;
* pause stops the worker (SIGTERM: it stops after the piece in hand, all saved); resume starts
  a new worker, which goes on with the interview it stopped in;
* cancel stops it and empties the queue (what was transcribed stays, resumable);
* a queue left by a killed app or a ``mosahebeh transcribe --all`` shows on opening, paused.

    runner = StudyQueueRunner(study)
    runner.add([3, 5, 8]); runner.state_changed.connect(panel.update)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

from codebook.study import Study

CANCEL_GRACE_MS = 8000


class StudyQueueRunner(QObject):
    """Runs the study's queue; tells what it does through its signals."""

    progress = Signal(dict)            # the worker's {"queue": …} event (in_hand, done, count, audio_s, …)
    interview_done = Signal(int)
    interview_failed = Signal(int, str)
    stopped = Signal(str)              # a sentence when a run stopped early ('' when paused by the user)
    state_changed = Signal()           # running / paused / the queue changed

    def __init__(self, study: Study, parent: QObject | None = None):
        super().__init__(parent)
        self.study = study  # the app's own connection: reads and reorders go through it
        self.study_folder = Path(study.folder)
        self._process: QProcess | None = None
        self._buffer = b""
        self._stderr = b""
        self._pausing = False
        self._cancelling = False
        self.last: dict = {}
        self.server_in_use = False

    # -- the queue, kept in the study -------------------------------------------------

    def queued(self) -> list[int]:
        return self.study.jobs.queue()

    def set_order(self, interview_ids: list[int]) -> None:
        self.study.jobs.set_queue(interview_ids)
        self.state_changed.emit()

    def add(self, interview_ids: list[int], start: bool = True) -> None:
        """Queue interviews (at the end; one queued already keeps its place) and run the queue."""
        self.study.jobs.enqueue(interview_ids)
        self.state_changed.emit()
        if start:
            self.start()

    def remove(self, interview_id: int) -> None:
        self.study.jobs.dequeue(interview_id)
        self.state_changed.emit()

    # -- running ----------------------------------------------------------------------

    def is_running(self) -> bool:
        return self._process is not None

    def start(self) -> None:
        if self._process is not None or not self.queued():
            return
        from desktop.transcription.model_settings import stored_language, stored_model
        from desktop.transcription.server_settings import load, worker_arguments

        extra, env = worker_arguments()
        self.server_in_use = bool(extra)
        from desktop.i18n import current_language

        # the worker words its sentences (an interview that failed, why the run stopped) in the app's language
        args = ["-m", "desktop", "--lang", current_language(), "transcribe", "--study", str(self.study_folder),
                "--queued", "--progress-json",
                "--language", stored_language(), "--jobs", str(load().jobs if extra else 1)]
        model = stored_model()
        if extra:
            args += extra
        elif model:
            args += ["--model", model]
        process = QProcess(self)
        environment = QProcessEnvironment.systemEnvironment()
        for k, v in env.items():
            environment.insert(k, v)
        process.setProcessEnvironment(environment)
        process.setProgram(sys.executable)
        process.setArguments(args)
        process.readyReadStandardOutput.connect(self._read)
        process.readyReadStandardError.connect(self._read_stderr)
        process.finished.connect(self._finished)
        self._process, self._buffer, self._stderr = process, b"", b""
        self._pausing = self._cancelling = False
        process.start()
        self.state_changed.emit()

    def pause(self) -> None:
        """Stop after the piece in hand; the queue stays, to resume."""
        if self._process is not None:
            self._pausing = True
            self._process.terminate()
            QTimer.singleShot(CANCEL_GRACE_MS, self._kill_if_running)

    def cancel(self) -> None:
        """Stop and empty the queue (what was transcribed is kept and resumes if queued again)."""
        self.set_order([])
        if self._process is not None:
            self._cancelling = True
            self._process.terminate()
            QTimer.singleShot(CANCEL_GRACE_MS, self._kill_if_running)

    def wait_idle(self, msecs: int = -1) -> None:
        if self._process is not None:
            self._process.waitForFinished(msecs)

    def _kill_if_running(self) -> None:
        if self._process is not None and (self._pausing or self._cancelling):
            self._process.kill()

    def _read(self) -> None:
        if self._process is None:
            return
        self._buffer += self._process.readAllStandardOutput().data()
        *lines, self._buffer = self._buffer.split(b"\n")
        for line in lines:
            try:
                event = json.loads(line)
            except ValueError:
                continue
            if not isinstance(event, dict):
                continue
            if isinstance(event.get("queue"), dict):
                self.last = event["queue"]
                self.progress.emit(event["queue"])
            elif isinstance(event.get("done"), dict) and "interview" in event["done"]:
                self.interview_done.emit(int(event["done"]["interview"]))
                self.state_changed.emit()
            elif isinstance(event.get("failed"), dict):
                self.interview_failed.emit(int(event["failed"]["interview"]), str(event["failed"]["message"]))
                self.state_changed.emit()

    def _read_stderr(self) -> None:
        if self._process is not None:
            self._stderr += self._process.readAllStandardError().data()

    def _finished(self, exit_code: int, _status=None) -> None:
        self._read()
        self._read_stderr()
        paused = self._pausing or self._cancelling
        lines = [ln.strip() for ln in self._stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
        message = next((ln[len("mosahebeh: "):] for ln in reversed(lines) if ln.startswith("mosahebeh: ")), "")
        if self._process is not None:
            self._process.deleteLater()
        self._process = None
        self.last = {}
        if exit_code != 0 and not paused:
            self.stopped.emit(message or self.tr("The transcription queue stopped unexpectedly (exit code %1); "
                                                 "what was saved is kept.").replace("%1", str(exit_code)))
        else:
            self.stopped.emit("")
        self.state_changed.emit()
