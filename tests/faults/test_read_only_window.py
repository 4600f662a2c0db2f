"""A study on read-only media opens in the app with its transcripts, and says editing is off."""
from __future__ import annotations

import shutil

import pytest

from codebook import Study
from codebook.models import NewSegment
from faults_support import CAN_MOUNT, remount_read_only, small_disk


def test_read_only_study_window_says_editing_is_off(tmp_path, qtbot):
    if not CAN_MOUNT:
        pytest.skip("a read-only remount needs root; test_cli_faults covers read-only via chmod")
    from desktop.context import StudyContext
    from desktop.main_window import MainWindow

    src = Study.create(tmp_path / "s")
    iv = src.interviews.add(None, title="مصاحبه")
    src.transcripts.add_segments(iv.id, [NewSegment(0, 1000, "متن", "")])
    src.close()
    with small_disk("4m") as disk:
        shutil.copytree(src.folder, disk / src.folder.name)
        remount_read_only(disk)
        study = Study.open(disk / src.folder.name)
        try:
            assert study.read_only == "it is on read-only media"
            w = MainWindow(StudyContext(study))
            qtbot.addWidget(w)
            w.show()
            assert "read-only: editing is off" in w.windowTitle()
            assert w.interviews.model.rowCount() == 1
            from PySide6.QtCore import Qt

            from desktop.study.interviews import COL_DATE
            assert not w.interviews.model.flags(w.interviews.model.index(0, COL_DATE)) & Qt.ItemFlag.ItemIsEditable
            assert not list(study.folder.glob("backups"))  # no copy tried on read-only media
            w.close()
        finally:
            study.close()


def test_import_dialog_says_what_it_skipped_in_persian(tmp_path, qtbot):
    from desktop.app import set_language
    from desktop.context import StudyContext
    from desktop.exchange.dialogs import ImportDialog

    study = Study.create(tmp_path / "s")
    iv = study.interviews.add(None, title="مصاحبه")
    study.interviews.update(iv.id, duration_ms=5000)
    srt = tmp_path / "a.srt"
    srt.write_text("1\n00:00:01,000 --> 00:00:02,000\nیک\n\n2\n00:00:61,000 --> 00:00:62,000\nبد\n\n"
                   "3\n00:00:04,000 --> 00:00:09,000\nبریده\n", encoding="utf-8")
    set_language("fa")
    try:
        d = ImportDialog(StudyContext(study))
        qtbot.addWidget(d)
        from codebook import exchange

        text = d.imported_text(exchange.import_file(study, srt, "srt", interview=iv.id))
    finally:
        set_language("en")
        study.close()
    assert "۲" in text and "آنچه عیناً وارد نشد" in text
    assert "(کنار گذاشته شد)" in text and "(در پایان صدا بریده شد)" in text
    assert not any(c.isascii() and c.isdigit() for c in text.replace("a.srt", "")), text
