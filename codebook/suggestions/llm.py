"""An OpenAI-compatible chat-completions client (Ollama, llama.cpp's server, vLLM, a lab server), stdlib only.

Bounded on every side: the request body (:data:`MAX_REQUEST_BYTES`), the answer read
(:data:`MAX_ANSWER_BYTES`), the whole exchange (``timeout`` seconds, measured from the first byte sent,
not per socket read, so a server that trickles bytes is cut off too). 429 and 503 are retried a few times
(honouring ``Retry-After`` up to :data:`MAX_WAIT_S`). :meth:`ChatClient.abort` closes the connection from
another thread (a cancelled run does not wait for the model).

The answer is asked for through a JSON schema: first in the OpenAI form
(``response_format: {"type": "json_schema", ...}``, which Ollama, vLLM and llama.cpp's own server take);
a server that refuses that form (llama-cpp-python's takes ``{"type": "json_object", "schema": ...}``)
is asked again in the other, once, and remembered.

The key is given by the caller (the app's key store, or ``MOSAHEBEH_LLM_KEY`` on the command line); it goes
only into the ``Authorization`` header and never into an error text.
"""
from __future__ import annotations

import http.client
import json
import socket
import threading
import time
import urllib.parse
from collections.abc import Callable

from codebook.errors import StudyError

MAX_REQUEST_BYTES = 64_000
MAX_ANSWER_BYTES = 1_000_000
MAX_WAIT_S = 30.0
RETRIES = 3
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


class ServerError(StudyError):
    """The language model server could not be reached, refused, or did not answer in time."""


class ServerTimeout(ServerError):
    """The server took longer than the client's timeout."""


def base_url(url: str) -> str:
    """The server's API root, ending in ``/v1`` (``http://host:8080`` and ``…/v1/`` both give ``…/v1``)."""
    url = (url or "").strip().rstrip("/")
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StudyError("{url} is not a server address (http://host:port or https://…).", url=url)
    if url.endswith("/chat/completions"):
        url = url[: -len("/chat/completions")]
    return url if url.endswith("/v1") else url + "/v1"


def is_local(url: str) -> bool:
    """Whether ``url`` names this computer (127.0.0.1, localhost, ::1): only then may text go unpseudonymised."""
    host = urllib.parse.urlsplit((url or "").strip()).hostname or ""
    return host in LOCAL_HOSTS


