"""Settings → Models: the models on this computer, the ones recommended for Persian, how they run.

* installed models with their size and the one in use; Use, Remove, Add from
  file (a .zip/.tar, the offline way in), Add folder (linked);
* the recommended models with download size, memory, speed and published
  Persian WER; Fetch (a worker process: bytes, ETA, Cancel; resumable), from
  the hub or a mirror (HF_ENDPOINT) and through a proxy if set;
* where it runs: automatic, CPU (threads) or CUDA; the compute type; the
  estimated time for the study's interviews not yet transcribed;
* the language of the interviews, and "Compare models…" on the checked segments.

The model in use and the device are kept by :mod:`transcribe.installed` (read by
the worker processes and the ``mosahebeh`` command); the language, mirror and
proxy in the app's :class:`desktop.settings.Settings`. Nothing goes online
unless the user presses Fetch.
"""
from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QFileDialog, QFormLayout, QFrame, QGroupBox,
                               QHBoxLayout, QHeaderView, QLabel, QLineEdit, QMessageBox, QProgressBar, QPushButton,
                               QScrollArea, QSpinBox, QTabWidget, QTableWidget, QTableWidgetItem, QVBoxLayout,
                               QWidget)

from desktop.bidi import path_run
from desktop.i18n import current_language, worded

LANGUAGES = ("fa", "auto", "en", "ar", "ku", "az", "tr")


def _settings():
    from desktop.settings import Settings
    return Settings().q


def stored_model() -> str | None:
    """The model in use (None: the bundled model)."""
    from transcribe.installed import selected_model
    return selected_model()


def stored_language() -> str:
    return str(_settings().value("transcription/language", "fa") or "fa")


def _digits(text: str) -> str:
    """ASCII digits (and %) in Persian in the Persian UI."""
    from codebook.dates import digits
    from desktop.i18n import current_language
    lang = current_language()
    return digits(text.replace("%", "\u066a") if lang == "fa" else text, lang)


