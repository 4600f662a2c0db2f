"""Tables and figures for the paper: frequency tables, the participants table,
coded quotes, and the saturation plot.

* frequencies and participants: CSV (UTF-8 with BOM, so Excel reads Persian),
  XLSX (sheet right to left for ``lang="fa"``) and DOCX (right-to-left tables
  with Persian digits, ready to paste into a Persian paper);
* quotes per code: DOCX or CSV, each with pseudonym and time;
* the saturation plot: PNG or SVG with its sentence under it.

The numbers come from :mod:`codebook.analysis`, :mod:`codebook.retrieval` and
:mod:`codebook.saturation`. Participants appear by pseudonym only; with a
:class:`~codebook.pseudonymise.Replacer`, quote text is pseudonymised.

matplotlib (3.11, with libraqm) shapes Persian and orders it right to left
itself; labels are passed in logical order.
"""
from __future__ import annotations

import csv
import dataclasses
import io
import os
import re
from pathlib import Path

from codebook.errors import StudyError
from codebook.files import atomic_path, write_atomic
from codebook.formats.write import add_run, ensure, rtl_document, rtl_paragraph, save_docx
from codebook.pseudonymise import Replacer
from codebook.safety import csv_row, sheet_title, xlsx_put, xml_text
from codebook.worded import WordedList
from transcribe.normalize import persian_digits

WHAT = ("frequencies", "participants", "quotes", "saturation")
WORDS = {
    "fa": {"category": "مقوله", "code": "کد", "count": "فراوانی", "share": "درصد", "total": "جمع",
           "participants": "تعداد مشارکت‌کنندگان", "by_segments": "فراوانی: تعداد بخش‌های کدگذاری‌شده",
           "by_interviews": "فراوانی: تعداد مصاحبه‌هایی که کد در آن‌ها آمده است",
           "frequencies": "جدول فراوانی کدها", "participants_title": "ویژگی‌های جمعیت‌شناختی مشارکت‌کنندگان",
           "share_of_category": "درصد از جمع مقوله",
           "quotes": "نقل‌قول‌ها به تفکیک کد", "pseudonym": "نام مستعار", "interview": "مصاحبه",
           "time": "زمان", "text": "متن", "memo": "یادداشت", "interview_n": "مصاحبه (به ترتیب برگزاری)",
           "new": "کدهای جدید", "cumulative": "تعداد تجمعی کدها", "none": "(نامشخص)",
           "codes_axis": "تعداد کدها", "chao2": "برآورد Chao2 از کل کدها"},
    "en": {"category": "Category", "code": "Code", "count": "Frequency", "share": "Percent", "total": "Total",
           "participants": "Participants", "by_segments": "Frequency: coded segments",
           "by_interviews": "Frequency: interviews that mention the code",
           "frequencies": "Code frequencies", "participants_title": "Participants",
           "share_of_category": "Percent of category total",
           "quotes": "Quotes by code", "pseudonym": "Pseudonym", "interview": "Interview",
           "time": "Time", "text": "Text", "memo": "Memo", "interview_n": "Interview (in the order held)",
           "new": "New codes", "cumulative": "Codes found", "none": "(missing)",
           "codes_axis": "Number of codes", "chao2": "Chao2 estimate of all codes"},
}


def _w(lang: str) -> dict:
    if lang not in WORDS:
        raise StudyError("Reports are written in 'fa' or 'en', not {lang!r}.", lang=lang)
    return WORDS[lang]


def num(value, lang: str) -> str:
    return persian_digits(str(value), decimal=True) if lang == "fa" else str(value)


def pct(share: float, lang: str) -> str:
    text = f"{share * 100:.1f}"
    return persian_digits(text, decimal=True) + "٪" if lang == "fa" else text + "%"


# -- tables as plain rows --------------------------------------------------------------


@dataclasses.dataclass
class Table:
    """A titled table: header and rows of cells (str, int or float share), and which rows are totals."""
    title: str
    header: list[str]
    rows: list[list]
    totals: set[int] = dataclasses.field(default_factory=set)
    shares: set[int] = dataclasses.field(default_factory=set)  # columns holding a share (0..1)
    note: str = ""
    decimals: set[int] = dataclasses.field(default_factory=set)  # columns holding a coefficient (0.82), kept a number


def frequency_tables(study, by: str = "segments", lang: str = "fa", replacer: Replacer | None = None) -> list[Table]:
    from codebook.analysis import frequency_tables as tables

    w = _w(lang)
    name = (replacer or Replacer({})).text
    out = []
    for t in tables(study, by=by, lang=lang):
        rows = [["\u2003" * r.depth + name(r.name, "codes"), r.count, r.share] for r in t.rows]
        rows.append([w["total"], t.total, 1.0 if t.total else 0.0])
        out.append(Table(f"{w['category']}: {name(t.name, 'codes')}", [w["code"], w["count"], w["share_of_category"]], rows,
                         {len(rows) - 1}, {2}, w["by_" + by]))
    if not out:
        raise StudyError("The codebook is empty: there is no frequency table to export.")
    return out


