"""Persian transcription with faster-whisper: options, windows, channels, progress.

For example (a sketch, not run as a doctest)::

    pipeline = Pipeline()                                  # the bundled base model
    result = pipeline.run("call.wav", glossary=["کتابخانه"])
    result.segments[0].text, result.segments[0].speaker, result.segments[0].words[0]

The audio is decoded and transcribed in windows of about five minutes cut at
quiet moments (:func:`transcribe.audio.iter_windows`), so a three-hour file
needs the memory of one window. A file shorter than a window is one window and
gets exactly what bare faster-whisper gives with the same options.

A two-channel file is transcribed channel by channel; segments are labelled
interviewer (channel 1) and participant (channel 2), merged by time, and mic
segments that only repeat the remote voice are dropped (:mod:`transcribe.channels`).

Segments stream out through ``on_segments(segments, resume_at)``: after each
segment for a mono file, after each window for a stereo one. ``resume_at`` is
where a later run should start (``start=``) to continue without redoing them.
faster-whisper ignores ``vad_filter`` when ``clip_timestamps`` is given, so a
resumed run starts the window at the resume point instead, keeping VAD on.
"""
from __future__ import annotations

import os
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from transcribe import channels
from transcribe.audio import SAMPLE_RATE, audio_channels, iter_windows, probe_duration_ms
from transcribe.errors import TranscribeError
from transcribe.models import load_model
from transcribe.normalize import canonical, clean_display

WINDOW_SECONDS = 300.0
AUTO = "auto"  # language: let Whisper detect it


class Cancelled(TranscribeError):
    """The run was cancelled; what was already handed to ``on_segments`` stands."""

    def __init__(self, resume_at: float = 0.0):
        super().__init__("Transcription cancelled.")
        self.resume_at = resume_at


@dataclass
class Word:
    start: float
    end: float
    word: str
    probability: float


@dataclass
class Segment:
    start: float
    end: float
    speaker: str
    text: str
    words: list[Word] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass
class Transcript:
    """What :meth:`Pipeline.run` returns; :meth:`to_dict` is the ``--json`` shape."""
    model: str
    model_options: dict
    options: dict
    language: str
    duration: float
    segments: list[Segment]
    channels: int = 1
    dropped_leaks: int = 0

    def to_dict(self) -> dict:
        return {"model": self.model, "model_options": self.model_options, "options": self.options,
                "language": self.language, "duration": self.duration,
                "segments": [s.to_dict() for s in self.segments]}

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.segments)


def transcribe_options(language: str | None = "fa", glossary: Iterable[str] = (), **overrides) -> dict:
    """Every keyword passed to ``WhisperModel.transcribe``, tuned for Persian interviews.

    Persian by default (``None`` or ``"auto"`` detects the language), VAD on,
    word timestamps on, ``condition_on_previous_text=False`` (it causes
    repetition loops on long audio), and the study's glossary of names and
    terms as ``hotwords`` (faster-whisper puts them in every window's prompt)."""
    terms = [canonical(t).strip() for t in glossary if t and t.strip()]
    options = {
        "language": None if language in (None, "", AUTO) else language,
        "task": "transcribe",
        "beam_size": 5,
        "temperature": [0.0, 0.2, 0.4, 0.6, 0.8, 1.0],
        "compression_ratio_threshold": 2.4,
        "log_prob_threshold": -1.0,
        "no_speech_threshold": 0.6,
        "condition_on_previous_text": False,
        "word_timestamps": True,
        "vad_filter": True,
        "vad_parameters": {"min_silence_duration_ms": 1000, "speech_pad_ms": 400},
        "hotwords": " ".join(terms) or None,
    }
    options.update(overrides)
    return options


def _r(x: float) -> float:
    return round(float(x), 3)


def _convert(raw, offset: float, speaker: str) -> Segment | None:
    text = clean_display(raw.text)
    if not text:
        return None
    words = [Word(_r(w.start + offset), _r(w.end + offset), clean_display(w.word), round(float(w.probability), 4))
             for w in (raw.words or []) if clean_display(w.word)]
    return Segment(_r(raw.start + offset), _r(raw.end + offset), speaker, text, words)


