"""Pseudonymisation on export: every name that must not leave the study replaced
in every text an export writes, with a report of what was replaced and of what
looked like a name but was not replaced.

What is replaced (:meth:`Replacer.for_study`):

* the study's replacement list: glossary terms with a replacement;
* each participant's real name, by their pseudonym, and each contact (a phone
  number, an e-mail address) by ``[…]``. The real names and contacts are read
  here and nowhere else in an export, only to be replaced.

How a name is matched: through the Persian folding that find uses
(:func:`transcribe.normalize.fold`, :class:`transcribe.find.Folded`), so a name
written with a ZWNJ, two spaces, a no-break space or a line break between its
words, written apart or together («محمد رضا» / «محمدرضا»), with diacritics,
tatweel, ZWJ, soft hyphen, presentation forms, Arabic ي/ك/ة, «رضائی» for
«رضایی», or in another Latin case is found. Before folding, letters that only
look alike are taken as one (:data:`LOOKALIKES`: «آ» as «ا», «ڪ» as «ک», «ە» as
«ه», Cyrillic and Greek letters shaped like Latin ones). A phone number matches
whatever separates its digits, in Persian or Latin digits, with or without the
country code.

A match is replaced when it is a whole word (a ZWNJ suffix such as «مریم‌ها»
still is). What is *not* replaced but should be checked by a person is kept as
a :class:`NearMiss`: a name inside a longer word, a word one letter away from a
name, a part of a participant's real name standing alone.

Another module that sends study text out (a language model's prompt) replaces
names with the same call the exports use:

>>> r = Replacer({"مریم": "م."})
>>> r.text("مريم گفت")
'م. گفت'
>>> r.text("آن روز «مریـــم» آمد")
'آن روز «م.» آمد'

For a study: ``Replacer.for_study(study).text(s)``.
"""
from __future__ import annotations

import bisect
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from transcribe.find import Folded, query_key
from transcribe.normalize import search_key

# Letters that look like another and are taken as it before folding (one character for one:
# offsets stay those of the text).
LOOKALIKES = str.maketrans({
    "\u0622": "\u0627",  # آ -> ا  («ارش» for «آرش»)
    "\u06aa": "\u06a9",  # ڪ swash kaf -> ک
    "\u06d5": "\u0647",  # ە ae -> ه
    "\u06c5": "\u0648", "\u06c6": "\u0648", "\u06c7": "\u0648", "\u06c8": "\u0648", "\u06cb": "\u0648",  # ۅ ۆ ۇ ۈ ۋ -> و
    "\u06cd": "\u06cc", "\u06ce": "\u06cc", "\u06d0": "\u06cc", "\u06d2": "\u06cc",  # ۍ ێ ې ے -> ی
    "\u0672": "\u0627", "\u0673": "\u0627",  # ٲ ٳ -> ا
    # Cyrillic shaped like Latin
    **dict(zip("АВЕЅІЈКМНОРСТУХаеѕіјорсуххԁһԛԝӏ", "ABESIJKMHOPCTYXaesijopcyxxdhqwl")),
    # Greek shaped like Latin
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧοινρτυχ", "ABEZHIKMNOPTYXoivptux")),
})
# ... and their presentation forms and compatibility variants (NFKC would only make them the lookalike)
LOOKALIKES.update({cp: LOOKALIKES[ord(n)] for cp in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00),
                                                     *range(0xFF21, 0xFF5B)]
                   if len(n := unicodedata.normalize("NFKC", chr(cp))) == 1 and ord(n) in LOOKALIKES})
CONTACT_MASK = "[…]"
INSIDE_WORD, ONE_LETTER, NAME_PART = "inside a longer word", "one letter different", "part of a real name"
_MIN_FUZZY = 4      # a word one letter from a name is listed only for names of 4 letters or more
_PHONE_RUN = re.compile(r"[+(]?\d[\d\s\-.()/]*\d")
_TATWEEL = "\u0640"


def _wordy(ch: str) -> bool:
    return ch.isalnum() or ch == _TATWEEL or unicodedata.category(ch) == "Mn"


def _key(term: str) -> str:
    return query_key(term.translate(LOOKALIKES))


def _deletions(word: str) -> set[str]:
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


@dataclass(frozen=True)
class NearMiss:
    """Something that looks like a name on the list but was not replaced: ``found`` (as
    written) in ``place``, like ``term``, and why it was left (:data:`INSIDE_WORD`,
    :data:`ONE_LETTER`, :data:`NAME_PART`)."""
    place: str
    found: str
    term: str
    why: str

    def line(self) -> str:
        where = f" in {self.place}" if self.place else ""
        return f"«{self.found}»{where} looks like «{self.term}» ({self.why}); not replaced."


