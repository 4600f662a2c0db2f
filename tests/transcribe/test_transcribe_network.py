"""Zero network at run time: a real transcription under strace opens no internet socket."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow
INET = re.compile(r"connect\(\d+, \{sa_family=AF_INET6?\b")


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed (scripts/setup.sh installs it)")
def test_transcription_makes_no_network_connection(audio, bundled_dir, tmp_path):
    log = tmp_path / "connect.log"
    env = {k: v for k, v in os.environ.items() if k != "ORT_DISABLE_TELEMETRY"}  # the app must set it itself
    run = subprocess.run(["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(log), sys.executable, "-m",
                          "desktop", "transcribe", str(audio["mono"])],
                         capture_output=True, text=True, timeout=600, env=env)
    trace = log.read_text()
    if run.returncode != 0 and "Operation not permitted" in run.stderr + trace:
        pytest.skip("ptrace is not permitted here")
    assert run.returncode == 0, run.stderr
    assert re.search(r"[\u0600-\u06ff]", run.stdout), "a real transcription ran"
    inet = [line for line in trace.splitlines() if INET.search(line)]
    assert not inet, "network connections during a transcription:\n" + "\n".join(inet)
