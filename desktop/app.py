"""The QApplication as Mosahebeh sets it up: names, the Persian font, the
language (translators, right-to-left layout, Persian digits)."""
from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QLocale, Qt
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication

from desktop import i18n

FONTS = Path(__file__).resolve().parent.parent / "assets" / "fonts"
ICONS = Path(__file__).resolve().parent.parent / "assets" / "icons"
# Families with Persian glyphs, tried in order when Vazirmatn cannot be loaded.
FALLBACK_FAMILIES = ("Vazirmatn", "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", "Tahoma", "Segoe UI")

_current_lang = "en"


def current_language() -> str:
    """The language the UI was last set up in ('fa' or 'en')."""
    return _current_lang


def load_fonts() -> str:
    """Register the bundled Vazirmatn TTFs; returns the family to use for the UI."""
    families: list[str] = []
    for ttf in sorted(FONTS.glob("*.ttf")):
        fid = QFontDatabase.addApplicationFont(str(ttf))
        if fid >= 0:
            families += QFontDatabase.applicationFontFamilies(fid)
    available = set(QFontDatabase.families()) | set(families)
    for family in FALLBACK_FAMILIES:
        if family in available:
            return family
    return QApplication.font().family()


def set_language(lang: str) -> None:
    """Switch the running app to ``lang``: translators, layout direction, locale (digits, calendar)."""
    global _current_lang
    _current_lang = "fa" if lang == "fa" else "en"
    app = QApplication.instance()
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
    family = load_fonts()
    font = QFont(family)
    font.setPointSizeF(max(app.font().pointSizeF(), 10.0))
    app.setFont(font)
    if lang is None:
        from desktop.settings import Settings
        lang = Settings().language
    set_language(lang)
    return app
