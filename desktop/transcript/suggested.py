"""Suggested spans marked in the transcript editor: a dashed outline in the code's colour around exactly the
words a pending suggestion covers (a coding is a solid bar under its words; a suggestion is only a proposal),
computed on the laid-out :class:`QTextDocument` of a segment, so right-to-left text and wrapped lines are right."""
from __future__ import annotations

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen, QTextDocument

from desktop.transcript.coded_text import part_in
from desktop.transcript.offsets import to_utf16


def rects(doc: QTextDocument, segment, suggestions) -> list[tuple[QRectF, QColor]]:
    """Where each suggestion's words lie in ``doc`` (one rectangle per line it covers) and its code's colour.
    ``suggestions`` are (Suggestion, Code) pairs touching the segment."""
    out: list[tuple[QRectF, QColor]] = []
    if not suggestions:
        return out
    doc.size()
    text = segment.text
    for suggestion, code in suggestions:
        part = part_in(suggestion, segment)
        if part is None:
            continue
        a, b = to_utf16(text, part[0]), to_utf16(text, part[1])
        block = doc.begin()
        while block.isValid():
            layout, base, origin = block.layout(), block.position(), block.layout().position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                lo, hi = base + line.textStart(), base + line.textStart() + line.textLength()
                s, e = max(a, lo), min(b, hi)
                if e <= s:
                    continue
                x1, x2 = _line_x(line, s - base), _line_x(line, e - base)
                out.append((QRectF(origin.x() + min(x1, x2), origin.y() + line.y(), abs(x2 - x1),
                                   line.ascent() + line.descent()), QColor(code.color)))
            block = block.next()
    return out


def paint(painter: QPainter, doc: QTextDocument, segment, suggestions) -> None:
    """Draw the suggestions' outlines (the painter already at the document's origin)."""
    for rect, color in rects(doc, segment, suggestions):
        fill = QColor(color)
        fill.setAlpha(40)
        painter.fillRect(rect, fill)
        pen = QPen(color, 1, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawRect(rect.adjusted(0, 0, -1, -1))


def _line_x(line, position: int) -> float:
    """QTextLine.cursorToX as a number (PySide6 may return it with the position)."""
    x = line.cursorToX(position)
    return float(x[0] if isinstance(x, tuple) else x)
