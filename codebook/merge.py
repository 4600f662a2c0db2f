"""Bring a colleague's coding of the same interviews into this study.

``theirs`` is another study folder, a study archive (a ``.zip`` holding a study
folder, e.g. ``NAME.mosahebeh.zip``) or a REFI-QDA project (``.qdpx``, read
into a temporary study first). Nothing of theirs is changed.

* **Interviews** are matched by the content of their audio (SHA-256 of the
  file) or, failing that, by identical transcript text (white space folded, so
  a different cut into segments still matches). Their interviews with no match
  are left out (listed in the preview).
* **Codes** are matched by GUID (the REFI-QDA GUID, which derives from the
  study's own GUID: a copy of a study keeps it; in two folders the code must
  also carry the same creation time, so that codes made apart after copying
  are not taken for one), then by name within the same category (a category:
  by name at the same level). Codes of theirs with no match are added, under
  the matched parent. Codes of mine are never renamed, moved or removed.
* **Codings** on matched interviews come in under their coder's name (a coding
  with no coder gets ``their_coder``: by default their study's name), mapped by
  position in the interview's text; where the texts differ the position is
  carried through a diff and, if the coded text is not the same, the coding is
  flagged for review. A coding identical to one already here (same code,
  span and coder) is not added twice. Codings of mine are never changed.

:func:`plan` says what would happen (the ``--dry-run`` preview);
:func:`apply` does it in one transaction (all or nothing) and returns what it
added, which :func:`undo` deletes again.
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from codebook.errors import StudyError
from codebook.merge_sources import open_theirs
from codebook.models import Code, Coding
from codebook.remap import map_offset
from codebook.worded import WordedText
from transcribe.normalize import canonical

if TYPE_CHECKING:
    from codebook.study import Study


@dataclass(frozen=True)
class InterviewMatch:
    theirs_id: int
    label: str
    mine_id: int | None
    how: str  # 'audio', 'text' or '' (left out)
    codings: int  # their codings on it


@dataclass(frozen=True)
class CodeMatch:
    theirs_id: int
    name: str
    category: str
    kind: str
    mine_id: int | None  # None: added
    how: str  # 'guid', 'name' or 'new'
    mine_name: str = ""


@dataclass(frozen=True)
class NewCoding:
    theirs_id: int
    interview_id: int  # mine
    code_theirs_id: int
    start: tuple[int, int]  # (my segment id, offset)
    end: tuple[int, int]
    coder: str
    memo: str
    flagged: bool


@dataclass
class MergePlan:
    source: str
    interviews: list[InterviewMatch]
    codes: list[CodeMatch]
    codings: list[NewCoding]
    already: int  # their codings identical to one here
    left: int  # their codings on interviews left out
    coders: dict[str, int] = field(default_factory=dict)  # coder -> codings to add

    @property
    def matched_interviews(self) -> list[InterviewMatch]:
        return [m for m in self.interviews if m.mine_id is not None]

    @property
    def added_codes(self) -> list[CodeMatch]:
        return [c for c in self.codes if c.mine_id is None]

    def to_json(self) -> dict:
        return {"source": self.source,
                "interviews": [{"theirs": m.label, "mine": m.mine_id, "how": m.how or None, "codings": m.codings}
                               for m in self.interviews],
                "codes": {"matched": [{"name": c.name, "mine": c.mine_name, "how": c.how}
                                      for c in self.codes if c.mine_id is not None],
                          "added": [{"name": c.name, "category": c.category, "kind": c.kind}
                                    for c in self.added_codes]},
                "codings": {"added": len(self.codings), "flagged": sum(c.flagged for c in self.codings),
                            "already_here": self.already, "left": self.left, "by_coder": self.coders}}

    def summary(self) -> str:
        """The preview, in plain English lines (the app words its own)."""
        lines = [f"Merge from {self.source}:"]
        m = self.matched_interviews
        lines.append(f"  interviews matched: {len(m)} of {len(self.interviews)}")
        for x in self.interviews:
            where = f"interview {x.mine_id} (by {x.how})" if x.mine_id is not None else "LEFT OUT: no match"
            lines.append(f"    {x.label}: {where}, {x.codings} codings")
        matched = [c for c in self.codes if c.mine_id is not None]
        lines.append(f"  codes matched: {len(matched)} "
                     f"({sum(c.how == 'guid' for c in matched)} by GUID, {sum(c.how == 'name' for c in matched)} "
                     f"by name); codes added: {len(self.added_codes)}")
        for c in matched:
            if c.name != c.mine_name:
                lines.append(f"    {c.name} -> {c.mine_name} (by {c.how})")
        for c in self.added_codes:
            lines.append(f"    + {c.name}" + (f" (in {c.category})" if c.category else ""))
        lines.append(f"  codings added: {len(self.codings)}"
                     + "".join(f"; {n} by {name}" for name, n in self.coders.items())
                     + f"; already here: {self.already}; left out: {self.left}"
                     + (f"; flagged for review: {sum(c.flagged for c in self.codings)}"
                        if any(c.flagged for c in self.codings) else ""))
        return "\n".join(lines) + "\n"


@dataclass
class MergeResult:
    """What :func:`apply` added (kept for :func:`undo` and for redo after an undo)."""
    codes: list[Code]
    codings: list[Coding]


# -- matching --------------------------------------------------------------------------------

def audio_hash(study: Study, interview_id: int) -> str | None:
    path = study.interviews.audio_file(interview_id)
    if path is None or not path.is_file():
        return None
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _folded(text: str) -> str:
    return re.sub(r"\s+", " ", canonical(text)).strip()


def _match_interviews(mine: Study, theirs: Study) -> list[InterviewMatch]:
    my_ivs = mine.interviews.list()
    my_audio: dict[str, int] = {}
    for iv in my_ivs:
        h = audio_hash(mine, iv.id)
        if h:
            my_audio.setdefault(h, iv.id)
    my_text: dict[str, int] = {}
    for iv in my_ivs:
        t = _folded(mine.transcripts.text(iv.id))
        if t:
            my_text.setdefault(t, iv.id)
    counts = dict(theirs.db.execute("SELECT interview_id, COUNT(*) FROM codings GROUP BY interview_id").fetchall())
    out, taken = [], set()
    for iv in theirs.interviews.list():
        label = theirs.interviews.label(iv)
        h = audio_hash(theirs, iv.id)
        mid, how = (my_audio.get(h), "audio") if h else (None, "")
        if mid is None or mid in taken:
            t = _folded(theirs.transcripts.text(iv.id))
            mid, how = (my_text.get(t), "text") if t else (None, "")
        if mid is None or mid in taken:
            mid, how = None, ""
        else:
            taken.add(mid)
        out.append(InterviewMatch(iv.id, label, mid, how, counts.get(iv.id, 0)))
    return out


def _match_codes(mine: Study, theirs: Study, guids: dict[int, str], same_origin: bool,
                 shared: set[tuple[int, int]], coded: tuple[set[int], set[int]]) -> list[CodeMatch]:
    """``shared``: (their code, my code) pairs with a coding on the very same span; ``coded``: the
    codes (theirs, mine) with any coding on the matched interviews."""
    my_codes = mine.codes.list()
    my_by_guid = {mine.record_guid("code", c.id): c for c in my_codes}

    def category(study, code) -> str:
        cat = study.codes.category_of(code.id)
        return cat.name if cat else ""

    out: list[CodeMatch] = []
    mapped: dict[int, int] = {}  # their id -> my id
    used: set[int] = set()
    for c in theirs.codes.list():  # depth first: parents before children
        cat = category(theirs, c)
        mine_code, how = None, ""
        g = guids.get(c.id)
        cand = my_by_guid.get(g) if g else None
        # A GUID derives from the study's GUID and the record's id, and SQLite may give a
        # deleted code's id to the next one made: under another name, the same GUID counts
        # only where the two codes share a coded span (or neither is used).
        same_code = cand is not None and (cand.name == c.name or (c.id, cand.id) in shared or (
            c.id not in coded[0] and cand.id not in coded[1]))
        if cand is not None and cand.kind == c.kind and cand.id not in used and same_code and (
                not same_origin or cand.created == c.created):
            mine_code, how = cand, "guid"
        if mine_code is None:
            for m in my_codes:
                if m.id in used or m.kind != c.kind or m.name != c.name:
                    continue
                if c.kind == "category":
                    parent_ok = (mapped.get(c.parent_id) == m.parent_id) if c.parent_id is not None \
                        else m.parent_id is None
                    if parent_ok:
                        mine_code, how = m, "name"
                        break
                elif category(mine, m) == cat:
                    mine_code, how = m, "name"
                    break
        if mine_code is not None:
            used.add(mine_code.id)
            mapped[c.id] = mine_code.id
            out.append(CodeMatch(c.id, c.name, cat, c.kind, mine_code.id, how, mine_code.name))
        else:
            out.append(CodeMatch(c.id, c.name, cat, c.kind, None, "new"))
    return out


def _layout(study: Study, interview_id: int) -> tuple[list, list[int]]:
    segs = study.transcripts.segments(interview_id)
    starts, pos = [], 0
    for s in segs:
        starts.append(pos)
        pos += len(s.text) + 1
    return segs, starts


def _to_segment(segs, starts, pos: int, side: str) -> tuple[int, int]:
    """(segment id, offset) of a position in the joined text; a position on a line
    break belongs to the end of the segment before (an end) or the start of the next (a start)."""
    for i in range(len(segs) - 1, -1, -1):
        if starts[i] <= pos:
            off = pos - starts[i]
            if off > len(segs[i].text):  # on the LF after the segment
                if side == "start" and i + 1 < len(segs):
                    return segs[i + 1].id, 0
                off = len(segs[i].text)
            if side == "end" and off == 0 and i > 0:
                return segs[i - 1].id, len(segs[i - 1].text)
            return segs[i].id, off
    return segs[0].id, 0


def plan(mine: Study, theirs: Study, guids: dict[int, str] | None = None, *, same_origin: bool = True,
         their_coder: str | None = None, source: str = "") -> MergePlan:
    """What merging ``theirs`` into ``mine`` would add, match and leave (nothing is written)."""
    if guids is None:
        guids = {c.id: theirs.record_guid("code", c.id) for c in theirs.codes.list()}
    if mine.guid == theirs.guid and mine.folder.resolve() == theirs.folder.resolve():
        raise StudyError("A study cannot be merged into itself.")
    their_coder = (their_coder or theirs.name or "").strip() or "?"
    interviews = _match_interviews(mine, theirs)
    # Their codings placed in my text: (interview, their coding, start, end, flagged), and my spans.
    placed, left = [], 0
    layouts = {}
    mine_spans: dict[tuple[int, int, int], set[int]] = {}
    for m in interviews:
        if m.mine_id is None:
            left += m.codings
            continue
        tsegs, tstarts = _layout(theirs, m.theirs_id)
        msegs, mstarts = layouts[m.mine_id] = _layout(mine, m.mine_id)
        ttext = "\n".join(s.text for s in tsegs)
        mtext = "\n".join(s.text for s in msegs)
        tpos = {s.id: st for s, st in zip(tsegs, tstarts)}
        mpos = {s.id: st for s, st in zip(msegs, mstarts)}
        for c in mine.codings.list(interview_id=m.mine_id):
            key = (m.mine_id, mpos[c.start_segment_id] + c.start_offset, mpos[c.end_segment_id] + c.end_offset)
            mine_spans.setdefault(key, set()).add(c.code_id)
        for c in theirs.codings.list(interview_id=m.theirs_id):
            a = tpos[c.start_segment_id] + c.start_offset
            b = tpos[c.end_segment_id] + c.end_offset
            a2, b2 = map_offset(ttext, mtext, a, side="start"), map_offset(ttext, mtext, b, side="end")
            if b2 <= a2:
                left += 1
                continue
            placed.append((m.mine_id, c, a2, b2, c.flagged or _folded(ttext[a:b]) != _folded(mtext[a2:b2])))
    shared = {(c.code_id, mine_code) for iid, c, a, b, _ in placed for mine_code in mine_spans.get((iid, a, b), ())}
    coded = ({c.code_id for _, c, *_ in placed}, {k for ks in mine_spans.values() for k in ks})
    codes = _match_codes(mine, theirs, guids, same_origin, shared, coded)
    code_map = {c.theirs_id: c.mine_id for c in codes}
    new: list[NewCoding] = []
    already = 0
    coders: dict[str, int] = {}
    existing = {(c.code_id, c.start_segment_id, c.start_offset, c.end_segment_id, c.end_offset, c.coder)
                for iid in layouts for c in mine.codings.list(interview_id=iid)}
    for iid, c, a2, b2, flagged in placed:
        msegs, mstarts = layouts[iid]
        start = _to_segment(msegs, mstarts, a2, "start")
        end = _to_segment(msegs, mstarts, b2, "end")
        coder = c.coder or their_coder
        mine_code = code_map.get(c.code_id)
        if mine_code is not None and (mine_code, *start, *end, coder) in existing:
            already += 1
            continue
        new.append(NewCoding(c.id, iid, c.code_id, start, end, coder, c.memo, flagged))
        coders[coder] = coders.get(coder, 0) + 1
    return MergePlan(source or theirs.name, interviews, codes, new, already, left, coders)


# -- applying and undoing ----------------------------------------------------------------------

def apply(mine: Study, theirs: Study, merge_plan: MergePlan) -> MergeResult:
    """Add what ``merge_plan`` says, in one transaction: all of it or, on any error, nothing.

    Under the study's write lock, and checked again inside the transaction: a code or a
    coding that another merge added since the plan was made is not added a second time."""
    from codebook.locking import write_lock

    added_codes: list[Code] = []
    added_codings: list[Coding] = []
    with write_lock(mine.folder, WordedText("merge")), mine.atomic():
        ids = {c.theirs_id: c.mine_id for c in merge_plan.codes}
        for c in merge_plan.codes:
            if c.mine_id is not None:
                continue
            t = theirs.codes.get(c.theirs_id)
            parent = ids.get(t.parent_id) if t.parent_id is not None else None
            there = mine.db.execute("SELECT id FROM codes WHERE name = ? AND parent_id IS ? AND kind = ?",
                                    [t.name, parent, t.kind]).fetchone()
            if there is not None:  # added meanwhile (by another merge)
                ids[c.theirs_id] = there[0]
                continue
            made = mine.codes.add(t.name, parent, kind=t.kind, description=t.description, color=t.color)
            ids[c.theirs_id] = made.id
            added_codes.append(made)
        for n in merge_plan.codings:
            code_id = ids[n.code_theirs_id]
            assert code_id is not None  # every code of the plan was matched or added above
            if mine.db.execute(
                    "SELECT 1 FROM codings WHERE code_id = ? AND start_segment_id = ? AND start_offset = ? "
                    "AND end_segment_id IS ? AND end_offset IS ? AND coder = ?",
                    [code_id, n.start[0], n.start[1], n.end[0], n.end[1], n.coder]).fetchone():
                continue  # added meanwhile
            coding = mine.codings.add(code_id, n.start[0], n.start[1], n.end[0], n.end[1],
                                      memo=n.memo, coder=n.coder)
            if n.flagged:
                mine.codings.set_flagged(coding.id, True)
                coding = mine.codings.get(coding.id)
            added_codings.append(coding)
    return MergeResult(added_codes, added_codings)


def undo(mine: Study, result: MergeResult) -> None:
    """Delete what a merge added (its codings, then its codes), in one transaction."""
    with mine.atomic():
        for c in result.codings:
            mine.codings.remove(c.id)
        for code in reversed(result.codes):
            mine.codes.remove(code.id)


def redo(mine: Study, result: MergeResult) -> None:
    """Put back what :func:`undo` took away, exactly (same ids)."""
    with mine.atomic():
        mine.codes.restore(result.codes)
        mine.codings.restore(result.codings)


def merge(mine: Study, path: str | os.PathLike, *, dry_run: bool = False,
          their_coder: str | None = None) -> tuple[MergePlan, MergeResult | None]:
    """Plan (and unless ``dry_run``, apply) the merge of the work at ``path`` into ``mine``.

    The study's write lock is held from the plan to the last coding written (a second merge
    waits, then finds what the first added "already here"; two merges at once added every
    coding twice)."""
    import contextlib

    from codebook.locking import write_lock

    with write_lock(mine.folder, WordedText("merge")) if not dry_run else contextlib.nullcontext(), \
            open_theirs(path, mine.folder) as (theirs, guids, same_origin):
        p = plan(mine, theirs, guids, same_origin=same_origin, their_coder=their_coder, source=Path(path).name)
        if not p.matched_interviews:
            raise StudyError("None of the interviews in {name} matches one here (by audio or by transcript text); "
                             "nothing was merged.", name=Path(path).name)
        if dry_run:
            return p, None
        return p, apply(mine, theirs, p)
