"""Issue #24, classes 13–16 and 18: several writers at once, and kill -9 at a drawn moment.
Real processes: two merges, backups and restores race for real; killed commands leave
nothing behind once any command starts again."""
from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from codebook import Study
from codebook.backups import backups, make_backup
from codebook.models import NewSegment
from codebook.refiqda import export_archive
from desktop.cli import main

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}
MOMENTS = random.Random(24)  # the kill moments: drawn, and the same on every run


def _run(*argv: str) -> subprocess.Popen:
    code = f"import sys\nfrom desktop.cli import main\nsys.exit(main({list(argv)!r}))\n"
    return subprocess.Popen([sys.executable, "-c", code], env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)


def _study(folder: Path, segments: int = 40) -> Study:
    study = Study.create(folder, name="writers")
    p = study.participants.add("P1", real_name="زهرا کیانی")
    iv = study.interviews.add(p.id, title="یک")
    study.transcripts.add_segments(iv.id, [NewSegment(i * 1000, i * 1000 + 900, f"جمله شماره {i} از متن", "")
                                           for i in range(segments)])
    study.codes.add("کد")
    return study


def _colleague(mine: Path, tmp: Path) -> Path:
    """An archive of a copy of ``mine`` with 45 codings by Sara."""
    import shutil

    theirs = tmp / "sara.mosahebeh"
    shutil.copytree(mine, theirs)
    with Study.open(theirs) as s:
        code = s.codes.list()[0]
        for seg in s.transcripts.segments(s.interviews.list()[0].id)[:45]:
            s.codings.add(code.id, seg.id, 0, seg.id, 5, coder="Sara")
        return export_archive(s, tmp / "sara").path


def _temp_left(*folders: Path) -> list[Path]:
    return [p for f in folders for p in f.rglob(".mosahebeh-tmp-*")]


# -- 13: two merges at once ---------------------------------------------------------------------------------

