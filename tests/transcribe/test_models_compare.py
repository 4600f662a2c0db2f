"""Compare models on the demo study's checked segments: the bundled model and a copy of it under another
name score the same WER (same weights, same audio), and the CLI prints the JSON shape."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from codebook import Study
from codebook.compare_models import checked_clips, compare_models
from codebook.errors import StudyError

pytestmark = pytest.mark.slow  # runs the real Whisper model


@pytest.fixture
def with_copy(bundled_dir, monkeypatch, tmp_path):
    """A data folder with the bundled model and a linked copy of it named base-copy."""
    from transcribe import installed, models

    monkeypatch.setenv("MOSAHEBEH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(models, "bundled_model_dir", lambda: bundled_dir)
    installed.add_model(bundled_dir, name="base-copy", link=True)
    return tmp_path / "data"


def test_compare_bundled_and_a_copy_on_checked_segments(demo_path, with_copy):
    seen = []
    with Study.open(demo_path) as study:
        clips = checked_clips(study)
        assert len(clips) > 20 and [c.end_ms - c.start_ms for c in clips] == sorted(c.end_ms - c.start_ms for c in clips)
        # one short segment: the bundled model is slow-ish on two shared cores
        result = compare_models(study, limit=1, on_progress=lambda f, m: seen.append((round(f, 2), m)))
    assert [m.model for m in result.models] == ["bundled", "base-copy"]
    bundled, copy = result.models
    assert not bundled.error and bundled.ref_words > 0 and bundled.wer is not None and bundled.speed > 0
    assert (bundled.wer, bundled.cer) == (copy.wer, copy.cer)  # same weights, same audio, same text
    assert bundled.hypotheses == copy.hypotheses and all(bundled.hypotheses)
    assert seen == [(0.5, "bundled"), (1.0, "base-copy")]
    assert result.segments == 1 and 1 < result.audio_seconds < 4


def test_a_missing_model_is_reported_not_fatal_and_nothing_checked_is_a_message(demo_path, study, with_copy):
    with pytest.raises(StudyError, match="No checked segments"):
        compare_models(study)
    with Study.open(demo_path) as demo:
        from transcribe.whisper import Cancelled
        with pytest.raises(Cancelled):
            compare_models(demo, ["bundled"], limit=1, cancel=lambda: True)
        result = compare_models(demo, ["mosahebeh-test/absent"], limit=1)
    assert "not on this computer" in result.models[0].error and result.models[0].wer is None


def test_cli_compare_json(demo_path, with_copy):
    run = subprocess.run([sys.executable, "-m", "desktop", "models", "compare", "--study", str(demo_path),
                          "--models", "base-copy", "--segments", "1", "--json"],
                         capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr
    data = json.loads(run.stdout)
    assert data["segments"] == 1 and [m["model"] for m in data["models"]] == ["base-copy"]
    assert set(data["models"][0]) >= {"wer", "cer", "speed", "seconds", "load_seconds", "error"}


def test_compare_dialog_runs_the_worker_and_shows_wer(qtbot, demo_path, with_copy):
    from PySide6.QtCore import Qt

    from desktop.transcription.compare_dialog import CompareModelsDialog

    dialog = CompareModelsDialog(demo_path)
    qtbot.addWidget(dialog)
    assert dialog.available > 20 and dialog.start.isEnabled()
    for i in range(dialog.models.count()):  # only the copy: the worker process has no monkeypatched bundled model
        item = dialog.models.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) == "base-copy"
                           else Qt.CheckState.Unchecked)
    dialog.segments.setValue(1)
    dialog.run()
    qtbot.waitUntil(lambda: dialog.job is None, timeout=280_000)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 0).text() == "base-copy"
    assert dialog.table.item(0, 1).text().endswith("%") and dialog.bar.value() == 1000
    assert dialog.status.text().startswith("1 checked segments")
