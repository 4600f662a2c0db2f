"""Retrieval: every passage coded with a code (or any code of a category), or
every answer to a guide question, across interviews, ready to read, to play
and to quote.

For example (a sketch, not run as a doctest)::

    for q in coded_segments(study, code_id):
        print(q.pseudonym, format_time(q.start_ms), q.text)
    print(format_quotes(coded_segments(study, code_id), lang="fa"))

Quotes come in the order the interviews were held, then in transcript order.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from codebook.errors import StudyError
from codebook.models import SPEAKER_INTERVIEWER, Segment, word_spans
from transcribe.normalize import fa_digits

if TYPE_CHECKING:
    from codebook.study import Study


@dataclass(frozen=True)
class Quote:
    """A retrieved passage. ``start_ms`` is where to play from (the word at the
    start of the coded text when word timings allow, else its segment's start)."""
    interview_id: int
    interview_label: str
    participant_id: int | None
    pseudonym: str  # '' when the interview has no participant
    start_ms: int
    end_ms: int
    text: str
    segment_id: int  # where the passage starts
    coding_id: int | None = None  # None for an answer to a guide question
    code_id: int | None = None
    code_name: str = ""
    memo: str = ""


def _time_at(seg: Segment, offset: int) -> int:
    """The start time of the word at (or after) ``offset`` in the segment's text."""
    if offset <= 0 or not seg.words:
        return seg.start_ms
    for w, span in zip(seg.words, word_spans(seg.text, seg.words)):
        if span is not None and span[1] > offset:
            return max(seg.start_ms, w.start_ms)
    return seg.start_ms


def _time_until(seg: Segment, offset: int) -> int:
    """The end time of the last word that ends at or before ``offset`` (else the segment's end)."""
    if not seg.words or offset >= len(seg.text):
        return seg.end_ms
    end = None
    for w, span in zip(seg.words, word_spans(seg.text, seg.words)):
        if span is not None and span[0] < offset:
            end = w.end_ms
    return min(seg.end_ms, end) if end is not None else seg.end_ms


class _Names:
    """Interview labels and pseudonyms, looked up once."""

    def __init__(self, study: Study):
        self.pseudonyms = {p.id: p.pseudonym for p in study.participants.list()}
        self.interviews = {i.id: i for i in study.interviews.list()}
        self.order = {iid: n for n, iid in enumerate(self.interviews)}

    def of(self, interview_id: int) -> tuple[str, int | None, str]:
        iv = self.interviews[interview_id]
        pseudonym = self.pseudonyms.get(iv.participant_id, "") if iv.participant_id is not None else ""
        return iv.title or pseudonym or f"#{iv.id}", iv.participant_id, pseudonym


def coded_segments(study: Study, code_id: int, *, recursive: bool = True, limit: int | None = None,
                   offset: int = 0, coder: str | None = None, without_interviewer: bool = False) -> list[Quote]:
    """Every coding of a code, or with ``recursive`` (the default) of it and every
    code beneath it: for a category, all its codes. ``limit`` and ``offset`` page
    the quotes (in the same order). With ``coder``, only that coder's codings.

    Only the segments the codings start and end in (and any between) are read,
    through the codings-by-code index: the cost follows the quotes, not the study.

    ``without_interviewer``: only what the participants said: the interviewer's segments are
    left out of each quote, and a coding only on the interviewer's speech gives none (paging with
    ``limit``/``offset`` then counts codings, not quotes)."""
    code = study.codes.get(code_id)
    ids = [code.id] + ([d.id for d in study.codes.descendants(code.id)] if recursive else [])
    names = {c.id: c.name for c in study.codes.list()}
    lookup = _Names(study)
    codings = study.codings.of_codes(ids)
    if coder is not None:
        codings = [c for c in codings if c[0].coder == coder]
    codings.sort(key=lambda c: (lookup.order.get(c[0].interview_id, 0), c[1], c[0].start_segment_id,
                                c[0].start_offset, c[0].id))
    if limit is not None or offset:
        codings = codings[offset:None if limit is None else offset + limit]
    out = []
    single = study.transcripts.by_ids(c.start_segment_id for c, _ in codings if c.start_segment_id == c.end_segment_id)
    for c, _start_ms in codings:
        if c.start_segment_id == c.end_segment_id:
            segs = [single[c.start_segment_id]]
        else:
            segs = study.transcripts.segments_between(c.start_segment_id, c.end_segment_id)
        parts = []
        for n, seg in enumerate(segs):
            t = seg.text
            parts.append(t[c.start_offset if n == 0 else 0:c.end_offset if n == len(segs) - 1 else len(t)])
        start_offset, end_offset = c.start_offset, c.end_offset
        if without_interviewer:
            kept = [n for n, seg in enumerate(segs) if seg.speaker != SPEAKER_INTERVIEWER]
            if not kept:
                continue
            start_offset = c.start_offset if kept[0] == 0 else 0
            end_offset = c.end_offset if kept[-1] == len(segs) - 1 else len(segs[kept[-1]].text)
            segs, parts = [segs[n] for n in kept], [parts[n] for n in kept]
        label, pid, pseudonym = lookup.of(c.interview_id)
        out.append(Quote(c.interview_id, label, pid, pseudonym, _time_at(segs[0], start_offset),
                         _time_until(segs[-1], end_offset), "\n".join(parts), segs[0].id,
                         c.id, c.code_id, names.get(c.code_id, ""), c.memo))
    out.sort(key=lambda q: (lookup.order.get(q.interview_id, 0), q.start_ms, q.segment_id, q.coding_id))
    return out


def answers(study: Study, question_id: int) -> list[Quote]:
    """Each interview's answer to a guide question: from its question mark to the
    next question mark (or the end), one quote per mark. The text is what was
    said there except the interviewer's segments (all segments if the speakers
    are not labelled)."""
    question = study.guide.get(question_id)
    lookup = _Names(study)
    out = []
    for iid, from_ms, to_ms in study.marks.answers(question.id):
        segs = [s for s in study.transcripts.segments(iid)
                if s.end_ms > from_ms and (to_ms is None or s.start_ms < to_ms)]
        said = [s for s in segs if s.speaker != SPEAKER_INTERVIEWER] or segs
        if not said:
            continue
        label, pid, pseudonym = lookup.of(iid)
        out.append(Quote(iid, label, pid, pseudonym, max(from_ms, said[0].start_ms), said[-1].end_ms,
                         "\n".join(s.text for s in said), said[0].id, code_name=question.text))
    out.sort(key=lambda q: (lookup.order.get(q.interview_id, 0), q.start_ms))
    return out


def format_time(ms: int, lang: str = "en") -> str:
    """``m:ss`` (or ``h:mm:ss``), with Persian digits for ``lang='fa'``."""
    s = max(0, int(ms)) // 1000
    h, m, s = s // 3600, s // 60 % 60, s % 60
    text = f"{h}:{m:02d}:{s:02d}" if h else f"{m}:{s:02d}"
    return fa_digits(text) if lang == "fa" else text


def format_quote(q: Quote, lang: str = "en") -> str:
    """One quote for a paper: “text” (Pseudonym, 12:34) / «متن» (نام مستعار، ۱۲:۳۴)."""
    text = " ".join(q.text.split())
    who = q.pseudonym or q.interview_label
    if lang == "fa":
        return f"«{text}» ({who}، {format_time(q.start_ms, 'fa')})"
    return f"“{text}” ({who}, {format_time(q.start_ms)})"


def format_quotes(quotes: list[Quote], lang: str = "en") -> str:
    """Quotes one per paragraph (blank line between), for the clipboard."""
    if lang not in ("en", "fa"):
        raise StudyError("Quotes are formatted in 'en' or 'fa', not {lang!r}.", lang=lang)
    return "\n\n".join(format_quote(q, lang) for q in quotes)
