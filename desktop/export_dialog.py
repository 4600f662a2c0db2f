"""Export and import dialogs: choose what, the format and the file; the work runs
off the GUI thread (on its own connection to the study) and ends with a clear message.

* :class:`ExportDialog`: the whole study as REFI-QDA ``.qdpx``, the codebook as
  ``.qdc``, a transcript (TXT, DOCX, SRT, WebVTT), the frequency and participants
  tables (DOCX, XLSX, CSV), quotes per code (DOCX, CSV), the saturation plot (PNG, SVG);
* :class:`ImportDialog`: a ``.qdpx`` project (into this study when it is empty,
  else into a new study folder), a ``.qdc`` codebook (merged), or a transcript
  (SRT, WebVTT, stamped TXT, noScribe HTML) onto an interview.

Both call the same functions as ``mosahebeh export`` / ``mosahebeh import``.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QThread, Signal
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFileDialog, QFormLayout,
                               QHBoxLayout, QLabel, QLineEdit, QProgressBar, QPushButton, QVBoxLayout, QWidget)

from codebook.errors import StudyError
from transcribe.errors import TranscribeError


class Worker(QThread):
    """Runs ``job(study)`` on a Study of its own; says ``done(message)`` or ``failed(message)``."""
    done = Signal(str)
    failed = Signal(str)

    def __init__(self, folder: Path, job, parent=None):
        super().__init__(parent)
        self.folder, self.job = folder, job

    def run(self) -> None:
        from codebook.study import Study

        try:
            with Study.open(self.folder) as study:
                self.done.emit(self.job(study))
        except (StudyError, TranscribeError) as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - show any failure rather than die silently
            self.failed.emit(f"{type(exc).__name__}: {exc}")


class _JobDialog(QDialog):
    """The shared frame: a form, a status line, a busy bar, Run and Close."""

    def __init__(self, ctx, parent, run_label: str):
        super().__init__(parent)
        self.ctx = ctx
        self.worker: Worker | None = None
        self.form = QFormLayout()
        self.status = QLabel(self)
        self.status.setWordWrap(True)
        self.status.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.busy = QProgressBar(self)
        self.busy.setRange(0, 0)
        self.busy.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.run_button = self.buttons.addButton(run_label, QDialogButtonBox.ButtonRole.AcceptRole)
        self.run_button.clicked.connect(self.start)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.status)
        layout.addWidget(self.busy)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def file_row(self, browse) -> QLineEdit:
        edit = QLineEdit(self)
        button = QPushButton(QCoreApplication.translate("_JobDialog", "Choose…"), self)
        button.clicked.connect(browse)
        row = QWidget(self)
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(edit, 1)
        h.addWidget(button)
        self.form.addRow(QCoreApplication.translate("_JobDialog", "File"), row)
        return edit

    def launch(self, job, folder: Path | None = None) -> None:
        self.run_button.setEnabled(False)
        self.busy.show()
        self.status.setText(QCoreApplication.translate("_JobDialog", "Working…"))
        self.worker = Worker(folder or self.ctx.study.folder, job, self)
        self.worker.done.connect(self.finished_ok)
        self.worker.failed.connect(self.finished_bad)
        self.worker.start()

    def finished_ok(self, message: str) -> None:
        self.busy.hide()
        self.run_button.setEnabled(True)
        self.status.setStyleSheet("")
        self.status.setText(message)

    def finished_bad(self, message: str) -> None:
        self.busy.hide()
        self.run_button.setEnabled(True)
        self.status.setStyleSheet("color: #b00020;")
        self.status.setText(message)

    def wait_done(self, ms: int = 60000) -> bool:
        return self.worker.wait(ms) if self.worker else True

    def reject(self) -> None:
        if self.worker and self.worker.isRunning():
            self.status.setText(QCoreApplication.translate("_JobDialog", "Please wait until the work in progress ends."))
            return
        super().reject()


class ExportDialog(_JobDialog):
    """Export the open study (see the module doc)."""

    WHATS = ("qdpx", "qdc", "transcript", "frequencies", "participants", "quotes", "saturation")
    FORMATS = {"qdpx": ["qdpx"], "qdc": ["qdc"], "transcript": ["docx", "txt", "srt", "vtt"],
               "frequencies": ["docx", "xlsx", "csv"], "participants": ["docx", "xlsx", "csv"],
               "quotes": ["docx", "csv"], "saturation": ["png", "svg"]}

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent, self.tr("Export"))
        self.setWindowTitle(self.tr("Export"))
        names = {"qdpx": self.tr("Whole study for MAXQDA, ATLAS.ti, NVivo, QualCoder (REFI-QDA .qdpx)"),
                 "qdc": self.tr("Codebook only (REFI-QDA .qdc)"), "transcript": self.tr("Transcript"),
                 "frequencies": self.tr("Code frequency tables"), "participants": self.tr("Participants table"),
                 "quotes": self.tr("Quotes by code"), "saturation": self.tr("Saturation plot")}
        self.what = QComboBox(self)
        for key in self.WHATS:
            self.what.addItem(names[key], key)
        self.fmt = QComboBox(self)
        self.interview = QComboBox(self)
        self.interview.addItem(self.tr("All interviews (one file each, into a folder)"), None)
        for iv in ctx.study.interviews.list():
            if ctx.study.transcripts.count(iv.id)[0]:
                self.interview.addItem(ctx.study.interviews.label(iv), iv.id)
        self.lang = QComboBox(self)
        self.lang.addItem("فارسی", "fa")
        self.lang.addItem("English", "en")
        self.by = QComboBox(self)
        self.by.addItem(self.tr("Coded segments"), "segments")
        self.by.addItem(self.tr("Interviews that mention the code"), "interviews")
        self.pseudonymise = QCheckBox(self.tr("Replace names on the study's replacement list (pseudonymise)"), self)
        self.pseudonymise.setChecked(bool(ctx.study.glossary.replacements()))
        self.timestamps = QCheckBox(self.tr("Time stamps"), self)
        self.timestamps.setChecked(True)
        self.audio = QCheckBox(self.tr("Include the audio files"), self)
        self.audio.setChecked(True)
        self.form.addRow(self.tr("What"), self.what)
        self.form.addRow(self.tr("Format"), self.fmt)
        self.form.addRow(self.tr("Interview"), self.interview)
        self.form.addRow(self.tr("Language of labels"), self.lang)
        self.form.addRow(self.tr("Count by"), self.by)
        self.form.addRow("", self.pseudonymise)
        self.form.addRow("", self.timestamps)
        self.form.addRow("", self.audio)
        self.out = self.file_row(self.browse)
        self.auto_path = True
        self.out.textEdited.connect(lambda _: setattr(self, "auto_path", False))
        note = QLabel(self.tr("Participants appear only by pseudonym; real names and contacts are never exported."), self)
        note.setWordWrap(True)
        self.form.addRow("", note)
        self.what.currentIndexChanged.connect(self.update_fields)
        self.interview.currentIndexChanged.connect(self.update_fields)
        self.fmt.currentIndexChanged.connect(self.update_fields)
        self.update_fields()

    def update_fields(self) -> None:
        what = self.what.currentData()
        formats = self.FORMATS[what]
        if [self.fmt.itemData(i) for i in range(self.fmt.count())] != formats:
            self.fmt.blockSignals(True)
            self.fmt.clear()
            for f in formats:
                self.fmt.addItem(f.upper(), f)
            self.fmt.blockSignals(False)
        show = {self.interview: what == "transcript", self.by: what == "frequencies",
                self.timestamps: what == "transcript" and self.fmt.currentData() in ("txt", "docx"),
                self.audio: what == "qdpx", self.lang: what not in ("qdpx", "qdc"),
                self.pseudonymise: what in ("qdpx", "transcript", "quotes")}
        for widget, visible in show.items():
            widget.setVisible(visible)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(visible)
        self.adjustSize()
        suffix = "" if self.folder_wanted() else "." + self.fmt.currentData()
        if self.auto_path:  # until the user edits the path, it follows the choices
            folder = self.ctx.study.folder.parent
            name = _safe(self.ctx.study.name)
            if what == "transcript":
                name = _safe(self.interview.currentText()) if self.interview.currentData() else name + "-transcripts"
            elif what not in ("qdpx", "qdc"):
                name = f"{name}-{what}"
            self.out.setText(str(folder / name) + suffix)

    def folder_wanted(self) -> bool:
        return self.what.currentData() == "transcript" and self.interview.currentData() is None

    def browse(self) -> None:
        if self.folder_wanted():
            path = QFileDialog.getExistingDirectory(self, self.tr("Folder for the transcripts"), self.out.text())
        else:
            fmt = self.fmt.currentData()
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export to"), self.out.text(), f"*.{fmt}")
            if path and not path.lower().endswith("." + fmt):
                path += "." + fmt
        if path:
            self.auto_path = False
            self.out.setText(path)

    def start(self) -> None:
        from codebook.pseudonymise import Replacer
        from desktop.cli.export import export

        if not self.out.text().strip():
            self.finished_bad(self.tr("Choose where to write the export."))
            return
        what, fmt, out = self.what.currentData(), self.fmt.currentData(), Path(self.out.text().strip())
        options = dict(what=None if what in ("qdpx", "qdc") else what, interview=self.interview.currentData()
                       if what == "transcript" else None, lang=self.lang.currentData(), by=self.by.currentData(),
                       timestamps=self.timestamps.isChecked(), audio=self.audio.isChecked())
        pseudonymise = self.pseudonymise.isChecked() and self.pseudonymise.isVisible()

        def job(study):
            replacer = Replacer.for_study(study, pseudonymise)
            message = export(study, fmt, out, replacer=replacer, **options)
            return message + ("\n" + replacer.report.summary() if pseudonymise else "")
        self.launch(job)


class ImportDialog(_JobDialog):
    """Import into the open study, or a project into a new study (see the module doc)."""

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent, self.tr("Import"))
        self.setWindowTitle(self.tr("Import"))
        self.path = self.file_row(self.browse)
        self.interview = QComboBox(self)
        for iv in ctx.study.interviews.list():
            self.interview.addItem(ctx.study.interviews.label(iv), iv.id)
        self.replace = QCheckBox(self.tr("Replace the interview's transcript if it has one"), self)
        self.target = QLineEdit(self)
        self.form.addRow(self.tr("Interview"), self.interview)
        self.form.addRow("", self.replace)
        self.form.addRow(self.tr("New study folder"), self.target)
        help_text = QLabel(self.tr("A REFI-QDA project (.qdpx) goes into this study only while it is empty; "
                                   "otherwise into a new study folder. A codebook (.qdc) is merged into this "
                                   "study's codebook. A transcript (SRT, WebVTT, TXT with [hh:mm:ss] stamps, "
                                   "noScribe HTML) goes onto the interview chosen."), self)
        help_text.setWordWrap(True)
        self.form.addRow("", help_text)
        self.path.textChanged.connect(self.update_fields)
        self.update_fields()

    def kind(self) -> str:
        from desktop.cli.import_ import file_format

        try:
            return file_format(Path(self.path.text()), None)
        except StudyError:
            return ""

    def study_is_empty(self) -> bool:
        s = self.ctx.study
        return not (s.participants.list() or s.interviews.list() or s.codes.list())

    def update_fields(self) -> None:
        kind = self.kind()
        transcript = kind in ("srt", "vtt", "txt", "html")
        new_study = kind == "qdpx" and not self.study_is_empty()
        for widget, visible in ((self.interview, transcript), (self.replace, transcript), (self.target, new_study)):
            widget.setVisible(visible)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(visible)
        if new_study and not self.target.text():
            self.target.setText(str(Path(self.path.text()).with_suffix(".mosahebeh")))

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import"), self.path.text(),
            self.tr("Importable files (*.qdpx *.qdc *.srt *.vtt *.txt *.html *.htm)"))
        if path:
            self.path.setText(path)

    def start(self) -> None:
        from desktop.cli.import_ import do_import

        path, kind = Path(self.path.text().strip()), self.kind()
        if not path.is_file():
            self.finished_bad(self.tr("Choose a file to import."))
            return
        if not kind:
            self.finished_bad(self.tr("This kind of file cannot be imported."))
            return
        if kind == "qdpx" and not self.study_is_empty():
            self.import_into_new_study(path)
            return
        interview = self.interview.currentData() if kind in ("srt", "vtt", "txt", "html") else None
        replace = self.replace.isChecked()
        self.launch(lambda study: do_import(study, path, kind, interview=interview, replace=replace))

    def import_into_new_study(self, path: Path) -> None:
        import shutil

        from codebook.study import Study
        from desktop.cli.import_ import do_import

        target = Path(self.target.text().strip())
        try:
            Study.create(target).close()
        except StudyError as exc:
            self.finished_bad(str(exc))
            return
        folder = target if target.suffix == ".mosahebeh" else target.with_name(target.name + ".mosahebeh")

        def job(study):
            try:
                return do_import(study, path, "qdpx") + "\n" + self.tr("The new study is at {0}; open it from "
                                                                       "the File menu.").format(folder)
            except BaseException:
                study.close()
                shutil.rmtree(folder, ignore_errors=True)
                raise
        self.launch(job, folder)

    def finished_ok(self, message: str) -> None:
        super().finished_ok(message)
        for kind in ("participants", "interviews", "segments", "codes", "codings", "memos"):
            self.ctx.notify(kind)


def _safe(name: str) -> str:
    return "".join(c for c in name if c not in '/\\:*?"<>|').strip() or "study"
