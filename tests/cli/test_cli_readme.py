"""The README's command line, run as a reader would: every row of the command table (its required
form, placeholders filled with a real study's paths and ids) and the "A day on the command line"
block exactly as written, each in its own ``mosahebeh`` process.

A row that cannot run here is listed in :data:`NOT_RUN` with the reason; a row with a placeholder
this test does not know fails, naming it (add it to :data:`VALUES`), so a row added later is never
skipped silently."""
from __future__ import annotations

import json
import re
import shlex
import shutil

import pytest
from cli_helpers import ROOT, mosahebeh

README = (ROOT / "README.md").read_text(encoding="utf-8")

# Rows that cannot run on a test machine, by their synopsis's start, with the reason.
NOT_RUN = {
    "mosahebeh record": "needs a microphone and a monitor of the output device (tests/record runs the "
                        "recorder on PulseAudio's null devices)",
    "mosahebeh recover": "needs a recording cut short mid-call (tests/record cuts one and recovers it)",
}
# Flags a row's required form needs to run headless, by command.
EXTRA = {"demo": ["--no-gui"]}


def command_section() -> str:
    return README.split("## The command line", 1)[1].split("\n## ", 1)[0]


def table_rows() -> list[str]:
    """The synopses of the command table: the first cell of each row that starts with `mosahebeh`."""
    rows = []
    for line in command_section().splitlines():
        if line.startswith("| `mosahebeh"):
            cell = re.split(r"(?<!\\)\|", line)[1].strip()
            rows.append(cell.strip("`").replace("\\|", "|"))
    return rows


def day_block() -> list[str]:
    block = command_section().split("### A day on the command line", 1)[1].split("```sh", 1)[1].split("```", 1)[0]
    return [line for line in block.strip().splitlines() if line.strip()]


def required_form(synopsis: str) -> list[str]:
    """The synopsis without its optional parts: ``[…]`` dropped, the first of ``{a,b}``, ``(X | Y)``
    and ``a|b`` alternatives taken, ``…`` dropped."""
    text = synopsis
    while True:  # innermost optional groups first
        stripped = re.sub(r"\[[^\[\]]*\]", "", text)
        if stripped == text:
            break
        text = stripped
    text = re.sub(r"\{([^,}]+)[^}]*\}", r"\1", text)
    text = re.sub(r"\(([^|()]+)\|[^()]*\)", r"\1", text)
    words = [w.split("|")[0] for w in shlex.split(text) if w != "…"]
    return words


@pytest.fixture(scope="module")
def world(tmp_path_factory, _demo_master, bundled_model, call_wav) -> dict:
    """A real study to run the rows on: the demo study (two coders, transcripts, audio) with one
    more interview holding a short recording, not yet transcribed; and the files rows name."""
    from codebook import Study
    from codebook.demo_data import CODERS

    here = tmp_path_factory.mktemp("readme")
    study = here / "demo.mosahebeh"
    shutil.copytree(_demo_master, study)
    theirs = here / "theirs.mosahebeh"
    shutil.copytree(_demo_master, theirs)
    with Study.open(study) as s:
        first = s.interviews.list()[0].id
        fresh = s.interviews.add(None, title="short call")
        s.interviews.attach_audio(fresh.id, call_wav)
        text = s.transcripts.text(first)
    (here / "ref.txt").write_text(text, encoding="utf-8")
    (here / "hyp.txt").write_text(text.replace("کتابخانه", "کتاب خانه"), encoding="utf-8")
    mosahebeh("export", "--study", str(study), "--format", "qdc", "--out", str(here / "codebook.qdc"), cwd=here)
    return {"here": here, "study": study, "first": first, "fresh": fresh.id, "theirs": theirs,
            "coders": list(CODERS), "wav": call_wav}


def fill(words: list[str], w: dict) -> list[str]:
    """Put real values in place of a row's placeholders (by the option before them, else the command)."""
    command = words[1]
    values = {
        "PATH": str(w["study"]), "ID": str(w["first"]), "AUDIO": str(w["wav"]), "REF": str(w["here"] / "ref.txt"),
        "HYP": str(w["here"] / "hyp.txt"), "MINE": str(w["study"]), "THEIRS": str(w["theirs"]),
        "A": w["coders"][0], "B": w["coders"][1], "A-B": "1-2", "CATEGORY/CODE": "readme/a code",
        "FILE": str(w["here"] / "codebook.qdc"),
    }
    by_option = {("--out", "PATH"): str(w["here"] / "out.qdpx")}
    by_command = {("new", "PATH"): str(w["here"] / "new-study"), ("demo", "PATH"): str(w["here"] / "demo-2"),
                  ("transcribe", "ID"): str(w["fresh"]),
                  # no language model server on a test machine: a closed port on this computer, which the
                  # command must answer with one sentence (tests/suggest runs a real one)
                  ("suggest", "URL"): "http://127.0.0.1:9/v1", ("suggest", "NAME"): "a-model",
                  ("suggest", "IDS"): "all", ("suggest", "RESEARCHER"): w["coders"][0]}
    out, unknown = ["mosahebeh"], []
    for i, word in enumerate(words[1:], 1):
        if re.fullmatch(r"[A-Z][A-Z/.\-_=]*", word) and word not in ("--",):
            key = (words[i - 1], word)
            if key in by_option:
                out.append(by_option[key])
            elif (command, word) in by_command:
                out.append(by_command[(command, word)])
            elif word in values:
                out.append(values[word])
            else:
                unknown.append(word)
        else:
            out.append(word)
    assert not unknown, f"the test does not know the placeholders {unknown} of `{' '.join(words)}`: add them"
    return out + EXTRA.get(command, [])


