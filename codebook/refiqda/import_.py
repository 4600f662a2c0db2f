"""Import a REFI-QDA project (``.qdpx``) into a new, empty study.

What comes in: the codebook (non-codable codes become categories), cases as
participants with their variables as attributes, text sources and the first
transcript of each audio/video source as interviews (one segment per
non-blank line, times from the sync points) with their date, mode and
consent (see :mod:`codebook.refiqda.interview_vars`), codings on text
selections and transcript selections, the media file of audio/video sources,
and notes as memos. Everything else (other variables of sources, sets,
graphs, links between other things, pictures, PDFs, codings on whole
documents or on time ranges, further transcripts) is counted in
:attr:`ImportResult.skipped`, never silently dropped.

A project that is not a safe zip, not valid against ``Project.xsd``, or whose
GUIDs point nowhere, is refused with a clear message. The import runs in one
transaction: on any error nothing stays in the study, and media files
already copied into its ``audio/`` folder are removed.
"""
from __future__ import annotations

import os
import posixpath
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from lxml import etree

from codebook.errors import StudyError
from codebook.models import NewSegment
from codebook.refiqda import interview_vars as ivars
from codebook.refiqda import layout
from codebook.refiqda.archive import SafeZip, free_space_ok
from codebook.refiqda.export import APP_USER
from codebook.refiqda.codebook_xml import CodeSpec, add_codes, read_codes
from codebook.refiqda.xmlutil import PROJECT_NS, is_guid, norm_guid, parse, schema_errors
from transcribe.errors import TranscribeError
from transcribe.normalize import canonical


