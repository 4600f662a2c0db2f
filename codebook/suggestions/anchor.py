"""Anchoring a model's quote to a span of the stored text.

A quote counts only if it points at real words: exactly as stored, else through the Persian folding
(:func:`transcribe.find.find_spans`: Arabic and Persian letter forms, ZWNJ or space, harakat), else by a
near-exact alignment of the folded letters (a few letters wrong, at most one in ten), widened to whole words.
Anything else is dropped by the caller and counted.

>>> anchor("من هر روز کتاب می‌خوانم.", "کتاب می‌خوانم")
(10, 23, 'exact')
>>> anchor("من هر روز کتاب می‌خوانم.", "كتاب مي خوانم")
(10, 23, 'folded')
>>> anchor("من هر روز کتاب می‌خوانم.", "کتاب میخونم") is None
True
>>> anchor("من هر روز کتاب های زیادی می‌خوانم.", "کتابهای زیادی میخوانم")[2]
'folded'
"""
from __future__ import annotations

from transcribe.find import find_spans
from transcribe.normalize import fold

NEAR_SHARE = 0.1  # at most one folded letter in ten may differ for a near-exact alignment
NEAR_MIN = 12  # shorter quotes must match exactly or through the folding


def anchor(text: str, quote: str) -> tuple[int, int, str] | None:
    """``(start, end, how)`` of ``quote`` in ``text`` (code points), ``how`` one of ``exact``,
    ``folded``, ``near``; or None. The first occurrence wins."""
    quote = quote.strip().strip("«»\"'“”")
    if not quote or not text:
        return None
    at = text.find(quote)
    if at >= 0:
        return at, at + len(quote), "exact"
    spans = find_spans(text, quote)
    if spans:
        return spans[0][0], spans[0][1], "folded"
    near = _near(text, quote)
    if near is not None:
        return near[0], near[1], "near"
    return None


def _near(text: str, quote: str) -> tuple[int, int] | None:
    """The best approximate occurrence of the folded letters of ``quote`` in those of ``text``
    (Sellers' edit-distance search), if within :data:`NEAR_SHARE`; widened to whole words."""
    key = fold(quote)[0].replace(" ", "")
    if len(key) < NEAR_MIN:
        return None
    folded, spans = fold(text)
    letters = [i for i, ch in enumerate(folded) if ch != " "]
    hay = "".join(folded[i] for i in letters)
    m, limit = len(key), int(len(key) * NEAR_SHARE)
    if not hay or len(hay) < m - limit:
        return None
    # cost[i] = edits to match key[:i] ending at the current letter; start[i] = where that match began.
    cost = list(range(m + 1))
    start = [0] * (m + 1)
    best: tuple[int, int, int] | None = None  # (edits, start letter, end letter exclusive)
    for j, ch in enumerate(hay, 1):
        prev_cost, prev_start = cost[0], start[0]
        cost[0], start[0] = 0, j
        for i in range(1, m + 1):
            sub = prev_cost + (key[i - 1] != ch)
            dele = cost[i] + 1  # a letter of the text the quote lacks
            ins = cost[i - 1] + 1  # a letter of the quote the text lacks
            here_cost, here_start = cost[i], start[i]
            if sub <= dele and sub <= ins:
                cost[i], start[i] = sub, prev_start
            elif dele <= ins:
                cost[i], start[i] = dele, start[i]
            else:
                cost[i], start[i] = ins, start[i - 1]
            prev_cost, prev_start = here_cost, here_start
        if cost[m] <= limit and (best is None or cost[m] < best[0]):
            best = (cost[m], start[m], j)
    if best is None or best[2] <= best[1]:
        return None
    first, last = letters[best[1]], letters[best[2] - 1]
    a, b = spans[first][0], spans[last][1]
    while a > 0 and text[a - 1].isalnum():
        a -= 1
    while b < len(text) and text[b].isalnum():
        b += 1
    return a, b
