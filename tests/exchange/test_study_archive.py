"""The lossless study archive (``mosahebeh export --format archive``) and
importing into a new study without leaving anything behind on failure."""
from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from codebook import Study, StudyError
from codebook.refiqda import export_archive, export_qdpx, import_archive, import_qdpx_new

ROOT = Path(__file__).resolve().parents[2]


def everything(folder: Path) -> dict:
    """Every row of every table of a study (but its own GUID-free meta), and its audio bytes."""
    conn = sqlite3.connect(folder / "study.db")
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                         "AND name NOT LIKE 'segments_fts%' AND name NOT LIKE 'sqlite_%'")]
    out = {t: sorted(map(repr, conn.execute(f"SELECT * FROM {t}"))) for t in tables}
    out["user_version"] = conn.execute("PRAGMA user_version").fetchone()
    out["fts"] = conn.execute("SELECT COUNT(*) FROM segments_fts WHERE segments_fts MATCH 'کتابخانه'").fetchone()
    conn.close()
    out["audio"] = {p.name: p.read_bytes() for p in sorted((folder / "audio").iterdir())}
    return out


def test_archive_round_trip_is_lossless(demo_path, tmp_path):
    with Study.open(demo_path) as demo:  # exported while open, as from the app
        result = export_archive(demo, tmp_path / "demo")
    out = tmp_path / "demo.mosahebeh.zip"
    assert result.path == out and out.is_file()
    with zipfile.ZipFile(out) as z:
        infos = z.infolist()
    assert {i.filename for i in infos} >= {"study.db", "manifest.json"}
    assert all((i.external_attr >> 16) & 0o777 == 0o644 for i in infos)
    imported = import_archive(out, tmp_path / "copy")
    assert imported.path == tmp_path / "copy.mosahebeh"
    assert everything(tmp_path / "copy.mosahebeh") == everything(demo_path)
    with Study.open(tmp_path / "copy.mosahebeh") as copy:
        assert copy.codings.list() and all(copy.interviews.audio_file(iv.id).is_file()
                                           for iv in copy.interviews.list() if iv.audio_path)
    # a target that holds something is refused, and nothing is left beside it
    with pytest.raises(StudyError, match="already holds a study"):
        import_archive(out, tmp_path / "copy.mosahebeh")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["copy.mosahebeh", "demo.mosahebeh", "demo.mosahebeh.zip"]


def _zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    return path


def test_hostile_archives_are_refused_and_leave_nothing(demo_path, tmp_path):
    db = (demo_path / "study.db").read_bytes()
    cases = {
        "traversal": ({"study.db": db, "../evil.txt": b"x"}, "unsafe path"),
        "other file": ({"study.db": db, "run.sh": b"x"}, "not a Mosahebeh study archive"),
        "no db": ({"audio/a.wav": b"x"}, "no study.db"),
        "not sqlite": ({"study.db": b"hello" * 100}, "not"),
        "other sqlite": ({"study.db": _other_db(tmp_path)}, "not a Mosahebeh study"),
    }
    for name, (entries, message) in cases.items():
        bad = _zip(tmp_path / f"{name}.zip", entries)
        with pytest.raises(StudyError, match=message):
            import_archive(bad, tmp_path / "target")
        assert not (tmp_path / "target.mosahebeh").exists(), name
        assert not list(tmp_path.glob(".target*")), name


def _other_db(tmp_path: Path) -> bytes:
    p = tmp_path / "other.db"
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE t(x)")
    conn.commit()
    conn.close()
    return p.read_bytes()


def test_archive_naming_audio_outside_the_study_is_refused(demo_path, tmp_path):
    copy = tmp_path / "evil.mosahebeh"
    import shutil

    shutil.copytree(demo_path, copy)
    conn = sqlite3.connect(copy / "study.db")
    conn.execute("UPDATE interviews SET audio_path = '../../etc/passwd' WHERE id = (SELECT MIN(id) FROM interviews)")
    conn.commit()
    conn.close()
    with Study.open(copy) as study:
        out = export_archive(study, tmp_path / "evil").path
    with pytest.raises(StudyError, match="outside the study"):
        import_archive(out, tmp_path / "target")
    assert not list(tmp_path.glob("*target*"))


def test_a_killed_import_leaves_nothing(demo_path, tmp_path):
    with Study.open(demo_path) as demo:
        export_qdpx(demo, tmp_path / "demo.qdpx")
    code = ("import sys, codebook.refiqda.reader as r\n"
            "orig = r.Reader.read_source\n"
            "def slow(self, src):\n"
            "    orig(self, src)\n"
            "    print('source', flush=True)\n"
            "    import time; time.sleep(30)\n"
            "r.Reader.read_source = slow\n"
            "from codebook.refiqda import import_qdpx_new\n"
            f"import_qdpx_new({str(tmp_path / 'demo.qdpx')!r}, {str(tmp_path / 'killed')!r})\n")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "source"  # one interview (and its audio) is in
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert not (tmp_path / "killed.mosahebeh").exists()
    leftovers = [p for p in tmp_path.glob(".mosahebeh-tmp-import-*") if p.is_dir()]
    assert leftovers  # the half-built study sits hidden beside the target, never at it ...
    result = import_qdpx_new(tmp_path / "demo.qdpx", tmp_path / "killed")  # ... and the next import clears it
    assert result.counts["codings"] and not list(tmp_path.glob(".mosahebeh-tmp-*"))


def test_an_archive_imports_into_a_folder_whose_name_has_url_characters(demo_path, tmp_path):
    with Study.open(demo_path) as demo:
        out = export_archive(demo, tmp_path / "demo").path
    where = tmp_path / "Research #2 (50%)"
    where.mkdir()
    imported = import_archive(out, where / "copy")
    assert everything(imported.path) == everything(demo_path)
    # the check opened the staged database itself, not a stray new one named by the path cut at «#»
    assert sorted(p.name for p in tmp_path.iterdir()) == ["Research #2 (50%)", "demo.mosahebeh", "demo.mosahebeh.zip"]
