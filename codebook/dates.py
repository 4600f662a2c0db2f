"""Dates, durations and times as people read them: Jalali with Persian digits
in Persian (the UI, exports), Gregorian with ASCII digits in English.

>>> format_date("2024-03-20", "fa")
'۱۴۰۳/۰۱/۰۱'
>>> format_clock(65_400, "en")
'01:05.4'
"""
from __future__ import annotations

from datetime import UTC, date, datetime

import jdatetime

from transcribe.normalize import persian_digits

_ASCII_DIGITS = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")


def now() -> str:
    """The current time as ISO 8601 UTC text, seconds precision (what the store writes in ``created``)."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def digits(text: str, lang: str) -> str:
    """``text`` with its ASCII digits written in Persian digits when ``lang`` is fa."""
    return persian_digits(text) if lang == "fa" else text


def parse_date(text: str | None) -> date | None:
    """An ISO date (``YYYY-MM-DD``, a longer ISO timestamp is cut) or None."""
    if not text:
        return None
    try:
        return datetime.fromisoformat(text.strip()[:10]).date()
    except ValueError:
        return None


def format_date(iso: str | None, lang: str) -> str:
    """An ISO date for display: ``1403/01/01`` (Jalali, Persian digits) or ``2024-03-20``."""
    d = parse_date(iso)
    if d is None:
        return ""
    if lang == "fa":
        j = jdatetime.date.fromgregorian(date=d)
        return digits(f"{j.year:04d}/{j.month:02d}/{j.day:02d}", lang)
    return d.isoformat()


def parse_display_date(text: str, lang: str) -> str | None:
    """The inverse of :func:`format_date`: an ISO date from what a user typed
    (Jalali ``1403/01/01`` in fa, with Persian or ASCII digits; ISO in en)."""
    text = text.strip().translate(_ASCII_DIGITS).replace("-", "/")
    if not text:
        return None
    try:
        y, m, d = (int(p) for p in text.split("/"))
        if lang == "fa" and y < 1700:
            return jdatetime.date(y, m, d).togregorian().isoformat()
        return date(y, m, d).isoformat()
    except (ValueError, TypeError):
        return None


def format_duration(ms: int | None, lang: str) -> str:
    """A length as ``h:mm:ss`` or ``m:ss``."""
    if ms is None:
        return ""
    s = round(ms / 1000)
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    text = f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}"
    return digits(text, lang)


def format_hms(ms: float) -> str:
    """A time as ``h:mm:ss`` with the hour always written, for logs and plain-text listings."""
    s = max(0, int(ms)) // 1000
    return f"{s // 3600:d}:{s // 60 % 60:02d}:{s % 60:02d}"


def format_clock(ms: int, lang: str) -> str:
    """A position in the audio with tenths: ``01:05.4`` (hours added past one hour);
    in Persian with Persian digits and the Persian decimal separator, ``۰۱:۰۵٫۴``."""
    tenths = max(0, int(ms)) // 100
    s, t = divmod(tenths, 10)
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    text = f"{h}:{m:02d}:{sec:02d}.{t}" if h else f"{m:02d}:{sec:02d}.{t}"
    return persian_digits(text, decimal=True) if lang == "fa" else text


def parse_clock(text: str) -> int | None:
    """Milliseconds from ``[h:]mm:ss[.t]`` (Persian or ASCII digits), or None."""
    text = text.strip().translate(_ASCII_DIGITS).replace("٫", ".")
    try:
        parts = [float(p) for p in text.split(":")]
    except ValueError:
        return None
    if not parts or len(parts) > 3 or any(p < 0 for p in parts):
        return None
    total = 0.0
    for p in parts:
        total = total * 60 + p
    return round(total * 1000)
