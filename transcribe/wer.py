"""Word and character error rates of a machine draft against corrected text.

The rule, stated beside every figure (:data:`NORMALISATION_NOTE`): both texts
go through the Persian search normalisation first
(:func:`transcribe.normalize.search_key`: Arabic/Persian letter variants,
ezafe and hamza spellings, Persian/Arabic digits and diacritics folded),
punctuation is ignored, and **a word break written as a space, a ZWNJ or
nothing at all does not count**: «او به کتابخانه می رود» against «او به
کتاب‌خانه می‌رود» is WER 0.

Words: a ZWNJ joins a word (می‌رود is one word); a separate «می»/«نمی» joins the
word after it and «ها»/«های»/«هایی»/«تر»/«ترین» the word before it; then
neighbouring words whose joined form is a word somewhere in either text are
joined (کتاب خانه → کتابخانه when کتابخانه occurs), in both texts alike, so
only real word differences remain.
Characters are counted without spaces, so word breaks never count there either.

>>> rates = error_rates("کتاب‌خانه بسته بود", "كتابخانه بسته شد")
>>> round(rates.wer, 3), round(rates.cer, 3)
(0.333, 0.133)
>>> error_rates("او به کتاب‌خانه می‌رود", "او به کتابخانه می رود").wer
0.0
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from transcribe.normalize import ZWNJ, canonical, search_key

_EZAFE_ZWNJ = re.compile("\u0647\u200c\u06cc(?![^\\W_])")

NORMALISATION_NOTE = ("Persian-normalised: letter variants (ي/ی ك/ک), ezafe and hamza spellings, digits and "
                      "diacritics folded; punctuation ignored; a word break written as a space, a ZWNJ or nothing "
                      "does not count")


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
    text = _EZAFE_ZWNJ.sub("\u0647 \u06cc", canonical(text))  # «خانه‌ی» is «خانهٔ», not one word «خانهی»
    text = search_key(text.replace(ZWNJ, ""))
    return re.sub(r"\s+", " ", _strip_punctuation(text)).strip()


_MAX_JOIN = 4  # words joined at most into one


# The verb prefix and the plural/comparative suffixes are always one word with their stem
# (می‌رود, کتاب‌ها, بزرگ‌تر), however the break is written.
_PREFIXES = {"می", "نمی"}
_SUFFIXES = {"ها", "های", "هایی", "تر", "ترین"}


def _join_word_breaks(words: list[str], known: set[str]) -> list[str]:
    """``words`` with neighbours joined, longest first, where the joined form is in
    ``known``; a separate «می»/«نمی» is joined to the word after it, a separate
    «ها»/«های»/«هایی»/«تر»/«ترین» to the word before it."""
    out: list[str] = []
    i, n = 0, len(words)
    while i < n:
        if words[i] in _PREFIXES and i + 1 < n:
            words = words[:i] + [words[i] + words[i + 1]] + words[i + 2:]
            n -= 1
            continue
        if words[i] in _SUFFIXES and out:
            out[-1] += words[i]
            i += 1
            continue
        for k in range(min(_MAX_JOIN, n - i), 1, -1):
            joined = "".join(words[i:i + k])
            if joined in known:
                out.append(joined)
                i += k
                break
        else:
            out.append(words[i])
            i += 1
    return out


def words_of(reference: str, hypothesis: str) -> tuple[list[str], list[str]]:
    """The two texts as the word error rate compares them (see the module's rule)."""
    ref, hyp = normalise(reference).split(), normalise(hypothesis).split()
    known = set(ref) | set(hyp)
    return _join_word_breaks(ref, known), _join_word_breaks(hyp, known)


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
    ref_words, hyp_words = words_of(reference, hypothesis)
    ref_chars, hyp_chars = ref.replace(" ", ""), hyp.replace(" ", "")
    word_errors = edit_distance(ref_words, hyp_words)
    char_errors = edit_distance(ref_chars, hyp_chars)
    return ErrorRates(
        wer=word_errors / len(ref_words) if ref_words else float(bool(hyp_words)),
        cer=char_errors / len(ref_chars) if ref_chars else float(bool(hyp_chars)),
        word_errors=word_errors, ref_words=len(ref_words), char_errors=char_errors, ref_chars=len(ref_chars))
