"""Settings → Models with real widgets: add from a zip and use it, remove, fetch from a local hub
with progress, cancel and resume through the worker process, the device choice, Compare models."""
from __future__ import annotations

import zipfile

import pytest
from PySide6.QtWidgets import QMessageBox

from local_hub import LocalHub

FILES = ["config.json", "model.bin", "tokenizer.json", "vocabulary.txt"]
REPO = "test-owner/whisper-base"


@pytest.fixture
def data_dir(tmp_path, monkeypatch, bundled_dir, qapp):
    from transcribe import models

    monkeypatch.setenv("MOSAHEBEH_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setattr(models, "bundled_model_dir", lambda: bundled_dir)
    return tmp_path / "data"


def _widget(qtbot, **kw):
    from desktop.transcription.model_settings import ModelSettingsWidget

    widget = ModelSettingsWidget(**kw)
    qtbot.addWidget(widget)
    return widget


def _rows(table):
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def test_add_from_zip_use_and_remove(qtbot, data_dir, bundled_dir, tmp_path, monkeypatch):
    from transcribe.installed import selected_model

    widget = _widget(qtbot)
    assert _rows(widget.table) == [["Bundled Whisper base", "148 MB", "in use"]]
    assert not widget.hint.isHidden() and str(data_dir / "models") in widget.hint.text()
    archive = tmp_path / "fa-model.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for name in FILES:
            z.write(bundled_dir / name, f"fa-model/{name}")
    assert widget.add_path(str(archive))
    assert selected_model() == "fa-model"
    assert [r[0] for r in _rows(widget.table)] == ["Bundled Whisper base", "fa-model"]
    assert _rows(widget.table)[1][2] == "in use" and widget.hint.isHidden()
    hostile = tmp_path / "evil.zip"
    with zipfile.ZipFile(hostile, "w") as z:
        z.writestr("../evil.txt", "x")
    assert not widget.add_path(str(hostile)) and "unsafe" in widget.problem.text()
    widget.table.selectRow(1)
    assert widget.remove_button.isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    widget.remove_selected()
    assert selected_model() is None and widget.table.rowCount() == 1
    widget.table.selectRow(0)
    assert not widget.remove_button.isEnabled()  # never the bundled one


def test_fetch_with_progress_cancel_and_resume(qtbot, data_dir, bundled_dir):
    from transcribe.installed import selected_model

    widget = _widget(qtbot)
    seen = []
    with LocalHub(bundled_dir, REPO, FILES, rate_limit=20_000_000) as server:
        widget.mirror.setText(server.url)
        widget.fetch_selected(REPO)
        widget.job.message.connect(lambda d: seen.append(d.get("fetch", {}).get("done", 0)))
        qtbot.waitUntil(lambda: any(d > 20_000_000 for d in seen), timeout=120_000)
        assert "of 148 MB" in widget.fetch_status.text() and 0 < widget.bar.value() < 1000
        widget.cancel_fetch()
        qtbot.waitUntil(lambda: widget.job is None, timeout=60_000)
        assert "Fetch again to resume" in widget.fetch_status.text()
        server.requests.clear()
        widget.fetch_selected(REPO)
        qtbot.waitUntil(lambda: widget.job is None, timeout=180_000)
        ranges = [r[2] for r in server.requests if r[0] == "GET" and r[1].endswith("/model.bin")]
    assert widget.fetch_status.text() == f"{REPO} is fetched, verified and in use."
    assert widget.bar.value() == 1000 and ranges and ranges[0].startswith("bytes=") and ranges[0] != "bytes=0-"
    assert selected_model() == "test-owner--whisper-base"
    assert "test-owner--whisper-base" in [r[0] for r in _rows(widget.table)]


def test_device_choice_and_estimate(qtbot, data_dir):
    from transcribe.installed import selection
    from transcribe.models import device_options

    widget = _widget(qtbot)
    assert [widget.device.itemData(i) for i in range(widget.device.count())][:2] == ["auto", "cpu"]
    widget.device.setCurrentIndex(widget.device.findData("cpu"))
    widget.compute.setCurrentIndex(widget.compute.findData("int8"))
    widget.threads.setValue(1)
    assert selection()["device"] == "cpu" and device_options() == {"device": "cpu", "compute_type": "int8",
                                                                      "cpu_threads": 1}
    assert widget.estimate.text().startswith("About ") and "per hour of audio" in widget.estimate.text()
    assert "int8_float16" not in [widget.compute.itemData(i) for i in range(widget.compute.count())]


def test_estimate_counts_the_studys_waiting_interviews_and_compare_dialog(qtbot, data_dir, study, audio):
    from desktop.transcription.compare_dialog import CompareModelsDialog

    p = study.participants.add("الف")
    interview = study.interviews.add(p.id)
    study.interviews.attach_audio(interview.id, audio["mono"])
    widget = _widget(qtbot, study_folder=study.folder)
    assert "not yet transcribed (1," in widget.estimate.text() and widget.compare.isEnabled()
    dialog = CompareModelsDialog(study.folder)
    qtbot.addWidget(dialog)
    assert not dialog.start.isEnabled() and "No checked segments" in dialog.status.text()
    dialog.show_result({"segments": 3, "audio_seconds": 6.4, "models": [
        {"model": "bundled", "wer": 0.8, "cer": 0.4, "speed": 1.5, "error": ""},
        {"model": "large-v3", "wer": 0.2, "cer": 0.06, "speed": 0.3, "error": ""},
        {"model": "gone", "wer": None, "cer": None, "speed": 0, "error": "not on this computer"}]})
    assert _rows(dialog.table) == [["large-v3", "20.0%", "6.0%", "0.30×"],
                                   ["Bundled Whisper base", "80.0%", "40.0%", "1.50×"], ["gone", "–", "–", "–"]]
