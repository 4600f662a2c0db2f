"""The codebook as a Qt item model: categories and codes in a tree, with their
colours, descriptions and coding counts (a category counts everything under it),
and drag and drop that moves codes through undo commands."""
from __future__ import annotations

import json

from PySide6.QtCore import QAbstractItemModel, QLocale, QMimeData, QModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPixmap
from PySide6.QtWidgets import QWidget

from desktop.codes.commands import EditCode, MoveCode

MIME = "application/x-mosahebeh-code-ids"


def number(value: int, widget: QWidget | None = None) -> str:
    """An integer in the widget's locale (Persian digits in the Persian UI)."""
    return (widget.locale() if widget is not None else QLocale()).toString(int(value))


class CodeTreeModel(QAbstractItemModel):
    """The code tree of a study: column 0 the name (editable, with its colour),
    column 1 the number of codings (a category's: of all codes under it).
    ``internalId`` of an index is the code id. Dropping code ids on an item
    moves them there through the undo stack."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.locale = QLocale()
        self.coder: str | None = None  # count only this coder's codings (None: everyone's)
        self._load()

    # -- data from the store ----------------------------------------------------

    def _load(self) -> None:
        study = self.ctx.study
        self.codes = {c.id: c for c in study.codes.list()}
        self.children: dict[int | None, list[int]] = {None: []}
        for c in self.codes.values():  # list() is in tree order
            self.children.setdefault(c.parent_id, []).append(c.id)
        own = study.codes.coding_counts(self.coder)
        self.own_counts = {cid: own.get(cid, 0) for cid in self.codes}
        self.counts = {}

        def total(cid):
            self.counts[cid] = self.own_counts[cid] + sum(total(k) for k in self.children.get(cid, []))
            return self.counts[cid]
        for cid in self.children[None]:
            total(cid)

    def reload(self) -> None:
        self.beginResetModel()
        self._load()
        self.endResetModel()

    def code_id(self, index: QModelIndex) -> int | None:
        return int(index.internalId()) if index.isValid() else None

    def index_of(self, code_id: int, column: int = 0) -> QModelIndex:
        code = self.codes.get(code_id)
        if code is None:
            return QModelIndex()
        return self.createIndex(self.children[code.parent_id].index(code_id), column, code_id)

    # -- the model --------------------------------------------------------------

    def index(self, row, column, parent=QModelIndex()):
        kids = self.children.get(self.code_id(parent), [])
        if 0 <= row < len(kids) and 0 <= column < 2:
            return self.createIndex(row, column, kids[row])
        return QModelIndex()

    def parent(self, index=QModelIndex()):
        if not index.isValid():
            return QModelIndex()
        code = self.codes.get(self.code_id(index))
        if code is None or code.parent_id is None:
            return QModelIndex()
        return self.index_of(code.parent_id)

    def rowCount(self, parent=QModelIndex()):
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.children.get(self.code_id(parent), []))

    def columnCount(self, parent=QModelIndex()):
        return 2

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return (self.tr("Code"), self.tr("Codings"))[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        code = self.codes[self.code_id(index)]
        if index.column() == 0:
            if role in (Qt.DisplayRole, Qt.EditRole):
                return code.name
            if role == Qt.DecorationRole:
                pix = QPixmap(12, 12)
                pix.fill(QColor(code.color))
                return QIcon(pix)
            if role == Qt.ToolTipRole:
                return code.description or None
            if role == Qt.FontRole and code.kind == "category":
                f = QFont()
                f.setBold(True)
                return f
        elif index.column() == 1:
            if role == Qt.DisplayRole:
                return self.locale.toString(self.counts.get(code.id, 0))
            if role == Qt.TextAlignmentRole:
                return int(Qt.AlignCenter)
        return None

    def flags(self, index):
        base = Qt.ItemIsDropEnabled
        if not index.isValid():
            return base
        f = base | Qt.ItemIsEnabled | Qt.ItemIsSelectable | Qt.ItemIsDragEnabled
        if index.column() == 0:
            f |= Qt.ItemIsEditable
        return f

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or index.column() != 0 or not index.isValid():
            return False
        name = str(value).strip()
        cid = self.code_id(index)
        if not name or name == self.codes[cid].name:
            return False
        self.ctx.undo_stack.push(EditCode(self.ctx, cid, name=name))
        return True

    # -- drag and drop -------------------------------------------------------------

    def supportedDropActions(self):
        return Qt.MoveAction

    def supportedDragActions(self):
        return Qt.MoveAction

    def mimeTypes(self):
        return [MIME]

    def mimeData(self, indexes):
        ids = []
        for i in indexes:
            cid = self.code_id(i)
            if cid is not None and cid not in ids:
                ids.append(cid)
        data = QMimeData()
        data.setData(MIME, json.dumps(ids).encode())
        return data

    def canDropMimeData(self, data, action, row, column, parent):
        if not data.hasFormat(MIME):
            return False
        target = self.code_id(parent)
        ids = json.loads(bytes(data.data(MIME)).decode() or "[]")
        return all(not self.within(target, cid) for cid in ids)

    def within(self, target: int | None, code_id: int) -> bool:
        """Is ``target`` the code itself or under it?"""
        while target is not None:
            if target == code_id:
                return True
            target = self.codes[target].parent_id
        return False

    def dropMimeData(self, data, action, row, column, parent):
        """Move the dropped codes under ``parent`` at ``row`` (end when -1), one undo step."""
        if action == Qt.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        target = self.code_id(parent)
        ids = [cid for cid in json.loads(bytes(data.data(MIME)).decode()) if cid in self.codes]
        return self.move_codes(ids, target, None if row < 0 else row)

    def move_codes(self, ids: list[int], parent_id: int | None, row: int | None = None) -> bool:
        """Move codes under ``parent_id``; ``row`` counts the parent's present children."""
        if not ids or any(self.within(parent_id, cid) for cid in ids):
            return False
        siblings = self.children.get(parent_id, [])
        stack = self.ctx.undo_stack
        stack.beginMacro(self.tr("Move codes")) if len(ids) > 1 else None
        position = row
        for cid in ids:
            if position is not None:
                before = [s for s in siblings[:row] if s not in ids]
                position = len(before) + ids.index(cid)
            stack.push(MoveCode(self.ctx, cid, parent_id, position))
        stack.endMacro() if len(ids) > 1 else None
        return True
