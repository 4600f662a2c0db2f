"""A fake OpenAI-compatible chat server on 127.0.0.1 (stdlib http.server) whose answers the test chooses,
and a log of every request it received (what left the computer)."""
from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest


class FakeServer:
    """``mode`` picks the answer: ``quote`` (a valid suggestion quoting the first words of each segment),
    ``invalid`` (not JSON), ``elsewhere`` (a quote not in the text), ``hang`` (no answer for ``hang_s``),
    ``busy`` (429 ``busy_times`` times, then ``quote``), ``old`` (422 to the json_schema form, like
    llama-cpp-python, then ``quote``)."""

    def __init__(self):
        self.mode = "quote"
        self.requests: list[dict] = []
        self.raw: list[bytes] = []
        self.headers: list[dict] = []
        self.busy_times = 1
        self.hang_s = 5.0
        self.words = 4
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *a):
                pass

            def _send(self, status, body, extra=None):
                data = body if isinstance(body, bytes) else json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                for k, v in (extra or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                try:
                    self.wfile.write(data)
                except OSError:
                    pass

            def do_GET(self):
                server.headers.append(dict(self.headers))
                if self.path == "/v1/models":
                    self._send(200, {"object": "list", "data": [{"id": "fake-model", "object": "model"}]})
                else:
                    self._send(404, {"error": {"message": "no such path"}})

            def do_POST(self):
                raw = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                server.raw.append(raw)
                server.headers.append(dict(self.headers))
                body = json.loads(raw)
                server.requests.append(body)
                mode = server.mode
                if mode == "hang":
                    time.sleep(server.hang_s)
                    return self._send(200, {"choices": []})
                if mode == "busy" and server.busy_times > 0:
                    server.busy_times -= 1
                    return self._send(429, {"error": {"message": "busy"}}, {"Retry-After": "0"})
                if mode == "old" and body["response_format"]["type"] != "json_object":
                    return self._send(422, {"error": {"message": "response_format: type must be json_object"}})
                if mode == "invalid":
                    return self._send(200, _completion("this is not { json"))
                segments = re.findall(r"^\[(\d+)\] (.*)$", body["messages"][1]["content"], re.M)
                code = body["response_format"].get("json_schema", body["response_format"]).get("schema", {})
                names = code["properties"]["suggestions"]["items"]["properties"]["code"]["enum"]
                out = []
                for n, text in segments:
                    quote = " ".join(text.split()[:server.words])
                    if mode == "elsewhere":
                        quote = "سخنی که هرگز در این مصاحبه گفته نشد"
                    out.append({"code": names[0], "segment": int(n), "quote": quote, "reason": "آزمون"})
                self._send(200, _completion(json.dumps({"suggestions": out}, ensure_ascii=False)))

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def sent_text(self) -> str:
        return "\n".join(r.decode("utf-8") for r in self.raw)

    def close(self):
        self.httpd.shutdown()
        self.httpd.server_close()


def _completion(content: str) -> dict:
    return {"id": "x", "object": "chat.completion", "model": "fake-model",
            "choices": [{"index": 0, "message": {"role": "assistant", "content": content}, "finish_reason": "stop"}]}


@pytest.fixture
def fake_server():
    server = FakeServer()
    yield server
    server.close()
