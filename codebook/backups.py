"""Automatic copies of a study's database in the study folder's ``backups/``.

The app copies the database when a study is opened for editing and the newest
copy is a day old or more (:func:`backup_if_due`), and the store copies it
before upgrading its schema; the newest :data:`KEEP` copies stay. A copy is a
consistent snapshot made with SQLite's backup API through its own connection,
written beside its final name and renamed, so a full disk or a killed process
leaves no half copy. Audio is not copied: the app never changes an attached
recording, and a study archive (``mosahebeh export --format archive``) holds both.

:func:`restore` puts a copy back in place of the database after copying the
present state too, so a restore can itself be undone by restoring that copy.

    >>> import tempfile; from codebook import Study
    >>> folder = Study.create(tempfile.mkdtemp() + "/b.mosahebeh"); folder.close(); folder = folder.folder
    >>> made = make_backup(folder)
    >>> [b.path.name == made.path.name for b in backups(folder)]
    [True]
"""
from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from codebook.errors import StudyError
from codebook.schema import DB_NAME

FOLDER = "backups"
KEEP = 7
EVERY = timedelta(hours=24)
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class Backup:
    path: Path
    made: datetime  # local time, from the file's name
    size: int  # bytes
    why: str  # 'daily', 'upgrade', 'restore' (the state before a restore), 'damaged' (its bytes) or 'manual'


def backups(folder: str | os.PathLike) -> list[Backup]:
    """The study's copies, newest first."""
    out = []
    where = Path(folder) / FOLDER
    for p in where.glob("study-*.db") if where.is_dir() else []:
        parts = p.stem.split("-")  # study-YYYYMMDD-HHMMSS-why
        try:
            made = datetime.strptime(f"{parts[1]}-{parts[2]}", _STAMP)
        except (IndexError, ValueError):
            continue
        out.append(Backup(p, made, p.stat().st_size, parts[3] if len(parts) > 3 else "daily"))
    return sorted(out, key=lambda b: (b.made, b.path.name), reverse=True)


def make_backup(folder: str | os.PathLike, why: str = "manual", *, now: datetime | None = None,
                keep: int | None = KEEP) -> Backup:
    """Copy the study's database into ``backups/`` now; keep the newest ``keep`` copies (all: None).
    Raises :class:`StudyError` with the reason (a full disk, a read-only folder) and
    leaves no partial file."""
    folder = Path(folder)
    db_path = folder / DB_NAME
    if not db_path.is_file():
        raise StudyError("No study at {folder}: it has no {DB_NAME}.", folder=folder, DB_NAME=DB_NAME)
    when = (now or datetime.now()).replace(microsecond=0)
    where = folder / FOLDER
    final = _new_name(where, when, why)
    partial = final.with_name("." + final.name + ".partial")
    try:
        where.mkdir(exist_ok=True)
        # Read through an ordinary connection: a read-only one cannot remove the WAL files when it is the last
        # one to close, and they would be left beside a closed study.
        _copy(sqlite3.connect(str(db_path), timeout=15), partial, standalone=True)
        os.replace(partial, final)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise StudyError("Could not back up {db_path} into {where} ({exc}). The study itself is unchanged.", db_path=db_path, where=where, exc=exc) from exc
    _prune(folder, keep)
    for stale in where.glob(".*.partial"):  # left by a copy whose process was killed (an hour is long past it)
        with contextlib.suppress(OSError):
            if time.time() - stale.stat().st_mtime > 3600:
                stale.unlink()
    return Backup(final, when, final.stat().st_size, why)


def backup_if_due(folder: str | os.PathLike, *, now: datetime | None = None, every: timedelta = EVERY) -> Backup | None:
    """A copy when the newest is ``every`` old or more (or there is none); else None."""
    now = now or datetime.now()
    newest = next(iter(backups(folder)), None)
    if newest is not None and now - newest.made < every:
        return None
    return make_backup(folder, "daily", now=now)


