"""The study's interviews: date (Jalali in Persian), mode, duration, and where
the work stands (recorded, transcribing n%, transcribed, corrected n%, coded).

The date and the mode are edited in place (click the selected cell, or F2): a
calendar popup, a list of modes. Double-click opens the transcript.

Several interviews selected (or "Transcribe all not transcribed") go to the
study's transcription queue, shown under the list (:mod:`desktop.transcription.queue_panel`).
The list reads itself again when another process writes to the study (a
``mosahebeh transcribe`` on the command line): a timer compares SQLite's
``data_version`` every :data:`POLL_MS` (no table is read unless it changed)."""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QDateEdit, QHBoxLayout, QHeaderView, QPushButton,
                               QStyledItemDelegate, QTableView, QVBoxLayout, QWidget)

from codebook.dates import digits, format_date, format_duration
from codebook.errors import StudyError
from codebook.interviews import MODES
from desktop.i18n import current_language
from desktop.icons import icon
from desktop.study.commands import WrittenFirst
from desktop.study.date_field import date_edit, iso_of
from desktop.i18n import worded

POLL_MS = 2000
COLUMNS = ("Interview", "Participant", "Date", "Mode", "Duration", "Status")
COL_DATE, COL_MODE = 2, 3  # edited in place


def _tr(text: str) -> str:
    return QCoreApplication.translate("InterviewsModel", text)


def mode_label(mode: str) -> str:
    labels = {"whatsapp": _tr("WhatsApp"), "phone": _tr("Phone"), "in-person": _tr("In person"),
              "video": _tr("Video call"), "other": _tr("Other")}
    return labels.get(mode, mode)


def status_text(study, interview, live: dict[int, float] | None = None) -> str:
    """Where an interview stands, as the list shows it."""
    lang = current_language()
    pct = lambda f: digits(f"{round(f * 100)}", lang)  # noqa: E731
    if live and interview.id in live:
        return _tr("transcribing %1%").replace("%1", pct(live[interview.id]))
    p = study.interviews.progress(interview.id)
    if p.state == "transcribing":
        return _tr("transcribing %1%").replace("%1", pct(p.fraction))
    if p.state in ("queued", "failed", "recorded", "planned"):
        return {"queued": _tr("queued"), "failed": _tr("transcription failed"), "recorded": _tr("recorded"),
                "planned": _tr("planned")}[p.state]
    if p.state == "corrected":
        return _tr("coded") if p.coded else _tr("corrected")
    base = _tr("corrected %1%").replace("%1", pct(p.fraction)) if p.checked else _tr("transcribed")
    joiner = "، " if lang == "fa" else " · "  # a middle dot reads like the Persian zero «۰»
    return f"{base}{joiner}{_tr('coded')}" if p.coded else base


class EditInterview(WrittenFirst):
    """Fields of one interview changed (date, mode, title, participant): one undo step."""

    def __init__(self, ctx, interview_id: int, values: dict):
        super().__init__(_tr("Edit interview"))
        self.ctx, self.interview_id = ctx, interview_id
        old = ctx.study.interviews.get(interview_id)
        self.new = {k: v for k, v in values.items() if getattr(old, k) != v}
        self.old = {k: getattr(old, k) for k in self.new}

    def write(self, values: dict) -> None:
        self.ctx.study.interviews.update(self.interview_id, **values)
        self.ctx.notify("interviews", interview_id=self.interview_id)


def edit_interview(ctx, interview_id: int, values: dict) -> bool:
    """Change an interview's fields undoably; False when nothing changed. Raises
    :class:`codebook.errors.StudyError` (nothing written, nothing pushed) when the store refuses."""
    command = EditInterview(ctx, interview_id, values)
    if not command.new:
        return False
    command.apply(ctx.undo_stack)
    return True


