"""``mosahebeh export``: a study to other QDA tools (REFI-QDA), transcripts, and tables for the paper.

    mosahebeh export --study PATH --format {qdpx,archive,qdc,docx,txt,srt,vtt,csv,xlsx,png,svg} --out PATH
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

from codebook import exchange
from codebook.wording import counted


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "export", help="export to REFI-QDA (.qdpx/.qdc), a lossless study archive, transcripts, or tables",
        description="Export a study: the whole project as REFI-QDA .qdpx (MAXQDA, ATLAS.ti, NVivo, QualCoder) "
                    "or its codebook as .qdc; the whole study, lossless, as a study archive (.mosahebeh.zip, "
                    "for another computer or a colleague's Mosahebeh); a transcript as txt, docx (right to "
                    "left), srt or vtt; "
                    "frequency tables, the participants table or quotes per code as csv, xlsx or docx; "
                    "the saturation plot as png or svg. Participants appear only by pseudonym; real names "
                    "and contacts are never exported, except in a study archive, which is the whole study.")
    p.add_argument("--study", metavar="PATH", required=True, help="the study folder (NAME.mosahebeh)")
    p.add_argument("--format", choices=exchange.EXPORT_FORMATS, required=True, help="the file format to write")
    p.add_argument("--out", metavar="PATH", required=True,
                   help="the file to write (a folder for all transcripts when --interview is not given)")
    p.add_argument("--interview", type=int, metavar="ID", help="the interview whose transcript to export")
    p.add_argument("--what", choices=exchange.EXPORT_WHAT,
                   help="what to export with docx/csv/xlsx (default: transcript with --interview, else "
                        "frequencies; saturation for png/svg)")
    p.add_argument("--lang", choices=("fa", "en"), default="fa", help="language of headings and labels (default fa)")
    p.add_argument("--by", choices=("segments", "interviews"), default="segments",
                   help="frequencies count coded segments (default) or interviews that mention a code")
    p.add_argument("--pseudonymise", action="store_true",
                   help="replace the names on the study's replacement list (glossary terms with a "
                        "replacement) and every participant's real name (by the pseudonym) and contact, "
                        "however spelled, in every text written (transcripts, speaker labels, titles, code "
                        "and category names, memos, notes, file names); report what was replaced and list "
                        "what looks like a name but was not replaced, for you to check")
    p.add_argument("--no-timestamps", action="store_true", help="transcripts as txt/docx without [hh:mm:ss]")
    p.add_argument("--no-audio", action="store_true", help="qdpx without the audio files (transcripts only)")
    p.add_argument("--code", type=int, metavar="ID", help="quotes of this code only")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from codebook.study import Study

    with Study.open(args.study) as study:
        result = exchange.export(study, args.format, Path(args.out), what=args.what, interview=args.interview,
                                 lang=args.lang, by=args.by, pseudonymise=args.pseudonymise,
                                 timestamps=not args.no_timestamps, audio=not args.no_audio, code=args.code)
    from desktop.cli import cli_language

    if cli_language(args) == "fa":
        from codebook.safety import removed_sentence
        from desktop.messages import cli_output

        paragraph = result.saturation.paragraph("fa") if result.kind == "saturation" else None
        removed = removed_sentence(result.removed)
        print("\n".join(m for m in (cli_output.exported(result, paragraph), removed) if m))
    else:
        print(message(result, args.lang))
    if result.replaced is not None and result.kind != "qdpx":  # a .qdpx summary counts its replacements itself
        if cli_language(args) == "fa":
            from desktop.messages.cli_output import replaced_summary

            print(replaced_summary(result.replaced))
        else:
            print(result.replaced.summary())
    return 0


def message(result: exchange.Exported, lang: str) -> str:
    """What the command tells the user about an export (in English)."""
    from codebook.safety import removed_sentence

    return "\n".join(m for m in (_written(result, lang), removed_sentence(result.removed)) if m)


def _written(result: exchange.Exported, lang: str) -> str:
    if result.kind == "qdpx":
        return result.project.summary()
    if result.kind == "archive":
        return "Wrote the study archive " + result.project.summary()
    if result.kind == "qdc":
        return f"Wrote the codebook ({counted(result.categories, 'category')}, {counted(result.count, 'code')}) to {result.path}."
    if result.kind == "transcript":
        return f"Wrote the transcript of interview {result.interview_id} to {result.path}."
    if result.kind == "transcripts":
        return f"Wrote {counted(result.count, 'transcript')} to {result.path}."
    if result.kind == "saturation":
        return f"Wrote the saturation plot to {result.path}.\n{result.saturation.paragraph(lang)}"
    return f"Wrote the {result.kind} to {result.path}."
