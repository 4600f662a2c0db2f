"""A coding span that crosses segments: from any word of one segment to any word of another.

The in-place editor selects text inside one segment. This selects across segments, in the
closed cells of the table, the way a text editor selects across paragraphs:

* a click in a segment's text puts the anchor at that word; Shift+click in another
  segment's text, or a drag over the rows, extends the span to the word there (whole
  words: a click anywhere in a word takes the word);
* with a segment open for editing, Shift+click in another segment starts the span exactly
  where the editor's selection (or cursor) starts, and closes the editor; Shift+Down on the
  editor's last line, or Shift+Left past the end of its text (Persian runs right to left),
  carries the selection on into the next segment (Shift+Up / Shift+Right: the previous);
* in the table, Shift+Left / Shift+Right move the span's end a character on or back
  (with Ctrl: a word); Shift+Down to the end of its segment (then of the next), Shift+Up
  to the start of its segment (then of the previous);
* a plain click elsewhere, a plain arrow key, Escape, or opening a segment for editing
  clears it.

The span is two points, ``anchor`` and ``focus``, each a (segment id, code point offset)
pair; :meth:`SpanSelection.span` gives it in reading order for
:meth:`~desktop.transcript.coding.CodingMixin.coding_span`, and the delegate paints the
part of each row it covers (:meth:`SpanSelection.part`).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor

from desktop.transcript.model import COL_TEXT
from desktop.transcript.offsets import from_utf16

Point = tuple[int, int]  # (segment id, code point offset)

_NAV_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_Home,
             Qt.Key.Key_End, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown}


def word_start(text: str, offset: int) -> int:
    """The start of the word ``offset`` is in (ZWNJ and emoji are part of a word; only
    white space separates words); past leading white space when ``offset`` is on it.

    >>> word_start("می‌خواهم بروم", 4)
    0
    """
    offset = max(0, min(offset, len(text)))
    while offset > 0 and not text[offset - 1].isspace():
        offset -= 1
    while offset < len(text) and text[offset].isspace():
        offset += 1
    return offset


def word_end(text: str, offset: int) -> int:
    """The end of the word ``offset`` is in; back before trailing white space.

    >>> word_end("می‌خواهم بروم", 4)
    8
    """
    offset = max(0, min(offset, len(text)))
    while offset < len(text) and not text[offset].isspace():
        offset += 1
    while offset > 0 and text[offset - 1].isspace():
        offset -= 1
    return offset


def next_word_end(text: str, offset: int) -> int:
    """Where Ctrl+Shift+(forward) goes: the end of the next word."""
    while offset < len(text) and text[offset].isspace():
        offset += 1
    while offset < len(text) and not text[offset].isspace():
        offset += 1
    return offset


def previous_word_start(text: str, offset: int) -> int:
    """Where Ctrl+Shift+(back) goes: the start of the previous word."""
    while offset > 0 and text[offset - 1].isspace():
        offset -= 1
    while offset > 0 and not text[offset - 1].isspace():
        offset -= 1
    return offset


class SpanSelection(QObject):
    """The cross-segment selection of a :class:`~desktop.transcript.editor.TranscriptEditor`."""

    changed = Signal()

    def __init__(self, editor):
        super().__init__(editor)
        self.editor = editor
        self.view, self.model, self.delegate = editor.view, editor.model, editor.delegate
        self.anchor: Point | None = None
        self.focus: Point | None = None
        self._snap_anchor = self._snap_focus = False  # a click takes whole words
        self._dragging = False
        self._range: tuple[int, int, int, int] | None = None  # (row, offset, row, offset), in order
        self.view.viewport().installEventFilter(self)
        self.view.installEventFilter(self)
        self.model.modelReset.connect(self.clear)
        self.model.layoutChanged.connect(self._recompute)
        self.model.dataChanged.connect(self._recompute)
        self.delegate.textEditorOpened.connect(self.clear)
        self.delegate.textEditorClosed.connect(self._editor_closed)
        self.delegate.selectionLeaves.connect(self._leave_editor)
        self.delegate.set_span_source(self.part)
        # Dragging past the top or bottom edge scrolls the table and carries the span along.
        self._edge_pos = None
        self._scroll_timer = QTimer(self)
        self._scroll_timer.setInterval(60)
        self._scroll_timer.timeout.connect(self._autoscroll)

    # -- the span -----------------------------------------------------------------------

    def span(self) -> tuple[int, int, int, int] | None:
        """(start segment id, offset, end segment id, offset) in reading order, or None when empty."""
        if self._range is None:
            return None
        ra, oa, rb, ob = self._range
        return self.model.segment(ra).id, oa, self.model.segment(rb).id, ob

    def rows(self) -> tuple[int, int] | None:
        """The first and last row the span covers."""
        return None if self._range is None else (self._range[0], self._range[2])

    def part(self, row: int) -> tuple[int, int] | None:
        """The code point range of row ``row``'s text inside the span, or None."""
        if self._range is None:
            return None
        ra, oa, rb, ob = self._range
        if not ra <= row <= rb:
            return None
        n = len(self.model.segment(row).text)
        a, b = (oa if row == ra else 0), (ob if row == rb else n)
        return (a, b) if a < b else None

    def clear(self) -> None:
        had = self._range is not None
        self.anchor = self.focus = None
        self._range = None
        self._dragging = False
        if had:
            self._repaint()
            self.changed.emit()

    def set_span(self, anchor: Point, focus: Point) -> None:
        """Select from ``anchor`` to ``focus`` exactly (what Shift+click does, without the mouse)."""
        self.anchor, self.focus = anchor, focus
        self._snap_anchor = self._snap_focus = False
        self._update()

    def extend_to(self, row: int, offset: int, *, whole_word: bool = True) -> bool:
        """Move the span's focus to ``offset`` in row ``row``'s text, starting at the open
        editor's selection when a segment is being edited. False when there is no anchor."""
        ed = self.editor.text_editor()
        if ed is not None:
            self.editor.close_text_editor()  # its selection's start becomes the anchor (_editor_closed)
        if self.anchor is None or not 0 <= row < self.model.rowCount():
            return False
        self.focus = (self.model.segment(row).id, offset)
        self._snap_focus = whole_word
        self._update()
        return True

    # -- keeping it right --------------------------------------------------------------------

    def _ordered(self) -> tuple[int, int, int, int] | None:
        if self.anchor is None or self.focus is None:
            return None
        ends = []
        for (sid, off), snap in ((self.anchor, self._snap_anchor), (self.focus, self._snap_focus)):
            row = self.model.row_of(sid)
            if row < 0:
                return None
            ends.append((row, min(max(off, 0), len(self.model.segment(row).text)), snap))
        if ends[0][:2] == ends[1][:2]:
            return None  # a click, not a selection
        (ra, oa, sa), (rb, ob, sb) = sorted(ends, key=lambda e: e[:2])
        if sa:
            oa = word_start(self.model.segment(ra).text, oa)
        if sb:
            ob = word_end(self.model.segment(rb).text, ob)
        return (ra, oa, rb, ob) if (ra, oa) < (rb, ob) else None

    def _recompute(self, *_args) -> None:
        old = self._range
        if self.anchor is not None and (self.model.row_of(self.anchor[0]) < 0
                                        or self.model.row_of(self.focus[0]) < 0):
            self.anchor = self.focus = None  # a segment of the span went (merged, undone split)
        self._range = self._ordered()
        if self._range != old:
            self.changed.emit()

    def _update(self) -> None:
        self._range = self._ordered()
        if self._range is not None:
            ra, _, rb, _ = self._range
            sel = QItemSelection(self.model.index(ra, 0), self.model.index(rb, self.model.columnCount() - 1))
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.view.selectionModel().select(sel, flags)
            self.view.selectionModel().setCurrentIndex(self.model.index(self.model.row_of(self.focus[0]), COL_TEXT),
                                                       QItemSelectionModel.SelectionFlag.NoUpdate)
            first, last = self.model.segment(ra), self.model.segment(rb)
            self.editor.message.emit(self.tr("Selected from segment %1 to segment %2: apply codes to code it; "
                                             "Shift+click or Shift+arrows change it, Esc clears it.")
                                     .replace("%1", self._number(ra + 1)).replace("%2", self._number(rb + 1))
                                     if first.id != last.id else "")
        self._repaint()
        self.changed.emit()

    @staticmethod
    def _number(n: int) -> str:
        from codebook.dates import digits
        from desktop.i18n import current_language

        return digits(str(n), current_language())

    def _repaint(self) -> None:
        self.view.viewport().update()

    # -- mouse and keys ------------------------------------------------------------------------

    def _offset_at(self, pos) -> tuple[int, int] | None:
        index = self.view.indexAt(pos)
        if not index.isValid() or index.column() != COL_TEXT:
            return None
        return index.row(), self.delegate.offset_at(index, self.view.visualRect(index), pos, self.view.font())

    def eventFilter(self, obj, event) -> bool:
        if obj is self.view:
            return event.type() == QEvent.Type.KeyPress and self._key(event)
        t = event.type()
        if t == QEvent.Type.MouseButtonPress and event.button() == Qt.MouseButton.LeftButton:
            hit = self._offset_at(event.position().toPoint())
            shift = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if hit is None:  # outside the text (time, speaker: whole rows), or below the rows
                self.clear()
                return False
            if shift and (self.anchor is not None or self.editor.text_editor() is not None):
                self.extend_to(*hit)
                self.view.setFocus()
                return True  # the rows follow the span, not Qt's own Shift+click
            if not shift:
                self.clear()
                self.anchor = self.focus = (self.model.segment(hit[0]).id, hit[1])
                self._snap_anchor = self._snap_focus = True
                self._dragging = True
            return False
        if t == QEvent.Type.MouseMove and self._dragging and event.buttons() & Qt.MouseButton.LeftButton:
            if self.editor.text_editor() is not None:
                return False
            pos = event.position().toPoint()
            self._drag_to(pos)
            near_edge = self._edge(pos) != 0
            self._edge_pos = pos if near_edge else None
            if near_edge and not self._scroll_timer.isActive():
                self._scroll_timer.start()
            elif not near_edge:
                self._scroll_timer.stop()
            return True  # no rubber band of rows while selecting words
        if t == QEvent.Type.MouseButtonRelease:
            self._dragging = False
            self._scroll_timer.stop()
        return False

    def _drag_to(self, pos) -> None:
        hit = self._offset_at(pos)
        if hit is not None and self.anchor is not None:
            focus = (self.model.segment(hit[0]).id, hit[1])
            if focus != self.focus:
                self.focus, self._snap_focus = focus, True
                self._update()

    def _edge(self, pos) -> int:
        """-1 near (or above) the top of the table, +1 near (or below) its bottom, else 0."""
        margin = max(12, self.view.viewport().height() // 12)
        if pos.y() < margin:
            return -1
        if pos.y() > self.view.viewport().height() - margin:
            return 1
        return 0

    def _autoscroll(self) -> None:
        if not self._dragging or self._edge_pos is None:
            self._scroll_timer.stop()
            return
        bar = self.view.verticalScrollBar()
        bar.setValue(bar.value() + self._edge(self._edge_pos) * max(1, bar.singleStep()))
        # The row now under the pointer (kept inside the table) takes the end of the span.
        inside = QPoint(self._edge_pos.x(), max(1, min(self._edge_pos.y(), self.view.viewport().height() - 2)))
        self._drag_to(inside)

    def _key(self, event) -> bool:
        key, mods = event.key(), event.modifiers()
        if key == Qt.Key.Key_Escape and self._range is not None:
            self.clear()
            return True
        if key not in _NAV_KEYS:
            return False
        if not mods & Qt.KeyboardModifier.ShiftModifier:
            self.clear()
            return False
        if self.anchor is None or self.focus is None:
            return False
        word = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._step(+1 if key == Qt.Key.Key_Left else -1, word)  # segment text runs right to left
        elif key in (Qt.Key.Key_Down, Qt.Key.Key_PageDown, Qt.Key.Key_End):
            self._step_segment(+1)
        else:
            self._step_segment(-1)
        return True

    def _settle(self) -> tuple[int, int]:
        """Fix the word snapping of a click into the points (a key moves on from the ends
        shown); returns the focus as (row, offset)."""
        if self._range is not None:
            ra, oa, rb, ob = self._range
            start, end = (self.model.segment(ra).id, oa), (self.model.segment(rb).id, ob)
            focus_first = (self.model.row_of(self.focus[0]), self.focus[1]) < \
                          (self.model.row_of(self.anchor[0]), self.anchor[1])
            self.anchor, self.focus = (end, start) if focus_first else (start, end)
        self._snap_anchor = self._snap_focus = False
        return self.model.row_of(self.focus[0]), self.focus[1]

    def _step(self, step: int, word: bool) -> None:
        row, off = self._settle()
        text = self.model.segment(row).text
        if step > 0:
            if off >= len(text) and row + 1 < self.model.rowCount():
                row, off = row + 1, 0
                text = self.model.segment(row).text
                if word:
                    off = next_word_end(text, 0)
            elif off < len(text):
                off = next_word_end(text, off) if word else off + 1
        else:
            if off <= 0 and row > 0:
                row = row - 1
                text = self.model.segment(row).text
                off = previous_word_start(text, len(text)) if word else len(text)
            elif off > 0:
                off = previous_word_start(text, off) if word else off - 1
        self.focus, self._snap_focus = (self.model.segment(row).id, off), False
        self._update()

    def _step_segment(self, step: int) -> None:
        """Down: to the end of the focus's segment, or of the next when already there; Up: to
        the start of the segment, or of the previous one."""
        row, off = self._settle()
        if step > 0 and off >= len(self.model.segment(row).text) or step < 0 and off <= 0:
            row = max(0, min(self.model.rowCount() - 1, row + step))
        self.focus = (self.model.segment(row).id, len(self.model.segment(row).text) if step > 0 else 0)
        self._snap_focus = False
        self._update()

    def _editor_closed(self, row: int, anchor: int) -> None:
        """A segment's editor closed (a click elsewhere, Enter): where its selection started
        stays the anchor a Shift+click extends from."""
        if 0 <= row < self.model.rowCount():
            self.clear()
            self.anchor = self.focus = (self.model.segment(row).id, anchor)
            self._snap_anchor = self._snap_focus = False

    def _leave_editor(self, step: int, by_segment: bool) -> None:
        """The open editor's selection runs past its text: carry it on into the next/previous segment."""
        ed = self.editor.text_editor()
        if ed is None:
            return
        row = self.view.currentIndex().row()
        text = ed.toPlainText()
        cursor: QTextCursor = ed.textCursor()
        sid = self.model.segment(row).id
        anchor, focus = (sid, from_utf16(text, cursor.anchor())), (sid, from_utf16(text, cursor.position()))
        self.editor.close_text_editor()
        self.anchor, self.focus = anchor, focus
        self._snap_anchor = self._snap_focus = False
        self.view.setFocus()
        if by_segment:  # out of the editor, Down/Up take in the whole next/previous segment
            self.focus = (sid, len(text) if step > 0 else 0)
            self._step_segment(step)
        else:
            self._step(step, False)
