"""Who speaks when in one-channel audio: voice activity, an embedding per window, clustering.

How speakers are found (offline, on the CPU, no torch):

1. **Speech**: Silero VAD (the one faster-whisper ships) finds the stretches of
   speech, cut at pauses of :data:`VAD_SILENCE_MS` or more, so a question and the
   answer after a short pause fall in different stretches.
2. **Embeddings**: each stretch is covered by 1.6 s windows every
   :data:`HOP_S` seconds (a shorter stretch is one padded window), each turned
   into a 256-number voice embedding by the GE2E encoder
   (:mod:`transcribe.voice_encoder`) after the audio is brought to -30 dBFS.
3. **Clustering**: spectral clustering of the embeddings (a graph of each window's
   nearest tenth by cosine, its normalised Laplacian's first eigenvectors, then
   spherical k-means) into the number of speakers asked for: 2 for a call,
   any N for a group, or ``"auto"``: one speaker unless the best split in two is
   clear (mean silhouette at least :data:`MIN_SILHOUETTE` + :data:`SMALL_SAMPLE`
   / number of windows: a few windows split any voice), so a monologue stays
   one speaker; then the count up to :data:`MAX_AUTO` with the best silhouette.
   Embeddings are centred first (less their mean): what every window shares, the
   line and the room, no longer hides the difference of the voices.
4. **Tiny clusters**: a cluster with less than :data:`MIN_SPEAKER_S` of speech is
   no person of its own: its speech is labelled :data:`UNSURE` (when more than
   one real speaker remains) for the researcher to check.
5. **Words**: every word gets the speaker voted for most by the windows over its
   time (a window votes for the time it covers, most near its middle); words in
   no window take their stretch's or nearest label. Segments are split wherever
   the speaker changes between words (:func:`split_segments`), so a question and
   its answer are never one segment; a lone flip of one short word is smoothed.
6. **Names**: two speakers are named by :func:`name_two`: the one who speaks for
   less time is the interviewer, unless the other ends clearly more sentences with
   a question mark. Three or more are ``S1``, ``S2``… in order of first speech.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

from transcribe.channels import INTERVIEWER, PARTICIPANT

AUTO = "auto"
UNSURE = "unsure"  # speech of a cluster too small to be a person
WINDOW_S = 1.6
HOP_S = 0.8
VAD_SILENCE_MS = 250
FIT_MIN_S = 1.0        # windows shorter than this are labelled, not used to find the voices
MIN_STRETCH_S = 0.3     # shorter speech stretches get no window of their own
MIN_SPEAKER_S = 3.0     # a cluster with less speech than this is not a person
MIN_SILHOUETTE = 0.2    # auto count: a split in two less clear than this is one voice…
SMALL_SAMPLE = 1.5      # …plus this over the number of windows (a short recording splits more easily)
MAX_AUTO = 8
NEIGHBOURS = 0.1        # spectral clustering: each window's affinity graph keeps its nearest tenth
TARGET_DBFS = -30.0
_QUESTION = re.compile(r"[?؟]\s*$")


@dataclass
class Turns:
    """What :func:`diarize` found: per 10 ms frame a cluster index (-1 no speech), the
    clusters' labels (``labels[k]``), the speech seconds per cluster and the VAD stretches."""
    frames: np.ndarray
    labels: list[str]
    seconds: list[float]
    stretches: list[tuple[float, float]]
    cpu_s: float = 0.0

    FRAME_S = 0.01

    def speaker_at(self, start: float, end: float) -> int:
        """The cluster most present between ``start`` and ``end`` seconds (nearest speech if none)."""
        a, b = int(start / self.FRAME_S), max(int(start / self.FRAME_S) + 1, int(end / self.FRAME_S))
        block = self.frames[a:b]
        block = block[block >= 0]
        if block.size:
            return int(np.bincount(block).argmax())
        voiced = np.flatnonzero(self.frames >= 0)
        if voiced.size == 0:
            return 0
        mid = (a + b) // 2
        return int(self.frames[voiced[np.argmin(np.abs(voiced - mid))]])


