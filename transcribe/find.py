"""Find and replace in plain text through the Persian folding (no Qt, no DB).

Find is tolerant of how a word break is written *inside* what it looks for:
``میرود``, ``می رود`` and ``می‌رود`` find one another. It never creates or
crosses a word boundary the query does not have: a match that takes in a word
break of the text (a space or a ZWNJ) must begin where a word begins and end
where a word ends, so ``می‌رود`` is not found in «او کمی رودخانه دید» (that
would be the end of «کمی» and the start of «رودخانه»). Within one word a query
matches as a substring (``کتاب`` in «کتابخانه»).

:func:`find_spans` gives the spans in the *original* text, so a replacement
changes exactly those characters and nothing outside them.
"""
from __future__ import annotations

from transcribe.normalize import fold


def _joins(text: str, at: int) -> bool:
    """Whether the characters either side of offset ``at`` belong to one word."""
    return 0 < at < len(text) and text[at - 1].isalnum() and text[at].isalnum()


class Folded:
    """``text`` folded once (:func:`transcribe.normalize.fold`), to look for several
    queries in it: :meth:`spans` is :func:`find_spans` without folding ``text`` again."""

    def __init__(self, text: str):
        self.text = text
        self.folded, self.fold_spans = fold(text)  # folded text, and each folded character's span of text
        self._letters = [i for i, ch in enumerate(self.folded) if ch != " "]
        self.compact = "".join(self.folded[i] for i in self._letters)

    def spans(self, key: str) -> list[tuple[int, int]]:
        """Where the folded, space-free ``key`` (see :func:`query_key`) occurs: ``[(start, end)]``."""
        if not key:
            return []
        text, spans, letters, compact = self.text, self.fold_spans, self._letters, self.compact
        out: list[tuple[int, int]] = []
        at = compact.find(key)
        while at >= 0:
            first, last = letters[at], letters[at + len(key) - 1]
            start, end = spans[first][0], spans[last][1]
            crosses_break = last - first != len(key) - 1  # a folded space lies inside the match
            if crosses_break and (_joins(text, start) or _joins(text, end)):
                at = compact.find(key, at + 1)
                continue
            out.append((start, end))
            at = compact.find(key, at + len(key))
        return out


def query_key(query: str) -> str:
    """What :class:`Folded` looks for when asked for ``query``: folded, without word breaks."""
    return fold(query)[0].replace(" ", "")


def find_spans(text: str, query: str) -> list[tuple[int, int]]:
    """Where ``query`` occurs in ``text`` through the normalisation: ``[(start, end)]``
    in code points of ``text``, not overlapping, left to right."""
    key = query_key(query)
    if not key:
        return []
    return Folded(text).spans(key)


def replace_all_text(text: str, query: str, replacement: str) -> tuple[str, int]:
    """``text`` with every match of ``query`` (see :func:`find_spans`) replaced; and how many."""
    spans = find_spans(text, query)
    return splice(text, spans, replacement), len(spans)


def splice(text: str, spans: list[tuple[int, int]], replacement: str) -> str:
    """``text`` with each of ``spans`` (not overlapping, left to right) replaced by ``replacement``.

    >>> splice("a-b-c", [(1, 2), (3, 4)], "+")
    'a+b+c'
    """
    parts, at = [], 0
    for a, b in spans:
        parts += [text[at:a], replacement]
        at = b
    return "".join(parts) + text[at:]
