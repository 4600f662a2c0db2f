"""The agreement as first written, unit by unit and code by code in pure Python: the oracle the
vectorised :func:`codebook.agreement.compute` must equal to the last bit (too slow for a real study:
2.88 M decisions at 60 interviews)."""
from codebook.agreement import (
    CodeFigures,
    Disagreement,
    Figures,
    Span,
    _choose,
    interview_layout,
    spans_agree,
)


def compute(study, coder_a, coder_b, *, unit="segment", overlap=0.8, codes=None, interviews=None):
    all_codes, interviews = _choose(study, coder_a, coder_b, unit, overlap, codes, interviews)
    code_ids = [c.id for c in all_codes]
    a_vals = {c: [] for c in code_ids}
    b_vals = {c: [] for c in code_ids}
    disagreements = []
    in_scope = set(code_ids)
    for iid in interviews:
        segments, starts = interview_layout(study, iid)
        spans = [Span(c.id, c.coder, c.code_id, starts[c.start_segment_id] + c.start_offset,
                       starts[c.end_segment_id] + c.end_offset, c.start_segment_id)
                 for c in study.codings.list(interview_id=iid)
                 if c.coder in (coder_a, coder_b) and c.code_id in in_scope
                 and c.start_segment_id in starts and c.end_segment_id in starts]
        by = {(coder, cid): [s for s in spans if s.coder == coder and s.code_id == cid]
              for coder in (coder_a, coder_b) for cid in code_ids}
        if unit == "segment":
            units = [(starts[s.id], starts[s.id] + len(s.text), s.id, None) for s in segments]
        else:
            units = [(s.start, s.end, s.segment_id, s) for s in spans]
        for start, end, seg_id, own in units:
            for cid in code_ids:
                got = {}
                for coder in (coder_a, coder_b):
                    if unit == "segment":
                        hits = [s for s in by[(coder, cid)] if s.start < end and s.end > start]
                    else:
                        hits = [s for s in by[(coder, cid)]
                                if s is own or spans_agree((s.start, s.end), (start, end), overlap)]
                    got[coder] = hits
                va, vb = int(bool(got[coder_a])), int(bool(got[coder_b]))
                a_vals[cid].append(va)
                b_vals[cid].append(vb)
                if va != vb:
                    who = coder_a if va else coder_b
                    if unit == "span" and (own.code_id != cid or own.coder != who):
                        continue
                    disagreements.append(Disagreement(iid, seg_id, cid, who, start, end,
                                                      tuple(s.coding_id for s in got[who])))
    per_code = []
    for c in all_codes:
        cat = study.codes.category_of(c.id)
        f = Figures.of(a_vals[c.id], b_vals[c.id])
        per_code.append(CodeFigures(f.units, f.percent, f.kappa, f.alpha, code_id=c.id, code=c.name,
                                    category=cat.name if cat else "", a_units=sum(a_vals[c.id]),
                                    b_units=sum(b_vals[c.id])))
    pooled_a = [v for cid in code_ids for v in a_vals[cid]]
    pooled_b = [v for cid in code_ids for v in b_vals[cid]]
    return per_code, Figures.of(pooled_a, pooled_b), interviews, disagreements
