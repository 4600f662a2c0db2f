"""Opening the app: ``mosahebeh`` (the last study, else the demo study) or ``mosahebeh --study PATH``."""
from __future__ import annotations

from pathlib import Path

from codebook.errors import StudyError

def choose_study(study: str | None, last: str | None) -> Path:
    """The study folder to open: the one asked for, else the last one used
    (if still there), else the demo study, built on first use."""
    if study:
        return Path(study)
    if last and (Path(last) / "study.db").is_file():
        return Path(last)
    from transcribe.paths import data_dir

    demo = data_dir() / "Demo.mosahebeh"
    if not (demo / "study.db").is_file():
        try:
            from codebook.demo import build_demo
        except ImportError as exc:
            raise StudyError("There is no study to open and the demo study is not available; "
                             "create one with: mosahebeh new PATH") from exc
        demo = Path(build_demo(demo))
    return demo


def open_app(study: str | None = None, lang: str | None = None) -> int:
    """Open the study window and run the app until it is closed; returns the exit code."""
    from desktop.app import keep, make_app, set_language
    from desktop.language import startup_language
    from desktop.settings import Settings

    app = make_app(lang or "fa")
    settings = Settings()
    set_language(startup_language(lang, settings))  # on first start: asks, Persian preselected
    folder = choose_study(study, settings.last_study)
    from codebook import Study

    try:
        opened = Study.open(folder)
    except StudyError as exc:  # a damaged study with backups: offer the newest; else the command prints it
        from desktop.study.backups import offer_restore

        opened = offer_restore(None, Path(folder), str(exc))
        if opened is None:
            raise
    settings.add_recent(str(opened.folder))
    from desktop.context import StudyContext
    from desktop.main_window import MainWindow

    window = MainWindow(StudyContext(opened), settings)
    keep(window)
    from desktop.app import install_error_report

    install_error_report(window)
    window.show()
    from desktop.record.dialog import offer_recovery

    offer_recovery(window.ctx, window)
    return app.exec()