def participants_tables(study, lang: str = "fa", replacer: Replacer | None = None) -> list[Table]:
    from codebook.analysis import participants_table

    w = _w(lang)
    name = (replacer or Replacer({})).text
    t = participants_table(study)
    if not t.total:
        raise StudyError("The study has no participants yet.")
    rows = [[name(v, "participant attributes") if v else w["none"] for v in values] + [n, n / t.total]
            for values, n in t.rows]
    rows.append([w["total"]] + [""] * (len(t.attributes) - 1) + [t.total, 1.0] if t.attributes
                else [t.total, 1.0])
    return [Table(w["participants_title"], list(t.attributes) + [w["participants"], w["share"]], rows,
                  {len(rows) - 1}, {len(t.attributes) + 1})]


def quotes(study, lang: str = "fa", replacer: Replacer | None = None, code_id: int | None = None) -> list:
    """(code, category name, [Quote]) per code in codebook order, quote text pseudonymised."""
    from codebook.retrieval import coded_segments

    replacer = replacer or Replacer({})
    codes = [c for c in study.codes.list() if c.kind == "code" and (code_id is None or c.id == code_id)]
    if not codes:
        raise StudyError("There are no codes to collect quotes for.")
    out = []
    for c in codes:
        cat = study.codes.category_of(c.id)
        label = {}  # each interview's title once
        qs = []
        for q in coded_segments(study, c.id, recursive=False):
            if q.interview_label not in label:
                label[q.interview_label] = replacer.text(q.interview_label, "interview titles")
            qs.append(dataclasses.replace(q, text=replacer.text(q.text, label[q.interview_label]),
                                          memo=replacer.text(q.memo, label[q.interview_label]),
                                          interview_label=label[q.interview_label],
                                          code_name=replacer.text(q.code_name, "codes")))
        out.append((dataclasses.replace(c, name=replacer.text(c.name, "codes")),
                    replacer.text(cat.name, "codes") if cat else "", qs))
    return out


# -- writers ------------------------------------------------------------------------------


def _cell(value, col: int, table: Table, lang: str, *, text: bool):
    if isinstance(value, float) and col in table.shares:
        return pct(value, lang) if text else round(value, 4)
    if isinstance(value, float) and col in table.decimals:  # a number in the workbook, «۰٫۸۲» in the document
        return num(f"{value:.2f}", lang) if text else round(value, 4)
    if isinstance(value, int) and text:
        return num(value, lang)
    return value


def write_csv(tables: list[Table], out, lang: str = "fa") -> Path:
    buf = io.StringIO()
    writer = csv.writer(buf)
    for k, t in enumerate(tables):
        if k:
            writer.writerow([])
        writer.writerow(csv_row([t.title]))
        writer.writerow(csv_row(t.header))
        for row in t.rows:
            writer.writerow(csv_row([f"{v * 100:.1f}" if isinstance(v, float) else v for v in row]))
    write_atomic(Path(out), buf.getvalue().encode("utf-8-sig"))
    return Path(out)


def write_xlsx(tables: list[Table], out, lang: str = "fa", sheet: str = "") -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = sheet_title(sheet or tables[0].title)
    ws.sheet_view.rightToLeft = lang == "fa"
    align = Alignment(horizontal="right" if lang == "fa" else "left", readingOrder=2 if lang == "fa" else 1)
    bold = Font(bold=True)
    r = 1
    for t in tables:
        xlsx_put(ws, r, 1, t.title).font = Font(bold=True, size=13)
        r += 1
        if t.note:
            xlsx_put(ws, r, 1, t.note)
            r += 1
        for c, h in enumerate(t.header, 1):
            xlsx_put(ws, r, c, h).font = bold
        r += 1
        for i, row in enumerate(t.rows):
            for c, v in enumerate(row, 1):
                cell = xlsx_put(ws, r, c, _cell(v, c - 1, t, lang, text=False))
                if c - 1 in t.shares:
                    cell.number_format = "0.0%"
                elif c - 1 in t.decimals and isinstance(v, float):
                    cell.number_format = "0.00"
                if isinstance(v, str):
                    cell.alignment = align
                if i in t.totals:
                    cell.font = bold
            r += 1
        r += 1
    for c in range(1, max(len(t.header) for t in tables) + 1):
        ws.column_dimensions[get_column_letter(c)].width = 28 if c == 1 else 16
    buf = io.BytesIO()  # saved in memory first: a full disk then fails in one place, not in ZipFile.__del__
    wb.save(buf)
    write_atomic(Path(out), buf.getvalue())
    return Path(out)


