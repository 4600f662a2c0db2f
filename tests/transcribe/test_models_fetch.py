"""Fetching a model over real HTTP from a local hub (127.0.0.1): progress, a dropped connection
resumed, a cancelled fetch resumed later, checksums verified, HF_ENDPOINT honoured."""
from __future__ import annotations

import hashlib
import json

import pytest

from local_hub import LocalHub
from transcribe import hub
from transcribe.errors import ModelError

FILES = ["config.json", "model.bin", "tokenizer.json", "vocabulary.txt"]
REPO = "test-owner/whisper-base"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("MOSAHEBEH_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def _sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _check_same(folder, bundled_dir):
    for name in FILES:
        assert (folder / name).stat().st_size == (bundled_dir / name).stat().st_size, name
    assert _sha(folder / "model.bin") == _sha(bundled_dir / "model.bin")


def test_fetch_with_progress_survives_a_dropped_connection(bundled_dir, data_dir, monkeypatch):
    events = []
    with LocalHub(bundled_dir, REPO, FILES, drop_once="model.bin") as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)  # read at fetch time, as a mirror would be set
        folder = hub.fetch(REPO, on_progress=events.append)
        model_gets = [r for r in server.requests if r[0] == "GET" and r[1].endswith("/model.bin")]
    assert folder == data_dir / "models" / "test-owner--whisper-base"
    _check_same(folder, bundled_dir)
    total = sum((bundled_dir / n).stat().st_size for n in FILES)
    # Progress: bytes only grow, and end at the whole model.
    assert events[0].total == total and events[-1].done == total
    assert all(b.done >= a.done for a, b in zip(events, events[1:]))
    assert len(events) > 5
    # The first transfer of model.bin was cut midway; the second asked for the rest only.
    assert len(model_gets) == 2 and model_gets[0][2] is None
    resumed_at = int(model_gets[1][2].split("=")[1].rstrip("-"))
    assert 0 < resumed_at < (bundled_dir / "model.bin").stat().st_size
    record = json.loads((folder / ".source.json").read_text())
    assert record["repo_id"] == REPO and record["verified"] and record["endpoint"] == server.url
    assert not (data_dir / "models" / ".partial" / "test-owner--whisper-base").exists()
    # and it is a model the pipeline takes
    from transcribe.models import resolve_model
    assert resolve_model("test-owner--whisper-base").path == folder


def test_cancelled_fetch_resumes_where_it_stopped(bundled_dir, data_dir):
    with LocalHub(bundled_dir, REPO, FILES, rate_limit=40_000_000) as server:
        with pytest.raises(hub.FetchCancelled):
            hub.fetch(REPO, endpoint=server.url, cancel=lambda: _bytes(data_dir) > 30_000_000)
        part = data_dir / "models" / ".partial" / "test-owner--whisper-base" / "model.bin.part"
        kept = part.stat().st_size
        assert kept > 30_000_000 and hub.partial_bytes(REPO) >= kept
        assert not (data_dir / "models" / "test-owner--whisper-base").exists()  # nothing half-made is listed
        server.requests.clear()
        events = []
        folder = hub.fetch(REPO, endpoint=server.url, on_progress=events.append)
    assert events[0].done >= kept  # the progress bar starts where it stopped
    ranges = [r[2] for r in server.requests if r[0] == "GET" and r[1].endswith("/model.bin")]
    assert ranges == [f"bytes={kept}-"]
    _check_same(folder, bundled_dir)


def _bytes(data_dir):
    staging = data_dir / "models" / ".partial"
    return sum(p.stat().st_size for p in staging.rglob("*") if p.is_file()) if staging.exists() else 0


def test_a_file_that_does_not_match_the_hub_checksum_is_refused(bundled_dir, data_dir):
    with LocalHub(bundled_dir, REPO, FILES) as server:
        server.meta["model.bin"]["sha256"] = "0" * 64
        with pytest.raises(ModelError, match="model.bin does not match the hub's checksum"):
            hub.fetch(REPO, endpoint=server.url)
    assert not (data_dir / "models" / "test-owner--whisper-base").exists()
    assert not list((data_dir / "models" / ".partial").rglob("model.bin*"))


def test_unreachable_hub_and_unknown_names_say_what_to_do(data_dir):
    with pytest.raises(ModelError, match="Cannot fetch .* fetch again to resume, or copy the model in"):
        hub.fetch(REPO, endpoint="http://127.0.0.1:9")
    with pytest.raises(ModelError, match="Unknown model"):
        hub.fetch("no-such-model")
    with pytest.raises(ModelError, match="ct2-transformers-converter"):
        hub.fetch("whisper-large-fa-v1")


@pytest.fixture
def restore_client():
    yield
    from huggingface_hub import set_client_factory
    from huggingface_hub.utils._http import default_client_factory

    set_client_factory(default_client_factory)


def test_fetch_goes_through_the_proxy_setting(data_dir, tmp_path, restore_client):
    """The hub's own name does not resolve; only the proxy (our local hub, answering absolute-form
    requests as a proxy does) can serve it, so a finished fetch proves the proxy was used."""
    small = tmp_path / "small"
    small.mkdir()
    (small / "config.json").write_text("{}")
    (small / "model.bin").write_bytes(b"\0" * 5000)
    (small / "vocabulary.txt").write_text("a\nb\n")
    with LocalHub(small, REPO, ["config.json", "model.bin", "vocabulary.txt"]) as proxy:
        folder = hub.fetch(REPO, endpoint="http://hub.invalid", proxy=proxy.url)
        assert all(path.startswith(("/api/models/", f"/{REPO}/resolve/")) for _m, path, _r in proxy.requests)
    assert (folder / "model.bin").stat().st_size == 5000


def test_a_mirror_that_never_ends_a_file_is_stopped_at_its_announced_size(bundled_dir, data_dir, monkeypatch):
    """Issue #24, class 17: the size is checked while bytes arrive, not at the end."""
    with LocalHub(bundled_dir, REPO, FILES, endless="config.json") as server:
        monkeypatch.setenv("HF_ENDPOINT", server.url)
        with pytest.raises(ModelError, match="longer than the .* bytes announced"):
            hub.fetch(REPO)
    staging = data_dir / "models" / ".partial" / "test-owner--whisper-base"
    size = (bundled_dir / "config.json").stat().st_size
    kept = sum(p.stat().st_size for p in staging.rglob("*") if p.is_file()) if staging.exists() else 0
    assert kept <= size and not (data_dir / "models" / "test-owner--whisper-base").exists()
