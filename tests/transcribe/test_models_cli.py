"""`mosahebeh models`: list, add from a zip, use, remove, and fetch from a local hub, as a user types them."""
from __future__ import annotations

import json
import subprocess
import sys
import zipfile

import pytest

from local_hub import LocalHub

FILES = ["config.json", "model.bin", "tokenizer.json", "vocabulary.txt"]


def _run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "desktop", "models", *args], capture_output=True, text=True,
                          timeout=600, env=env)


@pytest.fixture
def env(tmp_path, bundled_dir):
    """A data folder whose bundled model is already joined (copied from the session's)."""
    import os
    import shutil

    models = tmp_path / "data" / "models"
    shutil.copytree(bundled_dir, models / bundled_dir.name)
    return {**os.environ, "MOSAHEBEH_DATA_DIR": str(tmp_path / "data")}


def test_add_use_list_remove(env, bundled_dir, tmp_path):
    run = _run("list", env=env)
    assert run.returncode == 0 and run.stdout.startswith("* bundled")
    assert "Add from file" in run.stderr and str(tmp_path / "data" / "models") in run.stderr
    archive = tmp_path / "usb-model.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for name in FILES:
            z.write(bundled_dir / name, name)
    run = _run("add", str(archive), "--use", env=env)
    assert run.returncode == 0 and "Added usb-model" in run.stdout and "now in use" in run.stdout
    listed = json.loads(_run("list", "--json", env=env).stdout)
    assert [(m["name"], m["in_use"]) for m in listed] == [("bundled", False), ("usb-model", True)]
    run = _run("use", "bundled", "--device", "cpu", "--threads", "1", env=env)
    assert run.returncode == 0 and run.stdout.strip() == "In use: bundled on cpu (int8, 1 threads), accurate decoding."
    assert _run("use", "large-v3", env=env).returncode == 2  # not here: refused, nothing fetched
    assert _run("remove", "bundled", env=env).returncode == 2
    assert _run("remove", "usb-model", env=env).returncode == 0
    recommended = json.loads(_run("list", "--recommended", "--json", env=env).stdout)
    assert [r["name"] for r in recommended][:4] == ["large-v3", "large-v3-turbo", "medium", "small"]
    assert recommended[0]["wer"][0] == {"test_set": "FLEURS", "wer": 19.8, "cer": 6.0}
    assert recommended[-1]["convert"].startswith("ct2-transformers-converter --model vhdm/whisper-large-fa-v1")


def test_fetch_prints_progress_and_uses_the_model(env, bundled_dir):
    with LocalHub(bundled_dir, "owner/base", FILES) as server:
        run = _run("fetch", "owner/base", "--endpoint", server.url, "--use", "--progress-json", env=env)
    assert run.returncode == 0, run.stderr
    lines = [json.loads(line) for line in run.stdout.splitlines()]
    progress = [line["fetch"] for line in lines if "fetch" in line]
    assert progress[-1]["done"] == progress[-1]["total"] > 145_000_000
    assert lines[-1]["done"]["name"] == "owner--base" and "verified" in run.stderr
    listed = json.loads(_run("list", "--json", env=env).stdout)
    assert [m["name"] for m in listed if m["in_use"]] == ["owner--base"]
