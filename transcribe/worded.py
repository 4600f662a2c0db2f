"""Sentences a front end words in its language, like the errors: :class:`WordedText` is a ``str``
(its English text, so code that joins or compares it is unchanged) that also carries its English
template and values, as :class:`transcribe.errors.WordedError` does::

    >>> t = WordedText("{count} GUIDs used twice", count=2)
    >>> t, t.template, t.values
    ('2 GUIDs used twice', '{count} GUIDs used twice', {'count': 2})

A value that is itself a WordedText (a fragment such as «coder {name}») is worded in turn, and a
:class:`WordedList` is joined the way the language joins a list. They live here, in the lowest layer,
so transcription's errors can carry them too; :mod:`codebook.worded` offers the same names.
``desktop.messages.word(t, "fa")`` gives the Persian; ``python -m desktop.messages.sites`` checks
every ``WordedText("…")`` of the code has its entry, as for errors.
"""
from __future__ import annotations

from typing import Any

from transcribe.errors import WordedError


class WordedText(str):
    """A sentence: its English text, with ``template`` and ``values`` for other languages."""

    template: str
    values: dict[str, Any]

    def __new__(cls, template: str, /, **values: Any) -> WordedText:
        text = super().__new__(cls, WordedError.render(template, values))
        text.template, text.values = template, values
        return text


class WordedList(str):
    """Items joined for an English sentence (``", "`` by default), keeping the items so another language
    joins them its own way (Persian «، ») and words each that is itself worded::

        >>> WordedList(["a", "b"]), WordedList(["a", "b"], " or ").parts
        ('a, b', ('a', 'b'))
    """

    parts: tuple[Any, ...]

    def __new__(cls, items: Any, sep: str = ", ") -> WordedList:
        parts = tuple(items)
        text = super().__new__(cls, sep.join(str(p) for p in parts))
        text.parts = parts
        return text


def worded_text(exc: BaseException) -> str:
    """An error's sentence kept as a :class:`WordedText` (its English text, with the error's template and
    values) for a message passed on as text, so the front end can still word it in its language."""
    template = getattr(exc, "template", None)
    if isinstance(template, str) and template:
        return WordedText(template, **(getattr(exc, "values", None) or {}))
    return str(exc)
