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

import dataclasses
import html
import os
import re
import stat
from collections import Counter
from pathlib import Path

from codebook.errors import StudyError
from codebook.models import INTERVIEWER_LABELS, PARTICIPANT_LABELS, SPEAKER_INTERVIEWER, SPEAKER_PARTICIPANT, NewSegment
from codebook.safety import xml_text
from codebook.worded import WordedList
from transcribe.normalize import canonical

FORMATS = ("srt", "vtt", "txt", "html")
MAX_BYTES = 50 * 1024**2      # a transcript file: checked before reading, then read at most this much
MAX_MS = 100 * 3600 * 1000    # no interview lasts 100 hours: a time beyond is unreadable, not stored

_TIME = r"(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?"
_CUE = re.compile(rf"^\s*{_TIME}\s*-->\s*{_TIME}")
_STAMP = re.compile(rf"^\s*[\[(]{_TIME}[\])]\s*")
_DIARISED = re.compile(r"^(S\d{1,3}|SPEAKER_\d+|Speaker \d+|گوینده ?\d+)$", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")
_VOICE = re.compile(r"<v(?:\.[^ >]*)?\s+([^>]+)>")

# What an import skipped or changed, counted by these keys (worded by :meth:`Imported.note`).
NOTES = {
    "unreadable": "with a time that cannot be read (skipped)",
    "past_end": "starting after the end of the audio (skipped)",
    "clamped": "ending after the end of the audio (cut at its end)",
    "negative": "with a negative time (set to 0)",
    "control": "control characters removed",
}


class Imported(int):
    """The number of segments imported, with ``notes``: what was skipped or changed, by :data:`NOTES` key."""

    notes: dict

    def __new__(cls, n: int, notes: dict | None = None):
        obj = super().__new__(cls, n)
        obj.notes = {k: v for k, v in (notes or {}).items() if v}
        return obj

    def note(self) -> str:
        """What was skipped or changed, as a sentence ('' when nothing was)."""
        if not self.notes:
            return ""
        parts = [f"{n} {NOTES[k]}" if k == "control" else f"{n} {'cue' if n == 1 else 'cues'} {NOTES[k]}"
                 for k, n in self.notes.items()]
        return "Not as written: " + "; ".join(parts) + "."


def _ms(groups) -> int | None:
    """Milliseconds of a matched time, or None when it is not a time (seconds of 61, 100+ hours)."""
    h, m, s, frac = groups
    if h is not None and len(h) > 3:
        return None
    if int(s) >= 60 or (h is not None and int(m) >= 60):
        return None
    frac = (frac or "0").ljust(3, "0")
    ms = ((int(h or 0) * 60 + int(m)) * 60 + int(s)) * 1000 + int(frac)
    return ms if ms <= MAX_MS else None


def _clean(text: str, notes) -> str:
    cleaned = xml_text(text)
    if notes is not None and len(cleaned) != len(text):
        notes["control"] += len(text) - len(cleaned)
    return cleaned


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
    """A text file's content as str: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1256.

    The size is checked before reading (a file over :data:`MAX_BYTES` is refused
    unread), and at most that much is ever read, whatever the file claims."""
    try:
        with open(path, "rb") as f:
            info = os.fstat(f.fileno())
            if not stat.S_ISREG(info.st_mode):
                raise StudyError("{file} is not a regular file.", file=path.name)
            if info.st_size > MAX_BYTES:
                raise StudyError("{file} is {count} MB, too large for a transcript (at most {count2} MB); nothing was imported.", file=path.name, count=info.st_size // 2 ** 20, count2=MAX_BYTES // 2 ** 20)
            data = f.read(MAX_BYTES + 1)
    except FileNotFoundError as exc:
        raise StudyError("No file at {path}.", path=path) from exc
    except IsADirectoryError as exc:
        raise StudyError("{path} is a folder, not a transcript file.", path=path) from exc
    except OSError as exc:
        raise StudyError("Cannot read {path}: {reason}.", path=path, reason=exc.strerror or exc) from exc
    if len(data) > MAX_BYTES:
        raise StudyError("{file} is too large for a transcript (over {count} MB).", file=path.name, count=MAX_BYTES // 2 ** 20)
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise StudyError("{file} starts as UTF-16 but is damaged at byte {start} ({reason}); nothing was imported.", file=path.name, start=exc.start, reason=exc.reason) from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return data.decode("cp1256")
        except UnicodeDecodeError as exc:
            raise StudyError("{file} is not a text file in UTF-8, UTF-16 or Windows-1256.", file=path.name) from exc


def parse_cues(text: str, pseudonym: str | None = None, notes: Counter | None = None) -> list[NewSegment]:
    """SRT or WebVTT cues: a ``start --> end`` line, then the cue's text lines.
    A cue whose times cannot be read is skipped and counted in ``notes``."""
    notes = Counter() if notes is None else notes
    segments, lines, i = [], text.replace("\r\n", "\n").replace("\r", "\n").split("\n"), 0
    while i < len(lines):
        m = _CUE.match(lines[i])
        if not m:
            if "-->" in lines[i]:
                notes["unreadable"] += 1
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
        if start is None or end is None:
            notes["unreadable"] += 1
            continue
        raw = " ".join(body)
        voice = _VOICE.search(raw)
        content = _clean(html.unescape(_TAGS.sub("", raw)), notes).strip()
        speaker = _known(voice.group(1), pseudonym) if voice else ""
        if not speaker:
            speaker, content = speaker_of(content, pseudonym)
        content = canonical(content).strip()
        if content:
            segments.append(NewSegment(start, max(start, end), content, speaker, source="import"))
    if not segments:
        if notes["unreadable"]:
            raise StudyError("None of the {unreadable} subtitle cues has times that can be read (like 00:00:01,000 --> 00:00:04,000, seconds below 60).", unreadable=notes['unreadable'])
        raise StudyError("No subtitle cues (lines like 00:00:01,000 --> 00:00:04,000) were found.")
    return segments


def parse_stamped(text: str, pseudonym: str | None = None, duration_ms: int | None = None,
                  notes: Counter | None = None) -> list[NewSegment]:
    """Plain text where a line starting with ``[hh:mm:ss]`` (or ``[mm:ss]``) begins a
    segment; the lines after it, up to the next stamp, belong to it. Lines before
    the first stamp (a title) are left out. Each segment
    ends where the next begins (the last at ``duration_ms``, if known).
    A stamp whose time cannot be read (``[00:00:99]``) is skipped with its text, and counted."""
    notes = Counter() if notes is None else notes
    parts: list[list] = []  # [start_ms or None, [lines]]
    for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        m = _STAMP.match(line)
        if m:
            parts.append([_ms(m.groups()), [line[m.end():].strip()]])
        elif line.strip() and parts:  # lines before the first stamp are a heading
            parts[-1][1].append(line.strip())
    if not parts:
        raise StudyError("No time stamps like [00:01:23] at the start of lines were found.")
    notes["unreadable"] += sum(1 for p in parts if p[0] is None)
    parts = [p for p in parts if p[0] is not None]
    segments = []
    for k, (start, body) in enumerate(parts):
        speaker, content = speaker_of(_clean(" ".join(b for b in body if b), notes), pseudonym)
        nxt = parts[k + 1][0] if k + 1 < len(parts) else (duration_ms or start)
        content = canonical(content).strip()
        if content:
            segments.append(NewSegment(start, max(start, nxt), content, speaker, source="import"))
    if not segments:
        if notes["unreadable"]:
            raise StudyError("The time stamps have no text after them: there is nothing to import "
                             "({count} stamps cannot be read).", count=notes["unreadable"])
        raise StudyError("The time stamps have no text after them: there is nothing to import.")
    return segments


def parse_noscribe(text: str, pseudonym: str | None = None, notes: Counter | None = None) -> list[NewSegment]:
    """noScribe HTML: every piece of text sits in ``<a name="ts_START_END_SPEAKER">``
    (milliseconds); each paragraph is one speaker turn and becomes one segment.
    A negative time is set to 0, one beyond 100 hours is unreadable; both are counted."""
    from lxml import etree
    from lxml import html as lhtml

    notes = Counter() if notes is None else notes
    try:
        doc = lhtml.document_fromstring(text.encode("utf-8", "replace"),
                                        parser=lhtml.HTMLParser(encoding="utf-8", no_network=True))
    except (etree.LxmlError, ValueError) as exc:  # lxml raises several types for broken markup
        raise StudyError("The HTML cannot be read ({exc}).", exc=exc) from exc
    segments = []
    for p in doc.iter("p"):
        anchors = [a for a in p.iter("a") if (a.get("name") or "").startswith("ts_")]
        if not anchors:
            continue
        times = []
        for a in anchors:
            bits = a.get("name").split("_")
            try:
                if max(len(bits[1]), len(bits[2])) > 12:
                    raise ValueError("too long")
                t0, t1 = int(bits[1]), int(bits[2])
            except (IndexError, ValueError):
                notes["unreadable"] += 1
                continue
            if t0 > MAX_MS or t1 > MAX_MS:
                notes["unreadable"] += 1
                continue
            if t0 < 0 or t1 < 0:
                notes["negative"] += 1
                t0, t1 = max(t0, 0), max(t1, 0)
            times.append((t0, t1, "_".join(bits[3:])))
        if not times:
            continue
        content = _clean(" ".join(p.text_content().split()), notes)
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
                    duration_ms: int | None = None, notes: Counter | None = None) -> list[NewSegment]:
    """The segments of a transcript file; ``fmt`` among srt, vtt, txt, html (default: from the file).
    What was skipped or changed is counted in ``notes`` (keys of :data:`NOTES`)."""
    path = Path(path)
    text = read_text(path)
    fmt = fmt or detect(path, text)
    try:
        if fmt in ("srt", "vtt"):
            return parse_cues(text, pseudonym, notes)
        if fmt == "html":
            return parse_noscribe(text, pseudonym, notes)
        if fmt == "txt":
            return parse_stamped(text, pseudonym, duration_ms, notes)
    except StudyError as exc:
        raise StudyError("{file}: {exc}", file=path.name, exc=exc) from exc
    raise StudyError("Unknown transcript format {fmt!r}; use one of {items}.", fmt=fmt, items=WordedList(FORMATS))


def fit_to_audio(segments: list[NewSegment], duration_ms: int | None, notes: Counter) -> list[NewSegment]:
    """Segments within the audio: those starting after its end are skipped, those ending
    after it are cut at its end; both counted in ``notes``."""
    if not duration_ms:
        return segments
    if segments and all(s.start_ms > duration_ms for s in segments):
        raise StudyError("The transcript starts at {count} s, after the end of the interview's audio ({count2} s): is it the right file?", count=segments[0].start_ms // 1000, count2=duration_ms // 1000)
    out = []
    for s in segments:
        if s.start_ms > duration_ms:
            notes["past_end"] += 1
            continue
        if s.end_ms > duration_ms:
            notes["clamped"] += 1
            s = dataclasses.replace(s, end_ms=duration_ms)
        out.append(s)
    return out


def import_transcript(study, interview_id: int, path: str | Path, fmt: str | None = None, *,
                      replace: bool = False) -> Imported:
    """Put a transcript made elsewhere onto an interview (and its audio). Returns the
    number of segments (an :class:`Imported`, whose ``note()`` says what was skipped
    or changed). An interview that already has a transcript keeps it unless
    ``replace``; corrected or coded work is never replaced, and a file that yields
    no segments replaces nothing."""
    iv = study.interviews.get(interview_id)
    pseudonym = study.participants.get(iv.participant_id).pseudonym if iv.participant_id is not None else None
    notes: Counter = Counter()
    segments = read_transcript(path, fmt, pseudonym=pseudonym, duration_ms=iv.duration_ms, notes=notes)
    segments = fit_to_audio(segments, iv.duration_ms, notes)
    if not segments:  # never let an empty import stand in for a transcript
        raise StudyError("{Path_file} yields no segments to import; nothing was changed.", Path_file=Path(path).name)
    count, _ = study.transcripts.count(interview_id)
    if count and not replace:
        raise StudyError("Interview {interview_id} already has a transcript ({count} segments); use --replace to replace it.", interview_id=interview_id, count=count)
    with study.atomic():
        study.transcripts.replace(interview_id, segments, force=False)
        if iv.status in ("planned", "recorded"):
            study.interviews.update(interview_id, status="transcribed")
    return Imported(len(segments), notes)
