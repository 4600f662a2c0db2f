"""Inter-coder agreement between two coders of one study.

Two ways to cut the transcripts into units (``unit``):

* ``segment``: each transcript segment is a unit; for every code, each coder
  either applied it somewhere in the segment (a coding that covers at least one
  character of it) or did not.
* ``span``: each coding is a unit, the codings of both coders counted, so every
  coding is checked against the other coder ("counted both ways"). For a code,
  a coder has it on a unit when one of their codings of that code overlaps the
  unit's span by at least ``overlap`` of the longer of the two (MAXQDA's
  segment-overlap rule; the coding that makes the unit always has its own code).
  Touching spans do not overlap.

Per code the figures are over all units (present or absent for each coder):
percent agreement, Cohen's (1960) kappa and Krippendorff's alpha (nominal, from
the ``krippendorff`` package). ``overall`` pools every (unit, code) decision.
Kappa or alpha is None where undefined (both coders gave one and the same value
everywhere, e.g. a code neither of them used).

Which interviews: by default those both coders coded (at least one coding
each), so that an interview only one of them has read does not count as
disagreement. Codes: by default every code of the codebook (not categories).
"""
from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from codebook.agreement_matrix import Span, figures_from_counts, segment_presence, span_presence
from codebook.coders import coders

if TYPE_CHECKING:
    from codebook.study import Study

UNITS = ("segment", "span")
OVERLAP = 0.8


# -- the coefficients ------------------------------------------------------------------------

def percent_agreement(a: Sequence, b: Sequence) -> float | None:
    """Share of units on which both coders gave the same value."""
    if len(a) != len(b):
        raise ValueError("Both coders need a value for every unit.")
    if not a:
        return None
    return sum(x == y for x, y in zip(a, b)) / len(a)


def cohen_kappa(a: Sequence, b: Sequence) -> float | None:
    """Cohen's (1960) kappa of two coders' nominal values on the same units:
    (po - pe) / (1 - pe), pe from each coder's own marginals. None where pe = 1."""
    po = percent_agreement(a, b)
    if po is None:
        return None
    n = len(a)
    values = set(a) | set(b)
    pe = sum((sum(1 for x in a if x == v) / n) * (sum(1 for y in b if y == v) / n) for v in values)
    if pe >= 1 - 1e-12:
        return None
    return (po - pe) / (1 - pe)


def krippendorff_alpha(a: Sequence, b: Sequence) -> float | None:
    """Krippendorff's alpha, nominal, two coders and no missing values (the
    ``krippendorff`` package). None where only one value occurs."""
    if len(a) != len(b):
        raise ValueError("Both coders need a value for every unit.")
    values = sorted(set(a) | set(b), key=str)
    if len(values) < 2 or not a:
        return None
    import krippendorff

    index = {v: i for i, v in enumerate(values)}
    data = [[float(index[x]) for x in a], [float(index[y]) for y in b]]
    value = krippendorff.alpha(reliability_data=data, level_of_measurement="nominal",
                               value_domain=list(map(float, range(len(values)))))
    return None if value is None or math.isnan(value) else float(value)


def spans_agree(x: tuple[int, int], y: tuple[int, int], share: float) -> bool:
    """Whether two spans [start, end) overlap by at least ``share`` of the longer one.
    Touching spans (no character in common) never agree."""
    common = min(x[1], y[1]) - max(x[0], y[0])
    longer = max(x[1] - x[0], y[1] - y[0])
    return common > 0 and common >= share * longer - 1e-9


# -- the result ------------------------------------------------------------------------------

@dataclass(frozen=True)
class Figures:
    units: int
    percent: float | None
    kappa: float | None
    alpha: float | None

    @classmethod
    def of(cls, a: Sequence, b: Sequence) -> Figures:
        return cls(len(a), percent_agreement(a, b), cohen_kappa(a, b), krippendorff_alpha(a, b))

    def to_json(self) -> dict:
        return {"units": self.units, "percent": self.percent, "kappa": self.kappa, "alpha": self.alpha}


@dataclass(frozen=True)
class CodeFigures(Figures):
    code_id: int = 0
    code: str = ""
    category: str = ""
    a_units: int = 0  # units on which coder A has the code
    b_units: int = 0

    def to_json(self) -> dict:
        return {"code": self.code, "category": self.category, **super().to_json()}


