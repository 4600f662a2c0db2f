"""The Qt job queue runs transcriptions in a worker process (the model settings: test_models_gui.py)."""
from __future__ import annotations

import pytest

from codebook import Study
from desktop.transcription.queue import TranscriptionQueue

pytestmark = pytest.mark.slow


@pytest.fixture
def settings(qapp):
    """The app's one settings file (in the test data folder), without transcription choices."""
    from desktop.settings import Settings

    q = Settings().q
    q.remove("transcription")
    yield q
    q.remove("transcription")


def test_queue_runs_one_job_at_a_time_with_progress(qtbot, settings, audio, make_study, bundled_dir):
    study, first = make_study(audio["mono"])
    second = study.interviews.add(title="بدون صدا").id  # no audio: fails with a message
    queue = TranscriptionQueue(study.folder)
    progress, finished, failed = [], [], []
    queue.progress.connect(lambda i, f, eta: progress.append((i, f)))
    queue.finished.connect(finished.append)
    queue.failed.connect(lambda i, m: failed.append((i, m)))
    queue.enqueue(first)
    queue.enqueue(second)
    queue.enqueue(first)  # already queued: ignored
    assert queue.is_busy() and queue.pending() == [first, second]
    qtbot.waitUntil(lambda: len(finished) + len(failed) == 2, timeout=120_000)
    assert finished == [first]
    assert failed == [(second, f"Interview {second} has no audio yet: record or attach its audio first.")]
    assert progress and progress[-1] == (first, 1.0)
    assert not queue.is_busy()
    with Study.open(study.folder) as again:
        assert again.transcripts.count(first)[0] > 0


def test_cancel_running_and_queued(qtbot, settings, audio, make_study, bundled_dir):
    study, iid = make_study(audio["long"])
    other = study.interviews.add(title="دوم").id
    queue = TranscriptionQueue(study.folder)
    failed = []
    queue.failed.connect(lambda i, m: failed.append((i, m)))
    queue.enqueue(iid)
    queue.enqueue(other)
    queue.cancel(other)
    assert failed == [(other, "Transcription cancelled.")] and queue.pending() == [iid]
    qtbot.waitUntil(lambda: queue._process is not None and queue._process.state().name == "Running", timeout=10_000)
    queue.cancel(iid)
    qtbot.waitUntil(lambda: not queue.is_busy(), timeout=30_000)
    assert failed[-1] == (iid, "Transcription cancelled. It resumes where it stopped.")
