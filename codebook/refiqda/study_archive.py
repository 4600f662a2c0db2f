"""A lossless study archive (``NAME.mosahebeh.zip``): everything a study holds,
for a colleague or a second computer.

The archive holds ``study.db`` (a consistent snapshot made with SQLite's
backup API while the study stays open, in rollback-journal mode so that it
is one file), every file of the study's ``audio/`` folder under ``audio/``,
and ``manifest.json`` (app, schema version, study GUID and name, entries and
sizes). Entries have mode 0644.

:func:`import_archive` opens it as a new study. The archive is treated as
hostile, as a ``.qdpx`` is (:class:`codebook.refiqda.archive.SafeZip`: no
unsafe names, sizes checked, no zip bombs); beyond that only ``study.db``,
``manifest.json`` and plain files directly under ``audio/`` are accepted;
the database must be a Mosahebeh study no newer than this app, pass SQLite's
integrity and foreign-key checks, and name audio only inside ``audio/``. The
study is built in a hidden folder beside the target and moved into place
when complete.
"""
from __future__ import annotations

import json
import os
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from codebook.errors import StudyError
from codebook.refiqda.archive import SafeZip, free_space_ok
from codebook.worded import WordedList, WordedText

SUFFIX = ".mosahebeh.zip"
FORMAT = "mosahebeh-archive"
FORMAT_VERSION = 1


@dataclass
class ArchiveResult:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)

    def summary(self) -> str:
        what = ", ".join(f"{n} {k}" for k, n in self.counts.items())
        return "\n".join([f"{self.path}: {what}."] + self.warnings)


def archive_path(out: str | os.PathLike) -> Path:
    """``out`` with ``.mosahebeh.zip`` added unless it already ends in ``.zip``."""
    out = Path(out)
    return out if out.name.lower().endswith(".zip") else out.with_name(out.name + SUFFIX)


def export_archive(study, out: str | os.PathLike) -> ArchiveResult:
    """Write the whole study (database snapshot and audio) to ``out``."""
    from codebook.refiqda.archive import write_zip
    from codebook.schema import SCHEMA_VERSION

    out = archive_path(out)
    from codebook.locking import temp_dir

    # the snapshot (real names and all) is made inside the study folder, never the system's temporary folder
    with temp_dir(study.folder, "archive") as tmp:
        snapshot = Path(tmp) / "study.db"
        target = sqlite3.connect(str(snapshot))
        try:
            study.db.conn.backup(target)  # a consistent copy, even of a study in use (WAL)
            target.execute("PRAGMA journal_mode = DELETE")
            target.commit()
        except sqlite3.Error as exc:
            raise StudyError("Cannot copy the study database: {exc}. Nothing was written.", exc=exc) from exc
        finally:
            target.close()
        entries: list[tuple[str, bytes | Path]] = [("study.db", snapshot)]
        # the recordings only: not the app's own hidden files (a transcription's lock), not a link to a
        # file elsewhere (that file is not the study's, and may be private)
        audio = sorted(p for p in study.audio_dir.iterdir() if not p.name.startswith(".") and not p.is_symlink()
                       and p.is_file()) if study.audio_dir.is_dir() else []
        entries += [(f"audio/{p.name}", p) for p in audio]
        manifest = {"format": FORMAT, "version": FORMAT_VERSION, "schema": SCHEMA_VERSION, "guid": study.guid,
                    "name": study.name, "files": {name: (len(p) if isinstance(p, bytes) else p.stat().st_size) for name, p in entries}}
        entries.insert(0, ("manifest.json", json.dumps(manifest, ensure_ascii=False, indent=1).encode("utf-8")))
        write_zip(out, entries)
    counts = {}
    for what, table in (("participants", "participants"), ("interviews", "interviews"), ("segments", "segments"),
                        ("codings", "codings")):
        counts[what] = study.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    counts["audio files"] = len(audio)
    return ArchiveResult(out, counts, ["It holds everything, participants' real names and contacts too: "
                                       "store it and share it only with the care the study folder "
                                       "itself needs."])


def _entry_ok(name: str) -> bool:
    parts = PurePosixPath(name).parts
    return name in ("study.db", "manifest.json") or (len(parts) == 2 and parts[0] == "audio")


def _ignored(name: str) -> bool:
    """The app's own hidden files in ``audio/`` (a transcription's ``.transcribe-N.lock``): never
    exported, and passed over in an archive an older version wrote."""
    return name.startswith("audio/.")


