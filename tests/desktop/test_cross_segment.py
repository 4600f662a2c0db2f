"""Coding a span that crosses segments, from a word in one segment to a word in a later one,
in the transcript editor on the demo study, offscreen, with real clicks and keys."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage, QTextCursor

from codebook import Study
from desktop.transcript.model import COL_SPEAKER, COL_TEXT
from desktop.transcript.offsets import to_utf16

IV = 2  # a transcribed, coded demo interview
FIRST = "ما در کتاب‌خانه 😀 برنامه‌های آنلاین داشتیم و مخاطبان می‌آمدند"
SECOND = "بعد از تعطیلی، کتاب‌خانه‌ها خلوت شد ولی 📚 گروه‌های مجازی ادامه دادند"
SHIFT = Qt.KeyboardModifier.ShiftModifier
ROOT = Path(__file__).resolve().parents[2]


def _texts(editor, ctx, rows=(2, 4)):
    """Put Persian text with ZWNJ and emoji into two segments with one between them."""
    from desktop.transcript import commands

    for row, text in zip(rows, (FIRST, SECOND)):
        seg = editor.model.segment(row)
        ctx.undo_stack.push(commands.SetText(editor.model, seg.id, seg.text, text))
    ctx.undo_stack.clear()


def _point(editor, row: int, offset: int) -> QPoint:
    """Where the character at code point ``offset`` of row ``row``'s text is drawn, in viewport coordinates."""
    index = editor.model.index(row, COL_TEXT)
    editor.view.scrollTo(index)
    rect = editor.view.visualRect(index)
    doc = editor.delegate.document(index, rect.width(), editor.view.font())
    doc.size()
    text = editor.model.segment(row).text
    block = doc.firstBlock()
    layout = block.layout()
    pos = to_utf16(text, offset)
    line = layout.lineForTextPosition(pos)
    x1, _ = line.cursorToX(pos)
    x2, _ = line.cursorToX(to_utf16(text, offset + 1))
    y = line.y() + line.height() / 2 + doc.documentMargin()
    return rect.topLeft() + QPoint(int((x1 + x2) / 2 + doc.documentMargin()), int(y))


def _click(qtbot, editor, row, offset, modifier=Qt.KeyboardModifier.NoModifier):
    qtbot.mouseClick(editor.view.viewport(), Qt.MouseButton.LeftButton, modifier, _point(editor, row, offset))


def test_shift_click_codes_from_mid_segment_to_a_later_one_and_undo_removes_it(editor, ctx, qtbot):
    editor.open_interview(IV)
    _texts(editor, ctx)
    a = FIRST.index("برنامه‌های")      # a word with ZWNJ, after an emoji
    b = SECOND.index("گروه‌های")       # after an emoji, before the end
    b_end = b + len("گروه‌های")
    _click(qtbot, editor, 2, a + 3)    # inside the word: takes the whole word
    _click(qtbot, editor, 4, b + 2, SHIFT)
    start, end = editor.model.segment(2).id, editor.model.segment(4).id
    assert editor.coding_span() == (start, a, end, b_end)
    expected = "\n".join([FIRST[a:], editor.model.segment(3).text, SECOND[:b_end]])
    # the rows of the span are painted highlighted, the words outside it are not
    assert editor.delegate.span_part(2) == (a, len(FIRST))
    assert editor.delegate.span_part(3) == (0, len(editor.model.segment(3).text))
    assert editor.delegate.span_part(4) == (0, b_end)
    assert editor.delegate.span_part(1) is None and editor.delegate.span_part(5) is None

    before = {c.id for c in ctx.study.codings.list(interview_id=IV)}
    code = next(c for c in ctx.study.codes.list() if c.kind == "code")
    assert editor.apply_codes([code.id])
    new = [c for c in ctx.study.codings.list(interview_id=IV) if c.id not in before]
    assert len(new) == 1
    assert (new[0].start_segment_id, new[0].start_offset, new[0].end_segment_id, new[0].end_offset) == \
        (start, a, end, b_end)
    assert ctx.study.codings.text(new[0]) == expected
    assert any(c.id == new[0].id for c, _ in editor.model.codings_of(3))
    ctx.undo_stack.undo()
    assert {c.id for c in ctx.study.codings.list(interview_id=IV)} == before
    assert not any(c.id == new[0].id for c, _ in editor.model.codings_of(3))
    ctx.undo_stack.redo()
    assert ctx.study.codings.get(new[0].id) == new[0]


