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
from codebook.locking import temp_file, write_lock
from codebook.schema import DB_NAME
from codebook.worded import WordedText

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
            if p.is_symlink() or not p.is_file():  # a link (dangling or not) or a folder is no copy of ours
                continue
            size = p.stat().st_size
        except (IndexError, ValueError, OSError):
            continue
        out.append(Backup(p, made, size, parts[3] if len(parts) > 3 else "daily"))
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
    # The write lock for the whole copy: two backups in one second each get a name of their own
    # (the second sees the first's) and write a partial file of their own.
    with write_lock(folder, WordedText("backup")):
        final = _new_name(where, when, why)
        try:
            where.mkdir(exist_ok=True)
            with temp_file(where, "backup") as partial:
                # Read through an ordinary connection: a read-only one cannot remove the WAL files when it is
                # the last one to close, and they would be left beside a closed study.
                _copy(sqlite3.connect(str(db_path), timeout=15), partial, standalone=True)
                os.replace(partial, final)
        except (OSError, sqlite3.Error) as exc:
            raise StudyError("Could not back up {db} into {where} ({reason}). The study itself is unchanged.",
                             db=db_path, where=where, reason=exc) from exc
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
    not be open anywhere (this app, a transcription, another program). The present
    database is first copied (``…-restore.db``), which is returned.

    ``copy`` must be this study's: a Mosahebeh database (not any SQLite file), of a schema
    this app reads, with the study's own id (``meta.guid``). The check that nobody has the
    study open and the copy are one step: an exclusive lock on the database, taken when no
    other connection has it open and held until the copy is in, so no write can come in
    between and be lost (a write waits, or is refused with the store's "in use" sentence)."""
    folder = Path(folder)
    copy = Path(copy)
    db_path = folder / DB_NAME
    if not copy.is_file():
        raise StudyError("No backup at {copy}.", copy=copy)
    _check_copy(copy, db_path)
    with write_lock(folder, WordedText("restore")):
        live = _exclusive(db_path)
        if live is None:  # damaged: SQLite cannot lock it, and nothing can have it open for work
            return _restore_damaged(folder, copy)
        try:
            before = _before(folder, live)
            try:
                src = _read_only(copy)
                try:
                    src.backup(live)  # into the locked database itself: atomic for every other connection
                finally:
                    src.close()
            except (OSError, sqlite3.Error) as exc:
                raise StudyError("Could not restore {copy} ({reason}); the study is as it was (and copied to "
                                 "{before}).", copy=copy, reason=exc, before=before.path.name) from exc
        finally:
            live.close()
        _prune(folder, KEEP)
    return before


def _check_copy(copy: Path, db_path: Path) -> None:
    """Refuse a copy that is damaged, not a Mosahebeh database, newer than this app, or another study's."""
    from codebook.schema import APP_ID, SCHEMA_VERSION

    try:
        check = _read_only(copy)
        try:
            ok = check.execute("PRAGMA quick_check").fetchone()[0] == "ok"
            version = check.execute("PRAGMA user_version").fetchone()[0]
            tables = {r[0] for r in check.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            meta = dict(check.execute("SELECT key, value FROM meta WHERE key IN ('app', 'guid')").fetchall()
                        ) if "meta" in tables else {}
        finally:
            check.close()
    except sqlite3.Error as exc:
        raise StudyError("{copy} is not a readable study database ({reason}); nothing was restored.",
                         copy=copy, reason=exc) from exc
    if not ok:
        raise StudyError("{copy} is damaged; nothing was restored. Choose an older copy.", copy=copy)
    if version < 1 or meta.get("app") != APP_ID:
        raise StudyError("{copy} is not a Mosahebeh study database; nothing was restored.", copy=copy)
    if version > SCHEMA_VERSION:
        raise StudyError("{copy} was made by a newer Mosahebeh (schema {version}, this one reads up to {known}); "
                         "nothing was restored.", copy=copy, version=version, known=SCHEMA_VERSION)
    mine = _study_id(db_path)
    if mine is not None and meta.get("guid") != mine:
        raise StudyError("{copy} is a copy of another study, not of this one; nothing was restored.", copy=copy)


def _study_id(db_path: Path) -> str | None:
    """The study's own id (``meta.guid``), or None when its database cannot be read (damaged)."""
    try:
        conn = _read_only(db_path)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'guid'").fetchone()
        finally:
            conn.close()
    except sqlite3.Error:
        return None
    return row[0] if row else None


def _exclusive(db_path: Path) -> sqlite3.Connection | None:
    """A connection holding the database's exclusive lock until it is closed; StudyError when
    another connection has it open; None when SQLite cannot read it (damaged)."""
    conn = sqlite3.connect(str(db_path), timeout=0, isolation_level=None)
    try:
        conn.execute("PRAGMA locking_mode = EXCLUSIVE")
        conn.execute("BEGIN EXCLUSIVE")
        conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        conn.execute("COMMIT")  # in exclusive locking mode the lock stays after the transaction
    except sqlite3.Error as exc:
        conn.close()
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            raise StudyError("{folder} is open in another window or program (a transcription?); close it there "
                             "and try again. Nothing was restored.", folder=db_path.parent) from exc
        return None
    return conn


def _before(folder: Path, live: sqlite3.Connection) -> Backup:
    """The present database copied into ``backups/`` (``…-restore.db``) through the locked connection."""
    when = datetime.now().replace(microsecond=0)
    where = folder / FOLDER
    final = _new_name(where, when, "restore")
    try:
        where.mkdir(exist_ok=True)
        with temp_file(where, "backup") as partial:
            out = sqlite3.connect(str(partial))
            try:
                live.backup(out)
                out.execute("PRAGMA journal_mode = DELETE")
                out.commit()
            finally:
                out.close()
            os.replace(partial, final)
    except (OSError, sqlite3.Error) as exc:
        raise StudyError("Could not copy {db} before restoring ({reason}); nothing was restored.",
                         db=folder / DB_NAME, reason=exc) from exc
    return Backup(final, when, final.stat().st_size, "restore")


def _restore_damaged(folder: Path, copy: Path) -> Backup:
    """A damaged database (SQLite cannot read it) replaced by ``copy``, its bytes kept first."""
    db_path = folder / DB_NAME
    before = _keep_bytes(folder)
    try:
        with temp_file(folder, "restore") as partial:
            _copy(_read_only(copy), partial)
            for side in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(str(db_path) + side)
            os.replace(partial, db_path)
    except (OSError, sqlite3.Error) as exc:
        raise StudyError("Could not restore {copy} ({reason}); the study is as it was (and copied to {before}).",
                         copy=copy, reason=exc, before=before.path.name) from exc
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
