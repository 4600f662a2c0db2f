"""Reading a checked REFI-QDA project into an empty study (see :mod:`codebook.refiqda.import_`).

Segments, codings and memos go in with ``executemany`` inside the caller's
transaction: a project of thousands of codings imports in seconds.
"""
from __future__ import annotations

import posixpath
from pathlib import Path
from typing import NoReturn
from urllib.parse import unquote

from lxml import etree

from codebook.errors import StudyError
from codebook.refiqda import extras
from codebook.refiqda import interview_vars as ivars
from codebook.refiqda.archive import free_space_ok
from codebook.refiqda.codebook_xml import CodeSpec, add_codes, read_codes
from codebook.refiqda.repair import check_references, validate
from codebook.refiqda.textread import TextReader, iso
from codebook.refiqda.xmlutil import PROJECT_NS, norm_guid, parse
from codebook.study import now
from codebook.worded import WordedText
from transcribe.errors import TranscribeError
from transcribe.normalize import canonical

APP_USER = "Mosahebeh"  # the app's own user: "no coder named" (see export)
P = f"{{{PROJECT_NS}}}"


def _tag(el) -> str:
    tag = el.tag
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""


def _kids(el, tag: str) -> list:
    return [c for c in el if _tag(c) == tag]


def _kid(el, tag: str):
    return next((c for c in el if _tag(c) == tag), None)


