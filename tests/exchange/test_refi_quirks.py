"""Known quirks of other tools' files, each repaired (and said) or read as meant:
Taguette's empty <Sets/> in a .qdc, decomposed (non-NFC) text, CRLF line ends,
a plainTextPath without internal://, a selection's Description."""
from __future__ import annotations

import unicodedata
import zipfile

import pytest

from codebook import Study, StudyError
from codebook.refiqda import import_qdc, import_qdpx

CB = "urn:QDA-XML:codebook:1.0"
PR = "urn:QDA-XML:project:1.0"
G = "{:08d}-0000-4000-8000-000000000000".format


def test_taguette_codebook_with_an_empty_sets_element(study, tmp_path):
    qdc = tmp_path / "taguette.qdc"
    qdc.write_text(f'<?xml version="1.0" encoding="utf-8"?><CodeBook xmlns="{CB}" origin="Taguette 1.4.1">'
                   f'<Codes><Code guid="{G(1)}" name="هویت" isCodable="true"><Description>کد اول</Description>'
                   f'</Code><Code guid="{G(2)}" name="کار" isCodable="true"/></Codes><Sets/></CodeBook>',
                   encoding="utf-8")
    result = import_qdc(study, qdc)
    assert (result.added, result.repairs) == (2, ["1 empty Sets element"])
    assert "Repaired: 1 empty Sets element." in result.summary()
    assert sorted(c.name for c in study.codes.list()) == ["هویت", "کار"]
    # anything else invalid is still refused, and nothing is added
    qdc.write_text(f'<CodeBook xmlns="{CB}"><Codes><Code guid="bad" name="x" isCodable="true"/></Codes></CodeBook>',
                   encoding="utf-8")
    with pytest.raises(StudyError, match="schema"):
        import_qdc(study, qdc)
    assert len(study.codes.list()) == 2


def _project(tmp_path, text: str, start: int, end: int, *, path: str, extra: str = "") -> str:
    out = tmp_path / "p.qdpx"
    xml = (f'<?xml version="1.0" encoding="utf-8"?><Project xmlns="{PR}" name="p" origin="Other tool" '
           f'creatingUserGUID="{G(99)}"><Users><User guid="{G(9)}" name="Sara"/></Users>'
           f'<CodeBook><Codes><Code guid="{G(1)}" name="آب" isCodable="true"/></Codes></CodeBook>'
           f'<Sources><TextSource guid="{G(2)}" name="مصاحبه" plainTextPath="{path}">'
           f'<PlainTextSelection guid="{G(3)}" startPosition="{start}" endPosition="{end}" creatingUser="{G(9)}">'
           f'<Description>یادداشت روی کدگذاری</Description><Coding guid="{G(4)}"><CodeRef targetGUID="{G(1)}"/>'
           f'</Coding></PlainTextSelection>{extra}</TextSource></Sources><Notes/></Project>')
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("project.qde", xml)
        z.writestr(f"sources/{G(5)}.txt", text.encode("utf-8"))
    return out


def test_decomposed_text_crlf_and_a_path_without_scheme(tmp_path):
    # آ written decomposed (ا + maddah), a CRLF before it: positions count the file's code points
    text = "سلام\r\nمن " + unicodedata.normalize("NFD", "آب خوب") + " می‌خورم\r\n"
    assert text != unicodedata.normalize("NFC", text)
    start = text.index("ا\u0653")
    end = start + len(unicodedata.normalize("NFD", "آب خوب"))
    extra = (f'<PlainTextSelection guid="{G(6)}" startPosition="0" endPosition="4">'
             f'<Description>فقط یک نظر</Description></PlainTextSelection>')
    qdpx = _project(tmp_path, text, start, end, path=f"{G(5)}.txt", extra=extra)
    study = Study.create(tmp_path / "s")
    result = import_qdpx(study, qdpx)
    (coding,) = study.codings.list()
    assert study.codings.text(coding) == "آب خوب"  # the stored NFC text, the same words
    assert coding.memo == "یادداشت روی کدگذاری" and coding.coder == "Sara"
    assert [s.text for s in study.transcripts.segments(coding.interview_id)] == ["سلام", "من آب خوب می‌خورم"]
    (memo,) = study.memos.list(target_kind="interview", target_id=coding.interview_id)
    assert memo.text == "فقط یک نظر" and "سلام" in memo.title  # a comment without a coding: on the interview
    assert result.repairs == ["1 empty Notes element", "1 reference to a user not listed in the project (ignored)",
                              "1 text path without internal:// found under sources/"]
    study.close()
