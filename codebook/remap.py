"""Carry text offsets across an edit, through a diff of the old and new text.

Offsets are Python code points. A position inside replaced text moves to
the edge of the replacement: a span's start to the left edge, its end to
the right, so an edited coded word stays coded.
"""
from __future__ import annotations

from difflib import SequenceMatcher
from functools import lru_cache


@lru_cache(maxsize=64)
def _opcodes(old: str, new: str) -> tuple:
    return tuple(SequenceMatcher(None, old, new, autojunk=False).get_opcodes())


def map_offset(old: str, new: str, offset: int, *, side: str = "start") -> int:
    """Where ``offset`` in ``old`` lands in ``new``.

    ``side`` says which edge of a span the offset is: for ``"start"`` a
    position inside a replaced or deleted run goes to the start of what
    replaced it, for ``"end"`` to its end. Insertions exactly at a span's
    start stay outside it; at its end they stay outside it too.
    """
    if old == new:
        return offset
    offset = max(0, min(offset, len(old)))
    for tag, i1, i2, j1, j2 in _opcodes(old, new):
        if tag == "equal":
            if i1 <= offset < i2 or (offset == i2 and side == "end"):
                return j1 + (offset - i1)
        elif tag == "insert":
            if offset == i1:
                return j1 if side == "end" else j2
        else:  # replace or delete
            if i1 <= offset < i2 or (offset == i2 and side == "end" and offset > i1):
                if offset == i1 and side == "start":
                    return j1
                return j2 if side == "end" else j1
    return len(new)


def map_span(old: str, new: str, start: int, end: int) -> tuple[int, int, bool]:
    """Map a span ``[start, end)`` of ``old`` into ``new``.

    Returns ``(start, end, lost)``; ``lost`` is True when the span had text
    and all of it was deleted (the span is then empty, kept at its place)."""
    new_start = map_offset(old, new, start, side="start")
    new_end = map_offset(old, new, end, side="end")
    if new_end < new_start:
        new_end = new_start
    lost = end > start and new_end == new_start
    return new_start, new_end, lost
