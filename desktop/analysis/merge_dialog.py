"""Bring a colleague's coding in (File › Merge a colleague's coding…): choose their
study folder, study archive or .qdpx, read the preview of what will be added,
matched or left out, then merge in one step that Edit › Undo takes back whole.

Also the question asked when the coder's name changes in Settings: put the new
name on the codings stamped with the old one (one undo-able step).
"""
from __future__ import annotations

import contextlib

from PySide6.QtCore import QEventLoop, QLocale, Qt, QThread
from PySide6.QtGui import QGuiApplication, QUndoCommand
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
)

from codebook import coders as cd
from codebook import merge as mg
from codebook.errors import StudyError
from desktop.bidi import path_run, rtl_line
from desktop.i18n import current_language, worded
from transcribe.errors import TranscribeError


class _Loader(QThread):
    """Open their work and plan the merge against this study, off the GUI thread."""

    def __init__(self, folder, path: str, parent=None):
        super().__init__(parent)
        self.folder, self.path = folder, path
        self.stack = contextlib.ExitStack()
        self.theirs = self.plan = self.error = None

    def run(self) -> None:
        from pathlib import Path

        from codebook.study import Study

        try:
            theirs, guids, same_origin = self.stack.enter_context(mg.open_theirs(self.path, self.folder))
            with Study.open(self.folder) as mine:  # one connection per thread
                self.plan = mg.plan(mine, theirs, guids, same_origin=same_origin, source=Path(self.path).name)
            self.theirs = theirs
        except (StudyError, TranscribeError, OSError) as exc:
            self.stack.close()
            self.error = worded(exc)
        except Exception as exc:  # noqa: BLE001 - said in the window, not lost in a thread
            self.stack.close()
            self.error = f"{type(exc).__name__}: {exc}"


class MergeCommand(QUndoCommand):
    """The merge as one undo step: undo deletes what it added, redo puts it back."""

    def __init__(self, ctx, result: mg.MergeResult, text: str):
        super().__init__(text)
        self.ctx, self.result, self.first = ctx, result, True

    def redo(self) -> None:
        if self.first:  # applied already, inside the dialog's transaction
            self.first = False
        else:
            mg.redo(self.ctx.study, self.result)
        self._notify()

    def undo(self) -> None:
        mg.undo(self.ctx.study, self.result)
        self._notify()

    def _notify(self) -> None:
        self.ctx.notify("codes", "codings")


class MergeDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Merge a colleague's coding"))
        self._stack = contextlib.ExitStack()
        self.theirs = None
        self.plan: mg.MergePlan | None = None
        self.result: mg.MergeResult | None = None
        intro = QLabel(self.tr("Bring in another coder's work on the same interviews: their study folder, a study "
                               "archive (.zip) or a REFI-QDA project (.qdpx). Interviews are matched by their audio "
                               "or transcript text, codes by identity or by name within their category. Their "
                               "codings come in under their coder's name; nothing of yours is changed."), self)
        intro.setWordWrap(True)
        folder = QPushButton(self.tr("Study folder…"), self)
        folder.clicked.connect(self.choose_folder)
        file = QPushButton(self.tr("Archive or .qdpx…"), self)
        file.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(folder)
        row.addWidget(file)
        row.addStretch(1)
        self.preview = QPlainTextEdit(self)
        self.preview.setReadOnly(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.merge_button = self.buttons.addButton(self.tr("Merge"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.merge_button.setEnabled(False)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.buttons)
        self.resize(640, 480)
        self.finished.connect(lambda _r: self._stack.close())

    def choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Their study (a .mosahebeh folder)"))
        if path:
            self.load(path)

    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Their study archive or REFI-QDA project"), "",
                                              self.tr("Study archive or REFI-QDA project (*.zip *.qdpx)"))
        if path:
            self.load(path)

    def load(self, path: str) -> bool:
        """Open their work and show the preview; False (with the reason shown) if it cannot be merged.

        Reading (a .qdpx is imported into a temporary study, media and all) runs on a worker
        thread with its own connection to this study; the window stays responsive meanwhile."""
        from pathlib import Path

        self._stack.close()
        self.plan = self.theirs = None
        self.merge_button.setEnabled(False)
        self.preview.setPlainText(self.tr("Reading %1…").replace("%1", path_run(Path(path).name, current_language())))
        loader = _Loader(self.ctx.study.folder, path, self)
        loop = QEventLoop(self)
        loader.finished.connect(loop.quit)
        for b in self.findChildren(QPushButton):
            b.setEnabled(False)
        loader.start()
        if not loader.isFinished():
            loop.exec()
        loader.wait()
        for b in self.findChildren(QPushButton):
            b.setEnabled(True)
        if loader.error is not None:
            self.preview.setPlainText(loader.error)
            self.merge_button.setEnabled(False)
            return False
        self._stack, self.theirs, self.plan = loader.stack, loader.theirs, loader.plan
        self.preview.setPlainText(self.describe(self.plan))
        if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft:
            option = self.preview.document().defaultTextOption()
            option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
            self.preview.document().setDefaultTextOption(option)
        self.merge_button.setEnabled(bool(self.plan.matched_interviews))
        if not self.plan.matched_interviews:
            self.preview.appendPlainText(self.tr("None of their interviews matches one here: nothing to merge."))
        return True

    def describe(self, p: mg.MergePlan) -> str:
        loc = QLocale()
        n = loc.toString
        how = {"audio": self.tr("by audio"), "text": self.tr("by transcript text")}
        lines = [self.tr("From %1:").replace("%1", p.source),
                 self.tr("Interviews matched: %1 of %2").replace("%1", n(len(p.matched_interviews)))
                 .replace("%2", n(len(p.interviews)))]
        study = self.ctx.study
        for m in p.interviews:
            if m.mine_id is None:
                lines.append("  " + rtl_line(self.tr("%1: left out, no match (%2 codings)").replace("%1", m.label)
                                             .replace("%2", n(m.codings)), current_language()))
            else:
                mine = study.interviews.label(study.interviews.get(m.mine_id))
                lines.append("  " + self.tr("%1 → %2 (%3)").replace("%1", m.label).replace("%2", mine)
                             .replace("%3", how[m.how]))
        matched = [c for c in p.codes if c.mine_id is not None]
        lines.append(self.tr("Codes matched: %1 (%2 by identity, %3 by name)").replace("%1", n(len(matched)))
                     .replace("%2", n(sum(c.how == "guid" for c in matched)))
                     .replace("%3", n(sum(c.how == "name" for c in matched))))
        for c in matched:
            if c.name != c.mine_name:
                lines.append("  " + self.tr("%1 → %2").replace("%1", c.name).replace("%2", c.mine_name))
        lines.append(self.tr("Codes added: %1").replace("%1", n(len(p.added_codes))))
        for c in p.added_codes:
            lines.append("  + " + c.name + (f" ({c.category})" if c.category else ""))
        lines.append(self.tr("Codings added: %1").replace("%1", n(len(p.codings))))
        for coder, k in p.coders.items():
            lines.append("  " + self.tr("%1: %2").replace("%1", coder).replace("%2", n(k)))
        lines.append(self.tr("Already here: %1 · left out: %2 · to review (text differs): %3")
                     .replace("%1", n(p.already)).replace("%2", n(p.left))
                     .replace("%3", n(sum(c.flagged for c in p.codings))))
        # Each line reads in the interface's direction, whatever script it starts with.
        mark = "\u200f" if QGuiApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft else "\u200e"
        lines = [mark + ln for ln in lines]
        return "\n".join(lines)

    def apply(self) -> None:
        if self.plan is None or self.theirs is None:
            return
        try:
            self.result = mg.apply(self.ctx.study, self.theirs, self.plan)
        except (StudyError, OSError) as exc:
            QMessageBox.warning(self, self.windowTitle(), self.tr("Nothing was merged: %1").replace("%1", worded(exc)))
            return
        self.ctx.undo_stack.push(MergeCommand(self.ctx, self.result,
                                              self.tr("Merge from %1").replace("%1", self.plan.source)))
        self.accept()


class RenameCoderCommand(QUndoCommand):
    def __init__(self, ctx, ids: set[int], old: str, new: str, text: str):
        super().__init__(text)
        self.ctx, self.ids, self.old, self.new = ctx, sorted(ids), old, new

    def redo(self) -> None:
        cd.set_coder(self.ctx.study, self.ids, self.new)
        self.ctx.notify("codings")

    def undo(self) -> None:
        cd.set_coder(self.ctx.study, self.ids, self.old)
        self.ctx.notify("codings")


def offer_coder_rename(ctx, old: str, new: str, parent=None, *, ask: bool = True) -> bool:
    """After the coder's name changed in Settings: offer to put it on the old name's codings here."""
    ids = cd.coding_ids_by(ctx.study, old) if old else set()
    if not ids or not new or old == new:
        return False
    if ask:
        answer = QMessageBox.question(
            parent, _tr("Rename coder"),
            _tr("This study has %1 codings by “%2”. Put your new name “%3” on them too?")
            .replace("%1", QLocale().toString(len(ids))).replace("%2", old).replace("%3", new))
        if answer != QMessageBox.StandardButton.Yes:
            return False
    ctx.undo_stack.push(RenameCoderCommand(ctx, ids, old, new, _tr("Rename coder")))
    return True


def _tr(text: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("MergeDialog", text)
