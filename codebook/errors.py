"""Errors a person can act on. Their text is shown as is on the command line; the
app words the three store conditions below in the UI language itself.

The store turns SQLite's own errors into these (``codebook.study``), so no
front end reads ``sqlite3`` error texts.

Like :mod:`transcribe.errors`, each carries an identifier (the English template)
and its values: ``raise StudyError("Interview {id} has no audio.", id=7)``.
"""
from transcribe.errors import WordedError


class StudyError(WordedError):
    """A clear, user-facing problem with a study, a file or an option."""


class StudyLockedError(StudyError):
    """Another process holds a write lock on the study for longer than the store waits."""


class StudyFullError(StudyError):
    """The disk (or the database's size limit) is full: the last change was not saved."""


class StudyReadOnlyError(StudyError):
    """An edit of a study that cannot be written (opened read-only: read-only media, no write
    permission; or its database became read-only under it)."""
