"""Recordings in a study: where takes live, and attaching a finished take.

A take recorded into a study lives in ``audio/takes/<stamp>/`` until it is
finished; then its one file becomes the interview's audio
(:meth:`Interviews.attach_audio`), its marks and guide questions go to
``study.marks`` and its consent box to the interview. If the app died
mid-call, :func:`pending_takes` finds the take at the next start and
:func:`attach_take` finishes it the same way.

Also the guide's undo support: :func:`guide_snapshot` / :func:`guide_restore`
put a deleted question back with its follow-ups and the marks that named it.
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from codebook.errors import StudyError
from codebook.models import Interview
from codebook.study import Study
from transcribe.errors import AudioError
from transcribe.recording.finish import finish_take
from transcribe.recording.take import Take, find_takes

TAKES = "takes"


def takes_dir(study: Study) -> Path:
    return study.audio_dir / TAKES


def new_take_folder(study: Study, interview_id: int) -> Path:
    """A fresh (not yet created) take folder for a recording of this interview."""
    study.interviews.get(interview_id)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    folder = takes_dir(study) / f"{stamp}-i{interview_id}"
    n = 1
    while folder.exists():
        n += 1
        folder = takes_dir(study) / f"{stamp}-i{interview_id}-{n}"
    return folder


def pending_takes(study: Study) -> list[Take]:
    """Takes of this study not yet finished or not yet attached to their interview."""
    out = []
    for take in find_takes(takes_dir(study)) if takes_dir(study).is_dir() else []:
        try:
            m = take.manifest
        except AudioError:
            continue
        if m.get("state") != "finished" or (m.get("interview_id") and not m.get("attached")):
            out.append(take)
    return out


def attach_take(study: Study, take: Take, progress: Callable[[float], None] | None = None) -> Interview:
    """Finish ``take`` (if needed) into the interview's audio and store its
    marks, guide questions and consent. Safe to call again after a crash."""
    m = take.manifest
    interview_id = m.get("interview_id")
    if not interview_id:
        raise StudyError(f"The take {take.folder} is not for an interview of this study.")
    try:
        study.interviews.get(interview_id)
    except StudyError as exc:
        raise StudyError(f"The take {take.folder} was for interview {interview_id}, which is no longer in the study; "
                         "its audio is kept in the take folder.") from exc
    if m.get("attached"):
        return study.interviews.get(interview_id)
    if m.get("state") == "finished" and m.get("result") and Path(m["result"]).is_file():
        path, duration_ms, marks, consent = Path(m["result"]), m.get("duration_ms"), m.get("marks", []), m.get("consent")
    else:
        result = finish_take(take, out=study.interviews.new_audio_path(interview_id), progress=progress)
        path, duration_ms, marks, consent = result.path, result.duration_ms, result.marks, result.consent
    questions = {q.id for q in study.guide.list()}
    with study.atomic():
        interview = study.interviews.attach_audio(interview_id, path, duration_ms=duration_ms)
        for mark in marks:
            qid = mark["question_id"] if mark["question_id"] in questions else None
            kind = "question" if mark["kind"] == "question" and qid else "mark"
            study.marks.add(interview_id, mark["at_ms"], kind=kind, label=mark["label"] or "", question_id=qid)
        if consent is not None:
            interview = study.interviews.update(interview_id, consent=consent)
    take.update(attached=True)
    return interview


# -- the guide's undo ------------------------------------------------------------

def guide_snapshot(study: Study, question_id: int) -> dict:
    """Everything deleting this question removes (:meth:`codebook.notes.Guide.snapshot`)."""
    return study.guide.snapshot(question_id)


def guide_restore(study: Study, snapshot: dict) -> None:
    """Put back what :func:`guide_snapshot` saw, with the same ids."""
    study.guide.restore(snapshot)
