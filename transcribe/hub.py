"""Fetching a CTranslate2 Whisper model from the Hugging Face hub (or a mirror), resumably.

For example (a sketch: it downloads, so it is not run as a doctest)::

    folder = fetch("large-v3-turbo", on_progress=print, cancel=lambda: False)

Nothing here runs unless the user asks to fetch. The endpoint is ``HF_ENDPOINT``
(a mirror) unless one is given; a proxy is taken from ``proxy=`` or the usual
``HTTPS_PROXY`` variables. huggingface_hub does the talking: the file list
with sizes and hashes (``HfApi.model_info(files_metadata=True)``), each file's
location (``get_hf_file_metadata``) and the transfer (``http_get``, which itself
resumes with a Range request when the connection drops midway). We keep each
file's bytes in ``<file>.part`` under ``models/.partial/<name>/`` ourselves,
because ``hf_hub_download`` deletes a partial file when it is interrupted: so
a cancelled or crashed fetch resumes where it stopped, next time. Every file
is checked against the hub's size and SHA-256 (git blob SHA-1 for small
files) before the folder is moved into the models folder.
"""
from __future__ import annotations

import contextlib
import fnmatch
import hashlib
import json
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from transcribe.errors import ModelError, TranscribeError
from transcribe.paths import models_dir
from transcribe.worded import WordedList

# What faster-whisper itself downloads of a model repository.
ALLOW_PATTERNS = ("config.json", "preprocessor_config.json", "model.bin", "tokenizer.json", "vocabulary.*")
PARTIAL = ".partial"
SOURCE_FILE = ".source.json"


class FetchCancelled(TranscribeError):
    """The fetch was cancelled; what arrived is kept and the next fetch resumes from it."""

    def __init__(self):
        super().__init__("Download cancelled; it resumes where it stopped next time.")


@dataclass(frozen=True)
class Progress:
    done: int          # bytes on disk of the whole model so far
    total: int         # bytes of the whole model
    file: str          # the file being transferred
    rate: float        # bytes per second over this run (0 at first)

    @property
    def eta(self) -> float:
        """Seconds left at the current rate, or -1 when not yet known."""
        return (self.total - self.done) / self.rate if self.rate > 0 else -1.0

    def to_dict(self) -> dict:
        return {"done": self.done, "total": self.total, "file": self.file, "rate": round(self.rate, 1),
                "eta": round(self.eta, 1)}


def repo_for(name: str) -> tuple[str, str]:
    """``(repo_id, folder name)`` for a catalogue key, a faster-whisper size or an ``owner/name`` id."""
    from faster_whisper.utils import _MODELS

    from transcribe.catalog import recommended

    entry = recommended(name)
    if entry is not None:
        if entry.needs_conversion:
            raise ModelError("{name} has no CTranslate2 copy on the hub. Convert it on a computer with transformers installed: {convert_command}; then add the folder.", name=name, convert_command=entry.convert_command)
        return entry.repo_id, entry.key
    if name in _MODELS:
        return _MODELS[name], name
    if name.count("/") == 1 and all(name.split("/")):
        return name, name.replace("/", "--")
    raise ModelError("Unknown model {name!r}: give a name from `mosahebeh models list --recommended` or a hub id such as owner/name.", name=name)


def endpoint_url(endpoint: str | None = None) -> str:
    """The hub to talk to: ``endpoint``, else ``HF_ENDPOINT`` (read now, not at import), else huggingface.co."""
    return (endpoint or os.environ.get("HF_ENDPOINT") or "https://huggingface.co").rstrip("/")


def use_proxy(proxy: str | None) -> None:
    """Send huggingface_hub's requests through ``proxy`` (``http://host:port``) in this process."""
    if not proxy:
        return
    import httpx2
    from huggingface_hub import set_client_factory
    from huggingface_hub.utils._http import hf_request_event_hook

    set_client_factory(lambda: httpx2.Client(proxy=proxy, follow_redirects=True, timeout=None,
                                             event_hooks={"request": [hf_request_event_hook]}))


class _Writer:
    """The open ``.part`` file as http_get sees it: every write is counted and may be cancelled;
    with ``limit`` (the bytes still to come, from the announced size) a server that sends more
    is stopped at once, not at the end (a mirror that never ends a 4 KB file filled 7.4 GB)."""

    def __init__(self, handle, on_bytes: Callable[[int], None], limit: int | None = None, name: str = ""):
        self._handle, self._on_bytes = handle, on_bytes
        self._left, self._name, self._limit = limit, name, limit

    def write(self, data: bytes) -> int:
        if self._left is not None:
            if len(data) > self._left:
                self._handle.write(data[:self._left])
                self._handle.truncate(self._handle.tell())
                raise ModelError("{file} is longer than the {size} bytes announced; the download was stopped.",
                                 file=self._name, size=self._limit)
            self._left -= len(data)
        written = self._handle.write(data)
        self._on_bytes(len(data))
        return written

    def __getattr__(self, name):  # seek, tell, truncate, flush
        return getattr(self._handle, name)


def _silent_tqdm():
    from tqdm.auto import tqdm

    class Silent(tqdm):
        def __init__(self, *args, **kwargs):
            kwargs["disable"] = True
            super().__init__(*args, **kwargs)

    return Silent


def _digest(path: Path, kind: str, size: int) -> str:
    h = hashlib.sha256() if kind == "sha256" else hashlib.sha1(f"blob {size}\0".encode())
    with open(path, "rb") as f:
        while chunk := f.read(8 << 20):
            h.update(chunk)
    return h.hexdigest()