def test_shift_click_from_the_open_editor_keeps_its_exact_start(editor, ctx, qtbot):
    editor.open_interview(IV)
    _texts(editor, ctx)
    ed = editor.edit_row(2)
    at = FIRST.index("😀") + 1                  # just after the emoji, mid-word precision kept
    ed.set_cursor_offset(at)
    assert ed.textCursor().position() == to_utf16(FIRST, at)  # two UTF-16 units for the emoji
    b = SECOND.index("خلوت")
    _click(qtbot, editor, 4, b + 1, SHIFT)
    assert editor.text_editor() is None
    span = editor.coding_span()
    assert span == (editor.model.segment(2).id, at, editor.model.segment(4).id, b + len("خلوت"))
    # a plain click elsewhere clears it; the rows are no longer painted
    _click(qtbot, editor, 5, 1)
    assert editor.span.span() is None and editor.delegate.span_part(3) is None
    # backwards works too: click in a later segment, Shift+click in an earlier one
    _click(qtbot, editor, 4, SECOND.index("ولی") + 1)
    _click(qtbot, editor, 2, FIRST.index("آنلاین") + 2, SHIFT)
    assert editor.coding_span() == (editor.model.segment(2).id, FIRST.index("آنلاین"),
                                    editor.model.segment(4).id, SECOND.index("ولی") + len("ولی"))


def test_drag_over_rows_selects_words(editor, ctx, qtbot):
    editor.open_interview(IV)
    _texts(editor, ctx)
    vp = editor.view.viewport()
    start, end = _point(editor, 2, FIRST.index("داشتیم") + 2), _point(editor, 4, SECOND.index("شد"))
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(vp, end)
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtWidgets import QApplication

    move = QMouseEvent(QEvent.Type.MouseMove, QPointF(end), QPointF(vp.mapToGlobal(end)), Qt.MouseButton.NoButton,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(vp, move)
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=end)
    assert editor.coding_span() == (editor.model.segment(2).id, FIRST.index("داشتیم"),
                                    editor.model.segment(4).id, SECOND.index("شد") + 2)
    assert editor.view.selectionModel().isRowSelected(3)  # the rows of the span are the selected rows


def test_keys_carry_the_selection_out_of_the_editor_and_move_its_end(editor, ctx, qtbot):
    editor.open_interview(IV)
    _texts(editor, ctx)
    ed = editor.edit_row(2)
    a = FIRST.index("مخاطبان")
    ed.set_cursor_offset(a, len(FIRST))         # a selection to the end of the text
    # Shift+Left at the end of right-to-left text goes on, into the next segment
    qtbot.keyClick(ed, Qt.Key.Key_Left, SHIFT)
    assert editor.text_editor() is None and editor.view.hasFocus()
    s2, s3, s4 = (editor.model.segment(r).id for r in (2, 3, 4))
    assert editor.coding_span() == (s2, a, s3, 0)
    qtbot.keyClick(editor.view, Qt.Key.Key_Down, SHIFT)                      # the whole next segment
    assert editor.coding_span() == (s2, a, s3, len(editor.model.segment(3).text))
    qtbot.keyClick(editor.view, Qt.Key.Key_Left, SHIFT | Qt.KeyboardModifier.ControlModifier)  # a word on
    assert editor.coding_span() == (s2, a, s4, SECOND.index(" "))
    qtbot.keyClick(editor.view, Qt.Key.Key_Left, SHIFT)                      # a character on (the space)
    qtbot.keyClick(editor.view, Qt.Key.Key_Left, SHIFT)
    assert editor.coding_span() == (s2, a, s4, SECOND.index(" ") + 2)
    qtbot.keyClick(editor.view, Qt.Key.Key_Right, SHIFT)                     # and back
    assert editor.coding_span() == (s2, a, s4, SECOND.index(" ") + 1)
    qtbot.keyClick(editor.view, Qt.Key.Key_Escape)
    assert editor.span.span() is None
    # Shift+Up on the first line of an open editor goes back into the previous segment
    ed = editor.edit_row(3)
    ed.set_cursor_offset(3)
    qtbot.keyClick(ed, Qt.Key.Key_Up, SHIFT)
    assert editor.coding_span() == (editor.model.segment(2).id, 0, s3, 3)


