"""The waveform strip above the transcript: who speaks when.

Draws the recording's envelope (:mod:`transcribe.envelope`; one lane per channel of a two-channel
call, else one) coloured by the speaker of the segment under each pixel column, the segment
boundaries, the current segment, the playhead and a time axis in the UI's digits. A click seeks;
dragging a boundary asks for new segment times (:attr:`WaveformStrip.edgeDragged`); the wheel
zooms around the pointer, Shift+wheel (or a sideways wheel) scrolls.

Drawing: everything that only changes with the view (zoom, scroll, size, segments, speakers) is
drawn once into a pixmap from the envelope's columns (numpy, one pass); a playhead tick repaints
two strips a few pixels wide from it, so following playback costs next to nothing. When the
playhead leaves the shown window the view turns a page.

Direction: in the Persian UI time runs right to left, as the transcript is read and as the play
bar's slider already runs there (a horizontal QSlider is mirrored in a right-to-left layout);
the strip follows ``layoutDirection()`` so both always agree.
"""
from __future__ import annotations

import zlib
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPoint, QRect, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QImage,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from codebook.dates import digits, format_clock
from codebook.models import SPEAKER_INTERVIEWER, SPEAKER_PARTICIPANT
from desktop.i18n import current_language
from transcribe.envelope import Envelope

# The two roles of a call, then a palette for any other label (P1, P2, … or an unsure mark):
# Okabe–Ito's colour-blind-safe colours, the two roles first.
ROLE_COLORS = {SPEAKER_INTERVIEWER: "#0072b2", SPEAKER_PARTICIPANT: "#d55e00"}
PALETTE = ("#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#8c564b", "#7f7f00", "#4b0092", "#b8860b")
NO_SPEAKER = "#8d99a6"   # a segment without a speaker
SILENCE = "#c5ccd3"      # audio outside every segment
BACKGROUND = "#fbfbfc"
PLAYHEAD = "#d50000"
CURRENT = "#f5b400"
MIN_SPAN_MS = 2000       # the narrowest window the zoom goes to
MIN_SEGMENT_MS = 50      # a dragged boundary keeps its segment at least this long
GRAB_PX = 4              # how near a boundary the pointer must be to drag it
TICK_STEPS_S = (0.5, 1, 2, 5, 10, 15, 30, 60, 120, 300, 600, 900, 1800, 3600)


def speaker_color(label: str) -> QColor:
    """The colour of a speaker label: the call's two roles fixed, ``P<n>`` the n-th palette colour,
    any other label a palette colour picked by a hash of its name (so the same label always gets
    the same colour), no label grey."""
    if not label:
        return QColor(NO_SPEAKER)
    if label in ROLE_COLORS:
        return QColor(ROLE_COLORS[label])
    if label[:1] in "Pp" and label[1:].isdigit() and int(label[1:]) > 0:
        return QColor(PALETTE[(int(label[1:]) - 1) % len(PALETTE)])
    return QColor(PALETTE[zlib.crc32(label.encode("utf-8")) % len(PALETTE)])


