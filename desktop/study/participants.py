"""Participants as a snowball tree (who referred whom), with their attributes;
add, edit and remove them. Real names are kept apart and never shown here."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from codebook.dates import digits
from codebook.errors import StudyError
from codebook.models import Participant
from codebook.participants import DEFAULT_ATTRIBUTES
from desktop.bidi import rtl_line
from desktop.i18n import current_language, worded
from desktop.icons import icon
from desktop.study.commands import WrittenFirst


class EditParticipant(WrittenFirst):
    """A participant's pseudonym, referrer, notes and attributes changed: one undo step."""

    def __init__(self, ctx, participant_id: int, fields: dict, attributes: dict[str, str]):
        super().__init__(QCoreApplication.translate("ParticipantDialog", "Edit participant"))
        ps = ctx.study.participants
        self.ctx, self.participant_id = ctx, participant_id
        before, had = ps.get(participant_id), ps.attributes_of(participant_id)
        self.new = (fields, attributes)
        self.old = ({"pseudonym": before.pseudonym, "referred_by": before.referred_by, "notes": before.notes},
                    {name: had.get(name, "") for name in attributes})  # an attribute it had not: removed again

    def write(self, state: tuple[dict, dict[str, str]]) -> None:
        fields, attributes = state
        ps = self.ctx.study.participants
        with self.ctx.study.atomic():
            ps.update(self.participant_id, **fields)
            ps.set_attributes(self.participant_id, attributes)
        self.ctx.notify("participants")


