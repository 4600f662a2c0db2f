"""``mosahebeh import``: a REFI-QDA project or codebook, or a transcript made elsewhere.

    mosahebeh import --study PATH FILE [--interview ID] [--format FMT] [--replace]

* ``.qdpx``: imported into a NEW study: PATH is created when it does not exist,
  or must be an empty study. Projects are never merged into a study with data.
* ``.qdc``: the codebook is merged into the study (codes already there by name
  and place are kept, new ones added).
* ``.srt``, ``.vtt``, ``.txt`` (``[hh:mm:ss]`` stamps), ``.html`` (noScribe):
  the transcript of interview ``--interview``; ``--replace`` replaces one it
  already has (never one with corrected or coded segments).
"""
from __future__ import annotations

import argparse
import shutil
from pathlib import Path

from codebook.errors import StudyError

FORMATS = ("qdpx", "qdc", "srt", "vtt", "txt", "html")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "import", help="import a REFI-QDA project (.qdpx) or codebook (.qdc), or a transcript (srt, vtt, txt, html)",
        description="Import into a study. A .qdpx project goes into a new study (PATH is created if it does "
                    "not exist; an existing study must be empty: projects are not merged). A .qdc codebook is "
                    "merged into the study's codebook. A transcript (.srt, .vtt, .txt with [hh:mm:ss] stamps, "
                    "noScribe .html) goes onto the interview given with --interview. What cannot be imported is "
                    "listed; a damaged file imports nothing.")
    p.add_argument("--study", metavar="PATH", required=True, help="the study folder (NAME.mosahebeh)")
    p.add_argument("file", metavar="FILE", help="the file to import")
    p.add_argument("--interview", type=int, metavar="ID",
                   help="for a transcript (srt, vtt, txt, html): the interview it belongs to")
    p.add_argument("--format", choices=FORMATS, help="the file's format (default: from its extension)")
    p.add_argument("--replace", action="store_true",
                   help="replace the interview's transcript if it has one (refused for corrected or coded work)")
    p.set_defaults(func=run)


def file_format(path: Path, given: str | None) -> str:
    fmt = given or path.suffix.lower().lstrip(".")
    fmt = {"htm": "html", "qde": "qdpx"}.get(fmt, fmt)
    if fmt not in FORMATS:
        raise StudyError(f"Cannot tell the format of {path.name}; give --format ({', '.join(FORMATS)}).")
    return fmt


def run(args: argparse.Namespace) -> int:
    from codebook.study import DB_NAME, SUFFIX, Study

    path = Path(args.file)
    if not path.is_file():
        raise StudyError(f"No file at {path}.")
    fmt = file_format(path, args.format)
    if fmt == "qdpx":
        folder = Path(args.study)
        if folder.suffix != SUFFIX and not (folder / DB_NAME).exists():
            folder = folder.with_name(folder.name + SUFFIX)
        created = not (folder / DB_NAME).exists()
        study = Study.create(folder) if created else Study.open(folder)
        try:
            message = do_import(study, path, fmt)
        except BaseException:
            study.close()
            if created:
                shutil.rmtree(folder, ignore_errors=True)
            raise
        study.close()
        print(f"{message}\nStudy: {folder}")
        return 0
    with Study.open(args.study) as study:
        print(do_import(study, path, fmt, interview=args.interview, replace=args.replace))
    return 0


def do_import(study, path: Path, fmt: str, *, interview: int | None = None, replace: bool = False) -> str:
    """Do one import; returns what to tell the user. Shared by the command and the dialog."""
    from codebook import refiqda
    from codebook.formats import import_transcript

    if fmt == "qdpx":
        return refiqda.import_qdpx(study, path).summary()
    if fmt == "qdc":
        return refiqda.import_qdc(study, path).summary()
    if interview is None:
        ids = "; ".join(f"{iv.id} = {study.interviews.label(iv)}" for iv in study.interviews.list()[:12])
        raise StudyError("A transcript needs its interview: give --interview ID"
                         + (f" (this study's interviews: {ids})." if ids else "; this study has no interviews yet."))
    n = import_transcript(study, interview, path, None if fmt == "txt" and path.suffix.lower() != ".txt" else fmt,
                          replace=replace)
    return "\n".join(m for m in (f"Imported {n} segments from {path.name} onto interview {interview}.", n.note()) if m)