def import_archive(path: str | os.PathLike, target: str | os.PathLike) -> ArchiveResult:
    """Open the archive at ``path`` as a new study at ``target`` (``.mosahebeh`` added if missing)."""
    from codebook.locking import temp_dir
    from codebook.refiqda.import_ import check_target, move_into_place
    from codebook.study import AUDIO_DIR, DB_NAME, Study
    from codebook.study import SUFFIX as STUDY_SUFFIX

    path, target = Path(path), Path(target)
    if target.suffix != STUDY_SUFFIX:
        target = target.with_name(target.name + STUDY_SUFFIX)
    check_target(target)
    archive = SafeZip(path)
    try:
        names = {info.filename.replace("\\", "/"): info for info in archive.all if not info.is_dir()}
        names = {n: i for n, i in names.items() if not _ignored(n)}
        odd = [n for n in names if not _entry_ok(n)]
        if odd:
            raise StudyError("{file} is not a Mosahebeh study archive: it holds {odd!r}. Nothing was imported.", file=path.name, odd=odd[0])
        if "study.db" not in names:
            raise StudyError("{file} is not a Mosahebeh study archive (it has no study.db). Nothing was imported.", file=path.name)
        manifest = {}
        if "manifest.json" in names:
            try:
                manifest = json.loads(archive.read(names["manifest.json"], 2**20).decode("utf-8"))
            except (ValueError, UnicodeDecodeError) as exc:
                raise StudyError("{file}: its manifest is damaged ({exc}). Nothing was imported.", file=path.name, exc=exc) from exc
            if manifest.get("format") != FORMAT:
                raise StudyError("{file} is not a Mosahebeh study archive. Nothing was imported.", file=path.name)
        free_space_ok(target.parent, sum(i.file_size for i in names.values()))
        with temp_dir(target.parent, "import") as staged:
            (staged / AUDIO_DIR).mkdir(parents=True)
            source = staged / "incoming.db"
            archive.copy_to(names["study.db"], source)
            left_out = rebuild(source, staged / DB_NAME, path.name)
            source.unlink()
            audio = [n for n in names if n.startswith("audio/")]
            renamed = _copy_audio(archive, names, audio, staged / AUDIO_DIR)
            if renamed:
                _rename_audio(staged / DB_NAME, renamed)
            result = _check(staged, path.name, Study)
            result.counts["audio files"] = len(audio)
            if left_out:
                result.warnings.append(f"Left out what Mosahebeh does not write: {', '.join(left_out)}.")
            move_into_place(staged, target)
    finally:
        archive.close()
    result.path = target
    return result


def _copy_audio(archive, names: dict, audio: list[str], into: Path) -> dict[str, str]:
    """Copy the recordings; two names that differ only in case (one file on Windows and macOS)
    each keep a file: the second gets a new name. Returns {old name: new name} of those renamed."""
    taken: set[str] = set()
    renamed = {}
    for name in audio:
        base = PurePosixPath(name).name
        new = base
        n = 2
        while new.casefold() in taken:
            new = f"{PurePosixPath(base).stem} ({n}){PurePosixPath(base).suffix}"
            n += 1
        taken.add(new.casefold())
        archive.copy_to(names[name], into / new)
        if new != base:
            renamed[f"audio/{base}"] = f"audio/{new}"
    return renamed


def _rename_audio(db: Path, renamed: dict[str, str]) -> None:
    conn = sqlite3.connect(str(db))
    try:
        with conn:
            for old, new in renamed.items():
                conn.execute("UPDATE interviews SET audio_path = ? WHERE audio_path = ?", [new, old])
    finally:
        conn.close()


# -- rebuilding an untrusted database -----------------------------------------------------------------

MAX_ROWS = 20_000_000       # rows in one table of an archive
MAX_SECONDS = 600.0         # the whole copy


