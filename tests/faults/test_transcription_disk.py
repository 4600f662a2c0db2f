"""Transcription on a full disk: one sentence, the segments saved so far kept, the job resumable
(not 'failed' with a raw OperationalError), and the WAL given back so the disk is not kept full.

The transcriber is a stand-in that hands over long segments until the disk is full; the store,
the job bookkeeping and the disk are real."""
from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf

from codebook import Study
from codebook.errors import StudyError
from codebook.transcription import run_job
from faults_support import fill, small_disk, snapshot
from transcribe.whisper import Segment, Transcript


class FloodPipeline:
    """Hands over a batch of long segments per simulated second of audio."""

    model_name = "stand-in"

    def __init__(self, seconds: int = 60):
        self.seconds = seconds

    def run(self, audio, *, options=None, start=0.0, on_segments=None, on_progress=None, cancel=None, **_):
        segments = []
        for t in range(int(start), self.seconds):
            batch = [Segment(t + k / 10, t + (k + 1) / 10, "", "متن طولانی برای پر کردن دیسک " * 40)
                     for k in range(10)]
            segments += batch
            on_segments(batch, t + 1.0)
        return Transcript("stand-in", {}, options or {}, "fa", float(self.seconds), segments)


def test_transcription_on_a_full_disk_stops_with_a_sentence_and_resumes(tmp_path):
    wav = tmp_path / "a.wav"
    sf.write(str(wav), np.zeros((8000 * 60, 1), dtype="float32"), 8000)
    with small_disk("12m") as disk:
        study = Study.create(disk / "s")
        iv = study.interviews.add(None, title="مصاحبه")
        study.interviews.attach_audio(iv.id, wav)
        fill(disk, leave=300 * 1024)
        with pytest.raises(StudyError, match="disk is full") as err:
            run_job(study, iv.id, pipeline=FloodPipeline())
        assert "transcribe again" in str(err.value)
        job = study.jobs.get(iv.id, "transcribe")
        assert job.state in ("failed", "running") and "OperationalError" not in (job.error or "")
        kept = study.transcripts.count(iv.id)[0]
        assert kept > 0 and job.resume_ms > 0
        study.close()
        wal = study.folder / "study.db-wal"
        # While the disk is full the WAL cannot be checkpointed (the database cannot grow), but it stays
        # bounded by the auto-checkpoint; once there is room, opening and closing gives it back.
        assert not wal.exists() or wal.stat().st_size < 5 * 2**20
        snapshot(study.folder)
        (disk / "filler").unlink()
        Study.open(study.folder).close()
        assert not wal.exists() or wal.stat().st_size < 64 * 1024
        with Study.open(study.folder) as study:
            done = run_job(study, iv.id, pipeline=FloodPipeline())
            assert done.state == "done"
            assert study.transcripts.count(iv.id)[0] == 600
