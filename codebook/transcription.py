"""Transcribing a study's interview: a resumable job that saves as it goes.

For example (a sketch, not run as a doctest)::

    job = run_job(study, interview_id)               # the bundled model, Persian
    accuracy(study, interview_id)                     # WER, CER on the checked segments, else None

Segments are written as the transcriber hands them over, in the same
transaction as the job's ``resume_ms`` and progress, so a crash or a kill
loses at most the segment being worked on: the next :func:`run_job` continues
after the last saved segment. A transcript somebody has corrected (checked
segments) or coded is never overwritten silently: :func:`run_job` refuses,
and with ``force=True`` first keeps the old version as a memo on the
interview (every segment with its time and speaker, and every coding with its
code and text).

One run per interview: :func:`run_job` holds the interview's job lock
(:meth:`codebook.jobs.Jobs.exclusive`) from before the model loads until it
ends, so a second run (the app and the command line, two windows, two
processes) is refused with :class:`StudyError` at once.

Speech the model could not transcribe is saved as *untranscribed* segments
(no text, marked); :func:`summary` counts them for the job's end message.
"""
from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass

from codebook.dates import format_hms
from codebook.errors import StudyError, StudyFullError, StudyLockedError
from codebook.models import Job, NewSegment, Word
from codebook.study import Study, now
from transcribe.audio import audio_channels, probe_duration_ms
from transcribe.errors import TranscribeError
from transcribe.wer import error_rates
from transcribe.whisper import Cancelled, Pipeline, transcribe_options

KIND = "transcribe"
RESUMABLE = ("running", "failed", "cancelled")
# Stored in the study (a memo's title), read in either language: the Persian first, so the title reads right to left
# in the Persian app (review 3 §6.7: English first laid the whole line out left to right).
KEPT_TITLE = "متن اصلاح‌شده پیش از پیاده‌سازی دوباره / Corrected transcript kept before re-transcription"


def corrected_state(study: Study, interview_id: int) -> tuple[int, int]:
    """(checked segments, codings) of the interview: work a re-transcription would replace."""
    _, checked = study.transcripts.count(interview_id)
    return checked, len(study.codings.list(interview_id=interview_id))


def keep_aside(study: Study, interview_id: int) -> int | None:
    """Save the current transcript and its codings as a memo on the interview; its id (None if empty)."""
    segments = study.transcripts.segments(interview_id)
    if not segments:
        return None
    lines = [f"[{format_hms(s.start_ms)}–{format_hms(s.end_ms)}{' ' + s.speaker if s.speaker else ''}"
             f"{' ✓' if s.checked else ''}] {s.text}" for s in segments]
    codings = study.codings.list(interview_id=interview_id)
    if codings:
        lines += ["", "کدگذاری‌ها / Codings:"]
        for c in codings:
            lines.append(f"- {study.codes.get(c.code_id).name}: «{study.codings.text(c)}»"
                         + (f" ({c.memo})" if c.memo else ""))
    memo = study.memos.add("\n".join(lines), title=f"{KEPT_TITLE} {now()}", target_kind="interview",
                           target_id=interview_id)
    return memo.id


def run_job(study: Study, interview_id: int, *, model: str | None = None, language: str | None = None,
            force: bool = False, window_s: float | None = None, pipeline: Pipeline | None = None,
            on_progress: Callable[[float, float], None] | None = None,
            cancel: Callable[[], bool] | None = None, speakers: int | str | None = None,
            channel_use: str | None = None) -> Job:
    """Transcribe the interview's audio into its transcript and return the finished job.

    An unfinished job for the same model and language (state running, failed
    or cancelled, with a resume point) continues where it stopped. Otherwise
    the transcript is replaced; refused with :class:`StudyError` when it has
    checked segments or codings, unless ``force`` (then kept as a memo first).
    ``language`` is ``"fa"`` by default, ``"auto"`` to detect. Bad audio or a
    bad model raise before anything in the study changes; bad audio before
    the model is loaded. Refused with :class:`StudyError` while another run
    transcribes the same interview.

    Speakers: ``channel_use`` (else the interview's, detected and stored when unknown) decides
    whether a two-channel file is transcribed by channel or once; a transcript made from one
    channel is then diarized into ``speakers`` (else the interview's setting, else 2)."""
    study.interviews.get(interview_id)
    with study.jobs.exclusive(interview_id, KIND):
        use = _channel_use(study, interview_id, channel_use)
        job = _run_job(study, interview_id, model=model, language=language, force=force, window_s=window_s,
                       pipeline=pipeline, on_progress=on_progress, cancel=cancel, channel_use=use)
        _label_speakers(study, interview_id, use, speakers)
        return job


