"""Walking the disagreements of :mod:`codebook.agreement` one at a time: the transcript
goes to the segment, both coders' codings on it are shown side by side, and the
coding in dispute can be kept, dropped, or adopted for the other coder (undo-able
commands on the study's undo stack); Next and Previous walk the list.
"""
from __future__ import annotations

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from codebook import agreement as ag
from codebook.errors import StudyError
from desktop.bidi import rtl_line
from desktop.i18n import current_language


def _rtl(text: str) -> bool:
    """Whether text reads right to left (its first strong character is Arabic-script or Hebrew)."""
    import unicodedata

    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


class _CodingsCommand(QUndoCommand):
    """Drop codings (``adopt_for`` None) or copy them under another coder's name."""

    def __init__(self, ctx, codings: list, text: str, adopt_for: str | None = None):
        super().__init__(text)
        self.ctx, self.codings, self.adopt_for = ctx, list(codings), adopt_for
        self.made: list = []

    def redo(self) -> None:
        study = self.ctx.study
        with study.atomic():
            if self.adopt_for is None:
                for c in self.codings:
                    study.codings.remove(c.id)
            elif self.made:
                study.codings.restore(self.made)
            else:
                self.made = [study.codings.add(c.code_id, c.start_segment_id, c.start_offset, c.end_segment_id,
                                               c.end_offset, memo=c.memo, coder=self.adopt_for)
                             for c in self.codings]
        self.ctx.notify("codings")

    def undo(self) -> None:
        study = self.ctx.study
        with study.atomic():
            if self.adopt_for is None:
                study.codings.restore(self.codings)
            else:
                for c in self.made:
                    study.codings.remove(c.id)
        self.ctx.notify("codings")


