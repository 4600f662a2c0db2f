"""The waveform strip above the transcript: who speaks when.

Draws the recording's envelope (:mod:`transcribe.envelope`; one lane per channel of a two-channel
call, else one) coloured by the speaker of the segment under each pixel column, the segment
boundaries, the current segment, the playhead and a time axis in the UI's digits. A click seeks;
dragging a boundary asks for new segment times (:attr:`WaveformStrip.edgeDragged`); the wheel
zooms around the pointer, Shift+wheel (or a sideways wheel) scrolls.

Drawing: everything that only changes with the view (zoom, scroll, size, segments, speakers) is
drawn once into a pixmap from the envelope's columns (:mod:`desktop.transcript.waveform_layer`,
numpy, one pass); a playhead tick repaints
two strips a few pixels wide from it, so following playback costs next to nothing. When the
playhead leaves the shown window the view turns a page.

Direction: in the Persian UI time runs right to left, as the transcript is read and as the play
bar's slider already runs there (a horizontal QSlider is mirrored in a right-to-left layout);
the strip follows ``layoutDirection()`` so both always agree.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPoint, QRect, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from desktop.transcript.waveform_layer import ROLE_COLORS, draw_layer, speaker_color  # noqa: F401 (re-exported: the colours)
from transcribe.envelope import Envelope

PLAYHEAD = "#d50000"
CURRENT = "#f5b400"
MIN_SPAN_MS = 2000       # the narrowest window the zoom goes to
MIN_SEGMENT_MS = 50      # a dragged boundary keeps its segment at least this long
GRAB_PX = 4              # how near a boundary the pointer must be to drag it


@dataclass(frozen=True)
class Span:
    """One segment as the strip sees it."""
    row: int
    start_ms: int
    end_ms: int
    speaker: str


class WaveformStrip(QWidget):
    seekRequested = Signal(int)             # ms
    edgeDragged = Signal(int, str, int)     # row, "start" or "end", new ms
    viewChanged = Signal()                  # the shown window moved or zoomed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.envelope: Envelope | None = None
        self.status = ""                    # shown instead of the waveform ("computing…", an error)
        self.spans: list[Span] = []
        self.starts_ms = np.zeros(0, np.int64)
        self.ends_ms = np.zeros(0, np.int64)
        self.duration_ms = 0
        self.view_start = 0.0
        self.view_span = 0.0                # 0: the whole recording
        self.position_ms = 0
        self.current_row = -1
        self.labels: dict[str, str] = {}    # speaker -> its name in the UI (for the legend)
        self._layer: QPixmap | None = None
        self._drag: tuple[int, str, int] | None = None  # row, edge, ms while a boundary is dragged
        self.setMinimumHeight(self.sizeHint().height())

    def sizeHint(self):
        from PySide6.QtCore import QSize
        return QSize(600, 96 + self.axis_height())

    # -- what is shown --------------------------------------------------------------------

    def set_envelope(self, envelope: Envelope | None, status: str = "") -> None:
        self.envelope, self.status = envelope, status
        if envelope is not None:
            self.duration_ms = max(self.duration_ms, envelope.duration_ms)
        self._invalidate()

    def set_status(self, status: str) -> None:
        """Show ``status`` (computing…, no audio) in place of the waveform."""
        self.status = status
        self._invalidate()

    def set_duration(self, ms: int) -> None:
        if ms > 0 and ms != self.duration_ms:
            self.duration_ms = ms
            self._invalidate()

    def set_spans(self, spans: list[Span], labels: dict[str, str] | None = None) -> None:
        """The segments to draw (a model signal that changed none of them redraws nothing)."""
        if spans == self.spans and (labels is None or labels == self.labels):
            return
        self.spans = spans
        self.starts_ms = np.array([s.start_ms for s in spans], np.int64)
        self.ends_ms = np.array([s.end_ms for s in spans], np.int64)
        if labels is not None:
            self.labels = labels
        self._invalidate()

    def set_position(self, ms: int, follow: bool = True) -> None:
        """Move the playhead; repaint only where it was and where it is (a page turn if it left the view)."""
        old = self.position_ms
        self.position_ms = ms
        start, span = self.shown()
        if follow and span and not start <= ms <= start + span and self._drag is None:
            self._scroll_to(ms - span * 0.05)
            return
        for at in (old, ms):
            x = round(self.x_of(at))
            self.update(QRect(x - 3, 0, 7, self.height()))

    def set_current_row(self, row: int) -> None:
        if row == self.current_row:
            return
        for r in (self.current_row, row):
            rect = self._span_rect(r)
            if rect is not None:
                self.update(rect)
        self.current_row = row

    # -- the window of time shown ------------------------------------------------------------

    def shown(self) -> tuple[float, float]:
        """(start ms, length ms) of what is shown."""
        if self.view_span <= 0 or self.view_span >= self.duration_ms:
            return 0.0, float(max(self.duration_ms, 1))
        return self.view_start, self.view_span

    def zoomed(self) -> bool:
        return self.shown()[1] < self.duration_ms

    def set_window(self, start: float, span: float) -> None:
        total = float(max(self.duration_ms, 1))
        span = min(max(span, float(MIN_SPAN_MS)), total)
        start = min(max(start, 0.0), total - span)
        if (start, span) != self.shown():
            self.view_start, self.view_span = start, (0.0 if span >= total else span)
            self._invalidate()
            self.viewChanged.emit()

    def _scroll_to(self, start: float) -> None:
        self.set_window(start, self.shown()[1])

    def zoom(self, factor: float, at_ms: float | None = None) -> None:
        """Zoom by ``factor`` (< 1 closer) keeping ``at_ms`` where it is on screen."""
        start, span = self.shown()
        at = start + span / 2 if at_ms is None else at_ms
        new_span = span * factor
        self.set_window(at - (at - start) * new_span / span, new_span)

    def rtl(self) -> bool:
        return self.layoutDirection() == Qt.LayoutDirection.RightToLeft

    def x_of(self, ms: float) -> float:
        start, span = self.shown()
        x = (ms - start) / span * self.width()
        return self.width() - x if self.rtl() else x

    def ms_of(self, x: float) -> float:
        start, span = self.shown()
        if self.rtl():
            x = self.width() - x
        return start + x / max(1, self.width()) * span

    # -- painting -------------------------------------------------------------------------------

    def axis_height(self) -> int:
        return self.fontMetrics().height() + 6

    def _invalidate(self) -> None:
        self._layer = None
        self.update()

    def resizeEvent(self, event) -> None:
        self._layer = None
        super().resizeEvent(event)

    def changeEvent(self, event) -> None:
        if event.type() in (event.Type.LayoutDirectionChange, event.Type.FontChange):
            self._invalidate()
        super().changeEvent(event)

    def paintEvent(self, event: QPaintEvent) -> None:
        if self._layer is None or self._layer.size() != self.size():
            self._layer = draw_layer(self)
        p = QPainter(self)
        p.drawPixmap(event.rect(), self._layer, event.rect())
        if self.status or self.envelope is None:
            return
        lanes_h = self.height() - self.axis_height()
        rect = self._span_rect(self.current_row)
        if rect is not None:
            p.fillRect(QRect(rect.left(), 0, rect.width(), 4), QColor(CURRENT))
            p.setPen(QPen(QColor(CURRENT), 2))
            p.drawRect(rect.adjusted(1, 1, -1, -(self.height() - lanes_h) - 1))
        if self._drag is not None:
            x = round(self.x_of(self._drag[2]))
            p.setPen(QPen(QColor("#202020"), 2, Qt.PenStyle.DashLine))
            p.drawLine(x, 0, x, lanes_h)
        x = round(self.x_of(self.position_ms))
        p.setPen(QPen(QColor(PLAYHEAD), 2))
        p.drawLine(x, 0, x, self.height())

    def _span_rect(self, row: int) -> QRect | None:
        if not 0 <= row < len(self.spans) or self.duration_ms <= 0:
            return None
        span = self.spans[row]
        a, b = sorted((self.x_of(span.start_ms), self.x_of(span.end_ms)))
        if b < 0 or a > self.width():
            return None
        a, b = max(-2, int(a)), min(self.width() + 2, int(np.ceil(b)))
        return QRect(a, 0, max(3, b - a + 1), self.height())

    # -- the mouse --------------------------------------------------------------------------------

    def edge_at(self, x: float) -> tuple[int, str] | None:
        """The segment boundary within a few pixels of ``x``: (row, "start"/"end"), the nearest."""
        best: tuple[float, int, str] | None = None
        start, span = self.shown()
        for s in self.spans:
            for edge, at in (("start", s.start_ms), ("end", s.end_ms)):
                if start <= at <= start + span:
                    d = abs(self.x_of(at) - x)
                    if d <= GRAB_PX and (best is None or d < best[0]):
                        best = (d, s.row, edge)
        return None if best is None else (best[1], best[2])

    def edge_limits(self, row: int, edge: str) -> tuple[int, int]:
        """How far a boundary may go: its segment keeps :data:`MIN_SEGMENT_MS`, and so does a
        neighbour that touches it (whose boundary moves with it)."""
        s = self.spans[row]
        touching = self.touching(row, edge)
        if edge == "start":
            low = self.spans[touching].start_ms + MIN_SEGMENT_MS if touching is not None else 0
            return low, s.end_ms - MIN_SEGMENT_MS
        high = self.spans[touching].end_ms - MIN_SEGMENT_MS if touching is not None else max(self.duration_ms, s.end_ms)
        return s.start_ms + MIN_SEGMENT_MS, high

    def touching(self, row: int, edge: str) -> int | None:
        """The neighbour sharing this boundary (its end is this start, or its start this end), if any."""
        s = self.spans[row]
        other = row - 1 if edge == "start" else row + 1
        if not 0 <= other < len(self.spans):
            return None
        n = self.spans[other]
        return other if abs((n.end_ms if edge == "start" else n.start_ms)
                            - (s.start_ms if edge == "start" else s.end_ms)) <= 10 else None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self.envelope is None or self.status:
            return super().mousePressEvent(event)
        x = event.position().x()
        hit = self.edge_at(x)
        if hit is not None:
            row, edge = hit
            s = self.spans[row]
            self._drag = (row, edge, s.start_ms if edge == "start" else s.end_ms)
            self.update()
        else:
            self.seekRequested.emit(int(max(0, min(self.duration_ms, self.ms_of(x)))))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        if self._drag is not None:
            row, edge, _ = self._drag
            low, high = self.edge_limits(row, edge)
            self._drag = (row, edge, int(max(low, min(high, self.ms_of(x)))))
            self.update()
            return
        near = self.envelope is not None and not self.status and self.edge_at(x) is not None
        self.setCursor(Qt.CursorShape.SplitHCursor if near else Qt.CursorShape.PointingHandCursor)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._drag is None:
            return super().mouseReleaseEvent(event)
        row, edge, ms = self._drag
        self._drag = None
        self.update()
        s = self.spans[row]
        if ms != (s.start_ms if edge == "start" else s.end_ms):
            self.edgeDragged.emit(row, edge, ms)
        else:  # pressed on a boundary without moving it: a click, so seek there
            self.seekRequested.emit(int(max(0, min(self.duration_ms, self.ms_of(event.position().x())))))

    def wheelEvent(self, event: QWheelEvent) -> None:
        delta = event.angleDelta()
        sideways = delta.x() != 0 and delta.y() == 0
        if sideways or event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            notches = (delta.x() or delta.y()) / 120
            start, span = self.shown()
            step = -notches * span * 0.15
            self._scroll_to(start + (-step if self.rtl() else step))
        elif delta.y():
            self.zoom(0.8 ** (delta.y() / 120), self.ms_of(event.position().x()))
        event.accept()

    def point_of(self, ms: float) -> QPoint:
        """Where on the strip ``ms`` is drawn (middle of the lanes): for tests and scripts."""
        return QPoint(round(self.x_of(ms)), (self.height() - self.axis_height()) // 2)
