"""The UI language on start: the one asked for, else the one chosen before,
else the system's when it is Persian, else ask once (Persian preselected).

Under ``LANG=C.UTF-8`` (common on servers, containers, fresh installs) the
system locale says nothing about the researcher, and the app used to open in
English. Now the first start asks, in both languages, and the answer is kept
in the settings (``ui/language``); Settings' language chooser changes it later.
A Persian system locale (``fa_IR``) is simply followed, without asking.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QRadioButton, QVBoxLayout, QWidget

LANGUAGES = ("fa", "en")


class LanguageDialog(QDialog):
    """زبان / Language: two choices, Persian preselected.

    Its texts are deliberately in both languages and not translated: it is shown
    before any language is chosen."""

    def __init__(self, parent: QWidget | None = None, preselect: str = "fa"):
        super().__init__(parent)
        self.setWindowTitle("مصاحبه — زبان / Language")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        prompt = QLabel("زبان برنامه را انتخاب کنید.\n\u2066Choose the language of the app.\u2069")
        self.persian = QRadioButton("فارسی")
        self.english = QRadioButton("English")
        self.english.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        (self.english if preselect == "en" else self.persian).setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("تأیید / OK")
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        for w in (prompt, self.persian, self.english, buttons):
            layout.addWidget(w)

    def choice(self) -> str:
        return "en" if self.english.isChecked() else "fa"


def ask_language(parent: QWidget | None = None) -> str | None:
    """Show :class:`LanguageDialog`; the choice, or None when it was closed without one."""
    dialog = LanguageDialog(parent)
    return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None


def startup_language(lang: str | None = None, settings=None,
                     ask: Callable[[], str | None] = ask_language) -> str:
    """The language to open the app in (a QApplication must exist when it may ask)."""
    if lang in LANGUAGES:
        return lang
    from desktop.settings import Settings, system_language

    settings = settings or Settings()
    stored = settings.q.value("ui/language", "")
    if stored in LANGUAGES:
        return stored
    if system_language() == "fa":
        return "fa"  # not stored: the app keeps following a Persian system
    choice = ask()
    if choice in LANGUAGES:
        settings.language = choice
        return choice
    return "fa"  # closed without answering: Persian, and ask again next time
