"""Build the demo study: six invented experts on public libraries during COVID-19,
six two-channel interviews with Persian speech, typed-up transcripts that match
the speech, a codebook of 4 categories and 14 codes, codings, an interview guide
and the moments each question was asked.

The audio is shipped in ``assets/sample/demo/`` (made with espeak-ng by
``scripts/make_demo_audio.py``) and decoded into the study's ``audio/`` as WAV.
"""
from __future__ import annotations

import json
import shutil
import tempfile
from pathlib import Path

from codebook import demo_data as D
from codebook.errors import StudyError
from codebook.models import NewSegment, Word
from codebook.study import SUFFIX, Study
from transcribe.normalize import search_key

ASSETS = Path(__file__).resolve().parents[1] / "assets" / "sample" / "demo"


def turn_text(sentences) -> str:
    return " ".join(s if isinstance(s, str) else s[0] for s in sentences)


def default_demo_path() -> Path:
    from transcribe.paths import data_dir

    return data_dir() / f"Demo{SUFFIX}"


def proportional_words(text: str, start_ms: int, end_ms: int) -> tuple[Word, ...]:
    """Word timings spread over a turn in proportion to word length (the demo's
    speech is synthetic, so this is close; a Whisper transcript has real ones)."""
    words = text.split()
    weights = [len(w) + 1 for w in words]
    total, acc, out = sum(weights), 0, []
    for w, weight in zip(words, weights):
        a = start_ms + round((end_ms - start_ms) * acc / total)
        acc += weight
        b = start_ms + round((end_ms - start_ms) * acc / total)
        out.append(Word(a, b, w, 1.0))
    return tuple(out)


def _timings() -> list[dict]:
    path = ASSETS / "timings.json"
    if not path.is_file():
        raise StudyError(f"The demo audio is missing ({path}); reinstall Mosahebeh.")
    timings = json.loads(path.read_text(encoding="utf-8"))
    for spec, interview in zip(timings, D.INTERVIEWS):
        # Compared through the Persian folding: the displayed text writes the ezafe («کتابخانهٔ شما»)
        # where the text the audio was spoken from did not; the words are the same.
        if [search_key(t["text"]) for t in spec["turns"]] != [search_key(turn_text(s)) for _, _, s in interview[3]]:
            raise StudyError("The demo audio does not match its text; run scripts/make_demo_audio.py.")
    return timings


def build_demo(path: str | Path) -> Path:
    """Create the demo study at ``path`` and return its folder.

    It is built in a temporary folder beside ``path`` and moved into place at
    the end, so an interrupted build leaves nothing half-made."""
    target = Path(path)
    if target.suffix != SUFFIX:
        target = target.with_name(target.name + SUFFIX)
    if target.exists() and any(target.iterdir()):
        raise StudyError(f"{target} already exists; choose another folder or remove it first.")
    timings = _timings()
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".demo-", dir=target.parent))
    except OSError as exc:
        raise StudyError(f"Cannot write in {target.parent}: {exc.strerror or exc}.") from exc
    try:
        with Study.create(tmp / f"demo{SUFFIX}", name=D.STUDY_NAME) as study:
            _fill(study, timings)
            built = study.folder
        if target.exists():
            target.rmdir()
        built.rename(target)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return target


def _fill(study: Study, timings: list[dict]) -> None:
    import soundfile as sf

    with study.atomic():
        for name in D.ATTRIBUTES:
            study.participants.define_attribute(name)
        people: dict[str, int] = {}
        for key, pseudonym, values, referrer, _voice in D.PARTICIPANTS:
            people[key] = study.participants.add(
                pseudonym, attributes=dict(zip(D.ATTRIBUTES, values)),
                referred_by=people[referrer] if referrer else None).id
        questions = {}
        for key, text, follow_ups in D.GUIDE:
            questions[key] = study.guide.add(text).id
            for f in follow_ups:
                study.guide.add(f, parent_id=questions[key])
        codes = {}
        for category, description, members in D.CODEBOOK:
            cat = study.codes.add_category(category, description=description)
            for key, name, desc in members:
                codes[key] = study.codes.add(name, cat.id, description=desc).id
        for term in ("واتس‌اپ", "اینستاگرام", "تلگرام", "کتاب‌خوانی", "همه‌گیری"):
            study.glossary.add(term)
        study.memos.add(D.STUDY_MEMO, title="پرسش پژوهش")

    interview_ids, segment_ids = [], []
    for (pkey, date, mode, turns), spec, share in zip(D.INTERVIEWS, timings, D.CHECKED_SHARE):
        with study.atomic():
            interview = study.interviews.add(people[pkey], date=date, mode=mode, consent=True)
            wav = study.interviews.new_audio_path(interview.id, ".wav")
            data, rate = sf.read(str(ASSETS / spec["file"]), dtype="float32", always_2d=True)
            sf.write(str(wav), data, rate, subtype="PCM_16")
            study.interviews.attach_audio(interview.id, wav, duration_ms=spec["duration_ms"])
            segments = []
            for (speaker, _q, sentences), t in zip(turns, spec["turns"]):
                text = turn_text(sentences)
                segments.append(NewSegment(t["start_ms"], t["end_ms"], text, speaker,
                                           proportional_words(text, t["start_ms"], t["end_ms"]), source="manual"))
            ids = study.transcripts.add_segments(interview.id, segments)
            interview_ids.append(interview.id)
            segment_ids.append(ids)
            checked = round(len(ids) * share)
            for sid in ids[:checked]:
                study.transcripts.set_checked(sid, True)
            for sid, (_speaker, qkey, sentences), t in zip(ids, turns, spec["turns"]):
                if qkey:
                    study.marks.add(interview.id, max(0, t["start_ms"] - 200), kind="question",
                                    question_id=questions[qkey])
                offset = 0
                for s in sentences:
                    text, keys = (s, []) if isinstance(s, str) else s
                    for key in keys:
                        study.codings.add(codes[key], sid, offset, sid, offset + len(text), coder=D.CODERS[0])
                    offset += len(text) + 1
            status = "coded" if share == 1.0 else ("transcribed" if share == 0 else "corrected")
            study.interviews.update(interview.id, status=status)
    _second_coder(study, codes, segment_ids)


def _second_coder(study: Study, codes: dict[str, int], segment_ids: list[list[int]]) -> None:
    """The colleague's codings of the first interviews (see ``demo_data.SECOND_CODINGS``)."""
    with study.atomic():
        for n, turn, sentence, keys in D.SECOND_CODINGS:
            sentences = D.INTERVIEWS[n][3][turn][2]
            texts = [s if isinstance(s, str) else s[0] for s in sentences]
            sid = segment_ids[n][turn]
            if sentence is None:
                start, end = 0, len(turn_text(sentences))
            else:
                start = sum(len(t) + 1 for t in texts[:sentence])
                end = start + len(texts[sentence])
            for key in keys:
                study.codings.add(codes[key], sid, start, sid, end, coder=D.CODERS[1])
