"""Codings shown inside the text: a thin bar in the code's colour under exactly the words a
coding covers (as MAXQDA and ATLAS.ti do), stacked when codings overlap, with the code names
on hover. Works on the laid-out :class:`QTextDocument` of a segment, so right-to-left and
left-to-right text, wrapped lines and mixed scripts all put the bar under the right words."""
from __future__ import annotations

from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QTextBlockFormat, QTextCursor, QTextDocument

from desktop.transcript.offsets import to_utf16

BAR = 2          # px, the height of one coding's bar
GAP = 1          # px between stacked bars
MAX_STACK = 3    # bars under one line at most; more codings on the same words show in the tooltip
LINE_GAP = MAX_STACK * (BAR + GAP) + 1  # room kept under every line for the bars, coded or not


def make_room(doc: QTextDocument) -> None:
    """Keep the same room under every line of ``doc`` for coding bars, so a row's height does
    not change when a coding is added or removed."""
    fmt = QTextBlockFormat()
    fmt.setLineHeight(LINE_GAP, QTextBlockFormat.LineHeightTypes.LineDistanceHeight.value)
    cursor = QTextCursor(doc)
    cursor.select(QTextCursor.SelectionType.Document)
    cursor.mergeBlockFormat(fmt)


def part_in(coding, segment) -> tuple[int, int] | None:
    """The code point range of ``segment``'s text that ``coding`` covers (it may start or end in
    another segment), or None when it covers nothing here."""
    text = segment.text
    start = coding.start_offset if coding.start_segment_id == segment.id else 0
    end = coding.end_offset if coding.end_segment_id == segment.id else len(text)
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    return (start, end) if end > start else None


def bars(doc: QTextDocument, segment, codings) -> list[tuple[QRectF, QColor]]:
    """Where to draw each coding's bar in ``doc`` (document coordinates) and in which colour.

    ``codings`` are (coding, code) pairs touching the segment, in the order they should stack."""
    out: list[tuple[QRectF, QColor]] = []
    if not codings:
        return out
    doc.size()  # lays the document out, so its blocks have lines
    text = segment.text
    placed: dict[tuple[int, int], list[tuple[int, int, int]]] = {}  # line -> (start, end, level) drawn
    for coding, code in codings:
        part = part_in(coding, segment)
        if part is None:
            continue
        a, b = to_utf16(text, part[0]), to_utf16(text, part[1])
        block = doc.begin()
        while block.isValid():
            layout = block.layout()
            base = block.position()
            origin = layout.position()
            for i in range(layout.lineCount()):
                line = layout.lineAt(i)
                lo, hi = base + line.textStart(), base + line.textStart() + line.textLength()
                s, e = max(a, lo), min(b, hi)
                if e <= s:
                    continue
                on_line = placed.setdefault((block.blockNumber(), i), [])
                level = 0  # the lowest bar free under these characters: codings side by side share a level
                while any(ps < e and s < pe and pl == level for ps, pe, pl in on_line):
                    level += 1
                on_line.append((s, e, level))
                if level >= MAX_STACK:
                    continue
                x1, x2 = _x(line, s - base), _x(line, e - base)
                y = origin.y() + line.y() + line.ascent() + line.descent() + 1 + level * (BAR + GAP)
                out.append((QRectF(origin.x() + min(x1, x2), y, abs(x2 - x1), BAR), QColor(code.color)))
            block = block.next()
    return out


def _x(line, position: int) -> float:
    """QTextLine.cursorToX as a number (PySide6 may return it with the position)."""
    x = line.cursorToX(position)
    return float(x[0] if isinstance(x, tuple) else x)


def names_at(segment, codings, offset: int) -> list[str]:
    """The names of the codes whose codings cover the character at ``offset`` (code points)."""
    names = []
    for coding, code in codings:
        part = part_in(coding, segment)
        if part is not None and part[0] <= offset < part[1] and code.name not in names:
            names.append(code.name)
    return names
