"""The transcription part of the settings: which Whisper model, which language.

Choices are kept in the app's settings file (:class:`desktop.settings.Settings`) under ``transcription/``:
``model_kind`` (bundled | folder | name), ``model_folder``, ``model_name``
and ``language`` (a code, or ``auto``). :func:`stored_model` and
:func:`stored_language` read them for the job queue.
"""
from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QSettings, Qt, Signal
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QFileDialog, QFormLayout, QGridLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QPushButton, QRadioButton, QVBoxLayout, QWidget)

from desktop.settings import Settings

PREFIX = "transcription/"
KINDS = ("bundled", "folder", "name")
LANGUAGES = ("fa", "auto", "en", "ar", "ku", "az", "tr")


def _settings() -> QSettings:
    return Settings().q


def stored_model() -> str | None:
    """The model spec chosen in the settings (None: the bundled model)."""
    s = _settings()
    kind = s.value(PREFIX + "model_kind", "bundled")
    if kind == "folder":
        return s.value(PREFIX + "model_folder", "") or None
    if kind == "name":
        return s.value(PREFIX + "model_name", "") or None
    return None


def stored_language() -> str:
    return str(_settings().value(PREFIX + "language", "fa") or "fa")


class ModelSettingsWidget(QWidget):
    """Model in use (with its size on disk and how it runs), a chooser for the
    bundled model / a local folder / a model name, and the language."""

    changed = Signal()
    # Words for what transcribe.models reports, so that the Persian UI can say them in Persian.
    DEVICES = {"cpu": QT_TRANSLATE_NOOP("ModelSettingsWidget", "CPU"),
               "cuda": QT_TRANSLATE_NOOP("ModelSettingsWidget", "graphics card (CUDA)")}
    COMPUTE = {"int8": QT_TRANSLATE_NOOP("ModelSettingsWidget", "8-bit integers"),
               "int8_float32": QT_TRANSLATE_NOOP("ModelSettingsWidget", "8-bit integers"),
               "float16": QT_TRANSLATE_NOOP("ModelSettingsWidget", "16-bit floats"),
               "int8_float16": QT_TRANSLATE_NOOP("ModelSettingsWidget", "8-bit integers with 16-bit floats"),
               "float32": QT_TRANSLATE_NOOP("ModelSettingsWidget", "32-bit floats")}
    UNITS = {"GB": QT_TRANSLATE_NOOP("ModelSettingsWidget", "GB"), "MB": QT_TRANSLATE_NOOP("ModelSettingsWidget", "MB"),
             "kB": QT_TRANSLATE_NOOP("ModelSettingsWidget", "kB"), "B": QT_TRANSLATE_NOOP("ModelSettingsWidget", "bytes")}

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        from transcribe.models import KNOWN_NAMES

        model_box = QGroupBox(self.tr("Whisper model"))
        self.bundled = QRadioButton(self.tr("Bundled model (Whisper base, multilingual)"))
        self.folder_choice = QRadioButton(self.tr("Local model folder (CTranslate2)"))
        self.name_choice = QRadioButton(self.tr("Model name or hub id (downloaded once when online)"))
        self.group = QButtonGroup(self)
        for n, button in enumerate((self.bundled, self.folder_choice, self.name_choice)):
            self.group.addButton(button, n)
        self.folder = QLineEdit()
        self.folder.setPlaceholderText(self.tr("Folder with config.json and model.bin"))
        self.folder.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.browse = QPushButton(self.tr("Choose…"))
        self.name = QComboBox()
        self.name.setEditable(True)
        self.name.addItems(list(KNOWN_NAMES))
        self.name.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        grid = QGridLayout(model_box)
        grid.addWidget(self.bundled, 0, 0, 1, 3)
        grid.addWidget(self.folder_choice, 1, 0, 1, 3)
        grid.addWidget(self.folder, 2, 1)
        grid.addWidget(self.browse, 2, 2)
        grid.addWidget(self.name_choice, 3, 0, 1, 3)
        grid.addWidget(self.name, 4, 1, 1, 2)
        grid.setColumnMinimumWidth(0, 16)
        grid.setColumnStretch(1, 1)

        self.language = QComboBox()
        names = {"fa": self.tr("Persian"), "auto": self.tr("Detect automatically"), "en": self.tr("English"),
                 "ar": self.tr("Arabic"), "ku": self.tr("Kurdish"), "az": self.tr("Azerbaijani"),
                 "tr": self.tr("Turkish")}
        from desktop.i18n import current_language
        for code in LANGUAGES:  # the code only in English: a Persian UI shows no Latin letters
            shown = names[code] if code == "auto" or current_language() == "fa" else f"{names[code]} ({code})"
            self.language.addItem(shown, code)

        status = QGroupBox(self.tr("In use"))
        form = QFormLayout(status)
        self.in_use = QLabel()
        self.in_use.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.in_use.setWordWrap(True)
        self.size = QLabel()
        self.runs_on = QLabel()
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #a33;")
        form.addRow(self.tr("Model:"), self.in_use)
        form.addRow(self.tr("Size on disk:"), self.size)
        form.addRow(self.tr("Runs on:"), self.runs_on)
        form.addRow(self.problem)

        lang_row = QHBoxLayout()
        lang_row.addWidget(QLabel(self.tr("Language of the interviews:")))
        lang_row.addWidget(self.language, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(model_box)
        layout.addLayout(lang_row)
        layout.addWidget(status)
        layout.addStretch(1)

        self._load()
        self.group.idToggled.connect(self._on_toggle)
        self.folder.editingFinished.connect(self._save)
        self.name.activated.connect(lambda _: self._save())
        self.name.lineEdit().editingFinished.connect(self._save)
        self.language.currentIndexChanged.connect(lambda _: self._save())
        self.browse.clicked.connect(self._choose_folder)

    # -- state -----------------------------------------------------------------------

    def _load(self) -> None:
        s = _settings()
        kind = s.value(PREFIX + "model_kind", "bundled")
        self.group.button(KINDS.index(kind) if kind in KINDS else 0).setChecked(True)
        self.folder.setText(s.value(PREFIX + "model_folder", "") or "")
        self.name.setCurrentText(s.value(PREFIX + "model_name", "") or "large-v3")
        index = self.language.findData(stored_language())
        self.language.setCurrentIndex(max(index, 0))
        self._enable()
        self.refresh()

    def kind(self) -> str:
        return KINDS[max(self.group.checkedId(), 0)]

    def model_spec(self) -> str | None:
        """The model as chosen in the widget (None: bundled)."""
        if self.kind() == "folder":
            return self.folder.text().strip() or None
        if self.kind() == "name":
            return self.name.currentText().strip() or None
        return None

    def language_code(self) -> str:
        return self.language.currentData()

    def _enable(self) -> None:
        self.folder.setEnabled(self.kind() == "folder")
        self.browse.setEnabled(self.kind() == "folder")
        self.name.setEnabled(self.kind() == "name")

    def _on_toggle(self, _id: int, checked: bool) -> None:
        if checked:
            self._enable()
            self._save()

    def _choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Choose a CTranslate2 Whisper model folder"),
                                                  self.folder.text())
        if folder:
            self.folder.setText(folder)
            self._save()

    def _save(self) -> None:
        s = _settings()
        s.setValue(PREFIX + "model_kind", self.kind())
        s.setValue(PREFIX + "model_folder", self.folder.text().strip())
        s.setValue(PREFIX + "model_name", self.name.currentText().strip())
        s.setValue(PREFIX + "language", self.language_code())
        s.sync()
        self.refresh()
        self.changed.emit()

    def refresh(self) -> None:
        """Show where the chosen model is and its size, without going online."""
        from transcribe.errors import TranscribeError
        from transcribe.models import device_options, format_size, resolve_model

        options = device_options()
        self.runs_on.setText(self._digits(self.tr("{device}, {compute} ({threads} threads)").format(
            device=self.tr(self.DEVICES[options["device"]]) if options["device"] in self.DEVICES
            else options["device"].upper(),
            compute=self.tr(self.COMPUTE.get(options["compute_type"], options["compute_type"])),
            threads=options["cpu_threads"])))
        spec = self.model_spec()
        if self.kind() != "bundled" and not spec:
            self.in_use.setText(self.tr("(nothing chosen yet)"))
            self.size.setText("–")
            self.problem.setText("")
            return
        try:
            resolved = resolve_model(spec, allow_download=False)
        except TranscribeError as exc:
            self.in_use.setText(spec or self.tr("bundled"))
            self.size.setText(self.tr("not on this computer"))
            self.problem.setText(str(exc))
            return
        shown = self.tr("Bundled Whisper base") if resolved.requested == "bundled" else resolved.model_id
        self.in_use.setText(f"{shown}\n{resolved.path}" if shown != str(resolved.path) else shown)
        number, _, unit = format_size(resolved.size_bytes).partition(" ")
        self.size.setText(self._digits(f"{number} {self.tr(self.UNITS.get(unit, unit))}"))
        self.problem.setText("")

    @staticmethod
    def _digits(text: str) -> str:
        from codebook.dates import digits
        from desktop.i18n import current_language
        return digits(text, current_language())
