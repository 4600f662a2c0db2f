"""The bundled model joined and verified once; model specs resolved; clear errors."""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys

import pytest

from transcribe import models
from transcribe.errors import ModelError


def test_bundled_model_is_joined_once_and_verified(bundled_dir):
    model_bin = bundled_dir / "model.bin"
    assert model_bin.stat().st_size == models.BUNDLED_SIZE
    digest = hashlib.sha256(model_bin.read_bytes()).hexdigest()
    assert digest == models.BUNDLED_SHA256
    for name in ("config.json", "tokenizer.json", "vocabulary.txt"):
        assert (bundled_dir / name).is_file()
    before = model_bin.stat().st_mtime_ns
    assert models.bundled_model_dir() == bundled_dir
    assert model_bin.stat().st_mtime_ns == before  # not joined again
    spec = models.resolve_model(None)
    assert spec.path == bundled_dir and spec.model_id == str(bundled_dir)
    assert models.format_size(spec.size_bytes).endswith("MB")


def _fake_parts(tmp_path, monkeypatch, contents):
    """Point the bundled-model lookup at fake packages in tmp_path, and a fresh data folder."""
    monkeypatch.setenv("MOSAHEBEH_DATA_DIR", str(tmp_path / "data"))
    for n, data in enumerate(contents, start=1):
        folder = tmp_path / f"part{n}" / "data"
        folder.mkdir(parents=True)
        (folder / "config.json").write_text("{}")
        if data is not None:
            with open(folder / f"model.bin.part{n}", "wb") as f:
                f.truncate(data)  # a sparse file of that many zero bytes
    monkeypatch.setattr(models, "_package_data",
                        lambda package: tmp_path / f"part{models.BUNDLED_PACKAGES.index(package) + 1}" / "data")


def test_corrupt_part_is_refused_and_leaves_no_model(tmp_path, monkeypatch):
    _fake_parts(tmp_path, monkeypatch, [models.PART_SIZE, models.PART_SIZE])
    with pytest.raises(ModelError, match="does not check out"):
        models.bundled_model_dir()
    target = tmp_path / "data" / "models" / models.BUNDLED_FOLDER
    assert not (target / "model.bin").exists()
    assert not list(target.glob("model.bin.joining*"))


def test_missing_or_truncated_part_gives_a_clear_message(tmp_path, monkeypatch):
    _fake_parts(tmp_path, monkeypatch, [models.PART_SIZE, None])
    with pytest.raises(ModelError, match="Part 2 of the bundled Whisper model is missing"):
        models.bundled_model_dir()


def test_truncated_part(tmp_path, monkeypatch):
    _fake_parts(tmp_path, monkeypatch, [models.PART_SIZE - 10, models.PART_SIZE])
    with pytest.raises(ModelError, match="Part 1 .* damaged"):
        models.bundled_model_dir()


def test_uninstalled_package(monkeypatch):
    monkeypatch.setattr(models, "BUNDLED_PACKAGES", ("no_such_package_mosahebeh", "x"))
    with pytest.raises(ModelError, match="not installed"):
        models.bundled_parts()


def test_local_folder_and_models_dir_name(bundled_dir, tmp_path):
    local = models.models_dir() / "my-persian-model"
    local.mkdir(exist_ok=True)
    for f in bundled_dir.iterdir():
        if not f.name.startswith("."):
            (local / f.name).unlink(missing_ok=True)
            (local / f.name).symlink_to(f)
    assert models.resolve_model("my-persian-model").path == local
    assert models.resolve_model(str(local)).path == local.resolve()
    not_a_model = tmp_path / "empty"
    not_a_model.mkdir()
    with pytest.raises(ModelError, match="not a CTranslate2 Whisper model folder: it has no config.json"):
        models.resolve_model(str(not_a_model))
    with pytest.raises(ModelError, match="No model folder"):
        models.resolve_model(str(tmp_path / "nowhere"))


def test_unknown_name_and_unreachable_hub_name_the_models_folder():
    with pytest.raises(ModelError, match="Unknown Whisper model"):
        models.resolve_model("no-such-size")
    with pytest.raises(ModelError) as err:
        models.resolve_model("mosahebeh-test/no-such-model-xyz")
    assert str(models.models_dir()) in str(err.value)


def test_device_options_cpu():
    options = models.device_options(device="cpu")
    assert options == {"device": "cpu", "compute_type": "int8", "cpu_threads": len(os.sched_getaffinity(0))}
    assert models.device_options(device="cuda")["compute_type"] == "float16"


def test_broken_model_folder_is_a_message_not_a_traceback(tmp_path, audio, bundled_dir):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "config.json").write_text("{}")
    (bad / "model.bin").write_bytes(b"not a model")
    (bad / "vocabulary.txt").write_text("a\n")
    run = subprocess.run([sys.executable, "-m", "desktop", "transcribe", str(audio["mono"]), "--model", str(bad)],
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert run.stderr.startswith("mosahebeh: Cannot load the Whisper model")
    assert "Traceback" not in run.stderr
