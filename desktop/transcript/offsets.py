"""Offsets between Qt and the store.

Qt counts text in UTF-16 code units; the store (and Python) in code points.
A character outside the Basic Multilingual Plane (an emoji) is two units in
Qt and one in Python; ZWNJ (U+200C) is one in both.

>>> to_utf16("سلام 😀 دنیا", 7)
8
>>> from_utf16("سلام 😀 دنیا", 8)
7
"""
from __future__ import annotations


def to_utf16(text: str, offset: int) -> int:
    """The Qt position of code point ``offset`` in ``text``."""
    offset = max(0, min(offset, len(text)))
    return offset + sum(1 for ch in text[:offset] if ord(ch) > 0xFFFF)


def from_utf16(text: str, position: int) -> int:
    """The code point offset of Qt position ``position`` in ``text`` (a position
    inside a surrogate pair goes to the start of that character)."""
    units = 0
    for i, ch in enumerate(text):
        width = 2 if ord(ch) > 0xFFFF else 1
        if units + width > position:
            return i
        units += width
    return len(text)
