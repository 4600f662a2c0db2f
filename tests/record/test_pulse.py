"""Real recordings from PulseAudio null sinks, through the `mosahebeh` command.

The 440 Hz tone plays on the ``remote`` sink (the other side of the call),
1000 Hz on ``micsim`` (standing in for the microphone)."""
from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import soundfile as sf

from record_helpers import tone_seconds

MOSAHEBEH = [sys.executable, "-m", "desktop"]


def run(args, env, **kw):
    return subprocess.run(MOSAHEBEH + args, env=env, capture_output=True, text=True, timeout=90, **kw)


def test_devices_lists_monitors_by_name_and_number(pulse):
    out = run(["devices", "--json"], pulse)
    assert out.returncode == 0, out.stderr
    devices = json.loads(out.stdout)
    names = {d["name"]: d for d in devices}
    assert names["remote.monitor"]["is_monitor"] and names["micsim.monitor"]["is_monitor"]
    assert [d["number"] for d in devices] == list(range(len(devices)))
    text = run(["devices"], pulse).stdout
    assert "remote.monitor" in text and "[monitor]" in text


def test_ten_second_two_source_recording_puts_each_tone_on_its_channel(playing, tmp_path):
    out = tmp_path / "call.wav"
    # the remote party by name, the "microphone" by its number in `mosahebeh devices`
    devices = json.loads(run(["devices", "--json"], playing).stdout)
    mic_number = next(d["number"] for d in devices if d["name"] == "micsim.monitor")
    res = run(["record", "--out", str(out), "--mic", str(mic_number), "--remote", "remote.monitor",
               "--seconds", "10"], playing)
    assert res.returncode == 0, res.stderr
    assert "2 channels" in res.stdout
    x, sr = sf.read(out)
    assert sr >= 16000 and x.shape[1] == 2
    assert 9.5 <= len(x) / sr <= 11.0
    assert tone_seconds(x[:, 0], sr, 1000) >= 9.0  # channel 1: interviewer
    assert tone_seconds(x[:, 1], sr, 440) >= 9.0  # channel 2: remote party
    assert tone_seconds(x[:, 0], sr, 440) == 0 and tone_seconds(x[:, 1], sr, 1000) == 0


def test_mic_only_recording_is_mono(playing, tmp_path):
    out = tmp_path / "mic.wav"
    res = run(["record", "--out", str(out), "--mic", "micsim.monitor", "--seconds", "3"], playing)
    assert res.returncode == 0, res.stderr
    x, sr = sf.read(out)
    assert x.ndim == 1 and tone_seconds(x, sr, 1000) >= 2.5


def test_recording_killed_after_five_seconds_is_recovered(playing, tmp_path):
    out = tmp_path / "killed.wav"
    proc = subprocess.Popen(MOSAHEBEH + ["record", "--out", str(out), "--mic", "micsim.monitor",
                                         "--remote", "remote.monitor", "--seconds", "60"],
                            env=playing, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    take = tmp_path / "killed.take"
    deadline = time.monotonic() + 30
    # five seconds of recording: both tracks hold 5 s of audio (44.1 kHz, 16-bit mono)
    while not all((take / f"{r}.wav").exists() and (take / f"{r}.wav").stat().st_size > 5 * 44100 * 2
                  for r in ("mic", "remote")):
        assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read() if proc.poll() else "timeout"
        time.sleep(0.05)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert not out.exists()
    res = run(["recover", str(out)], playing)
    assert res.returncode == 0, res.stderr
    x, sr = sf.read(out)
    assert tone_seconds(x[:, 0], sr, 1000) >= 4.0
    assert tone_seconds(x[:, 1], sr, 440) >= 4.0
    again = run(["recover", str(out)], playing)  # nothing left to recover
    assert again.returncode == 2 and "No unfinished recording" in again.stderr


def test_ctrl_c_stops_cleanly(playing, tmp_path):
    out = tmp_path / "ctrlc.wav"
    proc = subprocess.Popen(MOSAHEBEH + ["record", "--out", str(out), "--mic", "micsim.monitor",
                                         "--remote", "remote.monitor"],
                            env=playing, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    take = tmp_path / "ctrlc.take"
    deadline = time.monotonic() + 30
    while not ((take / "mic.wav").exists() and (take / "mic.wav").stat().st_size > 2 * 44100 * 2):
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    stdout, stderr = proc.communicate(timeout=60)
    assert proc.returncode == 0, stderr
    assert "Traceback" not in stderr
    x, sr = sf.read(out)
    assert x.shape[1] == 2 and tone_seconds(x[:, 1], sr, 440) >= 1.5
