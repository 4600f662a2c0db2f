"""Compare Whisper models on the study's own corrections.

The segments somebody marked checked are the best test set there is: real
interviews, real voices, text a person corrected. :func:`compare_models`
re-transcribes each checked segment's stretch of audio with every model asked
for and scores the result against the corrected text (Persian-normalised WER
and CER, :mod:`transcribe.wer`), with the speed (seconds of audio per second).

For example (a sketch: it transcribes, so it is not run as a doctest)::

    result = compare_models(study, ["bundled", "large-v3"], limit=20)
    [(m.model, round(m.wer, 3)) for m in result.models]

Nothing is written to the study.
"""
from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from codebook.errors import StudyError
from codebook.study import Study
from transcribe.worded import worded_text


@dataclass
class Clip:
    interview_id: int
    segment_id: int
    start_ms: int
    end_ms: int
    speaker: str
    reference: str
    samples: Any = None  # numpy array, 16 kHz mono


@dataclass
class ModelScore:
    model: str
    wer: float | None = None
    cer: float | None = None
    word_errors: int = 0
    ref_words: int = 0
    seconds: float = 0.0          # transcribing time, model loading left out
    load_seconds: float = 0.0
    speed: float = 0.0            # seconds of audio per second of work
    error: str = ""               # why this model could not be compared
    hypotheses: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        data = asdict(self)
        data.pop("hypotheses")
        return data


@dataclass
class Comparison:
    segments: int
    audio_seconds: float
    models: list[ModelScore]

    def to_dict(self) -> dict:
        return {"segments": self.segments, "audio_seconds": round(self.audio_seconds, 2),
                "models": [m.to_dict() for m in self.models]}


def checked_clips(study: Study, *, limit: int | None = None, max_seconds: float = 30.0) -> list[Clip]:
    """The checked segments with text and audio (at most ``limit``, shortest first,
    none longer than ``max_seconds``: Whisper reads 30 seconds at a time)."""
    clips: list[Clip] = []
    for interview in study.interviews.list():
        if study.interviews.audio_file(interview.id) is None:
            continue
        for s in study.transcripts.segments(interview.id):
            if s.checked and s.text.strip() and 0 < s.end_ms - s.start_ms <= max_seconds * 1000:
                clips.append(Clip(interview.id, s.id, s.start_ms, s.end_ms, s.speaker, s.text))
    clips.sort(key=lambda c: (c.end_ms - c.start_ms, c.interview_id, c.start_ms))
    return clips[:limit] if limit else clips


def _cut_audio(study: Study, clips: list[Clip]) -> None:
    """Fill each clip's samples, decoding each interview's audio once. A two-channel call
    gives the speaker's own channel (interviewer left, participant right), else both mixed."""
    import numpy as np

    from transcribe.audio import SAMPLE_RATE, audio_channels, iter_samples
    from transcribe.channels import SPEAKERS

    by_interview: dict[int, list[Clip]] = {}
    for c in clips:
        by_interview.setdefault(c.interview_id, []).append(c)
    for interview_id, group in by_interview.items():
        path = study.interviews.audio_file(interview_id)
        if path is None:  # clips are cut only from interviews with audio
            continue
        stereo = audio_channels(path) >= 2
        spans = [(c, c.start_ms * SAMPLE_RATE // 1000, c.end_ms * SAMPLE_RATE // 1000) for c in group]
        parts: dict[int, list] = {id(c): [] for c in group}
        position = 0
        for piece in iter_samples(path, stereo=stereo):
            end = position + len(piece)
            for c, lo, hi in spans:
                if lo < end and hi > position:
                    parts[id(c)].append(piece[max(lo - position, 0):min(hi, end) - position])
            position = end
        for c, _lo, _hi in spans:
            data = np.concatenate(parts[id(c)]) if parts[id(c)] else np.zeros(0, dtype=np.float32)
            if stereo:
                data = data[:, SPEAKERS.index(c.speaker)] if c.speaker in SPEAKERS else data.mean(axis=1)
            c.samples = np.ascontiguousarray(data, dtype=np.float32)


def default_models() -> list[str]:
    """Every installed model, the bundled one first."""
    from transcribe.installed import installed

    return [m.name for m in installed()]


def compare_models(study: Study, models: list[str] | None = None, *, limit: int | None = None,
                   language: str = "fa", on_progress: Callable[[float, str], None] | None = None,
                   cancel: Callable[[], bool] | None = None) -> Comparison:
    """Score each model in ``models`` (installed names or any spec; default: all installed)
    on the study's checked segments. ``on_progress(fraction, model)`` after each segment;
    ``cancel()`` is polled as often and raises :class:`transcribe.whisper.Cancelled`."""
    from transcribe.errors import TranscribeError
    from transcribe.models import BUNDLED, load_model
    from transcribe.wer import error_rates
    from transcribe.whisper import Cancelled, seed, transcribe_options, whisper_kwargs

    clips = checked_clips(study, limit=limit)
    if not clips:
        raise StudyError("No checked segments with audio yet: correct a few segments and mark them checked "
                         "(Ctrl+Enter), then compare models on them.")
    models = list(models or default_models())
    _cut_audio(study, clips)
    audio_seconds = sum(len(c.samples) for c in clips) / 16000
    options = transcribe_options(language, word_timestamps=False)
    kwargs = whisper_kwargs(options)  # without transcribe.whisper's own keys (the seed)
    reference = "\n".join(c.reference for c in clips)
    scores: list[ModelScore] = []
    steps, step = len(models) * len(clips), 0
    for name in models:
        score = ModelScore(name)
        scores.append(score)
        began = time.monotonic()
        try:
            model, _spec, _options = load_model(None if name == BUNDLED else name)
        except TranscribeError as exc:
            score.error = worded_text(exc)  # its template kept: the front end words it
            step += len(clips)
            continue
        score.load_seconds = round(time.monotonic() - began, 2)
        seed(options)  # as the pipeline does: the same seed for every model should options ever sample
        began = time.monotonic()
        for clip in clips:
            if cancel is not None and cancel():
                raise Cancelled()
            # A clip is short: a model that loops on it would otherwise write 448 tokens at every
            # temperature; 15 tokens a second is more than Persian speech needs.
            seconds = len(clip.samples) / 16000
            raw, _info = model.transcribe(clip.samples, **kwargs, max_new_tokens=int(20 + 15 * seconds))
            score.hypotheses.append(" ".join(s.text.strip() for s in raw).strip())
            step += 1
            if on_progress is not None:
                on_progress(step / steps, name)
        score.seconds = round(time.monotonic() - began, 2)
        score.speed = round(audio_seconds / score.seconds, 2) if score.seconds > 0 else 0.0
        rates = error_rates(reference, "\n".join(score.hypotheses))
        score.wer, score.cer = rates.wer, rates.cer
        score.word_errors, score.ref_words = rates.word_errors, rates.ref_words
    return Comparison(len(clips), audio_seconds, scores)
