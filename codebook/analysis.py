"""Counting what was coded: the tables an interview study reports.

Plain data structures that the app shows and the exporters write
(CSV/XLSX/DOCX) by calling these functions:

* :func:`incidence` -- which codes each interview used, in the order the
  interviews were held (the input of :mod:`codebook.saturation`);
* :func:`frequency_tables` -- per category, each code's count and its share of
  the category total, with a total row; counted by coded segments (codings)
  or by interviews that mention the code;
* :func:`code_matrix` -- codes x interviews;
* :func:`participants_table` -- combinations of participant attributes with
  how many participants have each; :func:`attribute_counts` -- each
  attribute's values with their counts.

Which interviews count: those with at least one transcript segment, in the
order :meth:`codebook.interviews.Interviews.list` holds them (date, then
creation). An interview with a transcript but no codings counts as one with
no codes; an interview without a transcript (planned, or not yet
transcribed) is left out. Only codes count, not categories.

For example (a sketch, not run as a doctest)::

    tables = frequency_tables(study, by="interviews")
    [(r.name, r.count, round(r.share, 2)) for r in tables[0].rows]
    # [('کمبود منابع', 3, 0.5), ...]
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from codebook.coders import coders
from codebook.errors import StudyError
from codebook.saturation import Saturation, assess

if TYPE_CHECKING:
    from codebook.study import Study

BY = ("segments", "interviews")
UNCATEGORISED = {"en": "Uncategorised", "fa": "بدون مقوله"}


# -- which interviews, which codes --------------------------------------------------------

@dataclass(frozen=True)
class InterviewRef:
    """An interview as tables name it."""
    id: int
    label: str  # title, else the participant's pseudonym, else #id
    pseudonym: str  # '' without a participant
    date: str | None


@dataclass(frozen=True)
class StudyIncidence:
    """Codes used per interview, interviews in the order held."""
    interviews: tuple[InterviewRef, ...]
    codes: tuple[frozenset[int], ...]  # code ids used in each interview

    @property
    def ids(self) -> list[int]:
        return [i.id for i in self.interviews]


def counted_interviews(study: Study) -> list[InterviewRef]:
    """Interviews with at least one segment, in the order they were held."""
    with_segments = set(study.transcripts.interviews_with_segments())
    pseudonyms = {p.id: p.pseudonym for p in study.participants.list()}
    out = []
    for iv in study.interviews.list():
        if iv.id in with_segments:
            pseudonym = pseudonyms.get(iv.participant_id, "") if iv.participant_id is not None else ""
            label = iv.title or pseudonym or f"#{iv.id}"
            out.append(InterviewRef(iv.id, label, pseudonym, iv.date))
    return out


# A coding that starts and ends in the interviewer's speech (issue #22: counting the participants' words only).
_ON_INTERVIEWER = ("(SELECT speaker FROM segments WHERE id = c.start_segment_id) = 'interviewer' AND "
                   "(SELECT speaker FROM segments WHERE id = c.end_segment_id) = 'interviewer'")


def _coding_counts(study: Study, coder: str | None = None,
                   without_interviewer: bool = False) -> dict[tuple[int, int], int]:
    """(interview id, code id) -> number of codings, for codes (not categories); only
    ``coder``'s codings when one is named; with ``without_interviewer``, not the codings that
    start and end in the interviewer's speech.

    Over all coders, when the study has more than one, a passage that several
    coders coded with the same code counts once (:func:`_passages`), not once per coder."""
    if coder is None and len(coders(study)) > 1:
        return _passages(study, without_interviewer)
    rows = study.db.execute(
        "SELECT c.interview_id, c.code_id, COUNT(*) FROM codings c JOIN codes k ON k.id = c.code_id "
        "WHERE k.kind = 'code'" + (" AND c.coder = ?" if coder is not None else "")
        + (f" AND NOT ({_ON_INTERVIEWER})" if without_interviewer else "")
        + " GROUP BY c.interview_id, c.code_id", [coder] if coder is not None else [])
    return {(iid, cid): n for iid, cid, n in rows}


def _passages(study: Study, without_interviewer: bool = False) -> dict[tuple[int, int], int]:
    """Codings of several coders, counted once per passage: per interview and code,
    codings that overlap (share at least one character) form one stretch, and a
    stretch counts as many codings as the coder with the most codings in it made.
    One coder's own codings all count, as in a one-coder study; two coders who
    coded the same passage count once; a passage only one of them coded counts.
    """
    rows = study.db.execute(
        "SELECT c.interview_id, c.code_id, c.coder, a.start_ms, a.id, c.start_offset, b.start_ms, b.id, c.end_offset "
        "FROM codings c JOIN codes k ON k.id = c.code_id "
        "JOIN segments a ON a.id = c.start_segment_id JOIN segments b ON b.id = c.end_segment_id "
        "WHERE k.kind = 'code'" + (f" AND NOT ({_ON_INTERVIEWER})" if without_interviewer else "")).fetchall()
    spans: dict[tuple[int, int], list] = {}
    for iid, cid, who, a_ms, a_id, a_off, b_ms, b_id, b_off in rows:
        spans.setdefault((iid, cid), []).append((((a_ms, a_id), a_off), ((b_ms, b_id), b_off), who))
    return {key: _stretch_count(found) for key, found in spans.items()}


def _stretch_count(spans: list) -> int:
    """Sum over stretches of overlapping (start, end, coder) spans of the most codings one coder has in it.

    >>> _stretch_count([(0, 9, "a"), (2, 5, "b"), (9, 12, "b"), (10, 11, "b")])
    3
    """
    total, end = 0, None
    per_coder: dict[str, int] = {}
    for start, stop, who in sorted(spans):
        if end is not None and start >= end:  # touching spans share no character: a new stretch
            total += max(per_coder.values())
            per_coder = {}
            end = None
        per_coder[who] = per_coder.get(who, 0) + 1
        end = stop if end is None else max(end, stop)
    return total + (max(per_coder.values()) if per_coder else 0)


def incidence(study: Study) -> StudyIncidence:
    """Which codes each counted interview used (see the module doc for which count)."""
    interviews = counted_interviews(study)
    used: dict[int, set[int]] = {i.id: set() for i in interviews}
    for (iid, cid) in _coding_counts(study):
        if iid in used:
            used[iid].add(cid)
    return StudyIncidence(tuple(interviews), tuple(frozenset(used[i.id]) for i in interviews))


def study_saturation(study: Study, **params) -> Saturation:
    """:func:`codebook.saturation.assess` on the study's incidence; ``interviews`` are interview ids.
    ``params``: base, run, threshold, initial, stop, permutations, seed."""
    inc = incidence(study)
    return assess(inc.ids, inc.codes, **params)


# -- frequency tables ----------------------------------------------------------------------

@dataclass(frozen=True)
class FrequencyRow:
    code_id: int
    name: str
    depth: int  # 0 for a code right under its category; 1 for a sub-code, ...
    color: str
    count: int
    share: float  # of the category total (0 when the total is 0)


@dataclass(frozen=True)
class CategoryTable:
    """One category's codes. ``category_id`` None gathers the codes under no category."""
    category_id: int | None
    name: str
    rows: tuple[FrequencyRow, ...]
    total: int  # the total row: the sum of the rows' counts (shares add up to 1)
    interviews: int  # interviews that mention any code of the category
    by: str  # 'segments' or 'interviews'


