"""The QApplication as Mosahebeh sets it up: names, the Persian font, the
language (translators, right-to-left layout, Persian digits)."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop.fonts import FALLBACK_FAMILIES, FONTS, load_fonts, use_bundled_font  # noqa: F401  (were here)
from desktop.i18n import current_language, set_language  # the app's language, set up here

ICONS = Path(__file__).resolve().parent.parent / "assets" / "icons"


def make_app(lang: str | None = None, argv: list[str] | None = None) -> QApplication:
    """Create (or reuse) the application and set it up in ``lang`` (default: the settings)."""
    app = QApplication.instance() or QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName("Mosahebeh")
    app.setApplicationName("Mosahebeh")
    app.setApplicationDisplayName("Mosahebeh")
    icon = ICONS / "mosahebeh.svg"
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    use_bundled_font(app)
    if lang is None:
        from desktop.settings import Settings
        lang = Settings().language
    set_language(lang)
    return app


def explain(exc: BaseException) -> str:
    """One sentence for a person about an error that reached the top of the app."""
    import errno

    from PySide6.QtCore import QCoreApplication

    from codebook.errors import StudyError, StudyFullError, StudyLockedError, StudyReadOnlyError
    from transcribe.errors import TranscribeError

    def tr(text: str) -> str:
        return QCoreApplication.translate("ErrorReport", text)

    full = tr("The disk is full: the last change could not be saved. Free some space and do it again; "
              "everything saved before is kept.")
    if isinstance(exc, StudyFullError):
        return full
    if isinstance(exc, StudyLockedError):
        return tr("The study is busy in another program; the last change was not saved. Try again in a moment.")
    if isinstance(exc, StudyReadOnlyError):
        return tr("The study folder is read-only: changes cannot be saved there.")
    if isinstance(exc, (StudyError, TranscribeError)):
        from desktop.messages import word

        return word(exc, current_language())
    if isinstance(exc, OSError) and exc.errno == errno.ENOSPC:
        return full
    return tr("Something went wrong (%1). What was saved before is kept.").replace(
        "%1", f"{type(exc).__name__}: {exc}")


def install_error_report(parent=None) -> None:
    """Show errors that reach the event loop in a message box (and on stderr) instead of losing them.

    The box opens from the event loop, never inside the failing call (an error
    in a view's paint would otherwise open boxes within boxes), and the same
    message waiting twice is shown once."""
    import traceback

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QMessageBox

    pending: list[str] = []
    showing = [False]

    def show_pending() -> None:
        if showing[0]:
            return
        showing[0] = True
        try:
            while pending:
                QMessageBox.warning(parent, "Mosahebeh", pending.pop(0))
        finally:
            showing[0] = False

    def report(kind, value, tb):
        traceback.print_exception(kind, value, tb)
        if QApplication.instance() is None or issubclass(kind, KeyboardInterrupt):
            return
        message = explain(value)
        if message not in pending:
            pending.append(message)
            QTimer.singleShot(0, show_pending)

    sys.excepthook = report


_windows: list = []


def keep(window) -> None:
    """Hold a reference to a top-level window so it is not garbage-collected, until Qt deletes it."""
    _windows.append(window)
    window.destroyed.connect(lambda *_: _windows.remove(window) if window in _windows else None)
