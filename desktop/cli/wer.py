"""``mosahebeh wer REF HYP``: word and character error rates of a transcript file
(HYP, e.g. the machine draft) against a corrected one (REF), Persian-normalised.

Either file may be plain text or any transcript the app or this command writes:
a TXT, DOCX, SRT or VTT export, or ``mosahebeh transcribe``'s text or --json
output. Titles, dates, time stamps, speaker labels ("مصاحبه‌گر: ") and the
untranscribed-speech placeholder are not words and are left out. A word break
written as a space, a ZWNJ or nothing does not count."""
from __future__ import annotations

import json


def register(subparsers) -> None:
    p = subparsers.add_parser("wer", help="word/character error rate of a transcript against a corrected one",
                              description=__doc__)
    p.add_argument("ref", metavar="REF", help="the corrected (reference) text: plain text or a transcript file (TXT, DOCX, SRT, VTT, JSON)")
    p.add_argument("hyp", metavar="HYP", help="the machine (hypothesis) text: plain text, mosahebeh transcribe's output, or a transcript file")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def _read(name: str) -> str:
    """A text file as UTF-8 (a BOM allowed): the encoding the app and this command write."""
    from pathlib import Path

    from codebook.errors import StudyError

    path = Path(name)
    if not path.is_file():
        raise StudyError("No text file at {path}.", path=str(path))
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StudyError("{name} is not UTF-8 text (byte {at}); save it as UTF-8.", name=path.name,
                         at=exc.start) from exc
    except OSError as exc:
        raise StudyError("Cannot read {path}: {reason}.", path=str(path), reason=exc.strerror or str(exc)) from exc


def run(args) -> int:
    from codebook.formats.spoken import spoken_text
    from desktop.cli import cli_language
    from transcribe.wer import NORMALISATION_NOTE, error_rates

    rates = error_rates(*(spoken_text(name, None if name.lower().endswith(".docx") else _read(name))
                          for name in (args.ref, args.hyp)))
    if args.json:
        print(json.dumps(rates.to_dict(), ensure_ascii=False))
    elif cli_language(args) == "fa":
        from desktop.messages.cli_output import wer_lines

        print(wer_lines(rates))
    else:
        print(f"WER {rates.wer * 100:.1f}% ({rates.word_errors} errors in {rates.ref_words} words)")
        print(f"CER {rates.cer * 100:.1f}% ({rates.char_errors} errors in {rates.ref_chars} characters)")
        print(f"({NORMALISATION_NOTE}.)")
    return 0
