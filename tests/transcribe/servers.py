"""Real speech servers on 127.0.0.1 for the tests, serving the bundled model with no hub access.

``scripts/setup.sh test`` installs each from PyPI into its own venv under ``.venv-servers/``:

* open-asr-server 0.3.0 (``[faster-whisper]``): words and segments, a key
  (``OPEN_ASR_SERVER_API_KEY``), uploads over 25 MiB refused with 413;
  ``open-asr-server serve --host 127.0.0.1 --port P --preload "faster-whisper:DIR"``,
  and the request's ``model`` is that same string.
* faster-whisper-server 0.0.3: segments only, no key, reads ``model_name``
  (one model: any name is served by it), no ``/v1/models``;
  ``faster-whisper-server DIR --host 127.0.0.1 --port P``.

:class:`RunningServer` starts one on a free port, waits until it answers, and
stops (or kills) it; :meth:`RunningServer.start` starts it again on the same port.
"""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VENVS = ROOT / ".venv-servers"
READY_TIMEOUT_S = 180.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class RunningServer:
    kind: str  # "open-asr" or "faster-whisper-server"
    model_dir: Path
    key: str = ""
    port: int = field(default_factory=free_port)
    log: Path | None = None
    process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def model(self) -> str:
        """The model name to ask for."""
        return f"faster-whisper:{self.model_dir}" if self.kind == "open-asr" else "bundled-base"

    def command(self) -> list[str]:
        if self.kind == "open-asr":
            return [str(VENVS / "open-asr" / "bin" / "open-asr-server"), "serve", "--host", "127.0.0.1",
                    "--port", str(self.port), "--preload", f"faster-whisper:{self.model_dir}"]
        return [str(VENVS / "faster-whisper-server" / "bin" / "faster-whisper-server"), str(self.model_dir),
                "--host", "127.0.0.1", "--port", str(self.port)]

    def start(self) -> RunningServer:
        program = Path(self.command()[0])
        assert program.exists(), f"{program} is missing: run `bash scripts/setup.sh test` once to install it"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("OPEN_ASR_", "FWS_"))}
        env.update(HF_HUB_OFFLINE="1", HF_HUB_DISABLE_TELEMETRY="1", OMP_NUM_THREADS="1")
        if self.key:
            env["OPEN_ASR_SERVER_API_KEY"] = self.key
        out = open(self.log, "ab") if self.log else subprocess.DEVNULL
        self.process = subprocess.Popen(self.command(), env=env, stdout=out, stderr=subprocess.STDOUT,
                                        start_new_session=True)
        self._wait_ready()
        return self

    def _wait_ready(self) -> None:
        path = "/v1/models" if self.kind == "open-asr" else "/health"
        deadline = time.monotonic() + READY_TIMEOUT_S
        while time.monotonic() < deadline:
            assert self.process is not None
            if self.process.poll() is not None:
                raise AssertionError(f"{self.kind} exited with {self.process.returncode}; see {self.log}")
            try:
                with urllib.request.urlopen(self.url + path, timeout=2):
                    return
            except urllib.error.HTTPError:  # 401 without the key: it is up
                return
            except OSError:
                time.sleep(0.3)
        raise AssertionError(f"{self.kind} did not answer within {READY_TIMEOUT_S:g} s; see {self.log}")

    def kill(self) -> None:
        """SIGKILL, as a crash or a pulled plug would."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(30)
        self.process = None

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(20)
            except subprocess.TimeoutExpired:
                self.kill()
        self.process = None
