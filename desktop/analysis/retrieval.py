"""Retrieval: every passage of a code or category, or every answer to a guide question.

Pick what to retrieve; the list shows the participant's pseudonym, the
interview, the time and the text. Double-click (or Enter) opens the
transcript there and plays it (``ctx.openTranscriptRequested``). "Copy as
quotes" puts the selected passages (all when none is selected) on the
clipboard, formatted for a paper in the interface's language.

The list is paged: the first page of quotes is read when the view is shown,
more as it is scrolled to the end. A hidden view reads nothing; it refreshes
when shown, and only for changes to the codes it shows.
"""
from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (QCheckBox, QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from codebook import retrieval
from desktop.analysis.lazy import LazyView
from desktop.bidi import ltr_run

CODES, QUESTIONS = 0, 1
PAGE = 200  # quotes read at a time


def ui_lang(widget: QWidget) -> str:
    return "fa" if widget.locale().language() == QLocale.Persian else "en"


class RetrievalView(LazyView, QWidget):
    """Coded passages of a code/category, or answers to a guide question, across interviews."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.quotes: list[retrieval.Quote] = []
        self.total = 0  # passages in all (more than len(quotes) until every page is read)
        self._code_ids: set[int] = set()
        self._targets_stale = True
        self.mode = QComboBox(self)
        self.mode.addItem(self.tr("Code or category"), CODES)
        self.mode.addItem(self.tr("Guide question"), QUESTIONS)
        self.target = QComboBox(self)
        self.target.setMinimumContentsLength(24)
        self.target.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.copy_button = QPushButton(self.tr("Copy as quotes"), self)
        self.count = QLabel(self)
        self.list = QTreeWidget(self)
        self.list.setRootIsDecorated(False)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QTreeWidget.ExtendedSelection)
        self.list.setWordWrap(True)
        self.list.setHeaderLabels([self.tr("Participant"), self.tr("Interview"), self.tr("Time"),
                                   self.tr("Code"), self.tr("Text")])
        header = self.list.header()
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(4, QHeaderView.Stretch)
        header.setStretchLastSection(True)
        top = QHBoxLayout()
        top.addWidget(self.mode)
        top.addWidget(self.target, 1)
        from desktop.analysis.coder_filter import CoderFilter

        self.coder_filter = CoderFilter(ctx, self)  # one coder's codings, or everyone's
        self.coder_filter.currentIndexChanged.connect(self.refresh)
        self.participants_only = QCheckBox(self.tr("Participants' speech only"))
        self.participants_only.setToolTip(self.tr("Leave out what the interviewer said"))
        self.participants_only.toggled.connect(self.refresh)
        # what is retrieved on one row, whose and how on a second: one row was wider than a 1366-px laptop
        # leaves the view beside the codebook panel
        filters = QHBoxLayout()
        filters.addWidget(self.coder_filter)
        filters.addWidget(self.participants_only)
        filters.addStretch(1)
        filters.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        self.mode.currentIndexChanged.connect(self._fill_targets)
        self.target.currentIndexChanged.connect(self.refresh)
        self.copy_button.clicked.connect(self.copy_quotes)
        self.list.itemActivated.connect(self._activated)
        self.list.verticalScrollBar().valueChanged.connect(self._scrolled)
        QShortcut(QKeySequence.Copy, self.list, self.copy_quotes, context=Qt.WidgetShortcut)
        self._lazy_init(ctx)

    # -- what to retrieve ------------------------------------------------------------

    def _fill_targets(self, *args) -> None:
        self._targets_stale = False
        keep = self.target.currentData()
        self.target.blockSignals(True)
        self.target.clear()
        study = self.ctx.study
        if self.mode.currentData() == CODES:
            depth: dict[int, int] = {}
            for c in study.codes.list():
                depth[c.id] = depth.get(c.parent_id, -1) + 1 if c.parent_id is not None else 0
                self.target.addItem("    " * depth[c.id] + c.name, c.id)
        else:
            for q in study.guide.list():
                self.target.addItem(("    " if q.parent_id is not None else "") + ltr_run(q.text, ui_lang(self)), q.id)
        at = self.target.findData(keep)
        self.target.setCurrentIndex(at if at >= 0 else 0)
        self.target.blockSignals(False)
        self.refresh()

    def show_code(self, code_id: int) -> None:
        """Retrieve a code's (or category's) passages."""
        self._targets_ready()
        self.mode.setCurrentIndex(CODES)
        self.target.setCurrentIndex(self.target.findData(code_id))

    def show_question(self, question_id: int) -> None:
        """Retrieve the answers to a guide question."""
        self._targets_ready()
        self.mode.setCurrentIndex(QUESTIONS)
        self.target.setCurrentIndex(self.target.findData(question_id))

    def _targets_ready(self) -> None:
        if self._targets_stale:
            self._fill_targets()

    def wants(self, change) -> bool:
        if change.any("codes", "guide"):
            self._targets_stale = True
            return True
        if change.any("participants", "interviews"):
            return True  # labels and order
        if self.mode.currentData() == QUESTIONS:
            return change.any("segments", "marks")
        return change.touches_codes(self._code_ids)

    def _refresh_stale(self) -> None:
        self._stale = False
        if self._targets_stale:
            self._fill_targets()  # refreshes the list too
        else:
            self.refresh()

    # -- the list ------------------------------------------------------------------------

    def refresh(self, *args) -> None:
        """Read the first page of what is chosen (the rest as the list is scrolled)."""
        self._stale = False
        target = self.target.currentData()
        study = self.ctx.study
        self.quotes, self._code_ids = [], set()
        self.list.clear()
        if target is None:
            self.total, interviews = 0, 0
        elif self.mode.currentData() == CODES:
            self._code_ids = {target} | {d.id for d in study.codes.descendants(target)}
            if self.participants_only.isChecked():  # quotes are fewer than codings: read them all at once
                self._add(retrieval.coded_segments(study, target, coder=self.coder_filter.coder(),
                                                   without_interviewer=True))
                self.total, interviews = len(self.quotes), len({q.interview_id for q in self.quotes})
            else:
                self.total, interviews = study.codings.count_of_codes(sorted(self._code_ids),
                                                                      coder=self.coder_filter.coder())
                self._more()
        else:
            self._add(retrieval.answers(study, target))
            self.total, interviews = len(self.quotes), len({q.interview_id for q in self.quotes})
        self.count.setText(self.tr("%1 passages from %2 interviews")
                           .replace("%1", self.locale().toString(self.total))
                           .replace("%2", self.locale().toString(interviews)))
        self.copy_button.setEnabled(bool(self.total))

    def _more(self) -> bool:
        """Read the next page of quotes; False when all are read."""
        if self.mode.currentData() != CODES or len(self.quotes) >= self.total or self.participants_only.isChecked():
            return False
        self._add(retrieval.coded_segments(self.ctx.study, self.target.currentData(), limit=PAGE,
                                           offset=len(self.quotes), coder=self.coder_filter.coder()))
        return True

    def _scrolled(self, value: int) -> None:
        bar = self.list.verticalScrollBar()
        if value >= bar.maximum() - bar.pageStep() // 2:
            self._more()

    def fetch_all(self) -> list[retrieval.Quote]:
        while self._more():
            pass
        return self.quotes

    def _add(self, quotes: list[retrieval.Quote]) -> None:
        lang = ui_lang(self)
        items = []
        for n, q in enumerate(quotes, start=len(self.quotes)):
            text = " ".join(q.text.split())
            item = QTreeWidgetItem([q.pseudonym or "—", q.interview_label,
                                    retrieval.format_time(q.start_ms, lang), q.code_name, text])
            item.setData(0, Qt.UserRole, n)
            item.setToolTip(4, q.text + (("\n\n" + q.memo) if q.memo else ""))
            items.append(item)
        self.quotes.extend(quotes)
        self.list.addTopLevelItems(items)

    def selected_quotes(self) -> list[retrieval.Quote]:
        rows = sorted(i.data(0, Qt.UserRole) for i in self.list.selectedItems())
        return [self.quotes[r] for r in rows]

    def _activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        q = self.quotes[item.data(0, Qt.UserRole)]
        self.ctx.openTranscriptRequested.emit(q.interview_id, q.start_ms)

    def copy_quotes(self) -> str:
        """Copy the selected quotes (or all) to the clipboard; returns the text."""
        text = retrieval.format_quotes(self.selected_quotes() or self.fetch_all(), ui_lang(self))
        QGuiApplication.clipboard().setText(text)
        return text
