"""What the Qt catalogs (``assets/i18n/*_fa.ts``) hold, against what the code asks for (no Qt imported).

* an **orphan** is a ``<message>`` whose source no code of ``desktop/``, ``codebook/`` or
  ``transcribe/`` holds as a string (read by ast: the ``tr("…")``/``translate("Ctx", "…")`` literals,
  and the tables of strings translated by key, such as ``COUNT_KINDS``);
* a **duplicate** is one (context, source) in two places (the catalog loaded first wins,
  silently), or one source worded two ways in different contexts (one concept, two words).

``python -m desktop.messages.catalogs`` lists both: run it after adding a catalog.
"""
from __future__ import annotations

import ast
import sys
import xml.etree.ElementTree as ET
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from desktop.messages.sites import ROOT, python_files

TS_DIR = ROOT / "assets" / "i18n"

# One English source, two Persian wordings on purpose (the contexts mean different things).
DIFFERENT_ON_PURPOSE: dict[str, str] = {
    "Total": "a table's total row («جمع») vs the saturation table's cumulative column («تعداد تجمعی»)",
    "Codes": "the codes panel («کدها») vs the saturation chart's y axis («تعداد کدها»)",
    "none": "an empty proxy field («بدون پراکسی») vs an empty API key field («ندارد»)",
}


@dataclass(frozen=True)
class Message:
    file: str
    context: str
    source: str
    translation: str


def messages(ts_dir: Path = TS_DIR, lang: str = "fa") -> list[Message]:
    out = []
    for path in sorted(ts_dir.glob(f"*_{lang}.ts")):
        for ctx in ET.parse(path).getroot().iter("context"):
            name = ctx.findtext("name") or ""
            for msg in ctx.iter("message"):
                tr = msg.find("translation")
                forms = [f.text or "" for f in tr.iter("numerusform")] if tr is not None else []
                text = " | ".join(forms) if forms else (tr.text or "" if tr is not None else "")
                out.append(Message(path.name, name, msg.findtext("source") or "", text))
    return out


def code_strings(folders=("desktop", "codebook", "transcribe")) -> set[str]:
    """Every string constant of the code (implicit concatenations joined, as ast gives them)."""
    found: set[str] = set()
    for path in python_files(folders):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                found.add(node.value)
    return found


QT_OWN = "qt_"  # a catalog named qt_*_fa.ts words Qt's own widgets (QFileDialog, QMessageBox…): not our code's


def orphans(msgs: list[Message] | None = None, strings: set[str] | None = None) -> list[Message]:
    msgs = messages() if msgs is None else msgs
    strings = code_strings() if strings is None else strings
    return [m for m in msgs if m.source not in strings and not m.file.startswith(QT_OWN)]


def duplicates(msgs: list[Message] | None = None) -> list[str]:
    msgs = messages() if msgs is None else msgs
    out = []
    by_key: dict[tuple[str, str], list[Message]] = defaultdict(list)
    by_source: dict[str, set[str]] = defaultdict(set)
    for m in msgs:
        by_key[(m.context, m.source)].append(m)
        if not m.file.startswith(QT_OWN):  # Qt's own contexts word their strings for their own widgets
            by_source[m.source].add(m.translation)
    for (ctx, source), ms in by_key.items():
        if len(ms) > 1:
            out.append(f"{ctx} {source!r} is in {', '.join(m.file for m in ms)}")
    for source, words in by_source.items():
        if len(words) > 1 and source not in DIFFERENT_ON_PURPOSE:
            out.append(f"{source!r} is worded {len(words)} ways: {' / '.join(sorted(words))}")
    return out


def main() -> int:
    bad = [f"orphan: {m.file} {m.context} {m.source!r}" for m in orphans()] + [f"duplicate: {d}" for d in duplicates()]
    print("\n".join(bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
