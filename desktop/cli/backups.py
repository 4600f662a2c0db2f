"""``mosahebeh backups``: the automatic copies of a study's database; make one, or restore one.

    mosahebeh backups --study PATH [--now | --restore FILE] [--json]
"""
from __future__ import annotations

import argparse
import json
import sys


def register(subparsers) -> None:
    from codebook.backups import KEEP

    p = subparsers.add_parser(
        "backups", help="list a study's automatic backups, make one now, or restore one",
        description="The app copies a study's database into its backups/ folder when the study is opened and "
                    f"the newest copy is a day old (and before a schema upgrade); the newest {KEEP} stay. Audio is not "
                    "copied (the app never changes a recording). --restore puts a copy back after copying the "
                    "present state too; the study must not be open anywhere.")
    p.add_argument("--study", metavar="PATH", required=True, help="the study folder (NAME.mosahebeh)")
    what = p.add_mutually_exclusive_group()
    what.add_argument("--now", action="store_true", help="make a copy now")
    what.add_argument("--restore", metavar="FILE", help="put this copy (a file in backups/, or its name) back")
    p.add_argument("--json", action="store_true",
                   help='print JSON: [{"file": path, "made": "YYYY-MM-DDTHH:MM:SS", "bytes": n, "why": reason}]')
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from codebook.backups import FOLDER, backups, make_backup, restore
    from codebook.errors import StudyError
    from codebook.schema import DB_NAME
    from desktop.cli import cli_language
    from desktop.messages import cli_output

    fa = cli_language(args) == "fa"
    folder = Path(args.study)
    if not (folder / DB_NAME).is_file():
        raise StudyError("No study at {folder}: it has no {DB_NAME}.", folder=str(folder), DB_NAME=DB_NAME)
    if args.now:
        made = make_backup(folder)
        print(cli_output.backup_made(made) if fa else f"Copied the study to {made.path} ({made.size / 1e6:.1f} MB).")
        return 0
    if args.restore:
        copy = Path(args.restore)
        if not copy.is_file():
            copy = folder / FOLDER / args.restore
        before = restore(folder, copy)
        print(cli_output.restored(copy.name, before.path.name) if fa
              else f"Restored {copy.name}. The study as it was is kept as {before.path.name}.")
        return 0
    rows = backups(folder)
    if args.json:
        json.dump([{"file": str(b.path), "made": b.made.isoformat(), "bytes": b.size, "why": b.why} for b in rows],
                  sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
        return 0
    for b in rows:
        print(cli_output.backup_line(b) if fa else f"{b.made:%Y-%m-%d %H:%M}  {b.size / 1e6:7.1f} MB  {b.why:<8} {b.path.name}")
    if not rows:
        print(cli_output.no_backups(folder / FOLDER) if fa else f"No backups yet in {folder / FOLDER}.")
    return 0
