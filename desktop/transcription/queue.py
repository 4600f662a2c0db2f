"""The app's transcription queue: one job at a time, each in its own worker process.

The worker is ``python -m desktop transcribe --study P --interview I
--progress-json``; it saves segments into the study as they arrive, so a
crash of the worker (or of the app) loses nothing saved, and the next run of
the same interview resumes after the last saved segment. The GUI thread only
reads JSON progress lines and the exit code.

    queue = TranscriptionQueue(study.folder)
    queue.progress.connect(lambda iid, fraction, eta: ...)
    queue.finished.connect(lambda iid: context.notify("segments"))
    queue.failed.connect(lambda iid, message: QMessageBox.warning(...))
    queue.notice.connect(lambda iid, message: status_bar.showMessage(message))
    queue.enqueue(interview_id)

A finished job whose speech was not all transcribed emits ``notice`` with
the count ("3 stretches, 41 s, could not be transcribed"). A second run of an
interview another process is transcribing is refused by the worker (the
study's job lock): ``failed`` carries its sentence.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

CANCEL_GRACE_MS = 5000


class TranscriptionQueue(QObject):
    """Queued transcriptions of one study's interviews, run one after another off the GUI thread."""

    progress = Signal(int, float, float)  # interview id, fraction of the audio done, seconds left (-1: unknown)
    finished = Signal(int)
    failed = Signal(int, str)  # interview id, a message to show as is
    notice = Signal(int, str)  # interview id, what a finished job could not transcribe (to show as is)

    def __init__(self, study_folder: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.study_folder = Path(study_folder)
        self._queue: list[tuple[int, str | None, bool]] = []
        self._process: QProcess | None = None
        self._current: int | None = None
        self._cancelled = False
        self._stdout = b""
        self._stderr = b""
        self._notice = ""

    # -- the public interface ------------------------------------------------------

    def enqueue(self, interview_id: int, model: str | None = None, force: bool = False) -> None:
        """Add an interview; ``model`` None means the one chosen in the settings.
        An interview already queued or running is not added twice."""
        if interview_id == self._current or any(i == interview_id for i, _, _ in self._queue):
            return
        self._queue.append((interview_id, model, force))
        QTimer.singleShot(0, self._next)

    def cancel(self, interview_id: int) -> None:
        """Drop a queued interview, or stop the running one (it resumes next time)."""
        before = len(self._queue)
        self._queue = [job for job in self._queue if job[0] != interview_id]
        if len(self._queue) != before:
            self.failed.emit(interview_id, self.tr("Transcription cancelled."))
            return
        if interview_id == self._current and self._process is not None:
            self._cancelled = True
            self._process.terminate()  # the worker stops after the current segment
            QTimer.singleShot(CANCEL_GRACE_MS, self._kill_if_running)

    def is_busy(self) -> bool:
        return self._current is not None or bool(self._queue)

    def pending(self) -> list[int]:
        """The running interview (first) and the queued ones, in order."""
        return ([self._current] if self._current is not None else []) + [i for i, _, _ in self._queue]

    def wait_idle(self, msecs: int = -1) -> None:
        """Block until the running job ends (for shutting down)."""
        if self._process is not None:
            self._process.waitForFinished(msecs)

    # -- running -------------------------------------------------------------------

    def _arguments(self, interview_id: int, model: str | None, force: bool) -> list[str]:
        from desktop.transcription.model_settings import stored_language, stored_model
        from desktop.transcription.server_settings import worker_arguments

        model = model if model is not None else stored_model()
        from desktop.i18n import current_language

        # --lang: the worker's one-sentence errors come in the app's language (they are shown as they come)
        args = ["-m", "desktop", "--lang", current_language(), "transcribe", "--study", str(self.study_folder),
                "--interview", str(interview_id),
                "--progress-json", "--language", stored_language()]
        server, _ = worker_arguments()  # the speech server the user turned on (Settings → Servers), if any
        if server:
            args += server
        elif model:
            args += ["--model", model]
        if force:
            args.append("--force")
        return args

    def _next(self) -> None:
        if self._current is not None or not self._queue:
            return
        interview_id, model, force = self._queue.pop(0)
        self._current, self._cancelled = interview_id, False
        self._stdout = self._stderr = b""
        self._notice = ""
        process = QProcess(self)
        from desktop.transcription.server_settings import worker_arguments

        _, env = worker_arguments()  # the server's key: in the worker's environment, never its arguments
        if env:
            environment = QProcessEnvironment.systemEnvironment()
            for k, v in env.items():
                environment.insert(k, v)
            process.setProcessEnvironment(environment)
        process.setProgram(sys.executable)
        process.setArguments(self._arguments(interview_id, model, force))
        process.readyReadStandardOutput.connect(self._read_stdout)
        process.readyReadStandardError.connect(self._read_stderr)
        process.finished.connect(self._done)
        process.errorOccurred.connect(self._error)
        self._process = process
        process.start()

    def _read_stdout(self) -> None:
        if self._process is None:
            return
        self._stdout += bytes(self._process.readAllStandardOutput())
        *lines, self._stdout = self._stdout.split(b"\n")
        for line in lines:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if isinstance(message, dict) and "progress" in message and self._current is not None:
                self.progress.emit(self._current, float(message["progress"]), float(message.get("eta", -1)))
            elif isinstance(message, dict) and isinstance(message.get("done"), dict) and self._current is not None:
                done = message["done"]
                if done.get("untranscribed"):
                    self._notice = self.untranscribed_text(int(done["untranscribed"]),
                                                           float(done.get("untranscribed_s", 0)))

    def untranscribed_text(self, count: int, seconds: float) -> str:
        """The job summary's sentence, e.g. "3 stretches, 41 s, could not be transcribed"."""
        from codebook.dates import digits
        from desktop.i18n import current_language

        lang = current_language()
        return (self.tr("%n stretch(es), %1 s, could not be transcribed; they are marked in the transcript "
                        "(F7 goes to the next one).", "", count)
                .replace("%1", digits(str(round(seconds)), lang)))

    def _read_stderr(self) -> None:
        if self._process is not None:
            self._stderr += bytes(self._process.readAllStandardError())

    def _message(self, exit_code: int) -> str:
        lines = [ln.strip() for ln in self._stderr.decode("utf-8", "replace").splitlines() if ln.strip()]
        for line in reversed(lines):
            if line.startswith("mosahebeh: "):
                return line[len("mosahebeh: "):]
        return self.tr("The transcription stopped unexpectedly (exit code {0}). What was saved is kept; "
                       "start it again to resume.").format(exit_code)

    def _done(self, exit_code: int, exit_status=None) -> None:
        if self._process is None:
            return
        self._read_stdout()
        self._read_stderr()
        interview_id, cancelled = self._current, self._cancelled
        crashed = exit_status == QProcess.ExitStatus.CrashExit
        self._process.deleteLater()
        self._process, self._current = None, None
        if cancelled:
            self.failed.emit(interview_id, self.tr("Transcription cancelled. It resumes where it stopped."))
        elif exit_code == 0 and not crashed:
            self.finished.emit(interview_id)
            if self._notice:
                self.notice.emit(interview_id, self._notice)
        else:
            self.failed.emit(interview_id, self._message(exit_code))
        QTimer.singleShot(0, self._next)

    def _error(self, error) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._process is not None:
            interview_id = self._current
            self._process.deleteLater()
            self._process, self._current = None, None
            self.failed.emit(interview_id, self.tr("Cannot start the transcription worker ({0}).")
                             .format(sys.executable))
            QTimer.singleShot(0, self._next)

    def _kill_if_running(self) -> None:
        if self._process is not None and self._cancelled:
            self._process.kill()
