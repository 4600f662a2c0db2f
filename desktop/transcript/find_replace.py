"""Find and replace in transcripts, matching through the Persian normalisation:
a search for ``كتاب`` (Arabic kaf) finds ``کتاب``, ``کتابخانه`` finds ``کتاب‌خانه``.

The matching itself is :mod:`transcribe.find` (no Qt): it finds where a query
stands in the *original* text, never across a word boundary the query does not
have, so a replacement changes exactly those characters. Replacing goes through
the undo stack, one step for the whole replace-all.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QRadioButton, QVBoxLayout)

from codebook.dates import digits
from desktop.app import current_language
from desktop.transcript.commands import SetText
from transcribe.find import find_spans, replace_all_text  # noqa: F401  (the dialog's matching, re-exported)


class FindReplaceDialog(QDialog):
    """Find (next) and replace all, in this interview or the whole study."""

    foundAt = Signal(int, int, int, int)  # interview id, segment id, start, end (code points)

    def __init__(self, editor, parent=None):
        super().__init__(parent or editor)
        self.editor = editor
        self.ctx = editor.ctx
        self.setWindowTitle(self.tr("Find and replace"))
        self.find_edit = QLineEdit()
        self.replace_edit = QLineEdit()
        for e in (self.find_edit, self.replace_edit):
            e.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self.pseudonyms = QComboBox()
        self.pseudonyms.addItem(self.tr("— a participant's pseudonym —"), None)
        for p in self.ctx.study.participants.list():
            self.pseudonyms.addItem(p.pseudonym, p.pseudonym)
        self.pseudonyms.activated.connect(self._use_pseudonym)
        self.in_interview = QRadioButton(self.tr("This interview"))
        self.in_study = QRadioButton(self.tr("The whole study"))
        self.in_interview.setChecked(True)
        self.status = QLabel()
        find_next = QPushButton(self.tr("Find next"))
        find_next.setDefault(True)
        replace_all = QPushButton(self.tr("Replace all"))
        close = QPushButton(self.tr("Close"))
        find_next.clicked.connect(self.find_next)
        replace_all.clicked.connect(self.replace_all)
        close.clicked.connect(self.close)
        form = QFormLayout()
        form.addRow(self.tr("Find"), self.find_edit)
        form.addRow(self.tr("Replace with"), self.replace_edit)
        form.addRow("", self.pseudonyms)
        scope = QHBoxLayout()
        scope.addWidget(self.in_interview)
        scope.addWidget(self.in_study)
        form.addRow(self.tr("Where"), scope)
        buttons = QHBoxLayout()
        for b in (find_next, replace_all, close):
            buttons.addWidget(b)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._last: tuple[int, int, int] | None = None  # interview, segment, start of the last hit

    def _use_pseudonym(self) -> None:
        value = self.pseudonyms.currentData()
        if value:
            self.replace_edit.setText(value)

    def matches(self) -> list[tuple[int, int, int, int]]:
        """Every match in scope: (interview id, segment id, start, end), in transcript order."""
        query = self.find_edit.text()
        iid = None if self.in_study.isChecked() else self.editor.interview_id
        if iid is None and not self.in_study.isChecked():
            return []
        out = []
        for seg in self.ctx.study.transcripts.search(query, iid):
            out += [(seg.interview_id, seg.id, a, b) for a, b in find_spans(seg.text, query)]
        return out

    def find_next(self) -> None:
        hits = self.matches()
        if not hits:
            self.status.setText(self.tr("Not found."))
            return
        i = 0
        if self._last is not None:
            for n, h in enumerate(hits):
                if h[:3] == self._last:
                    i = (n + 1) % len(hits)
                    break
        hit = hits[i]
        self._last = hit[:3]
        lang = current_language()
        self.status.setText(self.tr("Match %1 of %2").replace("%1", digits(str(i + 1), lang))
                            .replace("%2", digits(str(len(hits)), lang)))
        self.foundAt.emit(*hit)

    def replace_all(self) -> int:
        """Replace every match in scope as one undo step; returns how many were replaced."""
        query, replacement = self.find_edit.text(), self.replace_edit.text()
        segs = {}
        for iid, sid, _a, _b in self.matches():
            segs.setdefault(sid, iid)
        if not segs:
            self.status.setText(self.tr("Not found."))
            return 0
        macro = QUndoCommand(self.tr("Replace all"))
        total = 0
        model = self.editor.model
        ts = self.ctx.study.transcripts
        for sid in segs:
            old = ts.segment(sid).text
            new, n = replace_all_text(old, query, replacement)
            if n and new != old:
                SetText(model, sid, old, new, macro)
                total += n
        self.editor.close_text_editor()
        self.ctx.undo_stack.push(macro)
        model.reload()
        self.status.setText(self.tr("%1 replaced.").replace("%1", digits(str(total), current_language())))
        return total
