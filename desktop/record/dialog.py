"""Recording an interview in the app: :class:`RecordDialog`, plus
:func:`offer_recovery` (finish takes cut short) and :func:`import_audio`.

The recording runs off the GUI thread (PortAudio's callback thread and one
writer thread per source); a timer polls its status for the meters. Stop
finishes the take in a worker thread, then attaches it to the interview.
"""
from __future__ import annotations

import math
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QGridLayout,
                               QHBoxLayout, QHeaderView, QLabel, QListWidget, QMessageBox, QProgressBar, QPushButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from codebook.dates import digits
from codebook.errors import StudyError
from codebook.recording import attach_take, new_take_folder, pending_takes
from desktop.bidi import ltr_run, path_run, plain
from desktop.context import StudyContext
from desktop.i18n import current_language
from desktop.settings import Settings
from transcribe.errors import TranscribeError
from transcribe.recording import Recorder
from transcribe.recording import devices as devices_mod
from desktop.i18n import worded

SETTINGS = "recording/"
AUDIO_FILTER = "Audio and video (*.wav *.mp3 *.m4a *.aac *.ogg *.opus *.oga *.flac *.webm *.mp4 *.mkv *.mov);;All files (*)"


def _clock(seconds: float) -> str:
    """``mm:ss`` (``h:mm:ss`` past an hour), in Persian digits in the Persian UI."""
    m, s = divmod(int(seconds), 60)
    h, m = divmod(m, 60)
    return digits(f"{h}:{m:02d}:{s:02d}" if h else f"{m:02d}:{s:02d}", current_language())


class _Finisher(QObject):
    done = Signal(object, object)  # (FinishedTake or None, error text or None)