def _channel_use(study: Study, interview_id: int, override: str | None) -> str | None:
    """Before decoding: how the interview's channels are used (stored on the interview)."""
    if override:
        if study.interviews.get(interview_id).channel_use != override:
            study.interviews.update(interview_id, channel_use=override)
        return override
    return study.interviews.channel_use(interview_id) or None


def _label_speakers(study: Study, interview_id: int, channel_use: str | None,
                    speakers: int | str | None) -> None:
    """After decoding: a transcript of one channel gets its speakers (codebook.speakers)."""
    from codebook import speakers as who

    info = study.transcripts.info(interview_id)
    used = (info.options.get("channel_use") if info else None) or channel_use or ""
    if who.needs_labels(used):
        who.label_transcript(study, interview_id, speakers)


def _run_job(study: Study, interview_id: int, *, model, language, force, window_s, pipeline, on_progress,
             cancel, channel_use=None) -> Job:
    audio = study.interviews.audio_file(interview_id)
    if audio is None:
        raise StudyError("Interview {interview_id} has no audio yet: record or attach its audio first.", interview_id=interview_id)
    if not audio.is_file():
        raise StudyError("The audio of interview {interview_id} is missing ({audio}); put the file back or attach it again.", interview_id=interview_id, audio=audio)
    duration_ms = probe_duration_ms(audio)
    audio_channels(audio)

    job = study.jobs.get(interview_id, KIND)
    resuming = (job is not None and job.state in RESUMABLE and job.resume_ms > 0
                and (model is None or job.params.get("model") == model)
                and (language is None or job.params.get("language") == language)
                and "options" in job.params)
    if resuming and job is not None:
        model, language = job.params.get("model"), job.params.get("language")
        options = job.params["options"]
        start_ms = job.resume_ms
    else:
        language = language or "fa"
        options = transcribe_options(language, study.glossary.terms())
        start_ms = 0
    if pipeline is None:
        pipeline = Pipeline(model)

    if not resuming:
        count, _ = study.transcripts.count(interview_id)
        checked, coded = corrected_state(study, interview_id)
        if (checked or coded) and not force:
            raise StudyError(
                "Interview {interview_id} has a corrected transcript ({checked} checked segments, {coded} codings). Re-transcribing replaces it; confirm to go ahead (the corrected version is then kept as a memo on the interview).", interview_id=interview_id, checked=checked, coded=coded)
        with study.atomic():
            if count and (checked or coded):
                keep_aside(study, interview_id)
            if count:
                study.transcripts.replace(interview_id, [], force=True)
            study.jobs.set(interview_id, KIND, state="running", progress=0.0, resume_ms=0, error="",
                                      params={"model": model, "language": language, "options": options,
                                              "model_id": pipeline.model_name})
    else:
        study.jobs.set(interview_id, KIND, state="running", error="")

    def save(batch, resume_at: float) -> None:
        with study.atomic():
            if batch:
                study.transcripts.add_segments(interview_id, [
                    NewSegment(start_ms=round(s.start * 1000), end_ms=round(s.end * 1000), text=s.text,
                               speaker=s.speaker, source="machine", untranscribed=s.untranscribed,
                               words=tuple(Word(round(w.start * 1000), round(w.end * 1000), w.word, w.probability)
                                           for w in s.words))
                    for s in batch])
            resume_ms = round(resume_at * 1000)
            study.jobs.set(interview_id, KIND, resume_ms=resume_ms,
                                      progress=min(1.0, resume_ms / duration_ms) if duration_ms else 0.0)

    kwargs = {"window_s": window_s} if window_s else {}
    try:
        result = pipeline.run(audio, options=options, start=start_ms / 1000, on_segments=save,
                              on_progress=on_progress, cancel=cancel, channel_use=channel_use, **kwargs)
    except Cancelled:
        study.jobs.set(interview_id, KIND, state="cancelled")
        raise
    except (StudyFullError, StudyLockedError) as exc:  # the store's own words for a full disk, a lock
        reason = "the disk is full" if isinstance(exc, StudyFullError) else f"the study refused the write ({exc})"
        with contextlib.suppress(sqlite3.Error, StudyError):  # on a full disk even this may not fit
            study.jobs.set(interview_id, KIND, state="failed", error=reason)
        raise StudyError("Transcription of interview {interview_id} stopped: {reason}. What was transcribed so far is kept; transcribe again to go on from there.", interview_id=interview_id, reason=reason) from exc
    except (TranscribeError, StudyError) as exc:
        study.jobs.set(interview_id, KIND, state="failed", error=str(exc))
        raise
    except sqlite3.Error as exc:  # a full disk, a lock: say so, keep what was saved, leave the job resumable
        reason = (f"the disk is full ({exc})" if "full" in str(exc) or "disk I/O" in str(exc)
                  else f"the study refused the write ({exc})")
        with contextlib.suppress(sqlite3.Error, StudyError):  # on a full disk even this may not fit; 'running' resumes too
            study.jobs.set(interview_id, KIND, state="failed", error=reason)
        raise StudyError("Transcription of interview {interview_id} stopped: {reason}. What was transcribed so far is kept; transcribe again to go on from there.", interview_id=interview_id, reason=reason) from exc
    except Exception as exc:
        study.jobs.set(interview_id, KIND, state="failed", error=f"{type(exc).__name__}: {exc}")
        raise

    with study.atomic():
        study.transcripts.set_info(
            interview_id, model=result.model, language=result.language or (language or ""),
            options={**options, "model_options": result.model_options, "channels": result.channels,
                     "channel_use": result.channel_use},
            draft=study.transcripts.text(interview_id))
        if study.interviews.get(interview_id).status in ("planned", "recorded"):
            study.interviews.update(interview_id, status="transcribed")
        return study.jobs.set(interview_id, KIND, state="done", progress=1.0, resume_ms=duration_ms)


