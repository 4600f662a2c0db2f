"""Export a whole study as a REFI-QDA project (``.qdpx``).

The archive holds ``project.qde`` (namespace ``urn:QDA-XML:project:1.0``) and
a lowercase ``sources/`` folder. In the project:

* ``Users``: one user per coder name found on codings, plus the app's user;
* ``CodeBook``: categories as non-codable parent codes, codes nested under them;
* ``Variables`` and ``Cases``: participants by **pseudonym only** (real names and
  contacts are never read), their attributes as text variables;
* each source's ``VariableValue`` s: the interview's date, mode and consent
  (see :mod:`codebook.refiqda.interview_vars`);
* ``Sources``: each interview with audio as an ``AudioSource`` (the audio in
  ``sources/<guid>.<ext>``) holding a ``Transcript`` whose text is
  ``sources/<guid>.txt`` (see :mod:`codebook.refiqda.layout` for the text and
  how positions are counted). ``SyncPoint`` s mark every segment's start and
  end (ms, position) and every coding boundary; each coding is a
  ``TranscriptSelection`` between two sync points. An interview without audio
  becomes a ``TextSource`` with ``PlainTextSelection`` s;
* ``Notes``: memos (study, interview, code, coding memos; participant memos
  are linked to their case with a ``Link``).

The XML is built with lxml, validated against the official ``Project.xsd``
before anything is written, and the file appears only when complete.
"""
from __future__ import annotations

import os
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from codebook.errors import StudyError
from codebook.pseudonymise import Replacer, Report
from codebook.refiqda import interview_vars as ivars
from codebook.refiqda import layout
from codebook.files import atomic_path
from codebook.refiqda.codebook_xml import code_guid, codes_element
from codebook.refiqda.xmlutil import PROJECT_NS, check_valid, guid_from, xml_datetime, xml_text

APP_USER = "Mosahebeh"
NS = PROJECT_NS


def _el(parent, tag: str, **attrs) -> etree._Element:
    return etree.SubElement(parent, f"{{{NS}}}{tag}", {k: v for k, v in attrs.items() if v is not None})


@dataclass
class ExportResult:
    path: Path
    counts: dict[str, int] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)
    replaced: Report | None = None

    def summary(self) -> str:
        parts = [f"Wrote {self.path}: " + ", ".join(f"{n} {k}" for k, n in self.counts.items()) + "."]
        parts += self.warnings
        if self.replaced is not None:
            parts.append(self.replaced.summary())
        return "\n".join(parts)


