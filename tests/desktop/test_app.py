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
