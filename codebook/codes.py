"""The codebook (a tree of categories and codes) and the codings that apply it to transcript text."""
from __future__ import annotations

import builtins
import dataclasses
from types import EllipsisType

from codebook.dates import now
from codebook.errors import StudyError
from codebook.models import Code, Coding
from codebook.remap import map_span
from codebook.repository import Repository
from codebook.worded import WordedList
from transcribe.normalize import canonical

PALETTE = ("#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6",
           "#9a6324", "#469990", "#800000", "#808000", "#000075", "#bfef45", "#fabed4")


class Codes(Repository):
    table = "codes"

    def add(self, name: str, parent_id: int | None = None, *, kind: str = "code", description: str = "",
            color: str | None = None) -> Code:
        name = canonical(name).strip()
        if not name:
            raise StudyError("A code needs a name.")
        if kind not in ("code", "category"):
            raise StudyError("Unknown code kind {kind!r}.", kind=kind)
        if parent_id is not None:
            self._need(parent_id)
        count = self.db.execute("SELECT COUNT(*) FROM codes").fetchone()[0]
        position = self.db.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM codes WHERE parent_id IS ?",
                                   [parent_id]).fetchone()[0]
        cid = self._insert({"parent_id": parent_id, "kind": kind, "name": name,
                            "description": canonical(description), "color": color or PALETTE[count % len(PALETTE)],
                            "position": position, "created": now()})
        return self.get(cid)

    def add_category(self, name: str, **kw) -> Code:
        return self.add(name, kind="category", **kw)

    def get(self, code_id: int) -> Code:
        return Code(**self._need(code_id))

    def list(self) -> builtins.list[Code]:
        """Every code and category, depth first in tree order."""
        rows = self._rows("SELECT * FROM codes ORDER BY position, id")
        children: dict[int | None, list[dict]] = {}
        for r in rows:
            children.setdefault(r["parent_id"], []).append(r)
        out: list[Code] = []

        def walk(parent):
            for r in children.get(parent, []):
                out.append(Code(**r))
                walk(r["id"])
        walk(None)
        return out

    def children(self, parent_id: int | None) -> builtins.list[Code]:
        return [Code(**r) for r in self._rows("SELECT * FROM codes WHERE parent_id IS ? ORDER BY position, id",
                                             [parent_id])]

    def descendants(self, code_id: int) -> builtins.list[Code]:
        out = []
        for c in self.children(code_id):
            out.append(c)
            out.extend(self.descendants(c.id))
        return out

    def category_of(self, code_id: int) -> Code | None:
        """The nearest ancestor that is a category (the code's category in frequency tables)."""
        code = self.get(code_id)
        while code.parent_id is not None:
            code = self.get(code.parent_id)
            if code.kind == "category":
                return code
        return None

    def by_name(self, name: str, parent_id: int | None | EllipsisType = ...) -> Code | None:
        sql = "SELECT * FROM codes WHERE name = ?"
        params: builtins.list[object] = [canonical(name).strip()]
        if parent_id is not ...:
            sql += " AND parent_id IS ?"
            params.append(parent_id)
        row = self._row(sql + " ORDER BY id", params)
        return Code(**row) if row else None

    def path(self, code_id: int) -> str:
        """The code's place in the tree as the command line writes it: ``CATEGORY/CODE``."""
        names = []
        current: int | None = code_id
        while current is not None:
            code = self.get(current)
            names.append(code.name)
            current = code.parent_id
        return "/".join(reversed(names))

    def by_path(self, path: str) -> Code:
        """The code ``CATEGORY/CODE`` (or a bare ``CODE``, as :meth:`at_path` reads it); never made."""
        return self.at_path(path, make=False)[0]

    def at_path(self, path: str, *, make: bool = True) -> tuple[Code, tuple[Code, ...]]:
        """The code ``CATEGORY/CODE`` (any depth; the last name is the code), made with its
        categories where missing; returns it and what was made. A bare ``CODE`` is the one code
        of that name anywhere in the tree, else a new code at the top."""
        parts = [canonical(p).strip() for p in path.split("/")]
        if not all(parts):
            raise StudyError("“{path}” is not a code: write CATEGORY/CODE, or CODE.", path=path)
        if len(parts) == 1:
            named = [c for c in self.list() if c.name == parts[0] and c.kind == "code"]
            if len(named) > 1:
                raise StudyError("Several codes are named “{name}” ({paths}): write CATEGORY/CODE.",
                                 name=parts[0], paths=WordedList(self.path(c.id) for c in named))
            if named:
                return named[0], ()
        made: list[Code] = []
        parent: int | None = None
        with self.db.atomic():
            for i, name in enumerate(parts):
                found = self.by_name(name, parent)
                if found is None and not make:
                    raise StudyError("The codebook has no code “{path}”.", path="/".join(parts))
                if found is None:
                    found = self.add(name, parent, kind="code" if i == len(parts) - 1 else "category")
                    made.append(found)
                code, parent = found, found.id
        return code, tuple(made)

    def update(self, code_id: int, *, name: str | None = None, description: str | None = None,
               color: str | None = None, kind: str | None = None) -> Code:
        values: dict = {}
        if name is not None:
            if not canonical(name).strip():
                raise StudyError("A code needs a name.")
            values["name"] = canonical(name).strip()
        if description is not None:
            values["description"] = canonical(description)
        if color is not None:
            values["color"] = color
        if kind is not None:
            values["kind"] = kind
        self._need(code_id)
        self._update(code_id, values)
        return self.get(code_id)

    def move(self, code_id: int, parent_id: int | None, position: int | None = None) -> Code:
        """Move a code under ``parent_id`` (None: top level) at ``position`` among its siblings."""
        if parent_id is not None and (parent_id == code_id or parent_id in {d.id for d in self.descendants(code_id)}):
            raise StudyError("A code cannot be moved under itself.")
        siblings = [c.id for c in self.children(parent_id) if c.id != code_id]
        position = len(siblings) if position is None else max(0, min(position, len(siblings)))
        siblings.insert(position, code_id)
        with self.db.atomic():
            self._update(code_id, {"parent_id": parent_id})
            for i, cid in enumerate(siblings):
                self._update(cid, {"position": i})
        return self.get(code_id)

    def merge(self, source_id: int, target_id: int) -> int:
        """Merge ``source`` into ``target``: its codings and children move to the
        target, then it is removed. Returns how many codings moved."""
        if source_id == target_id:
            raise StudyError("A code cannot be merged with itself.")
        self._need(source_id)
        self._need(target_id)
        with self.db.atomic():
            moved = self.study.codings.recode(source_id, target_id)
            self.db.execute("UPDATE codes SET parent_id = ? WHERE parent_id = ?", [target_id, source_id])
            self.db.execute("DELETE FROM codes WHERE id = ?", [source_id])
        return moved

    def coding_count(self, code_id: int, *, recursive: bool = False) -> int:
        ids = [code_id] + ([d.id for d in self.descendants(code_id)] if recursive else [])
        marks = ",".join("?" for _ in ids)
        return self.db.execute(f"SELECT COUNT(*) FROM codings WHERE code_id IN ({marks})", ids).fetchone()[0]

    def coding_counts(self, coder: str | None = None) -> dict[int, int]:
        """How many codings each code holds (codes without codings are left out); only
        ``coder``'s codings when one is named."""
        if coder is not None:
            return dict(self.db.execute("SELECT code_id, COUNT(*) FROM codings WHERE coder = ? GROUP BY code_id",
                                        [coder]).fetchall())
        return dict(self.db.execute("SELECT code_id, COUNT(*) FROM codings GROUP BY code_id").fetchall())

    def restore(self, codes: builtins.list[Code]) -> None:
        """Put codes back exactly as they were (undo of a delete or merge)."""
        with self.db.atomic():
            for c in codes:
                self.db.execute("INSERT OR REPLACE INTO codes(id, parent_id, kind, name, description, color, position,"
                                " created) VALUES (?,?,?,?,?,?,?,?)", list(dataclasses.astuple(c)))


