"""Issue #11: one edit costs the same in a small and a large study, counted in SQL statements."""
from __future__ import annotations

from tests.scale.conftest import Statements, full_scans, middle_interview


def _coded_segment(study, iid):
    """The interview's 8th segment: a coding starts in it (see conftest.build)."""
    return study.transcripts.segments(iid)[7]


def test_a_segment_edit_runs_as_many_statements_in_a_large_study_as_in_a_small_one(studies, team_studies):
    """... and in a study coded by three coders as in one coded alone (each has the same codings
    on the edited segment: the edit remaps them in one statement whoever made them)."""
    counts = []
    for study in (*studies, *team_studies):
        seg = _coded_segment(study, middle_interview(study))
        assert study.codings.touching(seg.id)
        with Statements(study) as st:
            study.transcripts.set_text(seg.id, seg.text + " خیلی")
        counts.append(len(st))
        assert not full_scans(study, st.sql)
    small, large, team_small, team_large = counts
    assert small == large == team_small == team_large and small > 0


def test_a_coding_applied_runs_as_many_statements_in_a_large_study_as_in_a_small_one(studies, team_studies):
    counts = []
    for study in (*studies, *team_studies):
        seg = study.transcripts.segments(middle_interview(study))[20]
        code = [c for c in study.codes.list() if c.kind == "code"][1]
        with Statements(study) as st:
            study.codings.add(code.id, seg.id, 2, seg.id, 9)
        counts.append(len(st))
        assert not full_scans(study, st.sql)
    small, large, team_small, team_large = counts
    assert small == large == team_small == team_large and small > 0


def test_hot_queries_go_through_indexes(studies):
    """Retrieval, find, coverage and neighbours read through indexes (EXPLAIN QUERY PLAN), not whole tables."""
    from codebook import retrieval

    _small, study = studies
    iid = middle_interview(study)
    seg = _coded_segment(study, iid)
    code = [c for c in study.codes.list() if c.kind == "code"][0]
    with Statements(study) as st:
        study.codings.covering(seg.id)
        study.transcripts.next_segment(seg.id)
        study.transcripts.segments_between(seg.id, study.transcripts.segments(iid)[9].id)
        study.codings.list(interview_id=iid)
        retrieval.coded_segments(study, code.id, limit=20)
        study.transcripts.search("کتابخانه", limit=50)
    assert st.sql and not full_scans(study, st.sql)


def test_find_pages_and_matches_across_word_breaks(studies):
    """The trigram index finds «کتابخانه» written «کتاب خانه» or «کتاب‌خانه», and a page holds ``limit`` hits."""
    _small, study = studies
    seg = study.transcripts.segments(middle_interview(study))[0]
    study.transcripts.set_text(seg.id, "او کتاب‌ خانه را دوست داشت و می رود")
    assert seg.id in {s.id for s in study.transcripts.search("میرود")}
    assert seg.id in {s.id for s in study.transcripts.search("كتابخانه")}  # Arabic kaf, no ZWNJ
    first = study.transcripts.search("خیلی", limit=25)
    second = study.transcripts.search("خیلی", limit=25, offset=25)
    assert len(first) == len(second) == 25 and not {s.id for s in first} & {s.id for s in second}
    everything = study.transcripts.search("خیلی")
    assert [s.id for s in everything[:50]] == [s.id for s in first + second]
    assert len(study.transcripts.search("در", limit=10)) == 10  # two letters: scanned, still paged
