"""Editing a transcript's segments from the editor: split, merge, speaker, times, checked,
bookmarks, and moving to the next segment that still needs work. Each edit is an undo command
(:mod:`desktop.transcript.commands`) written to the store at once.
Mixed into :class:`desktop.transcript.editor.TranscriptEditor`."""
from __future__ import annotations

from codebook.errors import StudyError
from codebook.models import SPEAKER_INTERVIEWER, SPEAKER_PARTICIPANT
from desktop.i18n import worded
from desktop.transcript import commands
from desktop.transcript.model import COL_TEXT


class EditingMixin:
    def _push(self, make) -> bool:
        try:
            self.ctx.undo_stack.push(make())
            return True
        except StudyError as exc:
            self.message.emit(worded(exc))
            return False

    def split_at_cursor(self) -> bool:
        editor = self.text_editor()
        if editor is None:
            self.message.emit(self.tr("Put the cursor in the text (double-click it) to split a segment."))
            return False
        row, offset = self.view.currentIndex().row(), editor.cursor_offset()
        self.close_text_editor()
        seg = self.model.segment(row)
        if not 0 < offset < len(seg.text) or not seg.text[:offset].strip() or not seg.text[offset:].strip():
            self.message.emit(self.tr("Put the cursor inside the text, between two words, to split."))
            return False
        ok = self._push(lambda: commands.Split(self.model, seg.id, offset))
        self.view.setCurrentIndex(self.model.index(row + 1, COL_TEXT))
        return ok

    def merge_next(self) -> bool:
        row = self.current_row()
        if not 0 <= row < self.model.rowCount() - 1:
            self.message.emit(self.tr("Choose a segment that has one after it."))
            return False
        self.close_text_editor()
        seg = self.model.segment(row)
        ok = self._push(lambda: commands.MergeNext(self.model, seg.id))
        self.view.setCurrentIndex(self.model.index(row, COL_TEXT))
        return ok

    def switch_speaker(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        seg = self.model.segment(row)
        new = SPEAKER_PARTICIPANT if seg.speaker == SPEAKER_INTERVIEWER else SPEAKER_INTERVIEWER
        self._push(lambda: commands.SetSpeaker(self.model, seg.id, seg.speaker, new))

    def edit_times(self) -> None:
        from desktop.transcript.dialogs import TimesDialog

        row = self.current_row()
        if row < 0:
            return
        seg = self.model.segment(row)
        dlg = TimesDialog(seg, self)
        if dlg.exec() and dlg.times():
            self._push(lambda: commands.SetTimes(self.model, seg, *dlg.times()))

    def mark_checked(self, checked: bool = True) -> None:
        """F8 / Ctrl+Return: mark the current segment checked (Shift+F8 or its checkbox: unchecked).
        Marking a segment that is already so does nothing: F8 used to toggle, and pressed on a checked
        segment silently un-checked it."""
        row = self.current_row()
        if row < 0:
            return
        self.close_text_editor()
        seg = self.model.segment(row)
        if seg.checked == checked:
            return
        self._push(lambda: commands.SetChecked(self.model, seg.id, checked))

    def next_unchecked(self) -> int:
        """F7: go to (and play from) a segment not yet checked; returns its row or -1.

        The first F7 after the transcript opens goes to the first unchecked segment of the interview
        (the top one included); then each F7 goes to the next unchecked one after the current segment,
        wrapping round to the top."""
        from_top = getattr(self, "_f7_from_top", False)
        self._f7_from_top = False
        return self._next_where(lambda seg: not seg.checked, self.tr("Every segment is checked."),
                                from_row=0 if from_top else None)

    def next_untranscribed(self) -> int:
        """Go to (and play from) the next stretch of speech the machine could not transcribe."""
        return self._next_where(lambda seg: seg.untranscribed and not seg.text,
                                self.tr("No untranscribed speech is left."))

    def _next_where(self, wanted, none_left: str, from_row: int | None = None) -> int:
        """The first row ``wanted`` after the current one (or at ``from_row`` and after), wrapping round."""
        n = self.model.rowCount()
        start, first = (self.current_row(), 1) if from_row is None else (from_row, 0)
        for step in range(first, n + first):
            row = (start + step) % n
            if wanted(self.model.segment(row)):
                self.close_text_editor()
                self.view.setCurrentIndex(self.model.index(row, COL_TEXT))
                self.view.scrollTo(self.model.index(row, COL_TEXT))
                if self.player.loaded:
                    self.player.seek(self.model.segment(row).start_ms)
                return row
        self.message.emit(none_left)
        return -1

    def insert_bookmark(self) -> None:
        if self.interview_id is None:
            return
        at = self.player.position() if self.player.loaded else (
            self.model.segment(self.current_row()).start_ms if self.current_row() >= 0 else 0)
        self._push(lambda: commands.AddMark(self.model, self.interview_id, at))
