"""The waveform strip in the transcript editor: its envelope worker, its scroll bar, and what its
clicks, drags and keys do to the player and the segments.

The envelope is read from its cache, or computed in a worker thread on the first open of a
recording (the strip says how far it is and about how long is left; opening another interview
cancels it). Moving a boundary is the Ctrl+Shift+T time edit (:class:`commands.SetTimes`); when
the neighbour touches that boundary its edge moves too, both in one undo step.
"""
from __future__ import annotations

import functools
import threading
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMenu, QScrollBar, QVBoxLayout, QWidget

from codebook.dates import digits
from desktop.i18n import current_language, worded
from desktop.transcript import commands
from desktop.transcript.model import speaker_label
from desktop.transcript.waveform import Span, WaveformStrip
from transcribe import envelope as env_mod


class _Signals(QObject):
    """Carries the worker's progress and result to the GUI thread (queued)."""
    progress = Signal(int, float)     # generation, share done
    done = Signal(int, object)        # generation, Envelope or an exception


def _load(generation: int, path: Path, signals: _Signals, stop: threading.Event) -> None:
    """:func:`transcribe.envelope.load` off the GUI thread (a plain callable for the pool)."""
    told = [0.0]

    def progress(share: float) -> None:  # a decoded piece is ~1000 samples: tell the GUI every 1%, not each
        if share - told[0] >= 0.01 or share >= 1.0:
            told[0] = share
            signals.progress.emit(generation, share)

    try:
        result: object = env_mod.load(path, progress, stop.is_set)
    except env_mod.Cancelled:
        return
    except Exception as exc:  # noqa: BLE001 - shown in the strip, not lost in the thread
        result = exc
    try:
        signals.done.emit(generation, result)
    except RuntimeError:  # the editor closed meanwhile
        pass


