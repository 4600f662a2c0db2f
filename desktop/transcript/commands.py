"""The transcript edits as undo commands. Each one writes the study at once
(there is no "save"), refreshes the model and tells the other views.

Undo puts things back exactly: a text edit restores the codings it moved
(``Codings.restore``), a split or merge restores the segments with their ids
(``Transcripts.restore``), so later commands on the stack still find them.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from codebook.models import Coding, Segment

TEXT_EDIT_ID = 1001


def _tr(text: str) -> str:
    return QCoreApplication.translate("TranscriptCommands", text)


class _Command(QUndoCommand):
    def __init__(self, model, text: str, parent: QUndoCommand | None = None):
        super().__init__(text, parent)
        self.model = model
        self.study = model.ctx.study

    def _done(self, *kinds: str, segment_id: int | None = None, reload: bool = False, segment_ids=(),
              in_place: bool = True, code_ids=None, interview_id=...) -> None:
        """Refresh the model, then tell the other views once what changed: the interview (the model's
        unless given; None: several), the segments and (for an edit in place) the codes whose codings
        cover them, so a retrieval of another code does not refresh."""
        if reload:
            self.model.reload()
        elif segment_id is not None:
            self.model.refresh_segment(segment_id)
        ids = set(segment_ids) | ({segment_id} if segment_id is not None else set())
        if code_ids is None:
            code_ids = {c.code_id for sid in ids for c in self.study.codings.covering(sid)} \
                if in_place and "codings" in kinds else ()
        if interview_id is ...:
            interview_id = self.model.interview_id
        self.model.ctx.notify(*(kinds or ("segments",)), interview_id=interview_id, segment_ids=ids,
                              in_place=in_place, code_ids=code_ids, origin=self.model)


class SetText(_Command):
    """Change a segment's text. Consecutive edits of one segment merge into one undo step."""

    def __init__(self, model, segment_id: int, old: str, new: str, parent: QUndoCommand | None = None):
        super().__init__(model, _tr("Edit text"), parent)
        self.segment_id, self.old, self.new = segment_id, old, new
        self.before: list[Coding] | None = None
        self.was_untranscribed = self.study.transcripts.segment(segment_id).untranscribed  # undo marks it again

    def id(self) -> int:
        return TEXT_EDIT_ID

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SetText) or other.segment_id != self.segment_id or other.old != self.new:
            return False
        self.new = other.new  # keep self.before: the codings as they were before the first edit
        return True

    def redo(self) -> None:
        touched = self.study.transcripts.set_text(self.segment_id, self.new)
        if self.before is None:
            self.before = touched
        self._done("segments", "codings", segment_id=self.segment_id)

    def undo(self) -> None:
        with self.study.atomic():
            self.study.transcripts.set_text(self.segment_id, self.old, untranscribed=self.was_untranscribed)
            self.study.codings.restore(self.before or [])
        self._done("segments", "codings", segment_id=self.segment_id)


class ReplaceTexts(_Command):
    """Replace all: many segments' texts changed as one undo step, in one transaction and
    with one notice to the views (segments of several interviews: the notice names none)."""

    def __init__(self, model, texts: dict[int, tuple[int, str, str]], text: str):
        super().__init__(model, text)
        self.texts = texts  # segment id -> (interview id, old text, new text)
        self.before: list[Coding] | None = None

    def redo(self) -> None:
        ts = self.study.transcripts
        with self.study.atomic():
            touched = [c for sid, (_iid, _old, new) in self.texts.items() for c in ts.set_text(sid, new)]
        if self.before is None:
            self.before = touched
        self._told()

    def undo(self) -> None:
        ts = self.study.transcripts
        with self.study.atomic():
            for sid, (_iid, old, _new) in self.texts.items():
                ts.set_text(sid, old)
            self.study.codings.restore(self.before or [])
        self._told()

    def _told(self) -> None:
        interviews = {iid for iid, _old, _new in self.texts.values()}
        self._done("segments", "codings", reload=True, segment_ids=self.texts, code_ids=(),  # codes: any
                   interview_id=interviews.pop() if len(interviews) == 1 else None)


class SetSpeaker(_Command):
    def __init__(self, model, segment_id: int, old: str, new: str):
        super().__init__(model, _tr("Change speaker"))
        self.segment_id, self.old, self.new = segment_id, old, new

    def redo(self) -> None:
        self.study.transcripts.set_speaker(self.segment_id, self.new)
        self._done(segment_id=self.segment_id)

    def undo(self) -> None:
        self.study.transcripts.set_speaker(self.segment_id, self.old)
        self._done(segment_id=self.segment_id)


class SetChecked(_Command):
    def __init__(self, model, segment_id: int, checked: bool):
        super().__init__(model, _tr("Mark checked") if checked else _tr("Mark unchecked"))
        self.segment_id, self.checked = segment_id, checked

    def redo(self) -> None:
        self.study.transcripts.set_checked(self.segment_id, self.checked)
        self._done("segments", segment_id=self.segment_id)

    def undo(self) -> None:
        self.study.transcripts.set_checked(self.segment_id, not self.checked)
        self._done("segments", segment_id=self.segment_id)


class SetTimes(_Command):
    def __init__(self, model, segment: Segment, start_ms: int, end_ms: int):
        super().__init__(model, _tr("Edit times"))
        self.segment_id = segment.id
        self.old = (segment.start_ms, segment.end_ms)
        self.new = (start_ms, end_ms)

    def redo(self) -> None:
        self.study.transcripts.set_times(self.segment_id, *self.new)
        self._done("segments", "codings", reload=True, segment_ids={self.segment_id})

    def undo(self) -> None:
        self.study.transcripts.set_times(self.segment_id, *self.old)
        self._done("segments", "codings", reload=True, segment_ids={self.segment_id})


