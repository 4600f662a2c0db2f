"""The study: a SQLite store of participants, interviews, timed transcripts,
codes and codings, with saturation, reports and REFI-QDA exchange. No Qt.

``Study`` is loaded on first use, so the pure modules (``codebook.saturation``,
``codebook.dates``) import without the store's libraries (sqlite-utils).
"""
from codebook.errors import StudyError, StudyLockedError

__all__ = ["Study", "StudyError", "StudyLockedError"]


def __getattr__(name: str):
    if name == "Study":
        from codebook.study import Study
        return Study
    raise AttributeError(f"module 'codebook' has no attribute {name!r}")
