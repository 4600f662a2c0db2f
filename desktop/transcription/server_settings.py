"""Settings → Servers → Speech server: where transcription runs when the user chooses a lab's server.

Off by default: nothing is sent anywhere until the user ticks "Transcribe on this
server". The address, the model name and the number of requests at once live in
the settings file (``speech_server/``); the API key in :class:`desktop.server_keys.ServerKeys`
("speech-server"), never in the settings file or on a command line.
:func:`worker_arguments` is what the app's transcription workers add to their
``mosahebeh transcribe`` command line, and the environment that carries the key.

"Test connection" asks the server for its models (``GET /v1/models``) off the
GUI thread and lists them; a server that lists none (faster-whisper-server)
is said to be reachable all the same.
"""
from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import worded
from desktop.server_keys import ServerKeys
from desktop.settings import Settings

KEY_NAME = "speech-server"
GROUP = "speech_server"


@dataclass
class SpeechServer:
    """The speech server the user set (``enabled`` False: transcription runs on this computer)."""
    enabled: bool = False
    url: str = ""
    model: str = ""
    jobs: int = 1

    @property
    def in_use(self) -> bool:
        return self.enabled and bool(self.url.strip()) and bool(self.model.strip())


def load(settings: Settings | None = None) -> SpeechServer:
    s = settings or Settings()
    return SpeechServer(enabled=s._get(f"{GROUP}/enabled", False, bool), url=s._get(f"{GROUP}/url", "", str),
                        model=s._get(f"{GROUP}/model", "", str),
                        jobs=max(1, min(16, s._get(f"{GROUP}/jobs", 1, int))))


def save(server: SpeechServer, settings: Settings | None = None) -> None:
    s = settings or Settings()
    s._set(f"{GROUP}/enabled", bool(server.enabled))
    s._set(f"{GROUP}/url", server.url.strip())
    s._set(f"{GROUP}/model", server.model.strip())
    s._set(f"{GROUP}/jobs", int(server.jobs))


def worker_arguments(settings: Settings | None = None) -> tuple[list[str], dict[str, str]]:
    """``(arguments, environment)`` a transcription worker adds: nothing when the server is off."""
    server = load(settings)
    if not server.in_use:
        return [], {}
    return (["--server", server.url, "--server-model", server.model],
            {"MOSAHEBEH_SERVER_KEY": ServerKeys(KEY_NAME).get()})


class _Probe(QThread):
    """GET /v1/models off the GUI thread."""
    answered = Signal(list, str)  # model ids, an error sentence ('' when fine)

    def __init__(self, url: str, model: str, key: str, parent: QObject | None = None):
        super().__init__(parent)
        self.url, self.model, self.key = url, model, key

    def run(self) -> None:
        from transcribe.server_http import Server, ServerError

        try:
            server = Server(self.url, self.model or "-", key=self.key, timeout=15, retries=0)
            self.answered.emit(server.models(), "")
        except ServerError as exc:
            status = getattr(exc, "values", {}).get("status")
            self.answered.emit([], "404" if status == 404 else worded(exc))  # in the UI language


class SpeechServerGroup(QGroupBox):
    """The speech server's settings, one group of the Servers page."""

    toggled = Signal(bool)  # the server is (not) to be used: the Transcription tab says where it runs

    def __init__(self, settings: Settings, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Speech server"))
        self.settings = settings
        self.keys = ServerKeys(KEY_NAME)
        server = load(settings)
        self.enabled = QCheckBox(self.tr("Transcribe on this server instead of this computer"))
        self.enabled.setChecked(server.enabled)
        self.notice = QLabel(self.tr(
            "When this is on, the audio of every interview you transcribe is sent to this server: it leaves "
            "this computer. Use it only with a server your study's consent and ethics approval allow. "
            "Nothing is sent while it is off."))
        self.notice.setWordWrap(True)
        self.notice.setObjectName("serverNotice")
        self.url = QLineEdit(server.url)
        self.url.setPlaceholderText("http://gpu.lab.example:8000/v1")
        self.model = QLineEdit(server.model)
        self.model.setPlaceholderText("large-v3")
        self.key = QLineEdit(self.keys.get())
        self.key.setEchoMode(QLineEdit.EchoMode.Password)
        self.key.setPlaceholderText(self.tr("none"))
        self.jobs = QSpinBox()
        self.jobs.setRange(1, 16)
        self.jobs.setValue(server.jobs)
        self.jobs.setToolTip(self.tr("How many interviews are sent at once; a server that batches "
                                     "requests (vLLM) finishes a study sooner with more"))
        self.test = QPushButton(self.tr("Test connection"))
        self.test.clicked.connect(self.test_connection)
        self.answer = QLabel()
        self.answer.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Address"), self.url)
        form.addRow(self.tr("Model"), self.model)
        form.addRow(self.tr("API key"), self.key)
        form.addRow(self.tr("Interviews at once"), self.jobs)
        row = QHBoxLayout()
        row.addWidget(self.test)
        row.addWidget(self.answer, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.enabled)
        layout.addWidget(self.notice)
        layout.addLayout(form)
        layout.addLayout(row)
        where = (self.tr("The key is kept in the system keyring.") if self.keys.where == "keyring" else
                 self.tr("The key is kept in a settings file only you can read."))
        self.where = QLabel(where)
        self.where.setEnabled(False)
        layout.addWidget(self.where)
        self.enabled.toggled.connect(self.toggled.emit)
        self._probe: _Probe | None = None

    def chosen(self) -> SpeechServer:
        return SpeechServer(self.enabled.isChecked(), self.url.text().strip(), self.model.text().strip(),
                            self.jobs.value())

    def test_connection(self) -> None:
        if not self.url.text().strip():
            self.answer.setText(self.tr("Give the server's address first."))
            return
        self.test.setEnabled(False)
        self.answer.setText(self.tr("Asking the server…"))
        self._probe = _Probe(self.url.text().strip(), self.model.text().strip(), self.key.text().strip(), self)
        self._probe.answered.connect(self._answered)
        self._probe.start()

    def _answered(self, models: list, error: str) -> None:
        self.test.setEnabled(True)
        if error == "404":
            self.answer.setText(self.tr("Connected. This server does not list its models; it serves the one it "
                                        "was started with."))
        elif error:
            self.answer.setText(error)
        elif models:
            self.answer.setText(self.tr("Connected. Models: %1").replace("%1", "، ".join(models[:12])
                                if self.layoutDirection().name == "RightToLeft" else ", ".join(models[:12])))
        else:
            self.answer.setText(self.tr("Connected. The server lists no models."))

    def save(self) -> None:
        server = self.chosen()
        if server.enabled and not (server.url and server.model):
            server.enabled = False  # nothing to send to: stays local
        save(server, self.settings)
        self.keys.set(self.key.text())
