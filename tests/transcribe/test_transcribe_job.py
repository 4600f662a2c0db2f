"""A study's transcription job: saved as it goes, resumable after a kill, careful with corrected work."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from codebook import Study
from codebook.errors import StudyError
from codebook.transcription import accuracy, run_job
from transcribe.errors import AudioError, ModelError
from transcribe.wer import error_rates

pytestmark = pytest.mark.slow


def snapshot(study, iid):
    return [(s.id, s.start_ms, s.text, s.checked) for s in study.transcripts.segments(iid)]


def test_job_saves_segments_info_and_status(pipeline, audio, make_study):
    study, iid = make_study(audio["mono"])
    study.interviews.update(iid, speakers="1")  # one espeak voice: one speaker (test_speakers.py has calls)
    study.glossary.add("کتابخانه")
    job = run_job(study, iid, pipeline=pipeline)
    assert job.state == "done" and job.progress == 1.0
    segments = study.transcripts.segments(iid)
    assert segments and all(s.source == "machine" and s.words for s in segments)
    assert segments[0].words[0].start_ms >= segments[0].start_ms
    info = study.transcripts.info(iid)
    assert info.model == pipeline.model_name and info.language == "fa"
    assert info.options["hotwords"] == "کتابخانه" and info.options["word_timestamps"] is True
    assert info.options["model_options"]["compute_type"] == "int8"
    assert info.draft == study.transcripts.text(iid)
    assert study.interviews.get(iid).status == "transcribed"
    assert accuracy(study, iid) is None  # nothing corrected yet


def test_stereo_job_labels_speakers(pipeline, audio, make_study):
    study, iid = make_study(audio["stereo"])
    run_job(study, iid, pipeline=pipeline)
    speakers = {s.speaker for s in study.transcripts.segments(iid)}
    assert speakers == {"interviewer", "participant"}


def test_corrected_transcript_is_not_overwritten_without_asking(pipeline, audio, make_study):
    study, iid = make_study(audio["mono"])
    run_job(study, iid, pipeline=pipeline)
    first = study.transcripts.segments(iid)[0]
    study.transcripts.set_text(first.id, "سلام، امروز درباره کتابخانه‌های عمومی صحبت می‌کنیم.")
    study.transcripts.set_checked(first.id)
    code = study.codes.add("تعطیلی")
    study.codings.add(code.id, first.id, 0, first.id, 5)
    before = snapshot(study, iid)
    with pytest.raises(StudyError, match="corrected transcript"):
        run_job(study, iid, pipeline=pipeline)
    assert snapshot(study, iid) == before
    run_job(study, iid, pipeline=pipeline, force=True)
    memos = study.memos.list("interview", iid)
    assert len(memos) == 1
    assert "سلام، امروز درباره کتابخانه‌های عمومی صحبت می‌کنیم." in memos[0].text
    assert "تعطیلی: «سلام،»" in memos[0].text
    assert not any(s.checked for s in study.transcripts.segments(iid))


def test_accuracy_after_correction(pipeline, audio, make_study):
    """WER on the checked segments only: their machine words against their corrected text. The
    unchecked segments are not counted as correct (they were, and the figure read far too low)."""
    study, iid = make_study(audio["mono"])
    study.interviews.update(iid, speakers="1")
    run_job(study, iid, pipeline=pipeline)
    segments = study.transcripts.segments(iid)
    assert len(segments) >= 2 and all(s.words for s in segments)
    first = segments[0]
    machine = " ".join(w.text for w in first.words)
    corrected = "سلام، امروز درباره کتابخانه‌های عمومی صحبت می‌کنیم."
    study.transcripts.set_text(first.id, corrected)
    study.transcripts.set_checked(first.id)
    got = accuracy(study, iid)
    expected = error_rates(corrected, machine)
    assert (got.wer, got.cer, got.segments) == (expected.wer, expected.cer, 1) and 0 < got.cer <= got.wer
    # Every other segment rewritten but left unchecked: the figure does not move.
    for s in segments[1:]:
        study.transcripts.set_text(s.id, "کاملاً متن دیگری")
    assert accuracy(study, iid) == got
    # Checked, they count, and the draft's errors there with them.
    study.transcripts.set_checked(segments[1].id)
    two = accuracy(study, iid)
    both = error_rates(corrected + "\n" + "کاملاً متن دیگری",
                       machine + "\n" + " ".join(w.text for w in segments[1].words))
    assert (two.wer, two.segments) == (both.wer, 2) and two.wer > got.wer


def test_bad_audio_or_model_leaves_the_study_untouched(pipeline, audio, make_study, tmp_path):
    study, iid = make_study(audio["mono"])
    run_job(study, iid, pipeline=pipeline)
    before, job = snapshot(study, iid), study.jobs.get(iid)
    with pytest.raises(ModelError):
        run_job(study, iid, model=str(tmp_path))
    study.interviews.audio_file(iid).write_bytes(b"\x00garbage" * 100)
    with pytest.raises(AudioError):
        run_job(study, iid, pipeline=pipeline)
    assert snapshot(study, iid) == before and study.jobs.get(iid) == job
    study.interviews.audio_file(iid).unlink()
    with pytest.raises(StudyError, match="audio of interview .* is missing"):
        run_job(study, iid, pipeline=pipeline)


def test_killed_worker_resumes_after_the_last_saved_segment(pipeline, audio, make_study):
    study, iid = make_study(audio["long"])
    study.interviews.update(iid, speakers="1")  # one voice: labelled, not cut, so saved segments stay
    folder = study.folder
    study.close()
    worker = subprocess.Popen([sys.executable, "-m", "desktop", "transcribe", "--study", str(folder),
                               "--interview", str(iid), "--progress-json", "--window", "16"],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    watcher = Study.open(folder)
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        job = watcher.jobs.get(iid)
        if job and job.resume_ms > 0 and watcher.transcripts.count(iid)[0] >= 1:
            break
        assert worker.poll() is None, worker.stderr.read().decode()
        time.sleep(0.05)
    os.kill(worker.pid, signal.SIGKILL)
    worker.wait()
    job = watcher.jobs.get(iid)
    saved = snapshot(watcher, iid)
    assert job.state == "running" and 0 < job.progress < 0.9, job
    assert max(s[1] for s in saved) < job.resume_ms

    fractions = []
    done = run_job(watcher, iid, pipeline=pipeline, window_s=16, on_progress=lambda f, eta: fractions.append(f))
    after = snapshot(watcher, iid)
    assert done.state == "done"
    assert after[: len(saved)] == saved  # the saved segments are untouched, not redone
    assert len(after) > len(saved) and all(s[1] >= job.resume_ms for s in after[len(saved):])
    duration_ms = watcher.interviews.get(iid).duration_ms
    assert fractions[0] >= job.resume_ms / duration_ms  # it started where it stopped, not from zero
    watcher.close()


def test_second_run_of_an_interview_is_refused_and_a_killed_holder_does_not_block(audio, make_study):
    study, iid = make_study(audio["mono"])
    with study.jobs.exclusive(iid):
        assert study.jobs.busy(iid)
        with pytest.raises(StudyError, match="already being transcribed"):
            run_job(study, iid, model="/nowhere")  # refused before the audio, the model or the store is touched
        cli = subprocess.run([sys.executable, "-m", "desktop", "transcribe", "--study", str(study.folder),
                              "--interview", str(iid)], capture_output=True, text=True, timeout=300)
        assert cli.returncode != 0 and "already being transcribed" in cli.stderr
        assert study.transcripts.count(iid) == (0, 0) and study.jobs.get(iid) is None
    assert not study.jobs.busy(iid)
    holder = subprocess.Popen([sys.executable, "-c", "import sys, time\nfrom codebook import Study\n"
                               "s = Study.open(sys.argv[1])\nwith s.jobs.exclusive(int(sys.argv[2])):\n"
                               "    print('held', flush=True); time.sleep(600)", str(study.folder), str(iid)],
                              stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    assert study.jobs.busy(iid)
    holder.kill()
    holder.wait()
    assert not study.jobs.busy(iid)  # the system let go of the dead process's lock


def test_bad_audio_is_told_before_the_model_loads(audio, make_study, tmp_path):
    study, iid = make_study(audio["mono"])
    study.interviews.audio_file(iid).write_bytes(b"\x00garbage" * 100)
    with pytest.raises(AudioError):
        run_job(study, iid, model=str(tmp_path / "no-model"))  # the audio is refused, not the missing model
    bad = tmp_path / "notes.wav"
    bad.write_text("not audio")
    cli = subprocess.run([sys.executable, "-m", "desktop", "transcribe", str(bad), "--model",
                          str(tmp_path / "no-model")], capture_output=True, text=True, timeout=300)
    assert cli.returncode != 0 and "notes.wav" in cli.stderr and "model" not in cli.stderr.lower()


def test_untranscribed_stretches_are_saved_marked_and_counted(pipeline, audio, make_study, monkeypatch):
    import transcribe.whisper as whisper
    from codebook.transcription import summary

    study, iid = make_study(audio["mono"])
    impossible = whisper.transcribe_options
    monkeypatch.setattr("codebook.transcription.transcribe_options", lambda *a, **kw: impossible(
        *a, **kw, no_speech_threshold=0.0, log_prob_threshold=0.0, compression_ratio_threshold=0.1))
    run_job(study, iid, pipeline=pipeline)
    segments = study.transcripts.segments(iid)
    assert segments and all(s.untranscribed and s.text == "" for s in segments)
    done = summary(study, iid)
    seconds = round(sum(s.end_ms - s.start_ms for s in segments) / 1000)
    assert done["untranscribed"] == len(segments) and done["untranscribed_s"] == seconds
    assert done["message"].startswith(f"{len(segments)} stretch") and f", {seconds} s, could not be transcribed" \
        in done["message"]
    study.transcripts.set_text(segments[0].id, "بله")  # typing the words in clears the mark
    assert not study.transcripts.segment(segments[0].id).untranscribed
    assert len(study.transcripts.untranscribed(iid)) == len(segments) - 1
