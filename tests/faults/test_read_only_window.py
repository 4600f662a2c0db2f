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
            w.close()
        finally:
            study.close()