def _docx_table(doc, t: Table, lang: str):
    from docx.oxml.ns import qn

    rtl = lang == "fa"
    rtl_paragraph(doc.add_heading(xml_text(t.title), level=2), rtl)
    if t.note:
        rtl_paragraph(doc.add_paragraph(xml_text(t.note), style="Caption"), rtl)
    table = doc.add_table(rows=1, cols=len(t.header))
    table.style = "Table Grid"
    if rtl:
        ensure(table._tbl.tblPr, "bidiVisual")
    for c, h in enumerate(t.header):
        p = table.rows[0].cells[c].paragraphs[0]
        add_run(p, h, bold=True, rtl=rtl)
        rtl_paragraph(p, rtl, runs=False)
    for i, row in enumerate(t.rows):
        cells = table.add_row().cells
        for c, v in enumerate(row):
            p = cells[c].paragraphs[0]
            add_run(p, str(_cell(v, c, t, lang, text=True)), bold=i in t.totals, rtl=rtl)
            rtl_paragraph(p, rtl, runs=False)
    for row in table.rows:  # header row repeats on each page
        row._tr.get_or_add_trPr()
    hdr = table.rows[0]._tr.get_or_add_trPr()
    if hdr.find(qn("w:tblHeader")) is None:
        hdr.append(hdr.makeelement(qn("w:tblHeader"), {}))
    doc.add_paragraph()


def write_docx(tables: list[Table], out, lang: str = "fa", title: str = "") -> Path:
    doc = rtl_document(lang)
    if title:
        rtl_paragraph(doc.add_heading(title, level=1), lang == "fa")
    for t in tables:
        _docx_table(doc, t, lang)
    return save_docx(doc, out)


def write_quotes(groups: list, fmt: str, out, lang: str = "fa") -> Path:
    from codebook.retrieval import format_quote, format_time

    w = _w(lang)
    if fmt == "csv":
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(csv_row([w["category"], w["code"], w["pseudonym"], w["interview"], w["time"], "start_ms",
                                 w["text"], w["memo"]]))
        for code, cat, qs in groups:
            for q in qs:
                writer.writerow(csv_row([cat, code.name, q.pseudonym, q.interview_label, format_time(q.start_ms),
                                         q.start_ms, q.text, q.memo]))
        write_atomic(Path(out), buf.getvalue().encode("utf-8-sig"))
        return Path(out)
    if fmt != "docx":
        raise StudyError("Quotes are exported as docx or csv, not {fmt!r}.", fmt=fmt)
    rtl = lang == "fa"
    doc = rtl_document(lang)
    rtl_paragraph(doc.add_heading(w["quotes"], level=1), rtl)
    for code, cat, qs in groups:
        heading = f"{cat} › {code.name}" if cat else code.name
        rtl_paragraph(doc.add_heading(xml_text(f"{heading} ({num(len(qs), lang)})"), level=2), rtl)
        for q in qs:
            p = doc.add_paragraph()
            add_run(p, format_quote(q, lang), rtl=rtl)
            rtl_paragraph(p, rtl, runs=False)
    return save_docx(doc, out)


# -- the saturation plot ----------------------------------------------------------------


_PLUS = re.compile(r"[0-9۰-۹]+\+[0-9۰-۹]+")


def ltr_numbers(text: str) -> str:
    """Keep a Guest verdict like ``۴+۲`` in reading order inside Persian text: after
    Arabic letters, Persian digits are Arabic numbers to the bidi algorithm and
    ``۴+۲`` would show as ``۲+۴``; a left-to-right embedding keeps it as written."""
    return _PLUS.sub(lambda m: "\u202a" + m.group(0) + "\u202c", text)


RLM = "\u200f"
_VERDICT_WORD = re.compile("[\u200e\u200f\u202a-\u202e]*[0-9۰-۹]+\\+[0-9۰-۹]+[\u202c.،؛:)]*")


def _wrap(text: str, width: int) -> list[str]:
    """``text`` in lines of at most ``width`` characters, broken at spaces; a verdict like
    ``۴+۲`` (or one wrapped in direction marks) never starts a line: it stays with the word before it."""
    words: list[str] = []
    for word in text.split():
        if words and _VERDICT_WORD.fullmatch(word):
            words[-1] += " " + word  # «در ‎۴+۲»: never break before the verdict
        else:
            words.append(word)
    lines, line = [], ""
    for word in words:
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    return lines + ([line] if line else [])


