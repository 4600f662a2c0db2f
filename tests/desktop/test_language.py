"""The language on first start: asked once (Persian preselected) and remembered;
a Persian system locale is followed; an explicit choice always wins."""
from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt

import desktop.settings
from desktop.language import LanguageDialog, startup_language
from desktop.settings import Settings


@pytest.fixture
def settings(tmp_path, qapp):
    s = Settings()
    s.q = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    return s


@pytest.fixture
def c_locale(monkeypatch):
    """The system locale of LANG=C.UTF-8: not Persian."""
    monkeypatch.setattr(desktop.settings, "system_language", lambda: "en")


def test_first_start_asks_and_remembers(settings, c_locale):
    asked = []
    assert startup_language(None, settings, ask=lambda: asked.append(1) or "en") == "en"
    assert settings.language == "en"
    assert startup_language(None, settings, ask=lambda: asked.append(2) or "fa") == "en"  # not asked again
    assert asked == [1]


def test_closing_the_question_opens_persian_and_asks_again(settings, c_locale):
    assert startup_language(None, settings, ask=lambda: None) == "fa"
    assert settings.q.value("ui/language", "") == ""


def test_a_persian_system_is_followed_without_asking(settings, monkeypatch):
    monkeypatch.setattr(desktop.settings, "system_language", lambda: "fa")
    assert startup_language(None, settings, ask=lambda: pytest.fail("asked")) == "fa"


def test_an_explicit_language_wins(settings, c_locale):
    assert startup_language("en", settings, ask=lambda: pytest.fail("asked")) == "en"


def test_the_dialog_preselects_persian(qtbot, settings, c_locale):
    dialog = LanguageDialog()
    qtbot.addWidget(dialog)
    assert dialog.persian.isChecked() and dialog.choice() == "fa"
    assert dialog.layoutDirection() == Qt.LayoutDirection.RightToLeft
    dialog.english.click()
    assert dialog.choice() == "en"
