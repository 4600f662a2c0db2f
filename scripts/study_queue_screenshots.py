"""Screenshots of the study queue and of Settings → Servers at 1366×768, in Persian or English.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/study_queue_screenshots.py fa [OUT_DIR]

Builds a study of ten interviews of real speech (bench/study_queue.py), starts
faster-whisper-server on 127.0.0.1 (``.venv-servers/``, the bundled model), turns
the speech server on in the settings, queues every interview and grabs the main
window while the queue runs (``study-queue-<lang>.png``), then the settings'
Servers tab after "Test connection" (``server-settings-<lang>.png``) and the
Transcription tab saying where it runs (``transcription-where-<lang>.png``).
"""
from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests" / "transcribe"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("MOSAHEBEH_DATA_DIR", tempfile.mkdtemp(prefix="mosahebeh-shots-data-"))
SIZE = (1366, 768)


def main(lang: str = "fa", out: str | None = None) -> int:
    from PySide6.QtCore import QCoreApplication

    from desktop.app import make_app

    out_dir = Path(out) if out else ROOT / "docs" / "screenshots"
    out_dir.mkdir(parents=True, exist_ok=True)
    app = make_app(lang)
    import importlib.util

    spec = importlib.util.spec_from_file_location("study_queue_bench", ROOT / "bench" / "study_queue.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    from servers import RunningServer

    from codebook import Study
    from desktop.context import StudyContext
    from desktop.main_window import MainWindow
    from desktop.settings import Settings
    from desktop.settings_dialog import SettingsDialog
    from desktop.transcription.server_settings import SpeechServer, save
    from transcribe.models import bundled_model_dir

    bench.CLIPS = Path(os.environ.get("MOSAHEBEH_SPEECH_SET", ROOT.parents[1] / "shared" / "fa-speech"))
    if not bench.CLIPS.is_dir():
        bench.CLIPS = ROOT.parent / "shared" / "fa-speech"
    tmp = Path(tempfile.mkdtemp(prefix="mosahebeh-queue-shots-"))
    folder = bench.build_study(tmp / "study.mosahebeh", interviews=10, clips=2)
    server = RunningServer("faster-whisper-server", bundled_model_dir(), log=tmp / "server.log").start()

    def settle(seconds: float = 0.3) -> None:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            QCoreApplication.processEvents()
            time.sleep(0.02)

    def shoot(widget, name: str) -> None:
        widget.resize(*SIZE)
        widget.show()
        settle()
        widget.grab().save(str(out_dir / f"{name}-{lang}.png"))
        print(out_dir / f"{name}-{lang}.png")

    try:
        save(SpeechServer(True, server.url + "/v1", server.model, 2))
        study = Study.open(folder)
        window = MainWindow(StudyContext(study), Settings())
        window.tabs.setCurrentWidget(window.interviews)
        window.resize(*SIZE)
        window.show()
        settle()
        window.interviews._transcribe_all()
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline and not (window.interviews.runner.last.get("done", 0) >= 2
                                                     and window.interviews.runner.last.get("in_hand")):
            settle(0.5)
        window.interviews.table.selectRow(1)
        shoot(window, "study-queue")
        window.interviews.runner.pause()
        window.interviews.runner.wait_idle(30_000)
        settle()
        dialog = SettingsDialog(Settings())
        dialog.tabs.setCurrentWidget(dialog.servers)
        dialog.servers.speech.test.click()
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and dialog.servers.speech.answer.text().endswith("…"):
            settle(0.2)
        shoot(dialog, "server-settings")
        dialog.tabs.setCurrentIndex(1)
        shoot(dialog, "transcription-where")
        dialog.close()
        window.close()
    finally:
        server.stop()
    del app
    return 0


if __name__ == "__main__":
    raise SystemExit(main(*sys.argv[1:]))