def restore(folder: str | os.PathLike, copy: str | os.PathLike) -> Backup:
    """Put ``copy`` (one of :func:`backups`) back as the study's database. The study must
    not be open anywhere (this app, a transcription, another program): that is checked.
    The present database is first copied (``…-restore.db``), which is returned."""
    folder = Path(folder)
    copy = Path(copy)
    db_path = folder / DB_NAME
    if not copy.is_file():
        raise StudyError("No backup at {copy}.", copy=copy)
    try:
        check = _read_only(copy)
        try:
            ok = check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
        finally:
            check.close()
    except sqlite3.Error as exc:
        raise StudyError("{copy} is not a readable study database ({exc}); nothing was restored.", copy=copy, exc=exc) from exc
    if not ok:
        raise StudyError("{copy} is damaged; nothing was restored. Choose an older copy.", copy=copy)
    _not_open_elsewhere(db_path)
    try:
        before = make_backup(folder, "restore", keep=None)  # not pruned yet: the copy to restore may be the oldest
    except StudyError:  # SQLite cannot read it (damaged): keep its bytes as they are
        before = _keep_bytes(folder)
    partial = db_path.with_name("." + DB_NAME + ".restoring")
    try:
        _copy(_read_only(copy), partial)
        for side in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(str(db_path) + side)
        os.replace(partial, db_path)
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise StudyError("Could not restore {copy} ({exc}); the study is as it was (and copied to {file}).", copy=copy, exc=exc, file=before.path.name) from exc
    _prune(folder, KEEP)
    return before


def _keep_bytes(folder: Path) -> Backup:
    """The database file (and its WAL) copied byte for byte into ``backups/`` as ``…-damaged.db``."""
    db_path = folder / DB_NAME
    when = datetime.now().replace(microsecond=0)
    final = _new_name(folder / FOLDER, when, "damaged")
    try:
        final.parent.mkdir(exist_ok=True)
        shutil.copyfile(db_path, final)
        if Path(str(db_path) + "-wal").is_file():
            shutil.copyfile(str(db_path) + "-wal", str(final) + "-wal")
    except OSError as exc:
        raise StudyError("Could not keep a copy of {db_path} before restoring ({exc}); nothing was restored.", db_path=db_path, exc=exc) from exc
    return Backup(final, when, final.stat().st_size, "damaged")


def _new_name(where: Path, when: datetime, why: str) -> Path:
    """``study-YYYYMMDD-HHMMSS-why.db`` in ``where``, with ``-1``, ``-2``… when taken (read by :func:`backups`)."""
    final, n = where / f"study-{when.strftime(_STAMP)}-{why}.db", 1
    while final.exists():
        final, n = where / f"study-{when.strftime(_STAMP)}-{why}-{n}.db", n + 1
    return final


def _copy(source: sqlite3.Connection, target: Path, *, standalone: bool = False) -> None:
    """SQLite's backup API from ``source`` (closed afterwards) into a new file ``target``;
    ``standalone``: in rollback-journal mode, one file that needs no WAL beside it."""
    try:
        out = sqlite3.connect(str(target))
        try:
            source.backup(out)
            if standalone:
                out.execute("PRAGMA journal_mode = DELETE")
                out.commit()
        finally:
            out.close()
    finally:
        source.close()


def _prune(folder: Path, keep: int | None) -> None:
    for old in backups(folder)[keep:] if keep is not None else []:
        with contextlib.suppress(OSError):
            old.path.unlink()


def _read_only(path: Path, timeout: float = 5.0) -> sqlite3.Connection:
    """A read-only connection (a URI, so a folder named «#2» or «50%» works)."""
    return sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True, timeout=timeout)


def _not_open_elsewhere(db_path: Path) -> None:
    """Refuse while another connection has the database open: in WAL mode the last
    connection to close removes the ``-wal`` file, so one left after ours closed means
    someone else still has it open."""
    conn = sqlite3.connect(str(db_path), timeout=0)
    try:
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
    except sqlite3.Error as exc:
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise StudyError("{db_path} is in use ({exc}); close it everywhere and try again.", db_path=db_path, exc=exc) from exc
        return  # damaged, which is why it is being restored: nothing can have it open for work
    finally:
        conn.close()
    if Path(str(db_path) + "-wal").exists():
        raise StudyError("{db_path_folder} is open in another window or program (a transcription?); close it there and try again. Nothing was restored.", db_path_folder=db_path.parent)
