"""``mosahebeh coders``: who coded a study, and renaming a coder.

    mosahebeh coders --study PATH [--rename OLD NEW] [--json]
"""
from __future__ import annotations

import argparse
import json
import sys


def register(subparsers) -> None:
    p = subparsers.add_parser(
        "coders", help="list the coders of a study (names on codings), or rename one",
        description="List every coder named on a study's codings with how many codings each made, or rename "
                    "a coder on all their codings (--rename OLD NEW). The app stamps the coder name set in its "
                    "Settings on each new coding.")
    p.add_argument("--study", metavar="PATH", required=True, help="the study folder (NAME.mosahebeh)")
    p.add_argument("--rename", nargs=2, metavar=("OLD", "NEW"), help="put NEW on every coding by OLD")
    p.add_argument("--json", action="store_true", help="print JSON: [{\"coder\": name, \"codings\": n}]")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from codebook.coders import coders, rename
    from codebook.safety import terminal_text
    from codebook.study import Study
    from desktop.cli import cli_language
    from desktop.messages import cli_output

    fa = cli_language(args) == "fa"
    with Study.open(args.study) as study:
        if args.rename:
            n = rename(study, *args.rename)
            if fa:
                print(cli_output.coders_renamed(terminal_text(args.rename[0]), terminal_text(args.rename[1]), n))
                return 0
            print(f"Renamed {terminal_text(repr(args.rename[0]))} to {terminal_text(repr(args.rename[1]))} on {n} coding{'s' if n != 1 else ''}.")
            return 0
        rows = coders(study)
    if args.json:
        json.dump([{"coder": c, "codings": n} for c, n in rows], sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for c, n in rows:
        print(cli_output.coder_line(terminal_text(c), n) if fa else f"{n:>6}  {terminal_text(c) or '(no coder named)'}")
    if not rows:
        print(cli_output.NO_CODINGS if fa else "No codings yet.")
    return 0