class DisagreementWalker(QDialog):
    """One disagreement at a time: the text, both coders' codings side by side, keep / drop / adopt."""

    def __init__(self, view):
        super().__init__(view)
        self.view, self.ctx = view, view.ctx
        self.setWindowTitle(self.tr("Disagreements"))
        self.start(view.result)
        self.where = QLabel(self)
        self.text = QLabel(self)
        self.text.setWordWrap(True)
        f = self.text.font()
        f.setPointSizeF(f.pointSizeF() * 1.15)
        self.text.setFont(f)
        self.lists = (QListWidget(self), QListWidget(self))
        self.heads = (QLabel(self), QLabel(self))
        for lst in self.lists:
            lst.setWordWrap(True)
            lst.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        grid = QGridLayout()
        for col in (0, 1):
            grid.addWidget(self.heads[col], 0, col)
            grid.addWidget(self.lists[col], 1, col)
        self.question = QLabel(self)
        self.question.setWordWrap(True)
        self.keep_button = QPushButton(self.tr("Keep"), self)
        self.drop_button = QPushButton(self)
        self.adopt_button = QPushButton(self)
        self.prev_button = QPushButton(self.tr("Previous"), self)
        self.next_button = QPushButton(self.tr("Next"), self)
        self.keep_button.setToolTip(self.tr("Leave both codings as they are and go to the next disagreement"))
        self.keep_button.clicked.connect(self.next)
        self.drop_button.clicked.connect(self.drop)
        self.adopt_button.clicked.connect(self.adopt)
        self.prev_button.clicked.connect(lambda: self.show_at(self.index - 1))
        self.next_button.clicked.connect(self.next)
        buttons = QHBoxLayout()
        for b in (self.keep_button, self.drop_button, self.adopt_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.prev_button)
        buttons.addWidget(self.next_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.where)
        layout.addWidget(self.text)
        layout.addLayout(grid, 1)
        layout.addWidget(self.question)
        layout.addLayout(buttons)
        self.resize(760, 440)

    def start(self, result: ag.Agreement) -> None:
        """Walk the disagreements of ``result`` (the list stays as it was while one walks it)."""
        self.items: list[ag.Disagreement] = list(result.disagreements)
        self.coders = result.coders
        self.index = 0
        self.done_ids: set[int] = set()

    @property
    def current(self) -> ag.Disagreement:
        return self.items[self.index]

    def other(self, coder: str) -> str:
        return self.coders[1] if coder == self.coders[0] else self.coders[0]

    def show_at(self, index: int) -> None:
        if not self.items:
            return
        self.index = max(0, min(index, len(self.items) - 1))
        d = self.current
        study = self.ctx.study
        loc = QLocale()
        iv = study.interviews.get(d.interview_id)
        seg = study.transcripts.segment(d.segment_id)
        code = study.codes.get(d.code_id)
        self.where.setText(self.tr("Disagreement %1 of %2 · %3 · %4")
                           .replace("%1", loc.toString(self.index + 1)).replace("%2", loc.toString(len(self.items)))
                           .replace("%3", study.interviews.label(iv)).replace("%4", code.name))
        self.text.setText(study.transcripts.text(d.interview_id)[d.start:d.end])
        names = {c.id: c.name for c in study.codes.list()}
        covering = study.codings.covering(d.segment_id)
        for col, coder in enumerate(self.coders):
            self.heads[col].setText(self.tr("Codings by %1 here").replace("%1", coder or self.tr("(no coder named)")))
            lst = self.lists[col]
            lst.clear()
            for c in covering:
                if c.coder != coder:
                    continue
                text = f"{names.get(c.code_id, '')}: {study.codings.text(c)}"
                item = QListWidgetItem(text)
                if _rtl(text):  # Persian text reads from the right, whatever the interface's direction
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute
                                          | Qt.AlignmentFlag.AlignVCenter)
                if c.id in d.coding_ids:
                    f = item.font()
                    f.setBold(True)
                    item.setFont(f)
                lst.addItem(item)
        other = self.other(d.coder)
        self.question.setText(rtl_line(self.tr("%1 coded this as “%2”; %3 did not.")
                                       .replace("%1", d.coder).replace("%2", code.name).replace("%3", other),
                                       current_language()))
        self.drop_button.setText(self.tr("Drop %1's coding").replace("%1", d.coder))
        self.adopt_button.setText(self.tr("Adopt it for %1").replace("%1", other))
        settled = self.index in self.done_ids
        self.drop_button.setEnabled(not settled)
        self.adopt_button.setEnabled(not settled)
        self.prev_button.setEnabled(self.index > 0)
        self.next_button.setEnabled(self.index < len(self.items) - 1)
        self._show_in_editor(d, seg)

    def _show_in_editor(self, d: ag.Disagreement, seg) -> None:
        window = self.view.window()
        editor = getattr(window, "editor", None)
        if editor is None or not hasattr(window, "open_transcript"):
            return
        window.open_transcript(d.interview_id)
        row = editor.model.row_of(seg.id)
        if row >= 0:
            index = editor.model.index(row, 0)
            editor.view.setCurrentIndex(index)
            editor.view.scrollTo(index)

    def _codings(self) -> list:
        study = self.ctx.study
        out = []
        for cid in self.current.coding_ids:
            try:
                out.append(study.codings.get(cid))
            except StudyError:
                pass
        return out

    def drop(self) -> None:
        d = self.current
        self.ctx.undo_stack.push(_CodingsCommand(self.ctx, self._codings(),
                                                 self.tr("Drop %1's coding").replace("%1", d.coder)))
        self._settled()

    def adopt(self) -> None:
        d = self.current
        other = self.other(d.coder)
        self.ctx.undo_stack.push(_CodingsCommand(self.ctx, self._codings(),
                                                 self.tr("Adopt a coding for %1").replace("%1", other),
                                                 adopt_for=other))
        self._settled()

    def _settled(self) -> None:
        self.done_ids.add(self.index)
        self.next()

    def next(self) -> None:
        if self.index < len(self.items) - 1:
            self.show_at(self.index + 1)
        else:
            self.show_at(self.index)
