"""Long work on an interview (transcription): its state, progress, resume point, and one run at a time.

>>> import pathlib, tempfile
>>> from codebook import Study
>>> study = Study.create(pathlib.Path(tempfile.mkdtemp()) / "jobs")
>>> interview_id = study.interviews.add(title="first").id
>>> study.jobs.set(interview_id, "transcribe", state="running", progress=0.0).state
'running'
>>> with study.jobs.exclusive(interview_id):   # StudyError if another run holds it
...     pass
>>> study.close()

:meth:`Jobs.exclusive` takes an operating-system lock on a file in the
study's ``audio/`` folder (the ``filelock`` package: ``flock`` on Linux and
macOS, ``msvcrt`` locking on Windows). The lock belongs to the open file: the
system lets go of it when the process ends for any reason, so a killed job
never leaves a lock that blocks the next run, and no heartbeat is needed. Two
runs in one process (two open copies of a study) are refused too.

The study's transcription queue (:meth:`Jobs.queue`, :meth:`Jobs.set_queue`) is
kept in the same table, one row of kind ``queue`` per queued interview whose
``progress`` column holds its place, so a killed queue (the app's or a
``mosahebeh transcribe --all``) goes on in the same order, and the app and the
command line see one queue:

>>> study = Study.create(pathlib.Path(tempfile.mkdtemp()) / "queue")
>>> a, b, c = (study.interviews.add(title=t).id for t in "abc")
>>> study.jobs.set_queue([c, a]); study.jobs.enqueue([b, a]); study.jobs.queue()
[3, 1, 2]
>>> study.jobs.dequeue(a); study.jobs.queue()
[3, 2]
>>> study.close()
"""
from __future__ import annotations

import builtins
import contextlib
import json
from collections.abc import Iterator
from pathlib import Path

from codebook.dates import now
from codebook.errors import StudyError
from codebook.models import Job
from codebook.repository import Repository

QUEUE = "queue"  # the kind of the rows that hold the study's transcription queue
BUSY = ("Interview {id} is already being transcribed (by the app or another `mosahebeh transcribe`); "
        "wait until that run ends or cancel it, then start again.")


def _job(row: dict) -> Job:
    return Job(**{**row, "params": json.loads(row["params"])})


class Jobs(Repository):
    table = "jobs"

    def get(self, interview_id: int, kind: str = "transcribe") -> Job | None:
        row = self._row("SELECT * FROM jobs WHERE interview_id = ? AND kind = ?", [interview_id, kind])
        return _job(row) if row else None

    def list(self, kind: str = "transcribe") -> builtins.list[Job]:
        return [_job(r) for r in self._rows("SELECT * FROM jobs WHERE kind = ? ORDER BY updated", [kind])]

    def set(self, interview_id: int, kind: str = "transcribe", **values) -> Job:
        """Create or update a job; ``values`` among state, progress, resume_ms, params, error."""
        if "params" in values:
            values["params"] = json.dumps(values["params"], ensure_ascii=False, default=str)
        values["updated"] = now()
        with self.db.atomic():
            self.db.execute("INSERT OR IGNORE INTO jobs(interview_id, kind, updated) VALUES (?, ?, ?)",
                            [interview_id, kind, values["updated"]])
            sets = ", ".join(f"{k} = ?" for k in values)
            self.db.execute(f"UPDATE jobs SET {sets} WHERE interview_id = ? AND kind = ?",
                            [*values.values(), interview_id, kind])
        job = self.get(interview_id, kind)
        assert job is not None  # written just above
        return job

    # -- the study's transcription queue ------------------------------------------------

    def queue(self) -> builtins.list[int]:
        """The queued interviews in their order (the one running first, while it runs)."""
        return [r["interview_id"] for r in self._rows(
            "SELECT interview_id FROM jobs WHERE kind = ? ORDER BY progress, interview_id", [QUEUE])]

    def set_queue(self, interview_ids: builtins.list[int]) -> None:
        """Replace the queue with ``interview_ids`` in this order (repeats dropped)."""
        order = list(dict.fromkeys(int(i) for i in interview_ids))
        stamp = now()
        with self.db.atomic():
            self.db.execute("DELETE FROM jobs WHERE kind = ?", [QUEUE])
            for place, iid in enumerate(order):
                self.db.execute("INSERT INTO jobs(interview_id, kind, state, progress, updated) "
                                "VALUES (?, ?, 'queued', ?, ?)", [iid, QUEUE, place, stamp])

    def enqueue(self, interview_ids: builtins.list[int]) -> None:
        """Add interviews at the end of the queue; one already queued keeps its place."""
        with self.db.atomic():
            current = self.queue()
            self.set_queue(current + [int(i) for i in interview_ids if int(i) not in current])

    def dequeue(self, interview_id: int) -> None:
        """Take an interview off the queue (done, cancelled or removed by the user)."""
        self.db.execute("DELETE FROM jobs WHERE interview_id = ? AND kind = ?", [int(interview_id), QUEUE])

    def lock_path(self, interview_id: int, kind: str = "transcribe") -> Path:
        return Path(self.study.folder) / "audio" / f".{kind}-{int(interview_id)}.lock"

    @contextlib.contextmanager
    def exclusive(self, interview_id: int, kind: str = "transcribe") -> Iterator[None]:
        """Hold the interview's job lock while the block runs; :class:`StudyError` at
        once (no waiting) when another run, in this process or another, holds it."""
        from filelock import FileLock, Timeout

        path = self.lock_path(interview_id, kind)
        path.parent.mkdir(parents=True, exist_ok=True)
        # no soft (file-exists) fallback: that is the kind of lock a killed process leaves behind;
        # the file is kept, since deleting it lets two runs lock two different files of one name
        lock = FileLock(str(path), thread_local=False, is_singleton=False, fallback_to_soft=False,
                        preserve_lock_file=True)
        try:
            lock.acquire(timeout=0)
        except Timeout:
            raise StudyError(BUSY, id=interview_id) from None
        try:
            yield
        finally:
            lock.release()

    def busy(self, interview_id: int, kind: str = "transcribe") -> bool:
        """True while some run holds the interview's job lock."""
        try:
            with self.exclusive(interview_id, kind):
                return False
        except StudyError:
            return True
