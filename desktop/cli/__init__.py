"""The ``mosahebeh`` command: opens the app, or runs a subcommand headless.

Each subcommand lives in its own module in this package and exposes
``register(subparsers)``, which adds its parser and sets ``func`` to a
function taking the parsed arguments and returning an exit code. Modules
are found by name, so adding a file adds a command. None of them imports
Qt unless it opens a window.
"""
from __future__ import annotations

import argparse
import errno
import importlib
import os
import pkgutil
import sqlite3
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
    parser.add_argument("--lang", dest="ui_lang", choices=["fa", "en"],
                        help="language of the interface and of the messages (default: from settings or system; "
                             "a Persian locale, LANG=fa_IR, gives Persian messages)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        module.register(sub)
    return parser


# Faults a person can act on, worded as one sentence (exit code 2) instead of a traceback.
# Anything else is a bug and keeps its traceback; MOSAHEBEH_DEBUG=1 shows the traceback for these too.
_ERRNO_WORDS = {
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is used up",
    errno.ENAMETOOLONG: "a file name is too long",
    errno.EACCES: "permission denied",
    errno.EPERM: "the operation is not permitted",
    errno.EROFS: "the disk is read-only",
    errno.EFBIG: "the file is too large for this disk",
    errno.EIO: "the disk reported an input/output error",
}


_ERRNO_WORDS_FA = {
    errno.ENOSPC: "دیسک پر است",
    errno.EDQUOT: "سهمیهٔ دیسک تمام شده است",
    errno.ENAMETOOLONG: "نام یک فایل بیش از اندازه بلند است",
    errno.EACCES: "اجازهٔ دسترسی نیست",
    errno.EPERM: "این کار مجاز نیست",
    errno.EROFS: "دیسک فقط‌خواندنی است",
    errno.EFBIG: "فایل برای این دیسک بیش از اندازه بزرگ است",
    errno.EIO: "دیسک خطای ورودی/خروجی گزارش کرد",
}


def cli_language(args: argparse.Namespace | None = None) -> str:
    """The language of the command's messages: ``--lang``, else the system locale (LANG/LC_ALL fa_IR → 'fa')."""
    from desktop.messages import system_language

    chosen = getattr(args, "ui_lang", None) if args is not None else None
    return chosen or system_language()


def fault_sentence(exc: BaseException, lang: str = "en") -> str | None:
    """One sentence for a fault a person can act on (in ``lang``), or None for a bug."""
    from desktop.messages import isolate, word

    if isinstance(exc, (StudyError, TranscribeError)):
        return word(exc, lang)
    if isinstance(exc, OSError) and exc.errno in _ERRNO_WORDS:
        if lang == "fa":
            where = f" ({isolate(str(exc.filename))})" if exc.filename else ""
            return f"متوقف شد: {_ERRNO_WORDS_FA[exc.errno]}{where}. چیز دیگری ذخیره نشد."
        where = f" ({exc.filename})" if exc.filename else ""
        return f"Stopped: {_ERRNO_WORDS[exc.errno]}{where}. Nothing more was written."
    if isinstance(exc, sqlite3.Error):  # the store words lock, full disk, read-only and damage itself
        if lang == "fa":
            return f"پایگاه دادهٔ پژوهش تغییر را نپذیرفت ({isolate(str(exc))})؛ چیزی ذخیره نشد."
        return f"The study database refused the change ({exc}); nothing was saved."
    return None


def _sweep(args) -> None:
    """Remove the temporary files a killed command left (:func:`codebook.locking.cleanup`): those
    it listed, and those in the study folder named by ``--study``."""
    from codebook.locking import cleanup
    from transcribe.installed import sweep_adding

    study = getattr(args, "study", None)
    try:
        cleanup(*([study] if study and os.path.isdir(study) else []))
        sweep_adding()
    except Exception:  # noqa: BLE001 - tidying up never stops a command
        pass


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    _sweep(args)
    try:
        if args.command is None:
            from desktop.cli._gui import open_app

            return open_app(study=args.study, lang=args.ui_lang)
        return args.func(args)
    except BrokenPipeError:
        # The reader went away (`mosahebeh … | head`): stop quietly, as other command-line tools do.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except (StudyError, TranscribeError, OSError, sqlite3.Error) as exc:
        sentence = fault_sentence(exc, cli_language(args))
        if sentence is None or os.environ.get("MOSAHEBEH_DEBUG") == "1":
            raise
        print(f"mosahebeh: {sentence}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("mosahebeh: " + ("متوقف شد" if cli_language(args) == "fa" else "interrupted"), file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
