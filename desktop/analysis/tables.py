"""Frequency tables as an interview study reports them, the code x interview matrix,
and the participants table (combinations of attributes with counts).

A switch counts by coded segments or by interviews that mention a code. The
tables refresh when codes, codings or participants change (when the view is
shown: a hidden view only notes that it is stale). They show what
:mod:`codebook.analysis` computes; the exporters write the same structures.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QHBoxLayout, QHeaderView, QLabel, QRadioButton,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from codebook import analysis
from desktop.analysis.lazy import LazyView


def _item(text: str, *, bold: bool = False, center: bool = False, color: str | None = None) -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    item.setFlags(Qt.ItemIsEnabled | Qt.ItemIsSelectable)
    if bold:
        f = QFont()
        f.setBold(True)
        item.setFont(f)
    if center:
        item.setTextAlignment(Qt.AlignCenter)
    if color:
        item.setBackground(QBrush(QColor(color)))
    return item


class AnalysisView(LazyView, QWidget):
    """Tabs: frequencies (per category, with the segments/interviews switch), matrix, participants."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.by_segments = QRadioButton(self.tr("Count coded segments"), self)
        self.by_interviews = QRadioButton(self.tr("Count interviews that mention the code"), self)
        self.by_segments.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.by_segments)
        group.addButton(self.by_interviews)
        group.buttonToggled.connect(lambda *a: self.refresh())
        self.frequencies = self._table()
        self.matrix = self._table()
        self.participants = self._table()
        # Which attributes make up the combinations (all by default).
        self.attribute_boxes: dict[str, QCheckBox] = {}
        self.attribute_row = QHBoxLayout()
        participants_tab = QWidget(self)
        pl = QVBoxLayout(participants_tab)
        pl.setContentsMargins(0, 4, 0, 0)
        pl.addLayout(self.attribute_row)
        pl.addWidget(self.participants, 1)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.tabs.addTab(self.frequencies, self.tr("Frequencies"))
        self.tabs.addTab(self.matrix, self.tr("Codes × interviews"))
        self.tabs.addTab(participants_tab, self.tr("Participants"))
        # The switch counts codes: it means nothing for the participants table.
        self.tabs.currentChanged.connect(lambda i: [b.setEnabled(i != 2) for b in (self.by_segments,
                                                                                   self.by_interviews)])
        switch = QHBoxLayout()
        switch.addWidget(self.by_segments)
        switch.addWidget(self.by_interviews)
        switch.addStretch(1)
        from desktop.analysis.coder_filter import CoderFilter

        self.coder_filter = CoderFilter(ctx, self)
        self.coder_filter.currentIndexChanged.connect(lambda *a: self.refresh())
        switch.addWidget(self.coder_filter)
        layout = QVBoxLayout(self)
        layout.addLayout(switch)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.note)
        self._lazy_init(ctx)

    def _table(self) -> QTableWidget:
        t = QTableWidget(self)
        t.verticalHeader().setVisible(False)
        t.setEditTriggers(QTableWidget.NoEditTriggers)
        t.setAlternatingRowColors(False)
        return t

    def wants(self, change) -> bool:
        """Counts change when codings come or go, not when a segment's text is edited."""
        return (change.any("codes", "participants", "interviews")
                or ("codings" in change and not change.in_place)
                or ("segments" in change and not change.segment_ids))  # a transcript added or replaced

    @property
    def by(self) -> str:
        return "interviews" if self.by_interviews.isChecked() else "segments"

    def n(self, value: int) -> str:
        return self.locale().toString(int(value))

    def pct(self, share: float) -> str:
        persian = self.locale().language() == self.locale().Language.Persian
        return self.locale().toString(share * 100, "f", 1) + ("٪" if persian else "%")

    def refresh(self) -> None:
        self._stale = False
        study = self.ctx.study
        lang = "fa" if self.locale().language() == self.locale().Language.Persian else "en"
        coder = self.coder_filter.coder()
        self._fill_frequencies(analysis.frequency_tables(study, self.by, lang, coder=coder))
        self._fill_matrix(analysis.code_matrix(study, self.by, coder=coder))
        self._attribute_choices(study.participants.attribute_names())
        chosen = [a for a, box in self.attribute_boxes.items() if box.isChecked()]
        self._fill_participants(analysis.participants_table(study, chosen))
        counted = len(analysis.counted_interviews(study))
        note = self.tr("Counted: %1 interviews with a transcript, in the order held.").replace("%1", self.n(counted))
        if coder is None and self.coder_filter.count() > 2 and self.by == "segments":  # several coders, all counted
            note += " " + self.tr("A passage that several coders gave the same code counts once.")
        self.note.setText(note)

    def _attribute_choices(self, names: list[str]) -> None:
        if list(self.attribute_boxes) == names:
            return
        old = {a: b.isChecked() for a, b in self.attribute_boxes.items()}
        for box in self.attribute_boxes.values():
            box.deleteLater()
        self.attribute_boxes = {}
        while self.attribute_row.count():
            self.attribute_row.takeAt(0)
        for name in names:
            box = QCheckBox(name, self)
            box.setChecked(old.get(name, True))
            box.toggled.connect(lambda *a: self.refresh())
            self.attribute_row.addWidget(box)
            self.attribute_boxes[name] = box
        self.attribute_row.addStretch(1)

    # -- the three tables ----------------------------------------------------------------

    def _fill_frequencies(self, tables: list[analysis.CategoryTable]) -> None:
        t = self.frequencies
        t.clear()
        count_label = self.tr("Coded segments") if self.by == "segments" else self.tr("Interviews")
        t.setColumnCount(3)
        t.setHorizontalHeaderLabels([self.tr("Category / code"), count_label, self.tr("Share of category")])
        rows = sum(len(tb.rows) + 2 for tb in tables)
        t.setRowCount(rows)
        r = 0
        for tb in tables:
            t.setItem(r, 0, _item(tb.name, bold=True, color="#eef2f7"))
            t.setItem(r, 1, _item("", color="#eef2f7"))
            t.setItem(r, 2, _item("", color="#eef2f7"))
            r += 1
            for row in tb.rows:
                t.setItem(r, 0, _item("    " * (row.depth + 1) + row.name))
                t.setItem(r, 1, _item(self.n(row.count), center=True))
                t.setItem(r, 2, _item(self.pct(row.share), center=True))
                r += 1
            t.setItem(r, 0, _item("    " + self.tr("Total"), bold=True))
            t.setItem(r, 1, _item(self.n(tb.total), bold=True, center=True))
            t.setItem(r, 2, _item(self.pct(1.0 if tb.total else 0.0), bold=True, center=True))
            r += 1
        t.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)
        t.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeToContents)
        t.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeToContents)

    def _fill_matrix(self, m: analysis.CodeMatrix) -> None:
        t = self.matrix
        t.clear()
        t.setColumnCount(len(m.interviews) + 2)
        t.setRowCount(len(m.codes) + 1)
        t.setHorizontalHeaderLabels([self.tr("Code")] + [i.label for i in m.interviews] + [self.tr("Total")])
        for r, ((_, name), cells) in enumerate(zip(m.codes, m.cells)):
            t.setItem(r, 0, _item(name))
            for c, value in enumerate(cells, start=1):
                t.setItem(r, c, _item(self.n(value) if value else "·", center=True,
                                      color="#dbe8f6" if value else None))
            t.setItem(r, len(cells) + 1, _item(self.n(sum(cells)), bold=True, center=True))
        last = len(m.codes)
        t.setItem(last, 0, _item(self.tr("Total"), bold=True))
        for c, value in enumerate(m.column_totals, start=1):
            t.setItem(last, c, _item(self.n(value), bold=True, center=True))
        t.setItem(last, len(m.interviews) + 1, _item(self.n(sum(m.row_totals)), bold=True, center=True))
        t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        t.horizontalHeader().setSectionResizeMode(0, QHeaderView.Stretch)

    def _fill_participants(self, p: analysis.ParticipantsTable) -> None:
        t = self.participants
        t.clear()
        if not p.attributes:  # no attribute chosen: only the number of participants
            t.setColumnCount(1)
            t.setRowCount(1)
            t.setHorizontalHeaderLabels([self.tr("Participants")])
            t.setItem(0, 0, _item(self.n(p.total), bold=True, center=True))
            return
        t.setColumnCount(len(p.attributes) + 1)
        t.setRowCount(len(p.rows) + 1)
        t.setHorizontalHeaderLabels(list(p.attributes) + [self.tr("Participants")])
        for r, (values, count) in enumerate(p.rows):
            for c, v in enumerate(values):
                t.setItem(r, c, _item(v or "—"))
            t.setItem(r, len(values), _item(self.n(count), center=True))
        t.setItem(len(p.rows), 0, _item(self.tr("Total"), bold=True))
        for c in range(1, len(p.attributes)):
            t.setItem(len(p.rows), c, _item(""))
        t.setItem(len(p.rows), len(p.attributes), _item(self.n(p.total), bold=True, center=True))
        t.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
