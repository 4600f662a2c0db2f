"""Transcripts in (SRT, WebVTT, stamped TXT, noScribe HTML) and out (TXT, DOCX, SRT, WebVTT)."""
from __future__ import annotations

import docx
import pytest
from docx.oxml.ns import qn

from codebook import StudyError
from codebook.formats import export_transcript, import_transcript, read_transcript
from codebook.models import SPEAKER_INTERVIEWER, SPEAKER_PARTICIPANT
from codebook.pseudonymise import Replacer


def segs(study, iid):
    return [(s.start_ms, s.end_ms, s.speaker, s.text) for s in study.transcripts.segments(iid)]


@pytest.mark.parametrize("fmt", ["srt", "vtt"])
def test_subtitles_round_trip_exactly(small_study, tmp_path, fmt):
    iv = small_study.interviews.list()[0]
    out = export_transcript(small_study, iv.id, fmt, tmp_path / f"t.{fmt}")
    fresh = small_study.interviews.add(iv.participant_id, title="copy")
    assert import_transcript(small_study, fresh.id, out) == 4
    assert segs(small_study, fresh.id) == segs(small_study, iv.id)
    assert small_study.interviews.get(fresh.id).status == "transcribed"


def test_txt_round_trip_to_the_second(small_study, tmp_path):
    iv = small_study.interviews.list()[0]
    out = export_transcript(small_study, iv.id, "txt", tmp_path / "t.txt")
    text = out.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "مصاحبهٔ ۱" and "[00:00:02] کتابدار الف: در دوران کرونا" in text
    got = read_transcript(out, pseudonym="کتابدار الف", duration_ms=11000)
    assert [(s.start_ms, s.speaker, s.text) for s in got] == [(a // 1000 * 1000, sp, t) for a, _, sp, t in
                                                               segs(small_study, iv.id)]
    assert got[-1].end_ms == 11000


def test_other_tools_files(tmp_path):
    srt = tmp_path / "a.srt"
    srt.write_bytes("\ufeff1\r\n00:00:01,200 --> 00:00:03,000\r\nS00: سلام\r\n\r\n2\r\n00:00:03,500 --> "
                    "00:00:05,000\r\nاو گفت: کتابخانه بسته بود\r\nو بعد باز شد\r\n".encode("utf-8"))
    a, b = read_transcript(srt)
    assert (a.start_ms, a.end_ms, a.speaker, a.text) == (1200, 3000, "S00", "سلام")
    assert (b.speaker, b.text) == ("", "او گفت: کتابخانه بسته بود و بعد باز شد")  # a colon is not a speaker
    vtt = tmp_path / "b.vtt"
    vtt.write_text("WEBVTT\n\nNOTE hi\n\n00:01.000 --> 00:02.500\n<v Interviewer>چرا؟\n\n"
                   "intro\n00:00:03.000 --> 00:00:04.000 align:start\n<v.loud P>چون &amp; <i>بسته</i> بود\n",
                   encoding="utf-8")
    a, b = read_transcript(vtt)
    assert (a.start_ms, a.end_ms, a.speaker, a.text) == (1000, 2500, SPEAKER_INTERVIEWER, "چرا؟")
    assert (b.speaker, b.text) == (SPEAKER_PARTICIPANT, "چون & بسته بود")
    txt = tmp_path / "c.txt"
    txt.write_text("عنوان\n[00:00:05] مصاحبه‌گر: سلام\n[1:02:03.5] جواب اول\nادامهٔ جواب\n", encoding="utf-8")
    a, b = read_transcript(txt, duration_ms=4_000_000)
    assert (a.start_ms, a.end_ms, a.speaker, a.text) == (5000, 3723500, SPEAKER_INTERVIEWER, "سلام")
    assert (b.start_ms, b.text) == (3723500, "جواب اول ادامهٔ جواب")
    html = tmp_path / "d.html"
    html.write_text('<html><body><p><span>S01: </span><a name="ts_1000_2500_S01">سلام </a>'
                    '<a name="ts_2500_4000_S01">خوبید؟</a></p><p>[00:00:05] <a name="ts_5000_6000_S02">بله</a></p>'
                    "</body></html>", encoding="utf-8")
    a, b = read_transcript(html)
    assert (a.start_ms, a.end_ms, a.speaker, a.text) == (1000, 4000, "S01", "سلام خوبید؟")
    assert (b.start_ms, b.speaker, b.text) == (5000, "S02", "بله")


def test_bad_transcripts_are_refused_clearly(small_study, tmp_path):
    empty = tmp_path / "e.srt"
    empty.write_text("", encoding="utf-8")
    with pytest.raises(StudyError, match="No subtitle cues"):
        read_transcript(empty)
    plain = tmp_path / "p.txt"
    plain.write_text("no stamps here", encoding="utf-8")
    with pytest.raises(StudyError, match="No time stamps"):
        read_transcript(plain)
    with pytest.raises(StudyError, match="No file"):
        read_transcript(tmp_path / "missing.vtt")
    iv = small_study.interviews.list()[0]
    srt = export_transcript(small_study, iv.id, "srt", tmp_path / "t.srt")
    with pytest.raises(StudyError, match="already has a transcript"):
        import_transcript(small_study, iv.id, srt)
    with pytest.raises(StudyError, match="checked segments"):
        import_transcript(small_study, iv.id, srt, replace=True)
    assert len(small_study.transcripts.segments(iv.id)) == 4  # nothing lost


def test_docx_is_right_to_left_with_speakers_and_pseudonymised(small_study, tmp_path):
    iv = small_study.interviews.list()[0]
    out = export_transcript(small_study, iv.id, "docx", tmp_path / "t.docx",
                            replacer=Replacer.for_study(small_study))
    doc = docx.Document(str(out))
    body = [p for p in doc.paragraphs if "کرونا" in p.text]
    assert body and "همکار ۱" in body[0].text and "مریم" not in body[0].text
    assert body[0].runs[1].text == "کتابدار الف: " and body[0].runs[1].bold
    for p in doc.paragraphs:
        assert p._p.pPr.find(qn("w:bidi")) is not None
    # The date reads in the Jalali calendar with Persian digits, as a Persian paper writes it.
    assert iv.date == "2021-05-03" and doc.paragraphs[1].text == "۱۴۰۰/۰۲/۱۳"
    latin = next(p for p in doc.paragraphs if "WhatsApp" in p.text)
    assert latin.runs[-1].text.startswith("\u200f")  # a Latin-led line still starts right to left
    assert body[0].runs[0].text.startswith("[۰۰:")  # time stamps in Persian digits, as in the quotes DOCX
    no_stamps = export_transcript(small_study, iv.id, "docx", tmp_path / "n.docx", timestamps=False)
    assert not any(p.text.startswith("[") for p in docx.Document(str(no_stamps)).paragraphs)
