"""Writing an interview's transcript: TXT, DOCX (right-to-left), SRT and WebVTT.

Participants appear by pseudonym only; the interviewer as «مصاحبه‌گر» (or
"Interviewer" with ``lang="en"``). With a :class:`~codebook.pseudonymise.Replacer`,
names on the study's replacement list are replaced in the text. Files appear
only when complete (written through a temporary file).
"""
from __future__ import annotations

import io
import os
from pathlib import Path

from codebook.dates import format_date
from codebook.files import write_atomic
from codebook.models import speaker_label
from codebook.pseudonymise import Replacer
from codebook.safety import xml_text
from transcribe.normalize import persian_digits

RLM = "\u200f"
# Written where the transcriber found speech but no text (an untranscribed segment nobody has typed yet).
UNTRANSCRIBED = {"fa": "[گفتار پیاده‌سازی‌نشده]", "en": "[untranscribed speech]"}
FA_FONT = "Vazirmatn"  # the app's font; Word falls back to another Persian font when it is missing


def clock(ms: int, sep: str = ".", hours: bool = True) -> str:
    """``hh:mm:ss.mmm`` (SRT wants ``,``); without ``hours``: ``hh:mm:ss``, no fraction."""
    ms = max(0, int(ms))
    h, rem = divmod(ms, 3_600_000)
    m, rem = divmod(rem, 60_000)
    s, frac = divmod(rem, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{frac:03d}" if hours else f"{h:02d}:{m:02d}:{s:02d}"


class TranscriptView:
    """An interview's transcript as exports show it: (start, end, speaker name, text) rows."""

    def __init__(self, study, interview_id: int, *, lang: str = "fa", replacer: Replacer | None = None):
        iv = study.interviews.get(interview_id)
        # Text that may hold NUL or other control characters (pasted or imported) loses them here:
        # DOCX cannot hold them, and no reader of TXT, SRT or VTT wants them.
        replacer = replacer or Replacer({})
        self.title = xml_text(replacer.text(study.interviews.label(iv), "interview titles"))
        self.date = format_date(iv.date, lang)  # Jalali with Persian digits in a Persian export
        self.pseudonym = xml_text(study.participants.get(iv.participant_id).pseudonym) if iv.participant_id else ""
        self.lang = lang
        gap = UNTRANSCRIBED.get(lang, UNTRANSCRIBED["en"])
        self.rows = [(s.start_ms, s.end_ms, xml_text(replacer.text(speaker_label(s.speaker, self.pseudonym, lang), "speaker labels")),
                      gap if s.untranscribed and not s.text else xml_text(replacer.text(s.text, self.title)))
                     for s in study.transcripts.segments(interview_id)]


def to_txt(view: TranscriptView, *, timestamps: bool = True) -> str:
    out = [view.title, ""]
    for start, _, speaker, text in view.rows:
        stamp = f"[{clock(start, hours=False)}] " if timestamps else ""
        who = f"{speaker}: " if speaker else ""
        out += [f"{stamp}{who}{text}", ""]
    return "\n".join(out)


def to_srt(view: TranscriptView, *, speakers: bool = True) -> str:
    out = []
    for n, (start, end, speaker, text) in enumerate(view.rows, 1):
        who = f"{speaker}: " if speakers and speaker else ""
        out += [str(n), f"{clock(start, ',')} --> {clock(max(end, start + 1), ',')}", who + text, ""]
    return "\n".join(out)


def to_vtt(view: TranscriptView, *, speakers: bool = True) -> str:
    out = ["WEBVTT", ""]
    for start, end, speaker, text in view.rows:
        safe = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        voice = f"<v {speaker.replace('>', '')}>" if speakers and speaker else ""
        out += [f"{clock(start)} --> {clock(max(end, start + 1))}", voice + safe, ""]
    return "\n".join(out)


def write_text(out: str | os.PathLike, text: str) -> Path:
    out = Path(out)
    write_atomic(out, text.encode("utf-8"))
    return out


# -- DOCX ------------------------------------------------------------------------------


# Child order that Word requires inside w:rPr, w:pPr and w:sectPr (ECMA-376 part 1, §17).
_ORDER = {
    "rPr": ("rStyle", "rFonts", "b", "bCs", "i", "iCs", "caps", "smallCaps", "strike", "dstrike", "outline",
            "shadow", "emboss", "imprint", "noProof", "snapToGrid", "vanish", "webHidden", "color", "spacing",
            "w", "kern", "position", "sz", "szCs", "highlight", "u", "effect", "bdr", "shd", "fitText",
            "vertAlign", "rtl", "cs", "em", "lang", "eastAsianLayout", "specVanish", "oMath"),
    "pPr": ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
            "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku", "wordWrap",
            "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi", "adjustRightInd",
            "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc",
            "textDirection", "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
            "sectPr", "pPrChange"),
    "sectPr": ("headerReference", "footerReference", "footnotePr", "endnotePr", "type", "pgSz", "pgMar",
               "paperSrc", "pgBorders", "lnNumType", "pgNumType", "cols", "formProt", "vAlign", "noEndnote",
               "titlePg", "textDirection", "bidi", "rtlGutter", "docGrid", "printerSettings", "sectPrChange"),
    "tblPr": ("tblStyle", "tblpPr", "tblOverlap", "bidiVisual", "tblStyleRowBandSize", "tblStyleColBandSize",
              "tblW", "jc", "tblCellSpacing", "tblInd", "tblBorders", "shd", "tblLayout", "tblCellMar", "tblLook"),
}


