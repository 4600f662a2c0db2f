"""``mosahebeh wer REF HYP``: word and character error rates of a transcript file
(HYP, e.g. the machine draft) against a corrected one (REF), Persian-normalised.

Either file may be plain text or the app's own TXT export: its title line, its
[mm:ss] stamps and its speaker labels ("مصاحبه‌گر: ") are not words and are
left out. A word break written as a space, a ZWNJ or nothing does not count."""
from __future__ import annotations

import json
import re
from pathlib import Path


def register(subparsers) -> None:
    p = subparsers.add_parser("wer", help="word/character error rate of a transcript against a corrected one",
                              description=__doc__)
    p.add_argument("ref", metavar="REF", help="the corrected (reference) text: a UTF-8 text file or the app's TXT export")
    p.add_argument("hyp", metavar="HYP", help="the machine (hypothesis) text: a UTF-8 text file or the app's TXT export")
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


_LABEL = re.compile(r"^([^:\n]{1,40}):\s")


def spoken_text(text: str) -> str:
    """The words of a transcript file: for the app's TXT export (lines starting
    with a [mm:ss] or [hh:mm:ss] stamp) the title, stamps and speaker labels are
    dropped; plain text is taken as it is, less known speaker labels."""
    from codebook.errors import StudyError
    from codebook.formats.read import parse_stamped, speaker_of

    try:
        segments = parse_stamped(text)
    except StudyError:
        return "\n".join(speaker_of(line)[1] for line in text.splitlines())
    # The export writes "Label: " before every segment that has a speaker; a known label is
    # already off (speaker set), a pseudonym is not a known label: take it off when every
    # stamped line carries one.
    if all(s.speaker or _LABEL.match(s.text) for s in segments):
        return "\n".join(s.text if s.speaker else _LABEL.sub("", s.text, count=1) for s in segments)
    return "\n".join(s.text for s in segments)


def run(args) -> int:
    from transcribe.wer import NORMALISATION_NOTE, error_rates

    rates = error_rates(spoken_text(_read(args.ref)), spoken_text(_read(args.hyp)))
    if args.json:
        print(json.dumps(rates.to_dict(), ensure_ascii=False))
    else:
        print(f"WER {rates.wer * 100:.1f}% ({rates.word_errors} errors in {rates.ref_words} words)")
        print(f"CER {rates.cer * 100:.1f}% ({rates.char_errors} errors in {rates.ref_chars} characters)")
        print(f"({NORMALISATION_NOTE}.)")
    return 0
