"""The agreement view, walking its disagreements, the merge dialog and the coder's name, offscreen."""
import shutil

import pytest
from PySide6.QtCore import QLocale

from codebook import Study
from codebook import agreement as ag
from codebook.demo_data import CODERS


@pytest.fixture
def ctx(demo_path, qapp):
    from desktop.app import set_language
    from desktop.context import StudyContext

    set_language("en")
    study = Study.open(demo_path)
    yield StudyContext(study)
    study.close()


def column(table, col):
    return [table.item(r, col).text() for r in range(table.rowCount())]


def test_the_view_shows_the_same_table_as_the_command(ctx, qtbot):
    from desktop.analysis.agreement import AgreementView

    view = AgreementView(ctx)
    qtbot.addWidget(view)
    assert view.result is None and view.coder_a.count() == 0  # nothing read until the tab is seen
    view.show()
    assert view.busy.isVisible()  # computing in the worker
    assert view.wait_ready() and not view.busy.isVisible()
    assert (view.coder_a.currentData(), view.coder_b.currentData()) == CODERS
    expected = ag.compute(ctx.study, *CODERS)
    loc = QLocale()
    assert column(view.table, 1)[:-1] == [c.code for c in expected.codes]
    closure = next(i for i, c in enumerate(expected.codes) if c.code == "تعطیلی فیزیکی")
    assert view.table.item(closure, 4).text() == loc.toString(expected.codes[closure].kappa, "f", 2) == "0.76"
    assert column(view.table, 4)[-1] == "0.82" and column(view.table, 5)[-1] == "0.82"
    assert column(view.table, 4)[column(view.table, 1).index("همکاری با نهادهای محلی")] == "—"
    assert "Cohen's kappa = 0.82" in view.sentence.text()
    assert view.disagreements.topLevelItemCount() == len(expected.disagreements) == 4
    view.unit.setCurrentIndex(1)
    assert view.wait_ready()
    assert view.overlap.isEnabled() and view.result.unit == "span"
    assert view.disagreements.topLevelItemCount() == len(ag.compute(ctx.study, *CODERS, unit="span").disagreements)


def test_walking_the_disagreements_keep_drop_adopt_and_undo(ctx, qtbot):
    from desktop.analysis.agreement import AgreementView

    view = AgreementView(ctx)
    qtbot.addWidget(view)
    view.show()  # a hidden view recomputes only when shown again
    walker = view.walk(0)
    qtbot.addWidget(walker)
    items = walker.items
    assert len(items) == 4 and walker.where.text().startswith("Disagreement 1 of 4")
    # Both coders' codings on the segment, side by side; the one in dispute in bold.
    first = items[0]
    left, right = walker.lists
    assert left.count() + right.count() >= 2
    disputed = left if first.coder == CODERS[0] else right
    assert any(disputed.item(i).font().bold() for i in range(disputed.count()))
    assert first.coder in walker.question.text() and walker.text.text()
    # Keep: nothing changes, the next one shows.
    before = len(ctx.study.codings.list())
    walker.keep_button.click()
    assert walker.index == 1 and len(ctx.study.codings.list()) == before
    # Drop the coding in dispute: it is gone; undo brings it back.
    d = walker.current
    walker.drop_button.click()
    assert len(ctx.study.codings.list()) == before - len(d.coding_ids)
    qtbot.waitUntil(lambda: view.disagreements.topLevelItemCount() == 3)
    ctx.undo_stack.undo()
    assert len(ctx.study.codings.list()) == before
    # Adopt: the other coder gets the same coding; the figures move towards agreement.
    walker.show_at(3)
    d = walker.current
    kappa_before = ag.compute(ctx.study, *CODERS).overall.kappa
    walker.adopt_button.click()
    other = CODERS[1] if d.coder == CODERS[0] else CODERS[0]
    made = [c for c in ctx.study.codings.list() if c.coder == other and c.code_id == d.code_id
            and c.start_segment_id == d.segment_id]
    assert made
    assert ag.compute(ctx.study, *CODERS).overall.kappa > kappa_before
    qtbot.waitUntil(lambda: view.disagreements.topLevelItemCount() == 3)
    ctx.undo_stack.undo()
    assert ag.compute(ctx.study, *CODERS).overall.kappa == pytest.approx(kappa_before)


