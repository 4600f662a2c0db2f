"""Reading audio files: their length, and their samples for Whisper.

WAV/FLAC/OGG are read with soundfile; everything else (mp3, m4a, opus voice
notes, the audio track of a video) with PyAV, which faster-whisper brings.
"""
from __future__ import annotations

from pathlib import Path

from transcribe.errors import AudioError


def probe_duration_ms(path: str | Path) -> int:
    """The length of an audio (or video) file in milliseconds.

    Raises :class:`AudioError` with a plain message for a missing, empty,
    corrupt or non-audio file."""
    path = Path(path)
    if not path.is_file():
        raise AudioError(f"No audio file at {path}.")
    if path.stat().st_size == 0:
        raise AudioError(f"{path.name} is empty (0 bytes).")
    import soundfile as sf

    try:
        info = sf.info(str(path))
        if info.frames > 0 and info.frames < 2**62 and info.samplerate > 0:
            return round(info.frames * 1000 / info.samplerate)
    except (RuntimeError, sf.LibsndfileError):
        pass
    return _probe_with_av(path)


def _probe_with_av(path: Path) -> int:
    import av

    try:
        with av.open(str(path)) as container:
            streams = container.streams.audio
            if not streams:
                raise AudioError(f"{path.name} has no audio track.")
            stream = streams[0]
            if stream.duration is not None and stream.time_base is not None:
                return round(float(stream.duration * stream.time_base) * 1000)
            if container.duration:
                return round(container.duration / 1000)  # av.time_base is microseconds
            # No header length (a stream being written, some voice notes): decode to count.
            samples = 0
            rate = stream.rate or 16000
            for frame in container.decode(stream):
                samples += frame.samples
            if samples == 0:
                raise AudioError(f"{path.name} holds no audio samples.")
            return round(samples * 1000 / rate)
    except AudioError:
        raise
    except (av.error.FFmpegError, OSError, ValueError) as exc:
        raise AudioError(f"{path.name} is not a readable audio file ({exc}).") from exc


# -- decoding for Whisper, in bounded windows ------------------------------------

SAMPLE_RATE = 16000  # what Whisper takes
_GROUP = 500_000     # source samples per decode step, as faster_whisper.decode_audio groups them


def audio_channels(path: str | Path) -> int:
    """How many channels the first audio track of ``path`` has (a video's too)."""
    path = Path(path)
    probe_duration_ms(path)  # the plain messages for missing, empty and unreadable files
    import av

    try:
        with av.open(str(path), metadata_errors="ignore") as container:
            if not container.streams.audio:
                raise AudioError(f"{path.name} has no audio track.")
            return container.streams.audio[0].channels or 1
    except AudioError:
        raise
    except (av.error.FFmpegError, OSError, ValueError) as exc:
        raise AudioError(f"{path.name} is not a readable audio file ({exc}).") from exc


def iter_samples(path: str | Path, *, stereo: bool = False):
    """Decode ``path`` to 16 kHz float32 piece by piece.

    Yields 1-D arrays (mono) or ``(n, 2)`` arrays (``stereo``: left, right).
    Joined, the pieces are exactly what ``faster_whisper.decode_audio`` returns
    for the whole file (same resampler, same grouping), but memory stays
    bounded by one piece. A corrupt frame in the middle is skipped."""
    import av
    import numpy as np

    path = Path(path)
    try:
        container = av.open(str(path), mode="r", metadata_errors="ignore")
    except (av.error.FFmpegError, OSError, ValueError) as exc:
        raise AudioError(f"{path.name} is not a readable audio file ({exc}).") from exc
    with container:
        if not container.streams.audio:
            raise AudioError(f"{path.name} has no audio track.")
        resampler = av.audio.resampler.AudioResampler(format="s16", layout="stereo" if stereo else "mono",
                                                      rate=SAMPLE_RATE)
        fifo = av.audio.fifo.AudioFifo()

        def convert(frames):
            for out in frames:
                array = out.to_ndarray().reshape(-1)
                array = array.astype(np.float32) / 32768.0
                yield array.reshape(-1, 2) if stereo else array

        frames = container.decode(audio=0)
        while True:
            try:
                frame = next(frames)
            except StopIteration:
                break
            except av.error.InvalidDataError:
                continue
            except (av.error.FFmpegError, ValueError) as exc:
                raise AudioError(f"{path.name} cannot be decoded ({exc}).") from exc
            frame.pts = None
            fifo.write(frame)
            if fifo.samples >= _GROUP:
                yield from convert(resampler.resample(fifo.read()))
        if fifo.samples > 0:
            yield from convert(resampler.resample(fifo.read()))
        yield from convert(resampler.resample(None))
        del resampler


def quiet_cut(samples, lo: int, hi: int, frame: int = SAMPLE_RATE // 10) -> int:
    """The quietest place (lowest energy in ``frame``-sample steps) between sample
    ``lo`` and ``hi`` of ``samples``: where a window is cut so no word is split."""
    import numpy as np

    lo = max(0, lo)
    n = (hi - lo) // frame
    if n <= 1:
        return hi
    block = samples[lo:lo + n * frame]
    energy = np.square(block, dtype=np.float64)
    if energy.ndim == 2:
        energy = energy.sum(axis=1)
    energy = energy.reshape(n, frame).mean(axis=1)
    return lo + int(np.argmin(energy)) * frame + frame // 2


def iter_windows(path: str | Path, *, window_s: float = 300.0, start_s: float = 0.0, stereo: bool = False,
                 search_s: float = 30.0):
    """Yield ``(start_seconds, samples)`` windows of about ``window_s`` covering the
    file from ``start_s`` on, each cut at the quietest moment of the last
    ``search_s`` seconds before its nominal end. ``samples`` is a 1-D array, or
    for ``stereo`` an ``(n, 2)`` array. Memory: about one window.

    A file no longer than ``window_s`` comes as one window equal to
    ``faster_whisper.decode_audio`` of the file."""
    import numpy as np

    length = int(window_s * SAMPLE_RATE)
    search = min(int(search_s * SAMPLE_RATE), length // 2)
    skip = int(round(start_s * SAMPLE_RATE))
    position = skip  # absolute sample index of buffer[0]
    seen = 0
    pieces: list = []
    buffered = 0
    for piece in iter_samples(path, stereo=stereo):
        if seen + len(piece) <= skip:
            seen += len(piece)
            continue
        if seen < skip:
            piece = piece[skip - seen:]
            seen = skip
        seen += len(piece)
        pieces.append(piece)
        buffered += len(piece)
        while buffered >= length + search:
            buffer = np.concatenate(pieces)
            cut = quiet_cut(buffer, length - search, length)
            yield position / SAMPLE_RATE, buffer[:cut]
            position += cut
            pieces, buffered = [buffer[cut:].copy()], len(buffer) - cut
    if buffered:
        yield position / SAMPLE_RATE, np.concatenate(pieces)
    elif seen == 0:
        raise AudioError(f"{Path(path).name} holds no audio samples.")
