"""The UI language (:func:`set_language`, :func:`current_language`) and its translations: every ``assets/i18n/*_fa.ts`` of the project, compiled to ``.qm``
on first use, plus Qt's own Persian strings (``qtbase_fa.qm``: dialog buttons and the like).

The ``.ts`` files are the source (committed, edited with Qt Linguist or by
hand); their ``.qm`` are built with ``pyside6-lrelease`` into a cache folder
under :func:`transcribe.paths.data_dir` whenever missing or older than the ``.ts``.
"""
from __future__ import annotations

import logging
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, Qt, QTranslator

from transcribe.paths import data_dir

log = logging.getLogger(__name__)

ASSETS = Path(__file__).resolve().parent.parent / "assets"
TS_DIR = ASSETS / "i18n"
QT_CATALOGS = ("qtbase", "qtmultimedia")


def cache_dir() -> Path:
    path = data_dir() / "i18n"
    path.mkdir(parents=True, exist_ok=True)
    return path


def lrelease() -> str | None:
    """The ``pyside6-lrelease`` (or Qt's ``lrelease``) program, or None."""
    beside = Path(sys.executable).parent / "pyside6-lrelease"
    if beside.exists():
        return str(beside)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_catalogs(lang: str = "fa", ts_dir: Path = TS_DIR) -> list[Path]:
    """Compile each ``*_<lang>.ts`` to a ``.qm`` in the cache when missing or stale; returns the ``.qm`` paths.

    A catalog that cannot be compiled is skipped with a warning: the UI then
    shows those strings in English rather than failing to start."""
    out: list[Path] = []
    tool = None
    for ts in sorted(ts_dir.glob(f"*_{lang}.ts")):
        qm = cache_dir() / (ts.stem + ".qm")
        if not qm.exists() or qm.stat().st_mtime < ts.stat().st_mtime:
            tool = tool or lrelease()
            if tool is None:
                log.warning("pyside6-lrelease not found; %s stays untranslated", ts.name)
                continue
            result = subprocess.run([tool, "-silent", str(ts), "-qm", str(qm)], capture_output=True, text=True)
            if result.returncode != 0 or not qm.exists():
                log.warning("cannot compile %s: %s", ts.name, result.stderr.strip())
                continue
        out.append(qm)
    return out


_installed: list[QTranslator] = []


def install(lang: str) -> int:
    """Install the translators for ``lang`` in the running application (removing
    earlier ones); returns how many catalogs were loaded. English needs none."""
    app = QCoreApplication.instance()
    for t in _installed:
        app.removeTranslator(t)
    _installed.clear()
    if lang != "fa":
        return 0
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    files = [Path(qt_dir) / f"{name}_fa.qm" for name in QT_CATALOGS] + compile_catalogs("fa")
    for path in files:
        t = QTranslator(app)
        if path.exists() and t.load(str(path)):
            app.installTranslator(t)
            _installed.append(t)
    return len(_installed)


_current_lang = "en"


def current_language() -> str:
    """The language the UI was last set up in ('fa' or 'en')."""
    return _current_lang


def set_language(lang: str) -> None:
    """Switch the running app to ``lang``: translators, layout direction, locale (digits, calendar)."""
    global _current_lang
    _current_lang = "fa" if lang == "fa" else "en"
    app = QCoreApplication.instance()
    if hasattr(app, "setFont"):  # a QApplication: every widget draws in the bundled Vazirmatn
        from desktop.fonts import use_bundled_font

        use_bundled_font(app)
    install(_current_lang)
    if _current_lang == "fa":
        QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def worded(exc: BaseException) -> str:
    """The sentence for ``exc`` in the UI language (the store's and transcription's errors in Persian too)."""
    from desktop.messages import word

    return word(exc, _current_lang)