def test_codebook_panel_and_in_vivo_in_the_main_window_use_the_span(ctx, qtbot, accept_dialog):
    from desktop.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    w.open_transcript(IV)
    w.tabs.setCurrentWidget(w.editor)
    editor = w.editor
    _texts(editor, ctx)
    a, b = FIRST.index("مخاطبان"), SECOND.index("بعد")
    _click(qtbot, editor, 2, a + 1)
    _click(qtbot, editor, 4, b + 1, SHIFT)
    before = {c.id for c in ctx.study.codings.list(interview_id=IV)}
    codes = [c for c in ctx.study.codes.list() if c.kind == "code"][:2]
    w.codebook.select(codes[0].id)
    w.codebook.request_apply()                                              # what Ctrl+Return in the panel does
    w.codebook.select(codes[1].id)
    w.codebook.request_apply()                                              # a second code on the same span
    new = [c for c in ctx.study.codings.list(interview_id=IV) if c.id not in before]
    assert sorted(c.code_id for c in new) == sorted(c.id for c in codes)
    want = "\n".join([FIRST[a:], editor.model.segment(3).text, SECOND[:b + len("بعد")]])
    assert all(ctx.study.codings.text(c) == want for c in new)
    # in vivo: a new code named after the first words of the span, coding exactly the span
    n_codes = len(ctx.study.codes.list())
    seen = accept_dialog()
    editor.act_invivo.trigger()
    name = seen[0].values()[0]
    assert name == " ".join(("مخاطبان می‌آمدند " + editor.model.segment(3).text).split()[:8]).rstrip(".،")
    made = ctx.study.codes.by_name(name, w.codebook.current_parent_id())
    assert made is not None and len(ctx.study.codes.list()) == n_codes + 1
    vivo = [c for c in ctx.study.codings.list(interview_id=IV) if c.code_id == made.id]
    assert len(vivo) == 1 and ctx.study.codings.text(vivo[0]) == want
    for _ in range(3):
        ctx.undo_stack.undo()
    assert ctx.study.codes.by_name(made.name) is None
    assert {c.id for c in ctx.study.codings.list(interview_id=IV)} == before
    w.close()  # closes the study as well; the ctx fixture closes it again harmlessly
    _drop_closed_windows()


def _highlighted_rows(editor, image: QImage) -> set[int]:
    color = editor.view.palette().color(editor.view.palette().ColorGroup.Active, editor.view.palette().ColorRole.Highlight)
    rows = set()
    for row in range(editor.model.rowCount()):
        rect = editor.view.visualRect(editor.model.index(row, COL_TEXT))
        rect = rect.translated(editor.view.viewport().mapTo(editor, QPoint(0, 0)))
        hits = sum(1 for x in range(rect.left(), rect.right(), 3) for y in range(rect.top(), rect.bottom(), 3)
                   if image.pixelColor(x, y) == color)
        if hits > 20:
            rows.add(row)
    return rows


def _drop_closed_windows() -> None:
    """Delete study windows earlier tests closed (their study is closed too): a layout direction
    change would otherwise reach their views, whose models can no longer read."""
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication, QMainWindow

    for w in QApplication.topLevelWidgets():
        if isinstance(w, QMainWindow) and not w.isVisible():
            w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(params=["fa", "en"])
def lang_editor(request, ctx, qtbot):
    """The editor built in Persian (right to left) or English: the language is set before any widget."""
    from desktop.app import set_language
    from desktop.transcript import TranscriptEditor

    _drop_closed_windows()
    set_language(request.param)
    ed = TranscriptEditor(ctx)
    qtbot.addWidget(ed)
    ed.resize(1100, 640)
    ed.show()
    qtbot.waitExposed(ed)
    yield request.param, ed
    ed.shutdown()
    ed.close()
    set_language("en")