class Codings(Repository):
    table = "codings"

    def add(self, code_id: int, start_segment_id: int, start_offset: int, end_segment_id: int | None = None,
            end_offset: int | None = None, *, memo: str = "", coder: str = "") -> Coding:
        """Code a span from (start segment, offset) to (end segment, offset); the end
        defaults to the start segment. Offsets are code points into segment text."""
        ts = self.study.transcripts
        start = ts.place(start_segment_id)  # without its word timings: only where it stands and its text
        end = ts.place(end_segment_id) if end_segment_id not in (None, start_segment_id) else start
        end_offset = len(end.text) if end_offset is None else end_offset
        if start.interview_id != end.interview_id:
            raise StudyError("A coding must stay within one interview.")
        # Transcript order is (start_ms, id): compared directly, the interview's other segments are never read.
        if (start.start_ms, start.id, start_offset) >= (end.start_ms, end.id, end_offset):
            raise StudyError("Select some text to code.")
        if not (0 <= start_offset <= len(start.text) and 0 <= end_offset <= len(end.text)):
            raise StudyError("The selection lies outside the segment text.")
        code = self.study.codes.get(code_id)
        if code.kind == "category":
            raise StudyError("{code_file!r} is a category; apply one of its codes.", code_file=code.name)
        cid = self._insert({"interview_id": start.interview_id, "code_id": code_id,
                            "start_segment_id": start.id, "start_offset": start_offset,
                            "end_segment_id": end.id, "end_offset": end_offset, "memo": canonical(memo),
                            "coder": coder, "flagged": 0, "created": now()})
        return self.get(cid)

    def get(self, coding_id: int) -> Coding:
        row = self._need(coding_id)
        return Coding(**{**row, "flagged": bool(row["flagged"])})

    def list(self, *, interview_id: int | None = None, code_id: int | None = None) -> builtins.list[Coding]:
        sql, params = "SELECT c.* FROM codings c JOIN segments s ON s.id = c.start_segment_id WHERE 1", []
        if interview_id is not None:
            sql += " AND c.interview_id = ?"
            params.append(interview_id)
        if code_id is not None:
            sql += " AND c.code_id = ?"
            params.append(code_id)
        rows = self._rows(sql + " ORDER BY c.interview_id, s.start_ms, s.id, c.start_offset, c.id", params)
        return [Coding(**{**r, "flagged": bool(r["flagged"])}) for r in rows]

    def of_codes(self, code_ids: builtins.list[int]) -> builtins.list[tuple[Coding, int]]:
        """The codings of some codes, each with the start time of the segment it starts in
        (read through the codings-by-code index)."""
        if not code_ids:
            return []
        marks = ",".join("?" for _ in code_ids)
        rows = self._rows(f"SELECT c.*, s.start_ms AS at_ms FROM codings c JOIN segments s ON s.id = c.start_segment_id "
                          f"WHERE c.code_id IN ({marks})", list(code_ids))
        return [(Coding(**{**{k: v for k, v in r.items() if k != "at_ms"}, "flagged": bool(r["flagged"])}), r["at_ms"])
                for r in rows]

    def count_of_codes(self, code_ids: builtins.list[int], coder: str | None = None) -> tuple[int, int]:
        """(codings, interviews) of some codes, counted through the index; only ``coder``'s when named."""
        if not code_ids:
            return 0, 0
        marks = ",".join("?" for _ in code_ids)
        by = " AND coder = ?" if coder is not None else ""
        row = self.db.execute(f"SELECT COUNT(*), COUNT(DISTINCT interview_id) FROM codings WHERE code_id IN ({marks})"
                              + by, list(code_ids) + ([coder] if coder is not None else [])).fetchone()
        return row[0], row[1]

    def touching(self, segment_id: int) -> builtins.list[Coding]:
        """Codings that start or end in a segment."""
        rows = self._rows("SELECT * FROM codings WHERE start_segment_id = ? OR end_segment_id = ? ORDER BY id",
                          [segment_id, segment_id])
        return [Coding(**{**r, "flagged": bool(r["flagged"])}) for r in rows]

    def covering(self, segment_id: int) -> builtins.list[Coding]:
        """Codings whose span includes any part of a segment (start, end, or a segment between)."""
        seg = self.study.transcripts.segment(segment_id)
        rows = self._rows(
            "SELECT c.* FROM codings c JOIN segments a ON a.id = c.start_segment_id "
            "JOIN segments b ON b.id = c.end_segment_id WHERE c.interview_id = ? "
            "AND (a.start_ms < :ms OR (a.start_ms = :ms AND a.id <= :id)) "
            "AND (b.start_ms > :ms OR (b.start_ms = :ms AND b.id >= :id)) "
            "ORDER BY a.start_ms, a.id, c.start_offset, c.id".replace("?", ":iv"),
            {"iv": seg.interview_id, "ms": seg.start_ms, "id": seg.id})
        return [Coding(**{**r, "flagged": bool(r["flagged"])}) for r in rows]

    def text(self, coding: Coding) -> str:
        """The coded text; parts in different segments are joined with LF."""
        texts = self.study.transcripts.texts_between(coding.start_segment_id, coding.end_segment_id)
        parts = []
        for i, t in enumerate(texts):
            a = coding.start_offset if i == 0 else 0
            b = coding.end_offset if i == len(texts) - 1 else len(t)
            parts.append(t[a:b])
        return "\n".join(parts)

    def set_memo(self, coding_id: int, memo: str) -> None:
        self._need(coding_id)
        self._update(coding_id, {"memo": canonical(memo)})

    def set_flagged(self, coding_id: int, flagged: bool) -> None:
        self._need(coding_id)
        self._update(coding_id, {"flagged": int(flagged)})

    def flagged(self) -> builtins.list[Coding]:
        return [c for c in self.list() if c.flagged]

    def restore(self, codings: builtins.list[Coding]) -> None:
        """Put codings back exactly as they were (for undo)."""
        with self.db.atomic():
            for c in codings:
                self.db.execute(
                    "INSERT OR REPLACE INTO codings(id, interview_id, code_id, start_segment_id, start_offset, "
                    "end_segment_id, end_offset, memo, coder, flagged, created) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                    [c.id, c.interview_id, c.code_id, c.start_segment_id, c.start_offset, c.end_segment_id,
                     c.end_offset, c.memo, c.coder, int(c.flagged), c.created])

    # -- kept in step with code merges and transcript edits (called by Codes and Transcripts) --

    def recode(self, source_code_id: int, target_code_id: int) -> int:
        """Move every coding of one code to another; returns how many moved."""
        return self.db.execute("UPDATE codings SET code_id = ? WHERE code_id = ?",
                               [target_code_id, source_code_id]).rowcount

    def rename_coder(self, old: str, new: str) -> int:
        """Put coder ``new`` on every coding stamped ``old``; returns how many."""
        return self.db.execute("UPDATE codings SET coder = ? WHERE coder = ?", [new, old]).rowcount

    def count_in(self, interview_id: int) -> int:
        """How many codings an interview holds."""
        return self.db.execute("SELECT COUNT(*) FROM codings WHERE interview_id = ?", [interview_id]).fetchone()[0]

    def remove_in(self, interview_id: int) -> None:
        """Delete every coding of an interview (its transcript is being replaced)."""
        self.db.execute("DELETE FROM codings WHERE interview_id = ?", [interview_id])

    def follow_edit(self, segment_id: int, old_text: str, new_text: str) -> builtins.list[Coding]:
        """Remap the codings touching a segment whose text changes from ``old_text``
        to ``new_text`` (through a diff, :func:`codebook.remap.map_span`). A coding
        whose text inside the segment was deleted entirely is kept, collapsed at
        its place, and flagged. Returns the codings as they were (for an undo)."""
        touched = self.touching(segment_id)
        rows = []
        for c in touched:
            s_in, e_in = c.start_segment_id == segment_id, c.end_segment_id == segment_id
            a = c.start_offset if s_in else 0
            b = c.end_offset if e_in else len(old_text)
            na, nb, lost = map_span(old_text, new_text, a, b)
            rows.append((c.id, na if s_in else c.start_offset, nb if e_in else c.end_offset,
                         1 if (lost and s_in and e_in) or c.flagged else 0))
        # One statement for all of them, however many coders coded the segment: an edit costs the
        # same in a study coded by one as by three (tests/scale).
        for i in range(0, len(rows), 1000):
            part = rows[i:i + 1000]
            values = ",".join("(?, ?, ?, ?)" for _ in part)
            self.db.execute(f"WITH v(id, s, e, f) AS (VALUES {values}) UPDATE codings SET "
                            "start_offset = (SELECT s FROM v WHERE v.id = codings.id), "
                            "end_offset = (SELECT e FROM v WHERE v.id = codings.id), "
                            "flagged = (SELECT f FROM v WHERE v.id = codings.id) "
                            "WHERE id IN (SELECT id FROM v)", [x for row in part for x in row])
        return touched

    def follow_split(self, left_id: int, right_id: int, cut: int, right_from: int, left_len: int) -> None:
        """Move codings after a segment split at ``cut``: the right part (from old offset
        ``right_from``) became segment ``right_id``; the left keeps ``left_len`` characters."""
        for edge in ("start", "end"):
            # Offsets at or past the cut move to the right segment; those in the dropped
            # white space land at its start (start edge) or the left's end (end edge).
            for c in self._rows(f"SELECT id, {edge}_offset AS o FROM codings WHERE {edge}_segment_id = ?", [left_id]):
                o = c["o"]
                if edge == "start" and o >= left_len:
                    self._update(c["id"], {"start_segment_id": right_id, "start_offset": max(0, o - right_from)})
                elif edge == "end" and o > cut:
                    if o <= right_from:
                        self._update(c["id"], {"end_offset": left_len})
                    else:
                        self._update(c["id"], {"end_segment_id": right_id, "end_offset": o - right_from})
                elif o > left_len:
                    self._update(c["id"], {f"{edge}_offset": left_len})

    def follow_merge(self, gone_id: int, into_id: int, shift: int) -> None:
        """Move codings of segment ``gone_id`` into ``into_id``, whose text now has ``shift``
        characters before the merged part."""
        self.db.execute("UPDATE codings SET start_segment_id = ?, start_offset = start_offset + ? "
                        "WHERE start_segment_id = ?", [into_id, shift, gone_id])
        self.db.execute("UPDATE codings SET end_segment_id = ?, end_offset = end_offset + ? "
                        "WHERE end_segment_id = ?", [into_id, shift, gone_id])
