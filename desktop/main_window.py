"""The study window: participants, interviews and the transcript editor, with
the codebook and analysis views of the other parts docked around them.

Long work (recording, transcription, export) runs off the GUI thread in the
dialogs and the transcription queue; closing while it runs asks first.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QFileDialog, QLabel, QMainWindow, QMessageBox, QTabWidget,
                               QWidget)

from codebook.backups import restore
from codebook.errors import StudyError
from codebook.study import Study
from desktop.analysis.agreement import AgreementView
from desktop.analysis.merge_dialog import MergeDialog, offer_coder_rename
from desktop.analysis.retrieval import RetrievalView
from desktop.analysis.saturation import SaturationView
from desktop.analysis.tables import AnalysisView
from desktop.app import keep
from desktop.codes.panel import CodebookPanel
from desktop.context import StudyContext
from desktop.exchange.dialogs import ExportDialog, ImportDialog
from desktop.fit import ElidedLabel, fit_window
from desktop.icons import icon
from desktop.record.dialog import RecordDialog, import_audio
from desktop.settings import Settings
from desktop.settings_dialog import SettingsDialog
from desktop.study.backups import BackupJob, BackupsDialog, offer_restore
from desktop.study.guide import GuideEditor
from desktop.study.interview_dialog import InterviewDialog
from desktop.study.interviews import InterviewsView
from desktop.study.participants import ParticipantsView
from desktop.suggest.panel import SuggestionsPanel
from desktop.transcript import TranscriptEditor
from desktop.transcription.queue import TranscriptionQueue
from desktop.i18n import worded


class MainWindow(QMainWindow):
    def __init__(self, ctx: StudyContext, settings: Settings | None = None):
        super().__init__()
        # Closing the window closes its study; the window goes with it, so no later app-wide
        # event (language, font, palette) reaches views whose study can no longer be read.
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.ctx = ctx
        self.settings = settings or Settings()
        ctx.coder = self.settings.coder_name  # stamped on every coding made in this window
        self.setWindowTitle(f"{ctx.study.name} — {self.tr('Mosahebeh')}")
        if getattr(ctx.study, "read_only", ""):  # read-only media: viewing and exports work, edits are refused
            self.setWindowTitle(f"{ctx.study.name} ({self.tr('read-only: editing is off')}) — {self.tr('Mosahebeh')}")
        self.tabs = QTabWidget()
        self.participants = ParticipantsView(ctx)
        self.interviews = InterviewsView(ctx)
        self.editor = TranscriptEditor(ctx, settings=self.settings)
        self.tabs.addTab(self.participants, self.tr("Participants"))
        self.tabs.addTab(self.interviews, self.tr("Interviews"))
        self.tabs.addTab(self.editor, self.tr("Transcript"))
        self.tabs.addTab(RetrievalView(ctx), self.tr("Retrieval"))
        self.tabs.addTab(AnalysisView(ctx), self.tr("Tables"))
        self.tabs.addTab(SaturationView(ctx), self.tr("Saturation"))
        self.tabs.addTab(AgreementView(ctx), self.tr("Agreement"))
        self.setCentralWidget(self.tabs)
        self.codebook = CodebookPanel(ctx, self)
        dock = QDockWidget(self.tr("Codebook"), self)
        dock.setObjectName("codebook")
        dock.setWidget(self.codebook)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.codebook.applyRequested.connect(self.editor.apply_codes)
        self.editor.in_vivo_parent = self.codebook.current_parent_id
        self.resizeDocks([dock], [330], Qt.Orientation.Horizontal)
        # Coding suggestions waiting for review (issue #27): a dock tabbed with the codebook, hidden until asked for.
        self.suggestions = SuggestionsPanel(ctx, self.settings, self.editor, self)
        self.suggestions_dock = QDockWidget(self.tr("Suggestions"), self)
        self.suggestions_dock.setObjectName("suggestions")
        self.suggestions_dock.setWidget(self.suggestions)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.suggestions_dock)
        self.tabifyDockWidget(dock, self.suggestions_dock)  # beside the codebook: the transcript keeps its width
        self.suggestions_dock.hide()
        self.suggestions.showRequested.connect(self._show_suggestion)
        self.queue = TranscriptionQueue(ctx.study.folder, self)
        self.queue.progress.connect(self._progress)
        self.queue.finished.connect(self._transcribed)
        self.queue.failed.connect(self._failed)
        self.queue.notice.connect(lambda _iid, message: self.statusBar().showMessage(message, 20000))
        self.editor.message.connect(lambda m: self.statusBar().showMessage(m, 8000))
        self.interviews.openRequested.connect(lambda iid: self.open_transcript(iid))
        self.interviews.recordRequested.connect(self.record)
        self.interviews.importRequested.connect(self.import_audio)
        self.interviews.transcribeRequested.connect(self.transcribe)
        self.interviews.newRequested.connect(self.new_interview)
        self.interviews.editRequested.connect(self.edit_interview)
        self.interviews.model.failed.connect(lambda m: self.statusBar().showMessage(m, 15000))
        ctx.openTranscriptRequested.connect(self._open_and_play)
        self._make_menus()
        self.backup = BackupJob(self)  # the daily copy of the study, off the GUI thread
        self.backup.finished.connect(self._backed_up)
        if not getattr(ctx.study, "read_only", ""):
            self.backup.start(ctx.study.folder)
        if getattr(ctx.study, "read_only", ""):
            self.statusBar().addPermanentWidget(QLabel(self.tr("read-only: editing is off")))
        # The study's folder, elided to what fits: a long path made the window wider than the screen.
        self.folder_label = ElidedLabel(str(ctx.study.folder))
        self.statusBar().addPermanentWidget(self.folder_label)
        fit_window(self, QSize(1280, 800))  # within the screen's available area (1366×768 laptops)

    # -- menus ---------------------------------------------------------------------

    def _make_menus(self) -> None:
        def act(menu, text, slot, key=None, icon_name=""):
            a = QAction(icon(icon_name), text, self)
            if key:
                a.setShortcut(QKeySequence(key))
            a.triggered.connect(lambda _=False: slot())
            menu.addAction(a)
            return a

        file = self.menuBar().addMenu(self.tr("&File"))
        act(file, self.tr("New study…"), self.new_study, QKeySequence.StandardKey.New, "new")
        act(file, self.tr("Open study…"), self.open_study, QKeySequence.StandardKey.Open, "open")
        self.recent_menu = file.addMenu(self.tr("Recent studies"))
        self.recent_menu.aboutToShow.connect(self._fill_recent)
        file.addSeparator()
        act(file, self.tr("Export…"), lambda: ExportDialog(self.ctx, self).exec(), icon_name="export")
        act(file, self.tr("Import…"), lambda: ImportDialog(self.ctx, self).exec(), icon_name="import")
        act(file, self.tr("Merge a colleague's coding…"), lambda: MergeDialog(self.ctx, self).exec())
        file.addSeparator()
        act(file, self.tr("Backups…"), self.show_backups, icon_name="backup")
        act(file, self.tr("Settings…"), self.open_settings, icon_name="settings")
        act(file, self.tr("Quit"), self.close, QKeySequence.StandardKey.Quit)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        undo = self.ctx.undo_stack.createUndoAction(self, self.tr("Undo"))
        undo.setIcon(icon("undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.ctx.undo_stack.createRedoAction(self, self.tr("Redo"))
        redo.setIcon(icon("redo"))
        # Both everywhere (the platform's Redo is one or the other); the menu shows the first, the README both.
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        edit.addAction(self.editor.act_find)
        transcript = self.menuBar().addMenu(self.tr("&Transcript"))
        for a in (self.editor.act_play, self.editor.act_back, self.editor.act_forward, self.editor.act_slower,
                  self.editor.act_faster, None, self.editor.act_next, self.editor.act_check, self.editor.act_mark,
                  None, self.editor.act_split, self.editor.act_merge, self.editor.act_speaker, self.editor.act_times,
                  None, self.editor.act_invivo, self.editor.act_memo):
            transcript.addSeparator() if a is None else transcript.addAction(a)
        transcript.addSeparator()  # the waveform strip: its keys and its toggle
        for a in (self.editor.waveform.act_start, self.editor.waveform.act_end, self.editor.waveform.act_show):
            transcript.addAction(a)
        interview = self.menuBar().addMenu(self.tr("&Interview"))
        act(interview, self.tr("New interview…"), self.new_interview, icon_name="new")
        act(interview, self.tr("Edit interview…"), lambda: self._with_selected(self.edit_interview), icon_name="edit")
        act(interview, self.tr("Record…"), lambda: self._with_selected(self.record), icon_name="record")
        act(interview, self.tr("Import audio…"), lambda: self._with_selected(self.import_audio), icon_name="import-audio")
        act(interview, self.tr("Transcribe"), lambda: self._with_selected(self.transcribe), icon_name="transcribe")
        act(interview, self.tr("Open transcript"), lambda: self._with_selected(self.open_transcript),
            icon_name="open-transcript")
        act(interview, self.tr("Interview guide…"), self.guide, icon_name="guide")
        interview.addSeparator()
        interview.addAction(self.suggestions_dock.toggleViewAction())
        self.suggestions_dock.toggleViewAction().setText(self.tr("Coding suggestions"))
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        act(help_menu, self.tr("User guide (in Persian)"), self.show_user_guide, QKeySequence.StandardKey.HelpContents)

    def show_user_guide(self) -> None:
        """The Persian user guide (docs/fa/guide.md), offline, beside the window."""
        from desktop.help import show_guide

        self.user_guide = show_guide(self)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.recent_studies:
            a = self.recent_menu.addAction(path)
            a.triggered.connect(lambda _=False, p=path: self.switch_study(p))

    def _with_selected(self, slot) -> None:
        iid = self.interviews.selected_id()
        if iid is None:
            self.tabs.setCurrentWidget(self.interviews)
            self.statusBar().showMessage(self.tr("Choose an interview in the list first."), 6000)
            return
        slot(iid)

    # -- interviews --------------------------------------------------------------------

    def open_transcript(self, interview_id: int, at_ms: int | None = None) -> None:
        self.editor.open_interview(interview_id, at_ms)
        self.tabs.setCurrentWidget(self.editor)
        label = self.ctx.study.interviews.label(self.ctx.study.interviews.get(interview_id))
        self.tabs.setTabText(self.tabs.indexOf(self.editor), f"{self.tr('Transcript')}: {label}")

    def _show_suggestion(self, interview_id: int, segment_id: int, start: int, end: int) -> None:
        if self.editor.interview_id != interview_id:
            self.open_transcript(interview_id)
        self.tabs.setCurrentWidget(self.editor)
        self.editor.show_match(interview_id, segment_id, start, end)

    def _open_and_play(self, interview_id: int, at_ms: int) -> None:
        self.open_transcript(interview_id, at_ms)
        self.editor.play_at(at_ms)

    def new_interview(self) -> None:
        dialog = InterviewDialog(self.ctx.study, None, self)
        if dialog.exec():
            self.ctx.notify("interviews")
            self.interviews.select(dialog.interview.id)

    def edit_interview(self, interview_id: int) -> None:
        dialog = InterviewDialog(self.ctx.study, self.ctx.study.interviews.get(interview_id), self, ctx=self.ctx)
        if dialog.exec():  # the change told the views and went on the undo stack
            self.interviews.select(interview_id)
            if dialog.retranscribe:  # the speaker settings changed and the user said transcribe again
                self.transcribe(interview_id)

    def record(self, interview_id: int) -> None:
        self.recorder = RecordDialog(self.ctx, interview_id, self)
        try:
            self.recorder.exec()
        finally:
            self.recorder = None
        self.ctx.notify("interviews")

    def import_audio(self, interview_id: int) -> None:
        if import_audio(self.ctx, interview_id, self):
            self.ctx.notify("interviews")

    def transcribe(self, interview_id: int) -> None:
        if not self.ctx.study.interviews.get(interview_id).audio_path:
            QMessageBox.information(self, self.tr("Transcribe"), self.tr("Record or import the audio first."))
            return
        _segments, checked = self.ctx.study.transcripts.count(interview_id)
        coded = len(self.ctx.study.codings.list(interview_id=interview_id))
        force = bool(checked or coded)
        if force:
            answer = QMessageBox.question(
                self, self.tr("Transcribe again"),
                self.tr("This transcript has %1 checked segments and %2 codings. Transcribe the audio again? "
                        "The corrected transcript is kept as a memo on the interview.")
                .replace("%1", QLocale().toString(checked)).replace("%2", QLocale().toString(coded)))
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.queue.enqueue(interview_id, force=force)
        self.interviews.model.set_progress(interview_id, 0.0)

    def _progress(self, interview_id: int, fraction: float, _eta: float) -> None:
        self.interviews.model.set_progress(interview_id, fraction)

    def _transcribed(self, interview_id: int) -> None:
        self.interviews.model.set_progress(interview_id, None)
        self.ctx.notify("segments")
        self.ctx.notify("interviews")
        if self.editor.interview_id == interview_id:
            self.editor.open_interview(interview_id)

    def _failed(self, interview_id: int, message: str) -> None:
        self.interviews.model.set_progress(interview_id, None)
        self.ctx.notify("interviews")
        QMessageBox.warning(self, self.tr("Transcription failed"), message)

    def guide(self) -> None:
        self._guide = GuideEditor(self.ctx)
        self._guide.show()

    # -- studies, settings, closing ------------------------------------------------------

    def open_settings(self) -> None:
        old_coder = self.ctx.coder
        if SettingsDialog(self.settings, self).exec():
            self.editor.apply_settings()
            self.suggestions.refresh()  # the server named (or none): what the panel says is sent where
            self.ctx.coder = self.settings.coder_name
            if self.ctx.coder != old_coder:  # offer to put the new name on the old name's codings here
                offer_coder_rename(self.ctx, old_coder, self.ctx.coder, self)

    def new_study(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("New study"), str(Path.home()),
                                              self.tr("Mosahebeh study (*.mosahebeh)"))
        if path:
            try:
                Study.create(path).close()
            except StudyError as exc:
                QMessageBox.warning(self, self.tr("New study"), worded(exc))
                return
            self.switch_study(path if path.endswith(".mosahebeh") else path + ".mosahebeh")

    def open_study(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Open study (a .mosahebeh folder)"), str(Path.home()))
        if path:
            self.switch_study(path)

    def switch_study(self, path: str) -> None:
        try:
            study = Study.open(path)
        except StudyError as exc:
            study = offer_restore(self, Path(path), worded(exc))  # a damaged study with backups
            if study is None:
                QMessageBox.warning(self, self.tr("Open study"), worded(exc))
                self.settings.forget_recent(path)
                return
        if not self.close():
            study.close()
            return
        self.settings.add_recent(str(study.folder))
        window = MainWindow(StudyContext(study), self.settings)
        window.show()
        keep(window)

    def _backed_up(self, outcome) -> None:
        if isinstance(outcome, StudyError):  # a full disk, say: the study itself is fine; say so, once
            self.statusBar().showMessage(str(outcome), 30000)

    def show_backups(self) -> None:
        dialog = BackupsDialog(self.ctx.study.folder, self)
        dialog.restoreRequested.connect(self.restore_backup)
        dialog.exec()

    def restore_backup(self, copy: str) -> None:
        """Close the study, put ``copy`` back in its place, and open it again in a new window."""
        folder = self.ctx.study.folder
        if not self.close():
            return
        try:
            restore(folder, copy)
        except StudyError as exc:
            QMessageBox.warning(None, self.tr("Restore a backup"), worded(exc))
        try:
            study = Study.open(folder)
        except StudyError as exc:
            QMessageBox.warning(None, self.tr("Open study"), worded(exc))
            return
        window = MainWindow(StudyContext(study), self.settings)
        window.show()
        keep(window)

    def busy(self) -> list[str]:
        """What would be interrupted by closing now."""
        out = []
        if self.queue.is_busy():
            out.append(self.tr("a transcription"))
        # the open recording window, held by record(): walking every child widget here (findChildren) hit a
        # half-destroyed child once, in a test's teardown, and crashed
        recorder = getattr(self, "recorder", None)
        if recorder is not None and recorder.is_recording():
            out.append(self.tr("a recording"))
        return out

    def closeEvent(self, event) -> None:
        running = self.busy()
        if running:
            answer = QMessageBox.question(self, self.tr("Close Mosahebeh"), self.tr(
                "%1 is still running. Stop it and close? Work saved so far is kept.").replace("%1", ", ".join(running)))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
            for iid in list(self.queue.pending()):
                self.queue.cancel(iid)
        self.editor.shutdown()
        self.backup.wait()  # a copy under way finishes before the study closes
        event.accept()
        self.ctx.study.close()
