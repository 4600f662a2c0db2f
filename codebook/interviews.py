"""Interviews: who, when, how (WhatsApp, phone…), the audio file and where the work stands."""
from __future__ import annotations

import builtins
import shutil
from pathlib import Path

from codebook.dates import now
from codebook.errors import StudyError
from codebook.models import STATUSES, Interview, Progress
from codebook.repository import Repository
from transcribe.normalize import canonical

MODES = ("whatsapp", "phone", "in-person", "video", "other")
_FIELDS = ("participant_id", "title", "date", "mode", "audio_path", "duration_ms", "status", "consent", "notes")


def _interview(row: dict) -> Interview:
    return Interview(**{**row, "consent": bool(row["consent"])})


class Interviews(Repository):
    table = "interviews"

    def add(self, participant_id: int | None = None, *, title: str = "", date: str | None = None,
            mode: str = "", notes: str = "", consent: bool = False) -> Interview:
        if participant_id is not None:
            self.study.participants.get(participant_id)
        iid = self._insert({"participant_id": participant_id, "title": canonical(title).strip(), "date": date,
                            "mode": mode, "notes": canonical(notes), "consent": int(consent),
                            "status": "planned", "created": now()})
        return self.get(iid)

    def get(self, interview_id: int) -> Interview:
        return _interview(self._need(interview_id))

    def list(self) -> builtins.list[Interview]:
        """Interviews in the order they were held: by date (undated last), then creation."""
        return [_interview(r) for r in self._rows(
            "SELECT * FROM interviews ORDER BY date IS NULL, date, created, id")]

    def of_participant(self, participant_id: int) -> builtins.list[Interview]:
        return [i for i in self.list() if i.participant_id == participant_id]

    def update(self, interview_id: int, **values) -> Interview:
        unknown = set(values) - set(_FIELDS)
        if unknown:
            raise TypeError(f"unknown interview fields: {sorted(unknown)}")
        if "status" in values and values["status"] not in STATUSES:
            raise StudyError(f"Unknown interview status {values['status']!r}.")
        if "consent" in values:
            values["consent"] = int(bool(values["consent"]))
        for key in ("title", "notes"):
            if key in values:
                values[key] = canonical(values[key])
        self._need(interview_id)
        self._update(interview_id, values)
        return self.get(interview_id)

    def progress(self, interview_id: int) -> Progress:
        """Where the work stands: transcription job, segments checked, coded or not."""
        iv = self.get(interview_id)
        job = self.study.jobs.get(interview_id)
        total, checked = self.study.transcripts.count(interview_id)
        coded = self.study.codings.count_in(interview_id) > 0
        if job is not None and job.state in ("queued", "running"):
            state = "transcribing" if job.state == "running" else "queued"
            return Progress(state, job.progress or 0.0, total, checked, coded)
        if total == 0:
            state = "failed" if job is not None and job.state == "failed" else (
                "recorded" if iv.audio_path else "planned")
            return Progress(state, 0.0, 0, 0, coded)
        state = "corrected" if checked == total else "transcribed"
        return Progress(state, checked / total, total, checked, coded)

    def label(self, interview: Interview) -> str:
        """A short name for lists: the title, else the participant's pseudonym, else the id."""
        if interview.title:
            return interview.title
        if interview.participant_id is not None:
            return self.study.participants.get(interview.participant_id).pseudonym
        return f"#{interview.id}"

    # -- audio ---------------------------------------------------------------

    def audio_file(self, interview_id: int) -> Path | None:
        """The interview's audio as an absolute path, or None if it has none."""
        rel = self.get(interview_id).audio_path
        return self.study.folder / rel if rel else None

    def new_audio_path(self, interview_id: int, suffix: str = ".wav") -> Path:
        """A fresh path inside the study's ``audio/`` folder for this interview's recording."""
        self.study.audio_dir.mkdir(exist_ok=True)
        stem = f"interview-{interview_id:03d}"
        path = self.study.audio_dir / f"{stem}{suffix}"
        n = 1
        while path.exists():
            n += 1
            path = self.study.audio_dir / f"{stem}-{n}{suffix}"
        return path

    def attach_audio(self, interview_id: int, source: str | Path, *, copy: bool = True,
                     duration_ms: int | None = None) -> Interview:
        """Attach an audio file to the interview. A file outside the study is copied
        into ``audio/`` (or moved with ``copy=False``); the duration is read from it."""
        from transcribe.audio import probe_duration_ms

        source = Path(source)
        if not source.is_file():
            raise StudyError(f"No audio file at {source}.")
        if duration_ms is None:
            duration_ms = probe_duration_ms(source)
        interview = self.get(interview_id)  # before anything is copied
        folder = self.study.folder.resolve()
        if folder in source.resolve().parents:
            target = source.resolve()
        else:
            target = self.new_audio_path(interview_id, source.suffix.lower() or ".wav")
            try:
                (shutil.copy2 if copy else shutil.move)(source, target)
            except OSError as exc:
                target.unlink(missing_ok=True)
                raise StudyError(f"Cannot copy {source} into the study: {exc.strerror or exc}.") from exc
        status = interview.status if interview.status != "planned" else "recorded"
        return self.update(interview_id, audio_path=target.resolve().relative_to(folder).as_posix(),
                           duration_ms=duration_ms, status=status)
