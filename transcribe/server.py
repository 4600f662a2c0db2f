"""Transcribing on a speech server (the OpenAI audio API) instead of the laptop's CPU.

For example (a sketch, not run as a doctest)::

    pipeline = ServerPipeline(Server("http://gpu.lab:8000", "large-v3", key=key), jobs=2)
    result = pipeline.run("call.wav")          # the same Transcript as transcribe.whisper.Pipeline.run

:class:`ServerPipeline` has :class:`transcribe.whisper.Pipeline`'s ``run``, so a
study's resumable job (:func:`codebook.transcription.run_job`) takes either.
The audio is decoded here and cut into pieces of at most :data:`PIECE_SECONDS`
at the quietest moment near each cut (:func:`transcribe.audio.iter_windows`);
what is sent of a piece is cut further at the silences the local VAD finds,
into chunks of about 30 s, each 16 kHz mono FLAC (about 0.5 MB), far under a
25 MB upload cap and a 600 s decode cap. The server's times
are offset back by the piece's start. A two-channel call goes channel by
channel, labelled by the channel sent (interviewer, participant: the labels the
local pipeline gives), never by anything the server says; the mic channel's
echo of the remote voice is dropped as locally (:mod:`transcribe.channels`).

Words are kept when the server gives them (top-level ``words`` as OpenAI and
open-asr-server send, or nested in segments as whisper.cpp does); without a
probability a word counts as sure. Speech the local VAD finds that no returned
segment covers is saved as *untranscribed*, as the local pipeline does.

Only speech is sent: the local VAD's stretches of speech joined into chunks of
at most :data:`CHUNK_SECONDS` (:func:`speech_chunks`), one request each, so the
server never decodes the long silences where Whisper invents words. With
``jobs`` above 1 that many chunks are at the server at once (a batching server
such as vLLM serves them together). Each piece is saved whole through
``on_segments(batch, resume_at)`` as soon as its chunks are back, in order, so
a resumed run starts after the last saved piece and nothing is sent twice.
"""
from __future__ import annotations

import io
import os
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from transcribe import channels
from transcribe.audio import (
    SAMPLE_RATE,
    iter_windows,
    probe_duration_ms,
)
from transcribe.normalize import clean_display
from transcribe.server_http import Server, ServerError, ServerUnreachable
from transcribe.whisper import (
    Cancelled,
    Segment,
    Transcript,
    Word,
    missing,
    speech_stretches,
    transcribe_options,
)

__all__ = ["PIECE_SECONDS", "ServerPipeline", "Server", "ServerError", "ServerUnreachable", "encode_flac",
           "segments_from_answer"]

PIECE_SECONDS = 300.0  # a piece is decoded, saved and resumed as one
CHUNK_SECONDS = 30.0  # what one request carries at most (unless one stretch of speech is longer)
PAD_SECONDS = 0.2


def _r(x: float) -> float:
    return round(float(x), 3)


def encode_flac(samples) -> bytes:
    """16 kHz float samples (one channel) as a 16-bit FLAC file in memory."""
    import soundfile as sf

    buffer = io.BytesIO()
    sf.write(buffer, samples, SAMPLE_RATE, format="FLAC", subtype="PCM_16")
    return buffer.getvalue()


def _float(value, default: float) -> float:
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def _words(items: Iterable, offset: float, lo: float, hi: float) -> list[Word]:
    out = []
    for w in items or ():
        if not isinstance(w, dict):
            continue
        text = clean_display(str(w.get("word", w.get("text", ""))))
        if not text:
            continue
        start = min(max(_float(w.get("start"), lo), lo), hi)
        end = min(max(_float(w.get("end"), start), start), hi)
        probability = w.get("probability", w.get("p", w.get("confidence")))
        out.append(Word(_r(start + offset), _r(end + offset), text,
                        round(_float(probability, 1.0), 4) if probability is not None else 1.0))
    return out


