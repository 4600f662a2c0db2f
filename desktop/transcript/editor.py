"""The transcript editor: segments right to left, edited in place, synced to the audio.

Keys (function keys and Ctrl+Space work the same with a Persian keyboard layout):
F4 / Ctrl+Space play-pause · F12 / Shift+F12 back / forward 5 s · F9 / F10 slower / faster ·
F3 / Shift+F3 the current segment's start / end to the playhead (:mod:`desktop.transcript.waveform`) ·
F7 next unchecked segment (the first one after opening; untranscribed speech is never checked, so F7
visits it) · Shift+F7 next untranscribed stretch · F8 mark checked (Shift+F8 or the checkbox: unchecked)
· F6 bookmark · Ctrl+Shift+Return split at the cursor · Ctrl+Shift+M merge with the next · F2 edit the text · click a word, then Shift+click (or drag to) a word
in a later segment to select across segments for coding (:mod:`desktop.transcript.span`).
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QComboBox, QHBoxLayout, QHeaderView, QLabel, QSlider, QTableView,
                               QToolBar, QVBoxLayout, QWidget)

from codebook.errors import StudyError
from codebook.models import word_spans
from desktop.i18n import current_language
from codebook.dates import digits, format_clock
from desktop.bidi import clock_pair
from desktop.settings import RATES, Settings
from desktop.transcript.coding import CodingMixin
from desktop.transcript.editing import EditingMixin
from desktop.transcript.speakers import SpeakersMixin
from desktop.transcript.delegate import SegmentDelegate, SegmentTextEdit
from desktop.transcript.model import COL_CODES, COL_SPEAKER, COL_TEXT, COL_TIME, SegmentsModel
from desktop.icons import AdaptiveToolBar, icon
from desktop.transcript.notice import SoundNotice
from desktop.transcript.player import Player
from desktop.transcript.rows import RowHeights
from desktop.transcript.span import SpanSelection
from desktop.transcript.waveform_panel import WaveformPanel

SKIP_MS = 5000


class TranscriptEditor(CodingMixin, EditingMixin, SpeakersMixin, QWidget):
    """Edit one interview's transcript against its audio. Every edit is an undo
    command on ``ctx.undo_stack`` and is written to the study at once."""

    message = Signal(str)  # for the status bar

    def __init__(self, ctx, parent: QWidget | None = None, settings: Settings | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.settings = settings or Settings()
        self.interview_id: int | None = None
        self.model = SegmentsModel(ctx, self)
        self.player = Player(self, auto_rewind_ms=int(self.settings.auto_rewind_s * 1000))
        self.player.set_rate(self.settings.playback_rate)

        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.delegate = SegmentDelegate(self.view, self)
        self.delegate.set_word_shading(self.settings.shade_unsure, self.settings.unsure_threshold)
        self.view.setItemDelegate(self.delegate)
        self.view.setWordWrap(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked
                                  | QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        # The scroll bar always there, so the text column's width never depends on the rows' heights: a row
        # that wraps at one width and not at the other flipped the bar on and off after the first paint.
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(COL_TIME, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_SPEAKER, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_CODES, QHeaderView.ResizeMode.Interactive)
        self.view.setColumnWidth(COL_SPEAKER, 110)
        self.view.setColumnWidth(COL_CODES, 150)
        self.row_heights = RowHeights(self.view, self)  # measured where seen, not all rows on every change
        self.view.clicked.connect(self._clicked)
        self.delegate.wordClicked.connect(self._word_clicked)
        self.span = SpanSelection(self)  # the coding span across segments

        self.position_label = QLabel()
        self.slider = QSlider(Qt.Orientation.Horizontal)
        self.slider.sliderMoved.connect(self.player.seek)
        self.rate_box = QComboBox()
        for r in RATES:
            self.rate_box.addItem(digits(f"{r:g}×", current_language()), r)
        self.rate_box.currentIndexChanged.connect(lambda i: self.set_rate(self.rate_box.itemData(i)))
        self.accuracy_label = QLabel()
        self.sound_notice = SoundNotice(self)
        self.play_bar = AdaptiveToolBar(self)
        self.toolbar = AdaptiveToolBar(self)
        self._make_actions()
        self.waveform = WaveformPanel(self)  # who speaks when, above the transcript
        self.waveform.act_show.setIcon(icon("waveform"))
        self.toolbar.addSeparator()
        self.toolbar.addAction(self.waveform.act_show)
        bar = QHBoxLayout()
        bar.addWidget(self.play_bar)
        bar.addWidget(self.rate_box)
        bar.addWidget(self.slider, 1)
        bar.addWidget(self.position_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.sound_notice)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.waveform)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.accuracy_label)

        self.player.positionChanged.connect(self._position_changed)
        self.player.durationChanged.connect(lambda d: self.slider.setRange(0, max(0, d)))
        self.player.playingChanged.connect(self._playing_changed)
        self.player.rateChanged.connect(self._rate_changed)
        self.player.errorOccurred.connect(lambda m: self.message.emit(self.tr("Cannot play the audio: %1").replace("%1", m)))
        self.model.activeRowChanged.connect(self._follow)
        self._refresh_timer = QTimer(self, singleShot=True, interval=60)
        self._refresh_timer.timeout.connect(self._refresh_from_store)
        ctx.changes.connect(self._changed)
        self._rate_changed(self.player.rate())
        self._position_changed(0)

    # -- actions ------------------------------------------------------------------

    def _action(self, text: str, slot, *keys, toolbar: bool | QToolBar = True, icon_name: str = "") -> QAction:
        act = QAction(icon(icon_name), text, self)
        act.setShortcuts([QKeySequence(k) for k in keys])
        act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        if keys:
            act.setToolTip(f"{text} ({QKeySequence(keys[0]).toString(QKeySequence.SequenceFormat.NativeText)})")
        act.triggered.connect(lambda _=False: slot())
        self.addAction(act)
        if toolbar:
            (self.toolbar if toolbar is True else toolbar).addAction(act)
        return act

    def _make_actions(self) -> None:
        play = self.play_bar
        self.act_play = self._action(self.tr("Play"), self.toggle_play, "F4", "Ctrl+Space", toolbar=play,
                                     icon_name="play")
        self.act_back = self._action(self.tr("Back 5 s"), lambda: self.player.skip(-SKIP_MS), "F12", toolbar=play,
                                     icon_name="back")
        self.act_forward = self._action(self.tr("Forward 5 s"), lambda: self.player.skip(SKIP_MS), "Shift+F12",
                                        toolbar=play, icon_name="forward")
        self.act_slower = self._action(self.tr("Slower"), lambda: self.step_rate(-1), "F9", toolbar=False,
                                       icon_name="slower")
        self.act_faster = self._action(self.tr("Faster"), lambda: self.step_rate(+1), "F10", toolbar=False,
                                       icon_name="faster")
        self.act_next = self._action(self.tr("Next unchecked"), self.next_unchecked, "F7", icon_name="next-unchecked")
        self.act_next_untranscribed = self._action(self.tr("Next untranscribed"), self.next_untranscribed,
                                                   "Shift+F7", toolbar=False, icon_name="untranscribed")
        self.act_check = self._action(self.tr("Mark checked"), self.mark_checked, "F8", "Ctrl+Return",
                                      icon_name="checked")
        self.act_uncheck = self._action(self.tr("Mark unchecked"), lambda: self.mark_checked(False), "Shift+F8",
                                        toolbar=False, icon_name="checked")
        self.act_mark = self._action(self.tr("Bookmark"), self.insert_bookmark, "F6", icon_name="bookmark")
        self.toolbar.addSeparator()
        self.act_split = self._action(self.tr("Split"), self.split_at_cursor, "Ctrl+Shift+Return", icon_name="split")
        self.act_merge = self._action(self.tr("Merge with next"), self.merge_next, "Ctrl+Shift+M", icon_name="merge")
        self.act_speaker = self._action(self.tr("Switch speaker"), self.switch_speaker, "Ctrl+Shift+K",
                                        icon_name="speaker")
        self.act_times = self._action(self.tr("Times…"), self.edit_times, "Ctrl+Shift+T", icon_name="times")
        self.act_swap_speakers = self._action(self.tr("Swap interviewer and participant"), self.swap_speakers,
                                              "Ctrl+Alt+K", toolbar=False, icon_name="speaker")
        self.act_rename_speaker = self._action(self.tr("Rename speaker…"), lambda: self.rename_speaker(),
                                               toolbar=False, icon_name="speaker")
        self.toolbar.addSeparator()
        # Where an in-vivo code goes; the main window points this at the codebook panel's selection.
        self.in_vivo_parent = lambda: None
        self.act_invivo = self._action(self.tr("In vivo code"), lambda: self.in_vivo(self.in_vivo_parent()),
                                       "Ctrl+Shift+I", icon_name="in-vivo")
        self.act_memo = self._action(self.tr("Coding memo…"), self.coding_memo, toolbar=False, icon_name="memo")
        self.act_find = self._action(self.tr("Find and replace…"), self.find_replace, "Ctrl+F", "Ctrl+H",
                                     icon_name="find")

    # -- opening ------------------------------------------------------------------

    def open_interview(self, interview_id: int | None, at_ms: int | None = None) -> None:
        """Show an interview's transcript and load its audio (at ``at_ms`` if given)."""
        self.close_text_editor()
        self.player.load(None)
        self.interview_id = interview_id
        self.model.load(interview_id)
        self._f7_from_top = True  # the first F7 goes to the first unchecked segment
        if interview_id is None:
            self.waveform.load(None)
            return
        audio = self.ctx.study.interviews.audio_file(interview_id)
        self.waveform.load(audio if audio is not None and audio.is_file() else None)
        if audio is not None and audio.is_file():
            self.player.load(audio)
        else:
            self.message.emit(self.tr("This interview has no audio file; the transcript can still be edited."))
        self.update_accuracy()
        if at_ms is not None:
            self.player.seek(at_ms)
        self._position_changed(at_ms or 0)

    def shutdown(self) -> None:
        """Stop everything before the study closes: pending saves are written, timers stopped."""
        self.close_text_editor()
        self._refresh_timer.stop()
        self.waveform.shutdown()
        if hasattr(self, "_acc_timer"):
            self._acc_timer.stop()
        if not getattr(self, "_shut", False):  # once: a second disconnect only warns (the window and a test may both call)
            self._shut = True
            try:
                self.ctx.changes.disconnect(self._changed)
            except (RuntimeError, TypeError):
                pass
        self.player.load(None)

    def apply_settings(self) -> None:
        """Take up changed settings (auto rewind, shading of unsure words) at once."""
        self.player.auto_rewind_ms = int(self.settings.auto_rewind_s * 1000)
        self.delegate.set_word_shading(self.settings.shade_unsure, self.settings.unsure_threshold)
        self.view.viewport().update()

    def reload(self) -> None:
        self.close_text_editor()
        self.model.reload()
        self._position_changed(self.player.position())

    def _changed(self, change) -> None:
        # What this editor's own commands did, its model already shows; another interview's changes do not show here.
        mine = change.interview_id is None or change.interview_id == self.interview_id
        if change.origin is not self.model and mine and change.any("codes", "codings", "marks", "guide", "suggestions"):
            self._refresh_timer.start()
        if "segments" in change and mine:
            self._accuracy_timer().start()

    def _refresh_from_store(self) -> None:
        if self.interview_id is not None and not self.ctx.study.closed:
            self.model.refresh_codings()

    # -- playing and following --------------------------------------------------------

    def toggle_play(self) -> None:
        if not self.player.loaded:
            self.message.emit(self.tr("No audio to play."))
            return
        if not self.player.is_playing():
            self.sound_notice.check()
        self.player.toggle()

    def play_at(self, ms: int) -> None:
        self.player.seek(ms)
        self.sound_notice.check()
        self.player.play()

    def set_rate(self, rate: float) -> None:
        self.settings.playback_rate = self.player.set_rate(rate)

    def step_rate(self, step: int) -> None:
        i = min(range(len(RATES)), key=lambda n: abs(RATES[n] - self.player.rate()))
        self.set_rate(RATES[max(0, min(len(RATES) - 1, i + step))])

    def _rate_changed(self, rate: float) -> None:
        i = min(range(len(RATES)), key=lambda n: abs(RATES[n] - rate))
        self.rate_box.blockSignals(True)
        self.rate_box.setCurrentIndex(i)
        self.rate_box.blockSignals(False)

    def _playing_changed(self, playing: bool) -> None:
        self.act_play.setText(self.tr("Pause") if playing else self.tr("Play"))
        self.act_play.setIcon(icon("pause" if playing else "play"))

    def _position_changed(self, ms: int) -> None:
        self.delegate.position_ms = ms
        row = self.model.set_position(ms)
        if row >= 0:
            self.view.viewport().update(self.view.visualRect(self.model.index(row, COL_TEXT)))
        if not self.slider.isSliderDown():
            self.slider.setValue(ms)
        lang = current_language()
        self.position_label.setText(clock_pair(format_clock(ms, lang), format_clock(self.player.duration(), lang), lang))

    def _follow(self, row: int) -> None:
        if row >= 0:
            self.view.scrollTo(self.model.index(row, COL_TEXT), QAbstractItemView.ScrollHint.EnsureVisible)

    def _clicked(self, index) -> None:
        if index.column() != COL_TEXT and self.player.loaded:
            self.player.seek(self.model.segment(index.row()).start_ms)

    def _word_clicked(self, row: int, offset: int) -> None:
        """Seek to the word at ``offset`` of the row's text (the segment's start if no word is there)."""
        if not self.player.loaded or not 0 <= row < self.model.rowCount():
            return
        seg = self.model.segment(row)
        at = seg.start_ms
        for w, span in zip(seg.words, word_spans(seg.text, seg.words)):
            if span and span[0] <= offset <= span[1]:
                at = w.start_ms
                break
            if span and span[0] > offset:
                break
            if span:
                at = w.start_ms
        self.player.seek(at)

    # -- the in-place text editor ------------------------------------------------------

    def text_editor(self) -> SegmentTextEdit | None:
        """The open in-place editor of a segment's text, if any."""
        for e in self.view.viewport().findChildren(SegmentTextEdit):
            if e.isVisible():
                return e
        return None

    def edit_row(self, row: int) -> SegmentTextEdit | None:
        index = self.model.index(row, COL_TEXT)
        open_here = self.text_editor() is not None and self.view.currentIndex() == index
        if not open_here:  # (editing the row already being edited: Qt refuses, "edit: editing failed")
            self.view.setCurrentIndex(index)
            self.view.edit(index)
        return self.text_editor()

    def close_text_editor(self, commit: bool = True) -> None:
        editor = self.text_editor()
        if editor is not None:
            if commit:
                self.delegate.commitData.emit(editor)
            self.delegate.closeEditor.emit(editor)

    def current_row(self) -> int:
        idx = self.view.currentIndex()
        if idx.isValid():
            return idx.row()
        return self.model.active_row

    # -- find, accuracy ---------------------------------------------------------------------

    def find_replace(self):
        from desktop.transcript.find_replace import FindReplaceDialog

        dlg = FindReplaceDialog(self)
        dlg.foundAt.connect(self.show_match)
        dlg.show()
        return dlg

    def show_match(self, interview_id: int, segment_id: int, start: int, end: int) -> None:
        if interview_id != self.interview_id:
            self.open_interview(interview_id)
        row = self.model.row_of(segment_id)
        if row >= 0:
            editor = self.edit_row(row)
            if editor is not None:
                editor.set_cursor_offset(start, end)

    def _accuracy_timer(self) -> QTimer:
        if not hasattr(self, "_acc_timer"):
            self._acc_timer = QTimer(self, singleShot=True, interval=1500)
            self._acc_timer.timeout.connect(self.update_accuracy)
        return self._acc_timer

    def update_accuracy(self) -> None:
        """Show WER/CER of the machine draft on the checked segments (their draft against their
        corrected text; unchecked segments are not counted), when that can be measured."""
        text = ""
        try:
            from codebook.transcription import accuracy
        except ImportError:
            accuracy = None
        if accuracy is not None and self.interview_id is not None:
            try:
                result = accuracy(self.ctx.study, self.interview_id)
            except StudyError:
                result = None
            if result:
                text = QCoreApplication.translate(
                    "TranscriptEditor", "WER %1% · CER %2% of the machine draft on %3 checked segments (Persian-"
                    "normalised; a word break written as a space, a ZWNJ or nothing does not count)"
                ) if result.segments != 1 else QCoreApplication.translate(
                    "TranscriptEditor", "WER %1% · CER %2% of the machine draft on the one checked segment "
                    "(Persian-normalised; a word break written as a space, a ZWNJ or nothing does not count)")
                lang = current_language()
                text = (text.replace("%1", digits(f"{result.wer * 100:.1f}", lang))
                        .replace("%2", digits(f"{result.cer * 100:.1f}", lang))
                        .replace("%3", digits(str(result.segments), lang)))
        self.accuracy_label.setText(text)
        self.accuracy_label.setVisible(bool(text))
