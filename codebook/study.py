"""A study on disk: the folder ``NAME.mosahebeh/`` with ``study.db`` and ``audio/``.

>>> import pathlib, tempfile
>>> study = Study.create(pathlib.Path(tempfile.mkdtemp()) / "libraries", name="Libraries")
>>> study.folder.name
'libraries.mosahebeh'
>>> p = study.participants.add("مشارکت‌کننده ۱", attributes={"role": "مدیر"})
>>> study.participants.get(p.id).attributes
{'role': 'مدیر'}
>>> study.close()

``Study`` opens the SQLite database through sqlite-utils with WAL and
foreign keys on, upgrades older schemas forward, refuses newer ones and
foreign files, and hands out one small repository per kind of record:
``participants``, ``interviews``, ``transcripts``, ``codes``, ``codings``,
``memos``, ``guide``, ``marks``, ``glossary``. All SQL stays in this package.

One ``Study`` per thread: open another on the same folder for a worker.
"""
from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
import uuid
from collections.abc import Callable
from pathlib import Path

import sqlite_utils

from codebook.backups import make_backup
from codebook.codes import Codes, Codings
from codebook.dates import now
from codebook.errors import StudyError, StudyFullError, StudyLockedError, StudyReadOnlyError
from codebook.interviews import Interviews
from codebook.jobs import Jobs
from codebook.notes import Glossary, Guide, Marks, Memos
from codebook.participants import Participants
from codebook.schema import APP_ID, DB_NAME, MIGRATIONS, SCHEMA_VERSION
from codebook.transcripts import Transcripts
from codebook.worded import WordedText

SUFFIX = ".mosahebeh"
AUDIO_DIR = "audio"
# How long a write waits for another process (a transcription worker, a second
# window) to release the study's write lock before StudyLockedError.
BUSY_TIMEOUT_S = 15


class _Database(sqlite_utils.Database):
    """sqlite-utils' Database whose outermost transaction takes the write lock at its
    start (``BEGIN IMMEDIATE``), so a transaction that reads before it writes waits
    up to the busy timeout for another writer instead of failing at once when its
    read lock cannot be upgraded."""

    @contextlib.contextmanager
    def atomic(self):
        if self.conn.in_transaction or isinstance(self.conn, _ReadOnlyConnection):
            with super().atomic():
                yield self
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            self.rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except BaseException:
            self.rollback()
            raise


class _Connection(sqlite3.Connection):
    """The study's SQLite connection: SQLite's lock, full-disk and read-only
    errors come out as the store's own errors, whoever ran the statement
    (the repositories, sqlite-utils' Table API, a transaction's COMMIT)."""

    path: Path

    def execute(self, *args):
        try:
            return super().execute(*args)
        except sqlite3.Error as exc:
            mine = self._translated(exc)
            if mine is exc:
                raise
            raise mine from exc

    def executemany(self, *args):
        try:
            return super().executemany(*args)
        except sqlite3.Error as exc:
            mine = self._translated(exc)
            if mine is exc:
                raise
            raise mine from exc

    def executescript(self, *args):
        try:
            return super().executescript(*args)
        except sqlite3.Error as exc:
            mine = self._translated(exc)
            if mine is exc:
                raise
            raise mine from exc

    def _translated(self, exc: sqlite3.Error) -> Exception:
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        if code in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED):
            return StudyLockedError(
                "Waited {BUSY_TIMEOUT_S} s for another program (a transcription, another window) to finish writing to {path}; the last change was not saved. Try again in a moment.", BUSY_TIMEOUT_S=BUSY_TIMEOUT_S, path=self.path)
        if code == sqlite3.SQLITE_FULL:
            return StudyFullError("The disk is full: the last change to {path} was not saved. Free some space and do it again.", path=self.path)
        if code == sqlite3.SQLITE_READONLY:
            return StudyReadOnlyError("{path} is read-only: changes cannot be saved there.", path=self.path)
        if code == sqlite3.SQLITE_IOERR:
            return StudyError("The disk holding {path} is full or failing ({exc}); the change was undone and nothing was saved.", path=self.path, exc=exc)
        if code == sqlite3.SQLITE_CORRUPT:
            return StudyError("The study database {path} is damaged ({exc}); restore a copy from {count} (File › Backups…, or mosahebeh backups --restore).", path=self.path, exc=exc, count=self.path.parent / 'backups')
        return exc