@dataclass(frozen=True)
class Disagreement:
    """One unit and code on which the coders differ: where to look and whose coding is there."""
    interview_id: int
    segment_id: int  # the (first) segment of the unit
    code_id: int
    coder: str  # the coder who has the code there; the other has not
    start: int  # the unit's span in the interview's text (segment texts joined with LF)
    end: int
    coding_ids: tuple[int, ...]  # the coder's codings of the code on this unit


@dataclass
class Agreement:
    coders: tuple[str, str]
    unit: str
    overlap: float | None
    codes: list[CodeFigures]
    overall: Figures
    interviews: list[int]
    disagreements: list[Disagreement] = field(default_factory=list)

    def to_json(self) -> dict:
        """The exact shape ``mosahebeh agreement --json`` prints."""
        return {"coders": list(self.coders), "unit": self.unit, "overlap": self.overlap,
                "codes": [c.to_json() for c in self.codes], "overall": self.overall.to_json()}


# -- from a study ----------------------------------------------------------------------------

def resolve_codes(study: Study, items: Sequence[str]) -> list[int]:
    """Code ids from ids or names (a category stands for the codes under it)."""
    from codebook.errors import StudyError
    from transcribe.normalize import canonical

    every = study.codes.list()
    out: list[int] = []
    for item in items:
        found = [c for c in every if str(c.id) == item.strip() or c.name == canonical(item).strip()]
        if not found:
            raise StudyError("No code named {item!r} in this study.", item=item)
        for c in found:
            members = [c] + study.codes.descendants(c.id)
            out.extend(m.id for m in members if m.kind == "code" and m.id not in out)
    return out


def resolve_interviews(study: Study, items: Sequence[str]) -> list[int]:
    """Interview ids from ids or labels (title, else the participant's pseudonym)."""
    from codebook.errors import StudyError

    every = study.interviews.list()
    out: list[int] = []
    for item in items:
        found = [iv.id for iv in every if str(iv.id) == item.strip() or study.interviews.label(iv) == item.strip()]
        if not found:
            raise StudyError("No interview {item!r} in this study (give its id or its label).", item=item)
        out.extend(i for i in found if i not in out)
    return out


def unit_texts(study: Study, interviews) -> dict[int, str]:
    """Each interview's text in the coordinates of :class:`Disagreement` spans: every segment's
    text (untranscribed ones too, as :func:`interview_layout` counts them) joined with LF, read
    in one query without the word timings."""
    ids = list(interviews)
    parts: dict[int, list[str]] = {i: [] for i in ids}
    for k in range(0, len(ids), 500):
        part = ids[k:k + 500]
        for iid, text in study.db.execute(f"SELECT interview_id, text FROM segments WHERE interview_id IN "
                                          f"({','.join('?' * len(part))}) ORDER BY interview_id, start_ms, id", part):
            parts[iid].append(text)
    return {i: "\n".join(p) for i, p in parts.items()}


def interview_layout(study: Study, interview_id: int) -> tuple[list, dict[int, int]]:
    """(segments in order, {segment id: start of its text in the interview's text})."""
    segments = study.transcripts.segments(interview_id)
    starts, pos = {}, 0
    for s in segments:
        starts[s.id] = pos
        pos += len(s.text) + 1
    return segments, starts


def _choose(study: Study, coder_a: str, coder_b: str, unit: str, overlap: float,
            codes: Sequence[int] | None, interviews: Sequence[int] | None) -> tuple[list, list[int]]:
    """Check the arguments; the codes (in codebook order) and the interviews in scope."""
    from codebook.errors import StudyError

    if unit not in UNITS:
        raise StudyError("Unknown unit {unit!r}; use segment or span.", unit=unit)
    if unit == "span" and not 0 < overlap <= 1:
        raise StudyError("The overlap is a share of the longer coding, above 0 and at most 1 (e.g. 0.8).")
    if coder_a == coder_b:
        raise StudyError("Agreement needs two different coders.")
    known = dict(coders(study))
    for name in (coder_a, coder_b):
        if name not in known:
            listed = ", ".join(repr(c) for c in known) or "none yet"
            raise StudyError("No coding by a coder named {name!r} in this study (coders: {listed}).", name=name, listed=listed)
    all_codes = [c for c in study.codes.list() if c.kind == "code"]
    if codes is not None:
        wanted = set(codes)
        all_codes = [c for c in all_codes if c.id in wanted]
    if interviews is None:
        rows = study.db.execute("SELECT interview_id FROM codings WHERE coder = ? INTERSECT "
                                "SELECT interview_id FROM codings WHERE coder = ?", [coder_a, coder_b]).fetchall()
        chosen = {r[0] for r in rows}
        return all_codes, [iv.id for iv in study.interviews.list() if iv.id in chosen]
    return all_codes, list(interviews)


