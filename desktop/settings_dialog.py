"""The settings dialog, in three tabs: General (language, playback, editor), Transcription (the
Whisper model, and where transcription runs), Servers (:mod:`desktop.servers_page`: the speech
server, and the language model server for coding suggestions)."""
from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from codebook.dates import digits
from desktop.fit import cap_to_screen
from desktop.i18n import current_language
from desktop.servers_page import ServersPage
from desktop.settings import RATES, Settings
from desktop.suggest.server_box import LlmServerBox
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
        self.tabs = QTabWidget()
        general = QWidget()
        general_layout = QVBoxLayout(general)
        general_layout.addLayout(form)
        general_layout.addStretch(1)
        self.tabs.addTab(general, self.tr("General"))
        transcription = QWidget()
        transcription_layout = QVBoxLayout(transcription)
        self.runs_where = QLabel()
        self.runs_where.setWordWrap(True)
        self.runs_where.setObjectName("runsWhere")
        transcription_layout.addWidget(self.runs_where)
        self.model_settings = ModelSettingsWidget(self)
        transcription_layout.addWidget(self.model_settings)
        self.tabs.addTab(transcription, self.tr("Transcription"))
        self.servers = ServersPage(settings, self)
        self.llm_server = LlmServerBox(settings, self)  # saved with the page's other groups
        self.servers.add_group(self.llm_server)
        self.tabs.addTab(self.servers, self.tr("Servers"))
        self.servers.speech.toggled.connect(self._say_where)
        self.servers.speech.url.textChanged.connect(self._say_where)
        self._say_where()
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # Wide enough for the models' table, never past the screen (long messages in it wrap).
        cap_to_screen(self)
        self.resize(min(780, self.maximumWidth()), min(self.sizeHint().height(), self.maximumHeight()))

    def _say_where(self, *_) -> None:
        """The Transcription tab says where transcription runs (the Servers tab changes it)."""
        chosen = self.servers.speech.chosen()
        if chosen.enabled and chosen.url:
            self.runs_where.setText(self.tr("Transcription runs on the server %1 (Settings → Servers): the audio "
                                            "leaves this computer.").replace("%1", "\u2068" + chosen.url + "\u2069"))
            self.runs_where.setStyleSheet("color: #8a4b00; font-weight: bold;")
        else:
            self.runs_where.setText(self.tr("Transcription runs on this computer; no audio leaves it. A lab's "
                                            "speech server can be chosen in Settings → Servers."))
            self.runs_where.setStyleSheet("")

    def accept(self) -> None:
        self.servers.save()
        s = self.settings
        s.language = self.language.currentData()
        s.coder_name = self.coder.text()
        s.auto_rewind_s = self.rewind.value()
        s.playback_rate = self.rate.currentData()
        s.shade_unsure = self.shade.isChecked()
        s.unsure_threshold = self.threshold.value()
        s.default_speakers = self.speakers.currentData()
        super().accept()
