"""The spoken words of a transcript file, for error rates (``mosahebeh wer``).

Every text form the app and the command line write is read, and what is not
speech is left out: titles, dates, time stamps, cue numbers, speaker labels and
the placeholder of speech the machine could not transcribe.

* the app's TXT export (``[00:01:23] Label: text``, a title first) and DOCX export;
* SRT and WebVTT (cue numbers, times, ``<v Name>`` voices, ``Label:``);
* ``mosahebeh transcribe``'s text (``[0:00:01–0:00:04 speaker] text``) and its
  ``--json`` object (``{"segments": [{"text": …}, …]}``);
* plain text, taken as it is (less known speaker labels at line starts).
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from codebook.errors import StudyError
from codebook.formats.read import detect, parse_cues, parse_stamped, read_text, speaker_of
from codebook.formats.write import UNTRANSCRIBED
from codebook.models import NewSegment

_TIME = r"(?:\d+:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?"
# mosahebeh transcribe's text output: "[0:00:01–0:00:04 speaker] text" (the speaker is optional)
_TRANSCRIBE_LINE = re.compile(rf"^\s*\[{_TIME}\s*[–-]\s*{_TIME}(?:\s+[^\]]*)?\]\s?(.*)$")
_LABEL = re.compile(r"^([^:\n]{1,40}):\s")
_DATE = re.compile(r"^[\d۰-۹٠-٩/\-.\s]+$")
GAPS = {*UNTRANSCRIBED.values(), "[untranscribed]"}


def spoken_text(path: str | Path, text: str | None = None) -> str:
    """The words spoken in a transcript file (one segment a line), whatever form of ours it is in;
    ``text``, when given, is the file's content already read (not for DOCX)."""
    path = Path(path)
    if path.suffix.lower() == ".docx":
        return _without_gaps(_stamped_or_plain(_docx_text(path), labelled=True))
    if text is None:
        text = read_text(path)
    fmt = detect(path, text)
    if fmt in ("srt", "vtt"):
        return _without_gaps(_unlabelled(parse_cues(text)))
    if path.suffix.lower() == ".json" or text.lstrip().startswith("{"):
        return _without_gaps(_json_text(text, path))
    lines = [line for line in text.splitlines() if line.strip()]
    if lines and all(_TRANSCRIBE_LINE.match(line) for line in lines):
        return _without_gaps("\n".join(_TRANSCRIBE_LINE.match(line).group(1) for line in lines))  # type: ignore[union-attr]
    return _without_gaps(_stamped_or_plain(text))


def _stamped_or_plain(text: str, *, labelled: bool = False) -> str:
    """The app's TXT export (title, stamps and labels left out), else plain text less known labels
    (and, for a ``labelled`` export without stamps, less the label every line begins with)."""
    try:
        segments = parse_stamped(text)
    except StudyError:
        if labelled:
            pairs = [speaker_of(line) for line in text.splitlines()]
            return _unlabelled([NewSegment(0, 0, rest, speaker) for speaker, rest in pairs])
        return "\n".join(speaker_of(line)[1] for line in text.splitlines())
    return _unlabelled(segments)


def _unlabelled(segments: list[NewSegment]) -> str:
    """The segments' texts. A known label is already off (the segment has a speaker); a pseudonym is
    not a known label: it is taken off when every segment begins with a label."""
    if segments and all(s.speaker or _LABEL.match(s.text) for s in segments):
        return "\n".join(s.text if s.speaker else _LABEL.sub("", s.text, count=1) for s in segments)
    return "\n".join(s.text for s in segments)


def _without_gaps(text: str) -> str:
    """Untranscribed-speech placeholders are not words."""
    for gap in GAPS:
        text = text.replace(gap, " ")
    return text


def _json_text(text: str, path: Path) -> str:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise StudyError("{name} is not JSON ({reason}).", name=path.name, reason=exc.msg) from exc
    segments = data.get("segments") if isinstance(data, dict) else data
    if not isinstance(segments, list) or not all(isinstance(s, dict) and isinstance(s.get("text", ""), str)
                                                 for s in segments):
        raise StudyError("{name} is not a transcript in JSON (an object with \"segments\", each with "
                         "\"text\", as mosahebeh transcribe --json writes).", name=path.name)
    return "\n".join(s.get("text", "") for s in segments)


def _docx_text(path: Path) -> str:
    """The paragraphs of a DOCX transcript, less its heading (the title) and the date under it."""
    import zipfile

    import docx

    try:
        document = docx.Document(str(path))
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise StudyError("{name} is not a Word document that can be read.", name=path.name) from exc
    lines: list[str] = []
    after_heading = False
    for p in document.paragraphs:
        text = p.text.strip()
        if p.style is not None and (p.style.name or "").startswith(("Heading", "Title")):
            after_heading = True
            continue
        if not text or (after_heading and _DATE.match(text)):
            after_heading = False
            continue
        after_heading = False
        lines.append(text.replace("\u200f", ""))  # the mark the export puts before a Latin start
    return "\n".join(lines)
