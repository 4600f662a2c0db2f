"""Issue #24, classes 4–12: a study archive, a backup or a colleague's study from elsewhere
is untrusted. It is rebuilt through the app's own schema (nothing executable or unknown
kept), bounded, and refused with one sentence when it is not what the app writes."""
from __future__ import annotations

import os
import sqlite3
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from codebook import Study
from codebook.backups import make_backup, restore
from codebook.errors import StudyError
from codebook.models import NewSegment
from codebook.refiqda import export_archive, export_qdpx, import_archive
from codebook.refiqda.study_archive import rebuild
from desktop.cli import main


def _wav(path: Path, freq: float, seconds: float = 0.5) -> Path:
    t = np.arange(int(16000 * seconds)) / 16000
    sf.write(str(path), 0.1 * np.sin(2 * np.pi * freq * t), 16000)
    return path


def _study(folder: Path) -> Study:
    study = Study.create(folder, name="source")
    p = study.participants.add("P1", real_name="زهرا کیانی", contact="0912 000 0000")
    iv = study.interviews.add(p.id, title="یک")
    study.transcripts.add_segments(iv.id, [NewSegment(0, 1000, "متن اول", ""), NewSegment(1000, 2000, "متن دوم", "")])
    code = study.codes.add("کد")
    seg = study.transcripts.segments(iv.id)[0]
    study.codings.add(code.id, seg.id, 0, seg.id, 3)
    study.codings.add(code.id, seg.id, 4, seg.id, 7)
    return study


def _archive(tmp: Path, craft=None, extra: dict[str, bytes] | None = None) -> Path:
    """A study archive of :func:`_study`, its study.db changed by ``craft(conn)``."""
    with _study(tmp / "src") as study:
        out = export_archive(study, tmp / "a").path
    if craft is None and not extra:
        return out
    with zipfile.ZipFile(out) as z:
        entries = {n: z.read(n) for n in z.namelist()}
    db = tmp / "crafted.db"
    db.write_bytes(entries["study.db"])
    if craft is not None:
        conn = sqlite3.connect(str(db))
        craft(conn)
        conn.commit()
        conn.close()
    entries["study.db"] = db.read_bytes()
    entries.update(extra or {})
    crafted = tmp / "crafted.mosahebeh.zip"
    with zipfile.ZipFile(crafted, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return crafted


def _objects(db: Path) -> set[tuple[str, str]]:
    conn = sqlite3.connect(str(db))
    try:
        return set(conn.execute("SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'"))
    finally:
        conn.close()


def _no_leftovers(folder: Path) -> None:
    assert not [p for p in folder.rglob(".mosahebeh-tmp-*")], list(folder.rglob(".mosahebeh-tmp-*"))


# -- 4: triggers, views and tables of the archive's own making are not kept -------------------------

CRAFTS = {
    "copies names into text": "CREATE TRIGGER leak AFTER INSERT ON segments BEGIN UPDATE segments SET text = text || "
                              "(SELECT group_concat(real_name || ' ' || contact) FROM identities) WHERE id = new.id; END",
    "deletes codings": "CREATE TRIGGER wipe AFTER INSERT ON codings BEGIN DELETE FROM codings WHERE id != new.id; END",
    "a view": "CREATE VIEW everything AS SELECT * FROM identities",
    "an unknown table": "CREATE TABLE exfil(x TEXT)",
    "rewrites meta": "CREATE TRIGGER m AFTER UPDATE ON meta BEGIN DELETE FROM participants; END",
    "replaces an app trigger": "DROP TRIGGER segments_ai; CREATE TRIGGER segments_ai AFTER INSERT ON segments "
                               "BEGIN DELETE FROM codes; END",
}


@settings(max_examples=8, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(sorted(CRAFTS)), min_size=1, max_size=3, unique=True))
def test_an_archive_keeps_nothing_executable_or_unknown(tmp_path_factory, crafts):
    tmp = tmp_path_factory.mktemp("crafted")
    archive = _archive(tmp, lambda conn: conn.executescript(";\n".join(CRAFTS[c] for c in crafts)))
    result = import_archive(archive, tmp / "copy")
    fresh = Study.create(tmp / "fresh")
    fresh.close()
    assert _objects(result.path / "study.db") == _objects(fresh.folder / "study.db")
    assert any("Left out" in w for w in result.warnings)
    with Study.open(result.path) as s:
        iv = s.interviews.list()[0]
        before = len(s.codings.list())
        seg = s.transcripts.segments(iv.id)
        s.transcripts.add_segments(iv.id, [NewSegment(5000, 6000, "تازه", "")])
        s.codings.add(s.codes.list()[0].id, seg[1].id, 0, seg[1].id, 3)
        assert len(s.codings.list()) == before + 1
        assert "زهرا" not in s.transcripts.text(iv.id)
        s.set_meta("name", "x")
        assert s.participants.list()
    _no_leftovers(tmp)