class RecordDialog(QDialog):
    """Record a call into interview ``interview_id`` of the open study."""

    # Tests replace these with fakes (same interface as the real ones).
    list_devices = staticmethod(devices_mod.list_devices)
    open_source = staticmethod(devices_mod.open_source)
    clock = None  # None: the recorder's default (time.monotonic)

    def __init__(self, ctx: StudyContext, interview_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.interview_id = ctx, interview_id
        self.recorder: Recorder | None = None
        self.interview = ctx.study.interviews.get(interview_id)
        self.setWindowTitle(self.tr("Record: %1").replace("%1", ctx.study.interviews.label(self.interview)))
        self.setMinimumSize(760, 520)
        self._finisher = _Finisher(self)
        self._finisher.done.connect(self._finished)
        self._build()
        self._load_devices()
        self._load_guide()
        self._timer = QTimer(self, interval=100, timeout=self._tick)
        ctx.changed.connect(lambda kind: kind == "guide" and not self.recorder and self._load_guide())

    # -- layout -----------------------------------------------------------------

    def _build(self) -> None:
        left = QVBoxLayout()
        form = QFormLayout()
        self.mic_box, self.remote_box = QComboBox(), QComboBox()
        form.addRow(self.tr("Microphone (interviewer):"), self.mic_box)
        form.addRow(self.tr("Other side of the call:"), self.remote_box)
        left.addLayout(form)
        self.hint = QLabel(wordWrap=True)
        left.addWidget(self.hint)
        meters = QGridLayout()
        self.meters = {}
        for row, (role, label) in enumerate((("mic", self.tr("Interviewer")), ("remote", self.tr("Remote party")))):
            bar = QProgressBar(minimum=0, maximum=60, textVisible=False)
            meters.addWidget(QLabel(label), row, 0)
            meters.addWidget(bar, row, 1)
            self.meters[role] = bar
        left.addLayout(meters)
        self.elapsed = QLabel(_clock(0), alignment=Qt.AlignCenter)
        font = self.elapsed.font()
        font.setPointSize(font.pointSize() * 3)
        self.elapsed.setFont(font)
        left.addWidget(self.elapsed)
        self.overflow_label = QLabel()
        self.problem_label = QLabel(wordWrap=True, styleSheet="color: #b00020;")
        left.addWidget(self.overflow_label)
        left.addWidget(self.problem_label)
        self.consent = QCheckBox(self.tr("The participant consented to this recording"))
        self.consent.setChecked(self.interview.consent)
        self.consent.toggled.connect(self._consent_toggled)
        left.addWidget(self.consent)
        buttons = QHBoxLayout()
        self.record_btn = QPushButton(self.tr("Record"), clicked=self.start)
        self.pause_btn = QPushButton(self.tr("Pause"), clicked=self.toggle_pause, enabled=False)
        self.mark_btn = QPushButton(self.tr("Mark (F8)"), clicked=lambda: self.mark(), enabled=False)
        self.stop_btn = QPushButton(self.tr("Stop"), clicked=self.stop, enabled=False)
        for b in (self.record_btn, self.pause_btn, self.mark_btn, self.stop_btn):
            buttons.addWidget(b)
        left.addLayout(buttons)
        QShortcut(QKeySequence(Qt.Key_F8), self, activated=lambda: self.mark())
        QShortcut(QKeySequence("Ctrl+M"), self, activated=lambda: self.mark())
        self.marks_list = QListWidget()
        left.addWidget(QLabel(self.tr("Marks:")))
        left.addWidget(self.marks_list)

        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Interview guide: click a question when you ask it")))
        self.guide = QTreeWidget(headerHidden=True, columnCount=2)
        self.guide.itemClicked.connect(self._question_clicked)
        self.guide.setWordWrap(True)
        header = self.guide.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeToContents)
        right.addWidget(self.guide)
        root = QHBoxLayout(self)
        root.addLayout(left, 3)
        root.addLayout(right, 2)

    def _load_devices(self) -> None:
        settings = Settings().q
        try:
            self.devices = self.list_devices()
        except TranscribeError as exc:
            self.devices = []
            self.problem_label.setText(worded(exc))
        self.mic_box.addItem(self.tr("(none)"), None)
        self.remote_box.addItem(self.tr("(none)"), None)
        for d in self.devices:
            label = d.name + (self.tr(" (what the computer plays)") if d.is_monitor else "")
            self.mic_box.addItem(label, d.name)
            self.remote_box.addItem(label, d.name)
        mic = settings.value(SETTINGS + "mic") or next((d.name for d in self.devices if d.default), None)
        remote = settings.value(SETTINGS + "remote") or next((d.name for d in self.devices if d.is_monitor), None)
        for box, name in ((self.mic_box, mic), (self.remote_box, remote)):
            i = box.findData(name)
            box.setCurrentIndex(i if i >= 0 else 0)
        hint = devices_mod.loopback_hint()
        if not self.devices:
            self.record_btn.setEnabled(False)
            self.problem_label.setText(self.problem_label.text() or self.tr(
                "No audio input found: connect a microphone (or start PulseAudio/PipeWire) and open this window again."))
        self.hint.setText(hint)

    def _load_guide(self) -> None:
        self.guide.clear()
        items = {}
        for q in self.ctx.study.guide.list():
            parent = items.get(q.parent_id)
            shown = ltr_run(q.text, current_language())  # a Latin question keeps its «?» at its end
            item = QTreeWidgetItem([shown, ""]) if parent is None else QTreeWidgetItem(parent, [shown, ""])
            if parent is None:
                self.guide.addTopLevelItem(item)
            item.setData(0, Qt.UserRole, q.id)
            items[q.id] = item
        self.guide.expandAll()

    # -- recording ----------------------------------------------------------------

    def start(self) -> None:
        mic, remote = self.mic_box.currentData(), self.remote_box.currentData()
        if mic is None and remote is None:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose a microphone or the other side of the call."))
            return
        if mic is not None and mic == remote:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Choose two different inputs."))
            return
        settings = Settings().q
        settings.setValue(SETTINGS + "mic", mic or "")
        settings.setValue(SETTINGS + "remote", remote or "")
        try:
            sources = [self.open_source(name, role, devices=self.devices)
                       for name, role in ((mic, "mic"), (remote, "remote")) if name is not None]
            kw = {"clock": self.clock} if self.clock else {}
            self.recorder = Recorder(new_take_folder(self.ctx.study, self.interview_id), sources,
                                     interview_id=self.interview_id, **kw)
            self.recorder.start()
            self.recorder.set_consent(self.consent.isChecked())
        except (TranscribeError, StudyError) as exc:
            self.recorder = None
            QMessageBox.warning(self, self.windowTitle(), worded(exc))
            return
        for w in (self.mic_box, self.remote_box, self.record_btn):
            w.setEnabled(False)
        for w in (self.pause_btn, self.mark_btn, self.stop_btn):
            w.setEnabled(True)
        self._timer.start()

    def _tick(self) -> None:
        if not self.recorder:
            return
        st = self.recorder.status()
        self.elapsed.setText(_clock(st.elapsed) + (self.tr(" (paused)") if st.paused else ""))
        for role, bar in self.meters.items():
            level = st.levels.get(role, float("-inf"))
            bar.setValue(0 if math.isinf(level) else max(0, min(60, int(60 + level))))
        overflows = self.tr("Input overflows: %1").replace("%1", digits(str(st.overflows), current_language()))
        self.overflow_label.setText(overflows if st.overflows else "")
        self.problem_label.setText("\n".join(st.problems))
        if self.recorder.failed:
            self.stop()

    def toggle_pause(self) -> None:
        if not self.recorder:
            return
        if self.recorder.paused:
            self.recorder.resume()
            self.pause_btn.setText(self.tr("Pause"))
        else:
            self.recorder.pause()
            self.pause_btn.setText(self.tr("Resume"))

    def mark(self, label: str = "") -> None:
        """Drop a bookmark at the current moment (also F8 / Ctrl+M)."""
        if not self.recorder:
            return
        at = self._safe(lambda: self.recorder.mark(label))
        if at is not None:
            self.marks_list.addItem(self.tr("%1  mark").replace("%1", _clock(at)))

    def _question_clicked(self, item: QTreeWidgetItem, column: int = 0) -> None:
        if not self.recorder:
            return
        qid = item.data(0, Qt.UserRole)
        at = self._safe(lambda: self.recorder.mark_question(qid, plain(item.text(0))))
        if at is not None:
            item.setText(1, "✓ " + _clock(at))
            self.marks_list.addItem(f"{_clock(at)}  {item.text(0)}")

    def _consent_toggled(self, value: bool) -> None:
        if self.recorder:
            self._safe(lambda: self.recorder.set_consent(value))
        else:
            self.ctx.study.interviews.update(self.interview_id, consent=value)
            self.ctx.notify("interviews")

    def _safe(self, fn):
        try:
            return fn()
        except TranscribeError as exc:
            self.problem_label.setText(worded(exc))
            return None

    def stop(self) -> None:
        """Stop and finish the take off the GUI thread; then attach it."""
        if not self.recorder or not self.stop_btn.isEnabled():
            return
        self._timer.stop()
        for w in (self.pause_btn, self.mark_btn, self.stop_btn, self.consent):
            w.setEnabled(False)
        self.elapsed.setText(self.tr("Saving…"))
        recorder = self.recorder

        def work():
            try:
                self._finisher.done.emit(recorder.stop(), None)
            except TranscribeError as exc:
                self._finisher.done.emit(None, worded(exc))
        threading.Thread(target=work, daemon=True, name="finish-take").start()

    def _finished(self, result, error: str | None) -> None:
        take = self.recorder.take
        self.recorder = None
        if error is None:
            try:
                attach_take(self.ctx.study, take)
            except (StudyError, TranscribeError) as exc:
                error = worded(exc)
        self.ctx.notify("interviews")
        self.ctx.notify("marks")
        if error:
            self.elapsed.setText(self.tr("Not saved"))
            QMessageBox.warning(self, self.windowTitle(), error)
            return
        self.elapsed.setText(self.tr("Saved: %1").replace("%1", _clock(result.duration_ms / 1000)))
        self.accept()

    @property
    def finishing(self) -> bool:
        return self.recorder is not None and not self.stop_btn.isEnabled()

    def closeEvent(self, event) -> None:
        if self.recorder and self.stop_btn.isEnabled():
            answer = QMessageBox.question(self, self.windowTitle(), self.tr("Stop the recording and save it?"))
            if answer == QMessageBox.Yes:
                self.stop()
            event.ignore()
            return
        if self.finishing:
            event.ignore()
            return
        super().closeEvent(event)

    def reject(self) -> None:
        if self.recorder:
            self.close()
        else:
            super().reject()


