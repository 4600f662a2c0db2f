"""Compare models: each installed model re-transcribes the study's checked segments; WER, CER, speed.

The work is ``mosahebeh models compare --study P --progress-json`` in a worker
process (:class:`desktop.transcription.model_jobs.CliJob`), with a progress
bar and Cancel; the table fills when it is done. Nothing is written to the study.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QAbstractItemView, QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
                               QListWidget, QListWidgetItem, QProgressBar, QPushButton, QSpinBox, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)


def _digits(text: str) -> str:
    """ASCII digits (and %) in Persian in the Persian UI."""
    from codebook.dates import digits
    from desktop.i18n import current_language
    lang = current_language()
    return digits(text.replace("%", "\u066a") if lang == "fa" else text, lang)


class CompareModelsDialog(QDialog):
    def __init__(self, study_folder: str | Path, parent: QWidget | None = None):
        super().__init__(parent)
        from codebook import Study
        from codebook.compare_models import checked_clips
        from transcribe.installed import installed

        self.study_folder = Path(study_folder)
        self.job = None
        self.result: dict | None = None
        self.setWindowTitle(self.tr("Compare models on your checked segments"))
        with Study.open(self.study_folder) as study:
            self.available = len(checked_clips(study))
        intro = QLabel(self.tr("Each chosen model transcribes the audio of the segments you marked checked "
                               "again; its text is compared with your corrected text. The shortest segments "
                               "are taken first."))
        intro.setWordWrap(True)
        self.models = QListWidget()
        for m in installed():
            item = QListWidgetItem(self.tr("Bundled Whisper base") if m.bundled else m.name)
            item.setData(Qt.ItemDataRole.UserRole, m.name)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.models.addItem(item)
        self.models.setMaximumHeight(110)
        self.segments = QSpinBox()
        self.segments.setRange(1, max(self.available, 1))
        self.segments.setValue(min(self.available, 20) or 1)
        count = QHBoxLayout()
        count.addWidget(QLabel(self.tr("Checked segments to use:")))
        count.addWidget(self.segments)
        count.addWidget(QLabel(_digits(self.tr("of {0}").format(self.available))))
        count.addStretch(1)
        self.start = QPushButton(self.tr("Compare"))
        self.cancel = QPushButton(self.tr("Cancel"))
        self.cancel.setEnabled(False)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        row = QHBoxLayout()
        row.addWidget(self.start)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.table = QTableWidget(0, 4)
        self.table.setHorizontalHeaderLabels([self.tr("Model"), self.tr("WER"), self.tr("CER"),
                                              self.tr("Speed (× real time)")])
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.models)
        layout.addLayout(count)
        layout.addLayout(row)
        layout.addWidget(self.status)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(560, 460)
        if not self.available:
            self.start.setEnabled(False)
            self.status.setText(self.tr("No checked segments with audio yet: correct a few segments and mark "
                                        "them checked, then compare."))
        self.start.clicked.connect(self.run)
        self.cancel.clicked.connect(self.stop)

    def chosen(self) -> list[str]:
        return [self.models.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.models.count())
                if self.models.item(i).checkState() == Qt.CheckState.Checked]

    def run(self) -> None:
        from desktop.transcription.model_jobs import CliJob

        models = self.chosen()
        if not models:
            self.status.setText(self.tr("Choose at least one model."))
            return
        self.result = None
        self.job = CliJob(["models", "compare", "--study", str(self.study_folder), "--segments",
                           str(self.segments.value()), "--models", *models], self)
        self.job.message.connect(self._message)
        self.job.finished.connect(self._done)
        self.start.setEnabled(False)
        self.cancel.setEnabled(True)
        self.bar.setValue(0)
        self.status.setText(self.tr("Loading the first model…"))
        self.job.start()

    def stop(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _message(self, data: dict) -> None:
        if "progress" in data:
            self.bar.setValue(int(1000 * float(data["progress"])))
            name = data.get("model", "")
            shown = self.tr("Bundled Whisper base") if name == "bundled" else name
            self.status.setText(self.tr("Transcribing with {0}…").format(shown))
        elif "comparison" in data:
            self.result = data["comparison"]

    def _done(self, ok: bool, error: str) -> None:
        cancelled = self.job is not None and self.job.cancelled
        self.job = None
        self.start.setEnabled(True)
        self.cancel.setEnabled(False)
        if cancelled:
            self.status.setText(self.tr("Cancelled."))
            return
        if not ok or self.result is None:
            self.status.setText(error)
            return
        self.bar.setValue(1000)
        self.show_result(self.result)

    def show_result(self, result: dict) -> None:
        self.status.setText(_digits(self.tr("{0} checked segments, {1} seconds of audio. Lower WER and CER "
                                            "are better.").format(result["segments"],
                                                                  round(result["audio_seconds"]))))
        models = sorted(result["models"], key=lambda m: (m["wer"] is None, m["wer"] or 0))
        self.table.setRowCount(len(models))
        for row, m in enumerate(models):
            name = self.tr("Bundled Whisper base") if m["model"] == "bundled" else m["model"]
            if m["error"]:
                cells = [name, "–", "–", "–"]
            else:
                cells = [name, _digits(f"{m['wer'] * 100:.1f}%"), _digits(f"{m['cer'] * 100:.1f}%"),
                         _digits(f"{m['speed']:.2f}×")]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if m["error"]:
                    item.setToolTip(m["error"])
                if col:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()

    def done(self, code: int) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job.wait(10_000)
        super().done(code)
