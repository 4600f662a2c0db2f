"""A ``mosahebeh`` subcommand run as a worker process for the model manager (fetch, compare).

The work runs in ``python -m desktop models … --progress-json``: the GUI only
reads its JSON lines, cancelling is a SIGTERM (the command stops at the next
chunk or segment and keeps what it has: a fetch resumes from it next time),
and a model loaded for comparing leaves the app's memory with the process.

    job = CliJob(["models", "fetch", "large-v3-turbo"], parent)
    job.message.connect(lambda data: ...)      # each JSON line, as a dict
    job.finished.connect(lambda ok, error: ...)
    job.start(); job.cancel()
"""
from __future__ import annotations

import json
import os
import sys

from PySide6.QtCore import QObject, QProcess, QProcessEnvironment, QTimer, Signal

CANCEL_GRACE_MS = 5000


class CliJob(QObject):
    message = Signal(dict)
    finished = Signal(bool, str)  # succeeded, the error to show ("" when cancelled or done)

    def __init__(self, arguments: list[str], parent: QObject | None = None, env: dict[str, str] | None = None):
        super().__init__(parent)
        from desktop.i18n import current_language

        # --lang: the worker's one-sentence errors come in the app's language (they are shown as they come)
        self.arguments = ["-m", "desktop", "--lang", current_language(), *arguments, "--progress-json"]
        self.env = env or {}
        self.cancelled = False
        self._process: QProcess | None = None
        self._out = b""
        self._err = b""

    def start(self) -> None:
        process = QProcess(self)
        process.setProgram(sys.executable)
        process.setArguments(self.arguments)
        environment = QProcessEnvironment.systemEnvironment()
        for key, value in self.env.items():
            environment.insert(key, value)
        root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
        environment.insert("PYTHONPATH", os.pathsep.join(filter(None, [root, environment.value("PYTHONPATH")])))
        process.setProcessEnvironment(environment)
        process.readyReadStandardOutput.connect(self._read)
        process.readyReadStandardError.connect(
            lambda: setattr(self, "_err", self._err + bytes(process.readAllStandardError())))
        process.finished.connect(self._done)
        process.errorOccurred.connect(self._error)
        self._process = process
        process.start()

    def is_running(self) -> bool:
        return self._process is not None

    def cancel(self) -> None:
        if self._process is not None:
            self.cancelled = True
            self._process.terminate()
            QTimer.singleShot(CANCEL_GRACE_MS, self._kill)

    def wait(self, msecs: int = -1) -> None:
        if self._process is not None:
            self._process.waitForFinished(msecs)

    def _kill(self) -> None:
        if self._process is not None:
            self._process.kill()

    def _read(self) -> None:
        if self._process is None:
            return
        self._out += bytes(self._process.readAllStandardOutput())
        *lines, self._out = self._out.split(b"\n")
        for line in lines:
            try:
                data = json.loads(line)
            except ValueError:
                continue
            if isinstance(data, dict):
                self.message.emit(data)

    def _error_text(self, code: int) -> str:
        lines = [ln.strip() for ln in self._err.decode("utf-8", "replace").splitlines() if ln.strip()]
        for line in reversed(lines):
            if line.startswith("mosahebeh: "):
                return line[len("mosahebeh: "):]
        return self.tr("The worker stopped unexpectedly (exit code {0}).").format(code)

    def _done(self, code: int, status=None) -> None:
        if self._process is None:
            return
        self._read()
        self._err += bytes(self._process.readAllStandardError())
        self._process.deleteLater()
        self._process = None
        ok = code == 0 and status != QProcess.ExitStatus.CrashExit and not self.cancelled
        self.finished.emit(ok, "" if ok or self.cancelled else self._error_text(code))

    def _error(self, error) -> None:
        if error == QProcess.ProcessError.FailedToStart and self._process is not None:
            self._process.deleteLater()
            self._process = None
            self.finished.emit(False, self.tr("Cannot start the worker ({0}).").format(sys.executable))
