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
    except (av.error.FFmpegError, OSError, ValueError) as exc:  # type: ignore[attr-defined]
        raise AudioError(f"{path.name} is not a readable audio file ({exc}).") from exc
