"""Speech the machine could not transcribe: its own style in the editor, Shift+F7/F7 visit it,
typing clears the mark (undo brings it back), exports write a visible marker."""
from __future__ import annotations

import os

from PySide6.QtCore import Qt

from codebook.formats.write import UNTRANSCRIBED, TranscriptView, to_srt, to_txt
from codebook.models import NewSegment
from desktop.transcript.model import COL_TEXT, UNTRANSCRIBED_COLOR


def test_untranscribed_segment_is_styled_visited_typed_and_exported(editor, ctx, qtbot):
    segments = ctx.study.transcripts.segments(6)
    last = segments[-1]
    gap = ctx.study.transcripts.insert(6, NewSegment(start_ms=last.end_ms + 500, end_ms=last.end_ms + 4500, text="",
                                                     speaker=last.speaker, untranscribed=True))
    assert gap.untranscribed and ctx.study.transcripts.untranscribed(6) == [gap]
    editor.open_interview(6)
    row = next(r for r in range(editor.model.rowCount()) if editor.model.segment(r).id == gap.id)
    index = editor.model.index(row, COL_TEXT)
    assert editor.model.data(index, Qt.ItemDataRole.BackgroundRole).color() == UNTRANSCRIBED_COLOR
    delegate = editor.view.itemDelegateForColumn(COL_TEXT) or editor.view.itemDelegate()
    assert delegate.document(index, 400, editor.view.font()).toPlainText() == delegate.untranscribed_text()
    if os.environ.get("MOSAHEBEH_SCREENSHOTS"):
        editor.view.scrollTo(index)
        editor.grab().save(os.environ["MOSAHEBEH_SCREENSHOTS"] + "/editor-untranscribed-en.png")

    editor.view.setCurrentIndex(editor.model.index(0, COL_TEXT))
    qtbot.keyClick(editor.view, Qt.Key.Key_F7, Qt.KeyboardModifier.ShiftModifier)
    assert editor.view.currentIndex().row() == row
    for r in range(editor.model.rowCount()):  # F7 (next unchecked) reaches it too: it is never checked
        if r != row:
            ctx.study.transcripts.set_checked(editor.model.segment(r).id)
    editor.open_interview(6)
    editor.view.setCurrentIndex(editor.model.index(0, COL_TEXT))
    qtbot.keyClick(editor.view, Qt.Key.Key_F7)
    assert editor.view.currentIndex().row() == row

    view = TranscriptView(ctx.study, 6, lang="fa")
    assert UNTRANSCRIBED["fa"] in to_txt(view) and UNTRANSCRIBED["fa"] in to_srt(view)
    assert UNTRANSCRIBED["en"] in to_txt(TranscriptView(ctx.study, 6, lang="en"))

    assert editor.model.setData(index, "بله، همین‌طور است.", Qt.ItemDataRole.EditRole)
    assert not ctx.study.transcripts.segment(gap.id).untranscribed
    assert editor.model.data(index, Qt.ItemDataRole.BackgroundRole).color() != UNTRANSCRIBED_COLOR
    assert UNTRANSCRIBED["fa"] not in to_txt(TranscriptView(ctx.study, 6, lang="fa"))
    ctx.undo_stack.undo()
    assert ctx.study.transcripts.segment(gap.id).untranscribed
    assert editor.model.segment(row).untranscribed and editor.model.segment(row).text == ""
