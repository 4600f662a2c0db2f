"""Plain records the store hands out. They are snapshots: change the study
through its API (:class:`codebook.Study`), not by editing these."""
from __future__ import annotations

import json
from dataclasses import dataclass, field

from transcribe.normalize import canonical

SPEAKER_INTERVIEWER = "interviewer"
SPEAKER_PARTICIPANT = "participant"
SPEAKER_UNSURE = "unsure"  # diarization: too little speech to be a person of its own (transcribe.diarize.UNSURE)

# How files name the two speakers (exports write these; imports also read the variants).
SPEAKER_LABELS = {
    "fa": {SPEAKER_INTERVIEWER: "مصاحبه‌گر", SPEAKER_PARTICIPANT: "مشارکت‌کننده", SPEAKER_UNSURE: "گویندهٔ نامطمئن"},
    "en": {SPEAKER_INTERVIEWER: "Interviewer", SPEAKER_PARTICIPANT: "Participant", SPEAKER_UNSURE: "Unsure speaker"},
}
INTERVIEWER_LABELS = (SPEAKER_LABELS["fa"][SPEAKER_INTERVIEWER], "مصاحبه گر", "مصاحبه کننده", "مصاحبه‌کننده",
                      SPEAKER_LABELS["en"][SPEAKER_INTERVIEWER], "I")
PARTICIPANT_LABELS = (SPEAKER_LABELS["fa"][SPEAKER_PARTICIPANT], "مشارکت کننده",
                      SPEAKER_LABELS["en"][SPEAKER_PARTICIPANT], "Interviewee", "P")


def speaker_label(speaker: str, pseudonym: str | None = None, lang: str = "fa") -> str:
    """How a file names a segment's speaker: the interviewer, the participant by
    pseudonym (else a generic label), any other speaker as stored.

    >>> speaker_label(SPEAKER_PARTICIPANT, "مریم")
    'مریم'
    >>> speaker_label(SPEAKER_INTERVIEWER, lang="en")
    'Interviewer'
    """
    if speaker == SPEAKER_PARTICIPANT and pseudonym:
        return pseudonym
    return SPEAKER_LABELS.get(lang, SPEAKER_LABELS["fa"]).get(speaker, speaker)

# Interview.status values, in the order an interview moves through them.
# 'transcribing', 'corrected n%' are shown from jobs and checked segments.
STATUSES = ("planned", "recorded", "transcribed", "corrected", "coded")


@dataclass(frozen=True)
class Participant:
    id: int
    pseudonym: str
    referred_by: int | None
    notes: str
    created: str
    attributes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Identity:
    """A participant's real name and contact: kept apart, never exported."""
    participant_id: int
    real_name: str
    contact: str


@dataclass(frozen=True)
class Interview:
    id: int
    participant_id: int | None
    title: str
    date: str | None
    mode: str
    audio_path: str | None  # relative to the study folder
    duration_ms: int | None
    status: str
    consent: bool
    notes: str
    created: str
    # how a two-channel file's channels are used (transcribe.channel_use: by-channel, one-channel,
    # one-voice; "" not known yet) and how many people speak in one channel ("2", "3"…, "auto"; "" default)
    channel_use: str = ""
    speakers: str = ""


@dataclass(frozen=True)
class Progress:
    """Where the work on one interview stands, as lists and ``mosahebeh interviews`` show it.

    ``state`` is one of planned, recorded, queued, transcribing, failed, transcribed, corrected;
    ``fraction`` is the transcription's progress while transcribing, else the share of segments checked."""
    state: str
    fraction: float
    segments: int
    checked: int
    coded: bool


@dataclass(frozen=True)
class Word:
    start_ms: int
    end_ms: int
    text: str
    probability: float


@dataclass(frozen=True)
class Segment:
    id: int
    interview_id: int
    start_ms: int
    end_ms: int
    speaker: str
    text: str
    words: tuple[Word, ...]
    checked: bool
    source: str
    untranscribed: bool = False  # speech the machine could not transcribe (text empty until typed)


@dataclass(frozen=True)
class NewSegment:
    """A segment to add: what a transcriber or an importer produces."""
    start_ms: int
    end_ms: int
    text: str
    speaker: str = ""
    words: tuple[Word, ...] = ()
    source: str = "machine"
    checked: bool = False
    untranscribed: bool = False


@dataclass(frozen=True)
class TranscriptInfo:
    interview_id: int
    model: str
    language: str
    options: dict
    draft: str
    created: str


@dataclass(frozen=True)
class Job:
    interview_id: int
    kind: str
    state: str  # queued | running | done | failed | cancelled
    progress: float  # 0..1 of the audio duration
    resume_ms: int
    params: dict
    error: str
    updated: str


@dataclass(frozen=True)
class Code:
    id: int
    parent_id: int | None
    kind: str  # 'category' or 'code'
    name: str
    description: str
    color: str
    position: int
    created: str


@dataclass(frozen=True)
class Coding:
    id: int
    interview_id: int
    code_id: int
    start_segment_id: int
    start_offset: int
    end_segment_id: int
    end_offset: int
    memo: str
    coder: str
    flagged: bool
    created: str


@dataclass(frozen=True)
class Memo:
    id: int
    target_kind: str
    target_id: int | None
    title: str
    text: str
    created: str
    updated: str


@dataclass(frozen=True)
class GuideQuestion:
    id: int
    parent_id: int | None
    text: str
    position: int
    created: str


@dataclass(frozen=True)
class Mark:
    id: int
    interview_id: int
    at_ms: int
    kind: str  # 'mark' or 'question'
    label: str
    question_id: int | None
    created: str


@dataclass(frozen=True)
class GlossaryTerm:
    id: int
    term: str
    replacement: str | None
    note: str


def words_to_json(words) -> str:
    return json.dumps([[w.start_ms, w.end_ms, w.text, round(w.probability, 4)] for w in words], ensure_ascii=False)


def words_from_json(text: str) -> tuple[Word, ...]:
    return tuple(Word(int(a), int(b), str(t), float(p)) for a, b, t, p in json.loads(text or "[]"))


def segment_from_row(row: dict) -> Segment:
    """A :class:`Segment` from a row of the ``segments`` table (word timings decoded)."""
    return Segment(
        id=row["id"], interview_id=row["interview_id"], start_ms=row["start_ms"], end_ms=row["end_ms"],
        speaker=row["speaker"], text=row["text"], words=words_from_json(row["words"]),
        checked=bool(row["checked"]), source=row["source"], untranscribed=bool(row.get("untranscribed", 0)),
    )


def word_spans(text: str, words: tuple[Word, ...]) -> list[tuple[int, int] | None]:
    """Where each word of ``words`` stands in ``text`` (code points), or None if not found."""
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for w in words:
        token = canonical(w.text).strip()
        at = text.find(token, cursor) if token else -1
        if at < 0:
            spans.append(None)
            continue
        spans.append((at, at + len(token)))
        cursor = at + len(token)
    return spans
