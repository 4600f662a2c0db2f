"""Retrieval of coded passages and guide answers, and quotes."""
from codebook import retrieval
from codebook.models import SPEAKER_INTERVIEWER


def test_coded_segments_of_a_code_across_interviews(coded_study):
    budget = coded_study.ids["codes"]["budget"]
    quotes = retrieval.coded_segments(coded_study, budget)
    assert [q.pseudonym for q in quotes] == ["مریم", "مریم", "علی"]
    assert [q.text for q in quotes] == [" به خانه فرستادیم.\nبودجه",
                                        "بودجه خیلی",
                                        "بودجه کم"]
    cross = quotes[0]
    # offset 20 is the space before «به» (6th of 8 words over 5000..9000 ms); it ends
    # after segment 2's first word (1st of 8 words over 10000..14000 ms)
    assert cross.start_ms == 5000 + 5 * 500 and cross.end_ms == 10000 + 4000 // 8
    assert quotes[1].start_ms == 10000
    assert all(q.code_name == "کمبود بودجه" for q in quotes)


def test_category_gathers_its_codes(coded_study):
    quotes = retrieval.coded_segments(coded_study, coded_study.ids["resources"])
    assert len(quotes) == 5
    assert {q.code_name for q in quotes} == {"کمبود بودجه", "نگرانی کارکنان"}
    assert [q.pseudonym for q in quotes] == ["مریم", "مریم", "مریم", "علی", "سارا"]


def test_coded_text_follows_transcript_edits(coded_study):
    seg = coded_study.ids["segments"]["علی"][2]
    coded_study.transcripts.set_text(seg, "واقعاً بودجه کم بود.")
    quote = retrieval.coded_segments(coded_study, coded_study.ids["codes"]["budget"])[-1]
    assert quote.text == "بودجه کم"


def test_answers_to_a_guide_question(coded_study):
    q1 = coded_study.guide.add("کتابخانه در کرونا چطور بود؟")
    q2 = coded_study.guide.add("بودجه؟")
    order = [i for i in coded_study.interviews.list()]
    coded_study.marks.add(order[0].id, 0, kind="question", question_id=q1.id)
    coded_study.marks.add(order[0].id, 10000, kind="question", question_id=q2.id)
    coded_study.marks.add(order[1].id, 500, kind="question", question_id=q1.id)
    quotes = retrieval.answers(coded_study, q1.id)
    assert [q.pseudonym for q in quotes] == ["مریم", "علی"]
    assert quotes[0].text == "ما کتاب‌ها را با پیک به خانه فرستادیم."  # up to the next question, no interviewer
    assert quotes[1].text == "خدمات آنلاین را شروع کردیم.\nبودجه کم بود."
    assert quotes[0].start_ms == 5000 and quotes[0].code_name == q1.text
    assert all(SPEAKER_INTERVIEWER not in q.text for q in quotes)


def test_quotes_formatting(coded_study):
    quotes = retrieval.coded_segments(coded_study, coded_study.ids["codes"]["online"])
    assert retrieval.format_quotes(quotes) == "“خدمات آنلاین” (علی, 0:05)"
    assert retrieval.format_quotes(quotes, "fa") == "«خدمات آنلاین» (علی، ۰:۰۵)"
    many = retrieval.format_quotes(retrieval.coded_segments(coded_study, coded_study.ids["codes"]["budget"]))
    assert many.count("\n\n") == 2 and "\n\n“بودجه خیلی”" in many and "“به خانه فرستادیم. بودجه”" in many
    assert retrieval.format_time(3_725_000) == "1:02:05"
