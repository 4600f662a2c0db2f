"""Persian text normalisation.

Different jobs, kept apart on purpose:

* :func:`search_key` folds spelling variants so that text can be *matched*:
  a search for ``كتابخانه`` (Arabic kaf and yeh, no ZWNJ) finds ``کتاب‌خانه``.
  The result is for indexes and comparisons only; it is never shown.
  :func:`fold` is the same folding with, for every folded character, the span
  of the original text it came from (find and replace use it).
* :func:`clean_display` tidies Whisper output for *display* without changing
  what was said: Arabic ي/ك/ھ become Persian ی/ک/ه, wrong joiners become ZWNJ
  and stray spaces around ZWNJ go.
* :func:`canonical` is the storage form of every text the study keeps:
  NFC with LF line ends, and a zero-width space, ZWJ, soft hyphen or BOM typed
  between two Persian letters (in place of a ZWNJ) written as the ZWNJ it
  means. Offsets into stored text are Python code points over this form.

The pairs the folding makes equal (each is tested both ways in
``tests/transcribe/test_transcribe_normalize.py``):

========================  ==========================================
ezafe                     خانهٔ من = خانه‌ی من = خانه ی من = خانۀ من
hamza                     مسئله = مسأله = مساله; مسئول = مسؤول = مسوول;
                          رئیس = رییس; مسائل = مسایل; اشیاء = اشیا
word breaks               کتاب‌خانه = کتاب خانه (and = کتابخانه in :func:`compact_key`)
wrong joiners             U+200B, U+200D, U+00AD, U+FEFF = ZWNJ
letters                   ي ى = ی; ك ڪ = ک; ھ ة ۀ ە = ه; أ إ ٱ = ا; ؤ = و
digits, decimal point     ۲٫۵ = ٢٫٥ = 2.5; ۱٬۰۰۰ = 1,000
========================  ==========================================
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

ZWNJ = "\u200c"
# Characters typed or pasted where a ZWNJ was meant.
WRONG_JOINERS = "\u200b\u200d\u00ad\ufeff"

# Bump when the folding changes: stored search columns are rebuilt on open.
FOLD_VERSION = 3

# One character to what it folds to ("" drops it). ئ and ء are decided by
# their neighbours in fold(); a space stands for every word break.
_FOLD_CHAR = {
    "\u064a": "\u06cc",  # ي Arabic yeh -> ی
    "\u0649": "\u06cc",  # ى alef maksura -> ی
    "\u0643": "\u06a9",  # ك Arabic kaf -> ک
    "\u06aa": "\u06a9",  # ڪ swash kaf (Sindhi/Urdu layouts) -> ک
    "\u06d5": "\u0647",  # ە ae (Kurdish layouts type it for a final heh) -> ه; matching only, shown as typed
    "\u06be": "\u0647",  # ھ heh doachashmee -> ه
    "\u06c1": "\u0647",  # ہ heh goal -> ه
    "\u0629": "\u0647",  # ة teh marbuta -> ه
    "\u06c0": "\u0647",  # ۀ heh with yeh above (ezafe) -> ه
    "\u0623": "\u0627",  # أ -> ا
    "\u0625": "\u0627",  # إ -> ا
    "\u0671": "\u0627",  # ٱ alef wasla -> ا
    "\u0624": "\u0648",  # ؤ -> و
    "\u066b": ".",       # ٫ Persian decimal separator
    "\u066c": ",",       # ٬ Persian thousands separator
    "\u0640": "",        # tatweel
    "\u200e": "",        # LRM
    "\u200f": "",        # RLM
    "\u061c": "",        # Arabic letter mark
    "\u2066": "", "\u2067": "", "\u2068": "", "\u2069": "",  # isolates
    ZWNJ: " ",
    **{j: " " for j in WRONG_JOINERS},
    **{chr(0x06F0 + i): str(i) for i in range(10)},
    **{chr(0x0660 + i): str(i) for i in range(10)},
}
# Harakat, tanwin, shadda, sukun, superscript alef, hamza above/below marks.
_HARAKAT = re.compile("[\u064b-\u065f\u0670\u06d6-\u06ed]")
_YEH_HAMZA, _HAMZA, _ALEF, _YEH, _WAW, _HEH = "\u0626", "\u0621", "\u0627", "\u06cc", "\u0648", "\u0647"
# A base character and the combining marks after it: folded as one piece.
_CLUSTER = re.compile(r".[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]*", re.S)
_MARK = re.compile(r"[\u0300-\u036f\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed]")


def _clusters(text: str):
    """(cluster, start, end) of ``text``: a character and the combining marks after it."""
    if _MARK.search(text) is None:  # the usual case: every character is its own cluster
        return ((ch, i, i + 1) for i, ch in enumerate(text))
    return ((m.group(), m.start(), m.end()) for m in _CLUSTER.finditer(text))


@lru_cache(maxsize=8192)  # a text is made of few distinct clusters: fold each once
def _fold_cluster(cluster: str) -> str:
    out = []
    for ch in unicodedata.normalize("NFKC", cluster):
        ch = _FOLD_CHAR.get(ch, ch)
        if ch and _HARAKAT.match(ch):
            continue
        if ch.isspace():
            ch = " "
        out.append(ch.lower())
    return "".join(out)


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def fold(text: str) -> tuple[str, list[tuple[int, int]]]:
    """``text`` folded as :func:`search_key` folds it, and for each folded
    character the ``(start, end)`` span of ``text`` (code points) it stands for.

    A dropped character (tatweel, a mark, an ezafe «ی») is covered by the span
    of the character before it, so a match never leaves it stranded."""
    chars: list[str] = []
    spans: list[list[int]] = []
    for cluster, start, end in _clusters(text):
        folded = _fold_cluster(cluster)
        if not folded:
            if spans:
                spans[-1][1] = end
            continue
        for ch in folded:
            chars.append(ch)
            spans.append([start, end])
    # Hamza: ئ after alef is a ی (مسائل = مسایل, پائیز = پاییز); before ی or و it is
    # that letter (رئیس = رییس, مسئول = مسؤول); otherwise its alef form (مسئله = مسأله = مساله).
    # A word-final ء after alef or ه is dropped (اشیاء = اشیا, خانهء = خانه).
    n = len(chars)
    seen = chars[:]  # decide by the neighbours as written, not as already folded
    for i, ch in enumerate(seen):
        if ch == _YEH_HAMZA:
            before = seen[i - 1] if i else ""
            after = seen[i + 1] if i + 1 < n else ""
            chars[i] = _YEH if before == _ALEF else after if after in (_YEH, _WAW) else _ALEF
        elif ch == _HAMZA and i and seen[i - 1] in (_ALEF, _HEH) and (i + 1 == n or not _is_letter(seen[i + 1])):
            chars[i] = ""
    # Word breaks: one space, none at the ends.
    c2: list[str] = []
    s2: list[list[int]] = []
    for ch, span in zip(chars, spans):
        if ch == "" or (ch == " " and (not c2 or c2[-1] == " ")):
            if s2:
                s2[-1][1] = max(s2[-1][1], span[1])
            continue
        c2.append(ch)
        s2.append(span)
    if c2 and c2[-1] == " ":
        c2.pop()
        s2.pop()
    # The ezafe written «ه ی» / «ه‌ی» folds into the ه (خانه‌ی من = خانهٔ من).
    out_c: list[str] = []
    out_s: list[list[int]] = []
    i, n, folded_at = 0, len(c2), -1
    while i < n:
        if (c2[i] == " " and out_c and out_c[-1] == _HEH and folded_at != len(out_c) and i + 1 < n
                and c2[i + 1] == _YEH and (i + 2 == n or not _is_letter(c2[i + 2]))):
            out_s[-1][1] = s2[i + 1][1]  # the ه now stands for «ه‌ی»
            folded_at = len(out_c)
            i += 2
            continue
        out_c.append(c2[i])
        out_s.append(s2[i])
        i += 1
    return "".join(out_c), [(a, b) for a, b in out_s]


def search_key(text: str) -> str:
    """Fold ``text`` for matching Persian: the one function every search uses.

    NFKC; ي ى→ی, ك→ک, ھ ة ۀ→ه, أ إ ٱ→ا, ؤ→و, ئ by its neighbours (see
    :func:`fold`); the ezafe «ه‌ی» / «ه ی» / «هٔ» → ه; Persian and Arabic-Indic
    digits to ASCII, ٫→. and ٬→,; ZWNJ and the wrong joiners (U+200B, U+200D,
    U+00AD, U+FEFF) to a space; RLM/LRM, isolates and tatweel dropped; harakat
    stripped; runs of white space collapsed to one space; lower-cased.

    >>> search_key("كتاب‌خانهٔ") == search_key("کتاب خانه")
    True
    """
    text = unicodedata.normalize("NFKC", text).translate(_FOLD_TABLE)
    text = _HARAKAT.sub("", text).lower()
    text = _YEH_HAMZA_AFTER_ALEF.sub(_YEH, text)
    text = _YEH_HAMZA_BEFORE.sub(lambda m: m.group(1), text)
    text = _FINAL_HAMZA.sub("", text).replace(_YEH_HAMZA, _ALEF)
    text = _SPACES.sub(" ", text).strip()
    return _EZAFE.sub(_HEH, text)


# search_key() does with whole-string operations what fold() does character by
# character (a test holds them equal): fold() is for find, search_key() for indexing.
_FOLD_TABLE = str.maketrans(_FOLD_CHAR)
_YEH_HAMZA_AFTER_ALEF = re.compile(f"(?<={_ALEF}){_YEH_HAMZA}")
_YEH_HAMZA_BEFORE = re.compile(f"{_YEH_HAMZA}(?=([{_YEH}{_WAW}]))")
_FINAL_HAMZA = re.compile(f"(?<=[{_ALEF}{_HEH}]){_HAMZA}(?![^\\W_])")
_SPACES = re.compile(r"\s+")
_EZAFE = re.compile(f"{_HEH} {_YEH}(?![^\\W_])")


def clean_display(text: str) -> str:
    """Tidy model output for display without changing the words.

    Arabic ي/ك/ھ become Persian ی/ک/ه, wrong joiners (U+200B, U+200D, U+00AD,
    U+FEFF) become ZWNJ, spaces around a ZWNJ are removed, a ZWNJ at either
    end goes, and leading/trailing white space is trimmed. Digits,
    punctuation and harakat stay as they are.
    """
    text = canonical(text).translate(_DISPLAY_LETTERS)
    text = _SPACE_AROUND_ZWNJ.sub(ZWNJ, text)
    return text.strip().strip(ZWNJ).strip()


_DISPLAY_LETTERS = str.maketrans({"\u064a": "\u06cc", "\u0643": "\u06a9", "\u06be": "\u0647",
                                  **{j: ZWNJ for j in WRONG_JOINERS}})
_SPACE_AROUND_ZWNJ = re.compile(r"[ \t]*\u200c+[ \t]*")
# A wrong joiner between two letters of the Arabic script (a ZWJ between emoji stays).
_WRONG_JOINER = re.compile(f"(?<=[\u0600-\u06ff])[{WRONG_JOINERS}](?=[\u0600-\u06ff])")


def canonical(text: str) -> str:
    """The storage form of text: NFC, with CRLF and CR turned into LF, and a
    wrong joiner between two Persian letters written as ZWNJ (same length)."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    return _WRONG_JOINER.sub(ZWNJ, text)


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
    """A number for Persian prose: :func:`persian_digits` with the decimal separator;
    a whole number of four digits or more grouped with «٬», as the UI writes it.

    >>> fa_digits(0.25), fa_digits(1000)
    ('۰٫۲۵', '۱٬۰۰۰')
    """
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= 1000:
        value = f"{value:,}".replace(",", "\u066c")
    return persian_digits(value, decimal=True)
