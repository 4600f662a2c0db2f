"""Export and import dialogs: choose what, the format and the file; the work runs
off the GUI thread (on its own connection to the study) and ends with a clear message.

* :class:`ExportDialog`: the whole study as REFI-QDA ``.qdpx``, the codebook as
  ``.qdc``, a transcript (TXT, DOCX, SRT, WebVTT), the frequency and participants
  tables (DOCX, XLSX, CSV), quotes per code (DOCX, CSV), the saturation plot (PNG, SVG);
* :class:`ImportDialog`: a ``.qdpx`` project (into this study when it is empty,
  else into a new study folder), a ``.qdc`` codebook (merged), or a transcript
  (SRT, WebVTT, stamped TXT, noScribe HTML) onto an interview.

Both do the work through :mod:`codebook.exchange`, as ``mosahebeh export`` / ``mosahebeh import`` do,
and word its results in the UI language.
"""
from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QCheckBox, QComboBox, QFileDialog, QLabel, QLineEdit

from codebook import exchange
from codebook.errors import StudyError
from desktop.i18n import current_language, worded
from codebook.refiqda.import_ import COUNT_KINDS, SKIPPED_KINDS
from codebook.pseudonymise import Replacer
from desktop.exchange.job_dialog import JobDialog, ltr_path, number, replaced_text
from desktop.settings import Settings
from transcribe.paths import data_dir


def export_folder(study_folder: Path) -> Path:
    """Where an export goes by default: the folder of the last export; else beside the study, unless
    the study lives in the app's hidden data folder (the demo), where the user's Documents folder
    (or home) is the place a person would look for it."""
    last = Path(Settings().export_folder) if Settings().export_folder else None
    if last is not None and last.is_dir():
        return last
    if study_folder.resolve().is_relative_to(data_dir().resolve()):
        documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return Path(documents) if documents and Path(documents).is_dir() else Path.home()
    return study_folder.parent


