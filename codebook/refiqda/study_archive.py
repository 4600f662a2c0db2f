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
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from codebook.errors import StudyError
from codebook.refiqda.archive import SafeZip, free_space_ok

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
    with tempfile.TemporaryDirectory(prefix=".mosahebeh-archive-", dir=out.parent if out.parent.is_dir() else None) as tmp:
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
        audio = sorted(p for p in study.audio_dir.iterdir() if p.is_file()) if study.audio_dir.is_dir() else []
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
    return name in ("study.db", "manifest.json") or (len(parts) == 2 and parts[0] == "audio" and
                                                     not parts[1].startswith("."))


def import_archive(path: str | os.PathLike, target: str | os.PathLike) -> ArchiveResult:
    """Open the archive at ``path`` as a new study at ``target`` (``.mosahebeh`` added if missing)."""
    from codebook.refiqda.import_ import check_target, move_into_place, staging_folder
    from codebook.study import AUDIO_DIR, DB_NAME, Study
    from codebook.study import SUFFIX as STUDY_SUFFIX

    path, target = Path(path), Path(target)
    if target.suffix != STUDY_SUFFIX:
        target = target.with_name(target.name + STUDY_SUFFIX)
    check_target(target)
    archive = SafeZip(path)
    try:
        names = {info.filename.replace("\\", "/"): info for info in archive.entries.values()}
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
        staged = staging_folder(target)
        try:
            (staged / AUDIO_DIR).mkdir(parents=True)
            archive.copy_to(names["study.db"], staged / DB_NAME)
            audio = [n for n in names if n.startswith("audio/")]
            for name in audio:
                archive.copy_to(names[name], staged / AUDIO_DIR / PurePosixPath(name).name)
            result = _check(staged, path.name, Study)
            result.counts["audio files"] = len(audio)
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
    finally:
        archive.close()
    move_into_place(staged, target)
    result.path = target
    return result


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
