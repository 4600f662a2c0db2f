"""Participants, interviews, segments, codes and codings through the typed API, on a real database file."""
import pytest
import soundfile as sf
import numpy as np

from codebook import StudyError
from codebook.models import NewSegment, Word


def test_participants_attributes_referrals_and_identity_kept_apart(study):
    a = study.participants.add("مشارکت‌کننده ۱", attributes={"نقش": "مدیر", "جنسیت": "زن"},
                               real_name="زهرا احمدی", contact="0912")
    b = study.participants.add("مشارکت‌کننده ۲", attributes={"نقش": "کتابدار", "حوزه": "کودک"}, referred_by=a.id)
    assert study.participants.get(b.id).attributes == {"نقش": "کتابدار", "حوزه": "کودک"}
    assert [p.pseudonym for p in study.participants.referred(a.id)] == ["مشارکت‌کننده ۲"]
    assert [p.pseudonym for p in study.participants.referred(None)] == ["مشارکت‌کننده ۱"]
    # The real name lives only in identities, never on the participant record.
    assert "زهرا احمدی" not in repr(study.participants.list())
    assert study.participants.identity(a.id).real_name == "زهرا احمدی"
    with pytest.raises(StudyError, match="already used"):
        study.participants.add("مشارکت‌کننده ۱")
    with pytest.raises(StudyError, match="referred by someone they referred"):
        study.participants.update(a.id, referred_by=b.id)
    study.participants.set_attributes(b.id, {"حوزه": ""})
    assert "حوزه" not in study.participants.get(b.id).attributes
    study.participants.remove(a.id)
    assert study.participants.get(b.id).referred_by is None  # ON DELETE SET NULL
    assert study.participants.identity(a.id) is None  # identity went with the participant


def test_interviews_in_order_held_and_audio_attached(study, tmp_path):
    p = study.participants.add("م۱")
    late = study.interviews.add(p.id, date="2021-02-01", mode="phone")
    undated = study.interviews.add(p.id, title="بی‌تاریخ")
    early = study.interviews.add(p.id, date="2020-03-01", mode="whatsapp")
    assert [i.id for i in study.interviews.list()] == [early.id, late.id, undated.id]
    wav = tmp_path / "call.wav"
    sf.write(wav, np.zeros(16000 * 2, dtype=np.float32), 16000)
    i = study.interviews.attach_audio(early.id, wav)
    assert i.audio_path == "audio/interview-%03d.wav" % early.id and i.duration_ms == 2000
    assert i.status == "recorded" and study.interviews.audio_file(early.id).is_file()
    assert wav.exists()  # copied, not moved
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    with pytest.raises(Exception, match="empty"):
        study.interviews.attach_audio(late.id, empty)
    assert study.interviews.get(late.id).audio_path is None


@pytest.fixture
def interview(study):
    return study.interviews.add(study.participants.add("م۱").id, date="2020-05-01")


def test_offsets_are_code_points_over_nfc_text(study, interview):
    # ZWNJ, an emoji (two UTF-16 units, one code point) and Persian digits.
    text = "کتاب‌خانه 😷 در سال ۱۳۹۹ بسته شد"
    (sid,) = study.transcripts.add_segments(interview.id, [NewSegment(0, 4000, text, "participant")])
    code = study.codes.add("تعطیلی")
    start = text.index("۱۳۹۹")
    c = study.codings.add(code.id, sid, start, sid, start + 4)
    assert study.codings.text(c) == "۱۳۹۹"
    after_emoji = text.index("در")
    assert after_emoji == 12  # 9 letters + ZWNJ counted, space, emoji as one, space
    c2 = study.codings.add(code.id, sid, after_emoji, sid, after_emoji + 2)
    assert study.codings.text(c2) == "در"


def test_text_is_stored_nfc_with_lf(study, interview):
    decomposed = "\u0627\u0653"  # alef + madda above; NFC composes it into آ (U+0622)
    (sid,) = study.transcripts.add_segments(interview.id, [NewSegment(0, 1, f"{decomposed}ب\r\nدوم")])
    assert study.transcripts.segment(sid).text == "\u0622ب\nدوم"


def test_search_folds_persian_spelling_variants(study, interview):
    study.transcripts.add_segments(interview.id, [
        NewSegment(0, 1000, "کتاب‌خانه‌ها بسته شدند"),
        NewSegment(1000, 2000, "سال ۱۳۹۹ سخت بود"),
        NewSegment(2000, 3000, "WhatsApp گروه"),
    ])
    assert len(study.transcripts.search("كتابخانه")) == 1  # Arabic kaf, no ZWNJ
    assert len(study.transcripts.search("کتاب خانه")) == 1
    assert len(study.transcripts.search("1399")) == 1  # ASCII digits find Persian ones
    assert len(study.transcripts.search("whatsapp")) == 1
    assert study.transcripts.search("کرونا") == []
    assert len(study.transcripts.search_words("سخت")) == 1


