"""The traps a first hour met, on real widgets offscreen: the editor's WER line counted unchecked
segments as correct, F8 un-checked a checked segment, F7 skipped the first unchecked one, and a
click on the selected code in the codebook panel started renaming it."""
from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView

from codebook.transcription import accuracy
from desktop.transcript.model import COL_TEXT, COL_TIME
from transcribe.wer import error_rates

IV = 6  # a demo interview: transcribed, nothing checked


def test_wer_line_counts_only_the_checked_segments(editor, ctx, qtbot):
    study = ctx.study
    segments = study.transcripts.segments(IV)
    assert len(segments) >= 4 and all(s.words for s in segments)
    study.transcripts.set_info(IV, model="base", language="fa", options={},
                               draft=study.transcripts.text(IV))
    # The machine got the first two segments badly wrong; the rest are untouched and unchecked.
    fixed = ["کتابخانه‌ها در آن سال‌ها بسته بودند و ما نگران بودیم", "هیچ‌کس نمی‌دانست چه باید کرد"]
    for seg, text in zip(segments[:2], fixed, strict=True):
        study.transcripts.set_text(seg.id, text)
        study.transcripts.set_checked(seg.id)
    editor.open_interview(IV)
    label = editor.accuracy_label.text()
    assert "on 2 checked segments" in label
    got = accuracy(study, IV)
    expected = error_rates("\n".join(fixed), "\n".join(" ".join(w.text for w in s.words) for s in segments[:2]))
    assert (got.wer, got.segments) == (expected.wer, 2)
    assert f"WER {got.wer * 100:.1f}%" in label
    # What the line read before: the whole transcript against the whole draft, unchecked segments
    # counted as correct, a far lower figure.
    whole = error_rates(study.transcripts.text(IV), study.transcripts.info(IV).draft)
    assert whole.wer < got.wer / 2
    assert float(re.search(r"WER ([\d.]+)%", label).group(1)) == round(got.wer * 100, 1)


def test_f8_marks_checked_and_never_unchecks(editor, ctx, qtbot):
    editor.open_interview(IV)
    editor.view.setCurrentIndex(editor.model.index(0, COL_TEXT))
    editor.view.setFocus()
    seg_id = editor.model.segment(0).id
    undo_steps = ctx.undo_stack.count()
    qtbot.keyClick(editor.view, Qt.Key.Key_F8)
    assert ctx.study.transcripts.segment(seg_id).checked
    qtbot.keyClick(editor.view, Qt.Key.Key_F8)  # again: it stays checked, nothing is pushed
    qtbot.keyClick(editor.view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert ctx.study.transcripts.segment(seg_id).checked and ctx.undo_stack.count() == undo_steps + 1
    qtbot.keyClick(editor.view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)  # Shift+F8 un-checks
    assert not ctx.study.transcripts.segment(seg_id).checked
    qtbot.keyClick(editor.view, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert not ctx.study.transcripts.segment(seg_id).checked and ctx.undo_stack.count() == undo_steps + 2
    # The checkbox un-checks too.
    qtbot.keyClick(editor.view, Qt.Key.Key_F8)
    editor.model.setData(editor.model.index(0, COL_TIME), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert not ctx.study.transcripts.segment(seg_id).checked
    assert editor.act_check.shortcuts()[0].toString() == "F8"
    assert editor.act_uncheck.shortcut().toString() == "Shift+F8"


def test_f7_goes_first_to_the_first_unchecked_then_to_the_next(editor, ctx, qtbot):
    study = ctx.study
    segments = study.transcripts.segments(IV)
    study.transcripts.set_checked(segments[1].id)
    editor.open_interview(IV)
    editor.view.setFocus()
    editor.view.setCurrentIndex(editor.model.index(0, COL_TEXT))  # Qt may make the top row current on focus
    qtbot.keyClick(editor.view, Qt.Key.Key_F7)
    assert editor.view.currentIndex().row() == 0  # the first unchecked, the top one included
    qtbot.keyClick(editor.view, Qt.Key.Key_F7)
    assert editor.view.currentIndex().row() == 2  # then the next after it (1 is checked)
    qtbot.keyClick(editor.view, Qt.Key.Key_F8)
    qtbot.keyClick(editor.view, Qt.Key.Key_F7)
    assert editor.view.currentIndex().row() == 3
    last = editor.model.rowCount() - 1
    editor.view.setCurrentIndex(editor.model.index(last, COL_TEXT))
    qtbot.keyClick(editor.view, Qt.Key.Key_F7)
    assert editor.view.currentIndex().row() == 0  # round to the top
    # Opening the transcript again starts from the top again.
    editor.open_interview(IV)
    editor.view.setCurrentIndex(editor.model.index(3, COL_TEXT))
    editor.open_interview(IV)
    qtbot.keyClick(editor.view, Qt.Key.Key_F7)
    assert editor.view.currentIndex().row() == 0


def test_a_click_on_the_selected_code_does_not_rename_it(ctx, qtbot):
    from desktop.codes.panel import CodebookPanel

    panel = CodebookPanel(ctx)
    qtbot.addWidget(panel)
    panel.resize(360, 500)
    panel.show()
    qtbot.waitExposed(panel)
    code = next(c for c in ctx.study.codes.list() if c.kind == "code")
    index = panel.model.index_of(code.id)
    panel.tree.scrollTo(index)
    at = panel.tree.visualRect(index).center()
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert panel.selected_ids() == [code.id]
    qtbot.wait(double_click_interval() + 50)  # a second, separate click on the selected code
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=at)
    qtbot.wait(double_click_interval() + 50)
    assert panel.tree.state() != QAbstractItemView.State.EditingState
    assert not (panel.tree.editTriggers() & QAbstractItemView.EditTrigger.SelectedClicked)
    # F2 renames; so does the context menu's Rename.
    panel.tree.setFocus()
    qtbot.keyClick(panel.tree, Qt.Key.Key_F2)
    assert panel.tree.state() == QAbstractItemView.State.EditingState
    qtbot.keyClick(panel.tree.focusWidget(), Qt.Key.Key_Escape)
    assert panel.tree.contextMenuPolicy() == Qt.ContextMenuPolicy.ActionsContextMenu
    assert panel.actions["rename"] in panel.tree.actions()
    panel.actions["rename"].trigger()
    assert panel.tree.state() == QAbstractItemView.State.EditingState


def double_click_interval() -> int:
    from PySide6.QtWidgets import QApplication

    return QApplication.doubleClickInterval()


def test_redo_is_the_key_the_menu_and_the_readme_show(ctx, qtbot):
    from pathlib import Path

    from desktop.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    edit = next(a.menu() for a in w.menuBar().actions() if a.menu() and "Edit" in a.text())
    redo = next(a for a in edit.actions() if a.text().startswith("Redo"))
    keys = [k.toString() for k in redo.shortcuts()]
    assert keys == ["Ctrl+Shift+Z", "Ctrl+Y"]  # the menu shows the first; both work on every platform
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| undo / redo"))
    assert "Ctrl+Shift+Z" in row and "Ctrl+Y" in row
    assert "| start typing in the segment" in readme and "F2" in readme  # how to start typing
    w.editor.shutdown()
