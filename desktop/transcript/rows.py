"""Row heights of the transcript table, measured only where they are seen.

Qt's ``ResizeToContents`` on the vertical header lays out every row's text
(a QTextDocument each) when the interview opens, and again for all rows on
any change: 400 layouts per edit, 2,000 on a long interview. Instead every
row starts at an estimate from its text's width in the font (cheap), and the
rows in and around the viewport are measured exactly by the delegate, after
opening, scrolling, resizing or a change to those rows. The table scrolls
smoothly at any length and an edit re-measures its own row only.

The time column is sized the same way: from the widest clock and bookmark line
in the font, when the interview is loaded, not by asking every row for its size
hint after each change (which ``ResizeToContents`` does).
"""
from __future__ import annotations

import math

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QHeaderView, QStyleOptionViewItem

from desktop.transcript.model import COL_TEXT, COL_TIME

MARGIN_ROWS = 8  # rows measured beyond the viewport's edges, so a short scroll shows measured rows


class RowHeights(QObject):
    """Keeps ``view``'s row heights: estimated for all rows, exact for those near the viewport."""

    def __init__(self, view, parent=None):
        super().__init__(parent or view)
        self.view = view
        self.model = view.model()
        self.exact: set[int] = set()  # rows measured exactly (their height is final until they change)
        header = view.verticalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self._timer = QTimer(self, singleShot=True, interval=0)
        self._timer.timeout.connect(self.measure_visible)
        self.model.modelReset.connect(self.reset)
        self.model.layoutChanged.connect(self.reset)
        self.model.rowsInserted.connect(self.reset)
        self.model.rowsRemoved.connect(self.reset)
        self.model.dataChanged.connect(self._data_changed)
        view.verticalScrollBar().valueChanged.connect(lambda *_: self._timer.start())
        view.horizontalHeader().setSectionResizeMode(COL_TIME, QHeaderView.ResizeMode.Interactive)
        view.horizontalHeader().sectionResized.connect(self._column_resized)

    # -- estimating ---------------------------------------------------------------

    def _estimate(self, row: int, metrics: QFontMetrics, width: int) -> int:
        seg = self.model.segment(row)
        # The average character width, not the shaped text: an estimate, corrected when the row is seen.
        lines = max(1, math.ceil(len(seg.text) * metrics.averageCharWidth() / max(40, width - 16)))
        time_lines = 2 + len(self.model.marks_of(row))
        return max(lines, time_lines) * metrics.lineSpacing() + 12

    def _fit_time_column(self, metrics: QFontMetrics) -> None:
        n = self.model.rowCount()
        lines = [str(self.model.index(n - 1, COL_TIME).data())] if n else []
        lines += [str(self.model.index(r, COL_TIME).data()) for r in self.model.rows_with_marks()]
        widest = max((metrics.horizontalAdvance(line) for text in lines for line in text.split("\n")),
                     default=metrics.horizontalAdvance("00:00:00"))
        self.view.setColumnWidth(COL_TIME, widest + 48)  # + the check box and the margins

    def reset(self, *args) -> None:
        """Every row at its estimate; the visible ones measured next."""
        self.exact.clear()
        metrics = QFontMetrics(self.view.font())
        self._fit_time_column(metrics)
        width = self.view.columnWidth(COL_TEXT)
        header = self.view.verticalHeader()
        for row in range(self.model.rowCount()):
            header.resizeSection(row, self._estimate(row, metrics, width))
        self._timer.start()

    def _column_resized(self, column: int, _old: int, _new: int) -> None:
        if column == COL_TEXT:
            self.reset()

    def _data_changed(self, top_left, bottom_right, roles=()) -> None:
        rows = range(top_left.row(), bottom_right.row() + 1)
        self.exact.difference_update(rows)
        if len(rows) <= 2 * MARGIN_ROWS:
            for row in rows:
                self._measure(row)
        self._timer.start()

    # -- measuring ---------------------------------------------------------------

    def _measure(self, row: int) -> None:
        if not 0 <= row < self.model.rowCount():
            return
        option = QStyleOptionViewItem()
        option.font = self.view.font()
        delegate = self.view.itemDelegate()
        height = max(delegate.sizeHint(option, self.model.index(row, col)).height() for col in (COL_TIME, COL_TEXT))
        height += 1 if self.view.showGrid() else 0  # the grid line is inside the row, as QTableView counts it
        self.exact.add(row)
        if self.view.verticalHeader().sectionSize(row) != height:
            self.view.verticalHeader().resizeSection(row, height)

    def visible_rows(self) -> range:
        view = self.view
        n = self.model.rowCount()
        if not n:
            return range(0)
        top = view.rowAt(0)
        bottom = view.rowAt(view.viewport().height() - 1)
        top = 0 if top < 0 else top
        bottom = n - 1 if bottom < 0 else bottom
        return range(max(0, top - MARGIN_ROWS), min(n, bottom + MARGIN_ROWS + 1))

    def measure_visible(self) -> None:
        """Measure the rows in and near the viewport; again while measuring changed which rows those are."""
        for _ in range(4):
            todo = [r for r in self.visible_rows() if r not in self.exact]
            if not todo:
                return
            for row in todo:
                self._measure(row)
