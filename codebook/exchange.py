"""Export and import, shared by the command (``mosahebeh export|import``) and the
app's dialogs: which format a file is, what to write for a choice of format,
and the "new study, import, delete it on failure" of a REFI-QDA project.

Each function does the work and returns a structured result (:class:`Exported`,
:class:`Imported`); the front ends word it, the command in English, the dialogs
in the UI language. Nothing here prints or knows about Qt.

>>> import_format(Path("interview.SRT"))
'srt'
>>> default_what("csv", None), default_what("docx", 3), default_what("qdpx", None)
('frequencies', 'transcript', None)
"""
from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from codebook.errors import StudyError
from codebook.worded import WordedList

EXPORT_FORMATS = ("qdpx", "archive", "qdc", "docx", "txt", "srt", "vtt", "csv", "xlsx", "png", "svg")
EXPORT_WHAT = ("transcript", "frequencies", "participants", "quotes", "saturation")
TRANSCRIPT_FORMATS = ("txt", "docx", "srt", "vtt")
IMPORT_FORMATS = ("qdpx", "archive", "qdc", "srt", "vtt", "txt", "html")
TRANSCRIPT_IMPORT_FORMATS = ("srt", "vtt", "txt", "html")


# -- export ----------------------------------------------------------------------------------


def default_what(fmt: str, interview: int | None) -> str | None:
    """What a format exports when not told: None for a REFI-QDA file, the saturation plot
    for png/svg, a transcript for txt/srt/vtt (and docx of one interview), else the tables."""
    if fmt in ("qdpx", "qdc", "archive"):
        return None
    if fmt in ("png", "svg"):
        return "saturation"
    if fmt in ("txt", "srt", "vtt") or (fmt == "docx" and interview is not None):
        return "transcript"
    return "frequencies"


@dataclass
class Exported:
    """What an export wrote. ``kind``: qdpx, qdc, transcript (one interview), transcripts
    (one file each into the folder ``path``), frequencies, participants, quotes or saturation."""
    kind: str
    path: Path
    count: int = 0                 # codes (qdc); transcripts written (transcripts)
    categories: int = 0            # categories (qdc)
    interview_id: int | None = None
    interview_label: str = ""
    project: object = None         # the .qdpx export's ExportResult: counts, warnings
    replaced: object = None        # pseudonymise.Report when names were replaced (None when not asked)
    saturation: object = None      # analysis' Saturation of the study, for the plot's sentence
    removed: int = 0               # control characters (NUL…) left out of DOCX/XLSX, which cannot hold them


def export(study, fmt: str, out: str | Path, *, what: str | None = None, interview: int | None = None,
           lang: str = "fa", by: str = "segments", pseudonymise: bool = False, timestamps: bool = True,
           audio: bool = True, code: int | None = None) -> Exported:
    """Do one export of ``study`` as ``fmt`` to ``out`` (``what`` as :func:`default_what` when None)."""
    from codebook.safety import counting

    with counting() as removed:  # control characters left out of DOCX/XLSX are said, not hidden
        result = _export(study, fmt, Path(out), what=what, interview=interview, lang=lang, by=by,
                         pseudonymise=pseudonymise, timestamps=timestamps, audio=audio, code=code)
    result.removed = removed[0]
    return result


def _export(study, fmt: str, out: Path, *, what: str | None, interview: int | None, lang: str, by: str,
            pseudonymise: bool, timestamps: bool, audio: bool, code: int | None) -> Exported:
    from codebook import refiqda, reports
    from codebook.formats import export_transcript
    from codebook.pseudonymise import Replacer

    if fmt not in EXPORT_FORMATS:
        raise StudyError("Cannot export as {fmt}; choose one of {items}.", fmt=fmt, items=WordedList(EXPORT_FORMATS))
    if fmt == "archive":  # the whole study, lossless (codebook.refiqda.study_archive)
        if pseudonymise:
            raise StudyError("A study archive keeps the study exactly as it is; it cannot be pseudonymised "
                             "(use --format qdpx --pseudonymise).")
        archive = refiqda.export_archive(study, out)
        return Exported("archive", archive.path, project=archive)
    if fmt == "qdpx":
        result = refiqda.export_qdpx(study, out, include_audio=audio, pseudonymise=pseudonymise)
        return Exported("qdpx", result.path, project=result, replaced=result.replaced)
    if fmt == "qdc":
        replacer = Replacer.for_study(study, pseudonymise)
        refiqda.export_qdc(study, out, text=lambda t: replacer.text(t, "codes"))
        kinds = [c.kind for c in study.codes.list()]
        return Exported("qdc", out, count=kinds.count("code"), categories=kinds.count("category"),
                        replaced=replacer.report if pseudonymise else None)
    what = what or default_what(fmt, interview)
    replacer = Replacer.for_study(study, pseudonymise)
    report = replacer.report if pseudonymise else None
    if what == "transcript":
        if fmt not in TRANSCRIPT_FORMATS:
            raise StudyError("A transcript is exported as txt, docx, srt or vtt, not {fmt}.", fmt=fmt)
        if interview is not None:
            export_transcript(study, interview, fmt, out, lang=lang, timestamps=timestamps, replacer=replacer)
            label = study.interviews.label(study.interviews.get(interview))
            return Exported("transcript", out, interview_id=interview, interview_label=label, replaced=report)
        from codebook.safety import check_names, safe_filename

        # Every name (made safe and bounded from study text) is known and checked before the first file.
        names = {iv.id: safe_filename(f"{iv.id:03d}-{replacer.text(study.interviews.label(iv), 'file names')}", fmt)
                 for iv in study.interviews.list() if study.transcripts.count(iv.id)[0]}
        check_names(out, list(names.values()))
        made = names and not out.exists()
        if names:
            out.mkdir(parents=True, exist_ok=True)
        written = []
        try:
            for iv_id, name in names.items():
                written.append(export_transcript(study, iv_id, fmt, out / name, lang=lang, timestamps=timestamps,
                                                 replacer=replacer))
        except (StudyError, OSError):  # all or nothing: a full disk half-way leaves no partial set
            for f in written:
                f.unlink(missing_ok=True)
            if made:
                out.rmdir()
            raise
        if not written:
            raise StudyError("No interview has a transcript to export yet.")
        return Exported("transcripts", out, count=len(written), replaced=report)
    if what in ("frequencies", "participants", "quotes", "saturation"):
        reports.export_report(study, what, fmt, out, lang=lang, by=by, replacer=replacer, code_id=code)
        saturation = None
        if what == "saturation":
            from codebook.analysis import study_saturation

            saturation = study_saturation(study)
        return Exported(what, out, replaced=report, saturation=saturation)
    raise StudyError("Nothing to export as {fmt} for {what!r}.", fmt=fmt, what=what)


