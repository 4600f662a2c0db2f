"""Fixtures of the command-line tests: the real ``mosahebeh`` entry point run in a subprocess
(``python -m desktop``, as ``.venv/bin/mosahebeh`` runs it), the bundled model joined once, and a
short two-sided call of real speech."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

import cli_speech as speech  # noqa: E402  (the folder's own helpers, found through the path above)


@pytest.fixture(scope="session")
def bundled_model():
    """The bundled Whisper model, joined into the run's data folder once (the subprocesses share it)."""
    from transcribe.models import bundled_model_dir

    return bundled_model_dir()


@pytest.fixture(scope="session")
def call_wav(tmp_path_factory) -> Path:
    """About 9 s: the interviewer asks (left channel), the participant answers (right)."""
    return speech.call(tmp_path_factory.mktemp("call") / "call.wav")
