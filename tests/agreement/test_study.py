"""Agreement on a real study file: the units, the JSON the command prints, and the demo's second coder."""
import json

import pytest

from codebook import agreement as ag
from codebook.models import NewSegment
from desktop.cli import main


@pytest.fixture
def two_coders(study):
    """One interview of four segments; codes X and Y; coders A and B.

    segment 0: A X, B X         segment 2: A Y, B X (B's X from 0 to 10 only)
    segment 1: A X              segment 3: nobody
    """
    iv = study.interviews.add(title="i1")
    texts = ["0123456789" * 2] * 4
    seg = study.transcripts.add_segments(iv.id, [NewSegment(i * 1000, i * 1000 + 900, t) for i, t in enumerate(texts)])
    x = study.codes.add("X").id
    y = study.codes.add("Y").id
    add = study.codings.add
    add(x, seg[0], 0, seg[0], 20, coder="A")
    add(x, seg[0], 0, seg[0], 20, coder="B")
    add(x, seg[1], 0, seg[1], 20, coder="A")
    add(y, seg[2], 0, seg[2], 20, coder="A")
    add(x, seg[2], 0, seg[2], 10, coder="B")
    return study, x, y, seg


def test_segment_unit_by_hand(two_coders):
    study, x, y, seg = two_coders
    r = ag.compute(study, "A", "B")
    fx, fy = r.codes
    # X: A = 1 1 0 0, B = 1 0 1 0: po = .5, pe = .5 -> kappa 0.
    assert (fx.units, fx.percent, fx.kappa) == (4, 0.5, pytest.approx(0.0))
    # Y: A = 0 0 1 0, B = 0 0 0 0: po = .75, pe = .75 -> kappa 0; alpha = 1 - 7 * 1 / (7 * 1) = 0.
    assert (fy.percent, fy.kappa, fy.alpha) == (0.75, pytest.approx(0.0), pytest.approx(0.0))
    # Pooled: A = 1 1 0 0 0 0 1 0, B = 1 0 1 0 0 0 0 0: po = 5/8, pA = 3/8, pB = 2/8.
    pe = 3 / 8 * 2 / 8 + 5 / 8 * 6 / 8
    assert r.overall.units == 8 and r.overall.percent == 5 / 8
    assert r.overall.kappa == pytest.approx((5 / 8 - pe) / (1 - pe))
    got = {(d.segment_id, d.code_id, d.coder) for d in r.disagreements}
    assert got == {(seg[1], x, "A"), (seg[2], x, "B"), (seg[2], y, "A")}


def test_span_unit_counts_both_ways(two_coders):
    study, x, y, seg = two_coders
    r = ag.compute(study, "A", "B", unit="span", overlap=0.8, codes=[x])
    # Units: A's X on 0, A's X on 1, B's X on 0, B's half X on 2 -> A = 1 1 1 0, B = 1 0 1 1.
    (fx,) = r.codes
    assert fx.units == 4 and fx.percent == 0.5
    assert {(d.segment_id, d.coder) for d in r.disagreements} == {(seg[1], "A"), (seg[2], "B")}


def test_span_one_coding_covering_two(study):
    iv = study.interviews.add(title="i")
    (s,) = study.transcripts.add_segments(iv.id, [NewSegment(0, 1000, "a" * 100)])
    x = study.codes.add("X").id
    study.codings.add(x, s, 0, s, 100, coder="A")
    study.codings.add(x, s, 0, s, 50, coder="B")
    study.codings.add(x, s, 50, s, 100, coder="B")
    at80 = ag.compute(study, "A", "B", unit="span", overlap=0.8)
    assert at80.codes[0].units == 3 and at80.codes[0].percent == 0.0
    at50 = ag.compute(study, "A", "B", unit="span", overlap=0.5)
    assert at50.codes[0].percent == 1.0 and at50.codes[0].kappa is None  # one value only: undefined
    assert ag.compute(study, "A", "B").codes[0].percent == 1.0  # one segment, both have X


def test_codings_across_segments_cover_each_segment(study):
    iv = study.interviews.add(title="i")
    seg = study.transcripts.add_segments(iv.id, [NewSegment(i * 1000, i * 1000 + 900, "abcdef") for i in range(3)])
    x = study.codes.add("X").id
    study.codings.add(x, seg[0], 3, seg[2], 2, coder="A")  # covers all three segments
    study.codings.add(x, seg[1], 0, seg[1], 6, coder="B")
    study.codings.add(x, seg[0], 6, seg[1], 0, coder="B")  # touches: covers no character
    r = ag.compute(study, "A", "B")
    assert r.codes[0].percent == pytest.approx(1 / 3)


