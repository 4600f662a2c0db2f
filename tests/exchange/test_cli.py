"""The ``mosahebeh export`` and ``mosahebeh import`` command lines, as scripts call them."""
from __future__ import annotations

import zipfile

from codebook import Study
from desktop.cli import main


def test_export_qdpx_and_import_into_a_new_study(demo_path, tmp_path, capsys):
    out = tmp_path / "demo.qdpx"
    assert main(["export", "--study", str(demo_path), "--format", "qdpx", "--out", str(out)]) == 0
    assert zipfile.is_zipfile(out)
    assert main(["import", "--study", str(tmp_path / "copy"), str(out)]) == 0
    text = capsys.readouterr().out
    assert "Imported" in text and "codings" in text
    with Study.open(tmp_path / "copy.mosahebeh") as s, Study.open(demo_path) as d:
        assert len(s.codings.list()) == len(d.codings.list())
    # again into the same, now full, study: refused, exit 2, nothing changed
    assert main(["import", "--study", str(tmp_path / "copy.mosahebeh"), str(out)]) == 2
    assert "new, empty study" in capsys.readouterr().err


def test_failed_qdpx_import_leaves_no_study_behind(tmp_path, capsys):
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"PK\x03\x04 broken")
    assert main(["import", "--study", str(tmp_path / "new"), str(bad)]) == 2
    assert "mosahebeh:" in capsys.readouterr().err
    assert not (tmp_path / "new.mosahebeh").exists()


def test_transcript_and_tables(demo_path, tmp_path, capsys):
    with Study.open(demo_path) as s:
        iid = s.interviews.list()[1].id
    for fmt in ("txt", "docx", "srt", "vtt"):
        assert main(["export", "--study", str(demo_path), "--format", fmt, "--out", str(tmp_path / f"t.{fmt}"),
                     "--interview", str(iid)]) == 0
        assert (tmp_path / f"t.{fmt}").stat().st_size > 100
    for what in ("frequencies", "participants"):
        for fmt in ("csv", "xlsx", "docx"):
            assert main(["export", "--study", str(demo_path), "--format", fmt, "--what", what,
                         "--out", str(tmp_path / f"{what}.{fmt}")]) == 0
    assert main(["export", "--study", str(demo_path), "--format", "docx", "--what", "quotes",
                 "--out", str(tmp_path / "q.docx"), "--pseudonymise"]) == 0
    assert "replacement list" in capsys.readouterr().out
    assert main(["export", "--study", str(demo_path), "--format", "qdc", "--out", str(tmp_path / "b.qdc")]) == 0
    assert main(["export", "--study", str(demo_path), "--format", "srt", "--out", str(tmp_path / "all")]) == 0
    assert len(list((tmp_path / "all").glob("*.srt"))) >= 5
    # a transcript import needs --interview, and names the interviews
    assert main(["import", "--study", str(demo_path), str(tmp_path / "t.srt")]) == 2
    assert f"{iid} = " in capsys.readouterr().err
    with Study.open(demo_path) as s:
        fresh = s.interviews.add(None, title="new").id
    assert main(["import", "--study", str(demo_path), str(tmp_path / "t.srt"), "--interview", str(fresh)]) == 0
    assert main(["import", "--study", str(demo_path), str(tmp_path / "b.qdc")]) == 0
    assert "already there" in capsys.readouterr().out


def test_bad_paths_give_a_sentence_not_a_traceback(tmp_path, capsys):
    assert main(["export", "--study", str(tmp_path / "none"), "--format", "qdpx", "--out", "x.qdpx"]) == 2
    assert main(["import", "--study", str(tmp_path / "none"), str(tmp_path / "missing.qdpx")]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and err.count("mosahebeh:") == 2


def test_pseudonymised_qdpx_command_reports_what_it_replaced(demo_path, tmp_path, capsys):
    with Study.open(demo_path) as s:
        s.glossary.add("اسفند", replacement="[ماه]")  # a word interview 1 speaks
    assert main(["export", "--study", str(demo_path), "--format", "qdpx", "--out", str(tmp_path / "p.qdpx"),
                 "--pseudonymise"]) == 0
    out = capsys.readouterr().out
    assert "Replaced 1 occurrence" in out and "No names" not in out


def test_export_archive_and_import_it_as_a_new_study(demo_path, tmp_path, capsys):
    assert main(["export", "--study", str(demo_path), "--format", "archive", "--out", str(tmp_path / "demo")]) == 0
    out = tmp_path / "demo.mosahebeh.zip"
    assert out.is_file() and "real names" in capsys.readouterr().out
    assert main(["import", "--study", str(tmp_path / "copy"), str(out)]) == 0
    assert "Study:" in capsys.readouterr().out
    with Study.open(tmp_path / "copy.mosahebeh") as s, Study.open(demo_path) as d:
        assert s.guid == d.guid and len(s.codings.list()) == len(d.codings.list())
    # an archive is the study as it is: it is never pseudonymised
    assert main(["export", "--study", str(demo_path), "--format", "archive", "--pseudonymise",
                 "--out", str(tmp_path / "p")]) == 2
    assert "cannot be pseudonymised" in capsys.readouterr().err
