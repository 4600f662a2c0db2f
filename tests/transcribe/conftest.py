"""Fixtures of the transcription tests: the bundled model joined once per run
(into the temporary MOSAHEBEH_DATA_DIR the root conftest sets), one loaded
pipeline, and espeak-ng Persian speech files made once."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

import transcribe_speech as speech


@pytest.fixture(scope="session")
def bundled_dir(tmp_path_factory) -> Path:
    assert os.environ.get("MOSAHEBEH_DATA_DIR"), "the root conftest redirects the data folder"
    from transcribe.models import bundled_model_dir

    return bundled_model_dir()


@pytest.fixture(scope="session")
def pipeline(bundled_dir):
    from transcribe.whisper import Pipeline

    return Pipeline()


@pytest.fixture(scope="session")
def audio(tmp_path_factory) -> dict[str, Path]:
    """Speech files: mono (2 sentences), stereo, stereo with echo leak, long mono (5 sentences, ~35 s)."""
    folder = tmp_path_factory.mktemp("speech")
    return {
        "mono": speech.mono(folder / "mono.wav"),
        "stereo": speech.stereo(folder / "stereo.wav"),
        "leak": speech.stereo(folder / "leak.wav", leak_db=-12.0),
        "long": speech.mono(folder / "long.wav", speech.SENTENCES[2:7], gap=2.0),
    }


@pytest.fixture
def make_study(tmp_path):
    """make_study(audio_file) -> (study, interview id): a new study with one interview and its audio."""
    from codebook import Study

    opened = []

    def make(audio_file: Path):
        study = Study.create(tmp_path / f"s{len(opened)}", name="t")
        opened.append(study)
        p = study.participants.add("مشارکت‌کننده ۱")
        interview = study.interviews.add(p.id, title="مصاحبه ۱")
        study.interviews.attach_audio(interview.id, audio_file)
        return study, interview.id

    yield make
    for study in opened:
        study.close()
