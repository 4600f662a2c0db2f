"""Run by tests/scale/test_window_statements.py in a process of its own: open the main window on a
study (offscreen, every tab shown once, the transcript of the middle interview open), then make one
text edit and apply one code in the editor; print, as JSON, the SQL statements each step ran on the
window's connection (including what views did in timers and queued events afterwards)."""
from __future__ import annotations

import json
import sys
import time

from PySide6.QtWidgets import QApplication

from codebook import Study
from desktop.app import set_language
from desktop.context import StudyContext
from desktop.main_window import MainWindow
from desktop.transcript.commands import ApplyCodes
from desktop.transcript.model import COL_TEXT
from tests.scale.conftest import Statements, full_scans, middle_interview


def settle(app, ms: int) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)


def main(path: str) -> None:
    app = QApplication.instance() or QApplication([])
    set_language("en")
    study = Study.open(path)
    window = MainWindow(StudyContext(study))
    window.show()
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        settle(app, 20)
    window.open_transcript(middle_interview(study))
    settle(app, 100)
    editor, model = window.editor, window.editor.model

    def edit():
        model.setData(model.index(7, COL_TEXT), model.segment(7).text + " خیلی")

    def code():
        seg = model.segment(30)
        codes = [c.id for c in study.codes.list() if c.kind == "code"][:1]
        editor._push(lambda: ApplyCodes(model, codes, (seg.id, 0, seg.id, 6)))

    out = {}
    for name, step in (("edit", edit), ("code", code)):
        with Statements(study) as st:
            step()
            settle(app, 150)
        out[name] = {"statements": st.sql, "full_scans": full_scans(study, st.sql)}
    for i in range(window.tabs.count()):
        getattr(window.tabs.widget(i), "wait_ready", lambda: True)()
    window.close()
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main(sys.argv[1])
