"""Find and replace in transcripts, matching through the Persian normalisation:
a search for ``كتاب`` (Arabic kaf) finds ``کتاب``, ``کتابخانه`` finds ``کتاب‌خانه``.

The matching itself is :mod:`transcribe.find` (no Qt): it finds where a query
stands in the *original* text, never across a word boundary the query does not
have, so a replacement changes exactly those characters. Replacing goes through
the undo stack, one step for the whole replace-all.

*Find next* reads the study only up to the next match
(:meth:`codebook.transcripts.Transcripts.find_next`), so it answers at once in
a study of any size; how many matches there are in all is counted after it,
one interview per timer tick, and shown when known.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QApplication, QComboBox, QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QRadioButton, QVBoxLayout)

from codebook.dates import digits
from desktop.i18n import current_language
from desktop.transcript.commands import ReplaceTexts
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
        self._last: tuple[int, int] | None = None  # segment and end offset of the last match shown
        self._index = 0  # its number, counted from the first match in scope
        self._total: int | None = None  # all matches in scope, once counted
        self._to_count: list[int] = []
        self._counted = 0
        self._where: int | None = None  # the interview searched by the last Find next (None: the study)
        self._count_timer = QTimer(self, interval=0)
        self._count_timer.timeout.connect(self._count_some)
        self.find_edit.textChanged.connect(self._restart)
        self.in_study.toggled.connect(self._restart)
        self.ctx.changes.connect(self._changed)  # a bound slot: disconnected when the dialog goes

    def _use_pseudonym(self) -> None:
        value = self.pseudonyms.currentData()
        if value:
            self.replace_edit.setText(value)

    def _scope(self) -> int | None:
        """The interview searched, or None for the whole study."""
        return None if self.in_study.isChecked() else self.editor.interview_id

    def _nowhere(self, iid: int | None) -> bool:
        """"This interview" with none open: says Not found. and returns True."""
        if iid is None and not self.in_study.isChecked():
            self.status.setText(self.tr("Not found."))
            return True
        return False

    def _restart(self, *_args) -> None:
        """The query or the scope changed: the next *Find next* starts from the first match."""
        self._last = None
        self._index = 0
        self._count_timer.stop()
        self._total = None

    def _changed(self, change) -> None:
        if "segments" in change:  # texts changed: counted matches may be off
            self._total = None
            self._count_timer.stop()

    def find_next(self) -> None:
        """Go to the match after the last one (the first, after the last match in scope).
        Each step reads only up to the next match; the total is counted in the
        background, one interview at a time, and shown when known."""
        query, iid = self.find_edit.text(), self._scope()
        ts = self.ctx.study.transcripts
        if self._nowhere(iid):
            return
        if iid != self._where:  # another interview opened in the editor since: start over there
            self._restart()
            self._where = iid
        hit = ts.find_next(query, iid, self._last)
        if hit is None and self._last is not None:  # past the last match: round to the first
            hit, self._index = ts.find_next(query, iid), 0
        if hit is None:
            self._restart()
            self.status.setText(self.tr("Not found."))
            return
        self._last = (hit[1], hit[3])
        self._index += 1
        if self._total is None and not self._count_timer.isActive():
            self._to_count = [iid] if iid is not None else ts.interviews_with_segments()
            self._counted = 0
            self._count_timer.start()
        self._show_index()
        self.foundAt.emit(*hit)

    def counting(self) -> bool:
        """Whether the total of matches is still being counted."""
        return self._count_timer.isActive()

    def _count_some(self) -> None:
        """Count the matches of one more interview (a timer tick: the window stays responsive)."""
        if not self._to_count:
            self._count_timer.stop()
            self._total = self._counted
            self._show_index()
            return
        self._counted += len(self.ctx.study.transcripts.find(self.find_edit.text(), self._to_count.pop(0)))

    def _show_index(self) -> None:
        lang = current_language()
        if self._total is None:
            self.status.setText(self.tr("Match %1 (counting the others…)").replace("%1", digits(str(self._index), lang)))
        else:
            self.status.setText(self.tr("Match %1 of %2").replace("%1", digits(str(self._index), lang))
                                .replace("%2", digits(str(max(self._total, self._index)), lang)))

    def replace_all(self) -> int:
        """Replace every match in scope as one undo step; returns how many were replaced."""
        iid = self._scope()
        if self._nowhere(iid):
            return 0
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)  # thousands of segments take seconds
        try:
            planned = self.ctx.study.transcripts.replacements(self.find_edit.text(), self.replace_edit.text(), iid)
            if planned:
                self.editor.close_text_editor()
                texts = {sid: (interview, old, new) for sid, (interview, old, new, _n) in planned.items()}
                self.ctx.undo_stack.push(ReplaceTexts(self.editor.model, texts, self.tr("Replace all")))
        finally:
            QApplication.restoreOverrideCursor()
        if not planned:
            self.status.setText(self.tr("Not found."))
            return 0
        total = sum(n for *_texts, n in planned.values())
        self._restart()
        self.status.setText(self.tr("%1 replaced.").replace("%1", digits(str(total), current_language())))
        return total
