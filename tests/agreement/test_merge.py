"""Merging a colleague's coding: from a QDPX of a copy of the demo, a study folder, a zipped study, by text."""
import json
import shutil
import zipfile

import pytest

from codebook import Study
from codebook import agreement as ag
from codebook import merge as mg
from codebook.demo_data import CODERS
from codebook.errors import StudyError
from codebook.models import NewSegment
from desktop.cli import main


def _snapshot(study):
    return ([(c.id, c.parent_id, c.kind, c.name) for c in study.codes.list()],
            [(c.id, c.code_id, c.start_segment_id, c.start_offset, c.end_segment_id, c.end_offset, c.coder)
             for c in study.codings.list()])


def _colleague_copy(demo_path, tmp_path):
    """A copy of the demo coded on by Sara: two codes renamed, one deleted, one added, and her codings."""
    theirs = tmp_path / "sara.mosahebeh"
    shutil.copytree(demo_path, theirs)
    with Study.open(theirs) as s:
        codes = {c.name: c for c in s.codes.list()}
        s.codes.update(codes["کمبود بودجه"].id, name="بودجهٔ ناکافی")
        s.codes.update(codes["شبکه‌های اجتماعی"].id, name="رسانه‌های اجتماعی")
        s.codes.remove(codes["همکاری با نهادهای محلی"].id)
        fear = s.codes.add("ترس کاربران", codes["تعطیلی فیزیکی"].parent_id)
        iv = s.interviews.list()
        seg1 = s.transcripts.segments(iv[0].id)
        # Sara codes interview 1 as the first coder did, but adds fear and leaves out visits.
        for c in s.codings.list(interview_id=iv[0].id):
            if c.coder == CODERS[0] and c.code_id != codes["کاهش مراجعه"].id:
                s.codings.add(c.code_id, c.start_segment_id, c.start_offset, c.end_segment_id, c.end_offset,
                              coder="Sara")
        s.codings.add(fear.id, seg1[5].id, 0, None, coder="Sara")
    return theirs


def test_merge_a_qdpx_exported_from_a_copy_coded_by_someone_else(demo_path, tmp_path, capsys):
    theirs = _colleague_copy(demo_path, tmp_path)
    qdpx = tmp_path / "sara.qdpx"
    assert main(["export", "--study", str(theirs), "--format", "qdpx", "--out", str(qdpx)]) == 0
    with Study.open(demo_path) as s:
        before = _snapshot(s)
        n_sara = 5 + 1  # interview 1: six codings by the first coder, less visits, plus fear
    capsys.readouterr()
    assert main(["merge", "--study", str(demo_path), str(qdpx), "--dry-run", "--json"]) == 0
    preview = json.loads(capsys.readouterr().out)
    assert preview["applied"] is False
    assert all(i["how"] == "audio" for i in preview["interviews"])
    renamed = {(c["name"], c["mine"]) for c in preview["codes"]["matched"] if c["name"] != c["mine"]}
    assert renamed == {("بودجهٔ ناکافی", "کمبود بودجه"), ("رسانه‌های اجتماعی", "شبکه‌های اجتماعی")}
    assert [c["name"] for c in preview["codes"]["added"]] == ["ترس کاربران"]
    assert preview["codings"]["by_coder"] == {"Sara": n_sara}
    with Study.open(demo_path) as s:
        assert _snapshot(s) == before  # a dry run writes nothing

    assert main(["merge", "--study", str(demo_path), str(qdpx)]) == 0
    assert "Merged: 1 code and 6 codings added." in capsys.readouterr().out
    with Study.open(demo_path) as s:
        codes, codings = _snapshot(s)
        assert set(before[0]) <= set(codes) and len(codes) == len(before[0]) + 1  # mine: not renamed, the deleted one kept
        assert set(before[1]) <= set(codings)  # my codings untouched
        fear = s.codes.by_name("ترس کاربران")
        assert s.codes.category_of(fear.id).name == "چالش‌ها"
        sara = [c for c in s.codings.list() if c.coder == "Sara"]
        assert len(sara) == n_sara and not any(c.flagged for c in sara)
        r = ag.compute(s, CODERS[0], "Sara")
        assert r.interviews == [s.interviews.list()[0].id]
        visits = next(c for c in r.codes if c.code == "کاهش مراجعه")
        assert visits.percent == 7 / 8 and visits.a_units == 1 and visits.b_units == 0
        budget = next(c for c in r.codes if c.code == "کمبود بودجه")
        assert budget.kappa == pytest.approx(1.0)  # renamed in theirs, matched by GUID
    # Merging again adds nothing: their codings are all here now.
    assert main(["merge", "--study", str(demo_path), str(qdpx), "--json"]) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["codings"]["added"] == 0 and again["codes"]["added"] == []


def test_two_copies_of_the_demo_coded_by_two_people_merge_and_agree(demo_path, tmp_path, capsys):
    """The issue's "done when": each colleague codes a copy; the folders merge into one study."""
    theirs = _colleague_copy(demo_path, tmp_path)
    assert main(["merge", "--study", str(demo_path), str(theirs)]) == 0
    assert main(["agreement", "--study", str(demo_path), "--coders", CODERS[0], "Sara", "--json"]) == 0
    out = json.loads(capsys.readouterr().out.splitlines()[-1])
    assert out["overall"]["units"] == 8 * 15  # interview 1, the 14 codes and Sara's new one


def test_undo_deletes_what_was_added_and_redo_puts_it_back(demo_path, tmp_path):
    theirs = _colleague_copy(demo_path, tmp_path)
    with Study.open(demo_path) as s:
        before = _snapshot(s)
        plan, result = mg.merge(s, theirs)
        after = _snapshot(s)
        assert after != before
        mg.undo(s, result)
        assert _snapshot(s) == before
        mg.redo(s, result)
        assert _snapshot(s) == after