def caption_lines(sentence: str, lang: str, width: int = 80) -> list[str]:
    """The lines handed to matplotlib under the plot. matplotlib (with libraqm) lays out each
    line by the direction of its first strong letter, so in Persian every line starts with an
    RLM (the line is right to left whatever follows: a verdict, a Latin name) and the verdict
    ``X+Y`` is kept left to right inside it, never at the start of a line."""
    lines = _wrap(sentence, width)
    if lang != "fa":
        return lines
    return [RLM + ltr_numbers(line.replace("\u200e", "")) for line in lines]


def saturation_plot(study, out, lang: str = "fa", **params) -> str:
    """Draw new codes per interview (bars) and codes found so far (line), in the
    order the interviews were held, with the saturation sentence under the plot.
    ``out`` ends in .png or .svg. Returns the sentence."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import font_manager
    from matplotlib.figure import Figure

    from codebook.analysis import study_saturation

    out = Path(out)
    if out.suffix.lower() not in (".png", ".svg"):
        raise StudyError("The saturation plot is written as .png or .svg.")
    w = _w(lang)
    sat = study_saturation(study, **params)
    if not sat.interviews:
        raise StudyError("No interview has a transcript yet: there is nothing to plot.")
    fa = lang == "fa"
    label = ltr_numbers if fa else (lambda s: s)
    font = _font(font_manager)
    fig = Figure(figsize=(7, 5.6), dpi=150)
    ax = fig.add_axes((0.1, 0.4, 0.85, 0.55))
    xs = list(range(1, len(sat.interviews) + 1))
    ax.bar(xs, sat.new_codes, color="#7fb3d5", label=label(w["new"]))
    ax.plot(xs, sat.cumulative, color="#c0392b", marker="o", label=label(w["cumulative"]))
    if sat.chao2 > 0:
        ax.axhline(sat.chao2, color="#27ae60", linestyle=":", linewidth=1.2, label=label(w["chao2"]))
    if sat.guest.saturated and sat.guest.x is not None:
        ax.axvline(sat.guest.x + 0.5, color="#555", linestyle="--", linewidth=1)
    ax.set_xticks(xs, [num(x, lang) for x in xs], fontproperties=font)
    ax.set_xlabel(label(w["interview_n"]), fontproperties=font)
    ax.set_ylabel(label(w["codes_axis"]), fontproperties=font)
    ax.yaxis.set_major_locator(matplotlib.ticker.MaxNLocator(integer=True))  # whole numbers, each once
    ax.yaxis.set_major_formatter(matplotlib.ticker.FuncFormatter(lambda v, _: num(int(round(v)), lang)))
    for t in ax.get_yticklabels():
        t.set_fontproperties(font)
    ax.legend(prop=font, loc="center right")
    ax.spines[["top", "right"]].set_visible(False)
    sentence = sat.sentence(lang)
    lines = caption_lines(sentence, lang)
    fig.text(0.95 if fa else 0.05, 0.27, "\n".join(lines), ha="right" if fa else "left", va="top",
             fontproperties=font, fontsize=10, linespacing=1.6)
    with atomic_path(out) as tmp:
        fig.savefig(str(tmp), format=out.suffix.lower()[1:])
    return sentence


def _font(font_manager):
    here = Path(__file__).resolve().parent.parent / "assets" / "fonts"
    for path in sorted(here.glob("Vazirmatn*Regular*.ttf")) + [
            Path("/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf")]:
        if path.is_file():
            return font_manager.FontProperties(fname=str(path))
    return font_manager.FontProperties(family="DejaVu Sans")


def export_report(study, what: str, fmt: str, out: str | os.PathLike, *, lang: str = "fa", by: str = "segments",
                  replacer: Replacer | None = None, code_id: int | None = None) -> Path:
    """Write a report: ``what`` among frequencies, participants, quotes, saturation;
    ``fmt`` csv, xlsx or docx for tables, docx or csv for quotes, png or svg for saturation."""
    out = Path(out)
    if what in ("frequencies", "participants"):
        tables = (frequency_tables(study, by, lang, replacer) if what == "frequencies"
                  else participants_tables(study, lang, replacer))
        title = _w(lang)["frequencies" if what == "frequencies" else "participants_title"]
        if fmt == "csv":
            return write_csv(tables, out, lang)
        if fmt == "xlsx":
            return write_xlsx(tables, out, lang, sheet=title)
        if fmt == "docx":
            return write_docx(tables, out, lang, title=title if what == "frequencies" else "")
        raise StudyError("Tables are exported as csv, xlsx or docx, not {fmt!r}.", fmt=fmt)
    if what == "quotes":
        return write_quotes(quotes(study, lang, replacer, code_id), fmt, out, lang)
    if what == "saturation":
        if fmt not in ("png", "svg"):
            raise StudyError("The saturation plot is exported as png or svg, not {fmt!r}.", fmt=fmt)
        saturation_plot(study, out, lang)
        return out
    raise StudyError("Unknown report {what!r}; choose one of {items}.", what=what, items=WordedList(WHAT))
