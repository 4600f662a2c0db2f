"""Diarized speakers in the exports (issue #22): the same labels as two-channel calls, a group's
S1/S2 as they are named, an unsure cluster marked."""
from __future__ import annotations

import docx

from codebook import speakers
from codebook.formats.write import export_transcript
from codebook.models import NewSegment


def test_exports_carry_the_labels(study, tmp_path):
    p = study.participants.add("مریم")
    iid = study.interviews.add(p.id, title="گروه").id
    study.transcripts.add_segments(iid, [
        NewSegment(0, 2000, "چه فکر می‌کنید؟", speaker="interviewer"),
        NewSegment(2000, 5000, "به نظرم خوب بود.", speaker="participant"),
        NewSegment(5000, 7000, "من موافق نیستم.", speaker="S2"),
        NewSegment(7000, 7600, "بله", speaker="unsure"),
    ])
    speakers.rename(study, iid, "S2", "P2")
    txt = export_transcript(study, iid, "txt", tmp_path / "t.txt", lang="fa").read_text(encoding="utf-8")
    assert "مصاحبه‌گر" in txt and "مریم" in txt and "P2" in txt and "گویندهٔ نامطمئن" in txt
    srt = export_transcript(study, iid, "srt", tmp_path / "t.srt", lang="en").read_text(encoding="utf-8")
    vtt = export_transcript(study, iid, "vtt", tmp_path / "t.vtt", lang="en").read_text(encoding="utf-8")
    for text in (srt, vtt):
        assert "Interviewer" in text and "P2" in text and "Unsure speaker" in text
    document = docx.Document(str(export_transcript(study, iid, "docx", tmp_path / "t.docx", lang="fa")))
    body = "\n".join(par.text for par in document.paragraphs)
    assert "مصاحبه‌گر" in body and "P2" in body
