"""The interview's audio: QMediaPlayer with an audio output, speed with pitch
kept, skipping, and an automatic rewind of a few seconds when playback resumes.

For example (a sketch, not run as a doctest)::

    player = Player()
    player.load("/path/audio.wav")
    player.toggle()            # play; toggle again pauses
    player.skip(-5000)         # back 5 s
    player.set_rate(0.75)
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer

from desktop.media_log import quiet_ffmpeg

MIN_RATE, MAX_RATE = 0.5, 2.0


class Player(QObject):
    positionChanged = Signal(int)      # ms
    playingChanged = Signal(bool)
    durationChanged = Signal(int)      # ms
    rateChanged = Signal(float)
    errorOccurred = Signal(str)

    def __init__(self, parent: QObject | None = None, *, auto_rewind_ms: int = 0):
        super().__init__(parent)
        self.media = QMediaPlayer(self)
        quiet_ffmpeg()  # after Qt set up its FFmpeg: no stream dump on the terminal for every file opened
        self.output = QAudioOutput(self)
        self.media.setAudioOutput(self.output)
        if hasattr(self.media, "setPitchCompensation"):  # Qt >= 6.10: speed changes keep the pitch
            try:
                self.media.setPitchCompensation(True)
            except Exception:  # noqa: BLE001 - a backend without it still plays
                pass
        self.auto_rewind_ms = auto_rewind_ms
        self.path: Path | None = None
        self._paused_once = False
        self.media.positionChanged.connect(lambda p: self.positionChanged.emit(int(p)))
        self.media.durationChanged.connect(lambda d: self.durationChanged.emit(int(d)))
        self.media.playbackStateChanged.connect(
            lambda s: self.playingChanged.emit(s == QMediaPlayer.PlaybackState.PlayingState))
        self.media.errorOccurred.connect(lambda _e, msg: self.errorOccurred.emit(msg))

    def load(self, path: str | Path | None) -> None:
        """Load an audio file (None: unload)."""
        self.media.stop()
        self.path = Path(path) if path else None
        self._paused_once = False
        self.media.setSource(QUrl.fromLocalFile(str(self.path)) if self.path else QUrl())

    @property
    def loaded(self) -> bool:
        return self.path is not None

    def is_playing(self) -> bool:
        return self.media.playbackState() == QMediaPlayer.PlaybackState.PlayingState

    def position(self) -> int:
        return int(self.media.position())

    def duration(self) -> int:
        return int(self.media.duration())

    def play(self) -> None:
        if not self.loaded:
            return
        if self._paused_once and self.auto_rewind_ms > 0:
            self.media.setPosition(max(0, self.position() - self.auto_rewind_ms))
        self.media.play()

    def pause(self) -> None:
        if self.is_playing():
            self.media.pause()
            self._paused_once = True

    def toggle(self) -> None:
        self.pause() if self.is_playing() else self.play()

    def seek(self, ms: int) -> None:
        """Go to ``ms``; a seek means the user chose the place, so no rewind on the next play."""
        self._paused_once = False
        dur = self.duration()
        ms = max(0, int(ms))
        self.media.setPosition(min(ms, dur) if dur > 0 else ms)
        self.positionChanged.emit(ms if dur <= 0 else min(ms, dur))

    def skip(self, delta_ms: int) -> None:
        self.seek(self.position() + delta_ms)

    def rate(self) -> float:
        return float(self.media.playbackRate())

    def set_rate(self, rate: float) -> float:
        rate = round(max(MIN_RATE, min(MAX_RATE, rate)), 2)
        self.media.setPlaybackRate(rate)
        self.rateChanged.emit(rate)
        return rate
