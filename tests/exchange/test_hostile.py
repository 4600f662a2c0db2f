"""Malformed and hostile projects: a clear message, nothing imported, nothing written outside the study."""
from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from codebook import Study, StudyError
from codebook.refiqda import export_qdpx, import_qdc, import_qdpx


@pytest.fixture
def good(small_study, tmp_path) -> Path:
    out = tmp_path / "good.qdpx"
    export_qdpx(small_study, out)
    return out


def rewrite(src: Path, dst: Path, change) -> Path:
    """Copy a qdpx, passing each (name, data) through ``change`` (None drops it)."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for name in zin.namelist():
            item = change(name, zin.read(name))
            if item is not None:
                zout.writestr(*item)
    return dst


def assert_nothing_imported(study: Study):
    assert not study.participants.list() and not study.interviews.list() and not study.codes.list()
    assert not study.memos.list()
    assert not any(study.audio_dir.iterdir())


def check_refused(tmp_path, qdpx: Path, match: str):
    study = Study.create(tmp_path / "target")
    with pytest.raises(StudyError, match=match):
        import_qdpx(study, qdpx)
    assert_nothing_imported(study)
    study.close()


def test_not_a_zip(tmp_path):
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"this is not a zip")
    check_refused(tmp_path, bad, "not a zip")


def test_bad_xml(good, tmp_path):
    bad = rewrite(good, tmp_path / "bad.qdpx",
                  lambda n, d: (n, d[: len(d) // 2]) if n == "project.qde" else (n, d))
    check_refused(tmp_path, bad, "not well-formed")


def test_entities_are_refused(good, tmp_path):
    bomb = (b'<?xml version="1.0"?><!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            b'<Project xmlns="urn:QDA-XML:project:1.0" name="&b;"/>')
    bad = rewrite(good, tmp_path / "bad.qdpx", lambda n, d: (n, bomb) if n == "project.qde" else (n, d))
    check_refused(tmp_path, bad, "DTD")


def test_zip_slip_path(good, tmp_path):
    bad = rewrite(good, tmp_path / "bad.qdpx", lambda n, d: (n, d))
    with zipfile.ZipFile(bad, "a") as z:
        z.writestr("../../evil.txt", b"x")
    check_refused(tmp_path, bad, "unsafe path")
    assert not (tmp_path.parent / "evil.txt").exists()


def test_zip_bomb_entry(good, tmp_path):
    bad = rewrite(good, tmp_path / "bad.qdpx", lambda n, d: (n, d))
    with zipfile.ZipFile(bad, "a", zipfile.ZIP_DEFLATED) as z:
        z.writestr("sources/huge.txt", b"\0" * (64 * 2**20))
    check_refused(tmp_path, bad, "zip bomb")


def test_missing_source_file(good, tmp_path):
    bad = rewrite(good, tmp_path / "bad.qdpx", lambda n, d: None if n.endswith(".txt") else (n, d))
    check_refused(tmp_path, bad, "missing from the archive")


def test_guid_pointing_nowhere(good, tmp_path):
    def change(n, d):
        if n != "project.qde":
            return n, d
        text = d.decode()
        i = text.index('<CodeRef targetGUID="') + len('<CodeRef targetGUID="')
        return n, (text[:i] + "00000000-0000-0000-0000-000000000000" + text[i + 36:]).encode()
    bad = rewrite(good, tmp_path / "bad.qdpx", change)
    check_refused(tmp_path, bad, "points to nothing")


def test_schema_invalid_project(good, tmp_path):
    bad = rewrite(good, tmp_path / "bad.qdpx", lambda n, d: (n, d.replace(b'isCodable="true"', b'isCodable="maybe"'))
                  if n == "project.qde" else (n, d))
    check_refused(tmp_path, bad, "schema")


def test_failure_late_in_the_import_removes_copied_audio(good, tmp_path):
    # the audio is copied before the second source's text turns out to be missing
    def change(n, d):
        return None if n.endswith(".txt") and b"\xd9\x85\xd8\xaf\xdb\x8c\xd8\xb1" in d else (n, d)
    bad = rewrite(good, tmp_path / "bad.qdpx", change)
    check_refused(tmp_path, bad, "missing from the archive")


def test_what_cannot_be_imported_is_listed(good, tmp_path):
    extra = (b'<Sets><Set guid="11111111-1111-1111-1111-111111111111" name="s"/></Sets>'
             b'<Graphs><Graph guid="22222222-2222-2222-2222-222222222222"/></Graphs>')

    def change(n, d):
        if n != "project.qde":
            return n, d
        d = d.replace(b"</Links>", b"</Links>" + extra, 1)  # Sets and Graphs follow Links
        d = d.replace(b"</Sources>", b'<PictureSource guid="33333333-3333-3333-3333-333333333333" '
                                     b'path="internal://p.png"/></Sources>', 1)
        return n, d
    odd = rewrite(good, tmp_path / "odd.qdpx", change)
    study = Study.create(tmp_path / "target")
    result = import_qdpx(study, odd)
    assert result.skipped["sets"] == 1 and result.skipped["graphs"] == 1 and result.skipped["picture sources"] == 1
    assert "Not imported" in result.summary() and "sets (1)" in result.summary()
    assert len(study.interviews.list()) == 2
    study.close()


def test_bad_qdc(study, tmp_path):
    bad = tmp_path / "bad.qdc"
    bad.write_text("<CodeBook xmlns='urn:QDA-XML:codebook:1.0'><Codes>", encoding="utf-8")
    with pytest.raises(StudyError, match="not well-formed"):
        import_qdc(study, bad)
    other = tmp_path / "other.qdc"
    other.write_text("<html/>", encoding="utf-8")
    with pytest.raises(StudyError, match="not a REFI-QDA codebook"):
        import_qdc(study, other)
    assert not study.codes.list()
