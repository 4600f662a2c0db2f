"""Audio in, text out: recording, decoding, Whisper transcription, Persian text.

No Qt and no database here; :mod:`codebook` and :mod:`desktop` build on it.
"""
