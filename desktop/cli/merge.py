"""``mosahebeh merge``: bring a colleague's coding of the same interviews into a study.

    mosahebeh merge --study MINE THEIRS [--dry-run] [--coder NAME] [--json]

THEIRS: a study folder, a study archive (.zip) or a REFI-QDA project (.qdpx).
See :mod:`codebook.merge` for how interviews, codes and codings are matched.
"""
from __future__ import annotations

import argparse
import json
import sys


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "merge", help="bring a colleague's codings of the same interviews in (study, archive or .qdpx)",
        description="Merge another coder's work on the same interviews into this study. THEIRS is a study "
                    "folder, a study archive (.zip) or a REFI-QDA project (.qdpx). Interviews are matched by "
                    "their audio (content hash), else by identical transcript text; codes by GUID, then by name "
                    "within the same category (codes with no match are added). Their codings come in under "
                    "their coder's name; nothing of this study is changed or removed. All or nothing: one "
                    "transaction. --dry-run prints what would be added, matched or left out.")
    p.add_argument("--study", metavar="MINE", required=True, help="the study to merge into (NAME.mosahebeh)")
    p.add_argument("theirs", metavar="THEIRS", help="a study folder, a study archive (.zip) or a .qdpx")
    p.add_argument("--dry-run", action="store_true", help="only print what would be added, matched or left")
    p.add_argument("--coder", metavar="NAME",
                   help="the coder name for their codings that carry none (default: their study's name)")
    p.add_argument("--json", action="store_true", help="print the preview as one JSON object")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from codebook.merge import merge
    from codebook.safety import terminal_text
    from codebook.study import Study

    with Study.open(args.study) as study:
        plan, result = merge(study, args.theirs, dry_run=args.dry_run, their_coder=args.coder)
    if args.json:
        out = plan.to_json()
        out["applied"] = result is not None
        json.dump(out, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    from desktop.cli import cli_language

    if cli_language(args) == "fa":
        from desktop.messages.cli_output import merge_summary

        sys.stdout.write(terminal_text(merge_summary(plan), lines=True))  # their names come from elsewhere
    else:
        sys.stdout.write(terminal_text(plan.summary(), lines=True))  # their names come from elsewhere
    from codebook.worded import WordedText
    from desktop.cli import cli_language
    from desktop.messages import word

    if result is None:
        print(word(WordedText("Dry run: nothing was changed."), cli_language(args)))
    else:
        k, n = len(result.codes), len(result.codings)
        codes = WordedText("{n} code", n=k) if k == 1 else WordedText("{n} codes", n=k)
        codings = WordedText("{n} coding", n=n) if n == 1 else WordedText("{n} codings", n=n)
        print(word(WordedText("Merged: {codes} and {codings} added.", codes=codes, codings=codings), cli_language(args)))
    return 0
