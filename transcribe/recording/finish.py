"""Finishing a take: from per-source tracks to one interview file.

:func:`finish_take` is what *stop* does, and what recovery does for a take
whose process died: it reads each track as far as both its WAV and its
block log reach, measures and corrects each clock (:mod:`.align`),
resamples to the output rate with soxr, places every run at its time with
silence in between, and writes one WAV: channel 1 the interviewer (mic),
channel 2 the remote party; mono with one source. Memory stays bounded
(chunks of ~10 s), so an hour at 48 kHz finishes in seconds.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import numpy as np

from transcribe.errors import AudioError
from transcribe.recording.align import TrackTiming, analyse, pauses_from, read_log, timeline
from transcribe.recording.take import Take
from transcribe.recording.writer import describe_os_error, open_wav

CHUNK = 10.0  # s of input resampled at a time
ROLE_ORDER = {"mic": 0, "remote": 1}


@dataclass
class FinishedTake:
    path: Path
    channels: int
    roles: list[str]
    duration_ms: int
    marks: list[dict] = field(default_factory=list)  # {"at_ms", "kind", "label", "question_id"}
    consent: bool | None = None
    overflows: int = 0
    timings: dict[str, TrackTiming] = field(default_factory=dict)


def wav_samples(path: Path) -> np.ndarray:
    """The int16 samples of a mono 16-bit WAV as far as the file reaches,
    whatever its header says (a header not rewritten before a power cut)."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return np.zeros(0, dtype=np.int16)
    with open(path, "rb") as f:
        head = f.read(4096)
    if head[:4] not in (b"RIFF", b"RF64") or head[8:12] != b"WAVE":
        return np.zeros(0, dtype=np.int16)
    pos = 12
    while pos + 8 <= len(head):
        cid, clen = head[pos:pos + 4], int.from_bytes(head[pos + 4:pos + 8], "little")
        if cid == b"data":
            offset = pos + 8
            count = max(0, (size - offset) // 2)
            return np.memmap(path, dtype="<i2", mode="r", offset=offset, shape=(count,)) if count else \
                np.zeros(0, dtype=np.int16)
        pos += 8 + clen + (clen & 1)
    return np.zeros(0, dtype=np.int16)


def finish_take(take: Take | str | os.PathLike, out: str | os.PathLike | None = None,
                progress: Callable[[float], None] | None = None) -> FinishedTake:
    """Write the take's one interview file (to ``out``, else where the
    manifest says, else ``take.wav`` in the take) and mark the take finished.

    Raises :class:`AudioError` for a take without audio or an unwritable
    result; the take is then left as it was, to try again."""
    take = take if isinstance(take, Take) else Take(take)
    manifest = take.manifest
    out_rate = int(manifest.get("out_rate") or 16000)
    out_path = Path(out or manifest.get("out") or take.folder / "take.wav")
    events = take.events()
    pauses = pauses_from(events)

    tracks = []
    for info, wav, log in take.track_paths():
        samples = wav_samples(wav)
        frames, arrival, overflow = read_log(log, max_frames=len(samples))
        timing = analyse(frames, arrival, info["rate"], overflow)
        if timing.runs:
            tracks.append((info["role"], samples, timing))
    if not tracks:
        raise AudioError(f"The take {take.folder} holds no audio: nothing was recorded before it stopped.")
    tracks.sort(key=lambda r: ROLE_ORDER.get(r[0], 9))
    origin = min(timeline(t.runs[0].start, pauses) for _, _, t in tracks)

    tmp_files = []
    lengths = []
    total_in = sum(t.frames for _, _, t in tracks) or 1
    done_in = 0
    try:
        for role, samples, timing in tracks:
            tmp = take.folder / f".{role}.aligned.f32"
            tmp_files.append(tmp)
            with open(tmp, "wb") as f:
                cursor = 0
                for run in timing.runs:
                    pos = round((timeline(run.start, pauses) - origin) * out_rate)
                    cursor = _pad(f, cursor, pos)
                    skip = max(0, cursor - pos)
                    for block in _resampled(samples[run.first:run.first + run.frames], timing.rate, out_rate):
                        if skip:
                            cut = min(skip, len(block))
                            block, skip = block[cut:], skip - cut
                        f.write(block.astype("<f4").tobytes())
                        cursor += len(block)
                    done_in += run.frames
                    if progress:
                        progress(0.8 * done_in / total_in)
            lengths.append(cursor)
        total = max(lengths)
        part = out_path.with_name(out_path.name + ".part")
        out_path.parent.mkdir(parents=True, exist_ok=True)
        with open_wav(part, out_rate, channels=len(tracks)) as w:
            step = int(CHUNK * out_rate)
            for at in range(0, total, step):
                n = min(step, total - at)
                cols = []
                for tmp, length in zip(tmp_files, lengths):
                    have = max(0, min(n, length - at))
                    col = np.zeros(n, dtype=np.float32)
                    if have:
                        col[:have] = np.fromfile(tmp, dtype="<f4", count=have, offset=at * 4)
                    cols.append(col)
                w.write(np.clip(np.stack(cols, axis=1), -1.0, 1.0))
                if progress:
                    progress(0.8 + 0.2 * (at + n) / total)
        with open(part, "rb+") as f:
            os.fsync(f.fileno())
        os.replace(part, out_path)
    except (OSError, RuntimeError) as exc:
        Path(str(out_path) + ".part").unlink(missing_ok=True)
        raise AudioError(describe_os_error(exc, out_path) + f" The take is kept in {take.folder}; "
                         "free some space and run `mosahebeh recover` on it.") from exc
    finally:
        for tmp in tmp_files:
            tmp.unlink(missing_ok=True)

    result = FinishedTake(path=out_path, channels=len(tracks), roles=[r for r, _, _ in tracks],
                          duration_ms=round(total * 1000 / out_rate),
                          overflows=sum(t.overflows for _, _, t in tracks),
                          timings={r: t for r, _, t in tracks})
    for ev in events:
        if ev["kind"] in ("mark", "question"):
            at_ms = max(0, round((timeline(ev["t"], pauses) - origin) * 1000))
            result.marks.append({"at_ms": min(at_ms, result.duration_ms), "kind": ev["kind"],
                                 "label": ev.get("label", ""), "question_id": ev.get("question_id")})
        elif ev["kind"] == "consent":
            result.consent = bool(ev.get("value"))
    take.update(state="finished", result=str(out_path), finished=datetime.now().astimezone().isoformat(timespec="seconds"),
                duration_ms=result.duration_ms, overflows=result.overflows, marks=result.marks, consent=result.consent,
                channels=result.channels, roles=result.roles,
                clocks_ppm={r: round(t.ppm, 1) for r, _, t in tracks})
    return result


def _pad(f, cursor: int, pos: int) -> int:
    """Write silence from ``cursor`` up to ``pos``; the new cursor."""
    zeros = np.zeros(int(CHUNK * 16000), dtype="<f4")
    while cursor < pos:
        n = min(len(zeros), pos - cursor)
        f.write(zeros[:n].tobytes())
        cursor += n
    return cursor


def _resampled(samples: np.ndarray, rate: float, out_rate: int):
    """Float32 blocks of ``samples`` (int16) resampled from ``rate`` to ``out_rate``."""
    import soxr

    step = max(1, int(CHUNK * rate))
    if abs(rate - out_rate) < 1e-9:
        for at in range(0, len(samples), step):
            yield np.asarray(samples[at:at + step], dtype=np.float32) / 32768.0
        return
    stream = soxr.ResampleStream(rate, out_rate, 1, dtype="float32", quality="HQ")
    for at in range(0, len(samples), step):
        chunk = np.asarray(samples[at:at + step], dtype=np.float32) / 32768.0
        yield stream.resample_chunk(chunk, last=at + step >= len(samples))
    if len(samples) == 0:
        return