# -- 5, 6: a table missing, or replaced by an endless view -----------------------------------------------

@pytest.mark.parametrize("craft, said", [
    (("DROP TABLE codings; CREATE VIEW codings AS WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) "
      "SELECT n AS id, n AS interview_id, n AS code_id, n AS start_segment_id, n AS start_offset, "
      "n AS end_segment_id, n AS end_offset, '' AS memo, '' AS coder, 0 AS flagged, '' AS created FROM r"),
     "no table codings"),
    ("DROP TABLE marks", "no table marks"),
    ("ALTER TABLE memos RENAME TO memos_old; CREATE TABLE memos(id INTEGER PRIMARY KEY, text TEXT)", "columns"),
])
def test_a_missing_or_odd_table_is_refused_at_once(tmp_path, craft, said):
    archive = _archive(tmp_path, lambda conn: conn.executescript(craft))
    began = time.monotonic()
    with pytest.raises(StudyError, match=said):
        import_archive(archive, tmp_path / "copy")
    assert time.monotonic() - began < 20
    assert not (tmp_path / "copy.mosahebeh").exists()
    _no_leftovers(tmp_path)


def test_reading_an_archive_is_bounded_in_time_and_rows(tmp_path):
    archive = _archive(tmp_path, lambda conn: conn.execute(
        "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 20000) "
        "INSERT INTO meta(key, value) SELECT 'k' || n, 'v' FROM r"))
    with zipfile.ZipFile(archive) as z:
        (tmp_path / "s.db").write_bytes(z.read("study.db"))
    with pytest.raises(StudyError, match="longer than"):
        rebuild(tmp_path / "s.db", tmp_path / "t.db", "a.zip", max_seconds=0.0)
    with pytest.raises(StudyError, match="rows, more than"):
        rebuild(tmp_path / "s.db", tmp_path / "t2.db", "a.zip", max_rows=1)
    assert not (tmp_path / "t.db").exists() and not (tmp_path / "t2.db").exists()


# -- 7: two recordings whose names differ only in case --------------------------------------------------------

def test_recordings_differing_only_in_case_both_survive(tmp_path):
    study = _study(tmp_path / "src")
    iv2 = study.interviews.add(None, title="دو")
    iv1 = study.interviews.list()[0]
    a = _wav(tmp_path / "a.wav", 220)
    b = _wav(tmp_path / "b.wav", 440)
    (study.folder / "audio" / "rec.wav").write_bytes(a.read_bytes())
    (study.folder / "audio" / "REC.wav").write_bytes(b.read_bytes())
    study.interviews.update(iv1.id, audio_path="audio/rec.wav")
    study.interviews.update(iv2.id, audio_path="audio/REC.wav")
    out = export_archive(study, tmp_path / "a").path
    study.close()
    result = import_archive(out, tmp_path / "copy")
    assert result.counts["audio files"] == 2
    with Study.open(result.path) as s:
        got = {iv.title: (s.folder / iv.audio_path).read_bytes() for iv in s.interviews.list()}
    assert got == {"یک": a.read_bytes(), "دو": b.read_bytes()}
    names = [p.name.casefold() for p in (result.path / "audio").iterdir()]
    assert len(names) == len(set(names)) == 2  # two files on a case-insensitive disk too


# -- 8: the app's own lock files ---------------------------------------------------------------------------------

def test_transcription_locks_are_never_exported_and_ignored_on_import(tmp_path):
    study = _study(tmp_path / "src")
    iv = study.interviews.list()[0]
    with study.jobs.exclusive(iv.id):
        pass
    assert list((study.folder / "audio").glob(".transcribe-*.lock"))
    out = export_archive(study, tmp_path / "a").path
    study.close()
    with zipfile.ZipFile(out) as z:
        assert not [n for n in z.namelist() if "/." in n]
    (tmp_path / "old").mkdir()
    old = _archive(tmp_path / "old", extra={"audio/.transcribe-1.lock": b""})  # as an older version wrote it
    result = import_archive(old, tmp_path / "copy")
    assert not list((result.path / "audio").glob(".*"))


