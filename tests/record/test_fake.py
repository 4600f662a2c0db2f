"""The recorder with injected fake sources: drift, gaps, overflows, pauses, marks, faults."""
from __future__ import annotations

import time

import numpy as np
import pytest
import soundfile as sf

from record_helpers import onsets, tone_seconds
from transcribe.errors import AudioError
from transcribe.recording import FakeSource, Recorder, SimClock, Take, find_unfinished, finish_take
from transcribe.recording.align import analyse


def record(folder, sources, clock, seconds, **kw):
    rec = Recorder(folder / "take", sources, out=folder / "out.wav", clock=clock, **kw)
    rec.start()
    start = clock()
    while clock() - start < seconds:
        time.sleep(0.02)
    return rec


def test_hour_of_drifting_clock_is_placed_within_a_few_ms():
    """A block log of 60 minutes at +100 ppm (360 ms off by the end if taken at face value),
    jittery arrivals, a 1.8 s late start and two gaps: the measured placement is within 5 ms."""
    rng = np.random.default_rng(1)
    nominal, block = 48000, 480
    true_rate = nominal * (1 + 100e-6)
    n_blocks = int(3600 * nominal / block)
    frames = np.full(n_blocks, block)
    sample_start = np.arange(n_blocks) * block
    gap_at = {n_blocks // 3: 2.0, 2 * n_blocks // 3: 0.5}  # seconds without blocks, the device skips them too
    t0, skipped, arrival = 100.0, 0.0, np.empty(n_blocks)
    for i in range(n_blocks):
        skipped += gap_at.get(i, 0.0)
        arrival[i] = t0 + skipped + (sample_start[i] + block) / true_rate + rng.uniform(0, 0.02)
    arrival[:180] = np.maximum(arrival[:180], t0 + 1.8)  # the first blocks come in a burst, late
    timing = analyse(frames, arrival, nominal)
    assert len(timing.runs) == 3
    assert abs(timing.ppm - 100) < 2
    last = timing.runs[-1]
    true_start = t0 + 2.5 + last.first / true_rate
    assert abs(last.start - true_start) < 0.005
    assert abs(timing.runs[0].start - t0) < 0.005
    end_error = (last.start + last.frames / timing.rate) - (true_start + last.frames / true_rate)
    assert abs(end_error) < 0.005
    naive = (last.first + last.frames) / nominal - (last.first + last.frames) / true_rate
    assert naive > 0.3  # what not measuring the clock would cost


def test_two_drifting_clocks_with_gaps_line_up_on_one_timeline(tmp_path):
    # 10× real time: at 40× the fake 48 kHz device needs more CPU than this machine gives one Python thread,
    # and the simulation itself (not the recorder) fell behind and lost the last beeps.
    clock = SimClock(speed=10)
    beeps = [1, 15, 30, 60, 75, 88]
    mic = FakeSource(role="mic", frequency=1000, samplerate=48000, block=960, drift_ppm=+100, beeps=beeps,
                     clock=clock, overflow_every=500)
    remote = FakeSource(role="remote", frequency=440, samplerate=44100, block=441, drift_ppm=-100, beeps=beeps,
                        gaps=[(20, 8), (40, 0.5)], clock=clock, seed=2)
    rec = record(tmp_path, [mic, remote], clock, 90)
    result = rec.stop()
    x, sr = sf.read(result.path)
    assert sr == 16000 and x.shape[1] == 2 and result.roles == ["mic", "remote"]
    on_mic, on_remote = onsets(x[:, 0], sr), onsets(x[:, 1], sr)
    assert len(on_mic) == len(on_remote) == len(beeps)
    # the same moment on both channels within 5 ms (the fakes start a little apart on the simulated clock)
    apart = remote.started_at - mic.started_at
    assert max(abs(b - a - apart) for a, b in zip(on_mic, on_remote)) < 0.005
    # and the beeps' spacing kept within 5 ms
    assert max(abs((a - on_mic[0]) - (b - beeps[0])) for a, b in zip(on_mic, beeps)) < 0.005
    assert abs(result.timings["mic"].ppm - 100) < 20 and abs(result.timings["remote"].ppm + 100) < 20
    assert len(result.timings["remote"].runs) == 3  # two gaps: silence in their place
    assert np.abs(x[int(22 * sr):int(26 * sr), 1]).max() == 0
    assert result.overflows > 0 and result.overflows == rec.status().overflows
    assert tone_seconds(x[:, 0], sr, 1000) > 0 and tone_seconds(x[:, 1], sr, 1000) == 0


def test_marks_questions_pause_and_consent_go_to_the_take(tmp_path):
    clock = SimClock(speed=10)
    mic = FakeSource(role="mic", clock=clock, frequency=1000)
    rec = Recorder(tmp_path / "take", [mic], out=tmp_path / "out.wav", clock=clock)
    rec.start()
    clock.sleep(2.3)
    rec.mark("laughs")
    rec.set_consent(True)
    rec.pause()
    clock.sleep(3)
    assert rec.status().paused
    rec.resume()
    clock.sleep(1)
    rec.mark_question(7, "What changed?")
    clock.sleep(1)
    events = [e["kind"] for e in Take(tmp_path / "take").events()]
    assert events == ["mark", "consent", "pause", "resume", "question"]  # on disk before stop
    result = rec.stop()
    x, sr = sf.read(result.path)
    assert x.ndim == 1  # one source: mono
    assert 4.0 <= len(x) / sr <= 4.8  # 5.3 s minus the 3 s pause (plus the block in flight)
    marks = {m["kind"]: m for m in result.marks}
    assert abs(marks["mark"]["at_ms"] - 2300) < 150
    assert abs(marks["question"]["at_ms"] - 3300) < 150 and marks["question"]["question_id"] == 7
    assert result.consent is True
    assert Take(tmp_path / "take").finished


def test_unplugged_device_is_reported_and_the_other_side_kept(tmp_path):
    clock = SimClock(speed=10)
    mic = FakeSource(role="mic", clock=clock, frequency=1000)
    remote = FakeSource(role="remote", clock=clock, frequency=440, fail_after=2.0)
    rec = record(tmp_path, [mic, remote], clock, 6)
    problems = rec.status().problems
    assert any("stopped delivering audio" in p for p in problems)
    result = rec.stop()
    x, sr = sf.read(result.path)
    assert tone_seconds(x[:, 0], sr, 1000) >= 5 and 1.5 <= tone_seconds(x[:, 1], sr, 440) <= 2.5


def test_a_source_that_goes_quiet_is_noticed(tmp_path):
    clock = SimClock(speed=10)
    mic = FakeSource(role="mic", clock=clock, gaps=[(1, 100)])
    rec = record(tmp_path, [mic], clock, 7)
    assert any("No audio from fake-mic" in p for p in rec.status().problems)
    rec.stop()


def test_take_cut_short_mid_line_is_finished(tmp_path):
    clock = SimClock(speed=10)
    rec = record(tmp_path, [FakeSource(role="mic", clock=clock, frequency=1000),
                            FakeSource(role="remote", clock=clock, frequency=440)], clock, 3)
    rec._shutdown()  # the writers stop as a killed process would leave them: no finish
    take = Take(tmp_path / "take")
    assert find_unfinished(tmp_path) == [take] or [t.folder for t in find_unfinished(tmp_path)] == [take.folder]
    with open(take.folder / "mic.log", "a") as f:
        f.write("32")  # a line cut by the crash
    with open(take.folder / "events.jsonl", "a") as f:
        f.write('{"kind": "mark", "t": 1')
    result = finish_take(take)
    x, sr = sf.read(result.path)
    assert x.shape[1] == 2 and tone_seconds(x[:, 0], sr, 1000) >= 2.5
    assert find_unfinished(tmp_path) == []


def test_empty_take_says_so(tmp_path):
    take = Take.create(tmp_path / "t", [{"role": "mic", "rate": 16000}])
    with pytest.raises(AudioError, match="holds no audio"):
        finish_take(take)
    assert not take.finished


def test_unwritable_folder_is_a_clear_error(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    rec = Recorder(blocker / "take", [FakeSource(role="mic")])
    with pytest.raises(AudioError, match="Cannot create the recording folder"):
        rec.start()


def test_no_portaudio_library_is_a_clear_error(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_portaudio(name, *a, **kw):
        if name == "sounddevice":
            raise OSError("PortAudio library not found")
        return real_import(name, *a, **kw)

    monkeypatch.delitem(__import__("sys").modules, "sounddevice", raising=False)
    monkeypatch.setattr(builtins, "__import__", no_portaudio)
    from transcribe.recording import list_devices

    with pytest.raises(AudioError, match="libportaudio2"):
        list_devices()


def test_no_input_device_is_a_clear_error():
    from transcribe.recording.devices import find_device

    with pytest.raises(AudioError, match="No audio input found"):
        find_device("remote.monitor", devices=[])
