"""The smaller records of a study: memos, the interview guide, marks in the audio, the glossary."""
from __future__ import annotations

import builtins

from codebook.dates import now
from codebook.errors import StudyError
from codebook.models import GlossaryTerm, GuideQuestion, Mark, Memo
from codebook.repository import Repository
from codebook.worded import WordedList
from transcribe.normalize import canonical

MEMO_TARGETS = ("study", "participant", "interview", "code")


class Memos(Repository):
    table = "memos"

    def add(self, text: str, *, title: str = "", target_kind: str = "study", target_id: int | None = None) -> Memo:
        if target_kind not in MEMO_TARGETS:
            raise StudyError("A memo can be on {items}, not {target_kind!r}.", items=WordedList(MEMO_TARGETS), target_kind=target_kind)
        stamp = now()
        mid = self._insert({"target_kind": target_kind, "target_id": target_id, "title": canonical(title).strip(),
                            "text": canonical(text), "created": stamp, "updated": stamp})
        return self.get(mid)

    def get(self, memo_id: int) -> Memo:
        return Memo(**self._need(memo_id))

    def list(self, target_kind: str | None = None, target_id: int | None = None) -> builtins.list[Memo]:
        sql, params = "SELECT * FROM memos WHERE 1", []
        if target_kind is not None:
            sql += " AND target_kind = ? AND target_id IS ?"
            params += [target_kind, target_id]
        return [Memo(**r) for r in self._rows(sql + " ORDER BY id", params)]

    def update(self, memo_id: int, *, text: str | None = None, title: str | None = None) -> Memo:
        values = {"updated": now()}
        if text is not None:
            values["text"] = canonical(text)
        if title is not None:
            values["title"] = canonical(title).strip()
        self._need(memo_id)
        self._update(memo_id, values)
        return self.get(memo_id)


class Guide(Repository):
    """The interview guide: main questions and, under each, planned follow-ups."""
    table = "guide_questions"

    def add(self, text: str, parent_id: int | None = None) -> GuideQuestion:
        text = canonical(text).strip()
        if not text:
            raise StudyError("A question needs text.")
        if parent_id is not None:
            self._need(parent_id)
        position = self.db.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM guide_questions WHERE parent_id IS ?",
                                   [parent_id]).fetchone()[0]
        qid = self._insert({"parent_id": parent_id, "text": text, "position": position, "created": now()})
        return self.get(qid)

    def get(self, question_id: int) -> GuideQuestion:
        return GuideQuestion(**self._need(question_id))

    def list(self) -> builtins.list[GuideQuestion]:
        """Main questions in order, each followed by its follow-ups."""
        rows = [GuideQuestion(**r) for r in self._rows("SELECT * FROM guide_questions ORDER BY position, id")]
        out = []
        for q in (r for r in rows if r.parent_id is None):
            out.append(q)
            out.extend(r for r in rows if r.parent_id == q.id)
        return out

    def update(self, question_id: int, text: str) -> GuideQuestion:
        self._need(question_id)
        if not canonical(text).strip():
            raise StudyError("A question needs text.")
        self._update(question_id, {"text": canonical(text).strip()})
        return self.get(question_id)

    def move(self, question_id: int, position: int) -> None:
        q = self.get(question_id)
        ids = [r["id"] for r in self._rows("SELECT id FROM guide_questions WHERE parent_id IS ? AND id != ? "
                                           "ORDER BY position, id", [q.parent_id, question_id])]
        ids.insert(max(0, min(position, len(ids))), question_id)
        with self.db.atomic():
            for i, qid in enumerate(ids):
                self._update(qid, {"position": i})

    def snapshot(self, question_id: int) -> dict:
        """Everything deleting this question removes: its row, its follow-ups', and the marks naming them
        (for an undo: :meth:`restore`)."""
        rows = self.db.execute("SELECT id, parent_id, text, position, created FROM guide_questions "
                               "WHERE id = ? OR parent_id = ? ORDER BY parent_id IS NOT NULL, id",
                               [question_id, question_id]).fetchall()
        return {"questions": [list(r) for r in rows], "marks": self.study.marks.naming([r[0] for r in rows])}

    def restore(self, snapshot: dict) -> None:
        """Put back what :meth:`snapshot` saw, with the same ids."""
        with self.db.atomic():
            for qid, parent, text, position, created in snapshot["questions"]:
                self._insert({"id": qid, "parent_id": parent, "text": text, "position": position,
                              "created": created})
            for mid, qid in snapshot["marks"]:
                self.study.marks.name_question(mid, qid)