class Study:
    """An open study. Use :meth:`open` or :meth:`create`, and :meth:`close` (or ``with``).

    ``read_only`` is '' for a study open for editing, else why it is not (a study on
    read-only media or without write permission opens for viewing and exports; an
    edit raises :class:`StudyReadOnlyError` saying why)."""

    read_only: str = ""

    def __init__(self, folder: Path, db: sqlite_utils.Database):
        self.folder = folder
        self.db = db
        self.participants = Participants(self)
        self.interviews = Interviews(self)
        self.transcripts = Transcripts(self)
        self.jobs = Jobs(self)
        self.codes = Codes(self)
        self.codings = Codings(self)
        self.memos = Memos(self)
        self.guide = Guide(self)
        self.marks = Marks(self)
        self.glossary = Glossary(self)

    # -- opening -----------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike, name: str | None = None,
               setup: Callable[[Study], None] | None = None) -> Study:
        """Create an empty study folder at ``path`` (``.mosahebeh`` is added if missing).

        Refuses a folder that already holds a study or other files. The study is
        built in a temporary folder beside ``path`` (with ``setup(study)`` run on it)
        and renamed into place when complete: a failure (a full disk) leaves nothing."""
        folder = Path(path)
        if folder.suffix != SUFFIX:
            folder = folder.with_name(folder.name + SUFFIX)
        if (folder / DB_NAME).exists():
            raise StudyError("{folder} already holds a study; open it instead.", folder=folder)
        if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
            raise StudyError("{folder} is not empty; choose a new folder for the study.", folder=folder)
        tmp = None
        try:
            from codebook.locking import temp_dir

            folder.parent.mkdir(parents=True, exist_ok=True)
            # built in a working folder the app recognises: a killed `new` leaves nothing at the next start
            with temp_dir(folder.parent, "new") as tmp:
                (tmp / AUDIO_DIR).mkdir()
                study = cls._connect(tmp, creating=True, stem=folder.stem)
                try:
                    if name:
                        study.set_meta("name", name)
                    if setup:
                        setup(study)
                finally:
                    study.close()
                if folder.exists():
                    folder.rmdir()  # empty, checked above
                os.rename(tmp, folder)
        except (OSError, sqlite3.Error, StudyError) as exc:
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)
            if isinstance(exc, StudyError) and tmp is not None and "working folder" in str(exc):
                raise StudyError("Cannot create the study folder {folder}: {reason}. Nothing was left behind.",
                                 folder=str(folder), reason=exc) from exc
            if isinstance(exc, StudyError):
                if tmp is None:
                    raise
                raise StudyError(exc.template, **{k: str(v).replace(str(tmp), str(folder)) if isinstance(v, (str, Path))
                                                  else v for k, v in exc.values.items()}) from exc
            reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
            raise StudyError("Cannot create the study folder {folder}: {reason}. Nothing was left behind.", folder=folder, reason=reason) from exc
        except BaseException:
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)
            raise
        return cls._connect(folder, creating=False)

    @classmethod
    def open(cls, path: str | os.PathLike) -> Study:
        """Open an existing study folder (or its ``study.db``)."""
        folder = Path(path)
        if folder.name == DB_NAME:
            folder = folder.parent
        if not (folder / DB_NAME).is_file():
            raise StudyError("No study at {folder}: it has no {DB_NAME}.", folder=folder, DB_NAME=DB_NAME)
        _sweep(folder)
        return cls._connect(folder, creating=False)

    @classmethod
    def _connect(cls, folder: Path, creating: bool, stem: str | None = None) -> Study:
        db_path = folder / DB_NAME
        if not creating and not os.access(db_path, os.R_OK):
            raise StudyError("Cannot read {db_path}: permission denied.", db_path=db_path)
        read_only = "" if creating else _read_only_reason(folder)
        try:
            conn: _Connection
            if read_only:
                conn = _open_read_only(db_path, read_only)
            else:
                conn = sqlite3.connect(str(db_path), timeout=BUSY_TIMEOUT_S, check_same_thread=False,
                                       factory=_Connection)
            conn.path = db_path
            db = _Database(conn)
            db.execute("PRAGMA foreign_keys = ON")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = set(db.table_names())
        except sqlite3.OperationalError as exc:  # cannot open or read it: say why, it may well be a study
            raise StudyError("Cannot open {db_path} ({exc}{full}). Nothing was changed.", db_path=db_path, exc=exc, full=_full(folder)) from exc
        except sqlite3.DatabaseError as exc:
            raise StudyError("{db_path} is not a Mosahebeh study database ({exc}). Nothing was changed.", db_path=db_path, exc=exc) from exc
        if version > SCHEMA_VERSION:
            conn.close()
            raise StudyError(
                "{folder} was made by a newer Mosahebeh (schema {version}, this one reads up to {SCHEMA_VERSION}). Update Mosahebeh to open it; nothing was changed.", folder=folder, version=version, SCHEMA_VERSION=SCHEMA_VERSION
            )
        if version == 0 and tables:
            conn.close()
            raise StudyError("{db_path} is an SQLite database, but not a Mosahebeh study. Nothing was changed.", db_path=db_path)
        if version > 0:
            app = db.execute("SELECT value FROM meta WHERE key = 'app'").fetchone() if "meta" in tables else None
            if not app or app[0] != APP_ID:
                conn.close()
                raise StudyError("{db_path} is not a Mosahebeh study. Nothing was changed.", db_path=db_path)
        if version < SCHEMA_VERSION and (read_only or not os.access(db_path, os.W_OK)) and db_path.exists():
            conn.close()
            raise StudyError("{db_path} needs an upgrade but is read-only.", db_path=db_path)
        if read_only:
            study = cls(folder, db)
            study.read_only = read_only
            return study
        try:
            db.execute("PRAGMA journal_size_limit = 33554432")  # a WAL left large (by a full disk) shrinks back
            db.enable_wal()
            # In WAL mode NORMAL is what SQLite advises: no corruption on a crash, one fsync per checkpoint
            # instead of one per write (each coding applied was waiting for the disk).
            db.execute("PRAGMA synchronous = NORMAL")
            if 0 < version < SCHEMA_VERSION:  # an upgrade cannot be undone: keep a copy of the study as it was
                make_backup(folder, "upgrade")
            cls._migrate(db, version)
            if version == 0:
                with db.atomic():
                    for key, value in (("app", APP_ID), ("name", stem or folder.stem), ("guid", str(uuid.uuid4())),
                                       ("created", now())):
                        db.execute("INSERT INTO meta(key, value) VALUES (?, ?)", [key, value])
        except StudyError:
            conn.close()
            raise
        except sqlite3.Error as exc:
            conn.close()
            raise StudyError("Cannot write to {db_path}: {exc}{value}.", db_path=db_path, exc=exc, value=_full(folder) if 'full' not in str(exc) else '') from exc
        study = cls(folder, db)
        try:
            study.transcripts.refold()  # search columns written by an older Persian folding
        except (sqlite3.Error, StudyError):
            pass  # busy or refused: the old search columns stay until the next open; find checks every match
        return study

    @staticmethod
    def _migrate(db: sqlite_utils.Database, version: int) -> None:
        for step in range(version, SCHEMA_VERSION):
            try:
                db.conn.executescript(f"BEGIN;\n{MIGRATIONS[step]};\nPRAGMA user_version = {step + 1};\nCOMMIT;")
            except (sqlite3.Error, StudyError):
                db.rollback()
                raise

    @property
    def closed(self) -> bool:
        """Whether :meth:`close` was called (a view's pending refresh must not read then)."""
        return getattr(self, "_closed", False)

    def close(self) -> None:
        self._closed = True
        if not self.read_only:
            # Give back the disk space a failed (rolled back) write left in the WAL, e.g. on a full disk.
            # Never waits: with another connection reading, the last one to close checkpoints instead.
            with contextlib.suppress(sqlite3.Error, StudyError):
                self.db.execute("PRAGMA busy_timeout = 0")
                self.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.db.close()

    def __enter__(self) -> Study:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # -- the study itself -----------------------------------------------------

    @property
    def name(self) -> str:
        return self.meta("name") or self.folder.stem

    @property
    def guid(self) -> str:
        """A stable id of this study (REFI-QDA GUIDs of its records derive from it)."""
        guid = self.meta("guid")
        if not guid:
            raise StudyError("The study has no id (its meta table lost its guid); restore it from a backup.")
        return guid

    @property
    def audio_dir(self) -> Path:
        return self.folder / AUDIO_DIR

    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.db.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str | None) -> None:
        self.db.execute(
            "INSERT INTO meta(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
            [key, value],
        )

    def atomic(self) -> contextlib.AbstractContextManager:
        """A transaction (nestable): all of it is saved, or none."""
        return self.db.atomic()

    def record_guid(self, kind: str, record_id: int) -> str:
        """A GUID for a record that stays the same across exports of this study."""
        return str(uuid.uuid5(uuid.UUID(self.guid), f"{kind}:{record_id}"))


