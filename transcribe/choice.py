"""Which Whisper model is in use: ``models/selected.json`` (model, device, compute type, CPU
threads, and the decoding: ``accurate`` or ``fast``, see :data:`transcribe.whisper.DECODES`), so that the app, its worker processes and the ``mosahebeh`` command read the same
choice. Read here (by :mod:`transcribe.models` too); written by :func:`transcribe.installed.select`.
"""
from __future__ import annotations

import json
from pathlib import Path

from transcribe.paths import models_dir

SELECTED = "selected.json"


def selected_file() -> Path:
    return models_dir() / SELECTED


def selection() -> dict:
    """``{"model": spec or None, "device": .., "compute_type": .., "cpu_threads": .., "decode": ..}``;
    missing keys are None."""
    try:
        data = json.loads(selected_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    return {key: data.get(key) for key in ("model", "device", "compute_type", "cpu_threads", "decode")}


def selected_model() -> str | None:
    """The model spec in use (None: the bundled model)."""
    return selection()["model"] or None


def offline_hint() -> str:
    """The one sentence for a computer with no model but the bundled one and no internet."""
    return (f"To use a bigger model without internet, copy its CTranslate2 folder (or a .zip/.tar of it) "
            f"from another computer and add it with Settings → Models → Add from file, or "
            f"`mosahebeh models add PATH`; models live in {models_dir()}.")
