"""The study folder and database: creation, reopening, migrations, bad files."""
import sqlite3

import pytest

from codebook import Study, StudyError
from codebook.schema import SCHEMA_VERSION


def test_create_makes_folder_with_db_and_audio(tmp_path):
    s = Study.create(tmp_path / "libraries", name="کتابخانه‌ها")
    assert s.folder == tmp_path / "libraries.mosahebeh"
    assert (s.folder / "study.db").is_file() and (s.folder / "audio").is_dir()
    assert s.name == "کتابخانه‌ها"
    assert s.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert s.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert s.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    s.close()


def test_reopen_keeps_records_and_guid(tmp_path):
    with Study.create(tmp_path / "s") as s:
        s.participants.add("م۱")
        guid = s.guid
    with Study.open(tmp_path / "s.mosahebeh") as s:
        assert [p.pseudonym for p in s.participants.list()] == ["م۱"]
        assert s.guid == guid
        assert s.record_guid("code", 3) == s.record_guid("code", 3) != s.record_guid("code", 4)


def test_create_refuses_existing_study_and_nonempty_folder(tmp_path):
    Study.create(tmp_path / "s").close()
    with pytest.raises(StudyError, match="already holds a study"):
        Study.create(tmp_path / "s.mosahebeh")
    (tmp_path / "other.mosahebeh").mkdir()
    (tmp_path / "other.mosahebeh" / "notes.txt").write_text("keep me")
    with pytest.raises(StudyError, match="not empty"):
        Study.create(tmp_path / "other")
    assert (tmp_path / "other.mosahebeh" / "notes.txt").read_text() == "keep me"


def test_open_refuses_non_sqlite_file_untouched(tmp_path):
    folder = tmp_path / "bad.mosahebeh"
    folder.mkdir()
    (folder / "study.db").write_bytes(b"not a database at all" * 100)
    before = (folder / "study.db").read_bytes()
    with pytest.raises(StudyError, match="not a Mosahebeh study database"):
        Study.open(folder)
    assert (folder / "study.db").read_bytes() == before


def test_open_refuses_foreign_sqlite_database(tmp_path):
    folder = tmp_path / "foreign.mosahebeh"
    folder.mkdir()
    conn = sqlite3.connect(folder / "study.db")
    conn.execute("CREATE TABLE songs (title TEXT)")
    conn.commit()
    conn.close()
    with pytest.raises(StudyError, match="not a Mosahebeh study"):
        Study.open(folder)
    conn = sqlite3.connect(folder / "study.db")
    assert [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")] == ["songs"]
    conn.close()


def test_open_refuses_newer_schema(tmp_path):
    Study.create(tmp_path / "s").close()
    conn = sqlite3.connect(tmp_path / "s.mosahebeh" / "study.db")
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    with pytest.raises(StudyError, match="newer Mosahebeh"):
        Study.open(tmp_path / "s.mosahebeh")


def test_open_missing_study(tmp_path):
    with pytest.raises(StudyError, match="No study"):
        Study.open(tmp_path / "nowhere.mosahebeh")


def test_create_in_unwritable_place_gives_clear_message(tmp_path):
    # A path under a regular file cannot be created, as root too.
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(StudyError, match="Cannot create the study folder"):
        Study.create(blocker / "s")


def test_atomic_rolls_back_everything(study):
    with pytest.raises(RuntimeError):
        with study.atomic():
            study.participants.add("الف")
            study.codes.add("کد")
            raise RuntimeError("boom")
    assert study.participants.list() == [] and study.codes.list() == []


def test_empty_database_file_opens_as_a_fresh_study(tmp_path):
    # An empty SQLite file (version 0, no tables), e.g. left by a create that was killed.
    folder = tmp_path / "old.mosahebeh"
    folder.mkdir()
    sqlite3.connect(folder / "study.db").close()
    with Study.open(folder) as s:
        assert s.meta("app") == "mosahebeh" and s.guid and s.name == "old"
        s.participants.add("م۱")
