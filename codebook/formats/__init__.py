"""Transcripts in and out of other formats.

* :func:`import_transcript` / :func:`read_transcript`: SRT, WebVTT, plain text
  with ``[hh:mm:ss]`` stamps, noScribe HTML (:mod:`codebook.formats.read`);
* :func:`export_transcript`: TXT, DOCX (right to left), SRT, WebVTT
  (:mod:`codebook.formats.write`).
"""
from codebook.formats.read import import_transcript, read_transcript
from codebook.formats.write import export_transcript

__all__ = ["import_transcript", "read_transcript", "export_transcript"]