def segments_from_answer(answer: dict, *, offset: float, length: float, speaker: str = "") -> list[Segment]:
    """The segments of one ``verbose_json`` answer for a piece that starts at
    ``offset`` seconds and lasts ``length``: times clamped to the piece and moved
    to the whole file's clock, text cleaned, words kept when given.

    >>> answer = {"text": " سلام", "segments": [{"start": 0.5, "end": 2.0, "text": " سلام"}],
    ...           "words": [{"start": 0.6, "end": 1.1, "word": " سلام"}]}
    >>> s = segments_from_answer(answer, offset=300.0, length=60.0, speaker="participant")[0]
    >>> (s.start, s.end, s.text, s.speaker, s.words[0].start, s.words[0].probability)
    (300.5, 302.0, 'سلام', 'participant', 300.6, 1.0)
    """
    raw = [s for s in answer.get("segments") or [] if isinstance(s, dict)]
    if not raw and clean_display(str(answer.get("text", ""))):  # a server that gives text only
        raw = [{"start": 0.0, "end": length, "text": answer["text"]}]
    loose = [w for w in answer.get("words") or [] if isinstance(w, dict)]
    out = []
    for i, seg in enumerate(raw):
        text = clean_display(str(seg.get("text", "")))
        if not text:
            continue
        start = min(max(_float(seg.get("start"), 0.0), 0.0), length)
        end = min(max(_float(seg.get("end"), length), start), length)
        if seg.get("words"):
            words = _words(seg["words"], offset, start, end)
        else:  # top-level words belong to the segment their middle falls in
            last = i == len(raw) - 1
            mine = [w for w in loose
                    if start <= (_float(w.get("start"), 0) + _float(w.get("end"), 0)) / 2 < end
                    or (last and (_float(w.get("start"), 0) + _float(w.get("end"), 0)) / 2 >= end)]
            words = _words(mine, offset, start, end)
        out.append(Segment(_r(start + offset), _r(end + offset), speaker, text, words))
    return out


def speech_chunks(stretches: list[tuple[float, float]], length: float, *, chunk_s: float = CHUNK_SECONDS,
                  pad_s: float = PAD_SECONDS) -> list[tuple[float, float]]:
    """The stretches of speech joined into chunks of at most ``chunk_s`` (a longer
    stretch stays whole), each padded by ``pad_s`` within ``0..length``: what is sent,
    so the server never hears the long silences where Whisper invents words.

    >>> speech_chunks([(1.0, 5.0), (6.0, 20.0), (40.0, 45.0), (46.0, 90.0)], 100.0)
    [(0.8, 20.2), (39.8, 45.2), (45.8, 90.2)]
    """
    chunks: list[list[float]] = []
    for start, end in stretches:
        if chunks and end - chunks[-1][0] <= chunk_s:
            chunks[-1][1] = end
        else:
            chunks.append([start, end])
    return [(round(max(0.0, a - pad_s), 3), round(min(length, b + pad_s), 3)) for a, b in chunks]


