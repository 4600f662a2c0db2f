"""A tiny Hugging Face hub on 127.0.0.1 serving one model folder, for fetch tests with no internet.

It answers what huggingface_hub asks: ``GET /api/models/{repo}/revision/{rev}``
(with ``blobs=true``: sizes, blob ids, LFS sha256) and ``HEAD``/``GET
/{repo}/resolve/{rev}/{file}`` with ETag, X-Repo-Commit, Content-Length and
Range. ``drop_once`` names a file whose first transfer stops midway (the
connection is closed after half of it), to test resuming; ``endless`` one whose
GET never ends (no length, its bytes then zeros until the client stops; at most
``ENDLESS_CAP`` bytes, so a client that never stops fails its test rather than the disk).
"""
from __future__ import annotations

import functools
import hashlib
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlparse

COMMIT = "0123456789abcdef0123456789abcdef01234567"
ENDLESS_CAP = 64 << 20
LFS_MIN = 10_000_000  # files at least this big are served as LFS files (sha256 etag)


@functools.lru_cache(maxsize=2)
def _read(data_path: Path) -> bytes:
    return data_path.read_bytes()


@functools.lru_cache(maxsize=None)
def _describe(data_path: Path) -> tuple:
    data = data_path.read_bytes()
    size = len(data)
    return (("size", size), ("sha256", hashlib.sha256(data).hexdigest()),
            ("blob", hashlib.sha1(f"blob {size}\0".encode() + data).hexdigest()), ("lfs", size >= LFS_MIN))


class LocalHub:
    def __init__(self, folder: Path, repo_id: str, files: list[str], drop_once: str | None = None,
                 rate_limit: int | None = None, endless: str | None = None):
        self.folder, self.repo_id, self.drop_once = Path(folder), repo_id, drop_once
        self.endless = endless
        self.rate_limit = rate_limit  # bytes per second of each transfer, to leave time to cancel
        self.requests: list[tuple[str, str, str | None]] = []  # (method, path, Range header)
        self.meta = {}
        for name in files:
            self.meta[name] = dict(_describe(self.folder / name))
        hub = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_HEAD(self):
                hub._serve(self, head=True)

            def do_GET(self):
                hub._serve(self, head=False)

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()

    # -- answering ----------------------------------------------------------------

    def _json(self, h, body: dict, status: int = 200):
        data = json.dumps(body).encode()
        h.send_response(status)
        h.send_header("Content-Type", "application/json")
        h.send_header("Content-Length", str(len(data)))
        h.end_headers()
        h.wfile.write(data)

    def _serve(self, h, head: bool):
        path = unquote(urlparse(h.path).path)
        self.requests.append((h.command, path, h.headers.get("Range")))
        info_prefix = f"/api/models/{self.repo_id}"
        if path == info_prefix or path.startswith(info_prefix + "/revision/"):
            siblings = [{"rfilename": n, "size": m["size"], "blobId": m["blob"],
                         **({"lfs": {"size": m["size"], "sha256": m["sha256"], "pointerSize": 134}}
                            if m["lfs"] else {})} for n, m in self.meta.items()]
            return self._json(h, {"id": self.repo_id, "modelId": self.repo_id, "sha": COMMIT,
                                  "private": False, "siblings": siblings})
        prefix = f"/{self.repo_id}/resolve/"
        if not path.startswith(prefix):
            return self._json(h, {"error": "Repository not found"}, 404)
        _revision, _, name = path[len(prefix):].partition("/")
        if name not in self.meta:
            h.send_response(404)
            h.send_header("X-Error-Code", "EntryNotFound")
            h.send_header("X-Repo-Commit", COMMIT)
            h.send_header("Content-Length", "0")
            h.end_headers()
            return
        meta = self.meta[name]
        data = _read(self.folder / name)
        start = 0
        rng = h.headers.get("Range")
        if rng and rng.startswith("bytes="):
            start = int(rng[6:].split("-")[0])
        body = data[start:]
        if name == self.endless and not head:
            h.send_response(200)
            h.send_header("X-Repo-Commit", COMMIT)
            h.send_header("Connection", "close")
            h.end_headers()
            h.close_connection = True
            try:
                h.wfile.write(body)
                for _ in range(ENDLESS_CAP >> 16):
                    h.wfile.write(b"\0" * (1 << 16))
            except (BrokenPipeError, ConnectionResetError):
                pass
            return
        h.send_response(206 if start else 200)
        h.send_header("ETag", f'"{meta["sha256"] if meta["lfs"] else meta["blob"]}"')
        h.send_header("X-Repo-Commit", COMMIT)
        h.send_header("Accept-Ranges", "bytes")
        h.send_header("Content-Length", str(len(body)))
        if start:
            h.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
        h.end_headers()
        if head:
            return
        if name == self.drop_once:
            self.drop_once = None
            h.wfile.write(body[: len(body) // 2])
            h.wfile.flush()
            h.close_connection = True
            h.connection.shutdown(2)
            return
        step = 1 << 20
        import time
        for at in range(0, len(body), step):
            try:
                h.wfile.write(body[at:at + step])
            except (BrokenPipeError, ConnectionResetError):
                return
            if self.rate_limit:
                time.sleep(step / self.rate_limit)
