"""Issue #11 in the window: a text edit and a coding applied in the transcript editor, with every view
of the main window told, run the same SQL statements in a 2-interview and a 30-interview study."""
from __future__ import annotations

import pytest

from tests.scale.conftest import Statements, full_scans, middle_interview


@pytest.fixture
def windows(studies, qtbot):
    from desktop.app import set_language
    from desktop.context import StudyContext
    from desktop.main_window import MainWindow

    set_language("en")
    out = []
    for study in studies:
        window = MainWindow(StudyContext(study))
        qtbot.addWidget(window)
        window.show()
        for i in range(window.tabs.count()):  # every tab once shown, then back to the transcript
            window.tabs.setCurrentIndex(i)
        window.open_transcript(middle_interview(study))
        qtbot.wait(50)
        out.append(window)
    yield out  # qtbot closes the windows (and with them their studies)


def _run(qtbot, window, step) -> list[str]:
    study = window.ctx.study
    with Statements(study) as st:
        step(window)
        qtbot.wait(100)  # what views do in timers and queued events counts too
    return st.sql


def test_an_edit_and_a_coding_in_the_editor_cost_the_same_in_a_large_study(qtbot, windows):
    from desktop.transcript.commands import ApplyCodes
    from desktop.transcript.model import COL_TEXT

    def edit(window):
        model = window.editor.model
        model.setData(model.index(7, COL_TEXT), model.segment(7).text + " خیلی")

    def code(window):
        seg = window.editor.model.segment(30)
        codes = [c.id for c in window.ctx.study.codes.list() if c.kind == "code"][:1]
        window.editor._push(lambda: ApplyCodes(window.editor.model, codes, (seg.id, 0, seg.id, 6)))

    for step in (edit, code):
        small, large = (_run(qtbot, w, step) for w in windows)
        import collections, re
        norm = lambda l: collections.Counter(re.sub(r"\d+", "N", q)[:120] for q in l)  # noqa: E731
        assert len(small) == len(large) > 0, (step.__name__, norm(large) - norm(small))
        assert not full_scans(windows[1].ctx.study, large)
