"""English counts worded right: "1 category", "2 categories" (the command line's English;
the app words its counts through its translations)."""
from __future__ import annotations

_PLURALS = {"category": "categories", "copy": "copies", "stretch": "stretches"}


def counted(n: int, singular: str, plural: str | None = None) -> str:
    """``n`` with the noun in the number it takes.

    >>> counted(1, "category"), counted(3, "category"), counted(0, "code"), counted(2, "segment")
    ('1 category', '3 categories', '0 codes', '2 segments')
    """
    if n == 1:
        return f"{n} {singular}"
    return f"{n} {plural or _PLURALS.get(singular, singular + 's')}"
