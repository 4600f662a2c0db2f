"""The decoding choice: accurate (beam search, the default) or fast (greedy), kept with the model in use
so the app, its workers and the command line decode alike."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from transcribe.errors import TranscribeError
from transcribe.whisper import DECODES, DEFAULT_DECODE, transcribe_options


def test_default_is_beam_search():
    assert DEFAULT_DECODE == "accurate"
    assert transcribe_options()["beam_size"] == 5
    assert transcribe_options(decode="fast")["beam_size"] == 1
    assert transcribe_options(decode="fast", beam_size=3)["beam_size"] == 3  # an explicit override wins
    assert set(DECODES) == {"accurate", "fast"}


def test_unknown_decode_is_one_sentence():
    with pytest.raises(TranscribeError, match="accurate or fast"):
        transcribe_options(decode="greedy")


def test_models_use_keeps_the_choice_for_every_process(tmp_path, monkeypatch):
    """`mosahebeh models use bundled --decode fast` is what a worker process then reads."""
    monkeypatch.setenv("MOSAHEBEH_DATA_DIR", str(tmp_path))
    run = [sys.executable, "-m", "desktop", "models", "use", "bundled"]
    out = subprocess.run(run + ["--decode", "fast"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "fast decoding" in out.stdout
    assert json.loads((tmp_path / "models" / "selected.json").read_text())["decode"] == "fast"
    child = subprocess.run([sys.executable, "-c", "from transcribe.whisper import transcribe_options as t; "
                            "print(t()['beam_size'])"], capture_output=True, text=True, timeout=60)
    assert child.stdout.strip() == "1", child.stderr
    out = subprocess.run(run + ["--decode", "accurate"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "accurate decoding" in out.stdout
    child = subprocess.run([sys.executable, "-c", "from transcribe.whisper import transcribe_options as t; "
                            "print(t()['beam_size'])"], capture_output=True, text=True, timeout=60)
    assert child.stdout.strip() == "5"
