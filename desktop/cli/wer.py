"""``mosahebeh wer REF HYP``: word and character error rates of a transcript file
(HYP, e.g. the machine draft) against a corrected one (REF), Persian-normalised."""
from __future__ import annotations

import json
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser("wer", help="word/character error rate of a transcript against a corrected one",
                              description=__doc__)
    p.add_argument("ref", metavar="REF", help="the corrected (reference) text file, UTF-8")
    p.add_argument("hyp", metavar="HYP", help="the machine (hypothesis) text file, UTF-8")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.set_defaults(func=run)


def _read(name: str) -> str:
    from codebook.errors import StudyError

    path = Path(name)
    if not path.is_file():
        raise StudyError(f"No text file at {path}.")
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise StudyError(f"{path.name} is not UTF-8 text (byte {exc.start}); save it as UTF-8.") from exc
    except OSError as exc:
        raise StudyError(f"Cannot read {path}: {exc.strerror or exc}.") from exc


def run(args) -> int:
    from transcribe.wer import NORMALISATION_NOTE, error_rates

    rates = error_rates(_read(args.ref), _read(args.hyp))
    if args.json:
        print(json.dumps(rates.to_dict(), ensure_ascii=False))
    else:
        print(f"WER {rates.wer * 100:.1f}% ({rates.word_errors} errors in {rates.ref_words} words)")
        print(f"CER {rates.cer * 100:.1f}% ({rates.char_errors} errors in {rates.ref_chars} characters)")
        print(f"({NORMALISATION_NOTE})")
    return 0