class Marks(Repository):
    """Moments in an interview's audio: bookmarks, and when each guide question was asked."""
    table = "marks"

    def add(self, interview_id: int, at_ms: int, *, kind: str = "mark", label: str = "",
            question_id: int | None = None) -> Mark:
        if kind not in ("mark", "question"):
            raise StudyError("Unknown mark kind {kind!r}.", kind=kind)
        if kind == "question":
            if question_id is None:
                raise StudyError("A question mark needs the question.")
            label = label or self.study.guide.get(question_id).text
        self.study.interviews.get(interview_id)
        mid = self._insert({"interview_id": interview_id, "at_ms": int(at_ms), "kind": kind,
                            "label": canonical(label), "question_id": question_id, "created": now()})
        return self.get(mid)

    def get(self, mark_id: int) -> Mark:
        return Mark(**self._need(mark_id))

    def list(self, interview_id: int, kind: str | None = None) -> builtins.list[Mark]:
        sql = "SELECT * FROM marks WHERE interview_id = ?"
        params: builtins.list[object] = [interview_id]
        if kind:
            sql += " AND kind = ?"
            params.append(kind)
        return [Mark(**r) for r in self._rows(sql + " ORDER BY at_ms, id", params)]

    def naming(self, question_ids: builtins.list[int]) -> builtins.list[builtins.list[int]]:
        """[mark id, question id] of the marks that name any of these guide questions."""
        if not question_ids:
            return []
        marks = ",".join("?" * len(question_ids))
        return [list(r) for r in self.db.execute(
            f"SELECT id, question_id FROM marks WHERE question_id IN ({marks})", question_ids).fetchall()]

    def name_question(self, mark_id: int, question_id: int) -> None:
        """Make a mark say when guide question ``question_id`` was asked."""
        self._update(mark_id, {"question_id": question_id, "kind": "question"})

    def answers(self, question_id: int) -> builtins.list[tuple[int, int, int | None]]:
        """Where each interview answers a guide question: (interview_id, from_ms, to_ms),
        to_ms being the next question mark in that interview (None: to the end)."""
        out = []
        for r in self._rows("SELECT interview_id, at_ms FROM marks WHERE kind = 'question' AND question_id = ? "
                            "ORDER BY interview_id, at_ms", [question_id]):
            nxt = self.db.execute("SELECT MIN(at_ms) FROM marks WHERE kind = 'question' AND interview_id = ? "
                                  "AND at_ms > ?", [r["interview_id"], r["at_ms"]]).fetchone()[0]
            out.append((r["interview_id"], r["at_ms"], nxt))
        return out


class Glossary(Repository):
    """Names and terms of the study: Whisper hotwords, and with a replacement,
    what pseudonymisation replaces on export."""
    table = "glossary"

    def add(self, term: str, replacement: str | None = None, note: str = "") -> GlossaryTerm:
        term = canonical(term).strip()
        if not term:
            raise StudyError("A glossary term needs text.")
        self.db.execute("INSERT INTO glossary(term, replacement, note) VALUES (?, ?, ?) ON CONFLICT(term) DO UPDATE "
                        "SET replacement = excluded.replacement, note = excluded.note",
                        [term, canonical(replacement).strip() if replacement else None, canonical(note)])
        row = self._row("SELECT * FROM glossary WHERE term = ?", [term])
        assert row is not None  # written just above
        return GlossaryTerm(**row)

    def list(self) -> builtins.list[GlossaryTerm]:
        return [GlossaryTerm(**r) for r in self._rows("SELECT * FROM glossary ORDER BY term")]

    def terms(self) -> builtins.list[str]:
        return [g.term for g in self.list()]

    def replacements(self) -> dict[str, str]:
        return {g.term: g.replacement for g in self.list() if g.replacement}
