"""Tables, quotes and the saturation plot for the paper, from the demo study."""
from __future__ import annotations

import csv

import docx
import openpyxl
import pytest
from docx.oxml.ns import qn
from PIL import Image

from codebook import Study, StudyError
from codebook.analysis import frequency_tables
from codebook.pseudonymise import Replacer
from codebook.reports import export_report


@pytest.fixture
def demo(demo_path):
    s = Study.open(demo_path)
    yield s
    s.close()


def test_frequencies_docx_and_xlsx_read_right_to_left(demo, tmp_path):
    tables = frequency_tables(demo, lang="fa")
    d = docx.Document(str(export_report(demo, "frequencies", "docx", tmp_path / "f.docx")))
    assert len(d.tables) == len(tables)
    first = d.tables[0]
    assert first._tbl.tblPr.find(qn("w:bidiVisual")) is not None
    assert [c.text for c in first.rows[0].cells] == ["کد", "فراوانی", "درصد از جمع مقوله"]
    assert first.rows[1].cells[0].text == tables[0].rows[0].name
    assert first.rows[-1].cells[0].text == "جمع" and first.rows[-1].cells[2].text == "۱۰۰٫۰٪"
    assert first.rows[-1].cells[1].text == str(tables[0].total).translate(str.maketrans("0123456789", "۰۱۲۳۴۵۶۷۸۹"))
    assert d.sections[0]._sectPr.find(qn("w:bidi")) is not None
    wb = openpyxl.load_workbook(export_report(demo, "frequencies", "xlsx", tmp_path / "f.xlsx"))
    ws = wb.active
    assert ws.sheet_view.rightToLeft
    counts = [r for r in ws.iter_rows(values_only=True) if r[0] == tables[0].rows[0].name][0]
    assert counts[1] == tables[0].rows[0].count and counts[2] == pytest.approx(tables[0].rows[0].share, abs=1e-4)
    en = openpyxl.load_workbook(export_report(demo, "frequencies", "xlsx", tmp_path / "e.xlsx", lang="en"))
    assert not en.active.sheet_view.rightToLeft


def test_participants_and_frequencies_csv_open_in_excel(demo, tmp_path):
    out = export_report(demo, "participants", "csv", tmp_path / "p.csv")
    assert out.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(out.open(encoding="utf-8-sig")))
    assert rows[1][-2:] == ["تعداد مشارکت‌کنندگان", "درصد"]
    assert rows[-1][0] == "جمع" and rows[-1][-2] == str(len(demo.participants.list()))
    freq = list(csv.reader(export_report(demo, "frequencies", "csv", tmp_path / "f.csv", by="interviews")
                           .open(encoding="utf-8-sig")))
    assert freq[0][0].startswith("مقوله: ")
    with pytest.raises(StudyError, match="csv, xlsx or docx"):
        export_report(demo, "participants", "png", tmp_path / "x.png")


def test_quotes_carry_pseudonym_and_time_and_are_pseudonymised(small_study, tmp_path):
    rows = list(csv.DictReader(export_report(small_study, "quotes", "csv", tmp_path / "q.csv",
                                             replacer=Replacer.for_study(small_study)).open(encoding="utf-8-sig")))
    online = [r for r in rows if r["کد"] == "خدمات آنلاین"]
    assert len(online) == 2 and online[0]["نام مستعار"] == "کتابدار الف" and online[0]["زمان"]
    assert all("مریم" not in r["متن"] and "مریم" not in r["یادداشت"] for r in rows)
    d = docx.Document(str(export_report(small_study, "quotes", "docx", tmp_path / "q.docx")))
    quote = next(p.text for p in d.paragraphs if p.text.startswith("«WhatsApp»"))
    assert "کتابدار الف" in quote and "۰:۰۹" in quote


@pytest.mark.parametrize("fmt", ["png", "svg"])
def test_saturation_plot(demo, tmp_path, fmt):
    out = export_report(demo, "saturation", fmt, tmp_path / f"s.{fmt}")
    if fmt == "png":
        w, h = Image.open(out).size
        assert w > 800 and h > 500
    else:
        assert out.read_text(encoding="utf-8").lstrip().startswith("<?xml")
