"""Retrieval, analysis and saturation views on real studies, offscreen."""
import json

import pytest
from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication

from codebook import Study, analysis
from desktop.analysis.tables import AnalysisView
from desktop.cli import main
from desktop.codes.panel import CodebookPanel
from desktop.context import StudyContext
from desktop.analysis.retrieval import RetrievalView
from desktop.analysis.saturation import SaturationView


@pytest.fixture
def ctx(coded_study):
    return StudyContext(coded_study)


def column(table, col):
    return [table.item(r, col).text() if table.item(r, col) else "" for r in range(table.rowCount())]


def test_retrieval_lists_passages_and_opens_the_transcript(qtbot, ctx):
    view = RetrievalView(ctx)
    qtbot.addWidget(view)
    view.show_code(ctx.study.ids["codes"]["budget"])
    assert view.list.topLevelItemCount() == 3
    first = view.list.topLevelItem(0)
    assert first.text(0) == "مریم" and first.text(2) == "0:07" and first.text(4) == "به خانه فرستادیم. بودجه"
    assert "3 passages from 2 interviews" == view.count.text()
    with qtbot.waitSignal(ctx.openTranscriptRequested) as sig:
        view.list.itemActivated.emit(view.list.topLevelItem(2), 0)
    iid = analysis.incidence(ctx.study).ids[1]
    assert sig.args == [iid, 10000]
    view.list.topLevelItem(1).setSelected(True)
    assert view.copy_quotes() == "“بودجه خیلی” (مریم, 0:10)"
    assert QGuiApplication.clipboard().text() == "“بودجه خیلی” (مریم, 0:10)"
    view.show_code(ctx.study.ids["resources"])
    assert view.list.topLevelItemCount() == 5


def test_retrieval_follows_new_codings_and_guide_questions(qtbot, ctx):
    view = RetrievalView(ctx)
    qtbot.addWidget(view)
    view.show()  # a hidden view refreshes when shown (test_hidden_views_refresh_when_shown)
    other = ctx.study.ids["codes"]["other"]
    view.show_code(other)
    assert view.list.topLevelItemCount() == 0 and not view.copy_button.isEnabled()
    seg = ctx.study.ids["segments"]["سارا"][2]
    ctx.study.codings.add(other, seg, 0, seg, 4)
    ctx.notify("codings")
    assert view.list.topLevelItemCount() == 1 and view.list.topLevelItem(0).text(4) == "هیچ"
    q = ctx.study.guide.add("کتابخانه در کرونا چطور بود؟")
    ctx.study.marks.add(analysis.incidence(ctx.study).ids[2], 0, kind="question", question_id=q.id)
    ctx.notify("guide")
    view.show_question(q.id)
    assert view.list.topLevelItemCount() == 1
    assert view.list.topLevelItem(0).text(4) == "کارکنان خسته بودند. هیچ چیز تازه‌ای نبود."


def test_analysis_view_switches_between_segments_and_interviews(qtbot, ctx):
    view = AnalysisView(ctx)
    qtbot.addWidget(view)
    view.show()
    names, counts = column(view.frequencies, 0), column(view.frequencies, 1)
    at = [n.strip() for n in names].index("کمبود بودجه")
    assert counts[at] == "3" and column(view.frequencies, 2)[at] == "60.0%"
    assert [n.strip() for n in names].count("Total") == 3
    view.by_interviews.setChecked(True)
    assert column(view.frequencies, 1)[at] == "2" and column(view.frequencies, 2)[at] == "50.0%"
    assert view.matrix.horizontalHeaderItem(1).text() == "مریم"
    assert column(view.matrix, view.matrix.columnCount() - 1)[-1] == "6"  # 3 + 2 + 1 code-interview pairs
    assert view.participants.rowCount() == 5 and column(view.participants, 2)[-1] == "4"
    view.attribute_boxes["جنسیت"].setChecked(False)  # combinations of role only
    assert view.participants.columnCount() == 2 and view.participants.rowCount() == 4
    assert column(view.participants, 0)[0] == "کتابدار" and column(view.participants, 1)[0] == "2"
    view.attribute_boxes["نقش"].setChecked(False)
    assert column(view.participants, 0) == ["4"]
    seg = ctx.study.ids["segments"]["سارا"][2]
    ctx.study.codings.add(ctx.study.ids["codes"]["budget"], seg, 0, seg, 4)
    ctx.notify("codings")
    assert column(view.frequencies, 1)[at] == "3"


def test_persian_ui_uses_persian_digits(qtbot, ctx):
    view = AnalysisView(ctx)
    view.setLocale(QLocale(QLocale.Persian, QLocale.Iran))
    qtbot.addWidget(view)
    view.refresh()
    at = [n.strip() for n in column(view.frequencies, 0)].index("کمبود بودجه")
    assert column(view.frequencies, 1)[at] == "۳" and column(view.frequencies, 2)[at] == "۶۰٫۰٪"
    assert "بدون مقوله" in [n.strip() for n in column(view.frequencies, 0)]  # the uncategorised table


