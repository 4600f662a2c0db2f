"""The headless commands read the coder's name from the app's settings file without Qt
(``desktop.cli._settings``): whatever name the app stores through QSettings reads back the same."""
from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QSettings

from desktop.cli._settings import coder_name, read_setting

NAMES = st.text(st.characters(blacklist_categories=("Cs", "Cc")), max_size=30)


@settings(max_examples=150, deadline=None)
@given(name=NAMES, other=NAMES)
def test_a_name_stored_by_qsettings_reads_back_the_same(name, other):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "settings.ini"
        q = QSettings(str(path), QSettings.Format.IniFormat)
        q.setValue("ui/language", "fa")
        q.setValue("coding/coder", " ".join(name.split()))  # as Settings.coder_name stores it
        q.setValue("coding/other", other)
        q.sync()
        assert coder_name(path) == " ".join(name.split())
        assert read_setting("coding/other", path) == other


def test_no_file_or_no_name_is_no_coder(tmp_path):
    assert coder_name(tmp_path / "missing.ini") == ""
    (tmp_path / "settings.ini").write_text("[ui]\nlanguage=fa\n", encoding="utf-8")
    assert coder_name(tmp_path / "settings.ini") == ""
