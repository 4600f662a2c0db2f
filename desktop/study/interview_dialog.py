"""A new interview, or one's participant, title, date and mode changed: the date is picked on
a Jalali calendar in the Persian UI (Qt's own QCalendar) and stored as an ISO date."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCalendar, QDate, QLocale, Qt
from PySide6.QtWidgets import QComboBox, QDateEdit, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout

from codebook.interviews import MODES
from codebook.models import Interview
from desktop.i18n import current_language
from desktop.study.interviews import mode_label


def date_edit(iso: str | None, lang: str) -> QDateEdit:
    """A date field with a calendar popup: Jalali with Persian digits in fa, Gregorian in en."""
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    if lang == "fa":
        calendar = QCalendar(QCalendar.System.Jalali)
        edit.setCalendar(calendar)
        edit.calendarWidget().setCalendar(calendar)
        locale = QLocale(QLocale.Language.Persian, QLocale.Country.Iran)
        edit.setLocale(locale)
        edit.calendarWidget().setLocale(locale)
        # Qt reverses a date's sections in a right-to-left field (when the format is set); the lists
        # write ۱۴۰۳/۰۵/۰۲ as one number run, so the field keeps that order and only the popup is mirrored.
        edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        edit.calendarWidget().setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        edit.setDisplayFormat("yyyy/MM/dd")
    else:
        edit.setDisplayFormat("yyyy-MM-dd")
    d = date.fromisoformat(iso[:10]) if iso else date.today()
    edit.setDate(QDate(d.year, d.month, d.day))
    return edit


def iso_of(edit: QDateEdit) -> str:
    """The field's date as ``YYYY-MM-DD`` (Gregorian, whatever calendar it shows)."""
    d = edit.date()
    return date(d.year(), d.month(), d.day()).isoformat()


class InterviewDialog(QDialog):
    """Who was interviewed, when and how. ``interview`` None makes a new one."""

    def __init__(self, study, interview: Interview | None = None, parent=None):
        super().__init__(parent)
        self.study = study
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
        else:
            self.interview = ivs.update(self.interview.id, **values)
        super().accept()