class ModelSettingsWidget(QWidget):
    changed = Signal()
    DEVICES = {"auto": QT_TRANSLATE_NOOP("ModelSettingsWidget", "Automatic"),
               "cpu": QT_TRANSLATE_NOOP("ModelSettingsWidget", "CPU"),
               "cuda": QT_TRANSLATE_NOOP("ModelSettingsWidget", "graphics card (CUDA)")}
    COMPUTE = {"int8": QT_TRANSLATE_NOOP("ModelSettingsWidget", "8-bit integers"),
               "int8_float32": QT_TRANSLATE_NOOP("ModelSettingsWidget", "8-bit integers, 32-bit floats"),
               "float16": QT_TRANSLATE_NOOP("ModelSettingsWidget", "16-bit floats"),
               "int8_float16": QT_TRANSLATE_NOOP("ModelSettingsWidget", "8-bit integers with 16-bit floats"),
               "float32": QT_TRANSLATE_NOOP("ModelSettingsWidget", "32-bit floats")}
    UNITS = {"GB": QT_TRANSLATE_NOOP("ModelSettingsWidget", "GB"), "MB": QT_TRANSLATE_NOOP("ModelSettingsWidget", "MB"),
             "kB": QT_TRANSLATE_NOOP("ModelSettingsWidget", "kB"), "B": QT_TRANSLATE_NOOP("ModelSettingsWidget", "bytes")}

    def __init__(self, parent: QWidget | None = None, study_folder: str | os.PathLike | None = None):
        super().__init__(parent)
        from desktop.i18n import current_language

        self.study_folder = Path(study_folder) if study_folder else _study_of(parent)
        self.job = None

        # -- installed ---------------------------------------------------------------------
        here = QGroupBox(self.tr("Models on this computer"))
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Model"), self.tr("Size"), self.tr("In use")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.setMaximumHeight(150)
        self.use_button = QPushButton(self.tr("Use"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.add_file = QPushButton(self.tr("Add from file…"))
        self.add_folder = QPushButton(self.tr("Add folder…"))
        self.compare = QPushButton(self.tr("Compare models…"))
        self.compare.setToolTip(self.tr("Transcribe the checked segments of this study again with each model "
                                        "and show WER, CER and speed"))
        buttons = QHBoxLayout()
        for b in (self.use_button, self.remove_button, self.add_file, self.add_folder):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.compare)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a33;")
        box = QVBoxLayout(here)
        box.addWidget(self.table)
        box.addLayout(buttons)
        box.addWidget(self.hint)
        box.addWidget(self.problem)

        # -- recommended ---------------------------------------------------------------------
        rec = QGroupBox(self.tr("Recommended for Persian"))
        self.catalog = QTableWidget(0, 6)
        self.catalog.setHorizontalHeaderLabels([self.tr("Model"), self.tr("Download"), self.tr("Memory (CPU / GPU)"),
                                                self.tr("Speed (CPU / GPU)"), self.tr("Published WER"),
                                                self.tr("Source")])
        self.catalog.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.catalog.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.catalog.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.catalog.verticalHeader().hide()
        # Every column resizable, long cells wrapped, and a horizontal scroll bar where the dialog is
        # narrow: the WER column stretched off the edge of a 518-pixel dialog and could not be seen.
        self.catalog.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.catalog.horizontalHeader().setStretchLastSection(True)
        self.catalog.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.catalog.setTextElideMode(Qt.TextElideMode.ElideMiddle)  # a long source: all of it in the tooltip
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.mirror = QLineEdit(str(_settings().value("models/endpoint", "") or os.environ.get("HF_ENDPOINT", "")))
        self.mirror.setPlaceholderText("https://huggingface.co")
        self.proxy = QLineEdit(str(_settings().value("models/proxy", "") or ""))
        self.proxy.setPlaceholderText(self.tr("none"))
        for line in (self.mirror, self.proxy):
            line.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        net = QFormLayout()
        net.addRow(self.tr("Hub or mirror:"), self.mirror)
        net.addRow(self.tr("Proxy:"), self.proxy)
        self.fetch_button = QPushButton(self.tr("Fetch"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setEnabled(False)
        self.bar = QProgressBar()
        self.bar.setRange(0, 1000)
        self.bar.setTextVisible(False)
        self.fetch_status = QLabel()
        # A failed fetch says why in one long sentence: wrapped, it no longer widened the dialog off the screen.
        self.fetch_status.setWordWrap(True)
        self.fetch_status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.fetch_button)
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        box = QVBoxLayout(rec)
        box.addWidget(self.catalog, 1)
        box.addLayout(row)  # Fetch and what came of it right under the table, in view
        box.addWidget(self.fetch_status)
        box.addWidget(self.note)
        box.addLayout(net)

        # -- how it runs -----------------------------------------------------------------------
        runs = QGroupBox(self.tr("How it runs"))
        from transcribe.models import device_choices

        self.choices = device_choices()
        self.device = QComboBox()
        for key in ("auto", *self.choices):
            self.device.addItem(self.tr(self.DEVICES.get(key, key)), key)
        self.compute = QComboBox()
        self.threads = QSpinBox()
        self.threads.setRange(1, max(os.cpu_count() or 1, 1))
        self.estimate = QLabel()
        self.estimate.setWordWrap(True)
        self.language = QComboBox()
        names = {"fa": self.tr("Persian"), "auto": self.tr("Detect automatically"), "en": self.tr("English"),
                 "ar": self.tr("Arabic"), "ku": self.tr("Kurdish"), "az": self.tr("Azerbaijani"),
                 "tr": self.tr("Turkish")}
        for code in LANGUAGES:  # the code only in English: a Persian UI shows no Latin letters
            shown = names[code] if code == "auto" or current_language() == "fa" else f"{names[code]} ({code})"
            self.language.addItem(shown, code)
        self.language.setCurrentIndex(max(self.language.findData(stored_language()), 0))
        form = QFormLayout(runs)
        form.addRow(self.tr("Device:"), self.device)
        form.addRow(self.tr("Precision:"), self.compute)
        form.addRow(self.tr("CPU threads:"), self.threads)
        # accurate (beam search) by default; fast (greedy) as a named choice (transcribe.whisper.DECODES)
        self.decode = QComboBox()
        self.decode.addItem(self.tr("Accurate: beam search (the default)"), "accurate")
        self.decode.addItem(self.tr("Fast: greedy, about two thirds of the time"), "fast")
        form.addRow(self.tr("Decoding:"), self.decode)
        form.addRow(self.tr("Language of the interviews:"), self.language)
        form.addRow(self.estimate)

        # Three tabs keep the settings dialog the height of a laptop screen.
        # Each tab scrolls when its wrapped texts need more height than the screen gives the
        # dialog (a model's note, a failed fetch's message), rather than drawing over the table.
        self.tabs = QTabWidget()
        for page, title in ((here, self.tr("On this computer")), (rec, self.tr("Recommended for Persian")),
                            (runs, self.tr("How it runs"))):
            scroll = QScrollArea()
            scroll.setWidgetResizable(True)
            scroll.setFrameShape(QFrame.Shape.NoFrame)
            scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
            scroll.setWidget(page)
            self.tabs.addTab(scroll, title)
        self.rec_scroll = self.tabs.widget(1)
        for box in (here, rec, runs):
            box.setTitle("")
            box.setFlat(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)

        self._load_device()
        self.refresh()
        self._fill_catalog()
        self.table.itemSelectionChanged.connect(self._enable)
        self.catalog.itemSelectionChanged.connect(self._show_note)
        self.use_button.clicked.connect(self.use_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.add_file.clicked.connect(self._choose_file)
        self.add_folder.clicked.connect(self._choose_folder)
        self.fetch_button.clicked.connect(self.fetch_selected)
        self.cancel_button.clicked.connect(self.cancel_fetch)
        self.compare.clicked.connect(self.open_compare)
        self.device.currentIndexChanged.connect(lambda _: self._device_changed())
        self.compute.currentIndexChanged.connect(lambda _: self._save_device())
        self.threads.valueChanged.connect(lambda _: self._save_device())
        self.decode.currentIndexChanged.connect(lambda _: self._save_device())
        self.language.currentIndexChanged.connect(lambda _: self._save_language())
        self.mirror.editingFinished.connect(lambda: self._save_net())
        self.proxy.editingFinished.connect(lambda: self._save_net())

    # -- the installed models ----------------------------------------------------------------

    def size_text(self, size: int) -> str:
        from transcribe.models import format_size

        number, _, unit = format_size(size).partition(" ")
        return _digits(f"{number} {self.tr(self.UNITS.get(unit, unit))}")

    def refresh(self) -> None:
        """Fill the installed table from the models folder (nothing goes online)."""
        from transcribe.installed import installed, offline_hint, selected_model

        self.models = installed()
        chosen = selected_model() or "bundled"
        self.table.setRowCount(len(self.models))
        for row, m in enumerate(self.models):
            name = self.tr("Bundled Whisper base") if m.bundled else m.name
            cells = [name, self.size_text(m.size_bytes), self.tr("in use") if m.name == chosen else ""]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, m.name)
                if col == 0 and not m.bundled:
                    item.setToolTip(str(m.path))
                self.table.setItem(row, col, item)
            if m.name == chosen:
                select_row(self.table, row)
        self.table.resizeColumnsToContents()
        only_bundled = all(m.bundled for m in self.models)
        self.hint.setText(self.tr("Only the bundled model is here, and it is weak in Persian. Without internet, "
                                  "copy a model's folder (or a .zip of it) from another computer and press "
                                  "Add from file; models live in {0}").format(path_run(_models_dir(), current_language()))
                          if only_bundled else "")
        self.hint.setVisible(only_bundled)
        self.problem.setText(self.tr("The model chosen before is no longer here: the bundled model is used.")
                             if chosen not in {m.name for m in self.models} else "")
        self._enable()
        self._update_estimate()

    def selected_name(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.table.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole) if rows else None

    def _enable(self) -> None:
        name = self.selected_name()
        self.use_button.setEnabled(name is not None)
        self.remove_button.setEnabled(name not in (None, "bundled"))
        self.compare.setEnabled(self.study_folder is not None and len(self.models) >= 1)

    def use_selected(self) -> None:
        from transcribe.installed import select

        name = self.selected_name()
        if name is not None:
            select(None if name == "bundled" else name)
            self.refresh()
            self.changed.emit()

    def remove_selected(self) -> None:
        from transcribe.errors import TranscribeError
        from transcribe.installed import remove

        name = self.selected_name()
        if name in (None, "bundled"):
            return
        answer = QMessageBox.question(self, self.tr("Remove model"),
                                      self.tr("Delete the model {0} from this computer?").format(name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            remove(name)
        except TranscribeError as exc:
            self.problem.setText(worded(exc))
        self.refresh()
        self.changed.emit()

    def add_path(self, path: str, link: bool = False) -> bool:
        """Add a model from ``path`` (folder or archive) and use it; errors are shown, not raised."""
        from transcribe.errors import TranscribeError
        from transcribe.installed import add_model, select

        try:
            model = add_model(path, link=link)
            select(model.name)
        except TranscribeError as exc:
            self.refresh()
            self.problem.setText(worded(exc))
            return False
        self.refresh()
        self.changed.emit()
        return True

    def _choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Add a model from a file"), str(Path.home()),
                                              self.tr("Model archives (*.zip *.tar *.tar.gz *.tgz *.tar.xz)"))
        if path:
            self.add_path(path)

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a CTranslate2 Whisper model folder"),
                                                  str(Path.home()))
        if folder:
            self.add_path(folder, link=True)

    # -- recommended and fetching ---------------------------------------------------------

    def _fill_catalog(self) -> None:
        from transcribe.catalog import RECOMMENDED

        self.catalog.setRowCount(len(RECOMMENDED))
        for row, m in enumerate(RECOMMENDED):
            gb = self.tr("GB")
            wer = (_digits(f"{m.wer[0][1]:.1f}%") + f" ({m.wer[0][0]})") if m.wer else self.tr("not published")
            cells = [m.key, self.size_text(m.download_bytes),
                     _digits(f"{m.memory_cpu_gb:g} / {m.memory_gpu_gb:g} {gb}"),
                     _digits(f"{m.speed_cpu:g}× / {m.speed_gpu:g}×"), wer, m.source or "—"]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, m.key)
                if col == 5:
                    item.setToolTip(m.source)
                self.catalog.setItem(row, col, item)
        self.catalog.resizeColumnsToContents()
        self.catalog.setColumnWidth(5, min(self.catalog.columnWidth(5), 280))  # long sources: whole in the tooltip and the note
        self.catalog.setMinimumHeight(150)

    @staticmethod
    def _fa() -> bool:
        from desktop.i18n import current_language
        return current_language() == "fa"

    def _show_note(self) -> None:
        from transcribe.catalog import recommended

        rows = self.catalog.selectionModel().selectedRows()
        entry = recommended(self.catalog.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)) if rows else None
        if entry is None:
            self.note.setText("")
            return
        text = self.tr(entry.note)
        if entry.wer:
            text += " " + self.tr("Published WER:") + " " + "; ".join(
                _digits(f"{w:.1f}%") + f" ({test})" for test, w, _c in entry.wer) + "."
        if entry.source:
            text += " " + self.tr("Source: {0}").format(entry.source)
        if entry.needs_conversion:
            text += " " + self.tr("No CTranslate2 copy exists: convert it on a computer with transformers "
                                  "installed, then add the folder: {0}").format(entry.convert_command)
        self.note.setText(text)
        self.fetch_button.setEnabled(not entry.needs_conversion and self.job is None)

    def _save_net(self) -> None:
        s = _settings()
        s.setValue("models/endpoint", self.mirror.text().strip())
        s.setValue("models/proxy", self.proxy.text().strip())
        s.sync()

    def fetch_selected(self, name: str | None = None) -> None:
        from desktop.transcription.model_jobs import CliJob

        if not name:
            rows = self.catalog.selectionModel().selectedRows()
            if not rows:
                self.fetch_status.setText(self.tr("Choose a model in the list first."))
                return
            name = self.catalog.item(rows[0].row(), 0).data(Qt.ItemDataRole.UserRole)
        self._save_net()
        args = ["models", "fetch", name, "--use"]
        if self.mirror.text().strip():
            args += ["--endpoint", self.mirror.text().strip()]
        if self.proxy.text().strip():
            args += ["--proxy", self.proxy.text().strip()]
        self.job = CliJob(args, self)
        self.job.message.connect(self._fetch_message)
        self.job.finished.connect(lambda ok, error, n=name: self._fetch_done(n, ok, error))
        self.fetch_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.bar.setValue(0)
        self.fetch_status.setText(self.tr("Connecting…"))
        self.job.start()

    def _fetch_message(self, data: dict) -> None:
        from codebook.dates import format_hms

        p = data.get("fetch")
        if not p:
            return
        total = max(int(p["total"]), 1)
        self.bar.setValue(int(1000 * p["done"] / total))
        left = (" " + self.tr("about {0} left").format(_digits(format_hms(p["eta"] * 1000)))
                if p["eta"] >= 0 else "")
        self.fetch_status.setText(self.tr("{done} of {total}").format(
            done=self.size_text(int(p["done"])), total=self.size_text(total)) + left)

    def cancel_fetch(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def _fetch_done(self, name: str, ok: bool, error: str) -> None:
        cancelled = self.job is not None and self.job.cancelled
        self.job = None
        self.cancel_button.setEnabled(False)
        self.fetch_button.setEnabled(True)
        if ok:
            self.bar.setValue(1000)
            self.fetch_status.setText(self.tr("{0} is fetched, verified and in use.").format(name))
        elif cancelled:
            self.fetch_status.setText(self.tr("Cancelled. What arrived is kept: Fetch again to resume."))
        else:
            self.fetch_status.setText(error)
        # the outcome in view, however tall the tab (once the wrapped message has its height)
        QTimer.singleShot(0, lambda: self.rec_scroll.ensureWidgetVisible(self.fetch_status, 0, 8))
        self.refresh()
        self.changed.emit()

    # -- device, estimate, language -------------------------------------------------------

    def _load_device(self) -> None:
        from transcribe.installed import selection
        from transcribe.models import device_options

        chosen = selection()
        self.device.setCurrentIndex(max(self.device.findData(chosen["device"] or "auto"), 0))
        self._fill_compute(chosen["compute_type"])
        self.threads.setValue(int(chosen["cpu_threads"] or device_options(device="cpu")["cpu_threads"]))
        self.decode.blockSignals(True)
        self.decode.setCurrentIndex(max(self.decode.findData(chosen.get("decode") or "accurate"), 0))
        self.decode.blockSignals(False)

    def _fill_compute(self, current: str | None = None) -> None:
        from transcribe.models import device_options

        device = self.device.currentData()
        device = device_options()["device"] if device == "auto" else device
        self.compute.blockSignals(True)
        self.compute.clear()
        self.compute.addItem(self.tr("Automatic"), None)
        for c in self.choices.get(device, ["int8"]):
            self.compute.addItem(self.tr(self.COMPUTE.get(c, c)), c)
        self.compute.setCurrentIndex(max(self.compute.findData(current), 0) if current else 0)
        self.compute.blockSignals(False)
        self.threads.setEnabled(device == "cpu")

    def _device_changed(self) -> None:
        self._fill_compute()
        self._save_device()

    def _save_device(self) -> None:
        from transcribe.installed import select

        device = self.device.currentData()
        select(device=None if device == "auto" else device, compute_type=self.compute.currentData(),
               cpu_threads=self.threads.value(), decode=self.decode.currentData())
        self._update_estimate()
        self.changed.emit()

    def _save_language(self) -> None:
        s = _settings()
        s.setValue("transcription/language", self.language.currentData())
        s.sync()
        self.changed.emit()

    def language_code(self) -> str:
        return self.language.currentData()

    def _update_estimate(self) -> None:
        from transcribe.catalog import queue_seconds, speed_for
        from transcribe.installed import selected_model
        from transcribe.models import device_options

        options = device_options()
        chosen = selected_model() or "bundled"
        model = next((m for m in getattr(self, "models", []) if m.name == chosen), None)
        speed = speed_for(model.size_bytes if model else 145_000_000, chosen)
        per_hour = queue_seconds(speed, 3600, device=options["device"], threads=options["cpu_threads"])
        text = self.tr("About {0} of work per hour of audio on this computer.").format(self._duration(per_hour))
        waiting, hours = _queue_audio(self.study_folder)
        if waiting:
            total = queue_seconds(speed, hours, device=options["device"], threads=options["cpu_threads"])
            text += " " + self.tr("The interviews not yet transcribed ({0}, {1} of audio): about {2}.").format(
                _digits(str(waiting)), self._duration(hours), self._duration(total))
        self.estimate.setText(text + " " + self.tr("An estimate from published figures; "
                                                   "Compare models measures it on your own audio."))

    def data_texts(self) -> list[str]:
        """What this widget shows in Latin letters because it is data, not wording: model and
        test-set names, repository ids, sources, paths and addresses (for the Persian UI check)."""
        from transcribe.catalog import RECOMMENDED

        texts = [_models_dir(), self.mirror.placeholderText(), self.mirror.text(), self.proxy.text()]
        texts += [m.name for m in self.models] + [str(m.path) for m in self.models]
        for m in RECOMMENDED:
            texts += [m.key, m.source, m.convert_command] + [test for test, _w, _c in m.wer]
        return sorted({t for t in texts if t}, key=len, reverse=True)

    def _duration(self, seconds: float) -> str:
        minutes = max(1, round(seconds / 60))
        if minutes < 60:
            return _digits(self.tr("{0} min").format(minutes))
        return _digits(self.tr("{0} h {1} min").format(minutes // 60, minutes % 60))

    def open_compare(self) -> None:
        from desktop.transcription.compare_dialog import CompareModelsDialog

        if self.study_folder is not None:
            CompareModelsDialog(self.study_folder, self).exec()

    def shutdown(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.job.wait(10_000)




def select_row(table: QTableWidget, row: int) -> None:
    """Select a whole row (QTableView.selectRow selects nothing in a right-to-left table not yet shown)."""
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().select(table.model().index(row, 0), flags)


def _models_dir() -> str:
    from transcribe.paths import models_dir
    return str(models_dir())


def _study_of(widget: QWidget | None) -> Path | None:
    """The open study's folder, if the widget sits in a study window."""
    while widget is not None:
        ctx = getattr(widget, "ctx", None)
        study = getattr(ctx, "study", None)
        if study is not None and getattr(study, "folder", None):
            return Path(study.folder)
        widget = widget.parentWidget()
    return None


def _queue_audio(folder: Path | None) -> tuple[int, float]:
    """(interviews with audio and no finished transcription, their seconds of audio) of the study."""
    if folder is None:
        return 0, 0.0
    try:
        from codebook import Study

        with Study.open(folder) as study:
            waiting = [i for i in study.interviews.list()
                       if i.audio_path and study.transcripts.count(i.id)[0] == 0]
            return len(waiting), sum((i.duration_ms or 0) for i in waiting) / 1000
    except Exception:  # noqa: BLE001 - an estimate must never stop the settings from opening
        return 0, 0.0
