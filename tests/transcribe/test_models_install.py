"""Adding a model from a folder or an archive (the offline way in), listing, removing, choosing."""
from __future__ import annotations

import io
import os
import tarfile
import zipfile

import pytest

from transcribe import installed
from transcribe.errors import ModelError

FILES = ["config.json", "model.bin", "tokenizer.json", "vocabulary.txt"]


@pytest.fixture
def data_dir(tmp_path, monkeypatch, bundled_dir):
    """A fresh data folder whose bundled model is the session's (linked, not joined again)."""
    from transcribe import models

    data = tmp_path / "data"
    monkeypatch.setenv("MOSAHEBEH_DATA_DIR", str(data))
    monkeypatch.setattr(models, "bundled_model_dir", lambda: bundled_dir)
    return data


def _zip(path, bundled_dir, *, prefix="whisper-fa/", extra=None, stored=True):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED if stored else zipfile.ZIP_DEFLATED) as z:
        for name in FILES:
            z.write(bundled_dir / name, prefix + name)
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return path


def test_add_from_zip_lists_uses_and_removes(data_dir, bundled_dir, tmp_path):
    archive = _zip(tmp_path / "Whisper FA (usb).zip", bundled_dir)
    model = installed.add_model(archive)
    assert model.name == "Whisper-FA-usb" and model.path == data_dir / "models" / "Whisper-FA-usb"
    assert sorted(p.name for p in model.path.iterdir()) == sorted(FILES)
    assert (model.path / "model.bin").stat().st_size == (bundled_dir / "model.bin").stat().st_size
    names = {m.name: m for m in installed.installed()}
    assert set(names) == {"bundled", "Whisper-FA-usb"} and names["bundled"].bundled
    assert installed.selected_model() is None
    installed.select("Whisper-FA-usb", device="cpu", compute_type="int8", cpu_threads=2)
    from transcribe.models import device_options, load_model, resolve_model
    assert installed.selected_model() == "Whisper-FA-usb"
    assert device_options() == {"device": "cpu", "compute_type": "int8", "cpu_threads": 2}
    # it really loads (the offline user's goal: add from a zip and use it)
    _model, spec, options = load_model(installed.selected_model())
    assert spec.path == model.path and options["cpu_threads"] == 2
    assert resolve_model("Whisper-FA-usb").path == model.path
    with pytest.raises(ModelError, match="already installed"):
        installed.add_model(archive)
    with pytest.raises(ModelError, match="bundled model cannot be removed"):
        installed.remove("bundled")
    installed.remove("Whisper-FA-usb")
    assert not model.path.exists() and installed.selected_model() is None  # back to the bundled one
    with pytest.raises(ModelError, match="No installed model"):
        installed.remove("Whisper-FA-usb")
    with pytest.raises(ModelError, match="No installed model"):
        installed.remove("../data")


def test_truncated_zip_is_refused_and_leaves_nothing(data_dir, bundled_dir, tmp_path):
    whole = _zip(tmp_path / "m.zip", bundled_dir).read_bytes()
    cut = tmp_path / "cut.zip"
    cut.write_bytes(whole[: len(whole) // 2])
    with pytest.raises(ModelError, match="cut.zip is damaged or incomplete"):
        installed.add_model(cut)
    assert [p.name for p in (data_dir / "models").iterdir() if not p.name.endswith(".json")] == []


def test_hostile_archives_are_refused_before_anything_is_written(data_dir, bundled_dir, tmp_path):
    evil = _zip(tmp_path / "evil.zip", bundled_dir, extra={"../../escaped.txt": "x"})
    with pytest.raises(ModelError, match="unsafe.*outside its own folder"):
        installed.add_model(evil)
    absolute = _zip(tmp_path / "abs.zip", bundled_dir, extra={"/tmp/abs-escaped.txt": "x"})
    with pytest.raises(ModelError, match="unsafe"):
        installed.add_model(absolute)
    link = tmp_path / "link.tar"
    with tarfile.open(link, "w") as t:
        for name in FILES:
            t.add(bundled_dir / name, f"m/{name}")
        info = tarfile.TarInfo("m/tokenizer2.json")
        info.type, info.linkname = tarfile.SYMTYPE, "/etc/passwd"
        t.addfile(info)
    with pytest.raises(ModelError, match="unsafe.*link"):
        installed.add_model(link)
    assert not (tmp_path.parent / "escaped.txt").exists() and not os.path.exists("/tmp/abs-escaped.txt")
    assert [p.name for p in (data_dir / "models").iterdir()] == []


def test_an_archive_without_a_model_says_what_is_missing(data_dir, tmp_path):
    bad = tmp_path / "notes.zip"
    with zipfile.ZipFile(bad, "w") as z:
        z.writestr("readme.txt", "hello")
    with pytest.raises(ModelError, match="not a CTranslate2 Whisper model folder.*config.json"):
        installed.add_model(bad)
    broken = tmp_path / "broken.tar.gz"
    with tarfile.open(broken, "w:gz") as t:
        for name, data in (("config.json", b"{not json"), ("model.bin", b"x" * 4096), ("vocabulary.txt", b"a")):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            t.addfile(info, io.BytesIO(data))
    with pytest.raises(ModelError, match="config.json in the model is damaged"):
        installed.add_model(broken)


def test_add_from_a_folder_by_copy_or_link(data_dir, bundled_dir):
    copied = installed.add_model(bundled_dir, name="base-copy")
    assert not copied.path.is_symlink() and (copied.path / "model.bin").is_file()
    linked = installed.add_model(bundled_dir, name="base-link", link=True)
    assert linked.path.is_symlink() and (linked.path / "config.json").is_file()
    installed.remove("base-link")
    assert bundled_dir.is_dir() and (bundled_dir / "model.bin").is_file()  # the link went, not the model


def test_offline_hint_names_the_folder_and_the_way_in(data_dir):
    hint = installed.offline_hint()
    assert str(data_dir / "models") in hint and "Add from file" in hint and "mosahebeh models add" in hint
