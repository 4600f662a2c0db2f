"""The codebook panel: the tree of categories and codes, with counts, colours and descriptions.

Add, rename (F2, the Rename button or the context menu: a click on the selected
code never starts renaming it, it was meant to apply it), describe,
colour, move (drag and drop), merge and delete (asks, saying how many codings
go). Every change is an undo command on ``ctx.undo_stack``
(:mod:`desktop.codes.commands`). ``applyRequested(list)`` carries the selected
code ids to apply to the transcript selection (the button, Ctrl+Return, or a
double-click on a code).
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QColorDialog, QInputDialog, QLabel, QMessageBox, QPlainTextEdit,
                               QTreeView, QVBoxLayout, QWidget)

from codebook.errors import StudyError
from desktop.codes.commands import AddCode, DeleteCode, EditCode, MergeCodes
from desktop.codes.tree_model import MIME, CodeTreeModel, number  # noqa: F401 (MIME: re-exported for tests)
from desktop.icons import AdaptiveToolBar, icon

class CodebookPanel(QWidget):
    """The codebook as a tree with a toolbar and the selected code's description."""

    applyRequested = Signal(list)  # code ids (codes only, not categories)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = CodeTreeModel(ctx, self)
        self.model.locale = self.locale()
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.tree.setDragDropMode(QAbstractItemView.InternalMove)
        self.tree.setDefaultDropAction(Qt.MoveAction)
        # Renaming by F2 or the context menu only: a second click on the selected code, meant to
        # apply it, started renaming it (SelectedClicked).
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.tree.setUniformRowHeights(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, self.tree.header().ResizeMode.Stretch)
        self.tree.doubleClicked.connect(self._double_clicked)
        self.description = QPlainTextEdit(self)
        self.description.setPlaceholderText(self.tr("Description of the selected code: what it means, "
                                                    "when to apply it"))
        self.description.setMaximumHeight(90)
        self.description.setEnabled(False)
        self.description.installEventFilter(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)  # never what sets the panel's width
        from desktop.analysis.coder_filter import CoderFilter

        self.coder_filter = CoderFilter(ctx, self)
        self.coder_filter.currentIndexChanged.connect(self._coder_chosen)

        # A toolbar that shows the buttons' names where the panel is wide enough and icons alone
        # (names in the tooltips) where not: seven named buttons in a row made the panel 557 px
        # wide at least, and the window wider than a 1366-pixel laptop screen.
        bar = AdaptiveToolBar(self)
        bar.setIconSize(QSize(18, 18))
        self.toolbar = bar
        self.actions = {}
        for key, text, shortcut, slot, icon_name in (
            ("category", self.tr("New category"), None, self.add_category_dialog, "new-category"),
            ("code", self.tr("New code"), "Ctrl+Shift+N", self.add_code_dialog, "new-code"),
            ("rename", self.tr("Rename"), "F2", self._rename_selected, "rename"),
            ("color", self.tr("Colour…"), None, self._color_selected, "colour"),
            ("merge", self.tr("Merge into…"), None, self._merge_selected, "merge-codes"),
            ("delete", self.tr("Delete"), None, self._delete_selected, "remove"),
            ("apply", self.tr("Apply to selection"), "Ctrl+Return", self.request_apply, "apply-codes"),
        ):
            act = QAction(icon(icon_name), text, self)
            if shortcut:
                act.setShortcut(QKeySequence(shortcut))
                act.setShortcutContext(Qt.WidgetWithChildrenShortcut)
                act.setToolTip(f"{text} ({QKeySequence(shortcut).toString(QKeySequence.SequenceFormat.NativeText)})")
            act.triggered.connect(slot)
            self.addAction(act)
            bar.addAction(act)
            self.actions[key] = act
        self.tree.addActions([self.actions[k] for k in ("apply", "rename", "color", "merge", "delete")])
        layout = QVBoxLayout(self)
        layout.addWidget(bar)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.description)
        layout.addWidget(self.coder_filter)
        layout.addWidget(self.summary)
        self.tree.selectionModel().selectionChanged.connect(self._selection_changed)
        ctx.changes.connect(self._changed)
        self._refresh_summary()
        self.tree.expandAll()
        self._selection_changed()
        # Hooks the tests replace: the dialogs ask through these.
        self.confirm = lambda title, text: QMessageBox.question(self, title, text) == QMessageBox.Yes

    # -- keeping in step with the store --------------------------------------------

    def _changed(self, change) -> None:
        # A text edit remaps codings in place: the counts shown here stay the same.
        if "codes" in change or ("codings" in change and not change.in_place):
            self.refresh()

    def _coder_chosen(self, *args) -> None:
        self.model.coder = self.coder_filter.coder()
        self.refresh()

    def refresh(self) -> None:
        """Reload the tree, keeping what was expanded and selected."""
        collapsed = {cid for cid in self.model.codes if not self.tree.isExpanded(self.model.index_of(cid))}
        selected = self.selected_ids()
        self.model.reload()
        for cid in self.model.codes:
            self.tree.setExpanded(self.model.index_of(cid), cid not in collapsed)
        sel = self.tree.selectionModel()
        for cid in selected:
            idx = self.model.index_of(cid)
            if idx.isValid():
                sel.select(idx, sel.SelectionFlag.Select | sel.SelectionFlag.Rows)
        self._refresh_summary()
        self._selection_changed()

    def _refresh_summary(self) -> None:
        codes = [c for c in self.model.codes.values() if c.kind == "code"]
        cats = len(self.model.codes) - len(codes)
        total = sum(self.model.own_counts.values())
        # "1 category", not "1 categories" (Persian says both alike)
        parts = ((self.tr("%1 category") if cats == 1 else self.tr("%1 categories"), cats),
                 (self.tr("%1 code") if len(codes) == 1 else self.tr("%1 codes"), len(codes)),
                 (self.tr("%1 coding") if total == 1 else self.tr("%1 codings"), total))
        text = self.tr("%1, %2, %3")
        for i, (part, n) in enumerate(parts, 1):
            text = text.replace(f"%{i}", part.replace("%1", number(n, self)))
        self.summary.setText(text)

    # -- selection ---------------------------------------------------------------------

    def selected_ids(self) -> list[int]:
        rows = self.tree.selectionModel().selectedRows(0)
        return [self.model.code_id(i) for i in rows]

    def current_id(self) -> int | None:
        ids = self.selected_ids()
        return ids[0] if ids else None

    def select(self, code_id: int) -> None:
        idx = self.model.index_of(code_id)
        sel = self.tree.selectionModel()
        sel.select(idx, sel.SelectionFlag.ClearAndSelect | sel.SelectionFlag.Rows)
        # NoUpdate: the view's own setCurrentIndex would read the keyboard modifiers and could toggle it off.
        sel.setCurrentIndex(idx, sel.SelectionFlag.NoUpdate)

    def _selection_changed(self, *args) -> None:
        ids = self.selected_ids()
        one = len(ids) == 1
        self.description.setEnabled(one)
        self.description.blockSignals(True)
        self.description.setPlainText(self.model.codes[ids[0]].description if one else "")
        self.description.blockSignals(False)
        self._described = ids[0] if one else None
        any_code = any(self.model.codes[i].kind == "code" for i in ids)
        for key in ("rename", "color", "merge"):
            self.actions[key].setEnabled(one)
        self.actions["delete"].setEnabled(bool(ids))
        self.actions["apply"].setEnabled(any_code)

    def eventFilter(self, obj, event):
        if obj is self.description and event.type() == event.Type.FocusOut:
            self.commit_description()
        return super().eventFilter(obj, event)

    def commit_description(self) -> None:
        cid = getattr(self, "_described", None)
        if cid is None or cid not in self.model.codes:
            return
        text = self.description.toPlainText()
        if text != self.model.codes[cid].description:
            self.ctx.undo_stack.push(EditCode(self.ctx, cid, description=text))

    # -- operations (each one undo step) ------------------------------------------------------

    def add_code(self, name: str, parent_id: int | None = None, *, kind: str = "code",
                 description: str = "") -> int:
        """Add a code (or category) through the undo stack and return its id (e.g. in vivo)."""
        if not name.strip():
            raise StudyError(self.tr("A code needs a name."))
        cmd = AddCode(self.ctx, name, parent_id, kind=kind, description=description)
        self.ctx.undo_stack.push(cmd)
        self.select(cmd.code_id)
        return cmd.code_id

    def rename(self, code_id: int, name: str) -> None:
        if name.strip() and name.strip() != self.model.codes[code_id].name:
            self.ctx.undo_stack.push(EditCode(self.ctx, code_id, name=name.strip()))

    def set_color(self, code_id: int, color: str) -> None:
        self.ctx.undo_stack.push(EditCode(self.ctx, code_id, color=QColor(color).name()))

    def set_description(self, code_id: int, text: str) -> None:
        self.ctx.undo_stack.push(EditCode(self.ctx, code_id, description=text))

    def move(self, code_id: int, parent_id: int | None, row: int | None = None) -> bool:
        return self.model.move_codes([code_id], parent_id, row)

    def merge(self, source_id: int, target_id: int) -> None:
        if source_id == target_id or self.model.within(target_id, source_id):
            raise StudyError(self.tr("A code cannot be merged with itself or a code under it."))
        self.ctx.undo_stack.push(MergeCodes(self.ctx, source_id, target_id))

    def delete_question(self, code_id: int) -> str:
        """What the confirmation asks: names the code and how many codings it holds."""
        code = self.model.codes[code_id]
        n = self.model.counts.get(code_id, 0)
        under = len(self.ctx.study.codes.descendants(code_id))
        text = self.tr("Delete “%1” and its %2 codings?").replace("%1", code.name).replace("%2", number(n, self))
        if under:
            text += " " + self.tr("The %1 codes under it go too.").replace("%1", number(under, self))
        return text + " " + self.tr("You can undo this.")

    def delete(self, code_id: int, *, ask: bool = True) -> bool:
        if ask and not self.confirm(self.tr("Delete code"), self.delete_question(code_id)):
            return False
        self.ctx.undo_stack.push(DeleteCode(self.ctx, code_id))
        return True

    def request_apply(self) -> None:
        ids = [i for i in self.selected_ids() if self.model.codes[i].kind == "code"]
        if ids:
            self.applyRequested.emit(ids)

    def _double_clicked(self, index: QModelIndex) -> None:
        cid = self.model.code_id(index)
        if cid is not None and self.model.codes[cid].kind == "code":
            self.applyRequested.emit([cid])

    # -- dialogs --------------------------------------------------------------------------------

    def current_parent_id(self) -> int | None:
        """Where a new code goes: the selected category, or the selected code's parent
        (None: top level). For an in-vivo code made from the transcript."""
        return self._parent_for_new()

    def _parent_for_new(self) -> int | None:
        cid = self.current_id()
        if cid is None:
            return None
        code = self.model.codes[cid]
        return cid if code.kind == "category" else code.parent_id

    def add_category_dialog(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New category"), self.tr("Name of the category:"))
        if ok and name.strip():
            self.add_code(name, None, kind="category")

    def add_code_dialog(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New code"), self.tr("Name of the code:"))
        if ok and name.strip():
            self.add_code(name, self._parent_for_new())

    def _rename_selected(self) -> None:
        cid = self.current_id()
        if cid is not None:
            self.tree.edit(self.model.index_of(cid))

    def _color_selected(self) -> None:
        cid = self.current_id()
        if cid is None:
            return
        color = QColorDialog.getColor(QColor(self.model.codes[cid].color), self, self.tr("Colour of the code"))
        if color.isValid():
            self.set_color(cid, color.name())

    def _merge_selected(self) -> None:
        cid = self.current_id()
        if cid is None:
            return
        source = self.model.codes[cid]
        others = [c for c in self.model.codes.values() if c.id != cid and c.kind == source.kind]
        if not others:
            return
        labels = [c.name for c in others]
        text = self.tr("Merge “%1” into (its codings move there):").replace("%1", source.name)
        choice, ok = QInputDialog.getItem(self, self.tr("Merge codes"), text, labels, 0, False)
        if ok:
            self.merge(cid, others[labels.index(choice)].id)

    def _delete_selected(self) -> None:
        for cid in self.selected_ids():
            if cid in self.model.codes:
                if not self.delete(cid):
                    break
