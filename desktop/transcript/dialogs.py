"""Small dialogs of the transcript editor: a segment's times, a memo on a coding."""
from __future__ import annotations

from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFormLayout, QInputDialog, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from codebook.models import Code, Coding, Segment
from desktop.i18n import current_language
from codebook.dates import format_clock, parse_clock


class TimesDialog(QDialog):
    """Start and end of a segment as ``mm:ss.t``."""

    def __init__(self, segment: Segment, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Segment times"))
        lang = current_language()
        self.start = QLineEdit(format_clock(segment.start_ms, lang))
        self.end = QLineEdit(format_clock(segment.end_ms, lang))
        self.error = QLabel()
        form = QFormLayout()
        form.addRow(self.tr("Start"), self.start)
        form.addRow(self.tr("End"), self.end)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def times(self) -> tuple[int, int] | None:
        a, b = parse_clock(self.start.text()), parse_clock(self.end.text())
        if a is None or b is None or b < a:
            return None
        return a, b

    def accept(self) -> None:
        if self.times() is None:
            self.error.setText(self.tr("Write times as mm:ss.t, the end not before the start."))
            return
        super().accept()


def pick_coding(codings: list[tuple[Coding, Code]], parent: QWidget) -> Coding | None:
    """Ask which coding (when there are several) a memo is for."""
    if not codings:
        return None
    if len(codings) == 1:
        return codings[0][0]
    from desktop.i18n import current_language
    from transcribe.normalize import persian_digits

    fa = current_language() == "fa"
    names = [f"{code.name} (#{persian_digits(c.id) if fa else c.id})" for c, code in codings]
    name, ok = QInputDialog.getItem(parent, parent.tr("Memo on a coding"), parent.tr("Coding"), names, 0, False)
    return codings[names.index(name)][0] if ok else None


def ask_memo(coding: Coding, code: Code, parent: QWidget) -> str | None:
    text, ok = QInputDialog.getMultiLineText(parent, parent.tr("Memo on a coding"), code.name, coding.memo)
    return text if ok else None
