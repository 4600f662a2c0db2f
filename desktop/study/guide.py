"""Editing the study's interview guide: main questions and their follow-ups.

Every change is an undo command on the session's one undo stack; new
follow-ups can be added at any point of the study.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (QHBoxLayout, QInputDialog, QPushButton, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
                               QWidget)

from codebook.errors import StudyError
from codebook.recording import guide_restore, guide_snapshot
from desktop.bidi import ltr_run, plain
from desktop.context import StudyContext
from desktop.app import current_language


class _GuideCommand(QUndoCommand):
    def __init__(self, ctx: StudyContext, text: str):
        super().__init__(text)
        self.ctx = ctx

    def _done(self) -> None:
        self.ctx.notify("guide")


class AddQuestion(_GuideCommand):
    def __init__(self, ctx, text: str, parent_id: int | None):
        super().__init__(ctx, QCoreApplication.translate("GuideEditor", "Add question"))
        self.text, self.parent_id, self.snapshot, self.qid = text, parent_id, None, None

    def redo(self) -> None:
        if self.snapshot is None:
            self.qid = self.ctx.study.guide.add(self.text, self.parent_id).id
        else:
            guide_restore(self.ctx.study, self.snapshot)
        self._done()

    def undo(self) -> None:
        self.snapshot = guide_snapshot(self.ctx.study, self.qid)
        self.ctx.study.guide.remove(self.qid)
        self._done()


class EditQuestion(_GuideCommand):
    def __init__(self, ctx, qid: int, old: str, new: str):
        super().__init__(ctx, QCoreApplication.translate("GuideEditor", "Edit question"))
        self.qid, self.old, self.new = qid, old, new

    def redo(self) -> None:
        self.ctx.study.guide.update(self.qid, self.new)
        self._done()

    def undo(self) -> None:
        self.ctx.study.guide.update(self.qid, self.old)
        self._done()


class DeleteQuestion(_GuideCommand):
    def __init__(self, ctx, qid: int):
        super().__init__(ctx, QCoreApplication.translate("GuideEditor", "Delete question"))
        self.qid, self.snapshot = qid, None

    def redo(self) -> None:
        self.snapshot = guide_snapshot(self.ctx.study, self.qid)
        self.ctx.study.guide.remove(self.qid)
        self._done()

    def undo(self) -> None:
        guide_restore(self.ctx.study, self.snapshot)
        self._done()


class MoveQuestion(_GuideCommand):
    def __init__(self, ctx, qid: int, old: int, new: int):
        super().__init__(ctx, QCoreApplication.translate("GuideEditor", "Move question"))
        self.qid, self.old, self.new = qid, old, new

    def redo(self) -> None:
        self.ctx.study.guide.move(self.qid, self.new)
        self._done()

    def undo(self) -> None:
        self.ctx.study.guide.move(self.qid, self.old)
        self._done()


class GuideEditor(QWidget):
    """The guide as a tree: main questions, follow-ups beneath. Double-click to edit."""

    def __init__(self, ctx: StudyContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.tree = QTreeWidget(headerHidden=True)
        self.tree.itemChanged.connect(self._edited)
        self.tree.currentItemChanged.connect(lambda *_: self._enable())
        buttons = QHBoxLayout()
        self.add_btn = QPushButton(self.tr("Add question"), clicked=lambda: self.add_question())
        self.follow_btn = QPushButton(self.tr("Add follow-up"), clicked=lambda: self.add_follow_up())
        self.delete_btn = QPushButton(self.tr("Delete"), clicked=self.delete_current)
        self.up_btn = QPushButton(self.tr("Up"), clicked=lambda: self.move_current(-1))
        self.down_btn = QPushButton(self.tr("Down"), clicked=lambda: self.move_current(1))
        for b in (self.add_btn, self.follow_btn, self.delete_btn, self.up_btn, self.down_btn):
            buttons.addWidget(b)
        buttons.addStretch()
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        ctx.changed.connect(lambda kind: kind == "guide" and self.refresh())
        self.refresh()

    def refresh(self) -> None:
        current = self.current_id()
        self.tree.blockSignals(True)
        self.tree.clear()
        items = {}
        for q in self.ctx.study.guide.list():
            parent = items.get(q.parent_id)
            shown = ltr_run(q.text, current_language())  # a Latin question keeps its «?» at its end
            item = QTreeWidgetItem([shown]) if parent is None else QTreeWidgetItem(parent, [shown])
            if parent is None:
                self.tree.addTopLevelItem(item)
            item.setData(0, Qt.UserRole, q.id)
            item.setFlags(item.flags() | Qt.ItemIsEditable)
            items[q.id] = item
        self.tree.expandAll()
        if current in items:
            self.tree.setCurrentItem(items[current])
        self.tree.blockSignals(False)
        self._enable()

    def current_id(self) -> int | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.UserRole) if item else None

    def _enable(self) -> None:
        has = self.current_id() is not None
        for b in (self.follow_btn, self.delete_btn, self.up_btn, self.down_btn):
            b.setEnabled(has)

    def _ask(self, title: str) -> str:
        text, ok = QInputDialog.getText(self, title, title)
        return text.strip() if ok else ""

    def add_question(self, text: str | None = None) -> None:
        text = text if text is not None else self._ask(self.tr("New main question"))
        if text:
            self.ctx.undo_stack.push(AddQuestion(self.ctx, text, None))

    def add_follow_up(self, text: str | None = None) -> None:
        qid = self.current_id()
        if qid is None:
            return
        q = self.ctx.study.guide.get(qid)
        parent = q.parent_id or q.id  # a follow-up of a follow-up goes under the main question
        text = text if text is not None else self._ask(self.tr("New follow-up"))
        if text:
            self.ctx.undo_stack.push(AddQuestion(self.ctx, text, parent))

    def delete_current(self) -> None:
        qid = self.current_id()
        if qid is not None:
            self.ctx.undo_stack.push(DeleteQuestion(self.ctx, qid))

    def move_current(self, step: int) -> None:
        qid = self.current_id()
        if qid is None:
            return
        q = self.ctx.study.guide.get(qid)
        siblings = [g.id for g in self.ctx.study.guide.list() if g.parent_id == q.parent_id]
        old = siblings.index(qid)
        new = old + step
        if 0 <= new < len(siblings):
            self.ctx.undo_stack.push(MoveQuestion(self.ctx, qid, old, new))

    def _edited(self, item: QTreeWidgetItem, column: int) -> None:
        qid = item.data(0, Qt.UserRole)
        old = self.ctx.study.guide.get(qid).text
        new = plain(item.text(0)).strip()
        if not new or new == old:
            self.tree.blockSignals(True)
            item.setText(0, ltr_run(old, current_language()))
            self.tree.blockSignals(False)
            return
        try:
            self.ctx.undo_stack.push(EditQuestion(self.ctx, qid, old, new))
        except StudyError:
            self.refresh()