def test_refusals(two_coders):
    study, *_ = two_coders
    from codebook.errors import StudyError
    with pytest.raises(StudyError, match="No coding by a coder named 'C'"):
        ag.compute(study, "A", "C")
    with pytest.raises(StudyError, match="two different"):
        ag.compute(study, "A", "A")
    with pytest.raises(StudyError, match="overlap"):
        ag.compute(study, "A", "B", unit="span", overlap=0)


def test_demo_second_coder_by_hand(demo_path, capsys):
    from codebook import Study
    from codebook.demo_data import CODERS
    a, b = CODERS
    assert main(["agreement", "--study", str(demo_path), "--coders", a, b, "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert list(out) == ["coders", "unit", "overlap", "codes", "overall"]
    assert out["coders"] == [a, b] and out["unit"] == "segment" and out["overlap"] is None
    assert list(out["codes"][0]) == ["code", "category", "units", "percent", "kappa", "alpha"]
    assert list(out["overall"]) == ["units", "percent", "kappa", "alpha"]
    closure = next(c for c in out["codes"] if c["code"] == "تعطیلی فیزیکی")
    # Interviews 1 and 2, 8 segments each. Closure: both on 2 segments, the second coder on one more.
    pe = (2 / 16) * (3 / 16) + (14 / 16) * (13 / 16)
    assert closure["units"] == 16 and closure["percent"] == 15 / 16
    assert closure["kappa"] == pytest.approx((15 / 16 - pe) / (1 - pe))  # 0.765
    assert closure["category"] == "چالش‌ها"
    unused = next(c for c in out["codes"] if c["code"] == "نگرانی از سلامت کارکنان")
    assert unused["kappa"] is None and unused["alpha"] is None and unused["percent"] == 1.0
    assert out["overall"]["units"] == 16 * 14
    # The demo's single-coder figures are the first coder's: the second used no code new to an interview.
    with Study.open(demo_path) as s:
        from codebook.analysis import study_saturation
        assert study_saturation(s, permutations=0).guest.label == "4+2"
    # Span unit at 0.8: the longer infra span does not agree, at 0.5 it does.
    main(["agreement", "--study", str(demo_path), "--coders", a, b, "--unit", "span", "--json"])
    at80 = json.loads(capsys.readouterr().out)
    main(["agreement", "--study", str(demo_path), "--coders", a, b, "--unit", "span", "--overlap", "0.5", "--json"])
    at50 = json.loads(capsys.readouterr().out)
    infra80, infra50 = (next(c for c in o["codes"] if c["code"] == "نبود زیرساخت فناوری") for o in (at80, at50))
    assert at80["overlap"] == 0.8 and infra50["percent"] > infra80["percent"]


def test_table_for_the_paper(demo_path, tmp_path, capsys):
    from docx import Document
    from openpyxl import load_workbook

    from codebook.demo_data import CODERS
    out = tmp_path / "agreement.docx"
    assert main(["agreement", "--study", str(demo_path), "--coders", *CODERS, "--out", str(out)]) == 0
    text = capsys.readouterr().out
    assert "Cohen's kappa = 0.82" in text
    doc = Document(str(out))
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "کاپای کوهن ۰٫۸۲" in body and "بخش متن" in body
    assert doc.tables[0].rows[0].cells[4].text == "کاپای کوهن"
    xlsx = tmp_path / "agreement.xlsx"
    assert main(["agreement", "--study", str(demo_path), "--coders", *CODERS, "--out", str(xlsx),
                 "--lang", "en"]) == 0
    ws = load_workbook(str(xlsx)).active
    rows = list(ws.iter_rows(values_only=True))
    assert any(r[0] and "Cohen's kappa = 0.82" in str(r[0]) for r in rows)
    assert rows[-1][1] == "All codes" or any(r[1] == "All codes" for r in rows)
    assert not ws.sheet_view.rightToLeft


def test_coders_command_lists_and_renames(demo_path, capsys):
    from codebook.demo_data import CODERS
    assert main(["coders", "--study", str(demo_path), "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [c["coder"] for c in listed] == list(CODERS)
    assert main(["coders", "--study", str(demo_path), "--rename", CODERS[1], "Reza"]) == 0
    assert "on 13 codings" in capsys.readouterr().out
    assert main(["agreement", "--study", str(demo_path), "--coders", CODERS[0], CODERS[1]]) == 2
    assert main(["agreement", "--study", str(demo_path), "--coders", CODERS[0], "Reza", "--json"]) == 0
