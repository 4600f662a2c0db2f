"""``mosahebeh participants``, ``interviews --add/--edit`` and ``code`` on a real study, through the real
entry point: the JSON shapes exactly, what lands in the store, and the sentences of the errors."""
from __future__ import annotations

import json

import pytest
from cli_helpers import mosahebeh

PARTICIPANT_KEYS = {"id", "pseudonym", "referred_by", "referrer", "attributes", "notes", "interviews"}
INTERVIEW_KEYS = {"id", "title", "participant", "date", "mode", "duration_s", "status", "coded", "segments",
                  "checked"}


def run_json(*args, cwd):
    return json.loads(mosahebeh(*args, "--json", cwd=cwd).stdout)


def failing(*args, cwd) -> str:
    result = mosahebeh(*args, cwd=cwd, ok=False)
    assert result.returncode == 2 and "Traceback" not in result.stderr, result.stderr
    return result.stderr.strip()


def test_participants_add_edit_and_list(tmp_path):
    mosahebeh("new", "s", cwd=tmp_path)
    s = "s.mosahebeh"
    maryam = run_json("participants", "--study", s, "--add", "Maryam", "--attr", "role=librarian",
                      "--attr", "note=a=b", cwd=tmp_path)
    assert maryam == {"id": 1, "pseudonym": "Maryam", "referred_by": None, "referrer": None,
                      "attributes": {"role": "librarian", "note": "a=b"}, "notes": "", "interviews": []}
    reza = run_json("participants", "--study", s, "--add", "Reza", "--referrer", "Maryam", cwd=tmp_path)
    assert (reza["referred_by"], reza["referrer"]) == (1, "Maryam")
    # referrer by id; attributes changed and one removed; renamed
    edited = run_json("participants", "--study", s, "--edit", "2", "--pseudonym", "Reza K", "--attr", "role=manager",
                      "--referrer", "#1", cwd=tmp_path)
    assert edited["pseudonym"] == "Reza K" and edited["attributes"] == {"role": "manager"}
    edited = run_json("participants", "--study", s, "--edit", "2", "--attr", "role=", "--referrer", "", cwd=tmp_path)
    assert edited["attributes"] == {} and edited["referred_by"] is None
    listed = run_json("participants", "--study", s, cwd=tmp_path)
    assert [set(p) for p in listed] == [PARTICIPANT_KEYS] * 2 and [p["id"] for p in listed] == [1, 2]
    table = mosahebeh("participants", "--study", s, cwd=tmp_path).stdout.splitlines()
    assert table[0].split() == ["id", "pseudonym", "referred", "by", "interviews", "attributes"]
    assert table[1].split()[:2] == ["1", "Maryam"] and "role=librarian" in table[1]
    assert "already used" in failing("participants", "--study", s, "--add", "Maryam", cwd=tmp_path)
    assert "No participant with the pseudonym or id “Nobody”" in failing(
        "participants", "--study", s, "--add", "X", "--referrer", "Nobody", cwd=tmp_path)
    assert "--attr takes KEY=VALUE" in failing("participants", "--study", s, "--add", "X", "--attr", "role",
                                               cwd=tmp_path)
    mosahebeh("participants", "--study", s, "--edit", "2", "--referrer", "Maryam", cwd=tmp_path)
    assert "referred by someone they referred" in failing("participants", "--study", s, "--edit", "1",
                                                          "--referrer", "Reza K", cwd=tmp_path)


def test_a_number_that_is_an_id_and_a_pseudonym_is_refused(study):
    from codebook.errors import StudyError

    a = study.participants.add("7")
    b = study.participants.add("B")
    assert study.participants.find("7").id == a.id == 1  # no participant 7: the pseudonym
    study.participants.add("1")  # pseudonym "1" (id 3) against id 1 (“7”)
    with pytest.raises(StudyError, match="participant 1's id and participant 3's pseudonym"):
        study.participants.find("1")
    assert study.participants.find("#1").id == a.id and study.participants.find("#3").pseudonym == "1"
    assert study.participants.find("۲").id == b.id  # Persian digits are an id too
    with pytest.raises(StudyError, match="not a participant id"):
        study.participants.find("#x")


