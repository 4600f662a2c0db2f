"""Speakers of an interview: labelling a one-channel transcript, swapping and renaming speakers.

For example (a sketch, not run as a doctest)::

    label_transcript(study, interview_id, speakers=2)     # after transcription of one-channel audio
    swap(study, interview_id)                             # interviewer <-> participant, whole interview
    rename(study, interview_id, "S1", "P1")               # a focus group's speakers by name

The machine transcript of a one-channel (or one-voice) recording is diarized
after decoding (:mod:`transcribe.diarize`): its segments are cut where the speaker
changes between words and labelled. :func:`speakers_of` lists who speaks and
how much; :func:`swap` and :func:`rename` relabel every segment of one speaker
in one transaction, and return what they changed (segment id, old speaker) so
the app can undo them in one step (:func:`restore`).
"""
from __future__ import annotations

from dataclasses import dataclass

from codebook.errors import StudyError
from codebook.models import SPEAKER_INTERVIEWER, SPEAKER_PARTICIPANT, NewSegment, Word
from codebook.study import Study
from transcribe.channel_use import BY_CHANNEL

DEFAULT_SPEAKERS = 2  # a call: interviewer and participant


@dataclass(frozen=True)
class SpeakerShare:
    """One speaker of an interview: label, segments and seconds of speech."""
    speaker: str
    segments: int
    seconds: float


def speakers_setting(study: Study, interview_id: int, override: int | str | None = None) -> int | str:
    """How many people speak in the interview: ``override``, else its own setting, else 2."""
    from transcribe.diarize import parse_speakers

    if override is not None and override != "":
        return parse_speakers(override)
    return parse_speakers(study.interviews.get(interview_id).speakers, DEFAULT_SPEAKERS)


def label_transcript(study: Study, interview_id: int, speakers: int | str | None = None) -> float:
    """Diarize the interview's machine transcript of one-channel audio: its segments are replaced by
    the same words cut at each change of speaker and labelled. Refused when it has checked segments or
    codings (that work would be lost). Returns the diarization's CPU seconds."""
    from transcribe.diarize import label_segments, read_mono
    from transcribe.whisper import Segment as Piece
    from transcribe.whisper import Word as PieceWord

    audio = study.interviews.audio_file(interview_id)
    if audio is None or not audio.is_file():
        raise StudyError("Interview {id} has no audio to find its speakers in.", id=interview_id)
    stored = study.transcripts.segments(interview_id)
    if not stored:
        return 0.0
    pieces = [Piece(s.start_ms / 1000, s.end_ms / 1000, s.speaker, s.text,
                    [PieceWord(w.start_ms / 1000, w.end_ms / 1000, w.text, w.probability) for w in s.words],
                    s.untranscribed) for s in stored]
    labelled, turns = label_segments(read_mono(audio), pieces, speakers_setting(study, interview_id, speakers))
    if len(labelled) == len(stored):  # nothing cut: the segments (and their ids) stay, with their speakers
        with study.atomic():
            for old, piece in zip(stored, labelled, strict=True):
                if old.speaker != piece.speaker:
                    study.transcripts.set_speaker(old.id, piece.speaker)
        return turns.cpu_s
    new = [NewSegment(start_ms=round(p.start * 1000), end_ms=round(p.end * 1000), text=p.text, speaker=p.speaker,
                      source="machine", untranscribed=p.untranscribed,
                      words=tuple(Word(round(w.start * 1000), round(w.end * 1000), w.word, w.probability)
                                  for w in p.words)) for p in labelled]
    with study.atomic():
        study.transcripts.replace(interview_id, new)
        info = study.transcripts.info(interview_id)
        if info is not None:  # the machine draft (for WER) is the text as cut
            study.transcripts.set_draft(interview_id, study.transcripts.text(interview_id))
    return turns.cpu_s


def needs_labels(channel_use: str) -> bool:
    """Whether a transcript made with this channel use gets its speakers from diarization."""
    return channel_use != BY_CHANNEL


def speakers_of(study: Study, interview_id: int) -> list[SpeakerShare]:
    """Who speaks in the interview, most speech first."""
    shares: dict[str, list[float]] = {}
    for s in study.transcripts.segments(interview_id):
        entry = shares.setdefault(s.speaker, [0, 0.0])
        entry[0] += 1
        entry[1] += (s.end_ms - s.start_ms) / 1000
    return sorted((SpeakerShare(k, int(v[0]), round(v[1], 2)) for k, v in shares.items()),
                  key=lambda x: (-x.seconds, x.speaker))


def _relabel(study: Study, interview_id: int, mapping: dict[str, str]) -> list[tuple[int, str]]:
    changed = []
    with study.atomic():
        for s in study.transcripts.segments(interview_id):
            if s.speaker in mapping and mapping[s.speaker] != s.speaker:
                study.transcripts.set_speaker(s.id, mapping[s.speaker])
                changed.append((s.id, s.speaker))
    return changed


def swap(study: Study, interview_id: int, a: str = SPEAKER_INTERVIEWER,
         b: str = SPEAKER_PARTICIPANT) -> list[tuple[int, str]]:
    """Exchange two speakers' labels in every segment of the interview (interviewer and participant by
    default). Returns (segment id, previous speaker) of each segment changed."""
    study.interviews.get(interview_id)
    if a == b:
        return []
    return _relabel(study, interview_id, {a: b, b: a})


def rename(study: Study, interview_id: int, old: str, new: str) -> list[tuple[int, str]]:
    """Give every segment of speaker ``old`` the label ``new`` (which may be a speaker already there:
    the two are then merged). Returns (segment id, previous speaker) of each segment changed."""
    study.interviews.get(interview_id)
    new = new.strip()
    if not new:
        raise StudyError("A speaker needs a name.")
    return _relabel(study, interview_id, {old: new})


def restore(study: Study, changes: list[tuple[int, str]]) -> None:
    """Put back the speakers that :func:`swap` or :func:`rename` changed (for undo)."""
    with study.atomic():
        for segment_id, speaker in changes:
            study.transcripts.set_speaker(segment_id, speaker)
