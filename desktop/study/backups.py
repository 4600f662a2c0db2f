"""The study's automatic backups in the window: a copy made off the GUI thread when the
study opens (:func:`codebook.backups.backup_if_due`), and File › Backups…, which lists
the copies, makes one now, and asks the main window to restore one."""
from __future__ import annotations

import functools

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout)

from codebook import backups
from codebook.dates import digits, format_date
from codebook.errors import StudyError
from desktop.i18n import current_language
from desktop.i18n import worded


def made_at(copy: backups.Backup, lang: str) -> str:
    """When a copy was made, as the lists write dates (Jalali in Persian) with the time."""
    return f"{format_date(copy.made.date().isoformat(), lang)}  {digits(copy.made.strftime('%H:%M'), lang)}"


def _tr(text: str) -> str:
    return QCoreApplication.translate("Backups", text)


def offer_restore(parent, folder, problem: str):
    """A study that will not open (``problem`` says why) but has backups: offer to put the newest back
    and open it. Returns the opened :class:`codebook.Study`, or None (no backups, declined, or failed)."""
    from codebook import Study

    copies = backups.backups(folder)
    if not copies:
        return None
    newest = copies[0]
    when = made_at(newest, current_language())
    answer = QMessageBox.question(parent, _tr("Open study"), problem + "\n\n" + _tr(
        "The study has backups. Put the newest, of %1, back in its place and open it? The file that would not "
        "open is kept in the backups folder.").replace("%1", when))
    if answer != QMessageBox.StandardButton.Yes:
        return None
    try:
        backups.restore(folder, newest.path)
        return Study.open(folder)
    except StudyError as exc:
        QMessageBox.warning(parent, _tr("Open study"), worded(exc))
        return None


def _run(folder, signals: "BackupJob") -> None:
    """In the pool: a copy if one is due; the outcome goes back by a queued signal."""
    try:
        outcome = backups.backup_if_due(folder)
    except StudyError as exc:
        outcome = exc
    try:
        signals.finished.emit(outcome)
    except RuntimeError:  # the window went meanwhile
        pass


class BackupJob(QObject):
    """``start(folder)``: the daily copy off the GUI thread; ``finished(Backup | None | StudyError)``."""

    finished = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)

    def start(self, folder) -> None:
        self._pool.start(functools.partial(_run, folder, self))

    def wait(self, ms: int = 30000) -> bool:
        """Wait for a copy under way (before the study closes)."""
        return self._pool.waitForDone(ms)


class BackupsDialog(QDialog):
    """The copies, newest first: make one now, open the folder, or restore one."""

    restoreRequested = Signal(str)  # the copy's path; the main window closes the study and restores

    def __init__(self, folder, parent=None):
        super().__init__(parent)
        self.folder = folder
        self.setWindowTitle(self.tr("Backups"))
        about = QLabel(self.tr("A copy of the study's database is made when the study is opened and the newest "
                               "copy is a day old, and before an upgrade; the newest %1 are kept in the study's "
                               "backups folder. Recordings are not copied: they never change.")
                       .replace("%1", digits(str(backups.KEEP), current_language())))
        about.setWordWrap(True)
        self.table = QTableWidget(0, 3, self)
        self.table.setHorizontalHeaderLabels([self.tr("Made"), self.tr("Why"), self.tr("Size")])
        self.table.verticalHeader().setVisible(False)
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.status = QLabel(self)
        now = QPushButton(self.tr("Back up now"))
        now.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Restore…"))
        self.restore_button.clicked.connect(self.restore)
        show = QPushButton(self.tr("Open the folder"))
        show.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder / backups.FOLDER))))
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for b in (now, self.restore_button, show):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self.resize(560, 360)
        self.reload()

    def why(self, reason: str) -> str:
        return {"daily": self.tr("daily"), "upgrade": self.tr("before an upgrade"),
                "restore": self.tr("before a restore"), "manual": self.tr("made by hand")}.get(reason, reason)

    def reload(self) -> None:
        lang = current_language()
        self.copies = backups.backups(self.folder)
        self.table.setRowCount(len(self.copies))
        for r, b in enumerate(self.copies):
            when = made_at(b, lang)
            size = self.tr("%1 MB").replace("%1", self.locale().toString(b.size / 1e6, "f", 1))
            for c, text in enumerate((when, self.why(b.why), size)):
                item = QTableWidgetItem(text)
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(r, c, item)
        if self.copies:
            self.table.selectRow(0)
        self.restore_button.setEnabled(bool(self.copies))

    def back_up_now(self) -> None:
        try:
            backups.make_backup(self.folder)
        except StudyError as exc:
            self.status.setText(worded(exc))
            return
        self.status.setText(self.tr("A copy was made."))
        self.reload()

    def restore(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return
        copy = self.copies[rows[0].row()]
        when = self.table.item(rows[0].row(), 0).text()
        answer = QMessageBox.question(self, self.tr("Restore a backup"), self.tr(
            "Put the copy of %1 back in place of the study? The study closes and opens again as it was then; "
            "its present state is kept as one more copy, so this can be undone by restoring that.").replace("%1", when))
        if answer == QMessageBox.StandardButton.Yes:
            self.accept()
            self.restoreRequested.emit(str(copy.path))
