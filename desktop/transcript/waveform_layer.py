"""Drawing the waveform strip's still layer (:class:`desktop.transcript.waveform.WaveformStrip`):
the lanes of the envelope coloured by speaker (one numpy pass into an image), the segment boundaries,
the time axis in the UI's digits and the legend of speakers; and the speakers' colours.

What moves (the playhead, the current segment's outline, a dragged boundary) is painted over this
layer by the strip itself, so a playhead tick never redraws it.
"""
from __future__ import annotations

import zlib

import numpy as np
from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen, QPixmap

from codebook.dates import digits, format_clock
from codebook.models import SPEAKER_INTERVIEWER, SPEAKER_PARTICIPANT
from desktop.i18n import current_language

# The two roles of a call, then a palette for any other label (P1, P2, … or an unsure mark):
# Okabe–Ito's colour-blind-safe colours, the two roles first.
ROLE_COLORS = {SPEAKER_INTERVIEWER: "#0072b2", SPEAKER_PARTICIPANT: "#d55e00"}
PALETTE = ("#009e73", "#cc79a7", "#e69f00", "#56b4e9", "#8c564b", "#7f7f00", "#4b0092", "#b8860b")
NO_SPEAKER = "#8d99a6"   # a segment without a speaker
SILENCE = "#c5ccd3"      # audio outside every segment
BACKGROUND = "#fbfbfc"
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



def draw_layer(strip) -> QPixmap:
    w, h = max(1, strip.width()), max(1, strip.height())
    pix = QPixmap(w, h)
    pix.fill(QColor(BACKGROUND))
    p = QPainter(pix)
    axis_h = strip.axis_height()
    lanes_h = h - axis_h
    if strip.status or strip.envelope is None:
        p.setPen(QColor("#5f6b76"))
        p.drawText(QRect(0, 0, w, lanes_h), Qt.AlignmentFlag.AlignCenter, strip.status)
        p.end()
        return pix
    image = _lanes_image(strip, w, lanes_h)
    p.drawImage(0, 0, image)
    _draw_boundaries(strip, p, lanes_h)
    _draw_axis(strip, p, lanes_h, axis_h)
    _draw_legend(strip, p)
    p.end()
    return pix

def _column_colors(strip, w: int) -> tuple[np.ndarray, np.ndarray]:
    """Per pixel column: the waveform's colour and the background's (a light tint of the same)."""
    start, span = strip.shown()
    times = start + (np.arange(w) + 0.5) * (span / w)
    fg = np.full(w, _argb(QColor(SILENCE)), np.uint32)
    bg = np.full(w, _argb(QColor(BACKGROUND)), np.uint32)
    if len(strip.spans):
        idx = np.searchsorted(strip.starts_ms, times, side="right") - 1
        inside = (idx >= 0) & (times < strip.ends_ms[np.clip(idx, 0, None)])
        speakers = sorted({s.speaker for s in strip.spans})
        solid = np.array([_argb(speaker_color(s)) for s in speakers], np.uint32)
        light = np.array([_argb(speaker_color(s), 0.13) for s in speakers], np.uint32)
        which = np.array([speakers.index(s.speaker) for s in strip.spans], np.int64)
        cols = which[np.clip(idx, 0, None)]
        fg = np.where(inside, solid[cols], fg)
        bg = np.where(inside, light[cols], bg)
    return fg, bg

def _lanes_image(strip, w: int, h: int) -> QImage:
    env = strip.envelope
    assert env is not None
    start, span = strip.shown()
    fg, bg = _column_colors(strip, w)
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
    if strip.rtl():
        pixels = np.ascontiguousarray(pixels[:, ::-1])
    image = QImage(pixels.data, w, h, w * 4, QImage.Format.Format_ARGB32)
    return image.copy()  # own its pixels (the array goes away)

def _draw_boundaries(strip, p: QPainter, lanes_h: int) -> None:
    start, span = strip.shown()
    visible = int(np.count_nonzero((strip.ends_ms >= start) & (strip.starts_ms <= start + span)))
    if visible and strip.width() / visible < 8:  # a comb of lines would hide the colours: zoom in to see them
        return
    pen = QPen(QColor(30, 40, 50, 120), 1)
    p.setPen(pen)
    last = None
    for s in strip.spans:
        for at in (s.start_ms, s.end_ms):
            if not start <= at <= start + span:
                continue
            x = round(strip.x_of(at))
            if last is not None and abs(x - last) < 3:
                continue
            p.drawLine(x, 0, x, lanes_h)
            last = x

def _draw_axis(strip, p: QPainter, top: int, axis_h: int) -> None:
    lang = current_language()
    start, span = strip.shown()
    w = strip.width()
    p.fillRect(QRect(0, top, w, axis_h), QColor("#eef1f4"))
    p.setPen(QColor("#9aa5b1"))
    p.drawLine(0, top, w, top)
    metrics = strip.fontMetrics()
    label_w = metrics.horizontalAdvance("00:00:00") + 24
    step = next((s * 1000 for s in TICK_STEPS_S if s * 1000 / span * w >= label_w), 3600_000)
    t = np.ceil(start / step) * step
    p.setPen(QColor("#3c4650"))
    while t <= start + span:
        x = round(strip.x_of(t))
        p.drawLine(x, top, x, top + 4)
        text = _clock(int(t), lang, tenths=step < 1000)
        tw = metrics.horizontalAdvance(text) + 8  # (room for the shaping of Persian digits)
        tx = min(max(0, x - tw // 2), w - tw)
        p.drawText(QRect(tx, top + 2, tw, axis_h - 2), Qt.AlignmentFlag.AlignCenter, text)
        t += step

def _draw_legend(strip, p: QPainter) -> None:
    speakers = sorted({s.speaker for s in strip.spans}, key=lambda s: (s not in ROLE_COLORS, s))
    if not speakers:
        return
    font = QFont(strip.font())
    font.setPointSizeF(max(7.0, font.pointSizeF() * 0.9))
    p.setFont(font)
    metrics = p.fontMetrics()
    items = [(speaker_color(s), strip.labels.get(s, s) or "—") for s in speakers]
    width = sum(metrics.horizontalAdvance(t) + 22 for _, t in items) + 6
    height = metrics.height() + 4
    x = strip.width() - width - 4 if strip.rtl() else 4
    p.fillRect(QRectF(x, 3, width, height), QColor(255, 255, 255, 215))
    cx = x + 4
    order = items[::-1] if strip.rtl() else items
    for color, text in order:
        if strip.rtl():
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


def _clock(ms: int, lang: str, tenths: bool = False) -> str:
    """An axis label: ``m:ss`` (``h:mm:ss`` past an hour), tenths when the ticks are that close."""
    if tenths:
        return format_clock(ms, lang)
    s = ms // 1000
    h, rest = divmod(s, 3600)
    m, sec = divmod(rest, 60)
    return digits(f"{h}:{m:02d}:{sec:02d}" if h else f"{m}:{sec:02d}", lang)
