"""Transcripts as timed segments: adding, editing, splitting, merging (searching: :mod:`codebook.search`).

Segment text is stored canonical (NFC, LF); offsets into it are code points.
Edits keep codings in place: a text change remaps the offsets of the codings
that touch the segment (:mod:`codebook.remap`), a split or merge moves them
to the right segment.
"""
from __future__ import annotations

import json

from codebook.dates import now
from codebook.errors import StudyError
from codebook.models import NewSegment, Segment, TranscriptInfo, segment_from_row, word_spans, words_to_json
from codebook.repository import Repository
from codebook.search import TranscriptSearch
from transcribe.normalize import canonical, search_key

_ORDER = "ORDER BY start_ms, id"


def _text_columns(text: str) -> dict:
    text = canonical(text)
    key = search_key(text)
    return {"text": text, "search": key, "compact": key.replace(" ", "")}


class Transcripts(TranscriptSearch, Repository):
    table = "segments"

    # -- reading -------------------------------------------------------------

    def interviews_with_segments(self) -> list[int]:
        """Ids of the interviews that have a transcript (at least one segment), in id order."""
        return [r[0] for r in self.db.execute("SELECT DISTINCT interview_id FROM segments ORDER BY interview_id")]

    def segments(self, interview_id: int) -> list[Segment]:
        return [segment_from_row(r) for r in self._rows(f"SELECT * FROM segments WHERE interview_id = ? {_ORDER}",
                                                [interview_id])]

    def segment(self, segment_id: int) -> Segment:
        return segment_from_row(self._need(segment_id))

    def at_positions(self, interview_id: int, first: int, last: int) -> list[Segment]:
        """Segments ``first`` to ``last`` (1-based, both included) in transcript order: the
        row numbers the editor shows, which the command line takes too."""
        total, _ = self.count(interview_id)
        if total == 0:
            self.study.interviews.get(interview_id)  # a missing interview is told as such
            raise StudyError("Interview {id} has no transcript yet: transcribe or import one first.",
                             id=interview_id)
        if not 1 <= first <= last <= total:
            if total == 1:
                raise StudyError("Interview {id} has one segment (1); {first}–{last} is not it.",
                                 id=interview_id, first=first, last=last)
            raise StudyError("Interview {id} has segments 1 to {total}; {first}–{last} is not among them.",
                             id=interview_id, total=total, first=first, last=last)
        return [segment_from_row(r) for r in self._rows(
            f"SELECT * FROM segments WHERE interview_id = ? {_ORDER} LIMIT ? OFFSET ?",
            [interview_id, last - first + 1, first - 1])]

    def place(self, segment_id: int) -> Segment:
        """A segment without its word timings (``words`` empty): where it stands and its text, cheaply."""
        if not self._storable(segment_id):
            raise self._missing(segment_id)
        row = self._row("SELECT id, interview_id, start_ms, end_ms, speaker, text, '[]' AS words, checked, source "
                        "FROM segments WHERE id = ?", [segment_id])
        if row is None:
            raise self._missing(segment_id)
        return segment_from_row(row)

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
        return [segment_from_row(r) for r in self._rows(
            "SELECT * FROM segments WHERE interview_id = ? AND untranscribed = 1 ORDER BY start_ms, id",
            [interview_id])]

    def by_ids(self, segment_ids) -> dict[int, Segment]:
        """Segments by id (one query per 500 ids), for reading a page of quotes at once."""
        ids = sorted(set(segment_ids))
        out: dict[int, Segment] = {}
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" for _ in chunk)
            out.update((r["id"], segment_from_row(r))
                       for r in self._rows(f"SELECT * FROM segments WHERE id IN ({marks})", chunk))
        return out

    def segments_between(self, first_id: int, last_id: int) -> list[Segment]:
        """The segments from ``first_id`` to ``last_id`` (both included) in transcript order;
        read through the interview's index, not the whole transcript."""
        return [segment_from_row(r) for r in self._rows(*self._between("*", first_id, last_id))]

    def texts_between(self, first_id: int, last_id: int) -> list[str]:
        """The texts of :meth:`segments_between` (no word timings decoded)."""
        return [r["text"] for r in self._rows(*self._between("text", first_id, last_id))]

    def _between(self, columns: str, first_id: int, last_id: int) -> tuple[str, dict]:
        return (f"SELECT {columns} FROM segments WHERE interview_id = (SELECT interview_id FROM segments WHERE id = :a) "
                "AND (start_ms, id) >= (SELECT start_ms, id FROM segments WHERE id = :a) "
                f"AND (start_ms, id) <= (SELECT start_ms, id FROM segments WHERE id = :b) {_ORDER}",
                {"a": first_id, "b": last_id})

    # -- writing whole transcripts ---------------------------------------------

    def add_segments(self, interview_id: int, segments: list[NewSegment]) -> list[int]:
        """Append segments (as a transcriber streams them); returns their ids."""
        self.study.interviews.get(interview_id)
        if not segments:
            return []
        rows = [self._segment_row(interview_id, s) for s in segments]
        with self.db.atomic():
            # One prepared statement for all rows; new rows take ids above every existing one, in order.
            self.db.conn.executemany(
                "INSERT INTO segments (interview_id, start_ms, end_ms, speaker, words, checked, source, text, "
                "search, compact, untranscribed) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
            ids = [r[0] for r in self.db.execute(
                "SELECT id FROM segments WHERE interview_id = ? ORDER BY id DESC LIMIT ?",
                [interview_id, len(rows)]).fetchall()]
        return ids[::-1]

    @staticmethod
    def _segment_row(interview_id: int, s: NewSegment) -> tuple:
        if s.end_ms < s.start_ms:
            raise StudyError(f"A segment cannot end ({s.end_ms} ms) before it starts ({s.start_ms} ms).")
        cols = _text_columns(s.text)
        return (interview_id, int(s.start_ms), int(s.end_ms), s.speaker, words_to_json(s.words), int(s.checked),
                s.source, cols["text"], cols["search"], cols["compact"], int(s.untranscribed and not s.text.strip()))

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
            coded = self.study.codings.count_in(interview_id)
            if done or coded:
                raise StudyError(f"The transcript has {done} checked segments and {coded} codings; "
                                 "replacing it would lose them.")
        with self.db.atomic():
            self.study.codings.remove_in(interview_id)
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
        seg = self.place(segment_id)  # its text: no word timings to decode
        new = canonical(text)
        with self.db.atomic():
            touched = self.study.codings.follow_edit(segment_id, seg.text, new)
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
            self.study.codings.follow_split(segment_id, new_id, offset, right_from, len(left))
        return self.segment(segment_id), self.segment(new_id)

    def next_segment(self, segment_id: int) -> Segment | None:
        row = self._row("SELECT n.* FROM segments s JOIN segments n ON n.interview_id = s.interview_id "
                        "AND (n.start_ms, n.id) > (s.start_ms, s.id) WHERE s.id = ? "
                        "ORDER BY n.start_ms, n.id LIMIT 1", [segment_id])
        if row is None:
            self._need(segment_id)
        return segment_from_row(row) if row else None

    def merge_next(self, segment_id: int, separator: str = " ") -> Segment:
        """Merge a segment with the one after it; the texts are joined with ``separator``."""
        seg = self.segment(segment_id)
        nxt = self.next_segment(segment_id)
        if nxt is None:
            raise StudyError("This is the last segment: there is nothing after it to merge with.")
        shift = len(seg.text) + len(separator)
        with self.db.atomic():
            self.db.execute(
                "UPDATE segments SET text = ?, search = ?, compact = ?, end_ms = ?, words = ?, checked = ?, "
                "untranscribed = ? WHERE id = ?",
                [*_text_columns(seg.text + separator + nxt.text).values(), max(seg.end_ms, nxt.end_ms),
                 words_to_json(seg.words + nxt.words), int(seg.checked and nxt.checked),
                 int(seg.untranscribed and nxt.untranscribed and not (seg.text + nxt.text).strip()), segment_id])
            self.study.codings.follow_merge(nxt.id, segment_id, shift)
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