def test_refused_whole_when_something_fails(demo_path, tmp_path, monkeypatch):
    theirs = _colleague_copy(demo_path, tmp_path)
    with Study.open(demo_path) as s:
        before = _snapshot(s)
        real, calls = s.codings.add, []

        def failing(*a, **kw):
            calls.append(1)
            if len(calls) == 3:
                raise StudyError("disk full")
            return real(*a, **kw)
        monkeypatch.setattr(s.codings, "add", failing)
        with pytest.raises(StudyError, match="disk full"):
            mg.merge(s, theirs)
        assert _snapshot(s) == before


def test_zipped_study_and_matching_by_text(study, tmp_path, capsys):
    """No audio: interviews match by their transcript text, even cut into segments differently; an
    interview with no match is left out; a coding with no coder comes in under their study's name."""
    iv = study.interviews.add(title="mine")
    study.transcripts.add_segments(iv.id, [NewSegment(0, 900, "یک دو سه"), NewSegment(1000, 1900, "چهار پنج")])
    cat = study.codes.add_category("C")
    study.codes.add("X", cat.id)
    theirs = Study.create(tmp_path / "colleague", name="Leila")
    a = theirs.interviews.add(title="theirs")
    segs = theirs.transcripts.add_segments(a.id, [NewSegment(0, 1900, "یک دو سه چهار پنج")])
    b = theirs.interviews.add(title="other")
    other = theirs.transcripts.add_segments(b.id, [NewSegment(0, 900, "چیز دیگری")])
    tcat = theirs.codes.add_category("C")
    x = theirs.codes.add("X", tcat.id)
    y = theirs.codes.add("Y", tcat.id)
    theirs.codings.add(x.id, segs[0], 3, segs[0], 13)  # "دو سه چهار": across my two segments
    theirs.codings.add(y.id, other[0], 0, None)
    folder = theirs.folder
    theirs.close()
    archive = tmp_path / "colleague.mosahebeh.zip"
    with zipfile.ZipFile(archive, "w") as z:
        for f in folder.rglob("*"):
            z.write(f, f"colleague.mosahebeh/{f.relative_to(folder).as_posix()}")
    study_path = study.folder
    study.close()
    assert main(["merge", "--study", str(study_path), str(archive), "--dry-run"]) == 0
    text = capsys.readouterr().out
    assert "theirs: interview 1 (by text), 1 codings" in text and "other: LEFT OUT: no match, 1 codings" in text
    assert main(["merge", "--study", str(study_path), str(archive)]) == 0
    with Study.open(study_path) as s:
        (c,) = s.codings.list()
        assert c.coder == "Leila" and s.codings.text(c) == "دو سه\nچهار" and not c.flagged
        assert s.codes.by_name("Y") is not None  # their code is added even if its only coding is left out


def test_nothing_matches_is_refused(study, tmp_path, capsys):
    other = Study.create(tmp_path / "x", name="x")
    i = other.interviews.add(title="t")
    other.transcripts.add_segments(i.id, [NewSegment(0, 10, "متن دیگر")])
    other.close()
    path = study.folder
    study.close()
    assert main(["merge", "--study", str(path), str(tmp_path / "x.mosahebeh")]) == 2
    assert "None of the interviews" in capsys.readouterr().err
    assert main(["merge", "--study", str(path), str(path)]) == 2


def test_audio_match_with_corrected_text_carries_codings_through_a_diff(demo_path, tmp_path):
    """Same audio, but I corrected a word after the copy: their codings land on the same words;
    one whose words changed is flagged for review."""
    theirs = tmp_path / "t.mosahebeh"
    shutil.copytree(demo_path, theirs)
    with Study.open(theirs) as s:
        iv = s.interviews.list()[2]
        segs = s.transcripts.segments(iv.id)
        code = s.codes.by_name("نبود زیرساخت فناوری")
        target = segs[1]  # "زیرساخت فناوری در بیشتر کتابخانه‌ها آماده نبود. کارکنان هم ..."
        s.codings.add(code.id, target.id, 0, target.id, len("زیرساخت فناوری"), coder="Sara")
        s.codings.add(code.id, segs[-1].id, 0, None, coder="Sara")
    with Study.open(demo_path) as s:
        iv = s.interviews.list()[2]
        segs = s.transcripts.segments(iv.id)
        s.transcripts.set_text(segs[0].id, "سلام. " + segs[0].text)  # text before moves the offsets
        s.transcripts.set_text(segs[-1].id, segs[-1].text.replace("ترکیبی", "دوگانه"))
        plan, _ = mg.merge(s, theirs)
        assert [m.how for m in plan.interviews] == ["audio"] * 6
        sara = [c for c in s.codings.list(interview_id=iv.id) if c.coder == "Sara"]
        by_seg = {c.start_segment_id: c for c in sara}
        assert s.codings.text(by_seg[segs[1].id]) == "زیرساخت فناوری" and not by_seg[segs[1].id].flagged
        assert by_seg[segs[-1].id].flagged  # its words were changed here


def test_agreement_command_narrowed_to_codes_and_interviews(demo_path, capsys):
    assert main(["agreement", "--study", str(demo_path), "--coders", *CODERS, "--codes", "چالش‌ها",
                 "--interviews", "مشارکت‌کننده ۱", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [c["code"] for c in out["codes"]] == ["تعطیلی فیزیکی", "کمبود بودجه", "نبود زیرساخت فناوری",
                                                 "نگرانی از سلامت کارکنان"]
    assert out["overall"]["units"] == 8 * 4
    assert main(["agreement", "--study", str(demo_path), "--coders", *CODERS, "--codes", "nothing"]) == 2
    assert "No code named 'nothing'" in capsys.readouterr().err