def test_span_is_painted_over_its_rows_right_to_left(lang_editor, ctx, qtbot, tmp_path):
    lang, editor = lang_editor
    assert editor.layoutDirection() == (Qt.LayoutDirection.RightToLeft if lang == "fa" else Qt.LayoutDirection.LeftToRight)
    editor.open_interview(IV)
    _texts(editor, ctx)
    a, b = FIRST.index("برنامه‌های"), SECOND.index("گروه‌های")
    messages = []
    editor.message.connect(messages.append)
    _click(qtbot, editor, 2, a + 1)
    _click(qtbot, editor, 4, b + 1, SHIFT)
    assert messages[-1].startswith("از بخش ۳ تا بخش ۵" if lang == "fa" else "Selected from segment 3 to segment 5")
    editor.view.scrollTo(editor.model.index(1, COL_TEXT), editor.view.ScrollHint.PositionAtTop)
    qtbot.wait(50)
    image = editor.grab().toImage()
    assert _highlighted_rows(editor, image) == {2, 3, 4}
    # in the span's first row the highlight starts at the clicked word and runs leftwards
    # (the text reads right to left): the words before it, further right, are not highlighted
    color = editor.view.palette().color(editor.view.palette().ColorGroup.Active,
                                        editor.view.palette().ColorRole.Highlight)
    shift = editor.view.viewport().mapTo(editor, QPoint(0, 0))
    start, before = _point(editor, 2, a + 1) + shift, _point(editor, 2, 1) + shift
    after_end = _point(editor, 4, b + len("گروه‌های") + 3) + shift
    assert before.x() > start.x() and after_end.x() < _point(editor, 4, b + 1).x() + shift.x()

    def lit(p):
        return any(image.pixelColor(p.x() + dx, p.y() + dy) == color for dx in range(-3, 4) for dy in (-4, 0, 4))
    out = Path(os.environ.get("MOSAHEBEH_SCREENSHOTS", tmp_path))  # set it to refresh docs/screenshots
    assert image.save(str(out / f"cross-segment-coding-{lang}.png"))
    assert lit(start) and not lit(before) and not lit(after_end)


def test_shift_click_on_the_time_column_still_selects_whole_segments(editor, ctx, qtbot):
    editor.open_interview(IV)
    _texts(editor, ctx)
    _click(qtbot, editor, 2, 3)
    _click(qtbot, editor, 3, 3, SHIFT)
    assert editor.span.span() is not None
    vp = editor.view.viewport()
    for row, mods in ((5, Qt.KeyboardModifier.NoModifier), (6, SHIFT)):
        rect = editor.view.visualRect(editor.model.index(row, COL_SPEAKER))
        qtbot.mouseClick(vp, Qt.MouseButton.LeftButton, mods, rect.center())
    assert editor.span.span() is None
    last = editor.model.segment(6)
    assert editor.coding_span() == (editor.model.segment(5).id, 0, last.id, len(last.text))


def test_dragging_past_the_bottom_edge_scrolls_and_extends_the_span(editor, ctx, qtbot):
    from PySide6.QtCore import QEvent, QPointF
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    editor.open_interview(IV)
    editor.resize(900, 260)  # a short table: the later segments are out of view
    qtbot.wait(50)
    vp, bar = editor.view.viewport(), editor.view.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == 0
    start = _point(editor, 0, 2)
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=start)
    edge = QPoint(start.x(), vp.height() - 3)
    QApplication.sendEvent(vp, QMouseEvent(QEvent.Type.MouseMove, QPointF(edge), QPointF(vp.mapToGlobal(edge)),
                                           Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton,
                                           Qt.KeyboardModifier.NoModifier))
    qtbot.waitUntil(lambda: bar.value() == bar.maximum(), timeout=5000)  # it scrolled by itself
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=edge)
    last_row = editor.view.rowAt(vp.height() - 3)
    span = editor.coding_span()
    assert span is not None and span[0] == editor.model.segment(0).id
    assert span[2] == editor.model.segment(last_row).id and last_row >= 3
    value = bar.value()
    qtbot.wait(200)
    assert bar.value() == value  # released: the scrolling stopped