class ChatClient:
    """One server and model. ``sleep`` is for waiting between retries (a run passes one that stops on cancel)."""

    def __init__(self, url: str, model: str, key: str | None = None, *, timeout: float = 120.0,
                 max_tokens: int = 1024, sleep: Callable[[float], None] = time.sleep):
        self.url = base_url(url)
        self.model = (model or "").strip()
        if not self.model:
            raise StudyError("Name the model to ask (as the server lists it).")
        self._key = key or ""
        self.timeout = timeout
        self.max_tokens = max_tokens
        self._sleep = sleep
        self._dialect = "json_schema"
        self._conn: http.client.HTTPConnection | None = None
        self._lock = threading.Lock()
        self._aborted = False

    # -- public ---------------------------------------------------------------------------------------

    def models(self) -> list[str]:
        """The model names the server lists (``GET /v1/models``): the settings' "Test connection"."""
        status, body = self._request("GET", "/models", None)
        if status != 200:
            raise ServerError("The server at {url} answered {status} to the list of models.", url=self.url,
                              status=status)
        try:
            data = json.loads(body)
            return [str(m.get("id", "")) for m in data.get("data", []) if isinstance(m, dict)]
        except (ValueError, AttributeError):
            raise ServerError("The server at {url} did not list its models as an OpenAI-compatible server does.",
                              url=self.url) from None

    def complete(self, messages: list[dict], schema: dict) -> str:
        """The model's answer text to ``messages``, asked for in ``schema``. Raises :class:`ServerError`
        when no answer came (unreachable, refused, timed out); the text itself is not checked here."""
        payload = {"model": self.model, "messages": messages, "temperature": 0, "max_tokens": self.max_tokens,
                   "stream": False}
        for _ in range(2):
            payload["response_format"] = self._format(schema)
            body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
            if len(body) > MAX_REQUEST_BYTES:
                raise StudyError("A request of {size} bytes is larger than the {limit} the client sends.",
                                 size=len(body), limit=MAX_REQUEST_BYTES)
            status, answer = self._with_retries(body)
            if self._dialect == "json_schema" and _refused_format(status, answer):
                self._dialect = "json_object"  # llama-cpp-python's form; asked once more
                continue
            break
        if status != 200:
            raise ServerError("The server at {url} answered {status}: {detail}", url=self.url, status=status,
                              detail=_detail(answer))
        try:
            data = json.loads(answer)
            content = data["choices"][0]["message"]["content"]
        except (ValueError, KeyError, IndexError, TypeError):
            return ""  # not an OpenAI-compatible answer: the caller counts it as nonsense
        return content if isinstance(content, str) else ""

    def abort(self) -> None:
        """Close the connection in use (from another thread): the request in flight fails at once."""
        with self._lock:
            self._aborted = True
            if self._conn is not None:
                try:
                    self._conn.sock and self._conn.sock.shutdown(socket.SHUT_RDWR)
                except OSError:
                    pass

    # -- the exchange -----------------------------------------------------------------------------------

    def _format(self, schema: dict) -> dict:
        if self._dialect == "json_schema":
            return {"type": "json_schema", "json_schema": {"name": "suggestions", "strict": True, "schema": schema}}
        return {"type": "json_object", "schema": schema}

    def _with_retries(self, body: bytes) -> tuple[int, bytes]:
        wait = 1.0
        for attempt in range(RETRIES + 1):
            status, answer, retry_after = self._request("POST", "/chat/completions", body, with_retry_after=True)
            if status not in (429, 503) or attempt == RETRIES:
                return status, answer
            self._sleep(min(MAX_WAIT_S, retry_after if retry_after is not None else wait))
            wait *= 2
            if self._aborted:
                raise ServerError("The request to {url} was cancelled.", url=self.url)
        raise AssertionError("unreachable")

    def _request(self, method: str, path: str, body: bytes | None, *, with_retry_after: bool = False):
        parts = urllib.parse.urlsplit(self.url)
        cls = http.client.HTTPSConnection if parts.scheme == "https" else http.client.HTTPConnection
        deadline = time.monotonic() + self.timeout
        headers = {"Accept": "application/json", "User-Agent": "mosahebeh"}
        if body is not None:
            headers["Content-Type"] = "application/json"
        if self._key:
            headers["Authorization"] = "Bearer " + self._key
        conn = cls(parts.hostname or "", parts.port, timeout=min(self.timeout, 30.0))
        with self._lock:
            if self._aborted:
                raise ServerError("The request to {url} was cancelled.", url=self.url)
            self._conn = conn
        try:
            conn.request(method, parts.path + path, body=body, headers=headers)
            conn.sock.settimeout(max(0.1, deadline - time.monotonic()))
            response = conn.getresponse()
            chunks, size = [], 0
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    raise TimeoutError
                conn.sock and conn.sock.settimeout(left)
                piece = response.read1(65536) if hasattr(response, "read1") else response.read(65536)
                if not piece:
                    break
                size += len(piece)
                if size > MAX_ANSWER_BYTES:
                    raise ServerError("The server at {url} sent more than {limit} bytes; the answer was dropped.",
                                      url=self.url, limit=MAX_ANSWER_BYTES)
                chunks.append(piece)
            answer = b"".join(chunks)
            retry_after = _seconds(response.getheader("Retry-After"))
            status = response.status
        except TimeoutError:
            raise ServerTimeout("The server at {url} did not answer within {seconds} seconds.", url=self.url,
                                seconds=round(self.timeout)) from None
        except (OSError, http.client.HTTPException) as exc:
            if self._aborted:
                raise ServerError("The request to {url} was cancelled.", url=self.url) from None
            raise ServerError("Cannot reach the language model server at {url}: {reason}.", url=self.url,
                              reason=getattr(exc, "strerror", None) or exc.__class__.__name__) from None
        finally:
            with self._lock:
                self._conn = None
            conn.close()
        return (status, answer, retry_after) if with_retry_after else (status, answer)


def _refused_format(status: int, answer: bytes) -> bool:
    """Whether the server refused the ``json_schema`` form of ``response_format`` (400 or 422; llama-cpp-python
    answers its validation error with a 500 that names the field)."""
    return status in (400, 422) or (status == 500 and b"response_format" in answer)


def _seconds(value: str | None) -> float | None:
    try:
        return max(0.0, float(value)) if value else None
    except ValueError:
        return None


def _detail(answer: bytes) -> str:
    """A short, printable piece of an error answer (servers put the reason in ``error.message``)."""
    try:
        data = json.loads(answer)
        message = data.get("error", {}).get("message") if isinstance(data.get("error"), dict) else data.get("error")
        if message:
            return str(message)[:200]
    except (ValueError, AttributeError):
        pass
    return answer[:200].decode("utf-8", "replace").strip() or "no reason given"
