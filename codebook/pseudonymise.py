"""Pseudonymisation on export: the study-wide list of names and places
(glossary terms with a replacement) replaced in transcript text, with a report.

Participants themselves only ever appear by pseudonym; their real names and
contacts (``participants.identity``) are never read here or anywhere in an
export. A term matches as a whole word (not inside a longer word; a ZWNJ
suffix such as ``مریم‌ها`` still matches), with Arabic ي/ك and Persian ی/ک
taken as the same letter.

>>> r = Replacer({"مریم": "م."})
>>> r.apply("مریم گفت").text
'م. گفت'
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field

_VARIANTS = {"ی": "[یيى]", "ي": "[یيى]", "ک": "[کكڪ]", "ك": "[کكڪ]", "ڪ": "[کكڪ]", "ه": "[هةە]", "ە": "[هةە]"}


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
    """What was replaced: counts per term, and per place (e.g. interview label)."""
    counts: Counter = field(default_factory=Counter)
    places: dict[str, Counter] = field(default_factory=dict)
    replacements: dict[str, str] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.counts.values())

    def lines(self) -> list[str]:
        """One line per term that was replaced: ``term → replacement: n``."""
        return [f"{term} → {self.replacements[term]}: {n}" for term, n in self.counts.most_common()]

    def summary(self) -> str:
        if not self.total:
            return "No names from the replacement list were found in the exported text."
        return f"Replaced {self.total} occurrence(s) of {len(self.counts)} name(s): " + "; ".join(self.lines())


class Replacer:
    """Replaces the terms of ``replacements`` (term → replacement) in text."""

    def __init__(self, replacements: dict[str, str] | None):
        self.replacements = {t.strip(): r for t, r in (replacements or {}).items() if t and t.strip()}
        self.report = Report(replacements=dict(self.replacements))
        self._keys: dict[str, str] = {}
        if self.replacements:
            alternatives = []
            for term in sorted(self.replacements, key=len, reverse=True):
                alternatives.append("".join(_VARIANTS.get(ch, re.escape(ch)) for ch in term))
            self._pattern = re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)")
            self._fold = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ڪ": "ک", "ة": "ه", "ە": "ه"})
            self._keys = {t.translate(self._fold): t for t in self.replacements}
        else:
            self._pattern = None

    @classmethod
    def for_study(cls, study, enabled: bool = True) -> Replacer:
        """The study's replacement list (glossary terms with a replacement), or none."""
        return cls(study.glossary.replacements() if enabled else {})

    def __bool__(self) -> bool:
        return self._pattern is not None

    def apply(self, text: str, place: str | None = None) -> Replaced:
        if self._pattern is None or not text:
            return Replaced(text)
        out, spans, last, shift = [], [], 0, 0
        for m in self._pattern.finditer(text):
            term = self._keys.get(m.group(0).translate(self._fold), m.group(0))
            new = self.replacements.get(term, m.group(0))
            out.append(text[last:m.start()])
            n0 = m.start() + shift
            spans.append((m.start(), m.end(), n0, n0 + len(new)))
            out.append(new)
            shift += len(new) - (m.end() - m.start())
            last = m.end()
            self.report.counts[term] += 1
            if place is not None:
                self.report.places.setdefault(place, Counter())[term] += 1
        if not spans:
            return Replaced(text)
        out.append(text[last:])
        return Replaced("".join(out), tuple(spans))

    def text(self, text: str, place: str | None = None) -> str:
        return self.apply(text, place).text