# -- import ----------------------------------------------------------------------------------


def import_format(path: str | Path, given: str | None = None) -> str:
    """The import format of ``path``: ``given``, else from its extension (.htm is html,
    .qde a qdpx). Raises StudyError for a file that cannot be imported."""
    path = Path(path)
    fmt = given or path.suffix.lower().lstrip(".")
    fmt = {"htm": "html", "qde": "qdpx", "zip": "archive"}.get(fmt, fmt)
    if fmt not in IMPORT_FORMATS:
        raise StudyError("Cannot tell the format of {file}; give --format ({items}).", file=path.name, items=WordedList(IMPORT_FORMATS))
    return fmt


@dataclass
class Imported:
    """What an import did. ``kind``: qdpx (``project``: counts and what was skipped), qdc
    (``codebook``: codes added and reused) or transcript (``segments`` onto an interview)."""
    kind: str
    path: Path                     # the file imported
    project: object = None         # refiqda ImportResult
    codebook: object = None        # refiqda CodebookImport
    segments: int = 0
    interview_id: int | None = None
    interview_label: str = ""
    study_folder: Path | None = None  # the study a project went into (import_project)
    created: bool = False             # ... made for it


def import_file(study, path: str | Path, fmt: str | None = None, *, interview: int | None = None,
                replace: bool = False) -> Imported:
    """Import ``path`` into ``study``: a project (the study must be empty), a codebook
    (merged), or a transcript onto ``interview`` (``replace`` one it has, never corrected
    or coded work)."""
    from codebook import refiqda
    from codebook.formats import import_transcript

    path = Path(path)
    if not path.is_file():
        raise StudyError("No file at {path}.", path=path)
    fmt = import_format(path, fmt)
    if fmt == "qdpx":
        return Imported("qdpx", path, project=refiqda.import_qdpx(study, path), study_folder=study.folder)
    if fmt == "qdc":
        return Imported("qdc", path, codebook=refiqda.import_qdc(study, path))
    if fmt == "archive":
        raise StudyError("{file} is a whole study: it opens as a new study (mosahebeh import --study NEW.mosahebeh FILE), not into this one.", file=path.name)
    if interview is None:
        ids = "; ".join(f"{iv.id} = {study.interviews.label(iv)}" for iv in study.interviews.list()[:12])
        if ids:
            raise StudyError("A transcript needs its interview: give --interview ID (this study's interviews: {ids}).",
                             ids=ids)
        raise StudyError("A transcript needs its interview: give --interview ID; this study has no interviews yet.")
    # a .txt-named file read as given; any other name given --format txt is sniffed by the reader
    n = import_transcript(study, interview, path, None if fmt == "txt" and path.suffix.lower() != ".txt" else fmt,
                          replace=replace)
    label = study.interviews.label(study.interviews.get(interview))
    return Imported("transcript", path, segments=n, interview_id=interview, interview_label=label)


def import_project(path: str | Path, folder: str | Path, *, new: bool = False) -> Imported:
    """Import the REFI-QDA project ``path`` into the study at ``folder`` (``.mosahebeh`` added
    when missing): created when it does not exist (with ``new``: it must not exist), else
    opened (and must be empty). A study archive (``.mosahebeh.zip``) always opens as a new
    study. A study created here is left only when the import succeeds."""
    from codebook import refiqda
    from codebook.study import DB_NAME, SUFFIX, Study

    path, folder = Path(path), Path(folder)
    if not path.is_file():
        raise StudyError("No file at {path}.", path=path)
    if folder.suffix != SUFFIX and not (folder / DB_NAME).exists():
        folder = folder.with_name(folder.name + SUFFIX)
    created = new or not (folder / DB_NAME).exists()
    # A new study is built in a hidden folder beside ``folder`` and moved into place when complete,
    # so a failed or killed import leaves nothing there (refiqda.import_qdpx_new, import_archive).
    if import_format(path) == "archive":
        result = refiqda.import_archive(path, folder)
        return Imported("archive", path, project=result, study_folder=folder, created=True)
    if created:
        project = refiqda.import_qdpx_new(path, folder)
        return Imported("qdpx", path, project=project, study_folder=folder, created=True)
    study = Study.create(folder) if created else Study.open(folder)
    try:
        imported = import_file(study, path, "qdpx")
    except BaseException:
        study.close()
        if created:
            shutil.rmtree(folder, ignore_errors=True)
        raise
    study.close()
    imported.study_folder, imported.created = folder, created
    return imported
