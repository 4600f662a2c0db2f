"""What a researcher hits in the first hour: interview dates and modes, the interviews listing,
the in-vivo dialog, the no-sound-device notice and stable row heights."""
from __future__ import annotations

import json

from PySide6.QtCore import QDate


def test_interview_date_and_mode_are_edited_on_a_jalali_calendar_in_persian(ctx, qtbot):
    from PySide6.QtCore import QCalendar

    from desktop.app import set_language
    from desktop.study.date_field import iso_of
    from desktop.study.interview_dialog import InterviewDialog

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


def test_date_and_mode_are_edited_in_place_in_the_interviews_table(ctx, qtbot):
    from PySide6.QtCore import QCalendar, Qt
    from PySide6.QtWidgets import QComboBox, QDateEdit

    from codebook.dates import format_date
    from desktop.app import set_language
    from desktop.study.interviews import COL_DATE, COL_MODE, InterviewsView

    set_language("fa")
    try:
        view = InterviewsView(ctx)
        qtbot.addWidget(view)
        view.show()
        qtbot.waitExposed(view)
        told = []
        ctx.changes.connect(lambda change: told.append(change))
        iv = view.model.rows[1]
        index = view.model.index(1, COL_DATE)
        view.table.setCurrentIndex(index)
        qtbot.keyClick(view.table, Qt.Key.Key_F2)  # the edit key opens the calendar field on the cell
        editor = view.table.indexWidget(index)
        assert isinstance(editor, QDateEdit) and editor.calendar().name() == QCalendar(QCalendar.System.Jalali).name()
        editor.setDate(QDate(1403, 5, 2, QCalendar(QCalendar.System.Jalali)))
        qtbot.keyClick(editor, Qt.Key.Key_Return)  # the delegate commits on the next turn of the event loop
        qtbot.waitUntil(lambda: ctx.study.interviews.get(iv.id).date == "2024-07-23")
        assert view.model.index(1, COL_DATE).data() == "۱۴۰۳/۰۵/۰۲" and view.selected_id() == iv.id
        assert told and "interviews" in told[-1] and told[-1].interview_id == iv.id
        view.table.setCurrentIndex(view.model.index(1, COL_MODE))
        qtbot.keyClick(view.table, Qt.Key.Key_F2)
        box = view.table.indexWidget(view.model.index(1, COL_MODE))
        assert isinstance(box, QComboBox) and box.currentData() == iv.mode
        box.setCurrentIndex(box.findData("video"))
        qtbot.keyClick(box, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: ctx.study.interviews.get(iv.id).mode == "video")
        assert view.model.index(1, COL_MODE).data() == "تماس تصویری" and view.selected_id() == iv.id
        ctx.undo_stack.undo()  # each change is one undo step, shown in the list at once
        assert ctx.study.interviews.get(iv.id).mode == iv.mode and view.model.index(1, COL_MODE).data() != "تماس تصویری"
        ctx.undo_stack.undo()
        assert ctx.study.interviews.get(iv.id).date == iv.date
        assert view.model.index(1, COL_DATE).data() == format_date(iv.date, "fa") and view.selected_id() == iv.id
        ctx.undo_stack.redo()
        assert ctx.study.interviews.get(iv.id).date == "2024-07-23"
    finally:
        set_language("en")


def test_the_interview_dialog_in_the_window_is_one_undo_step(ctx, qtbot):
    from desktop.study.interview_dialog import InterviewDialog

    iv = ctx.study.interviews.list()[2]
    dialog = InterviewDialog(ctx.study, iv, ctx=ctx)
    qtbot.addWidget(dialog)
    dialog.title.setText("گفت‌وگوی دوم")
    dialog.mode.setCurrentIndex(dialog.mode.findData("in-person"))
    dialog.accept()
    changed = ctx.study.interviews.get(iv.id)
    assert (changed.title, changed.mode) == ("گفت‌وگوی دوم", "in-person") and ctx.undo_stack.count() == 1
    ctx.undo_stack.undo()
    back = ctx.study.interviews.get(iv.id)
    assert (back.title, back.mode, back.date) == (iv.title, iv.mode, iv.date)


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


