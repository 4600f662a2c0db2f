"""Sentences a front end words in its language (:class:`WordedText`, :class:`WordedList`): defined in
:mod:`transcribe.worded` so that every layer can use them, and offered here under the store's name."""
from transcribe.worded import WordedList, WordedText

__all__ = ["WordedList", "WordedText"]