def test_walking_opens_the_editor_on_the_segment(ctx, qtbot):
    from desktop.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    view = next(w.tabs.widget(i) for i in range(w.tabs.count()) if hasattr(w.tabs.widget(i), "walk"))
    walker = view.walk(1)
    d = walker.current
    assert w.tabs.currentWidget() is w.editor and w.editor.interview_id == d.interview_id
    row = w.editor.view.currentIndex().row()
    assert w.editor.model.row_of(d.segment_id) == row
    walker.close()
    w.editor.shutdown()


def test_export_table(ctx, qtbot, tmp_path):
    from docx import Document

    from desktop.analysis.agreement import AgreementView

    view = AgreementView(ctx)
    qtbot.addWidget(view)
    view.export_to(str(tmp_path / "k"), "fa")
    doc = Document(str(tmp_path / "k.docx"))
    assert any("کاپای کوهن ۰٫۸۲" in p.text for p in doc.paragraphs)


def test_merge_dialog_previews_then_merges_in_one_undo_step(ctx, qtbot, tmp_path):
    from desktop.analysis.merge_dialog import MergeDialog

    theirs = tmp_path / "colleague.mosahebeh"
    shutil.copytree(ctx.study.folder, theirs)
    with Study.open(theirs) as s:
        iv = s.interviews.list()[2]
        seg = s.transcripts.segments(iv.id)[1]
        code = next(c for c in s.codes.list() if c.kind == "code")
        s.codings.add(code.id, seg.id, 0, None, coder="Sara")
        s.codes.add("کد تازه")
    before = len(ctx.study.codings.list()), len(ctx.study.codes.list())
    dialog = MergeDialog(ctx)
    qtbot.addWidget(dialog)
    assert dialog.load(str(theirs))
    text = dialog.preview.toPlainText()
    assert "Interviews matched: 6 of 6" in text and "Codes added: 1" in text and "Sara: 1" in text
    assert (len(ctx.study.codings.list()), len(ctx.study.codes.list())) == before  # a preview writes nothing
    assert dialog.merge_button.isEnabled()
    dialog.merge_button.click()
    assert len(ctx.study.codings.list()) == before[0] + 1 and len(ctx.study.codes.list()) == before[1] + 1
    assert ctx.undo_stack.undoText().startswith("Merge from")
    ctx.undo_stack.undo()
    assert (len(ctx.study.codings.list()), len(ctx.study.codes.list())) == before
    ctx.undo_stack.redo()
    assert len(ctx.study.codings.list()) == before[0] + 1
    bad = MergeDialog(ctx)
    qtbot.addWidget(bad)
    assert not bad.load(str(tmp_path / "nothing.qdpx")) and not bad.merge_button.isEnabled()


