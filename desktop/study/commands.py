"""Undo commands for the study's records edited in dialogs and lists (interviews, participants)."""
from __future__ import annotations

from PySide6.QtGui import QUndoCommand


class WrittenFirst(QUndoCommand):
    """A change the caller makes before it goes on the undo stack (:meth:`apply`), so a write
    the store refuses raises and pushes nothing; the first redo, at the push, is skipped.
    Subclasses set ``new`` and ``old`` (a state each) and write one with :meth:`write`."""

    new: object
    old: object

    def __init__(self, text: str):
        super().__init__(text)
        self._made = False

    def write(self, state) -> None:
        raise NotImplementedError

    def apply(self, stack) -> None:
        """Write the new state, then push (raises what the store raises; then nothing is pushed)."""
        self.write(self.new)
        self._made = True
        stack.push(self)

    def redo(self) -> None:
        if self._made:  # written by apply() just now
            self._made = False
            return
        self.write(self.new)

    def undo(self) -> None:
        self.write(self.old)