@dataclass(frozen=True)
class Replaced:
    """Text after replacement, and how to find old offsets in it."""
    text: str
    # (old_start, old_end, new_start, new_end) of each replacement, in order.
    spans: tuple[tuple[int, int, int, int], ...] = ()

    def offset(self, old: int, *, end: bool = False) -> int:
        """Where an offset of the original text is in the new text. An offset
        inside a replaced term goes to the replacement's start (or its end for
        the ``end`` of a selection)."""
        i = bisect.bisect_right([s[0] for s in self.spans], old) - 1
        if i < 0:
            return old
        o0, o1, n0, n1 = self.spans[i]
        if old >= o1:
            return n1 + (old - o1)
        if old == o0:
            return n0
        return n1 if end else n0


@dataclass
class Report:
    """What was replaced: counts per term, and per place (e.g. interview label); and the
    near-misses left for a person to check."""
    counts: Counter = field(default_factory=Counter)
    places: dict[str, Counter] = field(default_factory=dict)
    replacements: dict[str, str] = field(default_factory=dict)
    near_misses: list[NearMiss] = field(default_factory=list)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def lines(self) -> list[str]:
        """One line per term that was replaced: ``term → replacement: n``."""
        return [f"{term} → {self.replacements[term]}: {n}" for term, n in self.counts.most_common()]

    def near_lines(self) -> list[str]:
        """One line per near-miss (the same one in one place said once)."""
        return [m.line() for m in dict.fromkeys(self.near_misses)]

    def summary(self) -> str:
        if not self.total:
            text = "No names from the replacement list or the participants' real names were found in the exported text."
        else:
            text = f"Replaced {self.total} occurrence(s) of {len(self.counts)} name(s): " + "; ".join(self.lines())
        near = self.near_lines()
        if near:
            text += f"\nCheck {len(near)} place(s) that look like a name but were not replaced:\n  " + "\n  ".join(near)
        return text


