"""Transcripts as timed segments: adding, editing, splitting, merging, searching.

Segment text is stored canonical (NFC, LF); offsets into it are code points.
Edits keep codings in place: a text change remaps the offsets of the codings
that touch the segment (:mod:`codebook.remap`), a split or merge moves them
to the right segment.
"""
from __future__ import annotations

import json

from codebook.errors import StudyError
from codebook.models import NewSegment, Segment, TranscriptInfo, Word, words_from_json, words_to_json
from codebook.remap import map_span
from codebook.repository import Repository
from codebook.study import now
from transcribe.normalize import canonical, compact_key, search_key

_ORDER = "ORDER BY start_ms, id"


def _segment(row: dict) -> Segment:
    return Segment(
        id=row["id"], interview_id=row["interview_id"], start_ms=row["start_ms"], end_ms=row["end_ms"],
        speaker=row["speaker"], text=row["text"], words=words_from_json(row["words"]),
        checked=bool(row["checked"]), source=row["source"], untranscribed=bool(row.get("untranscribed", 0)),
    )


def _text_columns(text: str) -> dict:
    text = canonical(text)
    return {"text": text, "search": search_key(text), "compact": compact_key(text)}


def word_spans(text: str, words: tuple[Word, ...]) -> list[tuple[int, int] | None]:
    """Where each word of ``words`` stands in ``text`` (code points), or None if not found."""
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for w in words:
        token = canonical(w.text).strip()
        at = text.find(token, cursor) if token else -1
        if at < 0:
            spans.append(None)
            continue
        spans.append((at, at + len(token)))
        cursor = at + len(token)
    return spans


