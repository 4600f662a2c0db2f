"""The review of suggestions as undo steps on the window's one stack (:class:`desktop.context.StudyContext`).

Accepting, rejecting (one suggestion or many: one step) and adjusting a span each write the study at once;
undo puts the suggestions back exactly (an acceptance's coding removed), redo puts back the same coding
with the same id, so later steps on the stack still find it.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand

from codebook.models import Coding
from codebook.suggestions.store import Suggestion, Suggestions
from desktop.i18n import worded


def _tr(text: str) -> str:
    return QCoreApplication.translate("SuggestionCommands", text)


class _Step(QUndoCommand):
    def __init__(self, ctx, ids: list[int], text: str):
        super().__init__(text)
        self.ctx = ctx
        self.ids = list(ids)
        self.repo = Suggestions(ctx.study)
        self.before: list[Suggestion] = self.repo.snapshot(self.ids)
        self.after: list[Suggestion] | None = None
        self.codings: list[Coding] = []

    def _notify(self) -> None:
        interviews = {s.interview_id for s in self.before}
        kinds = ("suggestions", "codings") if any(s.state == "accepted" for s in self.after or []) else ("suggestions",)
        self.ctx.notify(*kinds, interview_id=interviews.pop() if len(interviews) == 1 else None,
                        segment_ids={i for s in self.before for i in (s.start_segment_id, s.end_segment_id)},
                        code_ids={s.code_id for s in self.before})

    def redo(self) -> None:
        study = self.ctx.study
        with study.atomic():
            if self.after is None:
                self.apply()
                self.after = self.repo.snapshot(self.ids)
                self.codings = [study.codings.get(s.coding_id) for s in self.after if s.coding_id is not None]
            else:
                study.codings.restore(self.codings)
                self.repo.restore(self.after)
        self._notify()

    def undo(self) -> None:
        self.repo.restore(self.before)
        self._notify()

    def apply(self) -> None:
        raise NotImplementedError


class Decide(_Step):
    """Accept or reject suggestions (one or many: one undo step)."""

    def __init__(self, ctx, ids: list[int], accept: bool):
        n = len(ids)
        text = (_tr("Accept %n suggestion(s)") if accept else _tr("Reject %n suggestion(s)")).replace("%n", str(n))
        super().__init__(ctx, ids, text)
        self.accept = accept
        self.skipped: list[str] = []  # why some could not be accepted (their text changed since)

    def apply(self) -> None:
        from codebook.errors import StudyError

        for i in self.ids:
            try:
                self.repo.accept(i) if self.accept else self.repo.reject(i)
            except StudyError as exc:
                self.skipped.append(worded(exc))  # in the UI language


class Adjust(_Step):
    """Move one pending suggestion's span (to the editor's selection)."""

    def __init__(self, ctx, suggestion_id: int, span: tuple[int, int, int, int]):
        super().__init__(ctx, [suggestion_id], _tr("Adjust a suggestion's span"))
        self.span = span

    def apply(self) -> None:
        self.repo.adjust(self.ids[0], *self.span)
