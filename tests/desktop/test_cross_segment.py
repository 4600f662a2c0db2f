"""Coding a span that crosses segments, from a word in one segment to a word in a later one,
in the transcript editor on the demo study, offscreen, with real clicks and keys."""
from __future__ import annotations

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