def rebuild(source: Path, target: Path, name: str, *, max_rows: int = MAX_ROWS,
            max_seconds: float = MAX_SECONDS) -> list[str]:
    """Build ``target`` as a study database the app creates itself (its own schema at the
    source's version, its own triggers and indexes) and copy into it the rows of the
    source's tables, column by column; nothing else of the source (triggers, views, tables
    the app does not know) is kept. The source must be a Mosahebeh study no newer than this
    app, with every table of its version as a real table with the expected columns. Row counts
    and the time are bounded (a progress handler stops a query that runs too long). Returns
    what was left out (e.g. ``2 triggers``)."""
    import time

    from codebook.schema import APP_ID, MIGRATIONS, SCHEMA_VERSION

    def refuse(why: WordedText) -> StudyError:
        return StudyError("{name}: {why} Nothing was imported.", name=name, why=why)

    try:
        src = sqlite3.connect(f"{source.resolve().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise refuse(WordedText("its study.db is not a readable database ({reason}).", reason=exc)) from exc
    deadline = time.monotonic() + max_seconds
    src.set_progress_handler(lambda: 1 if time.monotonic() > deadline else 0, 1_000)
    try:
        src.execute("PRAGMA trusted_schema = OFF")
        try:
            ok = src.execute("PRAGMA quick_check").fetchone()[0]
            version = src.execute("PRAGMA user_version").fetchone()[0]
            objects = src.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
        except sqlite3.Error as exc:
            if "interrupt" in str(exc):
                raise  # the time is up: said below
            raise refuse(WordedText("its study.db is not a readable database ({reason}).", reason=exc)) from exc
        if ok != "ok":
            raise refuse(WordedText("its study.db is damaged ({reason}).", reason=ok))
        if version > SCHEMA_VERSION:
            raise refuse(WordedText("it was made by a newer Mosahebeh (schema {version}, this one reads up to {known}).",
                         version=version, known=SCHEMA_VERSION))
        tables = {n for t, n, _ in objects if t == "table"}
        if version < 1 or "meta" not in tables:
            raise refuse(WordedText("its study.db is not a Mosahebeh study."))
        app = src.execute("SELECT value FROM meta WHERE key = 'app'").fetchone()
        if not app or app[0] != APP_ID:
            raise refuse(WordedText("its study.db is not a Mosahebeh study."))
        out = sqlite3.connect(str(target))
        try:
            out.executescript("".join(f"{m};\n" for m in MIGRATIONS[:version]) + f"PRAGMA user_version = {version};")
            mine = out.execute("SELECT name, sql FROM sqlite_master WHERE type = 'table'").fetchall()
            known = {(r[0], r[1]) for r in out.execute("SELECT name, sql FROM sqlite_master")}
            virtual = [n for n, sql in mine if (sql or "").upper().startswith("CREATE VIRTUAL")]
            wanted = [n for n, _ in mine if n not in virtual and not n.startswith("sqlite_")
                      and not any(n.startswith(v + "_") for v in virtual)]
            for table in wanted:
                if table not in tables:
                    raise refuse(WordedText("its study.db has no table {table} (or not as a table).", table=table))
                cols = [r[1] for r in out.execute(f'PRAGMA table_info("{table}")')]
                theirs = [r[1] for r in src.execute(f'PRAGMA table_info("{table}")')]
                if sorted(cols) != sorted(theirs):
                    raise refuse(WordedText("its table {table} has the columns {theirs}, not those of a Mosahebeh study.",
                                 table=table, theirs=WordedList(theirs)))
                n = src.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]
                if n > max_rows:
                    raise refuse(WordedText("its table {table} holds {rows} rows, more than a study can.", table=table, rows=n))
                names = ", ".join(f'"{c}"' for c in cols)
                marks = ", ".join("?" * len(cols))
                cur = src.execute(f'SELECT {names} FROM "{table}"')
                while rows := cur.fetchmany(5000):
                    out.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
            bad = out.execute("PRAGMA foreign_key_check").fetchall()
            if bad:
                raise refuse(WordedText("its study.db has broken references (in {table}).", table=bad[0][0]))
            out.commit()
        except BaseException:
            out.close()
            target.unlink(missing_ok=True)
            raise
        out.close()
    except sqlite3.OperationalError as exc:
        if "interrupt" in str(exc):
            raise refuse(WordedText("reading its study.db took longer than {seconds} seconds.", seconds=int(max_seconds))) from exc
        raise refuse(WordedText("its study.db cannot be read ({reason}).", reason=exc)) from exc
    except sqlite3.Error as exc:
        raise refuse(WordedText("its study.db cannot be read ({reason}).", reason=exc)) from exc
    finally:
        src.close()
    extra = Counter(t for t, n, sql in objects if t in ("trigger", "view", "table") and (n, sql) not in known
                    and not n.startswith("sqlite_"))
    return [f"{k} {what}{'s' if k != 1 else ''}" for what, k in extra.items() if k]


def _check(folder: Path, name: str, Study) -> ArchiveResult:
    """Open the staged study and check it is whole; refuse anything odd."""
    db = folder / "study.db"
    try:
        conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)  # a URI: «#» or «%» in a path
        try:
            ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
            bad_keys = conn.execute("PRAGMA foreign_key_check").fetchall()
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise StudyError("{name}: its study.db is not a readable database ({exc}). Nothing was imported.", name=name, exc=exc) from exc
    if ok != "ok" or bad_keys:
        raise StudyError("{name}: its study.db is damaged ({value}). Nothing was imported.", name=name, value=ok if ok != 'ok' else 'broken references')
    study = Study.open(folder)  # refuses a database that is not a study, or a newer one
    try:
        result = ArchiveResult(folder)
        audio_dir = (folder / "audio").resolve()
        for iid, rel in study.db.execute("SELECT id, audio_path FROM interviews WHERE audio_path IS NOT NULL"):
            p = PurePosixPath(rel)
            if p.is_absolute() or ".." in p.parts or (folder / rel).resolve().parent != audio_dir:
                raise StudyError("{name}: interview {iid} names audio outside the study ({rel!r}). Nothing was imported.", name=name, iid=iid, rel=rel)
            if not (folder / rel).is_file():
                result.warnings.append(f"The audio of interview {iid} ({rel}) is not in the archive.")
        for what, table in (("participants", "participants"), ("interviews", "interviews"),
                            ("segments", "segments"), ("codings", "codings")):
            result.counts[what] = study.db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
    finally:
        study.close()
    return result
