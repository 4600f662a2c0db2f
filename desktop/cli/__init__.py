"""The ``mosahebeh`` command: opens the app, or runs a subcommand headless.

Each subcommand lives in its own module in this package and exposes
``register(subparsers)``, which adds its parser and sets ``func`` to a
function taking the parsed arguments and returning an exit code. Modules
are found by name, so adding a file adds a command. None of them imports
Qt unless it opens a window.
"""
from __future__ import annotations

import argparse
import importlib
import os
import pkgutil
import sys

from codebook.errors import StudyError
from transcribe.errors import TranscribeError


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mosahebeh",
        description=(
            "Mosahebeh (مصاحبه): offline qualitative interview research in Persian. "
            "Without a subcommand, opens the app on the last study (or the demo study)."
        ),
    )
    parser.add_argument("--study", metavar="PATH", help="open this study folder (NAME.mosahebeh) in the app")
    parser.add_argument("--lang", choices=["fa", "en"], help="language of the interface (default: from settings or system)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command is None:
            from desktop.cli._gui import open_app

            return open_app(study=args.study, lang=args.lang)
        return args.func(args)
    except (StudyError, TranscribeError) as exc:
        print(f"mosahebeh: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("mosahebeh: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`mosahebeh … | head`): stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


if __name__ == "__main__":
    sys.exit(main())