def normalise(samples: np.ndarray) -> np.ndarray:
    """Raise quiet audio to :data:`TARGET_DBFS` (as the encoder was trained; never lowered)."""
    rms = float(np.sqrt(np.mean(np.square(samples, dtype=np.float64)))) if len(samples) else 0.0
    if rms <= 1e-6:
        return samples
    gain = 10 ** ((TARGET_DBFS - 20 * np.log10(rms)) / 20)
    return (samples * gain).astype(np.float32) if gain > 1 else samples


def speech(samples: np.ndarray, rate: int = 16000) -> list[tuple[float, float]]:
    """(start, end) seconds of speech, split at pauses of :data:`VAD_SILENCE_MS`."""
    from faster_whisper.vad import VadOptions, get_speech_timestamps

    options = VadOptions(min_silence_duration_ms=VAD_SILENCE_MS, speech_pad_ms=30)
    return [(c["start"] / rate, c["end"] / rate) for c in get_speech_timestamps(samples, options)]


def windows(stretches: Sequence[tuple[float, float]]) -> list[tuple[float, float]]:
    """1.6 s windows every :data:`HOP_S` inside each stretch; a short stretch is one window."""
    out = []
    for s, e in stretches:
        if e - s < MIN_STRETCH_S:
            continue
        if e - s <= WINDOW_S:
            out.append((s, e))
            continue
        n = int(np.ceil((e - s - WINDOW_S) / HOP_S)) + 1
        step = (e - s - WINDOW_S) / (n - 1) if n > 1 else 0.0
        out += [(s + i * step, s + i * step + WINDOW_S) for i in range(n)]
    return out


def _lloyd(x: np.ndarray, centroids: np.ndarray, iterations: int) -> tuple[np.ndarray, np.ndarray, float]:
    labels = np.full(len(x), -1)
    for _ in range(iterations):
        new = np.argmax(x @ centroids.T, axis=1)
        for j in range(len(centroids)):
            members = x[new == j]
            if len(members):
                c = members.mean(axis=0)
                centroids[j] = c / max(float(np.linalg.norm(c)), 1e-9)
        if np.array_equal(new, labels):
            break
        labels = new
    return labels, centroids, float(np.sum(np.max(x @ centroids.T, axis=1)))


def kmeans(x: np.ndarray, k: int, iterations: int = 30, tries: int = 8) -> tuple[np.ndarray, np.ndarray]:
    """Spherical k-means of unit rows ``x`` into ``k`` clusters: (labels, unit centroids).
    The best of a few starts (farthest-first from the row least like the mean, and k-means++
    draws from a fixed seed), so the same input always gives the same clusters."""
    k = max(1, min(k, len(x)))
    rng = np.random.default_rng(0)
    starts = []
    chosen = [int(np.argmin(x @ x.mean(axis=0)))]
    for _ in range(1, k):
        chosen.append(int(np.argmin((x @ x[chosen].T).max(axis=1))))
    starts.append(chosen)
    for _ in range(tries - 1):
        chosen = [int(rng.integers(len(x)))]
        for _ in range(1, k):
            far = np.maximum(1.0 - (x @ x[chosen].T).max(axis=1), 0) ** 2
            chosen.append(int(rng.choice(len(x), p=far / far.sum())) if far.sum() > 0 else int(rng.integers(len(x))))
        starts.append(chosen)
    best = None
    for chosen in starts:
        labels, centroids, score = _lloyd(x, x[chosen].copy(), iterations)
        if best is None or score > best[2]:
            best = (labels, centroids, score)
    assert best is not None
    return best[0], best[1]


