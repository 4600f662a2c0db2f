"""The open study as the views share it: the :class:`codebook.Study`, one undo
stack for the whole session, and signals that tell views what changed.

Every store write is followed by one :meth:`StudyContext.notify` that names the
kinds of records changed and, where known, which: the interview, the segments
and the codes. ``changes`` carries that as a :class:`Change`, once per write, so
a view updates only what it shows (a text edit in one segment does not make the
retrieval of another code read anything). ``changed`` (one kind, a string) is
still emitted per kind for simple listeners.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from codebook import Study

# What ``changed`` names: views refresh when their kind is named.
KINDS = ("participants", "interviews", "segments", "codes", "codings", "guide", "marks", "memos", "jobs",
         "suggestions")


@dataclass(frozen=True)
class Change:
    """What one write changed. Empty ``segment_ids``/``code_ids`` mean "not known: any"."""
    kinds: frozenset[str]
    interview_id: int | None = None
    segment_ids: frozenset[int] = field(default_factory=frozenset)
    code_ids: frozenset[int] = field(default_factory=frozenset)
    # Only the contents of the named segments changed (text, speaker, times, checked; codings on them
    # remapped): no coding was added or removed, no segment appeared or vanished. Counts stay the same.
    in_place: bool = False
    origin: object = None  # who wrote (a view may skip what it already did itself)

    def __contains__(self, kind: str) -> bool:
        return kind in self.kinds

    def any(self, *kinds: str) -> bool:
        return not self.kinds.isdisjoint(kinds)

    def touches_segments(self, ids) -> bool:
        """Could this change alter any of the segments ``ids``?"""
        if not self.any("segments", "codings"):
            return False
        return not self.segment_ids or not self.segment_ids.isdisjoint(ids)

    def touches_codes(self, ids) -> bool:
        """Could this change add or remove codings of the codes ``ids``?"""
        if "codes" in self.kinds:
            return True
        if "codings" not in self.kinds or self.in_place:
            return False
        return not self.code_ids or not self.code_ids.isdisjoint(ids)


class StudyContext(QObject):
    """Shared by every view of one open study (the GUI thread's ``Study``)."""

    changed = Signal(str)  # one of KINDS
    changes = Signal(object)  # a Change, once per write
    # A view asks the main window to open an interview's transcript at a time (ms), e.g. from retrieval.
    openTranscriptRequested = Signal(int, int)

    def __init__(self, study: Study, parent: QObject | None = None):
        super().__init__(parent)
        self.study = study
        self.undo_stack = QUndoStack(self)
        self.coder = ""  # the name stamped on codings made in this session (from the settings)

    def notify(self, *kinds: str, interview_id: int | None = None, segment_ids=(), code_ids=(),
               in_place: bool = False, origin: object = None) -> Change:
        """Say that records of ``kinds`` changed (call once after every store write)."""
        for kind in kinds:
            assert kind in KINDS, kind
        change = Change(frozenset(kinds), interview_id, frozenset(segment_ids), frozenset(code_ids), in_place, origin)
        self.changes.emit(change)
        for kind in kinds:
            self.changed.emit(kind)
        return change
