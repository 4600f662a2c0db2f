"""How a producer counted the character positions of a text, and turning them
into positions in the text as Python reads it (code points, BOM removed).

REFI-QDA says positions count characters of the text file. Producers differ in
what a character is, and the files in ``../shared/refi-real`` show it:

* QualCoder writes CRLF line ends but counts each as **one** character (its
  own text has LF only);
* NVivo for Windows counts a CRLF as **two** and counts **UTF-16 units**
  (an emoji is two), as .NET strings do;
* MAXQDA, ATLAS.ti and Mosahebeh count code points of the file as written.

:func:`choose` tries each way of counting on a text's selections and keeps
the one that puts most selection ends on word boundaries (ties go to the
standard's reading: code points, CRLF as two). Text without CRLF and without
characters beyond the BMP reads the same every way, so nothing is guessed
there.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

_ASTRAL = re.compile("[\U00010000-\U0010FFFF]")


@dataclass
class Counting:
    """A way of counting positions in ``text`` (BOM already removed)."""
    text: str
    crlf_one: bool = False   # a CR before an LF is not counted
    utf16: bool = False      # a character beyond the BMP counts two
    _events: list[int] = field(default_factory=list, repr=False)
    _cum: list[int] = field(default_factory=list, repr=False)

    def __post_init__(self) -> None:
        events: list[tuple[int, int]] = []
        if self.crlf_one:
            i = self.text.find("\r\n")
            while i >= 0:
                events.append((i, -1))
                i = self.text.find("\r\n", i + 2)
        if self.utf16:
            events += [(m.start(), 1) for m in _ASTRAL.finditer(self.text)]
        events.sort()
        total = 0
        for at, delta in events:
            total += delta
            self._events.append(at)
            self._cum.append(total)

    @property
    def name(self) -> str:
        return ("UTF-16 units" if self.utf16 else "code points") + (", CRLF as one" if self.crlf_one else "")

    def _units(self, i: int) -> int:
        """The producer's position of code point ``i``."""
        k = bisect.bisect_left(self._events, i)
        return i + (self._cum[k - 1] if k else 0)

    def to_text(self, pos: int) -> int:
        """The code point index where the producer's position ``pos`` falls (clamped to the text)."""
        if not self._events:
            return max(0, min(pos, len(self.text)))
        lo, hi = 0, len(self.text)
        while lo < hi:  # the first i whose producer position reaches pos
            mid = (lo + hi) // 2
            if self._units(mid) < pos:
                lo = mid + 1
            else:
                hi = mid
        return lo


def _boundary(text: str, i: int) -> bool:
    if i <= 0 or i >= len(text):
        return True
    return not (text[i - 1].isalnum() and text[i].isalnum())


def choose(text: str, spans: list[tuple[int, int]]) -> Counting:
    """The counting under which most of ``spans`` (start, end) fall on word boundaries."""
    crlf = "\r\n" in text
    astral = _ASTRAL.search(text) is not None
    candidates = [Counting(text)]
    if crlf:
        candidates.append(Counting(text, crlf_one=True))
    if astral:
        candidates.append(Counting(text, utf16=True))
        if crlf:
            candidates.append(Counting(text, crlf_one=True, utf16=True))
    if len(candidates) == 1 or not spans:
        return candidates[0]

    def score(c: Counting) -> int:
        return sum(_boundary(text, c.to_text(a)) + _boundary(text, c.to_text(b)) for a, b in spans)

    best = candidates[0]
    best_score = score(best)
    for c in candidates[1:]:
        s = score(c)
        if s > best_score:
            best, best_score = c, s
    return best
