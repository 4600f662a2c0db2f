"""REFI-QDA: the demo and a small study out to .qdpx/.qdc, validated against the
official schemas in ../shared/refi-qda, and back into new studies."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from codebook import Study, StudyError
from codebook.refiqda import export_qdc, export_qdpx, import_qdc, import_qdpx

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "refi-qda"
NS = {"q": "urn:QDA-XML:project:1.0"}


def official(name: str) -> etree.XMLSchema:
    path = SHARED / name
    if not path.is_file():  # the checkout outside /work: the package's unchanged copy
        path = Path(__file__).resolve().parents[2] / "codebook" / "refiqda" / "schemas" / name
    return etree.XMLSchema(etree.parse(str(path)))


def project_xml(qdpx: Path) -> etree._Element:
    with zipfile.ZipFile(qdpx) as z:
        return etree.fromstring(z.read("project.qde"))


def snapshot(study: Study) -> dict:
    """What a QDPX round trip must keep: codes (tree), cases (attributes, referrer,
    notes), interviews (date, mode, consent, status), transcripts (times, speakers,
    text, checked), coded texts with the time of each boundary, memos, the guide,
    bookmarks and the glossary."""
    from codebook.refiqda import layout

    def path(code):
        names = [code.name]
        while code.parent_id is not None:
            code = study.codes.get(code.parent_id)
            names.insert(0, code.name)
        return " / ".join(names)

    ivs = study.interviews.list()
    people = {p.id: p for p in study.participants.list()}
    pseudonym = {p.id: p.pseudonym for p in people.values()}
    label = {iv.id: study.interviews.label(iv) for iv in ivs}
    segs = {iv.id: {s.id: s for s in study.transcripts.segments(iv.id)} for iv in ivs}
    questions = {q.id: q.text for q in study.guide.list()}
    return {
        "codes": sorted((path(c), c.kind, c.color, c.description) for c in study.codes.list()),
        "cases": sorted((p.pseudonym, tuple(sorted(p.attributes.items())), pseudonym.get(p.referred_by), p.notes)
                        for p in people.values()),
        "interviews": [(label[iv.id], iv.date, iv.mode, iv.consent, iv.status, iv.notes) for iv in ivs],
        "transcripts": [(pseudonym.get(iv.participant_id), label[iv.id],
                         [(s.start_ms, s.end_ms, s.speaker, s.text, s.checked) for s in segs[iv.id].values()])
                        for iv in ivs],
        "codings": sorted((path(study.codes.get(c.code_id)), label[c.interview_id], study.codings.text(c), c.memo,
                           c.coder, layout.time_at(segs[c.interview_id][c.start_segment_id], c.start_offset),
                           layout.time_at(segs[c.interview_id][c.end_segment_id], c.end_offset))
                          for c in study.codings.list()),
        "memos": sorted((m.target_kind, m.title, m.text) for m in study.memos.list()),
        "guide": [(q.parent_id is not None, q.text) for q in study.guide.list()],
        "marks": sorted((label[iv.id], m.at_ms, m.kind, m.label, questions.get(m.question_id))
                        for iv in ivs for m in study.marks.list(iv.id)),
        "glossary": [(g.term, g.replacement, g.note) for g in study.glossary.list()],
    }


def test_demo_round_trip_validates_and_keeps_everything(demo_path, tmp_path):
    demo = Study.open(demo_path)
    out = tmp_path / "demo.qdpx"
    result = export_qdpx(demo, out)
    root = project_xml(out)
    schema = official("Project.xsd")
    assert schema.validate(root), schema.error_log
    with zipfile.ZipFile(out) as z:
        names = z.namelist()
    assert "project.qde" in names and all(n == "project.qde" or n.startswith("sources/") for n in names)
    # every internal:// path is in sources/, every transcript text is UTF-8 without BOM
    for el in root.iter():
        for attr in ("path", "plainTextPath"):
            if el.get(attr, "").startswith("internal://"):
                assert "sources/" + el.get(attr)[len("internal://"):] in names
    with zipfile.ZipFile(out) as z:
        texts = [z.read(n) for n in names if n.endswith(".txt")]
    assert texts and not any(t.startswith(b"\xef\xbb\xbf") or b"\r" in t for t in texts)
    before = snapshot(demo)
    assert result.counts["codings"] == len(before["codings"]) > 0
    # the demo's interviews are all dated, with a mode and consent: the round trip must carry real values
    assert all(date and mode and consent for _, date, mode, consent, *_ in before["interviews"])
    declared = {v.get("name"): v.get("typeOfVariable") for v in root.iterfind("q:Variables/q:Variable", NS)}
    assert {k: declared[k] for k in ("Interview date", "Interview mode", "Consent")} == {
        "Interview date": "Date", "Interview mode": "Text", "Consent": "Boolean"}
    assert all(len(src.findall("q:VariableValue", NS)) >= 4 for src in root.find("q:Sources", NS))
    # the demo holds all a round trip must carry: referrals, checked segments, statuses, the guide, bookmarks
    assert any(c[2] for c in before["cases"]) and before["guide"] and before["marks"] and before["glossary"]
    assert any(s[4] for t in before["transcripts"] for s in t[2])
    back = Study.create(tmp_path / "back")
    imported = import_qdpx(back, out)
    after = snapshot(back)
    for key in before:
        assert after[key] == before[key], key
    assert imported.counts["codings"] == len(before["codings"])
    assert len(back.interviews.list()) == len(demo.interviews.list())
    assert all(iv.audio_path and back.interviews.audio_file(iv.id).is_file() for iv in back.interviews.list())
    demo.close()
    back.close()


def test_positions_are_code_points_and_select_the_coded_text(small_study, tmp_path):
    out = tmp_path / "s.qdpx"
    export_qdpx(small_study, out)
    root = project_xml(out)
    with zipfile.ZipFile(out) as z:
        texts = {n: z.read(n).decode("utf-8") for n in z.namelist() if n.endswith(".txt")}
    tr = root.find(".//q:AudioSource/q:Transcript", NS)
    text = texts["sources/" + tr.get("plainTextPath")[len("internal://"):]]
    sync = {sp.get("guid"): int(sp.get("position")) for sp in tr.findall("q:SyncPoint", NS)}
    selected = sorted(text[sync[s.get("fromSyncPoint")]:sync[s.get("toSyncPoint")]].replace("\n", "|")
                      for s in tr.findall("q:TranscriptSelection", NS))
    iv = small_study.interviews.list()[0]
    expected = sorted(small_study.codings.text(c).replace("\n", "|") for c in small_study.codings.list(interview_id=iv.id))
    # a selection across segments also spans the next line's speaker label
    assert [s.split("|")[0] for s in selected] == [e.split("|")[0] for e in expected]
    assert "WhatsApp" in selected and "در دوران کرونا کتابخانه بسته شد" in selected
    # the interview without audio is a TextSource with exact PlainTextSelections
    ts = root.find(".//q:TextSource", NS)
    text2 = texts["sources/" + ts.get("plainTextPath")[len("internal://"):]]
    got = sorted(text2[int(s.get("startPosition")):int(s.get("endPosition"))] for s in ts.findall("q:PlainTextSelection", NS))
    assert got == ["اینترنت پرسرعت در روستا", "کمبود بودجه"]


def test_never_exports_real_names_or_contacts(small_study, tmp_path):
    out = tmp_path / "s.qdpx"
    export_qdpx(small_study, out)
    with zipfile.ZipFile(out) as z:
        blob = b"".join(z.read(n) for n in z.namelist() if not n.endswith(".wav")).decode("utf-8")
    for secret in ("زهرا محمدی", "0912-000-0000", "علی رضایی", "ali@example.org"):
        assert secret not in blob
    assert "کتابدار الف" in blob


def test_pseudonymised_export_replaces_names_and_keeps_codings_on_their_words(small_study, tmp_path):
    out = tmp_path / "p.qdpx"
    result = export_qdpx(small_study, out, pseudonymise=True)
    assert result.replaced.counts == {"مریم": 2, "تهران": 1}  # once in text, once in a coding memo
    back = Study.create(tmp_path / "back")
    import_qdpx(back, out)
    texts = back.transcripts.text(back.interviews.list()[0].id)
    assert "مریم" not in texts and "تهران" not in texts and "همکار ۱" in texts and "شهر الف" in texts
    coded = sorted(back.codings.text(c) for c in back.codings.list())
    assert "همکار ۱ مسئول امانت بود.\nما خدمات آنلاین را در شهر الف" in coded
    assert all("مریم" not in m.text for m in back.memos.list())
    # the glossary (the list of real names) stays home: no entry of the archive names them
    assert back.glossary.list() == []
    with zipfile.ZipFile(out) as z:
        assert not any("مریم".encode() in z.read(n) or "تهران".encode() in z.read(n) for n in z.namelist())
    back.close()


def test_codebook_qdc_validates_and_merges(small_study, study, tmp_path):
    out = tmp_path / "book.qdc"
    export_qdc(small_study, out)
    assert official("Codebook.xsd").validate(etree.parse(str(out)))
    study.codes.add_category("چالش‌ها")  # already there: reused, not doubled
    result = import_qdc(study, out)
    assert (result.added, result.reused) == (6, 1)
    names = sorted((c.name, c.kind) for c in study.codes.list())
    assert names == sorted((c.name, c.kind) for c in small_study.codes.list())
    assert study.codes.by_name("خدمات آنلاین").color == "#123456"


def test_import_into_a_study_with_data_is_refused(small_study, tmp_path):
    out = tmp_path / "s.qdpx"
    export_qdpx(small_study, out)
    with pytest.raises(StudyError, match="new, empty study"):
        import_qdpx(small_study, out)


def test_export_is_atomic_and_refuses_a_missing_folder(small_study, tmp_path):
    with pytest.raises(StudyError, match="does not exist"):
        export_qdpx(small_study, tmp_path / "nope" / "x.qdpx")
    assert not list(tmp_path.glob("**/*.part"))


def test_text_only_round_trip_keeps_everything_but_the_audio(demo_path, tmp_path):
    demo = Study.open(demo_path)
    out = tmp_path / "demo.qdpx"
    export_qdpx(demo, out, include_audio=False)
    back = Study.create(tmp_path / "back")
    import_qdpx(back, out)
    before, after = snapshot(demo), snapshot(back)
    for key in before:
        if key not in ("transcripts", "codings", "interviews"):  # times and status come from the audio
            assert after[key] == before[key], key
    assert [t[2] and [s[2:] for s in t[2]] for t in after["transcripts"]] == \
        [t[2] and [s[2:] for s in t[2]] for t in before["transcripts"]]
    assert sorted(c[:5] for c in after["codings"]) == sorted(c[:5] for c in before["codings"])
    demo.close()
    back.close()
