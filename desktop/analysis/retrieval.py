"""Retrieval: every passage of a code or category, or every answer to a guide question.

Pick what to retrieve; the list shows the participant's pseudonym, the
interview, the time and the text. Double-click (or Enter) opens the
transcript there and plays it (``ctx.openTranscriptRequested``). "Copy as
quotes" puts the selected passages (all when none is selected) on the
clipboard, formatted for a paper in the interface's language.
"""
from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)

from codebook import retrieval

CODES, QUESTIONS = 0, 1


def ui_lang(widget: QWidget) -> str:
    return "fa" if widget.locale().language() == QLocale.Persian else "en"


class RetrievalView(QWidget):
    """Coded passages of a code/category, or answers to a guide question, across interviews."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.quotes: list[retrieval.Quote] = []
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

        self.coder_filter = CoderFilter(ctx, self)
        self.coder_filter.currentIndexChanged.connect(self.refresh)
        top.addWidget(self.coder_filter)
        top.addWidget(self.copy_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.count)
        self.mode.currentIndexChanged.connect(self._fill_targets)
        self.target.currentIndexChanged.connect(self.refresh)
        self.copy_button.clicked.connect(self.copy_quotes)
        self.list.itemActivated.connect(self._activated)
        QShortcut(QKeySequence.Copy, self.list, self.copy_quotes, context=Qt.WidgetShortcut)
        ctx.changed.connect(self._changed)
        self._fill_targets()

    # -- what to retrieve ------------------------------------------------------------

    def _fill_targets(self, *args) -> None:
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
                self.target.addItem(("    " if q.parent_id is not None else "") + q.text, q.id)
        at = self.target.findData(keep)
        self.target.setCurrentIndex(at if at >= 0 else 0)
        self.target.blockSignals(False)
        self.refresh()

    def show_code(self, code_id: int) -> None:
        """Retrieve a code's (or category's) passages."""
        self.mode.setCurrentIndex(CODES)
        self.target.setCurrentIndex(self.target.findData(code_id))

    def show_question(self, question_id: int) -> None:
        """Retrieve the answers to a guide question."""
        self.mode.setCurrentIndex(QUESTIONS)
        self.target.setCurrentIndex(self.target.findData(question_id))

    def _changed(self, kind: str) -> None:
        if kind in ("codes", "guide"):
            self._fill_targets()
        elif kind in ("codings", "segments", "marks", "participants", "interviews"):
            self.refresh()

    # -- the list ------------------------------------------------------------------------

    def refresh(self, *args) -> None:
        target = self.target.currentData()
        study = self.ctx.study
        if target is None:
            self.quotes = []
        elif self.mode.currentData() == CODES:
            self.quotes = retrieval.coded_segments(study, target, coder=self.coder_filter.coder())
        else:
            self.quotes = retrieval.answers(study, target)
        lang = ui_lang(self)
        self.list.clear()
        for n, q in enumerate(self.quotes):
            text = " ".join(q.text.split())
            item = QTreeWidgetItem([q.pseudonym or "—", q.interview_label,
                                    retrieval.format_time(q.start_ms, lang), q.code_name, text])
            item.setData(0, Qt.UserRole, n)
            item.setToolTip(4, q.text + (("\n\n" + q.memo) if q.memo else ""))
            self.list.addTopLevelItem(item)
        interviews = len({q.interview_id for q in self.quotes})
        self.count.setText(self.tr("%1 passages from %2 interviews")
                           .replace("%1", self.locale().toString(len(self.quotes)))
                           .replace("%2", self.locale().toString(interviews)))
        self.copy_button.setEnabled(bool(self.quotes))

    def selected_quotes(self) -> list[retrieval.Quote]:
        rows = sorted(i.data(0, Qt.UserRole) for i in self.list.selectedItems())
        return [self.quotes[r] for r in rows]

    def _activated(self, item: QTreeWidgetItem, column: int = 0) -> None:
        q = self.quotes[item.data(0, Qt.UserRole)]
        self.ctx.openTranscriptRequested.emit(q.interview_id, q.start_ms)

    def copy_quotes(self) -> str:
        """Copy the selected quotes (or all) to the clipboard; returns the text."""
        text = retrieval.format_quotes(self.selected_quotes() or self.quotes, ui_lang(self))
        QGuiApplication.clipboard().setText(text)
        return text