def test_two_merges_at_once_add_each_coding_once(tmp_path):
    study = _study(tmp_path / "mine", segments=45)
    mine = study.folder
    study.close()
    archive = _colleague(mine, tmp_path)
    procs = [_run("merge", "--study", str(mine), str(archive)) for _ in range(2)]
    outs = [p.communicate(timeout=120) for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    with Study.open(mine) as s:
        assert len(s.codings.list()) == 45  # not 90
    assert not _temp_left(tmp_path)


# -- 14: restore while another process writes -----------------------------------------------------------------

WRITER = """
import sqlite3, sys, time
db, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    while True:
        try:
            c = sqlite3.connect(db, timeout=10)
            c.execute("INSERT INTO meta(key, value) VALUES (?, 'w')", [f"w{i}"])
            c.commit()
            c.close()
            break
        except sqlite3.OperationalError:
            time.sleep(0.01)
    print(i, flush=True)
"""


def _keys(db: Path) -> set[str]:
    conn = sqlite3.connect(str(db))
    try:
        return {r[0] for r in conn.execute("SELECT key FROM meta WHERE key LIKE 'w%'")}
    finally:
        conn.close()


def test_restore_never_loses_a_write_committed_around_it(tmp_path):
    study = _study(tmp_path / "s")
    folder = study.folder
    study.close()
    copy = make_backup(folder).path
    writer = subprocess.Popen([sys.executable, "-c", WRITER, str(folder / "study.db"), "600"], stdout=subprocess.PIPE,
                              text=True)
    kept: list[Path] = []
    refused = 0
    from codebook.backups import restore
    from codebook.errors import StudyError

    while writer.poll() is None:
        try:
            kept.append(restore(folder, copy).path)
        except StudyError:
            refused += 1
        time.sleep(MOMENTS.uniform(0, 0.05))
    done = {f"w{line.split()[0]}" for line in writer.stdout.read().splitlines()}
    assert writer.returncode == 0 and len(done) == 600
    assert kept, f"no restore ran ({refused} refused)"
    found = _keys(folder / "study.db")
    for k in kept:
        found |= _keys(k)
    assert done <= found, sorted(done - found)[:5]  # each write is in the study or in the copy made before a restore


# -- 15: backups at once ---------------------------------------------------------------------------------------

BACKUPS = """
import sys
from datetime import datetime
from codebook.backups import make_backup
for _ in range(int(sys.argv[2])):
    make_backup(sys.argv[1], keep=None, now=datetime(2026, 1, 1, 12, 0, 0))
"""


def test_backups_in_the_same_second_each_get_their_own_file(tmp_path):
    study = _study(tmp_path / "s")
    folder = study.folder
    study.close()
    procs = [subprocess.Popen([sys.executable, "-c", BACKUPS, str(folder), "12"], env=ENV, stderr=subprocess.PIPE,
                              text=True) for _ in range(3)]
    errors = [p.communicate(timeout=120)[1] for p in procs]
    assert all(p.returncode == 0 for p in procs), errors
    made = backups(folder)
    assert len(made) == 36 and len({b.path.name for b in made}) == 36
    for b in made:
        conn = sqlite3.connect(f"{b.path.as_uri()}?mode=ro", uri=True)
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        conn.close()
    assert not _temp_left(folder)


# -- 16: killed at a drawn moment, nothing is left once any command starts -----------------------------------------

OURS = {".mosahebeh-write.lock"}  # the study's lock file stays (deleting a lock file breaks locking)


def _hidden(folders: list[Path]) -> set[Path]:
    """Hidden entries in ``folders`` (and their audio/ and backups/), and the system temporary
    folder's entries named for the app: where a temporary file or folder can be."""
    out = set()
    for f in folders:
        for where in (f, f / "audio", f / "backups"):
            if where.is_dir():
                out |= {p for p in where.iterdir() if p.name.startswith(".") and p.name not in OURS
                        and not p.name.startswith(".transcribe-")}
    # the system's temporary folder: what merge unpacked there (other programs' entries change all the time)
    out |= set(Path(tempfile.gettempdir()).glob("mosahebeh-merge-*"))
    return out


def _kill_during(proc: subprocess.Popen, watch: list[Path], before: set[Path], at: float) -> bool:
    """SIGKILL ``proc`` ``at`` seconds after a new temporary entry appears (or when it ends);
    whether it was killed while working."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and proc.poll() is None:
        if _hidden(watch) - before:
            break
        time.sleep(0.002)
    time.sleep(at)
    killed = proc.poll() is None
    if killed:
        proc.send_signal(signal.SIGKILL)
    proc.wait()
    return killed


OPERATIONS = ["merge", "archive", "qdpx", "import", "new", "models add"]


@pytest.mark.parametrize("what", OPERATIONS)
def test_a_killed_command_leaves_nothing_after_the_next_start(tmp_path, what):
    study = _study(tmp_path / "mine", segments=300)
    study.interviews.attach_audio(study.interviews.list()[0].id, _long_wav(tmp_path / "long.wav"))
    mine = study.folder
    study.close()
    out = tmp_path / "out"
    out.mkdir()
    at = MOMENTS.choice([0.0, 0.01, 0.03, 0.1])
    watch = [mine, out, tmp_path]
    if what == "merge":
        archive = _colleague(mine, tmp_path)
        proc = _run("merge", "--study", str(mine), str(archive))
    elif what == "archive":
        proc = _run("export", "--study", str(mine), "--format", "archive", "--out", str(out / "a"))
    elif what == "qdpx":
        proc = _run("export", "--study", str(mine), "--format", "qdpx", "--out", str(out / "p.qdpx"))
    elif what == "import":
        with Study.open(mine) as s:
            archive = export_archive(s, tmp_path / "a").path
        proc = _run("import", "--study", str(out / "copy"), str(archive))
    elif what == "new":
        proc = _run("new", str(out / "fresh"))
    else:
        from transcribe.models import bundled_model_dir
        from transcribe.paths import models_dir

        proc = _run("models", "add", str(bundled_model_dir()), "--name", "copy-of-base")
        watch = [models_dir()]
    before = _hidden(watch)
    killed = _kill_during(proc, watch, before, at)
    assert killed, f"{what} ended before it could be killed"
    # the next command, whatever it is, sweeps what the killed one left
    assert main(["interviews", "--study", str(mine)]) == 0
    assert not _hidden(watch) - before, (what, at)
    if what == "models add":
        from transcribe.paths import models_dir

        assert not list(models_dir().glob(".adding-*"))
        main(["models", "remove", "copy-of-base"]) if (models_dir() / "copy-of-base").exists() else None


def _long_wav(path: Path) -> Path:
    import numpy as np
    import soundfile as sf

    sf.write(str(path), np.zeros(16000 * 60 * 10, dtype="int16"), 16000, subtype="PCM_16")  # 19 MB of silence
    return path


# -- 18: a dangling link among the backups -----------------------------------------------------------------------

def test_a_dangling_link_in_backups_is_passed_over(tmp_path, capsys):
    study = _study(tmp_path / "s")
    folder = study.folder
    study.close()
    make_backup(folder)
    (folder / "backups" / "study-20250101-120000-manual.db").symlink_to(tmp_path / "gone.db")
    assert main(["backups", "--study", str(folder)]) == 0
    assert main(["backups", "--study", str(folder), "--json"]) == 0
    assert "Traceback" not in capsys.readouterr().err
