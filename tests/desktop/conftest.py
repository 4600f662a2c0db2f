"""Fixtures of the desktop tests: the demo study opened in a StudyContext, the editor on it."""
from __future__ import annotations

import pytest


@pytest.fixture
def ctx(demo_path, qapp):
    from codebook import Study
    from desktop.app import set_language
    from desktop.context import StudyContext

    set_language("en")
    study = Study.open(demo_path)
    context = StudyContext(study)
    yield context
    study.close()


@pytest.fixture
def editor(ctx, qtbot):
    from desktop.transcript import TranscriptEditor

    ed = TranscriptEditor(ctx)
    qtbot.addWidget(ed)
    ed.resize(1100, 700)
    ed.show()
    qtbot.waitExposed(ed)
    yield ed
    ed.shutdown()


def wait_until(qtbot, predicate, timeout=5000):
    qtbot.waitUntil(predicate, timeout=timeout)


@pytest.fixture
def accept_dialog():
    """``accept_dialog(fill=None)``: the next modal dialog opened is answered as a person would,
    ``fill(dialog)`` first (to change its fields), then OK. Returns a list that receives the dialog."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    def arm(fill=None) -> list:
        seen: list = []

        def answer():
            dialog = QApplication.activeModalWidget()
            if dialog is None:
                QTimer.singleShot(10, answer)
                return
            seen.append(dialog)
            if fill is not None:
                fill(dialog)
            dialog.accept()

        QTimer.singleShot(0, answer)
        return seen

    return arm
