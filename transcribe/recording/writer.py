"""The crash-safe track writer: one thread per source.

The source's callback only :meth:`TrackWriter.put` s a block into a queue.
The writer thread appends it to a 16-bit WAV whose header libsndfile keeps
current on every write (``SFC_SET_UPDATE_HEADER_AUTO``), then appends one
line per block to the block log (``frames t_arrival overflow``), and syncs
both to disk every ``sync_every`` seconds. A killed process leaves a WAV
that reads normally and a log that describes it, up to the last write.

A write that fails (disk full, device removed) stops this track, keeps
what is written, and sets :attr:`error` to a plain sentence.
"""
from __future__ import annotations

import errno
import os
import queue
import shutil
import threading
import time
from pathlib import Path

import numpy as np

SFC_SET_UPDATE_HEADER_AUTO = 0x1061


def open_wav(path: Path, samplerate: int, channels: int = 1, subtype: str = "PCM_16"):
    """A WAV for writing whose header is rewritten after every write."""
    import soundfile as sf

    f = sf.SoundFile(str(path), "w", samplerate=samplerate, channels=channels, subtype=subtype, format="WAV")
    sf._snd.sf_command(f._file, SFC_SET_UPDATE_HEADER_AUTO, sf._ffi.NULL, sf._snd.SF_TRUE)
    return f


def describe_os_error(exc: BaseException, where: Path, detail: str = "") -> str:
    """A sentence for a failed write; a full disk (or file size limit) is named as such."""
    code = getattr(exc, "errno", None)
    text = f"{detail} {exc}".lower()
    full = code in (errno.ENOSPC, errno.EFBIG, errno.EDQUOT) or "no space" in text or "too large" in text \
        or "quota" in text
    if not full:
        try:
            full = shutil.disk_usage(where.parent).free < 1_000_000
        except OSError:
            pass
    template, values = os_error_words(exc, where, detail, full)
    return template.format(**values)


DISK_FULL = "The disk is full: recording to {folder} stopped. What was recorded up to now is kept."
CANNOT_WRITE = "Cannot write {path}: {reason}. What was recorded up to now is kept."


def os_error_words(exc: BaseException, where: Path, detail: str, full: bool) -> tuple[str, dict[str, object]]:
    """The template (:data:`DISK_FULL` or :data:`CANNOT_WRITE`) and values of :func:`describe_os_error`."""
    if full:
        return DISK_FULL, {"folder": where.parent}
    reason = getattr(exc, "strerror", None) or detail or str(exc)
    return CANNOT_WRITE, {"path": where, "reason": reason.rstrip(".")}


class TrackWriter:
    """Writes one source's blocks to ``wav`` and ``log`` from its own thread."""

    def __init__(self, wav: Path, log: Path, samplerate: int, sync_every: float = 1.0):
        self.wav_path, self.log_path, self.samplerate = Path(wav), Path(log), samplerate
        self.sync_every = sync_every
        self.frames = 0  # frames safely written
        self.blocks = 0
        self.overflows = 0
        self.error: str | None = None
        self._wav = open_wav(self.wav_path, samplerate)
        self._log = open(self.log_path, "a", encoding="ascii")
        self._queue: queue.SimpleQueue = queue.SimpleQueue()
        self._thread = threading.Thread(target=self._run, daemon=True, name=f"writer-{self.wav_path.stem}")
        self._thread.start()

    def put(self, data: np.ndarray, t: float, overflow: bool) -> None:
        """Queue one block (called from the audio callback: never blocks)."""
        self._queue.put((data, t, overflow))

    def close(self) -> None:
        """Write what is queued, sync, close. Safe to call twice."""
        if self._thread.is_alive():
            self._queue.put(None)
            self._thread.join()

    def _run(self) -> None:
        last_sync = time.monotonic()
        done = False
        while not done:
            try:
                item = self._queue.get(timeout=0.25)
            except queue.Empty:
                item = ()
            batch = [] if item is None or item == () else [item]
            done = item is None
            while not done:  # drain what else is waiting, to write in one go
                try:
                    more = self._queue.get_nowait()
                except queue.Empty:
                    break
                if more is None:
                    done = True
                else:
                    batch.append(more)
            if batch and self.error is None:
                self._write(batch)
            if self.error is None and (done or time.monotonic() - last_sync >= self.sync_every):
                self._sync()
                last_sync = time.monotonic()
        self._finish()

    def _write(self, batch: list) -> None:
        try:
            data = np.concatenate([b[0] for b in batch])
            pcm = np.clip(data, -1.0, 1.0)
            written = self._wav.write(pcm)
            if written is not None and written < len(pcm):
                raise OSError(errno.ENOSPC, "No space left on device")
            lines = "".join(f"{len(d)} {t:.6f} {int(o)}\n" for d, t, o in batch)
            self._log.write(lines)
            self._log.flush()
        except (OSError, RuntimeError) as exc:
            self.error = describe_os_error(exc, self.wav_path, self._sndfile_detail())
            return
        self.frames += len(data)
        self.blocks += len(batch)
        self.overflows += sum(1 for b in batch if b[2])

    def _sndfile_detail(self) -> str:
        """libsndfile's own text of its last error (it names the system error)."""
        try:
            import soundfile as sf

            return sf._ffi.string(sf._snd.sf_strerror(self._wav._file)).decode("utf-8", "replace")
        except Exception:
            return ""

    def _sync(self) -> None:
        try:
            self._log.flush()
            os.fsync(self._log.fileno())
            self._fsync_wav()
        except OSError as exc:
            self.error = describe_os_error(exc, self.wav_path)

    def _fsync_wav(self) -> None:
        fd = os.open(self.wav_path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)

    def _finish(self) -> None:
        for closer in (self._wav.close, self._log.close):
            try:
                closer()
            except (OSError, RuntimeError) as exc:
                self.error = self.error or describe_os_error(exc, self.wav_path)
