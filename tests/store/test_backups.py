"""Automatic backups of a study's database: made when due, kept to the newest few,
consistent, made before a schema upgrade, and restored only when nobody has the study open."""
from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

import pytest

from codebook import Study
from codebook.backups import KEEP, backup_if_due, backups, make_backup, restore
from codebook.errors import StudyError
from codebook.schema import SCHEMA_VERSION


def created(path):
    """A new study's folder (the study closed again)."""
    with Study.create(path) as s:
        return s.folder


def people(db_path) -> list[str]:
    conn = sqlite3.connect(f"{db_path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        return [r[0] for r in conn.execute("SELECT pseudonym FROM participants ORDER BY id")]
    finally:
        conn.close()


def test_a_copy_when_a_day_has_passed_and_only_the_newest_kept(study):
    study.participants.add("م۱")  # the study is open and written: the copy is still consistent
    folder, day = study.folder, datetime(2026, 12, 1, 9, 0)
    first = backup_if_due(folder, now=day)
    assert first is not None and first.why == "daily" and people(first.path) == ["م۱"]
    assert backup_if_due(folder, now=day + timedelta(hours=23)) is None
    for n in range(1, KEEP + 3):
        assert backup_if_due(folder, now=day + timedelta(days=n)) is not None
    kept = backups(folder)
    assert len(kept) == KEEP and kept[0].made == day + timedelta(days=KEEP + 2)
    assert [b.made for b in kept] == sorted((b.made for b in kept), reverse=True)
    assert not list((folder / "backups").glob(".*"))  # no partial copies left


def test_restore_puts_the_copy_back_and_keeps_the_present_state(tmp_path):
    folder = created(tmp_path / "s")
    with Study.open(folder) as s:
        s.participants.add("پیش")
    copy = make_backup(folder)
    with Study.open(folder) as s:
        s.participants.add("بعد")
        with pytest.raises(StudyError, match="open in another window or program"):
            restore(folder, copy.path)  # refused while the study is open
        assert [p.pseudonym for p in s.participants.list()] == ["پیش", "بعد"]
    before = restore(folder, copy.path)
    assert before.why == "restore" and people(before.path) == ["پیش", "بعد"]
    with Study.open(folder) as s:
        assert [p.pseudonym for p in s.participants.list()] == ["پیش"]
    restore(folder, before.path)  # and back again
    with Study.open(folder) as s:
        assert [p.pseudonym for p in s.participants.list()] == ["پیش", "بعد"]


def test_a_damaged_copy_is_refused_and_nothing_changes(tmp_path):
    folder = created(tmp_path / "s")
    with Study.open(folder) as s:
        s.participants.add("م۱")
    bad = folder / "backups" / "study-20260101-000000-daily.db"
    bad.parent.mkdir(exist_ok=True)
    bad.write_bytes(b"SQLite format 3\0" + b"\xff" * 5000)
    with pytest.raises(StudyError, match="nothing was restored"):
        restore(folder, bad)
    assert people(folder / "study.db") == ["م۱"]


def test_an_upgrade_keeps_a_copy_of_the_study_as_it_was(tmp_path):
    folder = created(tmp_path / "s")
    conn = sqlite3.connect(folder / "study.db")
    conn.execute("ALTER TABLE interviews DROP COLUMN channel_use")  # undo the last migration (SPEAKERS)
    conn.execute("ALTER TABLE interviews DROP COLUMN speakers")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    conn.commit()
    conn.close()
    with Study.open(folder) as s:
        assert s.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    (copy,) = backups(folder)
    assert copy.why == "upgrade"
    old = sqlite3.connect(copy.path)
    assert old.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION - 1
    old.close()


def test_the_command_lists_makes_and_restores(tmp_path, capsys):
    import json

    from desktop.cli import main

    folder = created(tmp_path / "s")
    assert main(["backups", "--study", str(folder)]) == 0
    assert "No backups yet" in capsys.readouterr().out
    assert main(["backups", "--study", str(folder), "--now"]) == 0
    capsys.readouterr()
    assert main(["backups", "--study", str(folder), "--json"]) == 0
    (row,) = json.loads(capsys.readouterr().out)
    assert set(row) == {"file", "made", "bytes", "why"} and row["why"] == "manual"
    assert main(["backups", "--study", str(folder), "--restore", row["file"].rsplit("/", 1)[1]]) == 0
    assert "kept as study-" in capsys.readouterr().out


def test_a_copy_left_half_written_by_a_killed_process_is_cleared_later(tmp_path):
    import os
    import time

    folder = created(tmp_path / "s")
    (folder / "backups").mkdir()
    stale = folder / "backups" / ".study-20260101-000000-daily.db.partial"
    fresh = folder / "backups" / ".study-20260102-000000-daily.db.partial"  # maybe another process's, under way
    for p in (stale, fresh):
        p.write_bytes(b"half")
    os.utime(stale, (time.time() - 7200, time.time() - 7200))
    make_backup(folder)
    assert not stale.exists() and fresh.exists() and len(backups(folder)) == 1


def test_the_oldest_copy_can_be_restored_and_odd_folder_names_work(tmp_path):
    folder = created(tmp_path / "study #2 50%")
    day = datetime(2026, 12, 1, 9, 0)
    with Study.open(folder) as s:
        s.participants.add("اول")
    oldest = make_backup(folder, now=day)
    for n in range(1, KEEP):
        make_backup(folder, now=day + timedelta(days=n))
    assert len(backups(folder)) == KEEP and backups(folder)[-1] == oldest
    with Study.open(folder) as s:
        s.participants.add("دوم")
    restore(folder, oldest.path)  # the copy of the state before is made first: the oldest must survive it
    assert people(folder / "study.db") == ["اول"] and len(backups(folder)) == KEEP


def test_a_damaged_study_is_restored_and_its_bytes_kept(tmp_path):
    folder = created(tmp_path / "s")
    with Study.open(folder) as s:
        s.participants.add("سالم")
    copy = make_backup(folder)
    (folder / "study.db").write_bytes(b"not a database at all" * 100)
    with pytest.raises(StudyError):
        Study.open(folder)
    kept = restore(folder, copy.path)
    assert kept.why == "damaged" and kept.path.read_bytes().startswith(b"not a database")
    with Study.open(folder) as s:
        assert [p.pseudonym for p in s.participants.list()] == ["سالم"]