def test_the_table_is_read_whole():
    rows = table_rows()
    commands = {r.split()[1] for r in rows}
    assert {"new", "participants", "interviews", "transcribe", "code", "export", "saturation", "agreement",
            "wer"} <= commands
    assert required_form("mosahebeh saturation (--study PATH | --incidence FILE.csv) [--base 4] [--json]") == \
        ["mosahebeh", "saturation", "--study", "PATH"]
    assert required_form("mosahebeh export --study PATH --format {qdpx,archive} --out PATH [--what a|b]") == \
        ["mosahebeh", "export", "--study", "PATH", "--format", "qdpx", "--out", "PATH"]
    assert required_form("mosahebeh models list|fetch|add …") == ["mosahebeh", "models", "list"]


@pytest.mark.slow
def test_every_row_of_the_command_table_runs(world):
    ran, skipped = [], []
    for synopsis in table_rows():
        reason = next((why for start, why in NOT_RUN.items() if synopsis.startswith(start)), None)
        if reason:
            skipped.append(synopsis)
            continue
        args = fill(required_form(synopsis), world)
        result = mosahebeh(*args[1:], cwd=world["here"])
        assert result.stdout.strip() or result.stderr.strip(), f"`{' '.join(args)}` said nothing"
        assert "Traceback" not in result.stderr
        ran.append(args[1])
    # the rows left out are exactly the ones listed, with their reasons
    assert sorted({s.split()[1] for s in skipped}) == sorted(k.split()[1] for k in NOT_RUN)
    assert len(ran) >= 15
    from codebook import Study

    with Study.open(world["study"]) as s:  # the transcribe and code rows did their work
        assert s.transcripts.count(world["fresh"])[0] >= 1
        code = s.codes.by_path("readme/a code")
        assert [c.interview_id for c in s.codings.list(code_id=code.id)] == [world["first"]]


@pytest.mark.slow
def test_a_day_on_the_command_line_as_the_readme_writes_it(tmp_path, bundled_model, call_wav):
    """new → participants ×2 → interview with audio → transcribe → code (two coders) → export →
    saturation → agreement, each line of the README's block as it stands."""
    lines = day_block()
    for wav in {w for line in lines for w in shlex.split(line) if w.endswith(".wav")}:
        shutil.copy(call_wav, tmp_path / wav)
    outputs = []
    for line in lines:
        words = shlex.split(line)
        assert words[0] == "mosahebeh", line
        outputs.append(mosahebeh(*words[1:], cwd=tmp_path).stdout)
    new_interview = json.loads(next(o for line, o in zip(lines, outputs, strict=True)
                                    if "interviews" in line and "--add" in line))
    assert set(new_interview) == {"id", "title", "participant", "date", "mode", "duration_s", "status", "coded",
                                  "segments", "checked"}
    assert (new_interview["id"], new_interview["participant"], new_interview["date"], new_interview["status"]) == \
        (1, "Maryam", "2024-07-23", "recorded")
    from codebook import Study

    with Study.open(tmp_path / "library.mosahebeh") as s:
        people = {p.pseudonym: p for p in s.participants.list()}
        assert people["Reza"].referred_by == people["Maryam"].id
        assert people["Maryam"].attributes == {"role": "librarian", "workplace": "Tabriz"}
        segments = s.transcripts.segments(1)
        assert len(segments) >= 2 and {seg.speaker for seg in segments} == {"interviewer", "participant"}
        assert (s.folder / s.interviews.get(1).audio_path).is_file()
        by_coder = {c.coder: c for c in s.codings.list(interview_id=1)}
        assert set(by_coder) == {"Sara", "Ali"}
        assert (by_coder["Sara"].start_segment_id, by_coder["Sara"].end_segment_id) == (segments[0].id, segments[1].id)
        assert by_coder["Sara"].end_offset == len(segments[1].text)
        assert s.codes.path(by_coder["Ali"].code_id) == "closure/library closed"
    exported = (tmp_path / "interview-1.txt").read_text(encoding="utf-8")
    assert segments[0].text in exported and "Maryam" in exported
    agreement = outputs[-1]
    assert "Sara and Ali" in agreement and "kappa" in agreement
