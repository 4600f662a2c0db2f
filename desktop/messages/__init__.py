"""Errors worded for people in the UI language, without Qt (the app and the command line share it).

The store's and transcription's errors carry their English template and values
(:class:`transcribe.errors.WordedError`). The catalog ``fa.json`` beside this file
(and any ``fa-*.json``, one per feature, merged in name order) maps each template
to its Persian sentence with the same ``{placeholders}``::

    >>> from codebook.errors import StudyError
    >>> word(StudyError("No backup at {copy}.", copy="/tmp/a.db"), "fa")
    'نسخهٔ پشتیبانی در \\u2068/tmp/a.db\\u2069 نیست.'

Values are shown the Persian way: numbers in Persian digits, paths and other
Latin runs isolated (FSI … PDI) so they keep their own order inside a
right-to-left sentence. A value that is itself worded is worded in turn: a
fragment (:class:`transcribe.worded.WordedText`, «coder {name}») by its own
template, a list (:class:`transcribe.worded.WordedList`) joined «، », and an
OS error or its English text («No space left on device») by its errno
(:mod:`desktop.messages.reasons`). A template with no entry is shown in English (the
checker, ``python -m desktop.messages.sites``, lists them).
"""
from __future__ import annotations

import json
import os
import re
import string
from functools import cache
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
FSI, PDI = "\u2068", "\u2069"
_DIGITS = str.maketrans("0123456789.,", "۰۱۲۳۴۵۶۷۸۹٫٬")
_LATIN = re.compile(r"[A-Za-z0-9/\\._:~-]")
_ARABIC = re.compile("[\u0600-\u06ff]")


@cache
def catalog(lang: str) -> dict[str, str]:
    """Template → sentence for ``lang`` (empty for English)."""
    if lang == "en":
        return {}
    out: dict[str, str] = {}
    for path in sorted(HERE.glob(f"{lang}*.json")):
        entries = json.loads(path.read_text(encoding="utf-8"))
        out.update({k: v for k, v in entries.items() if not k.startswith("//")})
    return out


def persian_digits(text: str) -> str:
    """Latin digits, decimal point and thousands comma as Persian ones ('1,234.5' → '۱٬۲۳۴٫۵')."""
    return text.translate(_DIGITS)


def isolate(text: str) -> str:
    """``text`` as one isolated run (FSI … PDI) when it holds Latin letters, digits or path signs; Persian text as is."""
    if not text or not _LATIN.search(text) or (text.startswith(FSI) and text.endswith(PDI)):
        return text
    return f"{FSI}{text}{PDI}"


def os_reason(value: Any, lang: str) -> str | None:
    """An OS error (or its English text, or a known English fragment) worded in ``lang``; None when not one."""
    if lang != "fa":
        return None
    from desktop.messages.reasons import persian_reason

    return persian_reason(value)


def _shown(value: Any, spec: str, conversion: str | None, lang: str = "fa") -> str:
    nested = getattr(value, "template", None)
    if isinstance(nested, str):  # a worded fragment (codebook.worded.WordedText): worded in turn
        worded = word_template(nested, getattr(value, "values", {}) or {}, lang)
        if worded is not None:
            return worded
    parts = getattr(value, "parts", None)
    if isinstance(value, str) and isinstance(parts, tuple):  # a list of items (codebook.worded.WordedList), joined the Persian way
        return "، ".join(_shown(v, "", None, lang) for v in parts)
    reason = os_reason(value, lang)
    if reason is not None:
        return reason
    if conversion == "r":
        value = repr(value)
    elif conversion in ("s", "a"):
        value = str(value)
    if isinstance(value, bool):
        return "بله" if value else "خیر"
    if isinstance(value, (int, float)):
        return persian_digits(format(value, spec))
    text = format(value, spec) if spec and isinstance(value, str) else str(value)
    if isinstance(value, os.PathLike) or not _ARABIC.search(text):
        return isolate(text)
    return text


def fill(sentence: str, values: dict[str, Any], lang: str = "fa") -> str:
    """``sentence`` with ``values`` put in the Persian way (see the module's docstring)."""
    parts: list[str] = []
    try:
        for literal, name, spec, conversion in string.Formatter().parse(sentence):
            parts.append(literal)
            if name is None:
                continue
            key = name.split(".")[0].split("[")[0]
            value = string.Formatter().get_field(name, (), values)[0] if key in values else "{" + name + "}"
            parts.append(_shown(value, spec or "", conversion, lang))
    except (ValueError, KeyError, IndexError, AttributeError):
        return sentence
    return "".join(parts)


def word_template(template: str, values: dict[str, Any], lang: str) -> str | None:
    """The sentence for ``template`` in ``lang`` with ``values`` filled in, or None when the catalog lacks it."""
    sentence = catalog(lang).get(template)
    return None if sentence is None else fill(sentence, values, lang)


def word(exc: BaseException, lang: str) -> str:
    """One sentence for a person about ``exc`` in ``lang`` ('fa' or 'en'); English when there is no entry."""
    template = getattr(exc, "template", None)
    if lang != "en" and isinstance(template, str):
        worded = word_template(template, getattr(exc, "values", {}) or {}, lang)
        if worded is not None:
            return worded
    return str(exc)


def system_language(environ: dict[str, str] | None = None) -> str:
    """'fa' when the system locale is Persian (LC_ALL, LC_MESSAGES, LANG, LANGUAGE), else 'en'."""
    env = os.environ if environ is None else environ
    for name in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        value = env.get(name)
        if value:
            return "fa" if value.split(":")[0].lower().startswith(("fa", "prs", "per")) else "en"
    return "en"