class ParticipantDialog(QDialog):
    """Pseudonym, who referred them, attributes and notes."""

    def __init__(self, study, participant: Participant | None = None, parent=None, ctx=None):
        super().__init__(parent)
        self.study = study
        self.participant = participant
        self.ctx = ctx  # given (the window's), changing a participant is one undo step
        self.setWindowTitle(self.tr("Participant") if participant else self.tr("New participant"))
        self.pseudonym = QLineEdit(participant.pseudonym if participant else "")
        self.referred = QComboBox()
        self.referred.addItem(self.tr("(nobody: a seed)"), None)
        for p in study.participants.list():
            if participant is None or p.id != participant.id:
                self.referred.addItem(p.pseudonym, p.id)
        if participant and participant.referred_by:
            self.referred.setCurrentIndex(max(0, self.referred.findData(participant.referred_by)))
        form = QFormLayout()
        form.addRow(self.tr("Pseudonym"), self.pseudonym)
        form.addRow(self.tr("Referred by"), self.referred)
        names = study.participants.attribute_names() or DEFAULT_ATTRIBUTES[current_language()]
        self.attributes: dict[str, QLineEdit] = {}
        for name in names:
            edit = QLineEdit((participant.attributes if participant else {}).get(name, ""))
            self.attributes[name] = edit
            form.addRow(name, edit)
        self.new_attr_name, self.new_attr_value = QLineEdit(), QLineEdit()
        self.new_attr_name.setPlaceholderText(self.tr("new attribute"))
        row = QHBoxLayout()
        row.addWidget(self.new_attr_name)
        row.addWidget(self.new_attr_value)
        form.addRow(self.tr("Add"), row)
        self.notes = QPlainTextEdit(participant.notes if participant else "")
        self.notes.setMaximumHeight(80)
        form.addRow(self.tr("Notes"), self.notes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> tuple[str, int | None, dict[str, str], str]:
        attrs = {name: edit.text() for name, edit in self.attributes.items()}
        if self.new_attr_name.text().strip():
            attrs[self.new_attr_name.text().strip()] = self.new_attr_value.text()
        return self.pseudonym.text(), self.referred.currentData(), attrs, self.notes.toPlainText()

    def accept(self) -> None:
        pseudonym, referred, attrs, notes = self.values()
        ps = self.study.participants
        other = ps.by_pseudonym(pseudonym) if pseudonym.strip() else None
        problem = (self.tr("A participant needs a pseudonym.") if not pseudonym.strip() else
                   self.tr("The pseudonym “%1” is already used in this study.").replace("%1", other.pseudonym)
                   if other and (self.participant is None or other.id != self.participant.id) else None)
        if problem:
            QMessageBox.warning(self, self.windowTitle(), problem)
            return
        try:
            if self.participant is None:
                self.participant = ps.add(pseudonym, attributes=attrs, referred_by=referred, notes=notes)
            elif self.ctx is not None:
                EditParticipant(self.ctx, self.participant.id,
                                {"pseudonym": pseudonym, "referred_by": referred, "notes": notes},
                                attrs).apply(self.ctx.undo_stack)  # refused: nothing pushed
            else:
                with self.study.atomic():
                    ps.update(self.participant.id, pseudonym=pseudonym, referred_by=referred, notes=notes)
                    ps.set_attributes(self.participant.id, attrs)
        except StudyError as exc:  # a fixed sentence of the store is translated when the catalog has it
            QMessageBox.warning(self, self.windowTitle(), worded(exc))
            return
        super().accept()


class ParticipantsView(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = QStandardItemModel(self)
        self.tree = QTreeView()
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.doubleClicked.connect(lambda _i: self.edit())
        buttons = QHBoxLayout()
        for text, slot, name in ((self.tr("Add…"), self.add, "add-participant"),
                                 (self.tr("Edit…"), self.edit, "edit-participant"),
                                 (self.tr("Remove"), self.remove, "remove-participant")):
            b = QPushButton(icon(name), text)
            b.clicked.connect(lambda _=False, s=slot: s())
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.tree)
        ctx.changed.connect(lambda kind: self.refresh() if kind in ("participants", "interviews") else None)
        self.refresh()

    def refresh(self) -> None:
        study = self.ctx.study
        people = study.participants.list()
        names = study.participants.attribute_names()
        lang = current_language()
        self.model.clear()
        self.model.setHorizontalHeaderLabels([self.tr("Pseudonym"), *names, self.tr("Interviews")])
        counts: dict[int, int] = {}
        for iv in study.interviews.list():
            if iv.participant_id is not None:
                counts[iv.participant_id] = counts.get(iv.participant_id, 0) + 1
        items: dict[int, QStandardItem] = {}
        ids = {p.id for p in people}
        pending = list(people)
        while pending:  # parents before children (a referrer may have a higher id)
            rest = []
            for p in pending:
                parent_item = items.get(p.referred_by) if p.referred_by in ids else self.model.invisibleRootItem()
                if parent_item is None:
                    rest.append(p)
                    continue
                row = [QStandardItem(p.pseudonym)] + [QStandardItem(p.attributes.get(n, "")) for n in names]
                row.append(QStandardItem(digits(str(counts.get(p.id, 0)), lang)))
                for it in row:
                    it.setEditable(False)
                    it.setToolTip(it.text())
                row[0].setData(p.id, Qt.ItemDataRole.UserRole)
                if p.notes:
                    row[0].setToolTip(f"{p.pseudonym}\n{p.notes}")
                parent_item.appendRow(row)
                items[p.id] = row[0]
            if len(rest) == len(pending):  # a broken chain: show the rest at the top
                for p in rest:
                    p_item = QStandardItem(p.pseudonym)
                    p_item.setData(p.id, Qt.ItemDataRole.UserRole)
                    self.model.appendRow(p_item)
                break
            pending = rest
        self.tree.expandAll()
        self.fit_columns()

    def fit_columns(self) -> None:
        """Each column as wide as its content (the pseudonyms with their referral-tree indent, plus a
        margin), the widest attributes narrowed when they do not all fit; cut text ends in … and shows
        whole in its tooltip."""
        header = self.tree.header()
        n = self.model.columnCount()
        if not n:
            return
        want = [max(self.tree.sizeHintForColumn(c), header.sectionSizeHint(c)) + 12 for c in range(n)]
        room = self.tree.viewport().width()
        widths = list(want)
        if sum(want) > room > 0:
            # the pseudonym (with its indent) and the interview count are never cut; attributes give way
            floor = [w if c in (0, n - 1) else min(w, header.sectionSizeHint(c) + 12, 90) for c, w in enumerate(want)]
            lo, hi = 0, max(want)
            while lo < hi:  # the largest cap on any column's width that lets them all fit
                cap = (lo + hi + 1) // 2
                if sum(max(f, min(w, cap)) for f, w in zip(floor, want)) <= room:
                    lo = cap
                else:
                    hi = cap - 1
            widths = [max(f, min(w, lo)) for f, w in zip(floor, want)]
        for c, w in enumerate(widths):
            self.tree.setColumnWidth(c, w)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def selected_id(self) -> int | None:
        idx = self.tree.currentIndex()
        if not idx.isValid():
            return None
        return self.model.itemFromIndex(idx.siblingAtColumn(0)).data(Qt.ItemDataRole.UserRole)

    def add(self) -> None:
        dlg = ParticipantDialog(self.ctx.study, None, self)
        if dlg.exec():
            self.ctx.notify("participants")

    def edit(self) -> None:
        pid = self.selected_id()
        if pid is None:
            return
        dlg = ParticipantDialog(self.ctx.study, self.ctx.study.participants.get(pid), self, ctx=self.ctx)
        dlg.exec()  # an accepted change told the views and went on the undo stack

    def remove(self) -> None:
        pid = self.selected_id()
        if pid is None:
            return
        p = self.ctx.study.participants.get(pid)
        answer = QMessageBox.question(self, self.tr("Remove participant"), rtl_line(self.tr(
            "Remove %1? Their interviews stay, without a participant.").replace("%1", p.pseudonym), current_language()))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self.ctx.study.participants.remove(pid)
        except StudyError as exc:
            QMessageBox.warning(self, self.tr("Remove participant"), worded(exc))
            return
        self.ctx.notify("participants")