def summary(study: Study, interview_id: int) -> dict:
    """What a finished job leaves: segments, and the untranscribed stretches
    (count and seconds) with the sentence to show, e.g. "3 stretches, 41 s,
    could not be transcribed" (empty when there are none)."""
    segments, _ = study.transcripts.count(interview_id)
    gaps = study.transcripts.untranscribed(interview_id)
    seconds = round(sum(s.end_ms - s.start_ms for s in gaps) / 1000)
    return {"interview": interview_id, "segments": segments, "untranscribed": len(gaps),
            "untranscribed_s": seconds, "message": untranscribed_sentence(len(gaps), seconds)}


def untranscribed_sentence(count: int, seconds: float) -> str:
    if not count:
        return ""
    return (f"{count} stretch{'es' if count != 1 else ''}, {round(seconds)} s, could not be transcribed: "
            "they are marked in the transcript (F7 goes to the next one) for you to type.")


@dataclass(frozen=True)
class Accuracy:
    """How good the machine draft was, measured where a person has checked it."""
    wer: float
    cer: float
    segments: int  # the checked segments measured (those with a machine draft)
    ref_words: int  # words of their corrected text

    def __iter__(self):  # ``wer, cer = accuracy(...)``
        return iter((self.wer, self.cer))


def accuracy(study: Study, interview_id: int) -> Accuracy | None:
    """WER and CER of the machine draft against the corrected text, **on the checked segments
    only**, both Persian-normalised (:data:`transcribe.wer.NORMALISATION_NOTE`).

    A segment's draft is the machine's words for it (kept with their timings however the text is
    corrected; split and merged with the segment), its corrected text what it reads now. An
    unchecked segment is not known to be right, so it does not count as correct (comparing the
    whole draft with the whole transcript did, and read 31.6% where the draft's real WER was 92%).
    Checked segments without machine words (typed by hand, or a stretch the machine could not
    transcribe) are left out.

    None until the interview has a machine draft and at least one checked segment with one."""
    info = study.transcripts.info(interview_id)
    if info is None or not info.draft.strip():
        return None
    _, checked = study.transcripts.count(interview_id)
    if not checked:
        return None
    pairs = [(s.text, " ".join(w.text for w in s.words)) for s in study.transcripts.segments(interview_id)
             if s.checked and s.words]
    if not pairs:
        return None
    rates = error_rates("\n".join(t for t, _ in pairs), "\n".join(d for _, d in pairs))
    return Accuracy(rates.wer, rates.cer, len(pairs), rates.ref_words)
