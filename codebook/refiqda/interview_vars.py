"""An interview's date, mode and consent as REFI-QDA source variables.

The export declares three project ``<Variable>`` s and gives each interview's
source (``AudioSource`` or ``TextSource``) a ``<VariableValue>`` for each it
has:

==================  ===========  ==============================================
name                type         value
==================  ===========  ==============================================
``Interview date``  ``Date``     the ISO date (``2021-05-03``) as ``DateValue``
``Interview mode``  ``Text``     ``whatsapp``, ``phone``… as ``TextValue``
``Consent``         ``Boolean``  ``true``/``false`` as ``BooleanValue``
``Interview status`` ``Text``    ``planned``, ``recorded``… ``coded``
``Checked segments`` ``Text``    line numbers from 1 as ranges (``1-12,15``),
                                 written only when some segment is checked
==================  ===========  ==============================================

A study whose dates are not all plain calendar dates (``YYYY-MM-DD``, which is
what the app stores) declares ``Interview date`` as ``Text`` instead, so that
every value still validates and nothing is lost.

The import reads back exactly these names with these types (``Interview
date`` also as ``Text``); any other value on a source is counted as not
imported by the caller.
"""
from __future__ import annotations

import re
from datetime import date

from lxml import etree

from codebook.models import STATUSES
from codebook.refiqda.extras import parse_ranges
from codebook.refiqda.xmlutil import PROJECT_NS, guid_from, xml_text

DATE, MODE, CONSENT = "Interview date", "Interview mode", "Consent"
STATUS, CHECKED = "Interview status", "Checked segments"
# (name, typeOfVariable) -> the Interview field it fills ("checked" is the list of checked line numbers).
ACCEPTED = {(DATE, "Date"): "date", (DATE, "Text"): "date", (MODE, "Text"): "mode", (CONSENT, "Boolean"): "consent",
            (STATUS, "Text"): "status", (CHECKED, "Text"): "checked"}
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_VALUE_TAG = {"Text": "TextValue", "Boolean": "BooleanValue", "Date": "DateValue"}


def _el(parent, tag: str, **attrs) -> etree._Element:
    return etree.SubElement(parent, f"{{{PROJECT_NS}}}{tag}", attrs)


def calendar_date(text: str | None) -> str | None:
    """``text`` if it is a valid ``YYYY-MM-DD`` date (an xsd:date), else None."""
    if not text or not _ISO_DATE.match(text):
        return None
    try:
        return date.fromisoformat(text).isoformat()
    except ValueError:
        return None


def declare(variables_el, seed: str, interviews) -> dict[str, tuple[str, str]]:
    """Add the three ``<Variable>`` s to ``variables_el``; ``{name: (guid, type)}``.

    GUIDs derive from the study's so that repeated exports agree, in their own
    name space so that a participant attribute of the same name stays apart."""
    dates = [iv.date for iv in interviews if iv.date]
    date_type = "Date" if all(calendar_date(d) for d in dates) else "Text"
    declared = {}
    for name, kind in ((DATE, date_type), (MODE, "Text"), (CONSENT, "Boolean"), (STATUS, "Text"), (CHECKED, "Text")):
        guid = guid_from(seed, "interview-variable:" + name)
        _el(variables_el, "Variable", guid=guid, name=name, typeOfVariable=kind)
        declared[name] = (guid, kind)
    return declared


def write_values(source_el, declared: dict[str, tuple[str, str]], iv, checked: str = "") -> None:
    """Append the interview's values to its source element (they come last in
    every source type of ``Project.xsd``). An empty date, mode or checked list
    is left out; consent and status are always written."""
    values = {DATE: iv.date or "", MODE: (iv.mode or "").strip(), CONSENT: "true" if iv.consent else "false",
              STATUS: iv.status, CHECKED: checked}
    for name, (guid, kind) in declared.items():
        if not values[name]:
            continue
        vv = _el(source_el, "VariableValue")
        _el(vv, "VariableRef", targetGUID=guid)
        _el(vv, _VALUE_TAG[kind]).text = xml_text(values[name])


def read_values(value_els, variables: dict[str, tuple[str, str]], norm_guid) -> tuple[dict, int]:
    """The interview fields found in a source's ``<VariableValue>`` elements
    (``{"date": ..., "mode": ..., "consent": ...}``, only those present) and
    how many values were left out: other variables, other types, values that
    do not parse, and repeats of a variable already read."""
    found: dict = {}
    skipped = 0
    for vv in value_els:
        ref = next((c for c in vv if etree.QName(c).localname == "VariableRef"), None)
        var = variables.get(norm_guid(ref.get("targetGUID") or "")) if ref is not None else None
        field = ACCEPTED.get(var) if var is not None else None
        value = _value(vv, var[1]) if field and var is not None else None
        if field == "status" and value not in STATUSES:
            value = None
        elif field == "checked" and value is not None:
            value = parse_ranges(value)
        if field is None or value is None or field in found:
            skipped += 1
            continue
        found[field] = value
    return found, skipped


def _value(vv, kind: str):
    """The value of ``vv`` as the store keeps it, or None when it has no value of ``kind``."""
    el = next((c for c in vv if etree.QName(c).localname == _VALUE_TAG[kind]), None)
    if el is None:
        return None
    text = (el.text or "").strip()
    if kind == "Boolean":
        return {"true": True, "1": True, "false": False, "0": False}.get(text)
    if kind == "Date":
        # xsd:date may carry a time zone (2021-05-03Z, 2021-05-03+03:30): the day is what counts.
        return calendar_date(text[:10])
    return text or None
