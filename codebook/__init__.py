"""The study: a SQLite store of participants, interviews, timed transcripts,
codes and codings, with saturation, reports and REFI-QDA exchange. No Qt.
"""
from codebook.errors import StudyError
from codebook.study import Study

__all__ = ["Study", "StudyError"]
