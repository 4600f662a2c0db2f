"""The suggestions' repository: runs, their chunks of work, and the suggestions waiting for review.

A suggestion is never a coding. :meth:`Suggestions.accept` writes one, by the coder «AI (MODEL)» (see
:func:`coder_name`), and keeps its id; :meth:`Suggestions.reject` only marks; :meth:`Suggestions.adjust`
moves the span. :meth:`Suggestions.snapshot` / :meth:`Suggestions.restore` put suggestions (and the coding
an acceptance made) back exactly as they were, for undo.
"""
from __future__ import annotations

import builtins
import json
from dataclasses import dataclass

from codebook.dates import now
from codebook.errors import StudyError
from codebook.models import Coding
from codebook.repository import Repository
from codebook.suggestions.anchor import anchor

STATES = ("pending", "accepted", "rejected")


def coder_name(model: str) -> str:
    """The coder a model's accepted suggestions are stamped with: «AI (MODEL)».

    >>> coder_name("gemma-3-270m")
    'AI (gemma-3-270m)'
    """
    return f"AI ({model.strip() or 'model'})"


@dataclass(frozen=True)
class Suggestion:
    id: int
    run_id: int
    interview_id: int
    code_id: int
    start_segment_id: int
    start_offset: int
    end_segment_id: int
    end_offset: int
    quote: str
    reason: str
    anchor: str  # how the quote was found: exact, folded, near
    state: str
    coding_id: int | None
    created: str
    decided: str | None


@dataclass(frozen=True)
class Run:
    id: int
    server: str
    model: str
    prompt_version: str
    prompt: str
    code_ids: tuple[int, ...]
    pseudonymised: bool
    state: str  # running, done, cancelled, failed
    proposed: int  # quotes the model gave in the schema
    dropped: int  # quotes not found in the text
    invalid: int  # answers that were not the schema
    failed: int  # requests that got no answer (timeout, server error)
    created: str
    updated: str

    @property
    def coder(self) -> str:
        return coder_name(self.model)


@dataclass(frozen=True)
class Chunk:
    id: int
    run_id: int
    interview_id: int
    position: int
    segment_ids: tuple[int, ...]
    state: str  # pending, done, failed


def _suggestion(row: dict) -> Suggestion:
    return Suggestion(**row)


def _run(row: dict) -> Run:
    return Run(**{**row, "code_ids": tuple(json.loads(row["code_ids"])), "pseudonymised": bool(row["pseudonymised"])})