class WaveformPanel(QWidget):
    """The strip with a scroll bar under it (shown when zoomed in), tied to a TranscriptEditor."""

    def __init__(self, editor) -> None:
        super().__init__(editor)
        self.editor = editor
        self.strip = WaveformStrip(self)
        self.scrollbar = QScrollBar(Qt.Orientation.Horizontal, self)
        self.scrollbar.setVisible(False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.strip)
        layout.addWidget(self.scrollbar)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._signals = _Signals(self)
        self._signals.progress.connect(self._progress)
        self._signals.done.connect(self._loaded)
        self._generation = 0
        self._stop = threading.Event()
        self._clock = QElapsedTimer()
        self._last_progress = 0.0
        self.path: Path | None = None
        self.failed = False  # the last envelope could not be made (its reason is shown in the strip)

        self.strip.seekRequested.connect(self._seek)
        self.strip.edgeDragged.connect(lambda row, edge, ms: self.move_edge(row, edge, ms))
        self.strip.viewChanged.connect(self._sync_scroll)
        self.scrollbar.valueChanged.connect(self._scrolled)
        self.strip.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.strip.customContextMenuRequested.connect(self._menu)

        model = editor.model
        self._spans_timer = QTimer(self, singleShot=True, interval=0)  # several model signals: one re-read
        self._spans_timer.timeout.connect(self.refresh_spans)
        for sig in (model.modelReset, model.layoutChanged, model.rowsInserted, model.rowsRemoved, model.dataChanged):
            sig.connect(self._spans_timer.start)
        model.activeRowChanged.connect(lambda _row: self._current_changed())
        editor.view.selectionModel().currentChanged.connect(lambda *_: self._current_changed())
        editor.player.positionChanged.connect(self.strip.set_position)
        editor.player.durationChanged.connect(self.strip.set_duration)

        self.act_start = editor._action(self.tr("Start to the playhead"), lambda: self.edge_to_playhead("start"),
                                        "F3", toolbar=False, icon_name="edge-start")
        self.act_end = editor._action(self.tr("End to the playhead"), lambda: self.edge_to_playhead("end"),
                                      "Shift+F3", toolbar=False, icon_name="edge-end")
        self.act_show = QAction(self.tr("Waveform"), editor)
        self.act_show.setCheckable(True)
        self.act_show.setToolTip(self.tr("Show the waveform strip above the transcript"))
        self.act_show.setChecked(editor.settings.show_waveform)
        self.act_show.toggled.connect(self.set_shown)
        self.setVisible(editor.settings.show_waveform)

    # -- showing ------------------------------------------------------------------------------

    def set_shown(self, shown: bool) -> None:
        """Show or hide the strip; remembered in Settings. A hidden strip computes nothing."""
        self.editor.settings.show_waveform = bool(shown)
        self.setVisible(bool(shown))
        if self.act_show.isChecked() != bool(shown):
            self.act_show.setChecked(bool(shown))
        if shown and self.path is not None and self.strip.envelope is None and not self._busy():
            self.load(self.path)

    def _busy(self) -> bool:
        return self._pool.activeThreadCount() > 0 and not self._stop.is_set()

    def load(self, path: Path | None) -> None:
        """Show the waveform of ``path`` (None: no audio). Cached: at once; else computed in the worker."""
        self._stop.set()  # a computation of the previous recording is not wanted any more
        self._stop = threading.Event()
        self._generation += 1
        self.path = path
        self.failed = False
        self.strip.duration_ms = 0
        self.strip.view_start, self.strip.view_span = 0.0, 0.0  # each recording opens whole
        self._sync_scroll()
        self.strip.set_envelope(None, "" if path is not None else self.tr("This interview has no audio file."))
        self.refresh_spans()
        if path is None or not self.editor.settings.show_waveform:  # a hidden strip computes nothing
            return
        try:
            cached = env_mod.cached(path)
        except OSError:
            cached = None
        if cached is not None:
            self.strip.set_envelope(cached)
            self._sync_scroll()
            return
        self.strip.set_status(self.tr("Computing the waveform…"))
        self._clock.start()
        self._last_progress = 0.0
        self._pool.start(functools.partial(_load, self._generation, path, self._signals, self._stop))

    def _progress(self, generation: int, share: float) -> None:
        if generation != self._generation or share - self._last_progress < 0.02:
            return
        self._last_progress = share
        lang = current_language()
        elapsed = self._clock.elapsed() / 1000
        text = self.tr("Computing the waveform… %1%").replace("%1", digits(str(int(share * 100)), lang))
        if share > 0.05:
            left = max(1, round(elapsed * (1 - share) / share))
            text += ("، " if lang == "fa" else " · ") + self.tr("about %1 s left").replace("%1", digits(str(left), lang))
        self.strip.set_status(text)

    def _loaded(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return
        self.failed = not isinstance(result, env_mod.Envelope)
        if isinstance(result, env_mod.Envelope):
            self.strip.set_envelope(result)
        else:
            reason = worded(result) if isinstance(result, BaseException) else str(result)  # in the UI language
            self.strip.set_envelope(None, self.tr("No waveform: %1").replace("%1", reason))
        self._sync_scroll()

    def wait_ready(self, timeout_s: float = 60.0) -> bool:
        """Process events until the envelope is shown (for tests and scripts)."""
        from PySide6.QtCore import QCoreApplication

        end = time.monotonic() + timeout_s
        while self.path is not None and self.strip.envelope is None and time.monotonic() < end:
            self._pool.waitForDone(20)
            QCoreApplication.processEvents()
            if self.failed:
                break
        return self.strip.envelope is not None

    def shutdown(self) -> None:
        self._stop.set()
        self._generation += 1
        self._pool.clear()
        self._pool.waitForDone(2000)

    # -- segments ------------------------------------------------------------------------------

    def refresh_spans(self) -> None:
        model = self.editor.model
        spans = [Span(row, s.start_ms, s.end_ms, s.speaker) for row, s in enumerate(model.segments)]
        labels = {s.speaker: speaker_label(s.speaker) for s in model.segments}
        self.strip.set_spans(spans, labels)
        self.strip.current_row = -1
        self._current_changed()

    def _current_changed(self) -> None:
        self.strip.set_current_row(self.editor.current_row())

    def _seek(self, ms: int) -> None:
        if self.editor.player.loaded:
            self.editor.player.seek(ms)
        else:
            self.strip.set_position(ms)

    # -- moving boundaries -----------------------------------------------------------------------

    def move_edge(self, row: int, edge: str, ms: int) -> bool:
        """Set a segment's start or end to ``ms`` as one undo step; a neighbour whose edge
        touches this one moves with it. False (and a message) when that is not possible."""
        model = self.editor.model
        if not 0 <= row < model.rowCount():
            return False
        seg = model.segment(row)
        start, end = (ms, seg.end_ms) if edge == "start" else (seg.start_ms, ms)
        if end <= start:
            self.editor.message.emit(self.tr("A segment's end must come after its start."))
            return False
        other = self.strip.touching(row, edge) if row < len(self.strip.spans) else None
        changes = [(seg, start, end)]
        if other is not None:
            n = model.segment(other)
            n_start, n_end = (n.start_ms, ms) if edge == "start" else (ms, n.end_ms)
            if n_end <= n_start:
                self.editor.message.emit(self.tr("That would leave the neighbouring segment with no time."))
                return False
            changes.append((n, n_start, n_end))
        stack = self.editor.ctx.undo_stack
        stack.beginMacro(self.tr("Move segment boundary"))
        try:
            ok = all(self.editor._push(functools.partial(commands.SetTimes, model, s, a, b)) for s, a, b in changes)
        finally:
            stack.endMacro()
        self.editor.view.setCurrentIndex(model.index(row, self.editor.view.currentIndex().column()
                                                     if self.editor.view.currentIndex().isValid() else 2))
        return ok

    def edge_to_playhead(self, edge: str) -> bool:
        """F3 / Shift+F3: the current segment's start or end to where the player is."""
        row = self.editor.current_row()
        if row < 0 or not self.editor.player.loaded:
            self.editor.message.emit(self.tr("Choose a segment of an interview with audio to set its times."))
            return False
        return self.move_edge(row, edge, self.editor.player.position())

    # -- scrolling and the menu -------------------------------------------------------------------

    def _sync_scroll(self) -> None:
        start, span = self.strip.shown()
        total = max(1, self.strip.duration_ms)
        zoomed = self.strip.zoomed()
        self.scrollbar.setVisible(zoomed)
        self.scrollbar.blockSignals(True)
        self.scrollbar.setRange(0, max(0, int(total - span)))
        self.scrollbar.setPageStep(int(span))
        self.scrollbar.setSingleStep(max(1, int(span / 10)))
        self.scrollbar.setValue(int(start))
        self.scrollbar.blockSignals(False)

    def _scrolled(self, value: int) -> None:
        self.strip.set_window(float(value), self.strip.shown()[1])

    def _menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addAction(self.act_start)
        menu.addAction(self.act_end)
        menu.addSeparator()
        whole = menu.addAction(self.tr("Show the whole recording"))
        whole.triggered.connect(lambda: self.strip.set_window(0, 0))
        closer = menu.addAction(self.tr("Zoom in"))
        closer.triggered.connect(lambda: self.strip.zoom(0.5, self.strip.ms_of(pos.x())))
        menu.addSeparator()
        menu.addAction(self.act_show)
        menu.popup(self.strip.mapToGlobal(pos))
