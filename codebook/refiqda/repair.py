"""Checking a project (or codebook) from another tool: strict about what
matters, tolerant of what producers are known to get wrong.

Validation against the official schema comes first. When it fails, the
known harmless faults are repaired on the parsed tree and it is validated
again: only if it then passes is it imported, and every repair is listed in
the result ("1 empty Sets element"). Known faults:

* an empty optional container (``<Sets/>``, ``<Notes/>``, …), which the
  schema rejects (Taguette writes ``<Sets/>``);

and, after validation, in the references between elements:

* a user reference (``creatingUser``, ``creatingUserGUID``, …) to no user
  (QualCoder always writes a fresh GUID there): ignored;
* a GUID used twice when one of the two lies in a part that is not imported
  (ATLAS.ti gives a PDF selection and its text twin one GUID): the imported
  one is kept;
* any reference inside a part that is not imported is not followed.

Anything else (a GUID used twice among imported elements, a code, sync point
or note reference to nothing) refuses the file.
"""
from __future__ import annotations

from collections import Counter

from lxml import etree

from codebook.errors import StudyError
from codebook.refiqda.xmlutil import norm_guid, schema_errors
from codebook.worded import WordedText

# Containers the schemas allow to be absent but not empty.
OPTIONAL_CONTAINERS = ("Users", "Variables", "Cases", "Sources", "Notes", "Links", "Sets", "Graphs", "Codes",
                       "CodeBook")
# Parts of a project that are never imported (their references are not followed).
SKIPPED_PARTS = ("PDFSource", "PictureSource", "Sets", "Graphs", "AudioSelection", "VideoSelection")
USER_REFS = ("creatingUser", "modifyingUser", "creatingUserGUID", "modifyingUserGUID")
OTHER_REFS = ("targetGUID", "fromSyncPoint", "toSyncPoint", "originGUID")


def _tag(el) -> str:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def validate(root, name: str) -> list[str]:
    """Validate ``root``; repair known faults if that makes it valid. Returns
    the repairs made; raises :class:`StudyError` when the file stays invalid."""
    errors = schema_errors(root)
    if not errors:
        return []
    removed: Counter = Counter()
    changed = True
    while changed:
        changed = False
        for el in list(root.iter()):
            if (_tag(el) in OPTIONAL_CONTAINERS and el is not root and len(el) == 0
                    and not (el.text or "").strip() and not el.attrib):
                parent = el.getparent()
                if parent is not None:
                    parent.remove(el)
                    removed[_tag(el)] += 1
                    changed = True
    if removed and not schema_errors(root):
        return [WordedText("1 empty {tag} element", tag=tag) if n == 1 else
                WordedText("{count} empty {tag} elements", count=n, tag=tag) for tag, n in removed.items()]
    raise StudyError("{name} does not follow the REFI-QDA schema ({items}). Nothing was imported.", name=name, items='; '.join(errors[:3]))


def _walk(el, skipped: bool = False):
    """Every element with whether it lies in a part that is not imported."""
    for child in el:
        if isinstance(child.tag, str):
            inside = skipped or _tag(child) in SKIPPED_PARTS
            yield child, inside
            yield from _walk(child, inside)


def check_references(root, name: str) -> tuple[dict[str, etree._Element], list[str]]:
    """Index the GUIDs of ``root`` and check every reference; returns
    ({guid: element}, repairs)."""
    index: dict[str, etree._Element] = {}
    in_skipped: dict[str, bool] = {}
    twins = 0
    elements = [(root, False)] + list(_walk(root))
    for el, skipped in elements:
        g = el.get("guid")
        if not g:
            continue
        key = norm_guid(g)
        if key in index:
            if skipped or in_skipped[key]:
                twins += 1
                if in_skipped[key] and not skipped:
                    index[key], in_skipped[key] = el, False
                continue
            raise StudyError("{name}: the GUID {g} is used twice (<{tag}> and <{tag2}>). Nothing was imported.", name=name, g=g, tag=_tag(index[key]), tag2=_tag(el))
        index[key], in_skipped[key] = el, skipped
    users = {k for k, el in index.items() if _tag(el) == "User"}
    dangling_users = 0
    for el, skipped in elements:
        if not el.attrib:
            continue
        for attr in USER_REFS:
            g = el.get(attr)
            if g and norm_guid(g) not in users:
                dangling_users += 1
        if skipped:
            continue
        for attr in OTHER_REFS:
            g = el.get(attr)
            if g and norm_guid(g) not in index:
                raise StudyError('{name}: <{tag} {attr}="{g}"> points to nothing in the project. Nothing was imported.', name=name, tag=_tag(el), attr=attr, g=g)
    repairs = []
    if twins:
        repairs.append(WordedText("1 GUID used twice, once in a part not imported (that part ignored)") if twins == 1
                       else WordedText("{count} GUIDs used twice, once in a part not imported (that part ignored)",
                                       count=twins))
    if dangling_users:
        repairs.append(WordedText("1 reference to a user not listed in the project (ignored)") if dangling_users == 1
                       else WordedText("{count} references to a user not listed in the project (ignored)",
                                       count=dangling_users))
    return index, repairs  # type: ignore[return-value]  # worded repairs read as text where they are shown
