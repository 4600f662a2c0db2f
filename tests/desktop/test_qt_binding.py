"""The Qt binding must not lose references to None, True or False.

PySide6 6.12.0 does, once per call of QModelIndex.data() on an empty role and of
QUndoStack.undo(); after a session of editing, Python aborts at exit
('none_dealloc: deallocating None'). pyproject.toml keeps PySide6 below 6.12.

From Python 3.12, None, True and False are immortal (PEP 683): their reference
count stays fixed (4294967295) and a lost reference neither shows nor aborts
Python, so the check only means something, and only runs, before 3.12.
"""
import sys

import pytest

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QUndoCommand, QUndoStack


pytestmark = pytest.mark.skipif(
    sys.version_info >= (3, 12),
    reason="None/True/False are immortal from Python 3.12 (PEP 683): a lost reference can neither be "
           "counted nor abort Python there, so there is nothing to check")


class _Model(QAbstractTableModel):
    def rowCount(self, parent=QModelIndex()):
        return 1

    def columnCount(self, parent=QModelIndex()):
        return 1

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        return "x" if role == Qt.ItemDataRole.DisplayRole else None


class _Command(QUndoCommand):
    def redo(self):
        pass

    def undo(self):
        pass


def test_model_data_keeps_references_to_none(qapp):
    model = _Model()
    index = model.index(0, 0)
    before = sys.getrefcount(None)
    for _ in range(500):
        assert index.data(Qt.ItemDataRole.ToolTipRole) is None
    assert sys.getrefcount(None) - before > -50


def test_undo_keeps_references_to_none_and_booleans(qapp):
    stack = QUndoStack()
    for _ in range(300):
        stack.push(_Command("edit"))
    before = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    for _ in range(300):
        stack.undo()
    after = sys.getrefcount(None), sys.getrefcount(True), sys.getrefcount(False)
    assert all(a - b > -50 for a, b in zip(after, before)), (before, after)
