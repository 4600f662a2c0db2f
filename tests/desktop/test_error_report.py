"""Errors that reach the event loop are told to the researcher in a sentence, in their language."""
import errno
import sys

from codebook.errors import StudyError, StudyFullError, StudyLockedError, StudyReadOnlyError


def test_errors_are_explained_in_a_sentence(qapp):
    from desktop.app import explain, set_language

    set_language("en")
    assert explain(StudyError("No study at /x.")) == "No study at /x."
    assert explain(StudyFullError("full")).startswith("The disk is full")
    assert explain(OSError(errno.ENOSPC, "No space left on device")).startswith("The disk is full")
    assert "read-only" in explain(StudyReadOnlyError("read-only"))
    assert "busy in another program" in explain(StudyLockedError("locked"))
    assert "ValueError: odd" in explain(ValueError("odd"))
    set_language("fa")
    try:
        assert explain(StudyFullError("full")).startswith("دیسک پر است")
    finally:
        set_language("en")


def test_a_full_disk_while_editing_shows_a_message_and_keeps_saved_work(ctx, qtbot, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from desktop.app import install_error_report

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # restored after the test
    install_error_report()
    seg = ctx.study.transcripts.segments(1)[0]
    ctx.study.db.execute("PRAGMA max_page_count = 1")  # the database cannot grow: as if the disk were full
    try:
        try:
            ctx.study.memos.add("x" * 100_000)
        except StudyFullError:  # the store's own error, not sqlite3's
            sys.excepthook(*sys.exc_info())
    finally:
        ctx.study.db.execute("PRAGMA max_page_count = 1073741823")
    sys.excepthook(StudyFullError, StudyFullError("full"), None)
    qtbot.waitUntil(lambda: bool(shown))  # shown from the event loop, not inside the failing call
    assert len(shown) == 1 and shown[0].startswith("The disk is full")  # the same message once
    assert ctx.study.transcripts.segment(seg.id).text == seg.text  # saved work untouched
