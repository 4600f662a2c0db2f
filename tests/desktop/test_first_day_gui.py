"""Small traps of a first day in the app (issue 26): the interview ids the command line asks for are in
the Interviews list, a new interview is for the study's only participant, the codebook panel counts
"1 category", and opening audio prints no FFmpeg stream dump on the terminal."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt

ROOT = Path(__file__).resolve().parents[2]


def test_the_interviews_list_shows_each_interviews_id(ctx, qtbot):
    from desktop.study.interviews import InterviewsView

    first = ctx.study.interviews.list()[0]
    ctx.study.interviews.update(first.id, title="first call")  # a title hides "#id" in the first column
    added = ctx.study.interviews.add(None, title="added later", date="1990-01-01")  # listed first, by date
    view = InterviewsView(ctx)
    qtbot.addWidget(view)
    view.resize(1000, 400)
    view.show()
    model = view.model
    rows = model.rows
    assert rows[0].id == added.id != 1
    header = [model.headerData(r, Qt.Orientation.Vertical) for r in range(len(rows))]
    assert header == [str(iv.id) for iv in rows]  # the id, not the row number
    assert str(first.id) in model.headerData(rows.index(next(i for i in rows if i.id == first.id)),
                                             Qt.Orientation.Vertical, Qt.ItemDataRole.ToolTipRole)
    assert view.table.verticalHeader().isVisible() and view.table.verticalHeader().width() < 60


def test_a_new_interview_is_for_the_only_participant(study, qapp):
    from desktop.study.interview_dialog import InterviewDialog

    dialog = InterviewDialog(study)
    assert dialog.participant.currentData() is None  # nobody to choose
    only = study.participants.add("Maryam")
    dialog = InterviewDialog(study)
    assert dialog.participant.currentData() == only.id
    study.participants.add("Reza")
    dialog = InterviewDialog(study)
    assert dialog.participant.currentData() is None  # two: the user chooses


def test_the_codebook_summary_counts_in_the_singular(study, qapp, qtbot):
    from desktop.app import set_language
    from desktop.codes.panel import CodebookPanel
    from desktop.context import StudyContext

    set_language("en")
    category = study.codes.add_category("closure")
    study.codes.add("library closed", category.id)
    panel = CodebookPanel(StudyContext(study))
    qtbot.addWidget(panel)
    assert panel.summary.text() == "1 category, 1 code, 0 codings"
    set_language("fa")
    panel = CodebookPanel(StudyContext(study))
    qtbot.addWidget(panel)
    assert panel.summary.text() == "۱ مقوله، ۱ کد، ۰ کدگذاری"
    set_language("en")


_PLAYER = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([])
from desktop.transcript.player import Player
player = Player()
player.load(sys.argv[1])
QTimer.singleShot(1500, app.quit)
app.exec()
"""


def test_opening_audio_prints_no_ffmpeg_stream_dump(demo_path, tmp_path):
    audio = next((demo_path / "audio").glob("*.wav"))
    env = {**__import__("os").environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    env.pop("QT_FFMPEG_DEBUG", None)
    out = subprocess.run([sys.executable, "-c", _PLAYER, str(audio)], env=env, capture_output=True, text=True,
                         timeout=120)
    assert out.returncode == 0, out.stderr
    assert "Input #0" not in out.stderr and "Stream #0" not in out.stderr, out.stderr
    # and the dump is there without the fix (Qt's own FFmpeg at its default level): the check can fail
    env["QT_FFMPEG_DEBUG"] = "1"  # quiet_ffmpeg steps aside for Qt's debug switch
    loud = subprocess.run([sys.executable, "-c", _PLAYER, str(audio)], env=env, capture_output=True, text=True,
                          timeout=120)
    assert "Input #0" in loud.stderr


def test_the_codebook_export_counts_in_the_singular(ctx, qtbot, tmp_path):
    from codebook import exchange
    from desktop.exchange.dialogs import ExportDialog

    dialog = ExportDialog(ctx)
    qtbot.addWidget(dialog)
    one = exchange.Exported("qdc", tmp_path / "c.qdc", count=1, categories=1)
    assert dialog.written_text(one).startswith("Wrote the codebook (1 category, 1 code) to ")
    many = exchange.Exported("qdc", tmp_path / "c.qdc", count=14, categories=4)
    assert dialog.written_text(many).startswith("Wrote the codebook (4 categories, 14 codes) to ")
