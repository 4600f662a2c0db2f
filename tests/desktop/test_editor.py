"""The transcript editor on the demo study, offscreen: playing, following,
seeking by click, edits that round-trip to the database and undo exactly."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextOption

from codebook import Study
from desktop.transcript.model import COL_TEXT, COL_TIME

IV = 2  # a fully transcribed, coded demo interview


def test_play_advances_and_highlight_follows(editor, qtbot):
    editor.open_interview(IV)
    qtbot.waitUntil(lambda: editor.player.duration() > 0, timeout=5000)
    assert editor.model.rowCount() == 8
    third = editor.model.segment(2)
    editor.play_at(third.start_ms + 100)
    qtbot.waitUntil(lambda: editor.player.position() > third.start_ms + 400, timeout=5000)
    assert editor.player.is_playing()
    assert editor.model.active_row == 2
    assert editor.model.index(2, COL_TEXT).data(Qt.ItemDataRole.BackgroundRole) is not None
    assert editor.model.index(1, COL_TEXT).data(Qt.ItemDataRole.BackgroundRole) is None
    # the position keeps moving and the highlight moves with it into the next segment
    fourth = editor.model.segment(3)
    editor.player.seek(fourth.start_ms + 50)
    qtbot.waitUntil(lambda: editor.model.active_row == 3, timeout=3000)
    rect = editor.view.visualRect(editor.model.index(3, COL_TEXT))
    assert editor.view.viewport().rect().intersects(rect)  # kept in view


def test_keys_play_pause_and_skip(editor, qtbot):
    editor.open_interview(IV)
    qtbot.waitUntil(lambda: editor.player.duration() > 0, timeout=5000)
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_F4)
    qtbot.waitUntil(editor.player.is_playing, timeout=3000)
    qtbot.keyClick(editor.view, Qt.Key.Key_F4)
    qtbot.waitUntil(lambda: not editor.player.is_playing(), timeout=3000)
    editor.player.seek(20_000)
    qtbot.keyClick(editor.view, Qt.Key.Key_F12)
    assert abs(editor.player.position() - 15_000) < 200
    qtbot.keyClick(editor.view, Qt.Key.Key_F12, Qt.KeyboardModifier.ShiftModifier)
    assert abs(editor.player.position() - 20_000) < 200
    qtbot.keyClick(editor.view, Qt.Key.Key_F10)
    assert editor.player.rate() == 1.25
    qtbot.keyClick(editor.view, Qt.Key.Key_Space, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(editor.player.is_playing, timeout=3000)


def test_auto_rewind_on_resume(editor, qtbot):
    editor.open_interview(IV)
    editor.player.auto_rewind_ms = 2000
    qtbot.waitUntil(lambda: editor.player.duration() > 0, timeout=5000)
    editor.play_at(10_000)
    qtbot.waitUntil(lambda: editor.player.position() > 10_300, timeout=5000)
    editor.player.pause()
    paused_at = editor.player.position()
    editor.player.play()
    assert editor.player.position() <= paused_at - 1500


def test_click_on_time_and_word_seeks(editor, qtbot):
    editor.open_interview(IV)
    qtbot.waitUntil(lambda: editor.player.duration() > 0, timeout=5000)
    seg = editor.model.segment(4)
    editor.view.scrollTo(editor.model.index(4, COL_TIME))
    rect = editor.view.visualRect(editor.model.index(4, COL_TIME))
    qtbot.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: abs(editor.player.position() - seg.start_ms) < 100, timeout=3000)
    # a click on the left end of the RTL text is on its last word
    seg = editor.model.segment(3)
    rect = editor.view.visualRect(editor.model.index(3, COL_TEXT))
    doc = editor.delegate.document(editor.model.index(3, COL_TEXT), rect.width(), editor.view.font())
    doc.size()  # lays the document out
    block = doc.firstBlock()
    layout = block.layout()
    assert layout.lineCount() >= 1
    last_line = layout.lineAt(layout.lineCount() - 1)
    x = int(last_line.naturalTextRect().left()) + 6
    y = int(last_line.y() + last_line.height() / 2 + doc.documentMargin())
    qtbot.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.topLeft() + type(rect.topLeft())(x, y))
    last_word = seg.words[-1]
    qtbot.waitUntil(lambda: abs(editor.player.position() - last_word.start_ms) < 100, timeout=3000)


def test_edit_text_round_trips_and_undo_restores_codings(editor, ctx, qtbot, demo_path):
    editor.open_interview(IV)
    row = next(r for r in range(editor.model.rowCount()) if editor.model.codings_of(r))
    seg = editor.model.segment(row)
    before = {c.id: c for c in ctx.study.codings.touching(seg.id)}
    ed = editor.edit_row(row)
    assert ed is not None
    ed.selectAll()
    qtbot.keyClicks(ed, "WhatsApp ")  # replaces the selection: the coded words are gone
    ed.setPlainText("WhatsApp " + seg.text)
    editor.close_text_editor()
    assert ctx.study.transcripts.segment(seg.id).text == "WhatsApp " + seg.text
    moved = {c.id: c for c in ctx.study.codings.touching(seg.id)}
    assert any(moved[i].start_offset != before[i].start_offset or moved[i].end_offset != before[i].end_offset
               for i in before if before[i].start_segment_id == seg.id or before[i].end_segment_id == seg.id)
    ctx.undo_stack.undo()
    assert ctx.study.transcripts.segment(seg.id).text == seg.text
    assert {c.id: c for c in ctx.study.codings.touching(seg.id)} == before
    ctx.undo_stack.redo()
    # saved at once: another connection sees it
    with Study.open(demo_path) as other:
        assert other.transcripts.segment(seg.id).text == "WhatsApp " + seg.text


def test_split_merge_undo_redo_keep_ids(editor, ctx, qtbot, demo_path):
    editor.open_interview(IV)
    original = [s for s in ctx.study.transcripts.segments(IV)]
    seg = original[3]
    ed = editor.edit_row(3)
    cut = seg.text.index(" ", len(seg.text) // 2)
    ed.set_cursor_offset(cut)
    qtbot.keyClick(ed, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    after = ctx.study.transcripts.segments(IV)
    assert len(after) == len(original) + 1
    left, right = after[3], after[4]
    assert left.id == seg.id and left.text == seg.text[:cut] and right.text == seg.text[cut + 1:]
    assert seg.start_ms < left.end_ms == right.start_ms < seg.end_ms
    assert editor.model.rowCount() == len(after)
    ctx.undo_stack.undo()
    assert ctx.study.transcripts.segments(IV) == original
    ctx.undo_stack.redo()
    assert [s.id for s in ctx.study.transcripts.segments(IV)] == [s.id for s in after]
    # merge it back with the next, then undo the merge
    editor.view.setCurrentIndex(editor.model.index(3, COL_TEXT))
    editor.view.setFocus()
    qtbot.keyClick(editor.view, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    merged = ctx.study.transcripts.segments(IV)
    assert len(merged) == len(original) and merged[3].text == seg.text
    ctx.undo_stack.undo()
    assert ctx.study.transcripts.segments(IV) == after
    ctx.undo_stack.undo()
    assert ctx.study.transcripts.segments(IV) == original
    with Study.open(demo_path) as other:
        assert other.transcripts.segments(IV) == original


def test_speaker_times_checked_bookmark(editor, ctx, qtbot):
    editor.open_interview(6)  # transcribed, nothing checked
    editor.view.setCurrentIndex(editor.model.index(0, COL_TEXT))
    editor.view.setFocus()
    seg = ctx.study.transcripts.segment(editor.model.segment(0).id)
    qtbot.keyClick(editor.view, Qt.Key.Key_F8)
    assert ctx.study.transcripts.segment(seg.id).checked
    qtbot.keyClick(editor.view, Qt.Key.Key_F7)
    assert editor.view.currentIndex().row() == 1
    speaker = editor.model.segment(1).speaker
    editor.switch_speaker()
    assert ctx.study.transcripts.segment(editor.model.segment(1).id).speaker != speaker
    n_marks = len(ctx.study.marks.list(6))
    editor.player.seek(3000)
    qtbot.keyClick(editor.view, Qt.Key.Key_F6)
    assert len(ctx.study.marks.list(6)) == n_marks + 1
    for _ in range(4):
        ctx.undo_stack.undo()
    assert len(ctx.study.marks.list(6)) == n_marks
    assert not ctx.study.transcripts.segment(seg.id).checked


def test_apply_codes_and_in_vivo_on_a_selection(editor, ctx, qtbot, accept_dialog):
    editor.open_interview(6)
    code = next(c for c in ctx.study.codes.list() if c.kind == "code")
    n = len(ctx.study.codings.list(interview_id=6))
    old_ids = {c.id for c in ctx.study.codings.list(interview_id=6)}
    # whole segments: rows 1..2 selected -> one coding across two segments
    editor.view.selectRow(1)
    editor.view.selectionModel().select(editor.model.index(2, 0), editor.view.selectionModel().SelectionFlag.Select
                                        | editor.view.selectionModel().SelectionFlag.Rows)
    assert editor.apply_codes([code.id])
    codings = ctx.study.codings.list(interview_id=6)
    assert len(codings) == n + 1
    new = [c for c in codings if c.id not in old_ids]
    assert new[0].code_id == code.id and new[0].start_segment_id == editor.model.segment(1).id
    assert new and new[0].end_segment_id == editor.model.segment(2).id
    # in vivo from words selected in the text
    ed = editor.edit_row(0)
    text = editor.model.segment(0).text
    word = text.split()[1]
    a = text.index(word)
    ed.set_cursor_offset(a, a + len(word))
    n_codes = len(ctx.study.codes.list())
    accept_dialog()
    assert editor.in_vivo(None)
    assert ctx.study.codes.by_name(word) is not None
    assert len(ctx.study.codes.list()) == n_codes + 1
    ctx.undo_stack.undo()
    assert ctx.study.codes.by_name(word) is None
    ctx.undo_stack.undo()
    assert len(ctx.study.codings.list(interview_id=6)) == n
    assert editor.model.codings_of(1) == [x for x in editor.model.codings_of(1) if x[0].id in old_ids]


def test_latin_led_line_reads_right_to_left(editor, ctx, qtbot):
    editor.open_interview(IV)
    seg = editor.model.segment(0)
    ctx.undo_stack.push(__import__("desktop.transcript.commands", fromlist=["SetText"]).SetText(
        editor.model, seg.id, seg.text, "WhatsApp تماس تصویری داشتیم"))
    index = editor.model.index(0, COL_TEXT)
    doc = editor.delegate.document(index, 600, editor.view.font())
    assert doc.defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    doc.size()
    block = doc.firstBlock()
    layout = block.layout()
    line = layout.lineAt(0)
    # the paragraph runs right to left: "WhatsApp" (logical start) stands right of the Persian end
    text = "WhatsApp تماس تصویری داشتیم"
    x_start, _ = line.cursorToX(0)
    x_end, _ = line.cursorToX(len(text))
    assert x_start > x_end
    # the same text left to the Unicode default would run left to right (so the check above means something)
    from PySide6.QtGui import QTextDocument
    plain = QTextDocument()
    plain.setPlainText(text)
    plain.setTextWidth(600)
    plain.size()
    pblock = plain.firstBlock()
    pline = pblock.layout().lineAt(0)
    assert pline.cursorToX(0)[0] < pline.cursorToX(len(text))[0]
    ed = editor.edit_row(0)
    assert ed.document().defaultTextOption().textDirection() == Qt.LayoutDirection.RightToLeft
    assert ed.document().defaultTextOption().alignment() & Qt.AlignmentFlag.AlignRight
    assert isinstance(doc.defaultTextOption(), QTextOption)


def test_edits_survive_reopening(editor, ctx, demo_path, qtbot):
    editor.open_interview(IV)
    ed = editor.edit_row(1)
    ed.setPlainText("متن اصلاح‌شده 😀 با ZWNJ")
    qtbot.waitUntil(lambda: ctx.study.transcripts.segment(editor.model.segment(1).id).text.startswith("متن"),
                    timeout=3000)  # the idle autosave, without closing the editor
    sid = editor.model.segment(1).id
    ctx.study.close()
    with Study.open(demo_path) as again:
        assert again.transcripts.segment(sid).text == "متن اصلاح‌شده 😀 با ZWNJ"