class ExportDialog(JobDialog):
    """Export the open study (see the module doc)."""

    WHATS = ("qdpx", "archive", "qdc", "transcript", "frequencies", "participants", "quotes", "saturation")
    FORMATS = {"qdpx": ["qdpx"], "archive": ["zip"], "qdc": ["qdc"], "transcript": ["docx", "txt", "srt", "vtt"],
               "frequencies": ["docx", "xlsx", "csv"], "participants": ["docx", "xlsx", "csv"],
               "quotes": ["docx", "csv"], "saturation": ["png", "svg"]}

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent, self.tr("Export"))
        self.setWindowTitle(self.tr("Export"))
        names = {"qdpx": self.tr("Whole study for MAXQDA, ATLAS.ti, NVivo, QualCoder (REFI-QDA .qdpx)"),
                 "archive": self.tr("Whole study for another copy of Mosahebeh (.mosahebeh.zip, lossless)"),
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
        self.pseudonymise = QCheckBox(self.tr("Replace names with pseudonyms (replacement list, real names, contacts)"),
                                      self)
        self.pseudonymise.setToolTip(self.tr("Every name on the study's replacement list and every participant's real "
                                             "name and contact is replaced in every text the export writes."))
        self.pseudonymise.setChecked(bool(Replacer.for_study(ctx.study)))
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
                self.audio: what == "qdpx", self.lang: what not in ("qdpx", "qdc", "archive"),
                self.pseudonymise: what not in ("archive", "saturation")}
        for widget, visible in show.items():
            widget.setVisible(visible)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(visible)
        self.adjustSize()
        suffix = "" if self.folder_wanted() else ".mosahebeh.zip" if what == "archive" else "." + self.fmt.currentData()
        if self.auto_path:  # until the user edits the path, it follows the choices
            folder = export_folder(self.ctx.study.folder)
            name = _safe(self.ctx.study.name)
            if what == "transcript":
                name = _safe(self.interview.currentText()) if self.interview.currentData() else name + "-transcripts"
            elif what not in ("qdpx", "qdc", "archive"):
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
        if not self.out.text().strip():
            self.finished_bad(self.tr("Choose where to write the export."))
            return
        what, fmt, out = self.what.currentData(), self.fmt.currentData(), Path(self.out.text().strip())
        Settings().export_folder = str(out if self.folder_wanted() else out.parent)
        fmt = "archive" if what == "archive" else fmt
        options = dict(what=None if what in ("qdpx", "qdc", "archive") else what, interview=self.interview.currentData()
                       if what == "transcript" else None, lang=self.lang.currentData(), by=self.by.currentData(),
                       timestamps=self.timestamps.isChecked(), audio=self.audio.isChecked(),
                       pseudonymise=self.pseudonymise.isChecked() and self.pseudonymise.isVisibleTo(self))

        def job(study):
            return self.exported_text(exchange.export(study, fmt, out, **options))
        self.launch(job)

    def exported_text(self, result: exchange.Exported) -> str:
        """What an export wrote, in the UI language."""
        if result.kind == "qdpx":
            lines = [self.qdpx_text(result.project)] + [self.warning_text(w) for w in result.project.warnings]
        else:
            lines = [self.written_text(result)]
        if result.replaced is not None:
            lines.append(replaced_text(result.replaced))
        return "\n".join(lines)

    def qdpx_text(self, result) -> str:
        c = result.counts
        return (self.tr("Wrote the project to %1 (categories: %7, codes: %2, participants: %3, "
                        "interviews: %4, codings: %5, "
                        "memos: %6).").replace("%1", ltr_path(result.path)).replace("%2", number(c.get("codes", 0)))
                .replace("%7", number(c.get("categories", 0)))
                .replace("%3", number(c.get("cases", 0))).replace("%4", number(c.get("sources", 0)))
                .replace("%5", number(c.get("codings", 0))).replace("%6", number(c.get("notes", 0))))

    def warning_text(self, line: str) -> str:
        """A warning of the .qdpx export in the UI language (an unknown one as it is)."""
        m = re.fullmatch(r"The audio of (.+) is missing \((.+)\); exported as text only\.", line)
        if m:
            return self.tr("The audio of %1 is missing (%2); it was exported as text only.") \
                .replace("%1", m[1]).replace("%2", ltr_path(m[2]))
        m = re.fullmatch(r"A coding of (['\"])(.*)\1 in (.+) covers no text \(its text was deleted\); it was left out\.",
                         line)
        if m:
            return self.tr("A coding of “%1” in %2 covers no text (its text was deleted); it was left out.") \
                .replace("%1", m[2]).replace("%2", m[3])
        return line

    def written_text(self, result: exchange.Exported) -> str:
        if result.kind == "archive":
            c = result.project.counts
            return self.tr("Wrote the whole study to %1 (interviews: %2, segments: %3, codings: %4, audio files: "
                           "%5). It holds participants' real names and contacts too: store it and share it only with "
                           "the care the study folder itself needs.").replace("%1", ltr_path(result.path)) \
                .replace("%2", number(c.get("interviews", 0))).replace("%3", number(c.get("segments", 0))) \
                .replace("%4", number(c.get("codings", 0))).replace("%5", number(c.get("audio files", 0)))
        if result.kind == "qdc":
            cats = self.tr("%1 category") if result.categories == 1 else self.tr("%1 categories")
            codes = self.tr("%1 code") if result.count == 1 else self.tr("%1 codes")
            return self.tr("Wrote the codebook (%1, %2) to %3.") \
                .replace("%3", ltr_path(result.path)).replace("%1", cats.replace("%1", number(result.categories))) \
                .replace("%2", codes.replace("%1", number(result.count)))
        if result.kind == "transcript":
            return self.tr("Wrote the transcript of %1 to %2.").replace("%1", result.interview_label) \
                .replace("%2", ltr_path(result.path))
        if result.kind == "transcripts":
            return self.tr("Wrote %1 transcripts to the folder %2.").replace("%1", number(result.count)) \
                .replace("%2", ltr_path(result.path))
        texts = {"frequencies": self.tr("Wrote the code frequency tables to %1."),
                 "participants": self.tr("Wrote the participants table to %1."),
                 "quotes": self.tr("Wrote the quotes by code to %1."),
                 "saturation": self.tr("Wrote the saturation plot to %1.")}
        text = texts[result.kind].replace("%1", ltr_path(result.path))
        if result.saturation is not None:
            text += "\n" + result.saturation.sentence(current_language())
        return text