def export_qdpx(study, out: str | os.PathLike, *, include_audio: bool = True,
                pseudonymise: bool = False) -> ExportResult:
    """Write ``study`` to ``out`` as a ``.qdpx``. With ``pseudonymise``, the
    glossary's replacement list is applied to transcript text and memos (codings
    keep their place on the replaced text)."""
    out = Path(out)
    replacer = Replacer.for_study(study, pseudonymise)
    seed = study.guid
    result = ExportResult(out, replaced=replacer.report if pseudonymise else None)
    files: list[tuple[str, bytes | Path]] = []  # (name in zip, data or a file to copy)

    root = etree.Element(f"{{{NS}}}Project", nsmap={None: NS})
    root.set("name", xml_text(study.name))
    root.set("origin", "Mosahebeh 0.1")
    app_user = guid_from(seed, "user:" + APP_USER)
    root.set("creatingUserGUID", app_user)
    root.set("creationDateTime", xml_datetime(study.meta("created")))
    root.set("modifiedDateTime", xml_datetime())

    # Users: the app, and each coder named on a coding.
    codings = study.codings.list()
    users = {"": app_user}
    for c in codings:
        if c.coder and c.coder not in users:
            users[c.coder] = guid_from(seed, "user:" + c.coder)
    users_el = _el(root, "Users")
    _el(users_el, "User", guid=app_user, name=APP_USER)
    for name, guid in users.items():
        if name:
            _el(users_el, "User", guid=guid, name=xml_text(name))

    # Memos become notes; work out who refers to which first.
    memos = study.memos.list()
    note_guid = {m.id: study.record_guid("memo", m.id) for m in memos}
    code_notes: dict[int, list[str]] = {}
    interview_notes: dict[int, list[str]] = {}
    case_links: list[tuple[str, int]] = []
    project_notes: list[str] = []
    for m in memos:
        if m.target_kind == "code" and m.target_id is not None:
            code_notes.setdefault(m.target_id, []).append(note_guid[m.id])
        elif m.target_kind == "interview" and m.target_id is not None:
            interview_notes.setdefault(m.target_id, []).append(note_guid[m.id])
        elif m.target_kind == "participant" and m.target_id is not None:
            case_links.append((note_guid[m.id], m.target_id))
        else:
            project_notes.append(note_guid[m.id])

    codes = codes_element(study, NS, code_notes)
    if codes is not None:
        _el(root, "CodeBook").append(codes)
    code_names = {c.id: c.name for c in study.codes.list()}

    participants = study.participants.list()
    interviews = study.interviews.list()
    variables = {}
    interview_vars = {}
    if study.participants.attribute_names() or interviews:
        var_el = _el(root, "Variables")
        for name in study.participants.attribute_names():
            variables[name] = guid_from(seed, "variable:" + name)
            _el(var_el, "Variable", guid=variables[name], name=xml_text(name), typeOfVariable="Text")
        if interviews:
            interview_vars = ivars.declare(var_el, seed, interviews)

    source_guid = {iv.id: study.record_guid("interview", iv.id) for iv in interviews}
    case_guid = {p.id: study.record_guid("participant", p.id) for p in participants}
    pseudonyms = {p.id: p.pseudonym for p in participants}
    if participants:
        cases_el = _el(root, "Cases")
        for p in participants:
            case = _el(cases_el, "Case", guid=case_guid[p.id], name=xml_text(p.pseudonym))
            for name, value in p.attributes.items():
                vv = _el(case, "VariableValue")
                _el(vv, "VariableRef", targetGUID=variables[name])
                _el(vv, "TextValue").text = xml_text(value)
            for iv in interviews:
                if iv.participant_id == p.id:
                    _el(case, "SourceRef", targetGUID=source_guid[iv.id])

    coding_notes: dict[int, str] = {}
    if interviews:
        sources_el = _el(root, "Sources")
        for iv in interviews:
            src = _export_source(study, iv, sources_el, files, result, replacer, include_audio=include_audio,
                                 guid=source_guid[iv.id], pseudonym=pseudonyms.get(iv.participant_id),
                                 users=users, code_names=code_names, notes=interview_notes.get(iv.id, []),
                                 coding_notes=coding_notes)
            ivars.write_values(src, interview_vars, iv)

    if memos or coding_notes:
        notes_el = _el(root, "Notes")
        for m in memos:
            note = _el(notes_el, "Note", guid=note_guid[m.id], name=xml_text(replacer.text(m.title)) or None,
                       creatingUser=app_user, creationDateTime=xml_datetime(m.created),
                       modifiedDateTime=xml_datetime(m.updated))
            _el(note, "PlainTextContent").text = xml_text(replacer.text(m.text, "memos"))
        for coding in codings:
            if coding.id in coding_notes:
                note = _el(notes_el, "Note", guid=coding_notes[coding.id], name="coding memo",
                           creatingUser=users.get(coding.coder, app_user))
                _el(note, "PlainTextContent").text = xml_text(replacer.text(coding.memo, "memos"))
    links = [(g, pid) for g, pid in case_links if pid in case_guid]
    if links:
        links_el = _el(root, "Links")
        for g, pid in links:
            _el(links_el, "Link", guid=guid_from(g, "link"), name="memo", direction="OneWay",
                originGUID=g, targetGUID=case_guid[pid])
    for g in project_notes:
        _el(root, "NoteRef", targetGUID=g)

    check_valid(root, "project")
    result.counts = {"codes": len(code_names), "cases": len(participants), "sources": len(interviews),
                     "codings": result.counts.get("codings", 0), "notes": len(memos) + len(coding_notes)}
    xml = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
    _write_zip(out, xml, files)
    return result


