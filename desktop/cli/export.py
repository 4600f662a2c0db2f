"""``mosahebeh export``: a study to other QDA tools (REFI-QDA), transcripts, and tables for the paper.

    mosahebeh export --study PATH --format {qdpx,qdc,docx,txt,srt,vtt,csv,xlsx,png,svg} --out PATH
        [--interview ID] [--what transcript|frequencies|participants|quotes|saturation]
        [--lang fa|en] [--by segments|interviews] [--pseudonymise] [--no-timestamps] [--no-audio] [--code ID]

Without ``--what``: a transcript for txt/srt/vtt (and docx with ``--interview``),
the frequency tables for csv/xlsx/docx, the saturation plot for png/svg.
A transcript export without ``--interview`` writes one file per interview
into the folder ``--out``.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from codebook.errors import StudyError

FORMATS = ("qdpx", "qdc", "docx", "txt", "srt", "vtt", "csv", "xlsx", "png", "svg")
WHAT = ("transcript", "frequencies", "participants", "quotes", "saturation")


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "export", help="export to REFI-QDA (.qdpx/.qdc), transcripts, or tables for the paper",
        description="Export a study: the whole project as REFI-QDA .qdpx (MAXQDA, ATLAS.ti, NVivo, QualCoder) "
                    "or its codebook as .qdc; a transcript as txt, docx (right to left), srt or vtt; "
                    "frequency tables, the participants table or quotes per code as csv, xlsx or docx; "
                    "the saturation plot as png or svg. Participants appear only by pseudonym; real names "
                    "and contacts are never exported.")
    p.add_argument("--study", metavar="PATH", required=True, help="the study folder (NAME.mosahebeh)")
    p.add_argument("--format", choices=FORMATS, required=True, help="the file format to write")
    p.add_argument("--out", metavar="PATH", required=True,
                   help="the file to write (a folder for all transcripts when --interview is not given)")
    p.add_argument("--interview", type=int, metavar="ID", help="the interview whose transcript to export")
    p.add_argument("--what", choices=WHAT,
                   help="what to export with docx/csv/xlsx (default: transcript with --interview, else "
                        "frequencies; saturation for png/svg)")
    p.add_argument("--lang", choices=("fa", "en"), default="fa", help="language of headings and labels (default fa)")
    p.add_argument("--by", choices=("segments", "interviews"), default="segments",
                   help="frequencies count coded segments (default) or interviews that mention a code")
    p.add_argument("--pseudonymise", action="store_true",
                   help="replace the names on the study's replacement list (glossary terms with a "
                        "replacement) in transcript text, quotes and memos, and report what was replaced")
    p.add_argument("--no-timestamps", action="store_true", help="transcripts as txt/docx without [hh:mm:ss]")
    p.add_argument("--no-audio", action="store_true", help="qdpx without the audio files (transcripts only)")
    p.add_argument("--code", type=int, metavar="ID", help="quotes of this code only")
    p.set_defaults(func=run)


def default_what(fmt: str, interview: int | None) -> str | None:
    if fmt in ("qdpx", "qdc"):
        return None
    if fmt in ("png", "svg"):
        return "saturation"
    if fmt in ("txt", "srt", "vtt") or (fmt == "docx" and interview is not None):
        return "transcript"
    return "frequencies"


def run(args: argparse.Namespace) -> int:
    from codebook.pseudonymise import Replacer
    from codebook.study import Study

    out = Path(args.out)
    what = args.what or default_what(args.format, args.interview)
    with Study.open(args.study) as study:
        replacer = Replacer.for_study(study, args.pseudonymise)
        message = export(study, args.format, out, what=what, interview=args.interview, lang=args.lang,
                         by=args.by, replacer=replacer, timestamps=not args.no_timestamps,
                         audio=not args.no_audio, code=args.code)
    print(message)
    if args.pseudonymise and args.format != "qdpx":  # a .qdpx export counts its replacements itself
        print(replacer.report.summary())
    return 0


def export(study, fmt: str, out: Path, *, what: str | None, interview: int | None = None, lang: str = "fa",
           by: str = "segments", replacer=None, timestamps: bool = True, audio: bool = True,
           code: int | None = None) -> str:
    """Do one export; returns what to tell the user. Shared by the command and the dialog."""
    from codebook.safety import counting, removed_sentence

    with counting() as removed:  # control characters (NUL…) left out of DOCX/XLSX are said, not hidden
        message = _export(study, fmt, out, what=what, interview=interview, lang=lang, by=by, replacer=replacer,
                          timestamps=timestamps, audio=audio, code=code)
    return "\n".join(m for m in (message, removed_sentence(removed[0])) if m)


def _export(study, fmt: str, out: Path, *, what: str | None, interview: int | None, lang: str, by: str,
            replacer, timestamps: bool, audio: bool, code: int | None) -> str:
    from codebook import refiqda, reports
    from codebook.formats import export_transcript

    if fmt == "qdpx":
        result = refiqda.export_qdpx(study, out, include_audio=audio, pseudonymise=bool(replacer))
        return result.summary()
    if fmt == "qdc":
        refiqda.export_qdc(study, out)
        return f"Wrote the codebook ({len(study.codes.list())} codes and categories) to {out}."
    if what == "transcript":
        if fmt not in ("txt", "docx", "srt", "vtt"):
            raise StudyError(f"A transcript is exported as txt, docx, srt or vtt, not {fmt}.")
        if interview is not None:
            export_transcript(study, interview, fmt, out, lang=lang, timestamps=timestamps, replacer=replacer)
            return f"Wrote the transcript of interview {interview} to {out}."
        from codebook.safety import check_names, safe_filename

        # Every name (made safe and bounded from study text) is known and checked before the first file.
        names = {iv.id: safe_filename(f"{iv.id:03d}-{study.interviews.label(iv)}", fmt)
                 for iv in study.interviews.list() if study.transcripts.count(iv.id)[0]}
        check_names(out, list(names.values()))
        if names:
            out.mkdir(parents=True, exist_ok=True)
        written = [export_transcript(study, iv_id, fmt, out / name, lang=lang, timestamps=timestamps,
                                     replacer=replacer) for iv_id, name in names.items()]
        if not written:
            raise StudyError("No interview has a transcript to export yet.")
        return f"Wrote {len(written)} transcripts to {out}."
    if what in ("frequencies", "participants", "quotes", "saturation"):
        reports.export_report(study, what, fmt, out, lang=lang, by=by, replacer=replacer, code_id=code)
        if what == "saturation":
            from codebook.analysis import study_saturation

            return f"Wrote the saturation plot to {out}.\n{study_saturation(study).sentence(lang)}"
        return f"Wrote the {what} to {out}."
    raise StudyError(f"Nothing to export as {fmt} for {what!r}.")