class InterviewsModel(QAbstractTableModel):
    failed = Signal(str)  # an edit in the table the store refused, as a sentence

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.rows: list = []
        self.live: dict[int, float] = {}  # interview id -> transcription progress from the queue
        self.queued: set[int] = set()  # on the study's transcription queue, not started
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self.rows = self.ctx.study.interviews.list()
        # Read once here: the view asks every row's pseudonym whenever it sizes its columns.
        self.pseudonyms = {p.id: p.pseudonym for p in self.ctx.study.participants.list()}
        self.endResetModel()

    def interview_changed(self, interview_id: int) -> None:
        """One interview's row read again (its fields and where its work stands)."""
        for r, i in enumerate(self.rows):
            if i.id == interview_id:
                self.rows[r] = self.ctx.study.interviews.get(interview_id)
                self.dataChanged.emit(self.index(r, 0), self.index(r, len(COLUMNS) - 1))
                return
        self.refresh()  # not listed yet

    def set_progress(self, interview_id: int, fraction: float | None) -> None:
        if fraction is None:
            self.live.pop(interview_id, None)
        else:
            self.live[interview_id] = fraction
        for r, i in enumerate(self.rows):
            if i.id == interview_id:
                self.dataChanged.emit(self.index(r, 5), self.index(r, 5))

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return _tr(COLUMNS[section])
        if orientation == Qt.Orientation.Vertical and 0 <= section < len(self.rows):
            # The row header is the interview's id, what `mosahebeh … --interview ID` asks for.
            if role == Qt.ItemDataRole.DisplayRole:
                return digits(str(self.rows[section].id), current_language())
            if role == Qt.ItemDataRole.ToolTipRole:
                return _tr("Interview id %1 (the ID the command line asks for)").replace(
                    "%1", str(self.rows[section].id))
        return None

    def flags(self, index):
        flags = super().flags(index)
        if index.isValid() and index.column() in (COL_DATE, COL_MODE) and not getattr(self.ctx.study, "read_only", ""):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        """A date (ISO) or a mode edited in the table: written at once, one notice (the list keeps its row)."""
        if not index.isValid() or role != Qt.ItemDataRole.EditRole or index.column() not in (COL_DATE, COL_MODE):
            return False
        iv = self.rows[index.row()]
        try:  # the notice re-reads the row (interview_changed); Ctrl+Z puts the old value back
            edit_interview(self.ctx, iv.id, {"date" if index.column() == COL_DATE else "mode": value})
        except StudyError as exc:  # a locked study, say: said where the window shows messages
            self.failed.emit(worded(exc))
            return False
        return True

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        iv = self.rows[index.row()]
        if role == Qt.ItemDataRole.UserRole:
            return iv.id
        if role == Qt.ItemDataRole.EditRole:
            return iv.date if index.column() == COL_DATE else iv.mode if index.column() == COL_MODE else None
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        lang = current_language()
        study = self.ctx.study
        col = index.column()
        if col == 0:
            return iv.title or digits(f"#{iv.id}", lang)  # the id is in the row header too
        if col == 1:
            return self.pseudonyms.get(iv.participant_id, "") if iv.participant_id else ""
        if col == 2:
            return format_date(iv.date, lang)
        if col == 3:
            return mode_label(iv.mode)
        if col == 4:
            return format_duration(iv.duration_ms, lang)
        if iv.id in self.queued and iv.id not in self.live:
            return _tr("queued")
        return status_text(study, iv, self.live)


class FieldDelegate(QStyledItemDelegate):
    """The date (a calendar popup, Jalali in Persian) and the mode (a list) edited in the table."""

    def createEditor(self, parent, option, index):
        if index.column() == COL_DATE:
            return date_edit(index.data(Qt.ItemDataRole.EditRole), current_language(), parent)
        if index.column() == COL_MODE:
            box = QComboBox(parent)
            for m in MODES:
                box.addItem(mode_label(m), m)
            return box
        return super().createEditor(parent, option, index)

    def updateEditorGeometry(self, editor, option, index) -> None:
        """At least as wide as the field needs (the column fits the date's text, not the field's arrow),
        growing into the next column in the reading direction."""
        rect = option.rect
        width = max(rect.width(), editor.sizeHint().width())
        if option.direction == Qt.LayoutDirection.RightToLeft:
            rect.setLeft(rect.right() - width + 1)
        else:
            rect.setWidth(width)
        editor.setGeometry(rect)

    def setEditorData(self, editor, index) -> None:
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(index.data(Qt.ItemDataRole.EditRole))))
        elif not isinstance(editor, QDateEdit):  # the date field was made holding the date
            super().setEditorData(editor, index)

    def setModelData(self, editor, model, index) -> None:
        if isinstance(editor, QDateEdit):
            model.setData(index, iso_of(editor))
        elif isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        else:
            super().setModelData(editor, model, index)