def test_no_sound_device_is_said_in_the_window_once_and_editing_goes_on(editor, ctx, qtbot, monkeypatch):
    from desktop.transcript import notice

    monkeypatch.setattr(notice, "output_available", lambda: False)  # the sound card faked away
    editor.open_interview(6)
    assert not editor.sound_notice.isVisible()
    editor.toggle_play()
    assert editor.sound_notice.isVisible() and "No sound device" in editor.sound_notice.text()
    qtbot.waitUntil(lambda: editor.player.position() > 0, timeout=5000)  # the clock still moves
    editor.toggle_play()
    editor.toggle_play()
    labels = [w for w in editor.findChildren(type(editor.sound_notice)) if w.isVisible()]
    assert labels == [editor.sound_notice]  # one notice, however often play is pressed
    editor.toggle_play()
    ed = editor.edit_row(0)  # editing still works
    assert ed is not None
    monkeypatch.setattr(notice, "output_available", lambda: True)
    editor.toggle_play()
    assert not editor.sound_notice.isVisible()
    editor.toggle_play()


def test_guide_question_marks_are_a_small_sign_with_the_question_on_hover(editor, ctx):
    from PySide6.QtCore import Qt

    from desktop.transcript.model import COL_TIME

    iv = next(i for i in ctx.study.interviews.list() if ctx.study.marks.list(i.id, "question"))
    editor.open_interview(iv.id)
    model = editor.model
    row = next(r for r in range(model.rowCount()) if model.marks_of(r))
    marks = model.marks_of(row)
    shown = model.index(row, COL_TIME).data().split("\n")
    assert len(shown) == 3 and set(shown[2].split()) <= {"?", "⚑"}  # times, then signs only
    tip = model.index(row, COL_TIME).data(Qt.ItemDataRole.ToolTipRole)
    question = next(m for m in marks if m.kind == "question")
    assert question.label and question.label in tip
    widths = [len(line) for line in shown]
    assert max(widths) <= len("00:00.0")  # the column no longer widens for the question's text


def _coded_row(editor, partial=True):
    """A row with a coding that covers part of its text (not all of it)."""
    for r in range(editor.model.rowCount()):
        seg = editor.model.segment(r)
        for coding, code in editor.model.codings_of(r):
            from desktop.transcript.coded_text import part_in
            part = part_in(coding, seg)
            if part and (not partial or part != (0, len(seg.text))):
                return r, coding, code, part
    return None


def test_coded_words_carry_a_bar_in_the_code_colour_under_exactly_their_span(editor, ctx, qtbot):
    from PySide6.QtGui import QColor

    from desktop.transcript import coded_text
    from desktop.transcript.model import COL_TEXT

    iv = ctx.study.interviews.list()[0].id
    editor.open_interview(iv)
    seg = editor.model.segment(0)
    text = seg.text
    word = text.split()[2]
    a = text.index(word)
    code = next(c for c in ctx.study.codes.list() if c.kind == "code")
    ctx.study.codes.update(code.id, color="#0000ff")
    ctx.study.codings.add(code.id, seg.id, a, seg.id, a + len(word))
    editor.model.refresh_codings()
    qtbot.wait(50)
    index = editor.model.index(0, COL_TEXT)
    rect = editor.view.visualRect(index)
    image = editor.view.viewport().grab().toImage()
    doc = editor.delegate.document(index, rect.width(), editor.view.font())
    mine = [(r, c) for r, c in coded_text.bars(doc, seg, editor.model.codings_of(0)) if c == QColor("#0000ff")]
    assert len(mine) == 1
    bar = mine[0][0].translated(rect.left(), rect.top())
    assert image.pixelColor(int(bar.center().x()), int(bar.center().y())) == QColor("#0000ff")
    # the bar spans the word's glyphs: right to left, so it is right of the first word's start
    first_word_x = coded_text._x(doc.begin().layout().lineAt(0), 0) + rect.left()
    assert bar.right() < first_word_x
    # nothing blue under the text outside the coding
    outside = [image.pixelColor(x, int(bar.center().y())) for x in range(rect.left(), rect.right())
               if not bar.left() - 2 <= x <= bar.right() + 2]
    assert QColor("#0000ff") not in outside
    assert coded_text.names_at(seg, editor.model.codings_of(0), a + 1)[-1] == code.name
    assert code.name not in coded_text.names_at(seg, editor.model.codings_of(0), a + len(word) + 1)


