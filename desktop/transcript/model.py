"""An interview's segments as a Qt table model: time, speaker, text, codings.

The model reads from the study; every change a user makes goes through an
undo command (:mod:`desktop.transcript.commands`) that writes the study and
then refreshes the model. ``active_row`` is the segment the player is in.
"""
from __future__ import annotations

import bisect
import functools

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from codebook.models import SPEAKER_INTERVIEWER, SPEAKER_PARTICIPANT, Code, Coding, Mark, Segment
from desktop.bidi import ltr_run
from desktop.i18n import current_language
from codebook.dates import format_clock

COL_TIME, COL_SPEAKER, COL_TEXT, COL_CODES = range(4)
SegmentRole = Qt.ItemDataRole.UserRole + 1   # the Segment
CodingsRole = Qt.ItemDataRole.UserRole + 2   # [(Coding, Code)] covering the segment
MarksRole = Qt.ItemDataRole.UserRole + 3     # [Mark] in the segment's time
ActiveRole = Qt.ItemDataRole.UserRole + 4    # True for the segment being played
SuggestionsRole = Qt.ItemDataRole.UserRole + 5  # [(Suggestion, Code)] pending on the segment (desktop/suggest)
ACTIVE_COLOR = QColor("#fff3b0")
CHECKED_COLOR = QColor("#e3f4e1")
UNTRANSCRIBED_COLOR = QColor("#fbe7cc")  # a stretch of speech the machine could not transcribe


def _tr(text: str) -> str:
    return QCoreApplication.translate("SegmentsModel", text)


@functools.lru_cache(maxsize=4096)
def _row_number(n: int, lang: str) -> str:
    """A row number in the UI's digits (asked for every row whenever the header sizes itself)."""
    from codebook.dates import digits
    return digits(str(n), lang)


def speaker_label(speaker: str) -> str:
    if speaker == SPEAKER_INTERVIEWER:
        return _tr("Interviewer")
    if speaker == SPEAKER_PARTICIPANT:
        return _tr("Participant")
    if speaker == "unsure":  # transcribe.diarize.UNSURE: too little speech to be a person of its own
        return _tr("Unsure")
    return speaker


def mark_sign(kind: str, lang: str) -> str:
    """The sign a mark gets in the time column: a question mark for a guide question (Persian «؟»
    in the Persian UI), a flag for a bookmark."""
    if kind == "question":
        return "؟" if lang == "fa" else "?"
    return "⚑"