class Transcripts(Repository):
    table = "segments"

    # -- reading -------------------------------------------------------------

    def segments(self, interview_id: int) -> list[Segment]:
        return [_segment(r) for r in self._rows(f"SELECT * FROM segments WHERE interview_id = ? {_ORDER}",
                                                [interview_id])]

    def segment(self, segment_id: int) -> Segment:
        return _segment(self._need(segment_id))

    def count(self, interview_id: int) -> tuple[int, int]:
        """(segments, checked segments) of an interview."""
        row = self.db.execute("SELECT COUNT(*), COALESCE(SUM(checked), 0) FROM segments WHERE interview_id = ?",
                              [interview_id]).fetchone()
        return row[0], row[1]

    def text(self, interview_id: int) -> str:
        """The whole transcript: segment texts joined with LF (untranscribed stretches left out)."""
        return "\n".join(s.text for s in self.segments(interview_id) if not s.untranscribed)

    def untranscribed(self, interview_id: int) -> list[Segment]:
        """The stretches of speech the machine could not transcribe and nobody has typed yet."""
        return [_segment(r) for r in self._rows(
            f"SELECT * FROM segments WHERE interview_id = ? AND untranscribed = 1 {_ORDER}", [interview_id])]

    def search(self, query: str, interview_id: int | None = None) -> list[Segment]:
        """Segments whose text contains ``query`` through the Persian normalisation
        (Arabic/Persian letters, digits, ZWNJ, spaces and harakat folded)."""
        key = compact_key(query)
        if not key:
            return []
        pattern = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql = "SELECT * FROM segments WHERE compact LIKE ? ESCAPE '\\'"
        params: list = [pattern]
        if interview_id is not None:
            sql += " AND interview_id = ?"
            params.append(interview_id)
        return [_segment(r) for r in self._rows(sql + " ORDER BY interview_id, start_ms, id", params)]

    def search_words(self, query: str, limit: int = 200) -> list[Segment]:
        """Full-text search (SQLite FTS5) for segments holding all the words of ``query``."""
        terms = [t for t in search_key(query).split() if t]
        if not terms:
            return []
        match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        return [_segment(r) for r in self._rows(
            "SELECT s.* FROM segments_fts f JOIN segments s ON s.id = f.rowid WHERE segments_fts MATCH ? "
            "ORDER BY rank LIMIT ?", [match, limit])]

    # -- writing whole transcripts ---------------------------------------------

    def add_segments(self, interview_id: int, segments: list[NewSegment]) -> list[int]:
        """Append segments (as a transcriber streams them); returns their ids."""
        self.study.interviews.get(interview_id)
        ids = []
        with self.db.atomic():
            for s in segments:
                ids.append(self._insert_segment(interview_id, s))
        return ids

    def _insert_segment(self, interview_id: int, s: NewSegment) -> int:
        if s.end_ms < s.start_ms:
            raise StudyError(f"A segment cannot end ({s.end_ms} ms) before it starts ({s.start_ms} ms).")
        return self._insert({"interview_id": interview_id, "start_ms": int(s.start_ms), "end_ms": int(s.end_ms),
                             "speaker": s.speaker, "words": words_to_json(s.words), "checked": int(s.checked),
                             "source": s.source, "untranscribed": int(s.untranscribed and not s.text.strip()),
                             **_text_columns(s.text)})

    def replace(self, interview_id: int, segments: list[NewSegment], *, force: bool = False) -> list[int]:
        """Replace the interview's transcript. Refuses, unless ``force``, when the
        current one has checked segments or codings (corrected work would be lost)."""
        if not force:
            done = self.db.execute("SELECT COUNT(*) FROM segments WHERE interview_id = ? AND checked = 1",
                                   [interview_id]).fetchone()[0]
            coded = self.db.execute("SELECT COUNT(*) FROM codings WHERE interview_id = ?",
                                    [interview_id]).fetchone()[0]
            if done or coded:
                raise StudyError(f"The transcript has {done} checked segments and {coded} codings; "
                                 "replacing it would lose them.")
        with self.db.atomic():
            self.db.execute("DELETE FROM codings WHERE interview_id = ?", [interview_id])
            self.db.execute("DELETE FROM segments WHERE interview_id = ?", [interview_id])
            return self.add_segments(interview_id, segments)

    def clear(self, interview_id: int, *, force: bool = False) -> None:
        self.replace(interview_id, [], force=force)

    # -- machine transcription info ----------------------------------------------

    def info(self, interview_id: int) -> TranscriptInfo | None:
        row = self._row("SELECT * FROM transcripts WHERE interview_id = ?", [interview_id])
        if not row:
            return None
        return TranscriptInfo(**{**row, "options": json.loads(row["options"])})

    def set_info(self, interview_id: int, *, model: str, language: str, options: dict, draft: str = "") -> None:
        """Record how the machine transcript was made, and its draft text (for WER later)."""
        self.db.execute(
            "INSERT INTO transcripts(interview_id, model, language, options, draft, created) VALUES (?,?,?,?,?,?) "
            "ON CONFLICT(interview_id) DO UPDATE SET model=excluded.model, language=excluded.language, "
            "options=excluded.options, draft=excluded.draft, created=excluded.created",
            [interview_id, model, language, json.dumps(options, ensure_ascii=False, default=str),
             canonical(draft), now()])

    def set_draft(self, interview_id: int, draft: str) -> None:
        self.db.execute("UPDATE transcripts SET draft = ? WHERE interview_id = ?", [canonical(draft), interview_id])

    # -- editing one segment -----------------------------------------------------

    def insert(self, interview_id: int, segment: NewSegment) -> Segment:
        return self.segment(self.add_segments(interview_id, [segment])[0])

    def set_text(self, segment_id: int, text: str, *, untranscribed: bool | None = None) -> list:
        """Change a segment's text; codings touching it are remapped through a diff.

        An untranscribed mark stays only while the text stays empty (or is set
        with ``untranscribed``, for undo).

        A coding whose text inside this segment was deleted entirely is kept,
        collapsed at its place, and flagged for review. Returns the codings as
        they were before, so an undo can put them back (``codings.restore``)."""
        seg = self.segment(segment_id)
        new = canonical(text)
        touched = self.study.codings.touching(segment_id)
        with self.db.atomic():
            for c in touched:
                start, end = c.start_offset, c.end_offset
                s_in, e_in = c.start_segment_id == segment_id, c.end_segment_id == segment_id
                a = start if s_in else 0
                b = end if e_in else len(seg.text)
                na, nb, lost = map_span(seg.text, new, a, b)
                values = {}
                if s_in:
                    values["start_offset"] = na
                if e_in:
                    values["end_offset"] = nb
                if lost and s_in and e_in:
                    values["flagged"] = 1
                self.study.codings._update(c.id, values)
            self.db.execute("UPDATE segments SET text = ?, search = ?, compact = ?, "
                            "untranscribed = CASE WHEN ? IS NULL THEN untranscribed AND ? ELSE ? END WHERE id = ?",
                            [*_text_columns(new).values(), untranscribed, int(not new.strip()),
                             int(bool(untranscribed)), segment_id])
        return touched

    def set_checked(self, segment_id: int, checked: bool = True) -> None:
        self._need(segment_id)
        self._update(segment_id, {"checked": int(checked)})

    def set_speaker(self, segment_id: int, speaker: str) -> None:
        self._need(segment_id)
        self._update(segment_id, {"speaker": canonical(speaker).strip()})

    def set_times(self, segment_id: int, start_ms: int, end_ms: int) -> None:
        if end_ms < start_ms or start_ms < 0:
            raise StudyError("A segment's end must not come before its start.")
        self._need(segment_id)
        self._update(segment_id, {"start_ms": int(start_ms), "end_ms": int(end_ms)})

    def split(self, segment_id: int, offset: int) -> tuple[Segment, Segment]:
        """Split a segment at a text offset (code points).

        White space at the cut is dropped. The time is cut where the words
        are: after the last word before the cut (by word timings), else in
        proportion to the text. Codings after the cut move to the new segment."""
        seg = self.segment(segment_id)
        if not 0 < offset < len(seg.text):
            raise StudyError("Put the cursor inside the text to split a segment.")
        left, right = seg.text[:offset].rstrip(), seg.text[offset:].lstrip()
        right_from = len(seg.text) - len(right)  # old offset where the right part begins
        if not left or not right:
            raise StudyError("Splitting there would leave an empty segment.")
        spans = word_spans(seg.text, seg.words)
        left_words = tuple(w for w, sp in zip(seg.words, spans) if sp is not None and sp[1] <= offset)
        right_words = tuple(w for w, sp in zip(seg.words, spans) if sp is not None and sp[0] >= offset)
        if left_words and right_words:
            cut = (left_words[-1].end_ms + right_words[0].start_ms) // 2
        elif left_words:
            cut = left_words[-1].end_ms
        elif right_words:
            cut = right_words[0].start_ms
        else:
            cut = seg.start_ms + round((seg.end_ms - seg.start_ms) * offset / len(seg.text))
        cut = max(seg.start_ms, min(cut, seg.end_ms))
        with self.db.atomic():
            self.db.execute("UPDATE segments SET text = ?, search = ?, compact = ?, end_ms = ?, words = ? WHERE id = ?",
                            [*_text_columns(left).values(), cut, words_to_json(left_words), segment_id])
            new_id = self._insert_segment(seg.interview_id, NewSegment(
                start_ms=cut, end_ms=seg.end_ms, text=right, speaker=seg.speaker, words=right_words,
                source=seg.source, checked=seg.checked))
            self.study.codings._move_after_split(segment_id, new_id, offset, right_from, len(left))
        return self.segment(segment_id), self.segment(new_id)

    def next_segment(self, segment_id: int) -> Segment | None:
        seg = self.segment(segment_id)
        segs = self.segments(seg.interview_id)
        idx = [s.id for s in segs].index(segment_id)
        return segs[idx + 1] if idx + 1 < len(segs) else None

    def merge_next(self, segment_id: int, separator: str = " ") -> Segment:
        """Merge a segment with the one after it; the texts are joined with ``separator``."""
        seg = self.segment(segment_id)
        nxt = self.next_segment(segment_id)
        if nxt is None:
            raise StudyError("This is the last segment: there is nothing after it to merge with.")
        shift = len(seg.text) + len(separator)
        joined = seg.text + separator + nxt.text  # codings of the next one move by ``shift``
        with self.db.atomic():
            self.db.execute(
                "UPDATE segments SET text = ?, search = ?, compact = ?, end_ms = ?, words = ?, checked = ?, "
                "untranscribed = ? WHERE id = ?",
                [*_text_columns(joined).values(), max(seg.end_ms, nxt.end_ms),
                 words_to_json(seg.words + nxt.words), int(seg.checked and nxt.checked),
                 int(seg.untranscribed and nxt.untranscribed and not joined.strip()), segment_id])
            self.study.codings._move_after_merge(nxt.id, segment_id, shift)
            self.db.execute("DELETE FROM segments WHERE id = ?", [nxt.id])
        return self.segment(segment_id)

    def restore(self, segments: list[Segment]) -> None:
        """Put segments back exactly as they were (for undo): text, times, words,
        speaker, checked; a removed segment comes back with its old id."""
        with self.db.atomic():
            for s in segments:
                values = {"interview_id": s.interview_id, "start_ms": s.start_ms, "end_ms": s.end_ms,
                          "speaker": s.speaker, "words": words_to_json(s.words), "checked": int(s.checked),
                          "source": s.source, "untranscribed": int(s.untranscribed), **_text_columns(s.text)}
                if self._row("SELECT id FROM segments WHERE id = ?", [s.id]):
                    self._update(s.id, values)
                else:
                    self._insert({"id": s.id, **values})

    def remove(self, segment_id: int) -> None:
        """Delete a segment. Refused while a coding starts or ends in it."""
        if self.study.codings.touching(segment_id):
            raise StudyError("Codings start or end in this segment; merge it or remove the codings first.")
        super().remove(segment_id)
