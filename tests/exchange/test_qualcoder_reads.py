"""What QualCoder's importer (ccbogel/QualCoder, src/qualcoder/refi.py, read at
c320464) needs of a .qdpx, checked on our export of the demo: each check names
what QualCoder does with the field, so that a change that would make it stop
or lose data fails here. (Its code was run against our export once, outside
this repository; it is not copied here.)"""
from __future__ import annotations

import posixpath
import zipfile
from collections import Counter

from lxml import etree

from codebook import Study
from codebook.refiqda import export_qdpx

P = "{urn:QDA-XML:project:1.0}"


def _local(el) -> str:
    return etree.QName(el).localname


def check_for_qualcoder(qdpx) -> list[str]:
    problems = []
    with zipfile.ZipFile(qdpx) as z:
        names = set(z.namelist())
        modes = {i.filename: (i.external_attr >> 16) & 0o777 for i in z.infolist()}
        root = etree.fromstring(z.read("project.qde"))
    if any(m != 0o644 for m in modes.values()):
        problems.append(f"entries not 0644: {[n for n, m in modes.items() if m != 0o644]}")
    if not root.get("origin"):
        problems.append("Project has no origin (it tests 'ATLAS' in it)")
    users = {u.get("guid") for u in root.iter(f"{P}User")}
    dated = ("TextSource", "AudioSource", "VideoSource", "Transcript", "Note", "PlainTextSelection")
    for el in root.iter(*(P + t for t in dated)):
        if not (el.get("creationDateTime") or el.get("modifiedDateTime")):
            problems.append(f"<{_local(el)} {el.get('name')!r}> has no date (it calls .replace on it)")
        if el.get("creatingUser") not in users:
            problems.append(f"<{_local(el)} {el.get('name')!r}> has no creatingUser among the users")
    for el in root.iter(f"{P}TranscriptSelection", f"{P}PlainTextSelection", f"{P}Coding"):
        if el.get("creatingUser") not in users:
            problems.append(f"<{_local(el)}> has no creatingUser among the users")
    for src in root.iter(f"{P}AudioSource", f"{P}VideoSource"):
        suffix = posixpath.splitext(src.get("path", ""))[1]
        if not suffix or not src.get("name", "").endswith(suffix):
            problems.append(f"{src.get('name')!r} does not end with its file's extension {suffix!r} "
                            "(it types media by the name's extension)")
    for el in root.iter(f"{P}TextSource", f"{P}Transcript", f"{P}Note", f"{P}AudioSource"):
        for attr in ("plainTextPath", "path"):
            path = el.get(attr)
            if path is not None and ("sources/" + path.removeprefix("internal://")) not in names:
                problems.append(f"{attr} {path} is not in sources/")
    for tr in root.iter(f"{P}Transcript"):
        if not tr.get("name") or not (tr.get("plainTextPath") or "").startswith("internal://"):
            problems.append("a Transcript without a name or an internal plainTextPath (it copies the file by name)")
        syncs = {sp.get("guid"): sp for sp in tr.iter(f"{P}SyncPoint")}
        spans = Counter()
        for sel in tr.iter(f"{P}TranscriptSelection"):
            for end in ("fromSyncPoint", "toSyncPoint"):
                if syncs[sel.get(end)].get("position") is None:
                    problems.append("a selection's sync point has no position (it int()s it)")
            for coding in sel.iter(f"{P}Coding"):
                spans[(coding[0].get("targetGUID"), syncs[sel.get("fromSyncPoint")].get("position"),
                       syncs[sel.get("toSyncPoint")].get("position"))] += 1
        if any(n > 1 for n in spans.values()):
            problems.append("one transcript holds a code twice on one span (its owner is the transcript's: "
                            "a UNIQUE constraint stops the import)")
    for coding in root.iter(f"{P}Coding"):
        if not len(coding) or _local(coding[0]) != "CodeRef":
            problems.append("a Coding whose first child is not its CodeRef")
    notes = list(root.iter(f"{P}Note"))
    counts = Counter(n.get("name") for n in notes)
    if any(not n.get("name") or not n.get("plainTextPath") for n in notes):
        problems.append("a Note without a name or a text file (it reads journals only from named files)")
    if any(c > 1 for c in counts.values()):
        problems.append(f"two notes share a name (its randint(100-999) fails): {[k for k, c in counts.items() if c > 1]}")
    for src in root.iter(f"{P}TextSource"):
        if src.find(f"{P}NoteRef") is not None:
            problems.append("a TextSource NoteRef (it takes it for an annotation and drops the note)")
    variables = Counter(v.get("name") for v in root.iter(f"{P}Variable"))
    if any(c > 1 for c in variables.values()):
        problems.append("two variables share a name (attribute_type's primary key)")
    return problems


def test_demo_export_passes_qualcoders_checks(demo_path, tmp_path):
    with Study.open(demo_path) as demo:
        # the demo has a second coder who coded some spans exactly as the first did
        rows = demo.db.execute("SELECT code_id, start_segment_id, start_offset, end_segment_id, end_offset, "
                               "COUNT(DISTINCT coder) FROM codings GROUP BY 1, 2, 3, 4, 5 HAVING COUNT(*) > 1")
        assert rows.fetchall()
        for audio in (True, False):
            out = tmp_path / f"demo-{audio}.qdpx"
            export_qdpx(demo, out, include_audio=audio)
            assert check_for_qualcoder(out) == []


def test_each_coder_is_a_user_and_the_creator_of_their_codings(demo_path, tmp_path):
    out = tmp_path / "demo.qdpx"
    with Study.open(demo_path) as demo:
        coders = Counter(c.coder for c in demo.codings.list())
        export_qdpx(demo, out)
    with zipfile.ZipFile(out) as z:
        root = etree.fromstring(z.read("project.qde"))
    users = {u.get("guid"): u.get("name") for u in root.iter(f"{P}User")}
    written = Counter(users[c.get("creatingUser")] for c in root.iter(f"{P}Coding"))
    assert written == Counter({(name or "Mosahebeh"): n for name, n in coders.items()})
    assert len([n for n in coders if n]) >= 2
