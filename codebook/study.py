"""A study on disk: the folder ``NAME.mosahebeh/`` with ``study.db`` and ``audio/``.

>>> study = Study.create("/tmp/libraries.mosahebeh", name="Libraries")
>>> p = study.participants.add("مشارکت‌کننده ۱", attributes={"role": "مدیر"})
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
import sqlite3
import uuid
from datetime import datetime, timezone
from pathlib import Path

import sqlite_utils

from codebook.errors import StudyError
from codebook.schema import APP_ID, MIGRATIONS, SCHEMA_VERSION

SUFFIX = ".mosahebeh"
DB_NAME = "study.db"
AUDIO_DIR = "audio"


def now() -> str:
    """The current time as ISO 8601 UTC text, seconds precision."""
    return datetime.now(timezone.utc).replace(microsecond=0).isoformat()


class Study:
    """An open study. Use :meth:`open` or :meth:`create`, and :meth:`close` (or ``with``)."""

    def __init__(self, folder: Path, db: sqlite_utils.Database):
        from codebook.codes import Codes, Codings
        from codebook.interviews import Interviews
        from codebook.jobs import Jobs
        from codebook.notes import Glossary, Guide, Marks, Memos
        from codebook.participants import Participants
        from codebook.transcripts import Transcripts

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
    def create(cls, path: str | os.PathLike, name: str | None = None) -> "Study":
        """Create an empty study folder at ``path`` (``.mosahebeh`` is added if missing).

        Refuses a folder that already holds a study or other files."""
        folder = Path(path)
        if folder.suffix != SUFFIX:
            folder = folder.with_name(folder.name + SUFFIX)
        if (folder / DB_NAME).exists():
            raise StudyError(f"{folder} already holds a study; open it instead.")
        if folder.exists() and any(folder.iterdir()):
            raise StudyError(f"{folder} is not empty; choose a new folder for the study.")
        try:
            (folder / AUDIO_DIR).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise StudyError(f"Cannot create the study folder {folder}: {exc.strerror or exc}.") from exc
        study = cls._connect(folder, creating=True)
        if name:
            study.set_meta("name", name)
        return study

    @classmethod
    def open(cls, path: str | os.PathLike) -> "Study":
        """Open an existing study folder (or its ``study.db``)."""
        folder = Path(path)
        if folder.name == DB_NAME:
            folder = folder.parent
        if not (folder / DB_NAME).is_file():
            raise StudyError(f"No study at {folder}: it has no {DB_NAME}.")
        return cls._connect(folder, creating=False)

    @classmethod
    def _connect(cls, folder: Path, creating: bool) -> "Study":
        db_path = folder / DB_NAME
        if not creating and not os.access(db_path, os.R_OK):
            raise StudyError(f"Cannot read {db_path}: permission denied.")
        try:
            conn = sqlite3.connect(str(db_path), timeout=15, check_same_thread=False)
            db = sqlite_utils.Database(conn)
            db.execute("PRAGMA foreign_keys = ON")
            version = db.execute("PRAGMA user_version").fetchone()[0]
            tables = set(db.table_names())
        except sqlite3.DatabaseError as exc:
            raise StudyError(f"{db_path} is not a Mosahebeh study database ({exc}). Nothing was changed.") from exc
        if version > SCHEMA_VERSION:
            conn.close()
            raise StudyError(
                f"{folder} was made by a newer Mosahebeh (schema {version}, this one reads up to "
                f"{SCHEMA_VERSION}). Update Mosahebeh to open it; nothing was changed."
            )
        if version == 0 and tables:
            conn.close()
            raise StudyError(f"{db_path} is an SQLite database, but not a Mosahebeh study. Nothing was changed.")
        if version > 0:
            app = db.execute("SELECT value FROM meta WHERE key = 'app'").fetchone() if "meta" in tables else None
            if not app or app[0] != APP_ID:
                conn.close()
                raise StudyError(f"{db_path} is not a Mosahebeh study. Nothing was changed.")
        if version < SCHEMA_VERSION and not os.access(db_path, os.W_OK) and db_path.exists():
            conn.close()
            raise StudyError(f"{db_path} needs an upgrade but is read-only.")
        try:
            db.enable_wal()
            cls._migrate(db, version)
            if version == 0:
                with db.atomic():
                    for key, value in (("app", APP_ID), ("name", folder.stem), ("guid", str(uuid.uuid4())),
                                       ("created", now())):
                        db.execute("INSERT INTO meta(key, value) VALUES (?, ?)", [key, value])
        except sqlite3.Error as exc:
            conn.close()
            raise StudyError(f"Cannot write to {db_path}: {exc}.") from exc
        return cls(folder, db)

    @staticmethod
    def _migrate(db: sqlite_utils.Database, version: int) -> None:
        for step in range(version, SCHEMA_VERSION):
            try:
                db.conn.executescript(f"BEGIN;\n{MIGRATIONS[step]};\nPRAGMA user_version = {step + 1};\nCOMMIT;")
            except sqlite3.Error:
                db.rollback()
                raise

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> "Study":
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
        return self.meta("guid")

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