def _check_by(by: str) -> None:
    if by not in BY:
        raise StudyError("Count by 'segments' or 'interviews', not {by!r}.", by=by)


def frequency_tables(study: Study, by: str = "segments", lang: str = "en",
                     coder: str | None = None, without_interviewer: bool = False) -> list[CategoryTable]:
    """Per category (in codebook order), each code's count and share of the category total.

    ``by='segments'`` counts coded segments (codings); ``by='interviews'``
    counts the interviews that mention the code. Every code is listed, also
    those not used yet (count 0). Codes under no category come last, in a
    table named "Uncategorised" (``lang`` 'fa': "بدون مقوله"), when there are any.
    With ``coder``, only that coder's codings count; over several coders, a
    passage they coded alike counts once (see :func:`_passages`). With ``without_interviewer``,
    codings that start and end in the interviewer's speech do not count."""
    _check_by(by)
    counted = {i.id for i in counted_interviews(study)}
    pairs = {k: n for k, n in _coding_counts(study, coder, without_interviewer).items() if k[0] in counted}
    codes = study.codes.list()
    by_id = {c.id: c for c in codes}

    def category(code) -> int | None:
        p = code.parent_id
        while p is not None:
            if by_id[p].kind == "category":
                return p
            p = by_id[p].parent_id
        return None

    def depth(code, cat) -> int:
        d, p = 0, code.parent_id
        while p is not None and p != cat:
            d, p = d + 1, by_id[p].parent_id
        return d

    per_code: dict[int, int] = {}
    mentions: dict[int, set[int]] = {}
    for (iid, cid), n in pairs.items():
        per_code[cid] = per_code.get(cid, 0) + (n if by == "segments" else 1)
        mentions.setdefault(cid, set()).add(iid)
    groups: dict[int | None, list] = {c.id: [] for c in codes if c.kind == "category"}
    groups[None] = []
    for c in codes:
        if c.kind == "code":
            groups[category(c)].append(c)
    tables = []
    for cat_id, members in groups.items():
        if cat_id is None and not members:
            continue
        total = sum(per_code.get(c.id, 0) for c in members)
        rows = tuple(FrequencyRow(c.id, c.name, depth(c, cat_id), c.color, per_code.get(c.id, 0),
                                  per_code.get(c.id, 0) / total if total else 0.0) for c in members)
        ivs = set().union(*(mentions.get(c.id, set()) for c in members)) if members else set()
        name = by_id[cat_id].name if cat_id is not None else UNCATEGORISED.get(lang, UNCATEGORISED["en"])
        tables.append(CategoryTable(cat_id, name, rows, total, len(ivs), by))
    return tables