def _layout(study: Study, interviews: list[int]) -> tuple[dict[int, list[tuple[int, int, int]]], dict[int, tuple[int, int]]]:
    """Every segment of the interviews in one query: {interview: [(segment id, start, end)] in order}
    (positions in the interview's text, segment texts joined with LF, as :func:`interview_layout`)
    and {segment id: (interview, start)}."""
    layout: dict[int, list[tuple[int, int, int]]] = {iid: [] for iid in interviews}
    where: dict[int, tuple[int, int]] = {}
    pos: dict[int, int] = dict.fromkeys(interviews, 0)
    for i in range(0, len(interviews), 500):
        part = interviews[i:i + 500]
        rows = study.db.execute(f"SELECT id, interview_id, text FROM segments WHERE interview_id IN "
                                f"({','.join('?' * len(part))}) ORDER BY interview_id, start_ms, id", part)
        for sid, iid, text in rows:
            at = pos[iid]
            layout[iid].append((sid, at, at + len(text)))
            where[sid] = (iid, at)
            pos[iid] = at + len(text) + 1
    return layout, where


def _spans(study: Study, coder_a: str, coder_b: str, in_scope: set[int],
           where: dict[int, tuple[int, int]]) -> dict[int, list[Span]]:
    """The two coders' codings of the codes in scope, per interview, in :meth:`Codings.list` order."""
    out: dict[int, list[Span]] = {}
    rows = study.db.execute(
        "SELECT c.id, c.coder, c.code_id, c.interview_id, c.start_segment_id, c.start_offset, c.end_segment_id, "
        "c.end_offset FROM codings c JOIN segments s ON s.id = c.start_segment_id WHERE c.coder IN (?, ?) "
        "ORDER BY c.interview_id, s.start_ms, s.id, c.start_offset, c.id", [coder_a, coder_b])
    for cid, coder, code_id, iid, s_seg, s_off, e_seg, e_off in rows:
        if code_id not in in_scope:
            continue
        first, last = where.get(s_seg), where.get(e_seg)
        if first is None or last is None or first[0] != iid or last[0] != iid:
            continue  # a segment of another interview (or out of scope): as interview_layout would skip it
        out.setdefault(iid, []).append(Span(cid, coder, code_id, first[1] + s_off, last[1] + e_off, s_seg))
    return out