class InterviewsView(QWidget):
    """The list, with buttons for what to do with the selected interview."""

    openRequested = Signal(int)
    recordRequested = Signal(int)
    importRequested = Signal(int)
    transcribeRequested = Signal(int)
    editRequested = Signal(int)
    newRequested = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.model = InterviewsModel(ctx, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda idx: self.openRequested.emit(self.model.rows[idx.row()].id))
        self.table.setItemDelegate(FieldDelegate(self.table))
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.SelectedClicked
                                   | QAbstractItemView.EditTrigger.EditKeyPressed)
        buttons = QHBoxLayout()
        for text, signal, name in ((self.tr("New interview"), None, "new"),
                                   (self.tr("Edit…"), self.editRequested, "edit"),
                                   (self.tr("Record…"), self.recordRequested, "record"),
                                   (self.tr("Import audio…"), self.importRequested, "import-audio"),
                                   (self.tr("Transcribe"), self.transcribeRequested, "transcribe"),
                                   (self.tr("Open transcript"), self.openRequested, "open-transcript")):
            b = QPushButton(icon(name), text) if signal is not self.transcribeRequested else self._transcribe_button(text)
            if signal is None:
                b.clicked.connect(self.newRequested.emit)
            elif signal is self.transcribeRequested:
                b.clicked.connect(self._transcribe_selected)
            else:
                b.clicked.connect(lambda _=False, s=signal: self._emit(s))
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self._make_queue(layout)
        ctx.changes.connect(self._changed)

    def _changed(self, change) -> None:
        """An edit inside one interview updates its row only; other changes re-read the list. Hidden
        (another tab), the list only notes it is stale: told of a row, a table sizes its columns from
        every row, and that would grow with the study."""
        if not change.any("interviews", "participants", "segments", "codings", "jobs"):
            return
        if not self.isVisible():
            self._stale = True
            return
        if change.interview_id is not None and not change.any("participants", "jobs"):
            self.model.interview_changed(change.interview_id)  # its row only: the selection stays
        else:
            self.model.refresh()

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if getattr(self, "_stale", False):
            self._stale = False
            selected = self.selected_id()
            self.model.refresh()
            if selected is not None:
                self.select(selected)

    def selected_id(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.rows[rows[0].row()].id if rows else None

    def selected_ids(self) -> list[int]:
        """The selected interviews, in the list's order."""
        return [self.model.rows[r.row()].id for r in sorted(self.table.selectionModel().selectedRows(),
                                                             key=lambda i: i.row())]

    # -- the study queue, and what other processes write --------------------------------------

    def _make_queue(self, layout) -> None:
        from codebook.study_queue import data_version
        from desktop.transcription.queue_panel import QueuePanel
        from desktop.transcription.study_queue import StudyQueueRunner

        self.runner = StudyQueueRunner(self.ctx.study, self)
        self.queue_panel = QueuePanel(self.ctx, self.runner, self)
        layout.addWidget(self.queue_panel)
        self.runner.progress.connect(self._queue_progress)
        self.runner.state_changed.connect(self._queue_changed)
        self._queue_changed()
        self.runner.interview_done.connect(self._queue_settled)
        self.runner.interview_failed.connect(lambda iid, _m: self._queue_settled(iid))
        self._seen_version = data_version(self.ctx.study)
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._poll_study)
        if not getattr(self.ctx.study, "read_only", ""):
            self._poll.start()

    def _transcribe_button(self, text: str):
        """Transcribe: a click transcribes the selected interviews; its menu offers all not transcribed."""
        from PySide6.QtWidgets import QMenu, QToolButton

        button = QToolButton()
        button.setIcon(icon("transcribe"))
        button.setText(text)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        button.setToolTip(self.tr("Transcribe the selected interviews (several go to the transcription queue)"))
        menu = QMenu(button)
        menu.addAction(self.tr("Transcribe the selected interviews"), self._transcribe_selected)
        self.transcribe_all = menu.addAction(self.tr("Transcribe all not transcribed"), self._transcribe_all)
        button.setMenu(menu)
        return button

    def _transcribe_selected(self) -> None:
        """One interview: the usual transcription (asks before replacing a corrected one); several: the queue."""
        ids = self.selected_ids()
        if len(ids) == 1:
            self.transcribeRequested.emit(ids[0])
        elif ids:
            self.queue(ids)

    def _transcribe_all(self) -> None:
        from codebook.study_queue import not_transcribed

        ids = not_transcribed(self.ctx.study)
        if ids:
            self.queue(ids)
        else:
            self.queue_panel.setVisible(self.runner.is_running())
            self.ctx.notify("interviews")

    def queue(self, interview_ids: list[int]) -> None:
        """Put interviews on the study's queue and run it."""
        self.runner.add(interview_ids)
        self.queue_panel.refresh()

    def _queue_changed(self) -> None:
        self.model.queued = set(self.runner.queued())
        self.model.dataChanged.emit(self.model.index(0, 5), self.model.index(max(0, len(self.model.rows) - 1), 5))

    def _queue_progress(self, q: dict) -> None:
        for iid, fraction in (q.get("fractions") or {}).items():
            self.model.set_progress(int(iid), float(fraction))

    def _queue_settled(self, interview_id: int) -> None:
        self.model.set_progress(interview_id, None)
        self.ctx.notify("segments", interview_id=interview_id)
        self.ctx.notify("jobs")

    def _poll_study(self) -> None:
        """Another process wrote to the study: read the list (and the queue) again."""
        from codebook.study_queue import data_version

        try:
            version = data_version(self.ctx.study)
        except Exception:  # closed or busy: next time
            return
        if version == self._seen_version:
            return
        self._seen_version = version
        if not self.isVisible():
            self._stale = True
            return
        selected = self.selected_ids()
        self.model.refresh()
        for iid in selected:
            self.select(iid, add=True)
        self.queue_panel.refresh()
        self._queue_changed()

    def select(self, interview_id: int, add: bool = False) -> None:
        from PySide6.QtCore import QItemSelectionModel

        for r, i in enumerate(self.model.rows):
            if i.id == interview_id:
                if add:
                    self.table.selectionModel().select(
                        self.model.index(r, 0), QItemSelectionModel.SelectionFlag.Select
                        | QItemSelectionModel.SelectionFlag.Rows)
                else:
                    self.table.selectRow(r)

    def _emit(self, signal) -> None:
        iid = self.selected_id()
        if iid is not None:
            signal.emit(iid)
