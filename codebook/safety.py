"""Study text leaving the app safely: spreadsheet cells, XML text and file names.

Everything here works on text a study holds, which may have come from an
imported file (a ``.qdc`` from someone else, a pasted pseudonym):

* :func:`csv_cell` and :func:`xlsx_put`: a text cell is always text. A cell
  starting with ``=``, ``+``, ``-``, ``@``, tab or carriage return would be a
  live formula in Excel or LibreOffice (``=HYPERLINK("http://…?"&A2)`` leaks the
  next cell when clicked): CSV gets the OWASP leading apostrophe, XLSX a string
  cell (never openpyxl's ``data_type 'f'``).
* :func:`xml_text`: Word and Excel files are XML, which cannot hold NUL, most
  control characters or lone surrogates; they are removed and counted inside
  :func:`counting`, so an export can say how many it left out.
* :func:`safe_filename`: a file name made from study text, without newlines,
  control or bidi-override characters, path separators or names Windows
  reserves, and at most :data:`NAME_BYTES` bytes in UTF-8.

>>> csv_cell('=HYPERLINK("http://example.invalid")')
'\\'=HYPERLINK("http://example.invalid")'
>>> safe_filename("011-\u202eevil\u202c gpj.exe", "txt")
'011-evil gpj.exe.txt'
"""
from __future__ import annotations

import contextlib
import contextvars
import re
import unicodedata

from codebook.errors import StudyError

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")

# XML 1.0 allows tab, LF and CR among the C0 controls; not the rest, DEL-adjacent C1
# controls are legal but invisible noise, lone surrogates and U+FFFE/U+FFFF are not characters.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")

# A name of at most 240 bytes leaves room for the temporary name an atomic write
# uses beside it (".NAME.xxxxxxxx.part"), inside the 255 bytes file systems allow.
NAME_BYTES = 240
_BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(10)), *(f"LPT{i}" for i in range(10))}
_UNSAFE = re.compile(r'[/\\<>:"|?*]')

_removed: contextvars.ContextVar[list | None] = contextvars.ContextVar("removed", default=None)


_TERMINAL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e]")


def terminal_text(text: str, *, lines: bool = False) -> str:
    """Study text safe to print on a terminal: control characters (ESC starts a sequence the
    terminal would execute: a new title, a hidden line, a rewritten screen), C1 controls,
    bidi overrides and line breaks written visibly as ``\\xNN`` / ``\\uNNNN``; all else stays
    (with ``lines``, a message of several lines: its line breaks stay).

    >>> print(terminal_text("name" + chr(27) + "]0;pwned" + chr(7)))
    name\\x1b]0;pwned\\x07
    """
    return _TERMINAL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                         else f"\\u{ord(m.group()):04x}", text if lines else text.replace("\n", "\\n"))


def csv_cell(value):
    """A CSV cell: text that a spreadsheet would read as a formula gets a leading apostrophe."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def csv_row(values) -> list:
    return [csv_cell(v) for v in values]


@contextlib.contextmanager
def counting():
    """``with counting() as removed:`` … ``removed[0]`` characters were left out by :func:`xml_text`."""
    box = [0]
    token = _removed.set(box)
    try:
        yield box
    finally:
        _removed.reset(token)


def xml_text(text: str) -> str:
    """``text`` without the characters an XML document (DOCX, XLSX) cannot hold."""
    cleaned, n = _NOT_XML.subn("", text)
    if n:
        box = _removed.get()
        if box is not None:
            box[0] += n
    return cleaned


def removed_sentence(n: int) -> str:
    return (f"Left out {n} control character{'s' if n != 1 else ''} (such as NUL) that Word and Excel "
            "files cannot hold." if n else "")


def xlsx_put(ws, row: int, col: int, value):
    """Put ``value`` into a cell; text stays text (a string cell, never a formula)."""
    if isinstance(value, str):
        cell = ws.cell(row, col)
        cell.value = xml_text(value)
        cell.data_type = "s"  # openpyxl makes a text starting with "=" a formula; this is text
        return cell
    return ws.cell(row, col, value)


def sheet_title(text: str) -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    title = re.sub(r"[\[\]:*?/\\]", "-", xml_text(text)).strip("'").strip()
    return title[:31] or "Sheet"


def safe_filename(stem: str, ext: str = "", limit: int = NAME_BYTES) -> str:
    """``stem.ext`` as a safe file name of at most ``limit`` UTF-8 bytes.

    Removed: control, bidi-override and line-separator characters; replaced by
    ``-``: path separators and characters Windows forbids. ZWNJ (U+200C), which
    Persian words need, stays."""
    text = unicodedata.normalize("NFC", stem)
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        if ch in _BIDI or cat in ("Cc", "Cs", "Co", "Cn", "Zl", "Zp"):
            out.append(" " if ch in "\n\r\t\u2028\u2029" else "")
        else:
            out.append(ch)
    text = " ".join(_UNSAFE.sub("-", "".join(out)).split()).strip(" .")
    if text.split(".")[0].upper() in _RESERVED:
        text = "_" + text
    text = text or "untitled"
    suffix = f".{ext}" if ext else ""
    room = limit - len(suffix.encode("utf-8"))
    if room < 1:
        raise StudyError("The extension {ext!r} is too long for a file name.", ext=ext)
    while len(text.encode("utf-8")) > room:
        text = text[:-1]
    text = text.rstrip(" .") or "untitled"
    return text + suffix


def check_names(folder, names: list[str]) -> None:
    """Refuse before anything is written when a name is unsafe or two names collide."""
    seen = set()
    for name in names:
        if name != safe_filename(*_split(name)) or len(name.encode("utf-8")) > NAME_BYTES:
            raise StudyError("Refused to write {name!r} in {folder}: not a safe file name. Nothing was written.", name=name, folder=folder)
        if name.casefold() in seen:
            raise StudyError("Two files would both be called {name!r} in {folder}. Nothing was written.", name=name, folder=folder)
        seen.add(name.casefold())


def _split(name: str) -> tuple[str, str]:
    stem, dot, ext = name.rpartition(".")
    return (stem, ext) if dot and stem else (name, "")