class Split(_Command):
    """Split a segment at a text offset (code points); the time is cut by word timings."""

    def __init__(self, model, segment_id: int, offset: int):
        super().__init__(model, _tr("Split segment"))
        self.segment_id, self.offset = segment_id, offset
        self.before_segment = self.study.transcripts.segment(segment_id)
        self.before_codings = self.study.codings.touching(segment_id)
        self.after: list[Segment] | None = None
        self.after_codings: list[Coding] = []

    def redo(self) -> None:
        if self.after is None:  # first time: let the store split; remember the result
            left, right = self.study.transcripts.split(self.segment_id, self.offset)
            self.after = [left, right]
            self.after_codings = self.study.codings.touching(left.id) + self.study.codings.touching(right.id)
        else:  # again after an undo: the same ids as the first time
            with self.study.atomic():
                self.study.transcripts.restore(self.after)
                self.study.codings.restore(self.after_codings)
        self._done("segments", "codings", reload=True, segment_ids={s.id for s in self.after}, in_place=False)

    def undo(self) -> None:
        right_id = self.after[1].id
        with self.study.atomic():
            self.study.codings.restore(self.before_codings)
            self.study.transcripts.restore([self.before_segment])
            self.study.transcripts.remove(right_id)
        self._done("segments", "codings", reload=True, segment_ids={s.id for s in self.after}, in_place=False)


class MergeNext(_Command):
    def __init__(self, model, segment_id: int):
        super().__init__(model, _tr("Merge with next"))
        self.segment_id = segment_id
        ts = self.study.transcripts
        self.first = ts.segment(segment_id)
        self.second = ts.next_segment(segment_id)
        ids = {segment_id, self.second.id} if self.second else {segment_id}
        self.before_codings = [c for sid in ids for c in self.study.codings.touching(sid)]

    def redo(self) -> None:
        self.study.transcripts.merge_next(self.segment_id)
        self._done("segments", "codings", reload=True, segment_ids=self._ids(), in_place=False)

    def undo(self) -> None:
        with self.study.atomic():
            self.study.transcripts.restore([self.first, self.second])
            self.study.codings.restore(self.before_codings)
        self._done("segments", "codings", reload=True, segment_ids=self._ids(), in_place=False)

    def _ids(self) -> set[int]:
        return {self.segment_id} | ({self.second.id} if self.second else set())


class AddMark(_Command):
    """A bookmark in the audio at a time."""

    def __init__(self, model, interview_id: int, at_ms: int, label: str = ""):
        super().__init__(model, _tr("Insert bookmark"))
        self.interview_id, self.at_ms, self.label = interview_id, at_ms, label
        self.mark_id: int | None = None

    def redo(self) -> None:
        self.mark_id = self.study.marks.add(self.interview_id, self.at_ms, label=self.label).id
        self.model.refresh_marks()
        self.model.ctx.notify("marks", interview_id=self.interview_id, origin=self.model)

    def undo(self) -> None:
        self.study.marks.remove(self.mark_id)
        self.model.refresh_marks()
        self.model.ctx.notify("marks", interview_id=self.interview_id, origin=self.model)


class ApplyCodes(_Command):
    """Code one span (it may cross segments) with one or more codes."""

    def __init__(self, model, code_ids: list[int], span: tuple[int, int, int, int], new_code=None):
        super().__init__(model, _tr("Apply code"))
        self.code_ids, self.span = list(code_ids), span
        self.new_code = new_code  # an in-vivo code made for this coding (removed on undo)
        self.made: list[Coding] = []

    def redo(self) -> None:
        with self.study.atomic():
            if self.new_code is not None and self.made:
                self.study.codes.restore([self.new_code])
            if self.made:
                self.study.codings.restore(self.made)
            else:
                s_seg, s_off, e_seg, e_off = self.span
                coder = getattr(self.model.ctx, "coder", "")  # the name in Settings, stamped on the coding
                self.made = [self.study.codings.add(cid, s_seg, s_off, e_seg, e_off, coder=coder)
                             for cid in self.code_ids]
        self._told()

    def _told(self) -> None:
        self.model.refresh_codings(self.made)
        kinds = ("codings", "codes") if self.new_code is not None else ("codings",)
        self.model.ctx.notify(*kinds, interview_id=self.model.interview_id, code_ids=set(self.code_ids),
                              segment_ids={c.start_segment_id for c in self.made} | {c.end_segment_id for c in self.made},
                              origin=self.model)

    def undo(self) -> None:
        with self.study.atomic():
            for c in self.made:
                self.study.codings.remove(c.id)
            if self.new_code is not None:
                self.study.codes.remove(self.new_code.id)
        self._told()


class SetCodingMemo(_Command):
    def __init__(self, model, coding: Coding, memo: str):
        super().__init__(model, _tr("Coding memo"))
        self.coding_id, self.old, self.new = coding.id, coding.memo, memo

    def redo(self) -> None:
        self.study.codings.set_memo(self.coding_id, self.new)
        self._told()

    def _told(self) -> None:
        coding = self.study.codings.get(self.coding_id)
        self.model.refresh_codings([coding])
        self.model.ctx.notify("codings", interview_id=coding.interview_id, code_ids={coding.code_id}, in_place=True,
                              segment_ids={coding.start_segment_id, coding.end_segment_id}, origin=self.model)

    def undo(self) -> None:
        self.study.codings.set_memo(self.coding_id, self.old)
        self._told()
