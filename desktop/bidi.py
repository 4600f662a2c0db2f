"""Right-to-left display helpers for text the UI did not write itself.

In a right-to-left view a Latin run's trailing punctuation is laid out by the
paragraph's direction, so "Was WhatsApp used?" shows as «?Was WhatsApp used».
Marking a text that has no Persian letters as a left-to-right run (LRM at both
ends) keeps its punctuation with it. These marks are for display only:
:func:`plain` takes them off again before anything is stored.
"""
from __future__ import annotations

import re

LRM, RLM = "\u200e", "\u200f"
_ARABIC_SCRIPT = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
_LATIN = re.compile("[A-Za-z\u00c0-\u024f]")
_MARKS = re.compile("[\u200e\u200f\u2066-\u2069]")


def ltr_run(text: str, lang: str) -> str:
    """``text`` kept as one left-to-right run in a Persian UI when it is written in
    Latin letters only; Persian (or mixed) text and the English UI are left alone."""
    if lang != "fa" or not _LATIN.search(text) or _ARABIC_SCRIPT.search(text):
        return text
    return f"{LRM}{text}{LRM}"


def plain(text: str) -> str:
    """``text`` without the direction marks the display added."""
    return _MARKS.sub("", text)


def clock_pair(position: str, total: str, lang: str) -> str:
    """"position / total" read in the UI's order: in Persian the position stands on
    the right (read first), the total on the left, whatever the digits do."""
    if lang != "fa":
        return f"{position} / {total}"
    return f"{RLM}{position}{RLM} / {RLM}{total}{RLM}"


def path_run(path: object, lang: str) -> str:
    """A path (or file name) kept as one left-to-right run inside a Persian sentence; as is in English.
    Without it the slashes of ``/home/x/models`` jump to the far end of a right-to-left line."""
    return f"\u202a{path}\u202c" if lang == "fa" else str(path)


def rtl_line(text: str, lang: str) -> str:
    """A Persian sentence kept right to left when it starts with a name the user typed in Latin letters.

    A label or message box takes its direction from the first strong letter, so «Reza این را … کدگذاری
    کرده است» would be laid out left to right (full stop first); an RLM in front keeps it a Persian line.
    English, and text with no Persian letter, are left alone."""
    if lang != "fa" or not _ARABIC_SCRIPT.search(text) or text.startswith(RLM):
        return text
    return RLM + text
