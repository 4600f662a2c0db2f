"""Painting and editing a segment's text right to left, whatever its first word.

A paragraph that starts with a Latin word ("WhatsApp …") would be laid out
left to right by the Unicode bidi rules; the text option here sets the
direction explicitly, in the painted cell and in the in-place editor alike.
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, QRect, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPalette, QTextCharFormat, QTextCursor, QTextDocument, QTextOption
from PySide6.QtWidgets import QComboBox, QPlainTextEdit, QStyle, QStyledItemDelegate, QToolTip

from codebook.models import SPEAKER_INTERVIEWER, SPEAKER_PARTICIPANT
from codebook.models import word_spans
from desktop.transcript import suggested as suggested_marks
from desktop.transcript.model import (COL_CODES, COL_SPEAKER, COL_TEXT, ActiveRole, CodingsRole, SegmentRole,
                                      SuggestionsRole, speaker_label)
from desktop.transcript import coded_text
from desktop.transcript.offsets import from_utf16, to_utf16

PAD = 4
UNSURE_COLOR = QColor("#f7c6c6")
WORD_COLOR = QColor("#ffd54a")
UNTRANSCRIBED_HATCH = QColor("#d98c2b")  # speech the machine could not transcribe: hatched, italic placeholder
UNTRANSCRIBED_TEXT = QColor("#8a5a12")
AUTOSAVE_MS = 800


def rtl_option(wrap: bool = True) -> QTextOption:
    opt = QTextOption()
    opt.setTextDirection(Qt.LayoutDirection.RightToLeft)
    opt.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    opt.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere if wrap else QTextOption.WrapMode.NoWrap)
    return opt


class SegmentTextEdit(QPlainTextEdit):
    """The in-place editor of a segment's text: right to left, Enter finishes."""

    finished = Signal()
    clickedAt = Signal(int)  # code point offset of a click
    selectionLeaves = Signal(int, bool)  # +1 next / -1 previous segment; by a whole segment (Down/Up)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.document().setDefaultTextOption(rtl_option())
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.setTabChangesFocus(True)
        self.setFrameShape(QPlainTextEdit.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def keyPressEvent(self, event) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.finished.emit()
            return
        if self._leaves(event):
            return
        super().keyPressEvent(event)

    def _leaves(self, event) -> bool:
        """Shift+arrow past the text's end or start: the selection goes on into the next or
        previous segment (:mod:`desktop.transcript.span`)."""
        if not event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            return False
        moves = {Qt.Key.Key_Down: QTextCursor.MoveOperation.Down, Qt.Key.Key_Up: QTextCursor.MoveOperation.Up,
                 Qt.Key.Key_Left: QTextCursor.MoveOperation.Left, Qt.Key.Key_Right: QTextCursor.MoveOperation.Right}
        if event.key() not in moves:
            return False
        probe = QTextCursor(self.textCursor())
        if probe.movePosition(moves[event.key()], QTextCursor.MoveMode.KeepAnchor):
            return False
        by_segment = event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up)
        at_end = self.textCursor().position() >= len(self.toPlainText().encode("utf-16-le")) // 2
        step = (+1 if event.key() == Qt.Key.Key_Down else -1) if by_segment else (+1 if at_end else -1)
        self.selectionLeaves.emit(step, by_segment)
        return True

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.clickedAt.emit(self.cursor_offset())

    def cursor_offset(self) -> int:
        """The cursor as a code point offset into the text."""
        return from_utf16(self.toPlainText(), self.textCursor().position())

    def selection_offsets(self) -> tuple[int, int] | None:
        """The selection as code point offsets, or None."""
        c = self.textCursor()
        if not c.hasSelection():
            return None
        text = self.toPlainText()
        return from_utf16(text, c.selectionStart()), from_utf16(text, c.selectionEnd())

    def set_cursor_offset(self, offset: int, end: int | None = None) -> None:
        text = self.toPlainText()
        c = self.textCursor()
        c.setPosition(to_utf16(text, offset))
        if end is not None:
            c.setPosition(to_utf16(text, end), QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(c)


class SegmentDelegate(QStyledItemDelegate):
    wordClicked = Signal(int, int)  # row, code point offset
    textEditorOpened = Signal()
    textEditorClosed = Signal(int, int)  # row, code point offset where the editor's selection starts
    selectionLeaves = Signal(int, bool)  # from the open text editor, see SegmentTextEdit

    def __init__(self, view, parent=None):
        super().__init__(parent)
        self.view = view
        self._span_source = None
        self.shade_unsure = False
        self.threshold = 0.5
        self.position_ms = -1

    def set_span_source(self, part) -> None:
        """Where the cross-segment selection lies: ``part(row)`` gives (start, end) of the row's text, or None."""
        self._span_source = part

    def span_part(self, row: int) -> tuple[int, int] | None:
        """(start, end) of a row's text in the cross-segment selection, or None."""
        return self._span_source(row) if self._span_source is not None else None

    def set_word_shading(self, enabled: bool, threshold: float) -> None:
        """Shade words the model was less sure of than ``threshold`` (when ``enabled``)."""
        self.shade_unsure, self.threshold = enabled, threshold

    # -- painting ----------------------------------------------------------------

    def untranscribed_text(self) -> str:
        return self.tr("[speech the machine could not transcribe: listen and type it]")

    def _untranscribed_document(self, width: int, font) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(PAD)
        doc.setDefaultFont(font)
        doc.setDefaultTextOption(rtl_option())
        doc.setPlainText(self.untranscribed_text())
        doc.setTextWidth(max(40, width))
        fmt = QTextCharFormat()
        fmt.setFontItalic(True)
        fmt.setForeground(UNTRANSCRIBED_TEXT)
        cursor = QTextCursor(doc)
        cursor.select(QTextCursor.SelectionType.Document)
        cursor.mergeCharFormat(fmt)
        return doc

    def document(self, index, width: int, font) -> QTextDocument:
        seg = index.data(SegmentRole)
        if seg.untranscribed and not seg.text:
            return self._untranscribed_document(width, font)
        doc = QTextDocument()
        doc.setDocumentMargin(PAD)
        doc.setDefaultFont(font)
        doc.setDefaultTextOption(rtl_option())
        doc.setPlainText(seg.text)
        coded_text.make_room(doc)
        doc.setTextWidth(max(40, width))
        spans = word_spans(seg.text, seg.words) if seg.words else []
        cursor = QTextCursor(doc)
        active = bool(index.data(ActiveRole))
        for w, sp in zip(seg.words, spans):
            if sp is None:
                continue
            fmt = None
            if active and w.start_ms <= self.position_ms < w.end_ms:
                fmt = QTextCharFormat()
                fmt.setBackground(WORD_COLOR)
            elif self.shade_unsure and w.probability < self.threshold:
                fmt = QTextCharFormat()
                fmt.setBackground(UNSURE_COLOR)
                fmt.setToolTip(f"{w.probability:.2f}")
            if fmt is not None:
                cursor.setPosition(to_utf16(seg.text, sp[0]))
                cursor.setPosition(to_utf16(seg.text, sp[1]), QTextCursor.MoveMode.KeepAnchor)
                cursor.mergeCharFormat(fmt)
        part = self.span_part(index.row())
        if part is not None:
            fmt = QTextCharFormat()
            palette = self.view.palette()
            fmt.setBackground(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight))
            fmt.setForeground(palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.HighlightedText))
            cursor.setPosition(to_utf16(seg.text, part[0]))
            cursor.setPosition(to_utf16(seg.text, part[1]), QTextCursor.MoveMode.KeepAnchor)
            cursor.mergeCharFormat(fmt)
        return doc

    def offset_at(self, index, rect: QRect, pos, font) -> int:
        """The code point offset in the text of ``index`` nearest to ``pos`` (view coordinates)."""
        doc = self.document(index, rect.width(), font)
        local = QPointF(pos) - QPointF(rect.topLeft())
        hit = doc.documentLayout().hitTest(local, Qt.HitTestAccuracy.FuzzyHit)
        return from_utf16(index.data(SegmentRole).text, max(hit, 0))

    def paint(self, painter: QPainter, option, index) -> None:
        if index.column() == COL_TEXT:
            self.initStyleOption(option, index)
            option.text = ""
            if self.span_part(index.row()) is not None:  # the span shows which words; not the whole row
                option.state &= ~(QStyle.StateFlag.State_Selected | QStyle.StateFlag.State_HasFocus)
                painter.fillRect(option.rect, option.palette.base())  # the view filled it for a selected row
            style = option.widget.style() if option.widget else None
            if style:
                style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
            doc = self.document(index, option.rect.width(), option.font)
            seg = index.data(SegmentRole)
            if seg.untranscribed and not seg.text:
                painter.fillRect(option.rect.adjusted(1, 1, -1, -1), QBrush(UNTRANSCRIBED_HATCH, Qt.BrushStyle.BDiagPattern))
            painter.save()
            painter.translate(option.rect.topLeft())
            painter.setClipRect(QRect(0, 0, option.rect.width(), option.rect.height()))
            doc.drawContents(painter)
            for rect, color in coded_text.bars(doc, index.data(SegmentRole), index.data(CodingsRole) or []):
                painter.fillRect(rect, color)
            suggested = index.data(SuggestionsRole)
            if suggested:
                suggested_marks.paint(painter, doc, seg, suggested)
            painter.restore()
            return
        if index.column() == COL_CODES:
            super().paint(painter, option, index)
            codings = index.data(CodingsRole) or []
            painter.save()
            rtl = option.direction == Qt.LayoutDirection.RightToLeft
            for i, (_coding, code) in enumerate(codings[:8]):
                x = option.rect.right() - 3 - i * 6 if rtl else option.rect.left() + 1 + i * 6
                painter.fillRect(QRect(x, option.rect.top() + 2, 4, option.rect.height() - 4), QColor(code.color))
            painter.restore()
            return
        super().paint(painter, option, index)

    def initStyleOption(self, option, index) -> None:
        super().initStyleOption(option, index)
        if index.column() == COL_CODES:
            n = min(len(index.data(CodingsRole) or []), 8)
            option.rect = option.rect.adjusted(*((0, 0, -n * 6, 0) if option.direction == Qt.LayoutDirection.RightToLeft
                                                 else (n * 6, 0, 0, 0)))

    def sizeHint(self, option, index) -> QSize:
        if index.column() == COL_TEXT:
            width = self.view.columnWidth(COL_TEXT)
            # Formats (word shading, selection) do not change the height: lay out the plain text only.
            doc = QTextDocument()
            doc.setDocumentMargin(PAD)
            doc.setDefaultFont(option.font)
            doc.setDefaultTextOption(rtl_option())
            doc.setPlainText(index.data(SegmentRole).text)
            coded_text.make_room(doc)  # the same room under each line for coding bars as painted
            doc.setTextWidth(max(40, width))
            return QSize(width, int(doc.size().height()) + 2)
        return super().sizeHint(option, index)

    def helpEvent(self, event, view, option, index) -> bool:
        """Hovering a coded word names its codes."""
        if index.column() == COL_TEXT and event.type() == QEvent.Type.ToolTip:
            seg = index.data(SegmentRole)
            offset = self.offset_at(index, option.rect, event.pos(), option.font)
            names = coded_text.names_at(seg, index.data(CodingsRole) or [], offset)
            if names:
                QToolTip.showText(event.globalPos(), "\n".join(names), view)
                return True
        return super().helpEvent(event, view, option, index)

    # -- clicks on words ------------------------------------------------------------

    def editorEvent(self, event, model, option, index) -> bool:
        if (index.column() == COL_TEXT and event.type() == QEvent.Type.MouseButtonRelease
                and event.button() == Qt.MouseButton.LeftButton):
            doc = self.document(index, option.rect.width(), option.font)
            local = QPointF(event.position()) - QPointF(option.rect.topLeft())
            pos = doc.documentLayout().hitTest(local, Qt.HitTestAccuracy.FuzzyHit)
            if pos >= 0:
                self.wordClicked.emit(index.row(), from_utf16(index.data(SegmentRole).text, pos))
        return super().editorEvent(event, model, option, index)

    # -- editing ----------------------------------------------------------------------

    def createEditor(self, parent, option, index):
        if index.column() == COL_SPEAKER:
            box = QComboBox(parent)
            box.setEditable(True)
            for sp in (SPEAKER_INTERVIEWER, SPEAKER_PARTICIPANT):
                box.addItem(speaker_label(sp), sp)
            return box
        if index.column() != COL_TEXT:
            return super().createEditor(parent, option, index)
        editor = SegmentTextEdit(parent)
        editor.setFont(option.font)
        editor.document().setDocumentMargin(PAD)
        timer = QTimer(editor)
        timer.setSingleShot(True)
        timer.setInterval(AUTOSAVE_MS)
        timer.timeout.connect(lambda: self.commitData.emit(editor))
        editor.textChanged.connect(timer.start)
        editor.autosave = timer  # stopped when the editor closes (it is deleted later, the timer with it)
        editor.finished.connect(lambda: (self.commitData.emit(editor), self.closeEditor.emit(editor)))
        editor.clickedAt.connect(lambda off, row=index.row(): self.wordClicked.emit(row, off))
        editor.selectionLeaves.connect(self.selectionLeaves)
        self.textEditorOpened.emit()
        return editor

    def setEditorData(self, editor, index) -> None:
        if isinstance(editor, SegmentTextEdit):
            text = index.data(Qt.ItemDataRole.EditRole)
            if editor.toPlainText() != text:  # an autosave echoing back must not move the cursor
                editor.setPlainText(text)
            return
        if isinstance(editor, QComboBox):
            value = index.data(Qt.ItemDataRole.EditRole)
            i = editor.findData(value)
            if i >= 0:
                editor.setCurrentIndex(i)
            else:
                editor.setEditText(value)
            return
        super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:
        if isinstance(editor, SegmentTextEdit):
            model.setData(index, editor.toPlainText(), Qt.ItemDataRole.EditRole)
            return
        if isinstance(editor, QComboBox):
            data = editor.currentData()
            text = editor.currentText()
            value = data if data is not None and editor.itemText(editor.currentIndex()) == text else text
            model.setData(index, value, Qt.ItemDataRole.EditRole)
            return
        super().setModelData(editor, model, index)

    def destroyEditor(self, editor, index) -> None:
        if isinstance(editor, SegmentTextEdit):
            editor.autosave.stop()  # closing committed (or cancelled) it: no save of a closed editor
            self.textEditorClosed.emit(index.row(), from_utf16(editor.toPlainText(), editor.textCursor().anchor()))
        super().destroyEditor(editor, index)

    def updateEditorGeometry(self, editor, option, index) -> None:
        editor.setGeometry(option.rect)
