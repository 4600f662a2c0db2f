"""A full disk, and recordings that belong to an interview of a study."""
from __future__ import annotations

import json
import subprocess
import sys
import textwrap

import soundfile as sf

from record_helpers import tone_seconds
from transcribe.recording import FakeSource, Recorder, SimClock, Take

FULL_DISK = textwrap.dedent("""
    import json, resource, signal, sys, time
    from transcribe.errors import AudioError
    from transcribe.recording import FakeSource, Recorder, SimClock
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)       # a write past the limit fails with EFBIG, like ENOSPC
    resource.setrlimit(resource.RLIMIT_FSIZE, (96000, 96000))   # ~3 s of 16 kHz 16-bit audio per file
    clock = SimClock(speed=5)
    rec = Recorder(sys.argv[1], [FakeSource(role="mic", frequency=1000, clock=clock)], clock=clock)
    rec.start()
    while not rec.failed and clock() < clock.t0 + 20:
        time.sleep(0.02)
    out = {"failed": rec.failed, "problems": rec.status().problems}
    try:
        rec.stop()
    except AudioError as exc:
        out["stop"] = str(exc)
    print(json.dumps(out))
""")


def test_full_disk_stops_with_a_clear_message_and_keeps_the_audio(tmp_path):
    folder = tmp_path / "take"
    res = subprocess.run([sys.executable, "-c", FULL_DISK, str(folder)], capture_output=True, text=True, timeout=60)
    assert res.returncode == 0, res.stderr
    out = json.loads(res.stdout)
    assert out["failed"].startswith("The disk is full")
    assert "What was recorded up to now is kept" in out["failed"]
    assert "mosahebeh recover" in out["stop"]  # the result could not be written either: the take waits
    assert not Take(folder).finished
    rec = subprocess.run([sys.executable, "-m", "desktop", "recover", str(folder)], capture_output=True, text=True)
    assert rec.returncode == 0, rec.stderr
    x, sr = sf.read(folder / "take.wav")
    assert 2.5 <= tone_seconds(x, sr, 1000) <= 3.1


def test_take_for_an_interview_attaches_audio_marks_and_consent(study):
    p = study.participants.add("P1")
    interview = study.interviews.add(p.id, title="Librarian")
    q1 = study.guide.add("How did the library change?")
    q2 = study.guide.add("What did readers ask for?", parent_id=q1.id)
    from codebook.recording import attach_take, new_take_folder, pending_takes

    clock = SimClock(speed=10)
    rec = Recorder(new_take_folder(study, interview.id),
                   [FakeSource(role="mic", clock=clock, frequency=1000), FakeSource(role="remote", clock=clock)],
                   interview_id=interview.id, clock=clock)
    take = rec.start()
    clock.sleep(1)
    rec.mark_question(q1.id, q1.text)
    clock.sleep(1)
    rec.mark_question(q2.id, q2.text)
    rec.mark("noise")
    rec.set_consent(True)
    clock.sleep(1)
    rec._shutdown()  # the app dies here
    assert [t.folder for t in pending_takes(study)] == [take.folder]
    attached = attach_take(study, take)
    assert attached.audio_path.startswith("audio/") and attached.status == "recorded" and attached.consent
    assert 2500 <= attached.duration_ms <= 3500
    x, sr = sf.read(study.interviews.audio_file(interview.id))
    assert x.shape[1] == 2
    marks = study.marks.list(interview.id)
    assert [(m.kind, m.question_id) for m in marks] == [("question", q1.id), ("question", q2.id), ("mark", None)]
    assert abs(marks[0].at_ms - 1000) < 150
    assert study.marks.answers(q1.id)[0][:2] == (interview.id, marks[0].at_ms)
    assert pending_takes(study) == []
    attach_take(study, take)  # again: nothing doubled
    assert len(study.marks.list(interview.id)) == 3


def test_recover_command_on_a_study_attaches_its_takes(study):
    interview = study.interviews.add(title="X")
    from codebook.recording import new_take_folder

    clock = SimClock(speed=10)
    rec = Recorder(new_take_folder(study, interview.id), [FakeSource(role="mic", clock=clock)],
                   interview_id=interview.id, clock=clock)
    rec.start()
    clock.sleep(2)
    rec._shutdown()
    res = subprocess.run([sys.executable, "-m", "desktop", "recover", str(study.folder)],
                         capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    assert f"interview {interview.id}" in res.stdout
    assert study.interviews.get(interview.id).audio_path


def test_bad_command_lines_get_a_sentence_not_a_traceback(tmp_path):
    def run(*args):
        return subprocess.run([sys.executable, "-m", "desktop", *args], capture_output=True, text=True)

    both = run("record", "--seconds", "1")
    assert both.returncode == 2 and "Give either --out" in both.stderr
    no_take = run("recover", str(tmp_path))
    assert no_take.returncode == 2 and "No unfinished recording" in no_take.stderr
    blocker = tmp_path / "f"
    blocker.write_text("x")
    assert "Traceback" not in run("record", "--out", str(blocker / "x.wav"), "--seconds", "1").stderr


def test_guide_question_deleted_and_restored_keeps_its_marks(study):
    from codebook.recording import guide_restore, guide_snapshot

    i = study.interviews.add(title="X")
    q = study.guide.add("Main")
    f = study.guide.add("Follow-up", parent_id=q.id)
    m = study.marks.add(i.id, 500, kind="question", question_id=f.id)
    snap = guide_snapshot(study, q.id)
    study.guide.remove(q.id)
    assert study.guide.list() == [] and study.marks.get(m.id).question_id is None
    guide_restore(study, snap)
    assert [g.id for g in study.guide.list()] == [q.id, f.id]
    assert study.marks.get(m.id).question_id == f.id