# -- read-only studies (read-only media, no write permission) ---------------------------------


def _full(folder: Path) -> str:
    """'; the disk is full' when the disk holding ``folder`` has (almost) no room left."""
    try:
        return WordedText("; the disk is full") if shutil.disk_usage(folder).free < 64 * 1024 else ""
    except OSError:
        return ""


def _read_only_reason(folder: Path) -> str:
    """Why the study at ``folder`` cannot be edited, or '' when it can."""
    db_path = folder / DB_NAME
    try:
        if os.statvfs(folder).f_flag & os.ST_RDONLY:
            return "it is on read-only media"
    except (OSError, AttributeError):  # no statvfs on Windows
        pass
    if not os.access(db_path, os.W_OK):
        return "its study.db is write-protected"
    if not os.access(folder, os.W_OK):
        return "its folder is write-protected"
    return ""


class _ReadOnlyConnection(_Connection):
    """A connection that words SQLite's refusal to write as a :class:`StudyReadOnlyError`
    saying why the study is read-only."""

    reason = ""

    def _translated(self, exc: sqlite3.Error) -> Exception:
        text = str(exc)
        if "readonly" in text or "read-only" in text or "not authorized" in text:
            return StudyReadOnlyError("This study is open read-only because {reason}: viewing and exports work, editing is off. Nothing was changed.", reason=self.reason)
        return super()._translated(exc)


