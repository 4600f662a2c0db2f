"""Suggestions from a real language model server on 127.0.0.1: llama-cpp-python's OpenAI-compatible server
(built by ``scripts/setup.sh test`` into .venv-llm) serving Gemma 3 270M (a small base model: it tests the
plumbing, not the judgement). A tiny logging proxy in front of it records every request, so the test can see
what left the app: pseudonymised text, no real name."""
from __future__ import annotations

import http.client
import socket
import subprocess
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from codebook import Study
from codebook.suggestions import run as runs
from codebook.suggestions.llm import ChatClient
from codebook.suggestions.store import Suggestions

ROOT = Path(__file__).resolve().parents[2]
PYTHON = ROOT / ".venv-llm" / "bin" / "python"
GGUF = ROOT / ".venv-llm" / "models" / "gemma-3-270m-q4_k_m.gguf"
MODEL = "gemma-3-270m"
REAL_NAME = "فرشته کاظمی"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class LoggingProxy:
    """Forwards every request to the server and keeps a copy of each request body (the request log)."""

    def __init__(self, target_port: int):
        self.log: list[bytes] = []
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def _forward(self, method):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0) or 0)) or None
                if body:
                    proxy.log.append(body)
                conn = http.client.HTTPConnection("127.0.0.1", target_port, timeout=600)
                headers = {k: v for k, v in self.headers.items() if k.lower() not in ("host", "connection")}
                conn.request(method, self.path, body=body, headers=headers)
                answer = conn.getresponse()
                data = answer.read()
                self.send_response(answer.status)
                self.send_header("Content-Type", answer.getheader("Content-Type", "application/json"))
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
                conn.close()

            def do_GET(self):
                self._forward("GET")

            def do_POST(self):
                self._forward("POST")

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def text(self) -> str:
        return "\n".join(b.decode("utf-8") for b in self.log)


@pytest.fixture(scope="module")
def llama(tmp_path_factory):
    assert PYTHON.exists() and GGUF.exists(), "the llama server is installed by: bash scripts/setup.sh test"
    port = _free_port()
    log = tmp_path_factory.mktemp("llama") / "server.log"
    with open(log, "wb") as out:
        proc = subprocess.Popen([str(PYTHON), "-m", "llama_cpp.server", "--model", str(GGUF), "--model_alias", MODEL,
                                 "--host", "127.0.0.1", "--port", str(port), "--n_ctx", "4096"],
                                stdout=out, stderr=subprocess.STDOUT)
    try:
        client = ChatClient(f"http://127.0.0.1:{port}", MODEL, timeout=5)
        deadline = time.monotonic() + 180
        while True:
            try:
                assert MODEL in client.models()
                break
            except Exception:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError("the llama server did not start:\n" + log.read_text(errors="replace")[-3000:]) from None
                time.sleep(0.5)
        proxy = LoggingProxy(port)
        yield proxy
        proxy.httpd.shutdown()
    finally:
        proc.terminate()
        proc.wait(30)


def test_a_real_model_suggests_through_the_schema_and_nothing_real_leaves(demo_path, llama, monkeypatch):
    monkeypatch.setattr(runs, "CHUNK_CHARS", 400)  # one small request: the plumbing, not the judgement
    with Study.open(demo_path) as study:
        iv = study.interviews.list()[0]
        study.participants.set_identity(iv.participant_id, real_name=REAL_NAME)
        study.glossary.add(REAL_NAME, replacement="[نام]")
        first = study.transcripts.segments(iv.id)[0]
        study.transcripts.set_text(first.id, f"خانم {REAL_NAME}، " + first.text)
        codings = study.db.execute("SELECT COUNT(*) FROM codings").fetchone()[0]
        client = ChatClient(llama.url, MODEL, timeout=300, max_tokens=160)
        code_ids = runs.resolve_codes(study, ["تعطیلی فیزیکی", "کمبود بودجه", "امانت بدون تماس"])
        started = runs.start(study, server=client.url, model=MODEL, interview_ids=[iv.id], code_ids=code_ids)
        seen: list = []
        done = runs.work(study, started.id, client, progress=seen.append, cancelled=lambda: len(seen) >= 1)
        # The server answered in the schema (llama-cpp-python's json_object form, after one refusal of the other).
        assert done.failed == 0 and done.proposed + done.invalid >= 1
        # What left the app: the codebook's rules and pseudonymised text, never the real name.
        sent = llama.text()
        assert "بسته شدن ساختمان کتابخانه" in sent and "[نام]" in sent and REAL_NAME not in sent
        # Nothing was coded; every suggestion kept points at real words of the stored text.
        assert study.db.execute("SELECT COUNT(*) FROM codings").fetchone()[0] == codings
        found = Suggestions(study).list(run_id=done.id)
        assert len(found) + done.dropped == done.proposed
        for s in found:
            text = study.transcripts.segment(s.start_segment_id).text
            assert text[s.start_offset:s.end_offset] == s.quote and s.quote.strip()
        # The small model's answers exercise the checks (a quote it made up is dropped and counted); the
        # acceptance into agreement is tested against the fake server (test_run.py), whose quotes are real.
        assert '"json_object"' in sent and '"minLength": 2' in sent
