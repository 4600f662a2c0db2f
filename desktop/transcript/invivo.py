"""An in-vivo code: the participant's own words as the code's name. The dialog proposes a name
from the selected words (trimmed of punctuation, capped) and asks which category it goes in."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

# What a quoted sentence starts or ends with but a code's name should not: Persian and Latin
# punctuation, quotation marks, brackets, dashes and the ellipsis.
_EDGE = " \t\n.,;:!?()[]{}\"'«»“”‘’،؛؟…-–—"
MAX_WORDS = 8
MAX_CHARS = 60


def proposed_name(text: str) -> str:
    """A code name from selected words: whitespace collapsed, punctuation trimmed from both ends,
    at most eight words and sixty characters, cut at a word.

    >>> proposed_name("  «آموزش کتابداران مهم‌ترین کار است.»  ")
    'آموزش کتابداران مهم‌ترین کار است'
    >>> proposed_name("one two three four five six seven eight nine ten")
    'one two three four five six seven eight'
    """
    words = text.split()[:MAX_WORDS]
    name = " ".join(words).strip(_EDGE)
    while len(name) > MAX_CHARS and " " in name:
        name = name.rsplit(" ", 1)[0].strip(_EDGE)
    return name[:MAX_CHARS]


class InVivoDialog(QDialog):
    """The proposed name, editable, and the category to put the new code in."""

    def __init__(self, study, selected: str, category_id: int | None, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("In-vivo code"))
        self.name = QLineEdit(proposed_name(selected))
        self.name.selectAll()
        self.category = QComboBox()
        self.category.addItem(self.tr("(top level)"), None)
        for code in study.codes.list():
            if code.kind == "category":
                self.category.addItem(code.name, code.id)
        self.category.setCurrentIndex(max(0, self.category.findData(category_id)))
        quote = QLabel(selected if len(selected) <= 300 else selected[:300] + "…")
        quote.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Selected words"), quote)
        form.addRow(self.tr("Code name"), self.name)
        form.addRow(self.tr("Category"), self.category)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name.textChanged.connect(self._enable)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.resize(460, self.sizeHint().height())
        self._enable()

    def _enable(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.name.text().strip()))

    def values(self) -> tuple[str, int | None]:
        return self.name.text().strip(), self.category.currentData()
