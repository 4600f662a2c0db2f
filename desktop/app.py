"""The QApplication as Mosahebeh sets it up: names, the Persian font, the
language (translators, right-to-left layout, Persian digits)."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from desktop import i18n
from desktop.fonts import FALLBACK_FAMILIES, FONTS, load_fonts, use_bundled_font  # noqa: F401  (were here)

ICONS = Path(__file__).resolve().parent.parent / "assets" / "icons"


_current_lang = "en"


def current_language() -> str:
    """The language the UI was last set up in ('fa' or 'en')."""
    return _current_lang


def set_language(lang: str) -> None:
    """Switch the running app to ``lang``: translators, layout direction, locale (digits, calendar)."""
    global _current_lang
    _current_lang = "fa" if lang == "fa" else "en"
    app = QApplication.instance()
    use_bundled_font(app)
    i18n.install(_current_lang)
    if _current_lang == "fa":
        QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


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
    import sqlite3

    from PySide6.QtCore import QCoreApplication

    from codebook.errors import StudyError
    from transcribe.errors import TranscribeError

    def tr(text: str) -> str:
        return QCoreApplication.translate("ErrorReport", text)

    if isinstance(exc, (StudyError, TranscribeError)):
        return str(exc)
    full = tr("The disk is full: the last change could not be saved. Free some space and do it again; "
              "everything saved before is kept.")
    if isinstance(exc, sqlite3.OperationalError):
        text = str(exc).lower()
        if "full" in text:
            return full
        if "locked" in text or "busy" in text:
            return tr("The study is busy in another program; the last change was not saved. Try again in a moment.")
        if "readonly" in text or "read-only" in text:
            return tr("The study folder is read-only: changes cannot be saved there.")
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
