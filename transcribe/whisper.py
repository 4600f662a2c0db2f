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

No speech is lost silently. Every stretch the VAD finds to be speech ends up
as text or as an *untranscribed* segment (``text == ""``,
``untranscribed=True``): where faster-whisper returns nothing for a stretch
(it drops a 30 s chunk as silence when the decode looks unsure, and the
compression-ratio check can reject a chunk), the stretch is decoded again on
its own, greedy at temperature 0 with no no-speech drop; only if that too
gives no text is the stretch marked.

The same audio, model and options give the same segments in every run and
process: decoding is at temperature 0 only (no sampling fallback), and the
``seed`` kept in the options seeds CTranslate2 before every call in case
options with temperatures above 0 are given. (CTranslate2's random generator
is per thread and seeded once, at its first use in that thread, so seeding
alone does not make sampled decodes repeatable inside one process.)
"""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

from transcribe import channel_use as channel_uses
from transcribe import channels
from transcribe.audio import SAMPLE_RATE, audio_channels, iter_windows, probe_duration_ms
from transcribe.errors import TranscribeError
from transcribe.models import load_model
from transcribe.normalize import canonical, clean_display

WINDOW_SECONDS = 300.0
STEREO_WINDOW_SECONDS = 30.0  # a stereo file is saved once per window: a killed job loses at most this
AUTO = "auto"  # language: let Whisper detect it
SEED = 1
OUR_KEYS = ("seed",)  # kept in the options, not passed to faster-whisper
# How Whisper searches for the words. "accurate" (the default): beam search of 5 at temperature 0,
# chosen on long-form speech (continuous narration, phone-band and noisy lines, the shared clips
# with and without gaps: bench/speech_set.py --form), where greedy decoding lost up to 4 points of
# WER to noScribe's settings on held-out narrations. "fast": greedy, about 1.5x less CPU, as good on
# short turns with pauses between them.
DECODES: dict[str, dict] = {"accurate": {"beam_size": 5}, "fast": {"beam_size": 1}}
DEFAULT_DECODE = "accurate"
MIN_GAP_S = 2.0  # uncovered speech inside a partly transcribed VAD stretch that counts as missing
RESCUE_PAD_S = 0.2


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
    """A timed piece of the transcript. ``untranscribed``: speech the model could
    not turn into text (``text`` is then empty); in JSON, the empty text marks it."""
    start: float
    end: float
    speaker: str
    text: str
    words: list[Word] = field(default_factory=list)
    untranscribed: bool = False

    def to_dict(self) -> dict:
        d = asdict(self)
        d.pop("untranscribed")
        return d


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
    channel_use: str = ""  # how the channels were used (transcribe.channel_use), "" for a mono file

    def to_dict(self) -> dict:
        return {"model": self.model, "model_options": self.model_options, "options": self.options,
                "language": self.language, "duration": self.duration,
                "segments": [s.to_dict() for s in self.segments]}

    @property
    def text(self) -> str:
        return "\n".join(s.text for s in self.segments if s.text)

    @property
    def untranscribed(self) -> list[Segment]:
        return [s for s in self.segments if s.untranscribed]


def transcribe_options(language: str | None = "fa", glossary: Iterable[str] = (), decode: str | None = None,
                       **overrides) -> dict:
    """Every keyword passed to ``WhisperModel.transcribe``, tuned for Persian interviews.

    ``decode`` is ``"accurate"`` (beam search of 5) or ``"fast"`` (greedy), see :data:`DECODES`;
    None takes the choice saved with the model in use (``models use --decode``), else
    :data:`DEFAULT_DECODE`. Persian by default (``None`` or ``"auto"`` detects the language), VAD on,
    word timestamps on, ``condition_on_previous_text=False`` (it causes
    repetition loops on long audio), temperature 0 only (the same text every
    run; sampled fallbacks differ run to run), and the study's glossary of
    names and terms as ``hotwords`` (faster-whisper puts them in every
    window's prompt). ``seed`` is ours (see :func:`whisper_kwargs`)."""
    terms = [canonical(t).strip() for t in glossary if t and t.strip()]
    if decode is None:
        from transcribe.choice import selection

        decode = selection().get("decode") or DEFAULT_DECODE
    if decode not in DECODES:
        raise TranscribeError("Decoding is accurate or fast, not {decode}.", decode=decode)
    options = {
        "language": None if language in (None, "", AUTO) else language,
        "task": "transcribe",
        "beam_size": 1,
        "temperature": [0.0],
        "compression_ratio_threshold": 2.4,
        "log_prob_threshold": -1.0,
        "no_speech_threshold": 0.6,
        "condition_on_previous_text": False,
        "word_timestamps": True,
        "vad_filter": True,
        # Silero's default threshold (0.5) kept 67 s of 197 s of phone-band speech; at 0.3 it keeps
        # nearly all, and long-form WER improved too (bench/speech_set.py --form phone/gapless/gaps).
        "vad_parameters": {"min_silence_duration_ms": 1000, "speech_pad_ms": 400, "threshold": 0.3},
        "hotwords": " ".join(terms) or None,
        "seed": SEED,
    }
    options.update(DECODES[decode])
    options.update(overrides)
    return options


def whisper_kwargs(options: dict) -> dict:
    """``options`` without our own keys: what ``WhisperModel.transcribe`` accepts."""
    return {k: v for k, v in options.items() if k not in OUR_KEYS}


def seed(options: dict) -> None:
    """Seed CTranslate2's sampling with the options' ``seed`` (only sampled decodes use it)."""
    import ctranslate2

    ctranslate2.set_random_seed(int(options.get("seed", SEED)))


def rescue_options(options: dict) -> dict:
    """How a stretch that gave no text is decoded again: on its own, greedy at
    temperature 0, and nothing dropped as silence or as an unsure decode. (A
    rescued segment that is a repetition loop, compression ratio above the
    options' threshold, is not taken as text: the stretch is then marked.)"""
    return dict(options, beam_size=1, temperature=[0.0], no_speech_threshold=None, log_prob_threshold=None,
                compression_ratio_threshold=None, vad_filter=False, condition_on_previous_text=False)


def speech_stretches(samples, options: dict) -> list[tuple[float, float]]:
    """(start, end) seconds of speech the VAD finds in ``samples`` with the options'
    VAD parameters (what faster-whisper itself keeps); everything when VAD is off."""
    length = len(samples) / SAMPLE_RATE
    if not options.get("vad_filter"):
        return [(0.0, length)] if length > 0 else []
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    params = options.get("vad_parameters") or {}
    vad = params if isinstance(params, VadOptions) else VadOptions(**params)
    return [(c["start"] / SAMPLE_RATE, c["end"] / SAMPLE_RATE) for c in get_speech_timestamps(samples, vad)]


def missing(stretches: list[tuple[float, float]], covered: list[tuple[float, float]], lo: float,
            hi: float) -> list[tuple[float, float]]:
    """The speech between ``lo`` and ``hi`` that no text in ``covered`` covers: each
    stretch that no covered time touches, and uncovered parts of at least
    :data:`MIN_GAP_S` of a stretch partly covered (shorter ones are timing slack).

    >>> missing([(1, 3), (5, 12)], [(5, 7)], 0, 20)
    [(1, 3), (7, 12)]
    """
    out = []
    for s, e in stretches:
        if e <= lo or s >= hi:
            continue
        touching = sorted((max(a, s), min(b, e)) for a, b in covered if min(b, e) > max(a, s))
        at, end = max(s, lo), min(e, hi)
        if not touching:
            out.append((at, end))
            continue
        for a, b in touching:
            if min(a, end) - at >= MIN_GAP_S:
                out.append((at, min(a, end)))
            at = max(at, b)
        if end - at >= MIN_GAP_S:
            out.append((at, end))
    return out


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
        self._detected: str | None = None  # the language of the current run, once known

    def _decode(self, samples, options: dict):
        seed(options)
        raw, info = self.model.transcribe(samples, **whisper_kwargs(options))
        self._detected = self._detected or info.language
        return raw

    def _channel(self, samples, options: dict, speaker: str) -> Iterator[Segment]:
        """One channel of one window: faster-whisper's segments (times relative to
        ``samples``), with every VAD speech stretch it left without text decoded
        again on its own, and marked untranscribed if that gives no text either."""
        length = len(samples) / SAMPLE_RATE
        stretches = speech_stretches(samples, options)
        covered: list[tuple[float, float]] = []
        done = 0.0  # speech before this has been handed out or rescued
        decoded = self._decode(samples, options)
        options = dict(options, language=options.get("language") or self._detected)
        for raw in decoded:
            seg = _convert(raw, 0.0, speaker)
            if seg is None:
                continue
            covered.append((seg.start, seg.end))  # before looking back: it may cover a stretch's end
            yield from self._rescue(samples, missing(stretches, covered, done, seg.start), options, speaker)
            done = max(done, seg.start)
            yield seg
        yield from self._rescue(samples, missing(stretches, covered, done, length), options, speaker)

    def _rescue(self, samples, gaps: list[tuple[float, float]], options: dict, speaker: str) -> Iterator[Segment]:
        retry = rescue_options(options)
        length = len(samples) / SAMPLE_RATE
        for a, b in gaps:
            lo, hi = max(0.0, a - RESCUE_PAD_S), min(length, b + RESCUE_PAD_S)
            piece = samples[int(lo * SAMPLE_RATE):int(hi * SAMPLE_RATE)]
            limit = options.get("compression_ratio_threshold") or float("inf")
            found = [seg for seg in (_convert(r, lo, speaker) for r in self._decode(piece, retry)
                                     if r.compression_ratio <= limit) if seg]  # a repetition loop is no text
            if found:
                yield from found
            else:
                yield Segment(_r(a), _r(b), speaker, "", [], untranscribed=True)

    @property
    def model_name(self) -> str:
        return self.spec.model_id

    def run(self, audio: str | os.PathLike, *, language: str | None = "fa", glossary: Iterable[str] = (),
            options: dict | None = None, start: float = 0.0, window_s: float | None = None,
            on_segments: Callable[[list[Segment], float], None] | None = None,
            on_progress: Callable[[float, float], None] | None = None,
            cancel: Callable[[], bool] | None = None, channel_use: str | None = None) -> Transcript:
        """Transcribe ``audio`` from ``start`` seconds on.

        ``options`` replaces :func:`transcribe_options` (``language`` and
        ``glossary`` are then ignored). ``on_progress(fraction, eta_seconds)``
        reports the share of the audio duration done. ``cancel()`` is polled
        after every segment; when it returns true, :class:`Cancelled` is raised.
        ``window_s``: :data:`WINDOW_SECONDS` for mono, :data:`STEREO_WINDOW_SECONDS`
        for stereo (whose segments are saved once per window). ``channel_use`` (a
        :mod:`transcribe.channel_use` mode; detected when None) decides whether a two-channel
        file is transcribed channel by channel or once, as the mix of its channels."""
        path = Path(audio)
        duration = probe_duration_ms(path) / 1000
        use = use_of_channels(path, channel_use)
        stereo = use == channel_uses.BY_CHANNEL
        options = dict(options) if options is not None else transcribe_options(language, glossary)
        detected = self._detected = options.get("language")
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
        if window_s is None:
            window_s = STEREO_WINDOW_SECONDS if stereo else WINDOW_SECONDS
        for offset, samples in iter_windows(path, window_s=window_s, start_s=start, stereo=stereo):
            length = len(samples) / SAMPLE_RATE
            window_options = dict(options, language=detected)
            if stereo:
                found: list[list[Segment]] = []
                for channel, speaker in enumerate(channels.SPEAKERS):
                    found.append([])
                    for seg in self._channel(samples[:, channel].copy(), window_options, speaker):
                        found[-1].append(seg)
                        progress(offset + (channel * length + seg.end) / 2)
                        check(resume_at)
                    window_options["language"] = detected = detected or self._detected
                mic, leaks = channels.drop_leaks(found[0], found[1], samples[:, 0], samples[:, 1])
                dropped += len(leaks)
                batch = [_shift(s, offset) for s in channels.merge(mic, found[1])]
                segments += batch
                resume_at = offset + length
                if on_segments:
                    on_segments(batch, resume_at)
            else:
                for seg in self._channel(samples, window_options, ""):
                    seg = _shift(seg, offset)
                    segments.append(seg)
                    resume_at = seg.end
                    if on_segments:
                        on_segments([seg], resume_at)
                    progress(seg.end)
                    check(resume_at)
                detected = detected or self._detected
                resume_at = offset + length
                if on_segments:
                    on_segments([], resume_at)
            progress(offset + length)
            check(resume_at)
        progress(duration)
        return Transcript(model=self.spec.model_id, model_options=dict(self.model_options), options=options,
                          language=detected or "", duration=_r(duration), segments=segments,
                          channels=2 if stereo else 1, dropped_leaks=dropped, channel_use=use)


def use_of_channels(path: Path, mode: str | None) -> str:
    """How ``path``'s channels are transcribed: by channel (two speakers), or once as one channel;
    a file whose two channels carry the same voice is never transcribed twice."""
    if audio_channels(path) < 2:
        return channel_uses.ONE_CHANNEL
    return channel_uses.resolve(path, mode)


def _shift(segment: Segment, offset: float) -> Segment:
    return Segment(_r(segment.start + offset), _r(segment.end + offset), segment.speaker, segment.text,
                   [Word(_r(w.start + offset), _r(w.end + offset), w.word, w.probability) for w in segment.words],
                   segment.untranscribed)
