"""Errors a person can act on; their text is shown as is."""


class TranscribeError(Exception):
    """Base of the user-facing errors raised by :mod:`transcribe`."""


class AudioError(TranscribeError):
    """An audio file or device that cannot be read, opened or written."""


class ModelError(TranscribeError):
    """A Whisper model that cannot be found, joined, verified or loaded."""
