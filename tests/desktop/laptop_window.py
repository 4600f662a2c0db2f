"""Run by tests/desktop/test_fits_laptop.py in a process of its own, on an offscreen screen of
1366×768 with a 40-pixel taskbar: open the main window on a study in a language, open a
transcript, show every tab once, and print as JSON the screen's available area, the window's
minimum size and where it first showed. Optionally save a screenshot of the transcript tab."""
from __future__ import annotations

import json
import sys


def main(study_path: str, lang: str, shot: str = "") -> None:
    from PySide6.QtCore import QCoreApplication

    from codebook import Study
    from desktop.app import make_app
    from desktop.context import StudyContext
    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    app = make_app(lang)
    study = Study.open(study_path)
    window = MainWindow(StudyContext(study), Settings())
    window.show()
    for _ in range(5):
        QCoreApplication.processEvents()
    first = window.geometry()
    interview = study.interviews.list()[4 if len(study.interviews.list()) > 4 else 0]
    for i in range(window.tabs.count()):
        window.tabs.setCurrentIndex(i)
        QCoreApplication.processEvents()
    window.open_transcript(interview.id)
    for _ in range(20):
        QCoreApplication.processEvents()
    window.editor.view.selectRow(0)
    QCoreApplication.processEvents()
    if shot:
        window.grab().save(shot)
    area = window.screen().availableGeometry()
    hint = window.minimumSizeHint()
    rect = lambda r: [r.x(), r.y(), r.width(), r.height()]  # noqa: E731
    print(json.dumps({"available": rect(area), "first": rect(first), "frame": rect(window.frameGeometry()),
                      "now": rect(window.geometry()), "minimum": [hint.width(), hint.height()]}))
    window.editor.shutdown()
    window.close()
    study.close()
    del app


if __name__ == "__main__":
    main(*sys.argv[1:])