class ImportDialog(JobDialog):
    """Import into the open study, or a project into a new study (see the module doc)."""

    # What codebook.refiqda's ImportResult counts and skips: each is worded through self.tr (day_fa.ts).
    COUNTS, SKIPPED = (*COUNT_KINDS, "participants", "audio files"), SKIPPED_KINDS  # a study archive counts these too

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
                                   "otherwise into a new study folder. A study archive (.mosahebeh.zip) always "
                                   "opens as a new study. A codebook (.qdc) is merged into this "
                                   "study's codebook. A transcript (SRT, WebVTT, TXT with [hh:mm:ss] stamps, "
                                   "noScribe HTML) goes onto the interview chosen."), self)
        help_text.setWordWrap(True)
        self.form.addRow("", help_text)
        self.path.textChanged.connect(self.update_fields)
        self.update_fields()

    def kind(self) -> str:
        try:
            return exchange.import_format(self.path.text())
        except StudyError:
            return ""

    def study_is_empty(self) -> bool:
        s = self.ctx.study
        return not (s.participants.list() or s.interviews.list() or s.codes.list())

    def update_fields(self) -> None:
        kind = self.kind()
        transcript = kind in exchange.TRANSCRIPT_IMPORT_FORMATS
        new_study = kind == "archive" or (kind == "qdpx" and not self.study_is_empty())
        for widget, visible in ((self.interview, transcript), (self.replace, transcript), (self.target, new_study)):
            widget.setVisible(visible)
            label = self.form.labelForField(widget)
            if label is not None:
                label.setVisible(visible)
        if new_study and not self.target.text():
            name = Path(self.path.text()).name.removesuffix(".zip").removesuffix(".mosahebeh").removesuffix(".qdpx")
            self.target.setText(str(Path(self.path.text()).with_name(name + "-imported.mosahebeh")
                                    if kind == "archive" else Path(self.path.text()).with_suffix(".mosahebeh")))

    def browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import"), self.path.text(),
            self.tr("Importable files (*.qdpx *.mosahebeh.zip *.qdc *.srt *.vtt *.txt *.html *.htm)"))
        if path:
            self.path.setText(path)

    def start(self) -> None:
        path, kind = Path(self.path.text().strip()), self.kind()
        if not path.is_file():
            self.finished_bad(self.tr("Choose a file to import."))
            return
        if not kind:
            self.finished_bad(self.tr("This kind of file cannot be imported."))
            return
        if kind == "archive" or (kind == "qdpx" and not self.study_is_empty()):
            self.import_into_new_study(path)
            return
        transcript = kind in exchange.TRANSCRIPT_IMPORT_FORMATS
        interview = self.interview.currentData() if transcript else None
        if transcript and interview is None:
            self.finished_bad(self.tr("This study has no interview yet to put the transcript on."))
            return
        replace = self.replace.isChecked()
        self.launch(lambda study: self.imported_text(
            exchange.import_file(study, path, kind, interview=interview, replace=replace)))

    def imported_text(self, r: exchange.Imported) -> str:
        """What an import did, in the UI language."""
        if r.kind == "qdc":
            n_cats, n_codes = r.codebook.categories, r.codebook.added - r.codebook.categories
            cats = self.tr("%1 category") if n_cats == 1 else self.tr("%1 categories")
            codes = self.tr("%1 code") if n_codes == 1 else self.tr("%1 codes")
            return self.tr("Imported the codebook: %1 and %2 added, %3 already there.") \
                .replace("%3", number(r.codebook.reused)).replace("%1", cats.replace("%1", number(n_cats))) \
                .replace("%2", codes.replace("%1", number(n_codes)))
        if r.kind in ("qdpx", "archive"):
            project = r.project
            sep = "، " if current_language() == "fa" else ", "
            done = sep.join(f"{self.tr(k) if k in self.COUNTS else k}: {number(n)}"
                            for k, n in project.counts.items() if n)
            lines = [self.tr("Imported %1.").replace("%1", done or self.tr("nothing"))]
            if getattr(project, "repairs", None):  # other tools' known slips, mended and said
                lines.append(self.tr("Repaired: %1.").replace("%1", sep.join(worded(r) for r in project.repairs)))
            if getattr(project, "skipped", None):
                lines.append(self.tr("Not imported: %1.").replace("%1", sep.join(
                    f"{self.tr(k) if k in self.SKIPPED else k} ({number(n)})" for k, n in project.skipped.items())))
            if r.created:
                lines.append(self.tr("The new study is at {0}; open it from the File menu.")
                             .format(ltr_path(r.study_folder)))
            return "\n".join(lines)
        done = self.tr("Imported %1 segments from %2 onto %3.").replace("%1", number(r.segments)) \
            .replace("%2", ltr_path(r.path.name)).replace("%3", r.interview_label)
        notes = {"unreadable": self.tr("%1 with a time that cannot be read (skipped)"),
                 "past_end": self.tr("%1 starting after the end of the audio (skipped)"),
                 "clamped": self.tr("%1 ending after the end of the audio (cut at its end)"),
                 "negative": self.tr("%1 with a negative time (set to 0)"),
                 "control": self.tr("%1 control characters removed")}
        said = [notes[k].replace("%1", number(v)) for k, v in getattr(r.segments, "notes", {}).items() if k in notes]
        if said:  # what the import skipped or changed is said, never silent
            sep = "؛ " if current_language() == "fa" else "; "
            done += "\n" + self.tr("Not as written: %1.").replace("%1", sep.join(said))
        return done

    def import_into_new_study(self, path: Path) -> None:
        target = Path(self.target.text().strip())
        self.launch_alone(lambda: self.imported_text(exchange.import_project(path, target, new=True)))

    def finished_ok(self, message: str) -> None:
        super().finished_ok(message)
        for kind in ("participants", "interviews", "segments", "codes", "codings", "memos"):
            self.ctx.notify(kind)


def _safe(name: str) -> str:
    return "".join(c for c in name if c not in '/\\:*?"<>|').strip() or "study"
