"""``mosahebeh wer`` reads every text form the app writes: the same transcript as TXT, DOCX, SRT and
VTT exports, and as ``mosahebeh transcribe``'s text and --json output, has the same words (WER 0
against its plain text); stamps, titles, labels and the untranscribed placeholder are not words."""
from __future__ import annotations

import json

import pytest
from cli_helpers import mosahebeh

from desktop.cli import main


def wer(capsys, ref, hyp) -> dict:
    assert main(["wer", str(ref), str(hyp), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("lang", ["fa", "en"])
def test_every_export_of_a_transcript_has_its_words_and_no_more(demo_path, tmp_path, capsys, lang):
    from codebook import Study
    from codebook.formats.write import export_transcript
    from codebook.models import NewSegment

    with Study.open(demo_path) as study:
        iid = study.interviews.list()[0].id
        segments = study.transcripts.segments(iid)
        end = segments[-1].end_ms
        # a stretch the machine could not transcribe: exports write a placeholder for it
        study.transcripts.add_segments(iid, [NewSegment(end + 500, end + 2500, "", "participant",
                                                        untranscribed=True)])
        plain = tmp_path / "plain.txt"
        plain.write_text(study.transcripts.text(iid), encoding="utf-8")
        words = len(study.transcripts.text(iid).split())
        assert {s.speaker for s in segments} == {"interviewer", "participant"}
        files = [export_transcript(study, iid, fmt, tmp_path / f"t-{lang}.{fmt}", lang=lang)
                 for fmt in ("txt", "docx", "srt", "vtt")]
    for path in files:
        rates = wer(capsys, plain, path)
        assert (rates["wer"], rates["ref_words"], rates["cer"]) == (0.0, words, 0.0), path.name
        assert wer(capsys, path, plain)["wer"] == 0.0, path.name


@pytest.fixture(scope="module")
def transcribed(tmp_path_factory, bundled_model, call_wav):
    """``mosahebeh transcribe`` of a two-sided call, as text and as JSON (the same run twice)."""
    folder = tmp_path_factory.mktemp("transcribed")
    text = mosahebeh("transcribe", str(call_wav), cwd=folder).stdout
    as_json = mosahebeh("transcribe", str(call_wav), "--json", cwd=folder).stdout
    (folder / "out.txt").write_text(text, encoding="utf-8")
    (folder / "out.json").write_text(as_json, encoding="utf-8")
    return folder


@pytest.mark.slow
def test_transcribes_own_output_is_read_without_stamps_and_labels(transcribed, capsys):
    """The issue's 187.7 %: the text output's stamps and speaker labels were counted as words."""
    text = (transcribed / "out.txt").read_text(encoding="utf-8")
    segments = json.loads((transcribed / "out.json").read_text(encoding="utf-8"))["segments"]
    assert {s["speaker"] for s in segments} == {"interviewer", "participant"}
    assert text.splitlines()[0].startswith("[0:00:0") and "interviewer]" in text
    plain = transcribed / "plain.txt"
    plain.write_text("\n".join(s["text"] for s in segments), encoding="utf-8")
    words = sum(len(s["text"].split()) for s in segments)
    for hyp in ("out.txt", "out.json"):
        rates = wer(capsys, plain, transcribed / hyp)
        assert (rates["wer"], rates["ref_words"], rates["cer"]) == (0.0, words, 0.0), hyp  # nothing inserted
    assert wer(capsys, transcribed / "out.json", transcribed / "out.txt")["wer"] == 0.0
    # the real entry point, in its own process, prints the same
    out = mosahebeh("wer", "plain.txt", "out.txt", cwd=transcribed).stdout
    assert out.startswith(f"WER 0.0% (0 errors in {words} words)")


def test_a_file_that_is_not_a_transcript_in_json_is_refused(tmp_path, capsys):
    (tmp_path / "ref.txt").write_text("سلام", encoding="utf-8")
    (tmp_path / "x.json").write_text('{"segments": [{"start": 1}, 3]}', encoding="utf-8")
    assert main(["wer", str(tmp_path / "ref.txt"), str(tmp_path / "x.json")]) == 2
    assert "is not a transcript in JSON" in capsys.readouterr().err