class Suggestions(Repository):
    table = "suggestions"

    # -- runs and chunks ----------------------------------------------------------------------------

    def new_run(self, *, server: str, model: str, prompt_version: str, prompt: str, code_ids: list[int],
                pseudonymised: bool, chunks: list[tuple[int, list[int]]]) -> Run:
        """A run and its chunks of work (interview, segment ids), all pending."""
        with self.db.atomic():
            stamp = now()
            cur = self.db.execute(
                "INSERT INTO suggestion_runs(server, model, prompt_version, prompt, code_ids, pseudonymised, "
                "created, updated) VALUES (?,?,?,?,?,?,?,?)",
                [server, model, prompt_version, prompt, json.dumps(list(code_ids)), int(pseudonymised), stamp, stamp])
            run_id = int(cur.lastrowid or 0)
            self.db.conn.executemany(
                "INSERT INTO suggestion_chunks(run_id, interview_id, position, segment_ids) VALUES (?,?,?,?)",
                [(run_id, iid, n, json.dumps(ids)) for n, (iid, ids) in enumerate(chunks)])
        return self.run(run_id)

    def run(self, run_id: int) -> Run:
        row = self._row("SELECT * FROM suggestion_runs WHERE id = ?", [run_id])
        if row is None:
            raise StudyError("No suggestion run with id {id} in this study.", id=run_id)
        return _run(row)

    def runs(self) -> list[Run]:
        return [_run(r) for r in self._rows("SELECT * FROM suggestion_runs ORDER BY id")]

    def unfinished_runs(self) -> list[Run]:
        """Runs with work left (pending or failed chunks): a killed run continues from these."""
        return [_run(r) for r in self._rows(
            "SELECT * FROM suggestion_runs r WHERE EXISTS (SELECT 1 FROM suggestion_chunks c "
            "WHERE c.run_id = r.id AND c.state != 'done') ORDER BY id")]

    def chunks(self, run_id: int, states: tuple[str, ...] = ("pending", "failed")) -> list[Chunk]:
        marks = ",".join("?" for _ in states)
        rows = self._rows(f"SELECT * FROM suggestion_chunks WHERE run_id = ? AND state IN ({marks}) ORDER BY position",
                          [run_id, *states])
        return [Chunk(**{**r, "segment_ids": tuple(json.loads(r["segment_ids"]))}) for r in rows]

    def chunk_count(self, run_id: int) -> tuple[int, int]:
        """(done chunks, all chunks) of a run."""
        row = self.db.execute("SELECT COALESCE(SUM(state = 'done'), 0), COUNT(*) FROM suggestion_chunks "
                              "WHERE run_id = ?", [run_id]).fetchone()
        return row[0], row[1]

    def finish_chunk(self, chunk_id: int, state: str, found: list[dict], *, proposed: int = 0, dropped: int = 0,
                     invalid: int = 0, failed: int = 0) -> list[int]:
        """Store one chunk's outcome in one transaction: its suggestions and counts; returns the new ids."""
        ids = []
        with self.db.atomic():
            row = self.db.execute("SELECT run_id FROM suggestion_chunks WHERE id = ?", [chunk_id]).fetchone()
            run_id = row[0]
            stamp = now()
            for s in found:
                cur = self.db.execute(
                    "INSERT INTO suggestions(run_id, interview_id, code_id, start_segment_id, start_offset, "
                    "end_segment_id, end_offset, quote, reason, anchor, created) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [run_id, s["interview_id"], s["code_id"], s["segment_id"], s["start"], s["segment_id"], s["end"],
                     s["quote"], s["reason"], s["anchor"], stamp])
                ids.append(int(cur.lastrowid or 0))
            self.db.execute("UPDATE suggestion_chunks SET state = ? WHERE id = ?", [state, chunk_id])
            self.db.execute("UPDATE suggestion_runs SET proposed = proposed + ?, dropped = dropped + ?, "
                            "invalid = invalid + ?, failed = failed + ?, updated = ? WHERE id = ?",
                            [proposed, dropped, invalid, failed, stamp, run_id])
        return ids

    def set_run_state(self, run_id: int, state: str) -> None:
        self.db.execute("UPDATE suggestion_runs SET state = ?, updated = ? WHERE id = ?", [state, now(), run_id])

    # -- suggestions ------------------------------------------------------------------------------------

    def get(self, suggestion_id: int) -> Suggestion:
        if not self._storable(suggestion_id):
            raise self._missing(suggestion_id)
        row = self._row("SELECT * FROM suggestions WHERE id = ?", [suggestion_id])
        if row is None:
            raise StudyError("No suggestion with id {id} in this study.", id=suggestion_id)
        return _suggestion(row)

    def list(self, *, state: str | None = "pending", interview_id: int | None = None,
             run_id: int | None = None) -> builtins.list[Suggestion]:
        """Suggestions in transcript order (interview, segment time, offset); pending ones by default."""
        sql, params = ("SELECT g.* FROM suggestions g JOIN segments s ON s.id = g.start_segment_id WHERE 1", [])
        for column, value in (("g.state", state), ("g.interview_id", interview_id), ("g.run_id", run_id)):
            if value is not None:
                sql += f" AND {column} = ?"
                params.append(value)
        rows = self._rows(sql + " ORDER BY g.interview_id, s.start_ms, s.id, g.start_offset, g.id", params)
        return [_suggestion(r) for r in rows]

    def counts(self, run_id: int | None = None) -> dict[str, int]:
        """How many suggestions are pending, accepted and rejected (of one run, or all)."""
        sql = "SELECT state, COUNT(*) FROM suggestions" + (" WHERE run_id = ?" if run_id is not None else "")
        got = dict(self.db.execute(sql + " GROUP BY state", [run_id] if run_id is not None else []).fetchall())
        return {s: got.get(s, 0) for s in STATES}

    def resolve(self, spec: str) -> builtins.list[int]:
        """Suggestion ids from ``all`` (every pending one) or ``3,5,8`` (each must exist)."""
        spec = (spec or "").strip()
        if spec == "all":
            return [s.id for s in self.list()]
        ids = []
        for part in spec.replace(" ", ",").split(","):
            if not part:
                continue
            if not part.isdigit():
                raise StudyError("{part} is not a suggestion id (give numbers such as 3,5,8, or all).", part=part)
            ids.append(self.get(int(part)).id)
        if not ids:
            raise StudyError("Name the suggestions (ids such as 3,5,8, or all).")
        return ids

    def accept(self, suggestion_id: int) -> Coding:
        """Write the suggestion as a coding by «AI (MODEL)»; the suggestion keeps the coding's id.
        Its span is checked against the text first: if the text was edited since, the quote is
        found again in the same segment, else the acceptance is refused."""
        s = self._pending(suggestion_id)
        model = self.db.execute("SELECT model FROM suggestion_runs WHERE id = ?", [s.run_id]).fetchone()[0]
        with self.db.atomic():
            start, end = self._current_span(s)
            coding = self.study.codings.add(s.code_id, s.start_segment_id, start, s.end_segment_id, end,
                                            coder=coder_name(model))
            self.db.execute("UPDATE suggestions SET state = 'accepted', coding_id = ?, decided = ?, start_offset = ?, "
                            "end_offset = ? WHERE id = ?", [coding.id, now(), start, end, s.id])
        return coding

    def reject(self, suggestion_id: int) -> None:
        s = self._pending(suggestion_id)
        self.db.execute("UPDATE suggestions SET state = 'rejected', decided = ? WHERE id = ?", [now(), s.id])

    def adjust(self, suggestion_id: int, start_segment_id: int, start_offset: int, end_segment_id: int,
               end_offset: int) -> Suggestion:
        """Move a pending suggestion's span (within its interview); its quote becomes the text spanned."""
        s = self._pending(suggestion_id)
        quote = self.check_span(s, start_segment_id, start_offset, end_segment_id, end_offset)
        self.db.execute("UPDATE suggestions SET start_segment_id = ?, start_offset = ?, end_segment_id = ?, "
                        "end_offset = ?, quote = ? WHERE id = ?",
                        [start_segment_id, start_offset, end_segment_id, end_offset, quote, s.id])
        return self.get(s.id)

    def check_span(self, s: Suggestion | int, start_segment_id: int, start_offset: int, end_segment_id: int,
                   end_offset: int) -> str:
        """The text a new span of ``s`` would cover; :class:`StudyError` saying why when it cannot."""
        s = self._pending(s) if isinstance(s, int) else s
        ts = self.study.transcripts
        first, last = ts.place(start_segment_id), ts.place(end_segment_id)
        if first.interview_id != s.interview_id or last.interview_id != s.interview_id:
            raise StudyError("A suggestion's span must stay within its interview.")
        if not (0 <= start_offset <= len(first.text) and 0 <= end_offset <= len(last.text)):
            raise StudyError("The selection lies outside the segment text.")
        if (first.start_ms, first.id, start_offset) >= (last.start_ms, last.id, end_offset):
            raise StudyError("Select some text to code.")
        texts = ts.texts_between(first.id, last.id)
        return "\n".join(t[(start_offset if i == 0 else 0):(end_offset if i == len(texts) - 1 else len(t))]
                         for i, t in enumerate(texts))

    def snapshot(self, ids: builtins.list[int]) -> builtins.list[Suggestion]:
        return [self.get(i) for i in ids]

    def restore(self, before: builtins.list[Suggestion]) -> None:
        """Put suggestions back as they were (undo): a coding an acceptance wrote is removed again."""
        with self.db.atomic():
            for old in before:
                now_ = self.get(old.id)
                if now_.coding_id is not None and now_.coding_id != old.coding_id:
                    self.db.execute("DELETE FROM codings WHERE id = ?", [now_.coding_id])
                self.db.execute(
                    "UPDATE suggestions SET start_segment_id = ?, start_offset = ?, end_segment_id = ?, end_offset = ?, "
                    "quote = ?, state = ?, coding_id = ?, decided = ? WHERE id = ?",
                    [old.start_segment_id, old.start_offset, old.end_segment_id, old.end_offset, old.quote, old.state,
                     old.coding_id, old.decided, old.id])

    def touching(self, segment_ids) -> builtins.list[Suggestion]:
        """Pending suggestions that start or end in any of the segments (for the editor's marks)."""
        ids = list(segment_ids)
        if not ids:
            return []
        marks = ",".join("?" for _ in ids)
        rows = self._rows(f"SELECT * FROM suggestions WHERE state = 'pending' AND (start_segment_id IN ({marks}) "
                          f"OR end_segment_id IN ({marks})) ORDER BY id", ids + ids)
        return [_suggestion(r) for r in rows]

    # -- helpers ------------------------------------------------------------------------------------------

    def _pending(self, suggestion_id: int) -> Suggestion:
        s = self.get(suggestion_id)
        if s.state != "pending":
            if s.state == "accepted":  # one sentence per state, so each is worded whole
                raise StudyError("Suggestion {id} was already accepted.", id=s.id)
            raise StudyError("Suggestion {id} was already rejected.", id=s.id)
        return s

    def _current_span(self, s: Suggestion) -> tuple[int, int]:
        if s.start_segment_id != s.end_segment_id:
            return s.start_offset, s.end_offset  # an adjusted span across segments: taken as given
        text = self.study.transcripts.place(s.start_segment_id).text
        if text[s.start_offset:s.end_offset] == s.quote:
            return s.start_offset, s.end_offset
        found = anchor(text, s.quote)
        if found is None:
            raise StudyError("The text under suggestion {id} was changed since; adjust its span or reject it.",
                             id=s.id)
        return found[0], found[1]
