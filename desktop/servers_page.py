"""Settings → Servers: the servers the user chose to send work to, one group each.

The speech server (:class:`desktop.transcription.server_settings.SpeechServerGroup`) is the
first group; another (a language-model server) is added with :meth:`ServersPage.add_group`,
keeping its key with :class:`desktop.server_keys.ServerKeys` under a name of its own.
Every group has ``save()``, called when the dialog is accepted.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QVBoxLayout, QWidget

from desktop.settings import Settings
from desktop.transcription.server_settings import SpeechServerGroup


class ServersPage(QWidget):
    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.groups: list[Any] = []  # widgets with save()
        self._layout = QVBoxLayout(self)
        self.speech = SpeechServerGroup(settings, self)
        self.add_group(self.speech)
        self._layout.addStretch(1)

    def add_group(self, group: Any) -> None:
        """One more server's settings (a widget with ``save()``), below the others."""
        self.groups.append(group)
        self._layout.insertWidget(len(self.groups) - 1, group)

    def save(self) -> None:
        for group in self.groups:
            group.save()
