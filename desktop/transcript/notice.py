"""A notice in the editor's window when the computer has no sound output: playback then runs
silently (the clock moves, the text follows), which a person should be told once, in the
window, not on stderr. Editing goes on as usual."""
from __future__ import annotations

from PySide6.QtMultimedia import QMediaDevices
from PySide6.QtWidgets import QLabel


def output_available() -> bool:
    """Whether the computer has an audio output device."""
    return bool(QMediaDevices.audioOutputs())


class SoundNotice(QLabel):
    """Hidden until playback is asked for without an output device; hides itself when one appears."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet("QLabel { background: #fff4ce; color: #4a3b00; padding: 4px 8px; }")
        self.hide()
        self._devices = QMediaDevices(self)
        self._devices.audioOutputsChanged.connect(lambda: self.hide() if output_available() else None)

    def check(self) -> bool:
        """Show the notice when there is no output device; returns whether sound can be heard."""
        if output_available():
            self.hide()
            return True
        self.setText(self.tr("No sound device found: playback runs silently (the text still follows the "
                             "audio). Editing and coding work as usual."))
        self.show()
        return False
