"""The app on a 1366×768 laptop (the most common screen in Iran), in Persian and English: the main
window with a transcript open has a minimum size within the screen's available area and first
shows inside it; every dialog's size hint and minimum size fit it too, Settings › Models after a
failed fetch included (its message wraps instead of widening the dialog), and the suggested
models' table shows its WER and Source columns or lets them be scrolled to and resized."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QSize
from PySide6.QtWidgets import QApplication, QHeaderView

from desktop.fit import FRAME

ROOT = Path(__file__).resolve().parents[2]

# A 1366×768 screen less a 40-pixel taskbar, less the window frame: the most a window's client area gets.
LAPTOP = QSize(1366 - FRAME.width(), 768 - 40 - FRAME.height())


def fits(size: QSize) -> bool:
    return size.width() <= LAPTOP.width() and size.height() <= LAPTOP.height()


@pytest.fixture(params=["fa", "en"])
def ctx(request, demo_path, qapp, tmp_path):
    from codebook import Study
    from desktop.app import set_language
    from desktop.context import StudyContext

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "settings"))
    set_language(request.param)
    study = Study.open(demo_path)
    yield StudyContext(study)
    for w in QApplication.topLevelWidgets():
        w.close()
        w.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    study.close()
    set_language("en")


SCREEN = {"synchronousWindowSystemEvents": False, "windowFrameMargins": True,
          "screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, "logicalDpi": 96,
                       "logicalBaseDpi": 96, "dpr": 1}]}


def on_laptop(study_path, lang: str, tmp_path, shot: str = "") -> dict:
    """The main window in a process of its own on a 1366×768 offscreen screen (tests/desktop/laptop_window.py)."""
    config = tmp_path / "screen.json"
    config.write_text(json.dumps(SCREEN))
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]),
           "QT_QPA_PLATFORM": f"offscreen:configfile={config}", "MOSAHEBEH_DATA_DIR": str(tmp_path / "data")}
    done = subprocess.run([sys.executable, "-m", "tests.desktop.laptop_window", str(study_path), lang, shot],
                          cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_main_window_with_a_transcript_fits_a_laptop_screen(demo_path, lang, tmp_path):
    got = on_laptop(demo_path, lang, tmp_path)
    x, y, w, h = got["available"]
    assert (w, h) == (1366, 768)  # the offscreen screen the window saw
    mw, mh = got["minimum"]
    assert mw <= LAPTOP.width() and mh <= LAPTOP.height(), got  # in Persian it was 1281 wide, in English 1523
    assert mw <= 1000  # room to spare
    for key in ("first", "now"):  # shown within the available area, and still there with a transcript open
        fx, fy, fw, fh = got[key]
        assert x <= fx and y <= fy and fx + fw <= x + w and fy + fh <= y + h, (key, got)


def test_every_tab_fits(ctx, qtbot):
    from desktop.main_window import MainWindow

    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.open_transcript(ctx.study.interviews.list()[0].id)
    w.show()
    QCoreApplication.processEvents()
    for i in range(w.tabs.count()):  # every tab counts towards the window's minimum size
        assert w.tabs.widget(i).minimumSizeHint().width() <= 760, w.tabs.tabText(i)
    assert fits(w.minimumSizeHint()), w.minimumSizeHint()
    assert w.codebook.minimumSizeHint().width() <= 300  # the panel's buttons no longer set its width
    assert w.folder_label.toolTip() == str(ctx.study.folder)  # the path elided where it does not fit
    w.editor.shutdown()


def test_every_dialog_fits(ctx, qtbot, request, monkeypatch, tmp_path):
    from codebook.backups import make_backup
    from desktop.analysis.agreement import AgreementView
    from desktop.analysis.merge_dialog import MergeDialog
    from desktop.exchange.dialogs import ExportDialog, ImportDialog
    from desktop.language import LanguageDialog
    from desktop.record.dialog import RecordDialog
    from desktop.settings import Settings
    from desktop.settings_dialog import SettingsDialog
    from desktop.study.backups import BackupsDialog
    from desktop.study.guide import GuideEditor
    from desktop.study.interview_dialog import InterviewDialog
    from desktop.study.participants import ParticipantDialog
    from desktop.transcript.dialogs import TimesDialog
    from desktop.transcript.editor import TranscriptEditor
    from desktop.transcript.find_replace import FindReplaceDialog
    from desktop.transcript.invivo import InVivoDialog
    from desktop.transcription.compare_dialog import CompareModelsDialog
    from transcribe.recording import FakeSource, SimClock
    from transcribe.recording.devices import Device

    study = ctx.study
    make_backup(study.folder)
    editor = TranscriptEditor(ctx)
    qtbot.addWidget(editor)
    request.addfinalizer(editor.shutdown)
    iv = study.interviews.list()[0]
    segment = study.transcripts.segments(iv.id)[0]
    clock = SimClock(speed=4)
    device = Device(0, "Fake microphone", "portaudio", False, 1, 16000, default=True, index=0)
    monkeypatch.setattr(RecordDialog, "list_devices", staticmethod(lambda: [device]))
    monkeypatch.setattr(RecordDialog, "open_source", staticmethod(
        lambda name, role, devices=None: FakeSource(role=role, name=name, frequency=440, clock=clock)))
    monkeypatch.setattr(RecordDialog, "clock", clock)
    view = AgreementView(ctx)
    qtbot.addWidget(view)
    merge = MergeDialog(ctx)
    dialogs = [GuideEditor(ctx), ParticipantDialog(study, study.participants.list()[0]), ParticipantDialog(study),
               InterviewDialog(study, iv), InterviewDialog(study), SettingsDialog(Settings()),
               FindReplaceDialog(editor), TimesDialog(segment), BackupsDialog(study.folder), ExportDialog(ctx),
               ImportDialog(ctx), LanguageDialog(), RecordDialog(ctx, iv.id), CompareModelsDialog(study.folder),
               InVivoDialog(study, "کتابخانه", None), merge, view.walk(0)]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        QCoreApplication.processEvents()
        name = type(dialog).__name__
        assert fits(dialog.minimumSizeHint()), (name, dialog.minimumSizeHint())
        assert fits(dialog.sizeHint()), (name, dialog.sizeHint())
        assert fits(dialog.size()), (name, dialog.size())
        dialog.reject() if hasattr(dialog, "reject") else dialog.close()


def test_models_settings_after_a_failed_fetch(ctx, qtbot):
    """Fetch with no network: the dialog keeps its width, the message wraps, the columns show."""
    from desktop.settings import Settings
    from desktop.settings_dialog import SettingsDialog
    from desktop.transcription.model_settings import select_row

    dialog = SettingsDialog(Settings())
    qtbot.addWidget(dialog)
    dialog.show()
    m = dialog.model_settings
    dialog.tabs.setCurrentIndex(dialog.tabs.indexOf(m.parentWidget()) if dialog.tabs.indexOf(m.parentWidget()) >= 0
                                else 1)  # the Transcription tab, where the model settings are
    QCoreApplication.processEvents()
    width = dialog.width()
    m.tabs.setCurrentIndex(1)
    select_row(m.catalog, 0)
    # What the fetch job reports offline (mosahebeh models fetch, no network), one long sentence.
    m._fetch_done("large-v3", False, "Cannot fetch Systran/faster-whisper-large-v3 from https://huggingface.co: "
                  "[Errno -2] Name or service not known. What arrived is kept; fetch again to resume, or copy "
                  "the model in with `mosahebeh models add`.")
    QCoreApplication.processEvents()
    assert m.fetch_status.wordWrap() and m.fetch_status.isVisible()
    assert dialog.width() == width and fits(dialog.sizeHint()) and fits(dialog.minimumSizeHint())
    header = m.catalog.horizontalHeader()
    assert m.catalog.columnCount() == 6
    assert m.catalog.model().headerData(5, header.orientation()) in ("Source", "منبع")
    for col in range(m.catalog.columnCount()):
        assert header.sectionResizeMode(col) == QHeaderView.ResizeMode.Interactive
        assert m.catalog.columnWidth(col) >= 40  # none squeezed out of sight
    bar = m.catalog.horizontalScrollBar()
    assert bar.maximum() > 0 or sum(m.catalog.columnWidth(c) for c in range(6)) <= m.catalog.viewport().width()
