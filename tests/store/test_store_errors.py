"""The store raises its own errors for SQLite's lock, full-disk and read-only conditions,
so no front end reads sqlite3 error texts."""
import sqlite3
import time

import pytest

from codebook import Study, StudyError, StudyLockedError
from codebook import study as study_module
from codebook.errors import StudyFullError


def test_a_write_lock_held_too_long_is_a_study_locked_error_after_the_busy_timeout(tmp_path, monkeypatch):
    monkeypatch.setattr(study_module, "BUSY_TIMEOUT_S", 0.3)
    study = Study.create(tmp_path / "s", name="s")
    other = sqlite3.connect(study.folder / "study.db")
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        started = time.monotonic()
        with pytest.raises(StudyLockedError) as err:
            study.participants.add("P1")
        waited = time.monotonic() - started
    finally:
        other.rollback()
        other.close()
    assert 0.25 <= waited < 5  # it waited, and only as long as the bounded busy timeout
    assert "study.db" in str(err.value) and "0.3 s" in str(err.value)  # says what it waited for
    assert isinstance(err.value, StudyError)
    study.participants.add("P1")  # once the lock is gone, writing works again
    assert [p.pseudonym for p in study.participants.list()] == ["P1"]
    study.close()


def test_a_full_database_is_a_study_full_error_and_keeps_what_was_saved(study):
    study.memos.add("kept")
    study.db.execute("PRAGMA max_page_count = 1")  # the database cannot grow: as if the disk were full
    try:
        with pytest.raises(StudyFullError):
            study.memos.add("x" * 100_000)
    finally:
        study.db.execute("PRAGMA max_page_count = 1073741823")
    assert [m.text for m in study.memos.list()] == ["kept"]
