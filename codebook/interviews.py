"""Interviews: who, when, how (WhatsApp, phone…), the audio file and where the work stands."""
from __future__ import annotations

import builtins
import shutil
from pathlib import Path

from codebook.dates import now
from codebook.errors import StudyError
from codebook.models import STATUSES, Interview, Progress
from codebook.repository import Repository
from codebook.worded import WordedList
from transcribe.channel_use import MODES as CHANNEL_USES
from transcribe.normalize import canonical

MODES = ("whatsapp", "phone", "in-person", "video", "other")
_FIELDS = ("participant_id", "title", "date", "mode", "audio_path", "duration_ms", "status", "consent", "notes",
           "channel_use", "speakers")


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
            raise StudyError("Unknown interview status {status!r}.", status=values['status'])
        if "channel_use" in values and values["channel_use"] not in ("", *CHANNEL_USES):
            raise StudyError("Unknown channel use {value}: one of {choices}.", value=values["channel_use"],
                             choices=WordedList(CHANNEL_USES))
        if "speakers" in values:
            values["speakers"] = speakers_setting(values["speakers"])
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
            raise StudyError("No audio file at {source}.", source=source)
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
                raise StudyError("Cannot copy {source} into the study: {reason}.", source=source, reason=exc.strerror or exc) from exc
        status = interview.status if interview.status != "planned" else "recorded"
        return self.update(interview_id, audio_path=target.resolve().relative_to(folder).as_posix(),
                           duration_ms=duration_ms, status=status, channel_use=detect_channel_use(target))

    def channel_use(self, interview_id: int) -> str:
        """How the interview's audio channels are used: as stored, else detected now (and stored)."""
        interview = self.get(interview_id)
        if interview.channel_use:
            return interview.channel_use
        audio = self.audio_file(interview_id)
        if audio is None or not audio.is_file():
            return ""
        use = detect_channel_use(audio)
        if use:
            self._update(interview_id, {"channel_use": use})
        return use


def detect_channel_use(audio: Path) -> str:
    """The channel use :mod:`transcribe.channel_use` finds in a file ("" when it cannot be read)."""
    from transcribe.channel_use import detect
    from transcribe.errors import TranscribeError

    try:
        return detect(audio).mode
    except TranscribeError:
        return ""


def speakers_setting(value: object) -> str:
    """A number of speakers as stored: "" (the default), "auto", or a whole number of at least 1.

    >>> speakers_setting(3), speakers_setting("AUTO"), speakers_setting(None)
    ('3', 'auto', '')
    """
    if value is None or str(value).strip() == "":
        return ""
    text = str(value).strip().lower()
    if text == "auto":
        return "auto"
    if not text.isdigit() or int(text) < 1:
        raise StudyError("The number of speakers must be 1 or more, or auto, not {value}.", value=value)
    return str(int(text))
