"""Backups in the window: the daily copy made in the background when a study opens, the
Backups dialog (list, copy now), and a restore that reopens the study as it was."""
from __future__ import annotations


def test_opening_makes_the_daily_copy_and_the_dialog_restores_one(ctx, qtbot):
    import shiboken6
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from codebook.backups import backups
    from desktop.main_window import MainWindow
    from desktop.study.backups import BackupsDialog

    folder = ctx.study.folder
    window = MainWindow(ctx)
    window.show()
    assert window.backup.wait()
    qtbot.waitUntil(lambda: len(backups(folder)) == 1)
    (daily,) = backups(folder)
    assert daily.why == "daily"
    dialog = BackupsDialog(folder, window)
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1 and dialog.table.item(0, 1).text() == "daily"
    dialog.back_up_now()
    assert dialog.table.rowCount() == 2 and dialog.status.text() == "A copy was made."
    before = [p.pseudonym for p in ctx.study.participants.list()]
    ctx.study.participants.add("پس از نسخه")  # a change after the copies
    window.restore_backup(str(daily.path))
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert not shiboken6.isValid(window)
    new = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
    assert new.ctx.study.folder == folder
    assert [p.pseudonym for p in new.ctx.study.participants.list()] == before
    assert [b.why for b in backups(folder)][0] == "restore"  # the state before the restore is kept
    new.backup.wait()
    new.close()


def test_a_damaged_study_with_backups_is_offered_its_newest_copy(ctx, qtbot, tmp_path, demo_path, monkeypatch):
    import shutil

    from PySide6.QtWidgets import QApplication, QMessageBox

    from codebook.backups import backups, make_backup
    from desktop.main_window import MainWindow

    damaged = tmp_path / "damaged.mosahebeh"
    shutil.copytree(demo_path, damaged)
    make_backup(damaged)
    (damaged / "study.db").write_bytes(b"\0" * 4096)  # a disk error, say
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a: asked.append(a[2]) or QMessageBox.StandardButton.Yes)
    window = MainWindow(ctx)
    window.switch_study(str(damaged))
    assert asked and "backups" in asked[0]
    new = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
    assert new.ctx.study.folder == damaged and new.ctx.study.participants.list()
    assert any(b.why == "damaged" for b in backups(damaged))
    new.backup.wait()
    new.close()