def _two_segments(study, interview):
    words = (Word(0, 400, "کتابخانه", 0.9), Word(500, 900, "بسته", 0.8), Word(1000, 1400, "شد", 0.9),
             Word(1600, 2000, "سپس", 0.5), Word(2100, 2600, "باز", 0.9), Word(2700, 3000, "شد", 0.9))
    ids = study.transcripts.add_segments(interview.id, [
        NewSegment(0, 3000, "کتابخانه بسته شد سپس باز شد", "participant", words),
        NewSegment(3000, 5000, "پایان گفتگو", "interviewer"),
    ])
    return ids


def test_split_cuts_time_by_words_and_moves_codings(study, interview):
    a, b = _two_segments(study, interview)
    code = study.codes.add("باز شدن")
    text = study.transcripts.segment(a).text
    c = study.codings.add(code.id, a, text.index("باز"), a, len(text))
    left, right = study.transcripts.split(a, text.index("سپس"))
    assert (left.text, right.text) == ("کتابخانه بسته شد", "سپس باز شد")
    assert left.end_ms == right.start_ms == 1500  # between "شد" (1400) and "سپس" (1600)
    assert [w.text for w in right.words] == ["سپس", "باز", "شد"]
    moved = study.codings.get(c.id)
    assert moved.start_segment_id == right.id and study.codings.text(moved) == "باز شد"
    merged = study.transcripts.merge_next(left.id)
    assert merged.text == text and merged.end_ms == 3000
    assert study.codings.text(study.codings.get(c.id)) == "باز شد"


def test_coding_across_segments_and_text_edit_remaps(study, interview):
    a, b = _two_segments(study, interview)
    code = study.codes.add("کد")
    c = study.codings.add(code.id, a, 17, b, 5)
    assert study.codings.text(c) == "سپس باز شد\nپایان"
    before = study.transcripts.set_text(a, "کتابخانه‌ها تعطیل شد سپس باز شد")
    assert study.codings.text(study.codings.get(c.id)) == "سپس باز شد\nپایان"
    study.codings.restore(before)  # what an undo does
    assert study.codings.get(c.id) == c


def test_deleted_coded_text_is_flagged_not_dropped(study, interview):
    a, _ = _two_segments(study, interview)
    code = study.codes.add("کد")
    c = study.codings.add(code.id, a, 0, a, len("کتابخانه"))
    study.transcripts.set_text(a, "بسته شد سپس باز شد")
    kept = study.codings.get(c.id)
    assert kept.flagged and study.codings.text(kept) == ""
    assert [x.id for x in study.codings.flagged()] == [c.id]


def test_replace_refuses_to_lose_corrected_work(study, interview):
    a, _ = _two_segments(study, interview)
    study.transcripts.set_checked(a, True)
    with pytest.raises(StudyError, match="checked"):
        study.transcripts.replace(interview.id, [NewSegment(0, 1, "نو")])
    assert len(study.transcripts.segments(interview.id)) == 2


def test_code_tree_move_merge_and_counts(study, interview):
    a, b = _two_segments(study, interview)
    cat = study.codes.add_category("چالش‌ها")
    x = study.codes.add("تعطیلی", cat.id)
    y = study.codes.add("بسته شدن", cat.id)
    z = study.codes.add("بازگشایی")
    study.codings.add(x.id, a, 0, a, 8)
    study.codings.add(y.id, a, 9, a, 13)
    study.codes.move(z.id, cat.id, 0)
    assert [c.name for c in study.codes.children(cat.id)] == ["بازگشایی", "تعطیلی", "بسته شدن"]
    assert study.codes.category_of(z.id).id == cat.id
    with pytest.raises(StudyError, match="under itself"):
        study.codes.move(cat.id, z.id)
    assert study.codes.merge(y.id, x.id) == 1
    assert study.codes.coding_count(x.id) == 2 and study.codes.coding_count(cat.id, recursive=True) == 2
    with pytest.raises(StudyError, match="category"):
        study.codings.add(cat.id, a, 0, a, 3)
    study.codes.remove(cat.id)  # deletes its codes and their codings
    assert study.codes.list() == [] and study.codings.list() == []


def test_guide_marks_and_answers(study, interview):
    q1 = study.guide.add("چالش‌ها چه بود؟")
    f = study.guide.add("سخت‌ترین؟", parent_id=q1.id)
    q2 = study.guide.add("پیشنهاد؟")
    assert [q.id for q in study.guide.list()] == [q1.id, f.id, q2.id]
    study.marks.add(interview.id, 1000, kind="question", question_id=q1.id)
    study.marks.add(interview.id, 9000, kind="question", question_id=q2.id)
    study.marks.add(interview.id, 5000, label="نکته مهم")
    assert study.marks.answers(q1.id) == [(interview.id, 1000, 9000)]
    assert study.marks.answers(q2.id) == [(interview.id, 9000, None)]
    assert [m.kind for m in study.marks.list(interview.id)] == ["question", "mark", "question"]
