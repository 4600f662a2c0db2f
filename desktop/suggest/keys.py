"""Server keys, kept out of the settings file and never printed: one small JSON file in the per-user data
folder, readable by its owner only (mode 600), replaced whole on each write.

One interface, by name: :func:`get_key` and :func:`set_key` (an empty key removes it). The speech server of
Settings → Servers keeps its key the same way; the two stores are meant to become one.

>>> set_key("llm", "sekret")
>>> get_key("llm")
'sekret'
>>> set_key("llm", "")
>>> get_key("llm")
''
"""
from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

from transcribe.paths import data_dir


def _path() -> Path:
    return data_dir() / "keys.json"


def _read() -> dict[str, str]:
    try:
        data = json.loads(_path().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}


def get_key(name: str) -> str:
    """The key kept under ``name`` ('' when none)."""
    return _read().get(name, "")


def set_key(name: str, key: str) -> None:
    """Keep ``key`` under ``name`` (mode 600; an empty key removes the entry)."""
    keys = _read()
    if key:
        keys[name] = key
    else:
        keys.pop(name, None)
    path = _path()
    fd, tmp = tempfile.mkstemp(prefix=".keys-", dir=path.parent)
    try:
        os.chmod(tmp, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(keys, f)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    os.chmod(path, 0o600)