def offer_recovery(ctx: StudyContext, parent: QWidget | None = None) -> None:
    """If recordings of this study were cut short, offer to finish them (call when a study opens)."""
    takes = pending_takes(ctx.study)
    if not takes:
        return
    title = QApplication.translate("RecordDialog", "Unfinished recordings")
    text = QApplication.translate("RecordDialog", "%n recording(s) were cut short (the app closed during a call). "
                                  "Finish them now and attach them to their interviews?", "", len(takes))
    if QMessageBox.question(parent, title, text) != QMessageBox.Yes:
        return
    errors = []
    QApplication.setOverrideCursor(Qt.WaitCursor)
    try:
        for take in takes:
            try:
                attach_take(ctx.study, take)
            except (StudyError, TranscribeError) as exc:
                errors.append(worded(exc))
    finally:
        QApplication.restoreOverrideCursor()
    ctx.notify("interviews")
    ctx.notify("marks")
    if errors:
        QMessageBox.warning(parent, title, "\n\n".join(errors))


def import_audio(ctx: StudyContext, interview_id: int, parent: QWidget | None = None, path: str | None = None) -> bool:
    """Choose an audio (or video) file and attach it to the interview. False if cancelled or unreadable."""
    from transcribe.audio import probe_duration_ms

    title = QApplication.translate("RecordDialog", "Import audio")
    if path is None:
        path, _ = QFileDialog.getOpenFileName(parent, title, str(Path.home()),
                                              QApplication.translate("RecordDialog", AUDIO_FILTER))
        if not path:
            return False
    try:
        duration = probe_duration_ms(path)
        if duration <= 0:
            raise StudyError(QApplication.translate("RecordDialog", "%1 holds no audio.").replace(
                "%1", path_run(Path(path).name, current_language())))
        ctx.study.interviews.attach_audio(interview_id, path, duration_ms=duration)
    except (StudyError, TranscribeError) as exc:
        QMessageBox.warning(parent, title, worded(exc))
        return False
    ctx.notify("interviews")
    return True
