"""The bundled Vazirmatn font for every widget of the app.

Vazirmatn (assets/fonts, OFL) has Persian and Latin glyphs and Persian digits.
It is registered once and made the application font, so views, headers,
delegates, menus and tab bars all draw with it; without it a view may fall
back to whatever the system has (often a font with no or poor Persian
glyphs). :func:`use_bundled_font` runs whenever the UI language is set, so any
way into the app (the app itself, a test, a screenshot script) gets it.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

FONTS = Path(__file__).resolve().parent.parent / "assets" / "fonts"
# Families with Persian glyphs, tried in order when Vazirmatn cannot be loaded.
FALLBACK_FAMILIES = ("Vazirmatn", "Noto Sans Arabic", "Noto Naskh Arabic", "DejaVu Sans", "Tahoma", "Segoe UI")
MIN_POINT_SIZE = 10.0

_family: str | None = None


def load_fonts() -> str:
    """Register the bundled Vazirmatn TTFs (once); returns the family to use for the UI."""
    global _family
    if _family is not None:
        return _family
    families: list[str] = []
    for ttf in sorted(FONTS.glob("*.ttf")):
        fid = QFontDatabase.addApplicationFont(str(ttf))
        if fid >= 0:
            families += QFontDatabase.applicationFontFamilies(fid)
    available = set(QFontDatabase.families()) | set(families)
    _family = next((f for f in FALLBACK_FAMILIES if f in available), QApplication.font().family())
    return _family


def use_bundled_font(app: QApplication | None = None) -> QFont:
    """Make Vazirmatn the font of every widget (clearing per-class fonts a platform
    theme may have set for views, headers or menus); returns the font."""
    app = app or QApplication.instance()
    family = load_fonts()
    font = QFont(app.font())
    if font.family() == family and font.pointSizeF() >= MIN_POINT_SIZE:
        return font
    font.setFamilies([family])
    font.setPointSizeF(max(font.pointSizeF(), MIN_POINT_SIZE))
    app.setFont(font)  # also drops class-specific fonts
    return font
