"""Transcription on real speech servers on 127.0.0.1 serving the bundled model (tests/transcribe/servers.py):
open-asr-server 0.3.0 (words, a key, a 25 MiB cap) and faster-whisper-server 0.0.3 (segments only)."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys

import numpy as np
import pytest
import soundfile as sf
from servers import RunningServer

from transcribe.server import Server, ServerError, ServerPipeline

pytestmark = pytest.mark.slow
KEY = "test-key-ab12"
PERSIAN = re.compile(r"[\u0600-\u06ff]")


@pytest.fixture(scope="module")
def open_asr(bundled_dir, tmp_path_factory):
    server = RunningServer("open-asr", bundled_dir, key=KEY, log=tmp_path_factory.mktemp("oas") / "log").start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def fws(bundled_dir, tmp_path_factory):
    server = RunningServer("faster-whisper-server", bundled_dir, log=tmp_path_factory.mktemp("fws") / "log").start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def short_call(tmp_path_factory):
    """A short two-channel call: the interviewer (left) asks, the participant (right) answers."""
    import transcribe_speech as speech

    q = speech.speak(speech.SENTENCES[1], voice=speech.VOICES["interviewer"])
    a = speech.speak(speech.SENTENCES[3], voice=speech.VOICES["participant"])
    gap = speech.silence(1.0)
    left, right = np.concatenate([q, gap, np.zeros_like(a)]), np.concatenate([np.zeros_like(q), gap, a])
    path = tmp_path_factory.mktemp("call") / "call.wav"
    sf.write(str(path), np.stack([left, right], axis=1), speech.RATE)
    return path


def cli(*args: str, key: str = "", **kw) -> subprocess.CompletedProcess:
    env = {**os.environ, "MOSAHEBEH_SERVER_KEY": key}
    return subprocess.run([sys.executable, "-m", "desktop", "transcribe", *args], capture_output=True, text=True,
                          timeout=600, env=env, **kw)


@pytest.mark.parametrize("which", ["open_asr", "fws"])
def test_two_channel_call_through_each_server(request, which, short_call, make_study):
    server = request.getfixturevalue(which)
    study, iid = make_study(short_call)
    run = cli("--study", str(study.folder), "--interview", str(iid), "--server", server.url + "/v1",
              "--server-model", server.model, key=server.key)
    assert run.returncode == 0, run.stderr
    assert KEY not in run.stdout + run.stderr
    segments = study.transcripts.segments(iid)
    speakers = {s.speaker for s in segments if s.text}
    assert speakers == {"interviewer", "participant"}, [(s.speaker, s.text) for s in segments]
    assert all(PERSIAN.search(s.text) for s in segments if s.text)
    first = [s for s in segments if s.speaker == "participant"][0]
    assert first.start_ms > [s for s in segments if s.speaker == "interviewer"][0].start_ms, "the answer follows"
    words = sum(len(s.words) for s in segments)
    assert (words > 0) == (which == "open_asr"), "words when the server gives them, none invented"
    assert study.jobs.get(iid).state == "done"
    assert study.transcripts.info(iid).model == f"{server.model} @ {server.url}"


def test_a_file_over_the_upload_cap_passes_cut_and_compressed(open_asr, audio, tmp_path):
    samples, rate = sf.read(str(audio["mono"]), dtype="float64")
    big = tmp_path / "big.wav"  # the same speech at 384 kHz in 64-bit floats: well over 25 MiB
    sf.write(str(big), np.repeat(np.concatenate([samples, np.zeros(rate * 4)]), 24), rate * 24, subtype="DOUBLE")
    assert big.stat().st_size > 25 * 2**20
    server = Server(open_asr.url, open_asr.model, key=KEY)
    with pytest.raises(ServerError, match=r"as too large \(413: File too large\)"):
        server.transcribe(big.read_bytes(), file_name="big.wav", content_type="audio/wav")
    result = ServerPipeline(server).run(big, window_s=6)
    texts = [s for s in result.segments if s.text]
    assert texts and PERSIAN.search(" ".join(s.text for s in texts))
    assert [s.start for s in result.segments] == sorted(s.start for s in result.segments)


def test_a_wrong_key_is_one_sentence(open_asr, audio, make_study):
    study, iid = make_study(audio["mono"])
    run = cli("--study", str(study.folder), "--interview", str(iid), "--server", open_asr.url,
              "--server-model", open_asr.model, key="not-the-key")
    assert run.returncode != 0
    lines = [ln for ln in run.stderr.splitlines() if ln.strip()]
    assert lines[-1] == (f"mosahebeh: The speech server at {open_asr.url} refused the API key (401: Unauthorized); "
                         "check the key in Settings → Servers or MOSAHEBEH_SERVER_KEY.")
    assert "not-the-key" not in run.stderr + run.stdout
    assert study.jobs.get(iid).state == "failed" and not study.transcripts.count(iid)[0]


def test_server_killed_mid_queue_and_started_again(bundled_dir, audio, make_study, tmp_path):
    server = RunningServer("faster-whisper-server", bundled_dir, log=tmp_path / "log").start()
    try:
        study, first = make_study(audio["mono"])
        others = [study.interviews.add(title=f"مصاحبه {n}").id for n in (2, 3)]
        for iid in others:
            study.interviews.attach_audio(iid, audio["mono"])
        args = ["--study", str(study.folder), "--all", "--server", server.url, "--server-model", server.model,
                "--server-retries", "1", "--progress-json"]
        process = subprocess.Popen([sys.executable, "-m", "desktop", "transcribe", *args], stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE, text=True)
        for line in process.stdout:  # the first interview is saved: pull the plug
            if "done" in json.loads(line):
                server.kill()
                break
        _, err = process.communicate(timeout=120)
        assert process.returncode == 1 and "did not answer after 2 tries" in err, err
        assert study.jobs.queue() == others, "the queue keeps what is left, in order"
        kept = [(s.id, s.text) for s in study.transcripts.segments(first)]
        server.start()
        run = cli(*args[:-3])
        assert run.returncode == 0, run.stderr
        assert study.jobs.queue() == []
        assert [(s.id, s.text) for s in study.transcripts.segments(first)] == kept, "the done one is not redone"
        for iid in [first, *others]:
            assert study.jobs.get(iid).state == "done"
            saved = [(s.start_ms, s.speaker, s.text) for s in study.transcripts.segments(iid)]
            assert saved and len(saved) == len(set(saved)), "nothing doubled"
        assert [s.text for s in study.transcripts.segments(others[1])] == [t for _, t in kept]
    finally:
        server.stop()


INET = re.compile(r"connect\(\d+, \{sa_family=AF_INET6?, sin6?_port=htons\((\d+)\), (?:sin_addr=inet_addr\(\"([^\"]+)\"\)|inet_pton\(AF_INET6, \"([^\"]+)\")")


@pytest.mark.skipif(shutil.which("strace") is None, reason="strace is not installed (scripts/setup.sh installs it)")
def test_a_server_transcription_connects_to_that_server_only(fws, audio, tmp_path):
    log = tmp_path / "connect.log"
    run = subprocess.run(["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(log), sys.executable, "-m",
                          "desktop", "transcribe", str(audio["mono"]), "--server", fws.url, "--server-model",
                          fws.model], capture_output=True, text=True, timeout=600)
    trace = log.read_text()
    if run.returncode != 0 and "Operation not permitted" in run.stderr + trace:
        pytest.skip("ptrace is not permitted here")
    assert run.returncode == 0, run.stderr
    assert PERSIAN.search(run.stdout), "a real transcription ran"
    inet = [line for line in trace.splitlines() if "sa_family=AF_INET" in line]
    assert inet, "it did connect to the server"
    places = {(m.group(2) or m.group(3), int(m.group(1))) for m in map(INET.search, inet) if m}
    assert places == {("127.0.0.1", fws.port)}, "\n".join(inet)