def test_coder_name_is_stamped_and_renamed(ctx, qtbot, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from desktop.analysis.merge_dialog import offer_coder_rename
    from desktop.settings import Settings
    from desktop.settings_dialog import SettingsDialog
    from desktop.transcript import TranscriptEditor

    settings = Settings()
    dialog = SettingsDialog(settings)
    qtbot.addWidget(dialog)
    dialog.coder.setText("  Sara   K ")
    dialog.accept()
    assert Settings().coder_name == "Sara K"
    ctx.coder = settings.coder_name
    editor = TranscriptEditor(ctx, settings=settings)
    qtbot.addWidget(editor)
    iid = ctx.study.interviews.list()[-1].id
    editor.open_interview(iid)
    editor.view.selectRow(1)
    code = next(c for c in ctx.study.codes.list() if c.kind == "code")
    editor.apply_codes([code.id])
    mine = [c for c in ctx.study.codings.list() if c.coder == "Sara K"]
    assert len(mine) == 1
    assert offer_coder_rename(ctx, "Sara K", "Sara Karimi", ask=False)
    assert [c.coder for c in ctx.study.codings.list() if c.id == mine[0].id] == ["Sara Karimi"]
    ctx.undo_stack.undo()
    assert [c.coder for c in ctx.study.codings.list() if c.id == mine[0].id] == ["Sara K"]
    editor.shutdown()
    settings.coder_name = ""


@pytest.fixture
def fa(demo_path, qapp, tmp_path):
    from PySide6.QtCore import QCoreApplication, QEvent, QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.app import set_language
    from desktop.context import StudyContext

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    set_language("fa")
    study = Study.open(demo_path)
    yield StudyContext(study)
    for w in QApplication.topLevelWidgets():
        w.close()
        w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    study.close()
    set_language("en")


def _english_in():
    import importlib.util
    from pathlib import Path

    spec = importlib.util.spec_from_file_location(
        "persian_ui", Path(__file__).resolve().parents[1] / "desktop" / "test_persian_ui.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.english_in


def test_in_persian_no_english_and_screenshots(fa, qtbot, tmp_path):
    from PySide6.QtCore import QCoreApplication

    from desktop.analysis.agreement import AgreementView
    from desktop.analysis.merge_dialog import MergeDialog

    english_in = _english_in()
    view = AgreementView(fa)
    qtbot.addWidget(view)
    view.resize(1100, 720)
    view.show()
    assert english_in(view) == []  # the busy line too
    assert view.wait_ready()
    QCoreApplication.processEvents()
    assert english_in(view) == []
    assert "کاپای کوهن ۰٫۸۲" in view.sentence.text()
    walker = view.walk(0)
    walker.show()
    QCoreApplication.processEvents()
    assert english_in(walker) == []
    theirs = tmp_path / "colleague.mosahebeh"
    shutil.copytree(fa.study.folder, theirs)
    dialog = MergeDialog(fa)
    qtbot.addWidget(dialog)
    assert dialog.load(str(theirs))
    dialog.show()
    QCoreApplication.processEvents()
    assert english_in(dialog) == []
    assert "۶ از ۶" in dialog.preview.toPlainText()
    import os
    shots = os.environ.get("MOSAHEBEH_SCREENSHOTS")
    if shots:
        view.grab().save(f"{shots}/agreement-fa.png")
        walker.grab().save(f"{shots}/disagreement-fa.png")
        dialog.grab().save(f"{shots}/merge-fa.png")


def test_panel_retrieval_and_tables_filter_by_coder(ctx, qtbot):
    from codebook import analysis, retrieval
    from desktop.analysis.retrieval import RetrievalView
    from desktop.analysis.tables import AnalysisView
    from desktop.codes.panel import CodebookPanel

    study = ctx.study
    closure = study.codes.by_name("تعطیلی فیزیکی").id
    # The library: the first coder put closure on 5 passages, the second on 3 (one the first did not).
    assert study.codes.coding_counts(CODERS[0])[closure] == 5 and study.codes.coding_counts(CODERS[1])[closure] == 3
    assert len(retrieval.coded_segments(study, closure, coder=CODERS[1])) == 3
    row = lambda tables: next(r for t in tables for r in t.rows if r.code_id == closure)  # noqa: E731
    assert row(analysis.frequency_tables(study, coder=CODERS[0])).count == 5
    assert row(analysis.frequency_tables(study)).count == 6  # two of the second coder's passages are the first's
    m = analysis.code_matrix(study, coder=CODERS[1])
    assert sum(m.cells[[c for c, _ in m.codes].index(closure)]) == 3
    # The views: a chooser of coders, shown because the demo has two.
    panel = CodebookPanel(ctx)
    qtbot.addWidget(panel)
    panel.show()
    assert panel.coder_filter.isVisible() and panel.coder_filter.count() == 3
    assert panel.model.counts[closure] == 8
    panel.coder_filter.setCurrentIndex(panel.coder_filter.findData(CODERS[1]))
    assert panel.model.counts[closure] == 3
    view = RetrievalView(ctx)
    qtbot.addWidget(view)
    view.show_code(closure)
    assert view.list.topLevelItemCount() == 8
    view.coder_filter.setCurrentIndex(view.coder_filter.findData(CODERS[0]))
    assert view.list.topLevelItemCount() == 5
    tables = AnalysisView(ctx)
    qtbot.addWidget(tables)
    tables.refresh()
    assert "counts once" in tables.note.text()  # all coders: the table says how it counts them
    tables.coder_filter.setCurrentIndex(tables.coder_filter.findData(CODERS[1]))
    assert "counts once" not in tables.note.text()
    names = [tables.frequencies.item(r, 0).text().strip() if tables.frequencies.item(r, 0) else ""
             for r in range(tables.frequencies.rowCount())]
    at = names.index("تعطیلی فیزیکی")
    assert tables.frequencies.item(at, 1).text() == "3"


def test_a_hidden_view_recomputes_when_shown(ctx, qtbot):
    from desktop.analysis.agreement import AgreementView

    view = AgreementView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert view.wait_ready() and view.disagreements.topLevelItemCount() == 4
    view.hide()
    d = view.result.disagreements[0]
    ctx.study.codings.remove(d.coding_ids[0])
    ctx.notify("codings")
    assert not view.pending and view.disagreements.topLevelItemCount() == 4  # hidden: nothing computed
    view.show()
    assert view.pending and view.disagreements.topLevelItemCount() == 4  # the last result, until the new one
    assert view.wait_ready() and view.disagreements.topLevelItemCount() == 3
