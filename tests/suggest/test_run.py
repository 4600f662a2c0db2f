"""Suggestions on the demo study through a fake server on 127.0.0.1: anchored to exact spans, stored pending,
nothing coded before acceptance, accepted ones counted in agreement, pseudonymised text sent, and the
server's nonsense (invalid JSON, quotes not in the text, a hang) costing nothing but a count."""
from __future__ import annotations

import time

import pytest

from codebook import Study, agreement
from codebook.errors import StudyError
from codebook.suggestions import run as runs
from codebook.suggestions.llm import ChatClient, ServerError
from codebook.suggestions.report import paper_sentence
from codebook.suggestions.store import Suggestions

REAL_NAME = "فرشته کاظمی"


def _first(study):
    return study.interviews.list()[0].id


def _codes(study, *names):
    return runs.resolve_codes(study, list(names))


def _with_real_name(study):
    """A participant's real identity, also said aloud in the first interview (as happens), and the
    replacement the study keeps for it."""
    iv = study.interviews.list()[0]
    study.participants.set_identity(iv.participant_id, real_name=REAL_NAME)
    study.glossary.add(REAL_NAME, replacement="[نام]")
    seg = study.transcripts.segments(iv.id)[1]
    study.transcripts.set_text(seg.id, f"من {REAL_NAME} هستم. " + seg.text)
    return seg.id


def test_suggestions_anchor_exactly_and_write_no_coding(demo_path, fake_server):
    with Study.open(demo_path) as study:
        before = study.db.execute("SELECT COUNT(*) FROM codings").fetchone()[0]
        iid = _first(study)
        client = ChatClient(fake_server.url, "fake-model", timeout=10)
        started = runs.start(study, server=client.url, model=client.model, interview_ids=[iid],
                             code_ids=_codes(study, "تعطیلی فیزیکی", "کمبود بودجه"))
        done = runs.work(study, started.id, client)
        found = Suggestions(study).list(run_id=done.id)
        assert found and done.state == "done" and done.dropped == 0 and done.invalid == 0
        for s in found:
            text = study.transcripts.segment(s.start_segment_id).text
            assert text[s.start_offset:s.end_offset] == s.quote and s.anchor == "exact" and s.state == "pending"
        assert study.db.execute("SELECT COUNT(*) FROM codings").fetchone()[0] == before
        # The prompt with its version is stored with the run; the rules are the codes' descriptions.
        assert done.prompt_version and "second coder" in done.prompt
        assert "بسته شدن ساختمان کتابخانه" in fake_server.sent_text()


def test_pseudonymised_text_is_sent_and_spans_map_back(demo_path, fake_server):
    with Study.open(demo_path) as study:
        sid = _with_real_name(study)
        fake_server.words = 3  # «من [نام] هستم.»: the quote takes in the replaced name
        client = ChatClient(fake_server.url, "fake-model", timeout=10)
        started = runs.start(study, server=client.url, model=client.model, interview_ids=[_first(study)],
                             code_ids=_codes(study, "تعطیلی فیزیکی"))
        runs.work(study, started.id, client)
        assert REAL_NAME not in fake_server.sent_text() and "[نام]" in fake_server.sent_text()
        # The participant's pseudonym, the date and the database ids are not sent either.
        assert "مشارکت‌کننده ۱" not in fake_server.sent_text() and "2020-05-12" not in fake_server.sent_text()
        s = next(s for s in Suggestions(study).list() if s.start_segment_id == sid)
        text = study.transcripts.segment(sid).text
        assert s.quote == text[s.start_offset:s.end_offset] == f"من {REAL_NAME} هستم."


def test_unpseudonymised_only_for_this_computer(demo_path):
    with Study.open(demo_path) as study:
        with pytest.raises(StudyError, match="unpseudonymised only when"):
            runs.start(study, server="http://lab.example.org:8000/v1", model="m", interview_ids=[_first(study)],
                       code_ids=_codes(study, "تعطیلی فیزیکی"), pseudonymise=False)


def test_accept_reject_and_agreement_with_the_model(demo_path, fake_server):
    with Study.open(demo_path) as study:
        client = ChatClient(fake_server.url, "fake-model", timeout=10)
        code_ids = _codes(study, "تعطیلی فیزیکی", "کمبود بودجه")
        started = runs.start(study, server=client.url, model=client.model, interview_ids=[_first(study)],
                             code_ids=code_ids)
        runs.work(study, started.id, client)
        repo = Suggestions(study)
        pending = repo.list()
        first, second = pending[0], pending[1]
        coding = repo.accept(first.id)
        repo.reject(second.id)
        assert coding.coder == "AI (fake-model)" and coding.code_id == first.code_id
        assert study.codings.text(coding) == first.quote
        assert repo.get(first.id).state == "accepted" and repo.get(first.id).coding_id == coding.id
        assert repo.get(second.id).state == "rejected"
        assert not study.db.execute("SELECT 1 FROM codings WHERE coder = 'AI (fake-model)' AND id != ?",
                                    [coding.id]).fetchall()
        with pytest.raises(StudyError, match="already accepted"):
            repo.accept(first.id)
        for s in repo.list():
            repo.accept(s.id)
        # The existing agreement works unchanged between the researcher and «AI (MODEL)».
        result = agreement.compute(study, "مریم", "AI (fake-model)", codes=code_ids)
        assert result.overall.units > 0 and result.overall.percent is not None
        sentence = paper_sentence(study, "مریم")
        assert "fake-model" in sentence and "mosahebeh-suggest-1" in sentence
        assert f"{len(pending) - 1} were accepted, 1 rejected" in sentence and "Cohen's kappa" in sentence
        persian = paper_sentence(study, "مریم", lang="fa")
        assert "fake-model" in persian and "کاپای کوهن" in persian and "۱ رد" in persian
        # Undo of an acceptance: the suggestion is pending again and its coding is gone.
        snap = repo.snapshot([first.id])
        study.db.execute("UPDATE suggestions SET state='pending', coding_id=NULL WHERE id=?", [first.id])
        repo.restore(snap)
        assert repo.get(first.id).coding_id == coding.id