def _argb(color: QColor, tint: float = 1.0) -> int:
    """``color`` mixed with the background (``tint`` 1: the colour itself) as 0xAARRGGBB."""
    bg = QColor(BACKGROUND)
    r, g, b = (round(c * tint + k * (1 - tint)) for c, k in
               ((color.red(), bg.red()), (color.green(), bg.green()), (color.blue(), bg.blue())))
    return 0xFF000000 | (r << 16) | (g << 8) | b


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
        self._starts = np.zeros(0, np.int64)
        self._ends = np.zeros(0, np.int64)
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
        return QSize(600, 96 + self._axis_height())

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
        self._starts = np.array([s.start_ms for s in spans], np.int64)
        self._ends = np.array([s.end_ms for s in spans], np.int64)
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

    def _axis_height(self) -> int:
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
            self._layer = self._draw_layer()
        p = QPainter(self)
        p.drawPixmap(event.rect(), self._layer, event.rect())
        if self.status or self.envelope is None:
            return
        lanes_h = self.height() - self._axis_height()
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

    def _draw_layer(self) -> QPixmap:
        w, h = max(1, self.width()), max(1, self.height())
        pix = QPixmap(w, h)
        pix.fill(QColor(BACKGROUND))
        p = QPainter(pix)
        axis_h = self._axis_height()
        lanes_h = h - axis_h
        if self.status or self.envelope is None:
            p.setPen(QColor("#5f6b76"))
            p.drawText(QRect(0, 0, w, lanes_h), Qt.AlignmentFlag.AlignCenter, self.status)
            p.end()
            return pix
        image = self._lanes_image(w, lanes_h)
        p.drawImage(0, 0, image)
        self._draw_boundaries(p, lanes_h)
        self._draw_axis(p, lanes_h, axis_h)
        self._draw_legend(p)
        p.end()
        return pix

    def _column_colors(self, w: int) -> tuple[np.ndarray, np.ndarray]:
        """Per pixel column: the waveform's colour and the background's (a light tint of the same)."""
        start, span = self.shown()
        times = start + (np.arange(w) + 0.5) * (span / w)
        fg = np.full(w, _argb(QColor(SILENCE)), np.uint32)
        bg = np.full(w, _argb(QColor(BACKGROUND)), np.uint32)
        if len(self.spans):
            idx = np.searchsorted(self._starts, times, side="right") - 1
            inside = (idx >= 0) & (times < self._ends[np.clip(idx, 0, None)])
            speakers = sorted({s.speaker for s in self.spans})
            solid = np.array([_argb(speaker_color(s)) for s in speakers], np.uint32)
            light = np.array([_argb(speaker_color(s), 0.13) for s in speakers], np.uint32)
            which = np.array([speakers.index(s.speaker) for s in self.spans], np.int64)
            cols = which[np.clip(idx, 0, None)]
            fg = np.where(inside, solid[cols], fg)
            bg = np.where(inside, light[cols], bg)
        return fg, bg

    def _lanes_image(self, w: int, h: int) -> QImage:
        env = self.envelope
        assert env is not None
        start, span = self.shown()
        fg, bg = self._column_colors(w)
        rows = []
        lanes = env.channels
        lane_h = h // lanes
        for ch in range(lanes):
            lh = lane_h if ch < lanes - 1 else h - lane_h * (lanes - 1)
            lo, hi = env.columns(start, start + span, w, ch)
            half = (lh - 4) / 2
            mid = lh / 2
            top = np.floor(mid - np.clip(hi, -1, 1) * half).astype(np.int32)
            bottom = np.ceil(mid - np.clip(lo, -1, 1) * half).astype(np.int32)
            bottom = np.maximum(bottom, top + 1)  # silence still shows a hairline of its colour
            y = np.arange(lh, dtype=np.int32)[:, None]
            lane = np.where((y >= top[None, :]) & (y <= bottom[None, :]), fg[None, :], bg[None, :])
            if ch:
                lane[0, :] = _argb(QColor("#d0d5da"))
            rows.append(lane)
        pixels = np.ascontiguousarray(np.vstack(rows).astype(np.uint32))
        if self.rtl():
            pixels = np.ascontiguousarray(pixels[:, ::-1])
        image = QImage(pixels.data, w, h, w * 4, QImage.Format.Format_ARGB32)
        return image.copy()  # own its pixels (the array goes away)

    def _draw_boundaries(self, p: QPainter, lanes_h: int) -> None:
        start, span = self.shown()
        visible = int(np.count_nonzero((self._ends >= start) & (self._starts <= start + span)))
        if visible and self.width() / visible < 8:  # a comb of lines would hide the colours: zoom in to see them
            return
        pen = QPen(QColor(30, 40, 50, 120), 1)
        p.setPen(pen)
        last = None
        for s in self.spans:
            for at in (s.start_ms, s.end_ms):
                if not start <= at <= start + span:
                    continue
                x = round(self.x_of(at))
                if last is not None and abs(x - last) < 3:
                    continue
                p.drawLine(x, 0, x, lanes_h)
                last = x

    def _draw_axis(self, p: QPainter, top: int, axis_h: int) -> None:
        lang = current_language()
        start, span = self.shown()
        w = self.width()
        p.fillRect(QRect(0, top, w, axis_h), QColor("#eef1f4"))
        p.setPen(QColor("#9aa5b1"))
        p.drawLine(0, top, w, top)
        metrics = self.fontMetrics()
        label_w = metrics.horizontalAdvance("00:00:00") + 24
        step = next((s * 1000 for s in TICK_STEPS_S if s * 1000 / span * w >= label_w), 3600_000)
        t = np.ceil(start / step) * step
        p.setPen(QColor("#3c4650"))
        while t <= start + span:
            x = round(self.x_of(t))
            p.drawLine(x, top, x, top + 4)
            text = _clock(int(t), lang, tenths=step < 1000)
            tw = metrics.horizontalAdvance(text) + 8  # (room for the shaping of Persian digits)
            tx = min(max(0, x - tw // 2), w - tw)
            p.drawText(QRect(tx, top + 2, tw, axis_h - 2), Qt.AlignmentFlag.AlignCenter, text)
            t += step

    def _draw_legend(self, p: QPainter) -> None:
        speakers = sorted({s.speaker for s in self.spans}, key=lambda s: (s not in ROLE_COLORS, s))
        if not speakers:
            return
        font = QFont(self.font())
        font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
        p.setFont(font)
        metrics = p.fontMetrics()
        items = [(speaker_color(s), self.labels.get(s, s) or "—") for s in speakers]
        width = sum(metrics.horizontalAdvance(t) + 22 for _, t in items) + 6
        height = metrics.height() + 4
        x = self.width() - width - 4 if self.rtl() else 4
        p.fillRect(QRectF(x, 3, width, height), QColor(255, 255, 255, 215))
        cx = x + 4
        order = items[::-1] if self.rtl() else items
        for color, text in order:
            if self.rtl():
                tw = metrics.horizontalAdvance(text)
                p.setPen(QColor("#2b333b"))
                p.drawText(QRectF(cx, 3, tw + 2, height), Qt.AlignmentFlag.AlignVCenter, text)
                p.fillRect(QRectF(cx + tw + 6, 3 + height / 2 - 5, 10, 10), color)
            else:
                p.fillRect(QRectF(cx, 3 + height / 2 - 5, 10, 10), color)
                tw = metrics.horizontalAdvance(text)
                p.setPen(QColor("#2b333b"))
                p.drawText(QRectF(cx + 14, 3, tw + 2, height), Qt.AlignmentFlag.AlignVCenter, text)
            cx += tw + 22

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
        return QPoint(round(self.x_of(ms)), (self.height() - self._axis_height()) // 2)


def _clock(ms: int, lang: str, tenths: bool = False) -> str:
    """An axis label: ``m:ss`` (``h:mm:ss`` past an hour), tenths when the ticks are that close."""
    if tenths:
        return format_clock(ms, lang)
    s = ms // 1000
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return digits(f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}", lang)
