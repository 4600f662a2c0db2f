"""The open study as the views share it: the :class:`codebook.Study`, one undo
stack for the whole session, and signals that tell views what changed."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from codebook import Study

# What ``changed`` names: views refresh when their kind is named.
KINDS = ("participants", "interviews", "segments", "codes", "codings", "guide", "marks", "memos", "jobs")


class StudyContext(QObject):
    """Shared by every view of one open study (the GUI thread's ``Study``)."""

    changed = Signal(str)  # one of KINDS
    # A view asks the main window to open an interview's transcript at a time (ms), e.g. from retrieval.
    openTranscriptRequested = Signal(int, int)

    def __init__(self, study: Study, parent: QObject | None = None):
        super().__init__(parent)
        self.study = study
        self.undo_stack = QUndoStack(self)
        self.coder = ""  # the name stamped on codings made in this session (from the settings)

    def notify(self, kind: str) -> None:
        """Say that records of ``kind`` changed (call after every store write)."""
        assert kind in KINDS, kind
        self.changed.emit(kind)