def compute(study: Study, coder_a: str, coder_b: str, *, unit: str = "segment", overlap: float = OVERLAP,
            codes: Sequence[int] | None = None, interviews: Sequence[int] | None = None) -> Agreement:
    """Agreement between ``coder_a`` and ``coder_b`` (see the module's docstring).

    Vectorised: each coder's decisions are a boolean matrix (units × codes) built with numpy from
    the codings' spans, read in two queries; the figures come from the counts of its columns."""
    import numpy as np

    all_codes, interviews = _choose(study, coder_a, coder_b, unit, overlap, codes, interviews)
    code_ids = [c.id for c in all_codes]
    column = {cid: j for j, cid in enumerate(code_ids)}
    layout, where = _layout(study, interviews)
    spans = _spans(study, coder_a, coder_b, set(code_ids), where)
    n_codes = len(code_ids)
    blocks_a, blocks_b = [], []
    disagreements: list[Disagreement] = []
    for iid in interviews:
        own = spans.get(iid, [])
        if unit == "segment":
            units = [(start, end, sid) for sid, start, end in layout[iid]]
            a, b = segment_presence(units, own, coder_a, coder_b, column, n_codes)
        else:
            units = [(s.start, s.end, s.segment_id) for s in own]
            a, b, agree = span_presence(own, coder_a, coder_b, column, n_codes, overlap)
        blocks_a.append(a)
        blocks_b.append(b)
        if unit == "segment":
            grouped: dict[tuple[str, int], list[Span]] = {}
            for s in own:
                grouped.setdefault((s.coder, s.code_id), []).append(s)
            for u, j in zip(*np.nonzero(a != b), strict=True):
                who = coder_a if a[u, j] else coder_b
                start, end, sid = units[u]
                cid = code_ids[j]
                hits = tuple(s.coding_id for s in grouped[(who, cid)] if s.start < end and s.end > start)
                disagreements.append(Disagreement(iid, sid, cid, who, start, end, hits))
        else:
            for u, s in enumerate(own):
                j = column[s.code_id]
                if a[u, j] != b[u, j]:  # the coding's own coder has it; the other has not
                    hits = tuple(t.coding_id for k, t in enumerate(own) if agree[u, k]
                                 and t.coder == s.coder and t.code_id == s.code_id)
                    disagreements.append(Disagreement(iid, s.segment_id, s.code_id, s.coder, s.start, s.end, hits))
    a_all = np.concatenate(blocks_a) if blocks_a else np.zeros((0, n_codes), dtype=bool)
    b_all = np.concatenate(blocks_b) if blocks_b else np.zeros((0, n_codes), dtype=bool)
    n = int(a_all.shape[0])
    a1, b1 = a_all.sum(axis=0), b_all.sum(axis=0)
    n11 = (a_all & b_all).sum(axis=0)
    per_code = []
    every = {c.id: c for c in study.codes.list()}
    for j, c in enumerate(all_codes):
        cat = _category_of(every, c.id)
        percent, kappa, alpha = figures_from_counts(n, int(a1[j]), int(b1[j]), int(n11[j]))
        per_code.append(CodeFigures(n, percent, kappa, alpha, code_id=c.id, code=c.name,
                                    category=cat.name if cat else "", a_units=int(a1[j]), b_units=int(b1[j])))
    overall = Figures(n * n_codes, *figures_from_counts(n * n_codes, int(a1.sum()), int(b1.sum()), int(n11.sum())))
    return Agreement((coder_a, coder_b), unit, overlap if unit == "span" else None, per_code, overall,
                     interviews, disagreements)


def _category_of(every: dict, code_id: int):
    """:meth:`Codes.category_of` from the codebook read once (the nearest category above the code)."""
    code = every[code_id]
    while code.parent_id is not None:
        code = every[code.parent_id]
        if code.kind == "category":
            return code
    return None


