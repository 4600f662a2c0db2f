"""The speech-server client against recorded answers of servers that cannot run here (vLLM, speaches,
whisper.cpp), served by a real HTTP server on 127.0.0.1 (the real servers: test_server_real.py)."""
from __future__ import annotations

import io

import pytest
import soundfile as sf
from fake_server import FakeServer, ok, status
from hypothesis import given, settings
from hypothesis import strategies as st

from transcribe.server import (
    Server,
    ServerError,
    ServerPipeline,
    ServerUnreachable,
    segments_from_answer,
)


@pytest.fixture
def fake():
    made = []

    def make(*answers):
        made.append(FakeServer(list(answers)))
        return made[-1]

    yield make
    for server in made:
        server.close()


def no_sleep(pauses: list):
    return pauses.append


def test_vllm_answer_sent_as_flac_pieces_and_offset_back(fake, audio):
    server = fake(ok("vllm_verbose.json"))
    pipeline = ServerPipeline(Server(server.url, "openai/whisper-large-v3", key="s3cret"))
    ticks: list[float] = []
    result = pipeline.run(audio["long"], window_s=15, on_progress=lambda f, eta: ticks.append(f))
    posts = [r for r in server.requests if r["method"] == "POST"]
    assert ticks == sorted(ticks) and ticks[-1] == 1.0 and len(ticks) > len(posts), "progress after every chunk"
    assert len(posts) >= 2, "the long file went in several pieces"
    for r in posts:
        form = r["form"]
        assert r["path"] == "/v1/audio/transcriptions"
        assert r["headers"]["Authorization"] == "Bearer s3cret"
        assert form["model"] == ["openai/whisper-large-v3"] and form["model_name"] == ["openai/whisper-large-v3"]
        assert form["response_format"] == ["verbose_json"] and form["language"] == ["fa"]
        assert form["timestamp_granularities[]"] == ["segment", "word"]
        name, kind, data = form["file"][0]
        info = sf.info(io.BytesIO(data))
        assert (name, kind, info.format, info.samplerate, info.channels) == ("piece.flac", "audio/flac", "FLAC", 16000, 1)
        assert info.duration <= 30.5
    texts = [s for s in result.segments if s.text]
    assert texts and all(not s.words for s in texts), "vLLM gives no words: none invented"
    starts = [s.start for s in result.segments]
    assert starts == sorted(starts) and starts[-1] > 15, "times moved back onto the whole file's clock"
    assert all(s.end <= result.duration + 0.01 for s in result.segments)
    assert result.model == f"openai/whisper-large-v3 @ {server.url}" and "s3cret" not in repr(pipeline.server)


def test_speaches_and_whisper_cpp_words_land_in_their_segments():
    import json

    from fake_server import recorded

    for name in ("speaches_verbose.json", "whispercpp_verbose.json"):
        segments = segments_from_answer(json.loads(recorded(name)), offset=100.0, length=9.1, speaker="")
        assert [s.text for s in segments] == ["سلام، حال شما چطور است؟", "امروز هوا خوب است."]
        for s in segments:
            assert s.words and all(s.start <= w.start <= w.end <= s.end for w in s.words)
        assert min(w.probability for s in segments for w in s.words) < 0.6, "the server's probabilities are kept"


def test_busy_server_is_tried_again_with_growing_pauses(fake):
    server = fake(status(429, {"detail": "Too many requests"}, **{"Retry-After": "0"}),
                  status(503, {"error": {"message": "overloaded"}}), ok("speaches_verbose.json"))
    pauses: list = []
    answer = Server(server.url, "m", sleep=no_sleep(pauses)).transcribe(b"fLaC")
    assert answer["language"] == "fa" and pauses == [1.0, 2.0] and len(server.requests) == 3


@pytest.mark.parametrize("answer, words", [
    (status(401, {"detail": "Unauthorized"}), ["refused the API key", "401: Unauthorized"]),
    (status(404, b'{"detail": "Model \'Systran/faster-whisper-large-v3\' is not installed locally."}'),
     ["has no model m", "404: Model 'Systran/faster-whisper-large-v3' is not installed locally."]),
    (status(413, {"detail": "File too large"}), ["as too large", "413: File too large"]),
    (status(400, {"error": {"message": "Maximum file size exceeded", "type": "BadRequestError", "code": 400}}),
     ["refused the request (400: Maximum file size exceeded)"]),
])
def test_every_other_refusal_is_one_sentence_with_the_servers_answer(fake, answer, words):
    server = fake(answer)
    with pytest.raises(ServerError) as caught:
        Server(server.url, "m", key="s3cret", sleep=no_sleep([])).transcribe(b"fLaC")
    message = str(caught.value)
    assert all(w in message for w in words), message
    assert message.count(". ") == 0 and message.endswith(".") and "s3cret" not in message
    assert len(server.requests) == 1, "not tried again"


def test_no_server_at_the_address_is_one_sentence_after_the_tries():
    from servers import (
        free_port as closed_port,  # bound, then let go: nobody listens there
    )

    pauses: list = []
    with pytest.raises(ServerUnreachable) as caught:
        Server(f"http://127.0.0.1:{closed_port()}/v1/", "m", retries=2, sleep=no_sleep(pauses)).models()
    assert "did not answer after 3 tries" in str(caught.value) and pauses == [1.0, 2.0]


def test_a_job_stopped_by_the_server_resumes_without_doubling(fake, audio, make_study):
    from codebook.transcription import run_job

    study, iid = make_study(audio["long"])
    clean = ServerPipeline(Server(fake(ok("vllm_verbose.json")).url, "m")).run(audio["long"], window_s=12)
    failing = fake(ok("vllm_verbose.json"), status(401, {"detail": "key revoked"}))
    with pytest.raises(ServerError, match="key revoked"):
        run_job(study, iid, model="m", pipeline=ServerPipeline(Server(failing.url, "m")), window_s=12)
    job = study.jobs.get(iid)
    assert job.state == "failed" and 0 < job.resume_ms and study.transcripts.count(iid)[0] > 0
    again = ServerPipeline(Server(fake(ok("vllm_verbose.json")).url, "m"))
    assert run_job(study, iid, model="m", pipeline=again, window_s=12).state == "done"
    saved = [(s.start_ms, s.end_ms, s.text) for s in study.transcripts.segments(iid)]
    assert len(saved) == len(set(saved)), "nothing saved twice"
    assert saved == [(round(s.start * 1000), round(s.end * 1000), s.text) for s in clean.segments]


segment = st.fixed_dictionaries({"start": st.floats(-5, 80), "end": st.floats(-5, 80),
                                 "text": st.text(alphabet="سلام ab", min_size=0, max_size=8)})
word = st.fixed_dictionaries({"start": st.floats(-5, 80), "end": st.floats(-5, 80),
                              "word": st.text(alphabet="سلام", min_size=1, max_size=4)})


@settings(max_examples=60, deadline=None)
@given(st.lists(segment, max_size=5), st.lists(word, max_size=8), st.floats(0, 3600), st.floats(1, 60))
def test_any_answer_lands_inside_its_piece(segments, words, offset, length):
    for s in segments_from_answer({"segments": segments, "words": words}, offset=offset, length=length):
        assert offset - 1e-3 <= s.start <= s.end <= offset + length + 1e-3 and s.text
        assert all(s.start - 1e-3 <= w.start <= w.end <= s.end + 1e-3 for w in s.words)
