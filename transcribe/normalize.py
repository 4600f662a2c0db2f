"""Persian text normalisation.

Two different jobs, kept apart on purpose:

* :func:`search_key` folds spelling variants so that text can be *matched*:
  a search for ``كتابخانه`` (Arabic kaf and yeh, no ZWNJ) finds ``کتاب‌خانه``.
  The result is for indexes and comparisons only; it is never shown.
* :func:`clean_display` tidies Whisper output for *display* without changing
  what was said: Arabic ي/ك become Persian ی/ک and stray spaces around ZWNJ go.
* :func:`canonical` is the storage form of every text the study keeps:
  NFC with LF line ends. Offsets into stored text are Python code points
  over this form.
"""
from __future__ import annotations

import re
import unicodedata

ZWNJ = "\u200c"

# Arabic letters Persian writes differently, and Hamza carriers folded for search.
_SEARCH_LETTERS = str.maketrans({
    "\u064a": "\u06cc",  # ي Arabic yeh -> ی
    "\u0649": "\u06cc",  # ى alef maksura -> ی
    "\u0626": "\u06cc",  # ئ yeh with hamza -> ی
    "\u0643": "\u06a9",  # ك Arabic kaf -> ک
    "\u0629": "\u0647",  # ة teh marbuta -> ه
    "\u06c0": "\u0647",  # ۀ heh with yeh above -> ه
    "\u0623": "\u0627",  # أ -> ا
    "\u0625": "\u0627",  # إ -> ا
    "\u0671": "\u0627",  # ٱ alef wasla -> ا
    "\u0624": "\u0648",  # ؤ -> و
    "\u0640": None,      # tatweel
    "\u200e": None,      # LRM
    "\u200f": None,      # RLM
    "\u061c": None,      # Arabic letter mark
    ZWNJ: " ",
})
# Persian (U+06F0..9) and Arabic-Indic (U+0660..9) digits to ASCII.
_DIGITS = str.maketrans(
    {chr(0x06F0 + i): str(i) for i in range(10)} | {chr(0x0660 + i): str(i) for i in range(10)}
)
# Harakat, tanwin, shadda, sukun, superscript alef, hamza above/below marks.
_HARAKAT = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
_SPACES = re.compile(r"\s+")

_DISPLAY_LETTERS = str.maketrans({"\u064a": "\u06cc", "\u0643": "\u06a9"})
_SPACE_AROUND_ZWNJ = re.compile(r"[ \t]*\u200c+[ \t]*")


def search_key(text: str) -> str:
    """Fold ``text`` for matching Persian: the one function every search uses.

    NFKC; ي ى ئ→ی, ك→ک, ة ۀ→ه, أ إ ٱ→ا, ؤ→و; Persian and Arabic-Indic digits
    to ASCII; ZWNJ to a space; RLM/LRM and tatweel dropped; harakat stripped;
    runs of white space collapsed to one space; lower-cased for Latin text.

    >>> search_key("كتاب‌خانهٔ") == search_key("کتاب خانه")
    True
    """
    text = unicodedata.normalize("NFKC", text)
    # NFKC composes ه + hamza above into ۀ; fold it before stripping marks.
    text = text.translate(_SEARCH_LETTERS).translate(_DIGITS)
    text = _HARAKAT.sub("", text)
    return _SPACES.sub(" ", text).strip().lower()


def clean_display(text: str) -> str:
    """Tidy model output for display without changing the words.

    Arabic ي/ك become Persian ی/ک, spaces around a ZWNJ are removed and
    leading/trailing white space is trimmed. Digits, punctuation and
    harakat stay as they are.
    """
    text = canonical(text).translate(_DISPLAY_LETTERS)
    text = _SPACE_AROUND_ZWNJ.sub(ZWNJ, text)
    return text.strip()


def canonical(text: str) -> str:
    """The storage form of text: NFC, with CRLF and CR turned into LF."""
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def compact_key(text: str) -> str:
    """:func:`search_key` without spaces, so that word breaks written with a
    space, a ZWNJ or nothing at all (کتاب خانه, کتاب‌خانه, کتابخانه) match."""
    return search_key(text).replace(" ", "")


_TO_PERSIAN = str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹")
_TO_PERSIAN_DECIMAL = str.maketrans("0123456789.", "۰۱۲۳۴۵۶۷۸۹٫")


def persian_digits(text: object, *, decimal: bool = False) -> str:
    """``text`` (or a number) with ASCII digits written as Persian digits (۰–۹) for
    display; with ``decimal`` a ``.`` becomes the Persian decimal separator ``٫`` too.

    >>> persian_digits(12.5, decimal=True)
    '۱۲٫۵'
    """
    return str(text).translate(_TO_PERSIAN_DECIMAL if decimal else _TO_PERSIAN)


def fa_digits(value: object) -> str:
    """A number for Persian prose: :func:`persian_digits` with the decimal separator.

    >>> fa_digits(0.25)
    '۰٫۲۵'
    """
    return persian_digits(value, decimal=True)
