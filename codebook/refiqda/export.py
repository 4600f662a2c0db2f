"""Export a whole study as a REFI-QDA project (``.qdpx``).

The archive holds ``project.qde`` (namespace ``urn:QDA-XML:project:1.0``) and
a lowercase ``sources/`` folder, every entry with mode 0644. In the project:

* ``Users``: the app's user and one user per coder; each coding's (and its
  selection's) ``creatingUser`` is its coder (no coder: the app's user);
* ``CodeBook``: categories as non-codable parent codes, codes nested under them;
* ``Variables`` and ``Cases``: participants by **pseudonym only** (real names and
  contacts are never read), their attributes and referrer as text variables,
  their notes as the case's ``Description``;
* each source's ``VariableValue`` s: the interview's date, mode, consent,
  status and checked segments (:mod:`codebook.refiqda.interview_vars`);
* ``Sources``: each interview with audio as an ``AudioSource`` named after its
  file (``<label>.<ext>``, the audio in ``sources/<guid>.<ext>``) holding a
  ``Transcript`` (``<label>.<ext>.txt``) whose text is ``sources/<guid>.txt``
  (:mod:`codebook.refiqda.layout`). ``SyncPoint`` s mark every segment's
  start and end and every coding boundary; each coding is a
  ``TranscriptSelection`` between two sync points. An interview without audio
  becomes a ``TextSource`` with ``PlainTextSelection`` s. A coding's memo is
  its selection's ``Description``. Every source and transcript carries
  ``creatingUser``, ``creationDateTime`` and ``modifiedDateTime``;
* ``Notes``: memos, the guide, the glossary and bookmarks
  (:mod:`codebook.refiqda.extras`), each written as a text file in
  ``sources/`` (QualCoder reads notes only from files).

The XML is built with lxml, validated against the official ``Project.xsd``
before anything is written, and the file appears only when complete.
"""
from __future__ import annotations

import bisect
import os
import uuid
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from codebook.models import Segment, words_from_json
from codebook.pseudonymise import Replacer, Report
from codebook.refiqda import extras, layout
from codebook.refiqda import interview_vars as ivars
from codebook.refiqda.archive import write_zip
from codebook.refiqda.codebook_xml import codes_element
from codebook.refiqda.xmlutil import PROJECT_NS, cached_xml_datetime, check_valid, guid_from, xml_datetime, xml_text
from codebook.worded import WordedText

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


class _Guids:
    """``Study.record_guid`` without a query per record (the study GUID read once)."""

    def __init__(self, study):
        self.seed = uuid.UUID(study.guid)

    def __call__(self, kind: str, record_id: int) -> str:
        return str(uuid.uuid5(self.seed, f"{kind}:{record_id}"))