def test_saturation_view_updates_as_the_researcher_codes(qtbot, ctx):
    view = SaturationView(ctx)
    qtbot.addWidget(view)
    view.show()
    view.permutations.setValue(100)
    assert view.wait_ready()  # computed in a worker thread
    assert view.result.new_codes == (3, 1, 0)
    assert "Not yet assessable" in view.verdict.text()
    bars = [s for s in view.chart.series() if s.type() == s.SeriesType.SeriesTypeBar][0]
    assert [bars.barSets()[0].at(i) for i in range(3)] == [3.0, 1.0, 0.0]
    view.base.setValue(1)
    view.run.setValue(1)
    assert view.wait_ready()
    # base = interview 1 (3 codes); run 2 adds 1 (33%), run 3 adds 0 -> 2+1
    assert view.result.guest.label == "2+1"
    assert view.verdict.text() == "Saturation reached at 2+1"
    assert "Run 2–2: 1 new (33.3%)" in view.runs.text()
    assert view.sentence.text().startswith("Saturation (base size 1, run length 1, ≤5% new information) "
                                           "was reached at 2+1.")
    seg = ctx.study.ids["segments"]["سارا"][2]
    ctx.study.codings.add(ctx.study.ids["codes"]["other"], seg, 0, seg, 4)
    ctx.notify("codings")
    assert view.pending and view.wait_ready()
    assert view.result.new_codes == (3, 1, 1) and view.result.guest.label is None
    assert [view.table.item(2, c).text() for c in range(4)] == ["سارا", "2", "1", "5"]
    assert "not reached" in view.verdict.text()
    assert view.copy_sentence() == QGuiApplication.clipboard().text()


def test_demo_coding_moves_tables_and_plot_and_cli_agrees(qtbot, demo_path, capsys):
    """The issue's "done when": code in the demo, watch the figures move, read the same from the CLI."""
    study = Study.open(demo_path)
    ctx = StudyContext(study)
    panel, tables, sat_view = CodebookPanel(ctx), AnalysisView(ctx), SaturationView(ctx)
    for w in (panel, tables, sat_view):
        qtbot.addWidget(w)
        w.show()
    assert sat_view.wait_ready()
    before = sat_view.result
    last = analysis.incidence(study).ids[-1]
    seg = study.transcripts.segments(last)[-1]
    new_code = panel.add_code("کد تازه در آخرین مصاحبه")
    study.codings.add(new_code, seg.id, 0, seg.id, min(5, len(seg.text)))
    ctx.notify("codings")
    assert sat_view.wait_ready()
    assert sat_view.result.cumulative[-1] == before.cumulative[-1] + 1
    assert sat_view.result.new_codes[-1] == before.new_codes[-1] + 1
    assert "کد تازه در آخرین مصاحبه" in [n.strip() for n in column(tables.frequencies, 0)]
    study.close()
    assert main(["saturation", "--study", str(demo_path), "--json", "--permutations", "1000"]) == 0
    cli = json.loads(capsys.readouterr().out)
    view = sat_view.result.to_json()
    assert cli == view


def test_hidden_views_refresh_when_shown_and_only_for_what_they_show(qtbot, ctx):
    """A hidden tab reads nothing on a change; shown, it catches up. An edit in place (a segment's text)
    does not refresh the counts, nor the retrieval of a code with no coding on that segment."""
    study = ctx.study
    retrieval_view, tables = RetrievalView(ctx), AnalysisView(ctx)
    for w in (retrieval_view, tables):
        qtbot.addWidget(w)
        w.show()
    budget, other = study.ids["codes"]["budget"], study.ids["codes"]["other"]
    retrieval_view.show_code(other)
    refreshed = []
    retrieval_view.refresh = lambda *a, f=retrieval_view.refresh: (refreshed.append("retrieval"), f())[1]
    tables.refresh = lambda *a, f=tables.refresh: (refreshed.append("tables"), f())[1]
    seg = study.ids["segments"]["مریم"][2]
    ctx.notify("segments", "codings", segment_ids={seg}, code_ids={budget}, in_place=True)
    assert refreshed == []  # the budget code's text moved: neither the counts nor «other»'s quotes change
    for w in (retrieval_view, tables):
        w.hide()
    s3 = study.ids["segments"]["سارا"][2]
    study.codings.add(other, s3, 0, s3, 4)
    ctx.notify("codings", code_ids={other})
    assert refreshed == [] and retrieval_view.list.topLevelItemCount() == 0  # hidden: only marked stale
    retrieval_view.show()
    tables.show()
    assert sorted(refreshed) == ["retrieval", "tables"]
    assert retrieval_view.list.topLevelItemCount() == 1
