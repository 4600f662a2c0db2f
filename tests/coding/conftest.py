"""A small coded study built through the store API, shared by the coding tests."""
from __future__ import annotations

import pytest

from codebook.models import SPEAKER_INTERVIEWER, SPEAKER_PARTICIPANT, NewSegment, Word
from codebook.study import Study

# Interviews in the order held; each lists (speaker, text) segments.
TRANSCRIPTS = [
    ("2021-03-01", "مریم", [(SPEAKER_INTERVIEWER, "کتابخانه در دوران کرونا چطور بود؟"),
                            (SPEAKER_PARTICIPANT, "ما کتاب‌ها را با پیک به خانه فرستادیم."),
                            (SPEAKER_PARTICIPANT, "بودجه خیلی کم شد و کارکنان نگران بودند.")]),
    ("2021-03-05", "علی", [(SPEAKER_INTERVIEWER, "کتابخانه در دوران کرونا چطور بود؟"),
                           (SPEAKER_PARTICIPANT, "خدمات آنلاین را شروع کردیم."),
                           (SPEAKER_PARTICIPANT, "بودجه کم بود.")]),
    ("2021-03-09", "سارا", [(SPEAKER_INTERVIEWER, "کتابخانه در دوران کرونا چطور بود؟"),
                            (SPEAKER_PARTICIPANT, "کارکنان خسته بودند."),
                            (SPEAKER_PARTICIPANT, "هیچ چیز تازه‌ای نبود.")]),
]


def _words(text: str, start: int, end: int) -> tuple[Word, ...]:
    tokens = text.split()
    step = (end - start) // max(1, len(tokens))
    return tuple(Word(start + i * step, start + (i + 1) * step, t, 0.9) for i, t in enumerate(tokens))


def build(path) -> Study:
    """Three interviews held in order, a fourth without transcript, codes and codings:

    category «خدمات» (services): «ارسال کتاب» (delivery), «خدمات آنلاین» (online)
    category «منابع» (resources): «کمبود بودجه» (budget), «نگرانی کارکنان» (staff worry)
    uncategorised: «سایر» (other, never used)
    """
    study = Study.create(path, name="Coding test")
    study.participants.define_attribute("نقش")
    study.participants.define_attribute("جنسیت")
    attrs = {"مریم": {"نقش": "مدیر", "جنسیت": "زن"}, "علی": {"نقش": "کتابدار", "جنسیت": "مرد"},
             "سارا": {"نقش": "کتابدار", "جنسیت": "زن"}}
    segs = {}
    # Created out of order to check that the date decides.
    for date, name, lines in reversed(TRANSCRIPTS):
        p = study.participants.add(name, attributes=attrs[name])
        iv = study.interviews.add(p.id, date=date, mode="whatsapp")
        news, t = [], 0
        for speaker, text in lines:
            news.append(NewSegment(t, t + 4000, text, speaker=speaker, words=_words(text, t, t + 4000)))
            t += 5000
        segs[name] = study.transcripts.add_segments(iv.id, news)
    study.interviews.add(study.participants.add("رضا").id, date="2021-03-20")  # planned, no transcript
    services = study.codes.add_category("خدمات")
    resources = study.codes.add_category("منابع")
    c = {
        "delivery": study.codes.add("ارسال کتاب", services.id),
        "online": study.codes.add("خدمات آنلاین", services.id),
        "budget": study.codes.add("کمبود بودجه", resources.id),
        "worry": study.codes.add("نگرانی کارکنان", resources.id),
        "other": study.codes.add("سایر"),
    }
    m, a, s = segs["مریم"], segs["علی"], segs["سارا"]
    study.codings.add(c["delivery"].id, m[1], 0, m[1], 9)
    study.codings.add(c["budget"].id, m[2], 0, m[2], 10)
    study.codings.add(c["worry"].id, m[2], 14, m[2], 38)
    study.codings.add(c["budget"].id, m[1], 20, m[2], 5)  # crosses two segments
    study.codings.add(c["online"].id, a[1], 0, a[1], 12)
    study.codings.add(c["budget"].id, a[2], 0, a[2], 8)
    study.codings.add(c["worry"].id, s[1], 0, s[1], 13)
    study.ids = {"codes": {k: v.id for k, v in c.items()}, "services": services.id, "resources": resources.id,
                 "segments": segs}
    return study


@pytest.fixture
def coded_study(tmp_path):
    study = build(tmp_path / "coding")
    yield study
    study.close()
