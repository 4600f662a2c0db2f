"""Finding words in transcripts: what find and replace, retrieval by word and the
study-wide search rest on. :class:`TranscriptSearch` is the reading half of
:class:`codebook.transcripts.Transcripts` that searches (it is mixed into it:
``study.transcripts.find(...)``).

Matching goes through the Persian folding (:mod:`transcribe.normalize`) and
never crosses a word boundary the query does not have
(:func:`transcribe.find.find_spans`). Candidates come from indexes kept beside
the text: a trigram FTS5 index over the space-free ``compact`` column, and a
word index (``segments_fts``) for :meth:`TranscriptSearch.search_words`.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from codebook.models import Segment, segment_from_row
from transcribe.find import find_spans, splice
from transcribe.normalize import FOLD_VERSION, compact_key, search_key


def _fts_phrase(words) -> str:
    return '"' + " ".join(words).replace('"', '""') + '"'


def _fts_term(term: str) -> str:
    """One query word for FTS5: itself, or split in two anywhere («میرود» → "می رود")."""
    splits = [_fts_phrase((term[:i], term[i:])) for i in range(1, len(term))] if len(term) <= 40 else []
    return "(" + " OR ".join([_fts_phrase((term,)), *splits]) + ")"


def _fts_match(terms: list[str]) -> str:
    """An FTS5 query for ``terms`` that does not care how word breaks are written: every
    word (joined or split in two), or all the words written as one («می رود» → "میرود")."""
    words = " AND ".join(_fts_term(t) for t in terms)
    return f"({words}) OR {_fts_term(''.join(terms))}" if len(terms) > 1 else words


class TranscriptSearch:
    """Search methods of the transcripts repository (needs its ``db``, ``_rows`` and ``_iter_rows``)."""

    if TYPE_CHECKING:  # provided by the repository this is mixed into
        db: Any

        def _rows(self, sql: str, params: Iterable[Any] | dict = ()) -> list[dict]: ...

        def _iter_rows(self, sql: str, params: Iterable[Any] | dict = ()) -> Iterator[dict]: ...

    def search(self, query: str, interview_id: int | None = None, *, limit: int | None = None,
               offset: int = 0) -> list[Segment]:
        """Segments whose text contains ``query`` through the Persian normalisation
        (Arabic/Persian letters, digits, ZWNJ, spaces and harakat folded), in
        interview then transcript order, as find and replace match it
        (:func:`transcribe.find.find_spans`: word breaks inside the query may be
        written any way, but a match never crosses a word boundary the query does
        not have); ``limit`` and ``offset`` page the matches.

        Candidates come from the space-free ``compact`` form, so «میرود» finds
        «می رود»: a query of three characters or more goes through the trigram
        index, a shorter one scans; rows are read lazily and reading stops once
        the page is full."""
        found: list[Segment] = []
        skip = offset
        for row, _spans in self._matching_rows(query, interview_id):
            if skip:
                skip -= 1
                continue
            found.append(segment_from_row(row))
            if limit is not None and len(found) >= limit:
                break
        return found

    def find(self, query: str, interview_id: int | None = None) -> list[tuple[int, int, int, int]]:
        """Every match of ``query`` as :meth:`search` finds them, as (interview id,
        segment id, start, end) with code-point offsets into the segment's text, in
        transcript order. Reads no word timings: the whole study's matches of a
        common word come in a fraction of the time :meth:`search` takes for them."""
        return [(row["interview_id"], row["id"], a, b)
                for row, spans in self._matching_rows(query, interview_id, spans=True)
                for a, b in spans]

    def replacements(self, query: str, replacement: str,
                     interview_id: int | None = None) -> dict[int, tuple[int, str, str, int]]:
        """What replacing every match of ``query`` with ``replacement`` would write:
        {segment id: (interview id, old text, new text, matches)}, segments whose text
        would not change left out. Nothing is written (the caller writes, undoably)."""
        out = {}
        for row, spans in self._matching_rows(query, interview_id, spans=True):
            new = splice(row["text"], spans, replacement)
            if new != row["text"]:
                out[row["id"]] = (row["interview_id"], row["text"], new, len(spans))
        return out

    def find_next(self, query: str, interview_id: int | None = None,
                  after: tuple[int, int] | None = None) -> tuple[int, int, int, int] | None:
        """The first match of ``query`` (as :meth:`find` gives them) after ``after``,
        a (segment id, offset) where the last match ended, else from the start; None
        when there is none after it. Reads segments only up to the match, so each
        *Find next* costs about the same in a study of any size."""
        start = None
        if after is not None:
            sid, end = after
            row = self.db.execute("SELECT interview_id, start_ms, text FROM segments WHERE id = ?", [sid]).fetchone()
            if row is not None:
                if interview_id is None or row[0] == interview_id:
                    for a, b in find_spans(row[2], query):
                        if a >= end:
                            return row[0], sid, a, b
                start = (row[0], row[1], sid)
        for row, spans in self._matching_rows(query, interview_id, spans=True, after=start):
            a, b = spans[0]
            return row["interview_id"], row["id"], a, b
        return None

    def _matching_rows(self, query: str, interview_id: int | None, *, spans: bool = False,
                       after: tuple[int, int, int] | None = None):
        """(row, spans) of the segments matching ``query``, lazily, in interview then
        transcript order (only those after the (interview id, start ms, segment id)
        ``after``, when given). With ``spans`` the matches are found in each row, which
        holds only what they need (id, interview, text); without, rows are whole and spans []."""
        columns = "s.id, s.interview_id, s.text, s.search" if spans else "s.*"
        key = compact_key(query)
        if not key:
            return
        params: dict = {"key": key}
        if len(key) >= 3:
            where = "s.id IN (SELECT rowid FROM segments_compact WHERE segments_compact MATCH :key)"
            params["key"] = '"' + key.replace('"', '""') + '"'
        else:
            where = "s.compact LIKE :key ESCAPE '\\'"
            params["key"] = "%" + key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        if interview_id is not None:
            where += " AND s.interview_id = :iv"
            params["iv"] = interview_id
        if after is not None:
            where += " AND (s.interview_id, s.start_ms, s.id) > (:after_iv, :after_ms, :after_id)"
            params.update(after_iv=after[0], after_ms=after[1], after_id=after[2])
        # Walk the segments in transcript order through their index and stop when the caller stops; the trigram
        # index only says which rows may match (ordering all matches first cost ~1 ms per 1,000 hits).
        sql = (f"SELECT {columns} FROM segments s INDEXED BY segments_by_interview WHERE {where} "
               "ORDER BY s.interview_id, s.start_ms, s.id")
        for row in self._iter_rows(sql, params):
            # The folded text holding the query with no word break inside is a match: only the others are
            # checked character by character (find_spans folds the whole text in Python).
            if spans or key not in row["search"]:
                found = find_spans(row["text"], query)
                if found:
                    yield row, found
            else:
                yield row, []

    def search_page(self, query: str, interview_id: int | None = None, *, limit: int = 100,
                    offset: int = 0) -> list[Segment]:
        """One page of :meth:`search` (the first ``limit`` hits after ``offset``)."""
        return self.search(query, interview_id, limit=limit, offset=offset)

    def refold(self) -> int:
        """Rebuild the stored search columns when the folding has changed since
        they were written (:data:`transcribe.normalize.FOLD_VERSION`); returns how
        many segments were rewritten (0 when they were current)."""
        row = self.db.execute("SELECT value FROM meta WHERE key = 'fold_version'").fetchone()
        if row and row[0] == str(FOLD_VERSION):
            return 0
        rows = self.db.execute("SELECT id, text FROM segments").fetchall()
        with self.db.atomic():
            self.db.conn.executemany("UPDATE segments SET search = ?, compact = ? WHERE id = ?",
                                     [(k, k.replace(" ", ""), i) for i, k in ((i, search_key(t)) for i, t in rows)])
            self.db.execute("INSERT INTO meta(key, value) VALUES ('fold_version', ?) "
                            "ON CONFLICT(key) DO UPDATE SET value = excluded.value", [str(FOLD_VERSION)])
        return len(rows)

    def search_words(self, query: str, limit: int = 200) -> list[Segment]:
        """Full-text search (SQLite FTS5) for segments holding all the words of ``query``,
        however their word breaks are written: «میرود» finds «می رود» (and «می‌رود», the
        index splits at ZWNJ) and «می رود» finds «میرود», as find does."""
        terms = [t for t in search_key(query).split() if t]
        if not terms:
            return []
        match = _fts_match(terms)
        return [segment_from_row(r) for r in self._rows(
            "SELECT s.* FROM segments_fts f JOIN segments s ON s.id = f.rowid WHERE segments_fts MATCH ? "
            "ORDER BY rank LIMIT ?", [match, limit])]
