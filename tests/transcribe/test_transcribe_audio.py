"""Decoding in bounded windows equals faster-whisper's decode; bad files give clear messages."""
from __future__ import annotations

import tracemalloc

import av
import numpy as np
import pytest
import soundfile as sf
from faster_whisper import decode_audio

from transcribe.audio import audio_channels, iter_samples, iter_windows, probe_duration_ms
from transcribe.errors import AudioError

RATE = 16000


def test_streamed_decode_equals_decode_audio(audio, tmp_path):
    resampled = tmp_path / "44k.wav"
    data, _ = sf.read(str(audio["stereo"]), dtype="float32")
    import soxr

    sf.write(str(resampled), soxr.resample(data, RATE, 44100), 44100)
    mono = np.concatenate(list(iter_samples(resampled)))
    assert np.array_equal(mono, decode_audio(str(resampled)))
    left, right = decode_audio(str(resampled), split_stereo=True)
    both = np.concatenate(list(iter_samples(resampled, stereo=True)))
    assert np.array_equal(both[:, 0], left) and np.array_equal(both[:, 1], right)


def test_windows_cover_the_file_and_cut_in_silence(tmp_path):
    # one-second tones separated by 0.5 s of silence, 20 s in all
    t = np.arange(RATE) / RATE
    unit = np.concatenate([0.3 * np.sin(2 * np.pi * 440 * t), np.zeros(RATE // 2)]).astype(np.float32)
    signal = np.tile(unit, 14)[: 20 * RATE]
    path = tmp_path / "tones.wav"
    sf.write(str(path), signal, RATE)
    windows = list(iter_windows(path, window_s=5, search_s=2))
    assert len(windows) >= 4
    joined = np.concatenate([w for _, w in windows])
    assert np.array_equal(joined, decode_audio(str(path)))
    for start, samples in windows[1:]:
        assert abs(samples[0]) < 1e-3  # each later window starts in a silence
        assert start * RATE == pytest.approx(sum(len(w) for s, w in windows if s < start))
    later = list(iter_windows(path, window_s=5, search_s=2, start_s=12.0))
    assert later[0][0] == 12.0
    assert np.array_equal(np.concatenate([w for _, w in later]), joined[12 * RATE:])


def test_long_file_is_decoded_in_bounded_memory(tmp_path):
    path = tmp_path / "long.wav"
    minutes = 20
    with sf.SoundFile(str(path), "w", RATE, 1, "PCM_16") as f:
        for _ in range(minutes):
            f.write(np.random.default_rng(0).normal(0, 0.05, 60 * RATE).astype(np.float32))
    tracemalloc.start()
    total = 0
    for _, samples in iter_windows(path, window_s=60):
        total += len(samples)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert total == minutes * 60 * RATE
    whole = minutes * 60 * RATE * 4  # the whole file as float32: 77 MB
    assert peak < whole / 2, f"peak {peak / 1e6:.1f} MB"  # a few windows' worth, whatever the length


def test_empty_missing_and_non_audio_files(tmp_path):
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    with pytest.raises(AudioError, match="empty"):
        audio_channels(empty)
    with pytest.raises(AudioError, match="No audio file"):
        audio_channels(tmp_path / "missing.wav")
    text = tmp_path / "notes.m4a"
    text.write_text("not audio at all " * 100)
    with pytest.raises(AudioError, match="not a readable audio file"):
        list(iter_windows(text))


def test_truncated_wav_decodes_what_is_there(audio, tmp_path):
    data = audio["mono"].read_bytes()
    cut = tmp_path / "cut.wav"
    cut.write_bytes(data[: len(data) // 2])
    samples = np.concatenate([w for _, w in iter_windows(cut)])
    assert 0.4 < len(samples) / len(decode_audio(str(audio["mono"]))) < 0.6


def make_video(path, speech: np.ndarray | None):
    """An MPEG-4 video with a moving picture and, if given, the speech as its AAC audio track."""
    with av.open(str(path), "w") as out:
        video = out.add_stream("mpeg4", rate=10)
        video.width, video.height, video.pix_fmt = 64, 48, "yuv420p"
        sound = out.add_stream("aac", rate=RATE) if speech is not None else None
        seconds = len(speech) / RATE if speech is not None else 2
        for i in range(int(seconds * 10)):
            frame = av.VideoFrame.from_ndarray(np.full((48, 64, 3), i % 255, np.uint8), format="rgb24")
            for packet in video.encode(frame):
                out.mux(packet)
        for packet in video.encode():
            out.mux(packet)
        if sound is not None:
            pcm = (speech * 32767).astype(np.int16)
            for at in range(0, len(pcm), 1024):
                frame = av.AudioFrame.from_ndarray(pcm[None, at:at + 1024], format="s16", layout="mono")
                frame.rate = RATE
                for packet in sound.encode(frame):
                    out.mux(packet)
            for packet in sound.encode():
                out.mux(packet)
    return path


def test_video_file_gives_its_audio_and_a_silent_video_says_so(audio, tmp_path):
    speech = decode_audio(str(audio["mono"]))
    video = make_video(tmp_path / "call.mp4", speech)
    assert abs(probe_duration_ms(video) - len(speech) / RATE * 1000) < 200
    samples = np.concatenate([w for _, w in iter_windows(video)])
    assert abs(len(samples) - len(speech)) < RATE // 5
    silent = make_video(tmp_path / "silent.mp4", None)
    with pytest.raises(AudioError, match="no audio track"):
        audio_channels(silent)