def _tag(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _kids(el, tag: str) -> list:
    return [c for c in el if _tag(c) == tag]


def _kid(el, tag: str):
    found = _kids(el, tag)
    return found[0] if found else None


@dataclass
class ImportResult:
    counts: Counter = field(default_factory=Counter)
    skipped: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        done = ", ".join(f"{n} {k}" for k, n in self.counts.items() if n) or "nothing"
        lines = [f"Imported {done}."]
        if self.skipped:
            lines.append("Not imported: " + "; ".join(f"{what} ({n})" for what, n in self.skipped.items()) + ".")
        return "\n".join(lines)


def import_qdpx(study, path: str | os.PathLike) -> ImportResult:
    """Import the project at ``path`` into ``study``, which must be empty."""
    path = Path(path)
    busy = [kind for kind, n in (("participants", len(study.participants.list())),
                                 ("interviews", len(study.interviews.list())), ("codes", len(study.codes.list())))
            if n]
    if busy:
        raise StudyError(f"A REFI-QDA project is imported into a new, empty study; this one already has "
                         f"{', '.join(busy)}. Create a new study (mosahebeh import --study NEW.mosahebeh FILE).")
    archive = SafeZip(path)
    written: list[Path] = []
    try:
        reader = _Reader(study, archive, written)
        with study.atomic():
            reader.run()
        return reader.result
    except BaseException:
        for f in written:
            f.unlink(missing_ok=True)
        raise
    finally:
        archive.close()


class _Reader:
    def __init__(self, study, archive: SafeZip, written: list[Path]):
        self.study, self.zip, self.written = study, archive, written
        self.result = ImportResult()
        self.name = archive.path.name

    def fail(self, message: str):
        raise StudyError(f"{self.name}: {message} Nothing was imported.")

    # -- the project --------------------------------------------------------------

    def run(self) -> None:
        info = self.zip.find("project.qde") or next(
            (i for n, i in self.zip.entries.items() if n.endswith(".qde") and "/" not in n), None)
        if info is None:
            self.fail("it has no project.qde, so it is not a REFI-QDA project.")
        root = parse(self.zip.read(info), f"project in {self.name}")
        if _tag(root) != "Project" or etree.QName(root).namespace != PROJECT_NS:
            self.fail(f"project.qde is not a REFI-QDA project (root <{_tag(root)}>).")
        errors = schema_errors(root)
        if errors:
            self.fail(f"project.qde does not follow the REFI-QDA schema ({'; '.join(errors[:3])}).")
        self.index_guids(root)
        # The app's own user stands for "no coder named" (see export.APP_USER).
        self.users = {norm_guid(u.get("guid")): u.get("name") or u.get("id") or ""
                      for u in root.iterfind(f"{{{PROJECT_NS}}}Users/{{{PROJECT_NS}}}User")
                      if (u.get("name") or "") != APP_USER}
        self.notes = {norm_guid(n.get("guid")): n for n in root.iterfind(f"{{{PROJECT_NS}}}Notes/{{{PROJECT_NS}}}Note")}
        self.used_notes: set[str] = set()
        codebook = _kid(root, "CodeBook")
        specs = read_codes(_kid(codebook, "Codes") if codebook is not None else None)
        self.mark_coded(specs, {norm_guid(r.get("targetGUID")) for r in root.iter(f"{{{PROJECT_NS}}}CodeRef")})
        self.codes, added, _ = add_codes(self.study, specs, merge=False)
        self.result.counts["codes"] = added
        self.code_memos(specs)
        # {guid: (name, typeOfVariable)}
        self.variables = {norm_guid(v.get("guid")): (v.get("name"), v.get("typeOfVariable")) for v in
                          root.iterfind(f"{{{PROJECT_NS}}}Variables/{{{PROJECT_NS}}}Variable")}
        variables = {guid: name for guid, (name, _) in self.variables.items()}
        self.source_case: dict[str, int] = {}
        self.case_ids: dict[str, int] = {}
        for case in root.iterfind(f"{{{PROJECT_NS}}}Cases/{{{PROJECT_NS}}}Case"):
            self.read_case(case, variables)
        self.pseudonyms = {p.id: p.pseudonym for p in self.study.participants.list()}
        sources = _kid(root, "Sources")
        for src in (sources if sources is not None else []):
            self.read_source(src)
        for link in root.iterfind(f"{{{PROJECT_NS}}}Links/{{{PROJECT_NS}}}Link"):
            origin, target = norm_guid(link.get("originGUID") or ""), norm_guid(link.get("targetGUID") or "")
            if origin in self.notes and target in self.case_ids:
                self.memo(origin, "participant", self.case_ids[target])
            else:
                self.result.skipped["links"] += 1
        for ref in _kids(root, "NoteRef"):
            self.memo(self.note_ref(ref), "study", None)
        for guid in self.notes:
            if guid not in self.used_notes:
                self.memo(guid, "study", None)
        for what in ("Sets", "Graphs"):
            el = _kid(root, what)
            if el is not None:
                self.result.skipped[what.lower()] += len(el)

    def index_guids(self, root) -> None:
        seen: dict[str, str] = {}
        for el in root.iter():
            g = el.get("guid") if isinstance(el.tag, str) else None
            if g:
                key = norm_guid(g)
                if key in seen:
                    self.fail(f"the GUID {g} is used twice (<{seen[key]}> and <{_tag(el)}>).")
                seen[key] = _tag(el)
        self.guids = seen
        for el in root.iter():
            for attr in ("targetGUID", "fromSyncPoint", "toSyncPoint", "originGUID", "creatingUser",
                         "modifyingUser", "creatingUserGUID", "modifyingUserGUID"):
                g = el.get(attr) if isinstance(el.tag, str) else None
                if g and norm_guid(g) not in seen:
                    self.fail(f"<{_tag(el)} {attr}=\"{g}\"> points to nothing in the project.")

    def mark_coded(self, specs: list[CodeSpec], used: set[str]) -> None:
        for s in specs:
            if s.guid in used:
                s.codable = True
            self.mark_coded(s.children, used)

    def code_memos(self, specs: list[CodeSpec]) -> None:
        for s in specs:
            for ref in s.note_refs:
                self.memo(self.check_note(ref), "code", self.codes[s.guid])
            self.code_memos(s.children)

    # -- notes --------------------------------------------------------------------

    def check_note(self, guid: str) -> str:
        if guid not in self.notes:
            self.fail(f"a NoteRef points to {guid}, which is not a note.")
        return guid

    def note_ref(self, el) -> str:
        return self.check_note(norm_guid(el.get("targetGUID")))

    def note_text(self, guid: str) -> tuple[str, str]:
        note = self.notes[guid]
        self.used_notes.add(guid)
        return note.get("name") or "", self.plain_text(note, "a note")

    def memo(self, guid: str, kind: str, target: int | None) -> None:
        if guid in self.used_notes:
            return
        title, text = self.note_text(guid)
        self.study.memos.add(text, title=title, target_kind=kind, target_id=target)
        self.result.counts["memos"] += 1

    # -- cases --------------------------------------------------------------------

    def read_case(self, case, variables: dict[str, str]) -> None:
        name = canonical(case.get("name") or "").strip() or f"Case {len(self.case_ids) + 1}"
        base, n = name, 1
        while self.study.participants.by_pseudonym(name):
            n += 1
            name = f"{base} ({n})"
        attrs = {}
        for vv in _kids(case, "VariableValue"):
            ref = _kid(vv, "VariableRef")
            value = next((c.text for c in vv if _tag(c).endswith("Value") and _tag(c) != "VariableRef"), None)
            var = variables.get(norm_guid(ref.get("targetGUID")))
            if var is None:
                self.fail(f"a value of case {name!r} refers to a variable that does not exist.")
            if value is not None and str(value).strip():
                attrs[var] = str(value).strip()
        desc = _kid(case, "Description")
        p = self.study.participants.add(name, attributes=attrs, notes=(desc.text or "") if desc is not None else "")
        self.case_ids[norm_guid(case.get("guid"))] = p.id
        self.result.counts["cases"] += 1
        for ref in _kids(case, "SourceRef"):
            key = norm_guid(ref.get("targetGUID"))
            if key in self.source_case:
                self.result.skipped["sources in more than one case (kept with the first)"] += 1
            else:
                self.source_case[key] = p.id
        for what, label in (("CodeRef", "codes applied to whole cases"), ("SelectionRef", "selections in cases")):
            if _kids(case, what):
                self.result.skipped[label] += len(_kids(case, what))

    # -- sources ------------------------------------------------------------------

    def entry(self, path: str | None, what: str):
        """The zip entry an ``internal://`` path names; None for a file outside the archive."""
        if not path:
            return None
        if not path.lower().startswith("internal://"):
            return None
        name = unquote(path[len("internal://"):])
        info = self.zip.find(posixpath.join("sources", name))
        if info is None:
            self.fail(f"{what} names {path}, which is missing from the archive's sources/ folder.")
        return info

    def plain_text(self, el, what: str) -> str:
        content = _kid(el, "PlainTextContent")
        if content is not None:
            return content.text or ""
        path = el.get("plainTextPath")
        info = self.entry(path, what)
        if info is None:
            if path:
                self.result.skipped["texts stored outside the project file"] += 1
            return ""
        data = self.zip.read(info)
        if data.startswith(b"\xef\xbb\xbf"):
            data = data[3:]
        try:
            return data.decode("utf-8")
        except UnicodeDecodeError:
            if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
                try:
                    return data.decode("utf-16")
                except UnicodeDecodeError:  # odd length, lone surrogate (found by fuzzing, i14)
                    self.fail(f"the text of {what} starts as UTF-16 but is damaged.")
            self.fail(f"the text of {what} is not UTF-8.")

    def read_source(self, src) -> None:
        kind = _tag(src)
        if kind in ("PictureSource", "PDFSource"):
            self.result.skipped[f"{kind[:-6].lower()} sources"] += 1
            return
        title = (src.get("name") or "").strip() or f"{kind[:-6]} {self.result.counts['interviews'] + 1}"
        pid = self.source_case.get(norm_guid(src.get("guid")))
        desc = _kid(src, "Description")
        if pid is not None and title == self.pseudonyms.get(pid):
            title = ""  # the interview was named after its participant: keep it so
        iv = self.study.interviews.add(pid, title=title, notes=(desc.text or "") if desc is not None else "")
        self.result.counts["interviews"] += 1
        pseudonym = self.pseudonyms.get(pid)
        if kind == "TextSource":
            text = self.plain_text(src, f"source {title!r}")
            lines = layout.split_lines(text, pseudonym)
            ids = self.add_lines(iv.id, lines, [])
            for sel in _kids(src, "PlainTextSelection"):
                self.add_codings(sel, iv.id, lines, ids, int(sel.get("startPosition")), int(sel.get("endPosition")))
        else:
            self.attach_media(src, iv.id, title)
            transcripts = _kids(src, "Transcript")
            if len(transcripts) > 1:
                self.result.skipped["further transcripts of a source"] += len(transcripts) - 1
            if transcripts:
                self.read_transcript(transcripts[0], iv.id, title, pseudonym)
            self.result.skipped["codings on audio or video time ranges"] += sum(
                len(_kids(s, "Coding")) for s in _kids(src, f"{kind[:-6]}Selection"))
        self.result.skipped["codings of whole documents"] += len(_kids(src, "Coding"))
        details, skipped = ivars.read_values(_kids(src, "VariableValue"), self.variables, norm_guid)
        self.result.skipped["variable values of sources"] += skipped
        if details:  # no count of its own: the import dialog words only the counts it knows
            self.study.interviews.update(iv.id, **details)
        for ref in _kids(src, "NoteRef"):
            self.memo(self.note_ref(ref), "interview", iv.id)
        self.result.skipped = +self.result.skipped
        n_codings = len(self.study.codings.list(interview_id=iv.id))
        if n_codings or self.study.transcripts.count(iv.id)[0]:
            self.study.interviews.update(iv.id, status="coded" if n_codings else "transcribed")

    def attach_media(self, src, interview_id: int, title: str) -> None:
        path = src.get("path")
        info = self.entry(path, f"source {title!r}")
        if info is None:
            if path:
                self.result.skipped["media files outside the project file"] += 1
            return
        suffix = Path(info.filename).suffix.lower()[:8] or ".wav"
        if not suffix[1:].isalnum():
            suffix = ".bin"
        free_space_ok(self.study.folder, info.file_size)
        target = self.study.interviews.new_audio_path(interview_id, suffix)
        self.written.append(target)
        self.zip.copy_to(info, target)
        try:
            self.study.interviews.attach_audio(interview_id, target)
            self.result.counts["media files"] += 1
        except (TranscribeError, StudyError):
            target.unlink(missing_ok=True)
            self.result.skipped["unreadable media files"] += 1

    def read_transcript(self, tr, interview_id: int, title: str, pseudonym: str | None) -> None:
        text = self.plain_text(tr, f"the transcript of {title!r}")
        lines = layout.split_lines(text, pseudonym)
        syncs = {}
        for sp in _kids(tr, "SyncPoint"):
            syncs[norm_guid(sp.get("guid"))] = (sp.get("position"), sp.get("timeStamp"))
        points = sorted({(int(p), int(t)) for p, t in syncs.values() if p is not None and t is not None})
        ids = self.add_lines(interview_id, lines, points)
        for sel in _kids(tr, "TranscriptSelection"):
            a, b = sel.get("fromSyncPoint"), sel.get("toSyncPoint")
            if not a or not b:
                self.result.skipped["transcript selections without sync points"] += 1
                continue
            pa, pb = syncs.get(norm_guid(a)), syncs.get(norm_guid(b))
            if pa is None or pb is None:
                self.fail(f"a selection in the transcript of {title!r} uses a sync point of another transcript.")
            if pa[0] is None or pb[0] is None:
                self.result.skipped["transcript selections without text positions"] += 1
                continue
            self.add_codings(sel, interview_id, lines, ids, int(pa[0]), int(pb[0]))

    def add_lines(self, interview_id: int, lines: list, points: list[tuple[int, int]]) -> list[int]:
        segments, last = [], 0
        for ln in lines:
            start = layout.interpolate(points, ln.start)
            end = layout.interpolate(points, ln.end)
            start = last if start is None else max(0, start)
            end = max(start, start if end is None else end)
            segments.append(NewSegment(start, end, ln.text, ln.speaker, source="import", checked=False))
            last = start
        self.result.counts["segments"] += len(segments)
        return self.study.transcripts.add_segments(interview_id, segments)

    def add_codings(self, sel, interview_id, lines, ids, start: int, end: int) -> None:
        codings = _kids(sel, "Coding")
        pmap = layout.PositionMap(lines)
        a, b = pmap.start(start), pmap.end(end)
        if a is None or b is None or (a[0], a[1]) >= (b[0], b[1]):
            self.result.skipped["selections that cover no text"] += len(codings)
            return
        la = len(canonical(lines[a[0]].text))
        lb = len(canonical(lines[b[0]].text))
        creator = sel.get("creatingUser")
        for coding in codings:
            code = self.codes.get(norm_guid(_kid(coding, "CodeRef").get("targetGUID")))
            if code is None:
                self.fail("a coding refers to something that is not a code.")
            user = coding.get("creatingUser") or creator
            memo = "\n\n".join(self.note_text(self.note_ref(r))[1] for r in _kids(coding, "NoteRef"))
            self.study.codings.add(code, ids[a[0]], min(a[1], la), ids[b[0]], min(b[1], lb),
                                   memo=memo, coder=self.users.get(norm_guid(user), "") if user else "")
            self.result.counts["codings"] += 1
