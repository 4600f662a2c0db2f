"""Take the screenshots in docs/screenshots/ of every window, in Persian or English.

    QT_QPA_PLATFORM=offscreen python scripts/screenshots.py fa [OUT_DIR]

Builds the demo study in a temporary folder, sets the app up as ``mosahebeh``
does (Vazirmatn, translators, right-to-left, Persian digits) and grabs each
window to ``OUT_DIR/<window>-<lang>.png`` (default docs/screenshots). A Latin
follow-up question is added to the guide so the direction of a Latin run shows.
The screen is a 1366×768 laptop's (the most common in Iran): the main window is
shot at the size it first opens at there, and Settings › Models after a fetch
that failed for want of a network.
The cross-segment coding screenshot is taken by tests/desktop/test_cross_segment.py
(set MOSAHEBEH_SCREENSHOTS to this folder).
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
if "QT_QPA_PLATFORM" not in os.environ:  # an offscreen screen of 1366×768
    _screen = Path(tempfile.mkdtemp(prefix="mosahebeh-shots-screen-")) / "screen.json"
    _screen.write_text('{"screens": [{"name": "laptop", "x": 0, "y": 0, "width": 1366, "height": 768, '
                       '"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}')
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={_screen}"
os.environ.setdefault("MOSAHEBEH_DATA_DIR", tempfile.mkdtemp(prefix="mosahebeh-shots-data-"))


def main(lang: str = "fa", out: str | None = None) -> int:
    from PySide6.QtCore import QCoreApplication, QSettings
    from PySide6.QtWidgets import QApplication

    from desktop.app import make_app

    out_dir = Path(out) if out else ROOT / "docs" / "screenshots"
    out_dir.mkdir(parents=True, exist_ok=True)
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                      str(Path(os.environ["MOSAHEBEH_DATA_DIR"]) / "qsettings"))
    app = make_app(lang)

    from codebook import Study
    from codebook.demo import build_demo
    from desktop.context import StudyContext

    tmp = Path(tempfile.mkdtemp(prefix="mosahebeh-shots-"))
    study = Study.open(build_demo(tmp / "demo.mosahebeh"))
    mains = [q for q in study.guide.list() if q.parent_id is None]
    study.guide.add("Was WhatsApp used for the interview?", parent_id=mains[1].id)
    ctx = StudyContext(study)
    shots: list[str] = []

    def settle(n: int = 5) -> None:
        for _ in range(n):
            QCoreApplication.processEvents()

    def shoot(widget, name: str, size=None) -> None:
        if size:
            widget.resize(*size)
        widget.show()
        settle()
        path = out_dir / f"{name}-{lang}.png"
        widget.grab().save(str(path))
        shots.append(path.name)

    from desktop.main_window import MainWindow
    from desktop.settings import Settings

    mw = MainWindow(ctx, Settings())
    mw.show()  # at the size it first opens at on the screen
    settle()
    mw.tabs.setCurrentWidget(mw.participants)
    shoot(mw, "participants")
    mw.tabs.setCurrentWidget(mw.interviews)
    shoot(mw, "interviews")
    first = study.interviews.list()[4]  # half checked: checked and unchecked rows side by side
    mw.open_transcript(first.id)
    mw.editor.waveform.wait_ready()  # the strip drawn, not its "computing…" line
    settle(20)
    mw.editor.view.selectRow(0)
    shoot(mw, "transcript")
    mw.resize(1366, 768)  # the waveform strip on the demo's two-speaker call (interview 2, two channels)
    mw.open_transcript(2)
    mw.editor.waveform.wait_ready()
    mw.editor.player.seek(12_000)
    mw.editor.view.setCurrentIndex(mw.editor.model.index(2, 2))  # the third segment current: outlined in the strip
    settle(20)
    shoot(mw, "waveform")
    mw.resize(1280, 800)
    if mw.codebook is not None:
        shoot(mw.codebook, "codebook-panel")

    from desktop.analysis.retrieval import RetrievalView
    from desktop.analysis.saturation import SaturationView
    from desktop.analysis.tables import AnalysisView

    tables = AnalysisView(ctx)
    for i, name in enumerate(("frequencies", "code-matrix", "participants-table")):
        tables.tabs.setCurrentIndex(i)
        shoot(tables, name, (760, 560))
    tables.close()
    saturation = SaturationView(ctx)
    shoot(saturation, "saturation", (1100, 680))
    saturation.close()
    retrieval = RetrievalView(ctx)
    retrieval.show_code(next(c.id for c in study.codes.list() if c.kind == "code"))
    shoot(retrieval, "retrieval", (900, 480))
    retrieval.close()

    from codebook.reports import saturation_plot

    saturation_plot(study, out_dir / f"saturation-plot-{lang}.png", lang=lang)
    shots.append(f"saturation-plot-{lang}.png")

    from desktop.study.guide import GuideEditor
    from desktop.study.participants import ParticipantDialog

    shoot(GuideEditor(ctx), "guide-editor", (600, 320))
    shoot(ParticipantDialog(study, study.participants.list()[1]), "participant")

    from desktop.settings_dialog import SettingsDialog

    settings = SettingsDialog(Settings())
    shoot(settings, "settings")
    if getattr(settings, "model_settings", None) is not None:
        model = settings.model_settings
        model.setParent(None)
        shoot(model, "transcription-settings", (600, 533))
    settings.close()
    settings = SettingsDialog(Settings())  # Settings › Models after Fetch with no network
    settings.show()
    settle()
    from desktop.transcription.model_settings import select_row

    models = settings.model_settings
    models.tabs.setCurrentIndex(1)
    select_row(models.catalog, 0)
    settle()
    models._fetch_done(models.catalog.item(0, 0).text(), False,
                       "Cannot fetch Systran/faster-whisper-large-v3 from https://huggingface.co: [Errno -2] Name "
                       "or service not known. What arrived is kept; fetch again to resume, or copy the model in "
                       "with `mosahebeh models add`.")
    settle(10)
    shoot(settings, "models-fetch-offline")
    settings.close()

    from desktop.transcript.dialogs import TimesDialog
    from desktop.transcript.find_replace import FindReplaceDialog

    find = FindReplaceDialog(mw.editor)
    find.find_edit.setText("کتابخانه")
    find.find_next()
    while find.counting():  # the total shows once counted
        settle(1)
    shoot(find, "find-replace")
    find.close()
    shoot(TimesDialog(study.transcripts.segments(first.id)[1]), "times")

    from codebook.backups import make_backup
    from desktop.study.backups import BackupsDialog

    mw.backup.wait()  # the daily copy made when the window opened
    make_backup(study.folder)
    shoot(BackupsDialog(study.folder), "backups")

    from desktop.exchange.dialogs import ExportDialog, ImportDialog

    shoot(ExportDialog(ctx), "export-dialog", (560, 334))
    shoot(ImportDialog(ctx), "import-dialog", (560, 256))

    from desktop.language import LanguageDialog

    shoot(LanguageDialog(), "language")

    from desktop.record.dialog import RecordDialog
    from transcribe.recording import FakeSource, SimClock
    from transcribe.recording.devices import Device

    clock = SimClock(speed=4)
    device = Device(0, "Fake microphone", "portaudio", False, 1, 16000, default=True, index=0)
    RecordDialog.list_devices = staticmethod(lambda: [device])
    RecordDialog.open_source = staticmethod(
        lambda name, role, devices=None: FakeSource(role=role, name=name, frequency=440, clock=clock))
    RecordDialog.clock = clock
    record = RecordDialog(ctx, study.interviews.list()[0].id)
    shoot(record, "record", (900, 560))
    record.reject()

    mw.editor.shutdown()
    for w in QApplication.topLevelWidgets():
        w.close()
    settle()
    study.close()
    print("\n".join(shots))
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
