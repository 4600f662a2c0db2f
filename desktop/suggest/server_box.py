"""Settings → Servers: the language model server (an OpenAI-compatible chat endpoint) the user chose.

There is no default: until the user names a server, nothing is ever sent. The address and model name live in
the settings file (group ``servers/``), the key in :mod:`desktop.server_keys` (the system keyring, else a file of mode 600; never shown again
once saved). "Test connection" asks the server for its models (``GET /v1/models``) off the GUI thread.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from desktop.i18n import worded
from desktop.server_keys import ServerKeys

KEY_NAME = "llm"


@dataclass(frozen=True)
class LlmServer:
    url: str
    model: str
    plain_local: bool  # send text unpseudonymised (only honoured for a server on this computer)

    @property
    def chosen(self) -> bool:
        return bool(self.url.strip() and self.model.strip())

    @property
    def pseudonymise(self) -> bool:
        from codebook.suggestions.llm import is_local

        return not (self.plain_local and is_local(self.url))

    def client(self, **kw):
        from codebook.suggestions.llm import ChatClient

        return ChatClient(self.url, self.model, ServerKeys(KEY_NAME).get() or None, **kw)


def llm_server(settings) -> LlmServer:
    """The server the user set (empty when none: there is no default)."""
    q = settings.q
    return LlmServer(str(q.value("servers/llm_url", "") or ""), str(q.value("servers/llm_model", "") or ""),
                     str(q.value("servers/llm_plain", "false")).lower() in ("1", "true"))


def save_llm_server(settings, server: LlmServer) -> None:
    settings.q.setValue("servers/llm_url", server.url.strip())
    settings.q.setValue("servers/llm_model", server.model.strip())
    settings.q.setValue("servers/llm_plain", bool(server.plain_local))
    settings.q.sync()


class _Probe(QThread):
    """``GET /v1/models`` off the GUI thread: says the models listed, or why not."""
    listed = Signal(list)
    failed = Signal(str)

    def __init__(self, server: LlmServer, key: str, parent=None):
        super().__init__(parent)
        self.server, self.key = server, key

    def run(self) -> None:
        from codebook.errors import StudyError
        from codebook.suggestions.llm import ChatClient

        try:
            self.listed.emit(ChatClient(self.server.url, self.server.model or "?", self.key or None,
                                        timeout=15).models())
        except StudyError as exc:
            self.failed.emit(worded(exc))  # in the UI language


class LlmServerBox(QGroupBox):
    """The language model server's settings as one group (address, model, key, local plain text, test)."""

    def __init__(self, settings, parent: QWidget | None = None):
        super().__init__(self.tr("Language model server (coding suggestions)"), parent)
        self.settings = settings
        current = llm_server(settings)
        form = QFormLayout(self)
        self.url = QLineEdit(current.url)
        self.url.setPlaceholderText(self.tr("none: nothing is sent (e.g. http://127.0.0.1:8080)"))
        self.url.setToolTip(self.tr("An OpenAI-compatible chat server: Ollama, llama.cpp's server, vLLM, or your "
                                    "institution's. Interview text is sent there only when you ask for suggestions."))
        form.addRow(self.tr("Address"), self.url)
        self.model = QLineEdit(current.model)
        self.model.setPlaceholderText(self.tr("the model's name as the server lists it"))
        form.addRow(self.tr("Model"), self.model)
        self.key = QLineEdit()
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self._had_key = bool(ServerKeys(KEY_NAME).get())
        self.key.setPlaceholderText(self.tr("kept (type to replace)") if self._had_key else self.tr("none"))
        form.addRow(self.tr("Key"), self.key)
        self.plain = QCheckBox(self.tr("Send the text as stored, not pseudonymised (only to a server on this "
                                       "computer)"))
        self.plain.setChecked(current.plain_local)
        form.addRow(self.plain)
        row = QWidget(self)
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        self.test = QPushButton(self.tr("Test connection"))
        self.test.clicked.connect(self.test_connection)
        self.result = QLabel()
        self.result.setWordWrap(True)
        h.addWidget(self.test)
        h.addWidget(self.result, 1)
        form.addRow(row)
        self.url.textChanged.connect(self._local_only)
        self._local_only()
        self._probe: _Probe | None = None

    def _local_only(self) -> None:
        from codebook.suggestions.llm import is_local

        local = is_local(self.url.text())
        self.plain.setEnabled(local)
        if not local:
            self.plain.setChecked(False)

    def server(self) -> LlmServer:
        return LlmServer(self.url.text().strip(), self.model.text().strip(), self.plain.isChecked())

    def save(self) -> None:
        save_llm_server(self.settings, self.server())
        if not self.url.text().strip():
            ServerKeys(KEY_NAME).set("")  # no server, no key kept for it
        elif self.key.text():
            ServerKeys(KEY_NAME).set(self.key.text())

    def test_connection(self) -> None:
        if not self.url.text().strip():
            self.result.setText(self.tr("Enter the server's address first."))
            return
        self.test.setEnabled(False)
        self.result.setText(self.tr("Asking the server…"))
        self._probe = _Probe(self.server(), self.key.text() or ServerKeys(KEY_NAME).get(), self)
        self._probe.listed.connect(self._listed)
        self._probe.failed.connect(self._failed)
        self._probe.finished.connect(lambda: self.test.setEnabled(True))
        self._probe.start()

    def _listed(self, models: list) -> None:
        wanted = self.model.text().strip()
        if wanted and wanted not in models:
            self.result.setText(self.tr("Connected, but the server does not list %1. It lists: %2")
                                .replace("%1", wanted).replace("%2", ", ".join(models) or "—"))
        else:
            self.result.setText(self.tr("Connected. Models: %1").replace("%1", ", ".join(models) or "—"))

    def _failed(self, message: str) -> None:
        self.result.setText(message)

    def wait(self) -> None:
        if self._probe is not None:
            self._probe.wait(20000)
