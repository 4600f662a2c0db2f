"""The app set-up: Persian translations compiled from the .ts, RTL layout, the study window."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication


def test_persian_ui_translates_and_lays_out_right_to_left(qapp):
    from desktop import i18n
    from desktop.app import set_language

    set_language("fa")
    try:
        assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert (i18n.cache_dir() / "desktop_fa.qm").is_file()
        assert QCoreApplication.translate("TranscriptEditor", "Play") == "پخش"
        assert QCoreApplication.translate("SegmentsModel", "Interviewer") == "مصاحبه‌گر"
    finally:
        set_language("en")
    assert QApplication.layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert QCoreApplication.translate("TranscriptEditor", "Play") == "Play"


def test_study_window_lists_interviews_with_status_and_opens_a_transcript(ctx, qtbot):
    from desktop.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    model = w.interviews.model
    assert model.rowCount() == len(ctx.study.interviews.list())
    statuses = [model.index(r, 5).data() for r in range(model.rowCount())]
    assert statuses[0] == "coded" and statuses[-1].startswith("transcribed")
    assert any(s.startswith("corrected ") for s in statuses)
    assert w.participants.model.rowCount() >= 1
    w.interviews.select(model.rows[1].id)
    w._with_selected(w.open_transcript)
    assert w.tabs.currentWidget() is w.editor and w.editor.interview_id == model.rows[1].id
    assert w.editor.model.rowCount() > 0
    w.editor.shutdown()
    w.ctx.study = ctx.study  # closeEvent closes the study; the fixture closes it again harmlessly


def test_codebook_panel_keys_code_the_editor_selection_in_the_main_window(ctx, qtbot, accept_dialog):
    from PySide6.QtTest import QTest

    from desktop.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    with qtbot.waitActive(w):  # shortcuts fire only in the active window
        w.show()
        w.activateWindow()
    iid = ctx.study.interviews.list()[-1].id
    w.open_transcript(iid)
    before = len(ctx.study.codings.list(interview_id=iid))
    # A code chosen in the panel, Ctrl+Return there: the editor's selected row is coded.
    w.editor.view.selectRow(1)
    code = next(c for c in ctx.study.codes.list() if c.kind == "code")
    w.codebook.select(code.id)
    w.codebook.tree.setFocus()
    QTest.keyClick(w.codebook.tree, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    codings = ctx.study.codings.list(interview_id=iid)
    assert len(codings) == before + 1 and codings[-1].code_id in {c.code_id for c in codings}
    assert any(c.code_id == code.id and c.start_segment_id == w.editor.model.segment(1).id for c in codings)
    # In vivo (Ctrl+Shift+I) puts the new code under the category chosen in the panel.
    category = next(c for c in ctx.study.codes.list() if c.kind == "category")
    w.codebook.select(category.id)
    ed = w.editor.edit_row(0)
    text = w.editor.model.segment(0).text
    word = text.split()[0]
    ed.set_cursor_offset(0, len(word))
    accept_dialog()
    w.editor.act_invivo.trigger()
    made = ctx.study.codes.by_name(word)
    assert made is not None and made.parent_id == category.id
    w.editor.shutdown()


def test_transcribing_a_corrected_interview_asks_first(ctx, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    calls, asked = [], []
    monkeypatch.setattr(w.queue, "enqueue", lambda iid, model=None, force=False: calls.append((iid, force)))
    answers = iter([QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes])
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or next(answers))
    corrected = ctx.study.interviews.list()[0].id  # fully checked and coded in the demo
    w.transcribe(corrected)
    assert calls == [] and "checked segments" in asked[0]  # the researcher said no: nothing queued
    w.transcribe(corrected)
    assert calls == [(corrected, True)]
    fresh = ctx.study.interviews.add(ctx.study.participants.list()[0].id)
    ctx.study.interviews.attach_audio(fresh.id, ctx.study.interviews.audio_file(corrected))
    w.transcribe(fresh.id)
    assert calls[-1] == (fresh.id, False) and len(asked) == 2  # nothing to lose: no question
    w.editor.shutdown()


def test_opening_another_study_deletes_the_old_window(ctx, qtbot, demo_path, tmp_path):
    import shutil

    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from desktop.app import set_language
    from desktop.main_window import MainWindow

    other = tmp_path / "other.mosahebeh"
    shutil.copytree(demo_path, other)
    old = MainWindow(ctx)
    old.show()
    old.switch_study(str(other))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(old)  # gone with its closed study
    new = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow))
    assert new.ctx.study.folder == other
    set_language("fa")  # an app-wide change reaches only windows whose study is open
    set_language("en")
    new.close()
