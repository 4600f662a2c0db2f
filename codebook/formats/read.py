"""Reading transcripts made elsewhere: SRT, WebVTT, plain text with ``[hh:mm:ss]``
stamps, and noScribe's HTML. Each reader returns :class:`NewSegment` s
(``source="import"``, unchecked) for :func:`import_transcript`.

Speakers: a known label at the start of a cue or line (``مصاحبه‌گر:``,
``Interviewer:``, ``I:``, ``مشارکت‌کننده:``, ``P:``, the participant's pseudonym)
becomes the interviewer or participant; diariser labels (``S00``,
``SPEAKER_01``, ``Speaker 2``) and WebVTT voices (``<v Name>``) are kept as
they are written. Anything else stays part of the text: a colon inside a
Persian sentence is not a speaker.
"""
from __future__ import annotations

import html
import re
from pathlib import Path

from codebook.errors import StudyError
from codebook.models import (INTERVIEWER_LABELS, PARTICIPANT_LABELS, SPEAKER_INTERVIEWER, SPEAKER_PARTICIPANT,
                             NewSegment)
from transcribe.normalize import canonical

FORMATS = ("srt", "vtt", "txt", "html")
MAX_BYTES = 50 * 1024**2

_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?"
_CUE = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}")
_STAMP = re.compile(rf"^\s*[\[(]{_TIME}[\])]\s*")
_DIARISED = re.compile(r"^(S\d{1,3}|SPEAKER_\d+|Speaker \d+|گوینده ?\d+)$", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")
_VOICE = re.compile(r"<v(?:\.[^ >]*)?\s+([^>]+)>")


def _ms(groups) -> int:
    h, m, s, frac = groups
    frac = (frac or "0").ljust(3, "0")
    return ((int(h or 0) * 60 + int(m)) * 60 + int(s)) * 1000 + int(frac)


def speaker_of(text: str, pseudonym: str | None = None) -> tuple[str, str]:
    """Split a known speaker label off the start of ``text``: (speaker, rest)."""
    head, sep, rest = text.partition(":")
    if not sep or len(head) > 40:
        return "", text
    label = canonical(head).strip()
    if label in INTERVIEWER_LABELS:
        return SPEAKER_INTERVIEWER, rest.strip()
    if label in PARTICIPANT_LABELS or (pseudonym and label == canonical(pseudonym).strip()):
        return SPEAKER_PARTICIPANT, rest.strip()
    if _DIARISED.match(label):
        return label, rest.strip()
    return "", text


def _known(label: str, pseudonym: str | None) -> str:
    speaker, _ = speaker_of(f"{label}: x", pseudonym)
    return speaker or canonical(label).strip()


def read_text(path: Path) -> str:
    """A text file's content as str: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1256."""
    try:
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise StudyError(f"No file at {path}.") from exc
    except OSError as exc:
        raise StudyError(f"Cannot read {path}: {exc.strerror or exc}.") from exc
    if len(data) > MAX_BYTES:
        raise StudyError(f"{path.name} is too large for a transcript ({len(data) // 2**20} MB).")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1256")
        except UnicodeDecodeError as exc:
            raise StudyError(f"{path.name} is not a text file in UTF-8, UTF-16 or Windows-1256.") from exc


def parse_cues(text: str, pseudonym: str | None = None) -> list[NewSegment]:
    """SRT or WebVTT cues: a ``start --> end`` line, then the cue's text lines."""
    segments, lines, i = [], text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 0
    while i < len(lines):
        m = _CUE.match(lines[i])
        if not m:
            i += 1
            continue
        start, end = _ms(m.groups()[:4]), _ms(m.groups()[4:])
        i += 1
        body = []
        while i < len(lines) and lines[i].strip():
            if _CUE.match(lines[i]):
                break
            body.append(lines[i].strip())
            i += 1
        raw = " ".join(body)
        voice = _VOICE.search(raw)
        content = html.unescape(_TAGS.sub("", raw)).strip()
        speaker = _known(voice.group(1), pseudonym) if voice else ""
        if not speaker:
            speaker, content = speaker_of(content, pseudonym)
        content = canonical(content).strip()
        if content:
            segments.append(NewSegment(start, max(start, end), content, speaker, source="import"))
    if not segments:
        raise StudyError("No subtitle cues (lines like 00:00:01,000 --> 00:00:04,000) were found.")
    return segments


def parse_stamped(text: str, pseudonym: str | None = None, duration_ms: int | None = None) -> list[NewSegment]:
    """Plain text where a line starting with ``[hh:mm:ss]`` (or ``[mm:ss]``) begins a
    segment; the lines after it, up to the next stamp, belong to it. Lines before
    the first stamp (a title) are left out. Each segment
    ends where the next begins (the last at ``duration_ms``, if known)."""
    parts: list[list] = []  # [start_ms, [lines]]
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        m = _STAMP.match(line)
        if m:
            parts.append([_ms(m.groups()), [line[m.end():].strip()]])
        elif line.strip() and parts:  # lines before the first stamp are a heading
            parts[-1][1].append(line.strip())
    if not any(len(p[1]) for p in parts) or not any(_STAMP.match(ln) for ln in text.splitlines()):
        raise StudyError("No time stamps like [00:01:23] at the start of lines were found.")
    segments = []
    for k, (start, body) in enumerate(parts):
        speaker, content = speaker_of(" ".join(b for b in body if b), pseudonym)
        nxt = parts[k + 1][0] if k + 1 < len(parts) else (duration_ms or start)
        content = canonical(content).strip()
        if content:
            segments.append(NewSegment(start, max(start, nxt), content, speaker, source="import"))
    return segments


def parse_noscribe(text: str, pseudonym: str | None = None) -> list[NewSegment]:
    """noScribe HTML: every piece of text sits in ``<a name="ts_START_END_SPEAKER">``
    (milliseconds); each paragraph is one speaker turn and becomes one segment."""
    from lxml import html as lhtml

    try:
        doc = lhtml.document_fromstring(text.encode("utf-8"), parser=lhtml.HTMLParser(encoding="utf-8"))
    except Exception as exc:  # lxml raises several types for broken markup
        raise StudyError(f"The HTML cannot be read ({exc}).") from exc
    segments = []
    for p in doc.iter("p"):
        anchors = [a for a in p.iter("a") if (a.get("name") or "").startswith("ts_")]
        if not anchors:
            continue
        times = []
        for a in anchors:
            bits = a.get("name").split("_")
            try:
                times.append((int(bits[1]), int(bits[2]), "_".join(bits[3:])))
            except (IndexError, ValueError):
                continue
        if not times:
            continue
        content = " ".join(p.text_content().split())
        content = _STAMP.sub("", content)
        speaker, content = speaker_of(content, pseudonym)
        if not speaker and times[0][2]:
            speaker = _known(times[0][2], pseudonym)
        content = re.sub(rf"\s*\[{_TIME}\]\s*", " ", content).strip()
        content = canonical(content)
        if content:
            start, end = times[0][0], max(t[1] for t in times)
            segments.append(NewSegment(start, max(start, end), content, speaker, source="import"))
    if not segments:
        raise StudyError("This HTML holds no noScribe time marks (<a name=\"ts_…\">); "
                         "export it from noScribe's editor as HTML.")
    return segments


def detect(path: Path, text: str) -> str:
    ext = path.suffix.lower().lstrip(".")
    if ext in ("srt", "vtt"):
        return ext
    if ext in ("html", "htm"):
        return "html"
    if text.lstrip().startswith("WEBVTT"):
        return "vtt"
    if any(_CUE.match(line) for line in text[:5000].splitlines()):
        return "srt"
    return "txt"


def read_transcript(path: str | Path, fmt: str | None = None, *, pseudonym: str | None = None,
                    duration_ms: int | None = None) -> list[NewSegment]:
    """The segments of a transcript file; ``fmt`` among srt, vtt, txt, html (default: from the file)."""
    path = Path(path)
    text = read_text(path)
    fmt = fmt or detect(path, text)
    try:
        if fmt in ("srt", "vtt"):
            return parse_cues(text, pseudonym)
        if fmt == "html":
            return parse_noscribe(text, pseudonym)
        if fmt == "txt":
            return parse_stamped(text, pseudonym, duration_ms)
    except StudyError as exc:
        raise StudyError(f"{path.name}: {exc}") from exc
    raise StudyError(f"Unknown transcript format {fmt!r}; use one of {', '.join(FORMATS)}.")


def import_transcript(study, interview_id: int, path: str | Path, fmt: str | None = None, *,
                      replace: bool = False) -> int:
    """Put a transcript made elsewhere onto an interview (and its audio). Returns the
    number of segments. An interview that already has a transcript keeps it
    unless ``replace``; corrected or coded work is never replaced."""
    iv = study.interviews.get(interview_id)
    pseudonym = study.participants.get(iv.participant_id).pseudonym if iv.participant_id is not None else None
    segments = read_transcript(path, fmt, pseudonym=pseudonym, duration_ms=iv.duration_ms)
    if iv.duration_ms and segments and segments[0].start_ms > iv.duration_ms:
        raise StudyError(f"The transcript starts at {segments[0].start_ms // 1000} s, after the end of the "
                         f"interview's audio ({iv.duration_ms // 1000} s): is it the right file?")
    count, _ = study.transcripts.count(interview_id)
    if count and not replace:
        raise StudyError(f"Interview {interview_id} already has a transcript ({count} segments); "
                         "use --replace to replace it.")
    with study.atomic():
        study.transcripts.replace(interview_id, segments, force=False)
        if iv.status in ("planned", "recorded"):
            study.interviews.update(interview_id, status="transcribed")
    return len(segments)
