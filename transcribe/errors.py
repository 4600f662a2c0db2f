"""Errors a person can act on.

Every error carries an identifier and its values, so each front end can word it
in the UI language: the identifier is the English sentence with ``{name}``
placeholders (``template``), the values are the keyword arguments (``values``)::

    raise AudioError("Cannot read {path}: {reason}.", path=str(path), reason="not audio")

``str(error)`` is the English sentence with the values filled in (what the
command line prints in English); a catalog keyed by ``template`` gives the other
languages (``desktop/messages``). A plain sentence with no placeholders works as
before: it is its own identifier.
"""
from __future__ import annotations

from typing import Any


class WordedError(Exception):
    """An error whose sentence is a template plus values (see the module's docstring).

    >>> e = WordedError("Interview {id} has no audio.", id=7)
    >>> str(e), e.template, e.values
    ('Interview 7 has no audio.', 'Interview {id} has no audio.', {'id': 7})
    >>> str(WordedError("A plain {sentence} with braces."))
    'A plain {sentence} with braces.'
    """

    def __init__(self, template: str = "", /, **values: Any) -> None:
        self.template = template
        self.values = values
        super().__init__(self.render(template, values))

    @staticmethod
    def render(template: str, values: dict[str, Any]) -> str:
        """The template with its values filled in (unchanged when there are none)."""
        if not values:
            return template
        try:
            return template.format(**values)
        except (KeyError, IndexError, ValueError):
            return template


class TranscribeError(WordedError):
    """Base of the user-facing errors raised by :mod:`transcribe`."""


class AudioError(TranscribeError):
    """An audio file or device that cannot be read, opened or written."""


class ModelError(TranscribeError):
    """A Whisper model that cannot be found, joined, verified or loaded."""
