"""How a transcript becomes one plain-text file with character positions, and back.

The file is UTF-8 **without a BOM**, lines end with LF, text is NFC. One line
per segment: ``"<speaker label>: <text>"`` (no prefix when the speaker is
unknown); an LF typed inside a segment becomes a space so that lines and
segments stay one to one. REFI-QDA positions (``SyncPoint@position``,
``PlainTextSelection@startPosition/endPosition``) are counted here in Unicode
characters (code points) from 0 at the first character of the file, between
characters (an end position is exclusive), the BOM never counted. That is
what the standard's reference implementations count for text without
surrogates; Persian text is all in the Basic Multilingual Plane, where code
points and UTF-16 units agree. On import, a CR before an LF counts as one
character, as tools running on Windows write it.
"""
from __future__ import annotations

import bisect
import unicodedata
from dataclasses import dataclass

from codebook.models import (
    INTERVIEWER_LABELS,
    PARTICIPANT_LABELS,
    SPEAKER_INTERVIEWER,
    SPEAKER_PARTICIPANT,
    Segment,
    speaker_label,
    word_spans,
)


@dataclass(frozen=True)
class Line:
    """One line of the transcript file: where it starts and how long its speaker prefix is."""
    start: int
    prefix: int
    text: str
    speaker: str = ""

    @property
    def body_start(self) -> int:
        return self.start + self.prefix

    @property
    def end(self) -> int:
        return self.start + self.prefix + len(self.text)


def build(segments: list[Segment], pseudonym: str | None, texts: list[str] | None = None) -> tuple[str, list[Line]]:
    """The file text for ``segments`` and where each segment's line lies.
    ``texts`` replaces the segment texts (pseudonymised), same order."""
    lines, parts, pos = [], [], 0
    for i, seg in enumerate(segments):
        body = (texts[i] if texts is not None else seg.text).replace("\n", " ")
        label = speaker_label(seg.speaker, pseudonym)
        prefix = f"{label}: " if label else ""
        lines.append(Line(pos, len(prefix), body, seg.speaker))
        parts.append(prefix + body)
        pos += len(prefix) + len(body) + 1
    return "\n".join(parts) + ("\n" if parts else ""), lines


def time_at(seg: Segment, offset: int) -> int:
    """An estimate of when the character at ``offset`` of a segment is spoken (ms):
    from word timings when the words are found in the text, else in proportion."""

    if seg.words:
        for w, span in zip(seg.words, word_spans(seg.text, seg.words)):
            if span is None:
                continue
            if offset <= span[0]:
                return w.start_ms
            if offset <= span[1]:
                return w.end_ms if offset == span[1] else w.start_ms
    if not seg.text:
        return seg.start_ms
    return seg.start_ms + round((seg.end_ms - seg.start_ms) * offset / len(seg.text))


# -- reading -----------------------------------------------------------------------


def split_lines(raw: str, pseudonym: str | None = None) -> list[Line]:
    """The non-blank lines of a transcript file (BOM already removed), with their
    positions counted in ``raw``. A known speaker prefix is split off."""
    lines, pos = [], 0
    n = len(raw)
    while pos <= n:
        nl = raw.find("\n", pos)
        end = n if nl < 0 else nl
        body_end = end - 1 if end > pos and raw[end - 1] == "\r" else end
        text = raw[pos:body_end]
        if text.strip():
            speaker, prefix = _speaker_prefix(text, pseudonym)
            lines.append(Line(pos, prefix, text[prefix:], speaker))
        if nl < 0:
            break
        pos = nl + 1
    return lines


def _speaker_prefix(text: str, pseudonym: str | None) -> tuple[str, int]:
    head, sep, _ = text.partition(":")
    if not sep or len(head) > 60:
        return "", 0
    label = unicodedata.normalize("NFC", head.strip())
    prefix = len(head) + 1 + (1 if text[len(head) + 1:len(head) + 2] == " " else 0)
    if label in INTERVIEWER_LABELS:
        return SPEAKER_INTERVIEWER, prefix
    if label in PARTICIPANT_LABELS or (pseudonym and label == unicodedata.normalize("NFC", pseudonym)):
        return SPEAKER_PARTICIPANT, prefix
    return "", 0


class PositionMap:
    """Turns file positions into (line index, offset in the line's text) pairs."""

    def __init__(self, lines: list[Line]):
        self.lines = lines
        self._starts = [ln.start for ln in lines]

    def start(self, pos: int) -> tuple[int, int] | None:
        """Where a selection starting at ``pos`` begins (a line break moves it to the next line)."""
        i = bisect.bisect_right(self._starts, pos) - 1
        if i >= 0 and pos < self.lines[i].end:
            return i, max(0, pos - self.lines[i].body_start)
        i += 1
        return (i, 0) if i < len(self.lines) else None

    def end(self, pos: int) -> tuple[int, int] | None:
        """Where a selection ending at ``pos`` ends (a line start moves it back to the line before)."""
        i = bisect.bisect_left(self._starts, pos) - 1
        if i < 0:
            return None
        ln = self.lines[i]
        return i, max(0, min(pos, ln.end) - ln.body_start)


def interpolate(points: list[tuple[int, int]], pos: int) -> int | None:
    """The time at ``pos`` from (position, ms) sync points, linear between them."""
    if not points:
        return None
    positions = [p for p, _ in points]
    i = bisect.bisect_left(positions, pos)
    if i < len(points) and points[i][0] == pos:
        return points[i][1]
    if i == 0:
        return points[0][1]
    if i == len(points):
        return points[-1][1]
    (p0, t0), (p1, t1) = points[i - 1], points[i]
    return round(t0 + (t1 - t0) * (pos - p0) / (p1 - p0)) if p1 != p0 else t0

