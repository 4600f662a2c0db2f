"""Speakers in one-channel recordings (issue #22): real readers from ../shared/fa-speech, espeak
voices, the real GE2E weights, the real bundled Whisper model, a real study."""
from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from transcribe.audio import iter_samples

SPEECH = Path(__file__).resolve().parents[3] / "shared" / "fa-speech"
if not SPEECH.is_dir():
    SPEECH = Path("/work/shared/fa-speech")
RATE = 16000


def clip(n: int) -> np.ndarray:
    """A reader's clip with its leading and trailing silence cut (readers: 1-18 one, 19-36 the other)."""
    x = np.concatenate(list(iter_samples(SPEECH / f"clip{n:02d}.mp3")))
    hop = 160
    energy = np.mean(x[:len(x) // hop * hop].reshape(-1, hop) ** 2, axis=1)
    loud = np.flatnonzero(energy > energy.max() * 1e-3)
    return x[loud[0] * hop:(loud[-1] + 1) * hop]


def gap(seconds: float) -> np.ndarray:
    return np.zeros(int(seconds * RATE), np.float32)


@pytest.fixture(scope="module")
def call(tmp_path_factory) -> dict:
    """Reader A asks, reader B answers, twice: as one channel and as identical stereo, with the truth."""
    folder = tmp_path_factory.mktemp("calls")
    a1, b1, a2, b2 = clip(1), clip(21), clip(2), clip(22)
    parts, truth, t = [], [], 0.0
    for who, piece, pause in (("A", a1, 0.35), ("B", b1, 0.8), ("A", a2, 0.35), ("B", b2, 0.0)):
        truth.append((t, t + len(piece) / RATE, who))
        parts += [piece, gap(pause)]
        t += (len(piece) + int(pause * RATE)) / RATE
    x = np.concatenate(parts)
    sf.write(folder / "mono.wav", x, RATE)
    sf.write(folder / "stereo.wav", np.stack([x, x], axis=1), RATE)
    sf.write(folder / "monologue.wav", np.concatenate([clip(3), gap(0.5), clip(4), gap(0.5), clip(5)]), RATE)
    return {"mono": folder / "mono.wav", "stereo": folder / "stereo.wav", "truth": truth,
            "monologue": folder / "monologue.wav", "folder": folder}


def cli_json(capsys, *args) -> dict:
    from desktop.cli import main

    assert main(["transcribe", *map(str, args), "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def truth_at(truth, t: float) -> str:
    return min(truth, key=lambda r: 0 if r[0] <= t <= r[1] else min(abs(t - r[0]), abs(t - r[1])))[2]


def test_the_embedding_tells_the_two_readers_apart():
    from transcribe.voice_encoder import VoiceEncoder

    encoder = VoiceEncoder()
    e = np.array([encoder.embed(clip(n)) for n in (1, 2, 3, 19, 20, 21)])
    sims = e @ e.T
    same = np.r_[sims[:3, :3][np.triu_indices(3, 1)], sims[3:, 3:][np.triu_indices(3, 1)]]
    cross = sims[:3, 3:].ravel()
    assert same.mean() > cross.mean() + 0.05, (same, cross)
    assert np.allclose(np.linalg.norm(e, axis=1), 1.0, atol=1e-4)


def test_channel_use_tells_the_same_voice_from_two_speakers(call, audio):
    from transcribe.channel_use import BY_CHANNEL, ONE_CHANNEL, ONE_VOICE, detect

    assert detect(call["stereo"]).mode == ONE_VOICE
    assert detect(call["mono"]).mode == ONE_CHANNEL
    assert detect(audio["stereo"]).mode == BY_CHANNEL
    assert detect(audio["leak"]).mode == BY_CHANNEL  # the mic hears the remote voice, 12 dB down


@pytest.mark.slow
def test_identical_stereo_is_transcribed_once_with_both_speakers(call, bundled_dir, capsys):
    mono = cli_json(capsys, call["mono"])
    stereo = cli_json(capsys, call["stereo"])
    assert [(s["start"], s["speaker"]) for s in stereo["segments"]] == \
        [(s["start"], s["speaker"]) for s in mono["segments"]]
    assert len(stereo["segments"]) <= 6  # four turns, not eight
    assert all(s["speaker"] for s in stereo["segments"])
    right = [s["speaker"] for s in stereo["segments"]]
    assert {"interviewer", "participant"} == set(right)
    for s in stereo["segments"]:  # each segment's words belong to one reader, and the labels follow them
        whos = {truth_at(call["truth"], (w["start"] + w["end"]) / 2) for w in s["words"]}
        assert len(whos) == 1, s
    by_reader = {truth_at(call["truth"], (s["start"] + s["end"]) / 2): s["speaker"] for s in stereo["segments"]}
    assert by_reader["A"] != by_reader["B"]


@pytest.mark.slow
def test_a_turn_inside_one_whisper_segment_is_split_there(call, pipeline):
    from transcribe.diarize import label_segments, read_mono

    result = pipeline.run(call["mono"])
    first, second = result.segments[0], result.segments[1]
    joined = replace(first, end=second.end, text=f"{first.text} {second.text}", words=first.words + second.words)
    labelled, _ = label_segments(read_mono(call["mono"]), [joined, *result.segments[2:]], 2)
    turn = call["truth"][1][0]  # where reader B starts
    head, tail = labelled[0], labelled[1]
    assert head.speaker != tail.speaker
    # no word of the head starts after the turn, no word of the tail ends before it (Whisper's word times
    # are coarse: a word may straddle the turn and go either way)
    assert head.words[-1].start < turn + 0.3 and tail.words[0].end > turn - 0.3
    # the cut loses and repeats no word: the two parts begin with the joined segment's words, in order (the
    # tail may go on with the next segment's words, the same speaker's)
    assert [*head.words, *tail.words][:len(joined.words)] == joined.words
    assert head.text == " ".join(w.word for w in head.words)


@pytest.mark.slow
def test_a_monologue_with_auto_stays_one_speaker(call, bundled_dir, capsys):
    out = cli_json(capsys, call["monologue"], "--speakers", "auto")
    assert {s["speaker"] for s in out["segments"]} == {"participant"}


@pytest.mark.slow
def test_three_speakers_with_speakers_3(call, bundled_dir, capsys):
    from transcribe.speech import speak

    third = speak("لطفا درباره تجربه خودتان در کتابخانه بیشتر توضیح بدهید.", voice="fa+f3", speed=140)
    x = np.concatenate([clip(6), gap(0.8), clip(24), gap(0.8), third, gap(0.8), clip(7), gap(0.8), clip(25)])
    path = call["folder"] / "three.wav"
    sf.write(path, x, RATE)
    out = cli_json(capsys, path, "--speakers", "3")
    assert all(s["speaker"] for s in out["segments"])
    assert {s["speaker"] for s in out["segments"]} == {"S1", "S2", "S3"}
    assert out["segments"][0]["speaker"] != out["segments"][1]["speaker"]


@pytest.mark.slow
def test_a_study_stores_one_voice_and_labels_swaps_and_renames(call, make_study, pipeline):
    from codebook import speakers
    from codebook.transcription import run_job

    study, iid = make_study(call["stereo"])
    assert study.interviews.get(iid).channel_use == "one-voice"  # found when the audio was attached
    run_job(study, iid, pipeline=pipeline)
    segments = study.transcripts.segments(iid)
    assert 3 <= len(segments) <= 6 and all(s.speaker in ("interviewer", "participant") for s in segments)
    before = [(s.id, s.speaker) for s in study.transcripts.segments(iid)]
    changes = speakers.swap(study, iid)
    swapped = {s.id: s.speaker for s in study.transcripts.segments(iid)}
    assert all(swapped[i] != who for i, who in before)
    speakers.restore(study, changes)
    assert [(s.id, s.speaker) for s in study.transcripts.segments(iid)] == before
    speakers.rename(study, iid, "participant", "P1")
    assert {s.speaker for s in study.transcripts.segments(iid)} == {"interviewer", "P1"}
    with pytest.raises(Exception, match="speakers must be 1 or more|number of speakers"):
        study.interviews.update(iid, speakers="0")


@pytest.mark.slow
def test_the_command_labels_a_study_interview(call, make_study, bundled_dir, capsys):
    from desktop.cli import main

    study, iid = make_study(call["mono"])
    folder = study.folder
    study.close()
    assert main(["transcribe", "--study", str(folder), "--interview", str(iid), "--speakers", "2", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["state"] == "done"
    from codebook import Study

    with Study.open(folder) as again:
        segments = again.transcripts.segments(iid)
        assert segments and {s.speaker for s in segments} == {"interviewer", "participant"}
        assert again.interviews.get(iid).channel_use == "one-channel"
