"""The interview date field: a calendar popup, Jalali with Persian digits in the Persian UI
(Qt's own QCalendar), Gregorian in English, always stored as an ISO date. Used by the
interview dialog and by the interviews table, where the date is edited in place."""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCalendar, QDate, QLocale, Qt
from PySide6.QtWidgets import QDateEdit, QWidget


def date_edit(iso: str | None, lang: str, parent: QWidget | None = None) -> QDateEdit:
    """A date field with a calendar popup: Jalali with Persian digits in fa, Gregorian in en."""
    edit = QDateEdit(parent)
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
