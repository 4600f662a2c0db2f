"""Retrieval limited to what the participants said (issue #22): the store API and the view's checkbox."""
from codebook import retrieval
from codebook.models import SPEAKER_INTERVIEWER


def test_without_interviewer_leaves_out_the_interviewers_speech(coded_study):
    budget = coded_study.ids["codes"]["budget"]
    quotes = retrieval.coded_segments(coded_study, budget)
    cross, alone = quotes[0], quotes[1]  # the first spans two segments; the second lies in one
    coded_study.transcripts.set_speaker(cross.segment_id, SPEAKER_INTERVIEWER)  # its first segment: a question
    filtered = retrieval.coded_segments(coded_study, budget, without_interviewer=True)
    (kept,) = [q for q in filtered if q.coding_id == cross.coding_id]
    assert kept.text == "بودجه" and kept.segment_id != cross.segment_id  # the question's part is left out
    assert kept.start_ms >= coded_study.transcripts.segment(kept.segment_id).start_ms
    coded_study.transcripts.set_speaker(alone.segment_id, SPEAKER_INTERVIEWER)
    filtered = retrieval.coded_segments(coded_study, budget, without_interviewer=True)
    assert alone.text not in [q.text for q in filtered]
    assert len(retrieval.coded_segments(coded_study, budget)) == 3  # unfiltered: all three still


def test_the_retrieval_view_checkbox(qtbot, coded_study):
    from desktop.analysis.retrieval import RetrievalView
    from desktop.context import StudyContext

    ctx = StudyContext(coded_study)
    budget = coded_study.ids["codes"]["budget"]
    first = retrieval.coded_segments(coded_study, budget)[1]
    coded_study.transcripts.set_speaker(first.segment_id, SPEAKER_INTERVIEWER)
    view = RetrievalView(ctx)
    qtbot.addWidget(view)
    view.show_code(budget)
    assert view.list.topLevelItemCount() == 3
    view.participants_only.setChecked(True)
    assert view.list.topLevelItemCount() == 2 and view.count.text() == "2 passages from 2 interviews"
    view.participants_only.setChecked(False)
    assert view.list.topLevelItemCount() == 3


def test_frequencies_without_the_interviewers_codings(coded_study):
    from codebook.analysis import frequency_tables

    def budget_count(**kw) -> int:
        rows = [r for t in frequency_tables(coded_study, **kw) for r in t.rows]
        return next(r.count for r in rows if r.code_id == coded_study.ids["codes"]["budget"])

    assert budget_count() == budget_count(without_interviewer=True) == 3
    alone = retrieval.coded_segments(coded_study, coded_study.ids["codes"]["budget"])[1]
    coded_study.transcripts.set_speaker(alone.segment_id, SPEAKER_INTERVIEWER)
    assert budget_count() == 3 and budget_count(without_interviewer=True) == 2