def ensure(parent, tag: str):
    """The child ``w:<tag>`` of ``parent`` (an rPr, pPr, sectPr or tblPr), added in schema order if missing."""
    from docx.oxml.ns import qn

    found = parent.find(qn(f"w:{tag}"))
    if found is not None:
        return found
    order = _ORDER[parent.tag.rsplit("}", 1)[-1]]
    rank = order.index(tag)
    el = parent.makeelement(qn(f"w:{tag}"), {})
    for i, child in enumerate(parent):
        name = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if name in order and order.index(name) > rank:
            parent.insert(i, el)
            return el
    parent.append(el)
    return el


def rtl_document(lang: str = "fa"):
    """A python-docx Document whose styles are right to left (for ``fa``) with a Persian font."""
    import docx
    from docx.oxml.ns import qn
    from docx.shared import Pt

    doc = docx.Document()
    for name in ("Normal", "Title", "Heading 1", "Heading 2", "Caption", "Table Grid"):
        try:
            style = doc.styles[name]
        except KeyError:
            continue
        if name == "Normal":
            style.font.size = Pt(12)
        rpr = style.element.get_or_add_rPr()
        fonts = rpr.get_or_add_rFonts()
        for attr in ("w:cs", "w:ascii", "w:hAnsi"):
            fonts.set(qn(attr), FA_FONT)
        for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:cstheme"):
            fonts.attrib.pop(qn(attr), None)
        if lang == "fa":
            ensure(rpr, "lang").set(qn("w:bidi"), "fa-IR")
            if name != "Table Grid":
                ensure(style.element.get_or_add_pPr(), "bidi")
    if lang == "fa":
        for section in doc.sections:
            ensure(section._sectPr, "bidi")
    return doc


def rtl_paragraph(paragraph, rtl: bool = True, runs: bool = True):
    """Mark a paragraph right to left (Word then aligns it to the right by itself), and its runs."""
    if rtl:
        ensure(paragraph._p.get_or_add_pPr(), "bidi")
        if runs:
            for run in paragraph.runs:
                ensure(run._r.get_or_add_rPr(), "rtl")
    return paragraph


def add_run(paragraph, text: str, *, bold: bool = False, rtl: bool = True, size=None, color=None):
    from docx.shared import Pt, RGBColor

    run = paragraph.add_run(xml_text(text))
    if bold:
        run.bold = True
        ensure(run._r.get_or_add_rPr(), "bCs")
    if size:
        run.font.size = Pt(size)
    if color:
        run.font.color.rgb = RGBColor.from_string(color)
    if rtl:
        ensure(run._r.get_or_add_rPr(), "rtl")
    return run


def save_docx(doc, out: str | os.PathLike) -> Path:
    out = Path(out)
    buf = io.BytesIO()  # in memory first: a full disk then fails once, without ZipFile.__del__ tracebacks
    doc.save(buf)
    write_atomic(out, buf.getvalue())
    return out


def to_docx(view: TranscriptView, out: str | os.PathLike, *, timestamps: bool = True) -> Path:
    """The transcript as a Word document: a paragraph per segment, the speaker
    in bold, optional ``[hh:mm:ss]`` stamps; right to left for Persian."""
    rtl = view.lang == "fa"
    doc = rtl_document(view.lang)
    rtl_paragraph(doc.add_heading(view.title, level=1), rtl)
    if view.date:
        rtl_paragraph(doc.add_paragraph(view.date), rtl)
    for start, _, speaker, text in view.rows:
        p = doc.add_paragraph()
        if timestamps:
            stamp = clock(start, hours=False)
            if rtl:  # an appendix of a Persian paper writes its time stamps in Persian digits (TXT/SRT/VTT stay Latin)
                stamp = persian_digits(stamp)
            add_run(p, f"[{stamp}] ", rtl=False, size=9, color="666666")
        if speaker:
            add_run(p, f"{speaker}: ", bold=True, rtl=rtl)
        add_run(p, (RLM + text) if rtl and text[:1].isascii() else text, rtl=rtl)
        rtl_paragraph(p, rtl, runs=False)
    return save_docx(doc, out)


def export_transcript(study, interview_id: int, fmt: str, out: str | os.PathLike, *, lang: str = "fa",
                      timestamps: bool = True, replacer: Replacer | None = None) -> Path:
    """Write one interview's transcript as ``fmt`` (txt, docx, srt, vtt) to ``out``."""
    from codebook.errors import StudyError

    view = TranscriptView(study, interview_id, lang=lang, replacer=replacer)
    if not view.rows:
        raise StudyError("Interview {interview_id} ({title}) has no transcript to export.", interview_id=interview_id, title=view.title)
    if fmt == "docx":
        return to_docx(view, out, timestamps=timestamps)
    if fmt == "txt":
        return write_text(out, to_txt(view, timestamps=timestamps))
    if fmt == "srt":
        return write_text(out, to_srt(view))
    if fmt == "vtt":
        return write_text(out, to_vtt(view))
    raise StudyError("A transcript is exported as txt, docx, srt or vtt, not {fmt!r}.", fmt=fmt)