# -- 9: restore refuses what is not a copy of this study ---------------------------------------------------------

def _foreign(tmp, study_folder):
    p = tmp / "foreign.db"
    conn = sqlite3.connect(str(p))
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    return p, "not a Mosahebeh study"


def _newer(tmp, study_folder):
    p = make_backup(study_folder).path
    conn = sqlite3.connect(str(p))
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    return p, "newer Mosahebeh"


def _other(tmp, study_folder):
    other = Study.create(tmp / "other")
    other.close()
    return make_backup(other.folder).path, "another study"


@pytest.mark.parametrize("make", [_foreign, _newer, _other])
def test_restore_refuses_a_foreign_newer_or_other_studys_database(tmp_path, make):
    study = _study(tmp_path / "src")
    folder = study.folder
    study.close()
    copy, said = make(tmp_path, folder)
    before = (folder / "study.db").read_bytes()
    with pytest.raises(StudyError, match=said):
        restore(folder, copy)
    assert (folder / "study.db").read_bytes() == before


# -- 10: merge unpacks a colleague's zip with the importer's checks -------------------------------------------------

def test_merge_refuses_a_zip_bomb(tmp_path):
    mine = _study(tmp_path / "mine")
    archive = _archive(tmp_path, extra={"audio/bomb.wav": b"\0" * (64 << 20)})
    with pytest.raises(StudyError, match="zip bomb"):
        from codebook.merge import merge

        merge(mine, archive)
    mine.close()
    assert not list(Path(os.environ.get("TMPDIR", "/tmp")).glob("mosahebeh-merge-*"))
    _no_leftovers(tmp_path / "mine.mosahebeh")


# -- 11: a recording that is a link is never followed ----------------------------------------------------------------

def test_a_linked_recording_never_leaves(tmp_path):
    private = _wav(tmp_path / "private.wav", 330)
    secret = private.read_bytes()
    study = _study(tmp_path / "src")
    iv = study.interviews.list()[0]
    (study.folder / "audio" / "linked.wav").symlink_to(private)
    study.interviews.update(iv.id, audio_path="audio/linked.wav")
    result = export_qdpx(study, tmp_path / "p.qdpx")
    archive = export_archive(study, tmp_path / "a").path
    study.close()
    assert any("link" in w for w in result.warnings)
    for out in (tmp_path / "p.qdpx", archive):
        with zipfile.ZipFile(out) as z:
            assert not any(z.read(n) == secret for n in z.namelist())


# -- 12: names printed on a terminal ------------------------------------------------------------------------------------

@settings(max_examples=10, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["\x1b]0;pwned\x07", "\x1b[2J\x1b[H", "\x9b31m", "a\rb", "\x1bP+q\x1b\\", "\u202eevil"]))
def test_names_from_elsewhere_reach_the_terminal_neutralised(tmp_path_factory, capsys, evil):
    tmp = tmp_path_factory.mktemp("names")
    study = _study(tmp / "s")
    iv = study.interviews.list()[0]
    study.db.execute("UPDATE codings SET coder = ?", [f"coder{evil}"])
    study.db.execute("UPDATE participants SET pseudonym = ?", [f"P{evil}"])
    study.db.conn.commit()
    folder = study.folder
    study.close()
    capsys.readouterr()
    assert main(["coders", "--study", str(folder)]) == 0
    assert main(["interviews", "--study", str(folder)]) == 0
    with Study.open(folder) as s:  # a colleague's copy whose code is named with the sequence, merged here
        s.codes.update(s.codes.list()[0].id, name=f"کد{evil}")
        s.transcripts.add_segments(s.interviews.list()[0].id, [NewSegment(9000, 9500, "x", "")])
        export_archive(s, tmp / "theirs")
    assert main(["merge", "--study", str(folder), str(tmp / "theirs.mosahebeh.zip"), "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert not any(ch in out for ch in "\x1b\x9b\r\u202e\x07"), repr(out)
    assert iv.id
