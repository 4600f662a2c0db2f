"""Choices an older version kept in Qt's default settings place come into the settings file once."""
from __future__ import annotations


def test_old_choices_are_carried_over_once_and_never_over_new_ones(qapp, tmp_path, monkeypatch):
    from PySide6.QtCore import QSettings

    from desktop.settings import Settings

    monkeypatch.setenv("MOSAHEBEH_DATA_DIR", str(tmp_path / "data"))
    old = QSettings("Mosahebeh", "Mosahebeh")  # where older versions wrote (the test's own config folder)
    old.setValue("recording/mic", "USB headset")
    old.setValue("recording/remote", "Monitor of speakers")
    old.setValue("transcription/language", "auto")
    old.setValue("player/rate", 1.5)  # never kept there by a release: not carried
    old.sync()
    new = QSettings(str(tmp_path / "data" / "settings.ini"), QSettings.Format.IniFormat)
    new.setValue("recording/remote", "chosen since")
    new.sync()
    try:
        s = Settings()
        assert s.q.value("recording/mic") == "USB headset"
        assert s.q.value("recording/remote") == "chosen since"
        assert s.q.value("transcription/language") == "auto"
        assert not s.q.contains("player/rate")
        s.q.remove("recording/mic")  # a choice cleared here stays cleared
        assert not Settings().q.contains("recording/mic")
    finally:
        old.clear()
        old.sync()
