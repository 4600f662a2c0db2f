"""Import a REFI-QDA project (``.qdpx``) into a new, empty study.

What comes in: the codebook (non-codable codes become categories), cases as
participants with their variables as attributes, text sources and the first
transcript of each audio/video source as interviews (one segment per
non-blank line, times from the sync points) with their date, mode, consent,
status and checked segments (see :mod:`codebook.refiqda.interview_vars`),
codings on text selections and transcript selections (a selection's
``Description`` is the coding's memo; the coder is the coding's
``creatingUser``), the media file of audio/video sources, and notes as memos;
from a Mosahebeh project also the guide, glossary, bookmarks and referrals
(:mod:`codebook.refiqda.extras`). Everything else is counted in
:attr:`ImportResult.skipped` by kind, never silently dropped.

The project is validated against ``Project.xsd`` first; known harmless faults
of other tools are repaired and listed in :attr:`ImportResult.repairs`
(:mod:`codebook.refiqda.repair`). Positions are read as their producer
counts them (:mod:`codebook.refiqda.positions`) and mapped onto the stored
NFC text. :func:`import_qdpx_new` builds the new study in a hidden folder
beside the target and moves it into place only when complete, so a killed
import leaves nothing behind.
"""
from __future__ import annotations

import os
import shutil
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from codebook.errors import StudyError
from codebook.refiqda.archive import SafeZip
from codebook.refiqda.reader import Reader
from codebook.worded import WordedList, WordedText

# Every key ImportResult.counts and .skipped use, for front ends that word them in another language.
COUNT_KINDS = ("categories", "codes", "cases", "interviews", "media files", "segments", "codings", "memos", "guide questions",
               "glossary terms", "bookmarks")
SKIPPED_KINDS = (
    "links", "sets", "graphs", "sources in more than one case (kept with the first)", "codes applied to whole cases",
    "selections in cases", "texts stored outside the project file", "media files outside the project file",
    "texts missing from the archive", "media files missing from the archive",
    "codings on texts missing from the archive", "picture sources", "pdf sources", "codings in picture sources",
    "codings in pdf sources", "further transcripts of a source", "codings on audio or video time ranges",
    "codings of whole documents", "variable values of sources", "unreadable media files",
    "transcript selections without text positions", "selections that cover no text")


@dataclass
class ImportResult:
    counts: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)
    repairs: list[str] = field(default_factory=list)

    def summary(self) -> str:
        done = ", ".join(f"{n} {k}" for k, n in self.counts.items() if n) or "nothing"
        lines = [f"Imported {done}."]
        if self.repairs:
            lines.append("Repaired: " + "; ".join(self.repairs) + ".")
        if self.skipped:
            lines.append("Not imported: " + "; ".join(f"{what} ({n})" for what, n in self.skipped.items()) + ".")
        return "\n".join(lines)


def import_qdpx(study, path: str | os.PathLike) -> ImportResult:
    """Import the project at ``path`` into ``study``, which must be empty. On
    any error nothing stays in the study and no media file is left behind."""
    path = Path(path)
    busy = [kind for kind, n in ((WordedText("participants"), len(study.participants.list())),
                                 (WordedText("interviews"), len(study.interviews.list())),
                                 (WordedText("codes"), len(study.codes.list()))) if n]
    if busy:
        raise StudyError("A REFI-QDA project is imported into a new, empty study; this one already has {items}. Create a new study (mosahebeh import --study NEW.mosahebeh FILE).", items=WordedList(busy))
    archive = SafeZip(path)
    written: list[Path] = []
    result = ImportResult()
    try:
        reader = Reader(study, archive, written, result)
        with study.atomic():
            with _bulk_search_index(study):
                reader.run()
        result.skipped = +result.skipped
        return result
    except BaseException:
        for f in written:
            f.unlink(missing_ok=True)
        raise
    finally:
        archive.close()


class _bulk_search_index:
    """Inside a transaction on an empty study: the segments' full-text indexes are
    built once at the end instead of row by row (three times faster); their
    triggers come back as they were. On an error the transaction rolls all back."""

    def __init__(self, study):
        self.conn = study.db.conn

    def __enter__(self):
        c = self.conn
        self.triggers = c.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = "
                                  "'segments' AND sql LIKE '%AFTER INSERT ON segments%'").fetchall()
        self.indexes = [r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND "
                                                "sql LIKE 'CREATE VIRTUAL TABLE%' AND sql LIKE '%content=''segments''%'")]
        if c.execute("SELECT COUNT(*) FROM segments").fetchone()[0]:
            self.triggers = self.indexes = []  # not empty: leave the triggers be
        for name, _ in self.triggers:
            c.execute(f'DROP TRIGGER "{name}"')
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            for name in self.indexes:
                self.conn.execute(f'INSERT INTO "{name}"("{name}") VALUES (\'rebuild\')')
            for _, sql in self.triggers:
                self.conn.execute(sql)
        return False


def move_into_place(staged: Path, target: Path) -> None:
    """Move the finished study folder to ``target`` (which may exist only as an empty folder)."""
    try:
        if target.exists():
            target.rmdir()  # only an empty folder; anything else was refused before
        os.replace(staged, target)
    except OSError as exc:
        shutil.rmtree(staged, ignore_errors=True)
        raise StudyError("Cannot move the imported study to {target}: {reason}. Nothing was imported.", target=target, reason=exc.strerror or exc) from exc


def check_target(target: Path) -> None:
    from codebook.study import DB_NAME

    if (target / DB_NAME).exists():
        raise StudyError("{target} already holds a study; a project is imported into a new study folder.", target=target)
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise StudyError("{target} is not empty; choose a new folder for the imported study.", target=target)


def import_qdpx_new(path: str | os.PathLike, target: str | os.PathLike) -> ImportResult:
    """Import the project at ``path`` as a new study at ``target`` (``.mosahebeh``
    added if missing). The study is built in a hidden folder beside it and
    moved into place at the end; on failure (or a kill) ``target`` is untouched."""
    from codebook.study import SUFFIX, Study

    target = Path(target)
    if target.suffix != SUFFIX:
        target = target.with_name(target.name + SUFFIX)
    check_target(target)
    if not target.parent.is_dir():
        raise StudyError("The folder {parent} does not exist.", parent=str(target.parent))
    from codebook.locking import temp_dir

    with temp_dir(target.parent, "import") as work:  # removed at the next start if this is killed
        staged = work / f"study{SUFFIX}"
        study = Study.create(staged)
        try:
            study.set_meta("name", target.stem)
            result = import_qdpx(study, path)
        finally:
            study.close()
        move_into_place(staged, target)
    return result
