"""A chooser of whose codings a view counts: all coders, or one of them.

Hidden while the study has fewer than two coders, so a one-coder study looks as before.
"""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox

from codebook.coders import coders


class CoderFilter(QComboBox):
    """``coder()``: None for all coders, else the name; ``currentIndexChanged`` says it changed."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setToolTip(self.tr("Count the codings of all coders, or of one"))
        self.reload()
        # Coders change only when codings come or go: a text edit (codings remapped in place) reads nothing.
        ctx.changes.connect(lambda change: self.reload() if "codings" in change and not change.in_place else None)

    def coder(self) -> str | None:
        return self.currentData()

    def reload(self) -> None:
        current = self.currentData()
        names = [name for name, _n in coders(self.ctx.study)]
        self.blockSignals(True)
        self.clear()
        self.addItem(self.tr("All coders"), None)
        for name in names:
            self.addItem(name or self.tr("(no coder named)"), name)
        i = self.findData(current) if current is not None else 0
        self.setCurrentIndex(max(i, 0))
        self.blockSignals(False)
        self.setVisible(len(names) > 1 or current is not None)
        if current is not None and i < 0:
            self.currentIndexChanged.emit(0)