class _Exporter:
    def __init__(self, study, out: Path, include_audio: bool, pseudonymise: bool):
        self.study, self.out, self.include_audio = study, out, include_audio
        self.pseudonymise = pseudonymise
        self.replacer = Replacer.for_study(study, pseudonymise)
        self.guid = _Guids(study)
        self.seed = study.guid
        self.result = ExportResult(out, replaced=self.replacer.report if pseudonymise else None)
        self.files: list[tuple[str, bytes | Path]] = []
        self.notes: list[tuple[str, str, str, str, str, str]] = []  # guid, name, text, user, created, modified
        self.now = xml_datetime()
        self.app_user = guid_from(self.seed, "user:" + APP_USER)
        self.source_links: list[tuple[str, str]] = []

    def note(self, guid: str, name: str, text: str, *, user: str | None = None, created=None, modified=None) -> str:
        self.notes.append((guid, name, text, user or self.app_user, xml_datetime(created) if created else self.now,
                           xml_datetime(modified) if modified else self.now))
        return guid

    def user(self, coder: str) -> str:
        return self.users.get(coder or "", self.app_user)

    # -- the project ----------------------------------------------------------------

    def run(self) -> ExportResult:
        study, db = self.study, self.study.db
        root = etree.Element(f"{{{NS}}}Project", nsmap={None: NS})
        root.set("name", xml_text(self.replacer.text(study.name, "study name")))
        root.set("origin", "Mosahebeh 0.1")
        root.set("creatingUserGUID", self.app_user)
        root.set("creationDateTime", xml_datetime(study.meta("created")))
        root.set("modifiedDateTime", self.now)

        coders = [r[0] for r in db.execute("SELECT DISTINCT coder FROM codings WHERE coder != '' ORDER BY coder")]
        self.users = {"": self.app_user, **{c: guid_from(self.seed, "user:" + c) for c in coders}}
        users_el = _el(root, "Users")
        _el(users_el, "User", guid=self.app_user, name=APP_USER)
        for name in coders:
            _el(users_el, "User", guid=self.users[name], name=xml_text(name))

        memos = study.memos.list()
        code_notes: dict[int, list[str]] = {}
        self.interview_notes: dict[int, list[str]] = {}
        case_links: list[tuple[str, int]] = []
        project_notes: list[str] = []
        for m in memos:
            g = self.note(self.guid("memo", m.id), self.replacer.text(m.title, "memos") or extras.UNTITLED,
                          self.replacer.text(m.text, "memos"),
                          created=m.created, modified=m.updated)
            if m.target_kind == "code" and m.target_id is not None:
                code_notes.setdefault(m.target_id, []).append(g)
            elif m.target_kind == "interview" and m.target_id is not None:
                self.interview_notes.setdefault(m.target_id, []).append(g)
            elif m.target_kind == "participant" and m.target_id is not None:
                case_links.append((g, m.target_id))
            else:
                project_notes.append(g)
        guide = study.guide.list()
        if guide:
            project_notes.append(self.note(guid_from(self.seed, "note:guide"), extras.GUIDE_NOTE,
                                           self.replacer.text(extras.guide_text(guide), "interview guide")))
        glossary = study.glossary.list()
        if glossary and not self.pseudonymise:  # the list of real names stays home when pseudonymising
            project_notes.append(self.note(guid_from(self.seed, "note:glossary"), extras.GLOSSARY_NOTE,
                                           extras.glossary_text(glossary)))

        codes = codes_element(study, NS, code_notes, text=lambda t: self.replacer.text(t, "codes"))
        if codes is not None:
            _el(root, "CodeBook").append(codes)
        self.code_names = {r[0]: r[1] for r in db.execute("SELECT id, name FROM codes")}
        self.code_guid = {cid: self.guid("code", cid) for cid in self.code_names}
        self.code_label = {cid: xml_text(self.replacer.text(n)) for cid, n in self.code_names.items()}

        participants = study.participants.list()
        interviews = study.interviews.list()
        names = {p.id: p.pseudonym for p in participants}
        variables = {}
        declared = {}
        attribute_names = study.participants.attribute_names()
        referred = any(p.referred_by in names for p in participants)
        if attribute_names or interviews or referred:
            var_el = _el(root, "Variables")
            for name in attribute_names + ([extras.REFERRED_BY] if referred else []):
                variables[name] = guid_from(self.seed, "variable:" + name)
                _el(var_el, "Variable", guid=variables[name], name=xml_text(name), typeOfVariable="Text")
            if interviews:
                declared = ivars.declare(var_el, self.seed, interviews)

        source_guid = {iv.id: self.guid("interview", iv.id) for iv in interviews}
        case_guid = {p.id: self.guid("participant", p.id) for p in participants}
        if participants:
            cases_el = _el(root, "Cases")
            for p in participants:
                case = _el(cases_el, "Case", guid=case_guid[p.id], name=xml_text(p.pseudonym))
                if p.notes:
                    _el(case, "Description").text = xml_text(self.replacer.text(p.notes, "participant notes"))
                values = dict(p.attributes)
                if p.referred_by in names:
                    values[extras.REFERRED_BY] = names[p.referred_by]
                for name, value in values.items():
                    vv = _el(case, "VariableValue")
                    _el(vv, "VariableRef", targetGUID=variables[name])
                    _el(vv, "TextValue").text = xml_text(self.replacer.text(value, "participant attributes"))
                for iv in interviews:
                    if iv.participant_id == p.id:
                        _el(case, "SourceRef", targetGUID=source_guid[iv.id])

        self.result.counts["codings"] = 0
        if interviews:
            self.codings = self.all_codings()
            sources_el = _el(root, "Sources")
            for iv in interviews:
                label = self.replacer.text(iv.title, "interview titles") or names.get(iv.participant_id) or f"#{iv.id}"
                self.source(iv, sources_el, declared, guid=source_guid[iv.id], label=label,
                            pseudonym=names.get(iv.participant_id))

        if self.notes:
            notes_el = _el(root, "Notes")
            used: dict[str, int] = {}
            for guid, name, text, user, created, modified in self.notes:
                # QualCoder makes every named note a journal and stops on a second journal of one name:
                # names are made unique, and the real one kept in the note's Description
                name = xml_text(name)
                used[name] = n = used.get(name, 0) + 1
                unique = name if n == 1 else f"{name} ({n})"
                while n > 1 and unique in used:
                    n += 1
                    unique = f"{name} ({n})"
                used.setdefault(unique, 1)
                note = _el(notes_el, "Note", guid=guid, name=unique, plainTextPath=f"internal://{guid}.txt",
                           creatingUser=user, creationDateTime=created, modifiedDateTime=modified)
                if unique != name:
                    _el(note, "Description").text = "" if name == extras.UNTITLED else name
                self.files.append((f"sources/{guid}.txt", xml_text(text).encode("utf-8")))
        links = [(g, case_guid[pid]) for g, pid in case_links if pid in case_guid] + self.source_links
        if links:
            links_el = _el(root, "Links")
            for g, target in links:
                _el(links_el, "Link", guid=guid_from(g, "link"), name="memo", direction="OneWay",
                    originGUID=g, targetGUID=target)
        for g in project_notes:
            _el(root, "NoteRef", targetGUID=g)

        check_valid(root, WordedText("project"))
        kinds = [c.kind for c in self.study.codes.list()]
        self.result.counts = {"categories": kinds.count("category"), "codes": kinds.count("code"),
                              "cases": len(participants), "sources": len(interviews),
                              "codings": self.result.counts["codings"], "notes": len(self.notes)}
        xml = etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True)
        write_zip(self.out, [("project.qde", xml)] + self.files)
        return self.result

    def all_codings(self) -> dict[int, list[tuple]]:
        out: dict[int, list[tuple]] = {}
        for row in self.study.db.execute(
                "SELECT id, interview_id, code_id, start_segment_id, start_offset, end_segment_id, end_offset, memo, "
                "coder, created FROM codings ORDER BY interview_id, id"):
            out.setdefault(row[1], []).append(row)
        return out

    # -- one interview --------------------------------------------------------------

    def source(self, iv, sources_el, declared, *, guid: str, label: str, pseudonym: str | None) -> None:
        study = self.study
        rows = study.db.execute("SELECT id, start_ms, end_ms, speaker, text, checked FROM segments "
                                "WHERE interview_id = ? ORDER BY start_ms, id", [iv.id]).fetchall()
        segments = [Segment(r[0], iv.id, r[1], r[2], self.replacer.text(r[3], label), r[4], (), bool(r[5]), "")
                    for r in rows]
        replaced = [self.replacer.apply(s.text, label) for s in segments]
        text, lines = layout.build(segments, pseudonym, [r.text for r in replaced])
        index = {s.id: i for i, s in enumerate(segments)}
        checked = extras.ranges([i + 1 for i, s in enumerate(segments) if s.checked])
        text_guid = self.guid("transcript", iv.id)
        audio = study.folder / iv.audio_path if iv.audio_path else None
        if audio is not None and audio.is_symlink():  # a link is never followed: the file it names is not ours
            self.result.warnings.append(f"The audio of {label} is a link to a file elsewhere ({iv.audio_path}); "
                                        "exported as text only.")
            audio = None
        if audio is not None and not audio.is_file():
            self.result.warnings.append(f"The audio of {label} is missing ({iv.audio_path}); exported as text only.")
            audio = None
        if not self.include_audio:
            audio = None

        def position(segment_id: int, offset: int, end: bool) -> int:
            i = index[segment_id]
            return lines[i].body_start + replaced[i].offset(offset, end=end)

        selections = []  # (coding row, start position, end position)
        for c in self.codings.get(iv.id, []):
            if c[3] not in index or c[5] not in index:
                continue
            a, b = position(c[3], c[4], False), position(c[5], c[6], True)
            if b <= a:
                self.result.warnings.append(f"A coding of {self.code_label.get(c[2], '?')!r} in {label} covers no "
                                            "text (its text was deleted); it was left out.")
                continue
            selections.append((c, a, b))
        self.result.counts["codings"] += len(selections)
        marks = study.marks.list(iv.id)

        def selection(parent, tag: str, c, **where):
            when = cached_xml_datetime(c[9]) if c[9] else self.now
            g = self.guid("coding", c[0])
            sel = _el(parent, tag, guid=g, name=self.code_label[c[2]],
                      **where, creatingUser=self.user(c[8]), creationDateTime=when)
            if c[7]:
                _el(sel, "Description").text = xml_text(self.replacer.text(c[7], "memos"))
            _el(_el(sel, "Coding", guid=guid_from(g, "coding"), creatingUser=self.user(c[8]),
                    creationDateTime=when), "CodeRef", targetGUID=self.code_guid[c[2]])

        self.files.append((f"sources/{text_guid}.txt", text.encode("utf-8")))
        name = xml_text(label)
        common = dict(creatingUser=self.app_user, creationDateTime=xml_datetime(iv.created), modifiedDateTime=self.now)
        notes = list(self.interview_notes.get(iv.id, []))
        if audio is None:
            src = _el(sources_el, "TextSource", guid=guid, name=name, plainTextPath=f"internal://{text_guid}.txt",
                      **common)
            if iv.notes:
                _el(src, "Description").text = xml_text(self.replacer.text(iv.notes, label))
            for c, a, b in selections:
                selection(src, "PlainTextSelection", c, startPosition=str(a), endPosition=str(b))
            for m in marks:
                notes.append(self.note(self.guid("mark", m.id), extras.mark_name_at(m.kind, m.at_ms),
                                       self.replacer.text(m.label, label), created=m.created))
        else:
            ext = audio.suffix.lower() or ".wav"
            self.files.append((f"sources/{guid}{ext}", audio))
            src = _el(sources_el, "AudioSource", guid=guid, name=f"{name}{ext}", path=f"internal://{guid}{ext}",
                      **common)
            if iv.notes:
                _el(src, "Description").text = xml_text(self.replacer.text(iv.notes, label))
            tr = _el(src, "Transcript", guid=text_guid, name=f"{name}{ext}.txt",
                     plainTextPath=f"internal://{text_guid}.txt", **common)
            # QualCoder keeps one coding per code and span in a transcript (its owner is the transcript's
            # user): a second coder's coding of the very same span goes into a further transcript on the
            # same text, which QualCoder skips and Mosahebeh reads as more selections on it.
            layers: list[list] = [[]]
            seen: dict[tuple, int] = {}
            for sel in selections:
                k = seen.get((sel[0][2], sel[1], sel[2]), 0)
                seen[(sel[0][2], sel[1], sel[2])] = k + 1
                while len(layers) <= k:
                    layers.append([])
                layers[k].append(sel)
            self.sync_points(tr, segments, lines, selections, text_guid, marks, label)
            for c, a, b in layers[0]:
                selection(tr, "TranscriptSelection", c, fromSyncPoint=self.sync_guid[a], toSyncPoint=self.sync_guid[b])
            for m in marks:
                sp = guid_from(text_guid, f"mark:{m.id}")
                sel = _el(tr, "TranscriptSelection", guid=guid_from(sp, "selection"), name=extras.MARK_NOTE[m.kind],
                          fromSyncPoint=sp, toSyncPoint=sp, creatingUser=self.app_user,
                          creationDateTime=xml_datetime(m.created))
                _el(sel, "NoteRef", targetGUID=self.note(self.guid("mark", m.id), extras.MARK_NOTE[m.kind],
                                                         self.replacer.text(m.label, label), created=m.created))
            for k, layer in enumerate(layers[1:], start=2):
                layer_guid = guid_from(text_guid, f"layer:{k}")
                extra = _el(src, "Transcript", guid=layer_guid, name=f"{name}{ext} ({k}).txt",
                            plainTextPath=f"internal://{text_guid}.txt", **common)
                pos = sorted({a for _, a, _ in layer} | {b for _, _, b in layer})
                guids = {p: guid_from(layer_guid, f"sync:{p}") for p in pos}
                times = self.sync_times
                for p in pos:
                    _el(extra, "SyncPoint", guid=guids[p], timeStamp=str(max(0, times[p])), position=str(p))
                for c, a, b in layer:
                    selection(extra, "TranscriptSelection", c, fromSyncPoint=guids[a], toSyncPoint=guids[b])
        # a note linked to its source, not referenced from it: QualCoder takes a text source's NoteRef
        # for an annotation of a text span and, finding none, drops the note; linked, it keeps it
        self.source_links += [(g, guid) for g in notes]
        ivars.write_values(src, declared, iv, checked)

    def sync_points(self, tr, segments, lines, selections, text_guid: str, marks, label: str) -> None:
        points: dict[int, int] = {}
        for seg, ln in zip(segments, lines):
            points.setdefault(ln.start, seg.start_ms)
            points.setdefault(ln.end, seg.end_ms)
        boundary_ids = {c[3] for c, _, _ in selections} | {c[5] for c, _, _ in selections}
        words = {}
        if boundary_ids:  # word timings only for the segments where a coding starts or ends
            marks_sql = ",".join("?" * len(boundary_ids))
            words = {r[0]: words_from_json(r[1]) for r in self.study.db.execute(
                f"SELECT id, words FROM segments WHERE id IN ({marks_sql})", list(boundary_ids))}
        by_id = {s.id: s for s in segments}

        def segment_of(sid):
            s = by_id[sid]
            return Segment(s.id, s.interview_id, s.start_ms, s.end_ms, s.speaker, s.text, words.get(sid, ()),
                           s.checked, "")

        for c, a, b in selections:
            points.setdefault(a, layout.time_at(segment_of(c[3]), c[4]))
            points.setdefault(b, layout.time_at(segment_of(c[5]), c[6]))
        self.sync_guid = {pos: guid_from(text_guid, f"sync:{pos}") for pos in points}
        self.sync_times = points
        for pos in sorted(points):
            _el(tr, "SyncPoint", guid=self.sync_guid[pos], timeStamp=str(max(0, points[pos])), position=str(pos))
        starts = [s.start_ms for s in segments]
        for m in marks:  # a moment in the audio, placed at the start of the segment it falls in
            i = bisect.bisect_right(starts, m.at_ms) - 1
            _el(tr, "SyncPoint", guid=guid_from(text_guid, f"mark:{m.id}"), timeStamp=str(max(0, m.at_ms)),
                position=str(lines[i].start if i >= 0 else 0))


def export_qdpx(study, out: str | os.PathLike, *, include_audio: bool = True,
                pseudonymise: bool = False) -> ExportResult:
    """Write ``study`` to ``out`` as a ``.qdpx``. With ``pseudonymise``, the
    glossary's replacement list is applied to transcript text and memos (codings
    keep their place on the replaced text) and the glossary itself is left out."""
    return _Exporter(study, Path(out), include_audio, pseudonymise).run()