def _export_source(study, iv, sources_el, files, result, replacer, *, include_audio, guid, pseudonym, users,
                   code_names, notes, coding_notes) -> etree._Element:
    segments = study.transcripts.segments(iv.id)
    place = study.interviews.label(iv)
    replaced = [replacer.apply(s.text, place) for s in segments]
    text, lines = layout.build(segments, pseudonym, [r.text for r in replaced])
    index = {s.id: i for i, s in enumerate(segments)}
    codings = [c for c in study.codings.list(interview_id=iv.id)
               if c.start_segment_id in index and c.end_segment_id in index]
    text_guid = study.record_guid("transcript", iv.id)
    audio = study.interviews.audio_file(iv.id) if iv.audio_path else None
    if audio is not None and not audio.is_file():
        result.warnings.append(f"The audio of {place} is missing ({iv.audio_path}); exported as text only.")
        audio = None
    if not include_audio:
        audio = None
    name = xml_text(place)

    def position(segment_id: int, offset: int, end: bool) -> int:
        i = index[segment_id]
        return lines[i].body_start + replaced[i].offset(offset, end=end)

    selections = []  # (coding, start position, end position)
    for c in codings:
        a, b = position(c.start_segment_id, c.start_offset, False), position(c.end_segment_id, c.end_offset, True)
        if b <= a:
            result.warnings.append(f"A coding of {code_names.get(c.code_id, '?')!r} in {place} covers no text "
                                   "(its text was deleted); it was left out.")
            continue
        selections.append((c, a, b))
    result.counts["codings"] = result.counts.get("codings", 0) + len(selections)

    def coding_el(parent, c):
        coding = _el(parent, "Coding", guid=guid_from(study.record_guid("coding", c.id), "coding"),
                     creatingUser=users.get(c.coder, users[""]), creationDateTime=xml_datetime(c.created))
        _el(coding, "CodeRef", targetGUID=code_guid(study, c.code_id))
        if c.memo:
            coding_notes[c.id] = guid_from(study.record_guid("coding", c.id), "memo")
            _el(coding, "NoteRef", targetGUID=coding_notes[c.id])

    files.append((f"sources/{text_guid}.txt", text.encode("utf-8")))
    common = dict(guid=guid, name=name, creatingUser=users[""], creationDateTime=xml_datetime(iv.created))
    if audio is None:
        src = _el(sources_el, "TextSource", **common, plainTextPath=f"internal://{text_guid}.txt")
        if iv.notes:
            _el(src, "Description").text = xml_text(replacer.text(iv.notes, place))
        for c, a, b in selections:
            sel = _el(src, "PlainTextSelection", guid=study.record_guid("coding", c.id),
                      name=xml_text(code_names.get(c.code_id, "")), startPosition=str(a), endPosition=str(b),
                      creatingUser=users.get(c.coder, users[""]), creationDateTime=xml_datetime(c.created))
            coding_el(sel, c)
        for g in notes:
            _el(src, "NoteRef", targetGUID=g)
        return src

    ext = audio.suffix.lower() or ".wav"
    files.append((f"sources/{guid}{ext}", audio))
    src = _el(sources_el, "AudioSource", **common, path=f"internal://{guid}{ext}")
    if iv.notes:
        _el(src, "Description").text = xml_text(replacer.text(iv.notes, place))
    tr = _el(src, "Transcript", guid=text_guid, name=name, plainTextPath=f"internal://{text_guid}.txt",
             creatingUser=users[""])
    points: dict[int, int] = {}
    for seg, ln in zip(segments, lines):
        points.setdefault(ln.start, seg.start_ms)
        points.setdefault(ln.end, seg.end_ms)
    by_id = {s.id: s for s in segments}
    for c, a, b in selections:
        points.setdefault(a, layout.time_at(by_id[c.start_segment_id], c.start_offset))
        points.setdefault(b, layout.time_at(by_id[c.end_segment_id], c.end_offset))
    sync_guid = {pos: guid_from(text_guid, f"sync:{pos}") for pos in points}
    for pos in sorted(points):
        _el(tr, "SyncPoint", guid=sync_guid[pos], timeStamp=str(max(0, points[pos])), position=str(pos))
    for c, a, b in selections:
        sel = _el(tr, "TranscriptSelection", guid=study.record_guid("coding", c.id),
                  name=xml_text(code_names.get(c.code_id, "")), fromSyncPoint=sync_guid[a], toSyncPoint=sync_guid[b],
                  creatingUser=users.get(c.coder, users[""]), creationDateTime=xml_datetime(c.created))
        coding_el(sel, c)
    for g in notes:
        _el(src, "NoteRef", targetGUID=g)
    return src


def _write_zip(out: Path, xml: bytes, files: list[tuple[str, bytes | Path]]) -> None:
    with atomic_path(out) as tmp:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as z:
            z.writestr("project.qde", xml)
            for name, data in files:
                if isinstance(data, Path):
                    try:
                        z.write(data, name, compress_type=zipfile.ZIP_STORED)
                    except OSError as exc:
                        raise StudyError(f"Cannot read the audio file {data}: {exc.strerror or exc}.") from exc
                else:
                    z.writestr(name, data)
