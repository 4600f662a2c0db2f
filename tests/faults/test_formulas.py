"""No export writes a formula: every text cell of every CSV and XLSX export is text."""
from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from codebook import reports
from codebook.safety import FORMULA_START, csv_cell, xlsx_put
from codebook.exchange import export

TABLES = [("frequencies", "csv"), ("frequencies", "xlsx"), ("participants", "csv"), ("participants", "xlsx"),
          ("quotes", "csv")]


def _csv_cells(path):
    text = path.read_bytes().decode("utf-8-sig")
    return [cell for row in csv.reader(io.StringIO(text)) for cell in row]


def test_csv_cell_follows_the_owasp_rule():
    for value in ("=1+1", "+1", "-1", "@A1", "\t=1", "\r=1"):
        assert csv_cell(value) == "'" + value
    for value in ("متن", "1", "", " =1", 3, 0.5):
        assert csv_cell(value) == value


@pytest.mark.parametrize("what,fmt", TABLES)
def test_every_table_export_writes_text_not_formulas(hostile, tmp_path, what, fmt):
    out = tmp_path / f"{what}.{fmt}"
    export(hostile, fmt, out, what=what, lang="en")
    if fmt == "csv":
        cells = _csv_cells(out)
        assert any(c.startswith(("'=", "'+", "'-")) for c in cells), cells  # the hostile text is there, defused
        assert not [c for c in cells if c.startswith(FORMULA_START)], cells
    else:
        wb = load_workbook(out)
        seen = []
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for cell in row:
                    assert cell.data_type != "f", (cell.coordinate, cell.value)
                    if isinstance(cell.value, str):
                        seen.append(cell.value)
        assert any(v.startswith(("=", "+", "-", "@")) for v in seen), seen  # kept as written, as text
        with open(out, "rb") as f:
            import zipfile

            sheet = zipfile.ZipFile(f).read("xl/worksheets/sheet1.xml")
        assert b"<f>" not in sheet and b"<f " not in sheet


def test_quotes_csv_defuses_text_memo_and_pseudonym(hostile, tmp_path):
    out = tmp_path / "q.csv"
    reports.export_report(hostile, "quotes", "csv", out, lang="en")
    cells = _csv_cells(out)
    assert "'=memo" in cells and "'=cmd|' /C calc'!A0" in cells
    assert not [c for c in cells if c.startswith(FORMULA_START)]


def test_xlsx_put_keeps_text_a_string_cell():
    from openpyxl import Workbook

    ws = Workbook().active
    cell = xlsx_put(ws, 1, 1, "=SUM(A2:A3)")
    assert cell.data_type == "s" and cell.value == "=SUM(A2:A3)"
    assert xlsx_put(ws, 1, 2, 3).data_type == "n"
