"""API keys of the servers the user chose (a speech server, a language-model server…), kept out of sight.

    keys = ServerKeys("speech-server")      # another group uses another name: ServerKeys("llm-server")
    keys.set("sk-…")
    keys.get()                              # "sk-…" ('' when none)
    keys.where                              # "keyring" or "file"

A key goes to the system keyring when one is there (the ``keyring`` package
with a working back end: GNOME Keyring, KWallet, macOS Keychain, Windows
Credential Locker); otherwise to ``server-keys.json`` in the per-user data
folder, created readable and writable by the user only (``chmod 600``, checked
and fixed on every write). A key is never printed, never logged, never put on a
command line: a worker process gets it in its environment (``MOSAHEBEH_SERVER_KEY``
for ``mosahebeh transcribe``). Tests set ``MOSAHEBEH_DATA_DIR``.
"""
from __future__ import annotations

import contextlib
import json
import os
import stat
from pathlib import Path

from transcribe.paths import data_dir

SERVICE = "mosahebeh"
FILE_NAME = "server-keys.json"


def _keyring():
    """The keyring module when a real back end is there, else None."""
    try:
        import keyring
        from keyring.backends import fail
    except ImportError:
        return None
    try:
        backend = keyring.get_keyring()
    except Exception:  # a broken configuration is no keyring
        return None
    if isinstance(backend, fail.Keyring) or getattr(backend, "priority", 0) <= 0:
        return None
    return keyring


def keys_file() -> Path:
    return data_dir() / FILE_NAME


class ServerKeys:
    """The key of one named server setting."""

    def __init__(self, name: str):
        self.name = name

    def __repr__(self) -> str:  # never the key itself
        return f"ServerKeys({self.name!r})"

    @property
    def where(self) -> str:
        return "keyring" if _keyring() is not None else "file"

    def get(self) -> str:
        ring = _keyring()
        if ring is not None:
            with contextlib.suppress(Exception):
                return ring.get_password(SERVICE, self.name) or ""
        return str(_read().get(self.name, ""))

    def set(self, key: str) -> None:
        """Keep ``key`` (an empty key forgets it)."""
        key = key.strip()
        if not key:
            self.clear()
            return
        ring = _keyring()
        if ring is not None:
            try:
                ring.set_password(SERVICE, self.name, key)
                self._drop_from_file()
                return
            except Exception:  # a locked or refusing keyring: the private file instead
                pass
        data = _read()
        data[self.name] = key
        _write(data)

    def clear(self) -> None:
        ring = _keyring()
        if ring is not None:
            with contextlib.suppress(Exception):
                ring.delete_password(SERVICE, self.name)
        self._drop_from_file()

    def _drop_from_file(self) -> None:
        data = _read()
        if self.name in data:
            del data[self.name]
            _write(data)


def _read() -> dict:
    try:
        data = json.loads(keys_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def _write(data: dict) -> None:
    """Replace the file whole, created with mode 600 (no moment when others could read it)."""
    path = keys_file()
    tmp = path.with_name(path.name + ".tmp")
    with contextlib.suppress(FileNotFoundError):
        tmp.unlink()
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, stat.S_IRUSR | stat.S_IWUSR)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f)
        f.flush()
        os.fsync(f.fileno())
    os.chmod(tmp, stat.S_IRUSR | stat.S_IWUSR)
    os.replace(tmp, path)
