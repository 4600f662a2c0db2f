"""Frequency tables, the code x interview matrix, participants and the study's incidence."""
import pytest

from codebook import analysis
from codebook.errors import StudyError


def names(study, ids):
    return [study.codes.get(i).name for i in ids]


def test_incidence_counts_interviews_with_a_transcript_in_order_held(coded_study):
    inc = analysis.incidence(coded_study)
    assert [i.pseudonym for i in inc.interviews] == ["مریم", "علی", "سارا"]  # by date, not creation
    c = coded_study.ids["codes"]
    assert inc.codes == (frozenset({c["delivery"], c["budget"], c["worry"]}),
                         frozenset({c["online"], c["budget"]}), frozenset({c["worry"]}))


def test_uncoded_interview_with_transcript_counts_as_empty(coded_study):
    for coding in coded_study.codings.list(interview_id=analysis.incidence(coded_study).ids[2]):
        coded_study.codings.remove(coding.id)
    inc = analysis.incidence(coded_study)
    assert len(inc.interviews) == 3 and inc.codes[2] == frozenset()
    sat = analysis.study_saturation(coded_study, permutations=0)
    assert sat.new_codes == (3, 1, 0) and sat.cumulative == (3, 4, 4)


def test_frequency_tables_by_segments(coded_study):
    tables = analysis.frequency_tables(coded_study, by="segments")
    assert [t.name for t in tables] == ["خدمات", "منابع", "Uncategorised"]
    services, resources, other = tables
    assert [(r.name, r.count) for r in services.rows] == [("ارسال کتاب", 1), ("خدمات آنلاین", 1)]
    assert services.total == 2 and [r.share for r in services.rows] == [0.5, 0.5]
    assert [(r.name, r.count) for r in resources.rows] == [("کمبود بودجه", 3), ("نگرانی کارکنان", 2)]
    assert resources.total == 5 and resources.rows[0].share == pytest.approx(0.6)
    assert resources.interviews == 3
    assert other.rows[0].count == 0 and other.rows[0].share == 0.0 and other.total == 0
    assert analysis.frequency_tables(coded_study, lang="fa")[-1].name == "بدون مقوله"


def test_frequency_tables_by_interviews(coded_study):
    resources = analysis.frequency_tables(coded_study, by="interviews")[1]
    assert [(r.name, r.count) for r in resources.rows] == [("کمبود بودجه", 2), ("نگرانی کارکنان", 2)]
    assert resources.total == 4 and resources.rows[1].share == 0.5
    with pytest.raises(StudyError):
        analysis.frequency_tables(coded_study, by="words")


def test_subcodes_count_in_their_category(coded_study):
    budget = coded_study.ids["codes"]["budget"]
    sub = coded_study.codes.add("حقوق", budget)
    seg = coded_study.ids["segments"]["علی"][2]
    coded_study.codings.add(sub.id, seg, 0, seg, 5)
    resources = analysis.frequency_tables(coded_study)[1]
    assert [(r.name, r.depth, r.count) for r in resources.rows] == [
        ("کمبود بودجه", 0, 3), ("حقوق", 1, 1), ("نگرانی کارکنان", 0, 2)]
    assert resources.total == 6


def test_code_matrix(coded_study):
    m = analysis.code_matrix(coded_study)
    assert [i.pseudonym for i in m.interviews] == ["مریم", "علی", "سارا"]
    assert [n for _, n in m.codes] == ["ارسال کتاب", "خدمات آنلاین", "کمبود بودجه", "نگرانی کارکنان", "سایر"]
    assert m.cells == ((1, 0, 0), (0, 1, 0), (2, 1, 0), (1, 0, 1), (0, 0, 0))
    assert m.row_totals == [1, 1, 3, 2, 0] and m.column_totals == [4, 2, 1]
    assert analysis.code_matrix(coded_study, by="interviews").cells[2] == (1, 1, 0)


def test_participants_table_and_attribute_counts(coded_study):
    t = analysis.participants_table(coded_study)
    assert t.attributes == ("نقش", "جنسیت") and t.total == 4
    assert dict(t.rows) == {("کتابدار", "مرد"): 1, ("کتابدار", "زن"): 1, ("مدیر", "زن"): 1, ("", ""): 1}
    t = analysis.participants_table(coded_study, ["نقش"])
    assert t.rows[0] == (("کتابدار",), 2)
    counts = {a.attribute: dict(a.values) for a in analysis.attribute_counts(coded_study)}
    assert counts["جنسیت"] == {"زن": 2, "مرد": 1, "": 1}


def test_with_two_coders_a_passage_coded_alike_counts_once(coded_study):
    """Over all coders, a passage two coders gave the same code counts once; a passage only
    one of them coded counts; one coder's own codings all count; touching spans are two passages."""
    worry = coded_study.ids["codes"]["worry"]
    seg = coded_study.ids["segments"]["علی"][1]
    alone = lambda coder=None: next(r.count for t in analysis.frequency_tables(coded_study, coder=coder)  # noqa: E731
                                    for r in t.rows if r.code_id == worry)
    before = alone()  # one coder so far (no name)
    coded_study.codings.add(worry, seg, 0, seg, 6, coder="رضا")
    coded_study.codings.add(worry, seg, 2, seg, 9, coder="مریم")  # the same passage, cut a little differently
    assert alone() == before + 1
    coded_study.codings.add(worry, seg, 9, seg, 12, coder="مریم")  # touches the last one: a passage of its own
    assert alone() == before + 2
    coded_study.codings.add(worry, seg, 10, seg, 11, coder="مریم")  # her second coding inside it: hers count
    assert alone() == before + 3
    assert alone("مریم") == 3 and alone("رضا") == 1
    matrix = analysis.code_matrix(coded_study)
    assert sum(matrix.cells[[c for c, _ in matrix.codes].index(worry)]) == before + 3
    assert analysis.frequency_tables(coded_study, by="interviews")[1].rows[1].count == 3  # interviews: unchanged
