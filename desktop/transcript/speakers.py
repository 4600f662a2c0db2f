"""Relabelling an interview's speakers as single undo steps: swap interviewer and participant,
rename a speaker (a focus group's S1 → P1). The store does the work (:mod:`codebook.speakers`);
each command keeps what it changed and puts it back on undo."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import QInputDialog, QWidget

from codebook import speakers as store


def _tr(text: str) -> str:
    return QCoreApplication.translate("TranscriptSpeakers", text)


class _Relabel(QUndoCommand):
    """Runs ``change()`` (a :mod:`codebook.speakers` call that returns what it changed) on redo and
    restores those speakers on undo, telling the views once each time."""

    def __init__(self, model, text: str):
        super().__init__(text)
        self.model = model
        self.study = model.ctx.study
        self.interview_id = model.interview_id
        self.changes: list[tuple[int, str]] = []

    def _done(self, segment_ids: list[int]) -> None:
        self.model.reload()
        self.model.ctx.notify("segments", interview_id=self.interview_id, segment_ids=set(segment_ids),
                              in_place=True, code_ids=(), origin=self.model)

    def change(self) -> list[tuple[int, str]]:
        raise NotImplementedError

    def redo(self) -> None:
        self.changes = self.change()
        self._done([sid for sid, _ in self.changes])

    def undo(self) -> None:
        store.restore(self.study, self.changes)
        self._done([sid for sid, _ in self.changes])


class SwapSpeakers(_Relabel):
    """Interviewer ↔ participant in every segment of the open interview."""

    def __init__(self, model):
        super().__init__(model, _tr("Swap interviewer and participant"))

    def change(self) -> list[tuple[int, str]]:
        return store.swap(self.study, self.interview_id)


class RenameSpeaker(_Relabel):
    """Every segment of one speaker gets a new label."""

    def __init__(self, model, old: str, new: str):
        super().__init__(model, _tr("Rename speaker"))
        self.old, self.new = old, new

    def change(self) -> list[tuple[int, str]]:
        return store.rename(self.study, self.interview_id, self.old, self.new)


class SpeakersMixin:
    """The transcript editor's speaker commands (the editor gives ``model``, ``_push``,
    ``current_row`` and ``message``)."""

    def swap_speakers(self) -> bool:
        if self.model.interview_id is None:  # type: ignore[attr-defined]
            return False
        return self._push(lambda: SwapSpeakers(self.model))  # type: ignore[attr-defined]

    def rename_speaker(self, new: str | None = None) -> bool:
        """Rename the current segment's speaker in the whole interview (asks for the name when not given)."""
        row = self.current_row()  # type: ignore[attr-defined]
        if row < 0:
            self.message.emit(_tr("Choose a segment of the speaker to rename."))  # type: ignore[attr-defined]
            return False
        old = self.model.segment(row).speaker  # type: ignore[attr-defined]
        if new is None:
            parent = self if isinstance(self, QWidget) else None
            new, ok = QInputDialog.getText(parent, _tr("Rename speaker"),
                                           _tr("New name for every segment of this speaker:"), text=old)
            if not ok:
                return False
        if not new.strip() or new.strip() == old:
            return False
        return self._push(lambda: RenameSpeaker(self.model, old, new.strip()))  # type: ignore[attr-defined]