class SegmentsModel(QAbstractTableModel):
    activeRowChanged = Signal(int)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.interview_id: int | None = None
        self.segments: list[Segment] = []
        self._starts: list[int] = []
        self._rows: dict[int, int] = {}  # segment id -> row
        self._codings: dict[int, list[tuple[Coding, Code]]] = {}
        self._marks: dict[int, list[Mark]] = {}
        self._suggested: dict[int, list] = {}
        self.active_row = -1

    # -- loading ------------------------------------------------------------------

    def load(self, interview_id: int | None) -> None:
        """Show an interview's transcript (None: nothing)."""
        self.beginResetModel()
        self.interview_id = interview_id
        self.active_row = -1
        self._read()
        self.endResetModel()

    def reload(self) -> None:
        """Read the interview again (after a split, merge, or a change elsewhere), keeping rows where possible."""
        if self.interview_id is None:
            return
        old_ids = [s.id for s in self.segments]
        self.layoutAboutToBeChanged.emit()
        persistent = self.persistentIndexList()
        pids = [(p, old_ids[p.row()] if 0 <= p.row() < len(old_ids) else None) for p in persistent]
        self._read()
        rows = {s.id: i for i, s in enumerate(self.segments)}
        for p, sid in pids:
            r = rows.get(sid, -1)
            self.changePersistentIndex(p, self.index(r, p.column()) if r >= 0 else QModelIndex())
        self.active_row = -1
        self.layoutChanged.emit()

    def _read(self) -> None:
        if self.interview_id is None:
            self.segments, self._starts, self._rows, self._codings, self._marks = [], [], {}, {}, {}
            self._suggested = {}
            return
        self.segments = self.ctx.study.transcripts.segments(self.interview_id)
        self._starts = [s.start_ms for s in self.segments]
        self._rows = {s.id: i for i, s in enumerate(self.segments)}
        self._codings = self._read_codings()
        self._marks = self._read_marks()
        self._suggested = self._read_suggested()

    def _read_codings(self) -> dict[int, list[tuple[Coding, Code]]]:
        """The interview's codings by segment (one indexed query; the segments are not read again)."""
        study = self.ctx.study
        codes = {c.id: c for c in study.codes.list()}
        out: dict[int, list[tuple[Coding, Code]]] = {}
        for c in study.codings.list(interview_id=self.interview_id):
            a, b = self._rows.get(c.start_segment_id), self._rows.get(c.end_segment_id)
            if a is None or b is None or c.code_id not in codes:
                continue
            for r in range(a, b + 1):
                out.setdefault(self.segments[r].id, []).append((c, codes[c.code_id]))
        return out

    def _read_suggested(self) -> dict[int, list]:
        """The interview's pending suggestions by segment (marked in the text; never codings)."""
        from codebook.suggestions.store import Suggestions

        codes = {c.id: c for c in self.ctx.study.codes.list()}
        out: dict[int, list] = {}
        for s in Suggestions(self.ctx.study).list(interview_id=self.interview_id):
            a, b = self._rows.get(s.start_segment_id), self._rows.get(s.end_segment_id)
            if a is None or b is None or s.code_id not in codes:
                continue
            for r in range(a, b + 1):
                out.setdefault(self.segments[r].id, []).append((s, codes[s.code_id]))
        return out

    def _read_marks(self) -> dict[int, list[Mark]]:
        out: dict[int, list[Mark]] = {}
        for m in self.ctx.study.marks.list(self.interview_id):
            r = self.row_at(m.at_ms)
            if r >= 0:
                out.setdefault(self.segments[r].id, []).append(m)
        return out

    def _rows_changed(self, old: dict, new: dict) -> None:
        """Tell the view about the rows whose entry differs between ``old`` and ``new`` (only those:
        every row told would make the view measure every row's height again)."""
        for sid in set(old) | set(new):
            if old.get(sid) != new.get(sid):
                row = self._rows.get(sid)
                if row is not None:
                    self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def refresh_segment(self, segment_id: int) -> None:
        """Re-read one segment (after its text, speaker, times or checked state changed), and the
        codings of the interview (a text edit remaps those on the segment)."""
        row = self.row_of(segment_id)
        if row < 0:
            return self.reload()
        seg = self.ctx.study.transcripts.segment(segment_id)
        if seg.start_ms != self.segments[row].start_ms:
            return self.reload()
        self.segments[row] = seg
        old, self._codings = self._codings, self._read_codings()
        self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))
        self._rows_changed({k: v for k, v in old.items() if k != segment_id},
                           {k: v for k, v in self._codings.items() if k != segment_id})

    def refresh_codings(self, codings=None) -> None:
        """Re-read codings and marks (after coding, or a mark added) without moving rows; only the
        rows whose codings or marks changed are told."""
        if self.interview_id is None:
            return
        old_codings, old_marks, old_suggested = self._codings, self._marks, self._suggested
        self._codings, self._marks = self._read_codings(), self._read_marks()
        self._suggested = self._read_suggested()
        self._rows_changed(old_codings, self._codings)
        self._rows_changed(old_marks, self._marks)
        self._rows_changed(old_suggested, self._suggested)

    def refresh_marks(self) -> None:
        if self.interview_id is None:
            return
        old, self._marks = self._marks, self._read_marks()
        self._rows_changed(old, self._marks)

    # -- lookups ------------------------------------------------------------------

    def row_of(self, segment_id: int) -> int:
        return self._rows.get(segment_id, -1)

    def row_at(self, ms: int) -> int:
        """The row whose segment is playing at ``ms`` (the last one starting at or before it)."""
        if not self.segments:
            return -1
        r = bisect.bisect_right(self._starts, ms) - 1
        return max(r, 0) if ms >= 0 else -1

    def segment(self, row: int) -> Segment:
        return self.segments[row]

    def codings_of(self, row: int) -> list[tuple[Coding, Code]]:
        return self._codings.get(self.segments[row].id, [])

    def rows_with_marks(self) -> list[int]:
        return sorted(self._rows[sid] for sid in self._marks if sid in self._rows)

    def marks_of(self, row: int) -> list[Mark]:
        return self._marks.get(self.segments[row].id, [])

    def set_position(self, ms: int) -> int:
        """Make the segment at ``ms`` the active one; returns its row."""
        row = self.row_at(ms)  # in a pause between segments, the one before stays lit
        if row != self.active_row:
            old, self.active_row = self.active_row, row
            for r in (old, row):
                if 0 <= r < len(self.segments):
                    self.dataChanged.emit(self.index(r, 0), self.index(r, self.columnCount() - 1))
            self.activeRowChanged.emit(row)
        return row

    # -- Qt model -------------------------------------------------------------------

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.segments)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (_tr("Time"), _tr("Speaker"), _tr("Text"), _tr("Codes"))[section]
        if orientation == Qt.Orientation.Vertical and role == Qt.ItemDataRole.DisplayRole:
            return _row_number(section + 1, current_language())
        return None

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (COL_TEXT, COL_SPEAKER):
            base |= Qt.ItemFlag.ItemIsEditable
        if index.column() == COL_TIME:
            base |= Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not 0 <= index.row() < len(self.segments):
            return None
        seg = self.segments[index.row()]
        col = index.column()
        if role == SegmentRole:
            return seg
        if role == CodingsRole:
            return self.codings_of(index.row())
        if role == MarksRole:
            return self.marks_of(index.row())
        if role == SuggestionsRole:
            return self._suggested.get(seg.id, [])
        if role == ActiveRole:
            return index.row() == self.active_row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col == COL_TIME:
                lang = current_language()
                lines = [format_clock(seg.start_ms, lang), format_clock(seg.end_ms, lang)]
                marks = self.marks_of(index.row())
                if marks:  # a small sign per mark; the question itself is in the tooltip
                    lines.append(" ".join(mark_sign(m.kind, lang) for m in marks))
                return "\n".join(lines)
            if col == COL_SPEAKER:
                return seg.speaker if role == Qt.ItemDataRole.EditRole else speaker_label(seg.speaker)
            if col == COL_TEXT:
                return seg.text
            if col == COL_CODES:
                return "، ".join(dict.fromkeys(code.name for _, code in self.codings_of(index.row())))
        if role == Qt.ItemDataRole.CheckStateRole and col == COL_TIME:
            return Qt.CheckState.Checked if seg.checked else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.BackgroundRole:
            if index.row() == self.active_row:
                return QBrush(ACTIVE_COLOR)
            if seg.checked and col == COL_TIME:
                return QBrush(CHECKED_COLOR)
            if seg.untranscribed and not seg.text:
                return QBrush(UNTRANSCRIBED_COLOR)
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_TIME and self.marks_of(index.row()):
            lang = current_language()
            return "\n".join(f"{mark_sign(m.kind, lang)} {format_clock(m.at_ms, lang)}  "
                             f"{ltr_run(m.label, lang) or (_tr('Question asked') if m.kind == 'question' else _tr('Bookmark'))}"
                             for m in self.marks_of(index.row()))
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_CODES:
            return "\n".join(f"{code.name}: {c.memo}" if c.memo else code.name for c, code in self.codings_of(index.row()))
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        from desktop.transcript import commands

        if not index.isValid():
            return False
        seg = self.segments[index.row()]
        stack = self.ctx.undo_stack
        if index.column() == COL_TEXT and role == Qt.ItemDataRole.EditRole:
            text = str(value)
            if text.strip() and text != seg.text:
                stack.push(commands.SetText(self, seg.id, seg.text, text))
            return True
        if index.column() == COL_SPEAKER and role == Qt.ItemDataRole.EditRole:
            if str(value) != seg.speaker:
                stack.push(commands.SetSpeaker(self, seg.id, seg.speaker, str(value)))
            return True
        if index.column() == COL_TIME and role == Qt.ItemDataRole.CheckStateRole:
            checked = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
            if checked != seg.checked:
                stack.push(commands.SetChecked(self, seg.id, checked))
            return True
        return False
