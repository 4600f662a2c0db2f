"""Where Mosahebeh keeps per-user data (the joined Whisper model, the demo study).

``MOSAHEBEH_DATA_DIR`` overrides the place (tests use it); otherwise the
platform's usual folder: ``$XDG_DATA_HOME/mosahebeh`` (``~/.local/share``) on
Linux, ``%APPDATA%\\Mosahebeh`` on Windows, ``~/Library/Application Support/Mosahebeh`` on macOS.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path


def data_dir() -> Path:
    override = os.environ.get("MOSAHEBEH_DATA_DIR")
    if override:
        path = Path(override)
    elif sys.platform == "win32":
        path = Path(os.environ.get("APPDATA", Path.home() / "AppData" / "Roaming")) / "Mosahebeh"
    elif sys.platform == "darwin":
        path = Path.home() / "Library" / "Application Support" / "Mosahebeh"
    else:
        path = Path(os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share") / "mosahebeh"
    path.mkdir(parents=True, exist_ok=True)
    return path


def models_dir() -> Path:
    """Where local Whisper models live: one CTranslate2 folder per model."""
    path = data_dir() / "models"
    path.mkdir(parents=True, exist_ok=True)
    return path
