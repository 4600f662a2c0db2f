"""The frame of a dialog whose work runs off the GUI thread: a form, a status
line, a busy bar, Run and Close; the work gets a Study of its own (its own
SQLite connection) on a :class:`Worker` thread and ends with a message.

Also the small wording helpers its dialogs share: numbers and paths as the UI
language writes them, and what pseudonymisation replaced.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QThread, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QProgressBar, QPushButton, QVBoxLayout, QWidget)

from codebook.dates import digits
from codebook.errors import StudyError
from desktop.i18n import current_language, worded
from transcribe.errors import TranscribeError


def number(value) -> str:
    """A number as the UI writes it (Persian digits in the Persian UI)."""
    return digits(str(value), current_language())


def ltr_path(path) -> str:
    """A path kept left to right inside a Persian sentence (else its slashes jump to the other end)."""
    return f"\u202a{path}\u202c" if current_language() == "fa" else str(path)


def _tr(text: str) -> str:
    return QCoreApplication.translate("_JobDialog", text)


def replaced_text(report) -> str:
    """What pseudonymisation replaced (a :class:`codebook.pseudonymise.Report`), in the UI language."""
    if not report.total:
        text = _tr("No names from the replacement list or the participants' real names were found in the exported text.")
    else:
        fa = current_language() == "fa"
        terms = "؛ ".join if fa else "; ".join
        arrow = "←" if fa else "→"  # points from the name to its replacement in the reading direction
        text = (_tr("Replaced %1 occurrence(s) of %2 name(s): ").replace("%1", number(report.total))
                .replace("%2", number(len(report.counts)))
                + terms(f"{_iso(t)} {arrow} {_iso(report.replacements[t])}: {number(n)}"
                        for t, n in report.counts.most_common()))
    return text + near_misses_text(report)


def _iso(text: str) -> str:
    """A name or number kept in one piece inside a sentence of the other direction (first strong isolate)."""
    return f"\u2068{text}\u2069"


_WHY = {"inside a longer word": QT_TRANSLATE_NOOP("_JobDialog", "inside a longer word"),
        "one letter different": QT_TRANSLATE_NOOP("_JobDialog", "one letter different"),
        "part of a real name": QT_TRANSLATE_NOOP("_JobDialog", "part of a real name")}


def near_misses_text(report, limit: int = 20) -> str:
    """The near-misses pseudonymisation did not dare replace, for the user to check ('' when none)."""
    misses = list(dict.fromkeys(report.near_misses))
    if not misses:
        return ""
    lines = [_tr("Check these %1 place(s): they look like a name but were not replaced.")
             .replace("%1", number(len(misses)))]
    for m in misses[:limit]:
        lines.append(_tr("«%1» in %2 looks like «%3» (%4)").replace("%1", _iso(m.found))
                     .replace("%2", _iso(m.place or "—")).replace("%3", _iso(m.term))
                     .replace("%4", _tr(_WHY.get(m.why, m.why))))
    if len(misses) > limit:
        lines.append(_tr("… and %1 more.").replace("%1", number(len(misses) - limit)))
    return "\n" + "\n".join(lines)


class Worker(QThread):
    """Runs ``job(study)`` on a Study of its own (``job()`` when ``folder`` is None: the job
    opens what it needs itself); says ``done(message)`` or ``failed(message)``."""
    done = Signal(str)
    failed = Signal(str)

    def __init__(self, folder: Path | None, job, parent=None):
        super().__init__(parent)
        self.folder, self.job = folder, job

    def run(self) -> None:
        from codebook.study import Study

        try:
            if self.folder is None:
                self.done.emit(self.job())
                return
            with Study.open(self.folder) as study:
                self.done.emit(self.job(study))
        except (StudyError, TranscribeError) as exc:
            self.failed.emit(worded(exc))
        except Exception as exc:  # noqa: BLE001 - show any failure rather than die silently
            self.failed.emit(f"{type(exc).__name__}: {exc}")


class JobDialog(QDialog):
    """The shared frame: a form, a status line, a busy bar, Run and Close."""

    def __init__(self, ctx, parent, run_label: str):
        super().__init__(parent)
        self.ctx = ctx
        self.worker: Worker | None = None
        self.form = QFormLayout()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.run_button = self.buttons.addButton(run_label, QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def file_row(self, browse) -> QLineEdit:
        edit = QLineEdit(self)
        # a path reads left to right, in a Persian window too (its folders would otherwise swap ends)
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        button = QPushButton(QCoreApplication.translate("_JobDialog", "Choose…"), self)
        button.clicked.connect(browse)
        row = QWidget(self)
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(edit, 1)
        h.addWidget(button)
        self.form.addRow(QCoreApplication.translate("_JobDialog", "File"), row)
        return edit

    def launch(self, job, folder: Path | None = None) -> None:
        """Run ``job(study)`` off the GUI thread on a Study of its own (the open one, or at ``folder``)."""
        self._start(Worker(folder or self.ctx.study.folder, job, self))

    def launch_alone(self, job) -> None:
        """Run ``job()`` off the GUI thread; it opens (or creates) what it needs itself."""
        self._start(Worker(None, job, self))

    def _start(self, worker: Worker) -> None:
        self.run_button.setEnabled(False)
        self.busy.show()
        self.status.setText(QCoreApplication.translate("_JobDialog", "Working…"))
        self.worker = worker
        self.worker.done.connect(self.finished_ok)
        self.worker.failed.connect(self.library_failed)
        self.worker.start()

    def finished_ok(self, message: str) -> None:
        self.busy.hide()
        self.run_button.setEnabled(True)
        self.status.setStyleSheet("")
        self.status.setText(message)
        self.fit_height()

    def finished_bad(self, message: str) -> None:
        self.busy.hide()
        self.run_button.setEnabled(True)
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(message)
        self.fit_height()

    def fit_height(self) -> None:
        """Grow to show the whole (wrapped) status message."""
        layout = self.layout()
        layout.activate()
        needed = layout.heightForWidth(self.width()) if layout.hasHeightForWidth() else layout.sizeHint().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def library_failed(self, message: str) -> None:
        """A failure worded by the library (in English): in the Persian UI under a Persian headline."""
        if current_language() == "fa":
            message = _tr("It was not done. The details:") + "\n" + message
        self.finished_bad(message)

    def wait_done(self, ms: int = 60000) -> bool:
        return self.worker.wait(ms) if self.worker else True

    def reject(self) -> None:
        if self.worker and self.worker.isRunning():
            self.status.setText(QCoreApplication.translate("_JobDialog", "Please wait until the work in progress ends."))
            return
        super().reject()
