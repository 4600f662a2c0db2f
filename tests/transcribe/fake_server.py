"""A speech server that answers from recorded responses (tests/transcribe/recorded/), for the servers
that cannot run here (vLLM, speaches, whisper.cpp). It is a real HTTP server on 127.0.0.1 that reads
each request's multipart form (kept in ``requests``) and answers with the next scripted
``(status, body, headers)``, the last one repeating."""
from __future__ import annotations

import email.parser
import email.policy
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

RECORDED = Path(__file__).parent / "recorded"


def recorded(name: str) -> bytes:
    return (RECORDED / name).read_bytes()


def parse_form(content_type: str, body: bytes) -> dict[str, list]:
    """A multipart form as {name: [values]}; a file's value is (filename, content type, bytes)."""
    message = email.parser.BytesParser(policy=email.policy.HTTP).parsebytes(
        b"Content-Type: " + content_type.encode() + b"\r\n\r\n" + body)
    fields: dict[str, list] = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        payload = part.get_payload(decode=True)
        filename = part.get_filename()
        value = (filename, part.get_content_type(), payload) if filename else payload.decode()
        fields.setdefault(name, []).append(value)
    return fields


class FakeServer:
    def __init__(self, answers: list[tuple[int, bytes, dict]]):
        self.answers = list(answers)
        self.requests: list[dict] = []
        owner = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):
                pass

            def _answer(self, form: dict) -> None:
                owner.requests.append({"path": self.path, "method": self.command, "headers": dict(self.headers),
                                       "form": form})
                status, body, headers = owner.answers.pop(0) if len(owner.answers) > 1 else owner.answers[0]
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_GET(self):
                self._answer({})

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                self._answer(parse_form(self.headers["Content-Type"], body))

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


def ok(name: str) -> tuple[int, bytes, dict]:
    return 200, recorded(name), {}


def status(code: int, body: dict | bytes, **headers: str) -> tuple[int, bytes, dict]:
    return code, body if isinstance(body, bytes) else json.dumps(body).encode(), headers
