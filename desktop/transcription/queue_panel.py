"""The study queue under the interviews list: one progress bar for the whole queue, the interview in
hand, audio hours done and left, the time left; the queued interviews to reorder or take out; pause,
resume, cancel. When a speech server is in use it says plainly that the audio leaves the computer."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from codebook.dates import digits
from desktop.i18n import current_language
from desktop.icons import icon
from desktop.transcription.study_queue import StudyQueueRunner


def hours(seconds: float, lang: str) -> str:
    """Audio hours as a person reads them: "1.25" (Persian digits in Persian)."""
    return digits(f"{max(0.0, seconds) / 3600:.2f}", lang)


def clock(seconds: float, lang: str) -> str:
    """A time left: "2 h 05 min", "12 min", "under a minute"."""
    minutes = round(max(0.0, seconds) / 60)
    h, m = divmod(minutes, 60)
    return digits(f"{h}:{m:02d}", lang)


class QueuePanel(QWidget):
    def __init__(self, ctx, runner: StudyQueueRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.runner = ctx, runner
        self.title = QLabel()
        self.title.setObjectName("queueTitle")
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self.notice.setObjectName("serverNotice")
        self.notice.setStyleSheet("color: #8a4b00; font-weight: bold;")
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.detail = QLabel()
        self.detail.setWordWrap(True)
        self.items = QListWidget()
        self.items.setMaximumHeight(110)
        self.up = QPushButton(icon("up"), self.tr("Earlier"))
        self.down = QPushButton(icon("down"), self.tr("Later"))
        self.take_out = QPushButton(self.tr("Take out"))
        self.pause = QPushButton(self.tr("Pause"))
        self.cancel = QPushButton(self.tr("Cancel queue"))
        self.up.clicked.connect(lambda: self._move(-1))
        self.down.clicked.connect(lambda: self._move(1))
        self.take_out.clicked.connect(self._take_out)
        self.pause.clicked.connect(self._pause_or_resume)
        self.cancel.clicked.connect(self._cancel)
        buttons = QHBoxLayout()
        for b in (self.up, self.down, self.take_out):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.pause)
        buttons.addWidget(self.cancel)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.notice)
        layout.addWidget(self.bar)
        layout.addWidget(self.detail)
        layout.addWidget(self.items)
        layout.addLayout(buttons)
        runner.progress.connect(self._progress)
        runner.state_changed.connect(self.refresh)
        runner.stopped.connect(self._stopped)
        self.refresh()

    # -- what it shows ------------------------------------------------------------------

    def _name(self, interview_id: int) -> str:
        try:
            iv = self.ctx.study.interviews.get(interview_id)
        except Exception:  # deleted meanwhile
            return digits(f"#{interview_id}", current_language())
        return iv.title or digits(f"#{iv.id}", current_language())

    def refresh(self) -> None:
        """Read the queue again (from the study: the worker or another process may have changed it)."""
        queued = self.runner.queued()
        running = self.runner.is_running()
        self.setVisible(bool(queued) or running)
        selected = self.items.currentItem().data(Qt.ItemDataRole.UserRole) if self.items.currentItem() else None
        self.items.clear()
        in_hand = set(self.runner.last.get("in_hand", [])) if running else set()
        for iid in queued:
            item = QListWidgetItem(self._name(iid))
            item.setData(Qt.ItemDataRole.UserRole, iid)
            if iid in in_hand:  # the interview in hand: the transcribe icon, in bold
                item.setIcon(icon("transcribe"))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.items.addItem(item)
            if iid == selected:
                self.items.setCurrentItem(item)
        from desktop.transcription.server_settings import load

        server = load()
        on_server = self.runner.server_in_use if running else server.in_use
        self.notice.setVisible(on_server)
        if on_server:
            self.notice.setText(self.tr("The audio of these interviews is sent to the speech server %1: it leaves "
                                        "this computer.").replace("%1", "\u2068" + server.url + "\u2069"))
        self.pause.setText(self.tr("Pause") if running else self.tr("Resume"))
        lang = current_language()
        count = digits(str(len(queued)), lang)
        self.title.setText(self.tr("Transcription queue: %1 interviews").replace("%1", count) if running else
                           self.tr("Transcription queue (paused): %1 interviews").replace("%1", count))
        if not running:
            self.detail.setText(self.tr("Paused. Resume goes on where it stopped."))

    def _progress(self, q: dict) -> None:
        lang = current_language()
        total, done = float(q.get("audio_s", 0)), float(q.get("audio_done_s", 0))
        self.bar.setValue(round(1000 * done / total) if total > 0 else 0)
        hand = ["\u2068" + self._name(int(i)) + "\u2069" for i in q.get("in_hand", [])]  # isolated: any script
        parts = []
        if hand:
            parts.append(self.tr("Now: %1").replace("%1", "، ".join(hand) if lang == "fa" else ", ".join(hand)))
        parts.append(self.tr("%1 of %2 interviews done").replace("%1", digits(str(q.get("done", 0)), lang))
                     .replace("%2", digits(str(q.get("count", 0)), lang)))
        parts.append(self.tr("%1 h of audio done, %2 h left").replace("%1", hours(done, lang))
                     .replace("%2", hours(total - done, lang)))
        eta = float(q.get("eta", -1))
        parts.append(self.tr("about %1 left (h:min)").replace("%1", clock(eta, lang)) if eta >= 0
                     else self.tr("estimating the time left…"))
        self.detail.setText(" · ".join(parts) if lang != "fa" else "؛ ".join(parts))
        shown = {self.items.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.items.count())
                 if self.items.item(i).font().bold()}
        if set(q.get("in_hand", [])) != shown:
            self.refresh()

    def _stopped(self, message: str) -> None:
        self.pause.setEnabled(True)
        self.refresh()
        if message:
            QMessageBox.warning(self, self.tr("Transcription queue stopped"), message)

    # -- what it does ----------------------------------------------------------------------

    def _move(self, step: int) -> None:
        row = self.items.currentRow()
        ids = [self.items.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.items.count())]
        if row < 0 or not 0 <= row + step < len(ids):
            return
        ids[row], ids[row + step] = ids[row + step], ids[row]
        self.runner.set_order(ids)
        self.items.setCurrentRow(row + step)

    def _take_out(self) -> None:
        item = self.items.currentItem()
        if item is not None:
            self.runner.remove(item.data(Qt.ItemDataRole.UserRole))

    def _pause_or_resume(self) -> None:
        if self.runner.is_running():
            self.pause.setEnabled(False)
            self.runner.pause()
        else:
            self.runner.start()

    def _cancel(self) -> None:
        self.runner.cancel()
