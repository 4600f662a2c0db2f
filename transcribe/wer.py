"""Word and character error rates of a machine draft against corrected text.

Both texts go through the Persian search normalisation first
(:func:`transcribe.normalize.search_key`: Arabic/Persian letter variants,
Persian/Arabic digits, diacritics and spacing folded; ZWNJ removed), so that a
correction which only changes ي to ی or a space to a ZWNJ is not counted as
an error. Words are split at white space; characters are counted without
spaces (:func:`~transcribe.normalize.compact_key`), so word-break spelling
(کتاب‌خانه / کتابخانه) never counts. Punctuation is removed before both.

>>> rates = error_rates("کتاب‌خانه بسته بود", "كتابخانه بسته شد")
>>> round(rates.wer, 3), round(rates.cer, 3)
(0.333, 0.133)
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import Sequence

from transcribe.normalize import ZWNJ, search_key

NORMALISATION_NOTE = ("Persian-normalised: ي/ی ك/ک, digits, diacritics and spaces folded, ZWNJ removed, "
                      "punctuation ignored")


@dataclass(frozen=True)
class ErrorRates:
    wer: float           # word errors / reference words
    cer: float           # character errors / reference characters (spaces not counted)
    word_errors: int
    ref_words: int
    char_errors: int
    ref_chars: int

    def to_dict(self) -> dict:
        return {"wer": self.wer, "cer": self.cer, "word_errors": self.word_errors, "ref_words": self.ref_words,
                "char_errors": self.char_errors, "ref_chars": self.ref_chars, "normalisation": NORMALISATION_NOTE}


def _strip_punctuation(text: str) -> str:
    return "".join(" " if unicodedata.category(ch).startswith("P") else ch for ch in text)


def normalise(text: str) -> str:
    """The text as the error rates compare it: ZWNJ removed (a half-space joins
    a word, it does not split it), then :func:`search_key`, punctuation dropped."""
    text = search_key(text.replace(ZWNJ, ""))
    return re.sub(r"\s+", " ", _strip_punctuation(text)).strip()


def edit_distance(ref: Sequence, hyp: Sequence) -> int:
    """Levenshtein distance between two sequences of hashable items.

    Myers' bit-parallel algorithm (Hyyrö's form for edit distance) with Python
    integers as bit vectors: one pass over ``hyp`` with a few big-integer
    operations each, so two 40,000-character transcripts take about a second."""
    m = len(ref)
    if m == 0:
        return len(hyp)
    if not hyp:
        return m
    peq: dict = {}
    for i, item in enumerate(ref):
        peq[item] = peq.get(item, 0) | (1 << i)
    full = (1 << m) - 1
    high = 1 << (m - 1)
    pv, mv, score = full, 0, m
    for item in hyp:
        eq = peq.get(item, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | (~(xh | pv) & full)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = ((ph << 1) | 1) & full
        mh = (mh << 1) & full
        pv = mh | (~(xv | ph) & full)
        mv = ph & xv
    return score


def error_rates(reference: str, hypothesis: str) -> ErrorRates:
    """WER and CER of ``hypothesis`` (the machine draft) against ``reference`` (the corrected text)."""
    ref, hyp = normalise(reference), normalise(hypothesis)
    ref_words, hyp_words = ref.split(), hyp.split()
    ref_chars, hyp_chars = ref.replace(" ", ""), hyp.replace(" ", "")
    word_errors = edit_distance(ref_words, hyp_words)
    char_errors = edit_distance(ref_chars, hyp_chars)
    return ErrorRates(
        wer=word_errors / len(ref_words) if ref_words else float(bool(hyp_words)),
        cer=char_errors / len(ref_chars) if ref_chars else float(bool(hyp_chars)),
        word_errors=word_errors, ref_words=len(ref_words), char_errors=char_errors, ref_chars=len(ref_chars))
