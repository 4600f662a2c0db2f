"""A small Persian study built through the store API, for the exchange tests."""
from __future__ import annotations

import numpy as np
import pytest
import soundfile as sf

from codebook import Study
from codebook.models import SPEAKER_INTERVIEWER, SPEAKER_PARTICIPANT, NewSegment, Word

SEGMENTS_1 = [
    (0, 2400, SPEAKER_INTERVIEWER, "سلام، لطفاً از تجربهٔ کار در کتابخانه بگویید."),
    (2500, 6100, SPEAKER_PARTICIPANT, "در دوران کرونا کتابخانه بسته شد و مریم مسئول امانت بود."),
    (6200, 9000, SPEAKER_PARTICIPANT, "ما خدمات آنلاین را در تهران راه انداختیم."),
    (9100, 11000, SPEAKER_INTERVIEWER, "WhatsApp هم استفاده کردید؟"),
]
SEGMENTS_2 = [
    (0, 3000, SPEAKER_INTERVIEWER, "چه چالش‌هایی داشتید؟"),
    (3100, 7000, SPEAKER_PARTICIPANT, "کمبود بودجه و نبود اینترنت پرسرعت در روستا."),
]


def _words(start, end, text):
    tokens = text.split()
    step = (end - start) // max(1, len(tokens))
    return tuple(Word(start + i * step, start + (i + 1) * step, t, 0.9) for i, t in enumerate(tokens))


def build_small_study(path, *, audio: bool = True) -> Study:
    study = Study.create(path, name="کتابخانه‌ها در کرونا")
    p1 = study.participants.add("کتابدار الف", attributes={"نقش": "کتابدار", "جنسیت": "زن"},
                                real_name="زهرا محمدی", contact="0912-000-0000")
    p2 = study.participants.add("مدیر ب", attributes={"نقش": "مدیر"}, referred_by=p1.id,
                                real_name="علی رضایی", contact="ali@example.org")
    iv1 = study.interviews.add(p1.id, title="مصاحبهٔ ۱", date="2021-05-03", mode="whatsapp", notes="تماس خوب بود")
    iv2 = study.interviews.add(p2.id, date="2021-05-10", mode="phone")
    if audio:
        wav = path.parent / "iv1.wav"
        t = np.arange(16000 * 11) / 16000
        sf.write(str(wav), np.stack([0.1 * np.sin(2 * np.pi * 220 * t), 0.1 * np.sin(2 * np.pi * 330 * t)], 1), 16000)
        study.interviews.attach_audio(iv1.id, wav)
    ids1 = study.transcripts.add_segments(iv1.id, [NewSegment(a, b, t, s, _words(a, b, t), "machine", True)
                                                   for a, b, s, t in SEGMENTS_1])
    ids2 = study.transcripts.add_segments(iv2.id, [NewSegment(a, b, t, s) for a, b, s, t in SEGMENTS_2])
    cat1 = study.codes.add_category("پیامدهای کرونا", description="آنچه کرونا تغییر داد")
    closure = study.codes.add("تعطیلی کتابخانه", cat1.id)
    online = study.codes.add("خدمات آنلاین", cat1.id, color="#123456")
    cat2 = study.codes.add_category("چالش‌ها")
    budget = study.codes.add("کمبود بودجه", cat2.id)
    sub = study.codes.add("اینترنت", budget.id)
    study.codes.add("کد بدون کدگذاری", cat2.id)
    s1 = study.transcripts.segments(iv1.id)
    s2 = study.transcripts.segments(iv2.id)
    study.codings.add(closure.id, s1[1].id, 0, s1[1].id, s1[1].text.index(" و "), coder="پژوهشگر")
    # crosses two segments, starts and ends on the names that pseudonymisation replaces
    study.codings.add(online.id, s1[1].id, s1[1].text.index("مریم"), s1[2].id, s1[2].text.index(" راه"),
                      memo="نام مریم در نقل‌قول")
    study.codings.add(online.id, s1[3].id, 0, s1[3].id, len("WhatsApp"))
    study.codings.add(budget.id, s2[1].id, 0, s2[1].id, len("کمبود بودجه"))
    study.codings.add(sub.id, s2[1].id, s2[1].text.index("اینترنت"), s2[1].id, len(s2[1].text) - 1)
    study.memos.add("یادداشت کلی پژوهش", title="مطالعه")
    study.memos.add("این کد مهم است", title="کد", target_kind="code", target_id=online.id)
    study.memos.add("مشارکت‌کننده پرحرف بود", target_kind="participant", target_id=p1.id)
    study.memos.add("کیفیت صدا خوب بود", target_kind="interview", target_id=iv1.id)
    study.glossary.add("مریم", "همکار ۱")
    study.glossary.add("تهران", "شهر الف")
    study.glossary.add("کرونا")  # a hotword only, no replacement
    assert ids1 and ids2
    return study


@pytest.fixture
def small_study(tmp_path):
    study = build_small_study(tmp_path / "small")
    yield study
    study.close()