class Pipeline:
    """A loaded model and the way to run it on files.

    ``model`` is any spec :func:`transcribe.models.resolve_model` accepts; the
    device options default to :func:`transcribe.models.device_options`."""

    def __init__(self, model: str | os.PathLike | None = None, **device_kw):
        self.model, self.spec, self.model_options = load_model(model, **device_kw)

    @property
    def model_name(self) -> str:
        return self.spec.model_id

    def run(self, audio: str | os.PathLike, *, language: str | None = "fa", glossary: Iterable[str] = (),
            options: dict | None = None, start: float = 0.0, window_s: float = WINDOW_SECONDS,
            on_segments: Callable[[list[Segment], float], None] | None = None,
            on_progress: Callable[[float, float], None] | None = None,
            cancel: Callable[[], bool] | None = None) -> Transcript:
        """Transcribe ``audio`` from ``start`` seconds on.

        ``options`` replaces :func:`transcribe_options` (``language`` and
        ``glossary`` are then ignored). ``on_progress(fraction, eta_seconds)``
        reports the share of the audio duration done. ``cancel()`` is polled
        after every segment; when it returns true, :class:`Cancelled` is raised."""
        path = Path(audio)
        duration = probe_duration_ms(path) / 1000
        stereo = audio_channels(path) >= 2
        options = dict(options) if options is not None else transcribe_options(language, glossary)
        detected = options.get("language")
        segments: list[Segment] = []
        dropped = 0
        began, first = time.monotonic(), start
        done_at = start

        def progress(position: float) -> None:
            nonlocal done_at
            done_at = max(done_at, min(position, duration))
            if on_progress is None or duration <= 0:
                return
            fraction = done_at / duration
            elapsed, covered = time.monotonic() - began, done_at - first
            eta = elapsed / covered * (duration - done_at) if covered > 0 else -1.0
            on_progress(min(fraction, 1.0), eta)

        def check(resume_at: float) -> None:
            if cancel is not None and cancel():
                raise Cancelled(resume_at)

        resume_at = start
        for offset, samples in iter_windows(path, window_s=window_s, start_s=start, stereo=stereo):
            length = len(samples) / SAMPLE_RATE
            window_options = dict(options, language=detected)
            if stereo:
                found: list[list[Segment]] = []
                for channel, speaker in enumerate(channels.SPEAKERS):
                    raw, info = self.model.transcribe(samples[:, channel].copy(), **window_options)
                    detected = detected or info.language
                    found.append([])
                    for seg in raw:
                        converted = _convert(seg, 0.0, speaker)
                        if converted:
                            found[-1].append(converted)
                        progress(offset + (channel * length + seg.end) / 2)
                        check(resume_at)
                mic, leaks = channels.drop_leaks(found[0], found[1], samples[:, 0], samples[:, 1])
                dropped += len(leaks)
                batch = [_shift(s, offset) for s in channels.merge(mic, found[1])]
                segments += batch
                resume_at = offset + length
                if on_segments:
                    on_segments(batch, resume_at)
            else:
                raw, info = self.model.transcribe(samples, **window_options)
                detected = detected or info.language
                for seg in raw:
                    converted = _convert(seg, offset, "")
                    if converted:
                        segments.append(converted)
                        resume_at = converted.end
                        if on_segments:
                            on_segments([converted], resume_at)
                    progress(offset + seg.end)
                    check(resume_at)
                resume_at = offset + length
                if on_segments:
                    on_segments([], resume_at)
            progress(offset + length)
            check(resume_at)
        progress(duration)
        return Transcript(model=self.spec.model_id, model_options=dict(self.model_options), options=options,
                          language=detected or "", duration=_r(duration), segments=segments,
                          channels=2 if stereo else 1, dropped_leaks=dropped)


def _shift(segment: Segment, offset: float) -> Segment:
    return Segment(_r(segment.start + offset), _r(segment.end + offset), segment.speaker, segment.text,
                   [Word(_r(w.start + offset), _r(w.end + offset), w.word, w.probability) for w in segment.words])
