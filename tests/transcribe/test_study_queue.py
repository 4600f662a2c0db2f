"""A study's transcription queue: which interviews are not transcribed, the kept order, a run of many."""
from __future__ import annotations

import pytest

from codebook.study_queue import not_transcribed, run_queue


def test_not_transcribed_and_the_kept_order(audio, make_study):
    study, done = make_study(audio["mono"])
    unfinished = study.interviews.add(title="نیمه‌کاره").id
    fresh = study.interviews.add(title="تازه").id
    no_audio = study.interviews.add(title="بی‌صدا").id
    imported = study.interviews.add(title="واردشده").id
    for iid in (unfinished, fresh, imported):
        study.interviews.attach_audio(iid, audio["mono"])
    study.jobs.set(done, state="done")
    study.jobs.set(unfinished, state="cancelled", resume_ms=1200)
    from codebook.models import NewSegment

    study.transcripts.add_segments(imported, [NewSegment(start_ms=0, end_ms=900, text="متن واردشده")])
    assert not_transcribed(study) == [unfinished, fresh]
    assert no_audio not in not_transcribed(study)
    study.jobs.set_queue([fresh, unfinished])
    study.jobs.enqueue(not_transcribed(study))
    assert study.jobs.queue() == [fresh, unfinished], "each once, the order kept"
    study.jobs.set_queue([unfinished, fresh])
    assert study.jobs.queue() == [unfinished, fresh]


@pytest.mark.slow
def test_a_queue_of_three_runs_two_at_a_time_with_hours_and_estimate(audio, make_study, pipeline):
    study, first = make_study(audio["mono"])
    ids = [first] + [study.interviews.add(title=f"مصاحبه {n}").id for n in (2, 3)]
    for iid in ids[1:]:
        study.interviews.attach_audio(iid, audio["mono"])
    broken = study.interviews.add(title="خراب").id
    study.interviews.attach_audio(broken, audio["mono"])
    study.interviews.audio_file(broken).unlink()  # its audio went missing: it fails, the others go on
    study.jobs.enqueue([*ids, broken])
    events: list[dict] = []
    result = run_queue(study.folder, pipeline=lambda: pipeline, jobs=2, on_event=events.append)
    assert sorted(result.done) == ids and list(result.failed) == [broken] and not result.stopped
    assert study.jobs.queue() == []
    assert all(study.jobs.get(i).state == "done" and study.transcripts.count(i)[0] for i in ids)
    progress = [e["queue"] for e in events if "queue" in e]
    assert max(len(p["in_hand"]) for p in progress) == 2, "two at a time"
    last = progress[-1]
    assert last["done"] == 3 and last["count"] == 4 and last["in_hand"] == []
    assert last["audio_s"] > 0 and abs(last["audio_done_s"] - last["audio_s"]) < 0.5  # the missing one: 0 s
    assert any(p["eta"] > 0 for p in progress), "an estimate of the time left"
    assert [e["failed"]["interview"] for e in events if "failed" in e] == [broken]
