"""Coding in the transcript: the selection to code (text in one segment, a span
from a word in one segment to a word in another, or whole segments), applying
codes, in-vivo codes, coding memos.
Mixed into :class:`desktop.transcript.editor.TranscriptEditor`."""
from __future__ import annotations

from codebook.errors import StudyError
from desktop.i18n import worded
from desktop.transcript import commands


class CodingMixin:
    # -- coding ---------------------------------------------------------------------------

    def coding_span(self) -> tuple[int, int, int, int] | None:
        """The selection to code, as (start segment id, offset, end segment id, offset) with
        code point offsets: text selected in the open editor; else the span selected across
        segments (:mod:`desktop.transcript.span`); else the selected segments whole."""
        editor = self.text_editor()
        if editor is not None and editor.selection_offsets():
            a, b = editor.selection_offsets()
            seg = self.model.segment(self.view.currentIndex().row())
            self.close_text_editor()
            return seg.id, a, seg.id, b
        span = self.span.span()
        if span is not None:
            return span
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if not rows:
            return None
        first, last = self.model.segment(rows[0]), self.model.segment(rows[-1])
        return first.id, 0, last.id, len(last.text)

    def apply_codes(self, code_ids: list[int]) -> bool:
        """Code the current selection with ``code_ids`` (one undo step)."""
        span = self.coding_span()
        if span is None or (span[0] == span[2] and span[1] >= span[3]):
            self.message.emit(self.tr("Select some text (or whole segments) to code."))
            return False
        try:
            codes = [self.ctx.study.codes.get(c) for c in code_ids]
        except StudyError as exc:
            self.message.emit(worded(exc))
            return False
        if not codes or any(c.kind != "code" for c in codes):
            self.message.emit(self.tr("Apply codes, not categories."))
            return False
        return self._push(lambda: commands.ApplyCodes(self.model, code_ids, span))

    def span_text(self, span: tuple[int, int, int, int]) -> str:
        """The text of a span, its parts in different segments joined with a space."""
        first, last = self.model.row_of(span[0]), self.model.row_of(span[2])
        if first < 0 or last < 0:
            return ""
        parts = []
        for row in range(first, last + 1):
            text = self.model.segment(row).text
            parts.append(text[span[1] if row == first else 0:span[3] if row == last else len(text)])
        return " ".join(parts)

    def in_vivo(self, category_id: int | None) -> bool:
        """Make a new code named after the selected words and code the selection with it: a
        dialog proposes the name (trimmed, capped) and the category, both changeable."""
        from desktop.transcript.invivo import InVivoDialog

        span = self.coding_span()
        words = self.span_text(span) if span is not None else ""
        if not words.strip():
            self.message.emit(self.tr("Select the words to make an in-vivo code of."))
            return False
        dialog = InVivoDialog(self.ctx.study, words, category_id, self)
        if not dialog.exec():
            return False
        name, category_id = dialog.values()
        codes = self.ctx.study.codes
        try:
            existing = codes.by_name(name, category_id)
            code = existing or codes.add(name, category_id, description=self.tr("In vivo"))
        except StudyError as exc:
            self.message.emit(worded(exc))
            return False
        return self._push(lambda: commands.ApplyCodes(self.model, [code.id], span,
                                                      new_code=None if existing else code))

    def coding_memo(self) -> None:
        from desktop.transcript.dialogs import ask_memo, pick_coding

        row = self.current_row()
        if row < 0:
            return
        codings = self.model.codings_of(row)
        coding = pick_coding(codings, self)
        if coding is None:
            self.message.emit(self.tr("No coding on this segment."))
            return
        code = next(code for c, code in codings if c.id == coding.id)
        memo = ask_memo(coding, code, self)
        if memo is not None and memo != coding.memo:
            self._push(lambda: commands.SetCodingMemo(self.model, coding, memo))
