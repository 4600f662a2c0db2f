"""The demo study and the foundation commands, run as a user runs them."""
import subprocess
import sys

import numpy as np
import pytest
import soundfile as sf

from codebook import Study
from desktop.cli import build_parser, main


def test_demo_study_has_what_the_issue_asks(demo_path):
    with Study.open(demo_path) as s:
        people = s.participants.list()
        assert len(people) >= 4
        assert all(len(p.attributes) >= 5 for p in people)
        assert sum(p.referred_by is not None for p in people) >= 3  # snowball links
        interviews = s.interviews.list()
        assert len(interviews) >= 4
        categories = [c for c in s.codes.list() if c.kind == "category"]
        codes = [c for c in s.codes.list() if c.kind == "code"]
        assert len(categories) >= 3 and len(codes) >= 10
        seen, new_per_interview = set(), []
        for i in interviews:
            audio = s.interviews.audio_file(i.id)
            data, rate = sf.read(audio, always_2d=True)
            assert data.shape[1] == 2 and rate >= 16000
            segs = s.transcripts.segments(i.id)
            assert segs and all(seg.end_ms <= i.duration_ms for seg in segs)
            # Each speaker's words are on their own channel while they speak.
            for seg in segs:
                part = data[seg.start_ms * rate // 1000: seg.end_ms * rate // 1000]
                ch = 0 if seg.speaker == "interviewer" else 1
                assert np.abs(part[:, ch]).max() > 0.1 and np.abs(part[:, 1 - ch]).max() < 0.01
            used = {c.code_id for c in s.codings.list(interview_id=i.id)}
            new_per_interview.append(len(used - seen))
            seen |= used
        assert new_per_interview[0] > new_per_interview[-1]
        assert new_per_interview == sorted(new_per_interview, reverse=True)
        assert all(s.codings.text(c) for c in s.codings.list())
        assert s.marks.answers(s.guide.list()[0].id)


def test_demo_command_builds_headless_and_refuses_to_overwrite(tmp_path, capsys):
    assert main(["demo", str(tmp_path / "x.mosahebeh"), "--no-gui"]) == 0
    assert (tmp_path / "x.mosahebeh" / "study.db").is_file()
    assert main(["demo", str(tmp_path / "x.mosahebeh"), "--no-gui"]) == 2
    assert "already exists" in capsys.readouterr().err
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".demo-")]  # no leftovers


def test_new_command_creates_empty_study_with_default_attributes(tmp_path):
    assert main(["new", str(tmp_path / "s")]) == 0
    with Study.open(tmp_path / "s.mosahebeh") as s:
        assert s.participants.attribute_names() == ["نقش", "محل کار", "رشته", "مدرک", "جنسیت"]
        assert s.interviews.list() == []


def test_command_errors_are_messages_not_tracebacks(tmp_path):
    folder = tmp_path / "bad.mosahebeh"
    folder.mkdir()
    (folder / "study.db").write_text("hello")
    out = subprocess.run([sys.executable, "-m", "desktop", "new", str(folder)],
                         capture_output=True, text=True)
    assert out.returncode == 2 and out.stderr.startswith("mosahebeh: ") and "Traceback" not in out.stderr


def test_every_subcommand_has_help():
    parser = build_parser()
    sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
    assert {"new", "demo"} <= set(sub.choices)
    for name, p in sub.choices.items():
        text = p.format_help()
        assert name in text and len(text) > 80, name
    with pytest.raises(SystemExit) as exc:
        main(["--help"])
    assert exc.value.code == 0


def test_output_to_a_closed_pipe_ends_quietly(tmp_path):
    # `mosahebeh … | head` where head has already gone: no traceback.
    proc = subprocess.Popen([sys.executable, "-m", "desktop", "new", str(tmp_path / "s")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    proc.stdout.close()  # the reader leaves before the command prints
    err = proc.stderr.read().decode()
    assert proc.wait() == 141 and "Traceback" not in err
    assert (tmp_path / "s.mosahebeh" / "study.db").is_file()  # the work itself was done