def test_adjust_moves_the_span_and_the_quote(demo_path, fake_server):
    with Study.open(demo_path) as study:
        client = ChatClient(fake_server.url, "fake-model", timeout=10)
        started = runs.start(study, server=client.url, model=client.model, interview_ids=[_first(study)],
                             code_ids=_codes(study, "تعطیلی فیزیکی"))
        runs.work(study, started.id, client)
        repo = Suggestions(study)
        s = repo.list()[0]
        text = study.transcripts.segment(s.start_segment_id).text
        moved = repo.adjust(s.id, s.start_segment_id, 0, s.start_segment_id, len(text))
        assert moved.quote == text and moved.state == "pending"
        coding = repo.accept(s.id)
        assert (coding.start_offset, coding.end_offset) == (0, len(text))


def test_invalid_json_and_quotes_not_in_text_cost_only_a_count(demo_path, fake_server):
    with Study.open(demo_path) as study:
        client = ChatClient(fake_server.url, "fake-model", timeout=10)
        code_ids = _codes(study, "تعطیلی فیزیکی")
        fake_server.mode = "invalid"
        done = runs.work(study, runs.start(study, server=client.url, model=client.model,
                                           interview_ids=[_first(study)], code_ids=code_ids).id, client)
        assert done.invalid >= 1 and done.state == "done" and not Suggestions(study).list()
        fake_server.mode = "elsewhere"
        done = runs.work(study, runs.start(study, server=client.url, model=client.model,
                                           interview_ids=[_first(study)], code_ids=code_ids).id, client)
        assert done.dropped == done.proposed > 0 and not Suggestions(study).list()


def test_a_hanging_server_times_out_and_the_run_resumes(demo_path, fake_server):
    with Study.open(demo_path) as study:
        fake_server.mode = "hang"
        fake_server.hang_s = 3
        client = ChatClient(fake_server.url, "fake-model", timeout=0.5)
        started = runs.start(study, server=client.url, model=client.model, interview_ids=[_first(study)],
                             code_ids=_codes(study, "تعطیلی فیزیکی"))
        t0 = time.monotonic()
        done = runs.work(study, started.id, client)
        chunks = done.failed
        assert chunks >= 1 and done.state == "incomplete"
        assert time.monotonic() - t0 < chunks * 0.5 + 2  # each request cut off at the timeout
        # The work left is stored: a later call (another process, after a kill) finishes it.
        fake_server.mode = "quote"
        again = runs.resume(study, ChatClient(fake_server.url, "fake-model", timeout=10))
        assert again[0].id == started.id and again[0].state == "done" and Suggestions(study).list()


def test_cancel_stops_between_chunks_and_keeps_the_rest_pending(demo_path, fake_server):
    with Study.open(demo_path) as study:
        client = ChatClient(fake_server.url, "fake-model", timeout=10)
        started = runs.start(study, server=client.url, model=client.model,
                             interview_ids=[iv.id for iv in study.interviews.list()[:3]],
                             code_ids=_codes(study, "تعطیلی فیزیکی"))
        seen = []
        done = runs.work(study, started.id, client, progress=seen.append, cancelled=lambda: len(seen) >= 1)
        assert done.state == "cancelled" and len(seen) == 1 and seen[0].seconds_left is not None
        left = Suggestions(study).chunks(started.id)
        assert left and seen[0].total == seen[0].done + len(left)


def test_retries_on_429_and_speaks_llama_cpp_python_dialect(demo_path, fake_server):
    with Study.open(demo_path) as study:
        fake_server.mode = "busy"
        fake_server.busy_times = 2
        waits = []
        client = ChatClient(fake_server.url, "fake-model", timeout=10, sleep=waits.append)
        done = runs.work(study, runs.start(study, server=client.url, model=client.model,
                                           interview_ids=[_first(study)],
                                           code_ids=_codes(study, "تعطیلی فیزیکی")).id, client)
        assert len(waits) == 2 and done.failed == 0 and Suggestions(study).list()
        fake_server.mode = "old"
        client = ChatClient(fake_server.url, "fake-model", timeout=10)
        n = len(fake_server.requests)
        assert client.complete([{"role": "system", "content": "x"}, {"role": "user", "content": "[1] سلام دنیا"}],
                               {"type": "object", "properties": {"suggestions": {"type": "array", "items": {
                                   "type": "object", "properties": {"code": {"enum": ["x"]}}}}}})
        kinds = [r["response_format"]["type"] for r in fake_server.requests[n:]]
        assert kinds == ["json_schema", "json_object"]


def test_key_goes_only_in_the_header_and_models_are_listed(fake_server):
    client = ChatClient(fake_server.url + "/v1/", "fake-model", key="sekret-123", timeout=5)
    assert client.models() == ["fake-model"]
    assert fake_server.headers[-1]["Authorization"] == "Bearer sekret-123"


def test_unreachable_server_is_one_sentence():
    import socket
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(ServerError, match="Cannot reach the language model server"):
        ChatClient(f"http://127.0.0.1:{port}", "m", key="sekret-123", timeout=3).models()
