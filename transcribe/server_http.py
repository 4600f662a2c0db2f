"""Talking to a speech server that speaks the OpenAI audio API, with the standard library only.

For example (a sketch, not run as a doctest)::

    server = Server("http://gpu.lab:8000", "large-v3", key=os.environ.get("MOSAHEBEH_SERVER_KEY", ""))
    server.models()                                   # ["large-v3", ...] from GET /v1/models
    answer = server.transcribe(flac_bytes, language="fa", words=True)   # the verbose_json dict

Requests are ``POST /v1/audio/transcriptions`` in ``multipart/form-data``:
``file``, ``model`` (and ``model_name``, which faster-whisper-server 0.0.3 reads
instead), ``language``, ``prompt``, ``temperature``, ``response_format=verbose_json``
and ``timestamp_granularities[]`` (``segment``, and ``word`` when words are
wanted). The key goes in ``Authorization: Bearer``; it is never printed
(:class:`Server`'s ``repr`` leaves it out).

A busy server (429, 502, 503, 504), a timeout or a dropped connection is
tried again after a growing pause (``Retry-After`` when the server gives
one); after the last try :class:`ServerUnreachable`. Every other refusal is
one :class:`ServerError` sentence with the server's own answer, read from
FastAPI's ``{"detail": …}`` or OpenAI's ``{"error": {"message": …}}``.
"""
from __future__ import annotations

import json
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from transcribe.errors import TranscribeError
from transcribe.worded import WordedText

RETRY_STATUS = (429, 502, 503, 504)
TIMEOUT_S = 600.0


class ServerError(TranscribeError):
    """The speech server refused a request; the sentence names its answer."""


class ServerUnreachable(ServerError):
    """The server did not answer (refused connection, timeout, or busy) after every try."""


def base_url(url: str) -> str:
    """The server's root, without a trailing ``/`` or ``/v1``.

    >>> base_url("http://127.0.0.1:8000/v1/"), base_url("https://asr.lab.example/api")
    ('http://127.0.0.1:8000', 'https://asr.lab.example/api')
    """
    url = url.strip().rstrip("/")
    if url.endswith("/v1"):
        url = url[:-3]
    if not url.startswith(("http://", "https://")):
        raise ServerError("The speech server's address {url} does not start with http:// or https://.", url=url)
    return url


def server_answer(body: bytes) -> str:
    """The server's own words in an error body: FastAPI's ``detail``, OpenAI's
    ``error.message`` (or vLLM's top-level ``message``), else the text itself.

    >>> server_answer(b'{"detail": "Invalid API key"}')
    'Invalid API key'
    >>> server_answer(b'{"error": {"message": "Model x not found", "type": "NotFoundError", "code": 404}}')
    'Model x not found'
    >>> server_answer(b'{"detail": [{"loc": ["body", "file"], "msg": "Field required"}]}')
    'body.file: Field required'
    """
    text = body.decode("utf-8", "replace").strip()
    try:
        data = json.loads(text)
    except ValueError:
        return " ".join(text.split())[:300] or "no explanation"
    found: Any = data
    if isinstance(data, dict):
        found = data.get("detail") or data.get("error") or data.get("message") or data
        if isinstance(found, dict):
            found = found.get("message") or found.get("detail") or json.dumps(found, ensure_ascii=False)
    if isinstance(found, list):  # FastAPI's validation errors
        found = "; ".join(".".join(str(p) for p in item.get("loc", [])) + ": " + str(item.get("msg", ""))
                          if isinstance(item, dict) else str(item) for item in found)
    return " ".join(str(found).split())[:300]


def multipart(fields: list[tuple[str, str]], file_name: str, file_bytes: bytes,
              content_type: str) -> tuple[bytes, str]:
    """A ``multipart/form-data`` body and its Content-Type header value."""
    boundary = "mosahebeh-" + uuid.uuid4().hex
    out = bytearray()
    for name, value in fields:
        out += (f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'
                f"{value}\r\n").encode()
    out += (f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="{file_name}"\r\n'
            f"Content-Type: {content_type}\r\n\r\n").encode()
    out += file_bytes + f"\r\n--{boundary}--\r\n".encode()
    return bytes(out), f"multipart/form-data; boundary={boundary}"


