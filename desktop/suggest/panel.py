"""The review panel: the pending suggestions (code, quote, reason, interview), accepted, rejected or moved
one at a time or many at once, each an undo step; what leaves the computer and to where, said plainly; the
sentence for the paper."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from codebook.errors import StudyError
from codebook.suggestions.store import Suggestions
from desktop.app import explain
from desktop.exchange.job_dialog import number
from desktop.i18n import current_language, worded
from desktop.suggest.commands import Adjust, Decide
from desktop.suggest.run_dialog import SuggestDialog, what_leaves
from desktop.suggest.server_box import llm_server

ID_ROLE = Qt.ItemDataRole.UserRole


class SuggestionsPanel(QWidget):
    """Lists pending suggestions; ``showRequested(interview, segment, start, end)`` asks the editor to show one."""

    showRequested = Signal(int, int, int, int)

    def __init__(self, ctx, settings, editor=None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx, self.settings, self.editor = ctx, settings, editor
        layout = QVBoxLayout(self)
        self.leaves = QLabel()
        self.leaves.setWordWrap(True)
        self.leaves.setStyleSheet("QLabel { background: #fff8e1; padding: 4px; border: 1px solid #e0c060; }")
        layout.addWidget(self.leaves)
        self.ask = QPushButton(self.tr("Ask for suggestions…"))
        self.ask.clicked.connect(self.open_run_dialog)
        layout.addWidget(self.ask)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Code"), self.tr("Quote"), self.tr("Reason"), self.tr("Interview")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setRootIsDecorated(False)
        self.tree.setWordWrap(True)  # a quote is read whole, on as many lines as it takes
        self.tree.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.tree.setUniformRowHeights(False)
        header = self.tree.header()
        header.setStretchLastSection(False)
        for column, mode in ((0, QHeaderView.ResizeMode.ResizeToContents), (1, QHeaderView.ResizeMode.Stretch),
                             (2, QHeaderView.ResizeMode.Stretch), (3, QHeaderView.ResizeMode.ResizeToContents)):
            header.setSectionResizeMode(column, mode)
        self.tree.itemDoubleClicked.connect(lambda *_: self.show_current())
        self.tree.itemSelectionChanged.connect(self._enable)
        layout.addWidget(self.tree, 1)
        self.detail = QLabel()  # the chosen suggestion whole: its quote and the model's reason, wrapped
        self.detail.setWordWrap(True)
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setStyleSheet("QLabel { padding: 4px; border: 1px solid palette(mid); }")
        layout.addWidget(self.detail)
        row = QHBoxLayout()
        self.accept_button = QPushButton(self.tr("Accept"))
        self.reject_button = QPushButton(self.tr("Reject"))
        self.adjust_button = QPushButton(self.tr("Span to selection"))
        self.adjust_button.setToolTip(self.tr("Move the suggestion's span to the text selected in the transcript"))
        self.show_button = QPushButton(self.tr("Show"))
        for b, slot in ((self.accept_button, self.accept_selected), (self.reject_button, self.reject_selected),
                        (self.adjust_button, self.adjust_to_selection), (self.show_button, self.show_current)):
            b.clicked.connect(slot)
            row.addWidget(b)
        layout.addLayout(row)
        self.note = QLabel()  # why a step was refused or skipped (no modal box: the review goes on)
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #b00020;")
        layout.addWidget(self.note)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        layout.addWidget(self.counts)
        self.paper_button = QPushButton(self.tr("Sentence for the paper"))
        self.paper_button.clicked.connect(self.show_paper_sentence)
        layout.addWidget(self.paper_button)
        ctx.changes.connect(self._changed)
        self.refresh()

    # -- reading ------------------------------------------------------------------------------------------

    def refresh(self) -> None:
        server = llm_server(self.settings)
        self.leaves.setText(what_leaves(self.tr, server))
        self.ask.setEnabled(server.chosen)
        study = self.ctx.study
        repo = Suggestions(study)
        codes = {c.id: c for c in study.codes.list()}
        suggestions = repo.list()
        labels = {iid: study.interviews.label(study.interviews.get(iid))  # only the interviews listed
                  for iid in {s.interview_id for s in suggestions}}
        selected = set(self.selected_ids())
        self.tree.clear()
        for s in suggestions:
            code = codes.get(s.code_id)
            item = QTreeWidgetItem([code.name if code else "", s.quote, s.reason, labels.get(s.interview_id, "")])
            item.setData(0, ID_ROLE, s.id)
            item.setToolTip(1, s.quote)
            item.setToolTip(2, s.reason)
            if code is not None:
                item.setData(0, Qt.ItemDataRole.DecorationRole, _swatch(code.color))
            self.tree.addTopLevelItem(item)
            item.setSelected(s.id in selected)
        counts = repo.counts()
        self.counts.setText(self.tr("%1 pending · %2 accepted · %3 rejected")
                            .replace("%1", number(counts["pending"])).replace("%2", number(counts["accepted"]))
                            .replace("%3", number(counts["rejected"])))
        self.paper_button.setEnabled(bool(repo.runs()))
        self._enable()

    def _changed(self, change) -> None:
        # a text edit in place changes no suggestion (their quotes are kept as the model gave them); a split,
        # merge or deletion of segments can take one with it: the list is read again then
        segments_moved = "segments" in change and not change.in_place
        if (change.any("suggestions", "codes", "interviews") or segments_moved) and not self.ctx.study.closed:
            self.refresh()

    def _enable(self) -> None:
        n = len(self.selected_ids())
        items = self.tree.selectedItems()
        if len(items) == 1:
            item = items[0]
            self.detail.setText(f"{item.text(0)} · {item.text(3)}\n«{item.text(1)}»\n{item.text(2)}")
        else:
            self.detail.setText(self.tr("%1 suggestions chosen").replace("%1", number(n)) if n else
                                self.tr("Choose a suggestion to read it whole; several to decide on them at once."))
        for b in (self.accept_button, self.reject_button):
            b.setEnabled(n > 0)
        self.adjust_button.setEnabled(n == 1)
        self.show_button.setEnabled(n == 1)

    def selected_ids(self) -> list[int]:
        return [i.data(0, ID_ROLE) for i in self.tree.selectedItems()]

    # -- acting -------------------------------------------------------------------------------------------

    def _decide(self, accept: bool) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        step = Decide(self.ctx, ids, accept)
        self.ctx.undo_stack.push(step)
        self.note.setText("\n".join(step.skipped))

    def accept_selected(self) -> None:
        self._decide(True)

    def reject_selected(self) -> None:
        self._decide(False)

    def adjust_to_selection(self, span=None) -> bool:
        """Move the chosen suggestion's span to ``span`` (the editor's selection by default)."""
        ids = self.selected_ids()
        if len(ids) != 1:
            return False
        if span is None and self.editor is not None:
            span = self.editor.coding_span()
        if span is None:
            self.note.setText(self.tr("Select the words in the transcript first, then press this again."))
            return False
        try:
            Suggestions(self.ctx.study).check_span(ids[0], *span)  # refused here, before it is a step
            self.ctx.undo_stack.push(Adjust(self.ctx, ids[0], span))
        except StudyError as exc:
            self.note.setText(explain(exc))
            return False
        self.note.clear()
        return True

    def show_current(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 1:
            return
        s = Suggestions(self.ctx.study).get(ids[0])
        self.showRequested.emit(s.interview_id, s.start_segment_id, s.start_offset,
                                s.end_offset if s.end_segment_id == s.start_segment_id else s.start_offset)

    def open_run_dialog(self) -> None:
        interview = self.editor.interview_id if self.editor is not None else None
        dialog = SuggestDialog(self.ctx, llm_server(self.settings), self, interview_id=interview)
        dialog.exec()

    def paper_sentence(self) -> str:
        from codebook.suggestions.report import paper_sentence

        return paper_sentence(self.ctx.study, self.ctx.coder or "", lang=current_language())

    def show_paper_sentence(self) -> None:
        try:
            text = self.paper_sentence()
        except StudyError as exc:
            text = worded(exc)  # in the UI language
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Sentence for the paper"), text, parent=self)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()


def _swatch(color: str):
    from PySide6.QtGui import QColor, QPixmap

    pix = QPixmap(10, 10)
    pix.fill(QColor(color))
    return pix


def _tr(text: str) -> str:
    return QCoreApplication.translate("SuggestionsPanel", text)
