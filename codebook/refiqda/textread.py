"""Turning a source's text into segments and its selections into codings (part
of :class:`codebook.refiqda.reader.Reader`): positions read as the producer
counts them (:mod:`codebook.refiqda.positions`), mapped onto the stored NFC
text, sync point times kept exactly as word timings; rows go in with
``executemany``."""
from __future__ import annotations

from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from codebook.models import Word, words_to_json
from codebook.refiqda import layout, positions
from codebook.refiqda.xmlutil import norm_guid
from codebook.study import now
from transcribe.normalize import canonical, search_key


def _kids(el, tag: str) -> list:
    return [c for c in el if isinstance(c.tag, str) and c.tag.rpartition("}")[2] == tag]


def _kid(el, tag: str):
    found = _kids(el, tag)
    return found[0] if found else None


def iso(text: str | None) -> str:
    """An xsd:dateTime as the store keeps dates (ISO 8601, UTC); now when missing or odd."""
    if text:
        try:
            when = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
            if when.tzinfo is None:
                when = when.replace(tzinfo=UTC)
            return when.astimezone(UTC).replace(microsecond=0).isoformat()
        except ValueError:
            pass
    return now()


class TextReader:
    if TYPE_CHECKING:  # the reader this is mixed into holds the study, the result and the notes
        def __getattr__(self, name: str) -> Any: ...

    # -- text, segments and codings -------------------------------------------------

    def read_text(self, interview_id, text, pseudonym, checked, sels, spans, points) -> tuple[int, int]:
        """Segments from the lines of ``text`` and codings from ``sels`` (positions ``spans``);
        ``points`` are (position, ms) sync points, empty for a text source."""
        counting = positions.choose(text, spans + [(p, p) for p, _ in points])
        if counting.crlf_one or counting.utf16:
            self.countings[counting.name] = self.countings.get(counting.name, 0) + 1
        lines = layout.split_lines(text, pseudonym)
        points = sorted({(counting.to_text(p), t) for p, t in points})
        bodies = [canonical(ln.text) for ln in lines]
        keys = [search_key(b) for b in bodies]  # compact_key is this without spaces: computed once
        rows = []
        last = 0
        for i, ln in enumerate(lines):
            start = layout.interpolate(points, ln.start)
            end = layout.interpolate(points, ln.end)
            start = last if start is None else max(0, start)
            end = max(start, start if end is None else end)
            last = start
            words = self.pseudo_words(ln, bodies[i], points, start, end)
            rows.append((interview_id, start, end, ln.speaker, bodies[i], words_to_json(words) if words else "[]",
                         int(i + 1 in checked), "import", keys[i], keys[i].replace(" ", "")))
        self.db.conn.executemany(
            "INSERT INTO segments(interview_id, start_ms, end_ms, speaker, text, words, checked, source, search, "
            "compact) VALUES (?,?,?,?,?,?,?,?,?,?)", rows)
        ids = [r[0] for r in self.db.execute("SELECT id FROM segments WHERE interview_id = ? ORDER BY id",
                                             [interview_id]).fetchall()]
        self.result.counts["segments"] += len(rows)
        pmap = layout.PositionMap(lines)
        codings = []
        for sel, (a, b) in zip(sels, spans):
            codings += self.selection(sel, interview_id, lines, bodies, ids, pmap,
                                      counting.to_text(a), counting.to_text(b))
        self.db.conn.executemany(
            "INSERT INTO codings(interview_id, code_id, start_segment_id, start_offset, end_segment_id, end_offset, "
            "memo, coder, flagged, created) VALUES (?,?,?,?,?,?,?,?,0,?)", codings)
        self.result.counts["codings"] += len(codings)
        return len(rows), len(codings)

    @staticmethod
    def pseudo_words(ln, body: str, points, start: int, end: int) -> tuple[Word, ...]:
        """Word timings from the sync points inside a line, so that a coding boundary
        placed there keeps its exact time (:func:`layout.time_at`)."""
        inner = [(p, t) for p, t in points if ln.body_start < p < ln.end]
        if not inner:
            return ()
        cuts = [(ln.body_start, start)] + inner + [(ln.end, end)]
        words = []
        raw = ln.text
        for (p0, t0), (p1, t1) in zip(cuts, cuts[1:]):
            piece = canonical(raw[p0 - ln.body_start:p1 - ln.body_start])
            if piece.strip():
                words.append(Word(t0, max(t0, t1), piece, 1.0))
        return tuple(words)

    def offset(self, lines, bodies, at: tuple[int, int]) -> int:
        """A raw offset in a line's text as an offset in its stored (NFC) text."""
        i, k = at
        raw = lines[i].text
        if k >= len(raw):
            return len(bodies[i])
        return min(len(canonical(raw[:k])), len(bodies[i]))

    def selection(self, sel, interview_id, lines, bodies, ids, pmap, start: int, end: int) -> list[tuple]:
        codings = _kids(sel, "Coding")
        desc = _kid(sel, "Description")
        comment = (desc.text or "").strip() if desc is not None else ""
        a, b = pmap.start(start), pmap.end(end)
        if a is None or b is None or (a[0], a[1]) >= (b[0], b[1]):
            if codings:
                self.result.skipped["selections that cover no text"] += len(codings)
            if comment:
                self.memos.append(("interview", interview_id, "Comment on a selection", comment, now(), now()))
            return []
        oa, ob = self.offset(lines, bodies, a), self.offset(lines, bodies, b)
        notes = [self.note_text(self.note_ref(r))[1] for r in _kids(sel, "NoteRef")]
        if not codings:
            if comment or notes:
                quote = bodies[a[0]][oa:oa + 40] if a[0] == b[0] else bodies[a[0]][oa:][:40]
                for text in ([comment] if comment else []) + notes:
                    self.memos.append(("interview", interview_id, f"«{quote}»", text, now(), now()))
            return []
        creator = sel.get("creatingUser")
        out = []
        for coding in codings:
            code = self.codes.get(norm_guid(_kid(coding, "CodeRef").get("targetGUID")))
            if code is None:
                self.fail("a coding refers to something that is not a code.")
            user = coding.get("creatingUser") or creator
            memo = "\n\n".join([comment] * bool(comment) + notes +
                               [self.note_text(self.note_ref(r))[1] for r in _kids(coding, "NoteRef")])
            out.append((interview_id, code, ids[a[0]], oa, ids[b[0]], ob, canonical(memo),
                        self.users.get(norm_guid(user), "") if user else "",
                        iso(coding.get("creationDateTime") or sel.get("creationDateTime"))))
        return out