@dataclass
class Server:
    """A speech server: its address, the model to ask for, and the key (never shown)."""

    url: str
    model: str
    key: str = field(default="", repr=False)
    timeout: float = TIMEOUT_S
    retries: int = 4
    backoff_s: float = 1.0
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)

    def __post_init__(self) -> None:
        self.url = base_url(self.url)

    @property
    def label(self) -> str:
        """What a transcript records as its model: ``NAME @ URL``."""
        return f"{self.model} @ {self.url}"

    def _headers(self) -> dict[str, str]:
        headers = {"Accept": "application/json", "User-Agent": "mosahebeh"}
        if self.key:
            headers["Authorization"] = f"Bearer {self.key}"
        return headers

    def _request(self, path: str, body: bytes | None = None, content_type: str = "") -> bytes:
        headers = self._headers()
        if content_type:
            headers["Content-Type"] = content_type
        pause = self.backoff_s
        reason: object = ""  # a WordedText or an OSError: worded in the UI language
        for attempt in range(self.retries + 1):
            if attempt:
                self.sleep(pause)
                pause *= 2
            request = urllib.request.Request(self.url + path, data=body, headers=headers,
                                             method="POST" if body is not None else "GET")
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    return response.read()
            except urllib.error.HTTPError as exc:
                answer = server_answer(exc.read() or b"")
                if exc.code in RETRY_STATUS:
                    reason = WordedText("{status}: {answer}", status=exc.code, answer=answer)
                    wait = exc.headers.get("Retry-After") if exc.headers else None
                    if wait and wait.strip().isdigit():
                        pause = max(pause, min(float(wait), 120.0))
                    continue
                raise self._refusal(exc.code, answer, len(body or b"")) from None
            except TimeoutError as exc:
                reason = WordedText("no answer within {seconds:g} s ({exc})", seconds=self.timeout, exc=exc)
            except (urllib.error.URLError, ConnectionError, OSError) as exc:
                reason = getattr(exc, "reason", exc)  # an OSError is worded by its errno in Persian
        raise ServerUnreachable("The speech server at {url} did not answer after {tries} tries ({reason}). What "
                                "was transcribed so far is kept; transcribe again to go on from there.",
                                url=self.url, tries=self.retries + 1, reason=reason)

    def _refusal(self, status: int, answer: str, size: int) -> ServerError:
        if status in (401, 403):
            return ServerError("The speech server at {url} refused the API key ({status}: {answer}); check the "
                               "key in Settings → Servers or MOSAHEBEH_SERVER_KEY.",
                               url=self.url, status=status, answer=answer)
        if status == 404:
            return ServerError("The speech server at {url} has no model {model} or no transcription endpoint "
                               "({status}: {answer}); check the model name and the address.",
                               url=self.url, model=self.model, status=status, answer=answer)
        if status == 413:
            return ServerError("The speech server at {url} refused a piece of {mb} MB as too large ({status}: "
                               "{answer}).", url=self.url, mb=round(size / 1e6, 1), status=status, answer=answer)
        return ServerError("The speech server at {url} refused the request ({status}: {answer}).",
                           url=self.url, status=status, answer=answer)

    def models(self) -> list[str]:
        """The ids the server lists at ``GET /v1/models`` (its own order)."""
        body = self._request("/v1/models")
        try:
            data = json.loads(body)
        except ValueError:
            raise ServerError("The speech server at {url} answered /v1/models with something that is not JSON.",
                              url=self.url) from None
        items = data.get("data", data.get("models", [])) if isinstance(data, dict) else data
        return [str(m.get("id") or m.get("name") if isinstance(m, dict) else m) for m in items or []]

    def transcribe(self, audio: bytes, *, file_name: str = "piece.flac", content_type: str = "audio/flac",
                   language: str | None = None, prompt: str | None = None, words: bool = True) -> dict:
        """One piece of audio to the server; its ``verbose_json`` answer as a dict."""
        fields = [("model", self.model), ("model_name", self.model), ("response_format", "verbose_json"),
                  ("temperature", "0"), ("timestamp_granularities[]", "segment")]
        if words:
            fields.append(("timestamp_granularities[]", "word"))
        if language:
            fields.append(("language", language))
        if prompt:
            fields.append(("prompt", prompt))
        body, content = multipart(fields, file_name, audio, content_type)
        answer = self._request("/v1/audio/transcriptions", body, content)
        try:
            data = json.loads(answer)
        except ValueError:
            raise ServerError("The speech server at {url} answered with something that is not JSON: {answer}",
                              url=self.url, answer=server_answer(answer)) from None
        if not isinstance(data, dict):
            raise ServerError("The speech server at {url} answered with JSON that is not a transcription.",
                              url=self.url)
        return data
