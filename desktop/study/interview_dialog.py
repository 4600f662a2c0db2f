"""A new interview, or one's participant, title, date and mode changed: the date is picked on
a Jalali calendar in the Persian UI (Qt's own QCalendar) and stored as an ISO date."""
from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QMessageBox, QVBoxLayout

from codebook.errors import StudyError
from codebook.interviews import MODES
from codebook.models import Interview
from desktop.i18n import current_language
from desktop.study.date_field import date_edit, iso_of
from desktop.study.interviews import edit_interview, mode_label


class InterviewDialog(QDialog):
    """Who was interviewed, when and how. ``interview`` None makes a new one."""

    def __init__(self, study, interview: Interview | None = None, parent=None, ctx=None):
        super().__init__(parent)
        self.study = study
        self.ctx = ctx  # given (the window's), a change to an interview is one undo step
        self.interview = interview
        self.setWindowTitle(self.tr("Interview") if interview else self.tr("New interview"))
        lang = current_language()
        self.participant = QComboBox()
        self.participant.addItem(self.tr("(no participant)"), None)
        for p in study.participants.list():
            self.participant.addItem(p.pseudonym, p.id)
        self.title = QLineEdit(interview.title if interview else "")
        self.date = date_edit(interview.date if interview else None, lang)
        self.mode = QComboBox()
        for m in MODES:
            self.mode.addItem(mode_label(m), m)
        if interview is None and self.participant.count() == 2:  # one participant in the study: them
            self.participant.setCurrentIndex(1)
        if interview:
            self.participant.setCurrentIndex(max(0, self.participant.findData(interview.participant_id)))
            self.mode.setCurrentIndex(max(0, self.mode.findData(interview.mode)))
        form = QFormLayout()
        form.addRow(self.tr("Participant"), self.participant)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Date"), self.date)
        form.addRow(self.tr("Mode"), self.mode)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def accept(self) -> None:
        values = {"participant_id": self.participant.currentData(), "title": self.title.text(),
                  "date": iso_of(self.date), "mode": self.mode.currentData()}
        ivs = self.study.interviews
        if self.interview is None:
            pid = values.pop("participant_id")
            self.interview = ivs.add(pid, **values)
        elif self.ctx is not None:
            try:
                edit_interview(self.ctx, self.interview.id, values)
            except StudyError as exc:
                QMessageBox.warning(self, self.windowTitle(), str(exc))
                return
            self.interview = ivs.get(self.interview.id)
        else:
            self.interview = ivs.update(self.interview.id, **values)
        super().accept()