def fetch(name: str, *, endpoint: str | None = None, proxy: str | None = None, revision: str | None = None,
          on_progress: Callable[[Progress], None] | None = None, cancel: Callable[[], bool] | None = None) -> Path:
    """Download model ``name`` into the models folder and return its folder there.

    ``on_progress(Progress)`` is called as bytes arrive (at most ~10 times a second);
    ``cancel()`` is polled with every chunk and raises :class:`FetchCancelled`."""
    import httpx2
    from huggingface_hub import HfApi, get_hf_file_metadata, hf_hub_url
    from huggingface_hub.errors import HfHubHTTPError
    from huggingface_hub.file_download import http_get
    from huggingface_hub.utils import build_hf_headers

    repo_id, folder = repo_for(name)
    url_base = endpoint_url(endpoint)
    use_proxy(proxy)
    target = models_dir() / folder
    staging = models_dir() / PARTIAL / folder
    try:
        info = HfApi(endpoint=url_base).model_info(repo_id, revision=revision, files_metadata=True)
        files = [s for s in info.siblings or ()
                 if any(fnmatch.fnmatch(s.rfilename, p) for p in ALLOW_PATTERNS)]
        names = {s.rfilename for s in files}
        if not {"config.json", "model.bin"} <= names:
            raise ModelError("{repo_id} on {url_base} is not a CTranslate2 Whisper model (it has no {items}). A transformers model must be converted first with ct2-transformers-converter.", repo_id=repo_id, url_base=url_base, items=WordedList(sorted({'config.json', 'model.bin'} - names), ' or '))
        total = sum(s.size or 0 for s in files)
        staging.mkdir(parents=True, exist_ok=True)
        done = sum(min((staging / s.rfilename).stat().st_size, s.size or 0) if (staging / s.rfilename).exists()
                   else ((staging / (s.rfilename + ".part")).stat().st_size
                         if (staging / (s.rfilename + ".part")).exists() else 0) for s in files)
        began, start_done, last = time.monotonic(), done, 0.0
        current = ""

        def report(n: int, force: bool = False) -> None:
            nonlocal done, last
            done += n
            if cancel is not None and cancel():
                raise FetchCancelled()
            now = time.monotonic()
            if on_progress is not None and (force or now - last >= 0.1):
                last = now
                elapsed = now - began
                on_progress(Progress(done, total, current, (done - start_done) / elapsed if elapsed > 0.5 else 0.0))

        report(0, force=True)
        headers = build_hf_headers()
        for sibling in files:
            current = sibling.rfilename
            final, part = staging / sibling.rfilename, staging / (sibling.rfilename + ".part")
            size = sibling.size
            if final.is_file() and final.stat().st_size == size:
                continue
            resume = part.stat().st_size if part.is_file() else 0
            if size is not None and resume > size:
                part.unlink()
                done -= resume
                resume = 0
            url = hf_hub_url(repo_id, sibling.rfilename, revision=info.sha, endpoint=url_base)
            location = get_hf_file_metadata(url, headers=headers, endpoint=url_base).location
            with open(part, "ab") as handle:
                http_get(location, _Writer(handle, report, None if size is None else size - resume,  # type: ignore[arg-type]
                                           sibling.rfilename),  # it writes like the file it wraps
                         resume_size=resume, expected_size=size,
                         headers=headers, tqdm_class=_silent_tqdm())
            _verify(part, sibling)
            os.replace(part, final)
            report(0, force=True)
    except ModelError as exc:
        if "announced" in getattr(exc, "template", str(exc)):  # what arrived is not the file: not kept to resume
            with contextlib.suppress(OSError):
                (staging / (current + ".part")).unlink()
        raise
    except TranscribeError:
        raise
    except (httpx2.HTTPError, HfHubHTTPError, OSError, ValueError) as exc:
        raise ModelError("Cannot fetch {repo_id} from {url_base}: {reason}. What arrived is kept; fetch again to resume, or copy the model in with `mosahebeh models add`.", repo_id=repo_id, url_base=url_base, reason=_reason(exc)) from exc
    return _install(staging, target, repo_id, url_base, info.sha, files)


def _reason(exc: Exception) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:300]


def _verify(path: Path, sibling) -> None:
    size = path.stat().st_size
    if sibling.size is not None and size != sibling.size:
        raise ModelError("{rfilename} arrived with {size:,} bytes, the hub says {size2:,}.", rfilename=sibling.rfilename, size=size, size2=sibling.size)
    if sibling.lfs is not None:
        expected, kind = sibling.lfs.sha256, "sha256"
    elif sibling.blob_id:
        expected, kind = sibling.blob_id, "sha1"
    else:
        return
    actual = _digest(path, kind, size)
    if actual != expected:
        path.unlink(missing_ok=True)
        raise ModelError("{rfilename} does not match the hub's checksum ({actual}…, expected {expected}…); it was removed. Fetch again.", rfilename=sibling.rfilename, actual=actual[:12], expected=expected[:12])


def _install(staging: Path, target: Path, repo_id: str, endpoint: str, sha: str | None, files) -> Path:
    from transcribe.models import check_model_folder

    check_model_folder(staging)
    record = {"repo_id": repo_id, "endpoint": endpoint, "revision": sha,
              "files": {s.rfilename: {"size": s.size, "sha256": s.lfs.sha256 if s.lfs else None,
                                      "blob_id": s.blob_id} for s in files},
              "verified": True}
    (staging / SOURCE_FILE).write_text(json.dumps(record, indent=1), encoding="utf-8")
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
        shutil.rmtree(old, ignore_errors=True)
    os.replace(staging, target)
    return target


def partial_bytes(name: str) -> int:
    """Bytes already fetched of ``name`` (0 if nothing is waiting to be resumed)."""
    try:
        _, folder = repo_for(name)
    except ModelError:
        return 0
    staging = models_dir() / PARTIAL / folder
    return sum(p.stat().st_size for p in staging.rglob("*") if p.is_file()) if staging.is_dir() else 0
