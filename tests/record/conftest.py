"""Fixtures of the recording tests: a private PulseAudio daemon with two null
sinks (``remote`` and ``micsim``), tone files, and a study to record into."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf


@pytest.fixture(scope="session")
def pulse(tmp_path_factory):
    """Env vars reaching a fresh PulseAudio with sinks ``remote`` and ``micsim``
    (their sources ``remote.monitor``, ``micsim.monitor``). Fails, never skips,
    if PulseAudio is missing: the set-up script installs it."""
    if not sys.platform.startswith("linux"):
        pytest.fail("The PulseAudio tests run on Linux.")
    for tool in ("pulseaudio", "paplay", "pactl"):
        if not shutil.which(tool):
            pytest.fail(f"{tool} is missing: apt-get install pulseaudio pulseaudio-utils libasound2-plugins libportaudio2")
    # Not under pytest's basetemp: a concurrent pytest run prunes old basetemps, pid file and socket with them.
    runtime = Path(tempfile.mkdtemp(prefix="mosahebeh-pulse-"))
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime), "HOME": str(runtime)}
    env.pop("PULSE_SERVER", None)
    subprocess.run(["pulseaudio", "--daemonize=yes", "--exit-idle-time=-1", "-n", "--use-pid-file=yes",
                    "--load=module-native-protocol-unix", "--load=module-null-sink sink_name=remote",
                    "--load=module-null-sink sink_name=micsim", "--load=module-always-sink"],
                   env=env, check=True, capture_output=True, timeout=30)
    deadline = time.monotonic() + 10
    while subprocess.run(["pactl", "info"], env=env, capture_output=True).returncode != 0:
        if time.monotonic() > deadline:
            pytest.fail("PulseAudio did not start.")
        time.sleep(0.2)
    pid = int((runtime / "pulse" / "pid").read_text().split()[0])
    yield env
    subprocess.run(["pulseaudio", "--kill"], env=env, capture_output=True, timeout=30)
    for _ in range(50):  # the daemon we started, by its id
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        os.kill(pid, signal.SIGTERM)
    shutil.rmtree(runtime, ignore_errors=True)


@pytest.fixture(scope="session")
def tones(tmp_path_factory) -> dict[int, Path]:
    """60-second sine WAVs at 440 Hz and 1000 Hz (44.1 kHz, amplitude 0.5)."""
    folder = tmp_path_factory.mktemp("tones")
    out = {}
    for hz in (440, 1000):
        t = np.arange(60 * 44100) / 44100
        path = folder / f"tone-{hz}.wav"
        sf.write(path, (0.5 * np.sin(2 * np.pi * hz * t)).astype(np.float32), 44100, subtype="PCM_16")
        out[hz] = path
    return out


@pytest.fixture
def playing(pulse, tones):
    """440 Hz playing on the remote sink, 1000 Hz on the mic sink, for the test's length."""
    procs = [subprocess.Popen(["paplay", f"--device={sink}", str(tones[hz])], env=pulse)
             for sink, hz in (("remote", 440), ("micsim", 1000))]
    yield pulse
    for p in procs:
        p.kill()
        p.wait()