def sentence(result: Agreement, lang: str = "en") -> str:
    """One sentence for the paper: the unit, the coefficients and their values."""
    o = result.overall
    n_iv = len(result.interviews)
    if lang == "fa":
        from transcribe.normalize import persian_digits

        def fa_digits(text):
            return persian_digits(text, decimal=True)

        def num(x: float | None) -> str:
            return "تعریف‌نشده" if x is None else fa_digits(f"{x:.2f}")
        def coef(name: str, x: float | None) -> str:
            return f"{name} {num(x)}" if x is not None else f"{name} قابل محاسبه نبود"

        if result.unit == "segment":
            unit = ("واحد تحلیل «بخش متن» بود، یعنی حضور یا نبود هر کد در هر بخش از متن پیاده‌شده "
                    f"({fa_digits(str(o.units))} واحد مقایسه)")
        else:
            unit = ("واحد تحلیل «بازهٔ کدگذاری‌شده» بود (دو کدگذاری در صورتی هم‌خوان شمرده شدند که دست‌کم "
                    f"{fa_digits(str(round((result.overlap or 0) * 100)))} درصد از کدگذاری بلندتر را بپوشانند؛ "
                    f"{fa_digits(str(o.units))} واحد مقایسه)")
        coders = f"برای توافق دو کدگذار ({result.coders[0]} و {result.coders[1]}) در {fa_digits(str(n_iv))} مصاحبه"
        percent = f"درصد توافق {fa_digits(f'{(o.percent or 0) * 100:.1f}')} درصد بود"
        if o.kappa is None and o.alpha is None:
            values = (f"{coders}، ضریب کاپای کوهن و ضریب آلفای کریپندورف قابل محاسبه نبودند، زیرا همهٔ "
                      "واحدها در یک دسته قرار داشتند")
        elif o.kappa is None or o.alpha is None:
            values = (f"{coders}، {coef('ضریب کاپای کوهن', o.kappa)} و "
                      f"{coef('ضریب آلفای کریپندورف (برای داده‌های اسمی)', o.alpha)}"
                      f"{' به دست آمد' if o.kappa is None else ''}")
        else:
            values = (f"{coders}، ضریب کاپای کوهن {num(o.kappa)} و ضریب آلفای کریپندورف "
                      f"(برای داده‌های اسمی) نیز {num(o.alpha)} به دست آمد")
        return f"{values}؛ {percent}. {unit}."

    def num_en(x: float | None) -> str:
        return "undefined" if x is None else f"{x:.2f}"
    num = num_en
    unit = ("the transcript segment (each code present or absent in each segment)" if result.unit == "segment"
            else f"the coded span (codings agreeing when they overlap by at least "
                 f"{round((result.overlap or 0) * 100)}% of the longer one)")
    return (f"Agreement between two coders ({result.coders[0]} and {result.coders[1]}) on {n_iv} interview"
            f"{'s' if n_iv != 1 else ''}, with {unit} as the unit of analysis ({o.units} decisions), was "
            f"Cohen's kappa = {num(o.kappa)} and Krippendorff's alpha (nominal) = {num(o.alpha)} "
            f"(percent agreement {(o.percent or 0) * 100:.1f}%).")


# -- the table for the paper -----------------------------------------------------------------

HEADERS = {
    "en": ["Category", "Code", "Units", "Percent agreement", "Cohen's kappa", "Krippendorff's alpha"],
    "fa": ["مقوله", "کد", "تعداد واحدها", "درصد توافق", "کاپای کوهن", "آلفای کریپندورف"],
}
TITLES = {"en": "Agreement between two coders, by code", "fa": "ضریب‌های توافق میان دو کدگذار به تفکیک کد"}
UNDEFINED_NOTE = {"en": "—: the coefficient cannot be computed (both coders gave every unit the same value).",
                  "fa": "—: ضریب قابل محاسبه نیست (هر دو کدگذار به همهٔ واحدها یک مقدار داده‌اند)."}
OVERALL = {"en": "All codes", "fa": "همهٔ کدها"}


def report_table(result: Agreement, lang: str = "fa"):
    """The agreement table as a :class:`codebook.reports.Table` (for XLSX and DOCX)."""
    from codebook.reports import Table

    def coef(x):  # a number (the workbook can format or average it), or «—» when undefined
        return "—" if x is None else float(x)

    rows = [[c.category, c.code, c.units, c.percent if c.percent is not None else "—", coef(c.kappa),
             coef(c.alpha)] for c in result.codes]
    o = result.overall
    rows.append(["", OVERALL[lang], o.units, o.percent if o.percent is not None else "—", coef(o.kappa),
                 coef(o.alpha)])
    undefined = any(x is None for c in [*result.codes, o] for x in (c.kappa, c.alpha))
    note = sentence(result, lang) + (" " + UNDEFINED_NOTE[lang] if undefined else "")
    return Table(TITLES[lang], HEADERS[lang], rows, totals={len(rows) - 1}, shares={3}, note=note, decimals={4, 5})


def export(result: Agreement, fmt: str, out, lang: str = "fa"):
    """Write the agreement table with its sentence as ``xlsx`` or ``docx`` (right to left in Persian)."""
    from codebook.errors import StudyError
    from codebook.reports import write_docx, write_xlsx

    table = report_table(result, lang)
    if fmt == "xlsx":
        return write_xlsx([table], out, lang, sheet=TITLES[lang])
    if fmt == "docx":
        return write_docx([table], out, lang)  # the table's own heading is the title (it was printed twice)
    raise StudyError("The agreement table is exported as xlsx or docx, not {fmt!r}.", fmt=fmt)