def silhouette(x: np.ndarray, labels: np.ndarray) -> float:
    """Mean silhouette of unit rows ``x`` under ``labels`` with cosine distance (-1..1)."""
    k = int(labels.max()) + 1
    if k < 2:
        return -1.0
    dist = 1.0 - x @ x.T
    sizes = np.bincount(labels, minlength=k).astype(np.float64)
    sums = np.stack([dist[:, labels == j].sum(axis=1) for j in range(k)], axis=1)
    own = sizes[labels]
    a = sums[np.arange(len(x)), labels] / np.maximum(own - 1, 1)
    others = sums / np.maximum(sizes, 1)
    others[np.arange(len(x)), labels] = np.inf
    b = others.min(axis=1)
    s = np.where(own > 1, (b - a) / np.maximum(np.maximum(a, b), 1e-9), 0.0)
    return float(s.mean())


def laplacian_eigen(x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Eigenvalues (ascending) and eigenvectors of the normalised Laplacian of the windows' cosine
    affinity, each window keeping its :data:`NEIGHBOURS` share of nearest neighbours (at least 5)."""
    affinity = x @ x.T
    keep = max(5, min(len(x) - 1, int(len(x) * NEIGHBOURS)))
    threshold = np.sort(affinity, axis=1)[:, -keep][:, None]
    graph = np.where(affinity >= threshold, np.maximum(affinity, 0.0), 0.0)
    graph = np.maximum(graph, graph.T)
    scale = 1.0 / np.sqrt(np.maximum(graph.sum(axis=1), 1e-9))
    laplacian = np.eye(len(x)) - scale[:, None] * graph * scale[None, :]
    return np.linalg.eigh(laplacian)


def spectral(x: np.ndarray, k: int, eigen: tuple[np.ndarray, np.ndarray] | None = None) -> np.ndarray:
    """Spectral clustering of unit rows ``x`` into ``k``: k-means on the rows of the Laplacian's first
    ``k`` eigenvectors (Ng, Jordan and Weiss 2001)."""
    if k <= 1 or len(x) <= k:
        return kmeans(x, k)[0] if len(x) else np.zeros(0, int)
    _, vectors = eigen if eigen is not None else laplacian_eigen(x)
    v = vectors[:, :k]
    v = v / np.maximum(np.linalg.norm(v, axis=1, keepdims=True), 1e-9)
    return kmeans(v, k)[0]


def cluster(embeddings: np.ndarray, speakers: int | str) -> np.ndarray:
    """Cluster index per embedding, by :func:`spectral` clustering of :func:`center`-ed embeddings
    into ``speakers``, or for ``"auto"``: one voice unless the best split in two has a mean
    silhouette of at least :data:`MIN_SILHOUETTE` + :data:`SMALL_SAMPLE` / windows (a monologue's
    halves are not that apart), else the count from 2 to :data:`MAX_AUTO` with the best mean
    silhouette."""
    if len(embeddings) == 0:
        return np.zeros(0, int)
    x = center(embeddings)
    if speakers != AUTO:
        return spectral(x, int(speakers))
    if len(embeddings) < 4:
        return np.zeros(len(embeddings), int)
    eigen = laplacian_eigen(x)
    two = spectral(x, 2, eigen)
    step = max(1, len(x) // 1500)  # the silhouette needs all pairs: at most 1500 rows
    if silhouette(x[::step], two[::step]) < MIN_SILHOUETTE + SMALL_SAMPLE / len(x):  # a few windows split any voice
        return np.zeros(len(embeddings), int)
    best, best_score = two, silhouette(x[::step], two[::step])
    for k in range(3, min(MAX_AUTO, len(x) // 2) + 1):
        labels = spectral(x, k, eigen)
        score = silhouette(x[::step], labels[::step])
        if score > best_score:
            best, best_score = labels, score
    return best


def center(embeddings: np.ndarray) -> np.ndarray:
    """Embeddings less their mean, normalised again: what all windows of the recording share (the
    line, the room, the language) no longer pulls them together, so the voices stand out."""
    if len(embeddings) < 2:
        return embeddings
    x = embeddings - embeddings.mean(axis=0)
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)


def _labels(embeddings: np.ndarray, spans: list[tuple[float, float]], speakers: int | str) -> np.ndarray:
    """A cluster per window: found on the windows of at least :data:`FIT_MIN_S` (short padded ones are
    noisy), the short ones then given their nearest cluster."""
    full = np.array([b - a >= FIT_MIN_S for a, b in spans], bool)
    if full.sum() >= max(4, 0.2 * len(spans)):  # short padded windows are noisy: fit on the long ones
        fit = cluster(embeddings[full], speakers)
        k = int(fit.max()) + 1 if len(fit) else 1
        centred = center(embeddings)
        centroids = np.stack([centred[full][fit == j].mean(axis=0) for j in range(k)])
        labels = np.argmax(centred @ centroids.T, axis=1) if k > 1 else np.zeros(len(spans), int)
        labels[full] = fit
    else:
        labels = cluster(embeddings, speakers)
    return labels


def diarize(samples: np.ndarray, speakers: int | str = 2, rate: int = 16000, encoder=None) -> Turns:
    """Who speaks when in 16 kHz mono ``samples`` (see the module's docstring)."""
    import time

    from threadpoolctl import threadpool_limits

    from transcribe.voice_encoder import shared_encoder

    began = time.process_time()
    samples = normalise(np.asarray(samples, dtype=np.float32))
    stretches = speech(samples, rate)
    spans = windows(stretches)
    encoder = encoder or shared_encoder()
    embeddings = encoder.embed_windows(samples, [(int(a * rate), int(b * rate)) for a, b in spans])
    with threadpool_limits(1, user_api="blas"):  # OpenBLAS's spinning threads would cost more CPU than they save
        labels = _labels(embeddings, spans, speakers)
    n_frames = int(np.ceil(len(samples) / rate / Turns.FRAME_S)) + 1
    k = int(labels.max()) + 1 if len(labels) else 1
    votes = np.zeros((n_frames, k), np.float32)
    for (a, b), lab in zip(spans, labels, strict=True):
        fa, fb = int(a / Turns.FRAME_S), max(int(a / Turns.FRAME_S) + 1, int(b / Turns.FRAME_S))
        weight = np.hanning(fb - fa + 2)[1:-1]  # a window speaks most for its middle
        votes[fa:fb, lab] += weight[:len(votes[fa:fb])]
    frames = np.full(n_frames, -1, int)
    has = votes.sum(axis=1) > 0
    frames[has] = votes[has].argmax(axis=1)
    for s, e in stretches:  # a stretch too short for a window of its own: the nearest window's voice
        fa, fb = int(s / Turns.FRAME_S), int(e / Turns.FRAME_S)
        if fb > fa and not has[fa:fb].any() and has.any():
            voiced = np.flatnonzero(has)
            frames[fa:fb] = frames[voiced[np.argmin(np.abs(voiced - (fa + fb) // 2))]]
    seconds = [float(np.sum(frames == j)) * Turns.FRAME_S for j in range(k)]
    return Turns(frames, [str(j) for j in range(k)], seconds, list(stretches), time.process_time() - began)


# -- from turns to labelled segments ---------------------------------------------

def _join(words: Sequence) -> str:
    return " ".join(w.word.strip() for w in words if w.word.strip())


def split_segments(segments: Sequence, turns: Turns) -> list:
    """``segments`` (objects with start, end, text, words, speaker as in :mod:`transcribe.whisper`)
    with each word's cluster from ``turns``, cut where it changes; ``speaker`` holds the cluster
    index as text (named later by :func:`name_speakers`)."""
    out = []
    for seg in segments:
        words = list(seg.words or [])
        if not words:
            out.append(replace(seg, speaker=str(turns.speaker_at(seg.start, seg.end))))
            continue
        who = [turns.speaker_at(w.start, w.end) for w in words]
        for i in range(1, len(who) - 1):  # one short word flipped between two of the same voice
            if who[i - 1] == who[i + 1] != who[i] and words[i].end - words[i].start < 0.6:
                who[i] = who[i - 1]
        runs: list[list[int]] = []
        for i, w in enumerate(who):
            if runs and who[runs[-1][0]] == w:
                runs[-1].append(i)
            else:
                runs.append([i])
        if len(runs) == 1:
            out.append(replace(seg, speaker=str(who[0])))
            continue
        for n, run in enumerate(runs):
            part = [words[i] for i in run]
            start = seg.start if n == 0 else part[0].start
            end = seg.end if n == len(runs) - 1 else part[-1].end
            out.append(replace(seg, start=start, end=end, text=_join(part), words=part, speaker=str(who[run[0]])))
    return out


def name_two(segments: Sequence, a: str, b: str, seconds: dict[str, float]) -> dict[str, str]:
    """Interviewer and participant for two clusters: the one who speaks less (``seconds`` of speech
    each, from the turns; not words, which a transcription loop on a bad line inflates) is the
    interviewer, unless the other ends at least two more segments with a question mark."""
    questions = {a: 0, b: 0}
    for s in segments:
        if s.speaker in questions:
            questions[s.speaker] += bool(_QUESTION.search(s.text))
    asker = min((a, b), key=lambda c: (seconds.get(c, 0.0), c))
    other = b if asker == a else a
    if questions[other] >= questions[asker] + 2:
        asker, other = other, asker
    return {asker: INTERVIEWER, other: PARTICIPANT}


def name_speakers(segments: Sequence, turns: Turns) -> list:
    """Replace cluster indices by names: a monologue is the participant; two voices
    interviewer/participant (:func:`name_two`); more are S1, S2… by first speech; a cluster
    under :data:`MIN_SPEAKER_S` is :data:`UNSURE` while at least two real speakers remain
    (with one real speaker left, it joins that speaker: a monologue stays one voice)."""
    used = [str(k) for k in range(len(turns.labels))
            if any(s.speaker == str(k) for s in segments)]
    spoken = {c: sum(s.end - s.start for s in segments if s.speaker == c) for c in used}
    real = [c for c in used if spoken[c] >= MIN_SPEAKER_S] or sorted(used, key=lambda c: -spoken[c])[:1]
    tiny = [c for c in used if c not in real]
    names: dict[str, str] = {}
    if len(real) == 1:
        names[real[0]] = PARTICIPANT
        names.update({c: PARTICIPANT for c in tiny})
    elif len(real) == 2:
        seconds = {c: turns.seconds[int(c)] if c.isdigit() and int(c) < len(turns.seconds) else spoken[c]
                   for c in real}
        names.update(name_two(segments, real[0], real[1], seconds))
        names.update({c: UNSURE for c in tiny})
    else:
        first = sorted(real, key=lambda c: min(s.start for s in segments if s.speaker == c))
        names.update({c: f"S{i + 1}" for i, c in enumerate(first)})
        names.update({c: UNSURE for c in tiny})
    return [replace(s, speaker=names.get(s.speaker, UNSURE)) for s in segments]


def label_segments(samples: np.ndarray, segments: Sequence, speakers: int | str = 2) -> tuple[list, Turns]:
    """Diarize ``samples`` and return ``segments`` split at speaker changes and named, with the turns."""
    if speakers != AUTO and int(speakers) < 1:
        raise ValueError("speakers must be a positive number or 'auto'")
    turns = diarize(samples, speakers)
    return name_speakers(split_segments(segments, turns), turns), turns


def read_mono(path: str | Path) -> np.ndarray:
    """The whole file as 16 kHz mono float32 (the mix of its channels)."""
    from transcribe.audio import iter_samples

    pieces = list(iter_samples(path))
    return np.concatenate(pieces) if pieces else np.zeros(0, np.float32)


def parse_speakers(value: str | int | None, default: int | str = 2) -> int | str:
    """``"auto"``, or a number of speakers of at least 1, from a command line or a setting.

    >>> parse_speakers("auto"), parse_speakers("3"), parse_speakers(None), parse_speakers("")
    ('auto', 3, 2, 2)
    """
    if value is None or value == "":
        return default
    if str(value).strip().lower() == AUTO:
        return AUTO
    n = int(value)
    if n < 1:
        raise ValueError("speakers must be at least 1")
    return n