class ServerPipeline:
    """A speech server used like a local :class:`transcribe.whisper.Pipeline`."""

    def __init__(self, server: Server, *, jobs: int = 1, words: bool = True,
                 piece_s: float = PIECE_SECONDS):
        self.server = server
        self.jobs = max(1, int(jobs))
        self.words = words
        self.piece_s = piece_s
        self.model_options = {"server": server.url, "model": server.model, "jobs": self.jobs}
        self._language: str | None = None
        self._pool = ThreadPoolExecutor(max_workers=self.jobs)
        self._tick: Callable[[float], None] = lambda share: None

    @property
    def model_name(self) -> str:
        return self.server.label

    def _channel(self, samples, options: dict, speaker: str, part: tuple[int, int] = (0, 1)) -> list[Segment]:
        """One channel of one piece: its speech sent chunk by chunk (``jobs`` requests at
        a time), read back on the piece's clock; the speech the local VAD found that
        no returned segment covers is marked untranscribed."""
        length = len(samples) / SAMPLE_RATE
        stretches = speech_stretches(samples, options)
        prompt = options.get("initial_prompt") or options.get("hotwords") or None

        def send(lo: float, hi: float) -> list[Segment]:
            piece = samples[int(lo * SAMPLE_RATE):int(hi * SAMPLE_RATE)]
            answer = self.server.transcribe(encode_flac(piece), language=options.get("language"), prompt=prompt,
                                            words=self.words)
            self._language = self._language or (str(answer.get("language") or "") or None)
            return segments_from_answer(answer, offset=lo, length=hi - lo, speaker=speaker)

        found: list[Segment] = []
        chunks = speech_chunks(stretches, length)
        for (_, hi), batch in zip(chunks, self._pool.map(lambda c: send(*c), chunks), strict=True):
            found += batch
            self._tick((part[0] + hi / length) / part[1] if length else 1.0)  # progress inside the piece
        gaps = missing(stretches, [(s.start, s.end) for s in found], 0.0, length)
        found += [Segment(_r(a), _r(b), speaker, "", [], untranscribed=True) for a, b in gaps]
        return sorted(found, key=lambda s: (s.start, s.end))

    def _piece(self, offset: float, samples, options: dict, stereo: bool) -> list[Segment]:
        if not stereo:
            return [_shift(s, offset) for s in self._channel(samples, options, "")]
        found = [self._channel(samples[:, c].copy(), options, speaker, (c, 2))
                 for c, speaker in enumerate(channels.SPEAKERS)]
        mic, _ = channels.drop_leaks(found[0], found[1], samples[:, 0], samples[:, 1])
        return [_shift(s, offset) for s in channels.merge(mic, found[1])]

    def run(self, audio: str | os.PathLike, *, language: str | None = "fa", glossary: Iterable[str] = (),
            options: dict | None = None, start: float = 0.0, window_s: float | None = None,
            on_segments: Callable[[list[Segment], float], None] | None = None,
            on_progress: Callable[[float, float], None] | None = None,
            cancel: Callable[[], bool] | None = None, channel_use: str | None = None) -> Transcript:
        """Transcribe ``audio`` from ``start`` seconds on, as :meth:`transcribe.whisper.Pipeline.run`
        does (a file whose two channels carry one voice is sent once, as one channel: ``channel_use``
        decides, detected when None); ``window_s`` (if given) is the piece length instead of
        :data:`PIECE_SECONDS`."""
        from transcribe.channel_use import BY_CHANNEL
        from transcribe.whisper import use_of_channels

        path = Path(audio)
        duration = probe_duration_ms(path) / 1000
        use = use_of_channels(path, channel_use)
        stereo = use == BY_CHANNEL
        options = dict(options) if options is not None else transcribe_options(language, glossary)
        self._language = options.get("language")
        began, segments = time.monotonic(), []
        resume_at = start

        def progress(position: float) -> None:
            if on_progress is None or duration <= 0:
                return
            elapsed, covered = time.monotonic() - began, position - start
            eta = elapsed / covered * (duration - position) if covered > 0 else -1.0
            on_progress(min(position / duration, 1.0), eta)

        self._pool = ThreadPoolExecutor(max_workers=self.jobs, thread_name_prefix="speech-server")
        try:
            for offset, samples in iter_windows(path, window_s=window_s or self.piece_s, start_s=start,
                                                stereo=stereo):
                if cancel is not None and cancel():
                    raise Cancelled(resume_at)
                piece_s = len(samples) / SAMPLE_RATE
                self._tick = lambda share, at=offset, span=piece_s: progress(at + share * span)  # type: ignore[misc]
                batch = self._piece(offset, samples, options, stereo)
                segments.extend(batch)
                resume_at = offset + len(samples) / SAMPLE_RATE
                if on_segments:
                    on_segments(batch, resume_at)
                progress(resume_at)
        finally:
            self._pool.shutdown(wait=False, cancel_futures=True)
        progress(duration)
        return Transcript(model=self.server.label, model_options=dict(self.model_options), options=options,
                          language=self._language or "", duration=_r(duration), segments=segments,
                          channels=2 if stereo else 1, channel_use=use)


def _shift(segment: Segment, offset: float) -> Segment:
    return Segment(_r(segment.start + offset), _r(segment.end + offset), segment.speaker, segment.text,
                   [Word(_r(w.start + offset), _r(w.end + offset), w.word, w.probability) for w in segment.words],
                   segment.untranscribed)
