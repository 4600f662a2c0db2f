"""XML plumbing shared by the REFI-QDA reader and writer: namespaces, a safe
parser, validation against the official schemas (a copy ships in ``schemas/``),
and GUID helpers."""
from __future__ import annotations

import functools
import re
import uuid
from datetime import UTC, datetime
from pathlib import Path

from lxml import etree

from codebook.errors import StudyError

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"
SCHEMA_DIR = Path(__file__).with_name("schemas")
_SCHEMAS = {PROJECT_NS: "Project.xsd", CODEBOOK_NS: "Codebook.xsd"}
_GUID = re.compile(r"^\{?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\}?$")
# The largest project.qde (or .qdc) we agree to parse.
MAX_XML_BYTES = 256 * 1024 * 1024


@functools.cache
def schema(namespace: str) -> etree.XMLSchema:
    """The compiled official schema for a QDA-XML namespace."""
    return etree.XMLSchema(etree.parse(str(SCHEMA_DIR / _SCHEMAS[namespace])))


def schema_errors(root: etree._Element) -> list[str]:
    """What makes ``root`` invalid against its REFI-QDA schema (empty when valid)."""
    namespace = etree.QName(root).namespace
    if namespace not in _SCHEMAS:
        return [f"the root element is {etree.QName(root).localname!r} in namespace {namespace!r}, "
                "not a REFI-QDA project or codebook"]
    sch = schema(namespace)
    if sch.validate(root):
        return []
    return [f"line {e.line}: {e.message}" for e in sch.error_log][:20]


def check_valid(root: etree._Element, what: str) -> None:
    """Raise :class:`StudyError` unless ``root`` validates (called before anything is written)."""
    errors = schema_errors(root)
    if errors:
        raise StudyError(f"The {what} does not validate against the REFI-QDA schema, so it was not written: "
                         + "; ".join(errors[:3]))


def parse(data: bytes, what: str) -> etree._Element:
    """Parse untrusted XML: no DTDs, no entities, no network; clear errors."""
    if len(data) > MAX_XML_BYTES:
        raise StudyError(f"The {what} is too large to read ({len(data) // 2**20} MB).")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False,
                             remove_comments=True, remove_pis=True)
    try:
        tree = etree.fromstring(data, parser).getroottree()
    except etree.XMLSyntaxError as exc:
        raise StudyError(f"The {what} is not well-formed XML ({exc}). Nothing was imported.") from exc
    if tree.docinfo.internalDTD is not None or tree.docinfo.doctype:
        raise StudyError(f"The {what} declares a DTD, which REFI-QDA files never do; it was not read.")
    return tree.getroot()


def is_guid(text: str | None) -> bool:
    return bool(text) and bool(_GUID.match(text or ""))


def norm_guid(text: str) -> str:
    """GUIDs compare case-insensitively and with or without braces."""
    return text.strip().strip("{}").lower()


def guid_from(seed: str, name: str) -> str:
    """A GUID derived from another (a study's) and a name: stable across exports."""
    return str(uuid.uuid5(uuid.UUID(seed), name))


@functools.lru_cache(maxsize=4096)
def cached_xml_datetime(text: str) -> str:
    """:func:`xml_datetime` of a stored timestamp, remembered (an export repeats few of them)."""
    return xml_datetime(text)


def xml_datetime(text: str | None = None) -> str:
    """An xsd:dateTime: ``text`` (ISO 8601, as the store keeps it) or now, in UTC."""
    if text:
        try:
            when = datetime.fromisoformat(text)
        except ValueError:
            when = datetime.now(UTC)
    else:
        when = datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return when.astimezone(UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def xml_text(text: str) -> str:
    """Text with the characters XML 1.0 cannot hold removed (control characters)."""
    return "".join(ch for ch in text if ch in "\t\n\r" or (ord(ch) >= 0x20 and ch not in "\ufffe\uffff"
                                                          and not 0xD800 <= ord(ch) <= 0xDFFF))
