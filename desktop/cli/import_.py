"""``mosahebeh import``: a REFI-QDA project or codebook, or a transcript made elsewhere.

    mosahebeh import --study PATH FILE [--interview ID] [--format FMT] [--replace]

* ``.qdpx``: imported into a NEW study: PATH is created when it does not exist,
  or must be an empty study. Projects are never merged into a study with data.
* ``.mosahebeh.zip`` (a study archive from ``mosahebeh export --format archive``):
  opened as a NEW study at PATH (which must not exist or be an empty folder),
  exactly as it was.
* ``.qdc``: the codebook is merged into the study (codes already there by name
  and place are kept, new ones added).
* ``.srt``, ``.vtt``, ``.txt`` (``[hh:mm:ss]`` stamps), ``.html`` (noScribe):
  the transcript of interview ``--interview``; ``--replace`` replaces one it
  already has (never one with corrected or coded segments).
"""
from __future__ import annotations

import argparse
from pathlib import Path

from codebook import exchange
from codebook.errors import StudyError
from codebook.safety import terminal_text
from codebook.wording import counted


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "import", help="import a REFI-QDA project (.qdpx) or codebook (.qdc), a study archive (.mosahebeh.zip), "
                       "or a transcript (srt, vtt, txt, html)",
        description="Import into a study. A .qdpx project goes into a new study (PATH is created if it does "
                    "not exist; an existing study must be empty: projects are not merged). A study archive "
                    "(.mosahebeh.zip) opens as a new study at PATH, exactly as it was exported. A .qdc codebook is "
                    "merged into the study's codebook. A transcript (.srt, .vtt, .txt with [hh:mm:ss] stamps, "
                    "noScribe .html) goes onto the interview given with --interview. What cannot be imported is "
                    "listed; a damaged file imports nothing.")
    p.add_argument("--study", metavar="PATH", required=True, help="the study folder (NAME.mosahebeh)")
    p.add_argument("file", metavar="FILE", help="the file to import")
    p.add_argument("--interview", type=int, metavar="ID",
                   help="for a transcript (srt, vtt, txt, html): the interview it belongs to")
    p.add_argument("--format", choices=exchange.IMPORT_FORMATS, help="the file's format (default: from its extension)")
    p.add_argument("--replace", action="store_true",
                   help="replace the interview's transcript if it has one (refused for corrected or coded work)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from codebook.study import Study
    from desktop.cli import cli_language
    from desktop.messages import cli_output

    fa = cli_language(args) == "fa"
    path = Path(args.file)
    if not path.is_file():
        raise StudyError("No file at {path}.", path=str(path))
    if exchange.import_format(path, args.format) in ("qdpx", "archive"):
        result = exchange.import_project(path, args.study)
        if fa:
            print(terminal_text(f"{cli_output.imported(result)}\nپژوهش: {cli_output.path(result.study_folder)}", lines=True))
        else:
            print(terminal_text(f"{message(result)}\nStudy: {result.study_folder}", lines=True))
        return 0
    with Study.open(args.study) as study:
        result = exchange.import_file(study, path, args.format, interview=args.interview, replace=args.replace)
        print(terminal_text(cli_output.imported(result) if fa else message(result), lines=True))
    return 0


def message(result: exchange.Imported) -> str:
    """What the command tells the user about an import (in English)."""
    if result.kind in ("qdpx", "archive"):
        return result.project.summary()
    if result.kind == "qdc":
        return result.codebook.summary()
    done = f"Imported {counted(result.segments, 'segment')} from {result.path.name} onto interview {result.interview_id}."
    return "\n".join(m for m in (done, result.segments.note()) if m)
