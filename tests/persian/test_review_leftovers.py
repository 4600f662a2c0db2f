"""Review 3's leftovers: values that were English fragments are worded (a fragment by its own template, a
list joined the Persian way, the system's reasons by errno), the agreement table for the paper (one title,
coefficients kept numbers), the kept-transcript memo's title read right to left, and the RLM guard for a
Persian line that starts with a name typed in Latin letters."""
from __future__ import annotations

import errno
import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from codebook.errors import StudyError
from codebook.worded import WordedList, WordedText
from desktop.bidi import RLM, rtl_line
from desktop.messages import FSI, PDI, word
from desktop.messages.reasons import ERRNO_FA, persian_reason


def first_strong(text: str) -> str | None:
    """'R' or 'L': the direction a label takes from its first strong letter (isolates skipped)."""
    depth = 0
    for ch in text:
        if ch in "\u2066\u2067\u2068":
            depth += 1
        elif ch == "\u2069":
            depth = max(0, depth - 1)
        elif depth == 0 and unicodedata.bidirectional(ch) in ("L", "R", "AL"):
            return "L" if unicodedata.bidirectional(ch) == "L" else "R"
    return None


def test_a_worded_fragment_inside_an_error_is_worded_in_turn():
    err = StudyError("No coding of {code} ({who}) covers exactly {where} of interview {id}.", code="بودجه",
                     who=WordedText("coder {name}", name="Reza"), where=WordedText("segments {first}–{last}", first=2, last=5), id=3)
    assert str(err) == "No coding of بودجه (coder Reza) covers exactly segments 2–5 of interview 3."
    assert word(err, "fa") == f"هیچ کدگذاری‌ای از «بودجه» (کدگذار: {FSI}Reza{PDI}) دقیقاً بخش‌های ۲ تا ۵ مصاحبهٔ ۳ را نمی‌پوشاند."
    listed = StudyError("Several codes are named “{name}” ({paths}): write CATEGORY/CODE.", name="بودجه",
                        paths=WordedList(["الف/بودجه", "ب/بودجه"]))
    assert "(الف/بودجه، ب/بودجه)" in word(listed, "fa") and "(الف/بودجه, ب/بودجه)" in str(listed)


@pytest.mark.parametrize("code", sorted(ERRNO_FA))
def test_the_systems_reasons_come_out_in_persian(code):
    import os

    exc = OSError(code, os.strerror(code), "/tmp/x.db")
    for value in (exc, exc.strerror, str(exc)):
        said = word(StudyError("Cannot write {path}: {reason}.", path="/tmp/x.db", reason=value), "fa")
        assert ERRNO_FA[code] in said and "Errno" not in said, said
    assert persian_reason(errno.ENOSPC) is None  # a bare number is not a reason


@given(st.text(alphabet="abcdefgh XYZ", min_size=1, max_size=12))
def test_a_persian_line_that_starts_with_a_latin_name_stays_right_to_left(name):
    line = f"{name} این قسمت از متن را با کد «بودجه» کدگذاری کرده است، ولی رضا نه."
    guarded = rtl_line(line, "fa")
    assert first_strong(guarded) == "R" and guarded.replace(RLM, "", 1) == line
    assert rtl_line(line, "en") == line and rtl_line(guarded, "fa") == guarded
    assert rtl_line(f"{name} coded this.", "fa") == f"{name} coded this."  # no Persian: left alone


def test_the_agreement_table_has_one_title_and_numbers_a_workbook_can_use(tmp_path):
    from docx import Document
    from openpyxl import load_workbook

    import codebook.agreement as ag
    from codebook.demo import build_demo
    from codebook.study import Study

    with Study.open(build_demo(tmp_path / "d.mosahebeh")) as study:
        result = ag.compute(study, "مریم", "رضا")
    ag.export(result, "docx", tmp_path / "a.docx", "fa")
    doc = Document(str(tmp_path / "a.docx"))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert headings == ["ضریب‌های توافق میان دو کدگذار به تفکیک کد"]
    cells = [c.text for c in doc.tables[0].rows[1].cells]
    assert cells[4] == "۰٫۷۶" and cells[5] == "۰٫۷۷"
    assert any("—: ضریب قابل محاسبه نیست" in p.text for p in doc.paragraphs)  # the «—» of undefined ones explained
    ag.export(result, "xlsx", tmp_path / "a.xlsx", "fa")
    rows = list(load_workbook(str(tmp_path / "a.xlsx")).active.iter_rows())
    first = next(r for r in rows if r[1].value == "تعطیلی فیزیکی")
    assert isinstance(first[4].value, float) and abs(first[4].value - 0.7647) < 1e-3 and first[4].number_format == "0.00"
    assert next(r for r in rows if r[1].value == "نگرانی از سلامت کارکنان")[4].value == "—"


def test_the_kept_transcript_memo_title_reads_right_to_left():
    from codebook.transcription import KEPT_TITLE

    assert first_strong(KEPT_TITLE) == "R" and "Corrected transcript" in KEPT_TITLE


def test_fragments_the_store_passes_are_worded(tmp_path):
    """The record a table holds, a list of formats, the kinds a study already has: no English fragment left."""
    from codebook.exchange import export
    from codebook.refiqda.import_ import import_qdpx
    from codebook.study import Study

    with Study.create(tmp_path / "s.mosahebeh", name="s") as study:
        with pytest.raises(StudyError) as err:
            study.interviews.get(7)
        assert str(err.value) == "No interview with id 7 in this study."
        assert word(err.value, "fa") == "در این پژوهش مصاحبه‌ای با شناسهٔ ۷ نیست."
        with pytest.raises(StudyError) as err:
            export(study, "bogus", tmp_path / "x")
        said = word(err.value, "fa")
        assert f"{FSI}qdpx{PDI}، {FSI}archive{PDI}" in said and ", " not in said
        study.participants.add("P1")
        with pytest.raises(StudyError) as err:
            import_qdpx(study, tmp_path / "none.qdpx")
        assert "this one already has participants." in str(err.value)
        assert "این پژوهش از پیش مشارکت‌کننده دارد" in word(err.value, "fa")
