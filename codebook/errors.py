"""Errors a person can act on. Their text is shown as is, in the app and on the command line."""


class StudyError(Exception):
    """A clear, user-facing problem with a study, a file or an option."""


class StudyLockedError(StudyError):
    """Another process holds a write lock on the study for too long."""


class StudyReadOnlyError(StudyError):
    """An edit of a study opened read-only (read-only media, no write permission)."""