class Reader(TextReader):
    def __init__(self, study, archive, written: list[Path], result):
        self.study, self.zip, self.written, self.result = study, archive, written, result
        self.name = archive.path.name
        self.db = study.db
        self.countings: dict[str, int] = {}
        self.unschemed = 0

    def fail(self, message: str) -> NoReturn:
        raise StudyError("{file}: {message} Nothing was imported.", file=self.name, message=message)

    # -- the project --------------------------------------------------------------

    def run(self) -> None:
        info = self.zip.find("project.qde") or next(
            (i for n, i in self.zip.entries.items() if n.endswith(".qde") and "/" not in n), None)
        if info is None:
            self.fail("it has no project.qde, so it is not a REFI-QDA project.")
        root = parse(self.zip.read(info), WordedText("project in {name}", name=self.name))
        if _tag(root) != "Project" or etree.QName(root).namespace != PROJECT_NS:
            self.fail(f"project.qde is not a REFI-QDA project (root <{_tag(root)}>).")
        self.result.repairs += validate(root, f"{self.name}: project.qde")
        self.guids, repairs = check_references(root, self.name)
        self.result.repairs += repairs
        self.ours = (root.get("origin") or "").startswith("Mosahebeh")
        if root.get("name", "").strip():
            self.study.set_meta("name", canonical(root.get("name")).strip())
        self.users = {norm_guid(u.get("guid")): u.get("name") or ""
                      for u in root.iterfind(f"{P}Users/{P}User") if (u.get("name") or "") != APP_USER}
        self.notes = {norm_guid(n.get("guid")): n for n in root.iterfind(f"{P}Notes/{P}Note")}
        self.used_notes: set[str] = set()
        self.memos: list[tuple] = []
        codebook = _kid(root, "CodeBook")
        specs = read_codes(_kid(codebook, "Codes") if codebook is not None else None)
        self.mark_coded(specs, {norm_guid(r.get("targetGUID")) for r in root.iter(f"{P}CodeRef")})
        self.codes, added, _, categories = add_codes(self.study, specs, merge=False)
        self.result.counts["categories"] = categories  # said apart, as the codebook panel says them
        self.result.counts["codes"] = added - categories
        self.code_memos(specs)
        self.variables = {norm_guid(v.get("guid")): (v.get("name"), v.get("typeOfVariable")) for v in
                          root.iterfind(f"{P}Variables/{P}Variable")}
        if self.ours:
            self.read_extras(root)
        self.source_case: dict[str, int] = {}
        self.source_ids: dict[str, int] = {}
        self.case_ids: dict[str, int] = {}
        referrals: list[tuple[int, str]] = []
        for case in root.iterfind(f"{P}Cases/{P}Case"):
            self.read_case(case, referrals)
        self.resolve_referrals(referrals)
        self.pseudonyms = {p.id: p.pseudonym for p in self.study.participants.list()}
        sources = _kid(root, "Sources")
        for src in (sources if sources is not None else []):
            if isinstance(src.tag, str):
                self.read_source(src)
        for link in root.iterfind(f"{P}Links/{P}Link"):
            origin, target = norm_guid(link.get("originGUID") or ""), norm_guid(link.get("targetGUID") or "")
            if origin in self.notes and target in self.case_ids:
                self.memo(origin, "participant", self.case_ids[target])
            elif origin in self.notes and target in self.source_ids:
                self.source_note(origin, self.source_ids[target])
            else:
                self.result.skipped["links"] += 1
        for ref in _kids(root, "NoteRef"):
            self.memo(self.note_ref(ref), "study", None)
        for guid in self.notes:
            if guid not in self.used_notes:
                self.memo(guid, "study", None)
        self.flush_memos()
        for what in ("Sets", "Graphs"):
            el = _kid(root, what)
            if el is not None:
                self.result.skipped[what.lower()] += len(el)
        desc = _kid(root, "Description")
        if desc is not None and (desc.text or "").strip():
            self.memos.append(("study", None, "Project description", desc.text, now(), now()))
            self.flush_memos()
        for name, n in self.countings.items():
            self.result.repairs.append(
                WordedText("positions in 1 text read as {name} (as their producer counts them)", name=name) if n == 1
                else WordedText("positions in {count} texts read as {name} (as their producer counts them)",
                                count=n, name=name))
        if self.unschemed:
            self.result.repairs.append(
                WordedText("1 text path without internal:// found under sources/") if self.unschemed == 1
                else WordedText("{count} text paths without internal:// found under sources/", count=self.unschemed))

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

    def note_name(self, note) -> str:
        """A note's name; in a Mosahebeh project its Description holds the real one when the name
        was made unique (see export)."""
        desc = _kid(note, "Description") if self.ours else None
        if desc is not None:
            return desc.text or ""
        name = note.get("name") or ""
        return "" if self.ours and name == extras.UNTITLED else name

    def note_text(self, guid: str) -> tuple[str, str]:
        note = self.notes[guid]
        self.used_notes.add(guid)
        return self.note_name(note), self.plain_text(note, "a note") or ""

    def memo(self, guid: str, kind: str, target: int | None) -> None:
        if guid in self.used_notes:
            return
        note = self.notes[guid]
        title, text = self.note_text(guid)
        created = iso(note.get("creationDateTime") or note.get("modifiedDateTime"))
        self.memos.append((kind, target, title, text, created, iso(note.get("modifiedDateTime") or created)))

    def flush_memos(self) -> None:
        rows = [(k, t, canonical(title).strip(), canonical(text), c, u) for k, t, title, text, c, u in self.memos]
        self.db.conn.executemany("INSERT INTO memos(target_kind, target_id, title, text, created, updated) "
                                 "VALUES (?,?,?,?,?,?)", rows)
        self.result.counts["memos"] += len(rows)
        self.memos = []

    def read_extras(self, root) -> None:
        """The guide and glossary notes of a Mosahebeh project."""
        self.questions: dict[str, int] = {}
        for guid, note in self.notes.items():
            name = self.note_name(note)
            if name == extras.GUIDE_NOTE:
                parent = None
                for follow_up, text in extras.read_guide(self.note_text(guid)[1]):
                    q = self.study.guide.add(text, parent if follow_up else None)
                    parent = parent if follow_up else q.id
                    self.questions.setdefault(canonical(text).strip(), q.id)
                    self.result.counts["guide questions"] += 1
            elif name == extras.GLOSSARY_NOTE:
                for term, replacement, note_text in extras.read_glossary(self.note_text(guid)[1]):
                    self.study.glossary.add(term, replacement, note_text)
                    self.result.counts["glossary terms"] += 1

    # -- cases --------------------------------------------------------------------

    def read_case(self, case, referrals: list[tuple[int, str]]) -> None:
        name = canonical(case.get("name") or "").strip() or f"Case {len(self.case_ids) + 1}"
        base, n = name, 1
        while self.study.participants.by_pseudonym(name):
            n += 1
            name = f"{base} ({n})"
        attrs, referrer = {}, None
        for vv in _kids(case, "VariableValue"):
            ref = _kid(vv, "VariableRef")
            value = next((c.text for c in vv if _tag(c).endswith("Value") and _tag(c) != "VariableRef"), None)
            var = self.variables.get(norm_guid(ref.get("targetGUID")))
            if var is None:
                self.fail(f"a value of case {name!r} refers to a variable that does not exist.")
            if value is not None and str(value).strip():
                if var[0] == extras.REFERRED_BY and var[1] == "Text":
                    referrer = canonical(str(value)).strip()
                else:
                    attrs[var[0]] = str(value).strip()
        desc = _kid(case, "Description")
        p = self.study.participants.add(name, attributes=attrs, notes=(desc.text or "") if desc is not None else "")
        if referrer:
            referrals.append((p.id, referrer))
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

    def resolve_referrals(self, referrals: list[tuple[int, str]]) -> None:
        for pid, pseudonym in referrals:
            other = self.study.participants.by_pseudonym(pseudonym)
            if other is None or other.id == pid:
                self.study.participants.set_attributes(pid, {extras.REFERRED_BY: pseudonym})
            else:
                self.study.participants.update(pid, referred_by=other.id)

    # -- files in the archive -------------------------------------------------------

    def entry(self, path: str | None, what: str, *, text: bool):
        """The zip entry a path names (``internal://`` or, for text, no scheme at all);
        None for a file outside the archive or missing from it (counted)."""
        if not path:
            return None
        if path.lower().startswith("internal://"):
            name = unquote(path[len("internal://"):])
        elif "://" in path:
            self.result.skipped["texts stored outside the project file" if text
                                else "media files outside the project file"] += 1
            return None
        else:
            name = unquote(path)
            if text:
                self.unschemed += 1
        info = self.zip.find(posixpath.join("sources", name)) or self.zip.find(name)
        if info is None:
            if any(n.startswith("sources/") for n in self.zip.entries):
                self.fail(f"{what} names {path}, which is missing from the archive's sources/ folder.")
            # a project exported without its files (as ATLAS.ti's test project): counted, not refused
            self.result.skipped["texts missing from the archive" if text else "media files missing from the archive"] += 1
        return info

    def plain_text(self, el, what: str) -> str | None:
        """The text of a source, transcript or note (BOM removed, line ends as written); None if absent."""
        content = _kid(el, "PlainTextContent")
        if content is not None:
            return content.text or ""
        info = self.entry(el.get("plainTextPath"), what, text=True)
        if info is None:
            return None
        data = self.zip.read(info)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            if data[:2] not in (b"\xff\xfe", b"\xfe\xff"):
                self.fail(f"the text of {what} is not UTF-8.")
            try:
                text = data.decode("utf-16")
            except UnicodeDecodeError:  # odd length, a lone surrogate (found by fuzzing)
                self.fail(f"the text of {what} starts as UTF-16 but is damaged.")
        return text[1:] if text.startswith("\ufeff") else text

    # -- sources ------------------------------------------------------------------

    def read_source(self, src) -> None:
        kind = _tag(src)
        if kind in ("PictureSource", "PDFSource"):
            self.result.skipped[f"{kind[:-6].lower()} sources"] += 1
            n = sum(1 for _ in src.iter(f"{P}Coding"))
            if n:
                self.result.skipped[f"codings in {kind[:-6].lower()} sources"] += n
            return
        title = canonical(src.get("name") or "").strip()
        media = src.get("path") or ""
        suffix = posixpath.splitext(media)[1]
        if suffix and title.lower().endswith(suffix.lower()) and len(title) > len(suffix):
            title = title[:-len(suffix)]  # an audio source is named after its file
        title = title or f"{kind[:-6]} {self.result.counts['interviews'] + 1}"
        pid = self.source_case.get(norm_guid(src.get("guid")))
        desc = _kid(src, "Description")
        if pid is not None and title == self.pseudonyms.get(pid):
            title = ""  # the interview was named after its participant: keep it so
        iv = self.study.interviews.add(pid, title=title, notes=(desc.text or "") if desc is not None else "")
        self.result.counts["interviews"] += 1
        details, skipped = ivars.read_values(_kids(src, "VariableValue"), self.variables, norm_guid)
        self.result.skipped["variable values of sources"] += skipped
        checked = set(details.pop("checked", None) or ())
        status = details.pop("status", None)
        pseudonym = self.pseudonyms.get(pid)
        n_segments = n_codings = 0
        if kind == "TextSource":
            text = self.plain_text(src, f"source {title!r}")
            sels = _kids(src, "PlainTextSelection")
            if text is None:
                self.result.skipped["codings on texts missing from the archive"] += sum(
                    len(_kids(s, "Coding")) for s in sels)
                for s in sels:  # a comment is kept even when its text is missing
                    desc = _kid(s, "Description")
                    if desc is not None and (desc.text or "").strip():
                        self.memos.append(("interview", iv.id, "Comment on a selection", desc.text, now(), now()))
            else:
                spans = [(int(s.get("startPosition")), int(s.get("endPosition"))) for s in sels]
                n_segments, n_codings = self.read_text(iv.id, text, pseudonym, checked, sels, spans, {})
        else:
            self.attach_media(src, iv.id, title)
            transcripts = _kids(src, "Transcript")
            # further transcripts on the same text are more selections on it (Mosahebeh writes a second
            # coder's coding of the very same span there, which QualCoder could not hold in one transcript)
            path = (transcripts[0].get("plainTextPath") or "").casefold() if transcripts else None
            layers = [t for t in transcripts[1:] if path and (t.get("plainTextPath") or "").casefold() == path]
            if len(transcripts) > 1 + len(layers):
                self.result.skipped["further transcripts of a source"] += len(transcripts) - 1 - len(layers)
            if transcripts:
                n_segments, n_codings = self.read_transcript([transcripts[0]] + layers, iv.id, title, pseudonym,
                                                             checked)
            n = sum(len(_kids(s, "Coding")) for s in _kids(src, f"{kind[:-6]}Selection"))
            if n:
                self.result.skipped["codings on audio or video time ranges"] += n
        if _kids(src, "Coding"):
            self.result.skipped["codings of whole documents"] += len(_kids(src, "Coding"))
        self.source_ids[norm_guid(src.get("guid"))] = iv.id
        for ref in _kids(src, "NoteRef"):
            self.source_note(self.note_ref(ref), iv.id)
        if status is None and (n_codings or n_segments):
            status = "coded" if n_codings else "transcribed"
        if status:
            details["status"] = status
        if details:
            self.study.interviews.update(iv.id, **details)

    def source_note(self, guid: str, interview_id: int) -> None:
        """A note on a source: a memo on the interview, or (from Mosahebeh) a bookmark on a text source."""
        at = extras.read_mark_name(self.note_name(self.notes[guid])) if self.ours else None
        if at and guid not in self.used_notes:
            self.add_mark(interview_id, at[0], at[1], guid)
        else:
            self.memo(guid, "interview", interview_id)

    def attach_media(self, src, interview_id: int, title: str) -> None:
        info = self.entry(src.get("path"), f"source {title!r}", text=False)
        if info is None:
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

    def read_transcript(self, transcripts, interview_id: int, title: str, pseudonym, checked) -> tuple[int, int]:
        text = self.plain_text(transcripts[0], f"the transcript of {title!r}")
        syncs = {norm_guid(sp.get("guid")): (sp.get("position"), sp.get("timeStamp"))
                 for tr in transcripts for sp in _kids(tr, "SyncPoint")}
        sels, spans, marks = [], [], []
        for sel in (sel for tr in transcripts for sel in _kids(tr, "TranscriptSelection")):
            a, b = syncs.get(norm_guid(sel.get("fromSyncPoint") or "")), syncs.get(norm_guid(sel.get("toSyncPoint") or ""))
            if a is None or b is None:
                self.fail(f"a selection in the transcript of {title!r} uses a sync point of another transcript.")
            kinds = [extras.MARK_KIND.get(self.note_name(self.notes[self.note_ref(r)])) for r in _kids(sel, "NoteRef")]
            if self.ours and not _kids(sel, "Coding") and kinds and all(kinds) and a[1] is not None:
                marks.append((sel, int(a[1])))
            elif a[0] is None or b[0] is None:
                self.result.skipped["transcript selections without text positions"] += max(1, len(_kids(sel, "Coding")))
            else:
                sels.append(sel)
                spans.append((int(a[0]), int(b[0])))
        for sel, at in marks:
            for r in _kids(sel, "NoteRef"):
                guid = self.note_ref(r)
                self.add_mark(interview_id, extras.MARK_KIND[self.note_name(self.notes[guid])], at, guid)
        if text is None:
            self.result.skipped["codings on texts missing from the archive"] += sum(len(_kids(s, "Coding")) for s in sels)
            return 0, 0
        at_marks = {norm_guid(sel.get("fromSyncPoint")) for sel, _ in marks}  # times of bookmarks, not of text
        points = [(int(p), int(t)) for g, (p, t) in syncs.items() if p is not None and t is not None
                  and g not in at_marks]
        return self.read_text(interview_id, text, pseudonym, checked, sels, spans, points)

    def add_mark(self, interview_id: int, kind: str, at_ms: int, note_guid: str) -> None:
        note = self.notes[note_guid]
        _, label = self.note_text(note_guid)
        label = canonical(label or "").strip()
        question = getattr(self, "questions", {}).get(label) if kind == "question" else None
        if kind == "question" and question is None:
            kind = "mark"
        self.db.execute("INSERT INTO marks(interview_id, at_ms, kind, label, question_id, created) VALUES (?,?,?,?,?,?)",
                        [interview_id, max(0, at_ms), kind, label, question, iso(note.get("creationDateTime"))])
        self.result.counts["bookmarks"] += 1