def test_row_height_does_not_change_when_a_coding_is_added(editor, ctx, qtbot):
    iv = ctx.study.interviews.list()[0].id
    editor.open_interview(iv)
    qtbot.wait(50)  # rows near the viewport are measured once the interview is shown
    before = editor.view.rowHeight(1)
    seg = editor.model.segment(1)
    code = next(c for c in ctx.study.codes.list() if c.kind == "code")
    ctx.study.codings.add(code.id, seg.id, 0, seg.id, 4)
    editor.model.refresh_codings()
    qtbot.wait(50)
    assert editor.view.rowHeight(1) == before


def test_row_heights_are_right_at_the_first_paint_and_stay_while_clicking_and_playing(ctx, qtbot):
    from PySide6.QtCore import QEvent, QObject, QPoint, Qt

    from PySide6.QtWidgets import QStyleOptionViewItem

    from desktop.main_window import MainWindow
    from desktop.transcript.model import COL_TEXT, COL_TIME

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.resize(1280, 800)
    w.show()
    qtbot.waitExposed(w)
    editor = w.editor
    first_paint: list[list[int]] = []

    class Spy(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint and not first_paint and editor.model.rowCount():
                first_paint.append([editor.view.rowHeight(r) for r in range(editor.model.rowCount())])
            return False

    spy = Spy()
    editor.view.viewport().installEventFilter(spy)
    w.open_transcript(ctx.study.interviews.list()[0].id)  # the first transcript of the session
    qtbot.waitUntil(lambda: bool(first_paint), timeout=5000)
    qtbot.wait(100)
    settled = [editor.view.rowHeight(r) for r in range(editor.model.rowCount())]
    assert first_paint[0] == settled
    option = QStyleOptionViewItem()
    option.font = editor.view.font()
    for r, height in enumerate(settled):  # every line of the text and of the time column fits (no elision)
        need = max(editor.delegate.sizeHint(option, editor.model.index(r, c)).height() for c in (COL_TIME, COL_TEXT))
        assert height >= need + 1, r
    rect = editor.view.visualRect(editor.model.index(2, COL_TIME))
    qtbot.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center() + QPoint(10, 0))
    qtbot.wait(100)
    assert [editor.view.rowHeight(r) for r in range(editor.model.rowCount())] == settled
    # playing: the active row and word follow the position as the player reports it (driven here without the
    # media backend, which can stall in a test process with no sound device)
    for ms in range(editor.model.segment(1).start_ms, editor.model.segment(3).end_ms, 250):
        editor.player.positionChanged.emit(ms)
        qtbot.wait(5)
    assert editor.model.active_row >= 1
    assert [editor.view.rowHeight(r) for r in range(editor.model.rowCount())] == settled
    editor.view.viewport().removeEventFilter(spy)
    editor.shutdown()


def test_every_action_has_an_icon_and_the_toolbar_shows_text_where_it_fits(editor, qtbot):
    from PySide6.QtCore import Qt

    from desktop.icons import ICONS, icon

    assert all(not icon(name).isNull() for name in ICONS)
    actions = [a for a in editor.actions() if not a.isSeparator()]
    assert actions and all(not a.icon().isNull() for a in actions)
    bar = editor.toolbar
    editor.resize(1900, 700)
    qtbot.waitUntil(lambda: bar.width() > 1500)
    assert bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonTextBesideIcon
    editor.resize(500, 700)
    qtbot.waitUntil(lambda: bar.width() < 600)
    assert bar.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
    assert all(a.toolTip() for a in bar.actions() if not a.isSeparator())  # names still there on hover