def _deny_writes(action, *_):
    # Refuse writes when a statement is prepared, before SQLite touches anything.
    allowed = (sqlite3.SQLITE_SELECT, sqlite3.SQLITE_READ, sqlite3.SQLITE_FUNCTION, sqlite3.SQLITE_PRAGMA,
               sqlite3.SQLITE_TRANSACTION, sqlite3.SQLITE_SAVEPOINT, sqlite3.SQLITE_RECURSIVE)
    return sqlite3.SQLITE_OK if action in allowed else sqlite3.SQLITE_DENY


def _open_read_only(db_path: Path, reason: str) -> _ReadOnlyConnection:
    """Open ``db_path`` for reading only: ``mode=ro`` where SQLite can still share the
    WAL index, else ``immutable=1`` (read-only media: nothing can change it under us)."""
    uri = db_path.resolve().as_uri()
    last: sqlite3.Error | None = None
    conn: _ReadOnlyConnection
    for query in ("mode=ro", "immutable=1"):
        try:
            conn = sqlite3.connect(f"{uri}?{query}", uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False,
                                   factory=_ReadOnlyConnection)
            conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchone()
        except sqlite3.Error as exc:
            last = exc
            continue
        conn.reason = reason
        conn.set_authorizer(_deny_writes)
        return conn
    assert last is not None  # the loop ran at least once
    raise last


def _sweep(folder: Path) -> None:
    """What a killed operation left in the study folder (and listed elsewhere) is removed
    when the study is next opened (:func:`codebook.locking.cleanup`)."""
    from codebook.locking import cleanup

    try:
        cleanup(folder)
    except Exception:  # noqa: BLE001 - tidying up never stops a study from opening
        pass
