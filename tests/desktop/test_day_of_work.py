"""What a researcher hits in the first hour: interview dates and modes, the interviews listing,
the in-vivo dialog, the no-sound-device notice and stable row heights."""
from __future__ import annotations

import json

from PySide6.QtCore import QDate


def test_interview_date_and_mode_are_edited_on_a_jalali_calendar_in_persian(ctx, qtbot):
    from PySide6.QtCore import QCalendar

    from desktop.app import set_language
    from desktop.study.interview_dialog import InterviewDialog, iso_of

    set_language("fa")
    try:
        iv = ctx.study.interviews.list()[0]
        dialog = InterviewDialog(ctx.study, iv)
        qtbot.addWidget(dialog)
        assert dialog.date.calendar().name() == QCalendar(QCalendar.System.Jalali).name()
        assert iso_of(dialog.date) == iv.date
        # The field shows the Jalali date in Persian digits: 2020-05-12 is 1399/02/23.
        assert dialog.date.text() == "۱۳۹۹/۰۲/۲۳"
        dialog.date.setDate(QDate(1403, 5, 2, QCalendar(QCalendar.System.Jalali)))
        dialog.mode.setCurrentIndex(dialog.mode.findData("phone"))
        dialog.accept()
    finally:
        set_language("en")
    changed = ctx.study.interviews.get(iv.id)
    assert changed.date == "2024-07-23" and changed.mode == "phone"


def test_a_new_interview_gets_the_date_and_mode_chosen(ctx, qtbot):
    from desktop.study.interview_dialog import InterviewDialog

    dialog = InterviewDialog(ctx.study)
    qtbot.addWidget(dialog)
    dialog.date.setDate(QDate(2021, 3, 4))
    dialog.mode.setCurrentIndex(dialog.mode.findData("in-person"))
    dialog.participant.setCurrentIndex(1)
    dialog.accept()
    iv = ctx.study.interviews.get(dialog.interview.id)
    assert (iv.date, iv.mode) == ("2021-03-04", "in-person") and iv.participant_id is not None


def test_interviews_command_lists_and_edits(demo_path, capsys):
    from desktop.cli import main

    assert main(["interviews", "--study", str(demo_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [set(r) for r in rows][0] == {"id", "title", "participant", "date", "mode", "duration_s", "status",
                                         "coded", "segments", "checked"}
    first = rows[0]
    assert first["status"] == "corrected" and first["checked"] == 1.0 and first["coded"] is True
    assert any(0 < r["checked"] < 1 for r in rows)
    assert main(["interviews", "--study", str(demo_path), "--edit", str(first["id"]), "--date", "1399/02/24",
                 "--mode", "video"]) == 0
    table = capsys.readouterr().out
    assert "2020-05-13" in table and "video" in table.splitlines()[1]
    assert main(["interviews", "--study", str(demo_path), "--edit", str(first["id"]), "--date", "1399/13/40"]) == 2
    assert "is not a date" in capsys.readouterr().err


def test_in_vivo_from_a_whole_segment_asks_for_the_name_and_category(editor, ctx, qtbot, accept_dialog):
    editor.open_interview(6)
    editor.view.selectRow(0)
    sentence = editor.model.segment(0).text
    categories = [c for c in ctx.study.codes.list() if c.kind == "category"]

    def rename(dialog):
        # proposed: the words, without the full stop, at most eight of them
        assert dialog.name.text() == " ".join(sentence.split()[:8]).strip(" .،؛؟!«»")
        assert not dialog.name.text().endswith(".")
        assert dialog.category.currentData() == categories[0].id
        dialog.name.setText("آموزش کتابداران")
        dialog.category.setCurrentIndex(dialog.category.findData(categories[1].id))

    accept_dialog(rename)
    assert editor.in_vivo(categories[0].id)
    made = ctx.study.codes.by_name("آموزش کتابداران", categories[1].id)
    assert made is not None and made.parent_id == categories[1].id
    assert [c for c in ctx.study.codings.list(interview_id=6) if c.code_id == made.id]


def test_in_vivo_cancelled_changes_nothing(editor, ctx, qtbot):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    editor.open_interview(6)
    editor.view.selectRow(0)
    n_codes = len(ctx.study.codes.list())
    QTimer.singleShot(0, lambda: QApplication.activeModalWidget().reject())
    assert not editor.in_vivo(None)
    assert len(ctx.study.codes.list()) == n_codes