class Replacer:
    """Replaces the terms of ``replacements`` (term → replacement) in text, and the
    ``people``'s real names (by pseudonym) and contacts (by ``[…]``):
    ``people`` is ``[(real name, contact, pseudonym)]``."""

    def __init__(self, replacements: dict[str, str] | None, people: list[tuple[str, str, str]] | tuple = ()):
        self.replacements: dict[str, str] = {}
        self._terms: dict[str, str] = {}         # folded key -> the term as listed
        self._parts: dict[str, str] = {}         # folded key of a part of a real name -> the real name
        self._phones: dict[str, str] = {}        # last 10 digits -> the contact as given
        for term, new in (replacements or {}).items():
            if term and term.strip() and _key(term.strip()):
                self._add(term.strip(), new)
        for real, contact, pseudonym in people:
            real = (real or "").strip()
            if real and _key(real):
                self._add(real, pseudonym or "[…]")
                words = [w for w in search_key(real.translate(LOOKALIKES)).split() if len(w) >= 3]
                if len(words) > 1:
                    for w in words:
                        self._parts.setdefault(w, real)
            for piece in re.split(r"[,;،؛\n]+", contact or ""):
                piece = piece.strip()
                digits = re.sub(r"\D", "", search_key(piece))
                if len(digits) >= 7 and not re.search(r"[^\W\d_]", search_key(piece)):
                    self._phones[digits[-10:]] = piece
                    self.replacements.setdefault(piece, CONTACT_MASK)
                elif len(_key(piece)) >= 4:
                    self._add(piece, CONTACT_MASK)
        self.report = Report(replacements=dict(self.replacements))
        # the longest first, so that «محمدرضا رضایی» wins over «محمدرضا»
        self._keys = sorted(self._terms, key=len, reverse=True)
        self._fuzzy: dict[str, str] = {}  # a name, and each of it with one letter left out -> the name
        for k in self._keys:
            if len(k) >= _MIN_FUZZY:
                for d in _deletions(k):
                    self._fuzzy.setdefault(d, k)

    def _add(self, term: str, new: str) -> None:
        key = _key(term)
        if key not in self._terms:
            self._terms[key] = term
            self.replacements[term] = new

    @classmethod
    def for_study(cls, study, enabled: bool = True) -> Replacer:
        """The study's names to replace: glossary terms with a replacement, and every
        participant's real name and contact; or none when not ``enabled``."""
        if not enabled:
            return cls({})
        people = [(r[0], r[1], r[2]) for r in study.db.execute(
            "SELECT i.real_name, i.contact, p.pseudonym FROM identities i "
            "JOIN participants p ON p.id = i.participant_id ORDER BY p.id")]
        return cls(study.glossary.replacements(), people)

    def __bool__(self) -> bool:
        return bool(self._terms or self._phones)

    # -- matching ------------------------------------------------------------------

    def _near(self, place: str | None, found: str, key: str, why: str) -> None:
        self.report.near_misses.append(NearMiss(place or "", found, self._terms.get(key) or key, why))

    def apply(self, text: str, place: str | None = None) -> Replaced:
        """``text`` with every listed name replaced; counts and near-misses go to :attr:`report`."""
        if not self or not text:
            return Replaced(text)
        looked = text.translate(LOOKALIKES)
        sk = search_key(looked)
        compact = sk.replace(" ", "")
        hits = [k for k in self._keys if k in compact]
        phones = bool(self._phones) and _PHONE_RUN.search(sk) is not None
        found: list[tuple[int, int, str]] = []  # (start, end, term) to replace
        folded = Folded(looked) if hits or phones else None
        if folded is not None:
            taken: list[tuple[int, int]] = []

            def free(a: int, b: int) -> bool:
                return all(b <= x or a >= y for x, y in taken)

            for key in hits:
                for a, b in folded.spans(key):
                    if not free(a, b):
                        continue
                    whole = (a == 0 or not _wordy(looked[a - 1])) and (b == len(looked) or not _wordy(looked[b]))
                    if whole:
                        taken.append((a, b))
                        found.append((a, b, self._terms[key]))
                    else:
                        self._near(place, self._word_at(text, a, b), key, INSIDE_WORD)
            if phones:
                self._find_phones(folded, found, taken)
        self._near_words(sk, compact, place, {k for k in hits})
        if not found:
            return Replaced(text)
        found.sort()
        out, spans, last, shift = [], [], 0, 0
        for a, b, term in found:
            new = self.replacements[term]
            out.append(text[last:a])
            n0 = a + shift
            spans.append((a, b, n0, n0 + len(new)))
            out.append(new)
            shift += len(new) - (b - a)
            last = b
            self.report.counts[term] += 1
            if place is not None:
                self.report.places.setdefault(place, Counter())[term] += 1
        out.append(text[last:])
        return Replaced("".join(out), tuple(spans))

    def _find_phones(self, folded: Folded, found: list, taken: list) -> None:
        """Each contact's phone number, whatever separates its digits (runs of digits in the
        folded text, where Persian digits are ASCII), with what stands before it in its run
        (a leading 0, a country code) when that is at most 4 digits."""
        text, spans = folded.folded, folded.fold_spans
        for m in _PHONE_RUN.finditer(text):
            at = [m.start() + i for i, ch in enumerate(m.group()) if ch.isdigit()]
            digits = "".join(text[i] for i in at)
            for tail, contact in self._phones.items():
                i = digits.find(tail)
                while i >= 0:
                    first = 0 if i <= 4 else i
                    start = at[first] - (1 if first == 0 and m.group()[0] in "+(" else 0)
                    a, b = spans[start][0], spans[at[i + len(tail) - 1]][1]
                    if all(b <= x or a >= y for x, y in taken):
                        taken.append((a, b))
                        found.append((a, b, contact))
                    i = digits.find(tail, i + len(tail))

    @staticmethod
    def _word_at(text: str, a: int, b: int) -> str:
        while a > 0 and _wordy(text[a - 1]):
            a -= 1
        while b < len(text) and _wordy(text[b]):
            b += 1
        return text[a:b]

    def _near_words(self, sk: str, compact: str, place: str | None, hits: set[str]) -> None:
        words = sk.split()
        for w in words:
            if w in self._parts and w not in hits and not any(w in h for h in hits):
                self.report.near_misses.append(NearMiss(place or "", w, self._parts[w], NAME_PART))
            if len(w) < _MIN_FUZZY - 1 or w in self._terms or not self._fuzzy:
                continue
            for d in _deletions(w):
                k = self._fuzzy.get(d)
                if k is not None and k not in w and _one_edit(w, k):
                    self._near(place, w, k, ONE_LETTER)
                    break

    def text(self, text: str, place: str | None = None) -> str:
        """``text`` with every listed name replaced (the call other modules use)."""
        return self.apply(text, place).text


def _one_edit(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` are one insertion, deletion or substitution apart."""
    if a == b or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]
