"""The export and import dialogs, offscreen: the work runs on a worker thread and ends with a message."""
from __future__ import annotations

import zipfile

from codebook import Study
from desktop.context import StudyContext
from desktop.exchange.dialogs import ExportDialog, ImportDialog


def test_export_then_import_through_the_dialogs(qtbot, demo_path, tmp_path):
    ctx = StudyContext(Study.open(demo_path))
    d = ExportDialog(ctx)
    qtbot.addWidget(d)
    d.what.setCurrentIndex(d.what.findData("qdpx"))
    assert d.out.text().endswith(".qdpx") and d.audio.isVisibleTo(d) and not d.interview.isVisibleTo(d)
    out = tmp_path / "x.qdpx"
    d.out.setText(str(out))
    d.start()
    qtbot.waitUntil(lambda: d.run_button.isEnabled(), timeout=30000)
    assert "Wrote" in d.status.text() and zipfile.is_zipfile(out)
    # the project cannot go into this full study: the dialog offers a new study folder
    i = ImportDialog(ctx)
    qtbot.addWidget(i)
    i.path.setText(str(out))
    assert i.target.isVisibleTo(i)
    i.target.setText(str(tmp_path / "copy"))
    seen = []
    ctx.changed.connect(seen.append)
    i.start()
    qtbot.waitUntil(lambda: i.run_button.isEnabled(), timeout=30000)
    assert "Imported" in i.status.text() and "codes" in seen
    with Study.open(tmp_path / "copy.mosahebeh") as copy:
        assert len(copy.codings.list()) == len(ctx.study.codings.list())
    # a bad file: a red sentence, the dialog stays usable
    bad = tmp_path / "bad.qdc"
    bad.write_text("<x", encoding="utf-8")
    i.path.setText(str(bad))
    i.start()
    qtbot.waitUntil(lambda: i.run_button.isEnabled(), timeout=30000)
    assert "not well-formed" in i.status.text() and "b00020" in i.status.styleSheet()
    ctx.study.close()
