"""The settings dialog: language, playback and editor settings, and the Whisper model settings."""
from __future__ import annotations

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QLineEdit, QVBoxLayout, QWidget)

from codebook.dates import digits
from desktop.i18n import current_language
from desktop.settings import RATES, Settings
from desktop.transcription.model_settings import ModelSettingsWidget


class SettingsDialog(QDialog):
    """Language, playback and editor settings, plus the Whisper model settings when available."""

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle(self.tr("Settings"))
        form = QFormLayout()
        self.language = QComboBox()
        self.language.addItem("فارسی", "fa")
        self.language.addItem("English", "en")
        self.language.setCurrentIndex(0 if current_language() == "fa" else 1)  # what is shown now
        form.addRow(self.tr("Language (after restart)"), self.language)
        self.coder = QLineEdit(settings.coder_name)
        self.coder.setPlaceholderText(self.tr("Your name, stamped on your codings"))
        self.coder.setToolTip(self.tr("Stamped on every coding you make, so that two coders' work can be "
                                      "merged and compared"))
        form.addRow(self.tr("Your name as coder"), self.coder)
        self.rewind = QDoubleSpinBox()
        self.rewind.setRange(0.0, 3.0)
        self.rewind.setSingleStep(0.5)
        self.rewind.setSuffix(self.tr(" s"))
        self.rewind.setValue(settings.auto_rewind_s)
        form.addRow(self.tr("Rewind on resume"), self.rewind)
        self.rate = QComboBox()
        for r in RATES:
            self.rate.addItem(digits(f"{r:g}×", current_language()), r)
        self.rate.setCurrentIndex(min(range(len(RATES)), key=lambda i: abs(RATES[i] - settings.playback_rate)))
        form.addRow(self.tr("Playback speed"), self.rate)
        self.shade = QCheckBox(self.tr("Shade words the model was unsure of"))
        self.shade.setChecked(settings.shade_unsure)
        form.addRow(self.shade)
        self.threshold = QDoubleSpinBox()
        self.threshold.setRange(0.05, 0.99)
        self.threshold.setSingleStep(0.05)
        self.threshold.setValue(settings.unsure_threshold)
        form.addRow(self.tr("Unsure below probability"), self.threshold)
        self.speakers = QComboBox()  # the default for new interviews (each interview keeps its own)
        self.speakers.addItem(self.tr("Count them"), "auto")
        for n in range(1, 13):
            self.speakers.addItem(digits(str(n), current_language()), str(n))
        self.speakers.setCurrentIndex(max(0, self.speakers.findData(settings.default_speakers)))
        form.addRow(self.tr("Speakers in a new interview"), self.speakers)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        self.model_settings = ModelSettingsWidget(self)
        layout.addWidget(self.model_settings)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        s = self.settings
        s.language = self.language.currentData()
        s.coder_name = self.coder.text()
        s.auto_rewind_s = self.rewind.value()
        s.playback_rate = self.rate.currentData()
        s.shade_unsure = self.shade.isChecked()
        s.unsure_threshold = self.threshold.value()
        s.default_speakers = self.speakers.currentData()
        super().accept()
