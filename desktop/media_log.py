"""Keep Qt Multimedia's FFmpeg quiet on the terminal.

Qt's FFmpeg backend (the ``QMediaPlayer`` of the transcript editor) leaves FFmpeg's own
logger at its default level, so every file it opens prints FFmpeg's stream dump
("Input #0, wav, from …", its metadata and streams) on stderr. That copy of FFmpeg
is Qt's own (``libavutil`` shipped inside PySide6), not PyAV's, which logs nothing
unless asked (``av.logging``): its level is set here, through its C API, to errors
only, once Qt has set its FFmpeg up (the first ``QMediaPlayer``; Qt sets the level
then). ``QT_FFMPEG_DEBUG`` (Qt's switch for FFmpeg's debug log) leaves it alone.
"""
from __future__ import annotations

import ctypes
import os
from pathlib import Path

AV_LOG_ERROR = 16  # libavutil/log.h
_done = False


def qt_avutil() -> Path | None:
    """The libavutil shipped with PySide6 (Linux ``Qt/lib``, macOS ``Qt/lib``, Windows beside PySide6)."""
    import PySide6

    root = Path(PySide6.__file__).resolve().parent
    for pattern in ("Qt/lib/libavutil.so.*", "Qt/lib/libavutil.*.dylib", "avutil-*.dll"):
        found = sorted(root.glob(pattern), key=lambda p: len(p.name))
        if found:
            return found[0]
    return None


def quiet_ffmpeg() -> bool:
    """Set Qt's FFmpeg to log errors only (once); False when its library is not found or
    ``QT_FFMPEG_DEBUG`` asks for its log."""
    global _done
    if _done:
        return True
    if "QT_FFMPEG_DEBUG" in os.environ:
        return False
    path = qt_avutil()
    if path is None:
        return False
    try:
        ctypes.CDLL(str(path)).av_log_set_level(AV_LOG_ERROR)
    except (OSError, AttributeError):  # a build without it: the dump stays, nothing breaks
        return False
    _done = True
    return True