def test_interviews_add_with_audio_edit_and_the_title_column(tmp_path, call_wav):
    mosahebeh("new", "s", cwd=tmp_path)
    s = "s.mosahebeh"
    mosahebeh("participants", "--study", s, "--add", "Maryam", cwd=tmp_path)
    made = run_json("interviews", "--study", s, "--add", "--participant", "Maryam", "--audio", str(call_wav),
                    "--title", "first call", "--date", "1403/05/02", "--mode", "phone", cwd=tmp_path)
    assert set(made) == INTERVIEW_KEYS
    assert {k: made[k] for k in ("id", "title", "participant", "date", "mode", "status", "segments")} == \
        {"id": 1, "title": "first call", "participant": "Maryam", "date": "2024-07-23", "mode": "phone",
         "status": "recorded", "segments": 0}
    assert made["duration_s"] == pytest.approx(9.2, abs=0.5)
    copied = tmp_path / s / "audio" / "interview-001.wav"
    assert copied.read_bytes() == call_wav.read_bytes()  # a copy inside the study, not a link to the original
    # without --json: the new interview as a one-row table
    text = mosahebeh("interviews", "--study", s, "--add", "--title", "no audio yet", cwd=tmp_path).stdout.splitlines()
    assert len(text) == 2 and text[1].split()[:4] == ["2", "no", "audio", "yet"]
    listed = mosahebeh("interviews", "--study", s, "--edit", "2", "--audio", str(call_wav), "--participant", "#1",
                       cwd=tmp_path).stdout.splitlines()
    assert listed[0].split() == ["id", "title", "participant", "date", "mode", "duration", "status", "checked"]
    assert "no audio yet" in listed[2] and "Maryam" in listed[2] and "recorded" in listed[2]
    from codebook import Study

    with Study.open(tmp_path / s) as study:
        assert study.interviews.get(2).audio_path == "audio/interview-002.wav"
    # a file that is not audio: refused, and no interview is left behind
    (tmp_path / "notes.wav").write_text("not audio", encoding="utf-8")
    assert "notes.wav" in failing("interviews", "--study", s, "--add", "--audio", "notes.wav", cwd=tmp_path)
    assert len(run_json("interviews", "--study", s, cwd=tmp_path)) == 2
    assert "make one with --add or name one with --edit ID" in failing("interviews", "--study", s, "--title", "x",
                                                                       cwd=tmp_path)
    assert "is not a date" in failing("interviews", "--study", s, "--add", "--date", "1403/13/40", cwd=tmp_path)


def test_code_spans_positions_makes_codes_and_removes(demo_path, tmp_path):
    from codebook import Study

    with Study.open(demo_path) as study:
        iid = study.interviews.list()[1].id
        segments = study.transcripts.segments(iid)
        before = len(study.codings.list(interview_id=iid))
    s = str(demo_path)
    out = mosahebeh("code", "--study", s, "--interview", str(iid), "--segments", "2-4", "--code",
                    "new category/new code", "--coder", "Sara", cwd=tmp_path).stdout
    assert out.splitlines() == ["Made the category new category.", "Made the code new category/new code.",
                                f"Interview {iid}, segments 2–4, now has new category/new code (coder Sara)."]
    again = mosahebeh("code", "--study", s, "--interview", str(iid), "--segments", "2-4", "--code",
                      "new category/new code", "--coder", "Sara", cwd=tmp_path).stdout
    assert "already had" in again
    with Study.open(demo_path) as study:
        code = study.codes.by_path("new category/new code")
        (coding,) = study.codings.list(code_id=code.id)
        assert (coding.start_segment_id, coding.start_offset, coding.end_segment_id, coding.end_offset) == \
            (segments[1].id, 0, segments[3].id, len(segments[3].text))
        assert coding.coder == "Sara" and study.codes.category_of(code.id).name == "new category"
        existing = study.codes.path(study.codings.list(interview_id=iid)[0].code_id).split("/")[-1]
    # a bare code name finds the one code of that name; the coder defaults to none (no Settings here)
    mosahebeh("code", "--study", s, "--interview", str(iid), "--segments", "1", "--code", existing, cwd=tmp_path)
    with Study.open(demo_path) as study:
        assert len(study.codings.list(interview_id=iid)) == before + 2
        assert any(c.coder == "" for c in study.codings.list(interview_id=iid))
    mosahebeh("code", "--study", s, "--interview", str(iid), "--segments", "2-4", "--code",
              "new category/new code", "--coder", "Sara", "--remove", cwd=tmp_path)
    with Study.open(demo_path) as study:
        assert study.codings.list(code_id=study.codes.by_path("new category/new code").id) == []
    n = len(segments)
    assert f"has segments 1 to {n}; 2–{n + 1} is not among them" in failing(
        "code", "--study", s, "--interview", str(iid), "--segments", f"2-{n + 1}", "--code", "x", cwd=tmp_path)
    assert "--segments takes A-B" in failing("code", "--study", s, "--interview", str(iid), "--segments", "a-b",
                                             "--code", "x", cwd=tmp_path)
    assert "No coding of new category/new code (coder Ali)" in failing(
        "code", "--study", s, "--interview", str(iid), "--segments", "2-4", "--code", "new category/new code",
        "--coder", "Ali", "--remove", cwd=tmp_path)


def test_the_coder_defaults_to_the_name_in_the_apps_settings(demo_path, tmp_path, monkeypatch):
    """The name the app stamps (Settings › coder) is read without Qt from the settings file."""
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.ini").write_text('[coding]\ncoder="Sara, the second"\n', encoding="utf-8")
    monkeypatch.setenv("MOSAHEBEH_DATA_DIR", str(data))
    out = mosahebeh("code", "--study", str(demo_path), "--interview", "1", "--segments", "1", "--code",
                    "c/d", cwd=tmp_path).stdout
    assert "(coder Sara, the second)" in out