def test_participants_columns_fit_with_whole_pseudonyms_and_counts(ctx, qtbot):
    from desktop.study.participants import ParticipantsView

    view = ParticipantsView(ctx)
    qtbot.addWidget(view)
    view.resize(700, 400)
    view.show()
    qtbot.waitExposed(view)
    tree, header = view.tree, view.tree.header()
    n = view.model.columnCount()
    qtbot.waitUntil(lambda: sum(tree.columnWidth(c) for c in range(n)) <= tree.viewport().width())
    for c in (0, n - 1):  # the pseudonym with its referral indent, and the count: never cut
        assert tree.columnWidth(c) >= max(tree.sizeHintForColumn(c), header.sectionSizeHint(c))
    cut = [view.model.item(0, c) for c in range(1, n - 1) if tree.columnWidth(c) < tree.sizeHintForColumn(c)]
    assert all(item is None or item.toolTip() == item.text() for item in cut)  # cut text is whole on hover


def test_export_goes_to_documents_for_the_demo_then_to_the_last_folder_chosen(qtbot, demo_path, tmp_path):
    import shutil
    from pathlib import Path

    from PySide6.QtCore import QStandardPaths

    from codebook import Study
    from desktop.context import StudyContext
    from desktop.exchange.dialogs import ExportDialog
    from desktop.settings import Settings
    from transcribe.paths import data_dir

    Settings().export_folder = ""
    demo = data_dir() / "demo-for-export.mosahebeh"  # the demo lives in the hidden data folder
    shutil.copytree(demo_path, demo)
    ctx = StudyContext(Study.open(demo))
    try:
        d = ExportDialog(ctx)
        qtbot.addWidget(d)
        d.what.setCurrentIndex(d.what.findData("qdc"))
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        expected = Path(documents) if documents and Path(documents).is_dir() else Path.home()
        assert Path(d.out.text()).parent == expected
        assert data_dir().resolve() not in Path(d.out.text()).resolve().parents
        d.out.setText(str(tmp_path / "codebook.qdc"))
        d.start()
        qtbot.waitUntil(lambda: d.run_button.isEnabled(), timeout=30000)
        again = ExportDialog(ctx)
        qtbot.addWidget(again)
        again.what.setCurrentIndex(again.what.findData("qdc"))
        assert Path(again.out.text()).parent == tmp_path  # the last folder chosen
    finally:
        Settings().export_folder = ""
        ctx.study.close()
        shutil.rmtree(demo, ignore_errors=True)


def test_a_study_archive_goes_out_and_comes_in_through_the_dialogs(ctx, qtbot, tmp_path):
    from codebook import Study
    from desktop.exchange.dialogs import ExportDialog, ImportDialog

    d = ExportDialog(ctx)
    qtbot.addWidget(d)
    d.what.setCurrentIndex(d.what.findData("archive"))
    assert d.out.text().endswith(".mosahebeh.zip") and not d.pseudonymise.isVisibleTo(d)
    out = tmp_path / "copy.mosahebeh.zip"
    d.out.setText(str(out))
    d.start()
    qtbot.waitUntil(lambda: d.run_button.isEnabled(), timeout=60000)
    assert "Wrote the whole study" in d.status.text() and out.is_file()
    i = ImportDialog(ctx)
    qtbot.addWidget(i)
    i.path.setText(str(out))
    assert i.target.isVisibleTo(i) and not i.interview.isVisibleTo(i)  # always a new study
    i.target.setText(str(tmp_path / "second"))
    i.start()
    qtbot.waitUntil(lambda: i.run_button.isEnabled(), timeout=60000)
    assert "Imported" in i.status.text(), i.status.text()
    with Study.open(tmp_path / "second.mosahebeh") as back:
        assert len(back.codings.list()) == len(ctx.study.codings.list())
        assert [s.text for s in back.transcripts.segments(1)] == [s.text for s in ctx.study.transcripts.segments(1)]
