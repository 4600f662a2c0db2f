"""The codebook in QDA-XML: written into a project (``.qdpx``) or alone (``.qdc``),
and read back from either.

Categories become codes with ``isCodable="false"``, codes ``isCodable="true"``;
the tree nests as it does in the study. Code memos go to ``<Description>``
in a ``.qdc`` (it has no notes); in a project they are notes.
"""
from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from codebook.errors import StudyError
from codebook.refiqda.xmlutil import CODEBOOK_NS, PROJECT_NS, check_valid, is_guid, norm_guid, parse, xml_text
from codebook.worded import WordedText

_COLOR = re.compile(r"^#([0-9a-fA-F]{6}|[0-9a-fA-F]{3})$")


def code_guid(study, code_id: int) -> str:
    return study.record_guid("code", code_id)


def codes_element(study, ns: str, note_refs: dict[int, list[str]] | None = None,
                  text: Callable[[str], str] = str) -> etree._Element | None:
    """``<Codes>`` holding the study's code tree, or None for an empty codebook; ``text``
    is applied to each name and description (a pseudonymising replacer's ``text``)."""
    codes = study.codes.list()
    if not codes:
        return None
    children: dict[int | None, list] = {}
    for c in codes:
        children.setdefault(c.parent_id, []).append(c)
    root = etree.Element(f"{{{ns}}}Codes")

    def add(parent_el, code):
        attrs = {"guid": code_guid(study, code.id), "name": xml_text(text(code.name)),
                 "isCodable": "false" if code.kind == "category" else "true"}
        if _COLOR.match(code.color or ""):
            attrs["color"] = code.color
        el = etree.SubElement(parent_el, f"{{{ns}}}Code", attrs)
        if code.description:
            etree.SubElement(el, f"{{{ns}}}Description").text = xml_text(text(code.description))
        for ref in (note_refs or {}).get(code.id, []):
            etree.SubElement(el, f"{{{ns}}}NoteRef", targetGUID=ref)
        for child in children.get(code.id, []):
            add(el, child)

    for top in children.get(None, []):
        add(root, top)
    return root


@dataclass
class CodeSpec:
    """A code read from QDA-XML, before it is added to a study."""
    guid: str
    name: str
    codable: bool
    color: str | None
    description: str
    note_refs: list[str]
    children: list[CodeSpec] = field(default_factory=list)


def read_codes(codes_el: etree._Element | None) -> list[CodeSpec]:
    """The code tree under a ``<Codes>`` element (either namespace)."""
    if codes_el is None:
        return []

    def read(el) -> CodeSpec:
        guid = el.get("guid")
        if not is_guid(guid):
            raise StudyError("A code ({get!r}) has no valid GUID.", get=el.get('name'))
        spec = CodeSpec(norm_guid(guid), (el.get("name") or "").strip() or "?", el.get("isCodable") != "false",
                        el.get("color") if _COLOR.match(el.get("color") or "") else None, "", [])
        for child in el:
            tag = etree.QName(child).localname
            if tag == "Description":
                spec.description = child.text or ""
            elif tag == "NoteRef" and is_guid(child.get("targetGUID")):
                spec.note_refs.append(norm_guid(child.get("targetGUID")))
            elif tag == "Code":
                spec.children.append(read(child))
        return spec

    return [read(el) for el in codes_el if etree.QName(el).localname == "Code"]


def add_codes(study, specs: list[CodeSpec], *, merge: bool) -> tuple[dict[str, int], int, int, int]:
    """Add a code tree to the study. With ``merge``, a code whose name already
    exists under the same parent is reused. Returns (GUID → code id, added, reused,
    categories among the added).

    A non-codable code becomes a category; a codable code with children stays
    a code (the store allows codes under codes)."""
    ids: dict[str, int] = {}
    added = reused = categories = 0

    def add(spec: CodeSpec, parent_id: int | None):
        nonlocal added, reused, categories
        existing = study.codes.by_name(spec.name, parent_id) if merge else None
        if existing is not None:
            code_id = existing.id
            reused += 1
        else:
            kind = "code" if spec.codable else "category"
            code_id = study.codes.add(spec.name, parent_id, kind=kind, description=spec.description,
                                      color=spec.color.lower() if spec.color and len(spec.color) == 7 else None).id
            added += 1
            categories += kind == "category"
        if spec.guid in ids:
            raise StudyError("Two codes share the GUID {guid}; the file is inconsistent.", guid=spec.guid)
        ids[spec.guid] = code_id
        for child in spec.children:
            add(child, code_id)

    for spec in specs:
        add(spec, None)
    return ids, added, reused, categories


# -- .qdc ------------------------------------------------------------------------


def export_qdc(study, out: str | os.PathLike, text: Callable[[str], str] = str) -> Path:
    """Write the study's codebook as a REFI-QDA ``.qdc`` file (validated first); ``text``
    applied to names and descriptions (pseudonymisation)."""
    out = Path(out)
    root = etree.Element(f"{{{CODEBOOK_NS}}}CodeBook", nsmap={None: CODEBOOK_NS}, origin="Mosahebeh")
    codes = codes_element(study, CODEBOOK_NS, text=text)
    if codes is None:
        raise StudyError("The codebook is empty: add codes before exporting it.")
    root.append(codes)
    check_valid(root, WordedText("codebook"))
    from codebook.files import write_atomic

    write_atomic(out, etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True))
    return out


@dataclass
class CodebookImport:
    added: int                     # codes and categories added
    reused: int
    repairs: list[str] = field(default_factory=list)
    categories: int = 0            # of the added, how many are categories

    def summary(self) -> str:
        from codebook.wording import counted

        text = (f"Imported the codebook: {counted(self.categories, 'category')} and "
                f"{counted(self.added - self.categories, 'code')} added, {self.reused} already there.")
        return text + ("\nRepaired: " + "; ".join(self.repairs) + "." if self.repairs else "")


def import_qdc(study, path: str | os.PathLike) -> CodebookImport:
    """Merge a ``.qdc`` codebook into the study (codes already there by name and place are kept)."""
    from codebook.refiqda.archive import MAX_TEXT_BYTES

    path = Path(path)
    try:
        if path.stat().st_size > MAX_TEXT_BYTES:  # checked before reading, not after (i14)
            raise StudyError("{file} is {count} MB, too large for a codebook (at most {count2} MB); nothing was imported.", file=path.name, count=path.stat().st_size // 2 ** 20, count2=MAX_TEXT_BYTES // 2 ** 20)
        data = path.read_bytes()
    except OSError as exc:
        raise StudyError("Cannot read {path}: {reason}.", path=path, reason=exc.strerror or exc) from exc
    root = parse(data, WordedText("codebook {name}", name=path.name))
    qname = etree.QName(root)
    if qname.localname != "CodeBook" or qname.namespace not in (CODEBOOK_NS, PROJECT_NS):
        raise StudyError("{file} is not a REFI-QDA codebook (its root is <{localname}>).", file=path.name, localname=qname.localname)
    repairs = []
    if qname.namespace == CODEBOOK_NS:  # an empty <Sets/> (Taguette) is repaired and said, not refused
        from codebook.refiqda.repair import validate

        repairs = validate(root, path.name)
    codes_el = next((el for el in root if etree.QName(el).localname == "Codes"), None)
    specs = read_codes(codes_el)
    if not specs:
        raise StudyError("{file} holds no codes.", file=path.name)
    with study.atomic():
        _, added, reused, categories = add_codes(study, specs, merge=True)
    return CodebookImport(added, reused, repairs, categories)