# -- the code x interview matrix ---------------------------------------------------------------

@dataclass(frozen=True)
class CodeMatrix:
    """``cells[r][c]``: codings of code ``codes[r]`` in interview ``interviews[c]``
    (with ``by='interviews'``: 1 if the interview mentions the code, else 0)."""
    codes: tuple[tuple[int, str], ...]  # (code id, name), codebook order
    interviews: tuple[InterviewRef, ...]
    cells: tuple[tuple[int, ...], ...]
    by: str

    @property
    def row_totals(self) -> list[int]:
        return [sum(r) for r in self.cells]

    @property
    def column_totals(self) -> list[int]:
        return [sum(col) for col in zip(*self.cells)] if self.cells else [0] * len(self.interviews)


def code_matrix(study: Study, by: str = "segments", coder: str | None = None) -> CodeMatrix:
    """Codes (rows, codebook order) x counted interviews (columns, order held); with
    ``coder``, only that coder's codings."""
    _check_by(by)
    interviews = counted_interviews(study)
    pairs = _coding_counts(study, coder)
    codes = [c for c in study.codes.list() if c.kind == "code"]
    cells = tuple(tuple((pairs.get((i.id, c.id), 0) if by == "segments" else int((i.id, c.id) in pairs))
                        for i in interviews) for c in codes)
    return CodeMatrix(tuple((c.id, c.name) for c in codes), tuple(interviews), cells, by)


# -- participants ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class ParticipantsTable:
    """Combinations of attribute values and how many participants have each.
    A missing value is ''. Rows: most frequent first, then by values."""
    attributes: tuple[str, ...]
    rows: tuple[tuple[tuple[str, ...], int], ...]
    total: int


def participants_table(study: Study, attributes: list[str] | None = None) -> ParticipantsTable:
    """Count participants by combination of ``attributes`` (default: all defined, in order)."""
    names = tuple(attributes if attributes is not None else study.participants.attribute_names())
    counts: dict[tuple[str, ...], int] = {}
    people = study.participants.list()
    for p in people:
        key = tuple(p.attributes.get(a, "") for a in names)
        counts[key] = counts.get(key, 0) + 1
    rows = tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
    return ParticipantsTable(names, rows, len(people))


@dataclass(frozen=True)
class AttributeCount:
    attribute: str
    values: tuple[tuple[str, int], ...] = field(default_factory=tuple)  # (value, participants), '' = missing


def attribute_counts(study: Study) -> list[AttributeCount]:
    """Each attribute's values with how many participants have them (most frequent first)."""
    people = study.participants.list()
    out = []
    for a in study.participants.attribute_names():
        counts: dict[str, int] = {}
        for p in people:
            v = p.attributes.get(a, "")
            counts[v] = counts.get(v, 0) + 1
        out.append(AttributeCount(a, tuple(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))))
    return out
